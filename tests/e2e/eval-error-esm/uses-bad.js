import { v } from "./bad.js";
console.log("not reached", v);
