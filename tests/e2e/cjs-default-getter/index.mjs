// The default import of CommonJS is module.exports itself (Node): linking,
// the namespace and the default import never read the default property.
import lib, { x } from "./lib.cjs";
import * as ns from "./lib.cjs";
console.log("imported", x, typeof lib, Reflect.ownKeys(ns).length);
console.log(ns.default === lib, Object.keys(ns).join());
console.log("reading .default:");
console.log(lib.default);
