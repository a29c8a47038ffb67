// A with statement needs sloppy mode: fine in iife and cjs bundles, an
// error with format esm (an ES module is strict mode code).
var point = { x: 1, y: 2 };
with (point) console.log(x + y);
