export const gamma = 3;
