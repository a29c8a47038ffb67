import { "a-b" as ab, "with space" as ws } from "./lib.js";
import * as ns from "./lib.js";
console.log(ab, ws, ns["a-b"]);
