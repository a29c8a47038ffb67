/* seal/codegen.c: the code generation pass.  Every module of a chunk gets
 * its wrapper function (src/output/codegen.c), once, however many chunks
 * hold it.  Sequential today; each module reads only the graph, so this is
 * the pass that goes parallel first (the output is per module, merged by
 * id, so it cannot depend on scheduling).
 * In:  Seal.chunks and the graph.  Out: Seal.code (heap, by module id).
 * Memory: one scratch arena, reset after each module.  Order: after chunks. */
#include "seal/seal.h"

#include "base/mem.h"

void seal_codegen(Seal *seal) {
    const ModuleGraph *g = seal->graph;
    uint32_t n = g->modules.len;
    seal->code = mem_zalloc(sizeof(OutModuleCode) * (n ? n : 1));
    uint8_t *done = mem_zalloc(n + 1);
    Arena scratch;
    arena_init(&scratch, 0);
    for (uint32_t c = 0; c < seal->chunks.len; c++) {
        const SealChunk *ch = &seal->chunks.data[c];
        for (uint32_t i = 0; i < ch->modules.len; i++) {
            ModuleId id = ch->modules.data[i];
            if (done[id]) continue;
            done[id] = 1;
            out_codegen_module(g, id, seal->options, &scratch, &seal->code[id - 1], seal->diags);
            arena_reset(&scratch);
        }
    }
    arena_free(&scratch);
    mem_free(done);
}
