/* js/define.h: --define:K=V, names the build replaces with a value.
 *
 * A key is a global name or a member chain on one (DEBUG,
 * process.env.NODE_ENV); a value is a JSON value ("production", 1, true,
 * null, {"a": 1}) or a name or member chain (globalThis.env).  Where the
 * code reads the key, unbound (no binding of the module shadows its first
 * name) and not as an assignment target, the value's text stands in its
 * place (output/prepare.c makes the edit; the minifier then folds what it
 * makes known: `"production" !== "production"`).  As esbuild: a build for
 * the browser defines process.env.NODE_ENV as "production" when it
 * minifies and "development" when not, unless it is defined already.
 * Also --pure:NAME's names (calls of them have no side effects).
 *
 * In: BaleOptions.  Out: JsDefines, read-only during the build (worker
 * threads share it).  Memory: its own arena. */
#ifndef BALE_JS_DEFINE_H
#define BALE_JS_DEFINE_H

#include "base/arena.h"
#include "base/diag.h"
#include "bale.h"
#include "js/ast.h"

typedef struct JsDefine {
    const char *key;        /* as given: "process.env.NODE_ENV" */
    uint32_t key_len;
    uint32_t nparts;        /* names in the key: 3 */
    const char *value;      /* the text put in place, in parentheses when it is an object
                             * or array (which could start a statement) or a negative number */
    uint32_t value_len;
    uint8_t kind;           /* JsDefineKind: what the value is */
} JsDefine;

typedef enum JsDefineKind {
    JS_DEFINE_PRIMITIVE, /* a JSON string, number, boolean or null: pure, a primitive */
    JS_DEFINE_OBJECT,    /* a JSON object or array: pure */
    JS_DEFINE_NAME,      /* a name or member chain: a read of it (which could throw) */
} JsDefineKind;

typedef struct JsDefines {
    JsDefine *items;
    uint32_t len;
    const char *const *pure; /* --pure:NAME's names (borrowed from the options) */
    size_t npure;
    Arena arena;
} JsDefines;

/* Reads options' defines (and the browser's NODE_ENV) into *out.  A key
 * that is no name or member chain, or a value that is neither JSON nor
 * one, is an error in diags (DIAG_CONFIG) and makes it return false;
 * *out is valid either way (release it with js_defines_free). */
bool js_defines_build(const BaleOptions *o, JsDefines *out, DiagList *diags);
void js_defines_free(JsDefines *d);

/* Whether n is key[0..len) (a.b.c): an identifier without a binding, or
 * a member chain (a.b, a["b"]; not optional) on one. */
bool js_chain_is(const JsNode *n, const char *key, size_t len);

/* The define n reads (js_chain_is its key), or NULL (d may be NULL). */
const JsDefine *js_define_of(const JsDefines *d, const JsNode *n);

/* Whether callee is one of the npure names of --pure:NAME: a call of it
 * has no side effects of its own (its arguments may), as #__PURE__ says. */
bool js_pure_callee(const char *const *pure, size_t npure, const JsNode *callee);

#endif
