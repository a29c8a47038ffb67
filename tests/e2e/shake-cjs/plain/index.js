"use strict";
var first_1 = require("./first.js");
var pure_1 = require("./pure.js");
var second_1 = require("./second.js");
console.log("plain", typeof first_1, typeof second_1.x);
