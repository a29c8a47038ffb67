#!/usr/bin/env node
// scripts/check_regexp_cases.js: checks the expectations of
// tests/unit/test_regexp.c against the Node that runs it.
//
//   node scripts/check_regexp_cases.js [tests/unit/test_regexp.c]
//
// Each ok("pattern", "flags") line must be accepted by new RegExp(pattern,
// flags) and each bad(...) line rejected.  ok_spec and bad_spec mark the
// cases where the 2025 spec differs from what Node 20 implements (duplicate
// named groups, modifiers, quantifier bounds beyond 2^31): for those, Node must answer the other way, so
// the list of known differences stays true (a newer Node that catches up
// makes them fail here, and they become plain ok/bad).  Exit status 1 on any
// disagreement.
'use strict';

const fs = require('fs');
const path = require('path');

const file = process.argv[2] || path.join(__dirname, '..', 'tests', 'unit', 'test_regexp.c');
const source = fs.readFileSync(file, 'utf8');

// A C string literal's bytes (the escapes the test file uses), as UTF-8.
function cString(lit) {
    const bytes = [];
    for (let i = 0; i < lit.length; i++) {
        if (lit[i] !== '\\') {
            bytes.push(...Buffer.from(lit[i], 'utf8'));
            continue;
        }
        const c = lit[++i];
        if (c === 'x') {
            let j = i + 1;
            while (/[0-9a-fA-F]/.test(lit[j] || '')) j++;
            bytes.push(parseInt(lit.slice(i + 1, j), 16));
            i = j - 1;
        } else {
            bytes.push(...Buffer.from({ n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"' }[c] ?? c, 'utf8'));
        }
    }
    return Buffer.from(bytes).toString('utf8');
}

const call = /\b(ok|bad|ok_spec|bad_spec)\("((?:[^"\\]|\\.)*)", "([a-z]*)"/g;
let checked = 0, failures = 0;
const behind = [];
for (const m of source.matchAll(call)) {
    const [, kind, lit, flags] = m;
    const pattern = cString(lit);
    const line = source.slice(0, m.index).split('\n').length;
    let error = null;
    try {
        new RegExp(pattern, flags);
    } catch (e) {
        error = e.message;
    }
    const specValid = kind.startsWith('ok');
    const nodeShouldAccept = kind.endsWith('_spec') ? !specValid : specValid;
    checked++;
    if (kind.endsWith('_spec')) behind.push(`/${pattern}/${flags}`);
    if ((error === null) !== nodeShouldAccept) {
        failures++;
        console.log(`line ${line}: ${kind}(/${pattern}/${flags}): Node ${process.version} ` +
                    (error ? `rejects it: ${error}` : 'accepts it'));
    }
}
console.log(`${checked} cases checked against Node ${process.version}, ${failures} disagree; ` +
            `${behind.length} where Node differs from ES2025 (expected)`);
process.exit(failures ? 1 : 0);
