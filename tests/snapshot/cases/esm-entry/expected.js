var __bale_cache__ = {}, __bale_started__ = {};
function __bale_module__(id) {
  return __bale_cache__[id] || (__bale_cache__[id] = { exports: {} });
}
function __bale_require__(id) {
  var module = __bale_module__(id);
  if (!__bale_started__[id]) {
    __bale_started__[id] = true;
    __bale_modules__[id].call(module.exports, module, module.exports);
  }
  return module.exports;
}
function __bale_esm__(id) {
  var module = __bale_module__(id);
  if (!module.__bale_esm__) module.__bale_esm__ = true, module.exports = Object.create(null);
  return module.exports;
}
function __bale_export__(id, getters, open) {
  var ns = __bale_esm__(id);
  for (var name in getters)
    Object.defineProperty(ns, name, { enumerable: true, configurable: !!open, get: getters[name] });
  if (typeof Symbol === "function" && Symbol.toStringTag)
    Object.defineProperty(ns, Symbol.toStringTag, { value: "Module" });
  if (!open) Object.preventExtensions(ns);
}
function __bale_name__(fn) {
  if (fn.name === "__bale_default__")
    Object.defineProperty(fn, "name", { value: "default", configurable: true });
  return fn;
}
var __bale_modules__ = {
// lib.mjs
1: function (__bale_module, __bale_exports) {
"use strict";
__bale_export__(1, { helper: () => helper, other: () => other });
function helper() { return "h"; }
const other = 1;

},
};
// index.mjs
var __bale_module = __bale_module__(2);
__bale_started__[2] = true;
__bale_export__(2, { count: () => count, default: () => __bale_default__, helper: () => __bale_m1.helper, inc: () => inc, other: () => __bale_m1.other });
__bale_name__(__bale_default__);
var __bale_m1 = __bale_esm__(1);
__bale_require__(1);

let count = 0;
function inc() { count++; }
function __bale_default__ () { return (0, __bale_m1.helper)(); }


var __bale_e0 = __bale_m1.helper;
var __bale_e1 = __bale_m1.other;
export { count as count, inc as inc, __bale_default__ as default, __bale_e0 as helper, __bale_e1 as other };
