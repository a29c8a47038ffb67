/* resolve/exports.h: package.json "exports" and "imports", exactly as Node's
 * resolver reads them (PACKAGE_EXPORTS_RESOLVE, PACKAGE_IMPORTS_RESOLVE and
 * PACKAGE_TARGET_RESOLVE in Node's ESM specification).
 *
 * Pure functions over the JSON tree (js/json.h): no file-system access.  The caller
 * checks that the target file exists; in Node a target that is valid but
 * missing is an error, never a reason to try the next array element. */
#ifndef BALE_RESOLVE_EXPORTS_H
#define BALE_RESOLVE_EXPORTS_H

#include "resolve/path.h"

#include "js/json.h"

#include <stdbool.h>
#include <stdint.h>

enum { MAX_CONDITIONS = 24 };

/* The active condition names ("default" always matches and is not listed). */
typedef struct Conditions {
    const char *names[MAX_CONDITIONS]; /* borrowed: the resolver's options */
    uint32_t count;
} Conditions;

typedef enum ExportsStatus {
    EXPORTS_FILE,              /* out: an absolute path inside the package */
    EXPORTS_BARE,              /* imports only: out is a package specifier to resolve */
    EXPORTS_NOT_EXPORTED,      /* no key matches, or the target is null */
    EXPORTS_INVALID_TARGET,    /* a target that is not "./..." (or escapes the package) */
    EXPORTS_INVALID_CONFIG,    /* keys mixing "." and conditions, numeric keys */
    EXPORTS_INVALID_SPECIFIER, /* the pattern match puts ".." or node_modules in the path */
} ExportsStatus;

typedef struct ExportsResult {
    ExportsStatus status;
    PathBuf out;
    char detail[256];          /* for errors: the offending target or key */
} ExportsResult;

/* subpath is "." or "./x".  pkg_dir is the package's directory. */
void exports_resolve(const JsJson *exports, const char *subpath, const Conditions *conds,
                     const char *pkg_dir, uint32_t pkg_dir_len, ExportsResult *res);

/* name starts with "#". */
void imports_resolve(const JsJson *imports, const char *name, const Conditions *conds,
                     const char *pkg_dir, uint32_t pkg_dir_len, ExportsResult *res);

/* Appends to buf (cap bytes, NUL-terminated) the subpaths exports makes
 * available, comma-separated, for "did you mean" hints. */
void exports_list_keys(const JsJson *exports, char *buf, size_t cap);

#endif
