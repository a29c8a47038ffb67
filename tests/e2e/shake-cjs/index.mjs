// CommonJS as TypeScript emits it, tree shaken by its static uses: the
// package (tslike/, "sideEffects": false) is imported through a few names,
// required through static members (local.cjs) and once as a whole object
// (whole.cjs); a package without the flag (plain/) runs in Node's order.
import { a, conflict, get, s } from "./tslike/index.js";
import { run } from "./local.cjs";
import { keys } from "./whole.cjs";
import "./plain/index.js";
console.log(a(), conflict, get(), s, run(), keys);
