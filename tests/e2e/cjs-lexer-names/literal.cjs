const p = "p", q = "q";
module.exports = { p, q, r: "r", "s": "s", t() { return "t"; }, u: "u after a method" };
