// x comes from a.js and from b.js: ambiguous, left out; s is one binding
// reached twice: kept.
export * from "./a.js";
export * from "./b.js";
export * from "./c.js";
export * from "./d.js";
