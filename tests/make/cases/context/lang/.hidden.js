module.exports = "dot";
