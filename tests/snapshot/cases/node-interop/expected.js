import * as __bale_ext_fs_32ade11217195778 from "fs";
import { createRequire as __bale_createRequire__ } from "module";
import { fileURLToPath as __bale_fileURLToPath__ } from "url";
import { dirname as __bale_dirname_of__ } from "path";
var __bale_req__ = __bale_createRequire__(import.meta.url);
var __bale_filename__ = __bale_fileURLToPath__(import.meta.url), __bale_dirname__ = __bale_dirname_of__(__bale_filename__);
var __bale_cache__ = {}, __bale_started__ = {};
function __bale_module__(id) {
  return __bale_cache__[id] || (__bale_cache__[id] = { exports: {} });
}
function __bale_require__(id) {
  var module = __bale_module__(id);
  if (module.__bale_failed__) throw module.__bale_error__;
  if (!__bale_started__[id]) {
    __bale_started__[id] = true;
    try {
      __bale_modules__[id].call(module.exports, module, module.exports, __bale_req__, __bale_filename__, __bale_dirname__);
    } catch (e) {
      if (module.__bale_esm__) module.__bale_failed__ = true, module.__bale_error__ = e;
      else delete __bale_cache__[id], delete __bale_started__[id];
      throw e;
    }
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
var __bale_main__ = void 0, __bale_outer_require__ = typeof require === "function" ? require : void 0;
function __bale_module_require__(module) {
  var outer = typeof __bale_req__ === "function" ? __bale_req__ : __bale_outer_require__;
  function require(id) {
    if (!outer) throw new Error("Cannot find module '" + id + "'");
    return outer(id);
  }
  require.main = __bale_main__;
  if (outer) require.resolve = outer.resolve, require.cache = outer.cache;
  return require;
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
function __bale_context_import__(map, from) {
  return function (request) {
    return Promise.resolve().then(function () {
      if (Object.prototype.hasOwnProperty.call(map, request)) return map[request]();
      var path = [], parts = (from.slice(0, from.lastIndexOf("/") + 1) + request).split("/");
      for (var i = 0; i < parts.length; i++) {
        if (parts[i] === ".." && path.length && path[path.length - 1] !== "..") path.pop();
        else if (parts[i] !== "." && parts[i] !== "") path.push(parts[i]);
      }
      var e = new Error("Cannot find module '" + path.join("/") + "' imported from " + from);
      e.code = "ERR_MODULE_NOT_FOUND";
      throw e;
    });
  };
}
var __bale_modules__ = {
// lib.cjs
1: function (module, exports, require, __filename, __dirname) {
var require = __bale_module_require__(module);
exports.named = 1;
module.exports.other = require("path").sep;
console.log(require.main === module);

},
// d.json
2: function (module) {
module.exports = JSON.parse('{"a":1}\n');
},
// lang/en.mjs
3: function (__bale_module, __bale_exports) {
"use strict";
__bale_export__(3, { default: () => __bale_default__ });
const __bale_default__ = "hello";

},
};
__bale_require__(1);
__bale_require__(2);
// index.mjs
var __bale_n1 = __bale_node_ns__(__bale_require__(1), ["named", "other"], __bale_module__(1));
var __bale_n2 = __bale_node_ns__(__bale_require__(2), [], __bale_module__(2));



console.log(typeof __bale_ext_fs_32ade11217195778.default.readFileSync, __bale_n1.default, __bale_n1.named, __bale_n2.default);
const lang = "en";
__bale_context_import__({ "./lang/en.mjs": () => __bale_require__(3) }, "index.mjs")(`./lang/${lang}.mjs`).then((m) => console.log(m.default));

