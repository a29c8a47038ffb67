const t = require('./t.mjs');
console.log(t.v);
