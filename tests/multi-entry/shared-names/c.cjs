exports.x = 42;
