"use strict";
// nothing here has an effect: required but never read, it goes
exports.p = 1;
