/* output/sourcemap.c: source maps of bundles (sourcemap.h). */
#include "output/sourcemap.h"

#include "base/hash.h"
#include "base/mem.h"

#include <assert.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* A position in a text: byte offset, 0-based line and UTF-16 column. */
typedef struct Cursor {
    uint32_t off, line, col;
    bool cr; /* the byte before off is \r (a \n now ends no second line) */
} Cursor;

/* Consumes one character of s at c (a line terminator, or one byte of
 * UTF-8, counted as the UTF-16 units its code point takes); returns
 * whether a line ended. */
static bool step(Cursor *c, const char *s, uint32_t len) {
    unsigned char ch = (unsigned char)s[c->off];
    bool cr = c->cr;
    c->cr = false;
    if (ch == '\n') {
        c->off++;
        if (cr) return false; /* \r\n: one line end */
        c->line++, c->col = 0;
        return true;
    }
    if (ch == '\r') {
        c->off++, c->line++, c->col = 0, c->cr = true;
        return true;
    }
    if (ch == 0xE2 && c->off + 2 < len && (unsigned char)s[c->off + 1] == 0x80 &&
        ((unsigned char)s[c->off + 2] == 0xA8 || (unsigned char)s[c->off + 2] == 0xA9)) {
        c->off += 3, c->line++, c->col = 0; /* U+2028, U+2029 */
        return true;
    }
    c->off++;
    if (ch < 0x80) c->col++;
    else if (ch >= 0xF0) c->col += 2; /* a surrogate pair */
    else if (ch >= 0xC0) c->col++;    /* continuation bytes count nothing */
    return false;
}

/* The end of the run from p (before e) of bytes that are one column each
 * and end no line: all but \n, \r and non-ASCII; 16 bytes at a time (with
 * SSE2; else 8, as one 64-bit word). */
static const unsigned char *plain_run(const unsigned char *p, const unsigned char *e) {
#ifdef __SSE2__
    const __m128i nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    while (e - p >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)p);
        int stop = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, nl), _mm_cmpeq_epi8(x, cr)), x));
        if (stop) return p + __builtin_ctz((unsigned)stop);
        p += 16;
    }
#else
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    while (e - p >= 8) {
        uint64_t x;
        memcpy(&x, p, 8);
        uint64_t a = x ^ (ones * '\n'), b = x ^ (ones * '\r');
        if ((((a - ones) & ~a) | ((b - ones) & ~b) | x) & highs) break;
        p += 8;
    }
#endif
    while (p < e && *p != '\n' && *p != '\r' && *p < 0x80) p++;
    return p;
}

/* Moves c towards to (runs of plain ASCII at once); with stop, just after
 * the first line end it crosses.  Returns whether it crossed one. */
static bool move(Cursor *c, const char *s, uint32_t len, uint32_t to, bool stop) {
    if (to > len) to = len;
    while (c->off < to) {
        const unsigned char *p = (const unsigned char *)s + c->off, *q = plain_run(p, (const unsigned char *)s + to);
        if (q > p) { /* one column a byte */
            c->col += (uint32_t)(q - p);
            c->off += (uint32_t)(q - p);
            c->cr = false;
            continue;
        }
        if (step(c, s, len) && stop) return true;
    }
    return false;
}

static void advance(Cursor *c, const char *s, uint32_t len, uint32_t to) { move(c, s, len, to, false); }

static bool word(unsigned char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '$' ||
           ch >= 0x80;
}

static void push(OutMapSegs *segs, const Cursor *g, const Cursor *s, bool copy) {
    OutMapSeg x = {g->line, g->col, s->line, s->col, 0, copy, 0, g->off};
    if (segs->len && segs->data[segs->len - 1].gen_line == x.gen_line && segs->data[segs->len - 1].gen_col == x.gen_col)
        segs->data[segs->len - 1] = x; /* the later one says where these bytes come from */
    else VEC_PUSH(segs, x);
}

/* The length of the identifier (a word: ASCII letters, digits, _ and $,
 * or any non-ASCII byte) at s[at..len), 0 when none starts there. */
static uint32_t word_at(const char *s, uint32_t len, uint32_t at) {
    if (at >= len || (s[at] >= '0' && s[at] <= '9')) return 0;
    uint32_t e = at;
    while (e < len && word((unsigned char)s[e])) e++;
    return e - at;
}

uint32_t out_map_name(OutMapNames *names, const char *s, uint32_t len) {
    uint64_t h = hash_bytes(s, len), v;
    if (map_get_u64(&names->seen, h, &v) && !strncmp(out_map_name_str(names, (uint32_t)v), s, len) &&
        !out_map_name_str(names, (uint32_t)v)[len])
        return (uint32_t)v;
    VEC_PUSH(&names->at, names->text.len);
    out_append(&names->text, s, len);
    VEC_PUSH(&names->text, 0);
    map_put_u64(&names->seen, h, names->at.len);
    return names->at.len;
}

void out_map_names_free(OutMapNames *names) {
    VEC_FREE(&names->text);
    VEC_FREE(&names->at);
    map_free(&names->seen);
}

void out_map_segments(const char *text, uint32_t text_len, const char *src, uint32_t src_len, const OutSpan *spans,
                      uint32_t nspans, bool fine, OutMapSegs *segs, OutMapNames *names) {
    Cursor g = {0}, s = {0};
    for (uint32_t i = 0; i < nspans; i++) {
        const OutSpan *sp = &spans[i];
        advance(&g, text, text_len, sp->out);
        if (sp->src < s.off) s = (Cursor){0}; /* never: spans follow the source */
        advance(&s, src, src_len, sp->src);
        /* a call's arguments right after an edit (an import read through
         * its module, `(0, m.f)(...)`) keep the callee's position, where V8
         * puts the call */
        bool call = sp->len && i && !spans[i - 1].len && src[sp->src] == '(';
        if (!call || !fine) push(segs, &g, &s, sp->len > 0); /* (the reprint marks the callee itself) */
        /* an edit in place of exactly one identifier, writing another name */
        uint32_t replaced = i + 1 < nspans ? spans[i + 1].src - sp->src : 0, sw;
        if (names && !sp->len && (!call || !fine) && replaced && (sw = word_at(src, src_len, sp->src)) == replaced) {
            uint32_t gw = word_at(text, text_len, sp->out);
            if (gw && (gw != sw || memcmp(text + sp->out, src + sp->src, sw)))
                segs->data[segs->len - 1].name = out_map_name(names, src + sp->src, sw);
        }
        /* inside a copy: a segment at each word and at each line's first
         * token.  The bytes are the same on both sides, so only the
         * source is scanned: the output's position follows from it. */
        uint32_t end = sp->src + sp->len;
        if (end > src_len) end = src_len;
        const Cursor s0 = s, g0 = g;
        if (!fine) { /* only where each line of the copy starts */
            while (s.off < end) {
                if (!move(&s, src, src_len, end, true) || s.off >= end) continue;
                Cursor at = {.off = g0.off + (s.off - s0.off), .line = g0.line + (s.line - s0.line), .col = 0};
                push(segs, &at, &s, true);
            }
        }
        bool prev_word = false, line_start = false;
        while (s.off < end) {
            unsigned char ch = (unsigned char)src[s.off];
            bool ls = ch == 0xE2 && s.off + 2 < src_len && (unsigned char)src[s.off + 1] == 0x80 &&
                      ((unsigned char)src[s.off + 2] & 0xFE) == 0xA8; /* U+2028, U+2029: line ends */
            bool w = word(ch) && !ls;
            bool token = (w && !prev_word) || (line_start && ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r' && !ls);
            if (token && s.off > sp->src) {
                Cursor at = {.off = g0.off + (s.off - s0.off), .line = g0.line + (s.line - s0.line),
                             .col = s.line == s0.line ? g0.col + (s.col - s0.col) : s.col};
                push(segs, &at, &s, true);
            }
            if (token) line_start = false;
            prev_word = w;
            if (step(&s, src, src_len)) line_start = true;
        }
        /* the output cursor moves past the copy the same way */
        g.off = g0.off + (s.off - s0.off);
        g.line = g0.line + (s.line - s0.line);
        g.col = s.line == s0.line ? g0.col + (s.col - s0.col) : s.col;
        g.cr = s.cr;
    }
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Writes v as base-64 VLQ at p (at most 14 bytes); returns the end. */
static char *vlq_at(char *p, int64_t v) {
    uint64_t u = v < 0 ? ((uint64_t)(-v) << 1) | 1 : (uint64_t)v << 1;
    do {
        uint32_t digit = u & 31;
        u >>= 5;
        if (u) digit |= 32;
        *p++ = b64[digit];
    } while (u);
    return p;
}

/* s[0..len) as a JSON string.  A byte at a time through a table, in
 * blocks with room for the longest escapes reserved once a block
 * (sourcesContent is megabytes of it; a plain loop beats copying runs). */
void out_json_string(VecChar *out, const char *s, uint32_t len) {
    /* what each byte becomes: 0 itself, 1 \uXXXX, else the escaped letter */
    static const char esc[256] = {
        1, 1, 1, 1, 1, 1, 1, 1, 'b', 't', 'n', 1, 'f', 'r', 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        0, 0, '"', [92] = '\\', [127] = 1,
    };
    enum { BLOCK = 1024 };
    VEC_RESERVE(out, (size_t)len + len / 8 + 8);
    VEC_PUSH(out, '"');
    for (uint32_t i = 0; i < len;) {
        uint32_t n = len - i < BLOCK ? len - i : BLOCK;
        if (out->cap - out->len < 6 * (size_t)n + 1) VEC_RESERVE(out, 6 * (size_t)n + (len - i) / 4 + 1);
        char *p = out->data + out->len;
        for (const char *q = s + i, *e = q + n; q < e; q++) {
            unsigned char c = (unsigned char)*q;
            char x = esc[c];
            if (!x) {
                *p++ = (char)c;
            } else if (x != 1) {
                *p++ = '\\', *p++ = x;
            } else {
                static const char hex[] = "0123456789abcdef";
                *p++ = '\\', *p++ = 'u', *p++ = '0', *p++ = '0', *p++ = hex[c >> 4], *p++ = hex[c & 15];
            }
        }
        out->len = (uint32_t)(p - out->data);
        i += n;
    }
    VEC_PUSH(out, '"');
}

/* The VLQ writer's state: the last segment written. */
typedef struct Enc {
    uint32_t line, col, source, src_line, src_col, name;
    bool first_in_line;
} Enc;

/* Writes the segment at generated (gl, gc) to out, mapping to (source,
 * sl, sc) and name - 1 (0: none) or, with source OUT_MAP_NONE, to
 * nothing (one field). */
static void enc(Enc *e, VecChar *out, uint32_t gl, uint32_t gc, uint32_t source, uint32_t sl, uint32_t sc,
                uint32_t name) {
    if (gl < e->line || (gl == e->line && gc < e->col && !e->first_in_line)) return; /* out of order: never */
    for (; e->line < gl; e->line++) {
        VEC_PUSH(out, ';');
        e->col = 0, e->first_in_line = true;
    }
    char buf[64], *w = buf;
    if (!e->first_in_line) *w++ = ',';
    w = vlq_at(w, (int64_t)gc - e->col);
    e->col = gc, e->first_in_line = false;
    if (source != OUT_MAP_NONE) {
        w = vlq_at(w, (int64_t)source - e->source);
        w = vlq_at(w, (int64_t)sl - e->src_line);
        w = vlq_at(w, (int64_t)sc - e->src_col);
        e->source = source, e->src_line = sl, e->src_col = sc;
        if (name) {
            w = vlq_at(w, (int64_t)(name - 1) - e->name);
            e->name = name - 1;
        }
    }
    out_append(out, buf, (size_t)(w - buf));
}

/* 1 + the map's index of the name segment k of pl gives, or 0. */
static uint32_t name_of(const OutPlace *pl, uint32_t k) {
    return pl->names && pl->segs[k].name ? pl->names[pl->segs[k].name - 1] : 0;
}

/* Segment k of place pl, absolute: generated line and column, source. */
static void seg_at(const OutPlace *pl, const OutPlacePos *pos, uint32_t k, uint32_t *gl, uint32_t *gc, uint32_t *src) {
    const OutMapSeg *sg = &pl->segs[k];
    *gl = pos->line + sg->gen_line;
    *gc = sg->gen_line ? sg->gen_col : pos->col + sg->gen_col;
    *src = sg->source == OUT_MAP_NONE ? OUT_MAP_NONE : pl->source_of ? pl->source_of[sg->source] : pl->source;
}

void out_sourcemap_positions(const char *chunk, uint32_t chunk_len, const OutPlace *places, uint32_t n,
                             OutPlacePos *pos) {
    Cursor at = {0};
    for (uint32_t i = 0; i < n; i++) {
        advance(&at, chunk, chunk_len, places[i].offset);
        pos[i].line = at.line, pos[i].col = at.col;
        advance(&at, chunk, chunk_len, places[i].offset + places[i].len);
        pos[i].end_line = at.line, pos[i].end_col = at.col;
    }
}

void out_sourcemap_encode_place(const OutPlace *pl, const OutPlacePos *pos, OutPlaceCode *code) {
    memset(code, 0, sizeof *code);
    /* the head: up to the first segment with a source, whose fields are
     * relative to what comes before the place (the join writes them) */
    uint32_t h = 0;
    while (h < pl->nsegs && pl->segs[h].source == OUT_MAP_NONE) h++;
    if (h < pl->nsegs) h++, code->has_src = true;
    code->head = h;
    uint32_t gl, gc, src;
    seg_at(pl, pos, h - 1, &gl, &gc, &src);
    const OutMapSeg *last = &pl->segs[h - 1];
    uint32_t head_name = code->has_src ? name_of(pl, h - 1) : 0;
    Enc e = {gl, gc, src, last->src_line, last->src_col, head_name ? head_name - 1 : pl->name_before, false};
    for (uint32_t k = h; k < pl->nsegs; k++) {
        seg_at(pl, pos, k, &gl, &gc, &src);
        enc(&e, &code->text, gl, gc, src, pl->segs[k].src_line, pl->segs[k].src_col, name_of(pl, k));
    }
    /* the end of its code: what follows maps to nothing */
    if (pos->end_line > e.line || pos->end_col > e.col)
        enc(&e, &code->text, pos->end_line, pos->end_col, OUT_MAP_NONE, 0, 0, 0);
    code->line = e.line, code->col = e.col;
    code->source = e.source, code->src_line = e.src_line, code->src_col = e.src_col, code->name = e.name;
}

/* The join's big runs: copied into the map, or with parts noted as runs
 * of their own (after the map's bytes up to glue_end). */
typedef struct Run {
    size_t glue_end;
    const char *data;
    size_t len;
} Run;
typedef VEC(Run) Runs;

static void big(VecChar *map, Runs *runs, const char *data, size_t len) {
    if (runs) VEC_PUSH(runs, ((Run){map->len, data, len}));
    else out_append(map, data, len);
}

void out_sourcemap_join(const char *file, const OutMapSource *sources, uint32_t nsources, const VecChar *const *contents,
                        const VecChar *names, const OutPlace *places, const OutPlacePos *pos, const OutPlaceCode *codes,
                        uint32_t nplaces, VecChar *map, OutFileParts *parts) {
    Runs runs_ = {0}, *runs = parts && contents ? &runs_ : NULL;
    uint64_t need = 256; /* the map's size, reserved at once (it can be tens of MB) */
    for (uint32_t i = 0; i < nsources; i++) need += strlen(sources[i].path) + 8 + (contents && !runs ? contents[i]->len : 0);
    for (uint32_t i = 0; i < nplaces; i++) need += (runs ? 0 : codes[i].text.len) + 16 * (uint64_t)codes[i].head + 8;
    VEC_RESERVE(map, map->len + need);
    out_puts(map, "{\"version\":3,\"file\":");
    out_json_string(map, file, (uint32_t)strlen(file));
    out_puts(map, ",\"sources\":[");
    for (uint32_t i = 0; i < nsources; i++) {
        if (i) VEC_PUSH(map, ',');
        out_json_string(map, sources[i].path, (uint32_t)strlen(sources[i].path));
    }
    bool content = false;
    for (uint32_t i = 0; i < nsources; i++) content |= sources[i].text != NULL;
    if (content) {
        out_puts(map, "],\"sourcesContent\":[");
        for (uint32_t i = 0; i < nsources; i++) {
            if (i) VEC_PUSH(map, ',');
            if (!sources[i].text) out_puts(map, "null");
            else if (contents) big(map, runs, contents[i]->data, contents[i]->len);
            else out_json_string(map, sources[i].text, sources[i].len);
        }
    }
    out_puts(map, "],\"names\":[");
    if (names) out_append(map, names->data, names->len);
    out_puts(map, "],\"mappings\":\"");
    Enc g = {.first_in_line = true};
    for (uint32_t p = 0; p < nplaces; p++) {
        const OutPlace *pl = &places[p];
        const OutPlaceCode *c = &codes[p];
        assert(!c->has_src || g.name == pl->name_before || !pl->names);
        for (uint32_t k = 0; k < c->head; k++) {
            uint32_t gl, gc, src;
            seg_at(pl, &pos[p], k, &gl, &gc, &src);
            enc(&g, map, gl, gc, src, pl->segs[k].src_line, pl->segs[k].src_col, name_of(pl, k));
        }
        big(map, runs, c->text.data, c->text.len);
        g.line = c->line, g.col = c->col, g.first_in_line = false;
        if (c->has_src) g.source = c->source, g.src_line = c->src_line, g.src_col = c->src_col, g.name = c->name;
    }
    out_puts(map, "\"}\n");
    if (!runs) return;
    size_t prev = 0;
    for (uint32_t i = 0; i < runs->len; i++) {
        const Run *r = &runs->data[i];
        if (r->glue_end > prev) VEC_PUSH(parts, ((OutFilePart){map->data + prev, r->glue_end - prev}));
        if (r->len) VEC_PUSH(parts, ((OutFilePart){r->data, r->len}));
        prev = r->glue_end;
    }
    if (map->len > prev) VEC_PUSH(parts, ((OutFilePart){map->data + prev, map->len - prev}));
    VEC_FREE(runs);
}

void out_sourcemap_content(const OutMapSource *s, VecChar *out) {
    if (s->text) out_json_string(out, s->text, s->len);
}

void out_sourcemap_json(const char *chunk, uint32_t chunk_len, const char *file, const OutMapSource *sources,
                        uint32_t nsources, const OutPlace *places, uint32_t nplaces, VecChar *map) {
    OutPlacePos *pos = mem_alloc(sizeof(OutPlacePos) * (nplaces + 1));
    OutPlaceCode *codes = mem_alloc(sizeof(OutPlaceCode) * (nplaces + 1));
    out_sourcemap_positions(chunk, chunk_len, places, nplaces, pos);
    for (uint32_t i = 0; i < nplaces; i++) out_sourcemap_encode_place(&places[i], &pos[i], &codes[i]);
    out_sourcemap_join(file, sources, nsources, NULL, NULL, places, pos, codes, nplaces, map, NULL);
    for (uint32_t i = 0; i < nplaces; i++) VEC_FREE(&codes[i].text);
    mem_free(codes);
    mem_free(pos);
}

void out_base64(VecChar *out, const char *data, uint32_t len) {
    const unsigned char *d = (const unsigned char *)data;
    uint32_t i = 0;
    for (; i + 3 <= len; i += 3) {
        uint32_t v = (uint32_t)d[i] << 16 | (uint32_t)d[i + 1] << 8 | d[i + 2];
        char q[4] = {b64[v >> 18], b64[v >> 12 & 63], b64[v >> 6 & 63], b64[v & 63]};
        out_append(out, q, 4);
    }
    if (i < len) {
        uint32_t v = (uint32_t)d[i] << 16 | (i + 1 < len ? (uint32_t)d[i + 1] << 8 : 0);
        char q[4] = {b64[v >> 18], b64[v >> 12 & 63], i + 1 < len ? b64[v >> 6 & 63] : '=', '='};
        out_append(out, q, 4);
    }
}

/* The UTF-16 code units of the UTF-8 bytes p[0..n) (no line end among
 * them): ASCII 16 bytes at a time (with SSE2). */
static uint32_t utf16_units(const char *p, uint32_t n) {
    uint32_t units = 0, i = 0;
#ifdef __SSE2__
    for (; i + 16 <= n && !_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(p + i))); i += 16) units += 16;
#endif
    for (; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        units += c < 0x80 ? 1 : c >= 0xF0 ? 2 : c >= 0xC0 ? 1 : 0; /* continuation bytes count nothing */
    }
    return units;
}

void out_map_reprint(const char *out, uint32_t out_len, const char *from, uint32_t from_len, const uint32_t *marks,
                     uint32_t nmarks, uint32_t shift, const OutMapSeg *from_segs, uint32_t nfrom, OutMapSegs *segs,
                     OutMapNames *names) {
    Cursor g = {0};
    /* from_segs[j]: the last segment at or before the mark in from, as far
     * as known; within a copy of the module's own source (one line: from
     * has a segment where each copied line starts), col_at columns lie
     * between it and off_at */
    uint32_t j = 0, off_at = 0, col_at = 0;
    bool at_j = false; /* off_at and col_at count from from_segs[j] */
    for (uint32_t i = 0; i < nmarks; i++) {
        uint32_t at = marks[2 * i], src = marks[2 * i + 1] & ~OUT_MARK_RENAMED;
        bool renamed = marks[2 * i + 1] & OUT_MARK_RENAMED;
        src = src < shift ? 0 : src - shift;
        if (src > from_len) src = from_len;
        advance(&g, out, out_len, at);
        if (!nfrom || from_segs[0].gen_off > src) continue;
        uint32_t was = j;
        if (from_segs[j].gen_off > src) { /* back (rare): search */
            uint32_t lo = 0, hi = j;
            while (hi - lo > 1) {
                uint32_t mid = lo + (hi - lo) / 2;
                if (from_segs[mid].gen_off <= src) lo = mid;
                else hi = mid;
            }
            j = lo;
        }
        while (j + 1 < nfrom && from_segs[j + 1].gen_off <= src) j++;
        const OutMapSeg *s = &from_segs[j];
        if (!at_j || j != was || src < off_at) off_at = s->gen_off, col_at = 0, at_j = true;
        OutMapSeg x = {g.line, g.col, s->src_line, s->src_col, s->source, false, 0, g.off};
        /* within a copied run of the module's own source the column moves
         * as the text's did (a module's own map has a segment per token) */
        if (s->copy && s->source == 0) {
            col_at += utf16_units(from + off_at, src - off_at);
            off_at = src;
            x.src_col += col_at;
        }
        /* a name: the one an edit here renamed (the source's), else the
         * one the printer renamed */
        bool at_seg = s->gen_off == src;
        if (at_seg && s->name) x.name = s->name;
        else if (renamed && names && (s->copy || !s->name)) x.name = out_map_name(names, from + src, word_at(from, from_len, src));
        if (segs->len && segs->data[segs->len - 1].gen_line == x.gen_line && segs->data[segs->len - 1].gen_col == x.gen_col)
            continue;
        VEC_PUSH(segs, x);
    }
}
