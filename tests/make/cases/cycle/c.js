export { a as c } from "./a.js";
