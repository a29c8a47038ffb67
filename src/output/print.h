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

/* Appends program (parsed from src) to out. */
void out_print_program(const JsNode *program, const char *src, VecChar *out);

#endif
