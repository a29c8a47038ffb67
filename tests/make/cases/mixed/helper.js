module.exports = function helper(x) { return x * 2; };
