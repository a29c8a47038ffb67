// node_modules/lib/src/effect.js
globalThis.effect = "effect.js ran, as its package says it must";
console.log(globalThis.effect);

// node_modules/lib/src/used.js

function used() { return "used"; }

// index.mjs
// "sideEffects" in a package.json, read as webpack and esbuild read it: a
// module it says is free of side effects is left out when none of its own
// code is used, and its imports go with it (noisy.js), though names
// re-exported through it still bind where they are declared (used); a
// module the list names runs where a kept module imports it (effect.js).

console.log(used());

