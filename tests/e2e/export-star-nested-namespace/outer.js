export * from "./mid.js";
export * from "./e.js";
