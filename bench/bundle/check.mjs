// bench/bundle/check.mjs: does a bundle of bench/bundle/run.sh's corpus
// run?  Runs BUNDLE as a classic script in this process, with the shim
// globalThis.window = globalThis, and compares each window.copyN it sets
// with three's own namespace, imported unbundled: the same export names,
// and REVISION equal.  Prints one JSON line: {ok, copies, detail}.
//   node check.mjs BUNDLE COPIES
import { readFileSync } from "node:fs";
import { runInThisContext } from "node:vm";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [bundle, copies] = [process.argv[2], Number(process.argv[3])];
const report = (ok, detail) => {
  console.log(JSON.stringify({ ok, copies, detail }));
  process.exitCode = ok ? 0 : 1;
};
const three = await import("three");
const want = Object.keys(three).sort().join(",");
globalThis.window = globalThis;
// three warns once per extra copy ("Multiple instances of Three.js"): expected here, not news.
console.warn = () => {};
try {
  if (bundle.endsWith(".mjs")) Object.assign(globalThis, await import(pathToFileURL(resolve(bundle)).href)); // its exports
  else runInThisContext(readFileSync(bundle, "utf8"), { filename: bundle });
} catch (e) {
  report(false, `threw: ${String(e && e.stack || e).split("\n").slice(0, 3).join(" | ")}`);
  process.exit();
}
for (let i = 1; i <= copies; i++) {
  const ns = globalThis[`copy${i}`];
  if (!ns) { report(false, `window.copy${i} is not set`); process.exit(); }
  const got = Object.keys(ns).sort().join(",");
  if (got !== want) {
    const g = new Set(Object.keys(ns)), w = new Set(Object.keys(three));
    const missing = [...w].filter((k) => !g.has(k)), extra = [...g].filter((k) => !w.has(k));
    report(false, `copy${i}: ${missing.length} exports missing (${missing.slice(0, 5)}), ${extra.length} extra (${extra.slice(0, 5)})`);
    process.exit();
  }
  if (ns.REVISION !== three.REVISION) { report(false, `copy${i}.REVISION is ${ns.REVISION}`); process.exit(); }
}
report(true, `${copies} namespaces of ${Object.keys(three).length} exports, REVISION ${three.REVISION}`);
