// bench/bundle/rspack.mjs: one cold rspack build through @rspack/core's JS
// API, the configuration bench/bundle/run.sh times: no minify, no source
// maps, no cache, one output file.  Exits 1 when rspack reports an error.
//   node rspack.mjs ENTRY OUTFILE
import { rspack } from "@rspack/core";
import { basename, dirname, resolve } from "node:path";

const [entry, outfile] = process.argv.slice(2).map((p) => resolve(p));
const compiler = rspack({
  mode: "none", // webpack's "no optimization defaults": no scope hoisting, no minify
  devtool: false,
  cache: false,
  context: dirname(entry),
  entry,
  target: "web",
  output: { path: dirname(outfile), filename: basename(outfile), clean: false },
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
