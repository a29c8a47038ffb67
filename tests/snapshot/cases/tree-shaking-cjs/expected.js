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
      __bale_modules__[id].call(module.exports, module, module.exports);
    } catch (e) {
      if (module.__bale_esm__) module.__bale_failed__ = true, module.__bale_error__ = e;
      else delete __bale_cache__[id], delete __bale_started__[id];
      throw e;
    }
  }
  return module.exports;
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
// tslike/shared.js
1: function (module, exports, require, __filename, __dirname) {
"use strict";


exports.value = "shared";
exports.unusedValue = "never read";

},
// tslike/a.js
2: function (module, exports, require, __filename, __dirname) {
"use strict";


var shared_1 = __bale_require__(1);
function a() { return "a:" + shared_1.value; }
exports.a = a;
function helper() { return "helper"; }
exports.helper = helper;



},
// tslike/star.js
4: function (module, exports, require, __filename, __dirname) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.conflict = exports.s = void 0;
exports.s = "star";
exports.conflict = "from star";

},
// tslike/config.js
5: function (module, exports, require, __filename, __dirname) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.get = exports.config = void 0;
// TypeScript reads its own exported variables through exports
exports.config = { n: 1 };
function get() { return exports.config.n; }
exports.get = get;

},
// tslike/index.js
6: function (module, exports, require, __filename, __dirname) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    Object.defineProperty(o, k2, { enumerable: true, get: function() { return m[k]; } });
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.unused = exports.get = exports.conflict = exports.a = void 0;
var a_1 = __bale_require__(2);
Object.defineProperty(exports, "a", { enumerable: true, get: function () { return a_1.a; } });


// a star before a definition of a name it also has: the predeclaration
// above makes __exportStar skip it, so the definition below can be made
__exportStar(__bale_require__(4), exports);
Object.defineProperty(exports, "conflict", { enumerable: true, get: function () { return "own"; } });
var config_1 = __bale_require__(5);
Object.defineProperty(exports, "get", { enumerable: true, get: function () { return config_1.get; } });

},
// local.cjs
7: function (module, exports, require, __filename, __dirname) {
"use strict";
var lib_1 = __bale_require__(6);
var first = __bale_require__(2).helper;
const { value } = __bale_require__(1);
exports.run = function () { return [lib_1.a(), lib_1.s, first(), value].join("/"); };

},
// whole.cjs
8: function (module, exports, require, __filename, __dirname) {
"use strict";
var all = __bale_require__(5);
exports.keys = Object.keys(all).join();

},
// plain/first.js
9: function (module, exports, require, __filename, __dirname) {
console.log("first runs");
exports.unused = 1;

},
// plain/second.js
11: function (module, exports, require, __filename, __dirname) {
console.log("second runs");
exports.x = 2;

},
// plain/index.js
12: function (module, exports, require, __filename, __dirname) {
"use strict";
var first_1 = __bale_require__(9);

var second_1 = __bale_require__(11);
console.log("plain", typeof first_1, typeof second_1.x);

},
};
__bale_require__(6);
__bale_require__(7);
__bale_require__(8);
__bale_require__(12);
// index.mjs
var __bale_n6 = __bale_node_ns__(__bale_require__(6), ["__esModule", "get", "a", "conflict", "s"], __bale_module__(6));
var __bale_n7 = __bale_node_ns__(__bale_require__(7), ["run"], __bale_module__(7));
var __bale_n8 = __bale_node_ns__(__bale_require__(8), ["keys"], __bale_module__(8));
var __bale_n12 = __bale_node_ns__(__bale_require__(12), [], __bale_module__(12));
// CommonJS as TypeScript emits it, tree shaken by its static uses: the
// package (tslike/, "sideEffects": false) is imported through a few names,
// required through static members (local.cjs) and once as a whole object
// (whole.cjs); a package without the flag (plain/) runs in Node's order.




console.log((0, __bale_n6.a)(), __bale_n6.conflict, (0, __bale_n6.get)(), __bale_n6.s, (0, __bale_n7.run)(), __bale_n8.keys);

