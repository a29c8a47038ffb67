export const deep2 = "deep2";
