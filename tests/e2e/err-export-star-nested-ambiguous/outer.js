export * from "./mid.js";
export const y = 3;
