import { a, b } from "./lib.js";
const o = { a, b, c: 3 };
console.log(JSON.stringify(o));
const { a: z = a } = {};
console.log(z);
