module.exports = require("ext-pkg");
