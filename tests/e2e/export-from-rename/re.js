export { x as y, default as def } from "./lib.js";
export { x as again } from "./lib.js";
