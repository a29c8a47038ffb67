export { x } from "./ab.mjs";
export { onlyA } from "./ab.mjs";
