#!/usr/bin/env node
// Differential test of js/cjs_exports.c: for every .js and .cjs file of every
// package in tests/npm/node_modules, the names `bale parse
// --dump=cjs-exports` prints must be the ones cjs-module-lexer 2.2.0 (the
// lexer Node 20.20 uses to give a CommonJS module its named exports when an
// ES module imports it) returns: the same export names in the same order,
// the same reexports in the same order, and an error exactly when the lexer
// throws (Node then uses no names).
//
// Why the order too: Node builds the namespace from the set of names (and
// sorts it), so a bundle needs only the same set; but bale reproduces the
// lexer's order, a stricter check that costs nothing and catches more, and
// a deterministic order is what code generation wants anyway.
//
// Many packages are ES modules or browser builds: the lexer's answer on
// them (often an error on `import`/`export`) must be matched all the same;
// test262-parser-tests, thousands of small programs at the edges of the
// grammar, exercise the lexer's corners.
//
// Real packages rarely reach the lexer's corners, so a second part compares
// on generated variants of the patterns the lexer knows (Babel's and
// TypeScript's reexports, defineProperty forms, object literals...): cut at
// a token and followed by a `/` whose reading depends on where the lexer
// left its cursor, or with white space, comments, U+00A0, quotes and names
// changed.  The generator is seeded, so the variants are the same every run.
//
// Usage: cjs_exports.js PATH_TO_BALE
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const bale = process.argv[2];
const mods = path.join(__dirname, '..', 'npm', 'node_modules');

// Files where bale knowingly answers differently, with the reason.  Each
// must still differ (else the entry is stale and the test fails).
const exceptions = {
};

function die(msg) {
    console.log(`cjs_exports: ${msg}`);
    console.log('0 passed, 1 failed, 0 skipped');
    process.exit(1);
}

function walk(dir, out) {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) { if (e.name !== 'node_modules') walk(p, out); }
        else if (e.isFile() && /\.(js|cjs)$/.test(e.name)) out.push(p);
    }
    return out;
}

// The lines of one file's dump: `"name"`, `reexport "spec"` or `error ...`.
function readDump(lines) {
    const r = { exports: [], reexports: [], error: null, bad: [] };
    for (const line of lines) {
        if (line.startsWith('"')) r.exports.push(JSON.parse(line));
        else if (line.startsWith('reexport "')) r.reexports.push(JSON.parse(line.slice(9)));
        else if (line.startsWith('error ')) r.error = line.slice(6);
        else r.bad.push(line);
    }
    return r;
}

function same(a, b) { return a.length === b.length && a.every((x, i) => x === b[i]); }

const env = { ...process.env, ASAN_OPTIONS: 'detect_leaks=0' };
let crashes = 0;

// Runs bale on files, many per process (each dump after a "//> FILE" line);
// returns FILE -> dump lines.
function baleDumps(files) {
    const dumps = new Map();
    const batch = 400;
    for (let i = 0; i < files.length; i += batch) {
        const some = files.slice(i, i + batch);
        if (some.length === 1) some.push(some[0]); // always a header per file
        const r = spawnSync(bale, ['parse', '--dump=cjs-exports', ...some], { env, maxBuffer: 1 << 30, encoding: 'utf8' });
        if (r.error) throw r.error;
        if (r.signal || (r.status !== 0 && r.status !== 1) || /Sanitizer|runtime error:/.test(r.stderr)) {
            crashes++;
            console.log(`FAIL bale crashed (status ${r.status}, signal ${r.signal}) on ${some[0]} and the ${some.length - 1} files after it`);
            console.log(r.stderr.split('\n').filter((l) => /Sanitizer|runtime error|#\d/.test(l)).slice(0, 20).join('\n'));
            continue;
        }
        let cur = null;
        for (const line of r.stdout.split('\n')) {
            if (line.startsWith('//> ')) { cur = []; dumps.set(line.slice(4), cur); }
            else if (cur && line !== '') cur.push(line);
        }
    }
    return dumps;
}

// Why bale's dump differs from the lexer's answer on src, or null.
function differs(lexer, src, lines) {
    let want;
    try { want = lexer.parse(src); } catch (e) { want = { error: String(e.message).split('\n')[0] }; }
    if (!lines) return { want, why: 'no answer from bale' };
    const got = readDump(lines);
    let why = null;
    if (got.bad.length) why = `unexpected dump lines: ${JSON.stringify(got.bad.slice(0, 3))}`;
    else if (want.error && !got.error) why = `the lexer throws (${want.error}), bale finds ${JSON.stringify(got)}`;
    else if (!want.error && got.error) why = `bale fails (${got.error}), the lexer finds ${JSON.stringify(want)}`;
    else if (!want.error && !same(want.exports, got.exports))
        why = `exports: lexer ${JSON.stringify(want.exports).slice(0, 400)}, bale ${JSON.stringify(got.exports).slice(0, 400)}`;
    else if (!want.error && !same(want.reexports, got.reexports))
        why = `reexports: lexer ${JSON.stringify(want.reexports)}, bale ${JSON.stringify(got.reexports)}`;
    return { want, why };
}

// ---- generated variants ----------------------------------------------------

const patterns = [
    'var _a = require("a");\nObject.keys(_a).forEach(function (key) {\n  if (key === "default" || key === "__esModule") return;\n' +
    '  if (Object.prototype.hasOwnProperty.call(_exportNames, key)) return;\n  if (key in exports && exports[key] === _a[key]) return;\n' +
    '  Object.defineProperty(exports, key, {\n    enumerable: true,\n    get: function () {\n      return _a[key];\n    }\n  });\n});',
    "let c = require('c');\nObject.keys(c).forEach(function (k) {\n  if (k !== 'default' && !Object.prototype.hasOwnProperty.call(exports, k)) exports[k] = c[k];\n});",
    "const d = _interopRequireWildcard(require('d'));\nObject.keys(d).forEach(function (k) {\n" +
    "  if (k !== 'default' && !exports.hasOwnProperty(k)) Object.defineProperty(exports, k, { enumerable: true, get () { return d[k]; } });\n});",
    "Object.keys(c).forEach(function (k) { if (k !== 'default') exports[k] = c[k]; });",
    "Object.keys(_a).forEach(function (key) { if (key === 'default' || key === '__esModule') return; exports[key] = _a[key]; });",
    "Object.defineProperty(exports, 'a', { enumerable: true, get: function get() { return q['p']; }, });",
    'Object.defineProperty(module.exports, "b", { value: 1 }); Object.defineProperty(exports, \'c\', { get () { return x.y; } });',
    "module.exports = { a, b: c, 'd': e, ...f, ...require('g'), h };",
    "module.exports = require('x'); __exportStar(require('y'), exports); tslib.__export(require(\"z\"));",
    'exports.a = exports[\'b\'] = module.exports.c = module.exports["d"] = void 0;',
    'if (a) b; class A extends (B) { m() { return /x/; } } x = typeof /y/; import("z"); `t${ exports.t = 1 }`;',
];
const prefixes = ['', 'if (a) b;\n', 'while (x) {}\n', 'for (;;) ;\n', 'x = function () {}\n', 'try {} finally {}\n',
                  'class K {}\n', 'y = {}\n', '(a)\n', 'return\n'];
const probes = [") /'/;\n", "} /'/;\n", " /'/;\n", ") /x/ / 1;\n", "} /x/;\n", ")) /'/;\n", "}) /'/;\n", "; /'/;\n"];
const separators = ['', ' ', '\n', '\t', '/**/', '/* x */', '//c\n', '\u00a0', '\r\n'];
const tokenRe = /[A-Za-z_$][\w$]*|\s+|'[^'\n]*'|"[^"\n]*"|===|!==|&&|\|\||\.\.\.|\S/g;

function variants(count) {
    let seed = 20201;
    const rnd = (n) => { // mulberry32
        seed = (seed + 0x6D2B79F5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const out = [];
    while (out.length < count) {
        const toks = patterns[rnd(patterns.length)].match(tokenRe);
        if (out.length % 3 !== 2) { // cut, then a probe
            const cut = rnd(2) ? rnd(Math.min(toks.length, 16) + 1) : rnd(toks.length + 1);
            const wrap = rnd(4) ? 0 : 1 + rnd(2);
            out.push('('.repeat(wrap) + prefixes[rnd(prefixes.length)] + prefixes[rnd(prefixes.length)] +
                     toks.slice(0, cut).join('') + probes[rnd(probes.length)] + 'exports.z = 1;' + ')'.repeat(wrap));
        } else { // perturbed tokens
            const s = [];
            for (const t of toks) {
                const k = rnd(40), bracket = /^[(){}[\]`]$/.test(t);
                if (/^\s+$/.test(t)) s.push(k < 8 ? separators[rnd(separators.length)] : t);
                else if (k === 0 && !bracket) continue;
                else if (k === 1 && !bracket) s.push(t, t);
                else if (k === 2 && t[0] === "'") s.push('"' + t.slice(1, -1) + '"');
                else if (k === 3 && /^[A-Za-z_$]/.test(t)) s.push(['key', 'k', '_a', 'exports', 'module', 'Object', 'require'][rnd(7)]);
                else if (k === 4) s.push(t, separators[rnd(separators.length)]);
                else s.push(t);
            }
            out.push(s.join(''));
        }
    }
    return out;
}

async function main() {
    if (!bale) die('usage: cjs_exports.js PATH_TO_BALE');
    if (!fs.existsSync(mods)) die(`${mods} is missing (scripts/npm-deps.sh installs it)`);
    const lexerDir = path.join(mods, 'cjs-module-lexer');
    if (!fs.existsSync(lexerDir)) die('cjs-module-lexer is not installed (scripts/npm-deps.sh installs it)');
    const version = JSON.parse(fs.readFileSync(path.join(lexerDir, 'package.json'), 'utf8')).version;
    if (version !== '2.2.0') die(`cjs-module-lexer is ${version}, not 2.2.0 (Node 20.20's)`);
    const lexer = require(lexerDir);
    await lexer.init();

    const packages = fs.readdirSync(mods, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
    const files = [];
    for (const p of packages) walk(path.join(mods, p), files);
    files.sort();
    if (files.length < 1000) die(`only ${files.length} files under ${mods}: is tests/npm installed?`);

    const dumps = baleDumps(files);

    let agree = 0, disagree = 0, errors = 0, names = 0, reexports = 0, bytes = 0, shown = 0;
    const stillDiffer = new Set();
    for (const f of files) {
        const rel = path.relative(mods, f);
        const src = fs.readFileSync(f, 'utf8');
        bytes += Buffer.byteLength(src);
        const { want, why } = differs(lexer, src, dumps.get(f));
        if (!why) {
            agree++;
            if (want.error) errors++;
            else { names += want.exports.length; reexports += want.reexports.length; }
            continue;
        }
        if (exceptions[rel]) { stillDiffer.add(rel); agree++; continue; }
        disagree++;
        if (shown++ < 10) console.log(`FAIL ${rel}: ${why}`);
    }
    for (const rel of Object.keys(exceptions)) {
        if (!stillDiffer.has(rel)) { disagree++; console.log(`FAIL exception ${rel} no longer differs (or is gone): remove it`); }
    }
    if (shown > 10) console.log(`... and ${shown - 10} more`);
    console.log(`cjs_exports: ${files.length} files (${(bytes / 1048576).toFixed(1)} MiB) of ${packages.length} packages compared; ` +
                `bale and cjs-module-lexer ${version} agree on ${agree - stillDiffer.size} ` +
                `(${errors} where the lexer throws; ${names} names and ${reexports} reexports in the rest), ` +
                `disagree on ${disagree}, ${stillDiffer.size} listed exceptions`);

    // The generated variants, written to a temporary directory.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bale-cjs-exports-'));
    const texts = variants(8000);
    const vfiles = texts.map((t, i) => { const f = path.join(tmp, `v${i}.js`); fs.writeFileSync(f, t); return f; });
    const vdumps = baleDumps(vfiles);
    let vagree = 0, verrors = 0, vnames = 0, vshown = 0;
    texts.forEach((t, i) => {
        const { want, why } = differs(lexer, t, vdumps.get(vfiles[i]));
        if (!why) { vagree++; if (want.error) verrors++; else if (want.exports.length || want.reexports.length) vnames++; return; }
        disagree++;
        if (vshown++ < 10) console.log(`FAIL variant ${JSON.stringify(t)}: ${why}`);
    });
    fs.rmSync(tmp, { recursive: true, force: true });
    agree += vagree;
    console.log(`cjs_exports: ${texts.length} generated variants compared; agree on ${vagree} ` +
                `(${verrors} where the lexer throws, ${vnames} with names or reexports)`);

    const failed = disagree + crashes;
    console.log(`${agree} passed, ${failed} failed, 0 skipped`);
    process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.log(e.stack); die('crashed'); });
