import { who } from "./lib.js";
import * as ns from "./lib.js";
console.log(who(), ns.who() === ns);
console.log(`${who()}`, String.raw`a${1}`);
