import { a } from "./a.js";
import { c } from "./c.js";
export function b() { return a + c; }
