import * as mid from "./mid.js";
import * as own from "./own.js";
import * as outer from "./outer.js";
import { onlyA, onlyB, s } from "./mid.js";
console.log(Object.keys(mid).sort().join(","), "x" in mid, mid.x);
console.log(Object.keys(own).sort().join(","), own.x);
console.log(Object.keys(outer).sort().join(","), "x" in outer);
console.log(onlyA, onlyB, s);
