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
// node_modules/lib/src/effect.js
1: function (__bale_module, __bale_exports) {
"use strict";
__bale_export__(1, {});
globalThis.effect = "effect.js ran, as its package says it must";
console.log(globalThis.effect);

},
// node_modules/lib/src/used.js
2: function (__bale_module, __bale_exports) {
"use strict";
__bale_export__(2, { used: () => used });
var __bale_m1 = __bale_esm__(1);
__bale_require__(1);

function used() { return "used"; }

},
};
// index.mjs
var __bale_module = __bale_module__(5);
__bale_started__[5] = true;
__bale_export__(5, {});
var __bale_m2 = __bale_esm__(2);
__bale_require__(2);
// "sideEffects" in a package.json, read as webpack and esbuild read it: a
// module it says is free of side effects is left out when none of its own
// code is used, and its imports go with it (noisy.js), though names
// re-exported through it still bind where they are declared (used); a
// module the list names runs where a kept module imports it (effect.js).

console.log((0, __bale_m2.used)());

