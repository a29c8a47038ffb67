import { s } from "./shared.js";
export { s };
