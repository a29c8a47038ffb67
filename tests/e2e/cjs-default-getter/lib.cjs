// A default getter (and __esModule): importing this module from an ES
// module must not call it; only a read of .default does.
exports.__esModule = true;
exports.x = "x";
Object.defineProperty(exports, "default", {
  enumerable: true,
  get() { console.log("default getter runs"); return "from the getter"; },
});
console.log("lib.cjs evaluated");
