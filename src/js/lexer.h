/* js/lexer.h: the JavaScript lexer.
 *
 * The parser pulls one token at a time (js_lex_next).  The lexer cannot know
 * on its own whether `/` starts a regular expression or whether `}` ends a
 * template substitution, so it always scans `/`, `/=` and `}` as
 * punctuators and the parser asks for a re-scan where the grammar says a
 * regular expression or a template continuation stands (the approach of
 * esbuild's js_lexer).
 *
 * Errors: a malformed token (unterminated string, bad escape, invalid
 * character...) adds a DIAG_SYNTAX diagnostic and longjmps to lx->fail,
 * which the parser's entry point set up (Lua's style): the lexer and parser
 * never unwind by hand.  Things that are errors only in strict mode or only
 * in some positions are reported as token flags for the parser to judge.
 *
 * Memory: cooked identifier and string values that differ from the source
 * (they contained escapes) are decoded into lx->arena (the module's arena);
 * otherwise they point into the source.  Both live as long as the module. */
#ifndef BALE_JS_LEXER_H
#define BALE_JS_LEXER_H

#include "base/arena.h"
#include "base/diag.h"

#include "base/vec.h"

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>

typedef enum JsTokenKind {
#define X(name, text) TK_##name,
#include "js/token.def"
#undef X
    TK_COUNT
} JsTokenKind;

enum {
    /* A line terminator (or a comment containing one) precedes the token:
     * what ASI and the [no LineTerminator here] restrictions look at. */
    JS_TOKF_NEWLINE_BEFORE = 1 << 0,
    /* IDENTIFIER/PRIVATE_NAME written with \u escapes.  An escaped word
     * that spells a reserved word stays TK_IDENTIFIER with this flag; the
     * parser rejects it where a keyword or a binding is expected. */
    JS_TOKF_ESCAPED = 1 << 1,
    /* NUMBER: legacy octal 017 or a decimal with a leading zero 08/09.
     * STRING/template: contains a legacy octal escape \01 or \8 \9.
     * (Errors in strict mode; the parser decides.) */
    JS_TOKF_LEGACY_OCTAL = 1 << 2,
    /* Template token with an escape that is invalid in untagged templates
     * (\u{ bad, \x1, \01 ...): cooked value is undefined; an error unless
     * the template is tagged. */
    JS_TOKF_INVALID_ESCAPE = 1 << 3,
    /* A comment containing @__PURE__ or #__PURE__ precedes the token (the
     * parser marks the call or new it starts: JS_F_PURE). */
    JS_TOKF_PURE_COMMENT = 1 << 4,
    /* STRING contains U+2028/U+2029 or a line continuation, or any escape
     * at all (a "use strict" directive must be written without escapes). */
    JS_TOKF_HAS_ESCAPE = 1 << 5,
    /* A comment containing @__NO_SIDE_EFFECTS__ or #__NO_SIDE_EFFECTS__
     * precedes the token (the parser marks the function it starts or
     * declares: JS_F_NO_SIDE_EFFECTS). */
    JS_TOKF_NO_SIDE_EFFECTS_COMMENT = 1 << 6,
};

typedef struct JsToken {
    JsTokenKind kind;
    uint32_t flags;       /* JS_TOKF_* */
    uint32_t start, end;  /* byte range in the source, the raw text */
    /* IDENTIFIER, PRIVATE_NAME (without the #), STRING (without quotes),
     * template tokens (cooked, without ` ${ }): the value.  For reserved
     * words: their text.  NUL-terminated is NOT guaranteed; use len. */
    const char *str;
    uint32_t len;
    double number;        /* NUMBER: the value */
} JsToken;

typedef struct JsLexer {
    const char *src;      /* borrowed: the module's source, with FS_PADDING zero bytes after len */
    uint32_t len;
    uint32_t pos;         /* next byte to scan */
    JsToken tok;          /* the current token */
    bool module;          /* module goal: no HTML-like comments */
    uint32_t html_comment_at; /* +1 offset of the first HTML-like comment (script goal), or 0 */
    Arena *arena;         /* decoded values; the module's arena */
    DiagList *diags;      /* borrowed */
    const DiagFile *file; /* borrowed; for diagnostics */
    jmp_buf *fail;        /* where errors longjmp to */
    VecU32 *legal;        /* or NULL: gets (start, end) of each legal comment, one that starts
                           * with ! or holds @license or @preserve (the minifier keeps them) */
} JsLexer;

/* Prepares to scan src[0..len).  src must be followed by at least
 * FS_PADDING readable zero bytes (fs_read_file provides them).  Skips a
 * leading byte-order mark and a hashbang line.  Does not scan a token:
 * call js_lex_next for the first one. */
void js_lex_init(JsLexer *lx, const char *src, uint32_t len, bool module,
                 Arena *arena, DiagList *diags, const DiagFile *file, jmp_buf *fail);

/* Scans the next token into lx->tok.  `/` and `/=` come back as TK_SLASH
 * and TK_SLASH_EQ, `}` as TK_RBRACE. */
void js_lex_next(JsLexer *lx);

/* The current token is TK_SLASH or TK_SLASH_EQ where the grammar expects an
 * expression: re-scans it as a regular expression literal (TK_REGEXP).
 * str/len then hold the pattern (between the slashes); the flags follow it
 * in the raw text.  Checks the flags (dgimsuyv, no repeats, not u with v),
 * the pattern's brackets and that it has no line terminator. */
void js_lex_regexp(JsLexer *lx);

/* The current token is TK_RBRACE that closes a template substitution:
 * re-scans from it as TK_TEMPLATE_MIDDLE or TK_TEMPLATE_TAIL. */
void js_lex_template_continue(JsLexer *lx);

/* Reports a syntax error at [start, end) and longjmps to lx->fail.
 * Used by the parser too, so all syntax errors look alike. */
_Noreturn void js_lex_error(JsLexer *lx, uint32_t start, uint32_t end, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The text of a token kind ("{", "if", "<string>").  Static storage. */
const char *js_token_text(JsTokenKind kind);

/* Unicode identifier classes (ID_Start + $ _, ID_Continue + $ ZWNJ ZWJ). */
bool js_is_id_start(uint32_t cp);
bool js_is_id_continue(uint32_t cp);

/* Sorted, disjoint code point ranges (generated tables), and whether one
 * holds cp (a binary search). */
typedef struct JsCodeRange {
    uint32_t first, last;
} JsCodeRange;
bool js_in_code_ranges(const JsCodeRange *r, size_t n, uint32_t cp);

#endif
