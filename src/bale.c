/* bale.c: the library entry points declared in include/bale.h.
 * Validates the options, hands a valid build to the compiler (compiler.c:
 * make, seal, emit), and translates what the compiler found into a
 * BaleResult: diagnostics as values and as rendered text, the profile
 * table, the graph dump, the bundle meant for standard output.  Prints
 * nothing.  Memory: a result's strings live in its own arena (ResultStore),
 * released by bale_result_free. */
#include "bale.h"

#include "base/diag.h"
#include "base/mem.h"
#include "base/profile.h"
#include "compiler.h"
#include "js/define.h"

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

/* A names template: only [dir], [name] and [hash], no absolute path, no
 * "..": false (and an error) otherwise. */
static bool names_template(const char *flag, const char *t, bool dir, DiagList *diags) {
    if (!t) return true;
    const char *why = NULL;
    if (!*t) why = "it is empty";
    else if (t[0] == '/') why = "it must be relative to the output directory";
    for (const char *p = t; !why && *p; p++) {
        if (p[0] == '.' && p[1] == '.' && (p == t || p[-1] == '/') && (p[2] == '/' || !p[2])) why = "it may not leave the output directory";
        if (*p != '[') continue;
        const char *e = strchr(p, ']');
        size_t n = e ? (size_t)(e - p - 1) : 0;
        if (!e || !((n == 4 && !strncmp(p + 1, "name", 4)) || (n == 4 && !strncmp(p + 1, "hash", 4)) ||
                    (dir && n == 3 && !strncmp(p + 1, "dir", 3))))
            why = dir ? "the placeholders are [dir], [name] and [hash]" : "the placeholders are [name] and [hash]";
        else p = e;
    }
    const char *hash = strstr(t, "[hash]"), *slash = strrchr(t, '/');
    if (!why && hash && slash && hash < slash) why = "[hash] may only be in the file's name, not in a directory";
    if (why) diag_add(diags, DIAG_ERROR, DIAG_CONFIG, NULL, 0, 0, "invalid --%s '%s': %s", flag, t, why);
    return !why;
}

/* Checks what can be checked without touching the file system. */
static void validate(const BaleOptions *o, DiagList *diags) {
    JsDefines defines; /* built again by make: here only its errors */
    js_defines_build(o, &defines, diags);
    js_defines_free(&defines);
    if (o->entry_count == 0)
        diag_add(diags, DIAG_ERROR, DIAG_CONFIG, NULL, 0, 0, "no entry points (give at least one file to bundle)");
    if (o->outfile && o->outdir)
        diag_add(diags, DIAG_ERROR, DIAG_CONFIG, NULL, 0, 0, "outfile and outdir cannot both be set");
    if (o->outfile && o->entry_count > 1)
        diag_add(diags, DIAG_ERROR, DIAG_CONFIG, NULL, 0, 0, "outfile takes one entry point; use outdir for %zu", o->entry_count);
    names_template("entry-names", o->entry_names, true, diags);
    names_template("chunk-names", o->chunk_names, false, diags);
    if ((o->entry_names || o->outbase) && !o->outdir)
        diag_add(diags, DIAG_ERROR, DIAG_CONFIG, NULL, 0, 0, "--entry-names and --outbase name files in --outdir, which is not given");
    if (o->splitting && !o->outdir)
        diag_add(diags, DIAG_ERROR, DIAG_CONFIG, NULL, 0, 0, "--splitting writes several files: it needs --outdir");
    if ((o->legal_comments == BALE_LEGAL_EXTERNAL || o->legal_comments == BALE_LEGAL_LINKED) && !o->outfile && !o->outdir)
        diag_add(diags, DIAG_ERROR, DIAG_CONFIG, NULL, 0, 0,
                 "--legal-comments=%s writes a .LEGAL.txt file beside the output, which needs --outfile or --outdir",
                 o->legal_comments == BALE_LEGAL_LINKED ? "linked" : "external");
    for (size_t i = 0; i < o->entry_count; i++)
        if (!o->entry_points[i] || !*o->entry_points[i])
            diag_add(diags, DIAG_ERROR, DIAG_CONFIG, NULL, 0, 0, "entry point %zu is empty", i + 1);
}

/* ===== Translating results ============================================ */

/* The storage behind a BaleResult (its internal_): the messages and every
 * string in one arena; the bundle, moved out of the compiler, on the heap. */
typedef struct ResultStore {
    Arena arena;
    char *bundle;
} ResultStore;

/* d as bale prints it, copied into arena a; *len gets its length. */
static const char *render_diag(Arena *a, const Diag *d, bool color, size_t *len) {
    char *buf = NULL;
    size_t n = 0;
    FILE *f = mem_open_stream(&buf, &n);
    diag_print_one(d, f, color);
    fclose(f);
    char *s = arena_strndup(a, buf, n);
    mem_free(buf);
    *len = n;
    return s;
}

static BaleSeverity severity(DiagSeverity s) {
    switch (s) {
    case DIAG_ERROR: return BALE_SEVERITY_ERROR;
    case DIAG_WARNING: return BALE_SEVERITY_WARNING;
    case DIAG_NOTE: return BALE_SEVERITY_NOTE;
    }
    return BALE_SEVERITY_ERROR;
}

/* Fills the message fields of r from diags (sorted): each one as a value
 * and rendered, and the whole text unless log_level is SILENT. */
static void translate_diags(const DiagList *diags, const BaleOptions *o, ResultStore *store, BaleResult *r) {
    Arena *a = &store->arena;
    uint32_t n = diags->items.len;
    BaleMessage *msgs = ARENA_ZARRAY(a, BaleMessage, n ? n : 1);
    VecChar all = {0};
    for (uint32_t i = 0; i < n; i++) {
        const Diag *d = &diags->items.data[i];
        BaleMessage *m = &msgs[i];
        m->severity = severity(d->severity);
        m->code = diag_code_name(d->code);
        m->text = arena_strndup(a, d->msg, strlen(d->msg));
        if (d->file) {
            m->file = arena_strndup(a, d->file->path, strlen(d->file->path));
            if (d->file->text) diag_line_col(d->file->text, d->file->len, d->start, &m->line, &m->column);
        }
        size_t len;
        m->rendered = render_diag(a, d, o->color, &len);
        if (o->log_level != BALE_LOG_SILENT) memcpy(VEC_GROW(&all, (uint32_t)len), m->rendered, len);
    }
    r->messages = msgs;
    r->message_count = n;
    r->diagnostics = arena_strndup(a, all.data ? all.data : "", all.len);
    r->diagnostics_len = all.len;
    VEC_FREE(&all);
    r->errors = diags->errors;
    r->warnings = diags->warnings;
}

static void translate_profile(const Profile *profile, ResultStore *store, BaleResult *r) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = mem_open_stream(&buf, &len);
    profile_print(profile, f);
    fclose(f);
    r->profile = arena_strndup(&store->arena, buf, len);
    r->profile_len = len;
    mem_free(buf);
}

/* Everything the compiler has for the caller, before it is freed. */
static void translate(Compiler *c, ResultStore *store, BaleResult *r) {
    translate_diags(&c->diags, &c->options, store, r);
    if (c->options.profile) translate_profile(&c->profile, store, r);
    if (c->options.dump_graph) {
        r->graph = arena_strndup(&store->arena, c->graph_text.data ? c->graph_text.data : "", c->graph_text.len);
        r->graph_len = c->graph_text.len;
    }
    if (c->has_bundle) {
        /* Moved, not copied: a bundle may be hundreds of megabytes. */
        store->bundle = c->bundle.data ? c->bundle.data : mem_strndup("", 0);
        r->bundle = store->bundle;
        r->bundle_len = c->bundle.len;
        c->bundle = (VecChar){0};
    }
    r->outputs = c->sealed ? c->seal.outputs : 0;
}

void bale_result_free(BaleResult *r) {
    ResultStore *store = r->internal_;
    if (store) {
        arena_free(&store->arena);
        mem_free(store->bundle);
        mem_free(store);
    }
    memset(r, 0, sizeof *r);
}

BaleStatus bale_build(const BaleOptions *o, BaleResult *result) {
    BaleResult dropped;
    BaleResult *r = result ? result : &dropped;
    memset(r, 0, sizeof *r);
    ResultStore *store = mem_zalloc(sizeof *store);
    arena_init(&store->arena, 0);
    r->internal_ = store;

    DiagList diags;
    diag_init(&diags);
    validate(o, &diags);
    BaleStatus st = BALE_ERR_INVALID_OPTIONS;
    if (diags.errors) {
        translate_diags(&diags, o, store, r);
    } else {
        Compiler *c = compiler_new(o);
        st = compiler_run(c);
        translate(c, store, r);
        compiler_free(c);
    }
    diag_free(&diags);
    if (!result) bale_result_free(r);
    return st;
}
