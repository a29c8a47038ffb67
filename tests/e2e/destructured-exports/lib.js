const src = { p: 1, q: 2, r: 3, s: 4 };
export const { p, q, ...rest } = src;
