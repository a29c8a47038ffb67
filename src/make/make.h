/* make/make.h: the make phase, building the module graph from the entries.
 *
 * make_run resolves each entry point, then runs the task loop (loop.c):
 * every module reachable through import, export-from, require() and
 * import() is read and parsed once, its requests resolved, and the graph
 * connected, using a pool of worker threads for resolution and parsing
 * while the calling thread alone writes the graph.  Every user error found
 * on the way (unresolvable requests, syntax and early errors, unreadable
 * files, missing entry points) is added to diags; the walk continues past
 * them to find them all.  At the end the graph is renumbered
 * deterministically (graph_finish). */
#ifndef BALE_MAKE_MAKE_H
#define BALE_MAKE_MAKE_H

#include "bale.h"

#include "base/diag.h"
#include "base/intern.h"
#include "base/pool.h"
#include "base/profile.h"
#include "make/graph.h"
#include "resolve/resolve.h"

typedef struct MakeInput {
    const BaleOptions *options; /* entry_points, threads (borrowed) */
    const char *cwd;            /* absolute working directory (borrowed) */
    Interner *interner;         /* borrowed; must outlive the graph */
    Resolver *resolver;         /* borrowed; built from options */
    Profile *profile;           /* borrowed; entries are registered here */
    Pool *pool;                 /* borrowed, idle; make_run installs its phase and leaves it idle */
} MakeInput;

typedef enum MakeStatus {
    MAKE_OK,          /* the graph is complete and error-free */
    MAKE_ERRORS,      /* user errors were added to diags */
    MAKE_IO,          /* an input file could not be read (a diagnostic says which) */
} MakeStatus;

/* Builds *graph (initialized here; release with graph_free after the last
 * use of diags, whose DiagFiles live in the modules' arenas). */
MakeStatus make_run(const MakeInput *in, ModuleGraph *graph, DiagList *diags);

/* The size of make's task values, for the pool: make_run queues tasks
 * and takes results of this size. */
size_t make_task_size(void);

#endif
