module.exports = [
  typeof require, typeof module, typeof exports, typeof __filename, typeof __dirname,
  typeof require.resolve, typeof require.cache, exports === module.exports, this === module.exports,
];
