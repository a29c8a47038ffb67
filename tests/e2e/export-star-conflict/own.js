export * from "./a.js";
export * from "./b.js";
export const x = "own x";
