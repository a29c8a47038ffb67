// A CommonJS module inside the program requires built-ins (fs and
// node:path); the entry is an ES module, so with format esm the bundle is
// an ES module that must still give that module require().
import lib from "./lib.cjs";
import { basename } from "node:path";
console.log(lib.sep, lib.base, lib.hasReadFile, lib.text);
console.log(lib.basename === basename);
