module.exports = "dot dir";
