/* base/diag.h: diagnostics, the way bale tells users about their mistakes.
 *
 * A diagnostic is a code, a severity, a file, a byte range, a message and
 * notes with ranges of their own.  Only byte offsets are stored; line and
 * column are computed when the diagnostic is printed (as esbuild does), so
 * producing one costs nothing on the hot path beyond formatting its message.
 *
 *   src/app.js:3:21: error: could not resolve "./utils" [resolve-not-found]
 *       3 | import { pad } from "./utils";
 *         |                     ^~~~~~~~~
 *   src/app.js:1:1: note: imported from the entry point here
 *
 * Each thread collects into its own DiagList; the main thread merges them and
 * sorts by file and position before printing, so output is deterministic. */
#ifndef BALE_BASE_DIAG_H
#define BALE_BASE_DIAG_H

#include "base/arena.h"
#include "base/vec.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

typedef enum DiagCode {
#define X(name, str) DIAG_##name,
#include "base/diag_codes.def"
#undef X
    DIAG_CODE_COUNT
} DiagCode;

typedef enum DiagSeverity { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } DiagSeverity;

/* A file as diagnostics see it.  Borrowed: must outlive the DiagList's last
 * print.  text may be NULL (then no code frame is printed). */
typedef struct DiagFile {
    const char *path;
    const char *text;
    uint32_t len;
} DiagFile;

typedef struct DiagNote {
    const DiagFile *file; /* may be NULL: a note with no location */
    uint32_t start, end;
    const char *msg;      /* arena: the list's */
} DiagNote;

typedef struct Diag {
    DiagCode code;
    DiagSeverity severity;
    const DiagFile *file; /* may be NULL: a diagnostic with no location */
    uint32_t start, end;  /* byte range in file->text; end >= start */
    const char *msg;      /* arena: the list's */
    DiagNote *notes;      /* arena: the list's */
    uint32_t nnotes;
    uint32_t seq;         /* insertion order, the last sort key */
} Diag;

typedef struct DiagList {
    VEC(Diag) items;
    uint32_t errors, warnings;
    Arena arena;
} DiagList;

void diag_init(DiagList *l);
void diag_free(DiagList *l);

/* Adds a diagnostic.  file may be NULL.  Can't fail. */
void diag_add(DiagList *l, DiagSeverity sev, DiagCode code, const DiagFile *file,
              uint32_t start, uint32_t end, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
void diag_addv(DiagList *l, DiagSeverity sev, DiagCode code, const DiagFile *file,
               uint32_t start, uint32_t end, const char *fmt, va_list ap);

/* Attaches a note to the most recently added diagnostic. */
void diag_note(DiagList *l, const DiagFile *file, uint32_t start, uint32_t end,
               const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Moves every diagnostic of from into into; from is left empty but valid. */
void diag_merge(DiagList *into, DiagList *from);

/* Drops every diagnostic added after the list had len of them (a parse
 * attempt that is retried with other settings). */
void diag_truncate(DiagList *l, uint32_t len);

/* Orders by file path, start, end, then insertion order. */
void diag_sort(DiagList *l);

/* Prints every diagnostic.  color: ANSI colors (the caller decides: the
 * library reads no environment; bale's command asks for them when stderr
 * is a terminal and NO_COLOR is unset). */
void diag_print(const DiagList *l, FILE *out, bool color);
void diag_print_one(const Diag *d, FILE *out, bool color);

/* 1-based line and column (in code points) of a byte offset. */
void diag_line_col(const char *text, uint32_t len, uint32_t offset, uint32_t *line, uint32_t *col);

const char *diag_code_name(DiagCode code);

#endif
