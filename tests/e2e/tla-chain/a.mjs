import { b } from "./b.mjs";
console.log("a start, b =", b);
export const a = "a(" + (await Promise.resolve(b)) + ")";
console.log("a end");
