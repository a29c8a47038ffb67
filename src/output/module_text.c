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

#include "base/map.h"
#include "output/edits.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct Gen {
    const ModuleGraph *g;
    const Link *link;           /* the link pass's result (borrowed) */
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
} Gen;

/* ---- Targets ----------------------------------------------------------- */

static bool module_is_esm(const ModuleGraph *g, ModuleId id) {
    const Module *t = graph_module(g, id);
    return t->kind == MODULE_JS && t->body && t->body->record.kind == JS_MODULE_ESM;
}

static bool dep_is_external(const Dependency *d) { return d && d->outcome == RESOLVE_EXTERNAL; }

static const char *finish(Gen *gen, VecChar *t) {
    const char *s = arena_strndup(gen->a, t->data ? t->data : "", t->len);
    VEC_FREE(t);
    return s;
}

/* "__bale_m" / "__bale_x" and n, as a string in the scratch arena. */
static const char *numbered(Gen *gen, char kind, uint32_t n) {
    VecChar t = {0};
    out_puts(&t, kind == 'm' ? "__bale_m" : "__bale_x");
    out_u32(&t, n);
    return finish(gen, &t);
}

/* The variable holding what an import of dep sees: the target's exports
 * object (ES module) or its namespace (anything else), or NULL when the
 * dependency leads nowhere bale can follow.  Made once per dependency: a
 * module refers to its imports many times. */
static const char *import_var(Gen *gen, JsDepId dep) {
    if (gen->var_of[dep]) return gen->var_of[dep];
    const Dependency *d = gen->dep_of[dep];
    if (d && d->to) return gen->var_of[dep] = numbered(gen, 'm', d->to);
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
static void read_expr(Gen *gen, VecChar *t, LinkBinding b, JsDepId dep, const char *name, uint32_t len) {
    ModuleId k = link_read_module(gen->link, gen->g, b);
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

/* What LOCAL export i of this module reads, for its getter. */
static void binding_expr(Gen *gen, VecChar *t, uint32_t i) {
    const OutExportLocal *l = &gen->prep->locals[i];
    if (l->import) import_expr(gen, t, l->import - 1);
    else out_append(t, l->name, l->len);
}

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
    bool wrap = h->ctx == OUT_CTX_CALLEE && im->kind != JS_IMPORTED_NAMESPACE;
    if (wrap) out_puts(out, "(0, ");
    import_expr(gen, out, h->arg);
    if (wrap) VEC_PUSH(out, ')');
}

/* A context call, require("./lang/" + x) or import(`./l/${x}.mjs`): its
 * callee (the hole) becomes __bale_context_require__(map, from) or
 * __bale_context_import__(map, from) (runtime.c), which the call's own
 * arguments then call.  map has every name the make phase found for the
 * pattern (make/context.c) that leads to a module, in the order of the
 * names (the dependency's graph entries, consecutive: dep_of holds the
 * last), each to its module id (import(): minus the id of a module that
 * is not an ES module, seen through __bale_ns__); from is the importer's
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
            bool ns = !req && !module_is_esm(gen->g, d->to);
            out_puts(out, n++ ? ", " : " ");
            out_js_string(out, key, strlen(key));
            out_printf(out, ": %s%u", ns ? "-" : "", d->to);
            if (ns) gen->runtime |= OUT_RT_NS;
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
        if (dep_is_external(d) && gen->o->format == BALE_FORMAT_ESM && jd->kind == JS_DEP_REQUIRE)
            not_implemented(gen, jd->start, jd->end, "require() of an external module with format esm");
        out_append(out, gen->src + h->start, h->end - h->start);
        return;
    }
    gen->runtime |= OUT_RT_RETRY;
    if (jd->kind == JS_DEP_REQUIRE) {
        out_printf(out, "__bale_require__(%u)", d->to);
    } else if (module_is_esm(gen->g, d->to)) {
        out_printf(out, "Promise.resolve().then(() => __bale_require__(%u))", d->to);
    } else {
        out_printf(out, "Promise.resolve().then(() => __bale_ns__(__bale_require__(%u)))", d->to);
        gen->runtime |= OUT_RT_NS;
    }
}

static void fill(void *ctx, const OutEdit *h, VecChar *out) {
    if (h->hole == OUT_HOLE_REF) fill_ref(ctx, h, out);
    else fill_call(ctx, h, out);
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
    const LinkModule *lm = gen->lm;
    uint32_t nstatic = lm->star_static ? lm->nstar_names : 0;
    Getter *gs = ARENA_ARRAY(gen->a, Getter, r->exports.len + nstatic + 1);
    uint32_t n = 0;
    for (uint32_t i = 0; i < r->exports.len; i++) {
        const JsExport *e = &r->exports.data[i];
        VecChar t = {0};
        switch ((JsExportKind)e->kind) {
        case JS_EXPORT_LOCAL: binding_expr(gen, &t, i); break;
        case JS_EXPORT_DEFAULT_EXPR: out_puts(&t, "__bale_default__"); break;
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
    /* The exports objects of the modules its bindings are read from (the
     * link pass's answers), which it may not import itself. */
    const LinkModule *lm = gen->lm;
    uint32_t nstatic = lm->star_static ? lm->nstar_names : 0;
    for (uint32_t i = 0; i < r->imports.len + r->exports.len + nstatic; i++) {
        LinkBinding b = i < r->imports.len                 ? lm->imports[i]
                      : i < r->imports.len + r->exports.len ? lm->exports[i - r->imports.len]
                                                            : lm->star_bindings[i - r->imports.len - r->exports.len];
        ModuleId k = link_read_module(gen->link, gen->g, b);
        if (!k) continue;
        const char *var = numbered(gen, 'm', k);
        if (map_put_str(&done, var, strlen(var), 1)) out_printf(pro, "var %s = __bale_module__(%u).exports;\n", var, k);
    }
    out_append(pro, run.data, run.len);
    VEC_FREE(&run);
    map_free(&done);
    /* An `export *` is copied at run time only into a namespace something
     * observes (link.h), and only when the link pass could not list its
     * names (star_static: they are getters already), or from a module that
     * is not an ES module, whose names only run time knows. */
    if (!lm->ns_needed) return;
    const char *skip = ambiguous_names(gen);
    for (uint32_t i = 0; i < r->exports.len; i++) {
        const JsExport *e = &r->exports.data[i];
        if (e->kind != JS_EXPORT_STAR) continue;
        const char *var = import_var(gen, e->dep);
        if (!var) continue;
        ModuleId to = lm->dep_target[e->dep];
        if (lm->star_static && to && module_is_esm(gen->g, to)) continue;
        out_printf(pro, "__bale_reexport__(__bale_exports, %s%s);\n", var, skip ? skip : "");
        gen->runtime |= OUT_RT_REEXPORT;
    }
}

/* ---- Modules ------------------------------------------------------------ */

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
    if (gen->rec->kind == JS_MODULE_ESM) {
        VecChar pro = {0};
        export_getters(gen, &pro);
        if (gen->rec->import_meta.len && gen->o->format != BALE_FORMAT_ESM) out_puts(&pro, "var __bale_meta = {};\n");
        out_append(&pro, b->prep.names, b->prep.names_len);
        import_vars(gen, &pro);
        out_puts(out, "function (__bale_module, __bale_exports) {\n\"use strict\";\n");
        out_append(out, pro.data, pro.len);
        VEC_FREE(&pro);
    } else {
        out_puts(out, "function (module, exports) {\n");
    }
    out_edits_write(b->prep.edits, b->prep.nedits, gen->src, gen->len, out, fill, gen);
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
}
