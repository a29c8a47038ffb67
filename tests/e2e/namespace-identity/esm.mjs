export const v = "esm";
