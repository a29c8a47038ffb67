"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.unusedValue = exports.value = void 0;
exports.value = "shared";
exports.unusedValue = "never read";
