exports.hello = "hi (cjs)";
