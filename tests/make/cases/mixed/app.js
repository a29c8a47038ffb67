import { esm } from "./esm.mjs";
const cjs = require("./lib.cjs");
const again = require("./lib.cjs");
import "./esm.mjs";
console.log(esm, cjs, again);
