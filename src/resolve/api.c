/* resolve/api.c: bale_resolve, the resolver on its own (include/bale.h).
 * Makes a one-request Resolver with its own interner, resolves, prints the
 * diagnostic on stderr when it fails.  Used by `bale resolve` and tests;
 * a build makes one Resolver for all its requests instead. */
#include "bale.h"

#include "base/diag.h"
#include "base/intern.h"
#include "base/mem.h"
#include "resolve/path.h"
#include "resolve/resolve.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *heap_copy(const char *s) {
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    if (!p) mem_fatal("out of memory");
    memcpy(p, s, n + 1);
    return p;
}

BaleStatus bale_resolve(const BaleOptions *o, const char *from_dir, const char *request,
                        BaleImportKind kind, char **path_out, char **note_out) {
    *path_out = NULL;
    if (note_out) *note_out = NULL;
    char cwd[PATH_CAP];
    const char *base = o->working_dir;
    if (!base) base = getcwd(cwd, sizeof cwd) ? cwd : "/";
    PathBuf dir;
    path_resolve(&dir, base, strlen(base), from_dir, strlen(from_dir));

    Interner *in = interner_new();
    Resolver *r = resolver_new(o, in);
    DiagList diags;
    diag_init(&diags);
    ResolveResult res = resolve_request(r, dir.s, request, kind, NULL, &diags);
    BaleStatus st = BALE_OK;
    switch (res.outcome) {
    case RESOLVE_FILE: *path_out = heap_copy(res.path->str); break;
    case RESOLVE_EXTERNAL: if (note_out) *note_out = heap_copy("external"); break;
    case RESOLVE_EMPTY: if (note_out) *note_out = heap_copy("empty"); break;
    case RESOLVE_ERROR: st = BALE_ERR_BUILD; break;
    }
    if (diags.items.len && o->log_level != BALE_LOG_SILENT) diag_print(&diags, stderr, o->color);
    diag_free(&diags);
    resolver_free(r);
    interner_free(in);
    return st;
}
