import { tag } from "./util.js";
import { name as outerName } from "./outer.js";
export const name = tag("inner");
export const fromOuter = outerName;
