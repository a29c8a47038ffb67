import "./shared.js";
console.log("one");
