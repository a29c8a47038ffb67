module.exports = { ...require("./lib.cjs"), own: "own" };
