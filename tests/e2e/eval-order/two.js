import "./shared.js";
import "./one.js";
console.log("two");
export const two = 2;
