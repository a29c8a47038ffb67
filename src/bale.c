/* bale.c: the library entry points declared in include/bale.h.
 * Validates options and drives the compiler: make (src/make) builds the
 * module graph and reports every error in it; when there is none, seal
 * (src/seal) generates the code and emits the bundles. */
#include "bale.h"

#include "base/diag.h"
#include "base/intern.h"
#include "base/profile.h"
#include "make/make.h"
#include "seal/seal.h"
#include "resolve/path.h"
#include "resolve/resolve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *bale_version(void) { return BALE_VERSION_STRING; }

const char *bale_status_str(BaleStatus status) {
    switch (status) {
    case BALE_OK: return "ok";
    case BALE_ERR_INVALID_OPTIONS: return "invalid options";
    case BALE_ERR_BUILD: return "build failed";
    case BALE_ERR_IO: return "could not write output";
    case BALE_ERR_NOT_IMPLEMENTED: return "not implemented yet";
    }
    return "unknown status";
}

void bale_options_init(BaleOptions *o) {
    memset(o, 0, sizeof *o);
    o->format = BALE_FORMAT_IIFE;
    o->platform = BALE_PLATFORM_BROWSER;
    o->log_level = BALE_LOG_WARNING;
}

/* Checks what can be checked without touching the file system. */
static void validate(const BaleOptions *o, DiagList *diags) {
    if (o->entry_count == 0)
        diag_add(diags, DIAG_ERROR, DIAG_CONFIG, NULL, 0, 0, "no entry points (give at least one file to bundle)");
    if (o->outfile && o->outdir)
        diag_add(diags, DIAG_ERROR, DIAG_CONFIG, NULL, 0, 0, "outfile and outdir cannot both be set");
    if (o->outfile && o->entry_count > 1)
        diag_add(diags, DIAG_ERROR, DIAG_CONFIG, NULL, 0, 0, "outfile takes one entry point; use outdir for %zu", o->entry_count);
    if (o->splitting && o->format != BALE_FORMAT_ESM)
        diag_add(diags, DIAG_ERROR, DIAG_CONFIG, NULL, 0, 0, "splitting needs format esm");
    if (o->splitting && !o->outdir)
        diag_add(diags, DIAG_ERROR, DIAG_CONFIG, NULL, 0, 0, "splitting needs outdir");
    for (size_t i = 0; i < o->entry_count; i++)
        if (!o->entry_points[i] || !*o->entry_points[i])
            diag_add(diags, DIAG_ERROR, DIAG_CONFIG, NULL, 0, 0, "entry point %zu is empty", i + 1);
}

/* Options that are parsed but whose feature is not built: an error, never
 * silently ignored.  Returns true when there was one. */
static bool not_built(const BaleOptions *o, DiagList *diags) {
    uint32_t before = diags->errors;
    const char *what[4] = {o->minify ? "minify" : NULL, o->sourcemap != BALE_SOURCEMAP_NONE ? "sourcemap" : NULL,
                           o->splitting ? "splitting" : NULL, o->define_count ? "define" : NULL};
    for (int i = 0; i < 4; i++)
        if (what[i])
            diag_add(diags, DIAG_ERROR, DIAG_NOT_IMPLEMENTED, NULL, 0, 0,
                     "%s is not implemented yet in bale %s: no output was written", what[i], BALE_VERSION_STRING);
    return diags->errors != before;
}

/* The make phase, then (when the graph has no error) the seal phase, which
 * writes the outputs.  BALE_DUMP_GRAPH=1 in the environment prints the
 * finished module graph on stdout (an internal switch for tests). */
static BaleStatus build(const BaleOptions *o, DiagList *diags, uint32_t *errors, uint32_t *warnings,
                        uint32_t *outputs) {
    char cwd_buf[4096];
    const char *cwd = getcwd(cwd_buf, sizeof cwd_buf) ? cwd_buf : "/";
    PathBuf wd;
    if (o->working_dir) {
        path_resolve(&wd, cwd, strlen(cwd), o->working_dir, strlen(o->working_dir));
        cwd = wd.s;
    }
    BaleOptions opts = *o;
    opts.working_dir = cwd;
    Interner *interner = interner_new();
    Resolver *resolver = resolver_new(&opts, interner);
    Profile profile;
    profile_init(&profile);
    ModuleGraph graph;
    MakeInput in = {&opts, cwd, interner, resolver, &profile};
    MakeStatus ms = make_run(&in, &graph, diags);
    const char *dump = getenv("BALE_DUMP_GRAPH");
    if (dump && !strcmp(dump, "1")) {
        graph_dump(&graph, cwd, stdout);
        fflush(stdout);
    }
    BaleStatus st = ms == MAKE_IO ? BALE_ERR_IO : BALE_ERR_BUILD;
    Seal seal;
    bool sealed = false;
    if (ms == MAKE_OK && !diags->errors) {
        SealStatus ss = seal_run(&seal, &opts, cwd, &graph, diags, &profile);
        sealed = true;
        *outputs = seal.outputs;
        bool not_impl = false;
        for (uint32_t i = 0; i < diags->items.len; i++)
            if (diags->items.data[i].code == DIAG_NOT_IMPLEMENTED) not_impl = true;
        st = ss == SEAL_OK ? BALE_OK : ss == SEAL_IO ? BALE_ERR_IO : not_impl ? BALE_ERR_NOT_IMPLEMENTED : BALE_ERR_BUILD;
    }
    diag_sort(diags);
    if (o->log_level != BALE_LOG_SILENT) diag_print(diags, stderr, diag_want_color(stderr));
    if (o->profile) profile_print(&profile, stderr);
    *errors = diags->errors;
    *warnings = diags->warnings;
    /* Diagnostics point into the modules' arenas: printed before freeing. */
    diag_free(diags);
    diag_init(diags);
    if (sealed) seal_free(&seal);
    graph_free(&graph);
    resolver_free(resolver);
    interner_free(interner);
    return st;
}

BaleStatus bale_build(const BaleOptions *o, BaleResult *result) {
    DiagList diags;
    diag_init(&diags);
    validate(o, &diags);
    BaleStatus st = BALE_ERR_INVALID_OPTIONS;
    if (!diags.errors && not_built(o, &diags)) st = BALE_ERR_NOT_IMPLEMENTED;
    uint32_t errors = diags.errors, warnings = diags.warnings, outputs = 0;
    if (!diags.errors) {
        st = build(o, &diags, &errors, &warnings, &outputs);
    } else if (o->log_level != BALE_LOG_SILENT) {
        diag_print(&diags, stderr, diag_want_color(stderr));
    }
    if (result) {
        result->errors = errors;
        result->warnings = warnings;
        result->outputs = outputs;
    }
    diag_free(&diags);
    return st;
}
