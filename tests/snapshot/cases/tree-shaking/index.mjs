// Tree shaking keeps Node's evaluation order: pure.mjs is used for
// nothing and has no side effects of its own, but what it imports does,
// so that still runs, in order; unused.mjs and all under it are left out.
import "./first.mjs";
import { unusedName } from "./pure.mjs";
import "./unused.mjs";
import { used } from "./lib.mjs";
console.log("main", used());
