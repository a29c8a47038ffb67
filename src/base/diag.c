/* base/diag.c: collecting, ordering and printing diagnostics (see diag.h).
 * Messages and notes live in the list's arena.  Printing turns byte offsets
 * into line:column by one scan of the file's text up to the offset. */
#include "base/diag.h"

#include "base/mem.h"

#include <stdlib.h>
#include <string.h>

static const char *const code_names[] = {
#define X(name, str) str,
#include "base/diag_codes.def"
#undef X
};

const char *diag_code_name(DiagCode code) {
    return code < DIAG_CODE_COUNT ? code_names[code] : "?";
}

void diag_init(DiagList *l) {
    memset(l, 0, sizeof *l);
    arena_init(&l->arena, 4096);
}

void diag_free(DiagList *l) {
    VEC_FREE(&l->items);
    arena_free(&l->arena);
    l->errors = l->warnings = 0;
}

static const char *format(Arena *a, const char *fmt, va_list ap) {
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) n = 0;
    char *s = arena_alloc(a, (size_t)n + 1, 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

void diag_addv(DiagList *l, DiagSeverity sev, DiagCode code, const DiagFile *file,
               uint32_t start, uint32_t end, const char *fmt, va_list ap) {
    Diag d = {.code = code, .severity = sev, .file = file, .start = start,
              .end = end < start ? start : end, .seq = l->items.len};
    d.msg = format(&l->arena, fmt, ap);
    VEC_PUSH(&l->items, d);
    if (sev == DIAG_ERROR) l->errors++;
    else if (sev == DIAG_WARNING) l->warnings++;
}

void diag_add(DiagList *l, DiagSeverity sev, DiagCode code, const DiagFile *file,
              uint32_t start, uint32_t end, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_addv(l, sev, code, file, start, end, fmt, ap);
    va_end(ap);
}

static void push_note(DiagList *l, Diag *d, DiagNote note) {
    DiagNote *notes = ARENA_ARRAY(&l->arena, DiagNote, d->nnotes + 1);
    if (d->nnotes) memcpy(notes, d->notes, d->nnotes * sizeof(DiagNote));
    notes[d->nnotes++] = note;
    d->notes = notes;
}

void diag_note(DiagList *l, const DiagFile *file, uint32_t start, uint32_t end, const char *fmt, ...) {
    if (!l->items.len) return;
    va_list ap;
    va_start(ap, fmt);
    DiagNote n = {.file = file, .start = start, .end = end < start ? start : end};
    n.msg = format(&l->arena, fmt, ap);
    va_end(ap);
    push_note(l, &VEC_LAST(&l->items), n);
}

void diag_merge(DiagList *into, DiagList *from) {
    for (uint32_t i = 0; i < from->items.len; i++) {
        Diag d = from->items.data[i];
        d.seq = into->items.len;
        d.msg = arena_strndup(&into->arena, d.msg, strlen(d.msg));
        DiagNote *notes = d.notes;
        uint32_t nnotes = d.nnotes;
        d.notes = NULL;
        d.nnotes = 0;
        for (uint32_t j = 0; j < nnotes; j++) {
            DiagNote n = notes[j];
            n.msg = arena_strndup(&into->arena, n.msg, strlen(n.msg));
            push_note(into, &d, n);
        }
        VEC_PUSH(&into->items, d);
        if (d.severity == DIAG_ERROR) into->errors++;
        else if (d.severity == DIAG_WARNING) into->warnings++;
    }
    VEC_CLEAR(&from->items);
    arena_reset(&from->arena);
    from->errors = from->warnings = 0;
}

void diag_truncate(DiagList *l, uint32_t len) {
    while (l->items.len > len) {
        Diag d = VEC_POP(&l->items);
        if (d.severity == DIAG_ERROR) l->errors--;
        else if (d.severity == DIAG_WARNING) l->warnings--;
    }
}

static int cmp_diag(const void *pa, const void *pb) {
    const Diag *a = pa, *b = pb;
    const char *fa = a->file ? a->file->path : "", *fb = b->file ? b->file->path : "";
    int c = strcmp(fa, fb);
    if (c) return c;
    if (a->start != b->start) return a->start < b->start ? -1 : 1;
    if (a->end != b->end) return a->end < b->end ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void diag_sort(DiagList *l) {
    if (l->items.len > 1) qsort(l->items.data, l->items.len, sizeof(Diag), cmp_diag);
}

static bool is_cont(unsigned char c) { return (c & 0xc0) == 0x80; }

void diag_line_col(const char *text, uint32_t len, uint32_t offset, uint32_t *line, uint32_t *col) {
    if (offset > len) offset = len;
    uint32_t ln = 1, c = 1;
    for (uint32_t i = 0; i < offset; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ch == '\n') {
            ln++;
            c = 1;
        } else if (!is_cont(ch)) {
            c++;
        }
    }
    *line = ln;
    *col = c;
}

enum { FRAME_WIDTH = 120 };

/* Writes text[from, to) with control bytes shown as spaces so the caret line
 * below stays aligned (tabs are kept: the caret line repeats them). */
static void put_visible(FILE *out, const char *s, uint32_t from, uint32_t to) {
    for (uint32_t i = from; i < to; i++) {
        unsigned char c = (unsigned char)s[i];
        fputc(c == '\t' || c >= 0x20 ? (c == 0x7f ? ' ' : c) : ' ', out);
    }
}

/* The source line with a caret under [start, end), cut to a window around the
 * start when the line is long (a minified file is one line of megabytes). */
static void print_frame(FILE *out, const DiagFile *f, uint32_t start, uint32_t end, bool color) {
    if (!f || !f->text) return;
    if (start > f->len) start = f->len;
    if (end > f->len) end = f->len;
    uint32_t ls = start, le = start;
    while (ls > 0 && f->text[ls - 1] != '\n') ls--;
    while (le < f->len && f->text[le] != '\n') le++;
    if (le > ls && f->text[le - 1] == '\r') le--;
    if (end > le) end = le;
    uint32_t line, col;
    diag_line_col(f->text, f->len, start, &line, &col);
    /* Window: at most FRAME_WIDTH bytes, starting a little before `start`. */
    uint32_t ws = ls, we = le;
    bool cut_left = false, cut_right = false;
    if (le - ls > FRAME_WIDTH) {
        if (start - ls > FRAME_WIDTH / 3) {
            ws = start - FRAME_WIDTH / 3;
            while (ws < start && is_cont((unsigned char)f->text[ws])) ws++;
            cut_left = true;
        }
        if (we - ws > FRAME_WIDTH) {
            we = ws + FRAME_WIDTH;
            while (we > start && we < le && is_cont((unsigned char)f->text[we])) we--;
            cut_right = true;
        }
        if (end > we) end = we;
    }
    char gutter[16];
    int gw = snprintf(gutter, sizeof gutter, "%u", line);
    fprintf(out, "    %s | ", gutter);
    if (cut_left) fputs("...", out);
    put_visible(out, f->text, ws, we);
    if (cut_right) fputs("...", out);
    fputc('\n', out);
    fprintf(out, "    %*s | ", gw, "");
    if (cut_left) fputs("   ", out);
    for (uint32_t i = ws; i < start; i++) {
        unsigned char c = (unsigned char)f->text[i];
        if (c == '\t') fputc('\t', out);
        else if (!is_cont(c)) fputc(' ', out);
    }
    if (color) fputs("\x1b[32m", out);
    fputc('^', out);
    uint32_t i = start;
    if (i < end) i++;
    while (i < end && is_cont((unsigned char)f->text[i])) i++;
    for (; i < end; i++)
        if (!is_cont((unsigned char)f->text[i])) fputc('~', out);
    if (color) fputs("\x1b[0m", out);
    fputc('\n', out);
}

/* Writes s with control characters as \xNN: a message quotes what users
 * wrote (a specifier, a path), which must not move the cursor or change
 * the terminal's colors. */
static void put_escaped(FILE *out, const char *s) {
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 || c == 0x7f) fprintf(out, "\\x%02x", c);
        else fputc(c, out);
    }
}

static void print_location(FILE *out, const DiagFile *f, uint32_t start, bool color) {
    if (!f) return;
    if (color) fputs("\x1b[1m", out);
    if (f->text) {
        uint32_t line, col;
        diag_line_col(f->text, f->len, start, &line, &col);
        put_escaped(out, f->path);
        fprintf(out, ":%u:%u: ", line, col);
    } else {
        put_escaped(out, f->path);
        fputs(": ", out);
    }
    if (color) fputs("\x1b[0m", out);
}

void diag_print_one(const Diag *d, FILE *out, bool color) {
    static const char *const sev_name[] = {"error", "warning", "note"};
    static const char *const sev_color[] = {"\x1b[1;31m", "\x1b[1;35m", "\x1b[1;36m"};
    print_location(out, d->file, d->start, color);
    if (!d->file) fputs("bale: ", out);
    if (color) fputs(sev_color[d->severity], out);
    fputs(sev_name[d->severity], out);
    if (color) fputs("\x1b[0m\x1b[1m", out);
    fputs(": ", out);
    put_escaped(out, d->msg);
    if (color) fputs("\x1b[0m", out);
    fprintf(out, " [%s]\n", diag_code_name(d->code));
    print_frame(out, d->file, d->start, d->end, color);
    for (uint32_t i = 0; i < d->nnotes; i++) {
        const DiagNote *n = &d->notes[i];
        print_location(out, n->file, n->start, color);
        if (color) fputs(sev_color[DIAG_NOTE], out);
        fputs("note", out);
        if (color) fputs("\x1b[0m", out);
        fputs(": ", out);
        put_escaped(out, n->msg);
        fputc('\n', out);
        print_frame(out, n->file, n->start, n->end, color);
    }
}

void diag_print(const DiagList *l, FILE *out, bool color) {
    for (uint32_t i = 0; i < l->items.len; i++) diag_print_one(&l->items.data[i], out, color);
}
