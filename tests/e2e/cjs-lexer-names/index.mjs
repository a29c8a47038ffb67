// Named imports from CommonJS are the names cjs-module-lexer detects;
// values are read from module.exports once it has run.  Undetected
// properties are only reachable through the default import.
import lib, { a, b, c, d, e, h, i } from "./lib.cjs";
import * as libNs from "./lib.cjs";
import * as literalNs from "./literal.cjs";
import * as reexportNs from "./reexport.cjs";
import * as spreadNs from "./spread.cjs";
console.log(a, b, c, d, e, h, i);
console.log(Reflect.ownKeys(libNs));
console.log(lib.f, lib.g, libNs.default === lib, libNs.f, libNs.g);
console.log(Reflect.ownKeys(literalNs));
console.log(Reflect.ownKeys(reexportNs));
console.log(Reflect.ownKeys(spreadNs), spreadNs.default.a);
