// tests/resolve/gen-expected.mjs: produces expected.json, the answers bale's
// resolver must give for every case of cases.txt over the tree of tree.txt.
//
//   node tests/resolve/gen-expected.mjs           rewrite expected.json
//   node tests/resolve/gen-expected.mjs --check   exit 1 if it is not current
//
// The oracles:
//   platform=node:    Node itself (oracle-node.cjs): require.resolve from the
//                     issuer's directory, and Node's ESM resolver with the
//                     conditions Node uses plus --conditions.
//                     Where Node's ESM resolver refuses a path only because
//                     it lacks its extension or names a directory (Node does
//                     not search; every bundler does), the answer is
//                     enhanced-resolve's configured as Node (conditions
//                     import/node, main fields main then module), looking
//                     inside the package Node itself chose.
//   platform=browser: enhanced-resolve (webpack's resolver) configured as a
//                     browser bundler: conditions browser/module/import or
//                     require, main fields browser/module/main, the browser
//                     alias field.
//   --external:       the option's own rule (exact name, a package's
//                     subpaths, or a pattern with one '*'), as esbuild's.
// For every platform=node case enhanced-resolve (Node-configured) is asked
// too; where it disagrees with Node, Node's answer is kept and the case is
// listed under "node_vs_enhanced_resolve" for the record.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const npmRequire = createRequire(path.join(here, '../npm/package.json'));
let er;
try {
  er = npmRequire('enhanced-resolve');
} catch {
  console.error('gen-expected: enhanced-resolve is not installed (run scripts/npm-deps.sh)');
  process.exit(1);
}
const erVersion = npmRequire('enhanced-resolve/package.json').version;

// ---- The fixture tree -----------------------------------------------------
export function materialize(treeFile, root) {
  for (const raw of fs.readFileSync(treeFile, 'utf8').split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (!line || line.startsWith('#')) continue;
    let m;
    if ((m = /^(.*?) -> (.*)$/.exec(line))) {
      const p = path.join(root, m[1]);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.symlinkSync(m[2].replaceAll('$ROOT', root), p);
    } else if ((m = /^(.*?) = (.*)$/.exec(line))) {
      const p = path.join(root, m[1]);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, m[2] + '\n');
    } else if (line.endsWith('/')) {
      fs.mkdirSync(path.join(root, line), { recursive: true });
    } else {
      const p = path.join(root, line);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, '');
    }
  }
}

// ---- The cases --------------------------------------------------------------
function tokens(line) {
  const out = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m;
  while ((m = re.exec(line))) out.push(m[1] !== undefined ? m[1] : m[2]);
  return out;
}

function readCases(file) {
  const cases = [];
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [plat, kinds, from, request, ...flags] = tokens(line);
    for (const platform of plat === 'both' ? ['node', 'browser'] : [plat])
      for (const kind of kinds === 'both' ? ['import', 'require'] : [kinds])
        cases.push({ platform, kind, from, request, flags });
  }
  return cases;
}

function parseFlags(flags) {
  const o = { conditions: [], aliases: [], externals: [], mainFields: null, extensions: null, preserve: false };
  for (const f of flags) {
    let m;
    if ((m = /^--conditions=(.*)$/.exec(f))) o.conditions.push(...m[1].split(','));
    else if ((m = /^--alias:([^=]+)=(.*)$/.exec(f))) o.aliases.push([m[1], m[2]]);
    else if ((m = /^--external:(.*)$/.exec(f))) o.externals.push(m[1]);
    else if ((m = /^--main-fields=(.*)$/.exec(f))) o.mainFields = m[1].split(',');
    else if ((m = /^--resolve-extensions=(.*)$/.exec(f))) o.extensions = m[1].split(',');
    else if (f === '--preserve-symlinks') o.preserve = true;
    else throw new Error(`unknown flag ${f}`);
  }
  return o;
}

const isBare = (s) => !/^\.\.?(\/|$)/.test(s) && !s.startsWith('/') && !s.startsWith('#');

function matchesExternal(patterns, req) {
  return patterns.some((p) => {
    const star = p.indexOf('*');
    if (star >= 0) {
      const pre = p.slice(0, star), suf = p.slice(star + 1);
      return req.length >= pre.length + suf.length && req.startsWith(pre) && req.endsWith(suf);
    }
    return req === p || (isBare(p) && req.startsWith(p + '/'));
  });
}

// ---- enhanced-resolve -----------------------------------------------------------
const DEFAULT_EXTS = ['.js', '.mjs', '.cjs', '.json'];
function extensionsFor(kind, o) {
  const exts = o.extensions || DEFAULT_EXTS;
  return kind === 'require' ? exts.filter((e) => e !== '.mjs' && e !== '.cjs') : exts;
}

const resolvers = new Map();
function enhanced(platform, kind, o, root) {
  const key = JSON.stringify([platform, kind, o]);
  if (resolvers.has(key)) return resolvers.get(key);
  const browser = platform === 'browser';
  const alias = {};
  for (const [k, v] of o.aliases) alias[k] = /^\.\.?\//.test(v) ? path.join(root, v) : v;
  const r = er.ResolverFactory.createResolver({
    fileSystem: new er.CachedInputFileSystem(fs, 4000),
    useSyncFileSystemCalls: true,
    conditionNames: [kind, ...(browser ? ['browser', 'module'] : ['node', 'node-addons']), ...o.conditions],
    mainFields: o.mainFields || (browser ? ['browser', 'module', 'main'] : ['main', 'module']),
    aliasFields: browser ? ['browser'] : [],
    extensions: extensionsFor(kind, o),
    mainFiles: ['index'],
    exportsFields: ['exports'],
    importsFields: ['imports'],
    symlinks: !o.preserve,
    alias,
  });
  resolvers.set(key, r);
  return r;
}

function askEnhanced(platform, kind, o, root, from, request) {
  try {
    const p = enhanced(platform, kind, o, root).resolveSync({}, from, request);
    return p === false ? { empty: true } : { path: p };
  } catch (e) {
    return { error: 'not resolved' };
  }
}

// ---- Node ---------------------------------------------------------------------------
function askNode(group, o) {
  const args = ['--expose-internals', '--no-warnings'];
  for (const c of o.conditions) args.push(`--conditions=${c}`);
  if (o.preserve) args.push('--preserve-symlinks');
  args.push(path.join(here, 'oracle-node.cjs'));
  const out = execFileSync(process.execPath, args, { input: JSON.stringify(group) });
  return JSON.parse(out.toString());
}

// The package directory Node's ESM resolver picks for a bare request: the
// first node_modules/NAME directory walking up from `from`.
function nodePackageDir(from, request) {
  const parts = request.split('/');
  const name = request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  for (let d = from; ; d = path.dirname(d)) {
    if (path.basename(d) !== 'node_modules') {
      const p = path.join(d, 'node_modules', name);
      try {
        if (fs.statSync(p).isDirectory()) return { dir: p, sub: request.slice(name.length) };
      } catch {}
    }
    if (d === '/') return null;
  }
}

function hasExports(dir) {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    return pkg.exports !== undefined && pkg.exports !== null;
  } catch {
    return false;
  }
}

// Node's ESM refuses "./a" (no extension) and "./dir"; bundlers search.
function esmSearchFallback(c, o, root, from, request) {
  const searchable = /^\.\.?(\/|$)/.test(request) || request.startsWith('/') || request.startsWith('file:');
  if (searchable && !request.startsWith('file:')) return askEnhanced('node', c.kind, o, root, from, request);
  if (!isBare(request) || request.startsWith('node:')) return null;
  const pkg = nodePackageDir(from, request);
  if (!pkg || hasExports(pkg.dir)) return null;
  return askEnhanced('node', c.kind, o, root, pkg.dir, pkg.sub ? '.' + pkg.sub : '.');
}

// ---- Putting it together --------------------------------------------------------------
function describe(ans, root, realRoot) {
  if (ans.builtin) return { expect: 'external', detail: ans.builtin };
  if (ans.empty) return { expect: 'empty' };
  if (ans.error) return { expect: 'error', detail: ans.error.replaceAll(realRoot, '$ROOT').split('\n')[0] };
  let p = ans.path;
  for (const r of [root, realRoot]) if (p.startsWith(r + '/')) return { expect: p.slice(r.length + 1) };
  return { expect: p };
}

function generate() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bale-resolve-gen-'));
  const root = fs.realpathSync(tmp);
  try {
    materialize(path.join(here, 'tree.txt'), root);
    const cases = readCases(path.join(here, 'cases.txt'));
    const results = new Array(cases.length);
    const nodeGroups = new Map();
    cases.forEach((c, i) => {
      const o = parseFlags(c.flags);
      const from = path.join(root, c.from);
      const request = c.request.replaceAll('$ROOT', root);
      if (matchesExternal(o.externals, request)) {
        results[i] = { expect: 'external', oracle: 'option' };
        return;
      }
      if (c.platform === 'browser') {
        results[i] = { ...describe(askEnhanced('browser', c.kind, o, root, from, request), root, root), oracle: 'enhanced-resolve' };
        return;
      }
      const key = JSON.stringify([o.conditions, o.preserve]);
      if (!nodeGroups.has(key)) nodeGroups.set(key, { o, items: [] });
      nodeGroups.get(key).items.push({ i, c, o, from, request });
    });
    const disagreements = [];
    for (const { o, items } of nodeGroups.values()) {
      const answers = askNode(items.map((x) => ({ kind: x.c.kind, from: x.from, request: x.request })), o);
      items.forEach((x, k) => {
        let ans = answers[k], oracle = 'node';
        if (x.c.kind === 'import' && (ans.error === 'ERR_MODULE_NOT_FOUND' || ans.error === 'ERR_UNSUPPORTED_DIR_IMPORT')) {
          const alt = esmSearchFallback(x.c, x.o, root, x.from, x.request);
          if (alt && alt.path) {
            ans = alt;
            oracle = 'enhanced-resolve (Node-configured; Node ESM does not search extensions or directories)';
          }
        }
        results[x.i] = { ...describe(ans, root, root), oracle };
        const other = describe(askEnhanced('node', x.c.kind, x.o, root, x.from, x.request), root, root);
        const mine = results[x.i];
        const same = mine.expect === other.expect || (mine.expect === 'external' && other.expect === 'error');
        if (!same) disagreements.push({ case: label(x.c), node: mine.expect, 'enhanced-resolve': other.expect });
      });
    }
    const out = cases.map((c, i) => ({ platform: c.platform, kind: c.kind, from: c.from, request: c.request, flags: c.flags, ...results[i] }));
    return { cases: out, disagreements };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function label(c) {
  return [c.platform, c.kind, c.from, JSON.stringify(c.request), ...c.flags].join(' ');
}

function render({ cases, disagreements }) {
  const lines = [];
  lines.push('{');
  lines.push(`  "about": "Generated by tests/resolve/gen-expected.mjs from tree.txt and cases.txt; do not edit. Oracles: Node ${process.version} for platform=node, enhanced-resolve ${erVersion} for platform=browser.",`);
  lines.push(`  "count": ${cases.length},`);
  lines.push('  "cases": [');
  cases.forEach((c, i) => lines.push('    ' + JSON.stringify(c) + (i + 1 < cases.length ? ',' : '')));
  lines.push('  ],');
  lines.push('  "node_vs_enhanced_resolve": [');
  disagreements.forEach((d, i) => lines.push('    ' + JSON.stringify(d) + (i + 1 < disagreements.length ? ',' : '')));
  lines.push('  ]');
  lines.push('}');
  return lines.join('\n') + '\n';
}

const target = path.join(here, 'expected.json');
const text = render(generate());
if (process.argv.includes('--check')) {
  // Compare the answers only: the versions named in "about" may differ.
  const strip = (s) => s.replace(/^ {2}"about".*\n/m, '');
  const old = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (strip(old) !== strip(text)) {
    const a = strip(old).split('\n'), b = strip(text).split('\n');
    let shown = 0;
    for (let i = 0; i < Math.max(a.length, b.length) && shown < 20; i++) {
      if (a[i] !== b[i]) {
        console.log(`- ${a[i] ?? ''}\n+ ${b[i] ?? ''}`);
        shown++;
      }
    }
    console.log('gen-expected: expected.json is not what Node and enhanced-resolve answer today; run node tests/resolve/gen-expected.mjs and review the diff');
    process.exit(1);
  }
  console.log(`gen-expected: expected.json is current (${JSON.parse(text).count} cases)`);
} else {
  fs.writeFileSync(target, text);
  const parsed = JSON.parse(text);
  console.log(`gen-expected: wrote ${parsed.count} cases; Node and enhanced-resolve disagree on ${parsed.node_vs_enhanced_resolve.length} platform=node cases (Node's answer kept)`);
}
