import { x } from "./outer.js";
console.log(x);
