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
var __bale_modules__ = {
// first.mjs
1: function (__bale_module, __bale_exports) {
"use strict";
__bale_export__(1, {});
console.log("first");

},
// effect.mjs
2: function (__bale_module, __bale_exports) {
"use strict";
__bale_export__(2, {});
console.log("effect runs");

},
// pure.mjs
4: function () {
__bale_require__(2);
},
// lib.mjs
6: function (__bale_module, __bale_exports) {
"use strict";
__bale_export__(6, { used: () => used });

function used() { return "used"; }

},
};
// index.mjs
var __bale_module = __bale_module__(7);
__bale_started__[7] = true;
__bale_export__(7, {});
var __bale_m1 = __bale_esm__(1);
var __bale_m4 = __bale_esm__(4);
var __bale_m6 = __bale_esm__(6);
__bale_require__(1);
__bale_require__(4);
__bale_require__(6);
// Tree shaking keeps Node's evaluation order: pure.mjs is used for
// nothing and has no side effects of its own, but what it imports does,
// so that still runs, in order; unused.mjs and all under it are left out.




console.log("main", (0, __bale_m6.used)());

