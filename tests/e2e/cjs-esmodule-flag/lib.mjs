import { b } from "./other.mjs";
export const a = "a" + b;
