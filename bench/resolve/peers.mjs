// bench/resolve/peers.mjs: times enhanced-resolve (webpack's resolver) and
// oxc-resolver (Rust, through napi) on a request list from corpus.mjs.
//   node bench/resolve/peers.mjs REQUESTS.tsv RUNS ANSWERS_PREFIX
// Both are configured as bale is for platform=browser: conditions
// import|require, browser, module; main fields browser, module, main; the
// browser alias field; extensions .js .mjs .cjs .json (.js .json for
// require).  Each run starts with empty caches (a new resolver), as a build
// does.  Prints one JSON line per peer: {name, best_ms, runs_ms, resolved,
// failed}; writes each peer's answers (one a line, "!" for a failure) to
// ANSWERS_PREFIX.<name>.txt for the agreement count.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../package.json'));
const er = require('enhanced-resolve');
const oxc = require('oxc-resolver');

const [tsv, runsArg, prefix] = process.argv.slice(2);
const runs = Number(runsArg || 3);
const requests = fs
  .readFileSync(tsv, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => l.split('\t'));

const exts = { import: ['.js', '.mjs', '.cjs', '.json'], require: ['.js', '.json'] };

function makeEnhanced() {
  const mk = (kind) =>
    er.ResolverFactory.createResolver({
      fileSystem: new er.CachedInputFileSystem(fs, 4000),
      useSyncFileSystemCalls: true,
      conditionNames: [kind, 'browser', 'module'],
      mainFields: ['browser', 'module', 'main'],
      aliasFields: ['browser'],
      extensions: exts[kind],
      exportsFields: ['exports'],
      importsFields: ['imports'],
    });
  const r = { import: mk('import'), require: mk('require') };
  return (kind, dir, req) => {
    try {
      const p = r[kind].resolveSync({}, dir, req);
      return p === false ? '(empty)' : p;
    } catch {
      return null;
    }
  };
}

function makeOxc() {
  const mk = (kind) =>
    new oxc.ResolverFactory({
      conditionNames: [kind, 'browser', 'module'],
      mainFields: ['browser', 'module', 'main'],
      aliasFields: [['browser']],
      extensions: exts[kind],
      exportsFields: [['exports']],
      importsFields: [['imports']],
    });
  const base = mk('import');
  const r = { import: base, require: mk('require') };
  return (kind, dir, req) => {
    const res = r[kind].sync(dir, req);
    return res.path || null;
  };
}

function time(name, make) {
  const times = [];
  let answers;
  for (let i = 0; i < runs; i++) {
    const resolve = make();
    const got = new Array(requests.length);
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < requests.length; k++) {
      const [kind, dir, req] = requests[k];
      got[k] = resolve(kind, dir, req);
    }
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    answers = got;
  }
  const resolved = answers.filter((a) => a !== null).length;
  fs.writeFileSync(`${prefix}.${name}.txt`, answers.map((a) => (a === null ? '!' : a)).join('\n') + '\n');
  console.log(
    JSON.stringify({ name, best_ms: Math.min(...times), runs_ms: times, resolved, failed: requests.length - resolved })
  );
}

time('enhanced-resolve', makeEnhanced);
time('oxc-resolver', makeOxc);
