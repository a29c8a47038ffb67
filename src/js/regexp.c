/* js/regexp.c: checks a regular expression pattern for early errors
 * (ECMA-262 2025 22.2.1, and Annex B.1.2 without the u or v flag).
 * In:  a pattern as written in a literal and its flags.  Out: valid, or a
 *      message and the byte offset of the error.
 * Memory: a few fixed buffers on the C stack; the heap (mem_alloc) only for
 *      deep nesting or many named groups, freed before returning.
 * Order: called by the parser for each regular expression literal.
 *
 * Two passes.  The first counts capturing groups and notices named ones
 * (a backreference \3 may point to a later group, and a named group anywhere
 * changes what \k means in Annex B).  The second walks the grammar once,
 * keeping open groups on an explicit stack (the key design choice: a
 * pattern of 100,000 `(` is a long loop, not a deep recursion), and v-mode
 * classes on a second one.  The functions below carry the productions they
 * parse; [U] marks the u and v modes (UnicodeMode), [V] the v mode. */
#include "js/regexp.h"

#include "base/mem.h"
#include "js/lexer.h"

#include <string.h>

enum { LOCAL_FRAMES = 32, LOCAL_SETS = 8, LOCAL_NAMES = 8 };

/* An open group, or the pattern itself at the bottom of the stack. */
typedef struct Frame {
    uint32_t open;        /* offset of the '(' */
    uint32_t names_start; /* first entry of groups made inside this group */
    uint32_t alt_start;   /* first entry of groups made in the current alternative */
    bool quantifiable;    /* lookbehinds, and lookaheads with [U], are not */
} Frame;

enum { SET_NONE, SET_UNION, SET_INTERSECTION, SET_SUBTRACTION };

/* An open class with [V], where classes nest. */
typedef struct SetFrame {
    uint32_t open;     /* offset of the '[' */
    uint8_t op;        /* SET_*: fixed by the operator after the first operand */
    bool negated;      /* [^ ...] */
    bool strings;      /* MayContainStrings of the operands so far */
    bool need_operand; /* just after && or -- */
} SetFrame;

/* A group name as written: a named group's, or a \k<name> reference's. */
typedef struct Name {
    uint32_t start, end; /* between the < and >, escapes not decoded */
    uint32_t hash;       /* of the code points, escapes decoded */
    bool active;         /* groups: might participate together with a group opened now */
} Name;

typedef struct NameList {
    Name *items; /* local, or the heap once more than LOCAL_NAMES */
    uint32_t len, cap;
    Name *local; /* LOCAL_NAMES on js_regexp_check's stack */
} NameList;

typedef struct Parser {
    const unsigned char *s;
    uint32_t len, pos;
    bool unicode;           /* [U]: the u or v flag */
    bool sets;              /* [V]: the v flag */
    bool named;             /* [N]: \k is a reference (u, v, or any named group) */
    uint32_t captures;      /* capturing groups in the whole pattern */
    uint32_t pending_trail; /* without [U]: the low half of an astral class atom, or 0 */
    const char *msg;        /* the error, once there is one */
    uint32_t err;
    Frame *frames;
    uint32_t nframes, frames_cap;
    SetFrame *setf;
    uint32_t nsets, sets_cap;
    NameList groups; /* named groups, in source order */
    NameList refs;   /* \k<name>, resolved at the end (they may point forward) */
    Frame *frames_local; /* the first LOCAL_FRAMES, on js_regexp_check's stack */
    SetFrame *sets_local;
} Parser;

/* ---- Small helpers ----------------------------------------------------- */

static bool fail(Parser *p, uint32_t at, const char *msg) {
    p->msg = msg;
    p->err = at;
    return false;
}

/* The byte k past the position, or -1 past the end. */
static int peek(const Parser *p, uint32_t k) {
    return p->pos + k < p->len ? p->s[p->pos + k] : -1;
}

static bool is_digit(int c) {
    return c >= '0' && c <= '9';
}

static int hex_value(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') return (c | 0x20) - 'a' + 10;
    return -1;
}

static bool is_syntax_char(int c) {
    return c > 0 && strchr("^$\\.*+?()[]{}|", c);
}

static bool is_ascii_letter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Decodes the UTF-8 sequence at s[i] (i < len); returns its length.  Bytes
 * that do not form one decode as U+FFFD, one at a time. */
static uint32_t decode_utf8(const unsigned char *s, uint32_t i, uint32_t len, uint32_t *cp) {
    unsigned c = s[i];
    uint32_t n = c < 0x80 ? 1 : c >= 0xF5 ? 0 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (n == 1) return *cp = c, 1;
    if (n == 0 || i + n > len) return *cp = 0xFFFD, 1;
    uint32_t v = c & (0x3F >> (n - 1));
    for (uint32_t k = 1; k < n; k++) {
        if ((s[i + k] & 0xC0) != 0x80) return *cp = 0xFFFD, 1;
        v = v << 6 | (s[i + k] & 0x3F);
    }
    *cp = v > 0x10FFFF ? 0xFFFD : v;
    return n;
}

/* Storage that starts on the C stack and moves to the heap when it fills. */
static void *grow(void *items, const void *local, uint32_t *cap, size_t size) {
    uint32_t old = *cap;
    *cap = old * 2;
    if (items != local) return mem_realloc(items, (size_t)*cap * size);
    void *heap = mem_alloc((size_t)*cap * size);
    memcpy(heap, items, (size_t)old * size);
    return heap;
}

static void names_push(NameList *l, Name n) {
    if (l->len == l->cap) l->items = grow(l->items, l->local, &l->cap, sizeof(Name));
    l->items[l->len++] = n;
}

static void push_frame(Parser *p, uint32_t open, bool quantifiable) {
    if (p->nframes == p->frames_cap)
        p->frames = grow(p->frames, p->frames_local, &p->frames_cap, sizeof(Frame));
    p->frames[p->nframes++] = (Frame){.open = open, .names_start = p->groups.len,
                                      .alt_start = p->groups.len, .quantifiable = quantifiable};
}

static void push_set(Parser *p, uint32_t open, bool negated) {
    if (p->nsets == p->sets_cap) p->setf = grow(p->setf, p->sets_local, &p->sets_cap, sizeof(SetFrame));
    p->setf[p->nsets++] = (SetFrame){.open = open, .op = SET_NONE, .negated = negated};
}

/* ---- Escapes ----------------------------------------------------------- */

/* The byte at s[i], or -1 past the end. */
static int byte_at(const unsigned char *s, uint32_t len, uint32_t i) {
    return i < len ? s[i] : -1;
}

/* After a `\u`, at s[*pos]:
 *   RegExpUnicodeEscapeSequence ::
 *     [+U] u HexLeadSurrogate \u HexTrailSurrogate | [+U] u{ CodePoint }
 *     u Hex4Digits
 * unicode: the [+U] forms are allowed.  Returns false if none matches, with
 * *pos unchanged (without [U] the `u` is then an identity escape).  Works on
 * bare bytes so that names can be decoded again after the parse. */
static bool unicode_escape(const unsigned char *s, uint32_t len, uint32_t *pos, bool unicode,
                           uint32_t *cp) {
    uint32_t i = *pos, v = 0, k;
    int d;
    if (unicode && byte_at(s, len, i) == '{') {
        for (k = 1; (d = hex_value(byte_at(s, len, i + k))) >= 0; k++) {
            v = v * 16 + (uint32_t)d;
            if (v > 0x10FFFF) return false;
        }
        if (k == 1 || byte_at(s, len, i + k) != '}') return false;
        *pos = i + k + 1;
        *cp = v;
        return true;
    }
    for (k = 0; k < 4; k++) {
        if ((d = hex_value(byte_at(s, len, i + k))) < 0) return false;
        v = v * 16 + (uint32_t)d;
    }
    i += 4;
    if (unicode && v >= 0xD800 && v <= 0xDBFF && byte_at(s, len, i) == '\\' &&
        byte_at(s, len, i + 1) == 'u') {
        uint32_t lo = 0;
        for (k = 2; k < 6 && (d = hex_value(byte_at(s, len, i + k))) >= 0; k++)
            lo = lo * 16 + (uint32_t)d;
        if (k == 6 && lo >= 0xDC00 && lo <= 0xDFFF) {
            i += 6;
            v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
        }
    }
    *pos = i;
    *cp = v;
    return true;
}

/* Without [U], at the first digit:
 *   LegacyOctalEscapeSequence ::
 *     0 [lookahead ∈ {8, 9}] | NonZeroOctalDigit [lookahead ∉ OctalDigit]
 *     ZeroToThree OctalDigit [lookahead ∉ OctalDigit] | FourToSeven OctalDigit
 *     ZeroToThree OctalDigit OctalDigit */
static uint32_t legacy_octal(Parser *p) {
    uint32_t max = peek(p, 0) <= '3' ? 3 : 2, v = 0, k = 0;
    for (int c; k < max && (c = peek(p, 0)) >= '0' && c <= '7'; k++, p->pos++)
        v = v * 8 + (uint32_t)(c - '0');
    return v;
}

/* A literal character at pos (not `\`), as the pattern sees it: a code point
 * with [U]; otherwise UTF-16 code units, so an astral character is its high
 * surrogate now and its low one (pending_trail) as the next class atom. */
static uint32_t literal_char(Parser *p) {
    uint32_t cp;
    p->pos += decode_utf8(p->s, p->pos, p->len, &cp);
    if (cp > 0xFFFF && !p->unicode) {
        p->pending_trail = 0xDC00 + ((cp - 0x10000) & 0x3FF);
        return 0xD800 + ((cp - 0x10000) >> 10);
    }
    return cp;
}

/* After a `\` (at start), at pos; in_class: inside [...] (not a [V] one).
 *   CharacterEscape ::
 *     ControlEscape | c AsciiLetter | 0 [lookahead ∉ DecimalDigit]
 *     HexEscapeSequence | RegExpUnicodeEscapeSequence | IdentityEscape
 *     [~U] LegacyOctalEscapeSequence
 *   IdentityEscape :: [+U] SyntaxCharacter | [+U] / | [~U] SourceCharacter
 *     but not c, and not k with [N]
 *   ClassEscape adds: [+U] - | [~U] c ClassControlLetter
 * Annex B also makes a `\` followed by a `c` that starts none of these a
 * literal backslash, leaving the `c` for the next atom. */
static bool character_escape(Parser *p, uint32_t start, bool in_class, uint32_t *cp) {
    int c = peek(p, 0);
    if (c < 0) return fail(p, start, "\\ at end of pattern");
    switch (c) {
    case 'f': p->pos++, *cp = '\f'; return true;
    case 'n': p->pos++, *cp = '\n'; return true;
    case 'r': p->pos++, *cp = '\r'; return true;
    case 't': p->pos++, *cp = '\t'; return true;
    case 'v': p->pos++, *cp = '\v'; return true;
    case 'c': {
        int l = peek(p, 1);
        if (is_ascii_letter(l) || (!p->unicode && in_class && (is_digit(l) || l == '_'))) {
            p->pos += 2, *cp = (uint32_t)l % 32;
            return true;
        }
        if (p->unicode) return fail(p, start, "invalid \\c escape");
        *cp = '\\'; /* the `c` stays */
        return true;
    }
    case '0':
        if (!is_digit(peek(p, 1))) {
            p->pos++, *cp = 0;
            return true;
        }
        if (p->unicode) return fail(p, start, "invalid decimal escape");
        *cp = legacy_octal(p);
        return true;
    case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        if (p->unicode) return fail(p, start, "invalid class escape");
        *cp = legacy_octal(p);
        return true;
    case 'x': {
        int hi = hex_value(peek(p, 1)), lo = hex_value(peek(p, 2));
        if (hi >= 0 && lo >= 0) {
            p->pos += 3, *cp = (uint32_t)(hi * 16 + lo);
            return true;
        }
        if (p->unicode) return fail(p, start, "invalid hexadecimal escape");
        p->pos++, *cp = 'x';
        return true;
    }
    case 'u':
        p->pos++;
        if (unicode_escape(p->s, p->len, &p->pos, p->unicode, cp)) return true;
        if (p->unicode) return fail(p, start, "invalid unicode escape");
        *cp = 'u';
        return true;
    default:
        if (p->unicode) {
            if (is_syntax_char(c) || c == '/' || (in_class && c == '-')) {
                p->pos++, *cp = (uint32_t)c;
                return true;
            }
            return fail(p, start, "invalid escape");
        }
        if (c == 'k' && p->named) return fail(p, start, "invalid escape");
        *cp = literal_char(p);
        return true;
    }
}

/* ---- Property escapes -------------------------------------------------- */

#define GC(s) s,
static const char *const gc_values[] = {
#include "js/regexp_props.def"
};
#undef GC
#define SCRIPT(s) s,
static const char *const script_values[] = {
#include "js/regexp_props.def"
};
#undef SCRIPT
#define BINARY(s) s,
static const char *const binary_props[] = {
#include "js/regexp_props.def"
};
#undef BINARY
#define STRINGS(s) s,
static const char *const string_props[] = {
#include "js/regexp_props.def"
};
#undef STRINGS

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Is s[0..n) one of list[0..count), which is in strcmp order? */
static bool in_list(const char *const *list, size_t count, const char *s, uint32_t n) {
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int r = strncmp(s, list[mid], n);
        if (r == 0) r = list[mid][n] ? -1 : 0;
        if (r == 0) return true;
        if (r < 0) hi = mid;
        else lo = mid + 1;
    }
    return false;
}

static bool text_is(const char *s, uint32_t n, const char *word) {
    return strlen(word) == n && memcmp(s, word, n) == 0;
}

/* At the `p` or `P` after a `\` (at start), with [U]:
 *   CharacterClassEscape :: p{ UnicodePropertyValueExpression } | P{ ... }
 *   UnicodePropertyValueExpression ::
 *     UnicodePropertyName = UnicodePropertyValue | LoneUnicodePropertyNameOrValue
 * Sets *strings if it is a property of strings (only with [V], never \P). */
static bool property_escape(Parser *p, uint32_t start, bool *strings) {
    bool negated = peek(p, 0) == 'P';
    *strings = false;
    p->pos++;
    if (peek(p, 0) != '{') return fail(p, start, "invalid property name");
    p->pos++;
    const char *name = (const char *)p->s + p->pos, *value = NULL;
    uint32_t name_len = 0, value_len = 0;
    int c;
    while (is_ascii_letter(c = peek(p, 0)) || is_digit(c) || c == '_') p->pos++, name_len++;
    if (c == '=') {
        p->pos++;
        value = (const char *)p->s + p->pos;
        while (is_ascii_letter(c = peek(p, 0)) || is_digit(c) || c == '_') p->pos++, value_len++;
    }
    if (c != '}' || name_len == 0 || (value && value_len == 0))
        return fail(p, start, "invalid property name");
    p->pos++;
    if (value) {
        if (text_is(name, name_len, "General_Category") || text_is(name, name_len, "gc")) {
            if (in_list(gc_values, COUNT(gc_values), value, value_len)) return true;
        } else if (text_is(name, name_len, "Script") || text_is(name, name_len, "sc") ||
                   text_is(name, name_len, "Script_Extensions") || text_is(name, name_len, "scx")) {
            if (in_list(script_values, COUNT(script_values), value, value_len)) return true;
        } else {
            return fail(p, start, "invalid property name");
        }
        return fail(p, start, "invalid property value");
    }
    if (in_list(gc_values, COUNT(gc_values), name, name_len) ||
        in_list(binary_props, COUNT(binary_props), name, name_len))
        return true;
    if (p->sets && in_list(string_props, COUNT(string_props), name, name_len)) {
        if (negated) return fail(p, start, "negated property of strings");
        *strings = true;
        return true;
    }
    return fail(p, start, "invalid property name");
}

/* ---- Character classes without [V] ------------------------------------- */

/* One ClassAtom; *v is its character value, or -1 for a class escape
 * (\d, \p{...}...), which cannot end a range.
 *   ClassAtom :: - | ClassAtomNoDash
 *   ClassAtomNoDash :: SourceCharacter but not one of \ ] - | \ ClassEscape
 *   ClassEscape :: b | [+U] - | CharacterClassEscape | CharacterEscape */
static bool class_atom(Parser *p, int64_t *v) {
    if (p->pending_trail) {
        *v = p->pending_trail;
        p->pending_trail = 0;
        return true;
    }
    if (peek(p, 0) != '\\') {
        *v = literal_char(p);
        return true;
    }
    uint32_t start = p->pos++;
    uint32_t cp;
    bool strings;
    switch (peek(p, 0)) {
    case 'b': p->pos++, *v = '\b'; return true;
    case 'd': case 'D': case 's': case 'S': case 'w': case 'W': p->pos++, *v = -1; return true;
    case 'p': case 'P':
        if (!p->unicode) break;
        *v = -1;
        return property_escape(p, start, &strings);
    case 'k':
        if (p->unicode) return fail(p, start, "invalid escape");
        break;
    }
    if (!character_escape(p, start, true, &cp)) return false;
    *v = cp;
    return true;
}

/*   CharacterClass :: [ [lookahead ≠ ^] ClassContents ] | [^ ClassContents ]
 *   NonemptyClassRanges :: ClassAtom | ClassAtom NonemptyClassRangesNoDash
 *                        | ClassAtom - ClassAtom ClassContents
 * A range needs endpoints in order; with [U] neither may be a class escape
 * (Annex B lets [\d-z] mean \d, -, z). */
static bool character_class(Parser *p) {
    uint32_t open = p->pos++;
    if (peek(p, 0) == '^') p->pos++;
    for (;;) {
        int c = peek(p, 0);
        if (!p->pending_trail) {
            if (c < 0) return fail(p, open, "unterminated character class");
            if (c == ']') {
                p->pos++;
                return true;
            }
        }
        uint32_t from_at = p->pos;
        int64_t from, to;
        if (!class_atom(p, &from)) return false;
        if (p->pending_trail || peek(p, 0) != '-' || peek(p, 1) < 0 || peek(p, 1) == ']') continue;
        p->pos++;
        if (!class_atom(p, &to)) return false;
        if (from < 0 || to < 0) {
            if (p->unicode) return fail(p, from_at, "invalid character class range");
        } else if (from > to) {
            return fail(p, from_at, "range out of order in character class");
        }
    }
}

/* ---- Class sets with [V] ----------------------------------------------- */

static bool is_double_punctuator(int c) {
    return c > 0 && strchr("&!#$%*+,.:;<=>?@^`~", c);
}

/*   ClassSetCharacter ::
 *     [lookahead ∉ ClassSetReservedDoublePunctuator] SourceCharacter
 *       but not ClassSetSyntaxCharacter
 *     \ CharacterEscape[+U] | \ ClassSetReservedPunctuator | \b
 *   ClassSetSyntaxCharacter :: one of ( ) [ ] { } / - \ |
 *   ClassSetReservedPunctuator :: one of & - ! # % , : ; < = > @ ` ~ */
static bool set_character(Parser *p, uint32_t *cp) {
    uint32_t at = p->pos;
    int c = peek(p, 0);
    if (c == '\\') {
        p->pos++;
        c = peek(p, 0);
        if (c == 'b') {
            p->pos++, *cp = '\b';
            return true;
        }
        if (c > 0 && strchr("&-!#%,:;<=>@`~", c)) {
            p->pos++, *cp = (uint32_t)c;
            return true;
        }
        return character_escape(p, at, true, cp);
    }
    if (c < 0) return fail(p, at, "unterminated character class");
    if (strchr("()[]{}/-|", c)) return fail(p, at, "unescaped syntax character in character class");
    if (is_double_punctuator(c) && peek(p, 1) == c)
        return fail(p, at, "invalid set operation in character class");
    *cp = literal_char(p);
    return true;
}

/*   ClassStringDisjunction :: \q{ ClassString | ... }
 *   ClassString :: [empty] | ClassSetCharacter+
 * May contain strings unless every ClassString is one character. */
static bool class_string_disjunction(Parser *p, bool *strings) {
    uint32_t open = p->pos, count = 0;
    p->pos += 3;
    *strings = false;
    for (;;) {
        int c = peek(p, 0);
        if (c < 0) return fail(p, open, "unterminated \\q{...}");
        if (c == '|' || c == '}') {
            p->pos++;
            if (count != 1) *strings = true;
            if (c == '}') return true;
            count = 0;
            continue;
        }
        uint32_t cp;
        if (!set_character(p, &cp)) return false;
        count++;
    }
}

/* An operand has been read into the innermost class: combines it, reads a
 * range if it starts one, and checks what follows.
 *   ClassUnion :: ClassSetRange ClassUnion? | ClassSetOperand ClassUnion?
 *   ClassIntersection :: ClassSetOperand && [lookahead ≠ &] ClassSetOperand
 *                      | ClassIntersection && [lookahead ≠ &] ClassSetOperand
 *   ClassSubtraction :: ClassSetOperand -- ClassSetOperand | ClassSubtraction -- ClassSetOperand
 *   ClassSetRange :: ClassSetCharacter - ClassSetCharacter
 * MayContainStrings: of any operand for a union, of all for an
 * intersection, of the first for a subtraction. */
static bool set_operand_done(Parser *p, uint32_t at, bool is_char, uint32_t cp, bool strings) {
    SetFrame *f = &p->setf[p->nsets - 1];
    bool is_and = peek(p, 0) == '&' && peek(p, 1) == '&';
    bool is_minus = peek(p, 0) == '-' && peek(p, 1) == '-';
    if (is_char && f->op != SET_INTERSECTION && f->op != SET_SUBTRACTION && peek(p, 0) == '-' &&
        !is_minus) {
        uint32_t to;
        p->pos++;
        int c = peek(p, 0);
        if (c == '\\' && peek(p, 1) > 0 && strchr("dDsSwWpPq", peek(p, 1)))
            return fail(p, at, "invalid character class range");
        if (!set_character(p, &to)) return false;
        if (cp > to) return fail(p, at, "range out of order in character class");
        is_and = peek(p, 0) == '&' && peek(p, 1) == '&';
        is_minus = peek(p, 0) == '-' && peek(p, 1) == '-';
        if (f->op == SET_NONE) f->op = SET_UNION;
    }
    switch (f->op) {
    case SET_NONE:
        f->op = is_and ? SET_INTERSECTION : is_minus ? SET_SUBTRACTION : SET_UNION;
        f->strings = strings;
        break;
    case SET_UNION: f->strings |= strings; break;
    case SET_INTERSECTION: f->strings &= strings; break;
    }
    f->need_operand = false;
    if (f->op == SET_UNION) {
        if (is_and || is_minus) return fail(p, p->pos, "invalid set operation in character class");
        return true;
    }
    if (peek(p, 0) == ']') return true;
    if ((f->op == SET_INTERSECTION && is_and) || (f->op == SET_SUBTRACTION && is_minus)) {
        p->pos += 2;
        if (f->op == SET_INTERSECTION && peek(p, 0) == '&')
            return fail(p, p->pos, "invalid set operation in character class");
        f->need_operand = true;
        return true;
    }
    return fail(p, p->pos, "invalid set operation in character class");
}

/*   CharacterClass :: [ [lookahead ≠ ^] ClassSetExpression ] | [^ ClassSetExpression ]
 *   ClassSetOperand :: NestedClass | ClassStringDisjunction | ClassSetCharacter
 *   NestedClass :: [ [lookahead ≠ ^] ClassContents ] | [^ ClassContents ]
 *                | \ CharacterClassEscape
 * Early error: a negated class that may contain strings.  Nested classes
 * are pushed on p->setf, not recursed into. */
static bool class_set(Parser *p) {
    uint32_t base = p->nsets;
    for (;;) {
        int c = peek(p, 0);
        if (c == '[') {
            uint32_t open = p->pos++;
            bool negated = peek(p, 0) == '^';
            if (negated) p->pos++;
            push_set(p, open, negated);
            continue;
        }
        SetFrame *f = &p->setf[p->nsets - 1];
        uint32_t at = p->pos;
        if (c < 0) return fail(p, f->open, "unterminated character class");
        if (c == ']') {
            if (f->need_operand) return fail(p, at, "missing operand in character class");
            p->pos++;
            if (f->negated && f->strings)
                return fail(p, f->open, "negated character class may contain strings");
            bool strings = !f->negated && f->strings;
            if (--p->nsets == base) return true;
            if (!set_operand_done(p, at, false, 0, strings)) return false;
            continue;
        }
        bool strings = false;
        uint32_t cp = 0;
        int next = peek(p, 1);
        if (c == '\\' && next == 'q' && peek(p, 2) == '{') {
            if (!class_string_disjunction(p, &strings)) return false;
        } else if (c == '\\' && next > 0 && strchr("dDsSwW", next)) {
            p->pos += 2;
        } else if (c == '\\' && (next == 'p' || next == 'P')) {
            p->pos++;
            if (!property_escape(p, at, &strings)) return false;
        } else {
            if (!set_character(p, &cp)) return false;
            if (!set_operand_done(p, at, true, cp, false)) return false;
            continue;
        }
        if (!set_operand_done(p, at, false, 0, strings)) return false;
    }
}

/* ---- Groups, names, quantifiers ---------------------------------------- */

static uint32_t hash_step(uint32_t h, uint32_t cp) {
    return (h ^ cp) * 16777619u;
}

/* The next code point of a name already checked by group_name. */
static uint32_t name_char(const Parser *p, uint32_t *i) {
    uint32_t cp;
    if (p->s[*i] != '\\') {
        *i += decode_utf8(p->s, *i, p->len, &cp);
        return cp;
    }
    *i += 2;
    unicode_escape(p->s, p->len, i, true, &cp);
    return cp;
}

static bool same_name(const Parser *p, const Name *a, const Name *b) {
    if (a->hash != b->hash) return false;
    uint32_t i = a->start, j = b->start;
    while (i < a->end && j < b->end)
        if (name_char(p, &i) != name_char(p, &j)) return false;
    return i == a->end && j == b->end;
}

/* At the `<`:
 *   GroupName :: < RegExpIdentifierName >
 *   RegExpIdentifierStart :: IdentifierStartChar | \ RegExpUnicodeEscapeSequence[+U]
 *   RegExpIdentifierPart :: IdentifierPartChar | \ RegExpUnicodeEscapeSequence[+U] */
static bool group_name(Parser *p, Name *name) {
    uint32_t at = p->pos++;
    uint32_t h = 2166136261u;
    name->start = p->pos;
    for (;;) {
        int c = peek(p, 0);
        if (c == '>' && p->pos > name->start) break;
        uint32_t cp, char_at = p->pos;
        if (c < 0 || c == '>') return fail(p, at, "invalid capture group name");
        if (c == '\\') {
            p->pos++;
            if (peek(p, 0) != 'u') return fail(p, char_at, "invalid capture group name");
            p->pos++;
            if (!unicode_escape(p->s, p->len, &p->pos, true, &cp))
                return fail(p, char_at, "invalid unicode escape");
        } else {
            p->pos += decode_utf8(p->s, p->pos, p->len, &cp);
        }
        if (!(char_at == name->start ? js_is_id_start(cp) : js_is_id_continue(cp)))
            return fail(p, char_at, "invalid capture group name");
        h = hash_step(h, cp);
    }
    name->end = p->pos++;
    name->hash = h;
    name->active = true;
    return true;
}

/* A named group is a duplicate if an earlier one of that name might take
 * part in the same match: one not in another alternative of the smallest
 * disjunction holding both (ES2025).  `active` marks the earlier groups
 * that qualify (see next_alternative and close_group). */
static bool add_group_name(Parser *p, uint32_t at, const Name *name) {
    for (uint32_t i = 0; i < p->groups.len; i++) {
        const Name *g = &p->groups.items[i];
        if (g->active && same_name(p, g, name)) return fail(p, at, "duplicate capture group name");
    }
    names_push(&p->groups, *name);
    return true;
}

/* `|`: the groups of the alternative that ends can no longer meet those of
 * the alternatives that follow, within this disjunction. */
static void next_alternative(Parser *p) {
    Frame *f = &p->frames[p->nframes - 1];
    for (uint32_t i = f->alt_start; i < p->groups.len; i++) p->groups.items[i].active = false;
    f->alt_start = p->groups.len;
}

/* `)`: past the group, all its alternatives' groups meet what follows. */
static Frame close_group(Parser *p) {
    Frame f = p->frames[--p->nframes];
    for (uint32_t i = f.names_start; i < p->groups.len; i++) p->groups.items[i].active = true;
    return f;
}

/* Does a braced quantifier start at pos?  { DecimalDigits } | { DecimalDigits , }
 * | { DecimalDigits , DecimalDigits }.  *end: past the `}`; *in_order:
 * min <= max, compared as digit strings so any size is exact. */
static bool braced_quantifier(const Parser *p, uint32_t *end, bool *in_order) {
    uint32_t k = 1, lo = 1;
    while (is_digit(peek(p, k))) k++;
    uint32_t lo_end = k;
    if (k == lo) return false;
    *in_order = true;
    if (peek(p, k) == ',') {
        uint32_t hi = ++k;
        while (is_digit(peek(p, k))) k++;
        if (k > hi) {
            const char *a = (const char *)p->s + p->pos + lo, *b = (const char *)p->s + p->pos + hi;
            uint32_t an = lo_end - lo, bn = k - hi;
            while (an > 1 && *a == '0') a++, an--;
            while (bn > 1 && *b == '0') b++, bn--;
            *in_order = an < bn || (an == bn && memcmp(a, b, an) <= 0);
        }
    }
    if (peek(p, k) != '}') return false;
    *end = p->pos + k + 1;
    return true;
}

/*   Quantifier :: QuantifierPrefix | QuantifierPrefix ?
 *   QuantifierPrefix :: * | + | ? | { DecimalDigits } | { DecimalDigits , }
 *                     | { DecimalDigits , DecimalDigits }
 * After something quantifiable.  Without [U] a `{` that starts no
 * quantifier is left to be a literal. */
static bool quantifier(Parser *p) {
    int c = peek(p, 0);
    if (c == '*' || c == '+' || c == '?') {
        p->pos++;
    } else if (c == '{') {
        uint32_t end;
        bool in_order;
        if (!braced_quantifier(p, &end, &in_order)) {
            if (p->unicode) return fail(p, p->pos, "incomplete quantifier");
            return true;
        }
        if (!in_order) return fail(p, p->pos, "numbers out of order in {} quantifier");
        p->pos = end;
    } else {
        return true;
    }
    if (peek(p, 0) == '?') p->pos++;
    return true;
}

/* After something that cannot be quantified: a quantifier here is an error. */
static bool no_quantifier(Parser *p) {
    int c = peek(p, 0);
    uint32_t end;
    bool in_order;
    if (c == '*' || c == '+' || c == '?' ||
        (c == '{' && (p->unicode || braced_quantifier(p, &end, &in_order))))
        return fail(p, p->pos, "nothing to repeat");
    return true;
}

/* At the `(`:
 *   Atom :: ( GroupSpecifier? Disjunction ) | (?: Disjunction )
 *         | (? RegularExpressionModifiers : Disjunction )
 *         | (? RegularExpressionModifiers - RegularExpressionModifiers : Disjunction )
 *   Assertion :: (?= Disjunction ) | (?! ...) | (?<= ...) | (?<! ...)
 *   RegularExpressionModifier :: one of i m s
 * Early errors: a modifier twice (on either side), or both sides empty. */
static bool open_group(Parser *p) {
    uint32_t open = p->pos++;
    bool quantifiable = true;
    if (peek(p, 0) == '?') {
        int c = peek(p, 1);
        if (c == '=' || c == '!') {
            p->pos += 2;
            quantifiable = !p->unicode; /* Annex B: QuantifiableAssertion */
        } else if (c == '<' && (peek(p, 2) == '=' || peek(p, 2) == '!')) {
            p->pos += 3;
            quantifiable = false;
        } else if (c == '<') {
            Name name;
            p->pos++;
            if (!group_name(p, &name) || !add_group_name(p, open, &name)) return false;
        } else {
            unsigned add = 0, remove = 0;
            bool dash = false;
            p->pos++;
            for (;;) {
                c = peek(p, 0);
                unsigned bit = c == 'i' ? 1 : c == 'm' ? 2 : c == 's' ? 4 : 0;
                if (bit) {
                    if ((add | remove) & bit) return fail(p, p->pos, "repeated flag in modifiers");
                    *(dash ? &remove : &add) |= bit;
                } else if (c == '-' && !dash) {
                    dash = true;
                } else {
                    break;
                }
                p->pos++;
            }
            if (c != ':') return fail(p, open, "invalid group");
            if (dash && !add && !remove) return fail(p, open, "modifiers on both sides are empty");
            p->pos++;
        }
    }
    push_frame(p, open, quantifiable);
    return true;
}

/* ---- Terms ------------------------------------------------------------- */

/* After a `\` (at start) outside classes:
 *   AtomEscape :: DecimalEscape | CharacterClassEscape | CharacterEscape | [+N] k GroupName
 *   Assertion :: \b | \B
 * Without [U] a DecimalEscape with no such group is an octal or identity
 * escape (Annex B): never an error. */
static bool atom_escape(Parser *p, uint32_t start, bool *quantifiable) {
    int c = peek(p, 0);
    uint32_t cp;
    bool strings;
    *quantifiable = true;
    switch (c) {
    case 'b': case 'B':
        p->pos++;
        *quantifiable = false;
        return true;
    case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
        p->pos++;
        return true;
    case 'p': case 'P':
        if (!p->unicode) break;
        return property_escape(p, start, &strings);
    case 'k':
        if (!p->named) break;
        p->pos++;
        Name ref;
        if (peek(p, 0) != '<') return fail(p, start, "invalid named reference");
        if (!group_name(p, &ref)) return false;
        names_push(&p->refs, ref);
        return true;
    case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
        if (!p->unicode) {
            p->pos++;
            return true;
        }
        uint64_t n = 0;
        while (is_digit(c = peek(p, 0))) {
            if (n <= UINT32_MAX) n = n * 10 + (uint64_t)(c - '0');
            p->pos++;
        }
        if (n > p->captures) return fail(p, start, "backreference to a group that does not exist");
        return true;
    }
    return character_escape(p, start, false, &cp);
}

/* One Term that is not a group, its quantifier included.
 *   Term :: Assertion | Atom Quantifier? | [~U] ExtendedAtom Quantifier?
 *   Atom :: PatternCharacter | . | \ AtomEscape | CharacterClass
 *   ExtendedAtom adds: \ [lookahead = c] | InvalidBracedQuantifier
 *                    | ExtendedPatternCharacter (any but ^ $ \ . * + ? ( ) [ |)
 * InvalidBracedQuantifier is an early error: Annex B's `{` is literal only
 * where it does not read as a quantifier. */
static bool simple_term(Parser *p) {
    uint32_t start = p->pos;
    bool quantifiable = true;
    switch (peek(p, 0)) {
    case '^': case '$':
        p->pos++;
        quantifiable = false;
        break;
    case '*': case '+': case '?':
        return fail(p, start, "nothing to repeat");
    case '{': {
        uint32_t end;
        bool in_order;
        if (braced_quantifier(p, &end, &in_order)) return fail(p, start, "nothing to repeat");
        if (p->unicode) return fail(p, start, "lone quantifier brackets");
        p->pos++;
        break;
    }
    case '}':
        if (p->unicode) return fail(p, start, "lone quantifier brackets");
        p->pos++;
        break;
    case ']':
        if (p->unicode) return fail(p, start, "lone ']'");
        p->pos++;
        break;
    case '[':
        if (p->sets) {
            if (!class_set(p)) return false;
        } else if (!character_class(p)) {
            return false;
        }
        break;
    case '\\':
        p->pos++;
        if (!atom_escape(p, start, &quantifiable)) return false;
        break;
    default:
        literal_char(p);
        break;
    }
    p->pending_trail = 0; /* an astral atom's low half is no class atom here */
    return quantifiable ? quantifier(p) : no_quantifier(p);
}

/*   Pattern :: Disjunction
 *   Disjunction :: Alternative | Alternative | Disjunction
 *   Alternative :: Term*
 * Groups are pushed on p->frames as they open and popped as they close. */
static bool disjunction(Parser *p) {
    push_frame(p, 0, false);
    for (;;) {
        switch (peek(p, 0)) {
        case -1:
            if (p->nframes > 1) return fail(p, p->frames[p->nframes - 1].open, "unterminated group");
            return true;
        case '|':
            p->pos++;
            next_alternative(p);
            break;
        case '(':
            if (!open_group(p)) return false;
            break;
        case ')': {
            if (p->nframes == 1) return fail(p, p->pos, "unmatched ')'");
            p->pos++;
            Frame f = close_group(p);
            if (!(f.quantifiable ? quantifier(p) : no_quantifier(p))) return false;
            break;
        }
        default:
            if (!simple_term(p)) return false;
            break;
        }
    }
}

/* The first pass: capturing groups, and whether any is named. */
static void count_groups(Parser *p) {
    const unsigned char *s = p->s;
    uint32_t depth = 0;
    for (uint32_t i = 0; i < p->len; i++) {
        unsigned char c = s[i];
        if (c == '\\') {
            i++;
        } else if (depth) {
            if (c == ']') depth--;
            else if (c == '[' && p->sets) depth++;
        } else if (c == '[') {
            depth = 1;
        } else if (c == '(') {
            if (i + 1 >= p->len || s[i + 1] != '?') {
                p->captures++;
            } else if (i + 3 < p->len && s[i + 2] == '<' && s[i + 3] != '=' && s[i + 3] != '!') {
                p->captures++;
                p->named = true;
            }
        }
    }
}

/* ---- Entry ------------------------------------------------------------- */

bool js_regexp_check(const char *pattern, uint32_t len, const char *flags, uint32_t flags_len,
                     const char **msg, uint32_t *offset) {
    /* The local buffers are left uninitialized: zeroing them would cost
     * more than checking a typical pattern. */
    Frame frames[LOCAL_FRAMES];
    SetFrame sets[LOCAL_SETS];
    Name groups[LOCAL_NAMES], refs[LOCAL_NAMES];
    Parser p = {.s = (const unsigned char *)pattern, .len = len};
    p.sets = memchr(flags, 'v', flags_len) != NULL;
    p.unicode = p.sets || memchr(flags, 'u', flags_len) != NULL;
    if (p.sets && memchr(flags, 'u', flags_len)) {
        *msg = "the u and v flags cannot be used together";
        *offset = 0;
        return false;
    }
    p.named = p.unicode;
    p.frames = p.frames_local = frames, p.frames_cap = LOCAL_FRAMES;
    p.setf = p.sets_local = sets, p.sets_cap = LOCAL_SETS;
    p.groups.items = p.groups.local = groups, p.groups.cap = LOCAL_NAMES;
    p.refs.items = p.refs.local = refs, p.refs.cap = LOCAL_NAMES;
    count_groups(&p);

    bool ok = disjunction(&p);
    for (uint32_t i = 0; ok && i < p.refs.len; i++) {
        const Name *ref = &p.refs.items[i];
        bool found = false;
        for (uint32_t j = 0; j < p.groups.len && !found; j++)
            found = same_name(&p, &p.groups.items[j], ref);
        if (!found) ok = fail(&p, ref->start - 3, "no capture group of that name");
    }
    if (p.frames != p.frames_local) mem_free(p.frames);
    if (p.setf != p.sets_local) mem_free(p.setf);
    if (p.groups.items != p.groups.local) mem_free(p.groups.items);
    if (p.refs.items != p.refs.local) mem_free(p.refs.items);
    if (!ok) {
        *msg = p.msg;
        *offset = p.err;
    }
    return ok;
}
