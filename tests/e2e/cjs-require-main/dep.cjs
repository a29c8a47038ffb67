exports.isMain = require.main === module;
exports.mainIsEntry = (m) => require.main === m;
exports.mainExports = () => require.main && require.main.exports;
