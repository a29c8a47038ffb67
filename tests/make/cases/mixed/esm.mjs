import helper from "./helper.js";
export const esm = helper(1);
