/* resolve/resolve.c: the resolution algorithm (see resolve.h for the order
 * of steps and the conditions).
 * In: a request and its issuer's directory.  Out: a ResolveResult, or one
 * diagnostic in the caller's DiagList.  Reads the file system only through
 * the directory cache.  Memory: candidate paths on the stack (PathBuf); the
 * answer interned; the resolver's own copies of its options in its arena.
 * Runs on worker threads (FACTORIZE), many at once.
 *
 * Each step returns HIT (ctx->answer is set), MISS (try the next
 * candidate) or FAIL (an error that ends the search, such as a package whose
 * exports do not export the subpath: ctx->reason says why).  A request that
 * fails is resolved a second time with tracing on, which records every path
 * tried for the diagnostic's notes, so the fast path records nothing. */
#include "resolve/resolve.h"

#include "base/arena.h"
#include "base/map.h"
#include "base/mem.h"
#include "resolve/exports.h"
#include "resolve/path.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

enum { MAX_EXTENSIONS = 16, MAX_MAPPING_DEPTH = 8, MAX_TRIED_NOTES = 14 };

struct Resolver {
    BalePlatform platform;
    bool preserve_symlinks;
    Interner *interner;
    DirCache *cache;
    Arena arena;                          /* copies of the options' strings */
    const char *main_fields[PKG_MAX_MAIN_FIELDS];
    uint32_t main_field_count;
    const char *extensions[2][MAX_EXTENSIONS]; /* by BaleImportKind */
    uint32_t extension_count[2];
    Conditions conds[2];                  /* by BaleImportKind */
    BalePair *aliases;
    uint32_t alias_count;
    const char **externals;
    uint32_t external_count;
    const char *working_dir;
    Map builtins;                         /* name -> 1 + needs "node:" */
};

typedef enum Step { MISS, HIT, FAIL } Step;

typedef struct Ctx {
    Resolver *r;
    BaleImportKind kind;
    const Conditions *conds;
    int depth;             /* browser-map and imports recursion */
    bool trace;
    VecChar tried;         /* trace: "line\n" per path tried */
    uint32_t tried_count;
    bool saw_package;      /* a node_modules directory had the package */
    /* Set with HIT: */
    ResolveOutcome outcome;
    PathBuf answer;
    /* Set with FAIL: */
    DiagCode code;
    char reason[600];
    char hint[600];
} Ctx;

/* ---- The resolver's options ------------------------------------------- */

static const char *copy_str(Resolver *r, const char *s) { return arena_strndup(&r->arena, s, strlen(s)); }

static void add_condition(Conditions *c, const char *name) {
    for (uint32_t i = 0; i < c->count; i++)
        if (strcmp(c->names[i], name) == 0) return;
    if (c->count < MAX_CONDITIONS) c->names[c->count++] = name;
}

Resolver *resolver_new(const BaleOptions *o, Interner *interner) {
    Resolver *r = mem_zalloc(sizeof *r);
    arena_init(&r->arena, 4096);
    r->platform = o->platform;
    r->preserve_symlinks = o->preserve_symlinks;
    r->interner = interner;

    static const char *const browser_mains[] = {"browser", "module", "main"};
    static const char *const node_mains[] = {"main", "module"};
    const char *const *mains = o->main_fields;
    size_t nmains = o->main_field_count;
    if (!mains) {
        mains = o->platform == BALE_PLATFORM_BROWSER ? browser_mains : node_mains;
        nmains = o->platform == BALE_PLATFORM_BROWSER ? 3 : 2;
    }
    for (size_t i = 0; i < nmains && r->main_field_count < PKG_MAX_MAIN_FIELDS; i++)
        r->main_fields[r->main_field_count++] = copy_str(r, mains[i]);

    static const char *const default_exts[] = {".js", ".mjs", ".cjs", ".json"};
    const char *const *exts = o->resolve_extensions ? o->resolve_extensions : default_exts;
    size_t nexts = o->resolve_extensions ? o->resolve_extension_count : 4;
    for (size_t i = 0; i < nexts; i++) {
        const char *e = copy_str(r, exts[i]);
        if (r->extension_count[BALE_IMPORT_ESM] < MAX_EXTENSIONS)
            r->extensions[BALE_IMPORT_ESM][r->extension_count[BALE_IMPORT_ESM]++] = e;
        /* Node's require never tries the ESM-only extensions. */
        if (strcmp(e, ".mjs") != 0 && strcmp(e, ".cjs") != 0 && r->extension_count[BALE_IMPORT_REQUIRE] < MAX_EXTENSIONS)
            r->extensions[BALE_IMPORT_REQUIRE][r->extension_count[BALE_IMPORT_REQUIRE]++] = e;
    }

    for (int k = 0; k < 2; k++) {
        Conditions *c = &r->conds[k];
        add_condition(c, k == BALE_IMPORT_ESM ? "import" : "require");
        switch (o->platform) {
        case BALE_PLATFORM_NODE: add_condition(c, "node"); add_condition(c, "node-addons"); break;
        case BALE_PLATFORM_BROWSER: add_condition(c, "browser"); add_condition(c, "module"); break;
        case BALE_PLATFORM_NEUTRAL: add_condition(c, "module"); break;
        }
        for (size_t i = 0; i < o->condition_count; i++) add_condition(c, copy_str(r, o->conditions[i]));
    }

    if (o->alias_count) {
        r->aliases = ARENA_ARRAY(&r->arena, BalePair, o->alias_count);
        for (size_t i = 0; i < o->alias_count; i++) {
            r->aliases[i].key = copy_str(r, o->aliases[i].key);
            r->aliases[i].value = copy_str(r, o->aliases[i].value);
        }
        r->alias_count = (uint32_t)o->alias_count;
    }
    if (o->external_count) {
        r->externals = ARENA_ARRAY(&r->arena, const char *, o->external_count);
        for (size_t i = 0; i < o->external_count; i++) r->externals[i] = copy_str(r, o->externals[i]);
        r->external_count = (uint32_t)o->external_count;
    }
    char cwd[PATH_CAP];
    if (o->working_dir) r->working_dir = copy_str(r, o->working_dir);
    else r->working_dir = copy_str(r, getcwd(cwd, sizeof cwd) ? cwd : "/");

#define X(name, prefixed) map_put_str(&r->builtins, name, sizeof(name) - 1, 1 + (prefixed));
#include "resolve/node_builtins.def"
#undef X

    r->cache = dircache_new(interner, r->main_fields, r->main_field_count);
    return r;
}

void resolver_free(Resolver *r) {
    if (!r) return;
    dircache_free(r->cache);
    map_free(&r->builtins);
    arena_free(&r->arena);
    mem_free(r);
}

DirCacheStats resolver_stats(const Resolver *r) { return dircache_stats(r->cache); }

DirCache *resolver_dircache(Resolver *r) { return r->cache; }

/* ---- Small helpers ---------------------------------------------------- */

static bool starts_with(const char *s, const char *prefix) { return strncmp(s, prefix, strlen(prefix)) == 0; }

/* "./x", "../x", ".", "..": relative to the issuer (Node's rule). */
static bool is_relative(const char *s) {
    return s[0] == '.' && (s[1] == '\0' || s[1] == '/' || (s[1] == '.' && (s[2] == '\0' || s[2] == '/')));
}

/* Node treats "dir/", ".", "..", "x/." and "x/.." as directories only. */
static bool names_directory(const char *s) {
    size_t n = strlen(s);
    if (n == 0) return false;
    if (s[n - 1] == '/') return true;
    if (strcmp(s, ".") == 0 || strcmp(s, "..") == 0) return true;
    if (n >= 2 && s[n - 1] == '.' && s[n - 2] == '/') return true;
    if (n >= 3 && s[n - 1] == '.' && s[n - 2] == '.' && s[n - 3] == '/') return true;
    return false;
}

static const char *base_name(const DirInfo *d) {
    const char *s = d->path + d->len;
    while (s > d->path && s[-1] != '/') s--;
    return s;
}

static void traced(Ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void traced(Ctx *c, const char *fmt, ...) {
    if (!c->trace) return;
    c->tried_count++;
    char line[PATH_CAP + 128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n >= sizeof line) n = (int)sizeof line - 1;
    memcpy(VEC_GROW(&c->tried, (uint32_t)n + 1), line, (size_t)n);
    c->tried.data[c->tried.len - 1] = '\n';
}

static Step fail(Ctx *c, DiagCode code, const char *hint, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static Step fail(Ctx *c, DiagCode code, const char *hint, const char *fmt, ...) {
    c->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->reason, sizeof c->reason, fmt, ap);
    va_end(ap);
    snprintf(c->hint, sizeof c->hint, "%s", hint ? hint : "");
    return FAIL;
}

static DirInfo *dir_of(Ctx *c, const char *path, size_t len) { return dircache_dir(c->r->cache, path, len); }

/* Node's package scope: the nearest package.json above d, not looking past
 * a node_modules directory. */
static DirInfo *node_scope(DirInfo *d) {
    for (; d; d = d->parent) {
        if (strcmp(base_name(d), "node_modules") == 0) return NULL;
        if (d->pkg) return d;
    }
    return NULL;
}

static Step resolve_inner(Ctx *c, const char *dir, size_t dir_len, const char *request);

/* The answer is name in d: its real path unless symlinks are preserved. */
static Step found(Ctx *c, DirInfo *d, const char *name, size_t len) {
    c->outcome = RESOLVE_FILE;
    if (c->r->preserve_symlinks) {
        path_set(&c->answer, d->path, d->len);
        path_push(&c->answer, name, len);
        return HIT;
    }
    if (!dircache_realpath(c->r->cache, d, name, len, &c->answer))
        return fail(c, DIAG_RESOLVE_SYMLINK, "remove or fix the symbolic link",
                    "\"%s/%.*s\" goes through a symbolic link loop", d->path, (int)len, name);
    return HIT;
}

/* A browser-field mapping of `what` (in the package at scope) to value. */
static Step browser_mapped(Ctx *c, DirInfo *scope, const JsJson *value, const char *what, const PathBuf *empty_path) {
    if (value->kind == JS_JSON_FALSE) {
        c->outcome = RESOLVE_EMPTY;
        if (empty_path) c->answer = *empty_path;
        else path_set(&c->answer, what, strlen(what));
        return HIT;
    }
    if (c->depth >= MAX_MAPPING_DEPTH)
        return fail(c, DIAG_RESOLVE_PACKAGE, "check the \"browser\" field for mappings that lead back to themselves",
                    "the \"browser\" field of %s/package.json maps \"%s\" in a loop", scope->path, what);
    traced(c, "%s/package.json: \"browser\" maps \"%s\" to \"%s\"", scope->path, what, value->u.str);
    c->depth++;
    Step s = resolve_inner(c, scope->path, scope->len, value->u.str);
    c->depth--;
    if (s == MISS)
        return fail(c, DIAG_RESOLVE_NOT_FOUND, "fix the mapping in the package's \"browser\" field",
                    "the \"browser\" field of %s/package.json maps \"%s\" to \"%s\", which could not be resolved",
                    scope->path, what, value->u.str);
    return s;
}

/* One candidate file: the browser map may redirect it (before existence is
 * checked, as enhanced-resolve does); otherwise it is a HIT if it is a file. */
static Step try_file(Ctx *c, DirInfo *d, const char *name, size_t len) {
    if (c->r->platform == BALE_PLATFORM_BROWSER && d->pkg_dir && d->pkg_dir->pkg->browser_map) {
        DirInfo *scope = d->pkg_dir;
        PathBuf full, inner;
        path_set(&full, d->path, d->len);
        path_push(&full, name, len);
        path_relative_inside(&inner, scope->path, scope->len, full.s, full.len);
        const JsJson *v = inner.len ? package_json_browser_get(scope->pkg, inner.s, inner.len) : NULL;
        if (v && !(v->kind == JS_JSON_STRING && strcmp(v->u.str, inner.s) == 0))
            return browser_mapped(c, scope, v, inner.s, &full);
    }
    switch (dircache_entry(c->r->cache, d, name, len)) {
    case ENTRY_FILE: return found(c, d, name, len);
    case ENTRY_LOOP:
        return fail(c, DIAG_RESOLVE_SYMLINK, "remove or fix the symbolic link",
                    "\"%s/%.*s\" is a symbolic link loop", d->path, (int)len, name);
    case ENTRY_DIR: traced(c, "%s/%.*s (a directory, not a file)", d->path, (int)len, name); return MISS;
    case ENTRY_NONE: break;
    }
    traced(c, "%s/%.*s", d->path, (int)len, name);
    return MISS;
}

/* LOAD_AS_FILE: the path as written, then with each extension. */
static Step load_file(Ctx *c, const PathBuf *p) {
    size_t dlen = path_dir_len(p->s, p->len);
    if (dlen == 0) return MISS; /* "/" is not a file */
    DirInfo *d = dir_of(c, p->s, dlen);
    const char *name = p->s + (dlen == 1 ? 1 : dlen + 1);
    size_t nlen = p->len - (size_t)(name - p->s);
    Step s = try_file(c, d, name, nlen);
    if (s != MISS) return s;
    char buf[PATH_CAP];
    for (uint32_t i = 0; i < c->r->extension_count[c->kind]; i++) {
        const char *ext = c->r->extensions[c->kind][i];
        size_t elen = strlen(ext);
        if (nlen + elen >= sizeof buf) break;
        memcpy(buf, name, nlen);
        memcpy(buf + nlen, ext, elen + 1);
        s = try_file(c, d, buf, nlen + elen);
        if (s != MISS) return s;
    }
    return MISS;
}

static Step load_index(Ctx *c, DirInfo *d) {
    char buf[64];
    for (uint32_t i = 0; i < c->r->extension_count[c->kind]; i++) {
        int n = snprintf(buf, sizeof buf, "index%s", c->r->extensions[c->kind][i]);
        if (n < 0 || (size_t)n >= sizeof buf) continue;
        Step s = try_file(c, d, buf, (size_t)n);
        if (s != MISS) return s;
    }
    return MISS;
}

static Step package_error(Ctx *c, DirInfo *d) {
    return fail(c, DIAG_RESOLVE_PACKAGE, "fix the package.json (it must be a JSON object)", "%s", d->pkg->error);
}

/* LOAD_AS_DIRECTORY: the package.json main fields, then index files. */
static Step load_dir(Ctx *c, const PathBuf *p) {
    DirInfo *d = dir_of(c, p->s, p->len);
    if (!d->exists) {
        if (d->loop)
            return fail(c, DIAG_RESOLVE_SYMLINK, "remove or fix the symbolic link",
                        "\"%s\" goes through a symbolic link loop", p->s);
        traced(c, "%s/ (no such directory)", p->s);
        return MISS;
    }
    if (d->pkg && d->pkg->error) return package_error(c, d);
    for (uint32_t i = 0; d->pkg && i < c->r->main_field_count; i++) {
        const char *m = d->pkg->mains[i];
        if (!m || strcmp(m, ".") == 0 || strcmp(m, "./") == 0) continue;
        PathBuf target;
        path_resolve(&target, d->path, d->len, m, strlen(m));
        if (target.overflow) continue;
        Step s = load_file(c, &target);
        if (s != MISS) return s;
        DirInfo *td = dir_of(c, target.s, target.len);
        if (td->exists) {
            s = load_index(c, td);
            if (s != MISS) return s;
        }
        traced(c, "%s/package.json: \"%s\" is \"%s\", which was not found", d->path, c->r->main_fields[i], m);
    }
    return load_index(c, d);
}

static Step load_path(Ctx *c, const PathBuf *p, bool dir_only) {
    if (p->overflow) return fail(c, DIAG_RESOLVE_NOT_FOUND, NULL, "the path is too long");
    if (!dir_only) {
        Step s = load_file(c, p);
        if (s != MISS) return s;
    }
    return load_dir(c, p);
}

/* The target of exports/imports must be an existing file, exactly: in Node
 * a valid target whose file is missing is an error, not a fall-through. */
static Step exact_target(Ctx *c, DirInfo *pkg_dir, const PathBuf *target, const char *what) {
    size_t dlen = path_dir_len(target->s, target->len);
    DirInfo *d = dir_of(c, target->s, dlen);
    const char *name = target->s + (dlen == 1 ? 1 : dlen + 1);
    size_t nlen = target->len - (size_t)(name - target->s);
    Step s = try_file(c, d, name, nlen);
    if (s != MISS) return s;
    char hint[PATH_CAP];
    snprintf(hint, sizeof hint, "the package's \"%s\" map is wrong, or the package was not built/installed completely",
             what);
    bool is_dir = dircache_entry(c->r->cache, d, name, nlen) == ENTRY_DIR;
    return fail(c, DIAG_RESOLVE_EXPORTS, hint, "%s/package.json: \"%s\" points to \"%s\", which %s",
                pkg_dir->path, what, target->s, is_dir ? "is a directory" : "does not exist");
}

static void conditions_text(const Ctx *c, char *buf, size_t cap) {
    size_t used = 0;
    buf[0] = '\0';
    for (uint32_t i = 0; i < c->conds->count && used < cap; i++)
        used += (size_t)snprintf(buf + used, cap - used, "%s, ", c->conds->names[i]);
    if (used < cap) snprintf(buf + used, cap - used, "default");
}

static Step exports_error(Ctx *c, DirInfo *pd, const char *what, const char *subpath, const ExportsResult *er) {
    char hint[PATH_CAP], conds[256];
    conditions_text(c, conds, sizeof conds);
    switch (er->status) {
    case EXPORTS_NOT_EXPORTED:
        if (strcmp(what, "imports") == 0) {
            snprintf(hint, sizeof hint, "add \"%s\" to \"imports\" in %s/package.json (active conditions: %s)",
                     subpath, pd->path, conds);
            return fail(c, DIAG_RESOLVE_EXPORTS, hint, "\"%s\" is not defined by \"imports\" in %s/package.json",
                        subpath, pd->path);
        }
        snprintf(hint, sizeof hint, "the package exports ");
        exports_list_keys(pd->pkg->exports, hint + strlen(hint), sizeof hint - strlen(hint));
        snprintf(hint + strlen(hint), sizeof hint - strlen(hint), " (active conditions: %s); import one of those",
                 conds);
        return fail(c, DIAG_RESOLVE_EXPORTS, hint, "package \"%s\" does not export \"%s\" (see \"exports\" in %s/package.json)",
                    pd->pkg->name ? pd->pkg->name : base_name(pd), subpath, pd->path);
    case EXPORTS_INVALID_TARGET:
        return fail(c, DIAG_RESOLVE_EXPORTS, "targets must start with \"./\" and stay inside the package",
                    "%s/package.json: invalid \"%s\" target \"%s\" for \"%s\"", pd->path, what, er->detail, subpath);
    case EXPORTS_INVALID_CONFIG:
        return fail(c, DIAG_RESOLVE_PACKAGE, "see Node's documentation of package \"exports\"",
                    "%s/package.json: invalid \"%s\": %s", pd->path, what, er->detail);
    case EXPORTS_INVALID_SPECIFIER:
        return fail(c, DIAG_RESOLVE_EXPORTS, "a request may not reach outside the package with \"..\" or node_modules",
                    "\"%s\" is not a valid request for the \"%s\" of %s/package.json", subpath, what, pd->path);
    case EXPORTS_FILE:
    case EXPORTS_BARE: break;
    }
    return MISS;
}

/* PACKAGE_EXPORTS_RESOLVE, then the file check. */
static Step load_exports(Ctx *c, DirInfo *pd, const char *subpath) {
    ExportsResult er;
    traced(c, "%s/package.json: \"exports\" for \"%s\"", pd->path, subpath);
    exports_resolve(pd->pkg->exports, subpath, c->conds, pd->path, pd->len, &er);
    if (er.status != EXPORTS_FILE) return exports_error(c, pd, "exports", subpath, &er);
    return exact_target(c, pd, &er.out, "exports");
}

/* A package directory found for a bare request. */
static Step load_package(Ctx *c, DirInfo *pd, const char *subpath) {
    if (pd->pkg && pd->pkg->error) return package_error(c, pd);
    if (pd->pkg && pd->pkg->exports) return load_exports(c, pd, subpath);
    if (strcmp(subpath, ".") == 0) {
        PathBuf p;
        path_set(&p, pd->path, pd->len);
        return load_dir(c, &p);
    }
    PathBuf p;
    path_resolve(&p, pd->path, pd->len, subpath, strlen(subpath));
    return load_path(c, &p, names_directory(subpath));
}

/* Splits "pkg/sub" or "@scope/pkg/sub" into the name's length and "./sub". */
static size_t package_name_len(const char *request) {
    const char *slash = strchr(request, '/');
    if (request[0] == '@' && slash) slash = strchr(slash + 1, '/');
    return slash ? (size_t)(slash - request) : strlen(request);
}

/* LOAD_PACKAGE_SELF, then LOAD_NODE_MODULES walking up from dir. */
static Step resolve_bare(Ctx *c, const char *dir, size_t dir_len, const char *request) {
    size_t nlen = package_name_len(request);
    char subpath[PATH_CAP];
    if (snprintf(subpath, sizeof subpath, ".%s", request + nlen) >= (int)sizeof subpath) return MISS;
    DirInfo *start = dir_of(c, dir, dir_len);

    DirInfo *self = node_scope(start);
    if (self && self->pkg->exports && self->pkg->name && strlen(self->pkg->name) == nlen &&
        memcmp(self->pkg->name, request, nlen) == 0) {
        traced(c, "%s/package.json: the package itself (self-reference)", self->path);
        return load_exports(c, self, subpath);
    }
    bool stop_at_first = c->r->platform == BALE_PLATFORM_NODE && c->kind == BALE_IMPORT_ESM;
    for (DirInfo *d = start; d; d = d->parent) {
        if (strcmp(base_name(d), "node_modules") == 0) continue;
        if (dircache_entry(c->r->cache, d, "node_modules", 12) != ENTRY_DIR) continue;
        DirInfo *nm = dircache_child(c->r->cache, d, "node_modules", 12);
        DirInfo *pd = dircache_child(c->r->cache, nm, request, nlen);
        if (!pd->exists) {
            traced(c, "%s/%.*s (not installed there)", nm->path, (int)nlen, request);
            continue;
        }
        c->saw_package = true;
        Step s = load_package(c, pd, subpath);
        if (s != MISS || stop_at_first) return s;
    }
    return MISS;
}

/* "#name": the "imports" of the issuer's package. */
static Step resolve_imports(Ctx *c, const char *dir, size_t dir_len, const char *request) {
    DirInfo *scope = node_scope(dir_of(c, dir, dir_len));
    if (!scope)
        return fail(c, DIAG_RESOLVE_EXPORTS, "\"#\" requests are defined by the \"imports\" field of the enclosing package.json",
                    "no package.json encloses %s, so \"%s\" has no \"imports\" to come from", dir, request);
    if (scope->pkg->error) return package_error(c, scope);
    ExportsResult er;
    traced(c, "%s/package.json: \"imports\" for \"%s\"", scope->path, request);
    imports_resolve(scope->pkg->imports, request, c->conds, scope->path, scope->len, &er);
    if (er.status == EXPORTS_FILE) return exact_target(c, scope, &er.out, "imports");
    if (er.status != EXPORTS_BARE) return exports_error(c, scope, "imports", request, &er);
    if (c->depth >= MAX_MAPPING_DEPTH) return fail(c, DIAG_RESOLVE_EXPORTS, NULL, "\"imports\" mappings loop");
    c->depth++;
    Step s = resolve_inner(c, scope->path, scope->len, er.out.s);
    c->depth--;
    return s;
}

static Step builtin_error(Ctx *c, const char *name) {
    const char *bare = starts_with(name, "node:") ? name + 5 : name;
    char hint[PATH_CAP];
    snprintf(hint, sizeof hint,
             "if this code runs in Node, use --platform=node; otherwise mark it external with --external:%s, "
             "map it to a browser shim with --alias:%s=SHIM, or add \"browser\": {\"%s\": false} to package.json",
             name, name, name);
    return fail(c, DIAG_RESOLVE_BUILTIN, hint, "\"%s\" is a Node built-in module, and the platform is %s", bare,
                c->r->platform == BALE_PLATFORM_BROWSER ? "browser" : "neutral");
}

static int hex(int ch) {
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

/* file:///a%20b/c.js -> /a b/c.js.  False when it is not a local file URL. */
static bool file_url_path(const char *url, PathBuf *out) {
    const char *p = url + 5;
    if (starts_with(p, "//")) {
        p += 2;
        if (starts_with(p, "localhost/")) p += 9;
        else if (*p != '/') return false; /* another host */
    }
    if (*p != '/') return false;
    char buf[PATH_CAP];
    size_t n = 0;
    for (; *p && *p != '?' && *p != '#' && n < sizeof buf - 1; p++) {
        if (*p == '%' && hex(p[1]) >= 0 && hex(p[2]) >= 0) {
            char ch = (char)(hex(p[1]) * 16 + hex(p[2]));
            if (ch == '/' || ch == '\0') return false; /* Node refuses encoded slashes */
            buf[n++] = ch;
            p += 2;
        } else {
            buf[n++] = *p;
        }
    }
    path_resolve(out, "/", 1, buf, n);
    return !out->overflow;
}

static Step resolve_inner(Ctx *c, const char *dir, size_t dir_len, const char *request) {
    Resolver *r = c->r;
    if (!request[0]) return fail(c, DIAG_RESOLVE_NOT_FOUND, NULL, "the request is empty");

    /* The issuer's package may remap the request with its "browser" field. */
    if (r->platform == BALE_PLATFORM_BROWSER) {
        DirInfo *scope = dir_of(c, dir, dir_len)->pkg_dir;
        if (scope && scope->pkg->browser_map) {
            PathBuf inner, joined;
            bool rel = is_relative(request);
            if (rel) {
                /* enhanced-resolve joins "./sub" + "./a" to "sub/a", no "./". */
                path_resolve(&joined, dir, dir_len, request, strlen(request));
                path_relative_inside(&inner, scope->path, scope->len, joined.s, joined.len);
                if (inner.len > 2) memmove(inner.s, inner.s + 2, inner.len - 1), inner.len -= 2;
                else inner.len = 0;
            } else {
                path_set(&inner, request, strlen(request));
            }
            const JsJson *v = inner.len ? package_json_browser_get(scope->pkg, inner.s, inner.len) : NULL;
            if (v && !(v->kind == JS_JSON_STRING && strcmp(v->u.str, inner.s) == 0))
                return browser_mapped(c, scope, v, request, rel ? &joined : NULL);
        }
    }

    if (c->kind == BALE_IMPORT_ESM && starts_with(request, "file:")) {
        PathBuf p;
        if (!file_url_path(request, &p))
            return fail(c, DIAG_RESOLVE_NOT_FOUND, "only file: URLs of this machine (file:///path) can be imported",
                        "\"%s\" is not a local file URL", request);
        return load_path(c, &p, false);
    }

    uint64_t builtin = 0;
    bool node_prefixed = starts_with(request, "node:");
    if (node_prefixed || map_get_str(&r->builtins, request, strlen(request), &builtin)) {
        if (node_prefixed ? map_get_str(&r->builtins, request + 5, strlen(request) - 5, &builtin) : builtin == 1) {
            if (r->platform == BALE_PLATFORM_NODE) {
                c->outcome = RESOLVE_EXTERNAL;
                path_set(&c->answer, request, strlen(request));
                return HIT;
            }
            if (node_prefixed) return builtin_error(c, request);
            /* A package of the same name may be installed for the browser. */
            Step s = resolve_bare(c, dir, dir_len, request);
            return s == MISS ? builtin_error(c, request) : s;
        }
        if (node_prefixed)
            return fail(c, DIAG_RESOLVE_BUILTIN, "check the spelling against Node's list of built-in modules",
                        "\"%s\" is not a Node built-in module", request);
    }

    if (is_relative(request) || request[0] == '/') {
        PathBuf p;
        path_resolve(&p, dir, dir_len, request, strlen(request));
        return load_path(c, &p, names_directory(request));
    }
    if (request[0] == '#') return resolve_imports(c, dir, dir_len, request);
    return resolve_bare(c, dir, dir_len, request);
}

/* ---- Options applied before resolution: aliases and externals ---------- */

static bool is_bare(const char *s) { return !is_relative(s) && s[0] != '/' && s[0] != '#'; }

static bool matches_external(const Resolver *r, const char *req) {
    size_t n = strlen(req);
    for (uint32_t i = 0; i < r->external_count; i++) {
        const char *p = r->externals[i];
        const char *star = strchr(p, '*');
        if (star) {
            size_t pre = (size_t)(star - p), suf = strlen(star + 1);
            if (n >= pre + suf && strncmp(req, p, pre) == 0 && strcmp(req + n - suf, star + 1) == 0) return true;
            continue;
        }
        size_t pn = strlen(p);
        if (strcmp(req, p) == 0) return true;
        /* A package marked external takes its subpaths with it, as in esbuild. */
        if (is_bare(p) && n > pn && strncmp(req, p, pn) == 0 && req[pn] == '/') return true;
    }
    return false;
}

/* Rewrites request through the first alias whose key is the request or a
 * prefix of it ending at a '/'.  Returns false when none applies. */
static bool apply_alias(const Resolver *r, const char *req, char *out, size_t cap) {
    size_t n = strlen(req);
    for (uint32_t i = 0; i < r->alias_count; i++) {
        const char *k = r->aliases[i].key;
        size_t kn = strlen(k);
        if (n < kn || strncmp(req, k, kn) != 0 || (n > kn && req[kn] != '/')) continue;
        int w = snprintf(out, cap, "%s%s", r->aliases[i].value, req + kn);
        return w >= 0 && (size_t)w < cap;
    }
    return false;
}

static Step resolve_top(Ctx *c, const char *issuer_dir, const char *request) {
    Resolver *r = c->r;
    /* The cache's keys are normalized absolute paths ("/a/b", never "/a/b/"). */
    PathBuf norm;
    path_resolve(&norm, r->working_dir, strlen(r->working_dir), issuer_dir, strlen(issuer_dir));
    if (norm.overflow) return fail(c, DIAG_RESOLVE_NOT_FOUND, NULL, "the issuer's directory path is too long");
    const char *dir = norm.s;
    size_t dir_len = norm.len;
    if (matches_external(r, request)) {
        c->outcome = RESOLVE_EXTERNAL;
        path_set(&c->answer, request, strlen(request));
        return HIT;
    }
    char aliased[PATH_CAP];
    if (apply_alias(r, request, aliased, sizeof aliased)) {
        traced(c, "alias: \"%s\" -> \"%s\"", request, aliased);
        if (matches_external(r, aliased)) {
            c->outcome = RESOLVE_EXTERNAL;
            path_set(&c->answer, aliased, strlen(aliased));
            return HIT;
        }
        /* A relative alias target is relative to the working directory. */
        if (is_relative(aliased)) return resolve_inner(c, r->working_dir, strlen(r->working_dir), aliased);
        return resolve_inner(c, dir, dir_len, aliased);
    }
    return resolve_inner(c, dir, dir_len, request);
}

/* ---- The entry point -------------------------------------------------- */

static void hint_for_miss(Ctx *c, const char *request) {
    const char *ext_list = c->kind == BALE_IMPORT_REQUIRE ? "require() tries" : "imports try";
    if (is_relative(request) || request[0] == '/' || starts_with(request, "file:")) {
        size_t used = (size_t)snprintf(c->hint, sizeof c->hint, "check the path; %s the extensions", ext_list);
        for (uint32_t i = 0; i < c->r->extension_count[c->kind] && used < sizeof c->hint; i++)
            used += (size_t)snprintf(c->hint + used, sizeof c->hint - used, " %s", c->r->extensions[c->kind][i]);
        if (used < sizeof c->hint) snprintf(c->hint + used, sizeof c->hint - used, " and index files");
        return;
    }
    size_t nlen = package_name_len(request);
    if (c->saw_package)
        snprintf(c->hint, sizeof c->hint,
                 "the package \"%.*s\" is installed but has no such file; check the subpath, or mark it external "
                 "with --external:%.*s",
                 (int)nlen, request, (int)nlen, request);
    else
        snprintf(c->hint, sizeof c->hint,
                 "is \"%.*s\" installed (npm install %.*s)? Or mark it external with --external:%.*s",
                 (int)nlen, request, (int)nlen, request, (int)nlen, request);
}

static void report(Ctx *c, const char *issuer_dir, const char *request, const ResolveSite *site, DiagList *diags) {
    const DiagFile *file = site ? site->file : NULL;
    uint32_t start = site ? site->start : 0, end = site ? site->end : 0;
    diag_add(diags, DIAG_ERROR, c->code, file, start, end, "could not resolve \"%s\"", request);
    if (c->reason[0]) diag_note(diags, NULL, 0, 0, "%s", c->reason);
    if (!file) diag_note(diags, NULL, 0, 0, "resolving from the directory %s", issuer_dir);
    uint32_t shown = 0;
    for (uint32_t i = 0; i < c->tried.len && shown < MAX_TRIED_NOTES; shown++) {
        const char *line = c->tried.data + i;
        const char *nl = memchr(line, '\n', c->tried.len - i);
        int n = (int)(nl - line);
        diag_note(diags, NULL, 0, 0, "tried %.*s", n, line);
        i += (uint32_t)n + 1;
    }
    if (c->tried_count > shown) diag_note(diags, NULL, 0, 0, "... and %u more paths", c->tried_count - shown);
    if (c->hint[0]) diag_note(diags, NULL, 0, 0, "hint: %s", c->hint);
}

ResolveResult resolve_request(Resolver *r, const char *issuer_dir, const char *request, BaleImportKind kind,
                              const ResolveSite *site, DiagList *diags) {
    ResolveResult res = {RESOLVE_ERROR, NULL, NULL};
    Ctx c;
    memset(&c, 0, sizeof c);
    c.r = r;
    c.kind = kind == BALE_IMPORT_REQUIRE ? BALE_IMPORT_REQUIRE : BALE_IMPORT_ESM;
    c.conds = &r->conds[c.kind];
    Step s = resolve_top(&c, issuer_dir, request);
    if (s != HIT) {
        /* Again with tracing, for the notes; the cache makes this cheap. */
        memset(&c, 0, sizeof c);
        c.r = r;
        c.kind = kind == BALE_IMPORT_REQUIRE ? BALE_IMPORT_REQUIRE : BALE_IMPORT_ESM;
        c.conds = &r->conds[c.kind];
            c.trace = true;
        s = resolve_top(&c, issuer_dir, request);
        if (s == MISS) {
            c.code = DIAG_RESOLVE_NOT_FOUND;
            hint_for_miss(&c, request);
        }
        report(&c, issuer_dir, request, site, diags);
        VEC_FREE(&c.tried);
        return res;
    }
    res.outcome = c.outcome;
    res.path = intern(r->interner, c.answer.s, c.answer.len);
    if (c.outcome == RESOLVE_FILE) {
        size_t dlen = path_dir_len(c.answer.s, c.answer.len);
        DirInfo *d = dircache_dir(r->cache, c.answer.s, dlen);
        if (d->pkg_dir) res.package = d->pkg_dir->pkg;
    }
    return res;
}
