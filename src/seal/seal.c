/* seal/seal.c: the seal phase's pass order, and nothing else (see seal.h).
 * In:  the finished module graph.  Out: the written outputs.
 * Order: after make (src/compiler.c calls seal_run once the graph is
 * error-free). */
#include "seal/seal.h"

#include <string.h>

/* Adds the time since start to the timer called name; returns now. */
static uint64_t lap(Profile *profile, const char *name, uint64_t start) {
    uint64_t now = profile_start();
    profile_add_ns(profile, profile_id(profile, name, PROFILE_TIMER), now - start);
    return now;
}

size_t seal_task_size(void) { return sizeof(ModuleId); }

SealStatus seal_run(Seal *seal, const BaleOptions *options, const char *cwd, const ModuleGraph *graph,
                    Pool *pool, DiagList *diags, Profile *profile) {
    memset(seal, 0, sizeof *seal);
    seal->pool = pool;
    seal->options = options;
    seal->cwd = cwd;
    seal->graph = graph;
    seal->diags = diags;
    arena_init(&seal->arena, 0);

    /* The passes, in order, as plain calls; each is timed for --profile.
     * The source maps' sourcesContent is escaped on the pool meanwhile,
     * from the start until code generation needs the pool. */
    uint64_t t = profile_start();
    seal_maps_start(seal);
    seal_chunks(seal);
    t = lap(profile, "seal: chunks", t);
    if (!diags->errors) seal_link(seal);
    t = lap(profile, "seal: link", t);
    if (diags->errors) {
        seal_maps_wait(seal);
        return SEAL_ERRORS;
    }
    seal_shake(seal);
    seal_chunks_prune(seal);
    t = lap(profile, "seal: shake (tree shaking)", t);
    seal_hoist(seal);
    t = lap(profile, "seal: hoist (scope hoisting)", t);
    seal_maps_wait(seal);
    t = lap(profile, "seal: source maps' contents (the wait for them)", t);
    seal_codegen(seal);
    t = lap(profile, "seal: code generation", t);
    if (diags->errors) return SEAL_ERRORS;
    seal_render(seal);
    t = lap(profile, "seal: render", t);
    if (diags->errors) return SEAL_ERRORS;
    seal_maps(seal);
    t = lap(profile, "seal: source maps", t);
    if (diags->errors) return SEAL_ERRORS;
    seal_emit(seal);
    lap(profile, "seal: emit", t);
    return seal->io_error ? SEAL_IO : diags->errors ? SEAL_ERRORS : SEAL_OK;
}

void seal_free(Seal *seal) {
    for (uint32_t i = 0; i < seal->chunks.len; i++) {
        VEC_FREE(&seal->chunks.data[i].modules);
        VEC_FREE(&seal->chunks.data[i].bytes);
        VEC_FREE(&seal->chunks.data[i].map);
        SealChunk *ch = &seal->chunks.data[i];
        VEC_FREE(&ch->map_parts);
        VEC_FREE(&ch->legal);
        for (uint32_t k = 0; k < ch->map_ncodes; k++) VEC_FREE(&ch->map_codes[k].text);
        for (uint32_t k = 0; k < ch->map_nsources; k++) VEC_FREE(&ch->map_own[k]);
        mem_free(ch->map_codes);
        mem_free(ch->map_own);
        mem_free(ch->map_contents);
        VEC_FREE(&seal->chunks.data[i].places);
        VEC_FREE(&seal->chunks.data[i].program);
    }
    VEC_FREE(&seal->chunks);
    if (seal->source_json)
        for (uint32_t i = 0; i < seal->graph->modules.len; i++) VEC_FREE(&seal->source_json[i]);
    mem_free(seal->source_json);
    if (seal->code)
        for (uint32_t i = 0; i < seal->graph->modules.len; i++) {
            VEC_FREE(&seal->code[i].text);
            VEC_FREE(&seal->code[i].top);
            VEC_FREE(&seal->code[i].stub);
            VEC_FREE(&seal->code[i].tail);
            VEC_FREE(&seal->code[i].pre);
            VEC_FREE(&seal->code[i].fn_names);
            VEC_FREE(&seal->code[i].legal);
            VEC_FREE(&seal->code[i].text_map);
            VEC_FREE(&seal->code[i].top_map);
            out_map_names_free(&seal->code[i].map_names);
        }
    mem_free(seal->code);
    link_free(&seal->link);
    arena_free(&seal->arena);
}

const char *seal_path_beside(Seal *seal, const char *path, const char *suffix) {
    size_t len = strlen(path), n = strlen(suffix);
    char *s = arena_alloc(&seal->arena, len + n + 1, 1);
    memcpy(s, path, len);
    memcpy(s + len, suffix, n + 1);
    return s;
}

const char *seal_dir_of(Seal *seal, const char *path) {
    const char *slash = strrchr(path, '/');
    return slash && slash != path ? arena_strndup(&seal->arena, path, (size_t)(slash - path)) : "/";
}
