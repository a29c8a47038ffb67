import { unused } from "./lib.js"; export const x = "a";
