exports.__esModule = true;
exports.default = "not the default";
exports.x = 1;
