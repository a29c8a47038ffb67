/* make/loop.c: the make phase's task loop, and make_run around it.
 *
 * Main tasks wait on a stack owned by the main thread; a main task's
 * follow-ups run before anything queued earlier (depth-first, as rspack's
 * loop), so a module's ADDs and BUILD submissions go out as soon as its
 * resolutions arrive.  Worker tasks go to the pool by value; the pool hands
 * back each worker's follow-up main task by value, which is pushed as it is.
 * The loop ends when the stack is empty and nothing is in flight.
 * Memory: the stack and the make arena (entry requests) live until make_run
 * returns; every module's data lives in its own arena (graph.h).
 * Pipeline: called by the compiler (src/compiler.c) on the build's pool;
 * graph_finish then fixes the ids. */
#include "make/make.h"

#include "base/clock.h"
#include "base/fs.h"
#include "base/mem.h"
#include "make/task.h"
#include "resolve/path.h"

#include <assert.h>
#include <errno.h>
#include <sys/stat.h>
#include <string.h>

const char *task_kind_name(TaskKind kind) {
    switch (kind) {
#define X(name, runs_on) case TASK_##name: return #name;
#include "make/tasks.def"
#undef X
    case TASK_KIND_COUNT: break;
    }
    return "?";
}

void make_push(MakeCtx *ctx, const Task *task) { VEC_PUSH(&ctx->stack, *task); }

void make_submit(MakeCtx *ctx, const Task *task) { pool_submit(ctx->pool, task); }

/* The pool's run function: a worker task in, its follow-up main task out. */
static void run_worker_task(void *vctx, const void *vtask, void *vout, PoolWorker *w) {
    MakeCtx *ctx = vctx;
    const Task *t = vtask;
    Task *out = vout;
    uint64_t t0 = profile_start();
    switch (t->kind) {
    case TASK_FACTORIZE: factorize_run(ctx, &t->factorize, out, w); break;
    case TASK_BUILD: build_run(ctx, &t->build, out, w); break;
    case TASK_FACTORIZE_RESULT:
    case TASK_ADD:
    case TASK_BUILD_RESULT:
    case TASK_PROCESS_DEPENDENCIES:
    case TASK_KIND_COUNT: assert(!"main task given to a worker"); break;
    }
    profile_stop(ctx->profile, ctx->prof.task[t->kind], t0);
}

static void run_main_task(MakeCtx *ctx, Task *t) {
    uint64_t t0 = profile_start();
    switch (t->kind) {
    case TASK_FACTORIZE_RESULT: factorize_result_run(ctx, &t->factorize_result); break;
    case TASK_ADD: add_run(ctx, &t->add); break;
    case TASK_BUILD_RESULT: build_result_run(ctx, &t->build_result); break;
    case TASK_PROCESS_DEPENDENCIES: process_deps_run(ctx, &t->process_deps); break;
    case TASK_FACTORIZE:
    case TASK_BUILD:
    case TASK_KIND_COUNT: assert(!"worker task on the main stack"); break;
    }
    uint64_t ns = clock_now_ns() - t0;
    profile_add_ns(ctx->profile, ctx->prof.task[t->kind], ns);
    profile_add_ns(ctx->profile, ctx->prof.main_busy, ns);
}

/* Runs main tasks depth-first until none is left and no worker task is in
 * flight. */
static void loop(MakeCtx *ctx) {
    for (;;) {
        while (ctx->stack.len) {
            Task t = VEC_POP(&ctx->stack);
            uint32_t base = ctx->stack.len;
            run_main_task(ctx, &t);
            /* Follow-ups were pushed in order; reverse them so the first
             * pushed is popped first. */
            for (uint32_t i = base, j = ctx->stack.len; i + 1 < j; i++, j--) {
                Task tmp = ctx->stack.data[i];
                ctx->stack.data[i] = ctx->stack.data[j - 1];
                ctx->stack.data[j - 1] = tmp;
            }
        }
        Task r;
        if (!pool_wait_result(ctx->pool, &r)) break;
        make_push(ctx, &r);
    }
}

static void register_profile(Profile *p, MakeProfileIds *ids) {
    ids->loop = profile_id(p, "make: total (wall)", PROFILE_TIMER);
    ids->main_busy = profile_id(p, "make: main thread busy", PROFILE_TIMER);
    ids->main_wait = profile_id(p, "make: main thread waiting for workers", PROFILE_TIMER);
    ids->worker_busy = profile_id(p, "make: workers busy (sum)", PROFILE_TIMER);
    ids->worker_idle = profile_id(p, "make: workers idle (sum)", PROFILE_TIMER);
    static const char *const names[TASK_KIND_COUNT] = {
#define X(name, runs_on) "task " #name " (" #runs_on ")",
#include "make/tasks.def"
#undef X
    };
    for (int k = 0; k < TASK_KIND_COUNT; k++) ids->task[k] = profile_id(p, names[k], PROFILE_TIMER);
    ids->read = profile_id(p, "build: read", PROFILE_TIMER);
    ids->parse = profile_id(p, "build: parse", PROFILE_TIMER);
    ids->scope = profile_id(p, "build: scope pass", PROFILE_TIMER);
    ids->record = profile_id(p, "build: module record", PROFILE_TIMER);
    ids->cjs_exports = profile_id(p, "build: CommonJS export names", PROFILE_TIMER);
    ids->prepare = profile_id(p, "build: prepare code", PROFILE_TIMER);
    ids->json = profile_id(p, "build: json", PROFILE_TIMER);
    ids->resolve = profile_id(p, "factorize: resolve", PROFILE_TIMER);
    ids->context = profile_id(p, "build: context patterns", PROFILE_TIMER);
    ids->files = profile_id(p, "files read", PROFILE_COUNTER);
    ids->bytes = profile_id(p, "bytes read", PROFILE_COUNTER);
    ids->modules = profile_id(p, "modules", PROFILE_COUNTER);
    ids->deps = profile_id(p, "dependencies", PROFILE_COUNTER);
    ids->requests = profile_id(p, "requests resolved", PROFILE_COUNTER);
    ids->dirs_listed = profile_id(p, "resolve: directories listed", PROFILE_COUNTER);
    ids->package_jsons = profile_id(p, "resolve: package.json read", PROFILE_COUNTER);
    ids->fs_calls = profile_id(p, "resolve: file system calls", PROFILE_COUNTER);
}

/* Entry points are requests of no module: "app.js" means "./app.js", as in
 * esbuild, resolved from the working directory. */
static void queue_entries(MakeCtx *ctx) {
    const BaleOptions *o = ctx->options;
    uint32_t n = (uint32_t)o->entry_count;
    MakeRequest *rq = ARENA_ZARRAY(&ctx->arena, MakeRequest, n);
    for (uint32_t i = 0; i < n; i++) {
        const char *e = o->entry_points[i];
        size_t len = strlen(e);
        bool explicit_path = e[0] == '/' || !strncmp(e, "./", 2) || !strncmp(e, "../", 3) ||
                             !strcmp(e, ".") || !strcmp(e, "..");
        char *s = arena_alloc(&ctx->arena, len + 3, 1);
        if (explicit_path) memcpy(s, e, len + 1);
        else {
            memcpy(s, "./", 2);
            memcpy(s + 2, e, len + 1);
        }
        rq[i].source = s;
        rq[i].kind = BALE_IMPORT_ESM;
    }
    ctx->entry_requests = rq;
    ctx->entry_count = n;
    VEC_RESERVE(&ctx->graph->entries, n);
    for (uint32_t i = 0; i < n; i++) VEC_PUSH(&ctx->graph->entries, 0);
    Task t = {.kind = TASK_FACTORIZE};
    t.factorize = (FactorizeTask){.issuer = 0, .issuer_dir = ctx->cwd, .file = NULL, .requests = rq, .count = n};
    make_submit(ctx, &t);
}

/* An entry point that did not resolve, with the reason the file system
 * gives when there is one (a directory without an index file, a loop of
 * links, a parent that is a file, no permission). */
static void entry_not_found(const MakeInput *in, const char *entry, DiagList *diags) {
    PathBuf p;
    path_resolve(&p, in->cwd, strlen(in->cwd), entry, strlen(entry));
    struct stat st;
    const char *why = "not found";
    if (p.overflow) why = "not found (the path is too long)";
    else if (stat(p.s, &st) == 0) why = S_ISDIR(st.st_mode) ? "is a directory, with no index file or package.json entry bale can use" : "cannot be read";
    else if (errno != ENOENT) why = fs_status_str(fs_status_of_errno(errno), errno);
    diag_add(diags, DIAG_ERROR, DIAG_RESOLVE_NOT_FOUND, NULL, 0, 0, "entry point \"%s\": %s", entry, why);
}

size_t make_task_size(void) { return sizeof(Task); }

MakeStatus make_run(const MakeInput *in, ModuleGraph *graph, DiagList *diags) {
    uint64_t t0 = profile_start();
    MakeCtx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.options = in->options;
    ctx.cwd = in->cwd;
    ctx.interner = in->interner;
    ctx.resolver = in->resolver;
    ctx.profile = in->profile;
    DiagList checked; /* bale.c checked the defines already */
    diag_init(&checked);
    js_defines_build(in->options, &ctx.defines, &checked);
    diag_free(&checked);
    register_profile(ctx.profile, &ctx.prof);
    ctx.graph = graph;
    ctx.diags = diags;
    arena_init(&ctx.arena, 0);
    graph_init(graph);

    ctx.pool = in->pool;
    unsigned threads = pool_threads(ctx.pool);
    ctx.worker_diags = mem_alloc(sizeof(DiagList) * threads);
    for (unsigned i = 0; i < threads; i++) diag_init(&ctx.worker_diags[i]);
    pool_set_run(ctx.pool, run_worker_task, &ctx, sizeof(Task), sizeof(Task));
    PoolStats before = pool_stats(ctx.pool);

    queue_entries(&ctx);
    loop(&ctx);

    /* The loop ends with nothing in flight: the pool is idle again. */
    PoolStats ps = pool_stats(ctx.pool);
    ps.main_wait_ns -= before.main_wait_ns;
    ps.worker_busy_ns -= before.worker_busy_ns;
    ps.worker_idle_ns -= before.worker_idle_ns;
    pool_set_run(ctx.pool, NULL, NULL, 0, 0);
    /* Worker lists in worker order; diag_sort then orders by file and
     * position, and each file's diagnostics come from one task. */
    for (unsigned i = 0; i < threads; i++) {
        diag_merge(diags, &ctx.worker_diags[i]);
        diag_free(&ctx.worker_diags[i]);
    }
    mem_free(ctx.worker_diags);

    /* Entry points that were not found, in the order given. */
    for (uint32_t i = 0; i < ctx.entry_count; i++) {
        const ResolveResult *r = &ctx.entry_requests[i].result;
        const char *e = in->options->entry_points[i];
        if (r->outcome == RESOLVE_ERROR) entry_not_found(in, e, diags);
        else if (r->outcome == RESOLVE_EXTERNAL)
            diag_add(diags, DIAG_ERROR, DIAG_CONFIG, NULL, 0, 0, "entry point \"%s\" is marked external", e);
    }

    graph_finish(graph);

    Profile *p = ctx.profile;
    profile_add_ns(p, ctx.prof.main_wait, ps.main_wait_ns);
    profile_add_ns(p, ctx.prof.worker_busy, ps.worker_busy_ns);
    profile_add_ns(p, ctx.prof.worker_idle, ps.worker_idle_ns);
    profile_count(p, ctx.prof.modules, graph->modules.len);
    profile_count(p, ctx.prof.deps, graph->deps.len);
    DirCacheStats ds = resolver_stats(ctx.resolver);
    profile_count(p, ctx.prof.dirs_listed, ds.dirs_listed);
    profile_count(p, ctx.prof.package_jsons, ds.package_jsons);
    profile_count(p, ctx.prof.fs_calls, dircache_fs_calls(&ds));

    VEC_FREE(&ctx.stack);
    js_defines_free(&ctx.defines);
    map_free(&ctx.group);
    arena_free(&ctx.arena);
    profile_stop(p, ctx.prof.loop, t0);
    if (ctx.io_error) return MAKE_IO;
    return diags->errors ? MAKE_ERRORS : MAKE_OK;
}
