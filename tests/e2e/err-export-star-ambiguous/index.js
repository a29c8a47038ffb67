import { x } from "./ab.js";
console.log(x);
