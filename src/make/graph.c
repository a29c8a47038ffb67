/* make/graph.c: the module graph's tables, its deterministic renumbering
 * and its text dump (see graph.h).
 * Memory: modules and dependencies on the C heap (VEC); each module's arena
 * and heap-owned record and export-name lists are released by graph_free.
 * Pipeline: written by the make loop's main tasks; graph_finish runs once
 * the loop is done, before seal reads the graph. */
#include "make/graph.h"

#include "base/mem.h"

#include <string.h>

void graph_init(ModuleGraph *g) { memset(g, 0, sizeof *g); }

void graph_free(ModuleGraph *g) {
    for (uint32_t i = 0; i < g->modules.len; i++) {
        Module *m = &g->modules.data[i];
        if (m->body) {
            js_record_free(&m->body->record);
            js_cjs_exports_free(&m->body->cjs_exports);
        }
        arena_free(&m->arena);
    }
    VEC_FREE(&g->modules);
    VEC_FREE(&g->deps);
    map_free(&g->by_path);
    map_free(&g->empty_by_path);
    VEC_FREE(&g->entries);
}

ModuleId graph_add_module(ModuleGraph *g, const Istr *path, ModuleKind kind, bool *created) {
    Map *map = kind == MODULE_EMPTY ? &g->empty_by_path : &g->by_path;
    uint64_t id;
    if (map_get_u64(map, (uint64_t)(uintptr_t)path, &id)) {
        *created = false;
        return (ModuleId)id;
    }
    Module m;
    memset(&m, 0, sizeof m);
    m.path = path;
    m.kind = (uint8_t)kind;
    m.state = kind == MODULE_EMPTY ? MODULE_BUILT : MODULE_PENDING;
    arena_init(&m.arena, 0);
    VEC_PUSH(&g->modules, m);
    map_put_u64(map, (uint64_t)(uintptr_t)path, g->modules.len);
    *created = true;
    return g->modules.len;
}

bool graph_kind_for_path(const char *path, uint32_t len, ModuleKind *kind, const char **ext) {
    uint32_t base = len;
    while (base > 0 && path[base - 1] != '/') base--;
    uint32_t dot = len;
    while (dot > base && path[dot - 1] != '.') dot--;
    *ext = NULL;
    if (dot == base || dot - 1 == base) { /* no extension, or a dotfile */
        *kind = MODULE_JS;
        return true;
    }
    const char *e = path + dot - 1;
    *ext = e;
    if (!strcmp(e, ".js") || !strcmp(e, ".mjs") || !strcmp(e, ".cjs")) {
        *kind = MODULE_JS;
        return true;
    }
    if (!strcmp(e, ".json")) {
        *kind = MODULE_JSON;
        return true;
    }
    return false;
}

const char *graph_display_path(Arena *a, const char *cwd, const char *path) {
    size_t cl = strlen(cwd), pl = strlen(path);
    if (cl == 1 && cwd[0] == '/') return arena_strndup(a, path + 1, pl - 1);
    /* The longest common prefix ending at a directory boundary. */
    size_t common = 0;
    for (size_t i = 0; i <= cl && i <= pl; i++) {
        bool cend = i == cl || cwd[i] == '/', pend = i == pl || path[i] == '/';
        if (cend && pend) common = i;
        if (i == cl || i == pl || cwd[i] != path[i]) break;
    }
    size_t ups = 0;
    for (size_t i = common; i < cl; i++)
        if (cwd[i] == '/') ups++;
    const char *rest = path + common;
    if (*rest == '/') rest++;
    size_t rl = strlen(rest);
    char *out = arena_alloc(a, ups * 3 + rl + 1, 1);
    char *p = out;
    for (size_t i = 0; i < ups; i++, p += 3) memcpy(p, "../", 3);
    memcpy(p, rest, rl + 1);
    if (p != out && rl == 0) p[-1] = '\0'; /* "../.." rather than "../../" */
    return out;
}

/* Post-order walk from the entries, iterative (graphs can be deep).
 * order[k] = the old id of the module that gets new id k + 1. */
static uint32_t post_order(const ModuleGraph *g, ModuleId *order) {
    uint32_t n = g->modules.len, count = 0;
    uint8_t *seen = mem_zalloc(n + 1);
    typedef struct Frame { ModuleId m; uint32_t next; } Frame;
    VEC(Frame) stack = {0};
    for (uint32_t e = 0; e < g->entries.len; e++) {
        ModuleId root = g->entries.data[e];
        if (!root || seen[root]) continue;
        seen[root] = 1;
        VEC_PUSH(&stack, ((Frame){root, 0}));
        while (stack.len) {
            Frame *f = &stack.data[stack.len - 1];
            const Module *m = graph_module(g, f->m);
            if (f->next < m->ndeps) {
                ModuleId to = graph_dep(g, m->first_dep + f->next)->to;
                f->next++;
                if (to && !seen[to]) {
                    seen[to] = 1;
                    VEC_PUSH(&stack, ((Frame){to, 0}));
                }
                continue;
            }
            order[count++] = f->m;
            stack.len--;
        }
    }
    VEC_FREE(&stack);
    mem_free(seen);
    return count;
}

void graph_finish(ModuleGraph *g) {
    /* Connect: each dependency takes its request's answer. */
    for (uint32_t i = 0; i < g->deps.len; i++) {
        Dependency *d = &g->deps.data[i];
        const MakeRequest *rq = &graph_module(g, d->from)->requests[d->request];
        d->to = rq->module;
        d->outcome = (uint8_t)rq->result.outcome;
    }
    uint32_t n = g->modules.len;
    if (!n) return;
    ModuleId *order = mem_alloc(sizeof(ModuleId) * n);
    uint32_t count = post_order(g, order);
    /* Every module was created by a request of a module reached from an
     * entry, so the walk reaches them all. */
    if (count != n) mem_fatal("make: module graph has unreachable modules");
    ModuleId *new_id = mem_zalloc(sizeof(ModuleId) * (n + 1));
    for (uint32_t k = 0; k < n; k++) new_id[order[k]] = k + 1;

    Module *mods = mem_alloc(sizeof(Module) * n);
    Dependency *deps = g->deps.len ? mem_alloc(sizeof(Dependency) * g->deps.len) : NULL;
    uint32_t nd = 0;
    for (uint32_t k = 0; k < n; k++) {
        Module m = *graph_module(g, order[k]);
        uint32_t first = nd;
        for (uint32_t j = 0; j < m.ndeps; j++) {
            Dependency d = *graph_dep(g, m.first_dep + j);
            d.from = k + 1;
            d.to = new_id[d.to];
            deps[nd++] = d;
        }
        m.first_dep = m.ndeps ? first + 1 : 0;
        for (uint32_t j = 0; j < m.nrequests; j++) m.requests[j].module = new_id[m.requests[j].module];
        mods[k] = m;
    }
    memcpy(g->modules.data, mods, sizeof(Module) * n);
    if (nd) memcpy(g->deps.data, deps, sizeof(Dependency) * nd);
    for (uint32_t e = 0; e < g->entries.len; e++) g->entries.data[e] = new_id[g->entries.data[e]];
    map_clear(&g->by_path);
    map_clear(&g->empty_by_path);
    for (uint32_t k = 0; k < n; k++) {
        const Module *m = &g->modules.data[k];
        map_put_u64(m->kind == MODULE_EMPTY ? &g->empty_by_path : &g->by_path, (uint64_t)(uintptr_t)m->path, k + 1);
    }
    mem_free(deps);
    mem_free(mods);
    mem_free(new_id);
    mem_free(order);
}

static const char *kind_name(ModuleKind k) {
    switch (k) {
    case MODULE_JS: return "js";
    case MODULE_JSON: return "json";
    case MODULE_EMPTY: return "empty";
    }
    return "?";
}

static const char *dep_kind_name(JsDepKind k) {
    switch (k) {
    case JS_DEP_IMPORT: return "import";
    case JS_DEP_EXPORT_FROM: return "export-from";
    case JS_DEP_REQUIRE: return "require";
    case JS_DEP_DYNAMIC_IMPORT: return "import()";
    }
    return "?";
}

void graph_dump(const ModuleGraph *g, const char *cwd, FILE *out) {
    Arena a;
    arena_init(&a, 0);
    for (uint32_t e = 0; e < g->entries.len; e++) {
        if (g->entries.data[e]) fprintf(out, "entry %u -> %u\n", e + 1, g->entries.data[e]);
        else fprintf(out, "entry %u -> (not found)\n", e + 1);
    }
    for (uint32_t k = 0; k < g->modules.len; k++) {
        const Module *m = &g->modules.data[k];
        const char *state = m->state == MODULE_FAILED ? " failed" : "";
        const char *format = "";
        if (m->kind == MODULE_JS && m->state == MODULE_BUILT)
            format = m->body->record.kind == JS_MODULE_ESM ? " esm" : m->body->record.kind == JS_MODULE_CJS ? " cjs" : " none";
        /* Only "false" is shown: it is the answer tree shaking acts on, and
         * dumps of packages without the field stay as they were. */
        const char *pure = m->side_effects == FILE_SIDE_EFFECTS_FALSE ? " side-effects:false" : "";
        fprintf(out, "module %u %s%s%s%s %s\n", k + 1, kind_name((ModuleKind)m->kind), format, state, pure,
                graph_display_path(&a, cwd, m->path->str));
        for (uint32_t j = 0; j < m->ndeps; j++) {
            const Dependency *d = graph_dep(g, m->first_dep + j);
            const MakeRequest *rq = &m->requests[d->request];
            fprintf(out, "  %s \"%s\" -> ", dep_kind_name((JsDepKind)d->kind), rq->source);
            switch ((ResolveOutcome)d->outcome) {
            case RESOLVE_FILE:
                if (d->to) fprintf(out, "%u\n", d->to);
                else fprintf(out, "(no loader)\n");
                break;
            case RESOLVE_EMPTY: fprintf(out, "%u (empty)\n", d->to); break;
            case RESOLVE_EXTERNAL: fprintf(out, "external \"%s\"\n", rq->result.path->str); break;
            case RESOLVE_ERROR: fprintf(out, "(error)\n"); break;
            }
        }
        arena_reset(&a);
    }
    arena_free(&a);
}

void graph_importers(const ModuleGraph *g, uint32_t **first_out, uint32_t **from_out) {
    uint32_t n = g->modules.len, ndeps = g->deps.len;
    uint32_t *first = mem_zalloc(sizeof(uint32_t) * (n + 2)), *from = mem_zalloc(sizeof(uint32_t) * (ndeps + 1));
    uint32_t *fill = mem_zalloc(sizeof(uint32_t) * (n + 1));
    for (uint32_t i = 1; i <= ndeps; i++) {
        const Dependency *d = graph_dep(g, i);
        if (d->to && (d->kind == JS_DEP_IMPORT || d->kind == JS_DEP_EXPORT_FROM)) first[d->to + 1]++;
    }
    for (uint32_t k = 1; k <= n + 1; k++) first[k] += first[k - 1];
    for (uint32_t i = 1; i <= ndeps; i++) {
        const Dependency *d = graph_dep(g, i);
        if (d->to && (d->kind == JS_DEP_IMPORT || d->kind == JS_DEP_EXPORT_FROM))
            from[first[d->to] + fill[d->to]++] = d->from;
    }
    mem_free(fill);
    *first_out = first;
    *from_out = from;
}
