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
 * PROCESS_DEPENDENCIES turns the record's requests into the module's
 * dependencies, grouping equal requests (same text and import kind) into one
 * MakeRequest, and queues one FACTORIZE for all of them.
 * Memory: the module's arena (source, AST, body, requests, decoded export
 * names; the export-name lists are heap vectors the body owns); the JSON
 * checker's nesting stack is on the heap, freed when it returns. */
#include "make/task.h"

#include "base/clock.h"
#include "base/fs.h"
#include "js/cjs_exports.h"
#include "js/json.h"
#include "js/parser.h"
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

/* Parses into the worker's scratch arena, runs the scope pass and builds
 * the record, prepares the module's code (output/prepare.h), and then
 * drops the AST and the scopes: what the module keeps (its source, the
 * record, the prepared edits) is in its own arena or on the heap. */
static bool build_js(MakeCtx *ctx, JsGoal goal, Arena *arena, Arena *scratch, ModuleBody *b, DiagList *diags) {
    uint64_t t0 = clock_now_ns();
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
        out_prepare_module(&ast, &scopes, &b->record, &b->file, ctx->options, arena, &b->prep, diags);
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
        case MODULE_JS: ok = build_js(ctx, (JsGoal)t->goal, &arena, &w->scratch, b, diags); break;
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

void process_deps_run(MakeCtx *ctx, const ProcessDepsTask *t) {
    ModuleGraph *g = ctx->graph;
    Module *m = graph_module(g, t->module);
    const JsRecord *rec = &m->body->record;
    uint32_t n = rec->deps.len;
    MakeRequest *rqs = ARENA_ZARRAY(&m->arena, MakeRequest, n);
    uint32_t nreq = 0, first = g->deps.len;
    Map *group = &ctx->group;
    map_clear(group);
    VEC_RESERVE(&g->deps, n);
    for (uint32_t i = 0; i < n; i++) {
        const JsDep *d = &rec->deps.data[i];
        if (d->flags & JS_DEP_NOT_STRING) continue; /* require(expr): nothing to follow */
        BaleImportKind kind = d->kind == JS_DEP_REQUIRE ? BALE_IMPORT_REQUIRE : BALE_IMPORT_ESM;
        unsigned shift = kind == BALE_IMPORT_REQUIRE ? 32 : 0;
        bool inserted;
        MapSlot *slot = map_entry_str(group, d->source, d->source_len, 0, 0, &inserted);
        uint32_t index = (uint32_t)(slot->value >> shift);
        if (!index) {
            index = ++nreq;
            slot->value |= (uint64_t)index << shift;
            MakeRequest *rq = &rqs[index - 1];
            rq->source = arena_strndup(&m->arena, d->source, d->source_len);
            rq->start = d->start;
            rq->end = d->end;
            rq->kind = (uint8_t)kind;
            rq->optional = d->flags & JS_DEP_IN_TRY;
        } else if (!(d->flags & JS_DEP_IN_TRY) && rqs[index - 1].optional) {
            MakeRequest *rq = &rqs[index - 1]; /* a use outside try: errors are real */
            rq->optional = false;
            rq->start = d->start;
            rq->end = d->end;
        }
        Dependency dep = {.from = t->module, .record_dep = i + 1, .request = index - 1, .kind = d->kind};
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
