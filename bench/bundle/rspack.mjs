// bench/bundle/rspack.mjs: one cold rspack build through @rspack/core's JS
// API, the configuration bench/bundle/run.sh times: no minify, no source
// maps, no cache, one output file.  Exits 1 when rspack reports an error.
// With "prod" after them, a production build instead: mode production
// (its minifier, scope hoisting, tree shaking) and a source map.
//   node rspack.mjs ENTRY OUTFILE [prod]
import { rspack } from "@rspack/core";
import { basename, dirname, resolve } from "node:path";

const [entry, outfile] = process.argv.slice(2, 4).map((p) => resolve(p));
const prod = process.argv[4] === "prod" || process.argv[4] === "prod-esm";
const esm = process.argv[4] === "prod-esm"; // an ES module bundle whose exports are the entry's
const compiler = rspack({
  mode: prod ? "production" : "none", // "none": webpack's "no optimization defaults": no scope hoisting, no minify
  devtool: prod ? "source-map" : false,
  cache: false,
  context: dirname(entry),
  entry,
  target: "web",
  output: { path: dirname(outfile), filename: basename(outfile), clean: false, ...(esm ? { module: true, library: { type: "module" } } : {}) },
  ...(esm ? { experiments: { outputModule: true } } : {}),
  optimization: prod ? {} : { minimize: false },
  performance: false,
  stats: "errors-only",
});
compiler.run((err, stats) => {
  if (err || stats.hasErrors()) {
    console.error(err || stats.toString("errors-only"));
    process.exitCode = 1;
  }
  compiler.close(() => {});
});
