exports.fromCjs = "cjs";
