/* seal/chunks.c: the chunks pass, the chunk graph.  Which modules each
 * output file holds, and the path it is written to.
 * In:  the graph's entries and dependencies.  Out: Seal.chunks, and with
 *      --splitting Seal.split (what each import() loads).
 * Memory: paths and the split's tables in the seal's arena.  Order: the
 *      first pass.
 *
 * Without --splitting: one chunk per entry point, holding every module
 * reachable from it (through imports, export-froms, require() and
 * import(): an import() target is in the entry's chunk), in id order;
 * its path is outfile, or outdir/<entry name>.js, or standard output.
 *
 * With --splitting (as rspack's chunk graph, on sets of module indexes
 * where rspack uses big integers, and as esbuild chooses chunks):
 *  - Groups: the entry points', then one per import() target, in the order
 *    a breadth-first walk from the entries meets them.  A group's modules
 *    S(g) are what its first module reaches through static edges (import,
 *    export-from, require(); and an import() of a pattern, whose targets
 *    stay with their importer).
 *  - Available modules: avail(entry) is empty for each; for an import() target's
 *    group, the intersection over the groups p whose modules import() it
 *    of avail(p) | S(p): what is surely loaded whenever that import() can
 *    run.  A fixpoint from "everything", recomputed only for the groups
 *    whose parents changed (a work list): it only shrinks, so it ends.
 *  - A group needs S(g) - avail(g).  A module goes to the chunk of the
 *    exact set of groups that need it: a module only one group needs is in
 *    that group's chunk, one that several async groups need is in a chunk
 *    shared by them (emitted once), and each group loads the chunks whose
 *    set holds it.  An entry's chunk is the one of {entry}; the chunks
 *    entries share they load at their start (render.c: then the runtime
 *    is a chunk of its own).
 * The sets are sorted arrays of module indexes (sparse bitsets): a union,
 * intersection or difference is a merge, as long as its sets.  Dense
 * bitsets cost modules / 64 words per group whatever the group holds, and
 * groups grow with the program (an app of N modules has about N / 20
 * routes): that made the pass quadratic (2 ms at 10K modules of
 * bench/scale's splitting shape, 49 ms at 50K).
 * Cost: a walk per group over what it reaches, sorted; the fixpoint's
 * rounds over the group graph's edges, each a merge of its parents' sets;
 * and a hash per module's set: linear in the size of the sets, with no
 * rescan of candidates. */
#include "seal/seal.h"

#include "base/hash.h"
#include "base/map.h"
#include "base/mem.h"
#include "resolve/path.h"

#include <stdlib.h>
#include <string.h>

/* Marks every module reachable from entry (iteratively). */
static void reach(const ModuleGraph *g, ModuleId entry, uint8_t *seen) {
    VecU32 stack = {0};
    seen[entry] = 1;
    VEC_PUSH(&stack, entry);
    while (stack.len) {
        const Module *m = graph_module(g, VEC_POP(&stack));
        for (uint32_t j = 0; j < m->ndeps; j++) {
            ModuleId to = graph_dep(g, m->first_dep + j)->to;
            if (to && !seen[to]) {
                seen[to] = 1;
                VEC_PUSH(&stack, to);
            }
        }
    }
    VEC_FREE(&stack);
}

const char *seal_output_path(Seal *seal, const char *tmpl, const char *dir, const char *name, const char *hash) {
    const BaleOptions *o = seal->options;
    VecChar rel = {0};
    for (const char *p = tmpl; *p;) {
        if (!strncmp(p, "[dir]", 5)) out_puts(&rel, dir), p += 5;
        else if (!strncmp(p, "[name]", 6)) out_puts(&rel, name), p += 6;
        else if (!strncmp(p, "[hash]", 6)) out_puts(&rel, hash), p += 6;
        else VEC_PUSH(&rel, *p++);
    }
    out_puts(&rel, seal_out_extension(seal));
    VEC_PUSH(&rel, 0);
    PathBuf out, p;
    path_resolve(&out, seal->cwd, strlen(seal->cwd), o->outdir, strlen(o->outdir));
    path_resolve(&p, out.s, out.len, rel.data, rel.len - 1); /* ("[dir]/x" with an empty [dir]: "/x" is relative to outdir) */
    if (rel.data[0] == '/') path_resolve(&p, out.s, out.len, rel.data + 1, rel.len - 2);
    VEC_FREE(&rel);
    if (p.overflow || out.overflow) {
        diag_add(seal->diags, DIAG_ERROR, DIAG_IO, NULL, 0, 0, "output path too long");
        return NULL;
    }
    return arena_strndup(&seal->arena, p.s, p.len);
}

const char *seal_outdir(Seal *seal) {
    PathBuf out;
    path_resolve(&out, seal->cwd, strlen(seal->cwd), seal->options->outdir, strlen(seal->options->outdir));
    return out.overflow ? NULL : arena_strndup(&seal->arena, out.s, out.len);
}

/* An entry's [dir] (relative to outbase) and [name]. */
static void entry_parts(Seal *seal, ModuleId entry, const char **dir, const char **name) {
    const char *path = graph_module(seal->graph, entry)->path->str;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    *name = arena_strndup(&seal->arena, base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
    const char *d = graph_display_path(&seal->arena, seal->outbase, seal_dir_of(seal, path));
    *dir = !strcmp(d, ".") ? "" : d;
    if (!strncmp(d, "..", 2) && (d[2] == '/' || !d[2])) { /* (its output would leave outdir) */
        diag_add(seal->diags, DIAG_ERROR, DIAG_CONFIG, &graph_module(seal->graph, entry)->body->file, 0, 0,
                 "this entry point is outside --outbase (%s), so [dir] would leave the output directory",
                 graph_display_path(&seal->arena, seal->cwd, seal->outbase));
        *dir = "";
    }
}

static const char *out_path(Seal *seal, ModuleId entry) {
    const BaleOptions *o = seal->options;
    if (o->outdir) {
        const char *tmpl = o->entry_names ? o->entry_names : "[dir]/[name]";
        if (strstr(tmpl, "[hash]")) return NULL; /* named by its bytes (render.c) */
        const char *dir, *name;
        entry_parts(seal, entry, &dir, &name);
        return seal_output_path(seal, tmpl, dir, name, "");
    }
    if (!o->outfile) return NULL;
    PathBuf p;
    path_resolve(&p, seal->cwd, strlen(seal->cwd), o->outfile, strlen(o->outfile));
    if (p.overflow) {
        diag_add(seal->diags, DIAG_ERROR, DIAG_IO, NULL, 0, 0, "output path too long");
        return NULL;
    }
    return arena_strndup(&seal->arena, p.s, p.len);
}

const char *seal_entry_path(Seal *seal, ModuleId entry, const char *hash) {
    const char *dir, *name;
    entry_parts(seal, entry, &dir, &name);
    return seal_output_path(seal, seal->options->entry_names, dir, name, hash);
}

/* outbase: --outbase, or the entries' lowest common directory. */
static void find_outbase(Seal *seal) {
    const BaleOptions *o = seal->options;
    const ModuleGraph *g = seal->graph;
    if (o->outbase) {
        PathBuf p;
        path_resolve(&p, seal->cwd, strlen(seal->cwd), o->outbase, strlen(o->outbase));
        seal->outbase = arena_strndup(&seal->arena, p.s, p.len);
        return;
    }
    size_t len = 0;
    const char *first = NULL;
    for (uint32_t e = 0; e < g->entries.len; e++) {
        if (!g->entries.data[e]) continue;
        const char *d = seal_dir_of(seal, graph_module(g, g->entries.data[e])->path->str);
        if (!first) {
            first = d, len = strlen(d);
            continue;
        }
        size_t k = 0;
        while (k < len && d[k] == first[k]) k++;
        if (k < len || (d[k] && d[k] != '/')) /* back to a whole component */
            while (k > 0 && first[k] != '/') k--;
        len = k;
    }
    seal->outbase = first ? (len ? arena_strndup(&seal->arena, first, len) : "/") : seal->cwd;
}

const char *seal_out_extension(const Seal *seal) {
    return seal->options->out_extension_js ? seal->options->out_extension_js : ".js";
}

/* ---- Splitting ----------------------------------------------------------- */

/* An edge a group's walk follows: every one but an import() of a string
 * (whose target starts a group of its own). */
static bool static_edge(const ModuleGraph *g, const Dependency *d) {
    if (d->kind != JS_DEP_DYNAMIC_IMPORT) return true;
    const JsDep *jd = &graph_module(g, d->from)->body->record.deps.data[d->record_dep - 1];
    return (jd->flags & JS_DEP_CONTEXT) != 0;
}

typedef struct Split {
    Seal *seal;
    const ModuleGraph *g;
    uint32_t n;          /* modules */
    uint32_t nentries;   /* the first groups: the entry points' */
    VecU32 groups;       /* group -> its first module */
    uint32_t *group_of;  /* module -> 1 + group, for groups' first modules */
    VecU32 *S, *avail;   /* by group: sorted module ids */
    uint8_t *avail_all;  /* by group: avail is every module (the fixpoint's start) */
    VecU32 edges;        /* (parent group, child group) pairs, each once */
} Split;

/* The groups: the entry points', then the import() targets' in the order
 * a breadth-first walk over every edge from the entries meets them. */
static void find_groups(Split *sp) {
    const ModuleGraph *g = sp->g;
    uint8_t *seen = mem_zalloc(sp->n + 1);
    VecU32 queue = {0};
    for (uint32_t e = 0; e < g->entries.len; e++) {
        ModuleId entry = g->entries.data[e];
        if (!entry || sp->group_of[entry]) continue;
        VEC_PUSH(&sp->groups, entry);
        sp->group_of[entry] = sp->groups.len;
        VEC_PUSH(&queue, entry);
        seen[entry] = 1;
    }
    sp->nentries = sp->groups.len;
    for (uint32_t q = 0; q < queue.len; q++) {
        const Module *m = graph_module(g, queue.data[q]);
        for (uint32_t j = 0; j < m->ndeps; j++) {
            const Dependency *d = graph_dep(g, m->first_dep + j);
            if (!d->to) continue;
            if (!static_edge(g, d) && !sp->group_of[d->to]) {
                VEC_PUSH(&sp->groups, d->to);
                sp->group_of[d->to] = sp->groups.len;
            }
            if (!seen[d->to]) {
                seen[d->to] = 1;
                VEC_PUSH(&queue, d->to);
            }
        }
    }
    VEC_FREE(&queue);
    mem_free(seen);
}

static int cmp_u32(const void *x, const void *y) {
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

/* S(g) for every group, and the group graph's edges (a module of p
 * import()s the first module of c). */
static void walk_groups(Split *sp) {
    const ModuleGraph *g = sp->g;
    uint32_t ng = sp->groups.len;
    sp->S = mem_zalloc(sizeof(VecU32) * (ng + 1));
    sp->avail = mem_zalloc(sizeof(VecU32) * (ng + 1));
    sp->avail_all = mem_zalloc(ng + 1);
    uint32_t *stamp = mem_zalloc(sizeof(uint32_t) * (sp->n + 1)); /* module -> 1 + the last group that reached it */
    VecU32 stack = {0};
    Map seen_edge = {0};
    for (uint32_t gi = 0; gi < ng; gi++) {
        VecU32 *S = &sp->S[gi];
        ModuleId first = sp->groups.data[gi];
        stamp[first] = gi + 1;
        VEC_PUSH(S, first);
        VEC_PUSH(&stack, first);
        while (stack.len) {
            const Module *m = graph_module(g, VEC_POP(&stack));
            for (uint32_t j = 0; j < m->ndeps; j++) {
                const Dependency *d = graph_dep(g, m->first_dep + j);
                if (!d->to) continue;
                if (!static_edge(g, d)) {
                    uint32_t child = sp->group_of[d->to] - 1;
                    if (map_put_u64(&seen_edge, (uint64_t)gi << 32 | child, 1)) {
                        VEC_PUSH(&sp->edges, gi);
                        VEC_PUSH(&sp->edges, child);
                    }
                    continue;
                }
                if (stamp[d->to] == gi + 1) continue;
                stamp[d->to] = gi + 1;
                VEC_PUSH(S, d->to);
                VEC_PUSH(&stack, d->to);
            }
        }
        qsort(S->data, S->len, sizeof(uint32_t), cmp_u32);
    }
    map_free(&seen_edge);
    VEC_FREE(&stack);
    mem_free(stamp);
}

/* out = a | b (sorted sets). */
static void set_union(VecU32 *out, const VecU32 *a, const VecU32 *b) {
    out->len = 0;
    VEC_RESERVE(out, a->len + b->len);
    uint32_t i = 0, j = 0;
    while (i < a->len && j < b->len) {
        uint32_t x = a->data[i], y = b->data[j];
        out->data[out->len++] = x <= y ? x : y;
        i += x <= y, j += y <= x;
    }
    while (i < a->len) out->data[out->len++] = a->data[i++];
    while (j < b->len) out->data[out->len++] = b->data[j++];
}

/* out = a. */
static void set_assign(VecU32 *out, const VecU32 *a) {
    out->len = 0;
    VEC_RESERVE(out, a->len);
    if (a->len) memcpy(out->data, a->data, sizeof(uint32_t) * a->len);
    out->len = a->len;
}

/* a &= b (or a -= b, subtract); returns whether a changed. */
static bool set_keep(VecU32 *a, const VecU32 *b, bool subtract) {
    uint32_t w = 0, j = 0;
    for (uint32_t i = 0; i < a->len; i++) {
        uint32_t x = a->data[i];
        while (j < b->len && b->data[j] < x) j++;
        if ((j < b->len && b->data[j] == x) != subtract) a->data[w++] = x;
    }
    bool changed = w != a->len;
    a->len = w;
    return changed;
}

/* avail(g) for every group: the greatest fixpoint of
 * avail(c) = AND over parents p of (avail(p) | S(p)), avail(entry) = {}. */
static void available(Split *sp) {
    uint32_t ng = sp->groups.len, ne = sp->edges.len / 2;
    /* the edges by child and by parent (counting sorts) */
    uint32_t *pfirst = mem_zalloc(sizeof(uint32_t) * (ng + 1)), *parents = mem_alloc(sizeof(uint32_t) * (ne + 1));
    uint32_t *cfirst = mem_zalloc(sizeof(uint32_t) * (ng + 1)), *children = mem_alloc(sizeof(uint32_t) * (ne + 1));
    for (uint32_t e = 0; e < ne; e++) pfirst[sp->edges.data[2 * e + 1] + 1]++, cfirst[sp->edges.data[2 * e] + 1]++;
    for (uint32_t i = 0; i < ng; i++) pfirst[i + 1] += pfirst[i], cfirst[i + 1] += cfirst[i];
    uint32_t *pat = mem_alloc(sizeof(uint32_t) * (ng + 1)), *cat = mem_alloc(sizeof(uint32_t) * (ng + 1));
    memcpy(pat, pfirst, sizeof(uint32_t) * ng);
    memcpy(cat, cfirst, sizeof(uint32_t) * ng);
    for (uint32_t e = 0; e < ne; e++) {
        uint32_t p = sp->edges.data[2 * e], c = sp->edges.data[2 * e + 1];
        parents[pat[c]++] = p;
        children[cat[p]++] = c;
    }
    mem_free(pat);
    mem_free(cat);
    uint32_t ne0 = sp->nentries;
    for (uint32_t gi = ne0; gi < ng; gi++) sp->avail_all[gi] = 1;
    VecU32 next = {0}, term = {0};
    uint8_t *queued = mem_zalloc(ng + 1);
    VecU32 work = {0};
    for (uint32_t gi = ne0; gi < ng; gi++) {
        VEC_PUSH(&work, gi);
        queued[gi] = 1;
    }
    for (uint32_t w = 0; w < work.len; w++) {
        uint32_t c = work.data[w];
        queued[c] = 0;
        bool all = true; /* next is every module so far */
        for (uint32_t k = pfirst[c]; k < pfirst[c + 1]; k++) {
            uint32_t p = parents[k];
            if (sp->avail_all[p]) continue; /* (everything: leaves next as it is) */
            set_union(&term, &sp->avail[p], &sp->S[p]);
            if (all) {
                set_assign(&next, &term);
                all = false;
            } else {
                set_keep(&next, &term, false);
            }
        }
        if (all) continue;
        if (sp->avail_all[c]) {
            sp->avail_all[c] = 0;
            set_assign(&sp->avail[c], &next);
        } else if (!set_keep(&sp->avail[c], &next, false)) {
            continue;
        }
        for (uint32_t k = cfirst[c]; k < cfirst[c + 1]; k++)
            if (children[k] >= ne0 && !queued[children[k]]) {
                queued[children[k]] = 1;
                VEC_PUSH(&work, children[k]);
            }
    }
    VEC_FREE(&work);
    VEC_FREE(&next);
    VEC_FREE(&term);
    mem_free(queued);
    mem_free(pfirst);
    mem_free(parents);
    mem_free(cfirst);
    mem_free(children);
}

/* What group gi needs: S(gi) - avail(gi), in place of S (sorted). */
static void needs(Split *sp, uint32_t gi) {
    if (sp->avail_all[gi]) sp->S[gi].len = 0; /* (never reached: every group has a path from an entry) */
    else set_keep(&sp->S[gi], &sp->avail[gi], true);
}

/* The chunks: the entry's, then one per other set of groups that needs a
 * module, in the order of their first modules; and what each group loads. */
static void make_chunks(Split *sp) {
    Seal *seal = sp->seal;
    Arena *a = &seal->arena;
    uint32_t ng = sp->groups.len;
    /* by module: the groups that need it, increasing */
    uint32_t *count = mem_zalloc(sizeof(uint32_t) * (sp->n + 2));
    for (uint32_t gi = 0; gi < ng; gi++) {
        needs(sp, gi);
        for (uint32_t k = 0; k < sp->S[gi].len; k++) count[sp->S[gi].data[k] - 1 + 2]++;
    }
    for (uint32_t i = 0; i < sp->n; i++) count[i + 2] += count[i + 1];
    uint32_t *sets = ARENA_ARRAY(a, uint32_t, count[sp->n + 1] + 1); /* module i's groups: sets[count[i]..count[i+1]) */
    for (uint32_t gi = 0; gi < ng; gi++)
        for (uint32_t k = 0; k < sp->S[gi].len; k++) sets[count[sp->S[gi].data[k] - 1 + 1]++] = gi;
    /* count[i] is now where module i's set starts, count[i + 1] where it ends */
    Map by_set = {0}; /* the set's bytes -> 1 + chunk index */
    uint32_t ne = sp->nentries;
    uint32_t *own = ARENA_ARRAY(a, uint32_t, ne + 1); /* the entries' sets: {i} */
    VecU32 chunk_first = {0}; /* by chunk: its set's start in sets (entries: unused), for the loads */
    VecU32 chunk_end = {0};
    for (uint32_t i = 0; i < ne; i++) {
        own[i] = i;
        map_put_str(&by_set, (const char *)&own[i], sizeof(uint32_t), i + 1);
        SealChunk entry = {.entry = sp->groups.data[i], .out_path = out_path(seal, sp->groups.data[i])};
        VEC_PUSH(&seal->chunks, entry);
        VEC_PUSH(&chunk_first, 0);
        VEC_PUSH(&chunk_end, 0);
    }
    for (ModuleId id = 1; id <= sp->n; id++) {
        uint32_t s = count[id - 1], e = count[id];
        if (s == e) continue; /* not reached */
        uint64_t v;
        if (!map_get_str(&by_set, (const char *)&sets[s], sizeof(uint32_t) * (e - s), &v)) {
            VEC_PUSH(&seal->chunks, ((SealChunk){0}));
            v = seal->chunks.len;
            map_put_str(&by_set, (const char *)&sets[s], sizeof(uint32_t) * (e - s), v);
            VEC_PUSH(&chunk_first, s);
            VEC_PUSH(&chunk_end, e);
        }
        VEC_PUSH(&seal->chunks.data[v - 1].modules, id);
    }
    map_free(&by_set);
    /* each group loads the chunks whose set holds it: an entry those it
     * shares with other entries, an import() target's group the rest (an
     * entry's own chunk is in no other set) */
    uint32_t nc = seal->chunks.len;
    uint32_t *lfirst = ARENA_ZARRAY(a, uint32_t, ng + 2);
    for (uint32_t c = ne; c < nc; c++)
        for (uint32_t k = chunk_first.data[c]; k < chunk_end.data[c]; k++) lfirst[sets[k] + 2]++;
    for (uint32_t gi = 0; gi < ng; gi++) lfirst[gi + 2] += lfirst[gi + 1];
    uint32_t *loads = ARENA_ARRAY(a, uint32_t, lfirst[ng + 1] + 1);
    for (uint32_t c = ne; c < nc; c++)
        for (uint32_t k = chunk_first.data[c]; k < chunk_end.data[c]; k++) loads[lfirst[sets[k] + 1]++] = c - ne;
    VEC_FREE(&chunk_first);
    VEC_FREE(&chunk_end);
    mem_free(count);
    /* the split, for code generation and the runtime */
    uint32_t *group_of = ARENA_ZARRAY(a, uint32_t, sp->n + 1);
    for (uint32_t gi = ne; gi < ng; gi++) group_of[sp->groups.data[gi]] = gi;
    seal->split = (OutSplit){.group_of = group_of, .first = lfirst, .loads = loads, .ngroups = ng,
                             .nchunks = nc - ne, .nentries = ne};
    /* an import() of another entry point would need that entry's own
     * chunk (one entry's is always loaded) */
    for (uint32_t e = 0; ne > 1 && e < sp->edges.len / 2; e++) {
        uint32_t child = sp->edges.data[2 * e + 1];
        if (child >= ne || child == sp->edges.data[2 * e]) continue;
        diag_add(seal->diags, DIAG_ERROR, DIAG_NOT_IMPLEMENTED, &graph_module(sp->g, sp->groups.data[child])->body->file, 0, 0,
                 "--splitting with an entry point that another entry point imports is not implemented yet: "
                 "no output was written");
        break;
    }
    /* an entry another entry imports is in a shared chunk: its own would
     * have to run it from there */
    for (uint32_t i = 0; i < ne; i++) {
        ModuleId e = sp->groups.data[i];
        const VecU32 *mods = &seal->chunks.data[i].modules;
        bool has = false;
        for (uint32_t k = 0; k < mods->len && !has; k++) has = mods->data[k] == e;
        if (!has)
            diag_add(seal->diags, DIAG_ERROR, DIAG_NOT_IMPLEMENTED, &graph_module(sp->g, e)->body->file, 0, 0,
                     "--splitting with an entry point that another entry point imports is not implemented yet: "
                     "no output was written");
    }
}

static void split(Seal *seal) {
    const ModuleGraph *g = seal->graph;
    Split sp = {.seal = seal, .g = g, .n = g->modules.len};
    sp.group_of = mem_zalloc(sizeof(uint32_t) * (sp.n + 1));
    find_groups(&sp);
    walk_groups(&sp);
    available(&sp);
    make_chunks(&sp);
    for (uint32_t gi = 0; gi < sp.groups.len; gi++) VEC_FREE(&sp.S[gi]), VEC_FREE(&sp.avail[gi]);
    mem_free(sp.S);
    mem_free(sp.avail);
    mem_free(sp.avail_all);
    mem_free(sp.group_of);
    VEC_FREE(&sp.groups);
    VEC_FREE(&sp.edges);
}

void seal_chunks(Seal *seal) {
    const ModuleGraph *g = seal->graph;
    const BaleOptions *o = seal->options;
    find_outbase(seal);
    if (!o->outfile && !o->outdir && g->entries.len > 1) {
        diag_add(seal->diags, DIAG_ERROR, DIAG_CONFIG, NULL, 0, 0,
                 "%u entry points need outdir (without outfile or outdir, the bundle goes to standard output)",
                 g->entries.len);
        return;
    }
    if (o->splitting) {
        split(seal);
        return;
    }
    uint8_t *seen = mem_zalloc(g->modules.len + 1);
    for (uint32_t e = 0; e < g->entries.len; e++) {
        ModuleId entry = g->entries.data[e];
        if (!entry) continue;
        memset(seen, 0, g->modules.len + 1);
        reach(g, entry, seen);
        SealChunk c = {.entry = entry, .out_path = out_path(seal, entry)};
        for (ModuleId id = 1; id <= g->modules.len; id++)
            if (seen[id]) VEC_PUSH(&c.modules, id);
        VEC_PUSH(&seal->chunks, c);
    }
    mem_free(seen);
}

/* After tree shaking: a loaded chunk whose every module it left out goes,
 * with its place in what the groups load (chunk numbers close up). */
void seal_chunks_prune(Seal *seal) {
    OutSplit *sp = &seal->split;
    if (!sp->group_of) return;
    uint32_t ne = sp->nentries, nc = seal->chunks.len, kept = ne;
    uint32_t *renum = ARENA_ARRAY(&seal->arena, uint32_t, nc - ne + 1); /* old number -> new, or UINT32_MAX */
    for (uint32_t c = ne; c < nc; c++) {
        SealChunk *ch = &seal->chunks.data[c];
        if (!ch->modules.len) {
            VEC_FREE(&ch->modules);
            renum[c - ne] = UINT32_MAX;
            continue;
        }
        renum[c - ne] = kept - ne;
        seal->chunks.data[kept++] = *ch;
    }
    if (kept == nc) return;
    seal->chunks.len = kept;
    uint32_t *first = ARENA_ZARRAY(&seal->arena, uint32_t, sp->ngroups + 1);
    uint32_t *loads = ARENA_ARRAY(&seal->arena, uint32_t, sp->first[sp->ngroups] + 1), n = 0;
    for (uint32_t g = 0; g < sp->ngroups; g++) {
        first[g] = n;
        for (uint32_t k = sp->first[g]; k < sp->first[g + 1]; k++)
            if (renum[sp->loads[k]] != UINT32_MAX) loads[n++] = renum[sp->loads[k]];
    }
    first[sp->ngroups] = n;
    sp->first = first, sp->loads = loads, sp->nchunks = kept - ne;
}
