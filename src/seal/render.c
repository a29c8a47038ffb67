/* seal/render.c: the render pass.  Each chunk's text from its modules'
 * code (src/output/chunk_text.c).
 * In:  Seal.chunks, Seal.code.  Out: each chunk's bytes (heap), and with
 *      --splitting the loaded chunks' paths (Seal.split.files).
 * Order: after codegen.
 *
 * With --splitting the loaded chunks are written first: each is named
 * chunk-HASH (a hash of its bytes, which name no other file), and the
 * entry, whose loader lists those names, last. */
#include "seal/seal.h"

#include "base/hash.h"

#include <string.h>

/* 8 characters of base 32 (A-Z, 2-7) from h. */
static void hash_name(uint64_t h, char out[9]) {
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    for (int i = 0; i < 8; i++) out[i] = digits[(h >> (5 * i)) & 31];
    out[8] = 0;
}

static void render_one(Seal *seal, SealChunk *ch, uint32_t split_runtime) {
    const BaleOptions *o = seal->options;
    bool apart = o->legal_comments == BALE_LEGAL_EXTERNAL || o->legal_comments == BALE_LEGAL_LINKED;
    /* OUT.LEGAL.txt beside the output (bale.c requires an output path) */
    const char *legal_path = apart && ch->out_path ? seal_path_beside(seal, ch->out_path, ".LEGAL.txt") : NULL;
    const char *slash = legal_path ? strrchr(legal_path, '/') : NULL;
    OutChunk oc = {.entry = ch->entry, .modules = ch->modules.data, .nmodules = ch->modules.len,
                   .program = ch->program.len ? ch->program.data : NULL, .nprogram = ch->program.len,
                   .places = o->sourcemap != BALE_SOURCEMAP_NONE ? &ch->places : NULL,
                   .legal = legal_path ? &ch->legal : NULL, .legal_name = slash ? slash + 1 : legal_path,
                   .split = seal->split.group_of ? &seal->split : NULL, .split_runtime = split_runtime};
    out_render_chunk(seal->graph, seal->code, &oc, o, seal->cwd, &ch->bytes, seal->diags);
    if (ch->legal.len) ch->legal_path = legal_path;
}

/* An entry named by --entry-names with [hash]: its path, from its bytes. */
static void name_entry(Seal *seal, SealChunk *ch) {
    if (ch->out_path || !seal->options->outdir || !ch->entry) return;
    char h[9];
    hash_name(hash_bytes(ch->bytes.data, ch->bytes.len), h);
    ch->out_path = seal_entry_path(seal, ch->entry, h);
}

void seal_render(Seal *seal) {
    if (!seal->split.group_of) {
        for (uint32_t c = 0; c < seal->chunks.len; c++) {
            render_one(seal, &seal->chunks.data[c], 0);
            name_entry(seal, &seal->chunks.data[c]);
        }
        return;
    }
    /* what the loaded chunks' modules need of the runtime, which the entry gives them */
    uint32_t req = 0;
    for (uint32_t c = 1; c < seal->chunks.len; c++) {
        const SealChunk *ch = &seal->chunks.data[c];
        for (uint32_t i = 0; i < ch->modules.len; i++) req |= seal->code[ch->modules.data[i] - 1].runtime;
    }
    req &= ~OUT_RT_NO_TABLE;
    /* the chunks' names, relative to the entry's directory (its name may wait for its hash) */
    SealChunk *entry = &seal->chunks.data[0];
    const char *epath = entry->out_path ? entry->out_path : seal_entry_path(seal, entry->entry, "");
    const char *slash = epath ? strrchr(epath, '/') : NULL;
    const char *edir = slash && slash != epath ? arena_strndup(&seal->arena, epath, (size_t)(slash - epath)) : "/";
    const char *tmpl = seal->options->chunk_names ? seal->options->chunk_names : "[name]-[hash]";
    seal->split.files = ARENA_ARRAY(&seal->arena, const char *, seal->chunks.len);
    for (uint32_t c = 1; c < seal->chunks.len; c++) {
        SealChunk *ch = &seal->chunks.data[c];
        render_one(seal, ch, req);
        char h[9];
        hash_name(hash_bytes(ch->bytes.data, ch->bytes.len), h);
        ch->out_path = seal_output_path(seal, tmpl, "", "chunk", h);
        if (!ch->out_path) return;
        const char *rel = graph_display_path(&seal->arena, edir, ch->out_path);
        VecChar spec = {0}; /* "./x.js" or "../x.js": a path import() and require() take as relative */
        if (strncmp(rel, "../", 3)) out_puts(&spec, "./");
        out_puts(&spec, rel);
        seal->split.files[c - 1] = arena_strndup(&seal->arena, spec.data, spec.len);
        VEC_FREE(&spec);
    }
    render_one(seal, entry, req);
    name_entry(seal, entry);
}
