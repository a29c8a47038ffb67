/* seal/seal.h: the seal phase, from the finished module graph to outputs.
 *
 * seal_run runs a fixed sequence of passes, each one function in its own
 * file, called in order from seal.c (the only place that knows the order):
 *
 *   chunks    (chunks.c)   one chunk per entry point: the modules reachable
 *                          from it, in id order (ids: the graph's post-order),
 *                          and the file it is written to
 *   link      (link.c)     what every import is bound to, once for the graph
 *                          (missing and ambiguous exports are errors here)
 *   codegen   (codegen.c)  each module's wrapper function, by patching its
 *                          source (src/output/module_text.c)
 *   render    (render.c)   each chunk's text: runtime, module table, entry
 *   emit      (emit.c)     write every chunk that has a path atomically,
 *                          or nothing at all when any error was reported;
 *                          a chunk without a path keeps its bytes for the
 *                          caller (standard output is the caller's)
 *
 * Memory: the Seal's arena (paths, chunk lists) and its heap vectors,
 * released by seal_free; module code is on the heap, owned by the Seal. */
#ifndef BALE_SEAL_SEAL_H
#define BALE_SEAL_SEAL_H

#include "bale.h"

#include "base/arena.h"
#include "base/diag.h"
#include "base/pool.h"
#include "base/profile.h"
#include "make/graph.h"
#include "output/output.h"
#include "seal/link.h"

typedef struct SealChunk {
    ModuleId entry;       /* 0: a chunk of --splitting that no entry point starts (async, shared) */
    VecU32 modules;       /* ModuleIds in id order (heap) */
    const char *out_path; /* absolute path; NULL: the caller's (standard output).  arena: the seal's */
    VecChar bytes;        /* the rendered chunk (heap) */
    OutPlaces places;     /* with source maps: where render put each module's mapped code (heap) */
    VecChar map;          /* with source maps: the chunk's map, JSON (heap; empty: none) */
    OutFileParts map_parts; /* with a map file only: the map as runs, into map (then only the
                           * bytes between the big runs) and the two below (heap) */
    const VecChar **map_contents; /* the sources' texts as JSON strings, map_nsources of them:
                           * a module's in Seal.source_json, the others' in map_own (heap) */
    VecChar *map_own;     /* the texts of sources that are no module's own (input maps'; heap) */
    OutPlaceCode *map_codes;/* each place's encoded mappings, map_ncodes of them (heap) */
    uint32_t map_nsources, map_ncodes;
    const char *map_path; /* with a map file: its absolute path; arena: the seal's */
    VecChar legal;        /* --legal-comments=external|linked: OUT.LEGAL.txt's bytes (heap) */
    const char *legal_path; /* with such comments: that file's absolute path; arena: the seal's */
    VecU32 program;       /* scope hoisting (hoist.c): the chunk's top level in evaluation order:
                           * a hoisted module's id (its code), or id | OUT_PROGRAM_REQUIRE (run
                           * a module of the table there); empty: no hoisting (heap) */
} SealChunk;

typedef struct Seal {
    const BaleOptions *options; /* borrowed */
    const char *cwd;            /* absolute working directory (borrowed) */
    const ModuleGraph *graph;   /* borrowed; finished and error-free */
    DiagList *diags;            /* borrowed */
    Pool *pool;                 /* borrowed, idle between passes (code generation runs on it) */
    Arena arena;
    Link link;                  /* the link pass's result */
    OutModuleCode *code;        /* by ModuleId - 1 (heap) */
    VecChar *source_json;       /* with source maps and their contents: by ModuleId - 1, the module's
                                 * text as a JSON string (heap; escaped on the pool from the start) */
    bool source_json_pending;   /* its tasks are on the pool (seal_maps_wait takes them) */
    VEC(SealChunk) chunks;      /* with splitting: the entries' first, then the loaded ones (the
                                 * runtime's chunk numbers: their indexes - split.nentries), then,
                                 * with several entries, the runtime chunk (render.c) */
    OutSplit split;             /* --splitting (chunks.c); zero: none */
    const char *outbase;        /* absolute: what an entry's [dir] is relative to (chunks.c) */
    uint32_t outputs;           /* files written by emit */
    bool io_error;              /* an output could not be written */
} Seal;

typedef enum SealStatus {
    SEAL_OK,      /* every output was written */
    SEAL_ERRORS,  /* user errors (or not-implemented constructs) in diags; nothing written */
    SEAL_IO,      /* an output could not be written (a diagnostic says which) */
} SealStatus;

/* Runs every pass on graph (which make built without errors), on pool
 * (idle; left idle).  Fills *seal (release with seal_free).  Each pass's
 * time is added to profile. */
SealStatus seal_run(Seal *seal, const BaleOptions *options, const char *cwd, const ModuleGraph *graph,
                    Pool *pool, DiagList *diags, Profile *profile);

/* The size of seal's task values, for the pool (code generation's). */
size_t seal_task_size(void);

void seal_free(Seal *seal);

/* The passes, in order (each reads what the ones before wrote). */
void seal_chunks(Seal *seal);
/* The extension of JavaScript outputs: --out-extension:.js=EXT, or ".js". */
const char *seal_out_extension(const Seal *seal);
/* outdir/TEMPLATE.ext, absolute, with [dir], [name] and [hash] filled (the
 * seal's arena; NULL and an error when too long). */
const char *seal_output_path(Seal *seal, const char *tmpl, const char *dir, const char *name, const char *hash);
/* An entry's path by --entry-names with [hash] (after render). */
const char *seal_entry_path(Seal *seal, ModuleId entry, const char *hash);
/* --outdir as an absolute path (NULL: too long). */
const char *seal_outdir(Seal *seal);
void seal_link(Seal *seal);
void seal_shake(Seal *seal);
/* --splitting: the loaded chunks tree shaking emptied go (chunks.c). */
void seal_chunks_prune(Seal *seal);
void seal_hoist(Seal *seal);
void seal_codegen(Seal *seal);
void seal_render(Seal *seal);
void seal_maps(Seal *seal);
/* The source maps pass's first part: starts escaping every module's text
 * (sourcesContent) on the idle pool; seal_maps_wait waits for it (before
 * any other pass uses the pool, and before seal_run returns). */
void seal_maps_start(Seal *seal);
void seal_maps_wait(Seal *seal);
void seal_emit(Seal *seal);

/* path with suffix after it ("out.js" ".map": "out.js.map"), in the seal's
 * arena: a file the passes write beside an output. */
const char *seal_path_beside(Seal *seal, const char *path, const char *suffix);
/* The directory of an absolute path ("/" for a file at the root), in the
 * seal's arena. */
const char *seal_dir_of(Seal *seal, const char *path);

#endif
