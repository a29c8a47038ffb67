/* js/cjs_exports.h: the named exports Node gives a CommonJS module when an
 * ES module imports it.
 *
 * Node does not run a CommonJS module to learn its names before linking the
 * importer: it scans the source with cjs-module-lexer (2.2.0 in Node 20.20)
 * and takes what that finds, `exports.a = ...`, `module.exports = { b, c }`,
 * `Object.defineProperty(exports, "d", ...)` and the re-export forms that
 * Babel, TypeScript and esbuild write.  `import { a } from "./cjs.js"` then
 * works only when the lexer found `a`.  A bundle must offer exactly the same
 * names, so bale runs the same scan: this file finds what the lexer finds,
 * quirks included (a getter it cannot read removes its name, only the last
 * `module.exports = require()` counts, source it cannot lex has no names),
 * over UTF-8 bytes instead of UTF-16.  tests/parser/cjs_exports.js checks it
 * against the lexer itself on every CommonJS file of tests/npm.
 *
 * The scan is one pass over the text (each byte is looked at a bounded
 * number of times), never recurses, keeps its nesting stacks on the heap
 * (any depth), reads nothing but src[0..len) and has no global state (any
 * number of threads may scan at once). */
#ifndef BALE_JS_CJS_EXPORTS_H
#define BALE_JS_CJS_EXPORTS_H

#include "base/arena.h"
#include "base/vec.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* A name or a specifier: UTF-8 (valid; it may contain NUL), not
 * NUL-terminated.  Either a slice of the source or a copy in the arena given
 * to js_cjs_exports_scan (when escapes had to be decoded). */
typedef struct JsCjsName {
    const char *str;
    uint32_t len;
} JsCjsName;

typedef struct JsCjsExports {
    VEC(JsCjsName) names;     /* export names, each once, in the order the lexer
                               * reports them (first occurrence) */
    VEC(JsCjsName) reexports; /* require() specifiers whose named exports Node
                               * adds to the module's, each once, in order */
    const char *error;        /* NULL, or why the lexer would throw (a static
                               * string); then names and reexports are empty,
                               * as Node's are: it catches the error and uses
                               * no names but `default` */
    uint32_t error_pos;       /* error: the byte where it was found */
    bool esm_syntax;          /* error: import/export syntax (ERR_LEXER_ESM_SYNTAX) */
} JsCjsExports;

/* Scans src[0..len) (a NUL byte is a character, as in JavaScript; no
 * padding is needed) and fills *out (zeroed first: its old vectors must
 * have been freed).  Decoded strings go into arena; the names borrow src
 * and arena.  Temporary memory (nesting stacks, sets) is on the heap and
 * freed before returning.  Can't fail: what the lexer rejects sets
 * out->error.  Release with js_cjs_exports_free. */
void js_cjs_exports_scan(const char *src, uint32_t len, Arena *arena, JsCjsExports *out);

/* Frees the vectors; *e is empty again.  Can't fail. */
void js_cjs_exports_free(JsCjsExports *e);

/* Writes the result as text: one line per export name, a JSON string
 * ("a", "b c"), then one line `reexport "spec"` per reexport; or a single
 * line `error @BYTE: WHY`.  Used by `bale parse --dump=cjs-exports`. */
void js_cjs_exports_dump(const JsCjsExports *e, FILE *out);

#endif
