// A CommonJS module, required by the entry through an import.
const data = require("./data.json");
exports.kind = "cjs";
exports.add = function (a, b) { return a + b; };
module.exports.size = Object.keys(data).length;
