/* resolve/context.c: the names a context module answers to (see
 * context.h for the rules).
 * In:  a pattern (texts and holes) and the issuer's directory.  Out: the
 *      names, one call of the sink each, in no particular order.
 * Reads the file system only through the directory cache.  Memory: the
 * pattern and the walk's stack on the heap, freed before returning.
 * Runs on worker threads, during BUILD (make/context.c).
 *
 * The pattern is first made canonical: its texts joined, its holes joined,
 * so that it is text (hole text)*, and each hole marked by whether it may
 * hold slashes.  The walk then goes down from the directory of the first
 * text, one listing per directory (depth-first, on an explicit stack),
 * into subdirectories only when some hole may hold slashes, and tests
 * each file's names against the pattern: a test keeps the set of
 * positions each piece can end at, so it is linear in the name's length
 * times the pieces, whatever the holes. */
#include "resolve/context.h"

#include "base/mem.h"
#include "resolve/dircache.h"
#include "resolve/path.h"

#include <string.h>

enum { HOLE_NONE, HOLE_SEGMENT, HOLE_ANY };

/* Piece i of the canonical pattern: text[start, start + len), then a hole
 * (HOLE_NONE after the last). */
typedef struct Seg {
    uint32_t start, len;
    uint8_t hole;
} Seg;

typedef struct Pattern {
    VecChar text;          /* every text, joined */
    VEC(Seg) segs;
    bool any;              /* some hole may hold slashes: the walk goes into subdirectories */
} Pattern;

static void pattern_make(Pattern *p, const ResolvePiece *pieces, uint32_t n) {
    memset(p, 0, sizeof *p);
    VEC_PUSH(&p->segs, ((Seg){0, 0, HOLE_NONE}));
    for (uint32_t i = 0; i < n; i++) {
        Seg *last = &p->segs.data[p->segs.len - 1];
        if (pieces[i].text) {
            if (!pieces[i].len) continue;
            if (last->hole != HOLE_NONE) {
                VEC_PUSH(&p->segs, ((Seg){p->text.len, 0, HOLE_NONE}));
                last = &p->segs.data[p->segs.len - 1];
            }
            memcpy(VEC_GROW(&p->text, pieces[i].len), pieces[i].text, pieces[i].len);
            last->len += pieces[i].len;
        } else if (last->hole == HOLE_NONE) {
            /* esbuild: a hole right after "/" may hold slashes ("a/" x -> a/ + any directories) */
            bool slash = last->len && p->text.data[last->start + last->len - 1] == '/';
            last->hole = slash ? HOLE_ANY : HOLE_SEGMENT;
            if (slash) p->any = true;
        }
    }
}

static void pattern_free(Pattern *p) {
    VEC_FREE(&p->text);
    VEC_FREE(&p->segs);
}

/* Whether s[0..n) is a name the pattern describes. */
static bool matches(const Pattern *p, const char *s, uint32_t n) {
    uint8_t reach[PATH_CAP + 1], next[PATH_CAP + 1];
    if (n > PATH_CAP) return false;
    memset(reach, 0, n + 1);
    reach[0] = 1;
    for (uint32_t i = 0; i < p->segs.len; i++) {
        const Seg *g = &p->segs.data[i];
        const char *t = p->text.data + g->start;
        /* the text: from every reachable position where it follows */
        memset(next, 0, n + 1);
        bool any = false;
        for (uint32_t q = 0; q + g->len <= n; q++) {
            if (reach[q] && !memcmp(s + q, t, g->len)) {
                next[q + g->len] = 1;
                any = true;
            }
        }
        if (!any) return false;
        /* then the hole: any text (without a slash for a SEGMENT hole) */
        if (g->hole != HOLE_NONE) {
            bool on = false;
            for (uint32_t q = 0; q <= n; q++) {
                if (next[q]) on = true;
                next[q] = on;
                if (g->hole == HOLE_SEGMENT && q < n && s[q] == '/') on = false;
            }
        }
        memcpy(reach, next, n + 1);
    }
    return reach[n];
}

/* Sends name[0..n) (NUL-terminated in its buffer's copy) when it matches. */
static void offer(const Pattern *p, const ResolveContextSink *sink, const char *name, uint32_t n) {
    if (!matches(p, name, n)) return;
    char buf[PATH_CAP + 1];
    memcpy(buf, name, n);
    buf[n] = '\0';
    sink->key(sink->ctx, buf, n);
}

/* The names a file answers to: its own, and for require() the ones
 * Node's require finds it by (context.h). */
static void offer_file(const Pattern *p, const ResolveContextSink *sink, BaleImportKind kind, const char *key,
                       uint32_t n) {
    offer(p, sink, key, n);
    if (kind != BALE_IMPORT_REQUIRE) return;
    uint32_t base = n;
    while (base > 0 && key[base - 1] != '/') base--;
    uint32_t dot = n;
    while (dot > base && key[dot - 1] != '.') dot--;
    if (dot <= base + 1) return; /* no extension */
    uint32_t stem = dot - 1;     /* key[0..stem): without the extension */
    offer(p, sink, key, stem);
    if (stem - base == 5 && !memcmp(key + base, "index", 5) && base >= 2) {
        offer(p, sink, key, base);     /* "./lang/sub/" */
        offer(p, sink, key, base - 1); /* "./lang/sub" */
    }
}

typedef struct Frame {
    DirInfo *dir;
    uint32_t rel, rel_len; /* the directory below the pattern's, "sub/x/": a slice of the walk's names */
} Frame;

ResolveContextStatus resolve_context(Resolver *r, const char *issuer_dir, const ResolvePiece *pieces, uint32_t n,
                                     BaleImportKind kind, const ResolveContextSink *sink) {
    Pattern p;
    pattern_make(&p, pieces, n);
    /* The directory of the first text, as written ("./a/../b/") and absolute. */
    const Seg *first = &p.segs.data[0];
    uint32_t dir_len = first->len;
    while (dir_len > 0 && p.text.data[first->start + dir_len - 1] != '/') dir_len--;
    const char *written = p.text.data + first->start;
    PathBuf abs;
    path_resolve(&abs, issuer_dir, strlen(issuer_dir), written, dir_len);
    DirCache *cache = resolver_dircache(r);
    DirInfo *root = abs.overflow ? NULL : dircache_dir(cache, abs.s, abs.len);
    if (!root || !root->exists) {
        pattern_free(&p);
        return RESOLVE_CONTEXT_NO_DIR;
    }
    if (p.segs.len == 1 && p.segs.data[0].hole == HOLE_NONE) {
        /* No hole ('./a/' + 'b'): one name, which the resolver finds as any other. */
        offer(&p, sink, written, first->len);
        pattern_free(&p);
        return RESOLVE_CONTEXT_OK;
    }
    VecChar names = {0}; /* the walk's relative directory names */
    VEC(Frame) stack = {0};
    VEC_PUSH(&stack, ((Frame){root, 0, 0}));
    char key[PATH_CAP + 1];
    memcpy(key, written, dir_len);
    while (stack.len) {
        Frame f = VEC_POP(&stack);
        uint32_t count = dircache_count(f.dir);
        for (uint32_t i = 0; i < count; i++) {
            uint32_t len;
            const char *name = dircache_name(f.dir, i, &len);
            if (name[0] == '.') continue;
            bool link;
            EntryKind k = dircache_kind_at(cache, f.dir, i, &link);
            uint32_t klen = dir_len + f.rel_len + len;
            if (klen + 1 > PATH_CAP) continue;
            if (k == ENTRY_DIR && p.any && !link) {
                DirInfo *child = dircache_child(cache, f.dir, name, len);
                uint32_t at = names.len;
                char *dst = VEC_GROW(&names, f.rel_len + len + 1);
                if (f.rel_len) memcpy(dst, names.data + f.rel, f.rel_len);
                memcpy(dst + f.rel_len, name, len);
                dst[f.rel_len + len] = '/';
                VEC_PUSH(&stack, ((Frame){child, at, f.rel_len + len + 1}));
            } else if (k == ENTRY_FILE && sink->loadable(name, len)) {
                if (f.rel_len) memcpy(key + dir_len, names.data + f.rel, f.rel_len);
                memcpy(key + dir_len + f.rel_len, name, len);
                offer_file(&p, sink, kind, key, klen);
            }
        }
    }
    VEC_FREE(&stack);
    VEC_FREE(&names);
    pattern_free(&p);
    return RESOLVE_CONTEXT_OK;
}

void resolve_context_glob(const ResolvePiece *pieces, uint32_t n, VecChar *out) {
    Pattern p;
    pattern_make(&p, pieces, n);
    for (uint32_t i = 0; i < p.segs.len; i++) {
        const Seg *g = &p.segs.data[i];
        if (g->len) memcpy(VEC_GROW(out, g->len), p.text.data + g->start, g->len);
        if (g->hole == HOLE_ANY) memcpy(VEC_GROW(out, 4), "**/*", 4);
        else if (g->hole == HOLE_SEGMENT) VEC_PUSH(out, '*');
    }
    pattern_free(&p);
}
