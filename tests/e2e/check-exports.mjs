// The export checker of tests/e2e/run.sh: a second program that loads a
// module the way a consumer of the program would and prints a canonical
// description of what it gets.  run.sh runs it once on the case's entry and
// once on the bundle; the two outputs must be equal.
//   node check-exports.mjs import PATH   `import * as ns from PATH` (format esm)
//   node check-exports.mjs require PATH  `require(PATH)` (format cjs)
// With `import` it describes the namespace object: its own keys in
// Reflect.ownKeys order (a module namespace's order: sorted by code unit,
// then Symbol.toStringTag) with each value, whether the prototype is null,
// whether it is extensible, its Symbol.toStringTag and whether `__esModule`
// is one of its keys.
// With `require` it describes module.exports: its typeof (and, for a
// function, the function), its enumerable own string keys sorted, each
// value, and `__esModule` (own? enumerable? value).  Node 20.20 can
// require() an ES module (without top-level await): it returns the module's
// namespace, plus an enumerable `__esModule: true` when the module has a
// default export and no `__esModule` of its own.  A CommonJS bundle's
// module.exports cannot be a module namespace object, so with `require` the
// object's own shape (prototype, extensibility, toStringTag, the order of
// its keys, data or accessor properties) is not compared: only what a
// CommonJS consumer reads, its keys and values.
// Values are described, not printed: primitives by type and value,
// functions by kind, name and length, classes as classes, arrays by length,
// objects by toStringTag, prototype, extensibility and keys.  A value that
// throws when read (a binding in its temporal dead zone) prints the error.
// An import or require that throws prints the error's name, code and
// message, with the module's path and directory replaced by <path> and
// <dir> (the bundle lives elsewhere than the entry).
// The description is taken when the import or require returns and printed
// when the process exits, after everything the module itself printed: when
// a module's own import() resolves, relative to the importer's code, is up
// to Node's loader (it reads the file first), and a bundle's modules are
// already there.
import { writeSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { dirname } from "node:path";

const [mode, file] = process.argv.slice(2);
if ((mode !== "import" && mode !== "require") || !file) {
  console.error("usage: node check-exports.mjs import|require PATH");
  process.exit(2);
}

const out = [];
const log = (line) => out.push(line);
process.on("exit", () => writeSync(1, out.map((l) => l + "\n").join("")));

const clean = (s) => String(s).split(file).join("<path>").split(dirname(file)).join("<dir>")
  .split(pathToFileURL(file).href).join("<path>");
const key = (k) => (typeof k === "symbol" ? k.toString() : JSON.stringify(k));
const protoName = (o) => {
  const p = Object.getPrototypeOf(o);
  if (p === null) return "null";
  const c = Object.getOwnPropertyDescriptor(p, "constructor");
  return c && typeof c.value === "function" ? c.value.name : "?";
};
const list = (keys) => {
  const shown = keys.slice(0, 20).map(key).join(", ");
  return `[${shown}${keys.length > 20 ? `, ... ${keys.length} in all` : ""}]`;
};

function describe(v) {
  switch (typeof v) {
    case "undefined": return "undefined";
    case "string": return `string ${JSON.stringify(v.length > 200 ? v.slice(0, 200) + "..." : v)}`;
    case "number": return `number ${Object.is(v, -0) ? "-0" : String(v)}`;
    case "bigint": return `bigint ${v}n`;
    case "boolean": return `boolean ${v}`;
    case "symbol": return `symbol ${v.toString()}`;
    case "function": {
      let src = "";
      try { src = Function.prototype.toString.call(v); } catch { /* a revoked proxy */ }
      const kind = /^class\b/.test(src) ? "class" : Object.prototype.toString.call(v).slice(8, -1);
      const own = Object.keys(v);
      return `function ${kind} name=${JSON.stringify(v.name)} length=${v.length}` +
        (own.length ? ` keys=${list(own)}` : "");
    }
    default: {
      if (v === null) return "null";
      if (Array.isArray(v)) return `array length=${v.length}`;
      return `object ${Object.prototype.toString.call(v)} proto=${protoName(v)}` +
        ` extensible=${Object.isExtensible(v)} keys=${list(Reflect.ownKeys(v))}`;
    }
  }
}

function read(o, k) {
  try {
    return describe(o[k]);
  } catch (e) {
    return `throws ${e && e.name}: ${clean(e && e.message)}`;
  }
}

function threw(e) {
  const code = e && e.code ? ` [${e.code}]` : "";
  log(`${mode} threw ${e && e.name}${code}: ${clean(e && e.message)}`);
}

if (mode === "import") {
  let ns;
  try {
    ns = await import(pathToFileURL(file).href);
  } catch (e) {
    threw(e);
  }
  if (ns) {
    const keys = Reflect.ownKeys(ns);
    log(`import: ${keys.length} keys`);
    for (const k of keys) log(`  ${key(k)}: ${read(ns, k)}`);
    log(`prototype null: ${Object.getPrototypeOf(ns) === null}`);
    log(`extensible: ${Object.isExtensible(ns)}`);
    log(`toStringTag: ${read(ns, Symbol.toStringTag)}`);
    log(`__esModule is a key: ${keys.includes("__esModule")}`);
  }
} else {
  let m, ok = false;
  try {
    m = createRequire(import.meta.url)(file);
    ok = true;
  } catch (e) {
    threw(e);
  }
  if (ok) {
    if (typeof m === "function") log(`require: ${describe(m)}`);
    else log(`require: ${m === null ? "null" : typeof m}`);
    if (m !== null && (typeof m === "object" || typeof m === "function")) {
      const keys = Object.keys(m).sort();
      log(`enumerable keys: ${keys.length}`);
      for (const k of keys) log(`  ${key(k)}: ${read(m, k)}`);
      const d = Object.getOwnPropertyDescriptor(m, "__esModule");
      log(`__esModule: own=${!!d} enumerable=${!!(d && d.enumerable)} value=${read(m, "__esModule")}`);
    }
  }
}
