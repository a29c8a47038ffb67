"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.get = exports.config = void 0;
// TypeScript reads its own exported variables through exports
exports.config = { n: 1 };
function get() { return exports.config.n; }
exports.get = get;
