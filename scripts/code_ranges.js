// scripts/code_ranges.js: what the Unicode table generators share: the
// code points >= 0x80 a test accepts, as sorted, disjoint [first, last]
// ranges, and those ranges as a C array of JsCodeRange (js/lexer.h).
'use strict';

function ranges(test) {
    const out = [];
    let first = -1;
    for (let cp = 0x80; cp <= 0x110000; cp++) {
        const inSet = cp < 0x110000 && !!test(cp);
        if (inSet && first < 0) first = cp;
        if (!inSet && first >= 0) {
            out.push([first, cp - 1]);
            first = -1;
        }
    }
    return out;
}

function table(name, rs) {
    const hex = (n) => '0x' + n.toString(16).toUpperCase().padStart(4, '0');
    const lines = [];
    for (let i = 0; i < rs.length; i += 4)
        lines.push('    ' + rs.slice(i, i + 4).map(([a, b]) => `{${hex(a)}, ${hex(b)}}`).join(', ') + ',');
    return `static const JsCodeRange ${name}[${rs.length}] = {\n${lines.join('\n')}\n};\n`;
}

module.exports = { ranges, table };
