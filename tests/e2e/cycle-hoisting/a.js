import { b } from "./b.js";
console.log("a runs");
export function a() { return "a" + b(); }
export const fromB = b();
