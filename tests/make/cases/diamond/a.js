import { b } from "./b.js";
import { c } from "./c.js";
console.log(b + c);
