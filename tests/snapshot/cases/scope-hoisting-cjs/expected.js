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
function __bale_export__(id, getters) {
  var ns = __bale_esm__(id);
  for (var name in getters) Object.defineProperty(ns, name, { enumerable: true, get: getters[name] });
  if (typeof Symbol === "function" && Symbol.toStringTag)
    Object.defineProperty(ns, Symbol.toStringTag, { value: "Module" });
  Object.preventExtensions(ns);
}
var __bale_views__ = typeof WeakMap === "function" ? new WeakMap() : null;
function __bale_cjs__(ns) {
  if (!("default" in ns) || "__esModule" in ns) return ns;
  var view = __bale_views__ && __bale_views__.get(ns);
  if (view) return view;
  view = Object.create(null);
  Object.keys(ns).concat("__esModule").sort().forEach(function (name) {
    Object.defineProperty(view, name, name === "__esModule" ? { enumerable: true, writable: true, value: true }
      : { enumerable: true, get: function () { return ns[name]; } });
  });
  if (typeof Symbol === "function" && Symbol.toStringTag)
    Object.defineProperty(view, Symbol.toStringTag, { value: "Module" });
  Object.preventExtensions(view);
  if (__bale_views__) __bale_views__.set(ns, view);
  return view;
}
var __bale_node_nss__ = typeof WeakMap === "function" ? new WeakMap() : null;
function __bale_node_ns__(mod, names, module) {
  var ns = module ? module.__bale_node_ns__ : __bale_node_nss__ && __bale_node_nss__.get(mod);
  if (ns) return ns;
  var obj = mod !== null && (typeof mod === "object" || typeof mod === "function"), values = Object.create(null);
  (names || (obj ? Object.keys(mod) : [])).forEach(function (name) {
    if (name === "default") return;
    try { values[name] = obj && Object.prototype.hasOwnProperty.call(mod, name) ? mod[name] : void 0; } catch (e) { values[name] = void 0; }
  });
  values["default"] = mod;
  ns = Object.create(null);
  Object.keys(values).sort().forEach(function (name) {
    var value = values[name];
    Object.defineProperty(ns, name, { enumerable: true, get: function () { return value; } });
  });
  if (typeof Symbol === "function" && Symbol.toStringTag)
    Object.defineProperty(ns, Symbol.toStringTag, { value: "Module" });
  Object.preventExtensions(ns);
  if (module) module.__bale_node_ns__ = ns;
  else if (__bale_node_nss__ && obj) __bale_node_nss__.set(mod, ns);
  return ns;
}
var __bale_modules__ = {
// evals.mjs
3: function (__bale_module, __bale_exports) {
"use strict";
__bale_export__(3, { viaEval: () => viaEval });
// A direct eval sees the module's own names: the module keeps its function.
const secret = "seen by eval";
const viaEval = eval("secret");

},
// cjs.cjs
4: function (module, exports) {
// A CommonJS module keeps its function, and its own this and module.
exports.isExports = this === module.exports;
exports.name = "cjs";

},
// plain.mjs
5: function (__bale_module, __bale_exports) {
"use strict";
__bale_export__(5, { counter: () => counter });
let counter = 0;

},
// assign.mjs
6: function (__bale_module, __bale_exports) {
"use strict";
__bale_export__(6, { counter: () => __bale_m5.counter, tryAssign: () => tryAssign });
var __bale_m5 = __bale_esm__(5);
__bale_require__(5);
// Assigning to an import throws (the binding is the exporter's): the
// module keeps its function, whose getter-only import throws as Node does.

function tryAssign() {
  try { __bale_m5.counter = 1; return "assigned"; } catch (e) { return e.constructor.name; }
}


},
};
(function () {
"use strict";
__bale_export__(7, {});
var __bale_m3 = __bale_esm__(3);
var __bale_m6 = __bale_esm__(6);
var __bale_m5 = __bale_esm__(5);
// tdz-b.mjs

let seen;
try { seen = value; } catch (e) { seen = e.constructor.name; }
const early = [seen, hoisted()];

// tdz-a.mjs
// A cycle: tdz-b reads tdz-a's let before tdz-a has run, as Node throws.

let value = "a's value";
function hoisted() { return "function declarations are ready early"; }
const fromB = early;

__bale_require__(3);
__bale_require__(4);
__bale_require__(6);
__bale_require__(5);
// index.mjs
var __bale_n4 = __bale_node_ns__(__bale_require__(4), ["isExports", "name"], __bale_module__(4));




console.log(JSON.stringify(fromB), value);
console.log(__bale_m3.viaEval, __bale_n4.default.isExports, __bale_n4.default.name);

console.log((0, __bale_m6.tryAssign)(), __bale_m5.counter);

})();
module.exports = __bale_cjs__(__bale_esm__(7));
