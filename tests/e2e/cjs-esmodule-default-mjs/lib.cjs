// Compiled from ESM by a tool: __esModule, and a default export.
exports.__esModule = true;
exports.default = 1;
exports.named = "n";
