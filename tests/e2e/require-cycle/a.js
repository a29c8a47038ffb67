exports.done = false;
const b = require("./b.js");
exports.bSawA = b.sawA;
exports.done = true;
console.log("a done, b.done =", b.done);
