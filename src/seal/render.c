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

/* The --splitting parts of a chunk's OutChunk (set by the caller). */
typedef struct SplitView {
    uint32_t runtime;
    const VecChar *names; /* out_runtime_names of runtime, once for every chunk */
    bool runtime_only;
    const char *runtime_spec;
    const char *const *initial;
    uint32_t ninitial;
    uint32_t number; /* a loaded chunk's */
} SplitView;

/* What stands for [hash] in a path that waits for its file's bytes: as
 * long as a hash, and in no path or text of bale's. */
#define HASH_PLACEHOLDER "\x01\x01\x01\x01\x01\x01\x01\x01"

static const char *chunk_path(Seal *seal, const char *hash);

static void render_one(Seal *seal, SealChunk *ch, const SplitView *sv) {
    const BaleOptions *o = seal->options;
    bool apart = o->legal_comments == BALE_LEGAL_EXTERNAL || o->legal_comments == BALE_LEGAL_LINKED;
    /* OUT.LEGAL.txt beside the output (bale.c requires an output path);
     * an output named by its hash has the placeholder for it until then
     * (fill_hash), in the linked comment too, so its hash covers the rest */
    const char *out = ch->out_path;
    if (apart && !out && !(sv && sv->runtime_only))
        out = ch->entry ? seal_entry_path(seal, ch->entry, HASH_PLACEHOLDER) : chunk_path(seal, HASH_PLACEHOLDER);
    const char *legal_path = apart && out ? seal_path_beside(seal, out, ".LEGAL.txt") : NULL;
    const char *slash = legal_path ? strrchr(legal_path, '/') : NULL;
    OutChunk oc = {.entry = ch->entry, .modules = ch->modules.data, .nmodules = ch->modules.len,
                   .program = ch->program.len ? ch->program.data : NULL, .nprogram = ch->program.len,
                   .places = o->sourcemap != BALE_SOURCEMAP_NONE ? &ch->places : NULL,
                   .legal = legal_path ? &ch->legal : NULL, .legal_name = slash ? slash + 1 : legal_path,
                   .split = seal->split.group_of ? &seal->split : NULL};
    if (sv) {
        oc.split_runtime = sv->runtime, oc.split_names = sv->names, oc.runtime_only = sv->runtime_only, oc.runtime_spec = sv->runtime_spec;
        oc.initial = sv->initial, oc.ninitial = sv->ninitial, oc.number = sv->number;
    }
    out_render_chunk(seal->graph, seal->code, &oc, o, seal->cwd, &ch->bytes, seal->diags);
    if (ch->legal.len) ch->legal_path = legal_path;
}

/* An output just named by its hash h: its OUT.LEGAL.txt is named after
 * it, and the linked comment naming that file gets h in place of the
 * placeholder (render_one). */
static void fill_hash(Seal *seal, SealChunk *ch, const char *h) {
    if (!ch->legal_path || !ch->out_path) return;
    ch->legal_path = seal_path_beside(seal, ch->out_path, ".LEGAL.txt");
    if (seal->options->legal_comments != BALE_LEGAL_LINKED) return;
    char *at = ch->bytes.len >= 8 ? memmem(ch->bytes.data, ch->bytes.len, HASH_PLACEHOLDER, 8) : NULL;
    if (at) memcpy(at, h, 8);
}

/* An entry named by --entry-names with [hash]: its path, from its bytes. */
static void name_entry(Seal *seal, SealChunk *ch) {
    if (ch->out_path || !seal->options->outdir || !ch->entry) return;
    char h[9];
    hash_name(hash_bytes(ch->bytes.data, ch->bytes.len), h);
    ch->out_path = seal_entry_path(seal, ch->entry, h);
    fill_hash(seal, ch, h);
}

/* path as import() and require() take it from a file in dir: "./x.js", "../x.js". */
static const char *spec_from(Seal *seal, const char *dir, const char *path) {
    const char *rel = graph_display_path(&seal->arena, dir, path);
    VecChar spec = {0};
    if (strncmp(rel, "../", 3)) out_puts(&spec, "./");
    out_puts(&spec, rel);
    const char *s = arena_strndup(&seal->arena, spec.data, spec.len);
    VEC_FREE(&spec);
    return s;
}

/* A chunk's path by --chunk-names (default chunk-HASH), hash its bytes' (or ""). */
static const char *chunk_path(Seal *seal, const char *hash) {
    const char *tmpl = seal->options->chunk_names ? seal->options->chunk_names : "[name]-[hash]";
    return seal_output_path(seal, tmpl, "", "chunk", hash);
}

static bool name_chunk(Seal *seal, SealChunk *ch) {
    char h[9];
    hash_name(hash_bytes(ch->bytes.data, ch->bytes.len), h);
    ch->out_path = chunk_path(seal, h);
    fill_hash(seal, ch, h);
    return ch->out_path != NULL;
}

/* Format iife: the global array the build's chunks push themselves to,
 * named after the build (a hash of its entries' paths from cwd), so that
 * two builds on one page keep apart. */
static const char *registry_name(Seal *seal) {
    uint64_t h = 0;
    for (uint32_t i = 0; i < seal->split.nentries; i++) {
        const char *p = graph_display_path(&seal->arena, seal->cwd, graph_module(seal->graph, seal->chunks.data[i].entry)->path->str);
        h = hash_u64(h ^ hash_bytes(p, strlen(p)));
    }
    char name[9], full[32];
    hash_name(h, name);
    snprintf(full, sizeof full, "__bale_chunks_%s__", name);
    return arena_strndup(&seal->arena, full, strlen(full));
}

void seal_render(Seal *seal) {
    if (!seal->split.group_of) {
        for (uint32_t c = 0; c < seal->chunks.len; c++) {
            render_one(seal, &seal->chunks.data[c], NULL);
            name_entry(seal, &seal->chunks.data[c]);
        }
        return;
    }
    OutSplit *sp = &seal->split;
    uint32_t ne = sp->nentries, nc = seal->chunks.len;
    /* what the loaded chunks' modules need of the runtime, which the entry
     * gives them; with several entries, the runtime chunk gives everyone */
    uint32_t req = ne > 1 ? OUT_RT_LOAD : 0;
    for (uint32_t c = ne > 1 ? 0 : 1; c < nc; c++) {
        const SealChunk *ch = &seal->chunks.data[c];
        for (uint32_t i = 0; i < ch->modules.len; i++) req |= seal->code[ch->modules.data[i] - 1].runtime;
    }
    /* (an ES module entry of format cjs exports through __bale_cjs__, chunk_text.c) */
    for (uint32_t i = 0; ne > 1 && i < ne; i++)
        if (seal->options->format == BALE_FORMAT_CJS && graph_module_is_esm(seal->graph, seal->chunks.data[i].entry))
            req |= OUT_RT_CJS;
    req &= ~OUT_RT_NO_TABLE;
    VecChar names = {0};
    out_runtime_names(req, &names);
    SplitView sv = {.runtime = req, .names = &names};
    const BaleOptions *o = seal->options;
    if (o->format == BALE_FORMAT_IIFE)
        sp->registry = registry_name(seal), sp->public_path = o->public_path, sp->cross_origin = o->cross_origin;
    for (uint32_t c = ne; c < nc; c++) {
        sv.number = c - ne;
        render_one(seal, &seal->chunks.data[c], &sv);
        if (!name_chunk(seal, &seal->chunks.data[c])) {
            VEC_FREE(&names);
            return;
        }
    }
    /* the loader's file: the entry, or the runtime chunk (whose name waits
     * for its bytes, which list the others'; its directory is known) */
    const SealChunk *entry0 = &seal->chunks.data[0];
    const char *loader = ne > 1 ? chunk_path(seal, "")
                         : entry0->out_path ? entry0->out_path : seal_entry_path(seal, entry0->entry, "");
    if (!loader) {
        VEC_FREE(&names);
        return;
    }
    const char *loader_dir = seal_dir_of(seal, loader);
    sp->files = ARENA_ARRAY(&seal->arena, const char *, nc + 1);
    /* (iife with --public-path: the chunks' paths in outdir, after the URL) */
    const char *outdir = sp->public_path ? seal_outdir(seal) : NULL;
    for (uint32_t c = ne; c < nc; c++)
        sp->files[c - ne] = outdir ? graph_display_path(&seal->arena, outdir, seal->chunks.data[c].out_path)
                                   : spec_from(seal, loader_dir, seal->chunks.data[c].out_path);
    if (ne > 1) {
        VEC_PUSH(&seal->chunks, ((SealChunk){0}));
        SealChunk *rt = &VEC_LAST(&seal->chunks);
        SplitView rv = {.runtime = req, .names = &names, .runtime_only = true};
        render_one(seal, rt, &rv);
        if (!name_chunk(seal, rt)) {
            VEC_FREE(&names);
            return;
        }
        sp->runtime = rt->out_path;
    }
    for (uint32_t i = 0; i < ne; i++) {
        SealChunk *entry = &seal->chunks.data[i];
        SplitView ev = {.runtime = req, .names = &names};
        if (ne > 1) {
            const char *edir = seal_dir_of(seal, entry->out_path ? entry->out_path : seal_entry_path(seal, entry->entry, ""));
            ev.runtime_spec = outdir ? graph_display_path(&seal->arena, outdir, sp->runtime) : spec_from(seal, edir, sp->runtime);
            ev.number = i;
            uint32_t from = sp->first[i], to = sp->first[i + 1];
            const char **initial = ARENA_ARRAY(&seal->arena, const char *, to - from + 1);
            for (uint32_t k = from; k < to; k++) initial[k - from] = spec_from(seal, edir, seal->chunks.data[ne + sp->loads[k]].out_path);
            ev.initial = initial, ev.ninitial = to - from;
        }
        render_one(seal, entry, &ev);
        name_entry(seal, entry);
    }
    VEC_FREE(&names);
}
