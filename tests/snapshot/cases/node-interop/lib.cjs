exports.named = 1;
module.exports.other = require("path").sep;
console.log(require.main === module);
