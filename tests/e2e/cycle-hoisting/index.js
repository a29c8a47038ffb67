import { a, fromB } from "./a.js";
console.log(a(), fromB);
