// A .cjs file next to it stays CommonJS (sloppy mode is probed in
// cjs-sloppy-next-to-esm: an esm bundle cannot keep it).
console.log("esm/side.cjs this is exports:", this === module.exports);
console.log("esm/side.cjs typeof:", typeof module, typeof exports);
module.exports.x = 1;
