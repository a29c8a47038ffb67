exports.fs = require("fs");
exports.fsNode = require("node:fs");
exports.path = require("node:path");
