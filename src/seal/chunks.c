/* seal/chunks.c: the chunks pass.  One chunk per entry point, holding every
 * module reachable from it (through imports, export-froms, require() and
 * import(): without code splitting, an import() target is in the entry's
 * chunk), in id order, and the path it is written to: outfile, or
 * outdir/<entry name>.js, or standard output when neither is given.
 * In:  the graph's entries and dependencies.  Out: Seal.chunks.
 * Memory: paths in the seal's arena.  Order: the first pass. */
#include "seal/seal.h"

#include "base/mem.h"
#include "resolve/path.h"

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

static const char *out_path(Seal *seal, ModuleId entry) {
    const BaleOptions *o = seal->options;
    PathBuf p;
    if (o->outfile) {
        path_resolve(&p, seal->cwd, strlen(seal->cwd), o->outfile, strlen(o->outfile));
    } else if (o->outdir) {
        const char *path = graph_module(seal->graph, entry)->path->str;
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        const char *dot = strrchr(base, '.');
        size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
        PathBuf dir;
        path_resolve(&dir, seal->cwd, strlen(seal->cwd), o->outdir, strlen(o->outdir));
        p = dir;
        path_push(&p, base, n);
        path_append(&p, ".js", 3);
    } else {
        return NULL;
    }
    if (p.overflow) {
        diag_add(seal->diags, DIAG_ERROR, DIAG_IO, NULL, 0, 0, "output path too long");
        return NULL;
    }
    return arena_strndup(&seal->arena, p.s, p.len);
}

void seal_chunks(Seal *seal) {
    const ModuleGraph *g = seal->graph;
    const BaleOptions *o = seal->options;
    if (!o->outfile && !o->outdir && g->entries.len > 1) {
        diag_add(seal->diags, DIAG_ERROR, DIAG_CONFIG, NULL, 0, 0,
                 "%u entry points need outdir (without outfile or outdir, the bundle goes to standard output)",
                 g->entries.len);
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
