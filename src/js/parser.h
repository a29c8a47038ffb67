/* js/parser.h: the JavaScript parser's entry point.
 *
 * A hand-written recursive-descent parser for ECMAScript 2025 scripts and
 * modules.  It builds the AST of ast.h in the module's arena and reports
 * syntax errors and the early errors that need only the syntax (strict-mode
 * rules, invalid assignment targets, await/yield/return/break in the wrong
 * place, labels, duplicate __proto__, regular expression flags...).  Early
 * errors that need the scope tree (duplicate lexical bindings, unresolvable
 * exports) are found by the scope pass, js/scope.c.  In sloppy code the
 * parser notes, where strict code would have one of those errors, the first
 * such construct (JsAst.sloppy_only): a script with one cannot become part
 * of an ES module bundle, and no second parse is needed to know it.
 *
 * A syntax error stops the parse at the first error (as in esbuild and
 * every engine): the lexer and parser longjmp back to js_parse. */
#ifndef BALE_JS_PARSER_H
#define BALE_JS_PARSER_H

#include "js/ast.h"

/* AUTO parses as a script and, if that fails on import/export syntax, again
 * as a module: what a bundler must do with a .js file of unknown kind. */
typedef enum JsGoal { JS_GOAL_SCRIPT, JS_GOAL_MODULE, JS_GOAL_AUTO } JsGoal;

/* Parses src[0..len) (followed by FS_PADDING zero bytes, as fs_read_file
 * leaves it).  Nodes go into arena; diagnostics into diags with file.
 * Returns true and fills *ast on success; on failure false with at least
 * one error in diags, *ast zeroed. */
bool js_parse(const char *src, uint32_t len, JsGoal goal, Arena *arena,
              DiagList *diags, const DiagFile *file, JsAst *ast);

/* js_parse with one goal (AUTO: script), noting the (start, end) of each
 * legal comment (a comment that starts with ! or holds @license or
 * @preserve) in legal, in source order: the minifier's parse. */
bool js_parse_legal(const char *src, uint32_t len, JsGoal goal, Arena *arena, DiagList *diags, const DiagFile *file,
                    JsAst *ast, VecU32 *legal);

#endif
