const path = require("./util.cjs");
const esm = require("./esm.mjs");
console.log(path.join("a", "b"), esm.util.join("c", "d"));
