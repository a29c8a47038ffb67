// A module namespace object: null prototype, Symbol.toStringTag "Module"
// (not enumerable), not extensible, sealed but not frozen (its properties
// are writable data properties that reject writes), no __esModule of its
// own even with a default export; every write throws in strict code.
import * as ns from "./lib.mjs";
const show = (f) => { try { return String(f()); } catch (e) { return e.constructor.name; } };
console.log(Object.getPrototypeOf(ns), ns[Symbol.toStringTag], Object.prototype.toString.call(ns));
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(ns, Symbol.toStringTag)));
console.log(Object.isExtensible(ns), Object.isSealed(ns), Object.isFrozen(ns));
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(ns, "x")));
console.log("__esModule" in ns, Object.hasOwn(ns, "__esModule"), ns.__esModule);
console.log("add:", show(() => { ns.added = 1; }));
console.log("assign:", show(() => { ns.x = 2; }));
console.log("delete:", show(() => delete ns.x), show(() => delete ns.nope));
console.log("define:", show(() => Object.defineProperty(ns, "y", { value: 1 })));
console.log("setPrototypeOf:", show(() => Object.setPrototypeOf(ns, {})), show(() => Object.setPrototypeOf(ns, null) === ns));
console.log("Reflect.set:", Reflect.set(ns, "x", 3), Reflect.defineProperty(ns, "z", { value: 1 }), Reflect.deleteProperty(ns, "x"));
console.log("freeze:", show(() => Object.freeze(ns)));
ns.setX(5);
console.log("live:", ns.x, JSON.stringify(Object.getOwnPropertyDescriptor(ns, "x")));
console.log("in:", "x" in ns, "setX" in ns, "toString" in ns, typeof ns.toString);
console.log("spread:", JSON.stringify({ ...ns }), Object.keys(ns).join());
