// Parts tree shaking may drop, and ones it must keep, side by side.
export var used = 1, unused = 2, alsoUsed = "x" + used;
export var a, b, c;
a = { n: 1 }, b = [], c = Symbol("c");

// assignments owned by a function or class: kept only with it
export function Kept() {}
Kept.prototype.hello = function () { return "hello from " + this.constructor.name; };
Kept.version = 3;
export function Dropped() {}
Dropped.prototype.x = function () {};

// a setter inherited from a base class runs: kept though the class is unused
class Base { static set flag(v) { console.log("static setter ran with", v); } }
class Derived extends Base {}
Derived.flag = true;

// a prototype setter: the assignment runs it
class WithSetter { set mode(v) { console.log("prototype setter ran with", v); } }
WithSetter.prototype.mode = "m";

// a static block that only sets its own parts
export class Vec { static { Vec.prototype.isVec = true; this.ZERO = 0; } }

// computed keys of primitive consts and well-known symbols
const KEY = "k" + 1;
export const table = { [KEY]: 1, [Symbol.iterator]: null };

// builtins that make values only
export const none = Object.create(null), map = new Map(), buf = new Float32Array(2);
const degrees = Math.PI / 180;

// a sequence whose kept expression cannot begin a statement
var f1;
f1 = 1, function () { console.log("iife in a sequence ran"); }();

// impure pieces stay, in order
var log = [];
export var first = log.push("first"), pure = 5, second = log.push("second");
console.log("log", log.join());
