import { p, q, rest } from "./lib.js";
console.log(p, q, JSON.stringify(rest));
