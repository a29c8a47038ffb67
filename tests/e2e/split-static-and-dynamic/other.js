import { value, calls } from "./both.js";
export const fromBoth = value + calls();
