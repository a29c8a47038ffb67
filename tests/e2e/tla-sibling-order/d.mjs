import { b } from "./b.mjs";
console.log("d sees", b);
