// Node's rule for an ES module importing CommonJS: the default import is
// module.exports, whole, even when the module sets __esModule and a
// default of its own (which is then only a property of it).
import lib, { named, default as again } from "./lib.cjs";
import * as ns from "./lib.cjs";
import ts, { helper } from "./ts.cjs";
import * as tsNs from "./ts.cjs";
console.log(typeof lib, lib === again, lib.default, lib.named, named);
console.log(Reflect.ownKeys(ns), ns.default === lib, ns.__esModule);
console.log(typeof ts, ts.default(), helper(), ts.helper === helper);
console.log(Reflect.ownKeys(tsNs), tsNs.__esModule, tsNs.default === ts);
