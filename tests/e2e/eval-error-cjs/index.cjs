// A CommonJS module whose evaluation throws leaves require's cache: a
// later require runs it again.
globalThis.runs = 0;
for (let i = 0; i < 2; i++) {
  try {
    require("./bad.cjs");
  } catch (e) {
    console.log("caught", e.message);
  }
}
console.log("runs", globalThis.runs);
