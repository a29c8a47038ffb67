export const ok = require("./also-missing.js");
