import { ok } from "./ok.js";
import { pad } from "./utils";
console.log(ok, pad);
