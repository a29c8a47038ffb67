export * from "./mid.mjs";
export * from "./cjs.cjs";
export const own = "own";
