// A chain of modules with top-level await: each waits for the one it
// imports, and sees its final values.
import { a } from "./a.mjs";
console.log("index sees", a);
