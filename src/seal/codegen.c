/* seal/codegen.c: the code generation pass.  Every module of a chunk gets
 * its wrapper function (src/output/module_text.c), once, however many chunks
 * hold it.  Modules are generated in parallel on the build's thread pool
 * (the one make used, given its code generation phase here): a task is
 * a module id (a value), a worker writes only that module's slot of
 * Seal.code and its own diagnostics list, and reads nothing but the
 * immutable graph.  The output is indexed by module id and the diagnostics
 * are sorted before printing, so nothing depends on scheduling.
 * In:  Seal.chunks and the graph.  Out: Seal.code (heap, by module id).
 * With --minify a worker then prints the module's code again (minify.h).
 * Memory: each worker's scratch arena, reset after each module (base/pool).
 * Order: after chunks. */
#include "seal/seal.h"

#include "base/mem.h"
#include "base/pool.h"
#include "output/minify.h"

typedef struct CodegenCtx {
    Seal *seal;
    DiagList *worker_diags; /* one per worker */
} CodegenCtx;

static void generate(void *ctxp, const void *task, void *result, PoolWorker *w) {
    CodegenCtx *ctx = ctxp;
    ModuleId id = *(const ModuleId *)task;
    Seal *seal = ctx->seal;
    out_codegen_module(seal->graph, &seal->link, &seal->split, id, seal->options, &w->scratch, &seal->code[id - 1], &ctx->worker_diags[w->index]);
    if (out_minifying(seal->options)) {
        const Module *m = graph_module(seal->graph, id);
        out_minify_module(&seal->code[id - 1], link_module(&seal->link, id)->hoisted, seal->options, &w->scratch,
                          &ctx->worker_diags[w->index], m->body ? &m->body->file : NULL);
    }
    *(ModuleId *)result = id;
}

void seal_codegen(Seal *seal) {
    const ModuleGraph *g = seal->graph;
    uint32_t n = g->modules.len;
    seal->code = mem_zalloc(sizeof(OutModuleCode) * (n ? n : 1));
    uint8_t *queued = mem_zalloc(n + 1);
    Pool *pool = seal->pool;
    unsigned threads = pool_threads(pool);
    CodegenCtx ctx = {seal, mem_alloc(sizeof(DiagList) * threads)};
    for (unsigned i = 0; i < threads; i++) diag_init(&ctx.worker_diags[i]);
    pool_set_run(pool, generate, &ctx, sizeof(ModuleId), sizeof(ModuleId));
    for (uint32_t c = 0; c < seal->chunks.len; c++) {
        const SealChunk *ch = &seal->chunks.data[c];
        for (uint32_t i = 0; i < ch->modules.len; i++) {
            ModuleId id = ch->modules.data[i];
            if (queued[id]) continue;
            queued[id] = 1;
            pool_submit(pool, &id);
        }
    }
    pool_drain(pool);
    pool_set_run(pool, NULL, NULL, 0, 0); /* ctx is about to go */
    for (unsigned i = 0; i < threads; i++) {
        diag_merge(seal->diags, &ctx.worker_diags[i]);
        diag_free(&ctx.worker_diags[i]);
    }
    mem_free(ctx.worker_diags);
    mem_free(queued);
}
