/* output/chunk_text.c: a chunk's text from its modules' code.
 * In:  the chunk (entry and modules in id order) and each module's
 *      generated wrapper function.  Out: the chunk's bytes (heap VecChar).
 * Order: the seal's render pass, after code generation.
 *
 * A chunk is the runtime (only the helpers its modules use), the module
 * table and the evaluation of the entry, wrapped for the format:
 *
 *   iife:  (() => { runtime; var __bale_modules__ = {...}; __bale_require__(entry); })();
 *   cjs:   runtime; var __bale_modules__ = {...}; module.exports = __bale_require__(entry);
 *   esm:   imports of externals; runtime; var __bale_modules__ = {...};
 *          an ES module entry's own code as the top level, with its
 *          export { ... } (module_text.c); a CommonJS entry's exports
 *          (default and its lexer's names)
 *
 * The table is an object literal keyed by module id, each module preceded
 * by its path as a comment, in id order, so the text depends only on the
 * graph. */
#include "output/output.h"

#include "base/map.h"
#include "make/graph.h"
#include "output/edits.h"
#include "output/minify.h"

#include <stdlib.h>
#include <string.h>

/* A chunk being written.  With --minify the chunk's own lines are a
 * skeleton: each module's code (already minified, codegen.c) is a
 * placeholder name in it, the skeleton is minified like a module (only
 * its bindings named __bale... keep their names: modules refer to them),
 * and the pieces go back where their placeholders are. */
typedef struct Piece {
    const VecChar *text;
    uint32_t place; /* 1 + index into OutChunk.places, or 0 */
    bool statements;
} Piece;

typedef struct Render {
    VecChar *out;
    const OutChunk *chunk;
    bool minify;
    VEC(Piece) pieces;
} Render;

#define PLACEHOLDER "__bale_piece_"

/* Module id's code text (with its map segs, may be NULL) at the end of out. */
static void piece(Render *r, ModuleId id, const VecChar *text, const OutMapSegs *segs, bool statements) {
    const OutChunk *chunk = r->chunk;
    VecChar *out = r->out;
    uint32_t place = 0;
    if (chunk->places && segs && segs->len) {
        VEC_PUSH(chunk->places, ((OutPlace){.offset = out->len, .len = text->len, .source = id, .segs = segs->data,
                                            .nsegs = segs->len}));
        place = chunk->places->len;
    }
    if (!r->minify) {
        out_append(out, text->data, text->len);
        return;
    }
    if (!text->len) return;
    VEC_PUSH(&r->pieces, ((Piece){text, place, statements}));
    out_printf(out, PLACEHOLDER "%u__%s", r->pieces.len - 1, statements ? ";\n" : "");
}

static void path_comment(Render *r, const char *cwd, const Module *m) {
    if (r->minify) return;
    VecChar *out = r->out;
    Arena a;
    arena_init(&a, 0);
    const char *p = m->body ? m->body->file.path : graph_display_path(&a, cwd, m->path->str);
    out_puts(out, "// ");
    out_comment_text(out, p, strlen(p));
    if (m->kind == MODULE_EMPTY) out_puts(out, " (empty)");
    VEC_PUSH(out, '\n');
    arena_free(&a);
}

/* The entry's "#!" line (after a byte order mark, if any), as the chunk's
 * first line: a bundled command-line tool stays runnable. */
static void hashbang(const Module *entry, VecChar *out) {
    if (entry->kind != MODULE_JS || !entry->body) return;
    const char *s = entry->body->file.text;
    uint32_t len = entry->body->file.len, p = len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3) ? 3 : 0;
    if (len < p + 2 || s[p] != '#' || s[p + 1] != '!') return;
    uint32_t e = p;
    while (e < len && s[e] != '\n' && s[e] != '\r') e++;
    out_append(out, s + p, e - p);
    VEC_PUSH(out, '\n');
}

/* Format esm: one `import * as` per external module that a module of the
 * chunk imports statically, in the order of the modules (ids: the order
 * they first run) and of their imports, each specifier once; modules read
 * the namespace by the name out_external_name gives. */
static void external_imports(const ModuleGraph *g, const OutChunk *chunk, VecChar *out) {
    Map seen = {0};
    for (uint32_t i = 0; i < chunk->nmodules; i++) {
        const Module *m = graph_module(g, chunk->modules[i]);
        if (m->kind != MODULE_JS || !m->body) continue;
        const JsRecord *r = &m->body->record;
        for (uint32_t j = 0; j < m->ndeps; j++) {
            const Dependency *d = graph_dep(g, m->first_dep + j);
            if (d->outcome != RESOLVE_EXTERNAL || (d->kind != JS_DEP_IMPORT && d->kind != JS_DEP_EXPORT_FROM)) continue;
            const JsDep *jd = &r->deps.data[d->record_dep - 1];
            if (!map_put_str(&seen, jd->source, jd->source_len, 1)) continue;
            out_puts(out, "import * as ");
            out_external_name(jd->source, jd->source_len, out);
            out_puts(out, " from ");
            out_js_string(out, jd->source, jd->source_len);
            out_puts(out, ";\n");
        }
    }
    map_free(&seen);
}


/* With a module that looks at require.main: the entry is require.main
 * when the bundle is Node's main module, else require.main is what the
 * bundle's is (undefined under ESM). */
static void main_module(const ModuleGraph *g, const OutChunk *chunk, const BaleOptions *o, uint32_t req, VecChar *out) {
    if (req & OUT_RT_MODULE_REQUIRE) {
        if (o->format == BALE_FORMAT_ESM)
            out_puts(out, "var __bale_is_main__ = typeof __bale_req__ === \"function\" && typeof process === \"object\" && !!process.argv[1] && "
                          "__bale_req__(\"path\").resolve(process.argv[1]) === __bale_filename__;\n");
        else
            out_puts(out, "var __bale_is_main__ = typeof module === \"object\" && typeof require === \"function\" && "
                          "require.main === module;\n");
        out_printf(out, "__bale_main__ = __bale_is_main__ ? __bale_module__(%u) : %s;\n", chunk->entry,
                   o->format == BALE_FORMAT_ESM ? "void 0" : "typeof require === \"function\" ? require.main : void 0");
        if (!graph_module_is_esm(g, chunk->entry)) out_printf(out, "if (__bale_is_main__) __bale_module__(%u).id = \".\";\n", chunk->entry);
    }
}

/* Scope hoisting: the hoisted modules' pre (namespaces, exports objects
 * read, names), then the program: each hoisted module's code, and the
 * table's modules run in their places; then the entry's exports.  With
 * formats iife and cjs it is a strict function of its own (the table's
 * CommonJS functions outside it keep their sloppy mode); with esm the
 * bundle is the module. */
static void hoisted_top_level(Render *r, const ModuleGraph *g, const OutModuleCode *codes, const OutChunk *chunk,
                              const BaleOptions *o, const char *cwd, uint32_t req) {
    VecChar *out = r->out;
    bool esm = o->format == BALE_FORMAT_ESM;
    if (!esm) { /* (under an ES entry Node's require.main is undefined) */
        main_module(g, chunk, o, req, out);
        out_puts(out, "(function () {\n\"use strict\";\n");
    }
    bool names = false; /* the renamed functions' names back, in one call */
    for (uint32_t i = 0; i < chunk->nprogram; i++) {
        uint32_t p = chunk->program[i];
        if (p & OUT_PROGRAM_REQUIRE || !codes[p - 1].fn_names.len) continue;
        out_puts(out, names ? ", " : "__bale_names__(");
        out_append(out, codes[p - 1].fn_names.data, codes[p - 1].fn_names.len);
        names = true;
    }
    if (names) out_puts(out, ");\n");
    for (uint32_t i = 0; i < chunk->nprogram; i++) {
        uint32_t p = chunk->program[i];
        if (!(p & OUT_PROGRAM_REQUIRE)) piece(r, p, &codes[p - 1].pre, NULL, true);
    }
    for (uint32_t i = 0; i < chunk->nprogram; i++) {
        uint32_t p = chunk->program[i];
        if (p & OUT_PROGRAM_REQUIRE) {
            out_printf(out, "__bale_require__(%u);\n", p & ~OUT_PROGRAM_REQUIRE);
            continue;
        }
        const VecChar *t = &codes[p - 1].text;
        if (!t->len) continue; /* nothing of it is kept: its imports ran above */
        path_comment(r, cwd, graph_module(g, p));
        piece(r, p, t, &codes[p - 1].text_map, true);
    }
    const OutModuleCode *entry = &codes[chunk->entry - 1];
    switch (o->format) {
    case BALE_FORMAT_ESM: piece(r, chunk->entry, &entry->tail, NULL, true); break;
    case BALE_FORMAT_CJS:
        out_printf(out, "})();\nmodule.exports = __bale_cjs__(__bale_esm__(%u));\n", chunk->entry);
        break;
    case BALE_FORMAT_IIFE: out_puts(out, "})();\n})();\n"); break;
    }
}

/* --splitting: a chunk the entry's loader brings (runtime.c): its
 * modules' functions for the entry's table. */
static void render_loaded(Render *r, const ModuleGraph *g, const OutModuleCode *codes, const OutChunk *chunk,
                          const BaleOptions *o, const char *cwd) {
    VecChar *out = r->out;
    out_runtime_chunk_head(o->format, chunk->split, chunk->number, chunk->split_names, out);
    for (uint32_t i = 0; i < chunk->nmodules; i++) {
        ModuleId id = chunk->modules[i];
        path_comment(r, cwd, graph_module(g, id));
        out_printf(out, "%u: ", id);
        piece(r, id, &codes[id - 1].text, &codes[id - 1].text_map, false);
        out_puts(out, ",\n");
    }
    out_runtime_chunk_tail(o->format, out);
}

/* --splitting with several entries: the runtime chunk, which holds the
 * one module table, cache and loader, and gives the helpers to every
 * entry and chunk. */
static void render_runtime(const OutChunk *chunk, const BaleOptions *o, VecChar *out) {
    bool iife = o->format == BALE_FORMAT_IIFE;
    if (iife) out_puts(out, "(() => {\n");
    out_runtime_write(chunk->split_runtime, out);
    out_puts(out, "var __bale_modules__ = {};\n");
    out_runtime_loader(o->format, chunk->split, chunk->split_names, out);
    if (iife) {
        out_runtime_iife_runtime_tail(out);
        out_puts(out, "})();\n");
        return;
    }
    out_puts(out, o->format == BALE_FORMAT_ESM ? "export { __bale_rt__ };\n" : "module.exports = __bale_rt__;\n");
}

/* An entry of such a build: the runtime chunk's helpers, then the chunks
 * it shares with the other entries, in the table. */
static void external_runtime(const OutChunk *chunk, const BaleOptions *o, VecChar *out) {
    bool esm = o->format == BALE_FORMAT_ESM;
    size_t rl = strlen(chunk->runtime_spec);
    out_puts(out, esm ? "import { __bale_rt__ } from " : "var __bale_rt__ = require(");
    out_js_string(out, chunk->runtime_spec, rl);
    out_puts(out, esm ? ";\n" : ");\n");
    for (uint32_t k = 0; k < chunk->ninitial; k++) {
        out_printf(out, esm ? "import __bale_chunk%u__ from " : "var __bale_chunk%u__ = require(", k);
        out_js_string(out, chunk->initial[k], strlen(chunk->initial[k]));
        out_puts(out, esm ? ";\n" : ");\n");
    }
    out_runtime_take(chunk->split_names, out);
    for (uint32_t k = 0; k < chunk->ninitial; k++) out_printf(out, "__bale_install__(__bale_chunk%u__);\n", k);
}

static void render(Render *r, const ModuleGraph *g, const OutModuleCode *codes, const OutChunk *chunk,
                   const BaleOptions *o, const char *cwd, DiagList *diags) {
    VecChar *out = r->out;
    if (chunk->runtime_only) {
        render_runtime(chunk, o, out);
        return;
    }
    if (!chunk->entry) {
        render_loaded(r, g, codes, chunk, o, cwd);
        return;
    }
    bool shared_rt = chunk->runtime_spec != NULL; /* several entries' one runtime */
    bool loads = chunk->split && (chunk->split->nchunks || shared_rt); /* the entry of a split build */
    uint32_t req = loads ? chunk->split_runtime : 0;
    for (uint32_t i = 0; i < chunk->nmodules; i++) req |= codes[chunk->modules[i] - 1].runtime;
    if (o->format == BALE_FORMAT_CJS && graph_module_is_esm(g, chunk->entry)) req |= OUT_RT_CJS;
    uint8_t *hoisted = NULL;
    bool table = !chunk->program;
    if (chunk->program) {
        hoisted = calloc(g->modules.len + 1, 1);
        for (uint32_t i = 0; i < chunk->nprogram; i++)
            if (!(chunk->program[i] & OUT_PROGRAM_REQUIRE)) hoisted[chunk->program[i]] = 1;
            else table = true;
        for (uint32_t i = 0; i < chunk->nmodules; i++) table |= !hoisted[chunk->modules[i]];
        table |= loads; /* the chunks' modules join it */
        if (!table) req |= OUT_RT_NO_TABLE;
    }
    hashbang(graph_module(g, chunk->entry), out);
    bool iife = o->format == BALE_FORMAT_IIFE;
    if (iife && shared_rt) { /* (closed by out_render_chunk) */
        out_puts(out, "(() => {\n");
        out_runtime_boot_head(chunk->split, chunk->number, chunk->split_names, out);
    }
    if (iife) out_puts(out, "(() => {\n");
    if (o->format == BALE_FORMAT_ESM) external_imports(g, chunk, out);
    if (shared_rt) {
        if (!iife) external_runtime(chunk, o, out);
    } else {
        out_runtime_write(req, out);
        if (loads) out_runtime_loader(o->format, chunk->split, chunk->split_names, out);
    }
    if (table) out_puts(out, shared_rt ? "__bale_install__(function () { return {\n" : "var __bale_modules__ = {\n");
    const OutModuleCode *entry = &codes[chunk->entry - 1];
    bool top = entry->top.len > 0;
    for (uint32_t i = 0; i < chunk->nmodules; i++) {
        ModuleId id = chunk->modules[i];
        const VecChar *t = &codes[id - 1].text;
        if (hoisted && hoisted[id]) continue; /* in the top level, below */
        if (top && id == chunk->entry) {
            if (!entry->async) continue;
            t = &entry->stub; /* the entry's code is the top level, below */
        }
        path_comment(r, cwd, graph_module(g, id));
        out_printf(out, "%u: ", id);
        piece(r, id, t, t == &codes[id - 1].text ? &codes[id - 1].text_map : NULL, false);
        out_puts(out, ",\n");
    }
    if (table) out_puts(out, shared_rt ? "}; });\n" : "};\n");
    free(hoisted);
    if (chunk->program) {
        hoisted_top_level(r, g, codes, chunk, o, cwd, req);
        return;
    }
    if (top) {
        /* format esm, an ES module entry: its code is the bundle's, its
         * exports the bundle's (module_text.c) */
        path_comment(r, cwd, graph_module(g, chunk->entry));
        piece(r, chunk->entry, &entry->top, &entry->top_map, true);
        return;
    }
    main_module(g, chunk, o, req, out);
    if (codes[chunk->entry - 1].async) {
        /* the entry awaits (itself or through its imports): only an ES
         * module can make its importers wait for it (with format esm it is
         * the bundle's top level, above).  The error points at its first
         * await, else at its first import of an async module. */
        {
            const Module *e = graph_module(g, chunk->entry);
            const JsRecord *rec = &e->body->record;
            uint32_t start = 0, end = 0;
            if (rec->top_level_await.len) {
                start = rec->top_level_await.data[0].start, end = rec->top_level_await.data[0].end;
            } else {
                for (uint32_t j = e->ndeps; j-- > 0;) {
                    const Dependency *d = graph_dep(g, e->first_dep + j);
                    if (d->to && codes[d->to - 1].async && d->kind != JS_DEP_DYNAMIC_IMPORT)
                        start = rec->deps.data[d->record_dep - 1].start, end = rec->deps.data[d->record_dep - 1].end;
                }
            }
            diag_add(diags, DIAG_ERROR, DIAG_TOP_LEVEL_AWAIT, &e->body->file, start, end,
                     "this entry point uses top-level await (%s), which needs --format=esm",
                     rec->top_level_await.len ? "here" : "in a module it imports");
            return;
        }
    }
    switch (o->format) {
    case BALE_FORMAT_IIFE: out_printf(out, "__bale_require__(%u);\n})();\n", chunk->entry); break;
    case BALE_FORMAT_CJS:
        if (graph_module_is_esm(g, chunk->entry)) out_printf(out, "module.exports = __bale_cjs__(__bale_require__(%u));\n", chunk->entry);
        else out_printf(out, "module.exports = __bale_require__(%u);\n", chunk->entry);
        break;
    case BALE_FORMAT_ESM:
        if (entry->tail.len) {
            piece(r, chunk->entry, &entry->tail, NULL, true);
            break;
        }
        /* a JSON or empty entry (an ES module entry is the top level, a
         * CommonJS one has its tail): its value is the default export */
        out_printf(out, "var __bale_entry__ = __bale_require__(%u);\nexport default __bale_entry__;\n", chunk->entry);
        break;
    }
}

/* The minified skeleton's placeholders replaced by their pieces (see
 * Render): out is rewritten, the places' offsets follow their pieces. */
static void fill_pieces(Render *r, const VecChar *skeleton) {
    VecChar *out = r->out;
    const char *s = skeleton->data;
    uint32_t n = skeleton->len, i = 0, plen = (uint32_t)strlen(PLACEHOLDER);
    while (i < n) {
        const char *hit = i + plen <= n ? memmem(s + i, n - i, PLACEHOLDER, plen) : NULL;
        uint32_t at = hit ? (uint32_t)(hit - s) : n;
        out_append(out, s + i, at - i);
        if (!hit) break;
        uint32_t k = 0, j = at + plen;
        while (j < n && s[j] >= '0' && s[j] <= '9') k = k * 10 + (uint32_t)(s[j++] - '0');
        j += 2; /* the "__" */
        const Piece *pc = &r->pieces.data[k];
        if (pc->statements && j < n && s[j] == ';') j++; /* the piece ends its own statements */
        if (pc->place) r->chunk->places->data[pc->place - 1].offset = out->len;
        out_append(out, pc->text->data, pc->text->len);
        i = j;
    }
}

/* --minify: the modules' legal comments, each once, in module order (at
 * the end with esbuild's --legal-comments=eof; for OUT.LEGAL.txt with
 * external and linked). */
static void legal_comments(const OutModuleCode *codes, const OutChunk *chunk, VecChar *out) {
    Map seen = {0};
    for (uint32_t i = 0; i < chunk->nmodules; i++) {
        const VecChar *l = &codes[chunk->modules[i] - 1].legal;
        for (uint32_t at = 0; at < l->len;) {
            uint32_t n = (uint32_t)strlen(l->data + at);
            if (map_put_str(&seen, l->data + at, n, 1)) {
                out_append(out, l->data + at, n);
                VEC_PUSH(out, '\n');
            }
            at += n + 1;
        }
    }
    map_free(&seen);
}

void out_render_chunk(const ModuleGraph *g, const OutModuleCode *codes, const OutChunk *chunk,
                      const BaleOptions *o, const char *cwd, VecChar *out, DiagList *diags) {
    Render r = {.out = out, .chunk = chunk, .minify = out_minifying(o)};
    uint32_t start = out->len;
    render(&r, g, codes, chunk, o, cwd, diags);
    if (o->format == BALE_FORMAT_IIFE && chunk->entry && chunk->runtime_spec) {
        out_runtime_boot_tail(chunk->split, chunk->runtime_spec, out);
        out_puts(out, "})();\n");
    }
    if (!r.minify) return;
    /* the hashbang line stays as it is, then the skeleton minified */
    uint32_t head = start;
    if (out->len - start >= 2 && out->data[start] == '#' && out->data[start + 1] == '!')
        while (head < out->len && out->data[head++] != '\n') {
        }
    VecChar skeleton = {0};
    out_append(&skeleton, out->data + head, out->len - head);
    Arena a;
    arena_init(&a, 0);
    bool esm = o->format == BALE_FORMAT_ESM;
    if (!out_minify_skeleton(&skeleton, esm, o, &a))
        diag_add(diags, DIAG_WARNING, DIAG_INTERNAL, NULL, 0, 0,
                 "bale could not minify its own code around the modules (a bug in bale, please report it)");
    arena_free(&a);
    out->len = head;
    fill_pieces(&r, &skeleton);
    VEC_PUSH(out, '\n');
    if (o->legal_comments == BALE_LEGAL_EOF) {
        legal_comments(codes, chunk, out);
    } else if (chunk->legal) { /* external, linked */
        legal_comments(codes, chunk, chunk->legal);
        if (o->legal_comments == BALE_LEGAL_LINKED && chunk->legal->len)
            out_printf(out, "/*! For license information please see %s */\n", chunk->legal_name);
    }
    VEC_FREE(&skeleton);
    VEC_FREE(&r.pieces);
}
