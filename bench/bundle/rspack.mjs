// bench/bundle/rspack.mjs: one cold rspack build through @rspack/core's JS
// API, the configuration bench/bundle/run.sh times: no minify, no source
// maps, no cache, one output file.  Exits 1 when rspack reports an error.
// With "prod" after them, a production build instead: mode production
// (its minifier, scope hoisting, tree shaking) and a source map.
// The production builds parse three's .js files as ES modules (type
// "javascript/esm"), as three's package.json ("type": "module") has rspack
// do for a user who imports three from node_modules: the corpus copies
// three/src out of its package, so rspack would otherwise take them as
// "javascript/auto", where the empty src/Three.Legacy.js (export * from'd by
// src/Three.Core.js) is a CommonJS module of unknown exports.  Scope
// hoisting (optimization.concatenateModules, on in production) then hits an
// rspack bug (1.7.12 to 2.3.4 at least): the namespace object it builds for
// the concatenated Three.js (`import * as` / `export * as`) lists only the
// names Three.js exports itself and drops everything that comes through
// `export * from './Three.Core.js'`, whose exports are no longer all known:
// 435 of 443.  concatenateModules: false is correct too, but no production
// build turns scope hoisting off; this rule is what three's package gives.
// With "split" (bench/scale's splitting shape): the same no-optimization
// build with rspack's default code splitting, as ES modules into the
// directory OUTFILE names: index.js, which loads an async chunk per
// import() target (and the chunks they share) with import().
//   node rspack.mjs ENTRY OUTFILE [prod|prod-esm|split]
import { rspack } from "@rspack/core";
import { basename, dirname, resolve } from "node:path";

const [entry, outfile] = process.argv.slice(2, 4).map((p) => resolve(p));
const prod = process.argv[4] === "prod" || process.argv[4] === "prod-esm";
const esm = process.argv[4] === "prod-esm"; // an ES module bundle whose exports are the entry's
const split = process.argv[4] === "split";
const output = split
  ? { path: outfile, filename: "[name].js", chunkFilename: "chunk-[id].js", module: true, clean: false }
  : { path: dirname(outfile), filename: basename(outfile), clean: false, ...(esm ? { module: true, library: { type: "module" } } : {}) };
const compiler = rspack({
  mode: prod ? "production" : "none", // "none": webpack's "no optimization defaults": no scope hoisting, no minify
  devtool: prod ? "source-map" : false,
  cache: false,
  context: dirname(entry),
  entry: split ? { index: entry } : entry,
  target: "web",
  output,
  ...(esm || split ? { experiments: { outputModule: true } } : {}),
  optimization: prod ? {} : { minimize: false },
  ...(prod ? { module: { rules: [{ test: /\.js$/, type: "javascript/esm" }] } } : {}), // three's "type": "module" (above)
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
