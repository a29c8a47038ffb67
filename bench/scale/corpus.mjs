// bench/scale/corpus.mjs: writes the synthetic projects of bench/scale/run.sh,
// one per shape and size, under OUT (bench/out/scale):
//   OUT/SHAPE-N/src/index.js   the entry (module 0)
//   OUT/SHAPE-N/expected.txt   what `node BUNDLE` must print
// Every project is a valid program: `node OUT/SHAPE-N/src/index.js` runs it
// unbundled (a package.json says "type": "module"; CommonJS files are .cjs)
// and prints expected.txt, which this script computes on its own (splitting
// at 50K: only with more than 20,000 files open at once, see README.md).
// Shapes (N counts every module, the entry and JSON files included):
//   synthetic       a DAG of ES modules in folders of 64, each importing
//                   3-5 later ones (named imports, some `import * as`),
//                   about 5% barrels (`export *` of their ES children),
//                   8% CommonJS leaves imported from ESM, 2% JSON files;
//                   each ES module has a function, a class and a helper of
//                   a few hundred bytes; the entry prints a checksum.
//   reexport-chain  index imports {x} from m1, each mi does
//                   `export { x } from "./m(i+1)"`, the last defines x.
//   star-chain      each mi does `export * from "./m(i+1)"` and exports
//                   v_i; the entry reads m1's namespace (N-1 names) and
//                   three names through the chain.
//   fan-in          one hub imports a name from each of N-1 leaves.
//   side-effects    a "sideEffects": false package whose barrel re-exports
//                   N-2 modules, each importing the next; two names used.
//   splitting       for code splitting: the entry loads R = N/20 routes
//                   (at least 2) with import() (Promise.all, in order) and
//                   prints the sum of their route()s; each route imports
//                   3-6 of N/4 shared core modules (skewed to the first:
//                   many routes share them) and its own private modules
//                   (the rest, in chains of 1-4); every f_i folds its
//                   imports' numbers into its own.
// Deterministic: a seeded PRNG, no clock, no randomness from the system.
// A project is written once and redone when this script changes (stamp).
//   node corpus.mjs OUT SHAPE N [SHAPE N ...]     prints each project's dir
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const self = readFileSync(fileURLToPath(import.meta.url));
const stampText = createHash("sha256").update(self).digest("hex").slice(0, 16);

// mulberry32: small, fast, and the same on every machine.
const prng = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

// A project being written: files relative to its src/ folder.
class Project {
  constructor(dir) {
    this.dir = dir;
    this.madeDirs = new Set();
  }
  write(path, text) {
    const full = join(this.dir, "src", path);
    const d = dirname(full);
    if (!this.madeDirs.has(d)) {
      mkdirSync(d, { recursive: true });
      this.madeDirs.add(d);
    }
    writeFileSync(full, text);
  }
}

// The specifier by which the file FROM imports the file TO (both relative
// to src/).
const spec = (from, to) => {
  const r = relative(dirname(from), to);
  return r.startsWith(".") ? r : "./" + r;
};

// ---- synthetic ---------------------------------------------------------

const MOD = 1000003;
// The arithmetic of the generated f_i, C_i and mix_j, done here too so
// that the checksum is known without running the project.
const fValue = (i, s, x) => {
  let acc = (x + i) | 0;
  for (let k = 0; k < 6; k++) acc = (acc * 31 + k + s) % 65521;
  return acc;
};
const classValue = (s, seed) => {
  let v = 0;
  for (let k = 0; k < 3; k++) v = (v * 7 + ((seed + k * s) % 997)) % 65521;
  return v;
};
const mixValue = (s, x) => {
  let a = x;
  for (let k = 0; k < 4; k++) a = (a * 17 + k + s) % 65521;
  return a;
};

function synthetic(p, n) {
  const rand = prng(n * 7919 + 17);
  const pick = (k) => Math.floor(rand() * k);
  // Kinds: 0 is ES; others by index, as a real tree has them scattered.
  const kind = new Array(n);
  for (let i = 0; i < n; i++) {
    kind[i] = i === 0 ? "esm" : i % 50 === 7 ? "json" : i % 12 === 5 ? "cjs" : i % 20 === 3 ? "barrel" : "esm";
  }
  const isEs = (i) => kind[i] === "esm" || kind[i] === "barrel";
  const file = (i) => {
    if (i === 0) return "index.js";
    const ext = kind[i] === "json" ? "json" : kind[i] === "cjs" ? "cjs" : "js";
    return `g${Math.floor(i / 64)}/m${i}.${ext}`;
  };
  const salt = Array.from({ length: n }, () => 1 + pick(1000));
  // Each module has one importer among the 64 before it (so every module is
  // reachable from the entry), and each ES module 3-5 imports of later ones.
  const children = Array.from({ length: n }, () => []);
  for (let j = 1; j < n; j++) {
    let parent = Math.max(0, j - 1 - pick(64));
    while (!isEs(parent)) parent--;
    children[parent].push(j);
  }
  for (let i = 0; i < n; i++) {
    if (!isEs(i)) continue;
    const want = 3 + pick(3);
    const seen = new Set(children[i]);
    const span = Math.min(n - 1, i + 256) - i;
    for (let tries = 0; seen.size < want && span > 0 && tries < 20; tries++) {
      const j = i + 1 + pick(span);
      if (!seen.has(j)) {
        seen.add(j);
        children[i].push(j);
      }
    }
    children[i].sort((a, b) => a - b);
  }
  // An import of an ES child: named (with f_j, or through a barrel with
  // f_c of the barrel's first ES child c), or a namespace.
  const form = Array.from({ length: n }, () => (rand() < 0.2 ? "namespace" : "named"));
  const firstEsChild = (j) => children[j].find(isEs);

  // Children come after their importers: compute totals from the end.
  const total = new Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const s = salt[i];
    if (kind[i] === "json") {
      total[i] = s * 3;
      p.write(file(i), JSON.stringify({ id: i, name: `data-${i}`, weight: s * 3, tags: ["bench", `g${Math.floor(i / 64)}`],
        values: Array.from({ length: 12 }, (_, k) => (s * (k + 1)) % 101) }, null, 2) + "\n");
      continue;
    }
    if (kind[i] === "cjs") {
      total[i] = mixValue(s, i % 101);
      p.write(file(i), `"use strict";
// m${i}: a CommonJS module, imported from ES modules.
function mix${i}(x) {
  let a = x;
  for (let k = 0; k < 4; k++) a = (a * 17 + k + ${s}) % 65521;
  return a;
}
class Counter${i} {
  constructor() { this.count = 0; this.history = []; }
  add(n) { this.count += n; this.history.push(n); return this; }
  get last() { return this.history.length ? this.history[this.history.length - 1] : undefined; }
}
module.exports = { total: mix${i}(${i % 101}), mix: mix${i}, Counter: Counter${i}, name: "m${i}" };
`);
      continue;
    }
    let imports = "";
    let uses = [];
    let sum = 0;
    for (const j of children[i]) {
      const from = spec(file(i), file(j));
      if (kind[j] === "json") {
        imports += `import data${j} from "${from}" with { type: "json" };\n`;
        uses.push(`data${j}.weight`);
        sum += total[j];
      } else if (kind[j] === "cjs") {
        imports += `import cjs${j} from "${from}";\n`;
        uses.push(`cjs${j}.total`);
        sum += total[j];
      } else if (form[j] === "namespace") {
        imports += `import * as ns${j} from "${from}";\n`;
        uses.push(`ns${j}.total_${j}`);
        sum += total[j];
      } else if (kind[j] === "barrel" && firstEsChild(j) !== undefined) {
        const c = firstEsChild(j);
        imports += `import { total_${j}, f_${c} as f_${c}_via_${j} } from "${from}";\n`;
        uses.push(`total_${j}`, `f_${c}_via_${j}(3)`);
        sum += total[j] + fValue(c, salt[c], 3);
      } else {
        imports += `import { total_${j}, f_${j} } from "${from}";\n`;
        uses.push(`total_${j}`, `f_${j}(${i % 97})`);
        sum += total[j] + fValue(j, salt[j], i % 97);
      }
    }
    let stars = "";
    if (kind[i] === "barrel") {
      for (const j of children[i]) if (isEs(j)) stars += `export * from "${spec(file(i), file(j))}";\n`;
    }
    total[i] = (fValue(i, s, i % 89) + classValue(s, i) + sum) % MOD;
    const entry = i === 0 ? `\nconsole.log("total " + total_0);\n` : "";
    p.write(file(i), `// m${i}: ${kind[i] === "barrel" ? "a barrel: re-exports its ES imports" : "an ES module"}.
${imports}${stars}
const NAMES_${i} = ["alpha-${i}", "beta-${i}", "gamma-${i}"];

function helper${i}(list) {
  let out = "";
  for (const item of list) out += (out ? ", " : "") + item.toUpperCase();
  return out;
}

export function f_${i}(x) {
  let acc = (x + ${i}) | 0;
  for (let k = 0; k < 6; k++) acc = (acc * 31 + k + ${s}) % 65521;
  return acc;
}

export class C_${i} {
  constructor(seed) {
    this.seed = seed;
    this.items = [];
    for (let k = 0; k < 3; k++) this.items.push((seed + k * ${s}) % 997);
  }
  value() {
    let v = 0;
    for (const item of this.items) v = (v * 7 + item) % 65521;
    return v;
  }
  label() {
    return "C_${i}(" + this.seed + "): " + helper${i}(NAMES_${i});
  }
}

export const total_${i} = (f_${i}(${i % 89}) + new C_${i}(${i}).value()${uses.map((u) => " + " + u).join("")}) % ${MOD};
${entry}`);
  }
  return `total ${total[0]}\n`;
}

// ---- the chains and the fan-in -----------------------------------------

const chainFile = (i) => (i === 0 ? "index.js" : `d${Math.floor(i / 1000)}/m${i}.js`);

function reexportChain(p, n) {
  const x = n * 7 + 3;
  p.write(chainFile(0), `import { x } from "${spec(chainFile(0), chainFile(1))}";\nconsole.log("x " + x);\n`);
  for (let i = 1; i < n - 1; i++) p.write(chainFile(i), `export { x } from "${spec(chainFile(i), chainFile(i + 1))}";\n`);
  p.write(chainFile(n - 1), `export const x = ${x};\n`);
  return `x ${x}\n`;
}

function starChain(p, n) {
  const mid = Math.floor(n / 2);
  p.write(chainFile(0), `import * as ns from "${spec(chainFile(0), chainFile(1))}";
import { v_1, v_${mid}, v_${n - 1} } from "${spec(chainFile(0), chainFile(1))}";
let count = 0, sum = 0;
for (const key of Object.keys(ns)) { count++; sum += ns[key]; }
console.log("star " + count + " " + sum + " " + (v_1 + v_${mid} + v_${n - 1}));
`);
  for (let i = 1; i < n; i++) {
    const next = i < n - 1 ? `export * from "${spec(chainFile(i), chainFile(i + 1))}";\n` : "";
    p.write(chainFile(i), `${next}export const v_${i} = ${i};\n`);
  }
  return `star ${n - 1} ${((n - 1) * n) / 2} ${1 + mid + (n - 1)}\n`;
}

function fanIn(p, n) {
  let imports = "", names = "", sum = 0;
  for (let i = 1; i < n; i++) {
    const v = (i * 7) % 1000;
    sum += v;
    p.write(chainFile(i), `export const v_${i} = ${v};\nexport function f_${i}(a) {\n  return a + v_${i};\n}\n`);
    imports += `import { v_${i} } from "${spec(chainFile(0), chainFile(i))}";\n`;
    names += `${i % 16 === 1 ? "\n " : ""} v_${i},`;
  }
  p.write(chainFile(0), `${imports}
const values = [${names}
];
let total = 0;
for (const v of values) total += v;
console.log("fan-in " + values.length + " " + total);
`);
  return `fan-in ${n - 1} ${sum}\n`;
}

// A package that says "sideEffects": false: a barrel re-exporting the
// f_i of N-2 modules, each importing the next (for nothing it uses); the
// entry uses two names.  Tree shaking keeps two modules; the seed's
// analysis of rspack finds its side-effects pass quadratic here.
function sideEffects(p, n) {
  const m = n - 2; // the entry and the barrel
  const file = (i) => `node_modules/lib/d${Math.floor(i / 1000)}/m${i}.js`;
  p.write("node_modules/lib/package.json", `{ "name": "lib", "type": "module", "sideEffects": false, "main": "index.js" }\n`);
  let barrel = "";
  for (let i = 1; i <= m; i++) {
    barrel += `export { f_${i} } from "./${file(i).slice("node_modules/lib/".length)}";\n`;
    const next = i < m ? `import "${spec(file(i), file(i + 1))}";\n` : "";
    p.write(file(i), `${next}export function f_${i}(x) {\n  return x + ${i};\n}\n`);
  }
  p.write("node_modules/lib/index.js", barrel);
  p.write(chainFile(0), `import { f_1, f_${m} } from "lib";\nconsole.log("side-effects " + f_1(1) + " " + f_${m}(1));\n`);
  return `side-effects ${2} ${m + 1}\n`;
}

// ---- splitting -----------------------------------------------------------

// Code splitting: the entry loads R routes with import(); each route
// imports 3-6 of C shared core modules (picked with a skew to the first
// ones, so many routes share them) and its own private modules.  A core
// module no route picks is imported by one of the last picked ones before
// it (so every module is reachable, and the shared graph is at most two
// deep).  Every module's f_i folds its imports' numbers into its own.
const foldValue = (salt, values) => values.reduce((acc, v) => (acc * 31 + v) % 65521, salt);

function splitting(p, n) {
  const rand = prng(n * 6151 + 29);
  const pick = (k) => Math.floor(rand() * k);
  const r = Math.max(2, Math.round(n / 20));
  const c = Math.max(1, Math.round(n / 4));
  const priv = Math.max(0, n - 1 - r - c);
  // Module ids: 0 the entry, 1..r the routes, then the core, then the
  // private modules route by route.
  const route = (k) => 1 + k;
  const core = (k) => 1 + r + k;
  const file = new Array(1 + r + c + priv);
  file[0] = "index.js";
  for (let k = 0; k < r; k++) file[route(k)] = `routes/r${k}.js`;
  for (let k = 0; k < c; k++) file[core(k)] = `core/d${Math.floor(k / 1000)}/c${k}.js`;
  const imports = Array.from({ length: file.length }, () => []);
  const salt = Array.from({ length: file.length }, () => 1 + pick(1000));
  const picked = new Array(c).fill(false);
  for (let k = 0; k < r; k++) {
    const want = 3 + pick(4);
    const seen = new Set();
    for (let tries = 0; seen.size < Math.min(want, c) && tries < 50; tries++) seen.add(Math.floor(c * rand() ** 3));
    for (const j of [...seen].sort((a, b) => a - b)) {
      imports[route(k)].push(core(j));
      picked[j] = true;
    }
  }
  const last = []; // the last picked core modules before j
  for (let j = 0; j < c; j++) {
    if (picked[j]) {
      last.push(j);
      if (last.length > 8) last.shift();
    } else if (last.length) imports[core(last[pick(last.length)])].push(core(j));
    else imports[route(j % r)].push(core(j));
  }
  // Route k's private modules: chains of 1-4 modules (by k: a fan of single
  // modules, or of short chains), the route importing each chain's head.
  let id = 1 + r + c;
  for (let k = 0; k < r; k++) {
    const count = Math.floor(priv / r) + (k < priv % r ? 1 : 0);
    const length = 1 + (k % 4);
    for (let start = 0; start < count; start += length) {
      for (let m = start; m < Math.min(count, start + length); m++) {
        file[id] = `routes/r${k}/p${m}.js`;
        imports[m === start ? route(k) : id - 1].push(id);
        id++;
      }
    }
  }
  // Every import is of a later module: compute from the end.
  const value = new Array(file.length);
  for (let i = file.length - 1; i > 0; i--) {
    value[i] = foldValue(salt[i], imports[i].map((j) => value[j]));
    const what = i <= r ? `a route, loaded by the entry's import()` : i <= r + c ? "a core module, shared by the routes that import it" : "a route's private module";
    const name = i <= r ? "route" : `f_${i}`;
    p.write(file[i], `// m${i}: ${what}.
${imports[i].map((j) => `import { f_${j} } from "${spec(file[i], file[j])}";\n`).join("")}
export function ${name}() {
  let acc = ${salt[i]};
${imports[i].map((j) => `  acc = (acc * 31 + f_${j}()) % 65521;\n`).join("")}  return acc;
}
`);
  }
  let sum = 0;
  for (let k = 0; k < r; k++) sum += value[route(k)];
  p.write(file[0], `// m0: the entry: loads every route with import(), in order, and prints the checksum.
Promise.all([
${Array.from({ length: r }, (_, k) => `  import("./${file[route(k)]}"),\n`).join("")}]).then((routes) => {
  let total = 0;
  for (const r of routes) total += r.route();
  console.log("splitting " + routes.length + " " + total);
});
`);
  return `splitting ${r} ${sum}\n`;
}

const shapes = { synthetic, "reexport-chain": reexportChain, "star-chain": starChain, "fan-in": fanIn, "side-effects": sideEffects, splitting };

const [out, ...pairs] = process.argv.slice(2);
if (!out || pairs.length === 0 || pairs.length % 2) {
  console.error("usage: node corpus.mjs OUT SHAPE N [SHAPE N ...]");
  process.exit(2);
}
for (let k = 0; k < pairs.length; k += 2) {
  const [shape, n] = [pairs[k], Number(pairs[k + 1])];
  if (!shapes[shape] || !(n >= 3)) {
    console.error(`corpus.mjs: unknown shape or size: ${shape} ${pairs[k + 1]}`);
    process.exit(2);
  }
  const dir = join(out, `${shape}-${n}`);
  const stamp = join(dir, "stamp");
  if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== stampText) {
    rmSync(dir, { recursive: true, force: true });
    const p = new Project(dir);
    const expected = shapes[shape](p, n);
    writeFileSync(join(dir, "src/package.json"), `{ "type": "module" }\n`);
    writeFileSync(join(dir, "expected.txt"), expected);
    writeFileSync(stamp, stampText);
  }
  console.log(dir);
}
