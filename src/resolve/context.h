/* resolve/context.h: the names a context module answers to.
 *
 * `require("./lang/" + x + ".js")` or import(`./locales/${l}.mjs`) names
 * a module only run time knows.  Like esbuild's glob-style imports and
 * webpack's context modules, bale bundles every file the call could load
 * and a map from the specifier as it would be written to the module.  The
 * pattern is static texts with holes between them; its first text starts
 * with "./" or "../".  The rules, chosen after esbuild's documented ones
 * (https://esbuild.github.io/api/#glob) and webpack's context modules:
 *
 *   - the files are searched in the directory of the first text (up to
 *     its last "/"), relative to the issuer, and below it only through a
 *     hole that comes right after a "/" (esbuild: "./data/" + x + ".json"
 *     matches x in any subdirectory, "./data-" + x + ".json" only in
 *     ./): such a hole matches any text, slashes included; any other hole
 *     matches any text without a slash.  ".." is never searched;
 *   - names starting with "." are skipped (webpack), and symbolic links to
 *     directories are not followed (esbuild: no loops);
 *   - a file bale cannot load (the caller's loadable says) is skipped, not
 *     an error; so is a file without an extension;
 *   - a pattern without a hole ('./a/' + 'b') is that one name;
 *   - the importing file is not excluded (neither is it by esbuild or
 *     webpack): `require("./" + x)` may load itself, as in Node;
 *   - for require(), a file answers to more names, as Node's require finds
 *     it (webpack's alternative requests): "./lang/en.js" also to
 *     "./lang/en", and "./lang/sub/index.js" to "./lang/sub/index",
 *     "./lang/sub" and "./lang/sub/".  Each name must match the pattern,
 *     and which file a name loads is for the resolver to say (the caller
 *     resolves every name as any other request: "./lang/en" is en.js or
 *     en.json by Node's order).  import() needs the full file name, as
 *     Node's ESM loader does.
 *
 * Every directory is read through the resolver's directory cache, so it
 * is listed once per build however many patterns look at it.
 * Memory: the pattern and the names on the heap while resolve_context
 * runs; nothing is kept.  Runs on worker threads (BUILD). */
#ifndef BALE_RESOLVE_CONTEXT_H
#define BALE_RESOLVE_CONTEXT_H

#include "bale.h"

#include "base/vec.h"
#include "resolve/resolve.h"

#include <stdbool.h>
#include <stdint.h>

/* One piece of a pattern: a text, or a hole (text NULL).  Texts may follow
 * each other, and so may holes. */
typedef struct ResolvePiece {
    const char *text;
    uint32_t len;
} ResolvePiece;

/* Where resolve_context sends what it finds. */
typedef struct ResolveContextSink {
    /* Whether bale has a loader for a file of this name (its last
     * component, as listed: name[len] is NUL). */
    bool (*loadable)(const char *name, uint32_t len);
    /* A name the context answers to, as written in the program
     * ("./lang/en.js"); key[len] is NUL; borrowed until the call returns.
     * The same name may come more than once. */
    void (*key)(void *ctx, const char *key, uint32_t len);
    void *ctx;
} ResolveContextSink;

typedef enum ResolveContextStatus {
    RESOLVE_CONTEXT_OK,     /* every name was sent (possibly none) */
    RESOLVE_CONTEXT_NO_DIR, /* the pattern's directory does not exist: nothing was sent */
} ResolveContextStatus;

/* Sends every name the pattern pieces[0..n) answers to from issuer_dir
 * (absolute), for an import of kind (require or import()), to sink.
 * pieces[0] is a text starting with "./" or "../".  Thread-safe. */
ResolveContextStatus resolve_context(Resolver *r, const char *issuer_dir, const ResolvePiece *pieces, uint32_t n,
                                     BaleImportKind kind, const ResolveContextSink *sink);

/* Appends the pattern as a glob, for messages, as esbuild prints it: a
 * hole that may hold slashes is two stars, a slash and a star; any other
 * hole one star ("./data-*.json").  Can't fail. */
void resolve_context_glob(const ResolvePiece *pieces, uint32_t n, VecChar *out);

#endif
