// A specifier only run time knows, without a relative prefix: the calls
// stay as they are (bale warns), and Node's own require and import() load
// what they name.
const name = ["node", "path"].join(":");
const path = require(name);
console.log(path.basename("/a/b.txt"));
const pkg = "node:" + "util";
console.log(typeof require(pkg).format);
import(name).then((ns) => console.log(ns.default === path, ns.sep));
