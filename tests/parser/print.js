#!/usr/bin/env node
// The printer (output/print.h, `bale parse --dump=print`) against
// test262-parser-tests (tests/npm): every pass/ file printed back must
// parse to the same AST as the file itself (the dump omits positions and
// parentheses), with the same goal.  Then the same on the .js files of a
// few large packages of tests/npm (real code: three, typescript, ...).
// Usage: print.js PATH_TO_BALE
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const bale = process.argv[2];
const npm = path.join(__dirname, '..', 'npm', 'node_modules');
const root = path.join(npm, 'test262-parser-tests');
if (!fs.existsSync(root)) {
  console.log('print: tests/npm is not installed (run scripts/npm-deps.sh)');
  console.log('print: 0 passed, 1 failed, 0 skipped');
  process.exit(1);
}
const env = { ...process.env, ASAN_OPTIONS: 'detect_leaks=0' };
// bale parse ARGS on files, in batches; the "//> FILE" sections by file
function sections(args, files) {
  const map = new Map();
  for (let i = 0; i < files.length; i += 300) {
    const batch = files.slice(i, i + 300);
    const r = spawnSync(bale, ['parse', ...args, ...batch], { env, maxBuffer: 1 << 30, encoding: 'utf8' });
    if (r.error) throw r.error;
    if (batch.length === 1) { map.set(batch[0], r.status === 0 ? r.stdout : null); continue; }
    for (const chunk of r.stdout.split(/^\/\/> /m).slice(1)) {
      const nl = chunk.indexOf('\n');
      map.set(chunk.slice(0, nl), chunk.slice(nl + 1));
    }
  }
  return map;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bale-print-'));
let passed = 0, failed = 0;
const shown = [];
function check(label, files, goal) {
  const printed = sections([goal, '--dump=print'], files);
  const want = sections([goal, '--dump=ast'], files);
  const outs = [];
  files.forEach((f, i) => {
    const out = path.join(tmp, `${label}-${i}${goal === '--module' ? '.mjs' : '.js'}`);
    fs.writeFileSync(out, printed.get(f) || '');
    outs.push(out);
  });
  const got = sections([goal, '--dump=ast'], outs);
  let ok = 0;
  files.forEach((f, i) => {
    if (want.get(f) && want.get(f) === got.get(outs[i])) { ok++; passed++; return; }
    failed++;
    if (shown.length < (+process.env.SHOW || 20)) shown.push(`${f}\n    printed: ${(printed.get(f) || '').slice(0, 300)}`);
  });
  return ok;
}

const pass = fs.readdirSync(path.join(root, 'pass')).sort().map((f) => path.join(root, 'pass', f));
const mods = pass.filter((f) => f.endsWith('.module.js')), scripts = pass.filter((f) => !f.endsWith('.module.js'));
const t262 = check('m', mods, '--module') + check('s', scripts, '--script');
console.log(`print: test262 pass/: ${t262}/${pass.length} print back to the same AST`);
// real code: every .js file of these packages that bale parses as a script or module
const pkgs = ['three/src', 'lodash-es', 'rxjs/dist/cjs', 'preact/src', 'date-fns', 'graphql', 'yaml/dist'];
let real = 0, total = 0;
for (const p of pkgs) {
  const dir = path.join(npm, p);
  const files = [];
  (function walk(d) {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (/\.(m?js|cjs)$/.test(e.name)) files.push(f);
    }
  })(dir);
  files.sort();
  total += files.length;
  real += check(p.replace(/\W/g, '_'), files, '--auto');
}
console.log(`print: ${real}/${total} files of ${pkgs.join(', ')} print back to the same AST`);
for (const s of shown) console.log('FAIL ' + s);
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`print: ${passed} passed, ${failed} failed, 0 skipped`);
process.exit(failed ? 1 : 0);
