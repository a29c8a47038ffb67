// bench/scale/report.mjs: turns run.sh's results.jsonl (one line per timed
// run, per tool left out, per output checked) and bale's --profile tables
// (OUT/SHAPE-N.profile) into the markdown that run.sh prints and writes to
// results.md: per shape, time and memory per size with the ratio to bale,
// the growth per doubling of every tool, and the growth of each of bale's
// passes, flagged above 2.2x; the production builds (bale-minify,
// esbuild-minify: --minify, external source map) in a table of their own,
// with the ratio to esbuild-minify and the output's size, and bale's passes
// under --minify (OUT/SHAPE-N.minify.profile).  Machine facts come in
// BENCH_* variables.
//   node report.mjs OUT.md RESULTS.jsonl OUTDIR
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [outFile, resultsFile, outDir] = process.argv.slice(2);
const env = process.env;
const mods = join(dirname(fileURLToPath(import.meta.url)), "../bundle/node_modules");
const version = (pkg) => JSON.parse(readFileSync(join(mods, pkg, "package.json"), "utf8")).version;
const commit = env.BENCH_COMMIT.split(/[ ,]/)[0];
const toolInfo = {
  bale: { label: "bale", version: commit },
  "bale-1": { label: "bale --threads=1", version: commit },
  esbuild: { label: "esbuild", version: env.BENCH_ESBUILD_VERSION },
  rspack: { label: "rspack", version: version("@rspack/core") },
  rolldown: { label: "rolldown", version: version("rolldown") },
  "bale-minify": { label: "bale --minify", version: commit, prod: true },
  "esbuild-minify": { label: "esbuild --minify", version: env.BENCH_ESBUILD_VERSION, prod: true },
  "bale-split": { label: "bale --splitting", version: commit },
  "esbuild-split": { label: "esbuild --splitting", version: env.BENCH_ESBUILD_VERSION },
  "rspack-split": { label: "rspack (async chunks)", version: version("@rspack/core") },
  "rolldown-split": { label: "rolldown (chunks)", version: version("rolldown") },
};
const label = (t) => (toolInfo[t] || { label: t }).label;
const isProd = (t) => Boolean(toolInfo[t]?.prod);
const shapeText = {
  synthetic: "a DAG of ES modules (3-5 imports each, named and namespace imports, 5% `export *` barrels), 8% CommonJS leaves imported from ESM, 2% JSON; about 1.2 KB a module",
  "reexport-chain": "index imports {x} from m1; each mi does `export { x } from \"./m(i+1)\"`; the last defines x",
  "star-chain": "each mi does `export * from \"./m(i+1)\"` and exports v_i; the entry reads m1's namespace (N-1 names)",
  "fan-in": "one hub imports one name from each of N-1 leaves",
  splitting: "code splitting: the entry import()s N/20 routes (Promise.all, in order); each route imports 3-6 of a shared core of N/4 modules (skewed, so many routes share each) and a chain of its own; every tool writes a directory (the entry and its chunks)",
  "side-effects": "a `\"sideEffects\": false` package: a barrel re-exporting the f_i of N-2 modules, each importing the next; the entry uses two names (the seed's quadratic case for rspack)",
};
const GROWTH_FLAG = 2.2; // per doubling, the bar of issue 8
const FLAG_MIN_MS = 20; // below this at the larger size, growth is mostly noise

const rows = readFileSync(resultsFile, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const shapes = [...new Set(rows.map((r) => r.shape))];
const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }) : "n/a");
const kShort = (n) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}K` : String(n));
const perDoubling = (a, b, n1, n2) => (a > 0 && b > 0 ? Math.pow(b / a, 1 / Math.log2(n2 / n1)) : NaN);

// One cell's figures: best wall ms, largest peak RSS, the check, or why not.
const cell = (shape, n, tool) => {
  const runs = rows.filter((r) => r.shape === shape && r.n === n && r.tool === tool && "run" in r);
  const skipped = rows.find((r) => r.shape === shape && r.n === n && r.tool === tool && r.skipped);
  const out = rows.find((r) => r.shape === shape && r.n === n && r.tool === tool && r.check);
  if (skipped) return { why: `not run: ${skipped.skipped}` };
  if (!runs.length) return { why: "not run" };
  const bad = runs.find((r) => r.status !== 0);
  if (bad) {
    const log = join(outDir, `${shape}-${n}.${tool}.log`);
    const last = existsSync(log) ? readFileSync(log, "utf8").trim().split("\n").filter(Boolean).slice(-1)[0] || "" : "";
    const why = bad.status === 124 || bad.status === 137 ? `timed out (${env.BENCH_CAP} s)` : `failed (exit ${bad.status})`;
    return { why, log: bad.status === 124 || bad.status === 137 ? "" : last.slice(0, 160) };
  }
  return {
    ms: Math.min(...runs.map((r) => r.wall_ms)),
    mb: Math.max(...runs.map((r) => r.rss_kb)) / 1024,
    cpu: Math.min(...runs.map((r) => r.cpu_ms)),
    runs: runs.length,
    check: out ? out.check : { ok: false, detail: "not checked" },
    bytes: out ? out.output_bytes : 0,
  };
};

// bale --profile's table: "name   0.420 ms   1" (timings) or "name  2  2"
// (counts).  Returns name -> ms, for the timings.
const profile = (shape, n, kind = "") => {
  const f = join(outDir, `${shape}-${n}${kind}.profile`);
  const times = new Map();
  if (!existsSync(f)) return times;
  for (const line of readFileSync(f, "utf8").split("\n")) {
    const m = /^(\S.*?)\s{2,}([\d.]+) ms\s+(\d+)\s*$/.exec(line);
    if (m) times.set(m[1], Number(m[2]));
  }
  return times;
};
// Waiting is not work: it grows with whatever the main thread waits for.
const isWaiting = (name) => /waiting|idle/.test(name);

const lines = [];
const say = (s = "") => lines.push(s);
say("# Scaling: bale, esbuild, rspack and rolldown as the project grows");
say();
say("Written by `bench/scale/run.sh` on `bench/scale/corpus.mjs`'s synthetic projects.  Each tool bundles the");
say("project to one file (bale, esbuild, rolldown: iife; rspack: mode none, its own runtime; the splitting shape: a directory, format esm), no minify, no");
say("source maps, no cache, as a fresh process per run; the production builds (\"bale --minify\": `bale --minify");
say("--sourcemap=external`, \"esbuild --minify\": `esbuild --bundle --minify --sourcemap=external`) have a table of");
say(`their own, with their ratios to esbuild --minify.  Best wall time of ${env.BENCH_RUNS} runs (taken round the tools;`);
say(`a run over ${env.BENCH_ONCE} s is not repeated: its figure is marked ¹),`);
say("peak MB = the largest maximum RSS of the runs (/usr/bin/time %M).  \"(2.0x)\" = the tool's figure over bale's:");
say(`above 1, bale is faster or smaller.  Each run is capped at ${env.BENCH_CAP} s; a tool that fails or times out is not run on`);
say("the larger sizes of that shape, and says so.  Every output was run by node and had to print the project's");
say("checksum (computed by corpus.mjs), and a minified output's external source map had to be well formed and");
say("fit the bundle (check.mjs); † marks an output that did not (details under the table).");
say("Growth per doubling = (t2/t1)^(1/log2(n2/n1)): 2.0x is linear, 4.0x quadratic.");
say();
say(`- date: ${env.BENCH_DATE}`);
say(`- machine: ${env.BENCH_NPROC} CPUs, ${env.BENCH_CPU}; every tool pinned to CPUs ${env.BENCH_CPUS} (taskset), all threads allowed`);
say(`- load average: ${env.BENCH_LOAD}; other processes above 10% of a CPU: ${env.BENCH_BUSY}`);
say(`- bale: ${env.BENCH_COMMIT} (${env.BENCH_BALE_VERSION}); esbuild ${env.BENCH_ESBUILD_VERSION}; ` +
  `rspack (@rspack/core) ${version("@rspack/core")}; rolldown ${version("rolldown")}; Node ${process.version}`);
const loadBefore = Number(env.BENCH_LOAD.split(" ")[0]);
if (loadBefore >= 0.5 || !/^none before, none after$/.test(env.BENCH_BUSY)) {
  say();
  say(`**The machine was not quiet** (load average ${env.BENCH_LOAD}; busy: ${env.BENCH_BUSY}): other work shared`);
  say("its CPUs, so times are slower and noisier than on a quiet machine.  Ratios between tools are steadier than");
  say("absolute times, as runs go round the tools; growth factors between sizes can be skewed by a burst of load.");
}
say();
const flagged = new Map(); // shape: pass -> its flagged steps
for (const shape of shapes) {
  const sizes = [...new Set(rows.filter((r) => r.shape === shape).map((r) => r.n))].sort((a, b) => a - b);
  say(`## ${shape}: ${shapeText[shape] || ""}`);
  say();
  const tools = [...new Set(rows.filter((r) => r.shape === shape).map((r) => r.tool))];
  const dev = tools.filter((t) => !isProd(t));
  const prod = tools.filter(isProd);
  const notes = [];
  // One table of time and memory per size (and output KB with kb), each
  // tool's figures over base's beside them.
  const table = (list, base, kb) => {
    say(`| modules | ${list.map((t) => `${label(t)} ms | MB${kb ? " | KB" : ""}`).join(" | ")} |`);
    say(`|--:|${list.map(() => (kb ? "--:|--:|--:" : "--:|--:")).join("|")}|`);
    for (const n of sizes) {
      const b = cell(shape, n, base);
      const cols = list.map((t) => {
        const c = cell(shape, n, t);
        if (c.why) {
          if (c.log) notes.push(`${label(t)} at ${fmt(n)}: ${c.log}`);
          return `${c.why} | ${kb ? " | " : ""}`;
        }
        const mark = c.check.ok ? "" : " †";
        if (!c.check.ok) notes.push(`† ${label(t)} at ${fmt(n)}: ${c.check.detail}`);
        const r = (x, y) => (t !== base && Number.isFinite(y) && y > 0 ? ` (${(x / y).toFixed(2)}x)` : "");
        const once = c.runs < Number(env.BENCH_RUNS) ? "¹" : "";
        const size = kb ? ` | ${c.bytes ? fmt(c.bytes / 1024, c.bytes < 10240 ? 1 : 0) + r(c.bytes, b.bytes) : "n/a"}` : "";
        return `${fmt(c.ms)}${once}${r(c.ms, b.ms)}${mark} | ${fmt(c.mb)}${r(c.mb, b.mb)}${size}`;
      });
      say(`| ${fmt(n)} | ${cols.join(" | ")} |`);
    }
    say();
  };
  if (dev.length) table(dev, dev.includes("bale") ? "bale" : "bale-split", false);
  if (prod.length) {
    say("Production build (minified, external source map): KB = the minified bundle (the map aside); " +
      (prod.includes("esbuild-minify")
        ? "\"(0.50x)\" =\nthe figure over esbuild --minify's: below 1, bale is faster or smaller."
        : "esbuild --minify\nis not run on this shape (by default, on synthetic only: esbuild is quadratic on the chains)."));
    say();
    table(prod, "esbuild-minify", true);
  }
  for (const note of notes) say(`- ${note}`);
  if (notes.length) say();
  if (sizes.length > 1) {
    say("Growth per doubling, time / memory:");
    say();
    say(`| step | ${tools.map(label).join(" | ")} |`);
    say(`|---|${tools.map(() => "--:").join("|")}|`);
    for (let k = 1; k < sizes.length; k++) {
      const [n1, n2] = [sizes[k - 1], sizes[k]];
      const cols = tools.map((t) => {
        const [a, b] = [cell(shape, n1, t), cell(shape, n2, t)];
        if (a.why || b.why) return "n/a";
        return `${fmt(perDoubling(a.ms, b.ms, n1, n2), 2)}x / ${fmt(perDoubling(a.mb, b.mb, n1, n2), 2)}x`;
      });
      say(`| ${kShort(n1)} → ${kShort(n2)} | ${cols.join(" | ")} |`);
    }
    say();
  }
  // bale's passes, from --profile (and from --profile --minify).
  for (const [kind, what] of [["", "bale's passes (`--profile`"], [".minify", "bale --minify's passes (`--profile --minify --sourcemap=external`"]]) {
    const profs = sizes.map((n) => profile(shape, n, kind));
    const names = [...new Set(profs.flatMap((p) => [...p.keys()]))].filter((x) => !isWaiting(x));
    if (!names.length) continue;
    say(`${what}, one untimed run per size; ms, then growth per doubling; **bold**: above ${GROWTH_FLAG}x`);
    say(`with at least ${FLAG_MIN_MS} ms at the larger size; the main thread's waiting and the workers' idle time are left out):`);
    say();
    const steps = sizes.slice(1).map((n2, k) => [sizes[k], n2]);
    say(`| pass | ${sizes.map((n) => kShort(n)).join(" | ")} | ${steps.map(([a, b]) => `${kShort(a)}→${kShort(b)}`).join(" | ")} |`);
    say(`|---|${sizes.map(() => "--:").join("|")}|${steps.map(() => "--:").join("|")}|`);
    for (const name of names) {
      const ms = profs.map((p) => p.get(name));
      const growth = steps.map(([n1, n2], k) => {
        const g = perDoubling(ms[k], ms[k + 1], n1, n2);
        if (!Number.isFinite(g)) return "";
        if (g > GROWTH_FLAG && ms[k + 1] >= FLAG_MIN_MS) {
          const key = `${shape}${kind ? " --minify" : ""}: ${name}`;
          if (!flagged.has(key)) flagged.set(key, []);
          flagged.get(key).push(`${fmt(g, 2)}x ${kShort(n1)}→${kShort(n2)} (${fmt(ms[k], 0)} → ${fmt(ms[k + 1], 0)} ms)`);
          return `**${fmt(g, 2)}x**`;
        }
        return `${fmt(g, 2)}x`;
      });
      say(`| ${name} | ${ms.map((x) => (x === undefined ? "" : fmt(x, x < 10 ? 2 : 0))).join(" | ")} | ${growth.join(" | ")} |`);
    }
    say();
  }
}
say(`## bale's passes that grow more than ${GROWTH_FLAG}x per doubling`);
say();
say("Passes flagged at every step, or at the largest ones, grow faster than linear; a pass flagged at one step");
say("only, between steps near 2x, is more likely a burst of load during its single --profile run.");
say();
if (flagged.size) {
  for (const [key, steps] of [...flagged].sort((a, b) => b[1].length - a[1].length)) say(`- ${key}: ${steps.join(", ")}`);
} else say("None.");
say();
say("## Notes");
say();
say("- \"Maximum call stack size exceeded\" (†) is the bundle's module initialisation recursing deeper than Node's");
say("  stack: in the chains each module's initialisation waits for the next one's (N deep); in synthetic the longest");
say("  import path grows with N (67 modules at 1K, 560 at 10K, 2,703 at 50K: deeper than real projects, see");
say("  bench/scale/README.md).  Node itself runs the synthetic projects unbundled, but overflows too on the");
say("  unbundled chains from 4K modules (its module linking recurses).");
say("- \"node: ETIMEDOUT\" (†): the bundle built, but node ran it for longer than the cap without finishing.");
say("- Exit 139 is a segmentation fault of the bundler (a stack overflow in its own recursion, most likely).");
say("- Each pass's figure comes from one --profile run per size; the tools' times are the best of several runs.");
say("");
const text = lines.join("\n") + "\n";
writeFileSync(outFile, text);
process.stdout.write(text);
