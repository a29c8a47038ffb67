var implements = "sloppy";
exports.mode = implements;
exports.octal = 010;
exports.escape = "\01";
