export const x = "e x";
