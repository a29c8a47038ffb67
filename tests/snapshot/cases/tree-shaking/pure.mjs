import "./effect.mjs";
import { helper } from "./helper.mjs";
export const unusedName = 1;
export function alsoUnused() { return helper(); }
