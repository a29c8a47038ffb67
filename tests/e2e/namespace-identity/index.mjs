// One namespace object per module: import * as twice, in two modules and
// through import() give the same object; so does a CommonJS module
// imported from ES modules, whose default is its module.exports.
import * as e1 from "./esm.mjs";
import * as e2 from "./esm.mjs";
import * as c1 from "./lib.cjs";
import { e3, c2, cjsRequired } from "./other.mjs";
console.log("esm:", e1 === e2, e1 === e3);
console.log("cjs:", c1 === c2, c1.default === cjsRequired, Reflect.ownKeys(c1));
console.log("cjs namespace:", Object.getPrototypeOf(c1), Object.isExtensible(c1), c1[Symbol.toStringTag]);
Promise.all([import("./esm.mjs"), import("./lib.cjs"), import("./other.mjs")]).then(([d1, d2, other]) => {
  console.log("import():", d1 === e1, d2 === c1, other.e3 === d1);
});
