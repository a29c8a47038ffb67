export * from "./leaf.mjs";
export const midName = "mid";
