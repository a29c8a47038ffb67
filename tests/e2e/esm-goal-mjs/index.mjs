// An .mjs file is an ES module without any import or export: strict, no
// CommonJS variables, top-level this undefined.
console.log("this:", this);
console.log("typeof:", typeof module, typeof exports, typeof require, typeof __filename, typeof __dirname);
console.log("typeof (nested):", (() => typeof module)(), (function () { return typeof (exports); })());
let threw = false;
try {
  undeclaredProbe = 1;
} catch (e) {
  threw = e instanceof ReferenceError;
}
console.log("strict:", threw, (function () { return this; })());
for (const probe of [
  () => module.exports,
  () => { exports = {}; },
  () => require.resolve,
  () => ({ module }),
  () => { [module] = [1]; },
  () => { ({ exports } = {}); },
  () => { module++; },
  () => __filename.length,
]) {
  try {
    probe();
    console.log("no error");
  } catch (e) {
    console.log(e.name + ": " + e.message);
  }
}
