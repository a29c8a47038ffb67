export * from "./leaf2.mjs";
