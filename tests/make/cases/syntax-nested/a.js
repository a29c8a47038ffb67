import { b } from "./deep/b.js";
import { e } from "./early.js";
export const a = b + e;
