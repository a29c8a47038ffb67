export * from "./e.js";
export * from "./mid.js";
