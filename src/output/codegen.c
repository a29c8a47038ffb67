/* output/codegen.c: one module's code, by patching its source.
 * In:  a module of the finished graph (source, AST with bound identifiers,
 *      scopes, record) and the graph's dependency targets.
 * Out: the module's wrapper function text (OutModuleCode, heap) and the
 *      runtime helpers it calls.  Memory: edit texts in the caller's
 *      scratch arena.  Order: the seal's code generation pass, per module;
 *      reads only the graph, so modules may be generated in parallel.
 *
 * Copy what is unchanged, patch what must change: the module's bytes are
 * kept, and a sorted list of edits (output/edits.h) replaces the few
 * ranges that must change.  What changes, for an ES module:
 *
 *   function (__bale_module, __bale_exports) {
 *   "use strict";
 *   __bale_export__(__bale_module, { a: () => a, default: () => __bale_default__ }, true);
 *   var __bale_m2 = __bale_module__(2).exports;     <- ES modules imported: linked first
 *   __bale_require__(2);                            <- then every import and
 *   var __bale_m3 = __bale_ns__(__bale_require__(3));   export-from, in source order
 *   __bale_reexport__(__bale_exports, __bale_m3);   <- export * from
 *   ...the source, with import declarations and `export ... from` deleted,
 *      `export` keywords removed, `export default e` as
 *      `const __bale_default__ = e`, references to imported bindings as
 *      __bale_m2.name (called as (0, __bale_m2.f)(), so `this` stays
 *      undefined), top-level `this` as `void 0`...
 *   }
 *
 * - Exports are getters defined before anything runs, so importers read
 *   live bindings, and a cycle that reaches the module early sees every
 *   export (function declarations are hoisted; let/const/class throw until
 *   initialized, as in Node).
 * - The exports objects of imported ES modules are taken before anything
 *   runs (Node links before it evaluates), so a function of this module
 *   called early, from inside a cycle, already sees its imports.
 * - All imports are required before the body runs, in source order: the
 *   evaluation order of ES modules (a module being required already, in a
 *   cycle, is skipped, as Node skips a module that is evaluating).
 * - A module that is not an ES module (CommonJS, JSON, a plain script)
 *   seen from an import goes through __bale_ns__: its properties, and
 *   default = module.exports unless it says __esModule.
 * - require("x") becomes __bale_require__(id); import("x") a promise of
 *   the module's namespace.  Externals stay require("x") (formats iife and
 *   cjs; esm is not implemented yet).
 * CommonJS modules and scripts keep their bytes but for require() and
 * import() calls, and run as function (module, exports) with this =
 * exports, as in Node. */
#include "output/output.h"

#include "base/map.h"
#include "output/edits.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef enum RefCtx { CTX_PLAIN, CTX_CALLEE, CTX_SHORTHAND } RefCtx;

typedef struct Gen {
    const ModuleGraph *g;
    const Module *m;
    ModuleId id;
    const BaleOptions *o;
    const ModuleBody *body;
    const JsRecord *rec;
    const char *src;
    uint32_t len;
    Arena *a;
    DiagList *diags;
    OutEdits edits;
    uint32_t runtime;
    bool esm;
    uint32_t fn_depth;          /* non-arrow functions and class bodies around the walk */
    const Dependency **dep_of;  /* by JsDepId: the graph's dependency, or NULL */
    uint32_t *import_of;        /* by JsSymbolId: 1 + index into rec->imports, or 0 */
    Map calls;                  /* require()/import() node -> JsDepId, for calls that are replaced */
    const Link *link;           /* the link pass's result (borrowed) */
} Gen;

/* ---- Targets ----------------------------------------------------------- */

static bool module_is_esm(const ModuleGraph *g, ModuleId id) {
    const Module *t = graph_module(g, id);
    return t->kind == MODULE_JS && t->body && t->body->record.kind == JS_MODULE_ESM;
}

static bool dep_is_external(const Dependency *d) { return d && d->outcome == RESOLVE_EXTERNAL; }

/* The variable holding what an import of dep sees: the target's exports
 * object (ES module) or its namespace (anything else), or NULL when the
 * dependency leads nowhere bale can follow. */
static const char *import_var(Gen *gen, JsDepId dep) {
    const Dependency *d = gen->dep_of[dep];
    char buf[32];
    if (d && d->to) snprintf(buf, sizeof buf, "__bale_m%u", d->to);
    else if (dep_is_external(d)) snprintf(buf, sizeof buf, "__bale_x%u", d->request + 1);
    else return NULL;
    return arena_strndup(gen->a, buf, strlen(buf));
}

static const char *finish(Gen *gen, VecChar *t) {
    const char *s = arena_strndup(gen->a, t->data ? t->data : "", t->len);
    VEC_FREE(t);
    return s;
}

static void member(VecChar *t, const char *var, const char *name, uint32_t len) {
    out_puts(t, var);
    if (out_is_ident(name, len)) {
        VEC_PUSH(t, '.');
        out_append(t, name, len);
    } else {
        VEC_PUSH(t, '[');
        out_js_string(t, name, len);
        VEC_PUSH(t, ']');
    }
}

/* What an imported binding reads: ns, or ns.name. */
static void import_expr(Gen *gen, VecChar *t, const JsImport *im) {
    const char *var = import_var(gen, im->dep);
    if (!var) {
        out_puts(t, "void 0");
        return;
    }
    if (im->kind == JS_IMPORTED_NAMESPACE) out_puts(t, var);
    else member(t, var, im->imported, im->imported_len);
}

/* What a top-level binding of this module reads, for an export getter. */
static void binding_expr(Gen *gen, VecChar *t, JsSymbolId sym) {
    uint32_t im = sym <= gen->body->scopes.symbols.len ? gen->import_of[sym] : 0;
    if (im) {
        import_expr(gen, t, &gen->rec->imports.data[im - 1]);
        return;
    }
    const JsSymbol *y = js_symbol(&gen->body->scopes, sym);
    out_append(t, y->name, y->len);
}

static void not_implemented(Gen *gen, uint32_t start, uint32_t end, const char *what) {
    diag_add(gen->diags, DIAG_ERROR, DIAG_NOT_IMPLEMENTED, &gen->body->file, start, end,
             "%s is not implemented yet in bale's output", what);
}

/* ---- Source positions -------------------------------------------------- */

/* The first offset at or after p that is not white space or a comment. */
static uint32_t skip_trivia(const Gen *gen, uint32_t p) {
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
static uint32_t after_keyword(const Gen *gen, uint32_t p, const char *word) {
    p = skip_trivia(gen, p);
    size_t n = strlen(word);
    if (p + n <= gen->len && !memcmp(gen->src + p, word, n)) return p + (uint32_t)n;
    return p; /* not reached for a parsed program */
}

/* ---- The walk: references to imports, top-level this, calls ------------- */

static void walk(Gen *gen, const JsNode *n, RefCtx ctx);

static void walk_list(Gen *gen, const JsNode *first) {
    for (const JsNode *q = first; q; q = q->next) walk(gen, q, CTX_PLAIN);
}

static void rewrite_ref(Gen *gen, const JsNode *id, RefCtx ctx) {
    uint32_t sym = id->id.sym;
    if (!sym || sym > gen->body->scopes.symbols.len || !gen->import_of[sym]) return;
    const JsImport *im = &gen->rec->imports.data[gen->import_of[sym] - 1];
    VecChar t = {0};
    if (ctx == CTX_SHORTHAND) {
        out_append(&t, gen->src + id->start, id->end - id->start);
        out_puts(&t, ": ");
    }
    bool wrap = ctx == CTX_CALLEE && im->kind != JS_IMPORTED_NAMESPACE;
    if (wrap) out_puts(&t, "(0, ");
    import_expr(gen, &t, im);
    if (wrap) VEC_PUSH(&t, ')');
    uint32_t len = t.len;
    out_edit_replace(&gen->edits, id->start, id->end, finish(gen, &t), len);
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
static bool is_free_cjs_name(const Gen *gen, const JsNode *id) {
    static const char *const names[] = {"module", "exports", "require", "__filename", "__dirname"};
    if (!gen->esm || gen->o->format == BALE_FORMAT_ESM || id->kind != JS_IDENTIFIER || id->id.sym) return false;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (id->id.len == strlen(names[i]) && !memcmp(id->id.str, names[i], id->id.len)) return true;
    return false;
}

static void rewrite_free_cjs_name(Gen *gen, const JsNode *id, RefCtx ctx) {
    if (ctx == CTX_CALLEE && id->id.len == 7 && !memcmp(id->id.str, "require", 7)) return;
    VecChar t = {0};
    if (ctx == CTX_SHORTHAND) {
        out_append(&t, id->id.str, id->id.len);
        out_puts(&t, ": ");
    }
    out_puts(&t, "(() => { throw new ReferenceError(\"");
    out_append(&t, id->id.str, id->id.len);
    out_puts(&t, " is not defined\"); })().x");
    uint32_t len = t.len;
    out_edit_replace(&gen->edits, id->start, id->end, finish(gen, &t), len);
}

static bool replaced_call(const Gen *gen, const JsNode *n) {
    uint64_t v;
    return map_get_u64(&gen->calls, (uint64_t)(uintptr_t)n, &v);
}

static void walk_function(Gen *gen, const JsNode *fn) {
    bool arrow = fn->kind == JS_ARROW;
    if (!arrow) gen->fn_depth++;
    walk_list(gen, fn->b);
    walk(gen, fn->c, CTX_PLAIN);
    if (!arrow) gen->fn_depth--;
}

static void walk_class(Gen *gen, const JsNode *n) {
    walk(gen, n->b, CTX_PLAIN); /* heritage: the outer this */
    for (const JsNode *mb = n->c; mb; mb = mb->next) {
        if ((mb->kind == JS_METHOD || mb->kind == JS_FIELD) && (mb->flags & JS_F_COMPUTED))
            walk(gen, mb->a, CTX_PLAIN);
        gen->fn_depth++;
        if (mb->kind == JS_METHOD || mb->kind == JS_FIELD) walk(gen, mb->b, CTX_PLAIN);
        else if (mb->kind == JS_STATIC_BLOCK) walk_list(gen, mb->a);
        gen->fn_depth--;
    }
}

static void walk(Gen *gen, const JsNode *n, RefCtx ctx) {
    if (!n) return;
    switch ((JsNodeKind)n->kind) {
    case JS_IDENTIFIER:
        if (is_free_cjs_name(gen, n)) rewrite_free_cjs_name(gen, n, ctx);
        else rewrite_ref(gen, n, ctx);
        return;
    case JS_UNARY:
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
        if (n->flags & JS_F_COMPUTED) walk(gen, n->a, CTX_PLAIN);
        if (n->flags & JS_F_SHORTHAND) {
            if (n->b && n->b->kind == JS_ASSIGN_PATTERN) {
                walk(gen, n->b->a, CTX_SHORTHAND);
                walk(gen, n->b->b, CTX_PLAIN);
            } else {
                walk(gen, n->b, CTX_SHORTHAND);
            }
        } else {
            walk(gen, n->b, CTX_PLAIN);
        }
        return;
    case JS_MEMBER:
        walk(gen, n->a, CTX_PLAIN);
        if (n->flags & JS_F_COMPUTED) walk(gen, n->b, CTX_PLAIN);
        return;
    case JS_CALL:
        if (replaced_call(gen, n)) return;
        walk(gen, n->a, CTX_CALLEE);
        walk_list(gen, n->b);
        return;
    case JS_TAGGED_TEMPLATE:
        walk(gen, n->a, CTX_CALLEE);
        walk(gen, n->b, CTX_PLAIN);
        return;
    case JS_IMPORT_CALL:
        if (replaced_call(gen, n)) return;
        break;
    case JS_LABELED: walk(gen, n->b, CTX_PLAIN); return;
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
    const char *shape = js_node_shape((JsNodeKind)n->kind);
    if (shape[0] == 'i' || shape[0] == '#') return;
    const JsNode *kids[4] = {n->a, n->b, n->c, n->d};
    for (int i = 0; i < 4; i++) {
        if (shape[i] == 'n') walk(gen, kids[i], CTX_PLAIN);
        else if (shape[i] == 'l') walk_list(gen, kids[i]);
    }
}

/* ---- require() and import() -------------------------------------------- */

static void calls(Gen *gen) {
    for (uint32_t i = 0; i < gen->rec->deps.len; i++) {
        const JsDep *jd = &gen->rec->deps.data[i];
        if (jd->kind != JS_DEP_REQUIRE && jd->kind != JS_DEP_DYNAMIC_IMPORT) continue;
        const Dependency *d = gen->dep_of[i + 1];
        if (!d) continue;
        if (dep_is_external(d)) {
            if (gen->o->format == BALE_FORMAT_ESM && jd->kind == JS_DEP_REQUIRE)
                not_implemented(gen, jd->start, jd->end, "require() of an external module with format esm");
            continue; /* left to the runtime as written */
        }
        if (!d->to) continue; /* an optional request that did not resolve: the runtime's */
        VecChar t = {0};
        bool esm = module_is_esm(gen->g, d->to);
        gen->runtime |= OUT_RT_RETRY;
        if (jd->kind == JS_DEP_REQUIRE) {
            out_printf(&t, "__bale_require__(%u)", d->to);
        } else if (esm) {
            out_printf(&t, "Promise.resolve().then(() => __bale_require__(%u))", d->to);
        } else {
            out_printf(&t, "Promise.resolve().then(() => __bale_ns__(__bale_require__(%u)))", d->to);
            gen->runtime |= OUT_RT_NS;
        }
        uint32_t len = t.len;
        out_edit_replace(&gen->edits, jd->node->start, jd->node->end, finish(gen, &t), len);
        map_put_u64(&gen->calls, (uint64_t)(uintptr_t)jd->node, i + 1);
    }
}

/* ---- ES module declarations -------------------------------------------- */

typedef struct Getter {
    const char *name;
    uint32_t len;
    const char *expr;
} Getter;

static int by_name(const void *pa, const void *pb) {
    const Getter *a = pa, *b = pb;
    uint32_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->name, b->name, n);
    return c ? c : (a->len > b->len) - (a->len < b->len);
}

/* __bale_export__(__bale_module, { ...getters sorted by name... }); */
static void export_getters(Gen *gen, VecChar *pro) {
    const JsRecord *r = gen->rec;
    Getter *gs = ARENA_ARRAY(gen->a, Getter, r->exports.len + 1);
    uint32_t n = 0;
    for (uint32_t i = 0; i < r->exports.len; i++) {
        const JsExport *e = &r->exports.data[i];
        VecChar t = {0};
        switch ((JsExportKind)e->kind) {
        case JS_EXPORT_LOCAL: binding_expr(gen, &t, e->local); break;
        case JS_EXPORT_DEFAULT_EXPR: out_puts(&t, "__bale_default__"); break;
        case JS_EXPORT_REEXPORT: {
            const char *var = import_var(gen, e->dep);
            if (!var) out_puts(&t, "void 0");
            else member(&t, var, e->imported, e->imported_len);
            break;
        }
        case JS_EXPORT_STAR_AS: {
            const char *var = import_var(gen, e->dep);
            out_puts(&t, var ? var : "void 0");
            break;
        }
        case JS_EXPORT_STAR: VEC_FREE(&t); continue;
        }
        gs[n++] = (Getter){e->exported, e->exported_len, finish(gen, &t)};
    }
    qsort(gs, n, sizeof *gs, by_name);
    bool has_default = false;
    for (uint32_t i = 0; i < n; i++)
        if (gs[i].len == 7 && !memcmp(gs[i].name, "default", 7)) has_default = true;
    out_puts(pro, "__bale_export__(__bale_module, {");
    for (uint32_t i = 0; i < n; i++) {
        out_puts(pro, i ? ", " : " ");
        bool proto = gs[i].len == 9 && !memcmp(gs[i].name, "__proto__", 9);
        if (proto) VEC_PUSH(pro, '[');
        if (out_is_ident(gs[i].name, gs[i].len) && !proto) out_append(pro, gs[i].name, gs[i].len);
        else out_js_string(pro, gs[i].name, gs[i].len);
        if (proto) VEC_PUSH(pro, ']');
        out_puts(pro, ": () => ");
        out_puts(pro, gs[i].expr);
    }
    out_puts(pro, n ? " }" : "}");
    out_puts(pro, has_default ? ", true);\n" : ");\n");
    gen->runtime |= OUT_RT_EXPORT;
}

/* ", [...names]": the names two export * of this module give with
 * different bindings, which its namespace leaves out (found by the link
 * pass); NULL when none. */
static const char *ambiguous_names(Gen *gen) {
    const LinkModule *lm = link_module(gen->link, gen->id);
    if (!lm->nambiguous) return NULL;
    VecChar list = {0};
    for (uint32_t i = 0; i < lm->nambiguous; i++) {
        const LinkName *n = link_name(gen->link, lm->ambiguous[i]);
        out_puts(&list, i ? ", " : ", [");
        out_js_string(&list, n->str, n->len);
    }
    VEC_PUSH(&list, ']');
    return finish(gen, &list);
}

/* Every import and export-from, in source order: first the exports
 * objects of the ES modules among them (linked before anything runs), then
 * each one required in order (non-ES modules seen through __bale_ns__). */
static void import_vars(Gen *gen, VecChar *pro) {
    const JsRecord *r = gen->rec;
    Map done = {0};
    VecChar run = {0};
    for (uint32_t i = 0; i < r->deps.len; i++) {
        const JsDep *jd = &r->deps.data[i];
        if (jd->kind != JS_DEP_IMPORT && jd->kind != JS_DEP_EXPORT_FROM) continue;
        const Dependency *d = gen->dep_of[i + 1];
        const char *var = import_var(gen, i + 1);
        if (!var) {
            not_implemented(gen, jd->start, jd->end, "an import that does not lead to a module");
            continue;
        }
        if (!map_put_str(&done, var, strlen(var), 1)) continue;
        if (dep_is_external(d)) {
            if (gen->o->format == BALE_FORMAT_ESM) {
                not_implemented(gen, jd->start, jd->end, "importing an external module with format esm");
                continue;
            }
            out_printf(&run, "var %s = __bale_ns__(require(", var);
            out_append(&run, gen->src + jd->start, jd->end - jd->start);
            out_puts(&run, "));\n");
            gen->runtime |= OUT_RT_NS;
        } else if (module_is_esm(gen->g, d->to)) {
            out_printf(pro, "var %s = __bale_module__(%u).exports;\n", var, d->to);
            out_printf(&run, "__bale_require__(%u);\n", d->to);
        } else {
            out_printf(&run, "var %s = __bale_ns__(__bale_require__(%u));\n", var, d->to);
            gen->runtime |= OUT_RT_NS;
        }
    }
    out_append(pro, run.data, run.len);
    VEC_FREE(&run);
    map_free(&done);
    uint32_t nstars = 0;
    for (uint32_t i = 0; i < r->exports.len; i++) nstars += r->exports.data[i].kind == JS_EXPORT_STAR;
    const char *skip = nstars > 1 ? ambiguous_names(gen) : NULL;
    for (uint32_t i = 0; i < r->exports.len; i++) {
        const JsExport *e = &r->exports.data[i];
        if (e->kind != JS_EXPORT_STAR) continue;
        const char *var = import_var(gen, e->dep);
        if (!var) continue;
        out_printf(pro, "__bale_reexport__(__bale_exports, %s%s);\n", var, skip ? skip : "");
        gen->runtime |= OUT_RT_REEXPORT;
    }
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

/* export default ...: see the top comment. */
static void export_default(Gen *gen, const JsNode *n, VecChar *pro) {
    const JsNode *d = n->a;
    uint32_t kw_end = after_keyword(gen, after_keyword(gen, n->start, "export"), "default");
    uint32_t del_end = kw_end;
    while (del_end < gen->len && gen->src[del_end] == ' ') del_end++;
    bool decl = d->kind == JS_FUNCTION_DECL || d->kind == JS_CLASS_DECL;
    if (decl && d->a) { /* export default function f() {} / class C {}: a plain declaration */
        out_edit_delete(&gen->edits, n->start, del_end);
        walk(gen, d, CTX_PLAIN);
        return;
    }
    if (d->kind == JS_FUNCTION_DECL) { /* anonymous, and hoisted: give it the bundle's name */
        out_edit_delete(&gen->edits, n->start, del_end);
        uint32_t p = d->start;
        if (d->flags & JS_F_ASYNC) p = after_keyword(gen, p, "async");
        p = after_keyword(gen, p, "function");
        if (d->flags & JS_F_GENERATOR) p = after_keyword(gen, p, "*");
        out_edit_insert(&gen->edits, p, " __bale_default__", 17);
        out_puts(pro, "__bale_name__(__bale_default__);\n");
        gen->runtime |= OUT_RT_NAME;
        walk(gen, d, CTX_PLAIN);
        return;
    }
    static const char head[] = "const __bale_default__ = ";
    out_edit_replace(&gen->edits, n->start, del_end, head, sizeof head - 1);
    walk(gen, d, CTX_PLAIN);
    const JsNode *inner = d;
    if (anonymous_function(inner)) {
        static const char tail[] = ";\n__bale_name__(__bale_default__);";
        out_edit_insert(&gen->edits, n->end, tail, sizeof tail - 1);
        gen->runtime |= OUT_RT_NAME;
    } else if (d->kind == JS_CLASS_DECL) {
        out_edit_insert(&gen->edits, n->end, ";", 1);
    }
}

static void module_item(Gen *gen, const JsNode *n, VecChar *pro) {
    switch ((JsNodeKind)n->kind) {
    case JS_IMPORT_DECL:
    case JS_EXPORT_ALL: out_edit_delete(&gen->edits, n->start, n->end); return;
    case JS_EXPORT_NAMED:
        if (n->a) { /* export var/let/const/function/class */
            uint32_t e = after_keyword(gen, n->start, "export");
            while (e < gen->len && gen->src[e] == ' ') e++;
            out_edit_delete(&gen->edits, n->start, e);
            walk(gen, n->a, CTX_PLAIN);
        } else {
            out_edit_delete(&gen->edits, n->start, n->end);
        }
        return;
    case JS_EXPORT_DEFAULT: export_default(gen, n, pro); return;
    default: walk(gen, n, CTX_PLAIN); return;
    }
}

/* ---- Checks ------------------------------------------------------------- */

/* import.meta: kept with format esm (the bundle's own, as esbuild does);
 * iife and cjs have none, so each module gets an empty object of its own
 * (__bale_meta, declared in its prologue), with a warning. */
static void import_meta(Gen *gen) {
    const JsRecord *r = gen->rec;
    if (gen->o->format == BALE_FORMAT_ESM) return;
    static const char var[] = "__bale_meta";
    const char *format = gen->o->format == BALE_FORMAT_CJS ? "cjs" : "iife";
    for (uint32_t i = 0; i < r->import_meta.len; i++) {
        const JsRange *m = &r->import_meta.data[i];
        out_edit_replace(&gen->edits, m->start, m->end, var, sizeof var - 1);
        diag_add(gen->diags, DIAG_WARNING, DIAG_IMPORT_META, &gen->body->file, m->start, m->end,
                 "import.meta is empty with format %s (an object without properties); "
                 "use --format=esm to keep it", format);
    }
}

static void strict_mode_error(Gen *gen, uint32_t start, uint32_t end, const char *what) {
    diag_add(gen->diags, DIAG_ERROR, DIAG_STRICT_MODE, &gen->body->file, start, end,
             "%s cannot be part of a bundle with format esm, which is strict mode code; "
             "use --format=cjs or --format=iife", what);
}

static void check(Gen *gen) {
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
    for (uint32_t i = 0; i < r->top_level_await.len; i++)
        not_implemented(gen, r->top_level_await.data[i].start, r->top_level_await.data[i].end, "top-level await");
    const JsScopes *s = &gen->body->scopes;
    for (uint32_t i = 0; i < s->symbols.len; i++) {
        const JsSymbol *y = &s->symbols.data[i];
        if (strict_bundle && (y->flags & JS_SYMF_ANNEX_B) && (y->reads || y->writes)) {
            strict_mode_error(gen, y->start, y->end, "a function declared in a block and used outside it");
            strict_bundle = false;
        }
        if (y->len >= 7 && !memcmp(y->name, "__bale_", 7)) {
            diag_add(gen->diags, DIAG_ERROR, DIAG_NOT_IMPLEMENTED, &gen->body->file, y->start, y->end,
                     "names starting with __bale_ are reserved for bale's output; renaming is not implemented yet");
            break;
        }
    }
}

/* ---- Modules ------------------------------------------------------------ */

static void gen_js(Gen *gen, VecChar *out) {
    const Module *m = gen->m;
    const ModuleBody *b = gen->body;
    gen->rec = &b->record;
    gen->src = b->file.text;
    gen->len = b->file.len;
    gen->esm = b->record.kind == JS_MODULE_ESM;
    check(gen);

    uint32_t ndeps = gen->rec->deps.len;
    gen->dep_of = ARENA_ZARRAY(gen->a, const Dependency *, ndeps + 1);
    for (uint32_t j = 0; j < m->ndeps; j++) {
        const Dependency *d = graph_dep(gen->g, m->first_dep + j);
        gen->dep_of[d->record_dep] = d;
    }
    uint32_t nsyms = b->scopes.symbols.len;
    gen->import_of = ARENA_ZARRAY(gen->a, uint32_t, nsyms + 1);
    for (uint32_t i = 0; i < gen->rec->imports.len; i++) {
        JsSymbolId local = gen->rec->imports.data[i].local;
        if (local) gen->import_of[local] = i + 1;
    }

    /* A hashbang cannot stay inside a function. */
    uint32_t p = gen->len >= 3 && !memcmp(gen->src, "\xEF\xBB\xBF", 3) ? 3 : 0;
    if (gen->len >= p + 2 && gen->src[p] == '#' && gen->src[p + 1] == '!') {
        uint32_t e = p;
        while (e < gen->len && gen->src[e] != '\n' && gen->src[e] != '\r') e++;
        out_edit_delete(&gen->edits, p, e);
    }

    calls(gen);
    VecChar pro = {0}, names = {0}, imports = {0};
    if (gen->esm) {
        export_getters(gen, &pro);
        import_meta(gen);
        if (gen->rec->import_meta.len && gen->o->format != BALE_FORMAT_ESM) out_puts(&pro, "var __bale_meta = {};\n");
        for (const JsNode *n = b->ast.program->a; n; n = n->next) module_item(gen, n, &names);
        import_vars(gen, &imports);
        out_append(&pro, names.data, names.len);
        out_append(&pro, imports.data, imports.len);
        VEC_FREE(&names);
        VEC_FREE(&imports);
        out_puts(out, "function (__bale_module, __bale_exports) {\n\"use strict\";\n");
    } else {
        walk_list(gen, b->ast.program->a);
        out_puts(out, "function (module, exports) {\n");
    }
    out_append(out, pro.data, pro.len);
    VEC_FREE(&pro);
    out_edits_apply(&gen->edits, gen->src, gen->len, out);
    out_puts(out, "\n}");
}

/* A JSON module's text as a string literal for JSON.parse, which makes
 * the value JSON.parse makes (a "__proto__" key is an own property, not
 * the object's prototype, as it would be in an object literal) and reads
 * any nesting depth, where a literal that deep overflows V8's parser.
 * Single quotes, so the JSON's own double quotes need no escape. */
static void out_json_text(VecChar *out, const char *s, uint32_t n) {
    VEC_PUSH(out, '\'');
    for (uint32_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\'' || c == '\\') {
            VEC_PUSH(out, '\\');
            VEC_PUSH(out, c);
        } else if (c == '\n') {
            out_append(out, "\\n", 2);
        } else if (c == '\r') {
            out_append(out, "\\r", 2);
        } else if (c == '<' && i + 7 < n && s[i + 1] == '/' && !strncasecmp(s + i + 2, "script", 6)) {
            out_append(out, "<\\", 2);
        } else {
            VEC_PUSH(out, c);
        }
    }
    VEC_PUSH(out, '\'');
}

void out_codegen_module(const ModuleGraph *g, const Link *link, ModuleId id, const BaleOptions *o, Arena *scratch,
                        OutModuleCode *out, DiagList *diags) {
    const Module *m = graph_module(g, id);
    memset(out, 0, sizeof *out);
    switch ((ModuleKind)m->kind) {
    case MODULE_EMPTY: out_puts(&out->text, "function () {}"); return;
    case MODULE_JSON: {
        const DiagFile *f = &m->body->file;
        uint32_t p = f->len >= 3 && !memcmp(f->text, "\xEF\xBB\xBF", 3) ? 3 : 0;
        out_puts(&out->text, "function (module) {\nmodule.exports = JSON.parse(");
        out_json_text(&out->text, f->text + p, f->len - p);
        out_puts(&out->text, ");\n}");
        return;
    }
    case MODULE_JS: break;
    }
    Gen gen = {.g = g, .link = link, .m = m, .id = id, .o = o, .body = m->body, .a = scratch, .diags = diags};
    gen_js(&gen, &out->text);
    out->runtime = gen.runtime;
    out_edits_free(&gen.edits);
    map_free(&gen.calls);
}
