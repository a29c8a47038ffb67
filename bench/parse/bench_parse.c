/* bench/parse/bench_parse.c: single-thread throughput of bale's lexer and
 * parser on the given files, in MB/s (1 MB = 10^6 bytes).
 * The files are read once into memory; then W warm-up runs and N timed runs
 * each lex (or parse) all of them in turn, one fresh arena reset per file.
 * Prints the best and the median run, and the CPU time over wall time of
 * the timed runs (1.00 means one core was busy, no more).  Not a test:
 * bench/parse/run.sh prints it beside the npm parsers (peers.mjs).
 * Usage: bench_parse [--runs=N] [--warmup=W] [--lex|--scopes] [--json]
 *                    [--goal=auto|script|module] [--list=FILE] FILE...
 * --list reads one path per line; --json prints one line that peers.mjs
 * also prints, for run.sh's table.  Exit 1 if a file failed to parse.
 * --lex runs the lexer alone (see lex_one), for the lexer's share;
 * --scopes adds the scope pass and the module record to each parse: the
 * front end's whole per-module work. */
#include "base/clock.h"
#include "base/fs.h"
#include "base/mem.h"
#include "js/parser.h"
#include "js/record.h"
#include "js/scope.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Corpus {
    FsFile *files;
    int n, cap;
    size_t bytes;
} Corpus;

static void add_file(Corpus *c, const char *path) {
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 64;
        c->files = mem_realloc(c->files, sizeof(FsFile) * (size_t)c->cap);
    }
    FsStatus st = fs_read_file(path, NULL, &c->files[c->n]);
    if (st != FS_OK) {
        fprintf(stderr, "bench_parse: cannot read %s: %s\n", path, fs_status_str(st, c->files[c->n].errno_value));
        exit(2);
    }
    c->bytes += c->files[c->n++].len;
}

static void add_list(Corpus *c, const char *list) {
    FILE *f = fopen(list, "r");
    if (!f) {
        perror(list);
        exit(2);
    }
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        if (line[0]) add_file(c, line);
    }
    fclose(f);
}

static uint64_t cpu_now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Can the token end an expression, so that a `/` after it divides?  The
 * usual approximation of the parser's knowledge (wrong after `) /re/` of
 * an if head or `} /re/` after a block, both rare in real code). */
static bool ends_expression(JsTokenKind k) {
    switch (k) {
    case TK_IDENTIFIER: case TK_PRIVATE_NAME: case TK_NUMBER: case TK_BIGINT: case TK_STRING:
    case TK_REGEXP: case TK_TEMPLATE_NOSUB: case TK_TEMPLATE_TAIL: case TK_RPAREN: case TK_RBRACKET:
    case TK_RBRACE: case TK_THIS: case TK_SUPER: case TK_TRUE: case TK_FALSE: case TK_NULL:
        return true;
    default:
        return false;
    }
}

enum { MAX_TEMPLATE_DEPTH = 64 };

/* Lexes one file without the parser: regular expressions are told from
 * division by the previous token, and a `}` closes a template substitution
 * when the braces opened since its `${` are balanced.  Returns true if the
 * file was lexed to its end (false: a lexer error, or the guess failed). */
static bool lex_one(const FsFile *f, bool module, Arena *arena) {
    DiagList diags;
    diag_init(&diags);
    DiagFile df = {"bench", f->data, (uint32_t)f->len};
    jmp_buf fail;
    JsLexer lx;
    uint32_t braces[MAX_TEMPLATE_DEPTH]; /* open `{` inside each pending `${` */
    volatile bool done = false;
    if (setjmp(fail) == 0) {
        int depth = 0;
        JsTokenKind prev = TK_EOF;
        js_lex_init(&lx, f->data, (uint32_t)f->len, module, arena, &diags, &df, &fail);
        for (;;) {
            js_lex_next(&lx);
            JsTokenKind k = lx.tok.kind;
            if ((k == TK_SLASH || k == TK_SLASH_EQ) && !ends_expression(prev)) js_lex_regexp(&lx);
            else if (k == TK_LBRACE && depth > 0) braces[depth - 1]++;
            else if (k == TK_RBRACE && depth > 0) {
                if (braces[depth - 1] == 0) {
                    depth--;
                    js_lex_template_continue(&lx);
                } else braces[depth - 1]--;
            } else if (k == TK_EOF) break;
            k = lx.tok.kind;
            if ((k == TK_TEMPLATE_HEAD || k == TK_TEMPLATE_MIDDLE) && depth < MAX_TEMPLATE_DEPTH) braces[depth++] = 0;
            prev = k;
        }
        done = true;
    }
    diag_free(&diags);
    arena_reset(arena);
    return done;
}

/* Returns how many files stopped before their end. */
static int lex_all(const Corpus *c, bool module, Arena *arena) {
    int stopped = 0;
    for (int i = 0; i < c->n; i++) stopped += !lex_one(&c->files[i], module, arena);
    return stopped;
}

/* Returns how many files failed to parse (with scopes: or failed the scope
 * pass, whose early errors are syntax errors too). */
static int parse_all(const Corpus *c, JsGoal goal, bool scopes, Arena *arena, bool report) {
    int failed = 0;
    for (int i = 0; i < c->n; i++) {
        DiagList diags;
        diag_init(&diags);
        DiagFile df = {"bench", c->files[i].data, (uint32_t)c->files[i].len};
        JsAst ast;
        bool ok = js_parse(c->files[i].data, (uint32_t)c->files[i].len, goal, arena, &diags, &df, &ast);
        if (ok && scopes) {
            JsScopes sc = {0};
            JsRecord rec = {0};
            ok = js_scope_build(&ast, c->files[i].data, &diags, &df, &sc);
            if (ok) js_record_build(&ast, &sc, &rec);
            js_record_free(&rec);
            js_scopes_free(&sc);
        }
        if (!ok) {
            failed++;
            if (report) fprintf(stderr, "bench_parse: file %d (%zu bytes) failed to parse\n", i, c->files[i].len);
        }
        diag_free(&diags);
        arena_reset(arena);
    }
    return failed;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    int runs = 10, warmup = 2;
    bool lex = false, json = false, scopes = false;
    JsGoal goal = JS_GOAL_AUTO;
    const char *goal_name = "auto";
    Corpus c = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strncmp(a, "--runs=", 7)) runs = atoi(a + 7);
        else if (!strncmp(a, "--warmup=", 9)) warmup = atoi(a + 9);
        else if (!strcmp(a, "--lex")) lex = true;
        else if (!strcmp(a, "--json")) json = true;
        else if (!strcmp(a, "--scopes")) scopes = true;
        else if (!strncmp(a, "--list=", 7)) add_list(&c, a + 7);
        else if (!strncmp(a, "--goal=", 7)) {
            goal_name = a + 7;
            if (!strcmp(goal_name, "script")) goal = JS_GOAL_SCRIPT;
            else if (!strcmp(goal_name, "module")) goal = JS_GOAL_MODULE;
            else if (!strcmp(goal_name, "auto")) goal = JS_GOAL_AUTO;
            else {
                fprintf(stderr, "bench_parse: --goal must be auto, script or module\n");
                return 2;
            }
        } else if (a[0] == '-' && a[1] == '-') {
            fprintf(stderr, "bench_parse: unknown flag %s\n", a);
            return 2;
        } else add_file(&c, a);
    }
    if (runs < 1 || c.n == 0) {
        fprintf(stderr, "usage: bench_parse [--runs=N] [--warmup=W] [--lex|--scopes] [--json] "
                        "[--goal=auto|script|module] [--list=FILE] FILE...\n");
        return 2;
    }
    /* --lex has no goal-guessing: auto lexes as a script. */
    bool module = goal == JS_GOAL_MODULE;

    Arena arena;
    arena_init(&arena, 1 << 20);
    /* failed: files that did not parse (or, with --lex, that the lexer
     * alone could not take to their end: its figure then covers less). */
    int failed = lex ? lex_all(&c, module, &arena) : parse_all(&c, goal, scopes, &arena, true);
    for (int r = 0; r < warmup; r++) lex ? (void)lex_all(&c, module, &arena) : (void)parse_all(&c, goal, scopes, &arena, false);

    double *times = mem_zalloc(sizeof(double) * (size_t)runs);
    uint64_t cpu0 = cpu_now_ns(), wall = 0;
    for (int r = 0; r < runs; r++) {
        uint64_t t0 = clock_now_ns();
        lex ? (void)lex_all(&c, module, &arena) : (void)parse_all(&c, goal, scopes, &arena, false);
        uint64_t t = clock_now_ns() - t0;
        wall += t;
        times[r] = (double)t / 1e9;
    }
    double cpu_ratio = (double)(cpu_now_ns() - cpu0) / (double)wall;
    qsort(times, (size_t)runs, sizeof(double), cmp_double);
    double best = times[0];
    double median = runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
    double mb = (double)c.bytes / 1e6;

    const char *what = lex ? "lex" : scopes ? "scopes" : "parse";
    if (json)
        printf("{\"tool\":\"bale\",\"what\":\"%s\",\"goal\":\"%s\",\"files\":%d,\"bytes\":%zu,\"runs\":%d,"
               "\"best_ms\":%.3f,\"median_ms\":%.3f,\"cpu_ratio\":%.2f,\"failed\":%d}\n",
               what, goal_name, c.n, c.bytes, runs, best * 1e3, median * 1e3, cpu_ratio, failed);
    else
        printf("%s (%s goal) %d files %.2f MB, %d runs: best %.2f ms %.1f MB/s, median %.2f ms %.1f MB/s, "
               "cpu/wall %.2f%s\n",
               what, goal_name, c.n, mb, runs, best * 1e3, mb / best, median * 1e3, mb / median, cpu_ratio,
               failed ? (lex ? " (some files stopped early)" : " (some files failed to parse)") : "");

    for (int i = 0; i < c.n; i++) mem_free(c.files[i].data);
    mem_free(c.files);
    mem_free(times);
    arena_free(&arena);
    return failed && !lex ? 1 : 0;
}
