"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.helper = void 0;
function helper() { return "helper"; }
exports.helper = helper;
exports.default = function main() { return "main"; };
