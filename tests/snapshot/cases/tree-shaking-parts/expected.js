// lib.mjs
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

// index.mjs

console.log(used, alsoUsed, a.n, new Kept().hello(), Kept.version, new Vec().isVec, Vec.ZERO);
console.log(table.k1, Object.getPrototypeOf(none), first, second);

