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
 * each source's text is in sourcesContent.  A module that came with a map
 * of its own has its segments mapped on through it (module_text.c), so
 * its sources are those of that map (TypeScript's, a library's own).
 * Each module's text is escaped as a JSON string (sourcesContent) on the
 * build's pool from the seal's start (seal_maps_start), while link, shake
 * and hoist keep the main thread and the pool would idle; code generation
 * waits for it (seal_maps_wait).  Each module's mappings and the other
 * sources' texts (input maps') are encoded on the pool, 64 a task (VLQ fields are relative, so a place's first mapped
 * segment is written by the join, which knows what came before); the
 * join and the scan for where each module's code starts are one pass.
 * Linear in the chunk's bytes and segments; the same bytes whatever the
 * threads. */
#include "seal/seal.h"

#include "base/map.h"
#include "base/mem.h"
#include "base/pool.h"
#include "output/input_map.h"

#include <string.h>

/* The work on the build's pool, in two rounds.  Scan: what each place's
 * segments name (its module's names and sources in the order the mappings
 * first use them), so that the serial numbering between the rounds looks
 * up each name and source once a place, not once a segment.  Encode: the
 * places' mappings and the sources' JSON strings.  A task is a place
 * index, or a source index with the top bit set; each writes its own slot. */
typedef struct PlaceScan {
    uint32_t *names, nnames; /* module name ordinals (OutMapSeg.name), first use first */
    uint32_t *sources, nsources; /* local sources (OutMapSeg.source) */
    uint32_t last_name;          /* the ordinal the last named segment gives, or 0 */
} PlaceScan;

typedef struct MapWork {
    OutPlace *places;
    PlaceScan *scans;
    const OutPlacePos *pos;
    OutPlaceCode *codes;
    const OutMapSource *sources;
    VecChar *contents;        /* by source: its JSON string, unless ready (in Seal.source_json) */
    const VecChar *const *ready; /* by source: where its JSON string is */
    uint32_t nplaces, nsources;
} MapWork;

#define SOURCE_TASK 0x80000000u

enum { BATCH = 64 }; /* places or sources a task, so that waking a worker is rare */

/* pl's names and sources in the order its segments first use them; its
 * names (by ordinal) and source_of (by local source) hold all-ones until
 * the numbering fills them. */
static void scan_place(OutPlace *pl, PlaceScan *sc) {
    uint32_t *names = (uint32_t *)pl->names, *of = (uint32_t *)pl->source_of;
    for (uint32_t k = 0; k < pl->nsegs; k++) {
        const OutMapSeg *sg = &pl->segs[k];
        if (sg->source == OUT_MAP_NONE) continue;
        if (of[sg->source] == OUT_MAP_NONE) of[sg->source] = 0, sc->sources[sc->nsources++] = sg->source;
        if (!sg->name || !names) continue;
        if (names[sg->name - 1] == OUT_MAP_NONE) names[sg->name - 1] = 0, sc->names[sc->nnames++] = sg->name;
        sc->last_name = sg->name;
    }
}

static void scan_task(void *ctxp, const void *task, void *result, PoolWorker *w) {
    (void)w;
    MapWork *mw = ctxp;
    uint32_t first = *(const uint32_t *)task * BATCH;
    for (uint32_t i = first; i < first + BATCH && i < mw->nplaces; i++) scan_place(&mw->places[i], &mw->scans[i]);
    *(uint32_t *)result = *(const uint32_t *)task;
}

static void map_task(void *ctxp, const void *task, void *result, PoolWorker *w) {
    (void)w;
    const MapWork *mw = ctxp;
    uint32_t t = *(const uint32_t *)task;
    uint32_t first = (t & ~SOURCE_TASK) * BATCH;
    if (t & SOURCE_TASK) {
        for (uint32_t i = first; i < first + BATCH && i < mw->nsources; i++)
            if (mw->ready[i] == &mw->contents[i]) out_sourcemap_content(&mw->sources[i], &mw->contents[i]);
    } else {
        for (uint32_t i = first; i < first + BATCH && i < mw->nplaces; i++)
            out_sourcemap_encode_place(&mw->places[i], &mw->pos[i], &mw->codes[i]);
    }
    *(uint32_t *)result = t;
}

static void json_task(void *ctxp, const void *task, void *result, PoolWorker *w) {
    (void)w;
    Seal *seal = ctxp;
    const ModuleGraph *g = seal->graph;
    uint32_t first = *(const uint32_t *)task * BATCH;
    for (ModuleId id = first + 1; id <= first + BATCH && id <= g->modules.len; id++) {
        const ModuleBody *b = graph_module(g, id)->body;
        if (b && b->file.text) out_json_string(&seal->source_json[id - 1], b->file.text, b->file.len);
    }
    *(uint32_t *)result = *(const uint32_t *)task;
}

void seal_maps_start(Seal *seal) {
    if (seal->options->sourcemap == BALE_SOURCEMAP_NONE || seal->options->no_sources_content) return;
    uint32_t n = seal->graph->modules.len;
    seal->source_json = mem_zalloc(sizeof(VecChar) * (n + 1));
    pool_set_run(seal->pool, json_task, seal, sizeof(uint32_t), sizeof(uint32_t));
    for (uint32_t i = 0; i * BATCH < n; i++) pool_submit(seal->pool, &i);
    seal->source_json_pending = true;
}

void seal_maps_wait(Seal *seal) {
    if (!seal->source_json_pending) return;
    pool_drain(seal->pool);
    pool_set_run(seal->pool, NULL, NULL, 0, 0);
    seal->source_json_pending = false;
}

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
        dir = seal_dir_of(seal, ch->out_path);
    }
    /* each source once, named relative to the map: the modules', and the
     * sources of the maps modules came with (output/input_map.h) */
    VEC(OutMapSource) sources = {0};
    VecU32 owner = {0}; /* by source: the module whose own text it is, or 0 */
    Map by_path = {0}; /* absolute path (or URL) -> 1 + index into sources */
    Map by_name = {0}; /* name -> 1 + index into the map's names */
    VecChar names = {0}; /* their JSON strings, comma-separated */
    uint32_t nnames = 0, last_name = 0;
    uint32_t np = ch->places.len;
    OutPlace *places = mem_alloc(sizeof(OutPlace) * (np + 1));
    PlaceScan *scans = mem_zalloc(sizeof(PlaceScan) * (np + 1));
    for (uint32_t i = 0; i < np; i++) {
        OutPlace *pl = &places[i];
        *pl = ch->places.data[i];
        const Module *m = graph_module(g, pl->source);
        const OutInputMap *im = m->body ? m->body->input_map : NULL;
        uint32_t nlocal = 1 + (im ? im->nsources : 0), nmod = seal->code[pl->source - 1].map_names.at.len;
        uint32_t *of = ARENA_ARRAY(&seal->arena, uint32_t, nlocal + nmod);
        memset(of, 0xFF, sizeof(uint32_t) * (nlocal + nmod));
        pl->source_of = of;
        pl->names = nmod ? of + nlocal : NULL;
        scans[i].sources = ARENA_ARRAY(&seal->arena, uint32_t, nlocal + nmod);
        scans[i].names = scans[i].sources + nlocal;
    }
    MapWork mw = {places, scans, NULL, NULL, NULL, NULL, NULL, np, 0};
    pool_set_run(seal->pool, scan_task, &mw, sizeof(uint32_t), sizeof(uint32_t));
    for (uint32_t i = 0; i * BATCH < np; i++) pool_submit(seal->pool, &i);
    pool_drain(seal->pool);
    /* each source and each name once in the map, numbered in the order the
     * mappings first use them (as the encoder counts) */
    for (uint32_t i = 0; i < np; i++) {
        OutPlace *pl = &places[i];
        const PlaceScan *sc = &scans[i];
        const Module *m = graph_module(g, pl->source);
        const OutInputMap *im = m->body ? m->body->input_map : NULL;
        uint32_t *of = (uint32_t *)pl->source_of;
        for (uint32_t j = 0; j < sc->nsources; j++) {
            uint32_t local = sc->sources[j];
            OutMapSource src = local ? im->sources[local - 1]
                                     : (OutMapSource){m->path->str, m->body ? m->body->file.text : NULL,
                                                      m->body ? m->body->file.len : 0};
            if (seal->options->no_sources_content) src.text = NULL, src.len = 0;
            uint64_t v;
            if (!map_get_str(&by_path, src.path, strlen(src.path), &v)) {
                const char *abs = src.path;
                if (abs[0] == '/') src.path = graph_display_path(&seal->arena, dir, abs);
                VEC_PUSH(&sources, src);
                VEC_PUSH(&owner, local ? 0 : pl->source);
                v = sources.len;
                map_put_str(&by_path, abs, strlen(abs), v);
            }
            of[local] = (uint32_t)v - 1;
        }
        pl->name_before = last_name;
        if (!pl->names) continue;
        const OutMapNames *mnames = &seal->code[pl->source - 1].map_names;
        uint32_t *gnames = (uint32_t *)pl->names;
        for (uint32_t j = 0; j < sc->nnames; j++) {
            const char *s = out_map_name_str(mnames, sc->names[j]);
            size_t len = strlen(s);
            uint64_t v;
            if (!map_get_str(&by_name, s, len, &v)) {
                v = ++nnames;
                map_put_str(&by_name, s, len, v);
                if (nnames > 1) VEC_PUSH(&names, ',');
                out_json_string(&names, s, (uint32_t)len);
            }
            gnames[sc->names[j] - 1] = (uint32_t)v;
        }
        if (sc->last_name) last_name = gnames[sc->last_name - 1] - 1;
    }
    mem_free(scans);
    OutPlacePos *pos = mem_alloc(sizeof(OutPlacePos) * (np + 1));
    OutPlaceCode *codes = mem_zalloc(sizeof(OutPlaceCode) * (np + 1));
    const VecChar **contents = mem_alloc(sizeof(VecChar *) * (sources.len + 1));
    VecChar *own = mem_zalloc(sizeof(VecChar) * (sources.len + 1));
    for (uint32_t i = 0; i < sources.len; i++)
        contents[i] = owner.data[i] && seal->source_json ? &seal->source_json[owner.data[i] - 1] : &own[i];
    out_sourcemap_positions(ch->bytes.data, ch->bytes.len, places, np, pos);
    mw = (MapWork){places, NULL, pos, codes, sources.data, own, contents, np, sources.len};
    pool_set_run(seal->pool, map_task, &mw, sizeof(uint32_t), sizeof(uint32_t));
    for (uint32_t i = 0; i * BATCH < sources.len; i++) {
        uint32_t t = i | SOURCE_TASK;
        pool_submit(seal->pool, &t);
    }
    for (uint32_t i = 0; i * BATCH < np; i++) pool_submit(seal->pool, &i);
    pool_drain(seal->pool);
    pool_set_run(seal->pool, NULL, NULL, 0, 0); /* mw is about to go */
    /* a map written only to its file is written as runs, never joined (the
     * contents and the places' mappings are most of it: tens of MB) */
    bool runs = kind == BALE_SOURCEMAP_EXTERNAL || kind == BALE_SOURCEMAP_LINKED_HIDDEN;
    out_sourcemap_join(name, sources.data, sources.len, contents, &names, places, pos, codes, np, &ch->map,
                       runs ? &ch->map_parts : NULL);
    VEC_FREE(&names);
    map_free(&by_name);
    if (runs) {
        ch->map_contents = contents, ch->map_own = own, ch->map_nsources = sources.len;
        ch->map_codes = codes, ch->map_ncodes = np;
    } else {
        for (uint32_t i = 0; i < np; i++) VEC_FREE(&codes[i].text);
        for (uint32_t i = 0; i < sources.len; i++) VEC_FREE(&own[i]);
        mem_free(own);
        mem_free(contents);
        mem_free(codes);
    }
    mem_free(pos);
    mem_free(places);
    map_free(&by_path);
    VEC_FREE(&sources);
    VEC_FREE(&owner);
    if (kind == BALE_SOURCEMAP_INLINE || kind == BALE_SOURCEMAP_BOTH) {
        out_puts(&ch->bytes, "//# sourceMappingURL=data:application/json;base64,");
        out_base64(&ch->bytes, ch->map.data, ch->map.len);
        VEC_PUSH(&ch->bytes, '\n');
    } else if (kind == BALE_SOURCEMAP_EXTERNAL) {
        out_printf(&ch->bytes, "//# sourceMappingURL=%s.map\n", name);
    }
    if (file) ch->map_path = seal_path_beside(seal, ch->out_path, ".map");
}

void seal_maps(Seal *seal) {
    if (seal->options->sourcemap == BALE_SOURCEMAP_NONE) return;
    for (uint32_t c = 0; c < seal->chunks.len; c++) map_chunk(seal, &seal->chunks.data[c]);
}
