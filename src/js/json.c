/* js/json.c: the JSON reader (see json.h).
 *
 * One loop with an explicit stack of open containers instead of recursive
 * descent, so a file of a million '[' costs memory, not the C stack.  Values
 * whose container is still open wait on a second stack (of members: arrays
 * use them with no key); when the container closes, its elements are copied
 * once into one array in the arena, so the tree is contiguous and every
 * value is copied once.  Duplicate keys are merged at that moment.
 * js_json_check runs the same loop with no arena and builds nothing.
 * In:  a text and its length.  Out: a JsJson tree, or an error range.
 * Memory: the tree in the caller's arena; the two stacks and the duplicate
 * table on the heap, freed before returning.
 * Pipeline: used by the resolver (package.json, in any worker, via the
 * directory cache) and by BUILD for .json modules. */
#include "js/json.h"

#include "base/hash.h"
#include "base/mem.h"
#include "base/vec.h"
#include "js/number.h"

#include <string.h>

/* The messages, each with the form used when the text ends instead. */
typedef enum ErrorKind {
    E_VALUE, E_COMMA_BRACKET, E_COMMA_BRACE, E_KEY, E_COLON, E_END, E_LITERAL,
    E_UNTERMINATED, E_CONTROL, E_ESCAPE, E_UNICODE, E_MINUS, E_LEADING_ZERO,
    E_FRACTION, E_EXPONENT, E_BOM, E_TOO_LARGE,
} ErrorKind;

static const char *const messages[][2] = {
    [E_VALUE] = {"expected a value", "expected a value but found the end of the file"},
    [E_COMMA_BRACKET] = {"expected ',' or ']'", "expected ',' or ']' but found the end of the file"},
    [E_COMMA_BRACE] = {"expected ',' or '}'", "expected ',' or '}' but found the end of the file"},
    [E_KEY] = {"expected a string key", "expected a string key but found the end of the file"},
    [E_COLON] = {"expected ':'", "expected ':' but found the end of the file"},
    [E_END] = {"expected the end of the file", "expected the end of the file"},
    [E_LITERAL] = {"expected true, false or null", "expected true, false or null but found the end of the file"},
    [E_UNTERMINATED] = {"unterminated string", "unterminated string"},
    [E_CONTROL] = {"control character in a string (write it as an escape, e.g. \\t or \\u0000)",
                   "control character in a string"},
    [E_ESCAPE] = {"invalid escape (expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
                  "unterminated string"},
    [E_UNICODE] = {"invalid \\u escape (expected four hex digits)", "unterminated string"},
    [E_MINUS] = {"expected a digit after '-'", "expected a digit after '-' but found the end of the file"},
    [E_LEADING_ZERO] = {"a number cannot start with 0 followed by a digit",
                        "a number cannot start with 0 followed by a digit"},
    [E_FRACTION] = {"expected a digit after '.'", "expected a digit after '.' but found the end of the file"},
    [E_EXPONENT] = {"expected a digit in the exponent",
                    "expected a digit in the exponent but found the end of the file"},
    [E_BOM] = {"unexpected byte order mark (U+FEFF)", "unexpected byte order mark (U+FEFF)"},
    [E_TOO_LARGE] = {"the text is too large (4 GiB or more)", "the text is too large (4 GiB or more)"},
};

typedef struct Frame {
    uint8_t kind;    /* JS_JSON_ARRAY or JS_JSON_OBJECT */
    uint32_t offset; /* of the '[' or '{' */
    uint32_t base;   /* index in Parser.stack of its first element */
} Frame;

typedef struct Parser {
    const unsigned char *s;
    uint32_t len, p;
    Arena *arena; /* NULL: check only, build nothing */
    JsJsonError *err;
    VEC(Frame) frames;
    VEC(JsJsonMember) stack; /* elements of the open containers */
    uint32_t *table;         /* duplicate detection: member index + 1, 0 empty */
    uint32_t table_cap;
} Parser;

static bool fail(Parser *ps, ErrorKind kind, uint32_t start, uint32_t end) {
    bool at_end = start >= ps->len;
    ps->err->start = at_end ? ps->len : start;
    ps->err->end = at_end ? ps->len : end > ps->len ? ps->len : end;
    ps->err->msg = messages[kind][at_end];
    return false;
}

static void skip_ws(Parser *ps) {
    while (ps->p < ps->len) {
        unsigned char c = ps->s[ps->p];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
        ps->p++;
    }
}

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static int hex_value(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* The four hex digits at s (already checked). */
static uint32_t hex4(const unsigned char *s) {
    return (uint32_t)(hex_value(s[0]) << 12 | hex_value(s[1]) << 8 | hex_value(s[2]) << 4 | hex_value(s[3]));
}

static char *put_utf8(char *o, uint32_t cp) {
    if (cp < 0x80) {
        *o++ = (char)cp;
    } else if (cp < 0x800) {
        *o++ = (char)(0xC0 | cp >> 6);
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) { /* lone surrogates too: WTF-8 */
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

/* Decodes the checked string body s[from, to) (escapes valid) into buf;
 * returns the decoded length.  The result is never longer than the body. */
static uint32_t decode(const unsigned char *s, uint32_t from, uint32_t to, char *buf) {
    char *o = buf;
    for (uint32_t i = from; i < to;) {
        if (s[i] != '\\') {
            *o++ = (char)s[i++];
            continue;
        }
        unsigned char e = s[i + 1];
        i += 2;
        switch (e) {
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            uint32_t cp = hex4(s + i);
            i += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= to && s[i] == '\\' && s[i + 1] == 'u') {
                uint32_t lo = hex4(s + i + 2);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
            }
            o = put_utf8(o, cp);
            break;
        }
        default: *o++ = (char)e; break; /* " \ / */
        }
    }
    *o = '\0';
    return (uint32_t)(o - buf);
}

/* string = '"' ( unescaped | '\' ( ["\/bfnrt] | 'u' hex hex hex hex ) )* '"'
 * with unescaped any byte but '"', '\' and U+0000..U+001F.  ps->p is at the
 * opening quote; leaves it after the closing one.  When building, *str and
 * *len get the decoded string. */
static bool parse_string(Parser *ps, const char **str, uint32_t *len) {
    const unsigned char *s = ps->s;
    uint32_t q = ps->p, i = q + 1;
    bool escapes = false;
    for (;;) {
        if (i >= ps->len) return fail(ps, E_UNTERMINATED, q, q + 1);
        unsigned char c = s[i];
        if (c == '"') break;
        if (c == '\\') {
            if (i + 1 >= ps->len) return fail(ps, E_UNTERMINATED, q, q + 1);
            unsigned char e = s[i + 1];
            escapes = true;
            if (e == 'u') {
                for (uint32_t k = 2; k < 6; k++) {
                    if (i + k >= ps->len) return fail(ps, E_UNTERMINATED, q, q + 1);
                    if (hex_value(s[i + k]) < 0) return fail(ps, E_UNICODE, i, i + k + 1);
                }
                i += 6;
                continue;
            }
            if (!strchr("\"\\/bfnrt", e) || e == 0) return fail(ps, E_ESCAPE, i, i + 2);
            i += 2;
            continue;
        }
        if (c < 0x20) {
            /* A line break usually means the closing quote is missing. */
            if (c == '\n' || c == '\r') return fail(ps, E_UNTERMINATED, q, q + 1);
            return fail(ps, E_CONTROL, i, i + 1);
        }
        i++;
    }
    ps->p = i + 1;
    if (!ps->arena) return true;
    uint32_t body = i - (q + 1);
    char *buf = arena_alloc(ps->arena, (size_t)body + 1, 1);
    if (escapes) {
        *len = decode(s, q + 1, i, buf);
    } else {
        memcpy(buf, s + q + 1, body);
        buf[body] = '\0';
        *len = body;
    }
    *str = buf;
    return true;
}

/* number = '-'? ( '0' | [1-9] [0-9]* ) ( '.' [0-9]+ )? ( [eE] [+-]? [0-9]+ )?
 * ps->p is at the '-' or the first digit. */
static bool parse_number(Parser *ps, JsJson *v) {
    const unsigned char *s = ps->s;
    uint32_t start = ps->p, p = start, n = ps->len;
    if (s[p] == '-') p++;
    if (p >= n || !is_digit(s[p])) return fail(ps, E_MINUS, p, p + 1);
    if (s[p] == '0') {
        p++;
        if (p < n && is_digit(s[p])) return fail(ps, E_LEADING_ZERO, p, p + 1);
    } else {
        while (p < n && is_digit(s[p])) p++;
    }
    if (p < n && s[p] == '.') {
        p++;
        if (p >= n || !is_digit(s[p])) return fail(ps, E_FRACTION, p, p + 1);
        while (p < n && is_digit(s[p])) p++;
    }
    if (p < n && (s[p] == 'e' || s[p] == 'E')) {
        p++;
        if (p < n && (s[p] == '+' || s[p] == '-')) p++;
        if (p >= n || !is_digit(s[p])) return fail(ps, E_EXPONENT, p, p + 1);
        while (p < n && is_digit(s[p])) p++;
    }
    ps->p = p;
    if (!ps->arena) return true;
    char *text = arena_strndup(ps->arena, (const char *)s + start, p - start);
    v->kind = JS_JSON_NUMBER;
    v->len = p - start;
    v->u.num.text = text;
    v->u.num.value = js_strtod_c(text, NULL);
    return true;
}

/* literal = 'true' | 'false' | 'null' */
static bool parse_literal(Parser *ps, JsJson *v) {
    static const struct { const char *word; uint8_t kind; } words[] = {
        {"true", JS_JSON_TRUE}, {"false", JS_JSON_FALSE}, {"null", JS_JSON_NULL}};
    const unsigned char *s = ps->s;
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        size_t n = strlen(words[w].word);
        if (s[ps->p] != (unsigned char)words[w].word[0]) continue;
        if (ps->len - ps->p < n || memcmp(s + ps->p, words[w].word, n) != 0) break;
        v->kind = words[w].kind;
        ps->p += (uint32_t)n;
        return true;
    }
    uint32_t end = ps->p;
    while (end < ps->len && s[end] >= 'a' && s[end] <= 'z') end++;
    return fail(ps, E_LITERAL, ps->p, end > ps->p ? end : ps->p + 1);
}

static bool same_key(const JsJsonMember *a, const JsJsonMember *b) {
    return a->key_len == b->key_len && memcmp(a->key, b->key, a->key_len) == 0;
}

/* Copies the n members m[] of a closing object into the arena, merging
 * duplicates as JSON.parse does: first position, last value.  Small objects
 * compare keys pairwise; larger ones use a hash table of member indices. */
static const JsJsonMember *close_members(Parser *ps, const JsJsonMember *m, uint32_t n, uint32_t *out_n) {
    JsJsonMember *out = ARENA_ARRAY(ps->arena, JsJsonMember, n);
    uint32_t count = 0;
    if (n <= 16) {
        for (uint32_t i = 0; i < n; i++) {
            uint32_t k = 0;
            while (k < count && !same_key(&out[k], &m[i])) k++;
            if (k < count) out[k].value = m[i].value;
            else out[count++] = m[i];
        }
        *out_n = count;
        return out;
    }
    uint32_t cap = 64;
    while (cap < 2 * n) cap *= 2;
    if (cap > ps->table_cap) {
        mem_free(ps->table);
        ps->table = mem_alloc(sizeof(uint32_t) * cap);
        ps->table_cap = cap;
    }
    memset(ps->table, 0, sizeof(uint32_t) * cap);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t h = (uint32_t)hash_bytes(m[i].key, m[i].key_len) & (cap - 1);
        while (ps->table[h] && !same_key(&out[ps->table[h] - 1], &m[i])) h = (h + 1) & (cap - 1);
        if (ps->table[h]) {
            out[ps->table[h] - 1].value = m[i].value;
        } else {
            out[count] = m[i];
            ps->table[h] = ++count;
        }
    }
    *out_n = count;
    return out;
}

/* Pops the innermost container into v. */
static void close_container(Parser *ps, JsJson *v) {
    Frame f = VEC_POP(&ps->frames);
    ps->p++; /* the ']' or '}' */
    if (!ps->arena) return;
    uint32_t n = ps->stack.len - f.base;
    const JsJsonMember *m = ps->stack.data + f.base;
    v->kind = f.kind;
    v->offset = f.offset;
    if (f.kind == JS_JSON_ARRAY) {
        JsJson *items = ARENA_ARRAY(ps->arena, JsJson, n);
        for (uint32_t i = 0; i < n; i++) items[i] = m[i].value;
        v->u.items = items;
        v->len = n;
    } else {
        v->u.members = close_members(ps, m, n, &v->len);
    }
    ps->stack.len = f.base;
}

/* member = string ws ':' ; the value follows.  Pushes the member (its value
 * is filled in when it is complete). */
static bool parse_key(Parser *ps) {
    skip_ws(ps);
    if (ps->p >= ps->len || ps->s[ps->p] != '"') return fail(ps, E_KEY, ps->p, ps->p + 1);
    JsJsonMember m = {.key_offset = ps->p};
    if (!parse_string(ps, &m.key, &m.key_len)) return false;
    skip_ws(ps);
    if (ps->p >= ps->len || ps->s[ps->p] != ':') return fail(ps, E_COLON, ps->p, ps->p + 1);
    ps->p++;
    if (ps->arena) VEC_PUSH(&ps->stack, m);
    return true;
}

/* text   = ws value ws
 * value  = object | array | string | number | literal
 * object = '{' ws ( member value ( ws ',' ws member value )* )? ws '}'
 * array  = '[' ws ( value ( ws ',' ws value )* )? ws ']'
 * The grammar's recursion is the frames stack: an opening bracket pushes a
 * frame and goes on to the first element; a complete value is attached to
 * the innermost frame, then a ',' asks for the next element and a closing
 * bracket pops the frame and makes it the complete value. */
static bool parse_text(Parser *ps, JsJson *root) {
    JsJson v;
    for (;;) {
        /* value */
        skip_ws(ps);
        if (ps->p >= ps->len) return fail(ps, E_VALUE, ps->p, ps->p);
        memset(&v, 0, sizeof v);
        v.offset = ps->p;
        unsigned char c = ps->s[ps->p];
        if (c == '{' || c == '[') {
            Frame f = {c == '{' ? JS_JSON_OBJECT : JS_JSON_ARRAY, ps->p, ps->stack.len};
            VEC_PUSH(&ps->frames, f);
            ps->p++;
            skip_ws(ps);
            if (ps->p < ps->len && ps->s[ps->p] == (c == '{' ? '}' : ']')) {
                close_container(ps, &v);
            } else {
                if (c == '{' && !parse_key(ps)) return false;
                continue;
            }
        } else if (c == '"') {
            v.kind = JS_JSON_STRING;
            if (!parse_string(ps, &v.u.str, &v.len)) return false;
        } else if (c == '-' || is_digit(c)) {
            if (!parse_number(ps, &v)) return false;
        } else if (c == 't' || c == 'f' || c == 'n') {
            if (!parse_literal(ps, &v)) return false;
        } else if (ps->p == 0 && ps->len >= 3 && memcmp(ps->s, "\xEF\xBB\xBF", 3) == 0) {
            return fail(ps, E_BOM, 0, 3);
        } else {
            return fail(ps, E_VALUE, ps->p, ps->p + 1);
        }

        /* v is complete: attach it, then close containers until one wants
         * another element */
        for (;;) {
            if (!ps->frames.len) {
                *root = v;
                skip_ws(ps);
                if (ps->p < ps->len) return fail(ps, E_END, ps->p, ps->p + 1);
                return true;
            }
            Frame *top = &VEC_LAST(&ps->frames);
            if (ps->arena) {
                if (top->kind == JS_JSON_OBJECT) {
                    VEC_LAST(&ps->stack).value = v;
                } else {
                    JsJsonMember m = {.value = v};
                    VEC_PUSH(&ps->stack, m);
                }
            }
            skip_ws(ps);
            bool object = top->kind == JS_JSON_OBJECT;
            unsigned char d = ps->p < ps->len ? ps->s[ps->p] : 0;
            if (d == ',') {
                ps->p++;
                if (object && !parse_key(ps)) return false;
                break;
            }
            if (ps->p >= ps->len || d != (object ? '}' : ']'))
                return fail(ps, object ? E_COMMA_BRACE : E_COMMA_BRACKET, ps->p, ps->p + 1);
            memset(&v, 0, sizeof v);
            close_container(ps, &v);
        }
    }
}

static bool run(const char *text, size_t len, unsigned flags, Arena *arena, JsJsonError *err, JsJson *root) {
    Parser ps = {.s = (const unsigned char *)text, .arena = arena, .err = err};
    if (len >= UINT32_MAX) {
        ps.len = 0;
        return fail(&ps, E_TOO_LARGE, 0, 0);
    }
    ps.len = (uint32_t)len;
    if ((flags & JS_JSON_SKIP_BOM) && len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) ps.p = 3;
    bool ok = parse_text(&ps, root);
    VEC_FREE(&ps.frames);
    VEC_FREE(&ps.stack);
    mem_free(ps.table);
    return ok;
}

const JsJson *js_json_parse(const char *text, size_t len, unsigned flags, Arena *arena, JsJsonError *err) {
    JsJson root;
    if (!run(text, len, flags, arena, err, &root)) return NULL;
    JsJson *v = ARENA_NEW(arena, JsJson);
    *v = root;
    return v;
}

bool js_json_check(const char *text, size_t len, unsigned flags, JsJsonError *err) {
    JsJson root;
    return run(text, len, flags, NULL, err, &root);
}

const JsJson *js_json_get(const JsJson *obj, const char *key, size_t len) {
    if (!js_json_is(obj, JS_JSON_OBJECT)) return NULL;
    for (uint32_t i = 0; i < obj->len; i++) {
        const JsJsonMember *m = &obj->u.members[i];
        if (m->key_len == len && memcmp(m->key, key, len) == 0) return &m->value;
    }
    return NULL;
}

const JsJson *js_json_get_cstr(const JsJson *obj, const char *key) { return js_json_get(obj, key, strlen(key)); }
