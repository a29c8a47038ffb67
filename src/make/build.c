/* make/build.c: BUILD (worker), BUILD_RESULT and PROCESS_DEPENDENCIES (main).
 *
 * BUILD makes a fresh arena for the module, reads the file into it once,
 * and runs the front end: for JavaScript the parser (with the goal ADD
 * picked: see factorize.c), the AST height check, the scope pass
 * and the module record; for JSON a strict RFC 8259 check (the JSON has no
 * requests, and code generation can emit its text as it is).  The arena and
 * the body in it are handed to the main thread by value in BUILD_RESULT;
 * from then on they are the module's and read-only to workers.
 * PROCESS_DEPENDENCIES turns the record's requests into the module's
 * dependencies, grouping equal requests (same text and import kind) into one
 * MakeRequest, and queues one FACTORIZE for all of them.
 * Memory: the module's arena (source, AST, body, requests); the worker's
 * scratch arena for the JSON checker's nesting stack. */
#include "make/task.h"

#include "base/clock.h"
#include "base/fs.h"
#include "js/parser.h"
#include "resolve/path.h"

#include <string.h>

/* ---- JSON ------------------------------------------------------------- */

static uint32_t skip_ws(const char *s, uint32_t p, uint32_t len) {
    while (p < len && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' || s[p] == '\r')) p++;
    return p;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

/* string = '"' chars '"'; returns the offset after it, or an error offset
 * with *bad set. */
static uint32_t scan_string(const char *s, uint32_t p, uint32_t len, bool *bad) {
    p++; /* the opening quote */
    while (p < len) {
        unsigned char c = (unsigned char)s[p];
        if (c == '"') return p + 1;
        if (c < 0x20) break;
        if (c == '\\') {
            char e = p + 1 < len ? s[p + 1] : 0;
            if (e == 'u') {
                for (uint32_t k = 2; k < 6; k++)
                    if (p + k >= len || !is_hex(s[p + k])) {
                        *bad = true;
                        return p;
                    }
                p += 6;
                continue;
            }
            if (!e || !strchr("\"\\/bfnrt", e)) break;
            p += 2;
            continue;
        }
        p++;
    }
    *bad = true;
    return p;
}

/* number = '-'? int frac? exp? */
static uint32_t scan_number(const char *s, uint32_t p, uint32_t len, bool *bad) {
    uint32_t start = p;
    if (s[p] == '-') p++;
    if (p < len && s[p] == '0') p++;
    else if (p < len && is_digit(s[p])) while (p < len && is_digit(s[p])) p++;
    else goto fail;
    if (p < len && s[p] == '.') {
        p++;
        if (p >= len || !is_digit(s[p])) goto fail;
        while (p < len && is_digit(s[p])) p++;
    }
    if (p < len && (s[p] == 'e' || s[p] == 'E')) {
        p++;
        if (p < len && (s[p] == '+' || s[p] == '-')) p++;
        if (p >= len || !is_digit(s[p])) goto fail;
        while (p < len && is_digit(s[p])) p++;
    }
    return p;
fail:
    *bad = true;
    return p > start ? p : start;
}

/* "key": in an object, from *p (white space allowed before it) to past the
 * colon.  On failure *p is where it went wrong and *want what was expected. */
static bool scan_member_key(const char *s, uint32_t *p, uint32_t len, const char **want) {
    bool bad = false;
    *p = skip_ws(s, *p, len);
    *want = "a string key";
    if (*p >= len || s[*p] != '"') return false;
    *p = scan_string(s, *p, len, &bad);
    if (bad) return false;
    *p = skip_ws(s, *p, len);
    *want = "':'";
    if (*p >= len || s[*p] != ':') return false;
    (*p)++;
    *want = "a value";
    return true;
}

/* Checks that text is one JSON value, iteratively (a stack of open
 * containers in scratch), so deep nesting cannot overflow the C stack. */
static bool check_json(const char *s, uint32_t len, Arena *scratch, DiagList *diags, const DiagFile *file) {
    char *open = arena_alloc(scratch, (size_t)len + 1, 1);
    uint32_t depth = 0, p = 0;
    bool bad = false;
    const char *want = "a value";
    if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) p = 3; /* a byte order mark, as Node's require */
    for (;;) {
        /* value */
        p = skip_ws(s, p, len);
        if (p >= len) goto error;
        switch (s[p]) {
        case '{':
            p = skip_ws(s, p + 1, len);
            if (p < len && s[p] == '}') {
                p++;
                break;
            }
            open[depth++] = '{';
            if (!scan_member_key(s, &p, len, &want)) goto error;
            continue;
        case '[':
            p = skip_ws(s, p + 1, len);
            if (p < len && s[p] == ']') {
                p++;
                break;
            }
            open[depth++] = '[';
            continue;
        case '"':
            want = "a valid string";
            p = scan_string(s, p, len, &bad);
            if (bad) goto error;
            break;
        case 't': case 'f': case 'n': {
            const char *word = s[p] == 't' ? "true" : s[p] == 'f' ? "false" : "null";
            size_t n = strlen(word);
            if (len - p < n || memcmp(s + p, word, n)) goto error;
            p += (uint32_t)n;
            break;
        }
        default:
            if (s[p] != '-' && !is_digit(s[p])) goto error;
            want = "a valid number";
            p = scan_number(s, p, len, &bad);
            if (bad) goto error;
            break;
        }
        /* after a value: close containers, or a comma and the next member */
        for (;;) {
            p = skip_ws(s, p, len);
            if (!depth) goto end;
            char top = open[depth - 1];
            want = top == '{' ? "',' or '}'" : "',' or ']'";
            if (p >= len) goto error;
            if (s[p] == (top == '{' ? '}' : ']')) {
                depth--;
                p++;
                continue;
            }
            if (s[p] != ',') goto error;
            p++;
            break;
        }
        if (open[depth - 1] == '{' && !scan_member_key(s, &p, len, &want)) goto error;
        want = "a value";
    }
end:
    if (p == len) return true;
    want = "the end of the file";
error:
    if (p > len) p = len;
    if (p >= len) diag_add(diags, DIAG_ERROR, DIAG_JSON, file, len, len, "invalid JSON: expected %s but found the end of the file", want);
    else diag_add(diags, DIAG_ERROR, DIAG_JSON, file, p, p + 1, "invalid JSON: expected %s", want);
    return false;
}

/* ---- BUILD ------------------------------------------------------------- */

static bool build_js(MakeCtx *ctx, JsGoal goal, Arena *arena, ModuleBody *b, DiagList *diags) {
    uint64_t t0 = clock_now_ns();
    bool ok = js_parse(b->file.text, b->file.len, goal, arena, diags, &b->file, &b->ast) &&
              js_check_height(&b->ast, diags, &b->file);
    uint64_t t1 = clock_now_ns();
    profile_add_ns(ctx->profile, ctx->prof.parse, t1 - t0);
    if (!ok) return false;
    ok = js_scope_build(&b->ast, b->file.text, diags, &b->file, &b->scopes);
    uint64_t t2 = clock_now_ns();
    profile_add_ns(ctx->profile, ctx->prof.scope, t2 - t1);
    if (!ok) return false;
    js_record_build(&b->ast, &b->scopes, &b->record);
    profile_add_ns(ctx->profile, ctx->prof.record, clock_now_ns() - t2);
    return true;
}

void build_run(MakeCtx *ctx, const BuildTask *t, Task *out, PoolWorker *w) {
    DiagList *diags = &ctx->worker_diags[w->index];
    const char *path = t->path->str;
    Arena arena;
    arena_init(&arena, 0);
    ModuleBody *b = ARENA_NEW(&arena, ModuleBody);
    b->file.path = graph_display_path(&arena, ctx->cwd, path);
    b->dir = arena_strndup(&arena, path, path_dir_len(path, t->path->len));
    bool ok = false, io_error = false;

    uint64_t t0 = clock_now_ns();
    FsFile f;
    FsStatus st = fs_read_file(path, &arena, &f);
    profile_add_ns(ctx->profile, ctx->prof.read, clock_now_ns() - t0);
    if (st != FS_OK) {
        diag_add(diags, DIAG_ERROR, DIAG_IO, &b->file, 0, 0, "cannot read file: %s", fs_status_str(st, f.errno_value));
        io_error = true;
    } else if (f.len > UINT32_MAX - 64) {
        diag_add(diags, DIAG_ERROR, DIAG_IO, &b->file, 0, 0, "file too large (bale reads files below 4 GiB)");
        io_error = true;
    } else {
        b->file.text = f.data;
        b->file.len = (uint32_t)f.len;
        b->size = f.len;
        profile_count(ctx->profile, ctx->prof.files, 1);
        profile_count(ctx->profile, ctx->prof.bytes, f.len);
        switch ((ModuleKind)t->kind) {
        case MODULE_JS: ok = build_js(ctx, (JsGoal)t->goal, &arena, b, diags); break;
        case MODULE_JSON: {
            uint64_t t1 = clock_now_ns();
            ok = check_json(b->file.text, b->file.len, &w->scratch, diags, &b->file);
            profile_add_ns(ctx->profile, ctx->prof.json, clock_now_ns() - t1);
            break;
        }
        case MODULE_EMPTY: break; /* never built */
        }
    }
    out->kind = TASK_BUILD_RESULT;
    /* The arena is copied last: nothing may be allocated in it after this. */
    out->build_result = (BuildResultTask){.module = t->module, .ok = ok, .io_error = io_error, .arena = arena, .body = b};
}

void build_result_run(MakeCtx *ctx, BuildResultTask *t) {
    Module *m = graph_module(ctx->graph, t->module);
    m->arena = t->arena;
    m->body = t->body;
    m->state = t->ok ? MODULE_BUILT : MODULE_FAILED;
    if (t->io_error) ctx->io_error = true;
    if (t->ok && t->body->record.deps.len) {
        Task next = {.kind = TASK_PROCESS_DEPENDENCIES};
        next.process_deps = (ProcessDepsTask){t->module};
        make_push(ctx, &next);
    }
}

/* ---- PROCESS_DEPENDENCIES --------------------------------------------- */

void process_deps_run(MakeCtx *ctx, const ProcessDepsTask *t) {
    ModuleGraph *g = ctx->graph;
    Module *m = graph_module(g, t->module);
    const JsRecord *rec = &m->body->record;
    uint32_t n = rec->deps.len;
    MakeRequest *rqs = ARENA_ZARRAY(&m->arena, MakeRequest, n);
    uint32_t nreq = 0, first = g->deps.len;
    Map *group = &ctx->group;
    map_clear(group);
    VEC_RESERVE(&g->deps, n);
    for (uint32_t i = 0; i < n; i++) {
        const JsDep *d = &rec->deps.data[i];
        if (d->flags & JS_DEP_NOT_STRING) continue; /* require(expr): nothing to follow */
        BaleImportKind kind = d->kind == JS_DEP_REQUIRE ? BALE_IMPORT_REQUIRE : BALE_IMPORT_ESM;
        unsigned shift = kind == BALE_IMPORT_REQUIRE ? 32 : 0;
        bool inserted;
        MapSlot *slot = map_entry_str(group, d->source, d->source_len, 0, 0, &inserted);
        uint32_t index = (uint32_t)(slot->value >> shift);
        if (!index) {
            index = ++nreq;
            slot->value |= (uint64_t)index << shift;
            MakeRequest *rq = &rqs[index - 1];
            rq->source = arena_strndup(&m->arena, d->source, d->source_len);
            rq->start = d->start;
            rq->end = d->end;
            rq->kind = (uint8_t)kind;
            rq->optional = d->flags & JS_DEP_IN_TRY;
        } else if (!(d->flags & JS_DEP_IN_TRY) && rqs[index - 1].optional) {
            MakeRequest *rq = &rqs[index - 1]; /* a use outside try: errors are real */
            rq->optional = false;
            rq->start = d->start;
            rq->end = d->end;
        }
        Dependency dep = {.from = t->module, .record_dep = i + 1, .request = index - 1, .kind = d->kind};
        VEC_PUSH(&g->deps, dep);
    }
    m->requests = rqs;
    m->nrequests = nreq;
    m->ndeps = g->deps.len - first;
    m->first_dep = m->ndeps ? first + 1 : 0;
    if (!nreq) return;
    Task f = {.kind = TASK_FACTORIZE};
    f.factorize = (FactorizeTask){.issuer = t->module, .issuer_dir = m->body->dir, .file = &m->body->file,
                                  .requests = rqs, .count = nreq};
    make_submit(ctx, &f);
}
