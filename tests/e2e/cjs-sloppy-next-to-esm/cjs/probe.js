undeclaredInCjs2 = 1;
console.log("cjs/probe.js sloppy:", typeof undeclaredInCjs2, (function () { return this === globalThis; })());
console.log("cjs/probe.js require:", typeof require);
