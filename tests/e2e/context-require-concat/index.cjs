// require() of a string concatenation or template literal: every file of
// ./lang/ (and below) is bundled, under every name Node's require finds it by.
const names = ["en", "fr"];
for (const x of names) console.log(require("./lang/" + x + ".js").hello);
// Without the extension: require's own search (.js, then .json).
for (const x of ["en", "fr", "nl"]) console.log(x, require("./lang/" + x).hello);
// A directory: its index.js, with or without the slash.
const dir = "sub";
console.log(require("./lang/" + dir).hello, require(`./lang/${dir}/`).hello, require(`./lang/${dir}/index`).hello);
// A nested directory, and a template without an extension.
console.log(require(`./lang/${"sub/deep"}/x.js`).hello, require(`./a/${"b"}`).b);
// One module, whichever way it is named: it runs once.
console.log(require("./lang/" + "en") === require("./lang/en.js"), require("./lang/en").count());
// The importing file is one of the files the pattern holds.
const self = "index.cjs";
console.log(require("./" + self) === module.exports);
// A parenthesized callee is the same call.
console.log((require)("./lang/" + names[1]).hello);
// A name not in the map: Node's error code (its message has absolute paths).
for (const x of ["xx", "sub/nope", "en.mjs"]) {
  try {
    require("./lang/" + x);
    console.log("found", x);
  } catch (e) {
    console.log("missing:", x, e.code, e instanceof Error);
  }
}
