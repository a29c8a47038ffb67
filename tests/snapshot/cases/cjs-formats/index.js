import * as ns from "./star.mjs";
import def from "./babel.js";
console.log(Object.keys(ns), def);
module_exports: 0;
