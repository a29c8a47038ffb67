import { a } from "./a.js";
console.log("b runs, a is", typeof a);
export function b() { return "b"; }
export const early = a();
console.log("early", early);
