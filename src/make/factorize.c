/* make/factorize.c: FACTORIZE (worker), FACTORIZE_RESULT and ADD (main).
 *
 * FACTORIZE resolves every request of one module in one task: one handoff
 * per module rather than per request (a module has a dozen requests on
 * average, and a resolution that hits the directory cache costs about as
 * much as a handoff).  It writes each answer into the request array the
 * main thread prepared in the issuer's arena, and its diagnostics (with the
 * issuer's code frame) into the worker's own list.  Entry points go through
 * the same task with issuer 0; their errors are reported by make_run in the
 * order the entries were given.  A request used only inside try blocks
 * that does not resolve becomes external, silently, as esbuild does: the
 * program is written to survive its absence.  A name of a context module
 * (make/context.c) that does not resolve, or resolves to a file bale has no
 * loader for, is left out of its map, silently.
 * FACTORIZE_RESULT queues one ADD per request that names a file (or an
 * empty module); ADD finds the module by its interned path or creates it
 * and submits its BUILD, so each file is read once however many modules
 * import it.  ADD also picks a JavaScript file's parse goal, as Node does:
 * .mjs is a module, .cjs a script, and .js a module when the package.json
 * that owns it says "type": "module"; any other .js is parsed by its
 * syntax (a module if it has import/export, as esbuild does).  And it asks
 * that package.json's "sideEffects" about the file, once per module
 * (resolve/side_effects.h), reporting the package.json's warning, if it has
 * one, the first time one of its files becomes a module.
 * Memory: no allocation here but the graph's own growth (and a warning's
 * DiagFile, in the main diagnostic list's arena). */
#include "make/task.h"

#include "base/clock.h"
#include "js/parser.h"
#include "resolve/package_json.h"
#include "resolve/side_effects.h"

#include <stdio.h>
#include <string.h>

void factorize_run(MakeCtx *ctx, const FactorizeTask *t, Task *out, PoolWorker *w) {
    DiagList *diags = &ctx->worker_diags[w->index];
    DiagList entry_diags; /* an entry's own error is reported by make_run */
    DiagList optional_diags; /* requests inside try blocks fail silently */
    diag_init(&entry_diags);
    diag_init(&optional_diags);
    uint64_t t0 = clock_now_ns();
    for (uint32_t i = 0; i < t->count; i++) {
        MakeRequest *rq = &t->requests[i];
        ResolveSite site = {t->file, rq->start, rq->end};
        DiagList *into = !t->issuer ? &entry_diags : rq->optional || rq->context ? &optional_diags : diags;
        rq->result = resolve_request(ctx->resolver, t->issuer_dir, rq->source, (BaleImportKind)rq->kind,
                                     t->file ? &site : NULL, into);
        if (rq->context && rq->result.outcome == RESOLVE_ERROR) {
            /* a name of a context module that loads nothing: left out of its map */
        } else if (rq->optional && rq->result.outcome == RESOLVE_ERROR) {
            /* try { require("optional-dep") } catch {}: left to the runtime. */
            rq->result.outcome = RESOLVE_EXTERNAL;
            rq->result.path = intern_cstr(ctx->interner, rq->source);
        }
    }
    profile_add_ns(ctx->profile, ctx->prof.resolve, clock_now_ns() - t0);
    profile_count(ctx->profile, ctx->prof.requests, t->count);
    diag_free(&entry_diags);
    diag_free(&optional_diags);
    out->kind = TASK_FACTORIZE_RESULT;
    out->factorize_result = *t;
}

void factorize_result_run(MakeCtx *ctx, const FactorizeTask *t) {
    for (uint32_t i = 0; i < t->count; i++) {
        MakeRequest *rq = &t->requests[i];
        if (rq->result.outcome != RESOLVE_FILE && rq->result.outcome != RESOLVE_EMPTY) continue;
        Task add = {.kind = TASK_ADD};
        add.add = (AddTask){.issuer = t->issuer, .request = rq, .file = t->file};
        make_push(ctx, &add);
    }
}

static bool has_suffix(const Istr *path, const char *suffix) {
    size_t m = strlen(suffix);
    return path->len >= m && memcmp(path->str + path->len - m, suffix, m) == 0;
}

static JsGoal goal_for(const ResolveResult *r) {
    if (has_suffix(r->path, ".mjs")) return JS_GOAL_MODULE;
    if (has_suffix(r->path, ".cjs")) return JS_GOAL_SCRIPT;
    if (has_suffix(r->path, ".js") && r->package && r->package->type_module) return JS_GOAL_MODULE;
    return JS_GOAL_AUTO;
}

void add_run(MakeCtx *ctx, const AddTask *t) {
    MakeRequest *rq = t->request;
    const Istr *path = rq->result.path;
    ModuleKind kind = MODULE_EMPTY;
    if (rq->result.outcome == RESOLVE_FILE) {
        const char *ext;
        if (!graph_kind_for_path(path->str, path->len, &kind, &ext)) {
            if (rq->context) return; /* a context module's name: left out of its map */
            diag_add(ctx->diags, DIAG_ERROR, DIAG_GENERIC, t->file, rq->start, rq->end,
                     "no loader is configured for \"%s\" files: %s", ext,
                     graph_display_path(&ctx->arena, ctx->cwd, path->str));
            diag_note(ctx->diags, NULL, 0, 0, "bale bundles .js, .mjs, .cjs and .json files");
            return;
        }
    }
    bool created;
    ModuleId id = graph_add_module(ctx->graph, path, kind, &created);
    rq->module = id;
    if (!t->issuer) ctx->graph->entries.data[rq - ctx->entry_requests] = id;
    if (!created || kind == MODULE_EMPTY) return;
    PackageJson *pkg = rq->result.package;
    graph_module(ctx->graph, id)->side_effects = (uint8_t)side_effects_of(pkg, path->str, path->len);
    const PackageWarning *w = package_json_take_warning(pkg);
    if (w) {
        char json[PATH_CAP + 16];
        snprintf(json, sizeof json, "%.*s/package.json", (int)pkg->dir_len, pkg->dir);
        /* In the diagnostics' own arena: the make arena goes before they are printed. */
        DiagFile *f = ARENA_NEW(&ctx->diags->arena, DiagFile);
        *f = (DiagFile){graph_display_path(&ctx->diags->arena, ctx->cwd, json), w->text, w->text_len};
        diag_add(ctx->diags, DIAG_WARNING, DIAG_RESOLVE_PACKAGE, f, w->offset, w->offset + 1, "%s", w->msg);
        if (w->more) diag_note(ctx->diags, NULL, 0, 0, "and %u more like it in that file", w->more);
    }
    Task build = {.kind = TASK_BUILD};
    build.build = (BuildTask){.module = id, .path = path, .kind = (uint8_t)kind, .goal = (uint8_t)goal_for(&rq->result)};
    make_submit(ctx, &build);
}
