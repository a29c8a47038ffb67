module.exports = "sub";
