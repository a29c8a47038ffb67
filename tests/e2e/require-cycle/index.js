const a = require("./a.js");
console.log("index", a.done, a.bSawA);
