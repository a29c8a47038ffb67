// require.resolve gives the file require() would load (an absolute path);
// require.cache is keyed by it and holds the very module object.
const base = (p) => p.slice(p.lastIndexOf("/") + 1);
const x = require("./x");
console.log(base(require.resolve("./x")), base(require.resolve("./x.js")));
console.log(require.resolve("./x") === require.resolve("./x.js"), require.resolve("./x").startsWith("/"));
console.log(require.cache[require.resolve("./x")].exports === x, require.cache[require.resolve("./x")].exports === require("./x"));
console.log(require.cache[__filename] === module, typeof require.cache[require.resolve("./not-yet.cjs")]);
require("./not-yet.cjs");
console.log(typeof require.cache[require.resolve("./not-yet.cjs")], base(require.resolve("./sub")));
