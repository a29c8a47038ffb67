import { unused } from "./lib.js"; export const y = "b";
