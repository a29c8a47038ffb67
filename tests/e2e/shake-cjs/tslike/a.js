"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.other = exports.helper = exports.a = void 0;
var shared_1 = require("./shared.js");
function a() { return "a:" + shared_1.value; }
exports.a = a;
function helper() { return "helper"; }
exports.helper = helper;
function other() { return shared_1.unusedValue; }
exports.other = other;
