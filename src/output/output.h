/* output/output.h: code generation, the runtime and chunk rendering.
 *
 * The seal phase (src/seal) calls these in its pass order: every module is
 * turned into one wrapper function by patching its source
 * (out_codegen_module, module_text.c), or, when scope hoisting put it in
 * its chunk's top level, into that code and its `pre`; then each chunk is
 * rendered: the runtime helpers its modules need (runtime.c), the module
 * table in id order, the hoisted modules in their program's order and the
 * call of the entry, wrapped for the output format (chunk_text.c).
 *
 * The first output format: each module is
 *   function (module, exports) { ... }
 * called once by the runtime's __bale_require__(id), which caches
 * module.exports (so a cycle sees the partly filled exports, as in Node).
 * ES modules keep their semantics through getters on the exports object;
 * see module_text.c.  Names starting with __bale_ are the bundle's own. */
#ifndef BALE_OUTPUT_OUTPUT_H
#define BALE_OUTPUT_OUTPUT_H

#include "bale.h"

#include "base/arena.h"
#include "base/diag.h"
#include "base/vec.h"
#include "make/graph.h"
#include "output/sourcemap.h"
#include "seal/link.h"

/* Runtime requirements: the helpers a module's code calls.  The chunk
 * emits the union of its modules' requirements, nothing more. */
enum {
    OUT_RT_EXPORT = 1 << 0,   /* __bale_esm__(id), __bale_export__(id, getters): ES module exports */
    OUT_RT_REEXPORT = 1 << 1, /* __bale_reexport__(id, froms, skip): export * from */
    OUT_RT_NS = 1 << 2,       /* __bale_ns__(exports): CommonJS seen from an import */
    OUT_RT_NAME = 1 << 3,     /* __bale_name__(fn): anonymous default exports are named "default" */
    OUT_RT_RETRY = 1 << 4,    /* require() or import(): a module's error can be caught, then it is asked for again */
    OUT_RT_CJS = 1 << 5,      /* __bale_cjs__(ns): what require() of an ES module gives */
    OUT_RT_NODE_REQUIRE = 1 << 6, /* format esm, platform node: __bale_req__, made by createRequire */
    OUT_RT_NODE_NS = 1 << 10, /* __bale_node_ns__(mod, names, module): CommonJS seen from a Node ES module */
    OUT_RT_MODULE_REQUIRE = 1 << 11, /* __bale_module_require__(module): require.main, .resolve, .cache */
    OUT_RT_FOR_AWAIT = 1 << 12, /* __bale_for_await__(x): a top-level for await's iterator */
    OUT_RT_NAMES = 1 << 14,     /* __bale_names__(f, "name", ...): renamed functions get their names back */
    OUT_RT_NO_TABLE = 1 << 13,  /* not a requirement: the chunk has no module table (scope hoisting
                                 * put every module in its top level), so no __bale_require__ */
    OUT_RT_ASYNC = 1 << 7,    /* __bale_evaluate__(id), __bale_import__(id): async modules (top-level await) */
    OUT_RT_CONTEXT_REQUIRE = 1 << 8, /* __bale_context_require__(map, from): require("./lang/" + x) */
    OUT_RT_CONTEXT_IMPORT = 1 << 9,  /* __bale_context_import__(map, from): import(`./lang/${x}.mjs`) */
    OUT_RT_LOAD = 1 << 15,           /* __bale_load__(chunks): --splitting's chunks an import() needs */
};

/* Code splitting (seal/chunks.c): the groups an import() loads.  Group 0
 * is the entry point's; an import() of module m whose group_of[m] is g
 * (not 0) first loads the chunks loads[first[g]..first[g + 1]) (numbers
 * into the runtime's list of chunk files, files: names relative to the
 * entry's output, filled when those chunks are written). */
typedef struct OutSplit {
    const uint32_t *group_of; /* by ModuleId; NULL: no splitting */
    const uint32_t *first;    /* ngroups + 1 */
    const uint32_t *loads;
    uint32_t ngroups, nchunks;
    uint32_t nentries;        /* groups 0..nentries-1 are the entry points' (more than one: the
                               * runtime is a chunk of its own, runtime below) */
    const char **files;       /* by chunk number (nchunks): relative to the loader's file (iife
                               * with --public-path: to outdir) */
    const char *runtime;      /* several entries: the runtime chunk's path, absolute */
    /* format iife (the browser's loader, script tags): */
    const char *registry;     /* the global array chunks push themselves to, named after the build */
    const char *public_path;  /* what goes before files[k] (NULL: the entry script's directory) */
    const char *cross_origin; /* the script tags' crossorigin, or NULL */
} OutSplit;

/* One module's generated code. */
typedef struct OutModuleCode {
    VecChar text;     /* the wrapper function expression; heap, owned */
    OutMapSegs text_map; /* with source maps: text's segments (sourcemap.h); heap, owned */
    OutMapSegs top_map;  /* the same for top */
    OutMapNames map_names; /* the names their segments give (OutMapSeg.name); heap, owned */
    uint32_t runtime; /* OUT_RT_* */
    bool async;       /* an async module: its table entry is an array (runtime.c) */
    VecChar top;      /* an ES module entry with format esm: its code as the bundle's top
                       * level (no wrapper), which its own chunk runs; heap, owned */
    VecChar stub;     /* with top and async: its table entry in its own chunk */
    VecChar tail;     /* a CommonJS entry with format esm: the bundle's exports, as Node's
                       * import of it would see them (default and its lexer's names); a
                       * hoisted ES entry with format esm: its export { ... } */
    VecChar legal;    /* --minify: its legal comments, each ended by a NUL (chunk_text.c puts
                       * them at the chunk's end); heap, owned */
    VecChar pre;      /* a hoisted module: what its chunk's top level must hold before any
                       * module runs (its namespace's getters, the exports objects it
                       * reads); heap, owned */
    VecChar fn_names; /* a hoisted module: its renamed functions and their source names, as
                       * `f, "name"` pairs, comma-separated (the chunk gives them back in one
                       * __bale_names__ call); heap, owned */
} OutModuleCode;

/* In OutChunk.program: run the module of the table with this id there. */
#define OUT_PROGRAM_REQUIRE 0x80000000u

/* Generates module id's wrapper function into out->text (patching its
 * source with edits; scratch holds the edit texts and is the caller's to
 * reset).  Constructs bale cannot bundle yet (top-level await, ESM
 * externals with format esm) are DIAG_NOT_IMPLEMENTED errors in diags; the
 * text is then incomplete and must not be emitted.  import.meta with
 * formats iife and cjs is an empty object and a warning.
 * Reads only the graph: modules can be generated in parallel. */
void out_codegen_module(const ModuleGraph *g, const Link *link, const OutSplit *split, ModuleId id,
                        const BaleOptions *o, Arena *scratch, OutModuleCode *out, DiagList *diags);

/* The name of the variable that holds the namespace of the external
 * module spec[0..len) in a bundle with format esm (which imports it:
 * `import * as NAME from "spec"`): the same for every module, so the
 * chunk imports each external once. */
void out_external_name(const char *spec, uint32_t len, VecChar *out);

/* Appends the runtime helpers for requirements (OUT_RT_*) to out, plus
 * __bale_require__ and its cache, which every chunk has (with OUT_RT_RETRY,
 * the one that handles a module whose evaluation throws as Node does). */
void out_runtime_write(uint32_t requirements, VecChar *out);

/* --splitting.  The names (each NUL-ended, in order) of the helpers
 * out_runtime_write(requirements) defines, which the entry hands to every
 * chunk it loads. */
void out_runtime_names(uint32_t requirements, VecChar *names);
/* The entry's loader: __bale_load__(chunks) loads each chunk of split.files
 * once (import() with format esm, require() with cjs, a script tag with
 * iife, whose chunks push themselves to split.registry) and puts its
 * modules in the table, each given the helpers names lists. */
void out_runtime_loader(BaleFormat format, const OutSplit *split, const VecChar *names, VecChar *out);
/* A loaded chunk's head: the function the loader calls with the helpers,
 * which returns the chunk's part of the module table (its tail closes it);
 * with iife, pushed to split.registry with its number. */
void out_runtime_chunk_head(BaleFormat format, const OutSplit *split, uint32_t number, const VecChar *names, VecChar *out);
/* `var NAME = __bale_rt__.NAME, ...;` for each of names: the helpers as local names. */
void out_runtime_take(const VecChar *names, VecChar *out);
void out_runtime_chunk_tail(BaleFormat format, VecChar *out);
/* Format iife with several entries (the runtime is a chunk of its own):
 * the runtime chunk's end, which gives the entries its helpers; and an
 * entry's head and tail around its code, which wait for those helpers
 * (adding the runtime chunk's script, runtime_spec, when no entry has)
 * and for the chunks entry (its group) shares with other entries. */
void out_runtime_iife_runtime_tail(VecChar *out);
void out_runtime_boot_head(const OutSplit *split, uint32_t entry, const VecChar *names, VecChar *out);
void out_runtime_boot_tail(const OutSplit *split, const char *runtime_spec, VecChar *out);

/* A chunk as render sees it: its entry and its modules in id order. */
typedef struct OutChunk {
    ModuleId entry;
    const ModuleId *modules;  /* every module of the chunk; those in program are not in the table */
    uint32_t nmodules;
    const uint32_t *program;  /* scope hoisting: the top level in evaluation order (seal.h's
                               * SealChunk.program); NULL: none */
    uint32_t nprogram;
    OutPlaces *places;        /* out (may be NULL): where each module's mapped code landed, its
                               * source given as the module id (sourcemap.h) */
    VecChar *legal;           /* out (may be NULL): --legal-comments=external|linked: the
                               * modules' legal comments, each once, for OUT.LEGAL.txt */
    const char *legal_name;   /* linked: that file's name, which the bundle's last comment gives */
    const OutSplit *split;    /* --splitting: the loader's chunks (an entry's), or NULL */
    uint32_t split_runtime;   /* --splitting: the helpers every chunk's modules need (OUT_RT_*) */
    const VecChar *split_names; /* and their names (out_runtime_names of split_runtime) */
    bool runtime_only;        /* --splitting with several entries: the runtime chunk (no modules) */
    const char *runtime_spec; /* an entry of such a build: the runtime chunk, relative to it */
    const char *const *initial; /* and the chunks it shares with other entries, relative to it */
    uint32_t ninitial;
    uint32_t number;          /* a loaded chunk: its number in split.files; an entry: its group */
} OutChunk;

/* Renders a chunk into out: the format's wrapper around the runtime, the
 * module table (each module's code from codes[id - 1], with its path,
 * relative to cwd, in a comment) and the entry's evaluation.  With format
 * esm an ES module entry is the bundle's top level (OutModuleCode.top), a
 * CommonJS one exports what its tail says; an async entry with iife or
 * cjs is a [top-level-await] error in diags. */
void out_render_chunk(const ModuleGraph *g, const OutModuleCode *codes, const OutChunk *chunk,
                      const BaleOptions *o, const char *cwd, VecChar *out, DiagList *diags);

#endif
