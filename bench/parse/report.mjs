// bench/parse/report.mjs: turns run.sh's results (one JSON line per tool and
// corpus, from bench_parse --json and peers.mjs) into the markdown table
// that run.sh prints and writes to results.md.  The machine facts come
// from run.sh in BENCH_* variables.
//   node report.mjs OUT.md TYPESCRIPT.jsonl THREE.jsonl
import { readFileSync, writeFileSync } from "node:fs";

const [outFile, tsFile, threeFile] = process.argv.slice(2);
const env = process.env;
const read = (f) => readFileSync(f, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const corpora = [
  { name: `A: typescript.js ${env.BENCH_TS_VERSION}`, rows: read(tsFile) },
  { name: `B: three/src ${env.BENCH_THREE_VERSION}`, rows: read(threeFile) },
];

// The row's label: bale's three rows differ by goal and mode.
const label = (r) => {
  if (r.tool !== "bale") return r.tool;
  if (r.what === "lex") return "bale, lexer only";
  if (r.what === "scopes") return "bale, + scopes + record";
  return r.goal === "auto" ? "bale, auto goal" : "bale";
};
const mbps = (r, key) => r.bytes / 1e6 / (r[key] / 1e3);
const ok = (r) => r && !r.error && !r.failed && r.best_ms > 0;
for (const c of corpora) {
  c.bale = c.rows.find((r) => r.tool === "bale" && r.what === "parse" && r.goal !== "auto");
  c.byLabel = new Map(c.rows.map((r) => [label(r), r]));
}
const labels = [...new Set(corpora.flatMap((c) => c.rows.map(label)))];
const speed = (c, l) => {
  const r = c.byLabel.get(l);
  return ok(r) ? mbps(r, "best_ms") : 0;
};
// bale's rows first, in a fixed order, then the peers from the fastest (on corpus A).
const baleOrder = ["bale", "bale, auto goal", "bale, + scopes + record", "bale, lexer only"];
const rank = (l) => (baleOrder.includes(l) ? baleOrder.indexOf(l) : baleOrder.length);
labels.sort((a, b) => rank(a) - rank(b) || speed(corpora[0], b) - speed(corpora[0], a));

const fmt = (x, d = 1) => x.toFixed(d);
const cell = (c, l) => {
  const r = c.byLabel.get(l);
  if (!r) return ["", "", ""];
  if (r.error) return ["error", "", ""];
  if (r.failed) return [`${r.failed} files failed`, "", ""];
  const ratio = mbps(c.bale, "best_ms") / mbps(r, "best_ms");
  return [fmt(mbps(r, "best_ms")), fmt(mbps(r, "median_ms")), `${fmt(ratio, 2)}x`];
};

const lines = [];
const say = (s = "") => lines.push(s);
say("# Parser throughput: bale and the npm parsers");
say();
say("Written by `bench/parse/run.sh` (issue 3).  MB/s = 10^6 bytes of source per second, one thread,");
say(`best and median of ${env.BENCH_RUNS} timed runs after ${env.BENCH_WARMUP} warm-up runs; each run parses every file of`);
say("the corpus, read into memory beforehand.  \"bale is Nx\" = bale's best MB/s over the tool's best MB/s");
say("(above 1: bale is faster).");
say();
say(`- date: ${env.BENCH_DATE}`);
say(`- machine: ${env.BENCH_NPROC} CPUs, ${env.BENCH_CPU}; every tool pinned to CPU ${env.BENCH_PIN} (taskset)` +
  ", UV_THREADPOOL_SIZE=1, GOMAXPROCS=1");
say(`- load average: ${env.BENCH_LOAD}; other processes above 10% of a CPU: ${env.BENCH_BUSY}`);
say(`- bale: ${env.BENCH_COMMIT}; Node ${process.version}`);
say(`- corpus A: typescript/lib/typescript.js, ${fmt(corpora[0].bale.bytes / 1e6, 2)} MB, script goal`);
say(`- corpus B: three/src/**/*.js, ${corpora[1].bale.files} files, ${fmt(corpora[1].bale.bytes / 1e6, 2)} MB, module goal`);
say();
say(`| tool | version | A: MB/s best | A: median | A: bale is | B: MB/s best | B: median | B: bale is |`);
say(`|---|---|--:|--:|--:|--:|--:|--:|`);
for (const l of labels) {
  const any = corpora.map((c) => c.byLabel.get(l)).find(Boolean);
  const version = any.tool === "bale" ? env.BENCH_COMMIT.split(/[ ,]/)[0] : any.version || "";
  say(`| ${l} | ${version} | ${cell(corpora[0], l).join(" | ")} | ${cell(corpora[1], l).join(" | ")} |`);
}
say();
const target = corpora.map((c) => `${fmt(mbps(c.bale, "best_ms"))} MB/s on ${c.name.split(" ")[1]}`).join(", ");
const met = corpora.every((c) => mbps(c.bale, "best_ms") >= 300);
say(`Target of issue 3 (at least 300 MB/s on one core on both): ${met ? "met" : "not met"} (${target}).`);
say();
say("Time per run (ms, best / median) and CPU time over wall time (above 1: more than one thread worked,");
say("even pinned, time-sliced on the one CPU; esbuild's is the Node side only, its Go process is not counted;");
say("esbuild-cli's is not measured):");
say();
say(`| tool | A: best ms | A: median ms | A: cpu/wall | B: best ms | B: median ms | B: cpu/wall |`);
say(`|---|--:|--:|--:|--:|--:|--:|`);
for (const l of labels) {
  const t = corpora.map((c) => {
    const r = c.byLabel.get(l);
    return ok(r) ? `${fmt(r.best_ms)} | ${fmt(r.median_ms)} | ${r.cpu_ratio == null ? "n/a" : fmt(r.cpu_ratio, 2)}` : " |  | ";
  });
  say(`| ${l} | ${t.join(" | ")} |`);
}
const shared = labels.filter((l) => corpora.some((c) => {
  const r = c.byLabel.get(l);
  return ok(r) && r.cpu_ratio != null && r.cpu_ratio > 0.2 && r.cpu_ratio < 0.9;
}));
if (shared.length) {
  say();
  say(`Below 0.9 cpu/wall (${shared.join("; ")}): other processes took the CPU for part of those runs, so their`);
  say("medians (more than their bests) are too low.  (esbuild's Node side waits for its Go process: ignore it there.)");
}
say();
say("What each figure includes (it is not the same work for all):");
say();
say("- bale: lex, parse, build bale's AST in an arena (reset after each file); nothing crosses into JS.");
say("  \"auto goal\" is what a bundler does with a .js file of unknown kind: parse as a script, and again as a module");
say("  if that fails on import/export.  \"+ scopes + record\" adds the scope pass (scopes, symbols, bound references,");
say("  early errors) and the module record: a bundler front end's whole per-module work, which no peer but");
say("  esbuild does.  \"lexer only\" is the lexer's share (regexps told by the previous token).");
for (const l of labels.filter((l) => !l.startsWith("bale"))) {
  const any = corpora.map((c) => c.byLabel.get(l)).find((r) => r && r.includes);
  if (any) say(`- ${l}: ${any.includes}.`);
}
say("- oxc and swc are what a JS caller of these packages gets: the Rust parser is fast, and most of the time is");
say("  spent turning its AST into JS objects.  oxc's raw transfer (a faster path) needs Node >= 22; this is Node 20.");
say("  oxc-json and swc-json stop at the JSON string: the closest to their native parse speed that npm exposes.");
say("- meriyah and acorn are parsers written in JS: their figures include V8's garbage collection.");
say("- Not measured: the Rust parsers (oxc, swc) and esbuild's Go parser on their own, without the bridge to JS or");
say("  the printer; that needs their Rust crates or Go module, not npm.  So the ratios above say what bale gains over");
say("  calling these packages from Node, not over their parsers as such.");
say("- On a shared machine a run can be slow with cpu/wall at 1.00 (another process on the other CPU competes for");
say("  cache and memory): the best of N is the steadier figure, the median shows the spread.");
const text = lines.join("\n") + "\n";
writeFileSync(outFile, text);
process.stdout.write(text);
