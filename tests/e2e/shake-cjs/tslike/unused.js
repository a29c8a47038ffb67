"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.unused = void 0;
exports.unused = "unused";
