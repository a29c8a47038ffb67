exports.named = "cjs";
