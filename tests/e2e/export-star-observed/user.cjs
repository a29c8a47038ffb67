const mid = require("./mid2.mjs");
module.exports = Object.keys(mid).sort().join() + " " + mid.deep2;
