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
#include "js/define.h"
#include "js/scope.h"

#include <stdbool.h>

/* What the answers may know of the module's bindings; a NULL context, or
 * NULL fields, know nothing (names are only bound or free). */
typedef struct JsPurity {
    const JsScopes *scopes;  /* symbol kinds (a class's own name inside it), writes */
    uint8_t *facts;          /* by JsSymbolId: JS_PURITY_* of top-level bindings, as
                              * js_purity_hoist and js_purity_note found them; caller's */
    const JsNode **fn_of;    /* by JsSymbolId: the function a top-level declaration or const
                              * binds (hoist and note fill it; NULL: calls of the module's own
                              * functions are not looked into); caller's */
    uint32_t *depth;         /* with fn_of: the caller's counter of calls being looked into */
    uint32_t nsyms;
    const JsDefines *defines;/* what --define puts in place of global reads (their values count) */
} JsPurity;

enum {
    JS_PURITY_PRIMITIVE = 1,       /* a const whose value is a primitive */
    JS_PURITY_NO_SIDE_EFFECTS = 2, /* a function annotated #__NO_SIDE_EFFECTS__ (a declaration,
                                    * or a const's function or arrow): calling it is pure when
                                    * its arguments are and nothing reassigns it (esbuild's rule) */
    JS_PURITY_BODY_KNOWN = 4,      /* fn_of's body was looked into (memo: once per function) */
    JS_PURITY_BODY_PURE = 8,       /* ... and it only makes values */
};

/* Before the first statement: notes the program's annotated function
 * declarations (hoisted: callable from the start). */
void js_purity_hoist(JsPurity *p, const JsAst *ast);

bool js_expr_is_pure(const JsPurity *p, const JsNode *e);

/* A top-level statement (of a script or a module). */
bool js_stmt_is_pure(const JsPurity *p, const JsNode *s);

/* After top-level statement s: notes the consts it declares whose values
 * are primitives (so later computed keys and operators on them are pure). */
void js_purity_note(JsPurity *p, const JsNode *s);

/* Whether class c has an accessor (static ones with statics, else those
 * of its prototype) named key (an Identifier; NULL: any name); a computed
 * or string accessor key counts as any name. */
bool js_class_has_accessor(const JsNode *c, const JsNode *key, bool statics);

/* Whether setting property key (an Identifier; NULL: a name not known as
 * one) of class c itself, or of its prototype (proto), runs no code and
 * cannot throw: no accessor of that name (js_class_has_accessor), and not
 * the class's own name, length or prototype, nor a prototype's __proto__.
 * What c extends is the caller's to look at. */
bool js_class_key_settable(const JsNode *c, const JsNode *key, bool proto);

/* Every top-level statement of the program is pure: the module has no
 * side effects of its own (its imports may).  Notes consts as it goes. */
bool js_program_is_pure(JsPurity *p, const JsAst *ast);

#endif
