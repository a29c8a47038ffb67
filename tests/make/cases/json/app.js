import data from "./data.json";
const pkg = require("./pkg");
import bad from "./bad.json";
console.log(data, pkg, bad);
