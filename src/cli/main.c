/* cli/main.c: the `bale` command.  Parses flags (cli/flags.def) into
 * BaleOptions and calls bale_build, the same entry point a C program uses,
 * then puts its results where a command's go: the graph dump and the
 * bundle (when there is no outfile or outdir) on stdout, the diagnostics
 * and the --profile table on stderr.  The command, not the library,
 * decides on colors (stderr is a terminal and NO_COLOR is unset) and reads
 * BALE_DUMP_GRAPH=1 (an internal switch for bale's tests: the module graph
 * on stdout before the bundle).
 * Uses only include/bale.h.  Exit codes: 0 success, 1 build errors (a
 * failed write on stdout among them), 2 usage errors (unknown flag, bad
 * value). */
#include "bale.h"
#include "cli/commands.h"

#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef enum FlagForm { BARE, VALUE, COLON } FlagForm;

typedef enum FlagId {
#define X(id, name, form, ready, arg, help) FLAG_##id,
#include "cli/flags.def"
#undef X
    FLAG_COUNT
} FlagId;

typedef struct Flag {
    const char *name;
    FlagForm form;
    int ready;
    const char *arg;
    const char *help;
} Flag;

static const Flag flags[] = {
#define X(id, name, form, ready, arg, help) {name, form, ready, arg, help},
#include "cli/flags.def"
#undef X
};

enum { EXIT_BUILD = 1, EXIT_USAGE = 2 };

/* Strings and pairs collected from repeatable flags; freed at exit. */
typedef struct StrList {
    const char **items;
    size_t len, cap;
} StrList;

typedef struct PairList {
    BalePair *items;
    size_t len, cap;
} PairList;

static void *grow(void *items, size_t *cap, size_t len, size_t elem) {
    if (len < *cap) return items;
    *cap = *cap ? *cap * 2 : 8;
    void *p = realloc(items, *cap * elem);
    if (!p) {
        fputs("bale: fatal: out of memory\n", stderr);
        exit(EXIT_BUILD);
    }
    return p;
}

static void str_push(StrList *l, const char *s) {
    l->items = grow(l->items, &l->cap, l->len, sizeof *l->items);
    l->items[l->len++] = s;
}

static void pair_push(PairList *l, BalePair p) {
    l->items = grow(l->items, &l->cap, l->len, sizeof *l->items);
    l->items[l->len++] = p;
}

static int usage_error(const char *fmt, const char *a, const char *b) {
    fputs("bale: error: ", stderr);
    fprintf(stderr, fmt, a, b);
    fputs("\n(run 'bale --help' for the list of flags)\n", stderr);
    return EXIT_USAGE;
}

/* Levenshtein distance, for "did you mean". */
static size_t distance(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64) return SIZE_MAX;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++) row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best) best = up + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

static const char *closest_flag(const char *name) {
    const char *best = NULL;
    size_t best_d = 3;
    for (int i = 0; i < FLAG_COUNT; i++) {
        size_t d = distance(name, flags[i].name);
        if (d < best_d) {
            best_d = d;
            best = flags[i].name;
        }
    }
    return best;
}

static void print_help(FILE *out) {
    bool unbuilt = false;
    for (int i = 0; i < FLAG_COUNT; i++) unbuilt |= !flags[i].ready;
    fprintf(out,
            "bale %s: a JavaScript bundler\n\n"
            "Usage:\n"
            "  bale [flags] ENTRY...        bundle the entry points\n"
            "  bale parse [--module|--script|--auto] [--dump=ast|scopes|record|cjs-exports] FILE...\n"
            "  bale resolve [--platform=P] [--conditions=A,B] [--kind=import|require] DIR REQUEST...\n\n"
            "Flags (esbuild's spellings%s):\n",
            bale_version(), unbuilt ? "; flags marked * are parsed and checked, but their feature is not built yet" : "");
    for (int i = 0; i < FLAG_COUNT; i++) {
        const Flag *f = &flags[i];
        char left[64];
        const char *sep = f->form == VALUE ? "=" : f->form == COLON ? ":" : "";
        snprintf(left, sizeof left, "--%s%s%s", f->name, sep, f->arg);
        fprintf(out, " %c %-34s %s\n", f->ready ? ' ' : '*', left, f->help);
    }
    fputs("\nExit status: 0 success, 1 build errors, 2 usage errors.\n", out);
}

/* Index of value in the '|'-separated list choices, or -1. */
static int choice(const char *value, const char *choices) {
    int idx = 0;
    size_t n = strlen(value);
    for (const char *p = choices;; idx++) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (len == n && strncmp(p, value, n) == 0) return idx;
        if (!bar) return -1;
        p = bar + 1;
    }
}

static void split_commas(StrList *l, char *value) {
    for (char *tok = strtok(value, ","); tok; tok = strtok(NULL, ",")) str_push(l, tok);
}

typedef struct Cli {
    BaleOptions opts;
    StrList entries, externals, conditions, main_fields, extensions, pure;
    PairList aliases, defines;
    StrList owned; /* copies made while parsing; freed at exit */
    bool format_given;
} Cli;

static char *own_copy(Cli *c, const char *s) {
    char *p = strdup(s);
    if (!p) {
        fputs("bale: fatal: out of memory\n", stderr);
        exit(EXIT_BUILD);
    }
    str_push(&c->owned, p);
    return p;
}

static int parse_pair(Cli *c, const Flag *f, const char *value, PairList *out) {
    const char *eq = strchr(value, '=');
    if (!eq || eq == value)
        return usage_error("--%s needs NAME=VALUE, got '%s'", f->name, value);
    char *key = own_copy(c, value);
    key[eq - value] = '\0';
    pair_push(out, (BalePair){key, eq + 1});
    return 0;
}

/* Applies one flag.  Returns 0, or an exit code to stop with. */
static int apply(Cli *c, FlagId id, const char *value, int *exit_now) {
    const Flag *f = &flags[id];
    BaleOptions *o = &c->opts;
    int k;
    switch (id) {
    case FLAG_HELP: print_help(stdout); *exit_now = 1; return 0;
    case FLAG_VERSION: printf("%s\n", bale_version()); *exit_now = 1; return 0;
    case FLAG_OUTFILE: o->outfile = value; return 0;
    case FLAG_OUTDIR: o->outdir = value; return 0;
    case FLAG_ENTRY_NAMES: o->entry_names = value; return 0;
    case FLAG_CHUNK_NAMES: o->chunk_names = value; return 0;
    case FLAG_OUTBASE: o->outbase = value; return 0;
    case FLAG_PUBLIC_PATH: o->public_path = value; return 0;
    case FLAG_CROSS_ORIGIN:
        if (choice(value, f->arg) < 0) break;
        o->cross_origin = value;
        return 0;
    case FLAG_ALLOW_OVERWRITE: o->allow_overwrite = true; return 0;
    case FLAG_TREE_SHAKING:
        if ((k = choice(value, f->arg)) < 0) break;
        o->no_tree_shaking = k == 1;
        return 0;
    case FLAG_FORMAT:
        if ((k = choice(value, f->arg)) < 0) break;
        o->format = (BaleFormat)k;
        c->format_given = true;
        return 0;
    case FLAG_PLATFORM:
        if ((k = choice(value, f->arg)) < 0) break;
        o->platform = (BalePlatform)k;
        return 0;
    case FLAG_MINIFY: o->minify_whitespace = o->minify_identifiers = o->minify_syntax = true; return 0;
    case FLAG_MINIFY_WS: o->minify_whitespace = true; return 0;
    case FLAG_MINIFY_IDS: o->minify_identifiers = true; return 0;
    case FLAG_MINIFY_SYNTAX: o->minify_syntax = true; return 0;
    case FLAG_KEEP_NAMES: return 0; /* what bale always does */
    case FLAG_LEGAL_COMMENTS:
        if ((k = choice(value, f->arg)) < 0) break;
        o->legal_comments = (BaleLegalComments)k;
        return 0;
    case FLAG_DROP:
        if (!strcmp(value, "console")) o->drop_console = true;
        else if (!strcmp(value, "debugger")) o->drop_debugger = true;
        else return usage_error("invalid value '%s' for --drop (expected console or debugger)%s", value, "");
        return 0;
    case FLAG_SOURCEMAP:
        /* esbuild's kinds: linked (the default) writes FILE.map and points at
         * it, external writes it without the comment, both does both */
        if (!value || !strcmp(value, "linked")) o->sourcemap = BALE_SOURCEMAP_EXTERNAL;
        else if (!strcmp(value, "inline")) o->sourcemap = BALE_SOURCEMAP_INLINE;
        else if (!strcmp(value, "external")) o->sourcemap = BALE_SOURCEMAP_LINKED_HIDDEN;
        else if (!strcmp(value, "both")) o->sourcemap = BALE_SOURCEMAP_BOTH;
        else return usage_error("invalid value '%s' for --sourcemap (expected linked, inline, external or both)%s", value, "");
        return 0;
    case FLAG_SOURCES_CONTENT:
        if ((k = choice(value, f->arg)) < 0) break;
        o->no_sources_content = k == 1;
        return 0;
    case FLAG_SPLITTING: o->splitting = true; return 0;
    case FLAG_OUT_EXTENSION:
        if (strncmp(value, ".js=", 4) || value[4] != '.' || !value[5] || strchr(value + 5, '/'))
            return usage_error("--out-extension takes .js=.EXT (such as .js=.mjs), got '%s'%s", value, "");
        o->out_extension_js = value + 4;
        return 0;
    case FLAG_EXTERNAL: str_push(&c->externals, value); return 0;
    case FLAG_PURE: str_push(&c->pure, value); return 0;
    case FLAG_ALIAS: return parse_pair(c, f, value, &c->aliases);
    case FLAG_DEFINE: return parse_pair(c, f, value, &c->defines);
    case FLAG_CONDITIONS: split_commas(&c->conditions, own_copy(c, value)); return 0;
    case FLAG_MAIN_FIELDS: split_commas(&c->main_fields, own_copy(c, value)); return 0;
    case FLAG_RESOLVE_EXT: split_commas(&c->extensions, own_copy(c, value)); return 0;
    case FLAG_PRESERVE_SYMLINKS: o->preserve_symlinks = true; return 0;
    case FLAG_THREADS: {
        char *end;
        errno = 0;
        long n = strtol(value, &end, 10);
        if (errno || *end || end == value || n < 1 || n > 1024)
            return usage_error("invalid value '%s' for --threads (expected a number from 1 to 1024)%s", value, "");
        o->threads = (unsigned)n;
        return 0;
    }
    case FLAG_PROFILE: o->profile = true; return 0;
    case FLAG_LOG_LEVEL:
        if ((k = choice(value, f->arg)) < 0) break;
        o->log_level = (BaleLogLevel)k;
        return 0;
    case FLAG_COUNT: break;
    }
    char expected[96];
    snprintf(expected, sizeof expected, "%s", f->arg);
    for (char *p = expected; *p; p++)
        if (*p == '|') *p = ',';
    fprintf(stderr, "bale: error: invalid value '%s' for --%s (expected one of: %s)\n", value, f->name, expected);
    return EXIT_USAGE;
}

/* NO_COLOR: no-color.org. */
bool cli_stderr_color(void) {
    const char *nc = getenv("NO_COLOR");
    if (nc && *nc) return false;
    return isatty(STDERR_FILENO);
}

/* Writes all of data on fd.  Returns 0 or the errno of the failed write
 * (EPIPE for a closed pipe: SIGPIPE is ignored). */
static int write_all(int fd, const char *data, size_t len) {
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return n < 0 ? errno : EIO;
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Runs the build and prints what it returns.  Returns the exit code. */
static int build(const BaleOptions *o) {
    BaleResult res;
    BaleStatus st = bale_build(o, &res);
    if (res.graph) write_all(STDOUT_FILENO, res.graph, res.graph_len);
    int write_errno = res.bundle ? write_all(STDOUT_FILENO, res.bundle, res.bundle_len) : 0;
    fwrite(res.diagnostics, 1, res.diagnostics_len, stderr);
    if (write_errno && o->log_level != BALE_LOG_SILENT) {
        /* In the form of bale's diagnostics (base/diag.c). */
        bool color = o->color;
        fprintf(stderr, "bale: %serror%s: cannot write the bundle to standard output: %s%s [io]\n",
                color ? "\x1b[1;31m" : "", color ? "\x1b[0m\x1b[1m" : "", strerror(write_errno),
                color ? "\x1b[0m" : "");
    }
    if (res.profile) fwrite(res.profile, 1, res.profile_len, stderr);
    bale_result_free(&res);
    if (write_errno) return EXIT_BUILD;
    return st == BALE_OK ? 0 : st == BALE_ERR_INVALID_OPTIONS ? EXIT_USAGE : EXIT_BUILD;
}

/* Parses one "--name[=value]" or "--name:value" argument. */
static int parse_flag(Cli *c, const char *arg, int *exit_now) {
    const char *name = arg + 2;
    size_t nlen = strcspn(name, "=:");
    char sep = name[nlen];
    const char *value = sep ? name + nlen + 1 : NULL;
    for (int i = 0; i < FLAG_COUNT; i++) {
        const Flag *f = &flags[i];
        if (strlen(f->name) != nlen || strncmp(f->name, name, nlen) != 0) continue;
        /* --sourcemap is bare or takes =kind, as in esbuild. */
        bool optional_value = i == FLAG_SOURCEMAP;
        if (f->form == BARE && value && !(optional_value && sep == '='))
            return usage_error("--%s takes no value (got '%s')", f->name, value);
        if (f->form == VALUE && (!value || sep != '='))
            return usage_error("--%s needs a value: --%s=VALUE", f->name, f->name);
        if (f->form == COLON && (!value || sep != ':'))
            return usage_error("--%s needs a value: --%s:VALUE", f->name, f->name);
        if (f->form != BARE && !*value)
            return usage_error("--%s needs a non-empty value%s", f->name, "");
        return apply(c, (FlagId)i, value, exit_now);
    }
    char shown[80];
    snprintf(shown, sizeof shown, "%.*s", (int)(nlen < 60 ? nlen : 60), name);
    const char *near = closest_flag(shown);
    if (near) {
        fprintf(stderr, "bale: error: unknown flag '--%s'; did you mean '--%s'?\n", shown, near);
        fputs("(run 'bale --help' for the list of flags)\n", stderr);
        return EXIT_USAGE;
    }
    return usage_error("unknown flag '--%s'%s", shown, "");
}

int main(int argc, char **argv) {
#ifdef __GLIBC__
    /* Worker threads allocate module arenas from glibc's per-thread heaps,
     * which grow by one mprotect call per request unless told to keep a
     * margin: 64 MiB of (untouched, so free) padding cut the system calls
     * of a 3,871-module build by thousands and its wall time by ~10%.  The
     * command sets this, not the library: it is the program's policy. */
    mallopt(M_TOP_PAD, 64 << 20);
#endif
    /* A closed pipe on standard output is a write error bale reports (exit
     * 1), not a signal that kills it silently. */
    signal(SIGPIPE, SIG_IGN);
    if (argc > 1 && !strcmp(argv[1], "parse")) return cmd_parse(argc - 1, argv + 1);
    if (argc > 1 && !strcmp(argv[1], "resolve")) return cmd_resolve(argc - 1, argv + 1);
    Cli c;
    memset(&c, 0, sizeof c);
    bale_options_init(&c.opts);
    int exit_now = 0, rc = 0;
    bool only_entries = false;
    for (int i = 1; i < argc && !rc && !exit_now; i++) {
        const char *a = argv[i];
        if (only_entries || a[0] != '-' || !a[1]) {
            str_push(&c.entries, a);
        } else if (!strcmp(a, "--")) {
            only_entries = true;
        } else if (!strcmp(a, "-h")) {
            rc = apply(&c, FLAG_HELP, NULL, &exit_now);
        } else if (a[1] != '-') {
            rc = usage_error("unknown flag '%s'; bale's flags start with two dashes%s", a, "");
        } else {
            rc = parse_flag(&c, a, &exit_now);
        }
    }
    if (!rc && !exit_now) {
        if (c.entries.len == 0) {
            rc = usage_error("no entry points; try 'bale src/index.js --outfile=out.js'%s%s", "", "");
        } else {
            BaleOptions *o = &c.opts;
            o->entry_points = c.entries.items;
            o->entry_count = c.entries.len;
            o->externals = c.externals.items;
            o->external_count = c.externals.len;
            o->pure_names = c.pure.items;
            o->pure_count = c.pure.len;
            if (o->splitting && !c.format_given) o->format = BALE_FORMAT_ESM; /* (esbuild's splitting is esm's) */
            o->aliases = c.aliases.items;
            o->alias_count = c.aliases.len;
            o->defines = c.defines.items;
            o->define_count = c.defines.len;
            o->conditions = c.conditions.items;
            o->condition_count = c.conditions.len;
            o->main_fields = c.main_fields.items;
            o->main_field_count = c.main_fields.len;
            o->resolve_extensions = c.extensions.items;
            o->resolve_extension_count = c.extensions.len;
            o->color = cli_stderr_color();
            const char *dump = getenv("BALE_DUMP_GRAPH");
            o->dump_graph = dump && !strcmp(dump, "1");
            rc = build(o);
        }
    }
    for (size_t i = 0; i < c.owned.len; i++) free((char *)c.owned.items[i]);
    free(c.owned.items);
    free(c.entries.items);
    free(c.externals.items);
    free(c.pure.items);
    free(c.aliases.items);
    free(c.defines.items);
    free(c.conditions.items);
    free(c.main_fields.items);
    free(c.extensions.items);
    return rc;
}
