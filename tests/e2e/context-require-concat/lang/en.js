let runs = 0;
runs++;
exports.hello = "hello";
exports.count = () => runs;
