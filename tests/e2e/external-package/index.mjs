// An external package imported from an ES module and required from a
// CommonJS module of the program: one instance, the import's default is
// its module.exports, the named import reads its property.
import ext, { name } from "ext-pkg";
import * as ns from "ext-pkg";
import required from "./req.cjs";
console.log(name, ext === required, ns.default === ext, Object.keys(ns).sort().join());
console.log(ext.count(), required.count(), ns.count());
