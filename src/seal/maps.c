/* seal/maps.c: the source maps pass.  Each chunk's map (version 3) from
 * the segments code generation made per module and the places render put
 * each module's code at (src/output/sourcemap.c writes the JSON).
 * In:  Seal.chunks (bytes, places), Seal.code.  Out: each chunk's map and
 *      map_path, and its bytes with the sourceMappingURL comment (linked:
 *      the map file's name; inline: the map itself as a data: URL).
 * Order: after render, before emit.  Off without --sourcemap.
 *
 * Sources are named relative to the map's directory (the output's), so
 * the map keeps working when the output directory moves with its map;
 * each source's text is in sourcesContent.  Linear in the chunk's bytes
 * and segments. */
#include "seal/seal.h"

#include "base/mem.h"

#include <string.h>

static void map_chunk(Seal *seal, SealChunk *ch) {
    const ModuleGraph *g = seal->graph;
    BaleSourcemap kind = seal->options->sourcemap;
    bool file = kind == BALE_SOURCEMAP_EXTERNAL || kind == BALE_SOURCEMAP_LINKED_HIDDEN || kind == BALE_SOURCEMAP_BOTH;
    if (file && !ch->out_path) {
        diag_add(seal->diags, DIAG_ERROR, DIAG_CONFIG, NULL, 0, 0,
                 "--sourcemap writes a .map file beside the output, which needs --outfile or --outdir "
                 "(with standard output, use --sourcemap=inline)");
        return;
    }
    /* the map's directory, and the output's name in it */
    const char *dir = seal->cwd, *name = "<stdout>";
    if (ch->out_path) {
        const char *slash = strrchr(ch->out_path, '/');
        name = slash ? slash + 1 : ch->out_path;
        dir = slash && slash != ch->out_path ? arena_strndup(&seal->arena, ch->out_path, (size_t)(slash - ch->out_path)) : "/";
    }
    uint32_t n = g->modules.len;
    uint32_t *index = mem_zalloc(sizeof(uint32_t) * (n + 1)); /* module -> 1 + source index */
    VEC(OutMapSource) sources = {0};
    OutPlace *places = mem_alloc(sizeof(OutPlace) * (ch->places.len + 1));
    for (uint32_t i = 0; i < ch->places.len; i++) {
        ModuleId id = ch->places.data[i].source;
        if (!index[id]) {
            const Module *m = graph_module(g, id);
            OutMapSource s = {graph_display_path(&seal->arena, dir, m->path->str), m->body ? m->body->file.text : NULL,
                              m->body ? m->body->file.len : 0};
            VEC_PUSH(&sources, s);
            index[id] = sources.len;
        }
        places[i] = ch->places.data[i];
        places[i].source = index[id] - 1;
    }
    out_sourcemap_json(ch->bytes.data, ch->bytes.len, name, sources.data, sources.len, places, ch->places.len, &ch->map);
    mem_free(places);
    mem_free(index);
    VEC_FREE(&sources);
    if (kind == BALE_SOURCEMAP_INLINE || kind == BALE_SOURCEMAP_BOTH) {
        out_puts(&ch->bytes, "//# sourceMappingURL=data:application/json;base64,");
        out_base64(&ch->bytes, ch->map.data, ch->map.len);
        VEC_PUSH(&ch->bytes, '\n');
    } else if (kind == BALE_SOURCEMAP_EXTERNAL) {
        out_printf(&ch->bytes, "//# sourceMappingURL=%s.map\n", name);
    }
    if (file) {
        size_t len = strlen(ch->out_path);
        char *path = arena_alloc(&seal->arena, len + 5, 1);
        memcpy(path, ch->out_path, len);
        memcpy(path + len, ".map", 5);
        ch->map_path = path;
    }
}

void seal_maps(Seal *seal) {
    if (seal->options->sourcemap == BALE_SOURCEMAP_NONE) return;
    for (uint32_t c = 0; c < seal->chunks.len; c++) map_chunk(seal, &seal->chunks.data[c]);
}
