exports.hello = "salut";
