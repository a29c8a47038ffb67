/* js/cjs_exports.c: the export names Node finds in a CommonJS module, found
 * the way cjs-module-lexer 2.2.0 finds them (js/cjs_exports.h).
 * In:  a module's source bytes.  Out: JsCjsExports (names and reexports, or
 * the reason the lexer gives up).
 * Memory: decoded strings in the caller's arena; nesting stacks and sets on
 * the heap, freed before returning.  Order: make's BUILD runs it after the
 * module record, for modules that are not ES modules (make/build.c); also
 * `bale parse --dump=cjs-exports`.
 *
 * The lexer is not a parser, and this file is not one either.  One loop walks
 * the text a byte at a time.  It steps over strings, comments, template
 * literals and regular expressions, and counts ( and { nesting (a `)` or `}`
 * with nothing open is an error).  Whether a `/` starts a regular expression
 * is read from the previous token, and after a `)` or `}` from the token
 * before its opener, which a stack per nesting depth remembers.
 *
 * At a few letters that may start a keyword (`exports`, `module`, `Object`,
 * and at the top level `require`, `__export`, `_interopRequireWildcard`,
 * `import`), a matcher tries one fixed sequence of tokens, with any white
 * space and comments between them where the lexer allows it (see match()).
 * A sequence that matches records a name or a reexport; the cursor then
 * stays where the lexer leaves it, or goes back to a point the lexer chose.
 * Those points matter more than they seem: the byte there becomes "the
 * previous token" of the next `/`, and whatever lies after it is walked
 * again.  So this file keeps the lexer's cursor positions exactly, and its
 * odd corners too (see the comments marked "as the lexer").
 *
 * The lexer walks UTF-16 code units; this file walks UTF-8 bytes.  That
 * gives the same answers because every decision the lexer takes on a unit
 * compares it with ASCII, except three: identifiers (whole code points,
 * checked with the lexer's own tables, js/cjs_unicode_id.h), U+00A0 (white
 * space between tokens and around keywords, but a token of its own in the
 * main loop; C2 A0 here), and the decoding of quoted names (a name holding
 * a lone surrogate, or any of U+DC00..U+FFFF, is dropped, as the lexer's
 * decode() drops it; invalid UTF-8, which Node's reader turns into U+FFFD,
 * is dropped with it).
 *
 * Errors (an unterminated string, a stray brace, import/export syntax)
 * longjmp to js_cjs_exports_scan, which then reports no names at all: Node
 * catches the lexer's exception and uses none. */
#include "js/cjs_exports.h"

#include "base/map.h"
#include "base/mem.h"
#include "js/cjs_unicode_id.h"

#include <setjmp.h>
#include <string.h>

/* What a stack slot holds besides a position: the lexer's lastTokenPos
 * before any token (-1), and a slot never written (JavaScript's undefined,
 * which it reads at a `)` that closes a template's `${`). */
#define POS_NONE UINT32_MAX
#define POS_UNSET (UINT32_MAX - 1)

typedef enum RequireUse {
    REQUIRE_BINDING,   /* `var x = require("a")` at the top level: maybe a star reexport's source */
    REQUIRE_REEXPORT,  /* `module.exports = require("a")`, `...require("a")`, `__exportStar(require("a"))` */
} RequireUse;

typedef struct Scan {
    const uint8_t *s;
    int64_t len;
    int64_t pos;          /* the cursor; may pass len by one or two, as the lexer's */
    int64_t last_tok;     /* the previous token's (last) byte; -1 before the first */
    int64_t revert;       /* where match() patterns put the cursor back on failure */
    uint32_t depth;       /* open ( { and ${ */
    int64_t tmpl_depth;   /* the depth of the innermost open ${, or -1 */
    bool last_slash_div;  /* the previous token is a `/` read as division */
    bool next_brace_class;/* `class` was seen: the next { opens a class body */
    VEC(uint32_t) opener; /* by depth: last_tok when that depth's ( or { opened */
    VEC(uint8_t) opener_class; /* by depth: that { opened a class body */
    VEC(int64_t) tmpl;    /* the tmpl_depth values of the enclosing ${ */
    int64_t cap[2][2];    /* match(): %1 and %2, [start, end) */
    int64_t str[2];       /* match(): the last %s, quotes included */
    uint8_t quote;        /* match(): %q */
    JsCjsExports *out;
    Arena *arena;
    Map names;            /* name -> 1: out->names as a set */
    Map unsafe;           /* name -> 1: getters the lexer could not read */
    Map reexports;        /* specifier -> 1: out->reexports as a set */
    Map star_bindings;    /* top-level binding -> index + 1 into star_specs, or 0 */
    VEC(JsCjsName) star_specs;
    jmp_buf fail;
} Scan;

/* ---- characters ------------------------------------------------------- */

enum { C_PUNCT = 1, C_EXPR_END = 2 };

/* The lexer's punctuators, and those after which an expression continues
 * (so a `/` after them starts a regular expression). */
static const uint8_t ascii_class[128] = {
    ['!'] = C_PUNCT | C_EXPR_END, ['%'] = C_PUNCT | C_EXPR_END, ['&'] = C_PUNCT | C_EXPR_END,
    ['('] = C_PUNCT | C_EXPR_END, [')'] = C_PUNCT,              ['*'] = C_PUNCT | C_EXPR_END,
    ['+'] = C_PUNCT | C_EXPR_END, [','] = C_PUNCT | C_EXPR_END, ['-'] = C_PUNCT | C_EXPR_END,
    ['.'] = C_PUNCT | C_EXPR_END, ['/'] = C_PUNCT,              [':'] = C_PUNCT | C_EXPR_END,
    [';'] = C_PUNCT | C_EXPR_END, ['<'] = C_PUNCT | C_EXPR_END, ['='] = C_PUNCT | C_EXPR_END,
    ['>'] = C_PUNCT | C_EXPR_END, ['?'] = C_PUNCT | C_EXPR_END, ['['] = C_PUNCT | C_EXPR_END,
    [']'] = C_PUNCT,              ['^'] = C_PUNCT | C_EXPR_END, ['{'] = C_PUNCT | C_EXPR_END,
    ['|'] = C_PUNCT | C_EXPR_END, ['}'] = C_PUNCT,              ['~'] = C_PUNCT | C_EXPR_END,
};

static bool is_punct(int c) { return c < 0x80 && (ascii_class[c] & C_PUNCT); }
static bool ascii_space(int c) { return c == ' ' || (c >= 9 && c <= 13); }

/* The byte at p; 0 outside the text (where the lexer reads NaN, which, like
 * 0, equals nothing and is falsy). */
static int at(const Scan *S, int64_t p) { return p >= 0 && p < S->len ? S->s[p] : 0; }

static bool word_at_(const Scan *S, int64_t p, const char *w, size_t n) {
    return p >= 0 && p + (int64_t)n <= S->len && memcmp(S->s + p, w, n) == 0;
}
#define WORD_AT(S, p, lit) word_at_((S), (p), (lit), sizeof(lit) - 1)

/* Bytes of the white space at p as the lexer's isBrOrWs sees it (ASCII
 * space and controls 9..13, and U+00A0), or 0. */
static int space_len(const Scan *S, int64_t p) {
    int c = at(S, p);
    if (ascii_space(c)) return 1;
    return c == 0xC2 && at(S, p + 1) == 0xA0 ? 2 : 0;
}

/* Whether the character just before p is white space or a punctuator other
 * than `.` (false at p == 0): what may precede a keyword. */
static bool space_or_punct_before(const Scan *S, int64_t p) {
    if (p < 1) return false;
    int c = S->s[p - 1];
    if (c < 0x80) return ascii_space(c) || (is_punct(c) && c != '.');
    return c == 0xA0 && p >= 2 && S->s[p - 2] == 0xC2;
}

static bool keyword_start(const Scan *S, int64_t p) { return p == 0 || space_or_punct_before(S, p); }

/* Decodes the UTF-8 sequence at p[0..end); returns its code point and
 * length, or 0xFFFD and length 1 if it is not valid UTF-8 (overlong,
 * surrogate, above U+10FFFF, truncated). */
static uint32_t utf8_decode(const uint8_t *p, const uint8_t *end, int *n) {
    uint32_t c = p[0];
    *n = 1;
    if (c < 0x80) return c;
    int k = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 ? 1 : 0;
    if (!k || c > 0xF4 || end - p <= k) return 0xFFFD;
    uint32_t cp = c & (0x3F >> k);
    for (int i = 1; i <= k; i++) {
        if ((p[i] & 0xC0) != 0x80) return 0xFFFD;
        cp = cp << 6 | (p[i] & 0x3F);
    }
    static const uint32_t min[4] = {0, 0x80, 0x800, 0x10000};
    if (cp < min[k] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
    *n = k + 1;
    return cp;
}

/* The code point at p (0 past the end: the lexer stops identifiers at NUL). */
static uint32_t cp_at(const Scan *S, int64_t p, int *n) {
    *n = 1;
    if (p < 0 || p >= S->len) return 0;
    return utf8_decode(S->s + p, S->s + S->len, n);
}

/* The code point whose last byte is at p, read backwards; 0xFFFD (length 1)
 * for bytes that are not the end of a valid sequence. */
static uint32_t cp_ending_at(const Scan *S, int64_t p, int *n) {
    *n = 1;
    if (p < 0 || p >= S->len) return 0;
    if (S->s[p] < 0x80) return S->s[p];
    int64_t lead = p;
    while (lead > 0 && lead > p - 3 && (S->s[lead] & 0xC0) == 0x80) lead--;
    int k;
    uint32_t cp = utf8_decode(S->s + lead, S->s + S->len, &k);
    if (lead + k - 1 != p) return 0xFFFD;
    *n = k;
    return cp;
}

static bool is_id_start(uint32_t c) {
    if (c < 0x80) return (c | 0x20) - 'a' < 26 || c == '$' || c == '_';
    return js_in_code_ranges(cjs_id_start, sizeof cjs_id_start / sizeof cjs_id_start[0], c);
}

static bool is_id_char(uint32_t c) {
    if (c < 0x80) return (c | 0x20) - 'a' < 26 || c - '0' < 10 || c == '$' || c == '_';
    return js_in_code_ranges(cjs_id_char, sizeof cjs_id_char / sizeof cjs_id_char[0], c);
}

/* ---- errors and results ------------------------------------------------ */

_Noreturn static void fail(Scan *S, const char *why, bool esm) {
    S->out->error = why;
    S->out->error_pos = (uint32_t)(S->pos < 0 ? 0 : S->pos > S->len ? S->len : S->pos);
    S->out->esm_syntax = esm;
    longjmp(S->fail, 1);
}

static void add_name(Scan *S, JsCjsName n) {
    if (map_put_str(&S->names, n.str, n.len, 1)) VEC_PUSH(&S->out->names, n);
}

static void add_reexport(Scan *S, JsCjsName n) {
    if (map_put_str(&S->reexports, n.str, n.len, 1)) VEC_PUSH(&S->out->reexports, n);
}

/* `module.exports = ...` replaces the module's exports object: only the
 * reexports found after the last one count (and the star reexports before
 * it go too, as the lexer's). */
static void clear_reexports(Scan *S) {
    VEC_CLEAR(&S->out->reexports);
    map_clear(&S->reexports);
}

static JsCjsName slice(const Scan *S, int64_t start, int64_t end) {
    return (JsCjsName){(const char *)S->s + start, (uint32_t)(end - start)};
}

/* ---- decoding quoted names ----------------------------------------------
 * The lexer's decode(): the string's value as JavaScript reads it, or none
 * when it holds an invalid escape or, after decoding, a UTF-16 unit the
 * lexer rejects (a lone surrogate, or anything from U+DC00 to U+FFFF: its
 * test for "a low surrogate alone" takes those too). */

static int hex_value(const uint8_t *p, const uint8_t *end) {
    if (p >= end) return -1;
    int c = *p;
    if (c >= '0' && c <= '9') return c - '0';
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') return (c | 0x20) - 'a' + 10;
    return -1;
}

/* One escape after its backslash: *p moves past it.  Returns false when it
 * is invalid; *cp = UINT32_MAX when it stands for nothing (a line
 * continuation).  \uXXXX may give a surrogate, which the caller pairs. */
static bool read_escape(const uint8_t **pp, const uint8_t *end, uint32_t *cp) {
    const uint8_t *p = *pp;
    if (p >= end) return false;
    uint32_t c = *p++;
    *cp = c;
    switch (c) {
    case '\r':
        if (p < end && *p == '\n') p++;
        *cp = UINT32_MAX;
        break;
    case '\n': *cp = UINT32_MAX; break;
    case 'r': *cp = '\r'; break;
    case 'n': *cp = '\n'; break;
    case 't': *cp = '\t'; break;
    case 'b': *cp = '\b'; break;
    case 'f': *cp = '\f'; break;
    case 'v': *cp = '\v'; break;
    case 'x': {
        int a = hex_value(p, end), b = hex_value(p + 1, end);
        if (a < 0 || b < 0) return false;
        *cp = (uint32_t)(a * 16 + b);
        p += 2;
        break;
    }
    case 'u':
        if (p < end && *p == '{') {
            uint32_t v = 0;
            p++;
            do { /* at least one digit, up to the } */
                int h = hex_value(p, end);
                if (h < 0) return false;
                v = v * 16 + (uint32_t)h;
                if (v > 0x10FFFF) return false;
                p++;
            } while (p >= end || *p != '}');
            p++;
            *cp = v;
        } else {
            uint32_t v = 0;
            for (int i = 0; i < 4; i++, p++) {
                int h = hex_value(p, end);
                if (h < 0) return false;
                v = v * 16 + (uint32_t)h;
            }
            *cp = v;
        }
        break;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        /* Legacy octal: up to three digits below \400.  The lexer reads on
         * past the end of the text and fails there (NaN). */
        int more = c <= '3' ? 2 : 1;
        uint32_t v = c - '0';
        do {
            if (p >= end) return false;
            if (*p < '0' || *p > '7') break;
            v = v * 8 + (uint32_t)(*p++ - '0');
        } while (--more > 0);
        *cp = v;
        break;
    }
    default:
        if (c >= 0x80) {
            int n;
            *cp = utf8_decode(p - 1, end, &n);
            p += n - 1;
            if (*cp == 0x2028 || *cp == 0x2029) *cp = UINT32_MAX;
        }
        break;
    }
    *pp = p;
    return true;
}

static size_t put_utf8(char *out, uint32_t cp) {
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) { out[0] = (char)(0xC0 | cp >> 6); out[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12); out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18); out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3F)); out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Whether body[0..n) would be accepted by JSON.parse between double quotes:
 * no control characters, only JSON's escapes. */
static bool json_string_body(const uint8_t *p, const uint8_t *end) {
    while (p < end) {
        uint8_t c = *p++;
        if (c < 0x20) return false;
        if (c != '\\') continue;
        if (p >= end) return false;
        c = *p++;
        if (c == 'u') {
            for (int i = 0; i < 4; i++, p++)
                if (hex_value(p, end) < 0) return false;
        } else if (!strchr("\"\\/bfnrt", c) || !c) {
            return false;
        }
    }
    return true;
}

/* The value of the quoted text q[0..n) (quotes included), as decode() has
 * it: read up to the first unescaped closing quote, except that a
 * single-quoted text which JSON.parse accepts between double quotes is
 * read whole (the lexer tries JSON.parse first; this only differs for a
 * specifier decoded twice, see keys_for_each).  Without escapes the value
 * is a slice of q; with escapes it is written into the arena. */
static bool decode_quoted(Scan *S, const char *q, size_t n, JsCjsName *out) {
    const uint8_t *p = (const uint8_t *)q + 1, *end = (const uint8_t *)q + n;
    uint8_t quote = (uint8_t)q[0];
    bool whole = quote == '\'' && n > 1 && q[n - 1] == '\'' && !memchr(q, '"', n) && json_string_body(p, end - 1);
    if (whole) end--;
    char *buf = memchr(p, '\\', (size_t)(end - p)) ? arena_alloc(S->arena, n + 1, 1) : NULL;
    size_t len = 0;
    uint32_t high = 0; /* a high surrogate waiting for its low half */
    for (;;) {
        if (p >= end) {
            if (!whole) return false; /* no closing quote */
            break;
        }
        uint32_t cp = *p;
        if (cp == quote && !whole) break;
        if (cp == '\\') {
            p++;
            if (!read_escape(&p, end, &cp)) return false;
            if (cp == UINT32_MAX) continue;
        } else if (cp == '\r' || cp == '\n') {
            return false;
        } else {
            int k;
            cp = utf8_decode(p, end, &k);
            p += k;
        }
        /* The lexer's check of the UTF-16 units. */
        if (cp >= 0xDC00 && cp <= 0xDFFF && high) {
            cp = 0x10000 + ((high - 0xD800) << 10) + (cp - 0xDC00);
            high = 0;
        } else if (high || (cp >= 0xDC00 && cp < 0x10000)) {
            return false;
        } else if (cp >= 0xD800 && cp <= 0xDBFF) {
            high = cp;
            continue;
        }
        if (buf) len += put_utf8(buf + len, cp);
    }
    if (high) return false;
    if (buf) {
        buf[len] = 0;
        *out = (JsCjsName){buf, (uint32_t)len};
    } else {
        *out = (JsCjsName){q + 1, (uint32_t)((const char *)p - (q + 1))};
    }
    return true;
}

static bool decode_string(Scan *S, int64_t start, int64_t end, JsCjsName *out) {
    return decode_quoted(S, (const char *)S->s + start, (size_t)(end - start), out);
}

/* ---- skipping ------------------------------------------------------------
 * Each starts with the cursor on the opening character and leaves it on
 * the closing one. */

static void line_comment(Scan *S) {
    while (++S->pos < S->len)
        if (S->s[S->pos] == '\n' || S->s[S->pos] == '\r') return;
}

/* An unterminated block comment runs to the end, without error. */
static void block_comment(Scan *S) {
    S->pos++;
    while (++S->pos < S->len)
        if (S->s[S->pos] == '*' && at(S, S->pos + 1) == '/') {
            S->pos++;
            return;
        }
}

static void string_literal(Scan *S, int quote) {
    while (++S->pos < S->len) {
        int c = S->s[S->pos];
        if (c == quote) return;
        if (c == '\\') {
            c = at(S, ++S->pos);
            if (c == '\r' && at(S, S->pos + 1) == '\n') S->pos++;
        } else if (c == '\n' || c == '\r') {
            break;
        }
    }
    fail(S, "unterminated string", false);
}

static void regex_class(Scan *S) {
    while (++S->pos < S->len) {
        int c = S->s[S->pos];
        if (c == ']') return;
        if (c == '\\') S->pos++;
        else if (c == '\n' || c == '\r') break;
    }
    fail(S, "unterminated character class in a regular expression", false);
}

static void regex(Scan *S) {
    while (++S->pos < S->len) {
        int c = S->s[S->pos];
        if (c == '/') return;
        if (c == '[') regex_class(S);
        else if (c == '\\') S->pos++;
        else if (c == '\n' || c == '\r') break;
    }
    fail(S, "unterminated regular expression", false);
}

/* A template's text up to its end or its next `${` (which opens a depth
 * the matching `}` returns to). */
static void template_string(Scan *S) {
    while (++S->pos < S->len) {
        int c = S->s[S->pos];
        if (c == '$' && at(S, S->pos + 1) == '{') {
            S->pos++;
            VEC_PUSH(&S->tmpl, S->tmpl_depth);
            S->tmpl_depth = ++S->depth;
            return;
        }
        if (c == '`') return;
        if (c == '\\') S->pos++;
    }
    fail(S, "unterminated template", false);
}

/* White space and comments from the cursor on.  As the lexer's
 * commentWhitespace: at the end of the text the cursor stops one past it,
 * or two past it after a comment; nothing is read there. */
static void blank(Scan *S) {
    for (;;) {
        int c = at(S, S->pos);
        if (c == '/') {
            int next = at(S, S->pos + 1);
            if (next == '/') line_comment(S);
            else if (next == '*') block_comment(S);
            else return;
        } else {
            int n = space_len(S, S->pos);
            if (!n) return;
            S->pos += n - 1; /* on the character's last byte, where the lexer is on its unit */
        }
        if (S->pos++ >= S->len - 1) return;
    }
}

static bool identifier(Scan *S) {
    int n;
    uint32_t c = cp_at(S, S->pos, &n);
    if (!is_id_start(c)) return false;
    S->pos += n;
    while ((c = cp_at(S, S->pos, &n)) != 0 && is_id_char(c)) S->pos += n;
    return true;
}

/* ---- the nesting stacks ------------------------------------------------ */

static uint32_t as_slot(int64_t p) { return p < 0 ? POS_NONE : (uint32_t)p; }

static void open_at_depth(Scan *S, int64_t tok) {
    while (S->opener.len <= S->depth) VEC_PUSH(&S->opener, POS_UNSET);
    S->opener.data[S->depth++] = as_slot(tok);
}

static void set_class_at_depth(Scan *S, bool cls) {
    while (S->opener_class.len <= S->depth) VEC_PUSH(&S->opener_class, 0);
    S->opener_class.data[S->depth] = cls;
}

static uint32_t opener_at_depth(const Scan *S) {
    return S->depth < S->opener.len ? S->opener.data[S->depth] : POS_UNSET;
}

/* ---- regular expression or division ----------------------------------- */

/* The keyword w ends at end and starts after white space or a punctuator. */
static bool keyword_before_(const Scan *S, int64_t end, const char *w, size_t n) {
    int64_t start = end - (int64_t)n + 1;
    return start >= 0 && word_at_(S, start, w, n) && space_or_punct_before(S, start);
}
#define KEYWORD_BEFORE(S, end, lit) keyword_before_((S), (end), (lit), sizeof(lit) - 1)

static bool letter_keyword(const Scan *S, int64_t p, int c) {
    return at(S, p) == c && (p == 0 || space_or_punct_before(S, p));
}

/* A keyword after which an expression starts ends at p: case debugger
 * delete do else in instanceof new return throw typeof void yield await. */
static bool expression_keyword_at(const Scan *S, int64_t p) {
    switch (at(S, p)) {
    case 'd':
        if (at(S, p - 1) == 'i') return KEYWORD_BEFORE(S, p - 2, "vo");
        if (at(S, p - 1) == 'l') return KEYWORD_BEFORE(S, p - 2, "yie");
        return false;
    case 'e':
        if (at(S, p - 1) == 's') {
            if (at(S, p - 2) == 'l') return letter_keyword(S, p - 3, 'e');
            if (at(S, p - 2) == 'a') return letter_keyword(S, p - 3, 'c');
            return false;
        }
        return at(S, p - 1) == 't' && KEYWORD_BEFORE(S, p - 2, "dele");
    case 'f':
        if (at(S, p - 1) != 'o' || at(S, p - 2) != 'e') return false;
        if (at(S, p - 3) == 'c') return KEYWORD_BEFORE(S, p - 4, "instan");
        if (at(S, p - 3) == 'p') return KEYWORD_BEFORE(S, p - 4, "ty");
        return false;
    case 'n': return letter_keyword(S, p - 1, 'i') || KEYWORD_BEFORE(S, p - 1, "retur");
    case 'o': return letter_keyword(S, p - 1, 'd');
    case 'r': return KEYWORD_BEFORE(S, p - 1, "debugge");
    case 't': return KEYWORD_BEFORE(S, p - 1, "awai");
    case 'w':
        if (at(S, p - 1) == 'e') return letter_keyword(S, p - 2, 'n');
        if (at(S, p - 1) == 'o') return KEYWORD_BEFORE(S, p - 2, "thr");
        return false;
    }
    return false;
}

/* The token before a ( was `while`, `for` or `if`: its ) ends a condition. */
static bool paren_keyword(const Scan *S, uint32_t p) {
    if (p >= POS_UNSET) return false;
    int c = at(S, p);
    return (c == 'e' && WORD_AT(S, (int64_t)p - 4, "whil")) || (c == 'r' && WORD_AT(S, (int64_t)p - 2, "fo")) ||
           (c == 'f' && at(S, (int64_t)p - 1) == 'i');
}

/* The token before a { ends a statement (`=>` ; ) catch finally else): the
 * braces were a block, not an object literal. */
static bool block_brace(const Scan *S, uint32_t p) {
    if (p == POS_NONE) return false;
    if (p == POS_UNSET) return at(S, 0) == ';' || at(S, 0) == ')'; /* as the lexer's undefined */
    switch (at(S, p)) {
    case '>': return at(S, (int64_t)p - 1) == '=';
    case ';': case ')': return true;
    case 'h': return WORD_AT(S, (int64_t)p - 4, "catc");
    case 'y': return WORD_AT(S, (int64_t)p - 6, "finall");
    case 'e': return WORD_AT(S, (int64_t)p - 3, "els");
    }
    return false;
}

static bool slash_starts_regex(const Scan *S) {
    int64_t t = S->last_tok;
    int c = at(S, t), before = at(S, t - 1);
    if (c < 0x80 && (ascii_class[c] & C_EXPR_END) && !(c == '.' && before >= '0' && before <= '9') &&
        !(c == '+' && before == '+') && !(c == '-' && before == '-'))
        return true;
    if (c == ')') return paren_keyword(S, opener_at_depth(S));
    if (c == '}') {
        bool cls = S->depth < S->opener_class.len && S->opener_class.data[S->depth];
        return block_brace(S, opener_at_depth(S)) || cls;
    }
    if (c == '/') return S->last_slash_div;
    return expression_keyword_at(S, t) || c == 0;
}

/* ---- the matcher ---------------------------------------------------------
 * match() reads a token pattern at the cursor.  Its alphabet:
 *   ' '       any white space and comments (or none)
 *   '#'       exactly one space (the lexer wants that after `in`)
 *   '^'       the revert point: a later failure puts the cursor on the byte
 *             before the cursor here
 *   '?c'      c, if it is there
 *   '%1' '%2' an identifier, remembered; '$1' '$2' the same bytes again
 *   '%i'      any identifier
 *   '%s'      a string literal, remembered in S->str
 *   '%q' '%Q' a quote, and later the same quote
 *   '%X'      `exports` or `module.exports`
 *   '%F'      `function`, a name if white space comes first, white space
 *   '%T'      four bytes that start with `t` or end with `rue` (the lexer's
 *             test for `true` in the Object.keys pattern)
 *   else      that byte.
 * Keywords are matched as bytes, with no end-of-word test (`returnx` is
 * `return x`), as the lexer does.  Returns false at the first mismatch,
 * the cursor wherever it stopped: callers put it back. */

static bool exports_object(Scan *S) {
    int64_t start = S->pos;
    if (WORD_AT(S, S->pos, "module")) {
        S->pos += 6;
        blank(S);
        if (at(S, S->pos) != '.') {
            S->pos = start;
            return false;
        }
        S->pos++;
        blank(S);
    }
    if (WORD_AT(S, S->pos, "exports")) {
        S->pos += 7;
        return true;
    }
    S->pos = start;
    return false;
}

static bool match(Scan *S, const char *pat) {
    for (const char *p = pat; *p; p++) {
        int c = at(S, S->pos);
        switch (*p) {
        case ' ': blank(S); break;
        case '#':
            if (c != ' ') return false;
            S->pos++;
            break;
        case '^': S->revert = S->pos - 1; break;
        case '?':
            if (c == *++p) S->pos++;
            break;
        case '$': {
            const int64_t *cap = S->cap[*++p - '1'];
            if (!word_at_(S, S->pos, (const char *)S->s + cap[0], (size_t)(cap[1] - cap[0]))) return false;
            S->pos += cap[1] - cap[0];
            break;
        }
        case '%':
            switch (*++p) {
            case '1': case '2': {
                int64_t *cap = S->cap[*p - '1'];
                cap[0] = S->pos;
                if (!identifier(S)) return false;
                cap[1] = S->pos;
                break;
            }
            case 'i':
                if (!identifier(S)) return false;
                break;
            case 's':
                if (c != '\'' && c != '"') return false;
                S->str[0] = S->pos;
                string_literal(S, c);
                S->str[1] = ++S->pos;
                break;
            case 'q':
                if (c != '\'' && c != '"') return false;
                S->quote = (uint8_t)c;
                S->pos++;
                break;
            case 'Q':
                if (c != S->quote) return false;
                S->pos++;
                break;
            case 'X':
                if (!exports_object(S)) return false;
                break;
            case 'F': {
                if (!WORD_AT(S, S->pos, "function")) return false;
                S->pos += 8;
                int64_t after = S->pos;
                blank(S);
                if (at(S, S->pos) != '(' && (S->pos == after || !identifier(S))) return false;
                blank(S);
                break;
            }
            case 'T':
                if (c != 't' && !WORD_AT(S, S->pos + 1, "rue")) return false;
                S->pos += 4;
                break;
            }
            break;
        default:
            if (c != (uint8_t)*p) return false;
            S->pos++;
        }
    }
    return true;
}

/* ---- require() ---------------------------------------------------------- */

/* require("spec"), the cursor on its `r` (which, as the lexer's, is not
 * looked at: `_interopRequireWildcard(xequire("a"))` counts).  On success
 * the cursor is on the `)` and, for REQUIRE_BINDING, *spec holds the decoded
 * specifier (*spec_ok false when it has none); else the cursor is back. */
static bool require_call(Scan *S, RequireUse use, JsCjsName *spec, bool *spec_ok) {
    int64_t back = S->pos;
    if (!WORD_AT(S, S->pos + 1, "equire")) return false;
    S->pos += 7;
    blank(S);
    if (at(S, S->pos) == '(') {
        S->pos++;
        blank(S);
        int64_t start = S->pos;
        int q = at(S, S->pos);
        if (q == '\'' || q == '"') {
            string_literal(S, q);
            int64_t end = ++S->pos;
            blank(S);
            if (at(S, S->pos) == ')') {
                JsCjsName v = {0};
                bool ok = decode_string(S, start, end, &v);
                if (use == REQUIRE_BINDING) {
                    *spec = v;
                    *spec_ok = ok;
                } else if (ok) {
                    add_reexport(S, v);
                }
                return true;
            }
        }
    }
    S->pos = back;
    return false;
}

/* After a top-level require() whose `r` starts a word: when the text
 * before it is `var|let|const NAME = ` (spaces only, as the lexer reads it
 * backwards from b), NAME now stands for that module in a later
 * Object.keys(NAME).forEach(...) star reexport. */
static void bind_star_source(Scan *S, int64_t b, JsCjsName spec, bool spec_ok) {
    while (b >= 0 && at(S, b) == ' ') b--;
    if (at(S, b) != '=') return;
    b--;
    while (b >= 0 && at(S, b) == ' ') b--;
    int64_t id_end = b;
    bool starts = false;
    for (;;) {
        int n;
        uint32_t c = cp_ending_at(S, b, &n);
        if (!c) break;
        if (c == '\\') return;
        if (!is_id_char(c)) break;
        starts = is_id_start(c);
        b -= n;
    }
    if (!starts || at(S, b) != ' ') return;
    JsCjsName id = slice(S, b + 1, id_end + 1);
    while (b >= 0 && at(S, b) == ' ') b--;
    switch (at(S, b)) {
    case 'r':
        if (!WORD_AT(S, b - 2, "va")) return;
        break;
    case 't':
        if (!WORD_AT(S, b - 2, "le") && !WORD_AT(S, b - 4, "cons")) return;
        break;
    default: return;
    }
    uint64_t value = 0;
    if (spec_ok) {
        VEC_PUSH(&S->star_specs, spec);
        value = S->star_specs.len;
    }
    map_put_str(&S->star_bindings, id.str, id.len, value);
}

/* ---- exports.a = / exports["a"] = / module.exports = ------------------- */

/* module.exports = { a, b: c, "d": e, ...f, ...require("g") }, the cursor on
 * the {.  Names count up to the first property of another form, where the
 * cursor goes back before the { (the names found stay). */
static void object_literal(Scan *S) {
    int64_t back = S->pos - 1;
    while (++S->pos < S->len) {
        blank(S);
        int64_t start = S->pos;
        int c;
        if (identifier(S)) {
            int64_t end = S->pos;
            blank(S);
            if (at(S, S->pos) == ':') {
                S->pos++;
                blank(S);
                if (!identifier(S)) goto bail;
            }
            c = at(S, S->pos); /* as the lexer: no white space before a `,` after a value */
            add_name(S, slice(S, start, end));
        } else if (at(S, S->pos) == '.' && WORD_AT(S, S->pos + 1, "..")) {
            S->pos += 3;
            if (at(S, S->pos) == 'r' && require_call(S, REQUIRE_REEXPORT, NULL, NULL)) S->pos++;
            else if (!identifier(S)) goto bail;
            blank(S);
            c = at(S, S->pos);
        } else if (at(S, S->pos) == '\'' || at(S, S->pos) == '"') {
            string_literal(S, at(S, S->pos));
            int64_t end = ++S->pos;
            blank(S);
            if (at(S, S->pos) == ':') {
                S->pos++;
                blank(S);
                if (!identifier(S)) goto bail;
                JsCjsName n;
                if (decode_string(S, start, end, &n)) add_name(S, n);
            }
            c = at(S, S->pos);
        } else {
            goto bail;
        }
        if (c == '}') return;
        if (c != ',') goto bail;
    }
    return; /* as the lexer: a literal cut off by the end of the text is not put back */
bail:
    S->pos = back;
}

/* The cursor on `exports` (module_dot: after `module.`). */
static void exports_member(Scan *S, bool module_dot) {
    S->pos += 7;
    int64_t back = S->pos - 1;
    blank(S);
    switch (at(S, S->pos)) {
    case '.': {
        S->pos++;
        blank(S);
        int64_t start = S->pos;
        if (identifier(S)) {
            int64_t end = S->pos;
            blank(S);
            if (at(S, S->pos) == '=') { /* `==` and `===` too, as the lexer */
                add_name(S, slice(S, start, end));
                return;
            }
        }
        break;
    }
    case '[': {
        S->pos++;
        blank(S);
        int q = at(S, S->pos);
        if (q != '\'' && q != '"') break;
        int64_t start = S->pos;
        string_literal(S, q);
        int64_t end = ++S->pos;
        blank(S);
        if (at(S, S->pos) != ']') break;
        S->pos++;
        blank(S);
        JsCjsName n;
        if (at(S, S->pos) == '=' && decode_string(S, start, end, &n)) add_name(S, n);
        break; /* put back even on success, as the lexer */
    }
    case '=':
        if (!module_dot) break;
        clear_reexports(S); /* `module.exports ==` too, as the lexer */
        S->pos++;
        blank(S);
        if (at(S, S->pos) == '{') {
            object_literal(S);
            return;
        }
        if (at(S, S->pos) == 'r') require_call(S, REQUIRE_REEXPORT, NULL, NULL);
        break;
    }
    S->pos = back;
}

/* The cursor on `module`. */
static void module_member(Scan *S) {
    S->pos += 6;
    int64_t back = S->pos - 1;
    blank(S);
    if (at(S, S->pos) == '.') {
        S->pos++;
        blank(S);
        if (WORD_AT(S, S->pos, "exports")) {
            exports_member(S, true);
            return;
        }
    }
    S->pos = back;
}

/* ---- Object.defineProperty and Object.keys ------------------------------ */

/* Object.defineProperty(exports, "a", { enumerable: true, value: ...
 * or get: function () { return x.y; } / get() { return x["y"] } }), the
 * cursor on `defineProperty`.  A descriptor of any other form makes "a" an
 * unsafe getter: not an export, wherever else it is assigned. */
static void define_property(Scan *S) {
    S->pos += 14;
    S->revert = S->pos - 1;
    if (match(S, " ( %X , %s")) {
        int64_t name_start = S->str[0], name_end = S->str[1];
        JsCjsName name;
        bool name_ok = decode_string(S, name_start, name_end, &name);
        bool found = false, back = true;
        if (match(S, " , { ") && (at(S, S->pos) != 'e' || match(S, "enumerable : true , "))) {
            if (at(S, S->pos) == 'v') {
                found = match(S, "value :");
            } else if (at(S, S->pos) == 'g' && match(S, "get ") && (at(S, S->pos) != ':' || match(S, ": %F")) &&
                       match(S, "( ) { return %i ")) {
                bool member = at(S, S->pos) == '.' ? match(S, ". %i ") : at(S, S->pos) == '[' ? match(S, "[ %s ] ") : true;
                found = member && match(S, "?; } ?, } ") && at(S, S->pos) == ')';
                back = !found; /* a getter leaves the cursor on its `)` */
            }
        }
        if (name_ok) {
            if (found) add_name(S, name);
            else map_put_str(&S->unsafe, name.str, name.len, 1);
        }
        if (!back) return;
    }
    S->pos = S->revert;
}

/* Object.prototype.hasOwnProperty.call(x, KEY) or Object.hasOwnProperty...
 * (KEY = %2), after optional white space. */
static bool has_own_property(Scan *S) {
    if (!match(S, " Object . ")) return false;
    if (at(S, S->pos) == 'p' && !match(S, "prototype . ")) return false;
    return match(S, "hasOwnProperty . call ( %i , $2 )");
}

/* Babel's and others' `export * from "m"`, the cursor on `keys`:
 *
 *   Object.keys(_m).forEach(function (key) {
 *     if (key === "default" || key === "__esModule") return;
 *     [if (Object.prototype.hasOwnProperty.call(_exportNames, key)) return;]
 *     [if (key in exports && exports[key] === _m[key]) return;]
 *     exports[key] = _m[key];   or   Object.defineProperty(exports, key, {
 *   });                                enumerable: true, get: function () { return _m[key]; } });
 *
 * or `if (key !== "default" [&& !...hasOwnProperty(key)]) <the same>`.
 * When _m was bound by a top-level `var _m = require("m")`, "m" is a
 * reexport.  Only at the top level. */
static void keys_for_each(Scan *S) {
    if (!match(S, "keys^ ( %1 )^ . forEach ^( function ( %2 ) { if ( $2 ")) goto back;
    if (at(S, S->pos) == '=') {
        if (!match(S, "=== %qdefault %Q || $2 === %q__esModule %Q ) return ?; ")) goto back;
        if (at(S, S->pos) == 'i' && at(S, S->pos + 1) == 'f') {
            if (!match(S, "if (")) goto back;
            bool in_if = true;
            int64_t inner = S->pos;
            if (has_own_property(S)) {
                if (!match(S, " ) return ?; ")) goto back;
                if (at(S, S->pos) == 'i' && at(S, S->pos + 1) == 'f') {
                    if (!match(S, "if (")) goto back;
                } else {
                    in_if = false;
                }
            } else {
                S->pos = inner;
            }
            if (in_if && !match(S, "$2 in# %X && %X [ $2 ] === $1 [ $2 ] ) return ?; ")) goto back;
        }
    } else if (at(S, S->pos) == '!') {
        if (!match(S, "!== %qdefault %Q ")) goto back;
        if (at(S, S->pos) == '&') {
            if (!match(S, "&& ! ")) goto back;
            if (WORD_AT(S, S->pos, "Object") && at(S, S->pos + 6) == '.') {
                if (!has_own_property(S)) goto back;
            } else if (!match(S, "%i . hasOwnProperty ( $2 )")) {
                goto back;
            }
            blank(S);
        }
        if (!match(S, ") ")) goto back;
    } else {
        goto back;
    }
    if (exports_object(S)) {
        if (!match(S, " [ $2 ] = $1 [ $2 ] ?; ")) goto back;
    } else if (at(S, S->pos) == 'O') {
        if (!match(S, "Object . defineProperty ( %X , $2 , { enumerable : %T , get ")) goto back;
        if (at(S, S->pos) == ':' && !match(S, ": %F")) goto back;
        if (!match(S, "( ) { return $1 [ $2 ] ?; } ?, } ) ?; ")) goto back;
    } else {
        goto back;
    }
    if (!match(S, "} ") || at(S, S->pos) != ')') goto back;

    uint64_t spec = 0;
    map_get_str(&S->star_bindings, (const char *)S->s + S->cap[0][0], (size_t)(S->cap[0][1] - S->cap[0][0]), &spec);
    if (!spec || !S->star_specs.data[spec - 1].len) return; /* the cursor stays on the `)` */
    /* The lexer decodes the (decoded) specifier again: one that starts with
     * a quote is read as a string literal once more. */
    JsCjsName n = S->star_specs.data[spec - 1];
    if ((n.str[0] == '\'' || n.str[0] == '"') && !decode_quoted(S, n.str, n.len, &n)) goto back;
    add_reexport(S, n);
back:
    S->pos = S->revert;
}

/* The cursor on `Object`. */
static void object_member(Scan *S, bool top_level) {
    S->pos += 6;
    S->revert = S->pos - 1;
    blank(S);
    if (at(S, S->pos) == '.') {
        S->pos++;
        blank(S);
        if (WORD_AT(S, S->pos, "defineProperty")) {
            define_property(S);
            return;
        }
        if (top_level && WORD_AT(S, S->pos, "keys")) {
            keys_for_each(S);
            return;
        }
    }
    S->pos = S->revert;
}

/* ---- the top level: helpers, ES module syntax ---------------------------- */

/* `_interopRequireWildcard(require("m"))` (a binding, as require) and
 * `__export(require("m"))` / `__exportStar(require("m"))` (a reexport),
 * also after a `.` (`tslib.__exportStar`).  The cursor on the first `_`. */
static void underscore_helper(Scan *S) {
    int64_t start = S->pos;
    bool word = keyword_start(S, start) || at(S, start - 1) == '.';
    if (WORD_AT(S, start + 1, "interopRequireWildcard") && word) {
        S->pos += 23;
        if (at(S, S->pos) != '(') return;
        S->pos++;
        open_at_depth(S, S->last_tok);
        JsCjsName spec;
        bool spec_ok;
        if (require_call(S, REQUIRE_BINDING, &spec, &spec_ok) && keyword_start(S, start))
            bind_star_source(S, start - 1, spec, spec_ok);
    } else if (WORD_AT(S, start + 1, "_export") && word) {
        S->pos += 8;
        if (WORD_AT(S, S->pos, "Star")) S->pos += 4;
        if (at(S, S->pos) != '(') return;
        open_at_depth(S, S->last_tok);
        if (at(S, S->pos + 1) == 'r') {
            S->pos++;
            require_call(S, REQUIRE_REEXPORT, NULL, NULL);
        }
    }
}

/* `import` at the top level: import() is fine, import.meta and import
 * declarations are ES module syntax.  As the lexer, `import` followed
 * directly by another character is taken as a name, and that character
 * is skipped. */
static void import_keyword(Scan *S) {
    int64_t start = S->pos;
    S->pos += 6;
    blank(S);
    int c = at(S, S->pos);
    if (c == '(') {
        open_at_depth(S, start);
        return;
    }
    if (c == '.') fail(S, "import.meta in a CommonJS module", true);
    if (c == '\'' || c == '"' || c == '{' || c == '*' || S->pos != start + 6)
        fail(S, "import statement in a CommonJS module", true);
}

/* `export` (not `exports`) at the top level: a declaration unless a
 * character other than a punctuator follows directly (then, as the lexer,
 * that character is skipped). */
static void export_keyword(Scan *S) {
    S->pos += 6;
    int64_t after = S->pos;
    blank(S);
    if (S->pos == after && !is_punct(at(S, S->pos))) return;
    fail(S, "export statement in a CommonJS module", true);
}

/* ---- the walk ------------------------------------------------------------ */

static void walk(Scan *S) {
    if (at(S, 0) == '#' && at(S, 1) == '!') { /* a hashbang line */
        S->pos = 1;
        while (++S->pos < S->len)
            if (S->s[S->pos] == '\n' || S->s[S->pos] == '\r') break;
    }
    while (++S->pos < S->len) {
        int64_t p = S->pos;
        int c = S->s[p];
        if (ascii_space(c)) continue; /* not U+00A0 here: a token to the main loop */
        switch (c) {
        case 'i':
            if (S->depth == 0 && WORD_AT(S, p + 1, "mport") && keyword_start(S, p)) import_keyword(S);
            break;
        case 'r':
            if (S->depth == 0) {
                JsCjsName spec;
                bool spec_ok;
                if (require_call(S, REQUIRE_BINDING, &spec, &spec_ok) && keyword_start(S, p))
                    bind_star_source(S, p - 1, spec, spec_ok);
            }
            break;
        case '_':
            if (S->depth == 0) underscore_helper(S);
            break;
        case 'e':
            if (WORD_AT(S, p + 1, "xport") && keyword_start(S, p)) {
                if (at(S, p + 6) == 's') exports_member(S, false);
                else if (S->depth == 0) export_keyword(S);
            }
            break;
        case 'c':
            if (keyword_start(S, p) && WORD_AT(S, p + 1, "lass") && space_len(S, p + 5)) S->next_brace_class = true;
            break;
        case 'm':
            if (WORD_AT(S, p + 1, "odule") && keyword_start(S, p)) module_member(S);
            break;
        case 'O':
            if (WORD_AT(S, p + 1, "bject") && keyword_start(S, p)) object_member(S, S->depth == 0);
            break;
        case '(': open_at_depth(S, S->last_tok); break;
        case ')':
            if (S->depth == 0) fail(S, "unexpected closing parenthesis", false);
            S->depth--;
            break;
        case '{':
            set_class_at_depth(S, S->next_brace_class);
            S->next_brace_class = false;
            open_at_depth(S, S->last_tok);
            break;
        case '}':
            if (S->depth == 0) fail(S, "unexpected closing brace", false);
            if ((int64_t)S->depth-- == S->tmpl_depth) {
                S->tmpl_depth = VEC_POP(&S->tmpl);
                template_string(S);
            } else if (S->tmpl_depth != -1 && (int64_t)S->depth < S->tmpl_depth) {
                fail(S, "unexpected closing brace", false);
            }
            break;
        case '\'':
        case '"': string_literal(S, c); break;
        case '/': {
            int next = at(S, p + 1);
            if (next == '/') {
                line_comment(S);
                continue; /* comments are not tokens */
            }
            if (next == '*') {
                block_comment(S);
                continue;
            }
            if (slash_starts_regex(S)) {
                regex(S);
                S->last_slash_div = false;
            } else {
                S->last_slash_div = true;
            }
            break;
        }
        case '`': template_string(S); break;
        }
        S->last_tok = S->pos;
    }
    if (S->tmpl_depth != -1) fail(S, "unterminated template", false);
    if (S->depth) fail(S, "unterminated braces", false);
}

/* Runs the walk with the error exit.  Separate from js_cjs_exports_scan so
 * that nothing setjmp's frame owns changes before a longjmp (S is the
 * caller's). */
static bool run(Scan *S) {
    if (setjmp(S->fail)) return false;
    walk(S);
    return true;
}

void js_cjs_exports_scan(const char *src, uint32_t len, Arena *arena, JsCjsExports *out) {
    memset(out, 0, sizeof *out);
    Scan S = {.s = (const uint8_t *)src, .len = len, .pos = -1, .last_tok = -1, .tmpl_depth = -1,
              .out = out, .arena = arena};
    if (run(&S)) {
        /* Unsafe getters go, wherever their names were found. */
        uint32_t kept = 0;
        for (uint32_t i = 0; i < out->names.len; i++) {
            JsCjsName n = out->names.data[i];
            if (!map_get_str(&S.unsafe, n.str, n.len, NULL)) out->names.data[kept++] = n;
        }
        out->names.len = kept;
    } else {
        VEC_FREE(&out->names);
        VEC_FREE(&out->reexports);
    }
    VEC_FREE(&S.opener);
    VEC_FREE(&S.opener_class);
    VEC_FREE(&S.tmpl);
    VEC_FREE(&S.star_specs);
    map_free(&S.names);
    map_free(&S.unsafe);
    map_free(&S.reexports);
    map_free(&S.star_bindings);
}

void js_cjs_exports_free(JsCjsExports *e) {
    VEC_FREE(&e->names);
    VEC_FREE(&e->reexports);
}

/* The name as JSON.stringify writes it (so tests can compare with Node's). */
static void dump_string(const JsCjsName *n, FILE *out) {
    fputc('"', out);
    for (uint32_t i = 0; i < n->len; i++) {
        unsigned char c = (unsigned char)n->str[i];
        const char *esc = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\b' ? "\\b" : c == '\f' ? "\\f"
                        : c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : NULL;
        if (esc) fputs(esc, out);
        else if (c < 0x20) fprintf(out, "\\u%04x", c);
        else fputc(c, out);
    }
    fputc('"', out);
}

void js_cjs_exports_dump(const JsCjsExports *e, FILE *out) {
    if (e->error) {
        fprintf(out, "error @%u: %s%s\n", e->error_pos, e->error, e->esm_syntax ? " (ES module syntax)" : "");
        return;
    }
    for (uint32_t i = 0; i < e->names.len; i++) {
        dump_string(&e->names.data[i], out);
        fputc('\n', out);
    }
    for (uint32_t i = 0; i < e->reexports.len; i++) {
        fputs("reexport ", out);
        dump_string(&e->reexports.data[i], out);
        fputc('\n', out);
    }
}
