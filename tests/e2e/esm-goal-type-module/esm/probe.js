// A .js file under "type": "module" is an ES module without import/export.
console.log("esm/probe.js this:", this);
console.log("esm/probe.js typeof:", typeof module, typeof exports, typeof require);
var threw = false;
try {
  undeclaredInEsm = 1;
} catch (e) {
  threw = e instanceof ReferenceError;
}
console.log("esm/probe.js strict:", threw);
try {
  module.exports.x = 1;
} catch (e) {
  console.log("esm/probe.js", e.name + ": " + e.message);
}
