// export * in the entry: an importer of the entry sees every name of
// counter.mjs and more.mjs but their default exports, and the entry's own
// names win over the stars'; through the star the let is still live.
export * from "./counter.mjs";
export * from "./more.mjs";
export const own = "own";
export const shadowed = "entry's";
console.log("entry ran");
