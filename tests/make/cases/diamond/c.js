import { d } from "./d";
export const c = d + 2;
