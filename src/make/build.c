/* make/build.c: BUILD (worker), BUILD_RESULT and PROCESS_DEPENDENCIES (main).
 *
 * BUILD makes a fresh arena for the module, reads the file into it once,
 * and runs the front end: for JavaScript the parser (with the goal ADD
 * picked: see factorize.c), the AST height check, the scope pass, the
 * module record and, unless the record says ES module, the named exports
 * Node would give it as CommonJS (js/cjs_exports.h: a scan of the text,
 * cheap); for JSON the JSON reader's check (js_json_check: what
 * JSON.parse accepts; the JSON has no requests, and code generation can
 * emit its text as it is).  The arena and
 * the body in it are handed to the main thread by value in BUILD_RESULT;
 * from then on they are the module's and read-only to workers.
 * For JavaScript BUILD also lists what its context dependencies may load
 * (context.c), and for a module that is not an ES module finds the export
 * names Node's CommonJS lexer would (js/cjs_exports.h).
 * PROCESS_DEPENDENCIES turns the record's requests, and each name of a
 * context dependency, into the module's dependencies, grouping equal
 * requests (same text and import kind) into one MakeRequest, and queues
 * one FACTORIZE for all of them.
 * Memory: the module's arena (source, AST, body, requests, decoded export
 * names; the export-name lists are heap vectors the body owns); the JSON
 * checker's nesting stack is on the heap, freed when it returns. */
#include "make/task.h"

#include "base/clock.h"
#include "base/fs.h"
#include "js/cjs_exports.h"
#include "js/json.h"
#include "js/parser.h"
#include "output/input_map.h"
#include "resolve/path.h"

#include <string.h>

/* ---- JSON ------------------------------------------------------------- */

/* Checks that text is one JSON value (js/json.h: what JSON.parse accepts,
 * after a byte order mark, which Node's require strips). */
static bool check_json(const char *s, uint32_t len, DiagList *diags, const DiagFile *file) {
    JsJsonError err;
    if (js_json_check(s, len, JS_JSON_SKIP_BOM, &err)) return true;
    diag_add(diags, DIAG_ERROR, DIAG_JSON, file, err.start, err.end, "invalid JSON: %s", err.msg);
    return false;
}

/* ---- BUILD ------------------------------------------------------------- */

/* With source maps: the map the module names in its sourceMappingURL
 * comment, if any (one that cannot be read is a warning, as in esbuild). */
static void input_map(ModuleBody *b, Arena *arena, DiagList *diags) {
    OutInputMap m;
    const char *why;
    if (out_input_map_load(b->file.text, b->file.len, b->dir, arena, &m, &why)) {
        b->input_map = ARENA_NEW(arena, OutInputMap);
        *b->input_map = m;
    } else if (why) {
        diag_add(diags, DIAG_WARNING, DIAG_SOURCE_MAP, &b->file, 0, 0, "its source map is left out: %s", why);
    }
}

/* Parses into the worker's scratch arena, runs the scope pass and builds
 * the record, prepares the module's code (output/prepare.h), and then
 * drops the AST and the scopes: what the module keeps (its source, the
 * record, the prepared edits) is in its own arena or on the heap. */
static bool build_js(MakeCtx *ctx, JsGoal goal, Arena *arena, Arena *scratch, ModuleBody *b, DiagList *diags) {
    uint64_t t0 = clock_now_ns();
    b->node_esm = goal == JS_GOAL_MODULE;
    JsAst ast;
    bool ok = js_parse(b->file.text, b->file.len, goal, scratch, diags, &b->file, &ast) &&
              js_check_height(&ast, diags, &b->file);
    uint64_t t1 = clock_now_ns();
    profile_add_ns(ctx->profile, ctx->prof.parse, t1 - t0);
    if (!ok) return false;
    JsScopes scopes;
    ok = js_scope_build(&ast, b->file.text, diags, &b->file, &scopes);
    uint64_t t2 = clock_now_ns();
    profile_add_ns(ctx->profile, ctx->prof.scope, t2 - t1);
    if (ok) {
        js_record_build(&ast, &scopes, &b->record);
        uint64_t t3 = clock_now_ns();
        profile_add_ns(ctx->profile, ctx->prof.record, t3 - t2);
        if (b->record.kind != JS_MODULE_ESM) {
            /* The names an ES module importing it may ask for, as Node finds them. */
            js_cjs_exports_scan(b->file.text, b->file.len, arena, &b->cjs_exports);
            uint64_t t = clock_now_ns();
            profile_add_ns(ctx->profile, ctx->prof.cjs_exports, t - t3);
            t3 = t;
        }
        out_prepare_module(&ast, &scopes, &b->record, &b->file, ctx->options, &ctx->defines, arena, &b->prep, diags);
        if (ctx->options->sourcemap != BALE_SOURCEMAP_NONE) input_map(b, arena, diags);
        js_record_detach(&b->record, b->file.text, b->file.len, arena);
        profile_add_ns(ctx->profile, ctx->prof.prepare, clock_now_ns() - t3);
    }
    js_scopes_free(&scopes);
    return ok;
}

void build_run(MakeCtx *ctx, const BuildTask *t, Task *out, PoolWorker *w) {
    DiagList *diags = &ctx->worker_diags[w->index];
    const char *path = t->path->str;
    Arena arena;
    arena_init(&arena, 0);
    ModuleBody *b = ARENA_NEW(&arena, ModuleBody);
    b->file.path = graph_display_path(&arena, ctx->cwd, path);
    b->dir = arena_strndup(&arena, path, path_dir_len(path, t->path->len));
    bool ok = false, io_error = false;

    uint64_t t0 = clock_now_ns();
    FsFile f;
    FsStatus st = fs_read_file(path, &arena, &f);
    profile_add_ns(ctx->profile, ctx->prof.read, clock_now_ns() - t0);
    if (st != FS_OK) {
        diag_add(diags, DIAG_ERROR, DIAG_IO, &b->file, 0, 0, "cannot read file: %s", fs_status_str(st, f.errno_value));
        io_error = true;
    } else if (f.len > UINT32_MAX - 64) {
        diag_add(diags, DIAG_ERROR, DIAG_IO, &b->file, 0, 0, "file too large (bale reads files below 4 GiB)");
        io_error = true;
    } else {
        b->file.text = f.data;
        b->file.len = (uint32_t)f.len;
        b->size = f.len;
        b->dev = f.dev;
        b->ino = f.ino;
        profile_count(ctx->profile, ctx->prof.files, 1);
        profile_count(ctx->profile, ctx->prof.bytes, f.len);
        switch ((ModuleKind)t->kind) {
        case MODULE_JS:
            ok = build_js(ctx, (JsGoal)t->goal, &arena, &w->scratch, b, diags);
            if (ok) context_list(ctx, path, b, &arena, diags);
            break;
        case MODULE_JSON: {
            uint64_t t1 = clock_now_ns();
            ok = check_json(b->file.text, b->file.len, diags, &b->file);
            profile_add_ns(ctx->profile, ctx->prof.json, clock_now_ns() - t1);
            break;
        }
        case MODULE_EMPTY: break; /* never built */
        }
    }
    out->kind = TASK_BUILD_RESULT;
    /* The arena is copied last: nothing may be allocated in it after this. */
    out->build_result = (BuildResultTask){.module = t->module, .ok = ok, .io_error = io_error, .arena = arena, .body = b};
}

void build_result_run(MakeCtx *ctx, BuildResultTask *t) {
    Module *m = graph_module(ctx->graph, t->module);
    m->arena = t->arena;
    m->body = t->body;
    m->state = t->ok ? MODULE_BUILT : MODULE_FAILED;
    if (t->io_error) ctx->io_error = true;
    if (t->ok && t->body->record.deps.len) {
        Task next = {.kind = TASK_PROCESS_DEPENDENCIES};
        next.process_deps = (ProcessDepsTask){t->module};
        make_push(ctx, &next);
    }
}

/* ---- PROCESS_DEPENDENCIES --------------------------------------------- */

/* A use of a request: its text, kind and where it is written. */
typedef struct Use {
    const char *text;
    uint32_t len;
    const char *kept;      /* text already NUL-terminated in the module's arena, or NULL */
    BaleImportKind kind;
    uint32_t start, end;
    bool in_try, context;
} Use;

/* The index of the request u belongs to: requests with the same text and
 * kind are one, created at the first use.  A request is optional (or
 * context) only while every use is; the first use that is not gives it
 * its position, where an error is reported. */
static uint32_t request_of(MakeCtx *ctx, Module *m, MakeRequest *rqs, uint32_t *nreq, const Use *u) {
    unsigned shift = u->kind == BALE_IMPORT_REQUIRE ? 32 : 0;
    bool inserted;
    MapSlot *slot = map_entry_str(&ctx->group, u->text, u->len, 0, 0, &inserted);
    uint32_t index = (uint32_t)(slot->value >> shift);
    if (!index) {
        index = ++*nreq;
        slot->value |= (uint64_t)index << shift;
        MakeRequest *rq = &rqs[index - 1];
        rq->source = u->kept ? u->kept : arena_strndup(&m->arena, u->text, u->len);
        rq->start = u->start;
        rq->end = u->end;
        rq->kind = (uint8_t)u->kind;
        rq->optional = u->in_try;
        rq->context = u->context;
        return index - 1;
    }
    MakeRequest *rq = &rqs[index - 1];
    if ((!u->in_try && rq->optional) || (!u->context && rq->context)) {
        /* a use outside try, or a static one: errors are real, and reported here */
        rq->optional = rq->optional && u->in_try;
        rq->context = rq->context && u->context;
        rq->start = u->start;
        rq->end = u->end;
    }
    return index - 1;
}

void process_deps_run(MakeCtx *ctx, const ProcessDepsTask *t) {
    ModuleGraph *g = ctx->graph;
    Module *m = graph_module(g, t->module);
    const ModuleBody *b = m->body;
    const JsRecord *rec = &b->record;
    uint32_t n = rec->deps.len, nkeys = b->ncontext_keys, k = 0;
    MakeRequest *rqs = ARENA_ZARRAY(&m->arena, MakeRequest, n + nkeys);
    uint32_t nreq = 0, first = g->deps.len;
    map_clear(&ctx->group);
    VEC_RESERVE(&g->deps, n + nkeys);
    for (uint32_t i = 0; i < n; i++) {
        const JsDep *d = &rec->deps.data[i];
        BaleImportKind kind = d->kind == JS_DEP_REQUIRE ? BALE_IMPORT_REQUIRE : BALE_IMPORT_ESM;
        bool in_try = d->flags & JS_DEP_IN_TRY;
        if (d->flags & JS_DEP_CONTEXT) { /* one request and one dependency per name it may be asked */
            for (; k < nkeys && b->context_keys[k].dep == i + 1; k++) {
                const ContextKey *ck = &b->context_keys[k];
                Use u = {ck->key, ck->len, ck->key, kind, d->start, d->end, in_try, true};
                Dependency dep = {.from = t->module, .record_dep = i + 1, .request = request_of(ctx, m, rqs, &nreq, &u),
                                  .kind = d->kind};
                VEC_PUSH(&g->deps, dep);
            }
            continue;
        }
        if (d->flags & JS_DEP_NOT_STRING) continue; /* require(expr): nothing to follow */
        Use u = {d->source, d->source_len, NULL, kind, d->start, d->end, in_try, false};
        Dependency dep = {.from = t->module, .record_dep = i + 1, .request = request_of(ctx, m, rqs, &nreq, &u),
                          .kind = d->kind};
        VEC_PUSH(&g->deps, dep);
    }
    m->requests = rqs;
    m->nrequests = nreq;
    m->ndeps = g->deps.len - first;
    m->first_dep = m->ndeps ? first + 1 : 0;
    if (!nreq) return;
    Task f = {.kind = TASK_FACTORIZE};
    f.factorize = (FactorizeTask){.issuer = t->module, .issuer_dir = m->body->dir, .file = &m->body->file,
                                  .requests = rqs, .count = nreq};
    make_submit(ctx, &f);
}
