// x is ambiguous in mid.js, so it is here too, though e.js provides it.
export * from "./mid.js";
export * from "./e.js";
