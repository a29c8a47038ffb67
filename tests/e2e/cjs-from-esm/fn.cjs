module.exports = function () { return "fn"; };
module.exports.extra = "e";
