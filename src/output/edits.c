/* output/edits.c: applying a module's sorted edits to its bytes (see
 * edits.h), and the text buffer helpers.
 * In:  a module's source and the edits code generation made.  Out: the
 * patched text appended to a VecChar (heap).  Order: the last step of a
 * module's code generation. */
#include "output/edits.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void out_edit_replace(OutEdits *e, uint32_t start, uint32_t end, const char *text, uint32_t len) {
    assert(start <= end);
    OutEdit ed = {.start = start, .end = end, .seq = e->items.len, .len = len, .text = text};
    VEC_PUSH(&e->items, ed);
}

static int by_position(const void *pa, const void *pb) {
    const OutEdit *a = pa, *b = pb;
    if (a->start != b->start) return a->start < b->start ? -1 : 1;
    /* At one offset, inserts come before a range that starts there. */
    bool ia = a->start == a->end, ib = b->start == b->end;
    if (ia != ib) return ia ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void out_edit_hole(OutEdits *e, uint32_t start, uint32_t end, OutHole hole, OutRefCtx ctx, uint32_t arg) {
    assert(start <= end);
    OutEdit ed = {.start = start, .end = end, .seq = e->items.len, .hole = (uint8_t)hole, .ctx = (uint8_t)ctx, .arg = arg};
    VEC_PUSH(&e->items, ed);
}

void out_edits_sort(OutEdits *e) {
    if (e->items.len > 1) qsort(e->items.data, e->items.len, sizeof(OutEdit), by_position);
}

bool out_edits_write(const OutEdit *edits, uint32_t n, const char *src, uint32_t len, VecChar *out, OutHoleFn fill,
                     void *fill_ctx) {
    return out_edits_write_cut(edits, n, NULL, 0, src, len, out, fill, fill_ctx, NULL);
}

/* The checks are on in every build: an overlap would write a broken
 * bundle, and costs two comparisons per edit to find. */
/* src[from, to) copied to out, noted in spans. */
static void copy(VecChar *out, const char *src, uint32_t from, uint32_t to, OutSpans *spans) {
    if (spans && to > from) VEC_PUSH(spans, ((OutSpan){out->len, from, to - from}));
    out_append(out, src + from, to - from);
}

/* An insert that opens the construct after it (`let N = ` before a class). */
static bool opens(const OutEdit *e) {
    if (e->hole == OUT_HOLE_NAME)
        return e->ctx == OUT_NAME_VALUE_OPEN || e->ctx == OUT_NAME_CLASS_HEAD || e->ctx == OUT_NAME_DEFAULT_HEAD;
    return e->hole == OUT_HOLE_FOR_AWAIT && (e->ctx & 7) == OUT_FOR_AWAIT_OPEN;
}

/* An insert that closes the construct before it (its pair opened inside). */
static bool closes(const OutEdit *e) {
    if (e->hole == OUT_HOLE_NAME)
        return e->ctx == OUT_NAME_VALUE_CLOSE || e->ctx == OUT_NAME_CLASS_TAIL || e->ctx == OUT_NAME_DEFAULT_TAIL;
    return e->hole == OUT_HOLE_FOR_AWAIT && (e->ctx & 7) == OUT_FOR_AWAIT_END;
}

bool out_edits_write_cut(const OutEdit *edits, uint32_t n, const OutCut *cuts, uint32_t ncuts, const char *src,
                         uint32_t len, VecChar *out, OutHoleFn fill, void *fill_ctx, OutSpans *spans) {
    uint32_t pos = 0, i = 0, c = 0;
    while (i < n || c < ncuts) {
        /* a cut goes first unless an insert sits at its start (it belongs
         * to what precedes the cut), but for one that opens what follows */
        bool cut = c < ncuts && (i >= n || cuts[c].start < edits[i].start ||
                                 (cuts[c].start == edits[i].start && (edits[i].end > edits[i].start || opens(&edits[i]))));
        if (cut) {
            if (cuts[c].start < pos || cuts[c].end > len || cuts[c].end < cuts[c].start) return false;
            copy(out, src, pos, cuts[c].start, spans);
            pos = cuts[c].end;
            /* the edits inside it go with it (an insert at its end belongs to what follows) */
            for (; i < n && edits[i].start < pos; i++)
                if (edits[i].end > pos) return false; /* straddles the cut */
            /* but an insert that ends what the cut holds goes with it */
            for (; i < n && edits[i].start == pos && edits[i].end == pos && closes(&edits[i]); i++) {
            }
            c++;
            continue;
        }
        const OutEdit *ed = &edits[i++];
        if (ed->start < pos || ed->end > len || ed->end < ed->start) return false; /* edits overlap */
        copy(out, src, pos, ed->start, spans);
        if (spans) VEC_PUSH(spans, ((OutSpan){out->len, ed->start, 0}));
        if (ed->hole) fill(fill_ctx, ed, out);
        else out_append(out, ed->text, ed->len);
        pos = ed->end;
    }
    copy(out, src, pos, len, spans);
    return true;
}

void out_edits_free(OutEdits *e) { VEC_FREE(&e->items); }

void out_append(VecChar *out, const char *s, size_t n) {
    if (!n) return;
    memcpy(VEC_GROW(out, n), s, n);
}

void out_puts(VecChar *out, const char *s) { out_append(out, s, strlen(s)); }

void out_u32(VecChar *out, uint32_t n) {
    char digits[10];
    int k = 0;
    do digits[k++] = (char)('0' + n % 10); while ((n /= 10));
    char *p = VEC_GROW(out, (uint32_t)k);
    for (int i = 0; i < k; i++) p[i] = digits[k - 1 - i];
}

/* Only %s, %u and %% are handled here, which is all code generation
 * writes, per module and per import (vsnprintf costs a thousand
 * instructions a call); any other conversion goes to vsnprintf. */
static bool simple_format(const char *fmt) {
    for (const char *p = fmt; (p = strchr(p, '%')); p += 2)
        if (p[1] != 's' && p[1] != 'u' && p[1] != '%') return false;
    return true;
}

void out_printf(VecChar *out, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    if (simple_format(fmt)) {
        for (const char *p = fmt; *p;) {
            const char *pct = strchr(p, '%');
            if (!pct) {
                out_puts(out, p);
                break;
            }
            out_append(out, p, (size_t)(pct - p));
            if (pct[1] == 's') out_puts(out, va_arg(ap, const char *));
            else if (pct[1] == 'u') out_u32(out, va_arg(ap, unsigned));
            else VEC_PUSH(out, '%');
            p = pct + 2;
        }
        va_end(ap);
        return;
    }
    char buf[256];
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    assert(n >= 0);
    if ((size_t)n < sizeof buf) {
        out_append(out, buf, (size_t)n);
        return;
    }
    char *p = VEC_GROW(out, (uint32_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    out->len--; /* the NUL */
}

void out_js_string(VecChar *out, const char *s, size_t n) {
    VEC_PUSH(out, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            VEC_PUSH(out, '\\');
            VEC_PUSH(out, (char)c);
        } else if (c == '\n') {
            out_append(out, "\\n", 2);
        } else if (c < 0x20 || c == 0x7f) {
            out_printf(out, "\\x%02x", c);
        } else if (c == '<' && i + 7 < n && s[i + 1] == '/' && !strncasecmp(s + i + 2, "script", 6)) {
            out_append(out, "<\\", 2); /* "</script" cannot end an HTML script element */
        } else {
            VEC_PUSH(out, (char)c);
        }
    }
    VEC_PUSH(out, '"');
}

void out_comment_text(VecChar *out, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n') {
            out_append(out, "\\n", 2);
        } else if (c < 0x20 || c == 0x7f) {
            out_printf(out, "\\x%02x", c);
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
            out_puts(out, (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
            i += 2;
        } else if (c == '*' && i + 1 < n && s[i + 1] == '/') {
            out_append(out, "*\\", 2);
        } else if (c == '<' && i + 7 < n && s[i + 1] == '/' && !strncasecmp(s + i + 2, "script", 6)) {
            out_append(out, "<\\", 2);
        } else {
            VEC_PUSH(out, (char)c);
        }
    }
}

bool out_is_ident(const char *s, size_t n) {
    if (!n) return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || (i && c >= '0' && c <= '9');
        if (!ok) return false;
    }
    return true;
}

/* The first UTF-16 code unit of the code point at s[*i] (its high
 * surrogate when it has two); *i moves past the code point (a malformed
 * byte counts as itself). */
static uint32_t utf16_unit(const char *s, uint32_t len, uint32_t *i) {
    unsigned char c = (unsigned char)s[*i];
    uint32_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (*i + n > len) n = 1;
    uint32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (uint32_t k = 1; k < n; k++) cp = cp << 6 | ((unsigned char)s[*i + k] & 0x3F);
    *i += n;
    return cp >= 0x10000 ? 0xD800 + ((cp - 0x10000) >> 10) : cp;
}

int out_utf16_cmp(const char *a, uint32_t alen, const char *b, uint32_t blen) {
    uint32_t i = 0, j = 0;
    while (i < alen && j < blen) {
        if (a[i] == b[j] && (unsigned char)a[i] < 0x80) {
            i++, j++;
            continue;
        }
        uint32_t ia = i, jb = j;
        uint32_t x = utf16_unit(a, alen, &i), y = utf16_unit(b, blen, &j);
        if (x != y) return x < y ? -1 : 1;
        /* same first unit: compare the rest of the code points' bytes */
        uint32_t na = i - ia, nb = j - jb;
        int c = memcmp(a + ia, b + jb, na < nb ? na : nb);
        if (c) return c;
    }
    return (i < alen) - (j < blen);
}
