const helper = require("./helper.js");
module.exports = helper(2);
