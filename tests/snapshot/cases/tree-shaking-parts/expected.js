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
// lib.mjs
1: function (__bale_module, __bale_exports) {
"use strict";
__bale_export__(1, { Kept: () => Kept, Vec: () => Vec, a: () => a, alsoUsed: () => alsoUsed, first: () => first, none: () => none, second: () => second, table: () => table, used: () => used });
// Parts tree shaking may drop, and ones it must keep, side by side.
var used = 1, alsoUsed = "x" + used;
var a;
a = { n: 1 };

// assignments owned by a function or class: kept only with it
function Kept() {}
Kept.prototype.hello = function () { return "hello from " + this.constructor.name; };
Kept.version = 3;



// a setter inherited from a base class runs: kept though the class is unused
class Base { static set flag(v) { console.log("static setter ran with", v); } }
class Derived extends Base {}
Derived.flag = true;

// a prototype setter: the assignment runs it
class WithSetter { set mode(v) { console.log("prototype setter ran with", v); } }
WithSetter.prototype.mode = "m";

// a static block that only sets its own parts
class Vec { static { Vec.prototype.isVec = true; this.ZERO = 0; } }

// computed keys of primitive consts and well-known symbols
const KEY = "k" + 1;
const table = { [KEY]: 1, [Symbol.iterator]: null };

// builtins that make values only
const none = Object.create(null);


// a sequence whose kept expression cannot begin a statement
var f1;
f1 = 1, function () { console.log("iife in a sequence ran"); }();

// impure pieces stay, in order
var log = [];
var first = log.push("first"), second = log.push("second");
console.log("log", log.join());

},
};
// index.mjs
var __bale_module = __bale_module__(2);
__bale_started__[2] = true;
__bale_export__(2, {});
var __bale_m1 = __bale_esm__(1);
__bale_require__(1);

console.log(__bale_m1.used, __bale_m1.alsoUsed, __bale_m1.a.n, new __bale_m1.Kept().hello(), __bale_m1.Kept.version, new __bale_m1.Vec().isVec, __bale_m1.Vec.ZERO);
console.log(__bale_m1.table.k1, Object.getPrototypeOf(__bale_m1.none), __bale_m1.first, __bale_m1.second);

