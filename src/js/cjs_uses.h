/* js/cjs_uses.h: what a module does with its CommonJS `exports` and with
 * the results of its require() calls, read from its AST, so that tree
 * shaking can treat compiled CommonJS (what TypeScript and Babel emit) the
 * way it treats ES modules.
 *
 * Two questions, answered in one analysis:
 *
 * - Which names of the required module a require("x") call reads: none
 *   (a statement of its own), those of `require("x").name`, the keys of
 *   `var { a, b } = require("x")`, or the members `X.name` of a binding
 *   `var X = require("x")` that is never assigned and never used otherwise
 *   (TypeScript's `var x_1 = require("x")` ... `x_1.name`).  Any other use
 *   lets the whole exports object escape (whole).
 *
 * - For a CommonJS module, whether `exports` only appears in forms whose
 *   names are static (granular): top-level statements that define exports
 *   (`exports.a = value`, `exports.a = exports.b = void 0`, TypeScript's
 *   `Object.defineProperty(exports, "a", { enumerable: true, get: ... })`),
 *   reads and writes of `exports.a` anywhere else, `__exportStar(x,
 *   exports)` (TypeScript's helper, which only adds the names exports does
 *   not have, as cjs-module-lexer trusts it by name), and a top-level
 *   `this` only read from (`this && this.__helper`).  `module`, a computed
 *   `exports[k]`, `exports` passed or stored anywhere, or a `with` make the
 *   module not granular.
 *
 * The analysis says nothing about purity: the caller judges the values
 * (output/prepare.c, with js/purity.h).
 *
 * Memory: heap vectors owned by the JsCjsUses (js_cjs_uses_free); names
 * and nodes borrowed from the AST. */
#ifndef BALE_JS_CJS_USES_H
#define BALE_JS_CJS_USES_H

#include "js/cjs_exports.h" /* JsCjsName */
#include "js/record.h"

/* A top-level statement of a granular module that defines exports. */
typedef struct JsCjsDef {
    const JsNode *stmt;
    const JsNode *value;         /* the value assigned, or defineProperty's descriptor */
    uint32_t first_name, nnames; /* the names it defines: a run of JsCjsUses.def_names */
    bool init;                   /* the value is `void 0`: TypeScript's predeclaration */
} JsCjsDef;

/* exports.name anywhere but in a definition (a read, or a write in a nested function). */
typedef struct JsCjsRead {
    uint32_t pos;                /* the member expression's start */
    uint32_t name;               /* index into JsCjsUses.names */
} JsCjsRead;

/* What a dependency's result is used for. */
typedef struct JsDepUse {
    bool whole;                  /* it escapes: every export may be read */
    uint32_t first_name, nnames; /* else the names read: a run of JsCjsUses.use_names */
} JsDepUse;

/* A top-level `var X = require("x")` (or `var { a } = require("x")`):
 * nothing else happens in that declarator but loading x. */
typedef struct JsCjsRequireDecl {
    const JsNode *declarator;
    JsDepId dep;
} JsCjsRequireDecl;

typedef struct JsCjsUses {
    bool granular;               /* a CommonJS module whose exports are all used statically */
    bool star;                   /* granular: it has __exportStar(..., exports) statements */
    VecU32 stars;                /* their sources: the JsDepId of require("x"), 0 for another */
    VEC(JsCjsName) names;        /* every name below, each once */
    VecU32 def_names;            /* indexes into names */
    VecU32 use_names;
    VEC(JsCjsDef) defs;          /* granular: in source order */
    VEC(JsCjsRead) reads;        /* granular: sorted by pos */
    VEC(JsCjsRequireDecl) requires; /* in source order */
    VEC(const JsNode *) keep;    /* granular: the directives ("use strict"), kept with the module,
                                  * in source order */
    JsDepUse *deps;              /* by JsDepId (the record's deps); whole unless found otherwise */
} JsCjsUses;

/* Fills *out for the module (ast, scopes and record as js_record_build
 * left them).  Can't fail.  Release with js_cjs_uses_free. */
void js_cjs_uses(const JsAst *ast, const JsScopes *scopes, const JsRecord *rec, JsCjsUses *out);

void js_cjs_uses_free(JsCjsUses *u);

#endif
