"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    Object.defineProperty(o, k2, { enumerable: true, get: function() { return m[k]; } });
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.unused = exports.get = exports.conflict = exports.a = void 0;
var a_1 = require("./a.js");
Object.defineProperty(exports, "a", { enumerable: true, get: function () { return a_1.a; } });
var unused_1 = require("./unused.js");
Object.defineProperty(exports, "unused", { enumerable: true, get: function () { return unused_1.unused; } });
// a star before a definition of a name it also has: the predeclaration
// above makes __exportStar skip it, so the definition below can be made
__exportStar(require("./star.js"), exports);
Object.defineProperty(exports, "conflict", { enumerable: true, get: function () { return "own"; } });
var config_1 = require("./config.js");
Object.defineProperty(exports, "get", { enumerable: true, get: function () { return config_1.get; } });
