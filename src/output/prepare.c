/* output/prepare.c: the AST's part of a module's code generation (see
 * prepare.h), run by the make phase's BUILD task on a worker thread.
 * In:  a module's AST with bound identifiers, its scopes and record.
 * Out: OutPrep: the sorted edits (with holes for what names other modules),
 *      the export getters' bindings, the prologue's naming lines; errors
 *      and warnings for what the output cannot hold.
 * Memory: the module's arena.  Order: BUILD, after the module record.
 *
 * What the edits change, for an ES module (module_text.c writes the rest):
 * import declarations and `export ... from` deleted, `export` keywords
 * removed, `export default e` as `const __bale_default__ = e`, references
 * to imported bindings as holes (filled with __bale_m2.name, called as
 * (0, __bale_m2.f)() so `this` stays undefined), top-level `this` as
 * `void 0`, import.meta as the module's own object with iife and cjs.
 * CommonJS modules and scripts keep their bytes but for require() and
 * import() calls, which are holes in every module. */
#include "output/prepare.h"

#include "base/hash.h"
#include "base/map.h"
#include "base/mem.h"
#include "js/cjs_uses.h"
#include "js/define.h"
#include "js/purity.h"
#include "output/output.h"

#include <stdlib.h>
#include <string.h>

typedef struct Prep {
    const BaleOptions *o;
    const JsDefines *defines;
    const JsNode *target;       /* an assignment's target: no define replaces it */
    const DiagFile *file;
    const JsScopes *scopes;
    const JsRecord *rec;
    const char *src;
    uint32_t len;
    Arena *a;                   /* the module's: what is kept */
    DiagList *diags;
    OutEdits edits;
    uint32_t runtime;
    bool esm;
    uint32_t fn_depth;          /* non-arrow functions and class bodies around the walk */
    uint32_t *import_of;        /* by JsSymbolId: 1 + index into rec->imports, or 0 (heap) */
    Map calls;                  /* require()/import() node -> JsDepId: holes the walk skips */
    bool own_require;           /* OutPrep's */
    const uint32_t *sym_top;    /* OutPrep's, when top-level names are holes (scope hoisting may
                                 * rename them), else NULL */
} Prep;

/* t's text, kept in the module's arena. */
static const char *keep(Prep *gen, VecChar *t) {
    const char *s = arena_strndup(gen->a, t->data ? t->data : "", t->len);
    VEC_FREE(t);
    return s;
}

/* s[0..len), kept: a slice of the source stays one, anything else (a
 * name the parser cooked into the AST's arena) is copied. */
static const char *keep_str(Prep *gen, const char *s, uint32_t len) {
    if (s >= gen->src && s + len <= gen->src + gen->len) return s;
    return arena_strndup(gen->a, s, len);
}

static void not_implemented(Prep *gen, uint32_t start, uint32_t end, const char *what) {
    diag_add(gen->diags, DIAG_ERROR, DIAG_NOT_IMPLEMENTED, gen->file, start, end,
             "%s is not implemented yet in bale's output", what);
}

/* ---- Source positions -------------------------------------------------- */

/* The first offset at or after p that is not white space or a comment. */
static uint32_t skip_trivia(const Prep *gen, uint32_t p) {
    const char *s = gen->src;
    while (p < gen->len) {
        char c = s[p];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            p++;
        } else if (c == '/' && s[p + 1] == '/') {
            while (p < gen->len && s[p] != '\n' && s[p] != '\r') p++;
        } else if (c == '/' && s[p + 1] == '*') {
            p += 2;
            while (p < gen->len && !(s[p] == '*' && s[p + 1] == '/')) p++;
            p += 2;
        } else if ((unsigned char)c >= 0x80) {
            /* non-ASCII white space (NBSP, LS, PS, BOM, Zs): skip the code point */
            unsigned char u = (unsigned char)c;
            uint32_t n = u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : 2;
            if (u == 0xC2 && (unsigned char)s[p + 1] == 0xA0) p += n;
            else if (u == 0xE2 || u == 0xE3 || u == 0xEF || u == 0xE1) p += n;
            else break;
        } else {
            break;
        }
    }
    return p > gen->len ? gen->len : p;
}

/* The offset after the keyword word, which must come next (after trivia). */
static uint32_t after_keyword(const Prep *gen, uint32_t p, const char *word) {
    p = skip_trivia(gen, p);
    size_t n = strlen(word);
    if (p + n <= gen->len && !memcmp(gen->src + p, word, n)) return p + (uint32_t)n;
    return p; /* not reached for a parsed program */
}

/* ---- The walk: references to imports, top-level this, calls ------------- */

static void walk(Prep *gen, const JsNode *n, OutRefCtx ctx);

static void walk_list(Prep *gen, const JsNode *first) {
    for (const JsNode *q = first; q; q = q->next) walk(gen, q, OUT_CTX_PLAIN);
}

/* A reference to an imported binding: a hole the seal fills with the
 * target module's exports object (see module_text.c). */
static void rewrite_ref(Prep *gen, const JsNode *id, OutRefCtx ctx) {
    uint32_t sym = id->id.sym;
    if (!sym || sym > gen->scopes->symbols.len) return;
    if (gen->import_of[sym]) {
        out_edit_hole(&gen->edits, id->start, id->end, OUT_HOLE_REF, ctx, gen->import_of[sym] - 1);
    } else if (gen->sym_top && gen->sym_top[sym]) {
        /* a top-level binding of the module, which scope hoisting may rename */
        OutNameCtx nc = ctx == OUT_CTX_SHORTHAND ? OUT_NAME_SHORTHAND : OUT_NAME_PLAIN;
        out_edit_hole(&gen->edits, id->start, id->end, OUT_HOLE_NAME, (OutRefCtx)nc, gen->sym_top[sym] - 1);
    }
}

/* The top-level binding (OutPrep.tops index + 1) an identifier names, or 0. */
static uint32_t top_of(const Prep *gen, const JsNode *id) {
    if (!gen->sym_top || !id || id->kind != JS_IDENTIFIER || !id->id.sym || id->id.sym > gen->scopes->symbols.len)
        return 0;
    return gen->sym_top[id->id.sym];
}

static bool anonymous_function(const JsNode *n);

/* `x = <anonymous function or class>` or `const x = ...` with x a
 * top-level binding: the value takes x's name (NamedEvaluation), which a
 * rename must not change, so it is written { x: value }.x then. */
static void named_value(Prep *gen, const JsNode *target, const JsNode *value) {
    uint32_t t = top_of(gen, target);
    if (!t || !value || !anonymous_function(value)) return;
    out_edit_hole(&gen->edits, value->start, value->start, OUT_HOLE_NAME, (OutRefCtx)OUT_NAME_VALUE_OPEN, t - 1);
    out_edit_hole(&gen->edits, value->end, value->end, OUT_HOLE_NAME, (OutRefCtx)OUT_NAME_VALUE_CLOSE, t - 1);
}

/* In Node an ES module has none of CommonJS's module, exports, require,
 * __filename and __dirname: a free reference to one is a global, so typeof
 * gives "undefined" and any other use throws a ReferenceError.  In an iife
 * or cjs bundle they would see the bundle file's own (with cjs, its module
 * object), so an ES module's free references to them are rewritten: typeof
 * x to typeof void 0, anything else to an expression that throws Node's
 * ReferenceError (a member expression, so that it stays a valid assignment
 * target).  With format esm the bundle is an ES module too and they stay.
 * require("x") calls are not touched: bale follows them, as esbuild does. */
static bool is_free_cjs_name(const Prep *gen, const JsNode *id) {
    static const char *const names[] = {"module", "exports", "require", "__filename", "__dirname"};
    if (!gen->esm || gen->o->format == BALE_FORMAT_ESM || id->kind != JS_IDENTIFIER || id->id.sym) return false;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (id->id.len == strlen(names[i]) && !memcmp(id->id.str, names[i], id->id.len)) return true;
    return false;
}

static void rewrite_free_cjs_name(Prep *gen, const JsNode *id, OutRefCtx ctx) {
    if (ctx == OUT_CTX_CALLEE && id->id.len == 7 && !memcmp(id->id.str, "require", 7)) return;
    VecChar t = {0};
    if (ctx == OUT_CTX_SHORTHAND) {
        out_append(&t, id->id.str, id->id.len);
        out_puts(&t, ": ");
    }
    out_puts(&t, "(() => { throw new ReferenceError(\"");
    out_append(&t, id->id.str, id->id.len);
    out_puts(&t, " is not defined\"); })().x");
    uint32_t len = t.len;
    out_edit_replace(&gen->edits, id->start, id->end, keep(gen, &t), len);
}

/* In gen->calls, a context call's value has this bit: only its callee is a
 * hole, and the walk goes on into its arguments. */
#define CONTEXT_CALL (1ull << 32)

static bool replaced_call(const Prep *gen, const JsNode *n) {
    uint64_t v;
    return map_get_u64(&gen->calls, (uint64_t)(uintptr_t)n, &v) && !(v & CONTEXT_CALL);
}

static bool context_call(const Prep *gen, const JsNode *n) {
    uint64_t v;
    return map_get_u64(&gen->calls, (uint64_t)(uintptr_t)n, &v) && (v & CONTEXT_CALL);
}

static void walk_function(Prep *gen, const JsNode *fn) {
    bool arrow = fn->kind == JS_ARROW;
    if (fn->kind == JS_FUNCTION_DECL && top_of(gen, fn->a)) rewrite_ref(gen, fn->a, OUT_CTX_PLAIN);
    if (!arrow) gen->fn_depth++;
    walk_list(gen, fn->b);
    walk(gen, fn->c, OUT_CTX_PLAIN);
    if (!arrow) gen->fn_depth--;
}

static void walk_class(Prep *gen, const JsNode *n) {
    uint32_t t = n->kind == JS_CLASS_DECL ? top_of(gen, n->a) : 0;
    if (t) { /* renamed: let N = class S { ... }; (see OutNameCtx) */
        out_edit_hole(&gen->edits, n->start, n->start, OUT_HOLE_NAME, (OutRefCtx)OUT_NAME_CLASS_HEAD, t - 1);
        out_edit_hole(&gen->edits, n->end, n->end, OUT_HOLE_NAME, (OutRefCtx)OUT_NAME_CLASS_TAIL, t - 1);
    }
    walk(gen, n->b, OUT_CTX_PLAIN); /* heritage: the outer this */
    for (const JsNode *mb = n->c; mb; mb = mb->next) {
        if ((mb->kind == JS_METHOD || mb->kind == JS_FIELD) && (mb->flags & JS_F_COMPUTED))
            walk(gen, mb->a, OUT_CTX_PLAIN);
        gen->fn_depth++;
        if (mb->kind == JS_METHOD || mb->kind == JS_FIELD) walk(gen, mb->b, OUT_CTX_PLAIN);
        else if (mb->kind == JS_STATIC_BLOCK) walk_list(gen, mb->a);
        gen->fn_depth--;
    }
}

/* n read where --define has a value for it: the value goes in (a
 * shorthand property keeps its key).  Returns false when n is no such
 * read. */
static bool define(Prep *gen, const JsNode *n, OutRefCtx ctx) {
    const JsDefine *d = n != gen->target ? js_define_of(gen->defines, n) : NULL;
    if (!d) return false;
    if (ctx == OUT_CTX_SHORTHAND) {
        VecChar t = {0};
        out_printf(&t, "%.*s: %.*s", (int)n->id.len, n->id.str, (int)d->value_len, d->value);
        uint32_t len = t.len;
        out_edit_replace(&gen->edits, n->start, n->end, keep(gen, &t), len);
    } else {
        out_edit_replace(&gen->edits, n->start, n->end, arena_strndup(gen->a, d->value, d->value_len), d->value_len);
    }
    return true;
}

static void walk(Prep *gen, const JsNode *n, OutRefCtx ctx) {
    if (!n) return;
    if ((n->kind == JS_IDENTIFIER || n->kind == JS_MEMBER) && define(gen, n, ctx)) return;
    switch ((JsNodeKind)n->kind) {
    case JS_IDENTIFIER:
        if (is_free_cjs_name(gen, n)) rewrite_free_cjs_name(gen, n, ctx);
        else rewrite_ref(gen, n, ctx);
        if (!gen->esm && !n->id.sym && n->id.len == 7 && !memcmp(n->id.str, "require", 7)) gen->own_require = true;
        return;
    case JS_UNARY:
        if (n->op == TK_DELETE) gen->target = n->a;
        if (n->op == TK_TYPEOF && is_free_cjs_name(gen, n->a)) {
            out_edit_replace(&gen->edits, n->a->start, n->a->end, "void 0", 6);
            return;
        }
        break;
    case JS_THIS:
        if (gen->esm && !gen->fn_depth) out_edit_replace(&gen->edits, n->start, n->end, "void 0", 6);
        return;
    case JS_FUNCTION_DECL:
    case JS_FUNCTION:
    case JS_ARROW: walk_function(gen, n); return;
    case JS_CLASS_DECL:
    case JS_CLASS: walk_class(gen, n); return;
    case JS_PROPERTY:
        if (n->flags & JS_F_COMPUTED) walk(gen, n->a, OUT_CTX_PLAIN);
        if (n->flags & JS_F_SHORTHAND) {
            if (n->b && n->b->kind == JS_ASSIGN_PATTERN) {
                walk(gen, n->b->a, OUT_CTX_SHORTHAND);
                walk(gen, n->b->b, OUT_CTX_PLAIN);
            } else {
                walk(gen, n->b, OUT_CTX_SHORTHAND);
            }
        } else {
            walk(gen, n->b, OUT_CTX_PLAIN);
        }
        return;
    case JS_MEMBER:
        walk(gen, n->a, OUT_CTX_PLAIN);
        if (n->flags & JS_F_COMPUTED) walk(gen, n->b, OUT_CTX_PLAIN);
        return;
    case JS_CALL:
        if (replaced_call(gen, n)) return;
        if (context_call(gen, n)) { /* the callee is a hole */
            walk_list(gen, n->b);
            return;
        }
        walk(gen, n->a, OUT_CTX_CALLEE);
        walk_list(gen, n->b);
        return;
    case JS_TAGGED_TEMPLATE:
        walk(gen, n->a, OUT_CTX_CALLEE);
        walk(gen, n->b, OUT_CTX_PLAIN);
        return;
    case JS_IMPORT_CALL:
        if (replaced_call(gen, n)) return;
        break;
    case JS_LABELED: walk(gen, n->b, OUT_CTX_PLAIN); return;
    case JS_VAR_DECLARATOR: named_value(gen, n->a, n->b); break;
    case JS_ASSIGN:
        if (n->op == TK_EQ) named_value(gen, n->a, n->b);
        gen->target = n->a;
        break;
    case JS_UPDATE: gen->target = n->a; break;
    case JS_BREAK:
    case JS_CONTINUE:
    case JS_META_PROPERTY:
    case JS_PRIVATE_NAME:
    case JS_STRING_LIT:
    case JS_TEMPLATE_ELEMENT:
    case JS_NUMBER_LIT:
    case JS_BIGINT_LIT:
    case JS_REGEXP_LIT: return;
    default: break;
    }
    for (JsChildren c = js_children(n); js_child_next(&c);) walk(gen, c.node, OUT_CTX_PLAIN);
}

static bool anonymous_function(const JsNode *n) {
    switch ((JsNodeKind)n->kind) {
    case JS_FUNCTION:
    case JS_CLASS:
    case JS_FUNCTION_DECL:
    case JS_CLASS_DECL: return !n->a;
    case JS_ARROW: return true;
    default: return false;
    }
}

/* export default ...: see the top comment.  The binding it makes is a
 * hole (OUT_NAME_DEFAULT_TOP), __bale_default__ unless scope hoisting
 * names it otherwise. */
static void export_default(Prep *gen, const JsNode *n, bool *name_default, uint32_t *default_alias) {
    const JsNode *d = n->a;
    uint32_t kw_end = after_keyword(gen, after_keyword(gen, n->start, "export"), "default");
    uint32_t del_end = kw_end;
    while (del_end < gen->len && gen->src[del_end] == ' ') del_end++;
    bool decl = d->kind == JS_FUNCTION_DECL || d->kind == JS_CLASS_DECL;
    if (decl && d->a) { /* export default function f() {} / class C {}: a plain declaration */
        out_edit_delete(&gen->edits, n->start, del_end);
        walk(gen, d, OUT_CTX_PLAIN);
        return;
    }
    if (d->kind == JS_FUNCTION_DECL) { /* anonymous, and hoisted: give it the bundle's name */
        out_edit_delete(&gen->edits, n->start, del_end);
        uint32_t p = d->start;
        if (d->flags & JS_F_ASYNC) p = after_keyword(gen, p, "async");
        p = after_keyword(gen, p, "function");
        if (d->flags & JS_F_GENERATOR) p = after_keyword(gen, p, "*");
        out_edit_hole(&gen->edits, p, p, OUT_HOLE_NAME, (OutRefCtx)OUT_NAME_DEFAULT_FN, OUT_NAME_DEFAULT_TOP);
        *name_default = true;
        gen->runtime |= OUT_RT_NAME;
        walk(gen, d, OUT_CTX_PLAIN);
        return;
    }
    out_edit_hole(&gen->edits, n->start, del_end, OUT_HOLE_NAME, (OutRefCtx)OUT_NAME_DEFAULT_HEAD, OUT_NAME_DEFAULT_TOP);
    uint32_t t = top_of(gen, d);
    if (t && !(d->flags & JS_F_PARENS)) {
        /* export default x: the default binding is a snapshot of x, which
         * never differs from x once the statement has run when nothing
         * reassigns x and x is set by then */
        const JsSymbol *y = js_symbol(gen->scopes, d->id.sym);
        if (!y->writes && (y->kind == JS_SYM_FUNCTION || y->start < n->start)) *default_alias = t;
    }
    walk(gen, d, OUT_CTX_PLAIN);
    if (anonymous_function(d)) {
        out_edit_hole(&gen->edits, n->end, n->end, OUT_HOLE_NAME, (OutRefCtx)OUT_NAME_DEFAULT_TAIL, OUT_NAME_DEFAULT_TOP);
        gen->runtime |= OUT_RT_NAME;
    } else if (d->kind == JS_CLASS_DECL) {
        out_edit_insert(&gen->edits, n->end, ";", 1);
    }
}

static void module_item(Prep *gen, const JsNode *n, bool *name_default, OutPrep *out) {
    switch ((JsNodeKind)n->kind) {
    case JS_IMPORT_DECL:
    case JS_EXPORT_ALL: out_edit_delete(&gen->edits, n->start, n->end); return;
    case JS_EXPORT_NAMED:
        if (n->a) { /* export var/let/const/function/class */
            uint32_t e = after_keyword(gen, n->start, "export");
            while (e < gen->len && gen->src[e] == ' ') e++;
            out_edit_delete(&gen->edits, n->start, e);
            walk(gen, n->a, OUT_CTX_PLAIN);
        } else {
            out_edit_delete(&gen->edits, n->start, n->end);
        }
        return;
    case JS_EXPORT_DEFAULT:
        export_default(gen, n, name_default, &out->default_alias);
        if (out->default_alias) out->default_start = n->start, out->default_end = n->end;
        return;
    default: walk(gen, n, OUT_CTX_PLAIN); return;
    }
}

/* ---- require() and import() -------------------------------------------- */

/* Every require("x") and import("x") call is a hole: whether it becomes
 * __bale_require__(id), a promise of a namespace, or stays as written (an
 * external, an optional request that did not resolve) is the seal's to
 * say.  The walk does not go into them (their argument is a string).
 * A context call (require("./lang/" + x)) keeps its arguments, which the
 * walk goes into like any expression: only its callee, `require` or the
 * `import` keyword, is a hole, which becomes the lookup in its map. */
static void calls(Prep *gen) {
    for (uint32_t i = 0; i < gen->rec->deps.len; i++) {
        const JsDep *jd = &gen->rec->deps.data[i];
        if (jd->kind != JS_DEP_REQUIRE && jd->kind != JS_DEP_DYNAMIC_IMPORT) continue;
        if (jd->flags & JS_DEP_CONTEXT) {
            const JsNode *n = jd->node;
            uint32_t start = n->kind == JS_CALL ? n->a->start : n->start;
            uint32_t end = n->kind == JS_CALL ? n->a->end : n->start + 6; /* "import" */
            out_edit_hole(&gen->edits, start, end, OUT_HOLE_CALL, OUT_CTX_PLAIN, i + 1);
            map_put_u64(&gen->calls, (uint64_t)(uintptr_t)n, CONTEXT_CALL | (i + 1));
            continue;
        }
        if (jd->flags & JS_DEP_NOT_STRING) continue;
        out_edit_hole(&gen->edits, jd->node->start, jd->node->end, OUT_HOLE_CALL, OUT_CTX_PLAIN, i + 1);
        map_put_u64(&gen->calls, (uint64_t)(uintptr_t)jd->node, i + 1);
    }
}

/* Top-level await: the module's body runs as a generator that the runtime
 * drives (see runtime.c: an async module), so `await e` becomes
 * `(yield e)`, which the runtime resumes with e's value or error as await
 * would, in the same number of ticks; the entry of a bundle with format
 * esm keeps `(await e)` (a hole: module_text.c knows which). */
static void top_level_await(Prep *gen) {
    const JsRecord *r = gen->rec;
    for (uint32_t i = 0; i < r->top_level_await.len; i++) {
        const JsRange *w = &r->top_level_await.data[i];
        if (w->end - w->start >= 5 && !memcmp(gen->src + w->start, "await", 5)) {
            out_edit_hole(&gen->edits, w->start, w->start + 5, OUT_HOLE_AWAIT, OUT_CTX_PLAIN, 0);
            out_edit_insert(&gen->edits, w->end, ")", 1);
        }
    }
}

/* Top-level `for await (left of right) body`, in an async module's
 * generator (where await is yield):
 *   try { for (var __bale_faN = __bale_for_await__(right), __bale_fsN;
 *              !(__bale_fsN = void 0, __bale_fsN = (yield __bale_faN.next())).done; )
 *         { left = __bale_fsN.value; body } }
 *   finally { if (__bale_fsN && !__bale_fsN.done && __bale_faN.return) (yield __bale_faN.return()); }
 * which steps, awaits and closes the iterator as the statement does.  All
 * four parts are holes, so an esm bundle's entry keeps the statement.  The
 * left side is copied, so it must hold no other edit (an import read
 * there), and a label on the loop would move to the try: both errors. */
static void for_await(Prep *gen) {
    uint32_t k = 0;
    for (uint32_t i = 0; i < gen->scopes->noted.len; i++) {
        const JsNode *n = gen->scopes->noted.data[i].node;
        if (n->kind != JS_FOR_OF || !(n->flags & JS_F_AWAIT)) continue;
        const JsNode *left = n->a, *right = n->b, *body = n->c;
        bool ok = true;
        for (uint32_t j = 0; j < gen->edits.items.len && ok; j++) {
            const OutEdit *e = &gen->edits.items.data[j];
            if (e->end > left->start && e->start < left->end) ok = false;
        }
        uint32_t before = n->start;
        while (before > 0 && strchr(" \t\r\n", gen->src[before - 1])) before--;
        if (before > 0 && gen->src[before - 1] == ':') ok = false;
        uint32_t of = skip_trivia(gen, left->end); /* `of` */
        uint32_t close = 0, q = right->end;
        for (;;) {
            q = skip_trivia(gen, q);
            if (q >= gen->len || gen->src[q] != ')') break;
            close = q++;
        }
        if (q != body->start || !close || memcmp(gen->src + of, "of", 2)) ok = false;
        if (!ok) {
            not_implemented(gen, n->start, n->end, "a labeled top-level for await, or one whose left side reads an import,");
            continue;
        }
        uint32_t decl = left->kind == JS_VAR_DECL ? OUT_FOR_AWAIT_DECL : 0;
        out_edit_hole(&gen->edits, n->start, n->start, OUT_HOLE_FOR_AWAIT, (OutRefCtx)OUT_FOR_AWAIT_OPEN, k);
        out_edit_hole(&gen->edits, n->start, of + 2, OUT_HOLE_FOR_AWAIT, (OutRefCtx)OUT_FOR_AWAIT_HEAD, k);
        out_edit_hole(&gen->edits, close, close + 1, OUT_HOLE_FOR_AWAIT, (OutRefCtx)(OUT_FOR_AWAIT_CLOSE | decl), k);
        OutEdit *c = &gen->edits.items.data[gen->edits.items.len - 1];
        c->text = gen->src + left->start;
        c->len = left->end - left->start;
        out_edit_hole(&gen->edits, body->end, body->end, OUT_HOLE_FOR_AWAIT, (OutRefCtx)OUT_FOR_AWAIT_END, k);
        k++;
        gen->runtime |= OUT_RT_FOR_AWAIT;
    }
}

/* ---- Checks ------------------------------------------------------------- */

/* import.meta: kept with format esm (the bundle's own, as esbuild does);
 * iife and cjs have none, so each module gets an empty object of its own
 * (__bale_meta, declared in its prologue), with a warning. */
static void import_meta(Prep *gen) {
    const JsRecord *r = gen->rec;
    if (gen->o->format == BALE_FORMAT_ESM) return;
    static const char var[] = "__bale_meta";
    const char *format = gen->o->format == BALE_FORMAT_CJS ? "cjs" : "iife";
    for (uint32_t i = 0; i < r->import_meta.len; i++) {
        const JsRange *m = &r->import_meta.data[i];
        out_edit_replace(&gen->edits, m->start, m->end, var, sizeof var - 1);
        diag_add(gen->diags, DIAG_WARNING, DIAG_IMPORT_META, gen->file, m->start, m->end,
                 "import.meta is empty with format %s (an object without properties); "
                 "use --format=esm to keep it", format);
    }
}

static void strict_mode_error(Prep *gen, uint32_t start, uint32_t end, const char *what) {
    diag_add(gen->diags, DIAG_ERROR, DIAG_STRICT_MODE, gen->file, start, end,
             "%s cannot be part of a bundle with format esm, which is strict mode code; "
             "use --format=cjs or --format=iife", what);
}

static void check(Prep *gen) {
    const JsRecord *r = gen->rec;
    /* An esm bundle is one ES module, strict mode code throughout: a script
     * that needs sloppy mode (or the script goal) would make it throw a
     * SyntaxError when loaded (the parser noted the first such construct),
     * or change its meaning: a function declared in a block and called
     * outside it (sloppy mode hoists it, Annex B; strict mode does not).
     * One error per file. */
    bool strict_bundle = gen->o->format == BALE_FORMAT_ESM && !gen->esm;
    if (strict_bundle && r->sloppy_only.what) {
        strict_mode_error(gen, r->sloppy_only.start, r->sloppy_only.end, r->sloppy_only.what);
        strict_bundle = false;
    }
    const JsScopes *s = gen->scopes;
    for (uint32_t i = 0; i < s->symbols.len; i++) {
        const JsSymbol *y = &s->symbols.data[i];
        if (strict_bundle && (y->flags & JS_SYMF_ANNEX_B) && (y->reads || y->writes)) {
            strict_mode_error(gen, y->start, y->end, "a function declared in a block and used outside it");
            strict_bundle = false;
        }
        if (y->len >= 7 && !memcmp(y->name, "__bale_", 7)) {
            diag_add(gen->diags, DIAG_ERROR, DIAG_NOT_IMPLEMENTED, gen->file, y->start, y->end,
                     "names starting with __bale_ are reserved for bale's output; renaming is not implemented yet");
            break;
        }
    }
}

/* ---- Parts: the top-level statements, for tree shaking ------------------ */

static void collect_refs(const JsNode *n, const uint32_t *sym_part, uint32_t nsyms, uint32_t self, VecU32 *refs) {
    if (!n) return;
    if (n->kind == JS_IDENTIFIER) {
        uint32_t y = n->id.sym;
        if (y && y <= nsyms && sym_part[y] && sym_part[y] - 1 != self) VEC_PUSH(refs, y);
        return;
    }
    for (JsChildren c = js_children(n); js_child_next(&c);) collect_refs(c.node, sym_part, nsyms, self, refs);
}

/* The pieces a top-level statement can be cut into: the declarators of
 * a variable declaration, the expressions of a sequence statement; NULL
 * for other statements. */
static const JsNode *split_items(const JsNode *s) {
    if (s->kind == JS_VAR_DECL) return s->a;
    if (s->kind == JS_EXPORT_NAMED && s->a && s->a->kind == JS_VAR_DECL) return s->a->a;
    if (s->kind == JS_EXPR_STMT && s->a->kind == JS_SEQUENCE && !(s->a->flags & JS_F_PARENS)) return s->a->a;
    return NULL;
}

/* An expression that would read as something else at the start of a
 * statement (a declaration, a block, `let`): its leftmost token is
 * `function`, `class`, `{` or `let`, outside parentheses. */
static bool starts_statement_form(const JsNode *e) {
    for (;;) {
        if (e->flags & JS_F_PARENS) return false;
        switch ((JsNodeKind)e->kind) {
        case JS_FUNCTION:
        case JS_CLASS:
        case JS_OBJECT:
        case JS_OBJECT_PATTERN: return true;
        case JS_IDENTIFIER: return e->id.len == 3 && !memcmp(e->id.str, "let", 3);
        case JS_CALL:
        case JS_MEMBER:
        case JS_TAGGED_TEMPLATE:
        case JS_BINARY:
        case JS_LOGICAL:
        case JS_ASSIGN:
        case JS_CONDITIONAL:
        case JS_CHAIN: e = e->a; break;
        case JS_UPDATE:
            if (e->flags & JS_F_PREFIX) return false;
            e = e->a;
            break;
        case JS_SEQUENCE: e = e->a; break;
        default: return false;
        }
    }
}

static bool name_is(const JsNode *n, const char *s) {
    return n->kind == JS_IDENTIFIER && n->id.len == strlen(s) && !memcmp(n->id.str, s, n->id.len);
}

typedef struct PartScan {
    const JsPurity *purity;
    const JsScopes *sc;
    const uint32_t *sym_part;
    uint32_t nsyms;
    uint32_t self;              /* the part being looked at */
    const JsNode **class_of;    /* by JsSymbolId: its top-level class declaration, or NULL */
} PartScan;

/* A top-level binding of the module (not an import) declared at part
 * index < self where its kind has a temporal dead zone. */
static JsSymbolId own_binding(const PartScan *ps, const JsNode *n) {
    if (n->kind != JS_IDENTIFIER) return 0;
    JsSymbolId y = n->id.sym;
    if (!y || y > ps->nsyms || !ps->sym_part[y]) return 0;
    const JsSymbol *sym = js_symbol(ps->sc, y);
    if (sym->scope != 1) return 0;
    switch ((JsSymbolKind)sym->kind) {
    case JS_SYM_VAR:
    case JS_SYM_FUNCTION: return y;
    case JS_SYM_LET:
    case JS_SYM_CLASS: return ps->sym_part[y] - 1 < ps->self ? y : 0;
    default: return 0;
    }
}

/* Whether setting property key (NULL: a name not known as an Identifier)
 * of class c, or of its prototype (proto), runs no code: on c itself
 * (js_class_key_settable), and no accessor of that name on what it extends
 * (a class or function of the module, looked through to a bounded depth). */
static bool class_settable(const PartScan *ps, const JsNode *c, const JsNode *key, bool proto, int depth) {
    if (!js_class_key_settable(c, key, proto)) return false;
    for (;;) {
        if (js_class_has_accessor(c, key, !proto)) return false;
        if (!c->b) return true;
        if (c->b->kind != JS_IDENTIFIER || ++depth > 16) return false;
        JsSymbolId y = c->b->id.sym;
        if (!y || y > ps->nsyms || !ps->sym_part[y] || js_symbol(ps->sc, y)->writes) return false;
        if (js_symbol(ps->sc, y)->kind == JS_SYM_FUNCTION) return true;
        if (js_symbol(ps->sc, y)->kind != JS_SYM_CLASS || !ps->class_of[y]) return false;
        c = ps->class_of[y];
    }
}

/* A function or class (never assigned) whose properties can be set
 * without running code: a function's, but for the ones strict code cannot
 * set and its prototype's __proto__; a class's as class_settable says. */
static JsSymbolId settable_owner(const PartScan *ps, const JsNode *n, const JsNode *key, bool proto) {
    JsSymbolId y = own_binding(ps, n);
    if (!y || js_symbol(ps->sc, y)->writes) return 0;
    const JsSymbol *sym = js_symbol(ps->sc, y);
    if (sym->kind == JS_SYM_FUNCTION) {
        if (proto) return key && name_is(key, "__proto__") ? 0 : y;
        bool restricted = key && (name_is(key, "name") || name_is(key, "length") || name_is(key, "caller") ||
                                  name_is(key, "arguments"));
        return restricted ? 0 : y;
    }
    if (sym->kind != JS_SYM_CLASS || !ps->class_of[y]) return 0;
    return class_settable(ps, ps->class_of[y], key, proto, 0) ? y : 0;
}

/* The binding an assignment target belongs to, when setting it changes
 * nothing but that binding or an object only it holds: a top-level
 * variable of the module, F.p or F.prototype.p with F a function or class
 * of the module (settable_owner); else 0. */
static JsSymbolId target_owner(const PartScan *ps, const JsNode *t) {
    if (t->kind == JS_IDENTIFIER) {
        JsSymbolId y = own_binding(ps, t);
        return y && js_symbol(ps->sc, y)->kind != JS_SYM_CLASS ? y : 0;
    }
    if (t->kind != JS_MEMBER || (t->flags & JS_F_OPTIONAL)) return 0;
    const JsNode *key = t->b;
    if ((t->flags & JS_F_COMPUTED) && key->kind != JS_STRING_LIT && key->kind != JS_NUMBER_LIT) return 0;
    if (key->kind == JS_STRING_LIT) key = NULL; /* a string key: checked as a name would be, conservatively */
    const JsNode *o = t->a;
    if (o->kind == JS_MEMBER && !(o->flags & (JS_F_COMPUTED | JS_F_OPTIONAL)) && name_is(o->b, "prototype"))
        return settable_owner(ps, o->a, key, true);
    if (!key) return 0;
    return settable_owner(ps, o, key, false);
}

/* An expression statement that only assigns pure values to what
 * target_owner accepts (one assignment, or a sequence of them): the
 * owners, pushed to owners; false otherwise. */
static bool assigns_owned(const PartScan *ps, const JsNode *e, VecU32 *owners) {
    if (e->kind == JS_SEQUENCE) {
        for (const JsNode *q = e->a; q; q = q->next)
            if (!assigns_owned(ps, q, owners)) return false;
        return true;
    }
    if (e->kind != JS_ASSIGN || e->op != TK_EQ || !js_expr_is_pure(ps->purity, e->b)) return false;
    JsSymbolId y = target_owner(ps, e->a);
    if (!y) return false;
    VEC_PUSH(owners, y);
    return true;
}

/* The top-level statements as parts: each statement, but a declaration
 * of several variables, which is one part per declarator.  For each: its
 * range, whether it is pure, which other parts declare what it refers to,
 * and the parts that must stay whenever it does (assigns_owned: the
 * assignments to what it declares, which are kept only with it).  A part
 * declares the program-scope symbols whose first declaration lies in its
 * range.  A granular CommonJS module (cu, js/cjs_uses.h) is cut the same
 * way, where a statement defining exports is pure when its value is (and
 * is kept for the names it defines, cjs_parts), `var X = require("x")`
 * is pure as far as its own code goes (the shake pass asks whether x is),
 * and its directives stay with it. */
static void parts(Prep *gen, const JsAst *ast, OutPrep *out, const JsCjsUses *cu, uint32_t *def_part) {
    uint32_t n = 0;
    for (const JsNode *s = ast->program->a; s; s = s->next) {
        uint32_t k = 0;
        for (const JsNode *v = split_items(s); v; v = v->next) k++;
        n += k > 1 ? k : 1;
    }
    const JsScopes *sc = gen->scopes;
    uint32_t nsyms = sc->symbols.len;
    OutPart *ps = ARENA_ZARRAY(gen->a, OutPart, n + 1);
    const JsNode **node = mem_zalloc(sizeof(JsNode *) * (n + 1));
    uint32_t *sym_part = ARENA_ZARRAY(gen->a, uint32_t, nsyms + 1);
    const JsNode **class_of = mem_zalloc(sizeof(JsNode *) * (nsyms + 1));
    uint32_t depth = 0;
    JsPurity purity = {.scopes = sc, .facts = mem_zalloc(nsyms + 1), .fn_of = mem_zalloc(sizeof(JsNode *) * (nsyms + 1)),
                       .depth = &depth, .nsyms = nsyms, .defines = gen->defines};
    js_purity_hoist(&purity, ast);
    uint32_t i = 0, ki = 0, di = 0, ri = 0; /* cursors into cu's keep, defs, requires */
    for (const JsNode *s = ast->program->a; s; js_purity_note(&purity, s), s = s->next) {
        const JsNode *c = s->kind == JS_EXPORT_NAMED && s->a ? s->a : s;
        if (c->kind == JS_CLASS_DECL && c->a && c->a->id.sym && c->a->id.sym <= nsyms) class_of[c->a->id.sym] = c;
        const JsNode *items = split_items(s);
        if (items && items->next) {
            for (const JsNode *v = items; v; v = v->next, i++) {
                bool pure = v->kind == JS_VAR_DECLARATOR ? v->a->kind == JS_IDENTIFIER && js_expr_is_pure(&purity, v->b)
                                                         : js_expr_is_pure(&purity, v);
                ps[i] = (OutPart){.start = v->start, .end = v->end, .stmt_start = s->start, .stmt_end = s->end,
                                  .split = true, .pure = pure, .risky_start = starts_statement_form(v)};
                if (cu && ri < cu->requires.len && cu->requires.data[ri].declarator == v)
                    ps[i].pure = true, ps[i].require_dep = cu->requires.data[ri++].dep;
                node[i] = v;
            }
            continue;
        }
        ps[i] = (OutPart){.start = s->start, .end = s->end, .stmt_start = s->start, .stmt_end = s->end,
                          .pure = js_stmt_is_pure(&purity, s), .is_default = s->kind == JS_EXPORT_DEFAULT};
        if (cu && ki < cu->keep.len && cu->keep.data[ki] == s) ki++, ps[i].directive = true;
        if (cu && di < cu->defs.len && cu->defs.data[di].stmt == s) {
            ps[i].pure = js_expr_is_pure(&purity, cu->defs.data[di].value);
            ps[i].cjs_init = cu->defs.data[di].init;
            def_part[di++] = i;
        }
        if (cu && s->kind == JS_VAR_DECL && ri < cu->requires.len && cu->requires.data[ri].declarator == s->a)
            ps[i].pure = true, ps[i].require_dep = cu->requires.data[ri++].dep;
        node[i++] = s;
    }
    for (uint32_t y = 1; y <= nsyms; y++) {
        const JsSymbol *sym = js_symbol(sc, y);
        if (sym->scope != 1) continue;
        uint32_t lo = 0, hi = n; /* the part holding its declaration */
        while (lo < hi) {
            uint32_t mid = lo + (hi - lo) / 2;
            if (ps[mid].end <= sym->start) lo = mid + 1;
            else hi = mid;
        }
        if (lo < n && ps[lo].start <= sym->start) sym_part[y] = lo + 1;
    }
    VecU32 refs = {0}, owners = {0}, pairs = {0}; /* pairs: (declaring part, owned part) */
    PartScan scan = {.purity = &purity, .sc = sc, .sym_part = sym_part, .nsyms = nsyms, .class_of = class_of};
    for (i = 0; i < n; i++) {
        ps[i].first_ref = refs.len;
        collect_refs(node[i], sym_part, nsyms, i, &refs);
        ps[i].nrefs = refs.len - ps[i].first_ref;
        const JsNode *s = node[i];
        if (ps[i].pure || (s->kind != JS_EXPR_STMT && !(ps[i].split && s->kind != JS_VAR_DECLARATOR))) continue;
        scan.self = i;
        VEC_CLEAR(&owners);
        if (!assigns_owned(&scan, s->kind == JS_EXPR_STMT ? s->a : s, &owners)) continue;
        ps[i].pure = true; /* not kept for itself: with what it assigns to */
        for (uint32_t k = 0; k < owners.len; k++) {
            VEC_PUSH(&pairs, sym_part[owners.data[k]] - 1);
            VEC_PUSH(&pairs, i);
        }
    }
    /* followers, grouped by declaring part (a counting sort) */
    uint32_t nfollow = pairs.len / 2;
    out->part_follow = ARENA_ARRAY(gen->a, uint32_t, nfollow + 1);
    for (uint32_t k = 0; k < nfollow; k++) ps[pairs.data[2 * k]].nfollow++;
    for (uint32_t k = 0, at = 0; k < n; k++) ps[k].first_follow = at, at += ps[k].nfollow, ps[k].nfollow = 0;
    for (uint32_t k = 0; k < nfollow; k++) {
        OutPart *q = &ps[pairs.data[2 * k]];
        out->part_follow[q->first_follow + q->nfollow++] = pairs.data[2 * k + 1];
    }
    out->parts = ps;
    out->nparts = n;
    out->sym_part = sym_part;
    out->nsyms = nsyms;
    out->part_refs = ARENA_ARRAY(gen->a, uint32_t, refs.len + 1);
    if (refs.len) memcpy(out->part_refs, refs.data, sizeof(uint32_t) * refs.len);
    VEC_FREE(&refs);
    VEC_FREE(&owners);
    VEC_FREE(&pairs);
    mem_free(node);
    mem_free(class_of);
    mem_free(purity.facts);
    mem_free(purity.fn_of);
}

/* ---- CommonJS: the export names and calls of each part ------------------ */

/* What each require() result is used for (js/cjs_uses.h), kept in arena. */
static void dep_uses(Prep *gen, const JsCjsUses *cu, OutPrep *out) {
    uint32_t n = gen->rec->deps.len;
    out->dep_uses = ARENA_ARRAY(gen->a, OutDepUse, n + 1);
    for (uint32_t d = 0; d <= n; d++)
        out->dep_uses[d] = (OutDepUse){cu->deps[d].whole, cu->deps[d].first_name, cu->deps[d].nnames};
    out->use_names = ARENA_ARRAY(gen->a, OutName, cu->use_names.len + 1);
    for (uint32_t k = 0; k < cu->use_names.len; k++) {
        const JsCjsName *nm = &cu->names.data[cu->use_names.data[k]];
        out->use_names[k] = (OutName){keep_str(gen, nm->str, nm->len), nm->len};
    }
}

/* A granular CommonJS module's parts (parts() made them): the parts that
 * define each export name (def_part: by cu's defs), the names each part
 * reads, the calls in each. */
static void cjs_parts(Prep *gen, const JsCjsUses *cu, const uint32_t *def_part, OutPrep *out) {
    OutPart *ps = out->parts;
    uint32_t n = out->nparts, nn = cu->names.len;
    out->ncjs_names = nn;
    out->cjs_names = ARENA_ZARRAY(gen->a, OutCjsName, nn + 1);
    for (uint32_t k = 0; k < nn; k++)
        out->cjs_names[k] = (OutCjsName){.str = keep_str(gen, cu->names.data[k].str, cu->names.data[k].len),
                                         .len = cu->names.data[k].len};
    /* the parts defining each name, grouped by name (a counting sort) */
    uint32_t ndefs = 0;
    for (uint32_t d = 0; d < cu->defs.len; d++)
        if (!cu->defs.data[d].init)
            for (uint32_t k = 0; k < cu->defs.data[d].nnames; k++, ndefs++)
                out->cjs_names[cu->def_names.data[cu->defs.data[d].first_name + k]].ndefs++;
    for (uint32_t k = 0, at = 0; k < nn; k++)
        out->cjs_names[k].first_def = at, at += out->cjs_names[k].ndefs, out->cjs_names[k].ndefs = 0;
    out->cjs_def_parts = ARENA_ARRAY(gen->a, uint32_t, ndefs + 1);
    for (uint32_t d = 0; d < cu->defs.len; d++)
        for (uint32_t k = 0; !cu->defs.data[d].init && k < cu->defs.data[d].nnames; k++) {
            OutCjsName *nm = &out->cjs_names[cu->def_names.data[cu->defs.data[d].first_name + k]];
            out->cjs_def_parts[nm->first_def + nm->ndefs++] = def_part[d];
        }
    /* reads and calls, both in source order, as the parts are */
    out->part_reads = ARENA_ARRAY(gen->a, uint32_t, cu->reads.len + 1);
    const JsRecord *r = gen->rec;
    uint32_t ri = 0, dj = 0;
    for (uint32_t i = 0; i < n; i++) {
        while (ri < cu->reads.len && cu->reads.data[ri].pos < ps[i].start) ri++; /* not in a part: none */
        ps[i].first_read = ri;
        while (ri < cu->reads.len && cu->reads.data[ri].pos < ps[i].end) out->part_reads[ri] = cu->reads.data[ri].name, ri++;
        ps[i].nreads = ri - ps[i].first_read;
        while (dj < r->deps.len && r->deps.data[dj].start < ps[i].start) dj++;
        ps[i].first_dep = dj + 1;
        while (dj < r->deps.len && r->deps.data[dj].start < ps[i].end) dj++;
        ps[i].ndeps = dj + 1 - ps[i].first_dep;
    }
    out->cjs_granular = true;
    out->cjs_star = cu->star;
    out->ncjs_star_deps = cu->stars.len;
    out->cjs_star_deps = ARENA_ARRAY(gen->a, uint32_t, cu->stars.len + 1);
    if (cu->stars.len) memcpy(out->cjs_star_deps, cu->stars.data, sizeof(uint32_t) * cu->stars.len);
}

/* ---- Names: what scope hoisting needs to rename safely ------------------ */

typedef VEC(OutName) VecOutName;

static int by_u64(const void *pa, const void *pb) {
    uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
    return (a > b) - (a < b);
}

/* Appends str[0..len) to names unless seen has it. */
static void add_name(Prep *gen, Map *seen, VecOutName *names, const char *str, uint32_t len) {
    if (!map_put_str(seen, str, len, 1)) return;
    VEC_PUSH(names, ((OutName){keep_str(gen, str, len), len}));
}

/* The module's top-level bindings (ES modules: not its imports), the
 * names it uses without declaring them, and (ES modules) the names its
 * nested scopes declare. */
static void names(Prep *gen, OutPrep *out) {
    const JsScopes *sc = gen->scopes;
    uint32_t nsyms = sc->symbols.len;
    VecOutName free_names = {0}, inner = {0};
    Map seen = {0};
    for (uint32_t i = 0; i < sc->refs.len; i++) {
        const JsNode *id = sc->refs.data[i].node;
        if (!id->id.sym) add_name(gen, &seen, &free_names, id->id.str, id->id.len);
    }
    map_free(&seen);
    out->nfree = free_names.len;
    out->free_names = ARENA_ARRAY(gen->a, OutName, free_names.len + 1);
    if (free_names.len) memcpy(out->free_names, free_names.data, sizeof(OutName) * free_names.len);
    VEC_FREE(&free_names);
    if (!gen->esm) return;
    out->direct_eval = sc->scopes.len && (js_scope(sc, 1)->flags & JS_SCOPE_DIRECT_EVAL);
    out->sym_top = ARENA_ZARRAY(gen->a, uint32_t, nsyms + 1);
    uint32_t ntops = 0;
    for (uint32_t y = 1; y <= nsyms; y++) {
        const JsSymbol *sym = js_symbol(sc, y);
        if (sym->scope == 1 && sym->kind != JS_SYM_IMPORT && sym->kind != JS_SYM_ARGUMENTS) ntops++;
    }
    out->tops = ARENA_ARRAY(gen->a, OutTop, ntops + 1);
    for (uint32_t y = 1; y <= nsyms; y++) {
        const JsSymbol *sym = js_symbol(sc, y);
        if (sym->scope == 1 && sym->kind != JS_SYM_IMPORT && sym->kind != JS_SYM_ARGUMENTS) {
            out->tops[out->ntops] =
                (OutTop){keep_str(gen, sym->name, sym->len), sym->len, sym->kind, y, 1 + sym->reads + sym->writes};
            out->sym_top[y] = ++out->ntops;
        } else if (sym->scope != 1) {
            add_name(gen, &seen, &inner, sym->name, sym->len);
        }
        if (sym->kind == JS_SYM_IMPORT && sym->writes) out->assigns_import = true;
    }
    map_free(&seen);
    out->import_locals = ARENA_ZARRAY(gen->a, OutName, gen->rec->imports.len + 1);
    out->import_uses = ARENA_ZARRAY(gen->a, uint32_t, gen->rec->imports.len + 1);
    for (uint32_t i = 0; i < gen->rec->imports.len; i++) {
        JsSymbolId y = gen->rec->imports.data[i].local;
        if (!y || y > nsyms) continue;
        const JsSymbol *sym = js_symbol(sc, y);
        out->import_locals[i] = (OutName){keep_str(gen, sym->name, sym->len), sym->len};
        out->import_uses[i] = sym->reads + sym->writes;
    }
    out->ninner = inner.len;
    out->inner_hashes = ARENA_ARRAY(gen->a, uint64_t, inner.len + 1);
    for (uint32_t i = 0; i < inner.len; i++) out->inner_hashes[i] = hash_bytes(inner.data[i].str, inner.data[i].len);
    if (inner.len > 1) qsort(out->inner_hashes, inner.len, sizeof(uint64_t), by_u64);
    VEC_FREE(&inner);
}

bool out_prep_declares_inner(const OutPrep *p, uint64_t hash) {
    uint32_t lo = 0, hi = p->ninner;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (p->inner_hashes[mid] < hash) lo = mid + 1;
        else hi = mid;
    }
    return lo < p->ninner && p->inner_hashes[lo] == hash;
}

/* ---- Modules ------------------------------------------------------------ */

/* What each LOCAL export's getter reads. */
static OutExportLocal *export_locals(Prep *gen) {
    const JsRecord *r = gen->rec;
    OutExportLocal *ls = ARENA_ZARRAY(gen->a, OutExportLocal, r->exports.len + 1);
    for (uint32_t i = 0; i < r->exports.len; i++) {
        const JsExport *e = &r->exports.data[i];
        if (e->kind != JS_EXPORT_LOCAL) continue;
        uint32_t im = e->local <= gen->scopes->symbols.len ? gen->import_of[e->local] : 0;
        if (im) {
            ls[i].import = im;
        } else {
            const JsSymbol *y = js_symbol(gen->scopes, e->local);
            ls[i].name = keep_str(gen, y->name, y->len);
            ls[i].len = y->len;
        }
    }
    return ls;
}

void out_prepare_module(const JsAst *ast, const JsScopes *scopes, const JsRecord *rec, const DiagFile *file,
                        const BaleOptions *o, const JsDefines *defines, Arena *arena, OutPrep *out, DiagList *diags) {
    Prep p = {.o = o, .defines = defines, .file = file, .scopes = scopes, .rec = rec, .src = file->text, .len = file->len, .a = arena,
              .diags = diags, .esm = rec->kind == JS_MODULE_ESM};
    Prep *gen = &p;
    check(gen);
    uint32_t nsyms = scopes->symbols.len;
    gen->import_of = mem_zalloc(sizeof(uint32_t) * (nsyms + 1));
    for (uint32_t i = 0; i < rec->imports.len; i++) {
        JsSymbolId local = rec->imports.data[i].local;
        if (local && local <= nsyms) gen->import_of[local] = i + 1;
    }
    /* A hashbang cannot stay inside a function. */
    uint32_t h = gen->len >= 3 && !memcmp(gen->src, "\xEF\xBB\xBF", 3) ? 3 : 0;
    if (gen->len >= h + 2 && gen->src[h] == '#' && gen->src[h + 1] == '!') {
        uint32_t e = h;
        while (e < gen->len && gen->src[e] != '\n' && gen->src[e] != '\r') e++;
        out_edit_delete(&gen->edits, h, e);
    }
    calls(gen);
    memset(out, 0, sizeof *out);
    names(gen, out);
    /* top-level names are holes when scope hoisting may rename them */
    if (gen->esm && !o->no_tree_shaking && !rec->top_level_await.len) gen->sym_top = out->sym_top; /* async: never hoisted */
    bool name_default = false;
    if (gen->esm) {
        out->locals = export_locals(gen);
        import_meta(gen);
        top_level_await(gen);
        for (const JsNode *n = ast->program->a; n; n = n->next) module_item(gen, n, &name_default, out);
    } else {
        walk_list(gen, ast->program->a);
    }
    if (gen->esm && gen->rec->top_level_await.len) for_await(gen);
    if (gen->esm) parts(gen, ast, out, NULL, NULL);
    if (!o->no_tree_shaking) { /* what require() results are used for; CommonJS cut in parts */
        JsCjsUses cu;
        js_cjs_uses(ast, scopes, rec, &cu);
        dep_uses(gen, &cu, out);
        if (cu.granular && !gen->own_require && !gen->esm) {
            uint32_t *def_part = mem_zalloc(sizeof(uint32_t) * (cu.defs.len + 1));
            parts(gen, ast, out, &cu, def_part);
            cjs_parts(gen, &cu, def_part, out);
            mem_free(def_part);
        }
        js_cjs_uses_free(&cu);
    }
    out->name_default = name_default;
    /* Edit texts made here live in the module's arena already; the array is
     * moved there, sorted. */
    out_edits_sort(&gen->edits);
    out->nedits = gen->edits.items.len;
    out->edits = ARENA_ARRAY(arena, OutEdit, out->nedits + 1);
    if (out->nedits) memcpy(out->edits, gen->edits.items.data, sizeof(OutEdit) * out->nedits);
    out->runtime = gen->runtime;
    out->own_require = gen->own_require;
    out_edits_free(&gen->edits);
    map_free(&gen->calls);
    mem_free(gen->import_of);
}
