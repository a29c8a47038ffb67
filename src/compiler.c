/* compiler.c: the build, in order: make builds the module graph and finds
 * every error in it; when there is none, seal runs its passes, the last of
 * which (emit) writes the outputs.  This file owns what the phases share
 * (interner, resolver, profile, the one thread pool) and decides nothing
 * about modules or chunks itself.
 * In:  validated BaleOptions (bale.c).  Out: the Compiler's results, read
 * by bale.c.  Memory: see compiler.h. */
#include "compiler.h"

#include "base/mem.h"
#include "make/make.h"

#include <string.h>
#include <unistd.h>

Compiler *compiler_new(const BaleOptions *options) {
    Compiler *c = mem_zalloc(sizeof *c);
    c->cwd = getcwd(c->cwd_buf, sizeof c->cwd_buf) ? c->cwd_buf : "/";
    if (options->working_dir) {
        path_resolve(&c->wd, c->cwd, strlen(c->cwd), options->working_dir, strlen(options->working_dir));
        c->cwd = c->wd.s;
    }
    c->options = *options;
    c->options.working_dir = c->cwd;
    c->interner = interner_new();
    c->resolver = resolver_new(&c->options, c->interner);
    profile_init(&c->profile);
    diag_init(&c->diags);
    /* One pool for every phase, its slots as large as the largest task. */
    unsigned threads = options->threads ? options->threads : pool_default_threads();
    size_t task = make_task_size() > seal_task_size() ? make_task_size() : seal_task_size();
    c->pool = pool_new(threads, task, task, NULL, NULL);
    return c;
}

static bool has_not_implemented(const DiagList *diags) {
    for (uint32_t i = 0; i < diags->items.len; i++)
        if (diags->items.data[i].code == DIAG_NOT_IMPLEMENTED) return true;
    return false;
}

/* The graph's text form (graph_dump) into graph_text. */
static void dump_graph(Compiler *c) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = mem_open_stream(&buf, &len);
    graph_dump(&c->graph, c->cwd, f);
    fclose(f);
    c->graph_text = (VecChar){buf, (uint32_t)len, (uint32_t)len};
}

/* The chunk that has no path (bale_build writes no file for it: the
 * caller does), moved out of the seal. */
static void take_bundle(Compiler *c) {
    for (uint32_t i = 0; i < c->seal.chunks.len; i++) {
        SealChunk *ch = &c->seal.chunks.data[i];
        if (ch->out_path) continue;
        c->bundle = ch->bytes;
        ch->bytes = (VecChar){0};
        c->has_bundle = true;
        return;
    }
}

BaleStatus compiler_run(Compiler *c) {
    MakeInput in = {&c->options, c->cwd, c->interner, c->resolver, &c->profile, c->pool};
    MakeStatus ms = make_run(&in, &c->graph, &c->diags);
    if (c->options.dump_graph) dump_graph(c);
    BaleStatus st = ms == MAKE_IO ? BALE_ERR_IO : BALE_ERR_BUILD;
    if (ms == MAKE_OK && !c->diags.errors) {
        SealStatus ss = seal_run(&c->seal, &c->options, c->cwd, &c->graph, c->pool, &c->diags, &c->profile);
        c->sealed = true;
        st = ss == SEAL_OK ? BALE_OK
             : ss == SEAL_IO ? BALE_ERR_IO
             : has_not_implemented(&c->diags) ? BALE_ERR_NOT_IMPLEMENTED
                                              : BALE_ERR_BUILD;
        if (st == BALE_OK) take_bundle(c);
    }
    diag_sort(&c->diags);
    return st;
}

void compiler_free(Compiler *c) {
    if (!c) return;
    pool_free(c->pool);
    /* Diagnostics point into the modules' arenas: they go first. */
    diag_free(&c->diags);
    if (c->sealed) seal_free(&c->seal);
    graph_free(&c->graph);
    resolver_free(c->resolver);
    interner_free(c->interner);
    VEC_FREE(&c->graph_text);
    VEC_FREE(&c->bundle);
    mem_free(c);
}
