module.exports = "deep";
