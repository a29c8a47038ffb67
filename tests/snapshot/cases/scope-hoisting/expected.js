var __bale_cache__ = {};
function __bale_esm__(id) {
  return __bale_cache__[id] || (__bale_cache__[id] = Object.create(null));
}
function __bale_export__(id, getters) {
  var ns = __bale_esm__(id);
  for (var name in getters) Object.defineProperty(ns, name, { enumerable: true, get: getters[name] });
  if (typeof Symbol === "function" && Symbol.toStringTag)
    Object.defineProperty(ns, Symbol.toStringTag, { value: "Module" });
  Object.preventExtensions(ns);
}
function __bale_name__(fn, from, to) {
  if (fn.name === from)
    Object.defineProperty(fn, "name", { value: to, configurable: true });
  return fn;
}
function __bale_names__() {
  for (var i = 0; i < arguments.length; i += 2)
    Object.defineProperty(arguments[i], "name", { value: arguments[i + 1], configurable: true });
}
__bale_names__(helper$1, "helper", helper$2, "helper");
__bale_export__(1, { Klass: () => Klass, Map: () => Map$1, Thing: () => Thing$1, default: () => a_default, helper: () => helper$1, later: () => later, make: () => make });
__bale_name__(a_default, "a_default", "default");
var __bale_m1 = __bale_esm__(1);
// a.mjs
// Top-level names that collide with b.mjs's and index.mjs's: scope
// hoisting renames some, and renaming must never show.
function helper$1() { return "a.helper"; }
let Thing$1 = class Thing { static kind = this.name; describe() { return Thing.name + "/" + this.constructor.name; } };
const make = () => "a.make";
const Klass = class {};
let later;
later = function () {};
function a_default () { return "a.default"; }
const Map$1 = "a's own Map"; // a global name: the others still see the real Map

// b.mjs

function helper() { return "b.helper"; }
class Thing { who() { return "b.Thing"; } }
const make$1 = { make: function () { return "b.make"; } }.make;
function shadow() {
  const helper = "inner helper"; // a nested name: the import below must not be captured by it
  return [helper, helper$1()];
}
const b_default = class {};
__bale_name__(b_default, "b_default", "default");
function report() {
  return {
    names: [helper.name, Thing.name, make$1.name, helper$1.name, Thing$1.name, make.name, Klass.name, later.name, a_default.name],
    calls: [helper(), helper$1(), new Thing().who(), new Thing$1().describe(), Thing$1.kind, make(), make$1(), a_default()],
    shadow: shadow(),
    maps: [typeof Map, new Map([[1, 2]]).get(1), Map$1],
  };
}

// index.mjs


function helper$2() { return "index.helper"; }
const Thing$2 = "index's Thing";
const r = report();
console.log(JSON.stringify(r.names));
console.log(JSON.stringify(r.calls));
console.log(JSON.stringify(r.shadow), JSON.stringify(r.maps));
console.log(helper$2(), helper$2.name, Thing$2, b_default.name, __bale_m1.default.name, Object.keys(__bale_m1).join());
console.log(__bale_m1.Thing === new __bale_m1.Thing().constructor, String(typeof __bale_m1.later));

