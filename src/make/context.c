/* make/context.c: context dependencies in the make phase, and the calls
 * bale leaves to the runtime.
 * In:  a module's record, right after BUILD made it (worker).  Out: the
 *      names each context dependency may be asked for (ModuleBody's
 *      context_keys), errors and warnings in the worker's list.
 * Memory: the keys in the module's arena; a heap vector while it runs.
 * Pipeline: BUILD (build.c), after the record; PROCESS_DEPENDENCIES then
 * makes one request per key, grouped with the module's other requests, so
 * that every name is resolved like any other request and each file is one
 * module however many patterns (or static imports) name it.
 *
 * require("./lang/" + x) is a context dependency (js/record.h): the
 * pattern's names are found by resolve_context (resolve/context.h has the
 * rules: which directories, which files, which names), each file bale
 * has a loader for (.js, .mjs, .cjs, .json; not a file without an
 * extension).  A pattern whose directory does not exist is an error at
 * the call, as in esbuild and webpack; one that matches nothing is a
 * warning; inside a try block neither is reported (the program expects
 * the call may fail, and it will, with Node's error).  A require() or
 * import() of anything else that is not a string (require(x), a bare or
 * absolute prefix) stays as it is, with a [dynamic-require] or
 * [dynamic-import] warning, unless it is inside a try block or a file of
 * node_modules (a package's own business, as esbuild decides). */
#include "make/task.h"

#include "base/clock.h"
#include "base/mem.h"
#include "resolve/context.h"

#include <stdlib.h>
#include <string.h>

typedef VEC(ContextKey) VecKey;

typedef struct Collect {
    Arena *arena;          /* the module's */
    VecKey *keys;
    JsDepId dep;
} Collect;

static bool loadable(const char *name, uint32_t len) {
    ModuleKind kind;
    const char *ext;
    return graph_kind_for_path(name, len, &kind, &ext) && ext;
}

static void collect(void *vctx, const char *key, uint32_t len) {
    Collect *c = vctx;
    ContextKey k = {.dep = c->dep, .len = len, .key = arena_strndup(c->arena, key, len)};
    VEC_PUSH(c->keys, k);
}

static int by_key(const void *pa, const void *pb) {
    const ContextKey *a = pa, *b = pb;
    uint32_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->key, b->key, n);
    return c ? c : (a->len > b->len) - (a->len < b->len);
}

/* keys[from..): sorted, each name once. */
static void sort_unique(VecKey *keys, uint32_t from) {
    uint32_t n = keys->len - from;
    if (n < 2) return;
    ContextKey *k = keys->data + from;
    qsort(k, n, sizeof *k, by_key);
    uint32_t w = 1;
    for (uint32_t i = 1; i < n; i++)
        if (by_key(&k[i], &k[w - 1])) k[w++] = k[i];
    keys->len = from + w;
}

static const char *call_name(const JsDep *d) { return d->kind == JS_DEP_REQUIRE ? "require()" : "import()"; }

/* The pattern of d as a glob ("./data/" then two stars...), NUL-terminated; heap. */
static char *glob_of(const ResolvePiece *pieces, uint32_t n) {
    VecChar t = {0};
    resolve_context_glob(pieces, n, &t);
    VEC_PUSH(&t, '\0');
    return t.data;
}

/* One context dependency: its keys appended to keys. */
static void list_context(MakeCtx *ctx, ModuleBody *b, Arena *arena, DiagList *diags, JsDepId id, VecKey *keys) {
    const JsRecord *rec = &b->record;
    const JsDep *d = &rec->deps.data[id - 1];
    ResolvePiece *pieces = mem_alloc(sizeof *pieces * (d->nparts + 1));
    for (uint32_t k = 0; k < d->nparts; k++) {
        const JsContextPart *p = &rec->context_parts.data[d->first_part + k];
        pieces[k] = (ResolvePiece){p->text, p->len};
    }
    BaleImportKind kind = d->kind == JS_DEP_REQUIRE ? BALE_IMPORT_REQUIRE : BALE_IMPORT_ESM;
    Collect c = {.arena = arena, .keys = keys, .dep = id};
    ResolveContextSink sink = {.loadable = loadable, .key = collect, .ctx = &c};
    uint32_t from = keys->len;
    ResolveContextStatus st = resolve_context(ctx->resolver, b->dir, pieces, d->nparts, kind, &sink);
    sort_unique(keys, from);
    if (!(d->flags & JS_DEP_IN_TRY) && (st != RESOLVE_CONTEXT_OK || keys->len == from)) {
        char *glob = glob_of(pieces, d->nparts);
        if (st == RESOLVE_CONTEXT_NO_DIR) {
            uint32_t dir = 0, at = 0; /* the first text up to its last "/", which glob starts with */
            for (uint32_t k = 0; k < d->nparts && pieces[k].text; at += pieces[k++].len)
                for (uint32_t j = 0; j < pieces[k].len; j++)
                    if (pieces[k].text[j] == '/') dir = at + j + 1;
            diag_add(diags, DIAG_ERROR, DIAG_RESOLVE_NOT_FOUND, &b->file, d->start, d->end,
                     "could not resolve the directory \"%.*s\" of the %s pattern \"%s\"", (int)dir, glob,
                     call_name(d), glob);
        } else {
            diag_add(diags, DIAG_WARNING, DIAG_EMPTY_CONTEXT, &b->file, d->start, d->end,
                     "the %s pattern \"%s\" matches no file bale can bundle: every call will fail", call_name(d),
                     glob);
        }
        mem_free(glob);
    }
    mem_free(pieces);
}

void context_list(MakeCtx *ctx, const char *path, ModuleBody *b, Arena *arena, DiagList *diags) {
    const JsRecord *rec = &b->record;
    VecKey keys = {0};
    bool in_node_modules = strstr(path, "/node_modules/") != NULL;
    uint64_t t0 = clock_now_ns();
    for (uint32_t i = 0; i < rec->deps.len; i++) {
        const JsDep *d = &rec->deps.data[i];
        if (!(d->flags & JS_DEP_NOT_STRING)) continue;
        if (d->flags & JS_DEP_CONTEXT) {
            list_context(ctx, b, arena, diags, i + 1, &keys);
        } else if (!(d->flags & JS_DEP_IN_TRY) && !in_node_modules) {
            bool req = d->kind == JS_DEP_REQUIRE;
            diag_add(diags, DIAG_WARNING, req ? DIAG_DYNAMIC_REQUIRE : DIAG_DYNAMIC_IMPORT, &b->file, d->start,
                     d->end, "this %s is left as it is for the runtime: bale bundles a string, or a pattern "
                     "starting with \"./\" or \"../\" (`./lang/${x}.js`)", call_name(d));
        }
    }
    if (keys.len) {
        b->context_keys = ARENA_ARRAY(arena, ContextKey, keys.len);
        memcpy(b->context_keys, keys.data, sizeof(ContextKey) * keys.len);
        b->ncontext_keys = keys.len;
    }
    VEC_FREE(&keys);
    profile_add_ns(ctx->profile, ctx->prof.context, clock_now_ns() - t0);
}
