export const d = 40;
