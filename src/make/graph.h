/* make/graph.h: the module graph the make phase builds.
 *
 * Modules and dependencies live in two growable arrays and refer to each
 * other by 32-bit ids (ModuleId, DepId; 1-based, 0 = none), never by
 * pointers.  A module is found by its interned resolved path.  Each module
 * owns an arena holding its source, AST, DiagFile and request list; its
 * scope tables and record are heap vectors it owns too.
 *
 * Only the main thread writes the graph (the make loop's main tasks);
 * workers see a module only through the immutable pieces a task hands them
 * (its body, its request array).  While the loop runs, ids are given in
 * creation order, which depends on scheduling; graph_finish renumbers
 * modules by a post-order walk from the entries in import order (as
 * esbuild does), so ids, dependency order and the dump depend only on the
 * input. */
#ifndef BALE_MAKE_GRAPH_H
#define BALE_MAKE_GRAPH_H

#include "base/arena.h"
#include "base/diag.h"
#include "base/intern.h"
#include "base/map.h"
#include "base/vec.h"
#include "js/cjs_exports.h"
#include "js/record.h"
#include "output/prepare.h"
#include "resolve/resolve.h"

#include <stdio.h>

typedef uint32_t ModuleId; /* 1-based index into ModuleGraph.modules; 0 = none */
typedef uint32_t DepId;    /* 1-based index into ModuleGraph.deps; 0 = none */

typedef enum ModuleKind {
    MODULE_JS,    /* .js .mjs .cjs, or no extension */
    MODULE_JSON,  /* .json */
    MODULE_EMPTY, /* disabled by a package's "browser" field (false) */
} ModuleKind;

typedef enum ModuleState {
    MODULE_PENDING, /* BUILD queued */
    MODULE_BUILT,   /* body parsed; its requests are (being) resolved */
    MODULE_FAILED,  /* unreadable, or syntax/early errors: no requests followed */
} ModuleState;

/* One request of a module (or an entry point): the unit FACTORIZE resolves.
 * Requests with the same text and import kind share one. */
typedef struct MakeRequest {
    const char *source;    /* NUL-terminated; arena: the issuer module's (entries: the make arena) */
    uint32_t start, end;   /* the string literal in the issuer's file */
    uint8_t kind;          /* BaleImportKind */
    bool optional;         /* every use is inside a try block: failing to resolve is
                            * not an error, the call stays for the runtime (esbuild) */
    bool context;          /* every use is a name a context dependency may be asked for
                            * (make/context.c): failing to resolve, or a file without a
                            * loader, only leaves the name out of its map */
    ResolveResult result;  /* written by FACTORIZE (its worker), read by main after */
    ModuleId module;       /* written by ADD: the module it resolved to, or 0 */
} MakeRequest;

/* A name a context dependency (require("./lang/" + x), JS_DEP_CONTEXT)
 * may be asked for at run time: one request each (make/context.c). */
typedef struct ContextKey {
    JsDepId dep;           /* the JsDep it belongs to */
    uint32_t len;
    const char *key;       /* "./lang/en.js", NUL-terminated; arena: the module's */
} ContextKey;

/* What BUILD produces for a module; read-only once main has it. */
typedef struct ModuleBody {
    DiagFile file;         /* path: as shown to users (relative to the working directory) */
    const char *dir;       /* the module's directory, absolute: its requests' base */
    uint64_t size;         /* bytes read */
    uint64_t dev, ino;     /* the file's identity: emit never overwrites an input */
    JsRecord record;       /* heap, owned by the module; empty unless built; detached
                            * from the AST, which BUILD frees (js_record_detach) */
    OutPrep prep;          /* the AST's part of code generation (output/prepare.h) */
    bool node_esm;         /* Node runs it as an ES module (.mjs, .js under "type": "module"):
                            * it was parsed with the module goal, and imports CommonJS as Node does */
    ContextKey *context_keys; /* by dependency, then by key (bytes, no two equal); arena: the module's */
    uint32_t ncontext_keys;
    /* Unless record.kind is ESM: the named exports Node's cjs-module-lexer
     * finds in the text, the names an ES module importing this one may ask
     * for (js/cjs_exports.h).  Vectors on the heap, owned by the module;
     * strings in the source or in this module's arena. */
    JsCjsExports cjs_exports;
    /* With source maps: the map the module came with (output/input_map.h); arena: the
     * module's; NULL: none */
    struct OutInputMap *input_map;
} ModuleBody;

typedef struct Module {
    const Istr *path;      /* interned resolved path: the lookup key */
    uint8_t kind;          /* ModuleKind */
    uint8_t state;         /* ModuleState */
    uint8_t side_effects;  /* FileSideEffects: what the owning package.json's "sideEffects"
                            * says about the file (set by ADD; UNKNOWN for EMPTY modules) */
    Arena arena;           /* owns body, the source, the AST, requests */
    ModuleBody *body;      /* arena: this module's; NULL for EMPTY and before BUILD_RESULT */
    MakeRequest *requests; /* arena: this module's */
    uint32_t nrequests;
    DepId first_dep;       /* this module's dependencies: [first_dep, first_dep + ndeps) */
    uint32_t ndeps;
} Module;

/* One import/export-from/require/import() of a module, in source order.
 * Several may share a request (and so a target). */
typedef struct Dependency {
    ModuleId from;
    ModuleId to;           /* 0: external, unresolved, or not followed */
    JsDepId record_dep;    /* the JsDep in from's record */
    uint32_t request;      /* index into from's requests */
    uint8_t kind;          /* JsDepKind */
    uint8_t outcome;       /* ResolveOutcome (set by graph_finish) */
} Dependency;

typedef struct ModuleGraph {
    VEC(Module) modules;
    VEC(Dependency) deps;
    Map by_path;           /* Istr* -> ModuleId, files */
    Map empty_by_path;     /* Istr* -> ModuleId, EMPTY modules */
    VecU32 entries;        /* ModuleId per entry point, 0 when it was not found */
} ModuleGraph;

void graph_init(ModuleGraph *g);

/* Frees every module (arenas, scopes, records) and the tables.  Diagnostics
 * pointing at a module's DiagFile must be printed before. */
void graph_free(ModuleGraph *g);

static inline Module *graph_module(const ModuleGraph *g, ModuleId id) { return &g->modules.data[id - 1]; }
static inline Dependency *graph_dep(const ModuleGraph *g, DepId id) { return &g->deps.data[id - 1]; }
/* The modules that import (import, export from) each module, as two heap
 * arrays the caller frees with mem_free: the importers of module k are
 * (*from)[(*first)[k] .. (*first)[k + 1]), in dependency order (a module
 * importing k twice is there twice).  Linear in modules and edges. */
void graph_importers(const ModuleGraph *g, uint32_t **first, uint32_t **from);

/* Whether module id is an ES module (parsed as one, with a body). */
static inline bool graph_module_is_esm(const ModuleGraph *g, ModuleId id) {
    const Module *m = graph_module(g, id);
    return m->kind == MODULE_JS && m->body && m->body->record.kind == JS_MODULE_ESM;
}

/* Adds a module for path (or returns the existing one); *created says which.
 * Main thread only; invalidates Module pointers. */
ModuleId graph_add_module(ModuleGraph *g, const Istr *path, ModuleKind kind, bool *created);

/* The kind a resolved path is loaded as; false when bale has no loader for
 * its extension (*ext then points at it). */
bool graph_kind_for_path(const char *path, uint32_t len, ModuleKind *kind, const char **ext);

/* path relative to the absolute directory cwd ("src/a.js", "../lib/b.js"),
 * as diagnostics show it.  arena: a.  Can't fail. */
const char *graph_display_path(Arena *a, const char *cwd, const char *path);

/* After the loop: connects every dependency to its target and renumbers
 * modules and dependencies in post-order from the entries (each module's
 * dependencies in source order).  Can't fail. */
void graph_finish(ModuleGraph *g);

/* The stable text form of the graph (ids, kinds, paths relative to cwd,
 * dependencies with their targets); used by tests via BALE_DUMP_GRAPH=1
 * (options.dump_graph). */
void graph_dump(const ModuleGraph *g, const char *cwd, FILE *out);

#endif
