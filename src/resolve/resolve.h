/* resolve/resolve.h: the FACTORIZE step's module resolver.
 *
 * Given the directory of the importing file, a request as written
 * ("./a", "react", "#internal", "node:fs", "file:///x.js") and the kind of
 * import (ESM or require), finds the file that Node (platform=node) or a
 * browser bundler (platform=browser, webpack's enhanced-resolve configured
 * as esbuild is) would load:
 *
 *   aliases -> externals -> package "browser" map -> node: and built-ins
 *   relative/absolute: the file, then extensions, then the directory
 *     (package.json main fields, then index + extensions)
 *   "#name": the enclosing package's "imports"
 *   bare: self-reference, then node_modules walking up; a package with
 *     "exports" is resolved through it only (conditions below)
 *   the answer is the real path (symbolic links resolved), as in Node,
 *   unless preserve_symlinks.
 *
 * Conditions: "default" always; "import" or "require" by kind; "node" and
 * "node-addons" (node) or "browser" and "module" (browser); "module"
 * (neutral); then the user's.  Main fields: browser, module, main (browser);
 * main, module (node and neutral).  An ESM import still tries extensions
 * and index files, as every bundler does; a require tries only what Node's
 * require tries (no .mjs or .cjs).
 *
 * One Resolver serves a whole build and is shared by every worker thread:
 * its options are immutable once created, and the file system is read
 * through the shared directory cache (dircache.h), so each directory is
 * listed and each package.json parsed at most once per build. */
#ifndef BALE_RESOLVE_RESOLVE_H
#define BALE_RESOLVE_RESOLVE_H

#include "bale.h"

#include "base/diag.h"
#include "base/intern.h"
#include "resolve/dircache.h"
#include "resolve/package_json.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct Resolver Resolver;

typedef enum ResolveOutcome {
    RESOLVE_FILE,     /* path: the file to load */
    RESOLVE_EXTERNAL, /* path: the request, left to the runtime ("react", "node:fs") */
    RESOLVE_EMPTY,    /* a browser field maps it to false: an empty module.  path: the
                       * file that was disabled, or the request when it named a package */
    RESOLVE_ERROR,    /* a diagnostic was added; path is NULL */
} ResolveOutcome;

typedef struct ResolveResult {
    ResolveOutcome outcome;
    const Istr *path;           /* interned in the resolver's interner */
    /* RESOLVE_FILE: the package.json that owns the file (the nearest at or
     * above its directory), or NULL; its "type" and "sideEffects" apply to
     * the file (side_effects_of, asked once per module by make's ADD). */
    PackageJson *package;
} ResolveResult;

/* Where the request was written, for the diagnostic's code frame.  file may
 * be NULL (then the diagnostic has no location). */
typedef struct ResolveSite {
    const DiagFile *file;
    uint32_t start, end;
} ResolveSite;

/* Makes a resolver from the resolution options of o (platform, conditions,
 * main_fields, resolve_extensions, aliases, externals, preserve_symlinks,
 * working_dir), copying what it keeps.  interner is borrowed (paths in
 * results are interned there) and must outlive the resolver.  Can't fail. */
Resolver *resolver_new(const BaleOptions *o, Interner *interner);
void resolver_free(Resolver *r);

/* Resolves request from issuer_dir (the importing file's directory, a real
 * path unless preserve_symlinks; a relative one is taken from the working
 * directory, and it is normalized lexically).  Thread-safe: any
 * number of workers may call it at once.  On RESOLVE_ERROR one diagnostic
 * is added to diags (the worker's own list), at site, with notes listing
 * the paths tried and a hint. */
ResolveResult resolve_request(Resolver *r, const char *issuer_dir, const char *request, BaleImportKind kind,
                              const ResolveSite *site, DiagList *diags);

/* File-system calls made so far and directories seen (for --profile and
 * the "fs calls per directory" figure).  Thread-safe. */
DirCacheStats resolver_stats(const Resolver *r);

/* The resolver's directory cache, for the other readers of the file system
 * in src/resolve (context.c).  Valid until resolver_free. */
DirCache *resolver_dircache(Resolver *r);

#endif
