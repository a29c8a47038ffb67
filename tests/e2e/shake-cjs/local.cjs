"use strict";
var lib_1 = require("./tslike/index.js");
var first = require("./tslike/a.js").helper;
const { value } = require("./tslike/shared.js");
exports.run = function () { return [lib_1.a(), lib_1.s, first(), value].join("/"); };
