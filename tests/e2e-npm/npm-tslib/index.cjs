// What TypeScript emits for ES module syntax with importHelpers: tslib's
// __importDefault, __importStar and __exportStar, on CommonJS modules.
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.main = void 0;
const tslib_1 = require("tslib");
const greet_1 = tslib_1.__importDefault(require("./greet.cjs"));
const plain_1 = tslib_1.__importDefault(require("./plain.cjs"));
const ns = tslib_1.__importStar(require("./plain.cjs"));
tslib_1.__exportStar(require("./reexported.cjs"), exports);
function main() {
  return [(0, greet_1.default)("ts"), plain_1.default.value, ns.value, typeof ns.default, ns.default === plain_1.default].join(" ");
}
exports.main = main;
console.log(main());
console.log(Object.keys(exports).sort().join(), exports.fromStar, exports.__esModule);
const esmTslib = require("./uses-esm-tslib.mjs");
console.log(esmTslib.same(tslib_1.__importDefault), Object.keys(tslib_1).includes("__exportStar"));
