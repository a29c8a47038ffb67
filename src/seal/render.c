/* seal/render.c: the render pass.  Each chunk's text from its modules'
 * code (src/output/chunk_text.c).
 * In:  Seal.chunks, Seal.code.  Out: each chunk's bytes (heap).
 * Order: after codegen. */
#include "seal/seal.h"

#include <string.h>

void seal_render(Seal *seal) {
    const BaleOptions *o = seal->options;
    bool apart = o->legal_comments == BALE_LEGAL_EXTERNAL || o->legal_comments == BALE_LEGAL_LINKED;
    for (uint32_t c = 0; c < seal->chunks.len; c++) {
        SealChunk *ch = &seal->chunks.data[c];
        /* OUT.LEGAL.txt beside the output (bale.c requires an output path) */
        const char *legal_path = apart && ch->out_path ? seal_path_beside(seal, ch->out_path, ".LEGAL.txt") : NULL;
        const char *slash = legal_path ? strrchr(legal_path, '/') : NULL;
        OutChunk oc = {.entry = ch->entry, .modules = ch->modules.data, .nmodules = ch->modules.len,
                       .program = ch->program.len ? ch->program.data : NULL, .nprogram = ch->program.len,
                       .places = o->sourcemap != BALE_SOURCEMAP_NONE ? &ch->places : NULL,
                       .legal = legal_path ? &ch->legal : NULL, .legal_name = slash ? slash + 1 : legal_path};
        out_render_chunk(seal->graph, seal->code, &oc, o, seal->cwd, &ch->bytes, seal->diags);
        if (ch->legal.len) ch->legal_path = legal_path;
    }
}
