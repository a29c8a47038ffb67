const p = require('node:path'), fs = require('fs'); module.exports = [p.extname('x.js'), typeof fs.readFileSync, typeof require, typeof require.resolve, require.main === module].join();
