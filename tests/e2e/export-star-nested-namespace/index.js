import * as o from "./outer.js";
import * as o2 from "./outer2.js";
console.log(o.x, o2.x);
