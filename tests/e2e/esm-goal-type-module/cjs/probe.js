// A .js file under "type": "commonjs" without import/export: CommonJS.
console.log("cjs/probe.js this is exports:", this === module.exports);
console.log("cjs/probe.js typeof:", typeof module, typeof exports);
exports.y = 2;
