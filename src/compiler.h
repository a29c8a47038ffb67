/* compiler.h: one build, owned by one object, run as make -> seal -> emit.
 *
 * A Compiler holds everything a build needs for as long as it runs: the
 * options (with working_dir made absolute), the interner, the resolver, the
 * --profile table, the one thread pool that make and seal's code generation
 * take turns on, the diagnostics, the module graph and the seal.  It never
 * prints and reads no environment variable: what the build has to say is
 * left in the struct for the caller (bale.c, which translates it into a
 * BaleResult) to read before compiler_free.
 *
 * Memory: the Compiler on the heap; the interner (paths, names) lives as
 * long as it; each module's arena until compiler_free (diagnostics point
 * into them); the seal's arena likewise. */
#ifndef BALE_COMPILER_H
#define BALE_COMPILER_H

#include "bale.h"

#include "base/diag.h"
#include "base/intern.h"
#include "base/pool.h"
#include "base/profile.h"
#include "base/vec.h"
#include "make/graph.h"
#include "resolve/path.h"
#include "resolve/resolve.h"
#include "seal/seal.h"

typedef struct Compiler {
    BaleOptions options;  /* the caller's (its pointers borrowed for the build), working_dir = cwd */
    const char *cwd;      /* absolute working directory: cwd_buf or wd.s */
    char cwd_buf[PATH_CAP];
    PathBuf wd;
    Interner *interner;   /* owns every interned path and name of the build */
    Resolver *resolver;
    Profile profile;      /* every phase's timers and counters */
    Pool *pool;           /* make's tasks, then code generation's */

    /* The results, valid until compiler_free. */
    DiagList diags;       /* sorted by compiler_run; DiagFiles point into module arenas */
    ModuleGraph graph;
    Seal seal;            /* valid when sealed */
    bool sealed;
    VecChar graph_text;   /* options.dump_graph: the graph after make (heap) */
    VecChar bundle;       /* the bundle of a chunk without a path, on success (heap) */
    bool has_bundle;      /* bundle is set (it may be empty) */
} Compiler;

/* Makes a compiler for options (valid: bale.c checked them), with the
 * interner, the resolver and the pool's threads started.  options' pointers
 * are borrowed until compiler_free.  Can't fail. */
Compiler *compiler_new(const BaleOptions *options);

/* Runs make, then (when the graph has no error) seal, whose last pass
 * emits the outputs that have a path.  Afterwards diags is sorted.
 * Returns BALE_OK, BALE_ERR_BUILD, BALE_ERR_IO or BALE_ERR_NOT_IMPLEMENTED
 * (a construct the output cannot express yet).  Once per compiler. */
BaleStatus compiler_run(Compiler *c);

/* Stops the pool's threads and releases everything (NULL is fine). */
void compiler_free(Compiler *c);

#endif
