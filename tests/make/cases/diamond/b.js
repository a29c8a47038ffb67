import { d } from "./d.js";
export const b = d + 1;
