exports.alpha = 1;
exports.shared = "lib";
module.exports.beta = function beta() {};
exports.default = "not re-exported";
Object.defineProperty(exports, "hidden", { enumerable: true, get() { return "getter"; } });
const k = "dynamic"; exports[k] = 2;
