/* bale.c: the library entry points declared in include/bale.h.
 * Validates options and drives the compiler (make, seal, emit); until those
 * stages exist, bale_build validates and reports that bundling is not
 * implemented yet. */
#include "bale.h"

#include "base/diag.h"

#include <stdio.h>
#include <string.h>

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

BaleStatus bale_build(const BaleOptions *o, BaleResult *result) {
    DiagList diags;
    diag_init(&diags);
    validate(o, &diags);
    BaleStatus st = BALE_ERR_INVALID_OPTIONS;
    if (!diags.errors) {
        diag_add(&diags, DIAG_ERROR, DIAG_NOT_IMPLEMENTED, NULL, 0, 0,
                 "bundling is not implemented yet in bale %s (the parser and resolver come first)",
                 BALE_VERSION_STRING);
        st = BALE_ERR_NOT_IMPLEMENTED;
    }
    if (o->log_level != BALE_LOG_SILENT) diag_print(&diags, stderr, diag_want_color(stderr));
    if (result) {
        result->errors = diags.errors;
        result->warnings = diags.warnings;
        result->outputs = 0;
    }
    diag_free(&diags);
    return st;
}
