exports.viaCjs = "via cjs";
