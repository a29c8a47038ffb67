/* make/task.h: the make phase's tasks, one tagged union queued by value.
 *
 * A Task is a kind (tasks.def) and the payload of that kind; nothing is
 * allocated per task.  Worker tasks (FACTORIZE, BUILD) are copied into the
 * pool's ring; the worker writes its follow-up main task (FACTORIZE_RESULT,
 * BUILD_RESULT) into the pool's result slot, which the loop pushes on the
 * main stack as it is.  Dispatch is a `switch (task.kind)` with no default,
 * so a new kind makes the compiler list every switch that misses it.
 *
 * MakeCtx is what every task runs with: the shared, read-only pieces
 * (options, resolver, interner, profile) that workers may use, and the
 * main-thread pieces (graph, stack, pool) that only main tasks touch. */
#ifndef BALE_MAKE_TASK_H
#define BALE_MAKE_TASK_H

#include "base/pool.h"
#include "base/profile.h"
#include "js/define.h"
#include "make/graph.h"

typedef enum TaskKind {
#define X(name, runs_on) TASK_##name,
#include "make/tasks.def"
#undef X
    TASK_KIND_COUNT
} TaskKind;

/* FACTORIZE and FACTORIZE_RESULT: the requests of one module (or all the
 * entry points), resolved in one handoff.  Valid: all fields. */
typedef struct FactorizeTask {
    ModuleId issuer;          /* 0: the entry points */
    const char *issuer_dir;   /* arena: the issuer's (entries: the make arena) */
    const DiagFile *file;     /* the issuer's, for code frames; NULL for entries */
    MakeRequest *requests;    /* arena: the issuer's; FACTORIZE writes .result */
    uint32_t count;
} FactorizeTask;

/* ADD: one resolved request (RESOLVE_FILE or RESOLVE_EMPTY). */
typedef struct AddTask {
    ModuleId issuer;          /* 0: an entry point */
    MakeRequest *request;     /* arena: the issuer's; ADD writes .module */
    const DiagFile *file;     /* the issuer's; NULL for entries */
} AddTask;

/* BUILD: read and parse one module. */
typedef struct BuildTask {
    ModuleId module;
    const Istr *path;
    uint8_t kind;             /* ModuleKind: JS or JSON */
    uint8_t goal;             /* JS: JsGoal, from the extension and package.json "type" (ADD) */
} BuildTask;

/* BUILD_RESULT: the module's arena and body, handed over to main. */
typedef struct BuildResultTask {
    ModuleId module;
    bool ok;                  /* false: diagnostics were added; no requests followed */
    bool io_error;            /* the file could not be read */
    Arena arena;              /* moved from the worker; the module owns it now */
    ModuleBody *body;         /* arena: the one above */
} BuildResultTask;

/* PROCESS_DEPENDENCIES: a built module's record, turned into requests. */
typedef struct ProcessDepsTask {
    ModuleId module;
} ProcessDepsTask;

typedef struct Task {
    TaskKind kind;
    union {
        FactorizeTask factorize;        /* FACTORIZE */
        FactorizeTask factorize_result; /* FACTORIZE_RESULT */
        AddTask add;                    /* ADD */
        BuildTask build;                /* BUILD */
        BuildResultTask build_result;   /* BUILD_RESULT */
        ProcessDepsTask process_deps;   /* PROCESS_DEPENDENCIES */
    };
} Task;

/* Profile entries the make phase registers (make_run), by index. */
typedef struct MakeProfileIds {
    uint32_t task[TASK_KIND_COUNT]; /* timer per kind: calls = tasks run */
    uint32_t read, parse, scope, record, cjs_exports, prepare, json, resolve, context;
    uint32_t files, bytes, requests, modules, deps;
    uint32_t loop, main_busy, main_wait, worker_busy, worker_idle;
    uint32_t dirs_listed, fs_calls, package_jsons;
} MakeProfileIds;

typedef VEC(Task) TaskStack;

typedef struct MakeCtx {
    /* Shared with workers: read-only during the loop (profile: atomics). */
    const BaleOptions *options;
    const char *cwd;          /* absolute; display paths are relative to it */
    Interner *interner;
    Resolver *resolver;
    JsDefines defines;        /* --define's table (js/define.h) */
    Profile *profile;
    MakeProfileIds prof;
    DiagList *worker_diags;   /* one per worker, indexed by PoolWorker.index */

    /* Main thread only. */
    ModuleGraph *graph;
    DiagList *diags;          /* the build's list */
    Pool *pool;
    TaskStack stack;          /* main tasks, popped from the end */
    Arena arena;              /* the entry requests and other make-lifetime data */
    Map group;                /* PROCESS_DEPENDENCIES: request text -> slots (reused) */
    MakeRequest *entry_requests;
    uint32_t entry_count;
    bool io_error;
} MakeCtx;

/* Queues a main task: it runs after the current one, before anything queued
 * earlier (depth-first; follow-ups run in the order they were pushed). */
void make_push(MakeCtx *ctx, const Task *task);

/* Hands a worker task to the pool. */
void make_submit(MakeCtx *ctx, const Task *task);

/* The tasks (factorize.c, build.c, loop.c for the main-only ones). */
void factorize_run(MakeCtx *ctx, const FactorizeTask *t, Task *out, PoolWorker *w);
void factorize_result_run(MakeCtx *ctx, const FactorizeTask *t);
void add_run(MakeCtx *ctx, const AddTask *t);
void build_run(MakeCtx *ctx, const BuildTask *t, Task *out, PoolWorker *w);
void build_result_run(MakeCtx *ctx, BuildResultTask *t);
void process_deps_run(MakeCtx *ctx, const ProcessDepsTask *t);

const char *task_kind_name(TaskKind kind);

/* BUILD's part of context modules (context.c): the names each context
 * dependency of the module at path (absolute) may be asked for, into
 * b->context_keys (arena: the module's, which BUILD still owns), and the
 * warnings for calls left to the runtime, into diags. */
void context_list(MakeCtx *ctx, const char *path, ModuleBody *b, Arena *arena, DiagList *diags);

#endif
