import { c } from "./c.mjs";
console.log("b start, c =", c);
await null;
export const b = "b(" + c + ")";
console.log("b end");
