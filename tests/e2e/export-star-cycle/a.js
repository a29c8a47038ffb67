export * from "./b.js";
export const a = "a";
export { c as fromC } from "./c.js";
