exports.hello = "sub";
