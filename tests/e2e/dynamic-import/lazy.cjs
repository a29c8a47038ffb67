exports.x = "cjs x";
