import { nope } from "./lib.js";
export { zz } from "./lib.js";
console.log(nope);
