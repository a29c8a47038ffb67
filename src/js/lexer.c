/* js/lexer.c: the JavaScript lexer (ECMAScript 2025 lexical grammar, with
 * Annex B's HTML-like comments and legacy octal literals and escapes).
 *
 * In:  a module's source, NUL-padded (see js_lex_init).  Out: one token at a
 * time in lx->tok, pulled by the parser; `/` and `}` are re-scanned on the
 * parser's request (js_lex_regexp, js_lex_template_continue).
 * Memory: nothing is allocated unless a value differs from its source text
 * (escapes, template CRs); then the cooked value goes to lx->arena, the
 * module's arena.  Errors: diagnostic, then longjmp to lx->fail.
 * Pipeline: called by the parser in the build task, on a worker thread.
 *
 * Speed is the design (about 550 MB/s on typescript.js on one core of the
 * machine it was measured on): a 256-entry class table and one switch on
 * the first byte; SSE2 scans of identifiers, blanks, strings, templates and
 * comments; reserved words by a perfect hash on their first 8 bytes; values
 * computed without allocation.  The source's NUL padding lets every loop run
 * until it meets a byte it has to look at; a NUL is then the end of input
 * only if its position is lx->len (a NUL inside the file is a character). */
#include "js/lexer.h"

#include "base/mem.h"
#include "js/number.h"

#include <assert.h>
#include <stdarg.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdlib.h>
#include <string.h>

#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define COMPILER_BARRIER() __asm__ volatile("" ::: "memory")

/* ---- Byte classes ------------------------------------------------------ */

/* What a byte can begin.  ID and DG come first so that "is an ASCII
 * identifier part" is one comparison (byte_class[c] <= DG). */
enum {
    ID, /* A-Z a-z $ _ */
    DG, /* 0-9 */
    WS, /* tab, VT, FF, space */
    LF, CR,
    NU, /* NUL: end of input, or a stray NUL */
    QT, /* ' " */
    BT, /* ` */
    SL, DT, LT, GT, EQ, BG, PL, MI, ST, PC, AM, BR, CA, QU, HS, BS,
    S1, /* a one-byte punctuator: see single_kind */
    HI, /* >= 0x80: UTF-8 */
    XX, /* never valid outside strings and comments */
};

static const uint8_t byte_class[256] = {
    /* 0x */ NU, XX, XX, XX, XX, XX, XX, XX, XX, WS, LF, WS, WS, CR, XX, XX,
    /* 1x */ XX, XX, XX, XX, XX, XX, XX, XX, XX, XX, XX, XX, XX, XX, XX, XX,
    /* 2x */ WS, BG, QT, HS, ID, PC, AM, QT, S1, S1, ST, PL, S1, MI, DT, SL,
    /* 3x */ DG, DG, DG, DG, DG, DG, DG, DG, DG, DG, S1, S1, LT, EQ, GT, QU,
    /* 4x */ S1, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID,
    /* 5x */ ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, S1, BS, S1, CA, ID,
    /* 6x */ BT, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID,
    /* 7x */ ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, S1, BR, S1, S1, XX,
    /* 8x-Fx: the lead and continuation bytes of UTF-8 */
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI,
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI,
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI,
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI,
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI,
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI,
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI,
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI,
};

static inline bool is_id_part_ascii(unsigned char c) {
    return byte_class[c] <= DG;
}

static const uint8_t single_kind[256] = {
    ['{'] = TK_LBRACE, ['}'] = TK_RBRACE, ['('] = TK_LPAREN, [')'] = TK_RPAREN,
    ['['] = TK_LBRACKET, [']'] = TK_RBRACKET, [';'] = TK_SEMICOLON, [','] = TK_COMMA,
    ['~'] = TK_TILDE, [':'] = TK_COLON, ['@'] = TK_AT,
};

/* A digit's value plus one, 0 for non-digits: `digit1[c] - 1u` is the value,
 * or UINT_MAX, which no radix accepts. */
static const uint8_t digit1[256] = {
    ['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5,
    ['5'] = 6, ['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10,
    ['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
    ['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
};

static inline unsigned digit_value(unsigned char c) {
    return digit1[c] - 1u;
}

/* U+2028 LINE SEPARATOR or U+2029 PARAGRAPH SEPARATOR at p (E2 80 A8/A9). */
static inline bool is_ls_ps(const unsigned char *p) {
    return p[0] == 0xE2 && p[1] == 0x80 && (p[2] & 0xFE) == 0xA8;
}

/* Non-ASCII WhiteSpace: NBSP, ZWNBSP (BOM) and the Space_Separator class. */
static bool is_unicode_space(uint32_t cp) {
    return cp == 0xA0 || cp == 0xFEFF || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* ---- Runs of bytes -----------------------------------------------------
 * The hot loops, 16 bytes at a time with SSE2 (elsewhere: bytes, or 8 at a
 * time in a uint64).  A scan moves past a block only when no byte in it
 * ends the run, and a NUL always ends it, so no load starts past lx->len
 * and none reads past the 16 bytes of padding. */

/* The bytes that scanning loops must stop at (find_first_of); anything
 * else is passed over.  Each set includes NUL, which may be the end, and
 * 0xE2, where it matters, the lead byte of U+2028 and U+2029. */
#define STRING_STOPS "\0\n\r'\"\\\xE2", 7
#define TEMPLATE_STOPS "\0\r`$\\", 5
#define LINE_COMMENT_STOPS "\0\n\r\xE2", 4
#define BLOCK_COMMENT_STOPS "\0\n\r*\xE2", 5

/* The length of the run of ASCII identifier characters [A-Za-z0-9$_] at p.
 * Most identifiers are shorter than 16 bytes and so cost one block. */
static inline uint32_t ascii_id_run(const unsigned char *p) {
#ifdef __SSE2__
    uint32_t n = 0;
    for (;;) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + n));
        /* x + (128 - lo) < -128 + count, signed: lo <= x < lo + count. */
        __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
        __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(folded, _mm_set1_epi8((char)(128 - 'a'))),
                                        _mm_set1_epi8((char)(-128 + 26)));
        __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(128 - '0'))),
                                       _mm_set1_epi8((char)(-128 + 10)));
        __m128i other = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('_')),
                                     _mm_cmpeq_epi8(v, _mm_set1_epi8('$')));
        unsigned in = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), other));
        if (in != 0xFFFF) return n + (uint32_t)__builtin_ctz(~in);
        n += 16;
    }
#else
    uint32_t n = 0;
    while (is_id_part_ascii(p[n])) n++;
    return n;
#endif
}

/* The position after the run of spaces and tabs at p (indentation). */
static inline uint32_t skip_blanks(const unsigned char *s, uint32_t p) {
#ifdef __SSE2__
    for (;;) {
        __m128i v = _mm_loadu_si128((const __m128i *)(s + p));
        __m128i blank = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
                                     _mm_cmpeq_epi8(v, _mm_set1_epi8('\t')));
        unsigned in = (unsigned)_mm_movemask_epi8(blank);
        if (in != 0xFFFF) return p + (uint32_t)__builtin_ctz(~in);
        p += 16;
    }
#else
    while (s[p] == ' ' || s[p] == '\t') p++;
    return p;
#endif
}

/* The position of the first byte at or after p that is one of set[0..n),
 * which must include NUL.  Inlined with a constant set, the inner loop
 * unrolls into n compares per block. */
static inline uint32_t find_first_of(const unsigned char *s, uint32_t p, const char *set, int n) {
#ifdef __SSE2__
    for (;; p += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(s + p));
        __m128i hit = _mm_cmpeq_epi8(v, _mm_set1_epi8(set[0]));
        for (int i = 1; i < n; i++) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(set[i])));
        unsigned m = (unsigned)_mm_movemask_epi8(hit);
        if (m) return p + (uint32_t)__builtin_ctz(m);
    }
#else
    /* Eight bytes at a time in a uint64 (SWAR): a byte equal to b becomes
     * zero after XOR with b in every byte, and (x - 0x01..) & ~x & 0x80..
     * marks the lowest zero byte exactly. */
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
    for (;; p += 8) {
        uint64_t v, hit = 0;
        memcpy(&v, s + p, 8);
        for (int i = 0; i < n; i++) {
            uint64_t x = v ^ (ones * (unsigned char)set[i]);
            hit |= (x - ones) & ~x & highs;
        }
        if (hit) return p + (uint32_t)__builtin_ctzll(hit) / 8;
    }
#endif
}

/* ---- UTF-8 ------------------------------------------------------------- */

/* Decodes the well-formed UTF-8 sequence at p into *cp and returns its
 * length, or returns 0 for an ill-formed one (overlong, surrogate, beyond
 * U+10FFFF, truncated).  Reads at most 4 bytes: the padding covers them. */
static uint32_t decode_utf8(const unsigned char *p, uint32_t *cp) {
    unsigned char c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        if ((p[1] & 0xC0) != 0x80) return 0;
        *cp = (uint32_t)(c & 0x1F) << 6 | (p[1] & 0x3F);
        return 2;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
        uint32_t v = (uint32_t)(c & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
        if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)) return 0;
        *cp = v;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) return 0;
        uint32_t v = (uint32_t)(c & 0x07) << 18 | (uint32_t)(p[1] & 0x3F) << 12 |
                     (uint32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
        if (v < 0x10000 || v > 0x10FFFF) return 0;
        *cp = v;
        return 4;
    }
    return 0;
}

/* Appends cp as UTF-8; surrogates get the 3-byte form (WTF-8). */
static char *put_utf8(char *o, uint32_t cp) {
    if (cp < 0x80) {
        *o++ = (char)cp;
    } else if (cp < 0x800) {
        *o++ = (char)(0xC0 | cp >> 6);
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = (char)(0xE0 | cp >> 12);
        *o++ = (char)(0x80 | (cp >> 6 & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *o++ = (char)(0xF0 | cp >> 18);
        *o++ = (char)(0x80 | (cp >> 12 & 0x3F));
        *o++ = (char)(0x80 | (cp >> 6 & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    }
    return o;
}

/* ---- Errors ------------------------------------------------------------ */

_Noreturn void js_lex_error(JsLexer *lx, uint32_t start, uint32_t end, const char *fmt, ...) {
    if (end > lx->len) end = lx->len;
    if (start > end) start = end;
    va_list ap;
    va_start(ap, fmt);
    diag_addv(lx->diags, DIAG_ERROR, DIAG_SYNTAX, lx->file, start, end, fmt, ap);
    va_end(ap);
    longjmp(*lx->fail, 1);
}

/* The error for a byte that cannot be where it is, named the way a user
 * sees it: the character, or its code point when it is invisible. */
static _Noreturn void unexpected_at(JsLexer *lx, uint32_t pos) {
    const unsigned char *s = (const unsigned char *)lx->src;
    if (pos >= lx->len) js_lex_error(lx, lx->len, lx->len, "unexpected end of file");
    if (s[pos] == 0) js_lex_error(lx, pos, pos + 1, "unexpected NUL character");
    uint32_t cp, n = decode_utf8(s + pos, &cp);
    if (n == 0) js_lex_error(lx, pos, pos + 1, "invalid UTF-8");
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || is_unicode_space(cp) || cp == 0x200B ||
        cp == 0x200C || cp == 0x200D)
        js_lex_error(lx, pos, pos + n, "unexpected character U+%04X", (unsigned)cp);
    js_lex_error(lx, pos, pos + n, "unexpected character \"%.*s\"", (int)n, (const char *)s + pos);
}

/* ---- Comments ---------------------------------------------------------- */

/* Whether the annotation word w[0..n) stands at p and ends there: the
 * next character, if the comment has one, cannot continue an identifier
 * (esbuild's hasPrefixWithWordBoundary: #__PURE__x is no annotation). */
static bool annotation_word(const char *p, const char *end, const char *w, size_t n) {
    if ((size_t)(end - p) < n || memcmp(p, w, n) != 0) return false;
    if (p + n == end) return true;
    const unsigned char *c = (const unsigned char *)p + n;
    if (*c < 0x80) return !is_id_part_ascii(*c);
    uint32_t cp;
    return decode_utf8(c, &cp) == 0 || !js_is_id_continue(cp);
}

/* The annotations in a comment's text (without its delimiters): @__PURE__
 * or #__PURE__, @__NO_SIDE_EFFECTS__ or #__NO_SIDE_EFFECTS__, anywhere in
 * the comment, as esbuild and Rollup read them.  They mark the next token
 * (JS_TOKF_PURE_COMMENT, JS_TOKF_NO_SIDE_EFFECTS_COMMENT); the parser
 * decides whether it starts something they apply to.  Most comments have
 * no "__" at all, so this is one memmem over the text. */
static uint32_t annotation_flags(const char *text, uint32_t n) {
    const char *end = text + n, *p = text;
    uint32_t flags = 0;
    while (end - p >= 9) { /* the shortest is @__PURE__ */
        const char *hit = memmem(p + 1, (size_t)(end - p - 1), "__", 2);
        if (!hit) break;
        p = hit + 1;
        if (hit[-1] != '@' && hit[-1] != '#') continue;
        if (annotation_word(hit + 2, end, "PURE__", 6)) {
            flags |= JS_TOKF_PURE_COMMENT;
            p = hit + 8;
        } else if (annotation_word(hit + 2, end, "NO_SIDE_EFFECTS__", 17)) {
            flags |= JS_TOKF_NO_SIDE_EFFECTS_COMMENT;
            p = hit + 19;
        }
    }
    return flags;
}

/* Notes comment [start, end) (body: its text) when it is a legal comment. */
static void note_legal(JsLexer *lx, uint32_t start, uint32_t end, const char *body, uint32_t n) {
    if (!n) return;
    bool legal = body[0] == '!';
    for (const char *p = body, *e = body + n; !legal && (p = memchr(p, '@', (size_t)(e - p))); p++)
        legal = (e - p >= 8 && !memcmp(p, "@license", 8)) || (e - p >= 9 && !memcmp(p, "@preserve", 9));
    if (!legal) return;
    if (lx->legal->len && lx->legal->data[lx->legal->len - 2] >= start) return; /* scanned again */
    VEC_PUSH(lx->legal, start);
    VEC_PUSH(lx->legal, end);
}

/* Skips a single-line comment whose body starts at p; returns the position
 * of the line terminator (or of the end) that ends it. */
static uint32_t skip_line_comment(JsLexer *lx, uint32_t p, JsToken *t) {
    const unsigned char *s = (const unsigned char *)lx->src;
    uint32_t body = p;
    for (;;) {
        p = find_first_of(s, p, LINE_COMMENT_STOPS);
        if (s[p] == '\n' || s[p] == '\r' || is_ls_ps(s + p)) break;
        if (s[p] == 0 && p >= lx->len) break;
        p++; /* a NUL in the file, or another 0xE2 character */
    }
    t->flags |= annotation_flags(lx->src + body, p - body);
    if (lx->legal) note_legal(lx, body - 2, p, lx->src + body, p - body);
    return p;
}

/* Skips a multi-line comment whose body starts at p (after the opening
 * slash and star); returns the position after it.  A line terminator
 * inside counts as a newline before the next token. */
static uint32_t skip_block_comment(JsLexer *lx, uint32_t p, JsToken *t) {
    const unsigned char *s = (const unsigned char *)lx->src;
    uint32_t body = p, end;
    for (;;) {
        p = find_first_of(s, p, BLOCK_COMMENT_STOPS);
        if (s[p] == '*') {
            if (s[p + 1] == '/') {
                end = p;
                break;
            }
            p++;
        } else if (s[p] == '\n' || s[p] == '\r' || is_ls_ps(s + p)) {
            /* The newline is known: the rest only has to find the end. */
            t->flags |= JS_TOKF_NEWLINE_BEFORE;
            const char *close = memmem(lx->src + p, lx->len - p, "*/", 2);
            if (!close) js_lex_error(lx, body - 2, body, "unterminated comment");
            end = (uint32_t)(close - lx->src);
            break;
        } else if (s[p] == 0 && p >= lx->len) {
            js_lex_error(lx, body - 2, body, "unterminated comment");
        } else {
            p++;
        }
    }
    t->flags |= annotation_flags(lx->src + body, end - body);
    if (lx->legal) note_legal(lx, body - 2, end + 2, lx->src + body, end - body);
    return end + 2;
}

/* ---- Identifiers and reserved words -------------------------------------- */

/* Up to 8 bytes of a word as one little-endian integer, the way load_word
 * reads them from the source (the padding makes the 8-byte load safe). */
#define W2(a, b) ((uint64_t)(a) | (uint64_t)(b) << 8)
#define W3(a, b, c) (W2(a, b) | (uint64_t)(c) << 16)
#define W4(a, b, c, d) (W3(a, b, c) | (uint64_t)(d) << 24)
#define W5(a, b, c, d, e) (W4(a, b, c, d) | (uint64_t)(e) << 32)
#define W6(a, b, c, d, e, f) (W5(a, b, c, d, e) | (uint64_t)(f) << 40)
#define W7(a, b, c, d, e, f, g) (W6(a, b, c, d, e, f) | (uint64_t)(g) << 48)
#define W8(a, b, c, d, e, f, g, h) (W7(a, b, c, d, e, f, g) | (uint64_t)(h) << 56)

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "keyword() loads words little-endian");

static inline uint64_t load_word(const char *s, uint32_t n) {
    uint64_t w;
    memcpy(&w, s, 8);
    return n >= 8 ? w : w & ((UINT64_C(1) << 8 * n) - 1);
}

/* Reserved words by perfect hash: a word's first 8 bytes times KW_MUL,
 * top 6 bits, is a slot of its own (KW_MUL was found by trying random odd
 * multipliers until the 36 words fell into 36 different slots).  A clash
 * would show at compile time: -Woverride-init flags two initializers of one
 * slot.  One multiply, one load and one compare per identifier. */
#define KW_MUL UINT64_C(0x40d8286c96544693)
#define KW_SLOT(w) ((uint64_t)((w) * KW_MUL) >> 58)
#define KW(w, n, kind) [KW_SLOT(w)] = {w, n, TK_##kind}

typedef struct Keyword {
    uint64_t word; /* the first 8 bytes; "instanceof" also checks its "of" */
    uint8_t len;
    uint8_t kind;
} Keyword;

static const Keyword keywords[64] = {
    KW(W2('d', 'o'), 2, DO),
    KW(W2('i', 'f'), 2, IF),
    KW(W2('i', 'n'), 2, IN),
    KW(W3('f', 'o', 'r'), 3, FOR),
    KW(W3('n', 'e', 'w'), 3, NEW),
    KW(W3('t', 'r', 'y'), 3, TRY),
    KW(W3('v', 'a', 'r'), 3, VAR),
    KW(W4('c', 'a', 's', 'e'), 4, CASE),
    KW(W4('e', 'l', 's', 'e'), 4, ELSE),
    KW(W4('e', 'n', 'u', 'm'), 4, ENUM),
    KW(W4('n', 'u', 'l', 'l'), 4, NULL),
    KW(W4('t', 'h', 'i', 's'), 4, THIS),
    KW(W4('t', 'r', 'u', 'e'), 4, TRUE),
    KW(W4('v', 'o', 'i', 'd'), 4, VOID),
    KW(W4('w', 'i', 't', 'h'), 4, WITH),
    KW(W5('b', 'r', 'e', 'a', 'k'), 5, BREAK),
    KW(W5('c', 'a', 't', 'c', 'h'), 5, CATCH),
    KW(W5('c', 'l', 'a', 's', 's'), 5, CLASS),
    KW(W5('c', 'o', 'n', 's', 't'), 5, CONST),
    KW(W5('f', 'a', 'l', 's', 'e'), 5, FALSE),
    KW(W5('s', 'u', 'p', 'e', 'r'), 5, SUPER),
    KW(W5('t', 'h', 'r', 'o', 'w'), 5, THROW),
    KW(W5('w', 'h', 'i', 'l', 'e'), 5, WHILE),
    KW(W6('d', 'e', 'l', 'e', 't', 'e'), 6, DELETE),
    KW(W6('e', 'x', 'p', 'o', 'r', 't'), 6, EXPORT),
    KW(W6('i', 'm', 'p', 'o', 'r', 't'), 6, IMPORT),
    KW(W6('r', 'e', 't', 'u', 'r', 'n'), 6, RETURN),
    KW(W6('s', 'w', 'i', 't', 'c', 'h'), 6, SWITCH),
    KW(W6('t', 'y', 'p', 'e', 'o', 'f'), 6, TYPEOF),
    KW(W7('d', 'e', 'f', 'a', 'u', 'l', 't'), 7, DEFAULT),
    KW(W7('e', 'x', 't', 'e', 'n', 'd', 's'), 7, EXTENDS),
    KW(W7('f', 'i', 'n', 'a', 'l', 'l', 'y'), 7, FINALLY),
    KW(W8('c', 'o', 'n', 't', 'i', 'n', 'u', 'e'), 8, CONTINUE),
    KW(W8('d', 'e', 'b', 'u', 'g', 'g', 'e', 'r'), 8, DEBUGGER),
    KW(W8('f', 'u', 'n', 'c', 't', 'i', 'o', 'n'), 8, FUNCTION),
    KW(W8('i', 'n', 's', 't', 'a', 'n', 'c', 'e'), 10, INSTANCEOF),
};

/* The reserved word spelled by s[0..n), 2 <= n <= 10, or TK_IDENTIFIER.
 * s must be followed by at least 8 readable bytes. */
static inline JsTokenKind keyword(const char *s, uint32_t n) {
    uint64_t w = load_word(s, n);
    const Keyword *k = &keywords[KW_SLOT(w)];
    if (k->word != w || k->len != n || (n == 10 && (s[8] != 'o' || s[9] != 'f')))
        return TK_IDENTIFIER;
    return (JsTokenKind)k->kind;
}

/* Reads the hex digits of a \u escape whose `u` is at p: XXXX or {X...}.
 * Returns the code unit or code point and sets *next past the escape, or
 * returns UINT32_MAX (malformed, or above U+10FFFF). */
static uint32_t read_unicode_escape(const unsigned char *s, uint32_t p, uint32_t *next) {
    uint32_t v = 0;
    p++;
    if (s[p] == '{') {
        uint32_t digits = 0;
        for (p++; digit_value(s[p]) < 16; p++, digits++) {
            v = v * 16 + digit_value(s[p]);
            if (v > 0x10FFFF) return UINT32_MAX;
        }
        if (digits == 0 || s[p] != '}') return UINT32_MAX;
        *next = p + 1;
        return v;
    }
    for (int i = 0; i < 4; i++, p++) {
        unsigned d = digit_value(s[p]);
        if (d >= 16) return UINT32_MAX;
        v = v * 16 + d;
    }
    *next = p;
    return v;
}

/* Reads the character at p, raw (UTF-8) or a \u escape, into *cp and
 * returns the position after it; sets *escaped for an escape.  Whether it
 * may stand in an identifier is the caller's question.  Errors on a
 * backslash without a well-formed \u escape and on invalid UTF-8. */
static uint32_t ident_char(JsLexer *lx, uint32_t p, uint32_t *cp, bool *escaped) {
    const unsigned char *s = (const unsigned char *)lx->src;
    unsigned char c = s[p];
    if (c < 0x80) {
        if (c != '\\') {
            *cp = c;
            return p + 1;
        }
        if (s[p + 1] != 'u') js_lex_error(lx, p, p + 2, "invalid escape sequence in identifier");
        uint32_t next;
        *cp = read_unicode_escape(s, p + 1, &next);
        if (*cp == UINT32_MAX) js_lex_error(lx, p, p + 2, "invalid Unicode escape sequence");
        *escaped = true;
        return next;
    }
    uint32_t n = decode_utf8(s + p, cp);
    if (n == 0) js_lex_error(lx, p, p + 1, "invalid UTF-8");
    return p + n;
}

/* Scans an identifier (or private name's name) starting at p that has an
 * escape or a non-ASCII character somewhere; the fast path in js_lex_next
 * handles the rest.  Fills t->str/len (cooked into the arena when escaped)
 * and returns the end. */
static uint32_t scan_identifier_slow(JsLexer *lx, uint32_t p, JsToken *t) {
    const unsigned char *s = (const unsigned char *)lx->src;
    uint32_t start = p, cp;
    bool escaped = false;
    for (bool first = true;; first = false) {
        if (s[p] < 0x80 && s[p] != '\\' && !is_id_part_ascii(s[p])) break;
        bool esc = false;
        uint32_t next = ident_char(lx, p, &cp, &esc);
        bool ok = first ? js_is_id_start(cp) : js_is_id_continue(cp);
        if (!ok) {
            if (esc) js_lex_error(lx, p, next, "invalid character U+%04X in identifier", (unsigned)cp);
            if (first) unexpected_at(lx, p);
            break; /* a non-ASCII non-identifier character ends it */
        }
        escaped |= esc;
        p = next;
    }
    if (!escaped) {
        t->str = lx->src + start;
        t->len = p - start;
        return p;
    }
    /* Escapes are never shorter than what they encode, so the raw length
     * bounds the cooked one. */
    char *buf = arena_alloc(lx->arena, p - start + 1, 1), *o = buf;
    for (uint32_t q = start; q < p;) {
        bool esc = false;
        q = ident_char(lx, q, &cp, &esc);
        o = put_utf8(o, cp);
    }
    *o = 0;
    t->str = buf;
    t->len = (uint32_t)(o - buf);
    t->flags |= JS_TOKF_ESCAPED;
    return p;
}

/* ---- Numbers ----------------------------------------------------------- */

/* Scans digits of radix from p, with numeric separators allowed only
 * between two digits.  Accumulates into *acc (wrapping; the caller knows
 * when to trust it) and counts significant digits (after leading zeros)
 * into *sig.  Sets *sep when a separator was seen.  Returns the end. */
static uint32_t scan_digits(JsLexer *lx, uint32_t p, unsigned radix, uint64_t *acc, uint32_t *sig,
                            bool *sep) {
    const unsigned char *s = (const unsigned char *)lx->src;
    for (;;) {
        unsigned d = digit_value(s[p]);
        if (d < radix) {
            *acc = *acc * radix + d;
            *sig += (*sig > 0 || d > 0);
            p++;
        } else if (s[p] == '_') {
            if (digit_value(s[p - 1]) >= radix)
                js_lex_error(lx, p, p + 1, "numeric separators are only allowed between digits");
            if (s[p + 1] == '_')
                js_lex_error(lx, p, p + 2, "only one underscore is allowed as numeric separator");
            if (digit_value(s[p + 1]) >= radix)
                js_lex_error(lx, p, p + 1, "numeric separators are only allowed between digits");
            *sep = true;
            p++;
        } else {
            return p;
        }
    }
}

/* The value of the radix-2^shift digits in s[from, to) (separators
 * skipped), correctly rounded: exact in a uint64 when it fits, else through
 * js_strtod_c on the same bits written as a hex literal. */
static double radix_value(const char *s, uint32_t from, uint32_t to, unsigned shift) {
    uint64_t acc = 0;
    uint32_t bits = 0, ndigits = 0;
    for (uint32_t i = from; i < to; i++) {
        if (s[i] == '_') continue;
        ndigits++;
        unsigned d = digit_value((unsigned char)s[i]);
        if (bits == 0 && d == 0) continue;
        bits = bits ? bits + shift : (uint32_t)(32 - __builtin_clz(d));
        acc = acc << shift | d;
    }
    if (bits <= 64) return (double)acc; /* the conversion rounds correctly */

    /* Regroup the bits into hex digits, most significant first. */
    char *hex = mem_alloc(2 + (size_t)ndigits * shift / 4 + 2), *o = hex;
    *o++ = '0', *o++ = 'x';
    uint32_t pending = 0, npending = (4 - ndigits * shift % 4) % 4;
    for (uint32_t i = from; i < to; i++) {
        if (s[i] == '_') continue;
        pending = pending << shift | digit_value((unsigned char)s[i]);
        npending += shift;
        while (npending >= 4) {
            npending -= 4;
            *o++ = "0123456789abcdef"[pending >> npending & 15];
        }
        pending &= (1u << npending) - 1;
    }
    *o = 0;
    double v = js_strtod_c(hex, NULL);
    mem_free(hex);
    return v;
}

/* The value of the decimal literal s[from, to), with separators. */
static double decimal_value(const char *s, uint32_t from, uint32_t to, bool sep) {
    if (!sep) return js_strtod_c(s + from, NULL); /* stops where the literal does */
    char small[64];
    char *buf = to - from < sizeof small ? small : mem_alloc(to - from + 1), *o = buf;
    for (uint32_t i = from; i < to; i++)
        if (s[i] != '_') *o++ = s[i];
    *o = 0;
    double v = js_strtod_c(buf, NULL);
    if (buf != small) mem_free(buf);
    return v;
}

/* After a numeric literal, neither an identifier nor a digit may follow
 * (`3in`, `0b12`). */
static void check_after_number(JsLexer *lx, uint32_t p, const char *radix_name) {
    const unsigned char *s = (const unsigned char *)lx->src;
    unsigned char c = s[p];
    if (byte_class[c] == DG)
        js_lex_error(lx, p, p + 1, "invalid digit \"%c\" in %s literal", c, radix_name);
    if (byte_class[c] == ID || c == '\\')
        js_lex_error(lx, p, p + 1, "identifier starts immediately after numeric literal");
    uint32_t cp;
    if (c >= 0x80 && decode_utf8(s + p, &cp) && js_is_id_start(cp))
        js_lex_error(lx, p, p + 1, "identifier starts immediately after numeric literal");
}

/* Scans a numeric literal starting at p (a digit, or `.` then a digit) into
 * t: kind NUMBER or BIGINT, number, flags; str/len = the raw text without a
 * BigInt's `n`.  Returns the end. */
static uint32_t scan_number(JsLexer *lx, uint32_t p, JsToken *t) {
    const unsigned char *s = (const unsigned char *)lx->src;
    const char *cs = lx->src;
    uint32_t start = p, sig = 0;
    uint64_t acc = 0;
    bool sep = false;
    t->kind = TK_NUMBER;

    if (s[p] == '0') {
        unsigned shift = 0;
        const char *name = NULL;
        switch (s[p + 1] | 0x20) {
        case 'x': shift = 4, name = "hexadecimal"; break;
        case 'o': shift = 3, name = "octal"; break;
        case 'b': shift = 1, name = "binary"; break;
        }
        if (shift) {
            /* 0x 0o 0b: HexIntegerLiteral and friends, maybe a BigInt. */
            uint32_t digits = p + 2;
            if (digit_value(s[digits]) >= 1u << shift) {
                if (s[digits] == '_')
                    js_lex_error(lx, digits, digits + 1,
                                 "numeric separators are only allowed between digits");
                js_lex_error(lx, start, digits, "expected digits after \"%.2s\"", cs + start);
            }
            p = scan_digits(lx, digits, 1u << shift, &acc, &sig, &sep);
            t->number = radix_value(cs, digits, p, shift);
            t->str = cs + start;
            t->len = p - start;
            if (s[p] == 'n') t->kind = TK_BIGINT, p++;
            check_after_number(lx, p, name);
            return p;
        }
        if (s[p + 1] == '_')
            js_lex_error(lx, p + 1, p + 2, "numeric separators are not allowed after a leading 0");
        if (byte_class[s[p + 1]] == DG) {
            /* 017 (LegacyOctalIntegerLiteral) or 089 (NonOctalDecimal-
             * IntegerLiteral, which may go on with a fraction). */
            t->flags |= JS_TOKF_LEGACY_OCTAL;
            bool octal = true;
            for (p++; byte_class[s[p]] == DG; p++) octal &= s[p] < '8';
            if (s[p] == '_')
                js_lex_error(lx, p, p + 1, "numeric separators are not allowed after a leading 0");
            if (s[p] == 'n')
                js_lex_error(lx, start, p + 1, "a BigInt literal cannot have a leading 0");
            if (octal) {
                t->number = radix_value(cs, start + 1, p, 3);
                t->str = cs + start;
                t->len = p - start;
                check_after_number(lx, p, "octal");
                return p;
            }
            sig = 16; /* not the fast path */
        }
    }

    /* DecimalLiteral: digits, fraction, exponent; or a BigInt. */
    bool integer = true;
    p = scan_digits(lx, p, 10, &acc, &sig, &sep);
    if (s[p] == '.') {
        integer = false;
        p = scan_digits(lx, p + 1, 10, &acc, &sig, &sep);
    }
    if ((s[p] | 0x20) == 'e') {
        integer = false;
        uint32_t e = p + 1;
        if (s[e] == '+' || s[e] == '-') e++;
        if (byte_class[s[e]] != DG) js_lex_error(lx, start, e, "missing exponent");
        uint64_t ignored = 0;
        uint32_t ignored_sig = 0;
        p = scan_digits(lx, e, 10, &ignored, &ignored_sig, &sep);
    }
    t->str = cs + start;
    t->len = p - start;
    if (integer && sig <= 15)
        t->number = (double)acc; /* below 2^53: exact */
    else
        t->number = decimal_value(cs, start, p, sep);
    if (s[p] == 'n') {
        if (!integer) js_lex_error(lx, start, p + 1, "a BigInt literal must be an integer");
        if (t->flags & JS_TOKF_LEGACY_OCTAL)
            js_lex_error(lx, start, p + 1, "a BigInt literal cannot have a leading 0");
        t->kind = TK_BIGINT;
        p++;
    }
    check_after_number(lx, p, "decimal");
    return p;
}

/* ---- Strings and templates ----------------------------------------------- */

/* Decodes the body s[from, to) of a string (template == false) or of a
 * template chunk into lx->arena: escapes, and for templates CR and CRLF
 * become LF.  Sets JS_TOKF_LEGACY_OCTAL for strings' \01 and \8; a
 * template's escape that is invalid when untagged sets
 * JS_TOKF_INVALID_ESCAPE and leaves the value empty; a string's is an
 * error.  The result is NUL-terminated; *len excludes the NUL. */
static const char *cook(JsLexer *lx, uint32_t from, uint32_t to, bool template, uint32_t *len,
                        uint32_t *flags) {
    const unsigned char *s = (const unsigned char *)lx->src;
    /* Every escape and every CRLF is at least as long as what it becomes. */
    char *buf = arena_alloc(lx->arena, to - from + 1, 1), *o = buf;
    const char *bad;
    uint32_t p = from, esc;
    while (p < to) {
        unsigned char c = s[p];
        if (c == '\r' && template) {
            *o++ = '\n';
            p += s[p + 1] == '\n' ? 2 : 1;
            continue;
        }
        if (c != '\\') {
            *o++ = (char)c;
            p++;
            continue;
        }
        esc = p;
        c = s[p + 1];
        p += 2;
        switch (c) {
        case 'n': *o++ = '\n'; break;
        case 't': *o++ = '\t'; break;
        case 'r': *o++ = '\r'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'v': *o++ = '\v'; break;
        case '\n': break; /* LineContinuation */
        case '\r':
            if (s[p] == '\n') p++;
            break;
        case 0xE2:
            if (s[p] == 0x80 && (s[p + 1] & 0xFE) == 0xA8) p += 2; /* continuation */
            else *o++ = (char)c;
            break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            if (c == '0' && byte_class[s[p]] != DG) {
                *o++ = 0;
                break;
            }
            if (template) {
                bad = "invalid octal escape sequence in template";
                goto invalid;
            }
            /* LegacyOctalEscapeSequence: at most \377. */
            *flags |= JS_TOKF_LEGACY_OCTAL;
            uint32_t v = c - '0';
            if (s[p] >= '0' && s[p] <= '7') {
                v = v * 8 + (s[p++] - '0');
                if (c <= '3' && s[p] >= '0' && s[p] <= '7') v = v * 8 + (s[p++] - '0');
            }
            o = put_utf8(o, v);
            break;
        }
        case '8': case '9':
            if (template) {
                bad = "invalid escape sequence in template";
                goto invalid;
            }
            *flags |= JS_TOKF_LEGACY_OCTAL; /* NonOctalDecimalEscapeSequence */
            *o++ = (char)c;
            break;
        case 'x': {
            unsigned hi = digit_value(s[p]), lo = hi < 16 ? digit_value(s[p + 1]) : 16;
            if (lo >= 16) {
                bad = "invalid hexadecimal escape sequence";
                goto invalid;
            }
            o = put_utf8(o, hi * 16 + lo);
            p += 2;
            break;
        }
        case 'u': {
            uint32_t next, cp = read_unicode_escape(s, p - 1, &next);
            if (cp == UINT32_MAX) {
                bad = "invalid Unicode escape sequence";
                goto invalid;
            }
            p = next;
            /* \uD83D\uDE00: a surrogate pair written as two escapes is one
             * code point. */
            if (cp >= 0xD800 && cp <= 0xDBFF && p + 1 < to && s[p] == '\\' && s[p + 1] == 'u') {
                uint32_t next2, lo = read_unicode_escape(s, p + 1, &next2);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    p = next2;
                }
            }
            o = put_utf8(o, cp);
            break;
        }
        default: /* \' \" \\ and identity escapes; a UTF-8 tail follows as is */
            *o++ = (char)c;
            break;
        }
    }
    *o = 0;
    *len = (uint32_t)(o - buf);
    return buf;

invalid:
    if (!template) js_lex_error(lx, esc, p, "%s", bad);
    *flags |= JS_TOKF_INVALID_ESCAPE;
    *len = 0;
    return "";
}

/* Scans a string literal whose quote is at start; fills t->str/len and
 * returns the end. */
static uint32_t scan_string(JsLexer *lx, uint32_t start, JsToken *t) {
    const unsigned char *s = (const unsigned char *)lx->src;
    unsigned char quote = s[start];
    uint32_t p = start + 1;
    bool escapes = false;
    for (;;) {
        p = find_first_of(s, p, STRING_STOPS);
        unsigned char c = s[p];
        if (c == quote) break;
        if (c == '\\') {
            escapes = true;
            p += s[p + 1] == '\r' && s[p + 2] == '\n' ? 3 : 2;
            if (p > lx->len) js_lex_error(lx, start, lx->len, "unterminated string literal");
        } else if (c == '\n' || c == '\r') {
            js_lex_error(lx, start, p, "unterminated string literal");
        } else if (c == 0 && p >= lx->len) {
            js_lex_error(lx, start, p, "unterminated string literal");
        } else {
            if (is_ls_ps(s + p)) t->flags |= JS_TOKF_HAS_ESCAPE;
            p++; /* the other quote, a NUL in the file, another 0xE2 character */
        }
    }
    if (escapes) {
        t->flags |= JS_TOKF_HAS_ESCAPE;
        t->str = cook(lx, start + 1, p, false, &t->len, &t->flags);
    } else {
        t->str = lx->src + start + 1;
        t->len = p - start - 1;
    }
    return p + 1;
}

/* Scans a template chunk whose text starts at p; start is its opening ` or
 * }.  Sets t->kind to head_kind (ends with ${) or tail_kind (ends with `)
 * and the cooked value; returns the end. */
static uint32_t scan_template(JsLexer *lx, uint32_t start, uint32_t p, JsTokenKind tail_kind,
                              JsTokenKind head_kind, JsToken *t) {
    const unsigned char *s = (const unsigned char *)lx->src;
    bool cooked = false;
    uint32_t body = p, end;
    for (;;) {
        p = find_first_of(s, p, TEMPLATE_STOPS);
        unsigned char c = s[p];
        if (c == '`') {
            t->kind = tail_kind;
            end = p + 1;
            break;
        }
        if (c == '$') {
            if (s[p + 1] == '{') {
                t->kind = head_kind;
                end = p + 2;
                break;
            }
            p++;
        } else if (c == '\\' || c == '\r') {
            cooked = true;
            p += c == '\\' ? 2 : 1;
            if (p > lx->len) js_lex_error(lx, start, lx->len, "unterminated template literal");
        } else if (p >= lx->len) {
            js_lex_error(lx, start, p, "unterminated template literal");
        } else {
            p++; /* a NUL in the file */
        }
    }
    if (cooked) {
        t->str = cook(lx, body, p, true, &t->len, &t->flags);
    } else {
        t->str = lx->src + body;
        t->len = p - body;
    }
    return end;
}

/* ---- The token loop ---------------------------------------------------- */

void js_lex_init(JsLexer *lx, const char *src, uint32_t len, bool module, Arena *arena,
                 DiagList *diags, const DiagFile *file, jmp_buf *fail) {
    memset(lx, 0, sizeof *lx);
    lx->src = src;
    lx->len = len;
    lx->module = module;
    lx->arena = arena;
    lx->diags = diags;
    lx->file = file;
    lx->fail = fail;
    lx->tok.kind = TK_EOF;
    const unsigned char *s = (const unsigned char *)src;
    uint32_t p = 0;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) p = 3;
    if (s[p] == '#' && s[p + 1] == '!') {
        /* Hashbang: up to, not including, the line terminator, which then
         * sets NEWLINE_BEFORE on the first token. */
        p += 2;
        while (p < len && s[p] != '\n' && s[p] != '\r' && !is_ls_ps(s + p)) p++;
    }
    lx->pos = p;
}

void js_lex_next(JsLexer *lx) {
    const unsigned char *s = (const unsigned char *)lx->src;
    JsToken *t = &lx->tok;
    /* `-->` starts a comment only first on a line; the start of the input
     * counts (as in V8 and esbuild).  No token yet means the start. */
    bool at_start = t->kind == TK_EOF;
    /* Newlines seen here are counted in a register; the helpers add their
     * flags (comments' newlines and pure marks, escapes) to t->flags. */
    uint32_t p = lx->pos, flags = 0, start;
    JsTokenKind kind;
    t->flags = 0;

    for (;;) {
        /* Spaces between tokens are the most common trivia: skip them
         * before paying for the dispatch. */
        while (s[p] == ' ') p++;
        start = p;
        unsigned char c = s[p];
        switch (byte_class[c]) {
        case WS:
            p = skip_blanks(s, p + 1);
            continue;
        case LF:
        case CR:
            flags |= JS_TOKF_NEWLINE_BEFORE;
            p = skip_blanks(s, p + 1); /* the indentation */
            continue;

        case ID: {
            const unsigned char *q = s + p + 1 + ascii_id_run(s + p + 1);
            if (UNLIKELY(*q >= 0x80 || *q == '\\')) {
                p = scan_identifier_slow(lx, p, t);
                /* `return\u00A0x`: an unescaped word that the fast loop
                 * left at a non-ASCII byte may still be reserved. */
                kind = TK_IDENTIFIER;
                if (!(t->flags & JS_TOKF_ESCAPED) && t->len >= 2 && t->len <= 10)
                    kind = keyword(t->str, t->len);
                goto value;
            }
            uint32_t n = (uint32_t)(q - s) - p;
            kind = TK_IDENTIFIER;
            if (n >= 2 && n <= 10 && c >= 'b') kind = keyword((const char *)s + p, n);
            p += n;
            goto raw;
        }

        case DG:
            p = scan_number(lx, p, t);
            kind = t->kind;
            goto value;

        case QT:
            kind = TK_STRING;
            p = scan_string(lx, p, t);
            goto value;

        case BT:
            p = scan_template(lx, p, p + 1, TK_TEMPLATE_NOSUB, TK_TEMPLATE_HEAD, t);
            kind = t->kind;
            goto value;

        case S1:
            kind = single_kind[c];
            p++;
            goto raw;

        case SL:
            if (s[p + 1] == '/') {
                p = skip_line_comment(lx, p + 2, t);
                continue;
            }
            if (s[p + 1] == '*') {
                p = skip_block_comment(lx, p + 2, t);
                continue;
            }
            if (s[p + 1] == '=') kind = TK_SLASH_EQ, p += 2;
            else kind = TK_SLASH, p++;
            goto raw;

        case DT:
            if (byte_class[s[p + 1]] == DG) {
                p = scan_number(lx, p, t);
                kind = t->kind;
                goto value;
            }
            if (s[p + 1] == '.' && s[p + 2] == '.') kind = TK_DOT3, p += 3;
            else kind = TK_DOT, p++;
            goto raw;

        case LT:
            if (s[p + 1] == '<') {
                if (s[p + 2] == '=') kind = TK_SHL_EQ, p += 3;
                else kind = TK_SHL, p += 2;
            } else if (s[p + 1] == '=') {
                kind = TK_LE, p += 2;
            } else if (s[p + 1] == '!' && s[p + 2] == '-' && s[p + 3] == '-' && !lx->module) {
                if (!lx->html_comment_at) lx->html_comment_at = p + 1;
                p = skip_line_comment(lx, p + 4, t); /* <!-- (Annex B) */
                continue;
            } else {
                kind = TK_LT, p++;
            }
            goto raw;

        case GT:
            if (s[p + 1] == '>') {
                if (s[p + 2] == '>') {
                    if (s[p + 3] == '=') kind = TK_SHR_EQ, p += 4;
                    else kind = TK_SHR, p += 3;
                } else if (s[p + 2] == '=') {
                    kind = TK_SAR_EQ, p += 3;
                } else {
                    kind = TK_SAR, p += 2;
                }
            } else if (s[p + 1] == '=') {
                kind = TK_GE, p += 2;
            } else {
                kind = TK_GT, p++;
            }
            goto raw;

        case EQ:
            if (s[p + 1] == '=') {
                if (s[p + 2] == '=') kind = TK_EQ3, p += 3;
                else kind = TK_EQ2, p += 2;
            } else if (s[p + 1] == '>') {
                kind = TK_ARROW, p += 2;
            } else {
                kind = TK_EQ, p++;
            }
            goto raw;

        case BG:
            if (s[p + 1] == '=') {
                if (s[p + 2] == '=') kind = TK_NE2, p += 3;
                else kind = TK_NE, p += 2;
            } else {
                kind = TK_BANG, p++;
            }
            goto raw;

        case PL:
            if (s[p + 1] == '+') kind = TK_PLUS2, p += 2;
            else if (s[p + 1] == '=') kind = TK_PLUS_EQ, p += 2;
            else kind = TK_PLUS, p++;
            goto raw;

        case MI:
            if (s[p + 1] == '-') {
                if (s[p + 2] == '>' && !lx->module && (at_start || ((flags | t->flags) & JS_TOKF_NEWLINE_BEFORE))) {
                    if (!lx->html_comment_at) lx->html_comment_at = p + 1;
                    p = skip_line_comment(lx, p + 3, t); /* --> (Annex B) */
                    continue;
                }
                kind = TK_MINUS2, p += 2;
            } else if (s[p + 1] == '=') {
                kind = TK_MINUS_EQ, p += 2;
            } else {
                kind = TK_MINUS, p++;
            }
            goto raw;

        case ST:
            if (s[p + 1] == '*') {
                if (s[p + 2] == '=') kind = TK_STAR2_EQ, p += 3;
                else kind = TK_STAR2, p += 2;
            } else if (s[p + 1] == '=') {
                kind = TK_STAR_EQ, p += 2;
            } else {
                kind = TK_STAR, p++;
            }
            goto raw;

        case PC:
            if (s[p + 1] == '=') kind = TK_PERCENT_EQ, p += 2;
            else kind = TK_PERCENT, p++;
            goto raw;

        case AM:
            if (s[p + 1] == '&') {
                if (s[p + 2] == '=') kind = TK_AMP2_EQ, p += 3;
                else kind = TK_AMP2, p += 2;
            } else if (s[p + 1] == '=') {
                kind = TK_AMP_EQ, p += 2;
            } else {
                kind = TK_AMP, p++;
            }
            goto raw;

        case BR:
            if (s[p + 1] == '|') {
                if (s[p + 2] == '=') kind = TK_BAR2_EQ, p += 3;
                else kind = TK_BAR2, p += 2;
            } else if (s[p + 1] == '=') {
                kind = TK_BAR_EQ, p += 2;
            } else {
                kind = TK_BAR, p++;
            }
            goto raw;

        case CA:
            if (s[p + 1] == '=') kind = TK_CARET_EQ, p += 2;
            else kind = TK_CARET, p++;
            goto raw;

        case QU:
            if (s[p + 1] == '?') {
                if (s[p + 2] == '=') kind = TK_QUESTION2_EQ, p += 3;
                else kind = TK_QUESTION2, p += 2;
            } else if (s[p + 1] == '.' && byte_class[s[p + 2]] != DG) {
                kind = TK_QUESTION_DOT, p += 2; /* but `a?.5:b` is a conditional */
            } else {
                kind = TK_QUESTION, p++;
            }
            goto raw;

        case HS: {
            uint32_t q = p + 1;
            if (byte_class[s[q]] != ID && s[q] != '\\' && s[q] < 0x80)
                js_lex_error(lx, p, q, "expected a private name after \"#\"");
            kind = TK_PRIVATE_NAME;
            p = scan_identifier_slow(lx, q, t);
            goto value;
        }

        case BS:
            kind = TK_IDENTIFIER;
            p = scan_identifier_slow(lx, p, t);
            goto value;

        case NU:
            if (p >= lx->len) {
                kind = TK_EOF;
                goto raw;
            }
            unexpected_at(lx, p);

        case HI: {
            uint32_t cp, n = decode_utf8(s + p, &cp);
            if (n == 0) js_lex_error(lx, p, p + 1, "invalid UTF-8");
            if (cp == 0x2028 || cp == 0x2029) {
                flags |= JS_TOKF_NEWLINE_BEFORE;
                p += n;
                continue;
            }
            if (is_unicode_space(cp)) {
                p += n;
                continue;
            }
            if (!js_is_id_start(cp)) unexpected_at(lx, p);
            kind = TK_IDENTIFIER;
            p = scan_identifier_slow(lx, p, t);
            goto value;
        }

        case XX:
            unexpected_at(lx, p);

        default:
            __builtin_unreachable(); /* byte_class has no other values */
        }
    }

raw: /* the token's value is its text */
    t->str = (const char *)s + start;
    t->len = p - start;
    t->number = 0;
value:
    /* Stored one field at a time, on purpose: GCC otherwise packs them into
     * one vector store, from which the parser's next read of tok.kind
     * cannot be forwarded; that stall cost 15% of the lexing time. */
    t->kind = kind;
    COMPILER_BARRIER();
    t->flags |= flags;
    t->start = start;
    COMPILER_BARRIER();
    t->end = p;
    lx->pos = p;
}

/* ---- Re-scans ---------------------------------------------------------- */

void js_lex_regexp(JsLexer *lx) {
    const unsigned char *s = (const unsigned char *)lx->src;
    JsToken *t = &lx->tok;
    assert(t->kind == TK_SLASH || t->kind == TK_SLASH_EQ);
    uint32_t start = t->start, p = start + 1;
    bool in_class = false;
    for (;;) {
        unsigned char c = s[p];
        if (c == '\\') {
            p++;
            c = s[p];
        } else if (c == '/' && !in_class) {
            break;
        } else if (c == '[') {
            in_class = true;
        } else if (c == ']') {
            in_class = false;
        }
        if (c == '\n' || c == '\r' || is_ls_ps(s + p) || (c == 0 && p >= lx->len))
            js_lex_error(lx, start, p, "unterminated regular expression");
        p++;
    }
    t->str = lx->src + start + 1;
    t->len = p - start - 1;
    p++;

    /* Flags: IdentifierPartChars, of which only dgimsuyv mean anything. */
    static const char flag_letters[] = "dgimsuyv";
    unsigned seen = 0;
    for (;;) {
        uint32_t cp = 0, n = 1;
        if (s[p] == '\\')
            js_lex_error(lx, p, p + 1, "regular expression flags cannot contain escapes");
        if (!is_id_part_ascii(s[p]) &&
            !(s[p] >= 0x80 && (n = decode_utf8(s + p, &cp)) && js_is_id_continue(cp)))
            break;
        const char *which = memchr(flag_letters, s[p], 8);
        if (n > 1 || !which)
            js_lex_error(lx, p, p + n, "invalid regular expression flag \"%.*s\"", (int)n,
                         lx->src + p);
        unsigned bit = 1u << (which - flag_letters);
        if (seen & bit)
            js_lex_error(lx, p, p + 1, "duplicate flag \"%c\" in regular expression", s[p]);
        seen |= bit;
        p++;
    }
    if ((seen & (1u << 5)) && (seen & (1u << 7)))
        js_lex_error(lx, start, p, "the regular expression flags \"u\" and \"v\" cannot be used together");
    t->kind = TK_REGEXP;
    t->end = p;
    t->number = 0;
    lx->pos = p;
}

void js_lex_template_continue(JsLexer *lx) {
    JsToken *t = &lx->tok;
    assert(t->kind == TK_RBRACE);
    /* The `}`'s flags (a newline before it) stay. */
    uint32_t end = scan_template(lx, t->start, t->start + 1, TK_TEMPLATE_TAIL, TK_TEMPLATE_MIDDLE, t);
    t->end = end;
    t->number = 0;
    lx->pos = end;
}

/* ---- Token names ------------------------------------------------------- */

const char *js_token_text(JsTokenKind kind) {
    static const char *const text[TK_COUNT] = {
#define X(name, str) [TK_##name] = str,
#include "js/token.def"
#undef X
    };
    return (unsigned)kind < TK_COUNT ? text[kind] : "<invalid token>";
}
