export * from "./b.mjs";
export * from "./a.mjs";
export * from "./shared-again.mjs";
export * from "./shared.mjs";
export const own = "mid own";
export const onlyA = "mid shadows a";
