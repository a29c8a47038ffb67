// A namespace's keys are its export names sorted by UTF-16 code units
// (integer-like names too), then Symbol.toStringTag.
import * as ns from "./names.mjs";
console.log(Reflect.ownKeys(ns));
console.log(Object.keys(ns).join(" | "));
console.log(JSON.stringify(Object.entries(ns).slice(0, 3)));
for (const k in ns) if (k === "9") console.log("for-in reaches", k);
export * from "./names.mjs";
export { default } from "./names.mjs";
