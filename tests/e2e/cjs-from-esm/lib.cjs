exports.named = "n";
exports.count = 3;
