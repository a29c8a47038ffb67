exports.b = "a/b";
