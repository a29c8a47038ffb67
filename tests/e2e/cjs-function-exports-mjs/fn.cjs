module.exports = function greet(name) { return "hello " + name; };
module.exports.version = "1.0";
module.exports.helper = () => "helper";
