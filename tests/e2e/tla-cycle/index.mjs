// A cycle through modules with top-level await: a imports b, b imports a.
// b runs first (a's dependency) and sees a's bindings uninitialized; a then
// waits for b's await.
import { a, fromB } from "./a.mjs";
import { b } from "./b.mjs";
console.log("index", a, fromB, b);
