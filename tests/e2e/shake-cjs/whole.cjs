"use strict";
var all = require("./tslike/config.js");
exports.keys = Object.keys(all).join();
