import * as all from "./all.js";
import { x, y, z } from "./all.js";
console.log(Object.keys(all).sort().join(","), x, y, z, all.default);
