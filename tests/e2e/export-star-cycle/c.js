export * from "./b.js";
export const c = "c";
