export const x = "b x";
