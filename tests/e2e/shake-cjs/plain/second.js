console.log("second runs");
exports.x = 2;
