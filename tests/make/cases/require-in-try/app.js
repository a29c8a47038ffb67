// An optional dependency: the program survives its absence, so bale leaves
// the require to the runtime instead of failing (as esbuild does).
let chalk = null;
try {
  chalk = require("optional-chalk-not-installed");
} catch (e) {}
// Inside a function inside the try, the require is no longer guarded.
try {
  (function () { require("guarded-nowhere"); })();
} catch (e) {}
// A use outside try makes the same request a real error.
try { require("needed-twice"); } catch (e) {}
require("needed-twice");
module.exports = chalk;
