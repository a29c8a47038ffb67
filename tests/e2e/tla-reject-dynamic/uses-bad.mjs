import "./bad.mjs";
console.log("never: uses-bad");
