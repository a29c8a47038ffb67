const lib = require("./lib.mjs");
console.log(lib.value, lib.default, lib.__esModule, typeof lib.fn);
