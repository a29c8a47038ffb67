// bench/scale/corpus.mjs: writes the synthetic projects of bench/scale/run.sh,
// one per shape and size, under OUT (bench/out/scale):
//   OUT/SHAPE-N/src/index.js   the entry (module 0)
//   OUT/SHAPE-N/expected.txt   what `node BUNDLE` must print
// Every project is a valid program: `node OUT/SHAPE-N/src/index.js` runs it
// unbundled (a package.json says "type": "module"; CommonJS files are .cjs)
// and prints expected.txt, which this script computes on its own.
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

const shapes = { synthetic, "reexport-chain": reexportChain, "star-chain": starChain, "fan-in": fanIn, "side-effects": sideEffects };

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
