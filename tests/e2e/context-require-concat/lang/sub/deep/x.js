exports.hello = "deep";
