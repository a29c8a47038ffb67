// export * of CommonJS in the entry: an importer of the entry sees the
// names Node's CommonJS lexer finds (not default, not what it misses),
// after the entry's own; the entry's own names win.
export * from "./lib.cjs";
export * from "./esm.mjs";
export const own = "own";
export const shared = "entry's";
console.log("entry ran");
