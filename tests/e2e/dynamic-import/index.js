console.log("before");
const p = import("./lazy.js");
console.log("after");
p.then((ns) => { console.log(ns.value, ns.default); return import("./lazy.cjs"); })
 .then((ns) => console.log(ns.default.x, ns.x));
