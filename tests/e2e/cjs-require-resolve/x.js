exports.x = "x";
