// bench/scale/rspack-split.mjs: one cold rspack build of run.sh's splitting
// shape through @rspack/core's JS API: bench/bundle/rspack.mjs's
// configuration (mode none, no minify, no source maps, no cache) with its
// default code splitting, as ES modules: OUTDIR/index.js, the entry's chunk,
// loads one async chunk per import() target (and the chunks they share)
// with import().  Exits 1 when rspack reports an error.  @rspack/core is
// bench/bundle's (its node_modules, as for rspack.mjs).
//   node rspack-split.mjs ENTRY OUTDIR
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";

const { rspack } = createRequire(new URL("../bundle/package.json", import.meta.url))("@rspack/core");

const [entry, outdir] = process.argv.slice(2, 4).map((p) => resolve(p));
const compiler = rspack({
  mode: "none", // webpack's "no optimization defaults": no scope hoisting, no minify
  devtool: false,
  cache: false,
  context: dirname(entry),
  entry: { index: entry },
  target: "web",
  output: { path: outdir, filename: "[name].js", chunkFilename: "chunk-[id].js", module: true, clean: false },
  experiments: { outputModule: true },
  optimization: { minimize: false },
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
