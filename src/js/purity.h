/* js/purity.h: whether evaluating a statement or an expression can be
 * observed, the question tree shaking asks before it drops code (issue 14).
 *
 * Conservative: "pure" means evaluating it cannot call user code, throw or
 * change state, so removing it (when its value is unused) changes nothing
 * a program can see; anything bale cannot prove is impure.  The rules are
 * esbuild's "can be removed if unused" for the forms below: literals,
 * functions, arrows, classes whose evaluated parts (extends, computed
 * keys, static fields and blocks) are pure, object and array literals of
 * pure parts without spread, typeof, void, !, a bound identifier (reading
 * a binding; a read before a let is initialized is not counted, as
 * esbuild), a few globals (undefined, NaN, Infinity), === and !==,
 * conditional, logical and sequence expressions of pure parts, calls and
 * `new` annotated #__PURE__ whose arguments are pure; for
 * statements: declarations whose initializers are pure and whose targets
 * are plain names, function declarations, imports and exports of names
 * (an import's target module has its own answer), empty statements and
 * directives.  Calls, `new`, member reads (getters), operators that
 * convert objects, assignments, destructuring and unknown globals (which
 * throw when undeclared) are impure.
 *
 * In: an AST whose identifiers the scope pass has bound (id.sym: 0 for a
 * free name).  No memory, no state; recursion follows the AST, whose
 * height js_check_height bounds. */
#ifndef BALE_JS_PURITY_H
#define BALE_JS_PURITY_H

#include "js/ast.h"

#include <stdbool.h>

bool js_expr_is_pure(const JsNode *e);

/* A top-level statement (of a script or a module). */
bool js_stmt_is_pure(const JsNode *s);

/* Every top-level statement of the program is pure: the module has no
 * side effects of its own (its imports may). */
bool js_program_is_pure(const JsAst *ast);

#endif
