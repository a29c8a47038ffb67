/* resolve/package_json.h: what the resolver (and later the optimizer) needs
 * from one package.json.
 *
 * Each package.json is read and parsed once per build by the directory cache
 * (dircache.c) and is immutable from then on, so any thread may read it
 * without a lock.  The JSON tree (js/json.h) is kept: "exports", "imports"
 * and the object form of "browser" are walked in place (exports.c), in the
 * key order of the file, which is the order Node matches conditions in. */
#ifndef BALE_RESOLVE_PACKAGE_JSON_H
#define BALE_RESOLVE_PACKAGE_JSON_H

#include "base/arena.h"
#include "js/json.h"
#include "resolve/side_effects.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { PKG_MAX_MAIN_FIELDS = 8 };

typedef enum SideEffects {
    SIDE_EFFECTS_UNSET, /* no "sideEffects" key: assume every file has them */
    SIDE_EFFECTS_TRUE,
    SIDE_EFFECTS_FALSE, /* no file of the package has side effects */
    SIDE_EFFECTS_LIST,  /* only files matching one of globs have them */
} SideEffects;

/* A problem with a field that makes bale ignore the field (or part of it),
 * not the file: reported once, as a warning, by the first module the
 * package.json owns (make's ADD), so the report does not depend on which
 * worker read the file. */
typedef struct PackageWarning {
    const char *msg;          /* static, e.g. "the value for \"sideEffects\" must be ..." */
    uint32_t offset;          /* of the offending value's first byte, in text */
    uint32_t more;            /* further problems, not described */
    const char *text;         /* the file's text, kept (arena) only when there is a warning */
    uint32_t text_len;
} PackageWarning;

typedef struct PackageJson {
    const char *dir;          /* the package directory; borrowed from its DirInfo */
    uint32_t dir_len;
    Arena arena;              /* owns the tree and everything below that points into it */
    const JsJson *root;       /* the parsed object (arena); NULL when error is set */
    const char *name;         /* "name", or NULL; points into root */
    /* The value of each main field the resolver was configured with (same
     * index), when it is a non-empty string; NULL otherwise. */
    const char *mains[PKG_MAX_MAIN_FIELDS];
    const JsJson *exports;     /* "exports" unless absent or null */
    const JsJson *imports;     /* "imports" when an object */
    const JsJson *browser_map; /* "browser" when an object (the string form is a main field) */
    bool type_module;         /* "type": "module" */
    SideEffects side_effects;
    const SideEffectsGlob **side_effect_globs; /* SIDE_EFFECTS_LIST: the patterns, compiled (arena) */
    uint32_t side_effect_glob_count;
    PackageWarning warning;   /* msg NULL: none */
    atomic_bool warned;       /* the warning was reported (package_json_take_warning) */
    char *error;              /* heap: why the file is unusable, or NULL: "DIR/package.json:LINE:COL:
                                 is not valid JSON: MESSAGE" or "DIR/package.json: is not a JSON object" */
} PackageJson;

/* Parses text (len bytes; a leading byte order mark is skipped, as Node
 * does) as the package.json of dir.  main_fields names the fields to copy
 * into mains[] (at most PKG_MAX_MAIN_FIELDS).  Never NULL: a file that is
 * not a JSON object gives a PackageJson whose error says so.  Borrows text
 * during the call only.  The caller owns the result (package_json_free). */
PackageJson *package_json_parse(const char *dir, uint32_t dir_len, const char *text, size_t len,
                                const char *const *main_fields, uint32_t main_field_count);
void package_json_free(PackageJson *pkg);

/* Looks key up in the object form of "browser" as enhanced-resolve does:
 * the key as given, then (for "./x") without its "./".  Returns the value
 * (a string or false), or NULL when the map has no such key. */
const JsJson *package_json_browser_get(const PackageJson *pkg, const char *key, size_t len);

/* The package's warning, the first time it is asked for (NULL after, and
 * when there is none).  Thread-safe: exactly one caller gets it. */
const PackageWarning *package_json_take_warning(PackageJson *pkg);

#endif
