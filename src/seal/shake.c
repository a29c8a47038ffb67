/* seal/shake.c: the shake pass, tree shaking of modules and statements.
 * In:  the chunks (modules reachable from each entry) and the link pass's
 *      bindings.  Out: LinkModule.shake for every module, and each chunk's
 *      module list without the modules nothing runs.
 * Order: after link, before code generation.  Off with no_tree_shaking.
 *
 * A module's code is kept when something can observe it: an entry; a
 * module with side effects (async, a top level that is not pure,
 * js/purity.h, a CommonJS module not cut in parts, unless its package.json
 * says "sideEffects": false for it, as esbuild reads it); a module that declares a binding a kept
 * module reads (the link pass says where each is declared); a module a
 * kept one loads at run time (require(), import(), a context call), or
 * reads through (its namespace, or a name the link could not bind), whose
 * namespace is then complete: every module its exports are read from is
 * kept too.  A module whose code is not kept still runs when a module it
 * imports has side effects (they happen in Node's order): it becomes a
 * function that only requires those (LINK_SHAKE_RUN_ONLY).  One that
 * neither is kept nor leads to a side effect is left out
 * (LINK_SHAKE_DROPPED), and its importers do not require it; a kept
 * module without side effects runs when a module reading it requires it
 * (module_text.c requires every module a binding is read from).
 * Inside kept ES modules the same worklist keeps statements: those with
 * side effects, those declaring an export something reads (all of them
 * when its namespace is observed), and what a kept statement refers to:
 * other statements, and through its imports the exports it reads, in
 * their modules; an import only dropped statements refer to keeps
 * nothing.  Code generation cuts the others (LinkModule.part_live).
 * A CommonJS module whose exports are only used in static forms
 * (js/cjs_uses.h: granular) is cut the same way: its parts that define a
 * name something reads stay, and its require() calls load their modules
 * only from parts that stay, reading the names each result is read
 * through (an escaping result observes the module whole).
 *
 * Linear: one worklist over kept modules and statements, each looked at
 * once, then one over the reversed import edges for what must run, each
 * edge once. */
#include "seal/seal.h"

#include "base/mem.h"
#include "resolve/side_effects.h"

#include <string.h>

typedef struct Shake {
    Link *L;
    const ModuleGraph *g;
    uint8_t *kept;   /* by ModuleId */
    uint8_t *whole;  /* by ModuleId: its namespace is observed (all its exports are used) */
    VecU32 work;     /* modules to visit */
    uint8_t *reached;/* by ModuleId: 1 its importers run (but it may not: reach), 2 it runs and
                      * so do its static imports (followed from reach_work) */
    VecU32 reach_work;
    VecU32 parts;    /* (module, statement) pairs to visit */
    Map used;        /* module << 32 | export name: read by a kept module */
    Map export_part; /* module << 32 | export name -> 1 + the statement declaring it */
    Map cjs_name;    /* module << 32 | export name -> 1 + index into its OutPrep.cjs_names
                      * (CommonJS modules cut in parts) */
    uint8_t *effects;/* by ModuleId: has_side_effects' memo */
    uint32_t depth;  /* require_pure's */
} Shake;

static bool has_side_effects(Shake *s, ModuleId id);

/* Whether `var X = require("x")` (dependency dep of module from) can go
 * when nothing reads X: x's package says it has no side effects, x is
 * data, or its code has none (asked to a bounded depth; a cycle counts as
 * having effects). */
static bool require_pure(Shake *s, ModuleId from, JsDepId dep) {
    ModuleId to = s->L->modules[from - 1].dep_target[dep];
    if (!to) return false; /* an external runs at run time */
    const Module *t = graph_module(s->g, to);
    if (t->kind != MODULE_JS || t->side_effects == FILE_SIDE_EFFECTS_FALSE) return true;
    if (s->depth >= 32) return false;
    s->depth++;
    bool effects = has_side_effects(s, to);
    s->depth--;
    return !effects;
}

static bool code_has_side_effects(Shake *s, ModuleId id) {
    const ModuleGraph *g = s->g;
    const Module *m = graph_module(g, id);
    switch ((ModuleKind)m->kind) {
    case MODULE_EMPTY:
    case MODULE_JSON: return false;
    case MODULE_JS: break;
    }
    bool esm = graph_module_is_esm(g, id);
    if (esm && s->L->modules[id - 1].async) return true;
    /* its package says so (package.json "sideEffects", esbuild's reading), or its code:
     * a statement that is not pure (with what only runs with what it
     * assigns to counted as pure, prepare.h) */
    if (m->side_effects == FILE_SIDE_EFFECTS_FALSE) return false;
    const OutPrep *p = &m->body->prep;
    if (!esm && !p->cjs_granular) return true;
    if (!p->nparts) return !m->body->record.pure_top_level;
    for (uint32_t i = 0; i < p->nparts; i++)
        if (!p->parts[i].pure || (p->parts[i].require_dep && !require_pure(s, id, p->parts[i].require_dep))) return true;
    return false;
}

/* Whether running module id could change anything but its own bindings
 * (code_has_side_effects), memoized in s->effects: 1 while it is asked
 * (so a cycle counts as effects), 2 none, 3 some. */
static bool has_side_effects(Shake *s, ModuleId id) {
    if (!s->effects[id]) {
        s->effects[id] = 1;
        s->effects[id] = code_has_side_effects(s, id) ? 3 : 2;
    }
    return s->effects[id] != 2;
}

/* Statement-level shaking applies to the module: an ES module with
 * statements, not async (its order of awaits is kept whole), without a
 * direct eval (which may read any of its names). */
static bool granular(const Shake *s, ModuleId id) {
    const OutPrep *p = &graph_module(s->g, id)->body->prep;
    return graph_module_is_esm(s->g, id) && !s->L->modules[id - 1].async && p->nparts && !p->direct_eval;
}

/* Module id runs (an entry, a kept module): so do its static imports. */
static void runs_from(Shake *s, ModuleId id) {
    if (s->reached[id] == 2) return;
    s->reached[id] = 2;
    VEC_PUSH(&s->reach_work, id);
}

static void keep(Shake *s, ModuleId id) {
    if (!id || s->kept[id]) return;
    s->kept[id] = 1;
    VEC_PUSH(&s->work, id);
    runs_from(s, id);
}

/* An importer that runs imports module id: it runs unless its package
 * says it has no side effects and none of its code is kept (esbuild's and
 * webpack's reading of "sideEffects": false: then its imports go with it,
 * though names re-exported through it still bind where they are
 * declared); one with side effects is kept. */
static void reach(Shake *s, ModuleId id) {
    if (s->reached[id]) return;
    s->reached[id] = 1;
    if (has_side_effects(s, id)) keep(s, id);
    else if (graph_module(s->g, id)->side_effects != FILE_SIDE_EFFECTS_FALSE) runs_from(s, id);
}

static void reach_imports(Shake *s, ModuleId id) {
    const Module *m = graph_module(s->g, id);
    for (uint32_t j = 0; j < m->ndeps; j++) {
        const Dependency *d = graph_dep(s->g, m->first_dep + j);
        if (d->to && (d->kind == JS_DEP_IMPORT || d->kind == JS_DEP_EXPORT_FROM)) reach(s, d->to);
    }
}

/* id's namespace is observed: all its exports count as used, and what
 * they read must be kept (visited again if it was already). */
static void observe(Shake *s, ModuleId id) {
    if (!id || s->whole[id]) return;
    s->whole[id] = 1;
    if (s->kept[id]) VEC_PUSH(&s->work, id);
    else keep(s, id);
}

static void live_part(Shake *s, ModuleId id, uint32_t part) {
    uint8_t *live = s->L->modules[id - 1].part_live;
    if (!live || live[part]) return;
    live[part] = 1;
    VEC_PUSH(&s->parts, id);
    VEC_PUSH(&s->parts, part);
}

/* Export `name` of kept module id is read: the statement declaring it stays. */
static void use_export(Shake *s, ModuleId id, LinkNameId name) {
    uint64_t part;
    if (s->L->modules[id - 1].part_live && map_get_u64(&s->export_part, (uint64_t)id << 32 | name, &part))
        live_part(s, id, (uint32_t)part - 1);
}

/* The parts of CommonJS module id that define its export name k (an index
 * into its cjs_names) stay. */
static void live_defs(Shake *s, ModuleId id, uint32_t k) {
    const OutPrep *p = &graph_module(s->g, id)->body->prep;
    const OutCjsName *nm = &p->cjs_names[k];
    for (uint32_t j = 0; j < nm->ndefs; j++) live_part(s, id, p->cjs_def_parts[nm->first_def + j]);
}

/* Export `name` of CommonJS module id is read (from its exports object). */
static void use_cjs(Shake *s, ModuleId id, LinkNameId name) {
    keep(s, id);
    uint64_t k, key = (uint64_t)id << 32 | name;
    map_put_u64(&s->used, key, 1);
    if (s->L->modules[id - 1].part_live && map_get_u64(&s->cjs_name, key, &k)) live_defs(s, id, (uint32_t)k - 1);
}

/* Kept code runs dependency d, whose result it uses as use says (NULL:
 * whole; names: the strings use's indexes are into). */
static void load(Shake *s, const Dependency *d, const OutDepUse *use, const OutName *names) {
    if (!d->to) return;
    if (d->kind == JS_DEP_REQUIRE && use && !use->whole && !graph_module_is_esm(s->g, d->to)) {
        keep(s, d->to);
        for (uint32_t k = 0; k < use->nnames; k++)
            use_cjs(s, d->to, link_intern_name(s->L, names[use->first_name + k].str, names[use->first_name + k].len));
    } else if (d->kind == JS_DEP_REQUIRE || d->kind == JS_DEP_DYNAMIC_IMPORT) {
        observe(s, d->to); /* require() and import() give its namespace */
    } else if (!graph_module_is_esm(s->g, d->to)) {
        keep(s, d->to);
    }
}

/* The dependencies of the calls in part q of module id (its record's
 * deps first_dep ...; the graph's are in record order) are loaded. */
static void load_part_deps(Shake *s, ModuleId id, const OutPart *q) {
    const Module *m = graph_module(s->g, id);
    const OutPrep *p = &m->body->prep;
    uint32_t lo = 0, hi = m->ndeps;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (graph_dep(s->g, m->first_dep + mid)->record_dep < q->first_dep) lo = mid + 1;
        else hi = mid;
    }
    for (uint32_t j = lo; j < m->ndeps; j++) {
        const Dependency *d = graph_dep(s->g, m->first_dep + j);
        if (d->record_dep >= q->first_dep + q->ndeps) break;
        load(s, d, p->dep_uses ? &p->dep_uses[d->record_dep] : NULL, p->use_names);
    }
}

/* Whether name (of another module) is one of CommonJS module id's names
 * (but __esModule: when id reads it, its own definition stays). */
static bool cjs_has(const Shake *s, ModuleId id, const char *str, uint32_t len) {
    uint64_t v;
    if (len == 10 && !memcmp(str, "__esModule", 10)) return false;
    LinkNameId n = link_find_name(s->L, str, len);
    return n && map_get_u64(&s->cjs_name, (uint64_t)id << 32 | n, &v);
}

/* Whether the __exportStar statements of CommonJS module id can only add
 * names that id's own statements never mention: each source is require()d,
 * its names are known (a CommonJS module cut in parts without stars of its
 * own, an ES module without export *) and none is one of id's.  Then the
 * predeclarations (`exports.a = void 0`, which make __exportStar skip
 * those names) may go with the definitions nothing reads. */
static bool stars_apart(const Shake *s, ModuleId id) {
    const OutPrep *p = &graph_module(s->g, id)->body->prep;
    for (uint32_t i = 0; i < p->ncjs_star_deps; i++) {
        ModuleId to = p->cjs_star_deps[i] ? s->L->modules[id - 1].dep_target[p->cjs_star_deps[i]] : 0;
        if (!to || graph_module(s->g, to)->kind != MODULE_JS) return false;
        const ModuleBody *b = graph_module(s->g, to)->body;
        if (graph_module_is_esm(s->g, to)) {
            for (uint32_t k = 0; k < b->record.exports.len; k++) {
                const JsExport *e = &b->record.exports.data[k];
                if (e->kind == JS_EXPORT_STAR || cjs_has(s, id, e->exported, e->exported_len)) return false;
            }
            continue;
        }
        if (!b->prep.cjs_granular || b->prep.cjs_star) return false;
        for (uint32_t k = 0; k < b->prep.ncjs_names; k++)
            if (cjs_has(s, id, b->prep.cjs_names[k].str, b->prep.cjs_names[k].len)) return false;
    }
    return true;
}

/* Kept CommonJS module id is cut in parts: the ones with side effects,
 * and those defining the names read (all with its exports object observed). */
static void start_cjs(Shake *s, ModuleId id) {
    const OutPrep *p = &graph_module(s->g, id)->body->prep;
    LinkModule *lm = &s->L->modules[id - 1];
    if (!lm->part_live) {
        lm->part_live = ARENA_ZARRAY(&s->L->arena, uint8_t, p->nparts);
        for (uint32_t k = 0; k < p->ncjs_names; k++)
            map_put_u64(&s->cjs_name, (uint64_t)id << 32 | link_intern_name(s->L, p->cjs_names[k].str, p->cjs_names[k].len),
                        k + 1);
        /* the predeclarations stay with an __exportStar that could find those names */
        bool inits = p->cjs_star && !stars_apart(s, id);
        for (uint32_t i = 0; i < p->nparts; i++) {
            const OutPart *q = &p->parts[i];
            if (!q->pure || q->directive || (q->require_dep && !require_pure(s, id, q->require_dep)) ||
                (q->cjs_init && inits))
                live_part(s, id, i);
        }
    }
    for (uint32_t k = 0; k < p->ncjs_names; k++) {
        uint64_t v, key = (uint64_t)id << 32 | link_find_name(s->L, p->cjs_names[k].str, p->cjs_names[k].len);
        if (s->whole[id] || map_get_u64(&s->used, key, &v)) live_defs(s, id, k);
    }
    for (uint32_t i = 0; s->whole[id] && i < p->nparts; i++)
        if (p->parts[i].cjs_init) live_part(s, id, i);
}

static void keep_binding(Shake *s, LinkBinding b, ModuleId direct) {
    ModuleId k = link_read_module(s->L, s->g, b);
    if (k) keep(s, k);
    else if (b.kind != LINK_NONE && b.kind != LINK_LOCAL) keep(s, b.module ? b.module : direct);
    if (b.kind == LINK_LOCAL) {
        map_put_u64(&s->used, (uint64_t)b.module << 32 | b.name, 1);
        use_export(s, b.module, b.name);
    }
    if (b.kind == LINK_NAMESPACE) observe(s, b.module);
    if (b.kind == LINK_DYNAMIC && b.module && b.module == direct && b.name &&
        b.name != link_find_name(s->L, "default", 7)) {
        /* a name of a CommonJS module, read from its exports (and its
         * __esModule flag, which the bundlers' interop reads) */
        use_cjs(s, direct, b.name);
        use_cjs(s, direct, link_intern_name(s->L, "__esModule", 10));
    } else if (b.kind == LINK_DYNAMIC || b.kind == LINK_OPEN) { /* read through direct's namespace */
        keep(s, direct);
        observe(s, direct);
    }
}

/* Kept module id is granular: its statements' table, the ones with side
 * effects and those declaring exports already read. */
static void start_statements(Shake *s, ModuleId id) {
    const Module *m = graph_module(s->g, id);
    const OutPrep *p = &m->body->prep;
    LinkModule *lm = &s->L->modules[id - 1];
    if (!lm->part_live) {
        lm->part_live = ARENA_ZARRAY(&s->L->arena, uint8_t, p->nparts);
        const JsRecord *r = &m->body->record;
        for (uint32_t i = 0; i < r->exports.len; i++) {
            const JsExport *e = &r->exports.data[i];
            uint32_t part = 0;
            if (e->kind == JS_EXPORT_LOCAL && e->local && e->local <= p->nsyms) part = p->sym_part[e->local];
            for (uint32_t j = 0; e->kind == JS_EXPORT_DEFAULT_EXPR && j < p->nparts; j++)
                if (p->parts[j].is_default) part = j + 1;
            LinkNameId name = link_find_name(s->L, e->exported, e->exported_len);
            if (part && name) map_put_u64(&s->export_part, (uint64_t)id << 32 | name, part);
        }
        for (uint32_t i = 0; i < p->nparts; i++)
            if (!p->parts[i].pure) live_part(s, id, i);
    }
    const JsRecord *r = &m->body->record;
    for (uint32_t i = 0; i < r->exports.len; i++) {
        const JsExport *e = &r->exports.data[i];
        if (e->kind != JS_EXPORT_LOCAL && e->kind != JS_EXPORT_DEFAULT_EXPR) continue;
        LinkNameId name = link_find_name(s->L, e->exported, e->exported_len);
        uint64_t v;
        if (name && (s->whole[id] || lm->ns_needed || map_get_u64(&s->used, (uint64_t)id << 32 | name, &v)))
            use_export(s, id, name);
    }
}

/* Statement part of module id stays: what it refers to stays too, in the
 * module (statements) and through its imports (other modules' exports). */
static void visit_part(Shake *s, ModuleId id, uint32_t part) {
    const OutPrep *p = &graph_module(s->g, id)->body->prep;
    const LinkModule *lm = &s->L->modules[id - 1];
    const JsRecord *r = &graph_module(s->g, id)->body->record;
    const OutPart *q = &p->parts[part];
    for (uint32_t k = 0; k < q->nrefs; k++) {
        uint32_t y = p->part_refs[q->first_ref + k];
        live_part(s, id, p->sym_part[y] - 1);
        uint64_t im;
        if (map_get_u64(&s->L->import_of, (uint64_t)id << 32 | y, &im))
            keep_binding(s, lm->imports[im - 1], lm->dep_target[r->imports.data[im - 1].dep]);
    }
    for (uint32_t k = 0; k < q->nfollow; k++) live_part(s, id, p->part_follow[q->first_follow + k]);
    for (uint32_t k = 0; k < q->nreads; k++) live_defs(s, id, p->part_reads[q->first_read + k]); /* exports.name */
    if (q->ndeps) load_part_deps(s, id, q);
    /* a piece of a sequence that cannot begin its statement keeps the one before it */
    if (q->risky_start && part && p->parts[part - 1].split && p->parts[part - 1].stmt_start == q->stmt_start)
        live_part(s, id, part - 1);
}

/* What kept module id needs kept. */
static void visit(Shake *s, ModuleId id) {
    const ModuleGraph *g = s->g;
    const Module *m = graph_module(g, id);
    if (m->kind != MODULE_JS) return;
    const OutPrep *p = &m->body->prep;
    if (!graph_module_is_esm(g, id) && p->cjs_granular && p->nparts) {
        start_cjs(s, id); /* its parts load their dependencies */
        return;
    }
    for (uint32_t j = 0; j < m->ndeps; j++) {
        const Dependency *d = graph_dep(g, m->first_dep + j);
        load(s, d, p->dep_uses ? &p->dep_uses[d->record_dep] : NULL, p->use_names);
    }
    if (!graph_module_is_esm(g, id)) return;
    const JsRecord *r = &m->body->record;
    const LinkModule *lm = &s->L->modules[id - 1];
    if (granular(s, id)) start_statements(s, id);
    else
        for (uint32_t i = 0; i < r->imports.len; i++) /* a direct eval may read any of them */
            if (r->imports.data[i].referenced || m->body->prep.direct_eval)
                keep_binding(s, lm->imports[i], lm->dep_target[r->imports.data[i].dep]);
    if (!lm->ns_needed && !s->whole[id]) return;
    /* its namespace is observed: every name of it must read its value */
    for (uint32_t i = 0; i < r->exports.len; i++) {
        const JsExport *e = &r->exports.data[i];
        ModuleId direct = e->dep ? lm->dep_target[e->dep] : 0;
        if (e->kind == JS_EXPORT_STAR && direct && !graph_module_is_esm(s->g, direct))
            observe(s, direct); /* a CommonJS module's exports, copied at run time */
        else if (e->kind == JS_EXPORT_STAR) keep(s, direct); /* its names below */
        else keep_binding(s, lm->exports[i], direct);
    }
    if (lm->star_static)
        for (uint32_t i = 0; i < lm->nstar_names; i++) keep_binding(s, lm->star_bindings[i], 0);
}

void seal_shake(Seal *seal) {
    if (seal->options->no_tree_shaking) return;
    const ModuleGraph *g = seal->graph;
    Link *L = &seal->link;
    uint32_t n = g->modules.len;
    Shake s = {.L = L, .g = g, .kept = mem_zalloc(n + 1), .whole = mem_zalloc(n + 1), .reached = mem_zalloc(n + 1),
               .effects = mem_zalloc(n + 1)};
    uint8_t *reached = s.reached, *runs = mem_zalloc(n + 1);
    for (uint32_t c = 0; c < seal->chunks.len; c++) {
        const SealChunk *ch = &seal->chunks.data[c];
        if (!ch->entry) continue; /* (a loaded chunk of --splitting: what an import() loads) */
        keep(&s, ch->entry);
        observe(&s, ch->entry);
    }
    while (s.work.len || s.parts.len || s.reach_work.len) {
        if (s.reach_work.len) {
            reach_imports(&s, VEC_POP(&s.reach_work));
        } else if (s.parts.len) {
            uint32_t part = VEC_POP(&s.parts);
            ModuleId id = VEC_POP(&s.parts);
            visit_part(&s, id, part);
        } else {
            visit(&s, VEC_POP(&s.work));
        }
    }

    /* What must run: kept modules, and the ES modules that import one. */
    uint32_t *first, *from;
    graph_importers(g, &first, &from);
    VEC_CLEAR(&s.work);
    for (ModuleId id = 1; id <= n; id++)
        if (s.kept[id] && has_side_effects(&s, id)) {
            runs[id] = 1;
            VEC_PUSH(&s.work, id);
        }
    while (s.work.len) {
        ModuleId id = VEC_POP(&s.work);
        for (uint32_t j = first[id]; j < first[id + 1]; j++) {
            ModuleId p = from[j];
            /* a module its package says has no side effects runs for its own
             * code only (esbuild's and webpack's reading: its imports go with it) */
            if (runs[p] || reached[p] != 2) continue;
            runs[p] = 1;
            VEC_PUSH(&s.work, p);
        }
    }
    for (ModuleId id = 1; id <= n; id++)
        L->modules[id - 1].shake = s.kept[id] ? LINK_SHAKE_KEPT : runs[id] ? LINK_SHAKE_RUN_ONLY : LINK_SHAKE_DROPPED;
    /* Node's namespace of a CommonJS module cut in parts holds the names read
     * (the others' getters may be gone), unless its exports object escapes */
    for (ModuleId id = 1; id <= n; id++) {
        LinkModule *lm = &L->modules[id - 1];
        if (!s.kept[id] || s.whole[id] || !lm->ncjs_names || graph_module(g, id)->kind != MODULE_JS ||
            !graph_module(g, id)->body->prep.cjs_granular)
            continue;
        lm->cjs_used = ARENA_ZARRAY(&L->arena, uint8_t, lm->ncjs_names);
        for (uint32_t i = 0; i < lm->ncjs_names; i++) {
            uint64_t v;
            lm->cjs_used[i] = map_get_u64(&s.used, (uint64_t)id << 32 | lm->cjs_names[i], &v);
        }
    }
    for (uint32_t c = 0; c < seal->chunks.len; c++) {
        VecU32 *mods = &seal->chunks.data[c].modules;
        uint32_t k = 0;
        for (uint32_t i = 0; i < mods->len; i++)
            if (L->modules[mods->data[i] - 1].shake != LINK_SHAKE_DROPPED) mods->data[k++] = mods->data[i];
        mods->len = k;
    }
    mem_free(from);
    mem_free(first);
    mem_free(runs);
    mem_free(reached);
    VEC_FREE(&s.reach_work);
    mem_free(s.kept);
    mem_free(s.whole);
    mem_free(s.effects);
    VEC_FREE(&s.work);
    map_free(&s.used);
    map_free(&s.export_part);
    map_free(&s.cjs_name);
    VEC_FREE(&s.parts);
}
