import { x, y, ns } from "./mid.js";
console.log(x, y, ns.x);
