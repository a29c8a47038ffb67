import * as A from "./a.js";
import * as B from "./b.js";
import { a, b, c, fromC } from "./a.js";
import { a as a2 } from "./c.js";
console.log(Object.keys(A).join(), Object.keys(B).join(), a, b, c, fromC, a2);
