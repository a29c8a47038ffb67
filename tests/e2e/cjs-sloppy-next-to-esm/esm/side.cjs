undeclaredInCjs = 1;
console.log("esm/side.cjs sloppy:", typeof undeclaredInCjs, (function () { return this === globalThis; })());
console.log("esm/side.cjs require:", typeof require);
