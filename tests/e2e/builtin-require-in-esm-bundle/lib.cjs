const fs = require("fs");
const path = require("node:path");
module.exports = {
  sep: path.sep,
  base: path.basename("/x/y/z.js"),
  basename: path.basename,
  hasReadFile: typeof fs.readFileSync,
  text: fs.readFileSync("data.txt", "utf8").trim(),
};
