/* seal/link.h: the link pass's result, which code generation reads.
 *
 * Linking answers, once per build, what every imported name of every ES
 * module is bound to, as Node's ResolveExport does: a module's own export
 * (through any chain of `export { a } from` and `import { a }; export { a }`),
 * another module's namespace, a name of a CommonJS module (looked up at run
 * time), nothing (a missing export: an error), or two different bindings
 * that two `export *` give (ambiguous: an error, and the name is left out
 * of the namespace).  It also lists, for each module with several
 * `export *`, the names its namespace leaves out.
 *
 * Every resolution is memoized by (module, name), and computed with an
 * explicit stack, never by recursion: a re-export chain of any length, or
 * an `export *` chain, costs one step per module it passes through, once
 * per name for the whole build.  No module's full export table is built
 * (an `export *` chain would make that quadratic), except the names of a
 * namespace something observes.
 *
 * Code reads a binding where it is declared (link_read_module): a chain
 * of re-exports costs one getter at run time, not one per module.  So a
 * module's `export *` only matters when something observes its namespace
 * (ns_needed), and then its star names are known statically in the common
 * case (star_static: every one bound to an ES module's declaration), and
 * become getters of its own; only stars that lead to CommonJS are copied
 * at run time.  Copying every star's exports object into the next, as the
 * first bundles did, is quadratic at run time on an `export *` chain.
 *
 * Names are interned by the pass (LinkName ids, 1-based), so bindings
 * compare as integers; tree shaking will mark used exports by these ids.
 * Memory: the link's own arena and heap tables, released by link_free;
 * name bytes are borrowed from the modules (valid while the graph is). */
#ifndef BALE_SEAL_LINK_H
#define BALE_SEAL_LINK_H

#include "base/arena.h"
#include "base/diag.h"
#include "base/map.h"
#include "base/vec.h"
#include "make/graph.h"

typedef uint32_t LinkNameId; /* 1-based index into Link.names; 0 = none */

typedef enum LinkKind {
    LINK_NONE,      /* not exported: a missing export */
    LINK_LOCAL,     /* module's own export name (declared there, or its default expression) */
    LINK_NAMESPACE, /* module's namespace object (import * as ns; export * as ns) */
    LINK_DYNAMIC,   /* name of module, which is not an ES module (0: external): read at run time */
    LINK_OPEN,      /* not known before run time: an `export *` of a CommonJS module may give it */
    LINK_AMBIGUOUS, /* two `export *` give different bindings, in module and other */
} LinkKind;

typedef struct LinkBinding {
    uint8_t kind;     /* LinkKind */
    ModuleId module;
    LinkNameId name;  /* LOCAL, DYNAMIC */
    ModuleId other;   /* AMBIGUOUS */
} LinkBinding;

typedef struct LinkName {
    const char *str; /* borrowed from a module's record */
    uint32_t len;
} LinkName;

/* What the shake pass (seal/shake.c) leaves of a module. */
typedef enum LinkShake {
    LINK_SHAKE_KEPT,     /* its code, whole */
    LINK_SHAKE_RUN_ONLY, /* nothing of it is used and it has no side effects, but a module it
                          * imports must run: it only requires those, in order */
    LINK_SHAKE_DROPPED,  /* nothing of it or under it runs: not in the bundle */
} LinkShake;

typedef struct LinkModule {
    ModuleId *dep_target;   /* by JsDepId: the module the dependency leads to, or 0; arena */
    LinkBinding *imports;   /* by index into the record's imports (ES modules only); arena */
    LinkBinding *exports;   /* by index into the record's exports: what a LOCAL export of an
                             * import, a REEXPORT or a STAR_AS is bound to (else NONE); arena */
    bool ns_needed;         /* its namespace object must hold every name, its stars' too: it is
                             * observed (import *, import(), require(), an entry), or read
                             * through by a name the link could not bind to its declaration */
    LinkNameId *ambiguous;  /* ns_needed: the names its namespace leaves out, in namespace order; arena */
    uint32_t nambiguous;
    bool star_static;       /* ns_needed: every name its `export *` give is known (star_names) */
    LinkNameId *star_names; /* star_static: those names, and what each is bound to; arena */
    LinkBinding *star_bindings;
    uint32_t nstar_names;
    LinkNameId *cjs_names;  /* not an ES module, imported by one that Node runs as one: the
                             * names (besides default) Node's namespace of it has: what its
                             * CommonJS lexer finds, then what its reexports' modules give,
                             * each once (JSON: none); arena */
    uint32_t ncjs_names;
    bool cjs_done;          /* cjs_names is computed */
    uint8_t *cjs_used;      /* by index into cjs_names: whether something reads the name (the
                             * shake pass, for a CommonJS module cut in parts whose exports
                             * object does not escape); NULL: every name is */
    uint8_t shake;          /* LinkShake, set by the shake pass (tree shaking; KEPT when off) */
    uint8_t *part_live;     /* KEPT ES modules, by OutPart: whether the statement is kept (the
                             * shake pass); NULL: all are; arena */
    bool entry;             /* an entry point of the build */
    bool hoisted;           /* scope hoisting (seal/hoist.c): its code is part of its chunk's
                             * top-level scope, not a function in the module table */
    const char **top_names; /* hoisted: the output's name of each top-level binding (by
                             * OutPrep.tops index; the source's unless renamed); arena */
    const char *default_name; /* hoisted: its default export's binding; arena */
    bool hoist_cyclic;      /* hoisted: in a cycle of hoisted modules (a module of it may run
                             * code of another before that one has run) */
    bool default_aliased;   /* hoisted: `export default x` is x itself (prepare.h's
                             * default_alias; not in a cycle, where an importer could read the
                             * default before the statement runs, as Node's TDZ forbids) */
    bool hoist_ns;          /* hoisted: its namespace object is built (something observes it; an
                             * esm bundle's entry that nothing imports has its export list) */
    bool async;             /* an ES module that awaits at top level, or imports (import,
                             * export from) one that is async: it runs asynchronously, as
                             * Node's [[AsyncEvaluation]] modules */
} LinkModule;

typedef struct Link {
    VecU32 cjs_stamp;       /* by ModuleId: the walk that last saw it (link.c's cjs_names) */
    uint32_t cjs_walks;
    LinkModule *modules;    /* by ModuleId - 1; arena */
    VEC(LinkName) names;    /* by LinkNameId - 1 */
    Map name_ids;           /* name bytes -> LinkNameId */
    Map own;                /* module << 32 | name -> 1 + index of its own export */
    Map import_of;          /* module << 32 | symbol -> 1 + index of the import that binds it */
    Map memo[2];            /* for an import, for a namespace: module << 32 | name ->
                             * 1 + index into results (0 while computing) */
    VEC(LinkBinding) results;
    Arena arena;
} Link;

/* Links every module of g (the finished, error-free graph).  Missing and
 * ambiguous imports and re-exports are errors in diags, at the import.
 * Release with link_free.  Linear in modules, imports and exports (see the
 * top comment for the one case that is not). */
void link_run(Link *link, const ModuleGraph *g, DiagList *diags);

void link_free(Link *link);

/* Where code reads binding b: the exports object of the ES module that
 * declares it (b is LOCAL), or that it is the namespace of (NAMESPACE of an
 * ES module); 0 when it must be read through the import as written (the
 * name of a CommonJS module, an external, an `export *` of CommonJS). */
ModuleId link_read_module(const Link *link, const ModuleGraph *g, LinkBinding b);

static inline const LinkModule *link_module(const Link *link, ModuleId id) { return &link->modules[id - 1]; }
static inline const LinkName *link_name(const Link *link, LinkNameId id) { return &link->names.data[id - 1]; }

/* A module's bindings in one sequence, the order code generation reads
 * them in: its imports, its exports, then (star_static) the names its
 * `export *` give; link_binding_count of them. */
static inline uint32_t link_binding_count(const LinkModule *lm, const JsRecord *r) {
    return r->imports.len + r->exports.len + (lm->star_static ? lm->nstar_names : 0);
}
static inline LinkBinding link_binding_at(const LinkModule *lm, const JsRecord *r, uint32_t i) {
    return i < r->imports.len                 ? lm->imports[i]
         : i < r->imports.len + r->exports.len ? lm->exports[i - r->imports.len]
                                               : lm->star_bindings[i - r->imports.len - r->exports.len];
}

/* The id of a name the link pass has seen, or 0. */
LinkNameId link_find_name(const Link *link, const char *s, uint32_t len);

/* The id of a name, given one if it has none (s must live as long as the
 * link: a module's source or arena). */
LinkNameId link_intern_name(Link *link, const char *s, uint32_t len);

#endif
