import { a } from "./a.mjs";
export function readA() {
  try { return a; } catch (e) { return e.name; }
}
console.log("b start, readA() =", readA());
export const b = await new Promise((resolve) => setTimeout(() => resolve("b"), 5));
console.log("b end");
