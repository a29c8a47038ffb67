module.exports = require("./literal.cjs");
