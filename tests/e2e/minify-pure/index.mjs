// --pure:NAME: a statement that only calls NAME (a global, or a member
// chain on one) with arguments free of side effects goes, as does an
// unused binding of such a call (tree shaking) and a #__PURE__ call's
// statement under --minify; a call with an argument that has side effects
// stays, and so does a local binding of the same name
// (tests/snapshot/cases/minify-pure pins the text).
globalThis.make = (x) => ({ x });
globalThis.lib = { build: (x) => [x] };
let effects = 0;
const effect = () => ++effects;
const quiet = (x) => [x];
const unused = make(1);
const unusedChain = lib.build("a");
make(2);
lib.build(3);
function inner(v) {
  make(v);
  lib["build"](v);
  make(effect());
  /* @__PURE__ */ quiet(v);
  if (v) make("body");
  return make(v).x;
}
function shadow(make) { return make(); }
console.log(inner(5), effects, shadow(effect), effects);
