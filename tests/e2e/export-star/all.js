export * from "./x.js";
export * from "./yz.js";
export const z = "own z";
