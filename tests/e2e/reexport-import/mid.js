import { x } from "./lib.js";
import * as ns from "./lib.js";
import y from "./lib.js";
export { x, y, ns };
