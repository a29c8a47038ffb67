import * as ns from "./lib.js";
console.log(Object.keys(ns).sort().join(","));
console.log(ns.a, ns.b(), ns.default);
console.log(typeof ns, ns.missing);
