export const s = "shared s";
