export const esm = [
  typeof require, typeof module, typeof exports, typeof __filename, typeof __dirname, typeof this,
];
