// bench/dispatch/report.mjs: turns bench_dispatch's two tables (the seed's
// counts, bale's counts) and bale's --profile into the markdown that
// run.sh prints and writes to results.md.  Machine facts come in BENCH_*.
//   node report.mjs OUT.md SEED.tsv BALE.tsv PROFILE.txt CHECK.json
import { readFileSync, writeFileSync } from "node:fs";

const [outFile, seedFile, baleFile, profileFile, checkFile] = process.argv.slice(2);
const env = process.env;
// label -> {calls, random: {direct, switch, indirect, boxed}, same: {...}} in ns
const read = (f) => {
  const by = new Map();
  for (const line of readFileSync(f, "utf8").trim().split("\n").slice(1)) {
    const [label, calls, pattern, direct, sw, indirect, boxed] = line.split("\t");
    if (!by.has(label)) by.set(label, { label, calls: Number(calls) });
    by.get(label)[pattern] = { direct: +direct, switch: +sw, indirect: +indirect, boxed: +boxed };
  }
  return [...by.values()];
};
const seed = read(seedFile);
const bale = read(baleFile);
const check = JSON.parse(readFileSync(checkFile, "utf8"));
// The seed's estimates (its "Cost in Hot Paths" table and its BoxDependency
// section), in ms, in bench_dispatch's default order.
const seedMs = [4, 1, 1, 1, 11, 12.5];
const seedHow = ["async_trait", "async_trait", "async_trait", "async_trait", "async_trait", "vtable only (5 ns a call)"];

const ms = (ns) => (ns / 1e6).toFixed(ns < 1e6 ? 3 : 2);
const pair = (row, strategy) => `${ms(row.random[strategy])} / ${ms(row.same[strategy])}`;
const sum = (rows, pattern, strategy) => rows.reduce((s, r) => s + r[pattern][strategy], 0);
const perCall = (row, pattern, strategy) => (row[pattern][strategy] / row.calls).toFixed(1);

const lines = [];
const say = (s = "") => lines.push(s);
say("# The seed's dispatch table, measured");
say();
say("Written by `bench/dispatch/run.sh`.  The seed's analysis (\"async_trait & Dynamic Dispatch Overhead\") estimates");
say("what rspack's `#[async_trait]` (a `Box<dyn Future>` per call: heap-allocated state and a vtable call) and");
say("`Box<dyn Dependency>` cost at 10,000 modules.  `bench_dispatch.c` times, at the same call counts, one call of a");
say("small noinline function through:");
say();
say("- **(a) boxed + vtable**: malloc 64-128 bytes of state, call `poll` through a vtable, call `drop` through it (free);");
say("- **(b) indirect**: a function pointer loaded from a table;");
say("- **(c) switch**: a `switch` on a tag, each case a direct call (bale's task loop, `src/make/loop.c`);");
say("- **direct**: the same call without any dispatch (the floor: the work itself and the loop).");
say();
say("Each figure is the best of 15 runs, in ms, for two patterns of kinds: **random** (each call's kind drawn among");
say("six: the branch predictor misses most dispatches, the worst case) / **same** (one kind for every call: always");
say("predicted, the best case).  A real build sits between the two.  glibc's malloc (its per-thread cache) serves the");
say("boxes; rspack ships mimalloc, of a similar speed for this pattern.");
say();
say(`- date: ${env.BENCH_DATE}`);
say(`- machine: ${env.BENCH_CPU}; bench_dispatch pinned to CPU ${env.BENCH_PIN}; ${env.BENCH_CC}, -O2 (CMake Release)`);
say(`- load average: ${env.BENCH_LOAD}; other processes above 10% of a CPU: ${env.BENCH_BUSY}`);
say(`- bale: ${env.BENCH_COMMIT} (${env.BENCH_BALE_VERSION})`);
const loadBefore = Number(env.BENCH_LOAD.split(" ")[0]);
if (loadBefore >= 0.5 || !/^none before, none after$/.test(env.BENCH_BUSY)) {
  say();
  say(`**The machine was not quiet**: other work shared its CPUs; the best of 15 runs filters most of it out, but`);
  say("the figures may be a little high.");
}
say();
say("## At the seed's call counts (10,000 modules)");
say();
say("| hot path (seed) | calls | seed's estimate | (a) boxed + vtable | (b) indirect | (c) switch | direct |");
say("|---|--:|--:|--:|--:|--:|--:|");
seed.forEach((r, k) => {
  say(`| ${r.label} | ${r.calls.toLocaleString("en-US")} | ~${seedMs[k]} ms (${seedHow[k]}) | ${pair(r, "boxed")} | ` +
    `${pair(r, "indirect")} | ${pair(r, "switch")} | ${pair(r, "direct")} |`);
});
const asyncRows = seed.slice(0, 5);
const both = (rows, s) => `${ms(sum(rows, "random", s))} / ${ms(sum(rows, "same", s))}`;
say(`| the five async_trait rows | ${asyncRows.reduce((s, r) => s + r.calls, 0).toLocaleString("en-US")} | ~18 ms | ` +
  `${both(asyncRows, "boxed")} | ${both(asyncRows, "indirect")} | ${both(asyncRows, "switch")} | ${both(asyncRows, "direct")} |`);
say(`| all six rows | ${seed.reduce((s, r) => s + r.calls, 0).toLocaleString("en-US")} | ~30.5 ms | ` +
  `${both(seed, "boxed")} | ${both(seed, "indirect")} | ${both(seed, "switch")} | ${both(seed, "direct")} |`);
say();
const big = seed[seed.length - 1];
say(`Per call (from the ${big.calls.toLocaleString("en-US")}-call row), random / same: boxed + vtable ${perCall(big, "random", "boxed")} / ` +
  `${perCall(big, "same", "boxed")} ns, indirect ${perCall(big, "random", "indirect")} / ${perCall(big, "same", "indirect")} ns, ` +
  `switch ${perCall(big, "random", "switch")} / ${perCall(big, "same", "switch")} ns, direct ${perCall(big, "random", "direct")} / ` +
  `${perCall(big, "same", "direct")} ns.  The seed assumes 50-100 ns for a boxed call and 5 ns for a vtable call.`);
say();
say("## bale's own counts: a real build of bench/scale's synthetic 10K project");
say();
say(`\`bale --profile\` on \`bench/out/scale/synthetic-10000\` (output checked by node: ${check.ok ? "ok" : "**failed**: " + check.detail}).`);
say("bale dispatches every task with a `switch` on its kind; its code generation is a direct call per module, and");
say("its dependencies are plain structs whose fields are read, not called.  The columns time those counts as");
say("bale does them (a switch, a direct call, no call) and as they would cost boxed (a):");
say();
say("| bale at 10K modules | calls | how bale dispatches | measured, as bale does it | (a) if boxed + vtable | seed's counterpart |");
say("|---|--:|---|--:|--:|---|");
const counterpart = (label) =>
  /all task runs/.test(label) ? "task runs: 40,000" :
  /BUILD \(/.test(label) ? "Module::build: 10,000" :
  /FACTORIZE \(/.test(label) ? "ModuleFactory::create: 10,000" :
  /modules/.test(label) ? "Module::code_generation: 10,000" :
  /dependencies/.test(label) ? "dependency method calls: 2,500,000 (5 a dependency of 500,000)" : "";
for (const r of bale) {
  const label = r.label.replace(/^bale: /, "");
  const how = /task/.test(label) ? "switch on the task's kind" : /modules/.test(label) ? "direct call" : "field reads, no call";
  const asBale = /task/.test(label) ? pair(r, "switch") : /modules/.test(label) ? pair(r, "direct") : "0 (no call)";
  say(`| ${label} | ${r.calls.toLocaleString("en-US")} | ${how} | ${asBale} | ${pair(r, "boxed")} | ${counterpart(label)} |`);
}
say("| hooks | 0 | bale has no hooks | | | Hook::call: 110,000 |");
say();
say("bale's --profile, as printed:");
say();
say("```");
for (const line of readFileSync(profileFile, "utf8").trimEnd().split("\n")) say(line);
say("```");
say();
say("## What it says");
say();
const asyncBoxed = [sum(asyncRows, "same", "boxed"), sum(asyncRows, "random", "boxed")];
const depRow = seed[seed.length - 1];
say(`- The five async_trait rows (${asyncRows.reduce((s, r) => s + r.calls, 0).toLocaleString("en-US")} boxed calls): ${ms(asyncBoxed[0])}-${ms(asyncBoxed[1])} ms measured against the seed's`);
say(`  ~18 ms: a boxed call costs ${perCall(depRow, "same", "boxed")}-${perCall(depRow, "random", "boxed")} ns here, not 50-100 ns (a thread-cached malloc/free pair is cheap).`);
say(`- The 2.5M dependency method calls, as plain vtable calls (b): ${ms(depRow.same.indirect)}-${ms(depRow.random.indirect)} ms against the seed's ~12.5 ms`);
say(`  (${perCall(depRow, "same", "indirect")}-${perCall(depRow, "random", "indirect")} ns a call: the seed's 5 ns is in the range; mispredicted targets cost the most).`);
say(`- A switch costs the same as an indirect call (${ms(sum(seed, "same", "switch"))}-${ms(sum(seed, "random", "switch"))} ms for all six rows): what costs is the mispredicted`);
say("  branch, not the kind of dispatch.  What the enum saves over async_trait is the allocation (the (a) - (b) columns).");
say("- The seed's conclusion stands: tens of milliseconds at most at 10K modules, under 1% of a build of seconds;");
say(`  bale's own ${bale[0].calls.toLocaleString("en-US")} task runs cost ${ms(bale[0].same.switch)}-${ms(bale[0].random.switch)} ms of dispatch.`);
say("- The build times that matter are algorithmic: see bench/scale/results.md.");
const text = lines.join("\n") + "\n";
writeFileSync(outFile, text);
process.stdout.write(text);
