/* js/json.h: bale's JSON reader, one for the whole project (package.json in
 * the resolver, .json modules in the make phase).
 *
 * It accepts exactly what JavaScript's JSON.parse accepts (RFC 8259: one
 * value, white space limited to space, tab, LF and CR), and builds the value
 * JSON.parse would build, as a compact tree in an arena the caller gives:
 *
 *   - strings are decoded to UTF-8 and keep their length (they may contain
 *     NUL); they are also NUL-terminated, so a caller that does not care
 *     about NUL may use them as C strings.  \uXXXX escapes, surrogate pairs
 *     included, become their code point; a lone surrogate escape (which a
 *     JavaScript string can hold) becomes its 3-byte WTF-8 form
 *     (ED A0 80 for \ud800), so two different lone surrogates stay two
 *     different strings.  Bytes that are not valid UTF-8 are kept as they
 *     are (Node's file reader would turn them into U+FFFD first).
 *   - objects keep their members in file order.  A duplicate key behaves as
 *     in JSON.parse (V8): the last value wins, at the position of the key's
 *     first occurrence.  Keys that look like array indices are *not* moved
 *     first (a JavaScript object would list them first, in numeric order).
 *   - numbers keep their source text and its double value, converted
 *     independently of the process locale (js_strtod_c).
 *
 * The parser is iterative (an explicit stack on the heap), so nesting depth
 * is bounded only by memory.  It has no global mutable state: any number of
 * threads may parse at once, each into its own arena.
 *
 * Errors are a byte range and a fixed message; the caller turns them into a
 * diagnostic (line and column are computed when it is printed). */
#ifndef BALE_JS_JSON_H
#define BALE_JS_JSON_H

#include "base/arena.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum JsJsonKind {
    JS_JSON_NULL,
    JS_JSON_FALSE,
    JS_JSON_TRUE,
    JS_JSON_NUMBER, /* num */
    JS_JSON_STRING, /* str, len */
    JS_JSON_ARRAY,  /* items, len */
    JS_JSON_OBJECT, /* members, len */
} JsJsonKind;

typedef struct JsJson JsJson;
typedef struct JsJsonMember JsJsonMember;

/* One value.  All pointers point into the arena given to js_json_parse. */
struct JsJson {
    uint8_t kind;     /* JsJsonKind */
    uint32_t len;     /* STRING: bytes (not counting the NUL); NUMBER: bytes of
                         the source text; ARRAY, OBJECT: number of elements */
    uint32_t offset;  /* byte offset of the value's first byte in the text */
    union {
        const char *str;           /* STRING: decoded, NUL-terminated */
        struct {
            const char *text;      /* the source text, NUL-terminated copy */
            double value;
        } num;                     /* NUMBER */
        const JsJson *items;       /* ARRAY: len values */
        const JsJsonMember *members; /* OBJECT: len members, file order, keys unique */
    } u;
};

struct JsJsonMember {
    const char *key;  /* decoded as a string value is, NUL-terminated */
    uint32_t key_len;
    uint32_t key_offset; /* of the key's opening quote (its first occurrence) */
    JsJson value;
};

typedef struct JsJsonError {
    uint32_t start, end; /* the offending bytes; start == end == len at the end of the text */
    const char *msg;     /* static, e.g. "expected ',' or '}'"; never NULL after a failure */
} JsJsonError;

enum {
    /* Skip a leading UTF-8 byte order mark, as Node's package.json and .json
     * readers do (JSON.parse itself rejects it). */
    JS_JSON_SKIP_BOM = 1,
};

/* Parses text[0, len) (need not be NUL-terminated; len < 2^32 - 1) and returns
 * its value, allocated in arena.
 * On failure: returns NULL and fills *err; the arena may hold partial
 * allocations (they go with it).  Borrows text only during the call. */
const JsJson *js_json_parse(const char *text, size_t len, unsigned flags, Arena *arena, JsJsonError *err);

/* Checks that text is valid JSON, as js_json_parse would, without building
 * anything.  Returns true, or false with *err filled.  Allocates only
 * temporarily, on the heap. */
bool js_json_check(const char *text, size_t len, unsigned flags, JsJsonError *err);

/* The value of member key[0, len) of obj, or NULL when obj is NULL, not an
 * object, or has no such key.  Linear in the number of members. */
const JsJson *js_json_get(const JsJson *obj, const char *key, size_t len);

/* js_json_get with a NUL-terminated key. */
const JsJson *js_json_get_cstr(const JsJson *obj, const char *key);

static inline bool js_json_is(const JsJson *v, JsJsonKind kind) { return v && v->kind == kind; }

/* The string of v when v is a string, else NULL. */
static inline const char *js_json_str(const JsJson *v) { return js_json_is(v, JS_JSON_STRING) ? v->u.str : NULL; }

#endif
