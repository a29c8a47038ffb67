exports.fromCjs = 2;
