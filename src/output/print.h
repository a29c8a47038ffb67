/* output/print.h: JavaScript from an AST, compact (no comments, no
 * formatting white space: what `--minify-whitespace` writes), for the
 * minifier and the outputs that cannot be patched (issue 10).  Literals
 * (strings, numbers, regular expressions, template texts, directives)
 * are written as the source has them, so their values cannot change;
 * parentheses where precedence, a statement's first token, `in` in a
 * for head or an optional chain need them.  Checked by printing every
 * test262 pass file and parsing the result to the same AST
 * (tests/parser/print.js).  Recursive, as the parser's height check
 * (js_check_height) bounds. */
#ifndef BALE_OUTPUT_PRINT_H
#define BALE_OUTPUT_PRINT_H

#include "base/vec.h"
#include "js/ast.h"
#include "output/mangle.h"

/* Appends program (parsed from src) to out. */
void out_print_program(const JsNode *program, const char *src, VecChar *out);

/* Appends a piece of a bundle (minify.h): its statements, each ended (the
 * next piece may follow), or with expression its one expression statement's
 * expression, at assignment level (the value of a table entry).  po's names
 * rename bindings; marks (may be NULL) gets an (output offset, source
 * offset) pair at each node's and each property name's first token; po's
 * legal holds (start, end) source ranges of comments to keep, in order,
 * each written before the first statement after it (--legal-comments=inline). */
enum {
    OUT_PRINT_SYNTAX = 1 << 0,        /* --minify-syntax: !0 for true, 1e3, .5, a.b for a["b"], { b: 1 }
                                       * for { "b": 1 }, == in typeof x === "s", consecutive
                                       * declarations of a kind merged, if (a) b; as a && b;, tests of
                                       * known value folded ("a" === "a", !0 ? a : b, if (!1) ...),
                                       * code after a jump and unused labels dropped, "a" + "b" joined */
    OUT_PRINT_DROP_CONSOLE = 1 << 1,  /* --drop:console: console.x(...) calls go (void 0) */
    OUT_PRINT_DROP_DEBUGGER = 1 << 2, /* --drop:debugger */
};

typedef struct OutPrintOptions {
    uint32_t flags;            /* OUT_PRINT_* */
    const OutMangled *names;   /* by JsSymbolId (nnames of them), or NULL */
    uint32_t nnames;
    const VecU32 *legal;       /* or NULL */
    const char *const *pure;   /* --pure:NAME (with OUT_PRINT_SYNTAX): a statement that only calls
                                * one (or a #__PURE__ call) with pure arguments goes */
    size_t npure;
    const JsScopes *scopes;    /* or NULL: the program's (with OUT_PRINT_SYNTAX, a const nothing
                                * writes is written let) */
} OutPrintOptions;

void out_print_piece(const JsNode *program, const char *src, bool expression, const OutPrintOptions *po, VecU32 *marks,
                     VecChar *out);

#endif
