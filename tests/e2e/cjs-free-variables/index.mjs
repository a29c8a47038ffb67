// The CommonJS variables exist in a CommonJS module and not in an ES
// module (typeof is "undefined" there).
import cjs from "./probe.cjs";
import { esm } from "./probe.mjs";
console.log("cjs:", cjs.join(" "));
console.log("esm:", esm.join(" "));
