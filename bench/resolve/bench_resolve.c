/* bench/resolve/bench_resolve.c: times bale's resolver on a request list
 * from corpus.mjs, as a build would run it: one Resolver (empty caches) per
 * run, shared by `threads` threads that take requests from one counter.
 *   bench_resolve REQUESTS.tsv THREADS RUNS ANSWERS.txt
 * Configured as peers.mjs configures its peers (platform=browser defaults).
 * Prints one JSON line: best and per-run times, resolved/failed counts, and
 * the directory cache's file-system calls and unique directories.
 * Not a test: built and run by bench/resolve/run.sh against the release
 * library. */
#include "base/diag.h"
#include "base/fs.h"
#include "base/intern.h"
#include "base/mem.h"
#include "base/clock.h"
#include "resolve/resolve.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Request {
    BaleImportKind kind;
    const char *dir, *request;
} Request;

typedef struct Run {
    Resolver *r;
    const Request *reqs;
    uint32_t count;
    _Atomic uint32_t next;
    ResolveResult *results;
} Run;

static void *worker(void *arg) {
    Run *run = arg;
    DiagList diags;
    diag_init(&diags);
    for (;;) {
        uint32_t i = atomic_fetch_add_explicit(&run->next, 64, memory_order_relaxed);
        if (i >= run->count) break;
        uint32_t end = i + 64 < run->count ? i + 64 : run->count;
        for (; i < end; i++) {
            const Request *q = &run->reqs[i];
            run->results[i] = resolve_request(run->r, q->dir, q->request, q->kind, NULL, &diags);
        }
        /* Diagnostics are the caller's to keep; the benchmark drops them. */
        diag_free(&diags);
        diag_init(&diags);
    }
    diag_free(&diags);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s REQUESTS.tsv THREADS RUNS ANSWERS.txt\n", argv[0]);
        return 2;
    }
    unsigned threads = (unsigned)atoi(argv[2]);
    int runs = atoi(argv[3]);
    if (threads < 1 || threads > 64 || runs < 1) return 2;
    FsFile f;
    if (fs_read_file(argv[1], NULL, &f) != FS_OK) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    VEC(Request) reqs = {0};
    char *save = NULL;
    for (char *line = strtok_r(f.data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        if (!t2) continue;
        *t1 = *t2 = '\0';
        Request q = {strcmp(line, "require") == 0 ? BALE_IMPORT_REQUIRE : BALE_IMPORT_ESM, t1 + 1, t2 + 1};
        VEC_PUSH(&reqs, q);
    }
    BaleOptions o;
    bale_options_init(&o);
    o.platform = BALE_PLATFORM_BROWSER;
    ResolveResult *results = mem_zalloc(sizeof *results * (reqs.len ? reqs.len : 1));
    double best = 1e300, times[16];
    DirCacheStats stats = {0};
    Interner *in = NULL;
    for (int k = 0; k < runs; k++) {
        if (in) interner_free(in);
        in = interner_new();
        Run run = {.r = resolver_new(&o, in), .reqs = reqs.data, .count = reqs.len, .results = results};
        atomic_init(&run.next, 0);
        pthread_t t[64];
        uint64_t t0 = clock_now_ns();
        for (unsigned i = 0; i < threads; i++) pthread_create(&t[i], NULL, worker, &run);
        for (unsigned i = 0; i < threads; i++) pthread_join(t[i], NULL);
        double ms = (double)(clock_now_ns() - t0) / 1e6;
        if (k < 16) times[k] = ms;
        if (ms < best) best = ms;
        stats = resolver_stats(run.r);
        resolver_free(run.r);
    }
    /* The answers of the last run (its interner is still alive). */
    FILE *out = fopen(argv[4], "w");
    uint32_t resolved = 0;
    for (uint32_t i = 0; i < reqs.len; i++) {
        const ResolveResult *res = &results[i];
        if (res->outcome == RESOLVE_ERROR || res->outcome == RESOLVE_EXTERNAL) {
            if (out) fputs("!\n", out);
            continue;
        }
        resolved++;
        if (out) fprintf(out, "%s\n", res->outcome == RESOLVE_EMPTY ? "(empty)" : res->path->str);
    }
    if (out) fclose(out);
    printf("{\"name\": \"bale (%u thread%s)\", \"best_ms\": %.3f, \"runs_ms\": [", threads, threads > 1 ? "s" : "", best);
    for (int k = 0; k < runs && k < 16; k++) printf("%s%.3f", k ? ", " : "", times[k]);
    printf("], \"resolved\": %u, \"failed\": %u, \"fs_calls\": %llu, \"dirs\": %llu, \"dirs_listed\": %llu, "
           "\"stats\": %llu, \"readlinks\": %llu, \"package_jsons\": %llu}\n",
           resolved, reqs.len - resolved, (unsigned long long)dircache_fs_calls(&stats), (unsigned long long)stats.dirs,
           (unsigned long long)stats.dirs_listed, (unsigned long long)stats.stats, (unsigned long long)stats.readlinks,
           (unsigned long long)stats.package_jsons);
    interner_free(in);
    mem_free(results);
    VEC_FREE(&reqs);
    mem_free(f.data);
    return 0;
}
