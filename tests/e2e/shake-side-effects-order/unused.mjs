import { helper } from "./helper.mjs";
export const nothing = [1, 2];
