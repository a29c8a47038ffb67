// require.main is the entry's module: true in the entry, false in a
// dependency, which sees the entry's module object through it.
console.log("entry:", require.main === module, module.id === ".", typeof require.main);
const dep = require("./dep.cjs");
console.log("dep:", dep.isMain, dep.mainIsEntry(module), dep.mainExports() === module.exports);
module.exports.fromEntry = "entry";
