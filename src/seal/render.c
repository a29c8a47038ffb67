/* seal/render.c: the render pass.  Each chunk's text from its modules'
 * code (src/output/chunk_text.c).
 * In:  Seal.chunks, Seal.code.  Out: each chunk's bytes (heap).
 * Order: after codegen. */
#include "seal/seal.h"

void seal_render(Seal *seal) {
    for (uint32_t c = 0; c < seal->chunks.len; c++) {
        SealChunk *ch = &seal->chunks.data[c];
        OutChunk oc = {.entry = ch->entry, .modules = ch->modules.data, .nmodules = ch->modules.len,
                       .program = ch->program.len ? ch->program.data : NULL, .nprogram = ch->program.len,
                       .places = seal->options->sourcemap != BALE_SOURCEMAP_NONE ? &ch->places : NULL};
        out_render_chunk(seal->graph, seal->code, &oc, seal->options, seal->cwd, &ch->bytes, seal->diags);
    }
}
