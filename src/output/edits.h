/* output/edits.h: a module's output as its original bytes plus edits.
 *
 * Code generation copies what is unchanged and patches what must change:
 * it records edits (replace a byte range, insert at an offset, delete a
 * range, or a hole whose text is written later) against the module's
 * source, in any order; out_edits_sort orders them and out_edits_write
 * writes the result in one forward pass: the bytes between edits are
 * copied with memcpy, each edit's text (or hole) in place of its range.
 * Edits must not overlap (inserts at the same offset keep the order in
 * which they were made); that is an assertion, not a user error.
 *
 * Also the small text buffer (VecChar) helpers the output stage writes
 * with: append bytes, printf, and a JavaScript string literal.
 *
 * Memory: the edit array is on the C heap (owned by OutEdits); edit texts
 * are borrowed and must live until written (prepare.c keeps them, and the
 * sorted array, in the module's arena). */
#ifndef BALE_OUTPUT_EDITS_H
#define BALE_OUTPUT_EDITS_H

#include "base/vec.h"

#include <stdbool.h>
#include <stdint.h>

/* What a hole stands for: text only the seal phase can write, because it
 * names a module by its final id (see output/prepare.c). */
typedef enum OutHole {
    OUT_HOLE_NONE, /* a plain edit: text */
    OUT_HOLE_REF,  /* a reference to the import arg (index into the record's imports), in context ctx */
    OUT_HOLE_CALL, /* the require()/import() call of the record's dependency arg (a JsDepId) */
    OUT_HOLE_AWAIT,/* a top-level `await` keyword: "(yield" in an async module's generator, "(await"
                    * where the module is the bundle's own top level (an ")" follows the operand) */
    OUT_HOLE_FOR_AWAIT, /* a part (ctx: OutForAwaitPart) of a top-level `for await`, lowered to
                    * a loop that yields in an async module's generator, kept as written at
                    * the bundle's own top level; arg: which for await in the module; text
                    * and len: with the head, its left side (a slice of the source), and
                    * ctx's OUT_FOR_AWAIT_DECL bit says whether it declares */
    OUT_HOLE_NAME, /* a top-level name of an ES module (arg: index into OutPrep.tops, or
                    * OUT_NAME_DEFAULT_TOP for its default export's binding), which scope
                    * hoisting may rename; ctx: OutNameCtx */
} OutHole;

/* Where an OUT_HOLE_NAME stands, and so what it writes given the name N
 * the binding has in the output (the source's, unless scope hoisting
 * renamed it) and the source's name S. */
typedef enum OutNameCtx {
    OUT_NAME_PLAIN,      /* an identifier: N */
    OUT_NAME_SHORTHAND,  /* `{ S }`: S, or `S: N` when renamed */
    OUT_NAME_CLASS_HEAD, /* before `class S {`: nothing, or `let N = ` when renamed (the class
                          * keeps S as its own name, so .name and its body are unchanged) */
    OUT_NAME_CLASS_TAIL, /* after the class: nothing, or `;` when renamed */
    OUT_NAME_VALUE_OPEN, /* before an anonymous function or class that takes S as its name:
                          * nothing, or `{ S: ` when renamed (so that it is still named S) */
    OUT_NAME_VALUE_CLOSE,/* after it: nothing, or `}.S` when renamed */
    OUT_NAME_DEFAULT_HEAD, /* `export default ` of an expression: `const N = ` */
    OUT_NAME_DEFAULT_FN, /* after `function` of an anonymous default function: ` N` */
    OUT_NAME_DEFAULT_TAIL, /* after that expression, when it is an anonymous function or class:
                          * `;\n__bale_name__(N, "N", "default");` */
} OutNameCtx;

#define OUT_NAME_DEFAULT_TOP 0xFFFFFFFFu

typedef enum OutRefCtx { OUT_CTX_PLAIN, OUT_CTX_CALLEE, OUT_CTX_SHORTHAND } OutRefCtx;

typedef enum OutForAwaitPart {
    OUT_FOR_AWAIT_OPEN,  /* before the statement: "try { " */
    OUT_FOR_AWAIT_HEAD,  /* `for await (left of`: the loop's head up to the iterable */
    OUT_FOR_AWAIT_CLOSE, /* the head's `)`: the step, and the left side taking the value */
    OUT_FOR_AWAIT_END,   /* after the body: closing the iterator when the loop is left early */
    OUT_FOR_AWAIT_DECL = 8,
} OutForAwaitPart;

typedef struct OutEdit {
    uint32_t start, end; /* the source range replaced; start == end: an insert */
    uint32_t seq;        /* the order the edit was made: ties at one offset */
    uint32_t len;
    const char *text;    /* borrowed; len bytes (0: a delete) */
    uint8_t hole;        /* OutHole: with a hole, text is unused */
    uint8_t ctx;         /* OUT_HOLE_REF: OutRefCtx */
    uint32_t arg;
} OutEdit;

typedef struct OutEdits {
    VEC(OutEdit) items;
} OutEdits;

/* Replaces [start, end) by text[0..len).  Can't fail. */
void out_edit_replace(OutEdits *e, uint32_t start, uint32_t end, const char *text, uint32_t len);
static inline void out_edit_insert(OutEdits *e, uint32_t at, const char *text, uint32_t len) {
    out_edit_replace(e, at, at, text, len);
}
static inline void out_edit_delete(OutEdits *e, uint32_t start, uint32_t end) {
    out_edit_replace(e, start, end, "", 0);
}

/* Adds a hole over [start, end) (see OutHole). */
void out_edit_hole(OutEdits *e, uint32_t start, uint32_t end, OutHole hole, OutRefCtx ctx, uint32_t arg);

/* Sorts the edits by position (inserts at an offset in the order made). */
void out_edits_sort(OutEdits *e);

/* Writes a hole's text to out. */
typedef void (*OutHoleFn)(void *ctx, const OutEdit *hole, VecChar *out);

/* Appends src[0..len) with the sorted edits[0..n) applied to out; holes
 * are written by fill (may be NULL when there are none).  False when two
 * edits overlap (a bug, checked in every build: the text is then
 * incomplete and must not be emitted). */
bool out_edits_write(const OutEdit *edits, uint32_t n, const char *src, uint32_t len, VecChar *out, OutHoleFn fill,
                     void *fill_ctx);


/* A range of the source left out entirely (a statement tree shaking
 * dropped), with every edit inside it. */
typedef struct OutCut {
    uint32_t start, end;
} OutCut;

/* Where output bytes came from, for source maps: out[out, out + len) is a
 * copy of src[src, src + len); len 0: an edit's text starts at out, in
 * place of src[src...). */
typedef struct OutSpan {
    uint32_t out, src, len;
} OutSpan;
typedef VEC(OutSpan) OutSpans;

/* out_edits_write, leaving out the sorted, disjoint cuts[0..ncuts) and the
 * edits inside them; an insert at a cut's start or end is kept (it
 * belongs to the neighbour).  False also for an edit that straddles a cut
 * or cuts out of order (bugs).  With spans (may be NULL), each copy and
 * each edit's text is noted there, in output order. */
bool out_edits_write_cut(const OutEdit *edits, uint32_t n, const OutCut *cuts, uint32_t ncuts, const char *src,
                         uint32_t len, VecChar *out, OutHoleFn fill, void *fill_ctx, OutSpans *spans);

void out_edits_free(OutEdits *e);

/* ---- Text -------------------------------------------------------------- */

/* Orders two UTF-8 strings as JavaScript compares strings, by UTF-16 code
 * units (so U+10000 and above, two surrogates, sort before U+E000-U+FFFF,
 * where byte order puts them after): the order of a namespace's names. */
int out_utf16_cmp(const char *a, uint32_t alen, const char *b, uint32_t blen);

void out_append(VecChar *out, const char *s, size_t n);
void out_puts(VecChar *out, const char *s);
void out_printf(VecChar *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void out_u32(VecChar *out, uint32_t n); /* decimal */

/* Appends s[0..n) as a double-quoted JavaScript string literal. */
void out_js_string(VecChar *out, const char *s, size_t n);

/* Appends s[0..n) (a path, say) so that it stays text inside a line or
 * block comment and inside an HTML script element: line terminators (CR,
 * LF, U+2028, U+2029) and other control characters are written as escape
 * sequences, and the two-character end of a block comment and "</script"
 * (any case) are broken up with a backslash. */
void out_comment_text(VecChar *out, const char *s, size_t n);

/* True when s[0..n) can be written as a property name after a dot
 * (an ASCII identifier name; anything else is written in brackets). */
bool out_is_ident(const char *s, size_t n);

#endif
