#!/usr/bin/env node
// Differential test: every .js/.mjs/.cjs file of a set of large real npm
// packages (tests/npm) is parsed by bale and by acorn; they must agree on
// accept/reject for every file (and these packages are valid, so both
// should accept all).  Usage: packages.js PATH_TO_BALE
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const bale = process.argv[2];
const mods = path.join(__dirname, '..', 'npm', 'node_modules');
const packages = ['typescript', 'three', 'lodash-es', 'react', 'react-dom', 'date-fns', 'preact', 'rxjs'];
const acorn = require(path.join(mods, 'acorn'));

function walk(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== 'node_modules') walk(p, out); }
    else if (e.isFile() && /\.(js|mjs|cjs)$/.test(e.name)) out.push(p);
  }
  return out;
}

// The goal a bundler would use: .mjs module, .cjs script, .js by the
// nearest package.json "type", and else whichever parses (script first).
function acornAccepts(file) {
  const src = fs.readFileSync(file, 'utf8');
  const opts = { ecmaVersion: 'latest', allowHashBang: true };
  const tryParse = (sourceType) => { try { acorn.parse(src, { ...opts, sourceType }); return true; } catch { return false; } };
  if (file.endsWith('.mjs')) return tryParse('module');
  if (file.endsWith('.cjs')) return tryParse('script');
  return tryParse('script') || tryParse('module');
}

let files = [];
for (const p of packages) {
  const dir = path.join(mods, p);
  if (!fs.existsSync(dir)) { console.log(`packages: ${p} is not installed (run scripts/npm-deps.sh)`); console.log('0 passed, 1 failed, 0 skipped'); process.exit(1); }
  walk(dir, files);
}
files.sort();

const baleOk = new Map();
const env = { ...process.env, ASAN_OPTIONS: 'detect_leaks=0' };
let bytes = 0;
for (let i = 0; i < files.length; i += 500) {
  const r = spawnSync(bale, ['parse', '--auto', '--status', ...files.slice(i, i + 500)], { env, maxBuffer: 1 << 30, encoding: 'utf8' });
  if (r.error) throw r.error;
  for (const line of r.stdout.split('\n')) {
    const m = line.match(/^(ok|error) (.*)$/);
    if (m) baleOk.set(m[2], m[1] === 'ok');
  }
}
let agree = 0, disagree = 0, accepted = 0;
for (const f of files) {
  bytes += fs.statSync(f).size;
  const a = acornAccepts(f), b = baleOk.get(f);
  if (b === undefined) { disagree++; console.log(`FAIL no answer from bale for ${f}`); continue; }
  if (a === b) { agree++; if (b) accepted++; }
  else { disagree++; console.log(`FAIL ${path.relative(mods, f)}: acorn ${a ? 'accepts' : 'rejects'}, bale ${b ? 'accepts' : 'rejects'}`); }
}
console.log(`packages: ${files.length} files (${(bytes / 1048576).toFixed(1)} MiB) of ${packages.join(', ')}; bale and acorn agree on ${agree}, both accept ${accepted}`);
console.log(`${agree} passed, ${disagree} failed, 0 skipped`);
process.exit(disagree ? 1 : 0);
