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

void out_edits_write(const OutEdit *edits, uint32_t n, const char *src, uint32_t len, VecChar *out, OutHoleFn fill,
                     void *fill_ctx) {
    uint32_t pos = 0;
    for (uint32_t i = 0; i < n; i++) {
        const OutEdit *ed = &edits[i];
        assert(ed->start >= pos && ed->end <= len); /* edits never overlap */
        out_append(out, src + pos, ed->start - pos);
        if (ed->hole) fill(fill_ctx, ed, out);
        else out_append(out, ed->text, ed->len);
        pos = ed->end;
    }
    out_append(out, src + pos, len - pos);
}

void out_edits_apply(OutEdits *e, const char *src, uint32_t len, VecChar *out) {
    out_edits_sort(e);
    out_edits_write(e->items.data, e->items.len, src, len, out, NULL, NULL);
}

void out_edits_free(OutEdits *e) { VEC_FREE(&e->items); }

void out_append(VecChar *out, const char *s, size_t n) {
    if (!n) return;
    memcpy(VEC_GROW(out, n), s, n);
}

void out_puts(VecChar *out, const char *s) { out_append(out, s, strlen(s)); }

void out_printf(VecChar *out, const char *fmt, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
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
