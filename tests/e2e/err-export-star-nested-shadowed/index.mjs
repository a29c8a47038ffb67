// x is ambiguous in mid.mjs; outer.mjs's namespace shows e.mjs's x (V8),
// but importing x from outer.mjs by name is a link error in Node.
import { x } from "./outer.mjs";
console.log(x);
