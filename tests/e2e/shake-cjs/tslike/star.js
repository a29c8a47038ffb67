"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.conflict = exports.s = void 0;
exports.s = "star";
exports.conflict = "from star";
