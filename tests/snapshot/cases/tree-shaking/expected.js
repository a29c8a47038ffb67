// first.mjs
console.log("first");

// effect.mjs
console.log("effect runs");

// lib.mjs

function used() { return "used"; }

// index.mjs
// Tree shaking keeps Node's evaluation order: pure.mjs is used for
// nothing and has no side effects of its own, but what it imports does,
// so that still runs, in order; unused.mjs and all under it are left out.




console.log("main", used());

