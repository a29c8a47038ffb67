// A CommonJS module keeps its function, and its own this and module.
exports.isExports = this === module.exports;
exports.name = "cjs";
