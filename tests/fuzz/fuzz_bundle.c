/* tests/fuzz/fuzz_bundle.c: libFuzzer target for the whole bundler.
 * The project in tests/fuzz/bundle/ (an entry importing an ES module with
 * named, default and star exports, a CommonJS module and a JSON file, under
 * a package.json) is copied once into a temporary directory.  Each input
 * replaces ONE of its files and bale_build bundles the entry:
 *   byte 0  b: the file is FILES[b % 5], the format (b / 5) % 3 (iife, cjs,
 *           esm), the thread count 1 + (b / 15) % 2
 *   rest    the file's new content
 * (tests/fuzz/test_bundle_regressions.sh decodes inputs the same way).
 * What must hold, besides no crash, sanitizer report, leak or hang: when
 * bale_build returns BALE_OK the bundle exists and bale's own parser accepts
 * it (goal script for iife and cjs, module for esm); otherwise no bundle
 * exists and at least one error was counted.  Memory: the project's files
 * are read once into malloc'd buffers (to restore the replaced file after
 * each input); the paths are static. */
#include "bale.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef BALE_FUZZ_PROJECT
#error "build with -DBALE_FUZZ_PROJECT=\"/path/to/tests/fuzz/bundle\" (tests/fuzz/run.sh does)"
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { NFILES = 5 };
static const char *const FILES[NFILES] = {"index.js", "esm.js", "cjs.cjs", "data.json", "package.json"};

static char root[64];        /* the temporary directory */
static char src_dir[128];    /* root/src: the project, working_dir of the builds */
static char outfile[128];    /* root/out/bundle.js: outside src, so no input can import it */
static char *originals[NFILES]; /* each project file's content, to restore it after an input */
static size_t original_lens[NFILES];
static FILE *null_out;

static void die(const char *what) {
    fprintf(stderr, "fuzz_bundle: %s: %s\n", what, strerror(errno));
    abort();
}

static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) die(path);
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    *len = n;
    return buf;
}

static void write_file(const char *dir, const char *name, const void *data, size_t len) {
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) die(path);
}

/* The out directory holds at most the bundle: a temporary file left beside
 * it would break "outputs are written atomically". */
static void check_out_dir(void) {
    char dir[128];
    snprintf(dir, sizeof dir, "%s/out", root);
    DIR *d = opendir(dir);
    if (!d) die(dir);
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && strcmp(e->d_name, "bundle.js")) {
            fprintf(stderr, "fuzz_bundle: bale_build left %s/%s\n", dir, e->d_name);
            abort();
        }
    closedir(d);
}

static void remove_tree(void) {
    char path[256];
    for (int i = 0; i < NFILES; i++) {
        snprintf(path, sizeof path, "%s/%s", src_dir, FILES[i]);
        unlink(path);
    }
    unlink(outfile);
    snprintf(path, sizeof path, "%s/out", root);
    rmdir(path);
    rmdir(src_dir);
    rmdir(root);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    snprintf(root, sizeof root, "/tmp/bale-fuzz-bundle.XXXXXX");
    if (!mkdtemp(root)) die("mkdtemp");
    snprintf(src_dir, sizeof src_dir, "%s/src", root);
    snprintf(outfile, sizeof outfile, "%s/out/bundle.js", root);
    char out_dir[128];
    snprintf(out_dir, sizeof out_dir, "%s/out", root);
    if (mkdir(src_dir, 0700) != 0 || mkdir(out_dir, 0700) != 0) die("mkdir");
    for (int i = 0; i < NFILES; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", BALE_FUZZ_PROJECT, FILES[i]);
        originals[i] = read_all(path, &original_lens[i]);
        write_file(src_dir, FILES[i], originals[i], original_lens[i]);
    }
    null_out = fopen("/dev/null", "w");
    if (!null_out) die("/dev/null");
    atexit(remove_tree);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1 || size > (1u << 16)) return 0;
    int which = data[0] % NFILES;
    BaleFormat format = (BaleFormat)((data[0] / NFILES) % 3);
    unsigned threads = 1 + (data[0] / (NFILES * 3)) % 2;
    write_file(src_dir, FILES[which], data + 1, size - 1);
    unlink(outfile);

    BaleOptions o;
    bale_options_init(&o);
    const char *entry = "index.js";
    o.entry_points = &entry;
    o.entry_count = 1;
    o.outfile = outfile;
    o.working_dir = src_dir;
    o.format = format;
    o.threads = threads;
    o.log_level = BALE_LOG_SILENT;
    BaleResult result;
    BaleStatus st = bale_build(&o, &result);

    check_out_dir();
    bool exists = access(outfile, F_OK) == 0;
    if (st == BALE_OK) {
        if (!exists) {
            fprintf(stderr, "fuzz_bundle: bale_build returned BALE_OK but wrote no %s\n", outfile);
            abort();
        }
        BaleParseGoal goal = format == BALE_FORMAT_ESM ? BALE_GOAL_MODULE : BALE_GOAL_SCRIPT;
        if (bale_parse_file(outfile, goal, BALE_DUMP_NONE, NULL, null_out, false) != BALE_OK) {
            fprintf(stderr, "fuzz_bundle: the bundle (format %d) does not parse:\n", (int)format);
            bale_parse_file(outfile, goal, BALE_DUMP_NONE, NULL, stderr, false);
            abort();
        }
    } else {
        if (exists) {
            fprintf(stderr, "fuzz_bundle: bale_build failed (%s) but wrote %s\n", bale_status_str(st), outfile);
            abort();
        }
        if (result.errors == 0) {
            fprintf(stderr, "fuzz_bundle: bale_build failed (%s) without counting an error\n", bale_status_str(st));
            abort();
        }
    }
    bale_result_free(&result);
    write_file(src_dir, FILES[which], originals[which], original_lens[which]);
    return 0;
}
