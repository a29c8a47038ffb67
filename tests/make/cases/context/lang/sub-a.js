module.exports = "sub-a";
