import { b, readA } from "./b.mjs";
console.log("a start, b =", b, "readA() =", readA());
await Promise.resolve();
export const a = "a";
export const fromB = b;
console.log("a end, readA() =", readA());
