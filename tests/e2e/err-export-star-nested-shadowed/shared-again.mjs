export { s } from "./shared.mjs";
