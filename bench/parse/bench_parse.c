/* bench/parse/bench_parse.c: single-thread throughput of bale's lexer and
 * parser on the given files, in MB/s (1 MB = 10^6 bytes), best of N runs.
 * The files are read once; each run lexes (or parses) all of them into a
 * fresh arena.  Not a test: bench/parse/run.sh prints it beside the peers.
 * Usage: bench_parse [--runs=N] [--lex] FILE... */
#include "base/clock.h"
#include "base/fs.h"
#include "base/mem.h"
#include "js/parser.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double lex_all(FsFile *files, int n, Arena *arena) {
    uint64_t t0 = clock_now_ns();
    for (int i = 0; i < n; i++) {
        DiagList diags;
        diag_init(&diags);
        DiagFile df = {"bench", files[i].data, (uint32_t)files[i].len};
        jmp_buf fail;
        JsLexer lx;
        if (setjmp(fail) == 0) {
            js_lex_init(&lx, files[i].data, (uint32_t)files[i].len, false, arena, &diags, &df, &fail);
            do {
                js_lex_next(&lx);
                /* A regex or template would need the parser's help; the
                 * lexer alone treats `/` as division, which is good enough
                 * for a throughput figure on most code but may fail: */
            } while (lx.tok.kind != TK_EOF);
        }
        diag_free(&diags);
        arena_reset(arena);
    }
    return (double)(clock_now_ns() - t0) / 1e9;
}

static double parse_all(FsFile *files, int n, Arena *arena, int *failed) {
    uint64_t t0 = clock_now_ns();
    *failed = 0;
    for (int i = 0; i < n; i++) {
        DiagList diags;
        diag_init(&diags);
        DiagFile df = {"bench", files[i].data, (uint32_t)files[i].len};
        JsAst ast;
        if (!js_parse(files[i].data, (uint32_t)files[i].len, JS_GOAL_AUTO, arena, &diags, &df, &ast)) (*failed)++;
        diag_free(&diags);
        arena_reset(arena);
    }
    return (double)(clock_now_ns() - t0) / 1e9;
}

int main(int argc, char **argv) {
    int runs = 10;
    bool lex = false;
    FsFile *files = mem_zalloc(sizeof(FsFile) * (size_t)argc);
    int n = 0;
    size_t bytes = 0;
    for (int i = 1; i < argc; i++) {
        if (!strncmp(argv[i], "--runs=", 7)) runs = atoi(argv[i] + 7);
        else if (!strcmp(argv[i], "--lex")) lex = true;
        else if (fs_read_file(argv[i], NULL, &files[n]) == FS_OK) bytes += files[n++].len;
        else fprintf(stderr, "bench_parse: cannot read %s\n", argv[i]);
    }
    Arena arena;
    arena_init(&arena, 1 << 20);
    double best = 1e9;
    int failed = 0;
    for (int r = 0; r < runs; r++) {
        double t = lex ? lex_all(files, n, &arena) : parse_all(files, n, &arena, &failed);
        if (t < best) best = t;
    }
    printf("%s %d files %.2f MB: best %.2f ms, %.1f MB/s%s\n", lex ? "lex" : "parse", n, bytes / 1e6, best * 1e3,
           bytes / 1e6 / best, failed ? " (some files failed to parse)" : "");
    for (int i = 0; i < n; i++) mem_free(files[i].data);
    mem_free(files);
    arena_free(&arena);
    return failed ? 1 : 0;
}
