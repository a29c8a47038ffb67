import lib, { named, count } from "./lib.cjs";
import * as ns from "./lib.cjs";
import fn from "./fn.cjs";
console.log(lib.named, named, count, typeof lib);
console.log(ns.default === lib, ns.named);
console.log(fn(), fn.extra);
