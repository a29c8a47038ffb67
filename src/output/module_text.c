/* output/module_text.c: one module's code, by patching its source.
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

#include "base/hash.h"
#include "base/map.h"
#include "output/edits.h"
#include "output/input_map.h"
#include "output/minify.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct Gen {
    const ModuleGraph *g;
    const Link *link;           /* the link pass's result (borrowed) */
    const OutSplit *split;      /* --splitting: what an import() loads (borrowed) */
    const Module *m;
    ModuleId id;
    const BaleOptions *o;
    const ModuleBody *body;
    const JsRecord *rec;
    const OutPrep *prep;
    const char *src;
    uint32_t len;
    Arena *a;
    DiagList *diags;
    uint32_t runtime;
    const LinkModule *lm;       /* this module's link result */
    const Dependency **dep_of;  /* by JsDepId: the graph's dependency, or NULL */
    const char **var_of;        /* by JsDepId: import_var's answer, once made */
    bool top;                   /* writing the bundle's top level (an esm bundle's entry), not a wrapper */
    bool hoisted;               /* scope hoisting put the module in its chunk's top-level scope */
    OutSpans *spans;            /* with source maps: where the text's bytes come from */
    VecChar *pre;               /* hoisted: OutModuleCode.pre */
    VecChar *fn_names;          /* hoisted: OutModuleCode.fn_names */
    Map pre_vars;               /* hoisted: the exports objects pre declares already */
} Gen;

/* ---- Targets ----------------------------------------------------------- */

static bool dep_is_external(const Dependency *d) { return d && d->outcome == RESOLVE_EXTERNAL; }

static const char *finish(Gen *gen, VecChar *t) {
    const char *s = arena_strndup(gen->a, t->data ? t->data : "", t->len);
    VEC_FREE(t);
    return s;
}

/* "__bale_m" / "__bale_n" / "__bale_x" and n, as a string in the scratch arena. */
static const char *numbered(Gen *gen, char kind, uint32_t n) {
    VecChar t = {0};
    out_puts(&t, kind == 'm' ? "__bale_m" : kind == 'n' ? "__bale_n" : "__bale_x");
    out_u32(&t, n);
    return finish(gen, &t);
}

void out_external_name(const char *spec, uint32_t len, VecChar *out) {
    out_puts(out, "__bale_ext_");
    for (uint32_t i = 0; i < len && i < 24; i++) {
        char c = spec[i];
        bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        VEC_PUSH(out, word ? c : '_');
    }
    VEC_PUSH(out, '_');
    char hex[17];
    uint64_t h = hash_bytes(spec, len);
    for (int i = 0; i < 16; i++) hex[i] = "0123456789abcdef"[(h >> (60 - 4 * i)) & 15];
    out_append(out, hex, 16);
}

/* The variable holding what an import of dep sees: the target's exports
 * object (ES module) or its namespace (anything else), or NULL when the
 * dependency leads nowhere bale can follow.  Made once per dependency: a
 * module refers to its imports many times. */
static const char *import_var(Gen *gen, JsDepId dep) {
    if (gen->var_of[dep]) return gen->var_of[dep];
    const Dependency *d = gen->dep_of[dep];
    if (d && d->to && gen->hoisted && gen->body->node_esm && !graph_module_is_esm(gen->g, d->to))
        return gen->var_of[dep] = numbered(gen, 'n', d->to); /* Node's namespace of it, not __bale_ns__'s */
    if (d && d->to) return gen->var_of[dep] = numbered(gen, 'm', d->to);
    if (dep_is_external(d) && gen->o->format == BALE_FORMAT_ESM) {
        /* the bundle's own import * as of it (chunk_text.c) */
        const JsDep *jd = &gen->rec->deps.data[dep - 1];
        VecChar t = {0};
        out_external_name(jd->source, jd->source_len, &t);
        return gen->var_of[dep] = finish(gen, &t);
    }
    if (dep_is_external(d) && gen->hoisted) { /* one scope: a name of this module's own */
        VecChar t = {0};
        out_printf(&t, "__bale_x%u_%u", gen->id, d->request + 1);
        return gen->var_of[dep] = finish(gen, &t);
    }
    if (dep_is_external(d)) return gen->var_of[dep] = numbered(gen, 'x', d->request + 1);
    return NULL;
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

/* What a binding reads: where the link pass says it is declared (the
 * exports object of that module, or that namespace), else through the
 * dependency it was imported by, as written (name NULL: its namespace). */
/* The output's name of binding b when it is a top-level binding of a
 * hoisted module (seal/hoist.c), else NULL. */
static const char *hoisted_name(const Gen *gen, LinkBinding b) {
    uint64_t v;
    const LinkModule *km = b.kind == LINK_LOCAL && b.module ? link_module(gen->link, b.module) : NULL;
    if (!km || !km->hoisted || !map_get_u64(&gen->link->own, (uint64_t)b.module << 32 | b.name, &v)) return NULL;
    const OutPrep *p = &graph_module(gen->g, b.module)->body->prep;
    const JsExport *e = &graph_module(gen->g, b.module)->body->record.exports.data[v - 1];
    if (e->kind == JS_EXPORT_DEFAULT_EXPR) return km->default_name;
    if (e->kind != JS_EXPORT_LOCAL || !e->local || e->local > p->nsyms || !p->sym_top[e->local]) return NULL;
    return km->top_names[p->sym_top[e->local] - 1];
}

/* var __bale_mK = __bale_esm__(K); in a hoisted module's pre, once. */
static void pre_exports_var(Gen *gen, ModuleId k) {
    if (!map_put_u64(&gen->pre_vars, k, 1)) return;
    out_printf(gen->pre, "var __bale_m%u = __bale_esm__(%u);\n", k, k);
}

static void read_expr(Gen *gen, VecChar *t, LinkBinding b, JsDepId dep, const char *name, uint32_t len) {
    ModuleId k = link_read_module(gen->link, gen->g, b);
    const char *direct = hoisted_name(gen, b);
    if (direct) {
        out_puts(t, direct);
        return;
    }
    if (k && gen->hoisted) pre_exports_var(gen, k);
    if (k) {
        const char *var = numbered(gen, 'm', k);
        if (b.kind == LINK_NAMESPACE) {
            out_puts(t, var);
        } else {
            const LinkName *n = link_name(gen->link, b.name);
            member(t, var, n->str, n->len);
        }
        return;
    }
    const char *var = import_var(gen, dep);
    if (!var) out_puts(t, "void 0");
    else if (!name) out_puts(t, var);
    else member(t, var, name, len);
}

/* What import i of the record reads. */
static void import_expr(Gen *gen, VecChar *t, uint32_t i) {
    const JsImport *im = &gen->rec->imports.data[i];
    read_expr(gen, t, gen->lm->imports[i], im->dep, im->kind == JS_IMPORTED_NAMESPACE ? NULL : im->imported,
              im->imported_len);
}

/* The namespace this module sees of module `to`, which is not an ES
 * module (after `to` has run): as Node builds it (node: this module is an
 * ES module that Node runs as one; runtime.c's __bale_node_ns__), else by
 * the convention of bundlers for compiled ESM (__bale_ns__, __esModule). */
static void cjs_ns(Gen *gen, VecChar *t, ModuleId to, bool node) {
    if (!node) {
        out_printf(t, "__bale_ns__(__bale_require__(%u))", to);
        gen->runtime |= OUT_RT_NS;
        return;
    }
    const LinkModule *tl = link_module(gen->link, to);
    out_printf(t, "__bale_node_ns__(__bale_require__(%u), [", to);
    for (uint32_t i = 0, k = 0; i < tl->ncjs_names; i++) {
        if (tl->cjs_used && !tl->cjs_used[i]) continue; /* nothing reads it (seal/shake.c) */
        const LinkName *n = link_name(gen->link, tl->cjs_names[i]);
        if (k++) out_puts(t, ", ");
        out_js_string(t, n->str, n->len);
    }
    out_printf(t, "], __bale_module__(%u))", to);
    gen->runtime |= OUT_RT_NODE_NS;
}

/* What LOCAL export i of this module reads, for its getter. */
static void binding_expr(Gen *gen, VecChar *t, uint32_t i) {
    const OutExportLocal *l = &gen->prep->locals[i];
    JsSymbolId y = gen->rec->exports.data[i].local;
    if (l->import) import_expr(gen, t, l->import - 1);
    else if (gen->hoisted && y && y <= gen->prep->nsyms && gen->prep->sym_top[y])
        out_puts(t, gen->lm->top_names[gen->prep->sym_top[y] - 1]);
    else out_append(t, l->name, l->len);
}

/* The name the module's default export binding has in the output. */
static const char *default_name(const Gen *gen) { return gen->hoisted ? gen->lm->default_name : "__bale_default__"; }

static void not_implemented(Gen *gen, uint32_t start, uint32_t end, const char *what) {
    diag_add(gen->diags, DIAG_ERROR, DIAG_NOT_IMPLEMENTED, &gen->body->file, start, end,
             "%s is not implemented yet in bale's output", what);
}

/* ---- Holes: what names other modules ------------------------------------ */

/* A reference to an imported binding (prepare.c left it as a hole). */
static void fill_ref(Gen *gen, const OutEdit *h, VecChar *out) {
    const JsImport *im = &gen->rec->imports.data[h->arg];
    if (h->ctx == OUT_CTX_SHORTHAND) {
        out_append(out, gen->src + h->start, h->end - h->start);
        out_puts(out, ": ");
    }
    bool wrap = h->ctx == OUT_CTX_CALLEE && im->kind != JS_IMPORTED_NAMESPACE && !hoisted_name(gen, gen->lm->imports[h->arg]);
    if (wrap) out_puts(out, "(0, ");
    import_expr(gen, out, h->arg);
    if (wrap) VEC_PUSH(out, ')');
}

/* With format esm a bundle has no require of its own: on platform node it
 * makes one with createRequire(import.meta.url) (OUT_RT_NODE_REQUIRE),
 * which resolves from the bundle's own place as a require() of an
 * external would from the bundle in the other formats; elsewhere a
 * require() of an external module cannot work and is an error. */
static bool esm_require(Gen *gen, uint32_t start, uint32_t end) {
    if (gen->o->platform == BALE_PLATFORM_NODE) {
        gen->runtime |= OUT_RT_NODE_REQUIRE;
        return true;
    }
    diag_add(gen->diags, DIAG_ERROR, DIAG_NOT_IMPLEMENTED, &gen->body->file, start, end,
             "require() of an external module with format esm works only with --platform=node "
             "(where the bundle makes a require with createRequire)");
    return false;
}

static bool says_json(const Gen *gen, const JsDep *jd);

/* What require() (req) or import() of module `to` gives: for require the
 * value, for import the namespace, or for an async module the promise of
 * it.  False (and an error) for a require() of an async module. */
static bool call_value(Gen *gen, bool req, ModuleId to, uint32_t start, uint32_t end, VecChar *out) {
    gen->runtime |= OUT_RT_RETRY;
    bool async = link_module(gen->link, to)->async;
    if (async && req) {
        diag_add(gen->diags, DIAG_ERROR, DIAG_TOP_LEVEL_AWAIT, &gen->body->file, start, end,
                 "this require() leads to a module that uses top-level await (itself or through its "
                 "imports), which require() cannot wait for; use import()");
        return false;
    }
    if (async) {
        out_printf(out, "__bale_import__(%u)", to);
        gen->runtime |= OUT_RT_ASYNC;
    } else if (req && graph_module_is_esm(gen->g, to)) {
        out_printf(out, "__bale_cjs__(__bale_require__(%u))", to);
        gen->runtime |= OUT_RT_CJS;
    } else if (req || graph_module_is_esm(gen->g, to)) {
        out_printf(out, "__bale_require__(%u)", to);
    } else {
        cjs_ns(gen, out, to, gen->body->node_esm);
    }
    return true;
}

/* A context call, require("./lang/" + x) or import(`./l/${x}.mjs`): its
 * callee (the hole) becomes __bale_context_require__(map, from) or
 * __bale_context_import__(map, from) (runtime.c), which the call's own
 * arguments then call.  map has every name the make phase found for the
 * pattern (make/context.c) that leads to a module, in the order of the
 * names (the dependency's graph entries, consecutive: dep_of holds the
 * last), each to a function giving what require() or import() of its
 * module gives (call_value, as a static call); from is the importer's
 * path as the build shows it, for the error of a name not in map. */
static void fill_context(Gen *gen, const JsDep *jd, JsDepId id, VecChar *out) {
    bool req = jd->kind == JS_DEP_REQUIRE;
    out_puts(out, req ? "__bale_context_require__({" : "__bale_context_import__({");
    const Dependency *last = gen->dep_of[id];
    uint32_t n = 0;
    if (last) {
        const Dependency *d = last, *first = graph_dep(gen->g, gen->m->first_dep);
        while (d > first && d[-1].record_dep == id) d--;
        for (; d <= last; d++) {
            if (!d->to) continue; /* a name that leads to no module (context.c) or to an external */
            const char *key = gen->m->requests[d->request].source;
            out_puts(out, n++ ? ", " : " ");
            out_js_string(out, key, strlen(key));
            out_puts(out, ": () => ");
            if (!call_value(gen, req, d->to, jd->start, jd->end, out)) out_puts(out, "void 0");
        }
    }
    out_puts(out, n ? " }, " : "}, ");
    out_js_string(out, gen->body->file.path, strlen(gen->body->file.path));
    VEC_PUSH(out, ')');
    gen->runtime |= OUT_RT_RETRY | (req ? OUT_RT_CONTEXT_REQUIRE : OUT_RT_CONTEXT_IMPORT);
}

/* require("x") becomes __bale_require__(id), import("x") a promise of the
 * module's namespace; an external, or an optional request that did not
 * resolve, stays as written, for the runtime. */
static void fill_call(Gen *gen, const OutEdit *h, VecChar *out) {
    const JsDep *jd = &gen->rec->deps.data[h->arg - 1];
    if (jd->flags & JS_DEP_CONTEXT) {
        fill_context(gen, jd, h->arg, out);
        return;
    }
    const Dependency *d = gen->dep_of[h->arg];
    if (!d || !d->to) {
        if (dep_is_external(d) && gen->o->format == BALE_FORMAT_ESM && jd->kind == JS_DEP_REQUIRE &&
            gen->rec->kind == JS_MODULE_ESM && esm_require(gen, jd->start, jd->end)) {
            /* an ES module has no require of its own (a CommonJS module's is its wrapper's) */
            out_puts(out, "__bale_req__(");
            out_append(out, gen->src + jd->start, jd->end - jd->start);
            VEC_PUSH(out, ')');
            return;
        }
        out_append(out, gen->src + h->start, h->end - h->start);
        return;
    }
    bool req = jd->kind == JS_DEP_REQUIRE;
    if (!req && gen->body->node_esm && graph_module(gen->g, d->to)->kind == MODULE_JSON && !says_json(gen, jd)) {
        /* Node rejects it (the path as the build shows it, where Node has a URL) */
        out_puts(out, "Promise.reject(Object.assign(new TypeError(");
        VecChar msg = {0};
        out_puts(&msg, "Module \"");
        out_puts(&msg, graph_module(gen->g, d->to)->body->file.path);
        out_puts(&msg, "\" needs an import attribute of type \"json\"");
        out_js_string(out, msg.data, msg.len);
        VEC_FREE(&msg);
        out_puts(out, "), { code: \"ERR_IMPORT_ASSERTION_TYPE_MISSING\" }))");
        return;
    }
    bool later = !req && !link_module(gen->link, d->to)->async; /* import(): a promise, a tick later */
    /* --splitting: the chunks its group needs first (none: all are loaded by then) */
    const OutSplit *sp = gen->split;
    uint32_t group = !req && sp->group_of ? sp->group_of[d->to] : 0;
    uint32_t from = group ? sp->first[group] : 0, to = group ? sp->first[group + 1] : 0;
    if (from < to) {
        out_puts(out, "__bale_load__([");
        for (uint32_t k = from; k < to; k++) out_printf(out, k > from ? ", %u" : "%u", sp->loads[k]);
        out_puts(out, "]).then(() => ");
        gen->runtime |= OUT_RT_LOAD;
    } else if (later) {
        out_puts(out, "Promise.resolve().then(() => ");
    }
    if (!call_value(gen, req, d->to, jd->start, jd->end, out)) out_append(out, gen->src + h->start, h->end - h->start);
    if (later || from < to) VEC_PUSH(out, ')');
}

/* A part of a top-level for await (prepare.c's for_await): as written at
 * the bundle's own top level, else lowered for the generator. */
static void fill_for_await(Gen *gen, const OutEdit *h, VecChar *out) {
    if (gen->top) {
        out_append(out, gen->src + h->start, h->end - h->start);
        return;
    }
    uint32_t k = h->arg;
    switch ((OutForAwaitPart)(h->ctx & ~OUT_FOR_AWAIT_DECL)) {
    case OUT_FOR_AWAIT_OPEN: out_puts(out, "try { "); break;
    case OUT_FOR_AWAIT_HEAD: out_printf(out, "for (var __bale_fa%u = __bale_for_await__(", k); break;
    case OUT_FOR_AWAIT_CLOSE:
        out_printf(out, "), __bale_fs%u; !(__bale_fs%u = void 0, __bale_fs%u = (yield __bale_fa%u.next())).done; ) { ",
                   k, k, k, k);
        if (!(h->ctx & OUT_FOR_AWAIT_DECL)) VEC_PUSH(out, '(');
        out_append(out, h->text, h->len);
        out_printf(out, " = __bale_fs%u.value", k);
        out_puts(out, h->ctx & OUT_FOR_AWAIT_DECL ? "; " : "); ");
        break;
    case OUT_FOR_AWAIT_END:
        out_printf(out, " } } finally { if (__bale_fs%u && !__bale_fs%u.done && __bale_fa%u.return) "
                        "(yield __bale_fa%u.return()); }", k, k, k, k);
        break;
    case OUT_FOR_AWAIT_DECL: break;
    }
}

/* A top-level name of the module (prepare.c's OutNameCtx says what each
 * context writes). */
static void fill_name(Gen *gen, const OutEdit *h, VecChar *out) {
    bool dflt = h->arg == OUT_NAME_DEFAULT_TOP;
    const OutTop *t = dflt ? NULL : &gen->prep->tops[h->arg];
    const char *name = dflt ? default_name(gen) : gen->hoisted ? gen->lm->top_names[h->arg] : NULL;
    bool renamed = name && t && (strlen(name) != t->len || memcmp(name, t->name, t->len));
    switch ((OutNameCtx)h->ctx) {
    case OUT_NAME_PLAIN:
        if (name) out_puts(out, name);
        else out_append(out, t->name, t->len);
        break;
    case OUT_NAME_SHORTHAND:
        out_append(out, t->name, t->len);
        if (renamed) {
            out_puts(out, ": ");
            out_puts(out, name);
        }
        break;
    case OUT_NAME_CLASS_HEAD:
        if (renamed) out_printf(out, "let %s = ", name);
        break;
    case OUT_NAME_CLASS_TAIL:
        if (renamed) VEC_PUSH(out, ';');
        break;
    case OUT_NAME_VALUE_OPEN:
        if (renamed) {
            out_puts(out, "{ ");
            out_append(out, t->name, t->len);
            out_puts(out, ": ");
        }
        break;
    case OUT_NAME_VALUE_CLOSE:
        if (renamed) {
            out_puts(out, " }.");
            out_append(out, t->name, t->len);
        }
        break;
    case OUT_NAME_DEFAULT_HEAD: out_printf(out, "const %s = ", name); break;
    case OUT_NAME_DEFAULT_FN: out_printf(out, " %s", name); break;
    case OUT_NAME_DEFAULT_TAIL: out_printf(out, ";\n__bale_name__(%s, \"%s\", \"default\");", name, name); break;
    }
}

static void fill(void *ctx, const OutEdit *h, VecChar *out) {
    Gen *gen = ctx;
    switch ((OutHole)h->hole) {
    case OUT_HOLE_NAME: fill_name(gen, h, out); break;
    case OUT_HOLE_REF: fill_ref(gen, h, out); break;
    case OUT_HOLE_CALL: fill_call(gen, h, out); break;
    case OUT_HOLE_AWAIT: out_puts(out, gen->top ? "(await" : "(yield"); break;
    case OUT_HOLE_FOR_AWAIT: fill_for_await(gen, h, out); break;
    case OUT_HOLE_NONE: break;
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
    return out_utf16_cmp(a->name, a->len, b->name, b->len);
}

/* Whether an `export *` of this module is copied at run time: only into a
 * namespace something observes (link.h), and only when the link pass could
 * not list its names (star_static: they are getters already), or from a
 * module that is not an ES module, whose names only run time knows. */
static bool runtime_star(Gen *gen, const JsExport *e) {
    const LinkModule *lm = gen->lm;
    if (e->kind != JS_EXPORT_STAR || !lm->ns_needed || !import_var(gen, e->dep)) return false;
    ModuleId to = lm->dep_target[e->dep];
    return !(lm->star_static && to && graph_module_is_esm(gen->g, to));
}

static bool any_runtime_star(Gen *gen) {
    for (uint32_t i = 0; i < gen->rec->exports.len; i++)
        if (runtime_star(gen, &gen->rec->exports.data[i])) return true;
    return false;
}

/* Whether tree shaking kept the statement that declares export e (one of
 * this module's own bindings; anything else is kept). */
static bool export_kept(const Gen *gen, const JsExport *e) {
    const uint8_t *live = gen->lm->part_live;
    const OutPrep *p = gen->prep;
    if (!live) return true;
    if (e->kind == JS_EXPORT_DEFAULT_EXPR) {
        for (uint32_t i = 0; i < p->nparts; i++)
            if (p->parts[i].is_default) return live[i];
        return true;
    }
    if (e->kind != JS_EXPORT_LOCAL || !e->local || e->local > p->nsyms || !p->sym_part[e->local]) return true;
    return live[p->sym_part[e->local] - 1];
}

/* __bale_export__(id, { ...getters sorted by name... }); */
static void export_getters(Gen *gen, VecChar *pro) {
    const JsRecord *r = gen->rec;
    const LinkModule *lm = gen->lm;
    uint32_t nstatic = lm->star_static ? lm->nstar_names : 0;
    Getter *gs = ARENA_ARRAY(gen->a, Getter, r->exports.len + nstatic + 1);
    uint32_t n = 0;
    for (uint32_t i = 0; i < r->exports.len; i++) {
        const JsExport *e = &r->exports.data[i];
        VecChar t = {0};
        if (!export_kept(gen, e)) continue; /* tree shaking dropped its statement: nothing reads it */
        switch ((JsExportKind)e->kind) {
        case JS_EXPORT_LOCAL: binding_expr(gen, &t, i); break;
        case JS_EXPORT_DEFAULT_EXPR: out_puts(&t, default_name(gen)); break;
        case JS_EXPORT_REEXPORT: read_expr(gen, &t, gen->lm->exports[i], e->dep, e->imported, e->imported_len); break;
        case JS_EXPORT_STAR_AS: read_expr(gen, &t, gen->lm->exports[i], e->dep, NULL, 0); break;
        case JS_EXPORT_STAR: VEC_FREE(&t); continue;
        }
        gs[n++] = (Getter){e->exported, e->exported_len, finish(gen, &t)};
    }
    /* The names its `export *` give, when the link pass knows them all:
     * getters of its own, read where each is declared. */
    for (uint32_t i = 0; i < nstatic; i++) {
        VecChar t = {0};
        read_expr(gen, &t, lm->star_bindings[i], 0, NULL, 0);
        const LinkName *name = link_name(gen->link, lm->star_names[i]);
        gs[n++] = (Getter){name->str, name->len, finish(gen, &t)};
    }
    qsort(gs, n, sizeof *gs, by_name);
    out_printf(pro, "__bale_export__(%u, {", gen->id);
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
    out_puts(pro, any_runtime_star(gen) ? ", true);\n" : ");\n");
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

/* Node imports a JSON file into an ES module only when the import says
 * with { type: "json" } (ERR_IMPORT_ASSERTION_TYPE_MISSING before anything
 * runs), so an import of one without it is an error in an ES module that
 * Node runs as one; other modules follow bundlers, which need none. */
static bool says_json(const Gen *gen, const JsDep *jd) {
    for (uint32_t k = 0; k < jd->nattrs; k++) {
        const JsAttr *at = &gen->rec->attrs.data[jd->first_attr + k];
        if (at->key_len == 4 && !memcmp(at->key, "type", 4) && at->value_len == 4 && !memcmp(at->value, "json", 4)) return true;
    }
    return false;
}

static void json_attribute(Gen *gen, const JsDep *jd) {
    if (!gen->body->node_esm || says_json(gen, jd)) return;
    diag_add(gen->diags, DIAG_ERROR, DIAG_IMPORT_ATTRIBUTE, &gen->body->file, jd->start, jd->end,
             "a JSON module needs an import attribute of type \"json\" in an ES module that Node runs as one "
             "(.mjs, or \"type\": \"module\"): write `with { type: \"json\" }`");
}

/* Every import and export-from, in source order: first the exports
 * objects of the ES modules among them (linked before anything runs), then
 * each one required in order (non-ES modules seen through __bale_ns__).
 * A hoisted module declares the exports objects in its chunk's pre, and
 * requires nothing: its chunk's program runs each module in its place;
 * what it reads of CommonJS modules (run by then) starts its code. */
static void import_vars(Gen *gen, VecChar *pro) {
    VecChar *body = pro;
    if (gen->hoisted) pro = gen->pre;
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
        if (d && d->to && graph_module(gen->g, d->to)->kind == MODULE_JSON) json_attribute(gen, jd);
        if (!map_put_str(&done, var, strlen(var), 1)) continue;
        if (dep_is_external(d)) {
            if (gen->o->format == BALE_FORMAT_ESM) continue; /* the bundle imports it (chunk_text.c) */
            bool node = gen->body->node_esm;
            out_printf(&run, "var %s = %s(require(", var, node ? "__bale_node_ns__" : "__bale_ns__");
            out_append(&run, gen->src + jd->start, jd->end - jd->start);
            out_puts(&run, node ? "), null, null);\n" : "));\n");
            gen->runtime |= node ? OUT_RT_NODE_NS : OUT_RT_NS;
        } else if (graph_module_is_esm(gen->g, d->to)) {
            if (link_module(gen->link, d->to)->shake == LINK_SHAKE_DROPPED) continue; /* nothing of it runs */
            if (gen->hoisted) {
                if (!link_module(gen->link, d->to)->hoisted) pre_exports_var(gen, d->to);
                continue;
            }
            out_printf(pro, "var %s = __bale_esm__(%u);\n", var, d->to);
            if (!gen->lm->async) out_printf(&run, "__bale_require__(%u);\n", d->to);
        } else {
            out_printf(&run, "var %s = ", var);
            cjs_ns(gen, &run, d->to, gen->body->node_esm);
            out_puts(&run, ";\n");
        }
    }
    /* The exports objects of the modules its bindings are read from (the
     * link pass's answers), which it may not import itself. */
    const LinkModule *lm = gen->lm;
    for (uint32_t i = 0, n = link_binding_count(lm, r); i < n; i++) {
        LinkBinding b = link_binding_at(lm, r, i);
        ModuleId k = link_read_module(gen->link, gen->g, b);
        if (!k) continue;
        if (gen->hoisted) {
            if (!hoisted_name(gen, b) && !(b.kind == LINK_LOCAL && link_module(gen->link, k)->hoisted)) pre_exports_var(gen, k);
            continue;
        }
        const char *var = numbered(gen, 'm', k);
        if (!map_put_str(&done, var, strlen(var), 1)) continue;
        out_printf(pro, "var %s = __bale_esm__(%u);\n", var, k);
        /* Tree shaking may have left out the module it imports k through
         * (k has no side effects, nor the module between: no order to
         * keep), so k is required here, before it is read. */
        if (!gen->o->no_tree_shaking && !gen->lm->async && !link_module(gen->link, k)->async)
            out_printf(&run, "__bale_require__(%u);\n", k);
    }
    /* An async module's dependencies are run by the runtime (its entry in
     * the table lists them) between its link and its body. */
    if (gen->lm->async && gen->top)
        out_printf(pro, "var __bale_wait = __bale_enter__(%u);\nif (__bale_wait) await __bale_wait;\n", gen->id);
    else if (gen->lm->async) out_puts(pro, "yield;\n");
    out_append(body, run.data, run.len);
    VEC_FREE(&run);
    map_free(&done);
    pro = body;
    /* The `export *` only run time can copy (runtime_star), in one call
     * that then orders and closes the namespace. */
    uint32_t nstars = 0;
    for (uint32_t i = 0; i < r->exports.len; i++) {
        const JsExport *e = &r->exports.data[i];
        if (!runtime_star(gen, e)) continue;
        ModuleId to = gen->lm->dep_target[e->dep];
        if (gen->hoisted && to && graph_module_is_esm(gen->g, to)) pre_exports_var(gen, to); /* its namespace */
        if (nstars++) out_puts(pro, ", ");
        else out_printf(pro, "__bale_reexport__(%u, [", gen->id);
        out_puts(pro, import_var(gen, e->dep));
    }
    if (!nstars) return;
    const char *skip = ambiguous_names(gen);
    out_puts(pro, "]");
    if (skip) out_puts(pro, skip);
    out_puts(pro, ");\n");
    gen->runtime |= OUT_RT_REEXPORT;
}

/* ---- Modules ------------------------------------------------------------ */

/* Whether tree shaking kept the module's `export default` statement. */
static bool default_kept(const Gen *gen) {
    const JsExport e = {.kind = JS_EXPORT_DEFAULT_EXPR};
    return export_kept(gen, &e);
}

/* An async module's entry in the module table is
 *   [function* (module, exports) { link; yield; body }, [ids it imports, in order], 1 if it awaits]
 * which runtime.c evaluates as Node does: async_entry writes the "[",
 * async_tail what follows the function. */
static void async_entry(Gen *gen, VecChar *out) {
    VEC_PUSH(out, '[');
    gen->runtime |= OUT_RT_ASYNC;
}

static void async_tail(Gen *gen, VecChar *out, bool awaits) {
    const JsRecord *r = gen->rec;
    Map seen = {0};
    out_puts(out, ", [");
    uint32_t n = 0;
    for (uint32_t i = 0; i < r->deps.len; i++) {
        const JsDep *jd = &r->deps.data[i];
        const Dependency *d = gen->dep_of[i + 1];
        if ((jd->kind != JS_DEP_IMPORT && jd->kind != JS_DEP_EXPORT_FROM) || !d || !d->to) continue;
        if (!map_put_u64(&seen, d->to, 1)) continue;
        out_printf(out, n++ ? ", %u" : "%u", d->to);
    }
    map_free(&seen);
    out_puts(out, awaits ? "], 1]" : "], 0]");
}

/* The ranges tree shaking cuts, in order: each dropped statement; of a
 * declaration split into declarators, the whole statement when none is
 * kept, else each dropped declarator with the comma that joins it to the
 * kept ones (the one before it, or after it when no kept one precedes). */
static uint32_t part_cuts(const OutPrep *p, const uint8_t *live, OutCut *cuts) {
    uint32_t n = 0;
    for (uint32_t i = 0; i < p->nparts;) {
        const OutPart *q = &p->parts[i];
        uint32_t j = i + 1;
        while (q->split && j < p->nparts && p->parts[j].split && p->parts[j].stmt_start == q->stmt_start) j++;
        bool any = false;
        for (uint32_t k = i; k < j; k++) any |= live[k];
        if (!any) {
            cuts[n++] = (OutCut){q->stmt_start, q->stmt_end};
        } else {
            bool before = false;
            for (uint32_t k = i; k < j; k++) {
                if (live[k]) before = true;
                else if (before) cuts[n++] = (OutCut){p->parts[k - 1].end, p->parts[k].end};
                else cuts[n++] = (OutCut){p->parts[k].start, p->parts[k + 1].start};
            }
        }
        i = j;
    }
    return n;
}

/* An anonymous `export default function` is named "default" (it is
 * hoisted, so this comes before any code). */
static void name_default_fn(Gen *gen, VecChar *out) {
    const char *n = default_name(gen);
    out_printf(out, "__bale_name__(%s, \"%s\", \"default\");\n", n, n);
    gen->runtime |= OUT_RT_NAME;
}

/* The function declarations scope hoisting renamed get their source's
 * name back, before any code runs (they are hoisted): name and source
 * name pairs, for the chunk's one __bale_names__ call (chunk_text.c). */
static void renamed_functions(Gen *gen, VecChar *out) {
    const OutPrep *p = gen->prep;
    const uint8_t *live = gen->lm->part_live;
    for (uint32_t i = 0; i < p->ntops; i++) {
        const OutTop *t = &p->tops[i];
        const char *name = gen->lm->top_names[i];
        if (t->kind != JS_SYM_FUNCTION || (strlen(name) == t->len && !memcmp(name, t->name, t->len))) continue;
        uint32_t part = t->sym <= p->nsyms ? p->sym_part[t->sym] : 0;
        if (live && part && !live[part - 1]) continue; /* tree shaking dropped it */
        if (out->len) out_puts(out, ", ");
        out_printf(out, "%s, ", name);
        out_js_string(out, t->name, t->len);
        gen->runtime |= OUT_RT_NAMES;
    }
}

static void gen_js(Gen *gen, VecChar *out) {
    const Module *m = gen->m;
    const ModuleBody *b = gen->body;
    gen->rec = &b->record;
    gen->prep = &b->prep;
    gen->src = b->file.text;
    gen->len = b->file.len;
    gen->runtime = b->prep.runtime;
    gen->lm = link_module(gen->link, gen->id);
    gen->dep_of = ARENA_ZARRAY(gen->a, const Dependency *, gen->rec->deps.len + 1);
    gen->var_of = ARENA_ZARRAY(gen->a, const char *, gen->rec->deps.len + 1);
    for (uint32_t j = 0; j < m->ndeps; j++) {
        const Dependency *d = graph_dep(gen->g, m->first_dep + j);
        gen->dep_of[d->record_dep] = d;
    }
    if (gen->rec->kind == JS_MODULE_ESM && gen->hoisted) {
        /* its chunk's top level: what must exist before anything runs goes
         * to pre (chunk_text.c writes every hoisted module's first) */
        if (gen->lm->hoist_ns || any_runtime_star(gen)) export_getters(gen, gen->pre);
        if (default_kept(gen) && b->prep.name_default) name_default_fn(gen, gen->pre);
        renamed_functions(gen, gen->fn_names);
        import_vars(gen, out);
    } else if (gen->rec->kind == JS_MODULE_ESM) {
        VecChar pro = {0};
        export_getters(gen, &pro);
        if (gen->rec->import_meta.len && gen->o->format != BALE_FORMAT_ESM) out_puts(&pro, "var __bale_meta = {};\n");
        if (default_kept(gen) && b->prep.name_default) name_default_fn(gen, &pro);
        import_vars(gen, &pro);
        if (gen->top) {
            /* the bundle's own top level: the module is already started
             * for anything that requires it in a cycle (async: it is its
             * table entry, a stub, which the evaluation runs first) */
            out_printf(out, "var __bale_module = __bale_module__(%u);\n", gen->id);
            if (!gen->lm->async) out_printf(out, "__bale_started__[%u] = true;\n", gen->id);
            else gen->runtime |= OUT_RT_ASYNC;
        } else {
            if (gen->lm->async) async_entry(gen, out);
            out_puts(out, gen->lm->async ? "function* " : "function ");
            out_puts(out, "(__bale_module, __bale_exports) {\n\"use strict\";\n");
        }
        out_append(out, pro.data, pro.len);
        VEC_FREE(&pro);
    } else if (gen->o->format == BALE_FORMAT_ESM) {
        /* the bundle's require (esm_require), for require() calls of
         * externals and whatever else the module does with require */
        out_puts(out, "function (module, exports, require, __filename, __dirname) {\n");
        if (gen->o->platform == BALE_PLATFORM_NODE) gen->runtime |= OUT_RT_NODE_REQUIRE;
        else
            for (uint32_t j = 0; j < m->ndeps; j++) {
                const Dependency *d = graph_dep(gen->g, m->first_dep + j);
                const JsDep *jd = &gen->rec->deps.data[d->record_dep - 1];
                if (dep_is_external(d) && jd->kind == JS_DEP_REQUIRE) esm_require(gen, jd->start, jd->end);
            }
    } else {
        out_puts(out, "function (module, exports) {\n");
    }
    if (gen->rec->kind != JS_MODULE_ESM && b->prep.own_require) {
        out_puts(out, "var require = __bale_module_require__(module);\n");
        gen->runtime |= OUT_RT_MODULE_REQUIRE;
    }
    /* the statements tree shaking dropped (seal/shake.c) */
    const uint8_t *live = gen->lm->part_live;
    OutCut *cuts = NULL;
    uint32_t ncuts = 0;
    if (gen->hoisted && gen->lm->default_aliased && live) {
        /* export default x is x itself (seal/hoist.c): the statement goes */
        uint8_t *l = ARENA_ARRAY(gen->a, uint8_t, b->prep.nparts + 1);
        memcpy(l, live, b->prep.nparts);
        for (uint32_t i = 0; i < b->prep.nparts; i++)
            if (b->prep.parts[i].is_default) l[i] = 0;
        live = l;
    }
    if (live && (gen->rec->kind == JS_MODULE_ESM || b->prep.cjs_granular)) {
        cuts = ARENA_ARRAY(gen->a, OutCut, b->prep.nparts + 1);
        ncuts = part_cuts(&b->prep, live, cuts);
    }
    if (!out_edits_write_cut(b->prep.edits, b->prep.nedits, cuts, ncuts, gen->src, gen->len, out, fill, gen, gen->spans))
        diag_add(gen->diags, DIAG_ERROR, DIAG_INTERNAL, &b->file, 0, 0,
                 "bale made two edits of this module that overlap (a bug in bale, please report it): "
                 "the bundle is not written");
    out_puts(out, gen->top || gen->hoisted ? "\n" : "\n}");
    if (gen->rec->kind == JS_MODULE_ESM && gen->lm->async && !gen->top) async_tail(gen, out, gen->rec->top_level_await.len);
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

/* The `export { ... }` of an esm bundle whose entry is this module (at the
 * top level): its own bindings are the bundle's, so they stay live; what
 * it re-exports from other modules (which are functions in the table) is
 * read once its evaluation is done. */
static void entry_exports(Gen *gen, VecChar *out) {
    const JsRecord *r = gen->rec;
    const LinkModule *lm = gen->lm;
    VecChar list = {0};
    uint32_t n = 0, snap = 0, nstatic = lm->star_static ? lm->nstar_names : 0;
    /* The names an `export *` of CommonJS gives (Node's lexer's, for an
     * entry Node runs as an ES module), after the others, once each: read
     * from the entry's namespace, which has them at run time. */
    Map named = {0};
    VecU32 cjs = {0};
    for (uint32_t i = 0; i < r->exports.len; i++)
        if (r->exports.data[i].kind != JS_EXPORT_STAR)
            map_put_str(&named, r->exports.data[i].exported, r->exports.data[i].exported_len, 1);
    for (uint32_t i = 0; i < nstatic; i++) {
        const LinkName *ln = link_name(gen->link, lm->star_names[i]);
        map_put_str(&named, ln->str, ln->len, 1);
    }
    for (uint32_t i = 0; i < lm->nambiguous; i++) {
        const LinkName *ln = link_name(gen->link, lm->ambiguous[i]);
        map_put_str(&named, ln->str, ln->len, 1);
    }
    for (uint32_t i = 0; i < r->exports.len; i++) {
        const JsExport *e = &r->exports.data[i];
        ModuleId to = e->kind == JS_EXPORT_STAR ? lm->dep_target[e->dep] : 0;
        if (!to || graph_module_is_esm(gen->g, to)) continue;
        const LinkModule *tl = link_module(gen->link, to);
        if (!gen->body->node_esm || !tl->cjs_done) {
            not_implemented(gen, e->start, e->end,
                            "export * of CommonJS from the entry of an esm bundle, in a module Node would not run "
                            "as an ES module (its names are known only at run time),");
            continue;
        }
        for (uint32_t j = 0; j < tl->ncjs_names; j++) {
            const LinkName *ln = link_name(gen->link, tl->cjs_names[j]);
            if (map_put_str(&named, ln->str, ln->len, 1)) VEC_PUSH(&cjs, tl->cjs_names[j]);
        }
    }
    map_free(&named);
    for (uint32_t i = 0; i < r->exports.len + nstatic + cjs.len; i++) {
        const JsExport *e = i < r->exports.len ? &r->exports.data[i] : NULL;
        const char *name, *local = NULL;
        uint32_t len, local_len = 0;
        VecChar t = {0};
        if (!e && i >= r->exports.len + nstatic) {
            const LinkName *ln = link_name(gen->link, cjs.data[i - r->exports.len - nstatic]);
            name = ln->str, len = ln->len;
            VecChar ns = {0};
            if (gen->hoisted) out_printf(&ns, "__bale_esm__(%u)", gen->id);
            else out_puts(&ns, "__bale_module.exports");
            VEC_PUSH(&ns, 0);
            member(&t, ns.data, ln->str, ln->len);
            VEC_FREE(&ns);
        } else if (!e) {
            const LinkName *ln = link_name(gen->link, lm->star_names[i - r->exports.len]);
            name = ln->str, len = ln->len;
            if ((local = hoisted_name(gen, lm->star_bindings[i - r->exports.len]))) local_len = strlen(local);
            else read_expr(gen, &t, lm->star_bindings[i - r->exports.len], 0, NULL, 0);
        } else {
            name = e->exported, len = e->exported_len;
            /* a binding of a hoisted module: its own name, so the export stays live */
            const char *direct = e->kind == JS_EXPORT_LOCAL && gen->prep->locals[i].import
                                     ? hoisted_name(gen, lm->imports[gen->prep->locals[i].import - 1])
                                 : e->kind == JS_EXPORT_REEXPORT ? hoisted_name(gen, lm->exports[i])
                                                                 : NULL;
            if (direct) {
                local = direct, local_len = strlen(direct);
            } else switch ((JsExportKind)e->kind) {
            case JS_EXPORT_LOCAL:
                if (gen->prep->locals[i].import) binding_expr(gen, &t, i);
                else if (gen->hoisted) binding_expr(gen, &t, i), local = t.data, local_len = t.len;
                else local = gen->prep->locals[i].name, local_len = gen->prep->locals[i].len;
                break;
            case JS_EXPORT_DEFAULT_EXPR: local = default_name(gen), local_len = strlen(local); break;
            case JS_EXPORT_REEXPORT: read_expr(gen, &t, lm->exports[i], e->dep, e->imported, e->imported_len); break;
            case JS_EXPORT_STAR_AS: read_expr(gen, &t, lm->exports[i], e->dep, NULL, 0); break;
            case JS_EXPORT_STAR:
                if (!lm->star_static)
                    not_implemented(gen, e->start, e->end, "export * of a module whose stars lead to CommonJS, from the entry of an esm bundle,");
                continue;
            }
        }
        out_puts(&list, n++ ? ", " : "export { ");
        if (local) {
            out_append(&list, local, local_len);
        } else {
            out_printf(out, "var __bale_e%u = ", snap);
            out_append(out, t.data, t.len);
            out_puts(out, ";\n");
            out_printf(&list, "__bale_e%u", snap++);
        }
        bool same = local && local_len == len && !memcmp(local, name, len); /* export { a } */
        VEC_FREE(&t);
        if (same) continue;
        out_puts(&list, " as ");
        if (out_is_ident(name, len)) out_append(&list, name, len);
        else out_js_string(&list, name, len);
    }
    if (n) {
        out_append(out, list.data, list.len);
        out_puts(out, " };\n");
    }
    VEC_FREE(&list);
    VEC_FREE(&cjs);
}

/* A module tree shaking left only its imports of (seal/shake.c): it
 * requires, in source order, each module it imports that runs. */
static void run_only(const ModuleGraph *g, const Link *link, const Module *m, VecChar *out) {
    Map seen = {0};
    out_puts(out, "function () {\n");
    for (uint32_t j = 0; j < m->ndeps; j++) {
        const Dependency *d = graph_dep(g, m->first_dep + j);
        if (!d->to || (d->kind != JS_DEP_IMPORT && d->kind != JS_DEP_EXPORT_FROM)) continue;
        if (link_module(link, d->to)->shake == LINK_SHAKE_DROPPED || !map_put_u64(&seen, d->to, 1)) continue;
        out_printf(out, "__bale_require__(%u);\n", d->to);
    }
    out_puts(out, "}");
    map_free(&seen);
}

/* With source maps: the segments of text, whose spans gen_js noted (then
 * cleared for the next text). */
static void map_text(Gen *gen, const VecChar *text, OutMapSegs *segs, OutMapNames *names) {
    if (!gen->spans) return;
    /* the minifier's reprint needs only each copied line's start, unless
     * the module's own map must look up every token */
    bool fine = !out_minifying(gen->o) || gen->body->input_map;
    out_map_segments(text->data, text->len, gen->src, gen->len, gen->spans->data, gen->spans->len, fine, segs, names);
    VEC_CLEAR(gen->spans);
    const OutInputMap *im = gen->body->input_map;
    for (uint32_t i = 0; im && i < segs->len; i++) { /* on through the module's own map */
        OutMapSeg *s = &segs->data[i];
        uint32_t src, line, col;
        if (out_input_map_find(im, s->src_line, s->src_col, &src, &line, &col))
            s->source = src + 1, s->src_line = line, s->src_col = col;
        else s->source = OUT_MAP_NONE;
    }
}

void out_codegen_module(const ModuleGraph *g, const Link *link, const OutSplit *split, ModuleId id,
                        const BaleOptions *o, Arena *scratch, OutModuleCode *out, DiagList *diags) {
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
    Gen gen = {.g = g, .link = link, .split = split, .m = m, .id = id, .o = o, .body = m->body, .a = scratch, .diags = diags,
               .hoisted = link_module(link, id)->hoisted, .pre = &out->pre, .fn_names = &out->fn_names};
    if (link_module(link, id)->shake == LINK_SHAKE_RUN_ONLY) {
        /* hoisted: its chunk's program runs what it imports */
        if (!gen.hoisted) run_only(g, link, m, &out->text);
        return;
    }
    OutSpans spans = {0};
    if (o->sourcemap != BALE_SOURCEMAP_NONE) gen.spans = &spans;
    gen_js(&gen, &out->text);
    map_text(&gen, &out->text, &out->text_map, &out->map_names);
    out->async = m->body->record.kind == JS_MODULE_ESM && gen.lm->async;
    if (gen.hoisted) {
        /* an esm bundle's hoisted entry: its exports are the bundle's, live */
        if (o->format == BALE_FORMAT_ESM && gen.lm->entry) entry_exports(&gen, &out->tail);
        map_free(&gen.pre_vars);
        out->runtime = gen.runtime;
        VEC_FREE(&spans);
        return;
    }
    if (o->format == BALE_FORMAT_ESM && m->body->record.kind == JS_MODULE_ESM && link_module(link, id)->entry) {
        /* an esm bundle's entry also runs as the bundle itself, so that its
         * exports are the bundle's bindings (chunk_text.c) */
        DiagList quiet;
        diag_init(&quiet);
        gen.top = true;
        gen.diags = &quiet;
        gen_js(&gen, &out->top);
        map_text(&gen, &out->top, &out->top_map, &out->map_names);
        gen.diags = diags;
        entry_exports(&gen, &out->top);
        if (out->async) {
            out_puts(&out->stub, "[function* () { yield; }");
            async_tail(&gen, &out->stub, false);
        }
        diag_free(&quiet);
    }
    if (o->format == BALE_FORMAT_ESM && m->body->record.kind != JS_MODULE_ESM && link_module(link, id)->entry) {
        /* Node's import of a CommonJS entry: default and its lexer's names */
        VecChar *t = &out->tail;
        out_puts(t, "var __bale_entry__ = ");
        cjs_ns(&gen, t, id, true);
        out_puts(t, ";\n");
        const LinkModule *lm = link_module(link, id);
        VecChar list = {0};
        out_puts(&list, "export { __bale_entry__default as default");
        out_puts(t, "var __bale_entry__default = __bale_entry__[\"default\"]");
        for (uint32_t i = 0; i < lm->ncjs_names; i++) {
            const LinkName *n = link_name(link, lm->cjs_names[i]);
            out_printf(t, ", __bale_e%u = __bale_entry__[", i);
            out_js_string(t, n->str, n->len);
            VEC_PUSH(t, ']');
            out_printf(&list, ", __bale_e%u as ", i);
            if (out_is_ident(n->str, n->len)) out_append(&list, n->str, n->len);
            else out_js_string(&list, n->str, n->len);
        }
        out_puts(t, ";\n");
        out_append(t, list.data, list.len);
        out_puts(t, " };\n");
        VEC_FREE(&list);
    }
    out->runtime = gen.runtime;
    VEC_FREE(&spans);
}
