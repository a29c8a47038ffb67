"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fromStar = "star";
exports.default = "not re-exported by __exportStar";
