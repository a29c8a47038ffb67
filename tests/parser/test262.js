#!/usr/bin/env node
// Conformance of `bale parse` with test262-parser-tests (tests/npm).
//   pass/          every file must parse
//   pass-explicit/ must dump the same AST as its pass/ twin, except the
//                  files listed in test262-exceptions.txt (where the
//                  explicit file is a different program: acorn is asked to
//                  confirm each one)
//   fail/, early/  must be rejected, except listed files (the list says why)
// Usage: test262.js PATH_TO_BALE
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const bale = process.argv[2];
const root = path.join(__dirname, '..', 'npm', 'node_modules', 'test262-parser-tests');
if (!fs.existsSync(root)) {
  console.log('test262: tests/npm is not installed (run scripts/npm-deps.sh)');
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}
const acorn = require(path.join(__dirname, '..', 'npm', 'node_modules', 'acorn'));

// exceptions: "dir/file kind reason..." where kind is one of
//   obsolete  the test expects an error that ES2025 no longer has
//   differs   pass-explicit file is not the same program as the pass file
//   todo      bale does not yet report this early error
const exceptions = new Map();
for (const line of fs.readFileSync(path.join(__dirname, 'test262-exceptions.txt'), 'utf8').split('\n')) {
  const m = line.match(/^(\S+)\s+(obsolete|differs|todo)\s+(.+)$/);
  if (m) exceptions.set(m[1], { kind: m[2], reason: m[3], used: false });
}

const env = { ...process.env, ASAN_OPTIONS: 'detect_leaks=0' };
function runBale(args, files) {
  const out = [];
  for (let i = 0; i < files.length; i += 400) {
    const r = spawnSync(bale, ['parse', ...args, ...files.slice(i, i + 400)], { env, maxBuffer: 1 << 30, encoding: 'utf8' });
    if (r.error) throw r.error;
    out.push(r.stdout);
  }
  return out.join('');
}

function statuses(dir) {
  const files = fs.readdirSync(path.join(root, dir)).sort();
  const result = new Map();
  for (const [goal, list] of [['--module', files.filter(f => f.endsWith('.module.js'))],
                              ['--script', files.filter(f => !f.endsWith('.module.js'))]]) {
    const text = runBale([goal, '--status'], list.map(f => path.join(root, dir, f)));
    for (const line of text.split('\n')) {
      const m = line.match(/^(ok|error) (.*)$/);
      if (m) result.set(path.basename(m[2]), m[1] === 'ok');
    }
  }
  return { files, result };
}

function dumps(dir, files) {
  const map = new Map();
  for (const [goal, list] of [['--module', files.filter(f => f.endsWith('.module.js'))],
                              ['--script', files.filter(f => !f.endsWith('.module.js'))]]) {
    const text = runBale([goal, '--dump=ast'], list.map(f => path.join(root, dir, f)));
    for (const chunk of text.split(/^\/\/> /m).slice(1)) {
      const nl = chunk.indexOf('\n');
      map.set(path.basename(chunk.slice(0, nl)), chunk.slice(nl + 1));
    }
  }
  return map;
}

// acorn's AST without positions, raw text and parentheses, for confirming
// that a listed pass/pass-explicit pair really differs.
function acornShape(file, isModule) {
  const ast = acorn.parse(fs.readFileSync(file, 'utf8'), { ecmaVersion: 'latest', sourceType: isModule ? 'module' : 'script' });
  return JSON.stringify(ast, (k, v) => (['start', 'end', 'raw', 'loc', 'range', 'parenthesized'].includes(k) ? undefined : v));
}

let failures = 0, passed = 0;
const report = [];
function fail(msg) { failures++; console.log('FAIL ' + msg); }

// pass: all accepted
const pass = statuses('pass');
const passOk = pass.files.filter(f => pass.result.get(f)).length;
for (const f of pass.files) if (!pass.result.get(f)) fail(`pass/${f} rejected`); else passed++;
report.push(`pass: ${passOk}/${pass.files.length} accepted`);

// pass-explicit: same dump
const a = dumps('pass', pass.files), b = dumps('pass-explicit', pass.files);
let same = 0, listed = 0;
for (const f of pass.files) {
  const ex = exceptions.get('pass-explicit/' + f);
  if (a.get(f) === b.get(f)) {
    same++;
    passed++;
    if (ex) fail(`pass-explicit/${f} is listed as differing but dumps the same: remove it from the list`);
    continue;
  }
  if (!ex) { fail(`pass-explicit/${f} dumps a different AST from pass/${f}`); continue; }
  ex.used = true;
  listed++;
  const isModule = f.endsWith('.module.js');
  if (acornShape(path.join(root, 'pass', f), isModule) === acornShape(path.join(root, 'pass-explicit', f), isModule))
    fail(`pass-explicit/${f} is listed as a different program, but acorn gives both the same AST`);
  else passed++;
}
report.push(`pass-explicit: ${same}/${pass.files.length} identical, ${listed} listed as different programs (confirmed by acorn)`);

// fail and early: rejected
for (const dir of ['fail', 'early']) {
  const st = statuses(dir);
  let rejected = 0, obsolete = 0, todo = 0;
  for (const f of st.files) {
    const ex = exceptions.get(`${dir}/${f}`);
    const accepted = st.result.get(f);
    if (!accepted) {
      rejected++;
      passed++;
      if (ex) fail(`${dir}/${f} is listed (${ex.kind}) but bale rejects it now: remove it from the list`);
      continue;
    }
    if (!ex) { fail(`${dir}/${f} accepted`); continue; }
    ex.used = true;
    passed++;
    if (ex.kind === 'obsolete') obsolete++; else todo++;
  }
  const valid = st.files.length - obsolete;
  const pct = (100 * rejected / valid).toFixed(2);
  report.push(`${dir}: ${rejected}/${valid} rejected (${pct}%); ${obsolete} obsolete under ES2025 and ${todo} not yet detected, all listed`);
  if (rejected / valid < 0.99) fail(`${dir}: only ${pct}% rejected, the bar is 99%`);
}

for (const [name, ex] of exceptions) if (!ex.used && !name.startsWith('pass-explicit/')) fail(`exception ${name} matches nothing`);

for (const line of report) console.log('test262: ' + line);
console.log(`test262: ${passed} passed, ${failures} failed, 0 skipped`);
process.exit(failures ? 1 : 0);
