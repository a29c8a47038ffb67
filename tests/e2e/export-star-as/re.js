export * as lib from "./lib.js";
