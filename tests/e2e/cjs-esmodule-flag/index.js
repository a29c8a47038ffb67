const lib = require("./lib.mjs");
const other = require("./other.mjs");
console.log(lib.__esModule, lib.a, other.b, Object.keys(lib).sort().join(","));
