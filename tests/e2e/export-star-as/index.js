import { lib } from "./re.js";
import * as re from "./re.js";
console.log(lib.one, lib.default, Object.keys(lib).sort().join(","));
console.log(Object.keys(re).join(","));
