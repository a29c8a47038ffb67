// What cjs-module-lexer (Node 20's, 2.x) finds here decides the named
// exports an ES module can import from this file.
exports.a = "a";
module.exports.b = "b";
exports["c"] = "c";
Object.defineProperty(exports, "d", { enumerable: true, value: "d" });
const eImpl = { e: "e" };
Object.defineProperty(exports, "e", { enumerable: true, get: function () { return eImpl.e; } });
Object.defineProperty(exports, "f", { enumerable: true, get() { return "f, not detected"; } });
const key = "g";
exports[key] = "g, not detected";
if (false) exports.h = "never assigned";
exports.i = undefined;
exports.default = "lib's own default";
