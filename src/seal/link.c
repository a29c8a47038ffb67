/* seal/link.c: the link pass (see link.h for what it computes).
 * In:  the finished graph (records, dependencies).  Out: Seal.link, and
 *      [missing-export] errors.  Memory: the link's arena and heap tables.
 * Order: after chunks, before code generation (see seal.c).
 *
 * resolve() is Node's ResolveExport(module, name) with an explicit stack of
 * frames instead of recursion, and a memo table keyed by (module, name)
 * that every later query reuses:
 *   - an own export of the module answers, following an import or an
 *     `export ... from` into the next module (a child frame);
 *   - else, but for "default", each `export *` target is asked in turn
 *     (one child frame at a time); two different answers are ambiguous;
 *     a name ambiguous inside a star's module stays ambiguous for an
 *     import (the specification, and V8), but for a namespace counts as
 *     not given by that star (V8: `export * from "./mid"; export * from
 *     "./e"` has e's x in its namespace, yet importing x from it is an
 *     error); so the two modes are memoized apart;
 *   - else the name is missing, or open when some `export *` leads to a
 *     module that is not an ES module (its names are known at run time).
 * A query that meets itself (a cycle of re-exports or stars) is answered
 * "missing" for that path, as the specification's resolveSet does; an
 * answer that depended on such a cut is right for the query that asked but
 * not for every other, so it is not memoized (nor anything above it). */
#include "seal/link.h"

#include "base/mem.h"
#include "seal/seal.h"

#include <string.h>

static uint64_t key(ModuleId m, uint32_t x) { return (uint64_t)m << 32 | x; }

static LinkNameId name_id(Link *L, const char *s, uint32_t len) {
    bool inserted;
    MapSlot *slot = map_entry_str(&L->name_ids, s, len, 0, 0, &inserted);
    if (inserted) {
        VEC_PUSH(&L->names, ((LinkName){s, len}));
        slot->value = L->names.len;
    }
    return (LinkNameId)slot->value;
}

LinkNameId link_intern_name(Link *L, const char *s, uint32_t len) { return name_id(L, s, len); }

LinkNameId link_find_name(const Link *L, const char *s, uint32_t len) {
    uint64_t v;
    return map_get_str(&L->name_ids, s, len, &v) ? (LinkNameId)v : 0;
}

/* ---- Tables: dependency targets, own exports, import bindings ---------- */

static void index_module(Link *L, const ModuleGraph *g, ModuleId id) {
    const Module *m = graph_module(g, id);
    LinkModule *lm = &L->modules[id - 1];
    if (m->kind != MODULE_JS || !m->body) return;
    const JsRecord *r = &m->body->record;
    lm->dep_target = ARENA_ZARRAY(&L->arena, ModuleId, r->deps.len + 1);
    for (uint32_t j = 0; j < m->ndeps; j++) {
        const Dependency *d = graph_dep(g, m->first_dep + j);
        lm->dep_target[d->record_dep] = d->to;
    }
    if (r->kind != JS_MODULE_ESM) return;
    for (uint32_t i = 0; i < r->exports.len; i++) {
        const JsExport *e = &r->exports.data[i];
        if (e->kind == JS_EXPORT_STAR) continue;
        /* The first export of a name is the one that counts (a duplicate
         * is an early error the parser reported already). */
        uint64_t k = key(id, name_id(L, e->exported, e->exported_len));
        uint64_t have;
        if (!map_get_u64(&L->own, k, &have)) map_put_u64(&L->own, k, i + 1);
    }
    for (uint32_t i = 0; i < r->imports.len; i++) {
        const JsImport *im = &r->imports.data[i];
        if (im->local) map_put_u64(&L->import_of, key(id, im->local), i + 1);
    }
}

/* ---- resolve ------------------------------------------------------------ */

enum { PHASE_START, PHASE_FOLLOW, PHASE_STARS, PHASE_STAR_WAIT };

typedef struct Frame {
    ModuleId module;
    LinkNameId name;
    uint8_t phase;
    bool open;          /* an `export *` of something not an ES module was passed */
    bool cut;           /* an answer below met a query still being computed (a cycle):
                         * right for this query, but not to be memoized */
    uint32_t next;      /* PHASE_STARS: the next export index to look at */
    LinkBinding found;  /* PHASE_STARS: what the stars gave so far */
} Frame;

typedef VEC(Frame) FrameStack;

static bool same(LinkBinding a, LinkBinding b) {
    if (a.kind != b.kind || a.module != b.module) return false;
    return a.kind == LINK_NAMESPACE || a.name == b.name;
}

/* What the import-like reference (dep, imported name; NULL: the namespace)
 * of module id leads to: a final binding, or *next = the (module, name) to
 * resolve further (then the return value is LINK_NONE). */
static LinkBinding through(Link *L, const ModuleGraph *g, ModuleId id, JsDepId dep, const char *name,
                           uint32_t len, Frame *next) {
    ModuleId to = L->modules[id - 1].dep_target[dep];
    if (!name) return (LinkBinding){.kind = to ? LINK_NAMESPACE : LINK_DYNAMIC, .module = to};
    LinkNameId n = name_id(L, name, len);
    if (!to || !graph_module_is_esm(g, to)) return (LinkBinding){.kind = LINK_DYNAMIC, .module = to, .name = n};
    *next = (Frame){.module = to, .name = n};
    return (LinkBinding){.kind = LINK_NONE};
}

/* An own export's binding, or *next to follow. */
static LinkBinding own_binding(Link *L, const ModuleGraph *g, ModuleId id, const JsExport *e, LinkNameId name,
                               Frame *next) {
    switch ((JsExportKind)e->kind) {
    case JS_EXPORT_LOCAL: {
        uint64_t im;
        if (map_get_u64(&L->import_of, key(id, e->local), &im)) {
            const JsImport *i = &graph_module(g, id)->body->record.imports.data[im - 1];
            return through(L, g, id, i->dep, i->kind == JS_IMPORTED_NAMESPACE ? NULL : i->imported, i->imported_len,
                           next);
        }
        break;
    }
    case JS_EXPORT_REEXPORT: return through(L, g, id, e->dep, e->imported, e->imported_len, next);
    case JS_EXPORT_STAR_AS: return through(L, g, id, e->dep, NULL, 0, next);
    case JS_EXPORT_DEFAULT_EXPR:
    case JS_EXPORT_STAR: break;
    }
    return (LinkBinding){.kind = LINK_LOCAL, .module = id, .name = name};
}

enum { LINK_FOR_IMPORT, LINK_FOR_NAMESPACE };

/* Pops the top frame with its answer r, memoized unless a cycle cut it
 * (then the one that asked is cut too). */
static LinkBinding finish(Link *L, FrameStack *st, int mode, LinkBinding r) {
    Frame f = VEC_POP(st);
    if (f.cut) {
        map_remove_u64(&L->memo[mode], key(f.module, f.name));
        if (st->len) VEC_LAST(st).cut = true;
        return r;
    }
    VEC_PUSH(&L->results, r);
    map_put_u64(&L->memo[mode], key(f.module, f.name), L->results.len);
    return r;
}

static LinkBinding resolve(Link *L, const ModuleGraph *g, ModuleId module, LinkNameId name, int mode,
                           FrameStack *st) {
    static const char dflt[] = "default";
    LinkNameId default_id = name_id(L, dflt, 7);
    LinkBinding ret = {0};
    VEC_CLEAR(st);
    VEC_PUSH(st, ((Frame){.module = module, .name = name}));
    while (st->len) {
        Frame *f = &VEC_LAST(st);
        const JsRecord *r = &graph_module(g, f->module)->body->record;
        switch (f->phase) {
        case PHASE_START: {
            uint64_t v;
            if (map_get_u64(&L->memo[mode], key(f->module, f->name), &v)) {
                /* v == 0: being computed further down the stack, a cycle */
                ret = v ? L->results.data[v - 1] : (LinkBinding){.kind = LINK_NONE};
                st->len--;
                if (!v && st->len) VEC_LAST(st).cut = true;
                continue;
            }
            map_put_u64(&L->memo[mode], key(f->module, f->name), 0);
            if (map_get_u64(&L->own, key(f->module, f->name), &v)) {
                Frame next = {0};
                LinkBinding b = own_binding(L, g, f->module, &r->exports.data[v - 1], f->name, &next);
                if (b.kind != LINK_NONE) {
                    ret = finish(L, st, mode, b);
                } else {
                    f->phase = PHASE_FOLLOW;
                    VEC_PUSH(st, next);
                }
                continue;
            }
            if (f->name == default_id) {
                ret = finish(L, st, mode, (LinkBinding){.kind = LINK_NONE});
                continue;
            }
            f->phase = PHASE_STARS;
            continue;
        }
        case PHASE_FOLLOW: ret = finish(L, st, mode, ret); continue;
        case PHASE_STAR_WAIT:
            /* A name ambiguous inside a star's module: an error for an
             * import; for a namespace that star just does not give it, and
             * the next one may (V8's behaviour, so Node's). */
            if (ret.kind == LINK_AMBIGUOUS && mode == LINK_FOR_IMPORT) {
                ret = finish(L, st, mode, ret);
                continue;
            }
            if (ret.kind == LINK_OPEN) {
                f->open = true;
            } else if (ret.kind != LINK_NONE && ret.kind != LINK_AMBIGUOUS) {
                if (f->found.kind == LINK_NONE) {
                    f->found = ret;
                } else if (!same(f->found, ret)) {
                    ret = finish(L, st, mode, (LinkBinding){.kind = LINK_AMBIGUOUS, .module = f->found.module,
                                                      .other = ret.module});
                    continue;
                }
            }
            f->phase = PHASE_STARS;
            /* fall through */
        case PHASE_STARS: {
            const LinkModule *lm = &L->modules[f->module - 1];
            while (f->next < r->exports.len) {
                const JsExport *e = &r->exports.data[f->next++];
                if (e->kind != JS_EXPORT_STAR) continue;
                ModuleId to = lm->dep_target[e->dep];
                if (!to || !graph_module_is_esm(g, to)) {
                    f->open = true;
                    continue;
                }
                f->phase = PHASE_STAR_WAIT;
                LinkNameId fn = f->name; /* f moves when the stack grows */
                VEC_PUSH(st, ((Frame){.module = to, .name = fn}));
                goto next_frame;
            }
            LinkBinding b = f->found;
            if (b.kind == LINK_NONE && f->open) b.kind = LINK_OPEN;
            ret = finish(L, st, mode, b);
            continue;
        }
        }
    next_frame:;
    }
    return ret;
}

static const char *module_name(const ModuleGraph *g, ModuleId id) {
    const Module *m = graph_module(g, id);
    return m->body ? m->body->file.path : m->path->str;
}

/* ---- CommonJS seen from an ES module Node runs as one ---------------------- */

/* The module a reexport spec of CommonJS module k leads to: the target of
 * k's require() of that string. */
static ModuleId reexport_target(const Link *L, const ModuleGraph *g, ModuleId k, const JsCjsName *spec) {
    const JsRecord *r = &graph_module(g, k)->body->record;
    for (uint32_t i = 0; i < r->deps.len; i++) {
        const JsDep *d = &r->deps.data[i];
        if (d->kind == JS_DEP_REQUIRE && d->source && d->source_len == spec->len && !memcmp(d->source, spec->str, spec->len))
            return L->modules[k - 1].dep_target[i + 1];
    }
    return 0;
}

/* Computes module k's cjs_names (link.h), as Node's CommonJS translator
 * gathers them: k's own, then, depth first, each reexport's module's (a
 * module reached twice gives its names once; an ES module target gives
 * none, as Node's lexer is not asked). */
static void cjs_names(Link *L, const ModuleGraph *g, ModuleId k) {
    LinkModule *lm = &L->modules[k - 1];
    if (lm->cjs_done) return;
    lm->cjs_done = true;
    const Module *m = graph_module(g, k);
    if (m->kind != MODULE_JS || !m->body) return;
    while (L->cjs_stamp.len <= g->modules.len) VEC_PUSH(&L->cjs_stamp, 0);
    uint32_t walk = ++L->cjs_walks;
    Map seen = {0};
    VecU32 names = {0}, stack = {0};
    VEC_PUSH(&stack, k);
    L->cjs_stamp.data[k] = walk;
    while (stack.len) {
        ModuleId at = VEC_POP(&stack);
        const JsCjsExports *x = &graph_module(g, at)->body->cjs_exports;
        for (uint32_t i = 0; i < x->names.len; i++) {
            LinkNameId n = name_id(L, x->names.data[i].str, x->names.data[i].len);
            if (x->names.data[i].len == 7 && !memcmp(x->names.data[i].str, "default", 7)) continue;
            if (map_put_u64(&seen, n, 1)) VEC_PUSH(&names, n);
        }
        /* reexports in order: pushed last first */
        for (uint32_t i = x->reexports.len; i-- > 0;) {
            ModuleId to = reexport_target(L, g, at, &x->reexports.data[i]);
            const Module *t = to ? graph_module(g, to) : NULL;
            if (!t || t->kind != MODULE_JS || !t->body || graph_module_is_esm(g, to) || L->cjs_stamp.data[to] == walk) continue;
            L->cjs_stamp.data[to] = walk;
            VEC_PUSH(&stack, to);
        }
    }
    lm->ncjs_names = names.len;
    lm->cjs_names = ARENA_ARRAY(&L->arena, LinkNameId, names.len + 1);
    if (names.len) memcpy(lm->cjs_names, names.data, sizeof(LinkNameId) * names.len);
    VEC_FREE(&names);
    VEC_FREE(&stack);
    map_free(&seen);
}

/* A named import of a module that is not an ES module, by an ES module
 * that Node runs as one: Node refuses a name its namespace will not have
 * (a SyntaxError before anything runs), so bale does too. */
static void check_cjs_name(Link *L, const ModuleGraph *g, const Module *m, ModuleId to, const char *name,
                           uint32_t len, uint32_t start, uint32_t end, DiagList *diags) {
    if (!to || !m->body->node_esm || graph_module_is_esm(g, to) || graph_module(g, to)->kind == MODULE_EMPTY) return;
    if (len == 7 && !memcmp(name, "default", 7)) return;
    cjs_names(L, g, to);
    const LinkModule *t = &L->modules[to - 1];
    LinkNameId n = name_id(L, name, len);
    for (uint32_t i = 0; i < t->ncjs_names; i++)
        if (t->cjs_names[i] == n) return;
    diag_add(diags, DIAG_ERROR, DIAG_MISSING_EXPORT, &m->body->file, start, end,
             "no export named \"%.*s\" in \"%s\": it is %s, whose named exports are what Node's CommonJS "
             "lexer finds in it, and it does not find this one (import the default and read the property)",
             (int)len, name, module_name(g, to), graph_module(g, to)->kind == MODULE_JSON ? "a JSON module" : "a CommonJS module");
}

/* ---- Checks ------------------------------------------------------------- */


/* An import of name from to (an ES module) that resolved to b: an error
 * when b is missing or ambiguous, as Node's link error. */
static void check(const ModuleGraph *g, const Module *m, ModuleId to, LinkBinding b, const char *name, uint32_t len,
                  uint32_t start, uint32_t end, DiagList *diags) {
    if (b.kind == LINK_AMBIGUOUS) {
        diag_add(diags, DIAG_ERROR, DIAG_MISSING_EXPORT, &m->body->file, start, end,
                 "the export named \"%.*s\" in \"%s\" is ambiguous: its export * statements give two "
                 "different bindings, from \"%s\" and from \"%s\"",
                 (int)len, name, module_name(g, to), module_name(g, b.module), module_name(g, b.other));
    } else if (b.kind == LINK_NONE) {
        diag_add(diags, DIAG_ERROR, DIAG_MISSING_EXPORT, &m->body->file, start, end, "no export named \"%.*s\" in \"%s\"",
                 (int)len, name, module_name(g, to));
    }
}

ModuleId link_read_module(const Link *link, const ModuleGraph *g, LinkBinding b) {
    (void)link;
    if (b.kind == LINK_LOCAL || (b.kind == LINK_NAMESPACE && b.module && graph_module_is_esm(g, b.module))) return b.module;
    return 0;
}

/* Marks the modules whose namespace a binding read needs complete: the
 * namespace it is, or the import it is read through (direct, an ES module). */
static void need_for(Link *L, const ModuleGraph *g, LinkBinding b, ModuleId direct, VecU32 *seeds) {
    ModuleId k = b.kind == LINK_LOCAL ? 0 : link_read_module(L, g, b) ? b.module : direct;
    if (k && graph_module_is_esm(g, k) && !L->modules[k - 1].ns_needed) {
        L->modules[k - 1].ns_needed = true;
        VEC_PUSH(seeds, k);
    }
}

static void link_imports(Link *L, const ModuleGraph *g, ModuleId id, FrameStack *st, VecU32 *seeds, DiagList *diags) {
    const Module *m = graph_module(g, id);
    const JsRecord *r = &m->body->record;
    LinkModule *lm = &L->modules[id - 1];
    if (m->body->node_esm) /* the namespaces code generation will build (module_text.c's cjs_ns) */
        for (uint32_t j = 0; j < m->ndeps; j++) {
            ModuleId to = graph_dep(g, m->first_dep + j)->to; /* every name of a context dependency too */
            if (to && !graph_module_is_esm(g, to)) cjs_names(L, g, to);
        }
    lm->imports = ARENA_ZARRAY(&L->arena, LinkBinding, r->imports.len + 1);
    lm->exports = ARENA_ZARRAY(&L->arena, LinkBinding, r->exports.len + 1);
    for (uint32_t i = 0; i < r->imports.len; i++) {
        const JsImport *im = &r->imports.data[i];
        Frame next = {0};
        const char *name = im->kind == JS_IMPORTED_NAMESPACE ? NULL : im->imported;
        LinkBinding b = through(L, g, id, im->dep, name, im->imported_len, &next);
        if (b.kind == LINK_DYNAMIC && name)
            check_cjs_name(L, g, m, b.module, im->imported, im->imported_len, im->start, im->end, diags);
        if (b.kind == LINK_NONE) {
            b = resolve(L, g, next.module, next.name, LINK_FOR_IMPORT, st);
            check(g, m, next.module, b, im->imported, im->imported_len, im->start, im->end, diags);
        }
        lm->imports[i] = b;
        need_for(L, g, b, lm->dep_target[im->dep], seeds);
    }
    for (uint32_t i = 0; i < r->exports.len; i++) {
        const JsExport *e = &r->exports.data[i];
        LinkBinding b = {0};
        JsDepId dep = e->dep;
        if (e->kind == JS_EXPORT_LOCAL) {
            uint64_t im;
            if (!map_get_u64(&L->import_of, key(id, e->local), &im)) continue;
            b = lm->imports[im - 1];
            dep = r->imports.data[im - 1].dep;
        } else if (e->kind == JS_EXPORT_REEXPORT || e->kind == JS_EXPORT_STAR_AS) {
            Frame next = {0};
            const char *name = e->kind == JS_EXPORT_STAR_AS ? NULL : e->imported;
            b = through(L, g, id, e->dep, name, e->imported_len, &next);
            if (b.kind == LINK_DYNAMIC && name)
                check_cjs_name(L, g, m, b.module, e->imported, e->imported_len, e->start, e->end, diags);
            if (b.kind == LINK_NONE) {
                b = resolve(L, g, next.module, next.name, LINK_FOR_IMPORT, st);
                check(g, m, next.module, b, e->imported, e->imported_len, e->start, e->end, diags);
            }
        } else {
            continue;
        }
        lm->exports[i] = b;
        need_for(L, g, b, lm->dep_target[dep], seeds);
    }
}

/* Scratch for the walks over stars: stamps by module and by name, so no
 * table is cleared between walks. */
typedef struct StarWalk {
    uint32_t *visited;  /* by ModuleId: the module whose walk saw it */
    VecU32 name_seen;   /* by LinkNameId: the same */
    VecU32 name_slot;   /* by LinkNameId: its index in the walk's list, when name_seen says so */
    VecU32 stack;
    FrameStack *st;
} StarWalk;

/* The names module id's `export *` give its namespace, with their
 * bindings (namespace mode), in the order V8's table would list them, and
 * the ones left out as ambiguous: one walk over the modules its stars
 * reach.  Returns false when some name can only be known at run time (a
 * star of a star leads to a CommonJS module, or a name is bound to one):
 * then the namespace copies its stars' exports objects at run time. */
static bool star_names(Link *L, const ModuleGraph *g, ModuleId id, StarWalk *w) {
    LinkModule *lm = &L->modules[id - 1];
    VecU32 names = {0}, ambiguous = {0};
    VEC(LinkBinding) bindings = {0};
    bool known = true;
    VEC_CLEAR(&w->stack);
    w->visited[id] = id;
    VEC_PUSH(&w->stack, id);
    while (w->stack.len) {
        ModuleId at = VEC_POP(&w->stack);
        const JsRecord *ar = &graph_module(g, at)->body->record;
        const LinkModule *alm = &L->modules[at - 1];
        for (uint32_t i = 0; at != id && i < ar->exports.len; i++) {
            const JsExport *e = &ar->exports.data[i];
            if (e->kind == JS_EXPORT_STAR) continue;
            LinkNameId n = name_id(L, e->exported, e->exported_len);
            if (e->exported_len == 7 && !memcmp(e->exported, "default", 7)) continue; /* never through a star */
            while (w->name_seen.len <= n) VEC_PUSH(&w->name_seen, 0);
            uint64_t own;
            if (map_get_u64(&L->own, key(id, n), &own)) continue; /* the module's own name wins */
            /* What at's own export of n is bound to: a short walk of its own
             * re-exports, one memo entry per declaration.  Asking id for n
             * instead would walk the stars down to at and memoize every
             * module on the way, per name: quadratic on a chain. */
            LinkBinding b = resolve(L, g, at, n, LINK_FOR_NAMESPACE, w->st);
            while (w->name_slot.len <= n) VEC_PUSH(&w->name_slot, 0);
            if (w->name_seen.data[n] == id) {
                /* Declared by two modules the stars reach: the same binding
                 * twice is one name; two are settled exactly below. */
                LinkBinding *have = &bindings.data[w->name_slot.data[n]];
                if (!same(*have, b)) have->kind = LINK_AMBIGUOUS; /* to be settled */
                continue;
            }
            w->name_seen.data[n] = id;
            w->name_slot.data[n] = names.len;
            VEC_PUSH(&names, n);
            VEC_PUSH(&bindings, b);
        }
        /* Stars pushed last to first, so the first is walked first. */
        for (uint32_t i = ar->exports.len; i-- > 0;) {
            const JsExport *e = &ar->exports.data[i];
            if (e->kind != JS_EXPORT_STAR) continue;
            ModuleId to = alm->dep_target[e->dep];
            if (!to || !graph_module_is_esm(g, to)) {
                if (at != id) known = false; /* its names reach id only through at's exports object */
                continue;
            }
            if (w->visited[to] == id) continue;
            w->visited[to] = id;
            VEC_PUSH(&w->stack, to);
        }
    }
    /* Settle each name: one declaration is its binding (the stars can lead
     * nowhere else); several different ones need Node's rule, exactly. */
    uint32_t kept = 0;
    for (uint32_t i = 0; i < names.len; i++) {
        LinkBinding b = bindings.data[i];
        if (b.kind == LINK_AMBIGUOUS) b = resolve(L, g, id, names.data[i], LINK_FOR_NAMESPACE, w->st);
        if (b.kind == LINK_AMBIGUOUS) {
            VEC_PUSH(&ambiguous, names.data[i]);
            continue;
        }
        if (b.kind == LINK_NONE) continue;
        if (!link_read_module(L, g, b)) known = false;
        names.data[kept] = names.data[i];
        bindings.data[kept++] = b;
    }
    names.len = bindings.len = kept;
    lm->nambiguous = ambiguous.len;
    lm->ambiguous = ARENA_ARRAY(&L->arena, LinkNameId, ambiguous.len + 1);
    if (ambiguous.len) memcpy(lm->ambiguous, ambiguous.data, ambiguous.len * sizeof *ambiguous.data);
    if (known) {
        lm->nstar_names = names.len;
        lm->star_names = ARENA_ARRAY(&L->arena, LinkNameId, names.len + 1);
        lm->star_bindings = ARENA_ARRAY(&L->arena, LinkBinding, names.len + 1);
        if (names.len) {
            memcpy(lm->star_names, names.data, names.len * sizeof *names.data);
            memcpy(lm->star_bindings, bindings.data, names.len * sizeof *bindings.data);
        }
    }
    VEC_FREE(&names);
    VEC_FREE(&bindings);
    VEC_FREE(&ambiguous);
    return known;
}

/* The namespaces that must be complete: the seeds (observed ones, and
 * those read through), then each one's star names (star_names).  A
 * namespace whose star names are all known gets them as getters of its
 * own; one that is not copies its stars' exports objects at run time, so
 * those must be complete too.  Linear but for the star walks, each over
 * what one observed namespace's stars reach. */
static void propagate_needed(Link *L, const ModuleGraph *g, VecU32 *seeds, FrameStack *st) {
    for (ModuleId id = 1; id <= g->modules.len; id++) {
        const Module *m = graph_module(g, id);
        if (m->kind != MODULE_JS || !m->body) continue;
        const JsRecord *r = &m->body->record;
        for (uint32_t i = 0; i < r->deps.len; i++) {
            const JsDep *d = &r->deps.data[i];
            if (d->kind != JS_DEP_REQUIRE && d->kind != JS_DEP_DYNAMIC_IMPORT) continue;
            need_for(L, g, (LinkBinding){.kind = LINK_NAMESPACE, .module = L->modules[id - 1].dep_target[i + 1]}, 0,
                     seeds);
        }
    }
    for (uint32_t e = 0; e < g->entries.len; e++)
        if (g->entries.data[e])
            need_for(L, g, (LinkBinding){.kind = LINK_NAMESPACE, .module = g->entries.data[e]}, 0, seeds);
    StarWalk w = {.visited = mem_zalloc(sizeof(uint32_t) * (g->modules.len + 1)), .st = st};
    while (seeds->len) {
        ModuleId id = VEC_POP(seeds);
        const JsRecord *r = &graph_module(g, id)->body->record;
        LinkModule *lm = &L->modules[id - 1];
        bool stars = false;
        for (uint32_t i = 0; i < r->exports.len; i++)
            stars |= r->exports.data[i].kind == JS_EXPORT_STAR;
        if (!stars) continue;
        lm->star_static = star_names(L, g, id, &w);
        if (lm->star_static) continue;
        for (uint32_t i = 0; i < r->exports.len; i++) {
            const JsExport *e = &r->exports.data[i];
            if (e->kind != JS_EXPORT_STAR) continue;
            need_for(L, g, (LinkBinding){.kind = LINK_NAMESPACE, .module = lm->dep_target[e->dep]}, 0, seeds);
        }
    }
    VEC_FREE(&w.stack);
    VEC_FREE(&w.name_seen);
    VEC_FREE(&w.name_slot);
    mem_free(w.visited);
}

/* Which modules are async: those with top-level await, then, along the
 * import and export-from edges backwards, every ES module that imports an
 * async one; a worklist over the reversed edges, so each edge is looked at
 * once. */
static void mark_async(Link *L, const ModuleGraph *g) {
    uint32_t n = g->modules.len, *first, *from;
    graph_importers(g, &first, &from);
    VecU32 work = {0};
    for (ModuleId id = 1; id <= n; id++)
        if (graph_module_is_esm(g, id) && graph_module(g, id)->body->record.top_level_await.len) {
            L->modules[id - 1].async = true;
            VEC_PUSH(&work, id);
        }
    while (work.len) {
        ModuleId id = work.data[--work.len];
        for (uint32_t j = first[id]; j < first[id + 1]; j++) {
            ModuleId p = from[j];
            if (L->modules[p - 1].async || !graph_module_is_esm(g, p)) continue;
            L->modules[p - 1].async = true;
            VEC_PUSH(&work, p);
        }
    }
    VEC_FREE(&work);
    mem_free(from);
    mem_free(first);
}

void link_run(Link *L, const ModuleGraph *g, DiagList *diags) {
    memset(L, 0, sizeof *L);
    arena_init(&L->arena, 0);
    uint32_t n = g->modules.len;
    L->modules = ARENA_ZARRAY(&L->arena, LinkModule, n + 1);
    for (ModuleId id = 1; id <= n; id++) index_module(L, g, id);
    FrameStack st = {0};
    VecU32 seeds = {0};
    for (ModuleId id = 1; id <= n; id++)
        if (graph_module_is_esm(g, id)) link_imports(L, g, id, &st, &seeds, diags);
    propagate_needed(L, g, &seeds, &st);
    for (uint32_t i = 0; i < g->entries.len; i++) {
        ModuleId e = g->entries.data[i];
        if (!e) continue;
        L->modules[e - 1].entry = true;
        if (!graph_module_is_esm(g, e)) cjs_names(L, g, e); /* an esm bundle of a CommonJS entry exports them */
    }
    mark_async(L, g);
    VEC_FREE(&seeds);
    VEC_FREE(&st);
}

void link_free(Link *L) {
    VEC_FREE(&L->names);
    map_free(&L->name_ids);
    map_free(&L->own);
    map_free(&L->import_of);
    map_free(&L->memo[0]);
    map_free(&L->memo[1]);
    VEC_FREE(&L->results);
    VEC_FREE(&L->cjs_stamp);
    arena_free(&L->arena);
}

void seal_link(Seal *seal) { link_run(&seal->link, seal->graph, seal->diags); }
