const a = require("./a.js");
exports.sawA = a.done;
exports.done = true;
console.log("b done, a.done =", a.done);
