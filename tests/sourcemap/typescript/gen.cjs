// Writes lib/greet.js and lib/greet.js.map from src/greet.ts with the
// TypeScript of tests/npm (run by hand when the source changes; the
// outputs are committed, as a package publishes them).
const ts = require("../../npm/node_modules/typescript");
const fs = require("fs");
const path = require("path");
const src = fs.readFileSync(path.join(__dirname, "src/greet.ts"), "utf8");
const out = ts.transpileModule(src, {
  fileName: "greet.ts",
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019, sourceMap: true, inlineSources: true },
});
const map = JSON.parse(out.sourceMapText);
map.sources = ["../src/greet.ts"];
map.file = "greet.js";
fs.writeFileSync(path.join(__dirname, "lib/greet.js"), out.outputText.replace(/\/\/# sourceMappingURL=.*$/m, "//# sourceMappingURL=greet.js.map"));
fs.writeFileSync(path.join(__dirname, "lib/greet.js.map"), JSON.stringify(map));
