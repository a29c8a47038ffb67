// A module whose top-level await rejects: import() rejects with that very
// error, every time; a module importing it rejects with it too.
const first = await import("./bad.mjs").catch((e) => e);
console.log("caught:", first instanceof Error, first.message, first.code);
const second = await import("./bad.mjs").catch((e) => e);
console.log("same error:", first === second);
const viaImporter = await import("./uses-bad.mjs").catch((e) => e);
console.log("through an importer:", viaImporter === first, globalThis.badRuns);
