console.log("first runs");
exports.unused = 1;
