/* Contract of js/cjs_exports: the CommonJS export names bale finds are the
 * ones cjs-module-lexer 2.2.0 (Node 20.20's) finds, rule by rule, quirks
 * included; decoding of quoted names; what makes the lexer give up (no
 * names at all then); nesting of any depth off the C stack; no read past
 * the text (every source is scanned from a heap copy of exactly its length,
 * so AddressSanitizer sees an overread).
 *
 * Every expectation is the lexer's own answer (`require("cjs-module-lexer")
 * .parse(src)` with Node v20.20, printed as --dump=cjs-exports prints it:
 * each name as JSON.stringify writes it, then `reexport "spec"` lines).
 * Many cases come from the lexer's README and test suite; the lexing cases
 * are built so that a wrong regex-or-division decision opens a string or a
 * regular expression that never ends, and so changes the answer.
 * tests/parser/cjs_exports.js compares with the lexer on real packages. */
#include "unit.h"

#include "base/mem.h"
#include "js/cjs_exports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static Arena A; /* reset by every scan */

/* Scans s[0..n) from a heap copy of exactly n bytes. */
static void scan(const char *s, size_t n, JsCjsExports *out) {
    char *copy = mem_alloc(n ? n : 1);
    memcpy(copy, s, n);
    arena_reset(&A);
    js_cjs_exports_scan(copy, (uint32_t)n, &A, out);
    /* Names may point into the text: compare before freeing it. */
    for (uint32_t i = 0; i < out->names.len; i++) {
        JsCjsName *m = &out->names.data[i];
        if (m->str >= copy && m->str < copy + n) m->str = s + (m->str - copy);
    }
    for (uint32_t i = 0; i < out->reexports.len; i++) {
        JsCjsName *m = &out->reexports.data[i];
        if (m->str >= copy && m->str < copy + n) m->str = s + (m->str - copy);
    }
    mem_free(copy);
}

static char *dump(const JsCjsExports *e) {
    char *buf;
    size_t len;
    FILE *f = mem_open_stream(&buf, &len);
    js_cjs_exports_dump(e, f);
    fclose(f);
    return buf;
}

static void expect_dump(const char *src, size_t n, const char *want, int line) {
    JsCjsExports e;
    scan(src, n, &e);
    char *got = dump(&e);
    if (strcmp(got, want) != 0) fail_msg("line %d: for\n%s\ngot\n%swant\n%s", line, src, got, want);
    mem_free(got);
    js_cjs_exports_free(&e);
}

static void expect_error(const char *src, size_t n, bool esm, int line) {
    JsCjsExports e;
    scan(src, n, &e);
    if (!e.error) {
        char *got = dump(&e);
        fail_msg("line %d: for\n%s\nwant an error, got\n%s", line, src, got);
    }
    if (e.esm_syntax != esm) fail_msg("line %d: %s: esm_syntax %d", line, e.error, e.esm_syntax);
    assert_int_equal(e.names.len, 0); /* as Node: no names at all */
    assert_int_equal(e.reexports.len, 0);
    js_cjs_exports_free(&e);
}

/* src must be a string literal (its length may include NULs). */
#define EXPECT(src, want) expect_dump((src), sizeof(src) - 1, (want), __LINE__)
#define EXPECT_ERROR(src, esm) expect_error((src), sizeof(src) - 1, (esm), __LINE__)

static int setup(void **state) {
    arena_init(&A, 0);
    return 0;
}

static int teardown(void **state) {
    arena_free(&A);
    return 0;
}

/* ---- the rules, the lexer's answers (generated once with Node, then kept) */

static void member(void **state) {
    /* exports.a / module.exports.a, any depth, no scope analysis */
    EXPECT("exports.a = 1;\n"
           "module.exports.b = 2;\n"
           "(function (exports) { exports.c = 3; if (0) exports.d = 4; })(x);",
           "\"a\"\n"
           "\"b\"\n"
           "\"c\"\n"
           "\"d\"\n");
    /* computed with a string */
    EXPECT("exports['a'] = 1; module.exports[\"b c\"] = 2; exports[`t`] = 3; exports[k] = 4;",
           "\"a\"\n"
           "\"b c\"\n");
    /* renamed exports objects are not seen */
    EXPECT("(function (e) { e.a = 1; e['b'] = 2; })(exports);",
           "");
    /* a comparison counts (the lexer only looks for =) */
    EXPECT("if (exports.a == 1 || exports.b === 2) {} exports.c += 1;",
           "\"a\"\n"
           "\"b\"\n");
    /* word boundaries: only after white space or a punctuator other than . */
    EXPECT("myexports.a = 1; x.exports.b = 2; $exports.c = 3; _exports.d = 4; -exports.e = 5;",
           "\"e\"\n");
    /* comments and white space between the tokens */
    EXPECT("exports /* c */ . // c\n"
           " a\n"
           " = 1; exports\t[\n"
           "'b' ]\n"
           "=\n"
           "2;",
           "\"a\"\n"
           "\"b\"\n");
    /* reserved words and keywords are names */
    EXPECT("exports.package = 1; exports.var = 2; exports.default = 3; exports.__esModule = true;",
           "\"package\"\n"
           "\"var\"\n"
           "\"default\"\n"
           "\"__esModule\"\n");
    /* escapes in an identifier end it */
    EXPECT("exports.a\\u0062 = 1; exports.\\u0063 = 2;",
           "");
    /* each name once, at its first place */
    EXPECT("exports.b = 1; exports.a = 2; exports.b = 3; exports['a'] = 4;",
           "\"b\"\n"
           "\"a\"\n");
}

static void strings(void **state) {
    /* escapes are decoded */
    EXPECT("exports['\\n'] = 1; exports['\\x41\\u0042\\u{43}'] = 2; exports['\\011\\3z'] = 3; exports['\\''] = 4; exports[\"a\\\"b\"] = 5; exports['\\8\\9\\q'] = 6; exports['a\\\n"
           "b'] = 7;",
           "\"\\n\"\n"
           "\"ABC\"\n"
           "\"\\t\\u0003z\"\n"
           "\"'\"\n"
           "\"a\\\"b\"\n"
           "\"89q\"\n"
           "\"ab\"\n");
    /* surrogate pairs from escapes make one character; lone ones drop the name */
    EXPECT("exports['\\uD83D\\uDE00'] = 1; exports['\\u{D83C}\\u{DF10}'] = 2; exports['\\uD83D'] = 3; exports['\\uDE00x'] = 4; exports['\\uD83Dx'] = 5;",
           "\"\xf0\x9f\x98\x80\"\n"
           "\"\xf0\x9f\x8c\x90\"\n");
    /* U+DC00 to U+FFFF drop a quoted name (the lexer tests its units with & 0xFC00) */
    EXPECT("exports['\xef\xbd\x81'] = 1; exports['\\uFEFF'] = 2; exports['\xe2\x9d\xa4\xef\xb8\x8f'] = 3; exports.\xef\xbd\x81 = 4; exports['\xe2\x9d\xa4'] = 5;",
           "\"\xef\xbd\x81\"\n"
           "\"\xe2\x9d\xa4\"\n");
    /* invalid escapes drop the name */
    EXPECT("exports['\\x4'] = 1; exports['\\u{110000}'] = 2; exports['\\u{}'] = 3; exports['\\u12'] = 4; exports['ok'] = 5;",
           "\"ok\"\n");
    /* unicode names */
    EXPECT("exports.\xc3\xa9t\xc3\xa9 = 1; exports['\xce\xb1'] = 2; exports['hm\xf0\x9f\xa4\x94'] = 3; exports.\xf0\x9d\x90\x80 = 4; exports['\xe2\xa8\x89'] = 5;",
           "\"\xc3\xa9t\xc3\xa9\"\n"
           "\"\xce\xb1\"\n"
           "\"hm\xf0\x9f\xa4\x94\"\n"
           "\"\xf0\x9d\x90\x80\"\n"
           "\"\xe2\xa8\x89\"\n");
    /* a NUL is a character of a name */
    EXPECT("exports['\\0'] = 1;",
           "\"\\u0000\"\n");
}

static void define(void **state) {
    /* value and getter forms */
    EXPECT("Object.defineProperty(exports, 'a', { value: 1 });\n"
           "Object.defineProperty(exports, \"b\", { enumerable: true, value: 2 });\n"
           "Object.defineProperty(module.exports, 'c', { enumerable: true, get: function () { return q.p; } });\n"
           "Object.defineProperty(exports, 'd', { enumerable: true, get () { return d; } });\n"
           "Object.defineProperty(exports, 'e', { enumerable: true, get: function get() { return q['p']; }, });\n"
           "Object.defineProperty(exports, '__esModule', { value: true });",
           "\"a\"\n"
           "\"b\"\n"
           "\"c\"\n"
           "\"d\"\n"
           "\"e\"\n"
           "\"__esModule\"\n");
    /* other descriptors are not exports */
    EXPECT("Object.defineProperty(exports, 'a', { enumerable: false, value: 1 });\n"
           "Object.defineProperty(exports, 'b', { configurable: true, get () { return p; } });\n"
           "Object.defineProperty(exports, 'c', { get: () => p });\n"
           "Object.defineProperty(exports, 'd', { get: functionx () { return p; } });\n"
           "Object.defineProperty(exports, 'e', d);\n"
           "Object.defineProperties(exports, { f: { value: 1 } });",
           "");
    /* an unreadable getter removes its name everywhere (unsafe getters) */
    EXPECT("exports.a = 1; exports.b = 2;\n"
           "if (false) Object.defineProperty(exports, 'a', { enumerable: true, get () { return dynamic(); } });\n"
           "Object.defineProperty(exports, 'c', { value: 3 });\n"
           "Object.defineProperty(exports, 'c', { get () { return 'str'; } });",
           "\"b\"\n");
    /* a name is not a string: not seen */
    EXPECT("Object.defineProperty(exports, a, { value: 1 }); Object.defineProperty(exports, `b`, { value: 1 });",
           "");
}

static void literal(void **state) {
    /* module.exports = { ... } */
    EXPECT("module.exports = { a, b: c, 'd': e, \"f g\": h, ...i };",
           "\"a\"\n"
           "\"b\"\n"
           "\"d\"\n"
           "\"f g\"\n");
    /* the first property of another form ends it (what came before stays) */
    EXPECT("module.exports = { a, b: require('x'), c };",
           "\"a\"\n"
           "\"b\"\n");
    /* no white space between a value and its comma */
    EXPECT("module.exports = { a: b , c };",
           "\"a\"\n");
    /* a getter property: `get` is taken as a name */
    EXPECT("module.exports = { get a() { return 1; }, b };",
           "\"get\"\n");
    /* a trailing comma */
    EXPECT("module.exports = { a, b, };",
           "\"a\"\n"
           "\"b\"\n");
    /* spread require() are reexports; exports = {} is not module.exports */
    EXPECT("module.exports = { ...require('a'), b, ...require(\"c\") }; exports = { d };",
           "\"b\"\n"
           "reexport \"a\"\n"
           "reexport \"c\"\n");
}

static void reexport(void **state) {
    /* module.exports = require(): only the last one counts */
    EXPECT("module.exports = require('a');\n"
           "(module => module.exports = require('b'))(x);\n"
           "if (false) module.exports = require('c');",
           "reexport \"c\"\n");
    /* any later module.exports = clears the reexports */
    EXPECT("module.exports = require('a'); module.exports = f;",
           "");
    /* TypeScript and tslib __export / __exportStar, at the top level only */
    EXPECT("__export(require('a')); tslib.__export(require(\"b\")); __exportStar(require('c'), exports); tslib_1.__exportStar(require('d'), exports); function f() { __exportStar(require('e')); } __exportStar( require('f'));",
           "reexport \"a\"\n"
           "reexport \"b\"\n"
           "reexport \"c\"\n"
           "reexport \"d\"\n");
    /* Babel: Object.keys(_x).forEach(...) of a top-level var _x = require() */
    EXPECT("\"use strict\";\n"
           "exports.__esModule = true;\n"
           "var _a = require(\"a\");\n"
           "Object.keys(_a).forEach(function (key) {\n"
           "  if (key === \"default\" || key === \"__esModule\") return;\n"
           "  exports[key] = _a[key];\n"
           "});\n"
           "var _b = _interopRequireWildcard(require(\"b\"));\n"
           "Object.keys(_b).forEach(function (key) {\n"
           "  if (key === \"default\" || key === \"__esModule\") return;\n"
           "  if (Object.prototype.hasOwnProperty.call(_exportNames, key)) return;\n"
           "  if (key in exports && exports[key] === _b[key]) return;\n"
           "  Object.defineProperty(exports, key, {\n"
           "    enumerable: true,\n"
           "    get: function () {\n"
           "      return _b[key];\n"
           "    }\n"
           "  });\n"
           "});\n"
           "let c = require('c');\n"
           "Object.keys(c).forEach(function (k) {\n"
           "  if (k !== 'default' && !Object.prototype.hasOwnProperty.call(exports, k)) exports[k] = c[k];\n"
           "});\n"
           "const d = require('d');\n"
           "Object.keys(d).forEach(function (k) {\n"
           "  if (k !== 'default' && !exports.hasOwnProperty(k)) Object.defineProperty(exports, k, { enumerable: true, get () { return d[k]; } });\n"
           "});",
           "\"__esModule\"\n"
           "reexport \"a\"\n"
           "reexport \"b\"\n"
           "reexport \"c\"\n"
           "reexport \"d\"\n");
    /* star reexports that do not match */
    EXPECT("var a = require('a');\n"
           "Object.keys(a).forEach(function (k) { if (k !== 'default') exports[k] = b[k]; });\n"
           "var c = require('c');\n"
           "Object.keys(c);\n"
           "var d=require('d');\n"
           "Object.keys(d).forEach(function (k) { if (k !== 'default') exports[k] = d[k]; });\n"
           "Object.keys(e).forEach(function (k) { if (k !== 'default') exports[k] = e[k]; });\n"
           "{ var f = require('f'); Object.keys(f).forEach(function (k) { if (k !== 'default') exports[k] = f[k]; }); }",
           "reexport \"d\"\n");
    /* each specifier once; the specifier of a star reexport is decoded twice */
    EXPECT("__export(require('a')); __export(require('a'));\n"
           "var q = require(\"'x'\");\n"
           "Object.keys(q).forEach(function (k) { if (k !== 'default') exports[k] = q[k]; });",
           "reexport \"a\"\n"
           "reexport \"x\"\n");
    /* esbuild hint style */
    EXPECT("0 && (module.exports = {a, b, c}) && __exportStar(require('fs'));",
           "\"a\"\n"
           "\"b\"\n"
           "\"c\"\n"
           "reexport \"fs\"\n");
}

static void lexing(void **state) {
    /* regular expressions and division */
    EXPECT("/as)df/; x();\n"
           "a / 2; '  /  '\n"
           "while (true)\n"
           "  /test'/\n"
           "x-/a'/g\n"
           "try {}\n"
           "finally{}/a'/g\n"
           "(x);{f()}/d'export { b }/g\n"
           ";{}/e'/g;\n"
           "{}/f'/g\n"
           "a / 'b' / c;\n"
           "/a'/ - /b'/;\n"
           "+{} /g -'/g'\n"
           "('a')/h -'/g'\n"
           "if //x\n"
           "('a')/i'/g;\n"
           "/asdf/ / /as'df/; // '\n"
           "p = `${/test/ + 5}`;\n"
           "/regex/ / x;\n"
           "function m() {\n"
           "  return /*asdf8*// 5/;\n"
           "}\n"
           "exports.a = 1;",
           "\"a\"\n");
    /* division after ++, --, a number with a dot, a keyword */
    EXPECT("tick++/fetti;f=(1)+\")\";\n"
           "const x = 5. / 10;\n"
           "function variance(){return s/(a-1)}\n"
           "x = typeof /'/; y = a.return / 2;\n"
           "exports.a = 1;",
           "\"a\"\n");
    /* a / after a class body is a regular expression */
    EXPECT("class A { } /'/; exports.a = 1;",
           "\"a\"\n");
    /* template literals, nested */
    EXPECT("`$`\n"
           "import('a');\n"
           "``\n"
           "exports.a = 'a';\n"
           "`a$b`\n"
           "exports['b'] = 'b';\n"
           "`{$}`\n"
           "exports['b'].b;\n"
           "`${ `${ exports.c = 1 }` }`; `${ '}' }` ; exports.d = `}`;",
           "\"a\"\n"
           "\"b\"\n"
           "\"c\"\n"
           "\"d\"\n");
    /* comments and strings hide everything */
    EXPECT("/* exports.a = 1 */ // exports.b = 1\n"
           "'exports.c = 1'; \"exports.d = 1\"; `exports.e = 1`; exports.f = 1;",
           "\"f\"\n");
    /* a hashbang line */
    EXPECT("#!/usr/bin/env node /* \n"
           "exports.a = 1;",
           "\"a\"\n");
    /* U+00A0 is white space between tokens and before keywords */
    EXPECT("x\xc2\xa0" "exports.a = 1; exports\xc2\xa0.\xc2\xa0" "b\xc2\xa0=\xc2\xa0" "1; x\xc3\xa0" "exports.c = 1;",
           "\"a\"\n"
           "\"b\"\n");
    /* U+00A0 is a token of its own in the main loop: after it a / divides (here the quote then opens a string) */
    EXPECT_ERROR("return\xc2\xa0/'/;\n"
                 "exports.a = 1;",
                 false);
    /* a byte order mark is a token too */
    EXPECT_ERROR("\xef\xbb\xbf/'/; exports.a = 1;",
                 false);
    /* without it the / starts a regular expression */
    EXPECT("/'/; exports.a = 1;",
           "\"a\"\n");
    /* Where a failed pattern leaves the cursor matters: after `Object.keys(x)`
     * without `.forEach`, the lexer goes back to the `)`, so it never saw the
     * `(`; that `)` is judged by the opener before it (the `if`'s), and the /
     * after it starts a regular expression. */
    EXPECT("if (a) b;\nObject.keys(x) /'/;\nexports.z = 1;",
           "\"z\"\n");
    EXPECT_ERROR("if (a) b;\nx(y) /'/;\nexports.z = 1;",
                 false);
}

static void errors(void **state) {
    /* unterminated string */
    EXPECT_ERROR("exports.a = 1; 'abc",
                 false);
    /* unterminated template */
    EXPECT_ERROR("exports.a = 1; `abc${x}",
                 false);
    /* unterminated regular expression */
    EXPECT_ERROR("exports.a = 1; x = /abc\n"
                 "/;",
                 false);
    /* unterminated braces */
    EXPECT_ERROR("exports.a = 1; function f() {",
                 false);
    /* unexpected closing brace */
    EXPECT_ERROR("exports.a = 1; }",
                 false);
    /* unexpected closing parenthesis */
    EXPECT_ERROR("exports.a = 1; )",
                 false);
    /* an unterminated block comment is fine */
    EXPECT("exports.a = 1; /* abc",
           "\"a\"\n");
    /* an object literal cut off by the end is not unterminated */
    EXPECT("module.exports = { a,",
           "\"a\"\n");
    /* import declaration */
    EXPECT_ERROR("exports.a = 1;\n"
                 "import x from 'y';",
                 true);
    /* import.meta at the top level */
    EXPECT_ERROR("exports.a = 1;\n"
                 "const u = import.meta.url;",
                 true);
    /* import is looked at only at the top level (depth 0) */
    EXPECT("exports.a = 1; console.log(import.meta.url); if (x) { import('y'); }",
           "\"a\"\n");
    /* export declaration */
    EXPECT_ERROR("exports.a = 1; export const b = 2;",
                 true);
    /* dynamic import and import or export as names are fine */
    EXPECT("import('a'); x.import = 1; exports.export = 1; class A { import() {} export() {} }",
           "\"export\"\n");
}

/* ---- beyond single rules ------------------------------------------------ */

/* The README's first example: names from several rules, `module.exports = {`
 * dropping the reexports before it. */
static void readme(void **state) {
    EXPECT("  // named exports detection\n"
           "  module.exports.a = 'a';\n"
           "  (function () {\n"
           "    exports.b = 'b';\n"
           "  })();\n"
           "  Object.defineProperty(exports, 'c', { value: 'c' });\n"
           "  /* exports.d = 'not detected'; */\n"
           "  if (maybe) module.exports = require('./dep1.js');\n"
           "  if (another) module.exports = require('./dep2.js');\n"
           "  module.exports = { a, b: c, d, 'e': f }\n"
           "  Object.defineProperty(module.exports, '__esModule', { value: true })\n",
           "\"a\"\n\"b\"\n\"c\"\n\"d\"\n\"e\"\n\"__esModule\"\n");
}

/* Names without escapes are slices of the text; decoded ones are copies in
 * the arena. */
static void memory(void **state) {
    static const char src[] = "exports.plain = 1; exports['a\\u0062'] = 2; module.exports = require('./x');";
    JsCjsExports e;
    scan(src, sizeof src - 1, &e);
    assert_null(e.error);
    assert_int_equal(e.names.len, 2);
    assert_ptr_equal(e.names.data[0].str, src + 8);
    assert_int_equal(e.names.data[0].len, 5);
    assert_true(e.names.data[1].str < src || e.names.data[1].str >= src + sizeof src);
    assert_memory_equal(e.names.data[1].str, "ab", 2);
    assert_int_equal(e.reexports.len, 1);
    assert_ptr_equal(e.reexports.data[0].str, src + sizeof src - 1 - 6); /* ./x in the text */
    js_cjs_exports_free(&e);
    assert_null(e.names.data);
    /* Empty text, and text that is only a hashbang. */
    EXPECT("", "");
    EXPECT("#!", "");
}

static char *repeat(const char *open, size_t n, const char *middle, const char *close, size_t *len) {
    size_t a = strlen(open), b = strlen(middle), c = strlen(close);
    *len = n * (a + c) + b;
    char *s = mem_alloc(*len + 1), *p = s;
    for (size_t i = 0; i < n; i++, p += a) memcpy(p, open, a);
    memcpy(p, middle, b);
    p += b;
    for (size_t i = 0; i < n; i++, p += c) memcpy(p, close, c);
    *p = 0;
    return s;
}

static void expect_n(const char *open, size_t n, const char *middle, const char *close, const char *want) {
    size_t len;
    char *s = repeat(open, n, middle, close, &len);
    expect_dump(s, len, want, __LINE__);
    mem_free(s);
}

static void expect_error_n(const char *open, size_t n, const char *middle, const char *close) {
    size_t len;
    char *s = repeat(open, n, middle, close, &len);
    expect_error(s, len, false, __LINE__);
    mem_free(s);
}

/* A million levels of braces, parentheses or template substitutions: the
 * stacks are on the heap, the scan is a loop.  (The lexer agrees: it
 * returns "a" for the first three and throws on the fourth.) */
static void huge_nesting(void **state) {
    expect_n("{", 1000000, "exports.a = 1", "}", "\"a\"\n");
    expect_n("(", 1000000, "exports.a = 1", ")", "\"a\"\n");
    expect_n("`${", 300000, "exports.a = 1", "}`", "\"a\"\n");
    expect_error_n("{(", 500000, "exports.a = 1", "");
    /* After the class body at depth 100000, a / is still a regular expression. */
    expect_n("{", 100000, "class A {} /'/; exports.a = 1;", "}", "\"a\"\n");
}

/* Every prefix of texts full of the lexer's patterns, each scanned from an
 * exact-size copy: unterminated everything, patterns cut anywhere; nothing
 * may be read past the end (ASan) and no state may leak between scans. */
static void prefixes(void **state) {
    static const char *const texts[] = {
        "#!x\nObject.defineProperty(exports, 'a', { enumerable: true, get: function g() { return q['p']; }, });\n"
        "var _b = _interopRequireWildcard(require(\"b\"));\nObject.keys(_b).forEach(function (key) {\n"
        "  if (key === \"default\" || key === \"__esModule\") return;\n"
        "  if (Object.prototype.hasOwnProperty.call(_exportNames, key)) return;\n"
        "  if (key in exports && exports[key] === _b[key]) return;\n"
        "  Object.defineProperty(exports, key, { enumerable: true, get: function () { return _b[key]; } });\n});\n",
        "module.exports = { a, 'b': c, ...require('d'), e: f }; exports['\\u{1F600}\\x41\\101'] = `${/x/}`;\n"
        "__exportStar(require('g'), exports); import('h'); class K { } /re/g; x = y / z; // c\n/* d */",
        "let \xc3\xa9 = require('\xf0\x9f\x98\x80'); Object.keys(\xc3\xa9).forEach(function (k) {"
        " if (k !== 'default' && !Object.hasOwnProperty.call(exports, k)) exports[k] = \xc3\xa9[k]; });\xc2\xa0",
    };
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        size_t n = strlen(texts[t]);
        for (size_t len = 0; len <= n; len++) {
            JsCjsExports e;
            scan(texts[t], len, &e);
            js_cjs_exports_free(&e);
        }
    }
    /* The whole texts, as the lexer answers. */
    EXPECT("#!x\nObject.defineProperty(exports, 'a', { enumerable: true, get: function g() { return q['p']; }, });\n"
           "var _b = _interopRequireWildcard(require(\"b\"));\nObject.keys(_b).forEach(function (key) {\n"
           "  if (key === \"default\" || key === \"__esModule\") return;\n"
           "  if (Object.prototype.hasOwnProperty.call(_exportNames, key)) return;\n"
           "  if (key in exports && exports[key] === _b[key]) return;\n"
           "  Object.defineProperty(exports, key, { enumerable: true, get: function () { return _b[key]; } });\n});\n",
           "\"a\"\nreexport \"b\"\n");
    EXPECT("module.exports = { a, 'b': c, ...require('d'), e: f }; exports['\\u{1F600}\\x41\\101'] = `${/x/}`;\n"
           "__exportStar(require('g'), exports); import('h'); class K { } /re/g; x = y / z; // c\n/* d */",
           "\"a\"\n\"b\"\n\"e\"\n\"\xf0\x9f\x98\x80" "AA\"\nreexport \"d\"\nreexport \"g\"\n");
    EXPECT("let \xc3\xa9 = require('\xf0\x9f\x98\x80'); Object.keys(\xc3\xa9).forEach(function (k) {"
           " if (k !== 'default' && !Object.hasOwnProperty.call(exports, k)) exports[k] = \xc3\xa9[k]; });\xc2\xa0",
           "reexport \"\xf0\x9f\x98\x80\"\n");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(member),     cmocka_unit_test(strings),      cmocka_unit_test(define),
        cmocka_unit_test(literal),    cmocka_unit_test(reexport),     cmocka_unit_test(lexing),
        cmocka_unit_test(errors),     cmocka_unit_test(readme),       cmocka_unit_test(memory),
        cmocka_unit_test(huge_nesting), cmocka_unit_test(prefixes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
