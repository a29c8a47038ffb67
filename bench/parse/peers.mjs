// bench/parse/peers.mjs: one npm parser's single-thread throughput on a list
// of files, in-process, measured like bench_parse.c measures bale: the files
// are read once into strings, then W warm-up runs and N timed runs parse all
// of them in turn.  Prints one JSON line (the fields bench_parse --json
// prints, plus the version and what the figure includes) for run.sh.
//   node peers.mjs TOOL GOAL RUNS WARMUP LISTFILE
// TOOL: oxc | oxc-json | swc | swc-json | esbuild | esbuild-cli | meriyah | acorn.
// GOAL: script | module.  oxc-json and swc-json stop at the JSON string the
// Rust side hands over: their native parse plus serialization, an upper
// bound for what the Rust parsers could give a JS caller.
// Every figure includes building the tool's AST as JS objects (for oxc and
// swc: serializing it to JSON in Rust and JSON.parse in JS), which bale does
// not do: that is what a JS caller of these parsers gets.  esbuild has no
// parse-only API: its figure is transform (parse, a visit pass, print) plus
// the round trip to its Go service process; esbuild-cli runs its command on
// all the files at once instead (no IPC; start-up and file I/O included).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const [tool, goal, runsArg, warmupArg, listFile] = process.argv.slice(2);
const runs = Number(runsArg), warmup = Number(warmupArg);
if (!["script", "module"].includes(goal) || !(runs > 0) || !(warmup >= 0) || !listFile) {
  console.error("usage: node peers.mjs oxc|oxc-json|swc|swc-json|esbuild|esbuild-cli|meriyah|acorn script|module RUNS WARMUP LISTFILE");
  process.exit(2);
}
const module = goal === "module";
const paths = readFileSync(listFile, "utf8").split("\n").filter(Boolean);
const sources = paths.map((p) => readFileSync(p, "utf8"));
const bytes = paths.reduce((n, p, i) => n + Buffer.byteLength(sources[i]), 0);

// Read directly: some packages do not export ./package.json.
const here = new URL(".", import.meta.url);
const version = (pkg) => JSON.parse(readFileSync(new URL(`node_modules/${pkg}/package.json`, here), "utf8")).version;

// Each peer: parse(src, name) returns something to touch (so no work can be
// skipped) or throws on a syntax error; `includes` goes into the table.
async function peer(name) {
  switch (name) {
  case "oxc": {
    const { parseSync } = await import("oxc-parser");
    const opts = { sourceType: goal, lang: "js" };
    return {
      version: version("oxc-parser"),
      includes: "Rust parse, AST to JSON, JSON.parse (raw transfer needs Node >= 22)",
      parse(src, file) {
        const r = parseSync(file, src, opts);
        if (r.errors.length) throw new Error(r.errors[0].message);
        return r.program.body.length; // the getter runs JSON.parse
      },
    };
  }
  case "oxc-json": {
    // The binding under parseSync: the JSON string, never JSON.parse'd.
    const { parseSync } = await import("oxc-parser/src-js/bindings.js");
    const opts = { sourceType: goal, lang: "js" };
    return {
      version: version("oxc-parser"),
      includes: "Rust parse, AST to a JSON string (no JSON.parse)",
      parse(src, file) {
        const r = parseSync(file, src, opts);
        if (r.errors.length) throw new Error(r.errors[0].message);
        return r.program.length;
      },
    };
  }
  case "swc": {
    const swc = require("@swc/core");
    const opts = { syntax: "ecmascript", isModule: module, target: "esnext" };
    return {
      version: version("@swc/core"),
      includes: "Rust parse, AST to JSON, JSON.parse",
      parse: (src) => swc.parseSync(src, opts).body.length,
    };
  }
  case "swc-json": {
    const binding = require("@swc/core/binding.js");
    const opts = Buffer.from(JSON.stringify({ syntax: "ecmascript", isModule: module, target: "esnext" }));
    return {
      version: version("@swc/core"),
      includes: "Rust parse, AST to a JSON string (no JSON.parse)",
      parse: (src, file) => binding.parseSync(src, opts, file).length,
    };
  }
  case "esbuild": {
    const esbuild = require("esbuild");
    const opts = { loader: "js", minify: false, logLevel: "silent" };
    return {
      version: version("esbuild"),
      includes: "transform: parse, visit, print; IPC to the Go service (GOMAXPROCS=1)",
      parse: async (src) => (await esbuild.transform(src, opts)).code.length,
      stop: () => esbuild.stop(),
    };
  }
  case "esbuild-cli": {
    // The native binary on the whole list, one process per run: no IPC,
    // but its start, reading the files and writing the outputs (to memory,
    // /dev/shm, where there is one).
    const bin = fileURLToPath(new URL("node_modules/esbuild/bin/esbuild", here));
    const dir = mkdtempSync(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "bale-bench-parse-"));
    const args = [...paths, `--outdir=${dir}`, "--log-level=error", "--loader:.js=js"];
    return {
      version: version("esbuild"),
      includes: "the esbuild command on all the files at once: start, read, parse, visit, print, write (GOMAXPROCS=1)",
      whole: true,
      parse: () => execFileSync(bin, args, { env: { ...process.env, GOMAXPROCS: "1" } }).length + 1,
      stop: () => rmSync(dir, { recursive: true, force: true }),
      childCpu: true,
    };
  }
  case "meriyah": {
    const { parse } = require("meriyah");
    const opts = { sourceType: goal };
    return {
      version: version("meriyah"),
      includes: "JS parser, ESTree objects",
      parse: (src) => parse(src, opts).body.length,
    };
  }
  case "acorn": {
    const { parse } = require("acorn");
    const opts = { ecmaVersion: "latest", sourceType: goal };
    return {
      version: version("acorn"),
      includes: "JS parser, ESTree objects",
      parse: (src) => parse(src, opts).body.length,
    };
  }
  default:
    console.error(`peers.mjs: unknown tool ${name}`);
    process.exit(2);
  }
}

const p = await peer(tool);
const isAsync = tool === "esbuild";
let sink = 0;
async function runAll() {
  if (p.whole) sink += p.parse();
  else if (isAsync) for (let i = 0; i < sources.length; i++) sink += await p.parse(sources[i], paths[i]);
  else for (let i = 0; i < sources.length; i++) sink += p.parse(sources[i], paths[i]);
}

// A first pass that checks every file parses (and counts those that don't).
let failed = 0;
if (p.whole) {
  try {
    p.parse();
  } catch (e) {
    failed = paths.length;
    console.error(`peers.mjs: ${tool}: ${String(e.message).split("\n")[0]}`);
  }
} else for (let i = 0; i < sources.length; i++) {
  try {
    sink += await p.parse(sources[i], paths[i]);
  } catch (e) {
    failed++;
    if (failed <= 3) console.error(`peers.mjs: ${tool}: ${paths[i]}: ${String(e.message).split("\n")[0]}`);
  }
}
if (failed) {
  if (p.stop) p.stop();
  console.log(JSON.stringify({ tool, version: p.version, goal, files: paths.length, bytes, failed }));
  process.exit(0);
}
for (let r = 0; r < warmup; r++) await runAll();
const times = [];
const cpu0 = process.cpuUsage();
let wall = 0;
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  await runAll();
  const t = performance.now() - t0;
  wall += t;
  times.push(t);
}
const cpu = process.cpuUsage(cpu0);
times.sort((a, b) => a - b);
const median = runs % 2 ? times[runs >> 1] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
if (p.stop) p.stop();
console.log(JSON.stringify({
  tool, version: p.version, what: "parse", goal, files: paths.length, bytes, runs,
  best_ms: +times[0].toFixed(3), median_ms: +median.toFixed(3),
  cpu_ratio: p.childCpu ? null : +((cpu.user + cpu.system) / 1000 / wall).toFixed(2), failed, includes: p.includes,
  sink: sink > 0,
}));
