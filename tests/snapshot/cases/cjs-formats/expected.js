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
function __bale_reexport__(id, froms, skip) {
  var ns = __bale_esm__(id), get = Object.create(null);
  Object.keys(ns).forEach(function (name) { get[name] = Object.getOwnPropertyDescriptor(ns, name).get; });
  froms.forEach(function (from) {
    Object.keys(from).forEach(function (name) {
      if (name !== "default" && !(name in get) && !(skip && skip.indexOf(name) >= 0))
        get[name] = function () { return from[name]; };
    });
  });
  var names = Object.keys(get).sort();
  names.forEach(function (name) { delete ns[name]; });
  names.forEach(function (name) { Object.defineProperty(ns, name, { enumerable: true, get: get[name] }); });
  Object.preventExtensions(ns);
}
var __bale_nss__ = typeof WeakMap === "function" ? new WeakMap() : null;
function __bale_ns__(mod) {
  if (mod && mod.__esModule) return mod;
  var keep = __bale_nss__ && mod !== null && (typeof mod === "object" || typeof mod === "function");
  var ns = keep && __bale_nss__.get(mod);
  if (ns) return ns;
  ns = {};
  if (mod != null && (typeof mod === "object" || typeof mod === "function"))
    Object.keys(mod).forEach(function (name) {
      if (name !== "default")
        Object.defineProperty(ns, name, { enumerable: true, get: function () { return mod[name]; } });
    });
  Object.defineProperty(ns, "default", { enumerable: true, value: mod });
  if (keep) __bale_nss__.set(mod, ns);
  return ns;
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
// c.cjs
1: function (module, exports) {
exports.fromCjs = 2;

},
// babel.js
3: function (module, exports) {
Object.defineProperty(exports, "__esModule", { value: true });
exports.default = "babel default";

},
};
(function () {
"use strict";
__bale_export__(2, { own: () => own }, true);
__bale_export__(4, {});
var __bale_m2 = __bale_esm__(2);
__bale_require__(1);
// star.mjs
var __bale_n1 = __bale_node_ns__(__bale_require__(1), ["fromCjs"], __bale_module__(1));
__bale_reexport__(2, [__bale_n1]);

const own = 1;

__bale_require__(3);
// index.js
var __bale_m3 = __bale_ns__(__bale_require__(3));


console.log(Object.keys(__bale_m2), __bale_m3.default);
module_exports: 0;

})();
module.exports = __bale_cjs__(__bale_esm__(4));
