/* Contract of js/json: accepts exactly what JSON.parse accepts, builds the
 * value JSON.parse builds (duplicates, escapes, surrogates, numbers), keeps
 * deep nesting off the C stack, reports errors at the right byte, and
 * parses from many threads at once (this file is also run under TSan).
 *
 * The expectations were checked with Node v20 (`node -e 'JSON.parse(...)'`);
 * where bale's error position differs from V8's on purpose, the case says
 * why. */
#include "unit.h"

#include "base/mem.h"
#include "js/json.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static Arena A; /* reset by every parse helper */

static const JsJson *parse_n(const char *s, size_t n, unsigned flags, JsJsonError *err) {
    arena_reset(&A);
    const JsJson *v = js_json_parse(s, n, flags, &A, err);
    JsJsonError err2;
    bool ok = js_json_check(s, n, flags, &err2);
    /* The checker and the parser agree, on the error too. */
    assert_int_equal(ok, v != NULL);
    if (!ok) {
        assert_int_equal(err2.start, err->start);
        assert_int_equal(err2.end, err->end);
        assert_string_equal(err2.msg, err->msg);
    }
    return v;
}

static const JsJson *parse(const char *s) {
    JsJsonError err = {0};
    const JsJson *v = parse_n(s, strlen(s), 0, &err);
    if (!v) fail_msg("%s: %u: %s", s, err.start, err.msg);
    return v;
}

/* s must fail at byte start with a message starting with msg. */
#define EXPECT_ERROR(s, start_, msg_)                                                                       \
    do {                                                                                                    \
        JsJsonError e_ = {0};                                                                               \
        const JsJson *v_ = parse_n((s), strlen(s), 0, &e_);                                                 \
        assert_null(v_);                                                                                    \
        assert_int_equal(e_.start, (start_));                                                               \
        if (strncmp(e_.msg, (msg_), strlen(msg_)) != 0) fail_msg("%s: got \"%s\", want \"%s\"", (s), e_.msg, (msg_)); \
    } while (0)

static void setup_arena(void) { arena_init(&A, 0); }

/* ---- what is accepted ---------------------------------------------------- */

static void values(void **state) {
    assert_int_equal(parse("null")->kind, JS_JSON_NULL);
    assert_int_equal(parse("true")->kind, JS_JSON_TRUE);
    assert_int_equal(parse("false")->kind, JS_JSON_FALSE);
    assert_int_equal(parse(" \t\r\n[ ] \n")->kind, JS_JSON_ARRAY);
    const JsJson *v = parse("{}");
    assert_int_equal(v->kind, JS_JSON_OBJECT);
    assert_int_equal(v->len, 0);
    v = parse("[1, \"a\", [true], {\"k\": null}]");
    assert_int_equal(v->kind, JS_JSON_ARRAY);
    assert_int_equal(v->len, 4);
    assert_int_equal(v->u.items[0].kind, JS_JSON_NUMBER);
    assert_int_equal(v->u.items[0].offset, 1);
    assert_string_equal(js_json_str(&v->u.items[1]), "a");
    assert_int_equal(v->u.items[1].offset, 4);
    assert_int_equal(v->u.items[2].u.items[0].kind, JS_JSON_TRUE);
    assert_int_equal(v->u.items[3].offset, 17);
    assert_int_equal(v->u.items[3].u.members[0].key_offset, 18);
    assert_int_equal(v->u.items[3].u.members[0].value.kind, JS_JSON_NULL);
    /* The text need not be NUL-terminated: only len bytes are read. */
    JsJsonError err;
    v = parse_n("[7]garbage", 3, 0, &err);
    assert_non_null(v);
    assert_int_equal(v->len, 1);
}

static void lookup(void **state) {
    const JsJson *v = parse("{\"name\": \"x\", \"main\": \"lib/a.js\", \"n\": 3, \"a\\u0000b\": 1}");
    assert_string_equal(js_json_str(js_json_get_cstr(v, "main")), "lib/a.js");
    assert_null(js_json_str(js_json_get_cstr(v, "n")));
    assert_null(js_json_get_cstr(v, "missing"));
    assert_null(js_json_get_cstr(v, "a")); /* the key is "a\0b" */
    assert_non_null(js_json_get(v, "a\0b", 3));
    assert_null(js_json_get_cstr(js_json_get_cstr(v, "n"), "x"));
    assert_null(js_json_get_cstr(NULL, "x"));
}

/* ---- strings ------------------------------------------------------------- */

#define EXPECT_STRING(json, bytes)                                                                          \
    do {                                                                                                    \
        const JsJson *v_ = parse(json);                                                                     \
        assert_int_equal(v_->kind, JS_JSON_STRING);                                                         \
        assert_int_equal(v_->len, sizeof(bytes) - 1);                                                       \
        assert_memory_equal(v_->u.str, bytes, sizeof(bytes) - 1);                                           \
        assert_int_equal(v_->u.str[v_->len], '\0');                                                         \
    } while (0)

static void escapes(void **state) {
    EXPECT_STRING("\"\"", "");
    EXPECT_STRING("\"plain\"", "plain");
    EXPECT_STRING("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"", "\" \\ / \b \f \n \r \t");
    EXPECT_STRING("\"\\u0041\\u00e9\\u20AC\"", "A\xC3\xA9\xE2\x82\xAC");
    EXPECT_STRING("\"a\\u0000b\"", "a\0b"); /* node: "a\u0000b", 3 code units */
    EXPECT_STRING("\"\xC3\xA9 raw UTF-8\"", "\xC3\xA9 raw UTF-8");
    EXPECT_STRING("\"\x7f\"", "\x7f"); /* DEL is not a control character for JSON */
    EXPECT_STRING("\"\xff\"", "\xff"); /* not UTF-8: kept as it is */
}

static void surrogates(void **state) {
    EXPECT_STRING("\"\\ud83d\\ude00\"", "\xF0\x9F\x98\x80");      /* node: U+1F600 */
    EXPECT_STRING("\"\\uD83D\\uDE00\"", "\xF0\x9F\x98\x80");
    EXPECT_STRING("\"\\ud800\"", "\xED\xA0\x80");                  /* node: lone d800; WTF-8 */
    EXPECT_STRING("\"\\udc00\\ud800\"", "\xED\xB0\x80\xED\xA0\x80"); /* node: dc00,d800 */
    EXPECT_STRING("\"\\ud800x\"", "\xED\xA0\x80x");                /* node: d800,78 */
    EXPECT_STRING("\"\\ud800\\u0041\"", "\xED\xA0\x80" "A");
    EXPECT_STRING("\"\\ud800\\ud800\\udc00\"", "\xED\xA0\x80\xF0\x90\x80\x80");
}

/* ---- numbers ------------------------------------------------------------- */

#define EXPECT_NUMBER(json, value_)                                                                         \
    do {                                                                                                    \
        const JsJson *v_ = parse(json);                                                                     \
        assert_int_equal(v_->kind, JS_JSON_NUMBER);                                                         \
        assert_string_equal(v_->u.num.text, json);                                                          \
        assert_int_equal(v_->len, strlen(json));                                                            \
        if (!(v_->u.num.value == (value_))) fail_msg("%s: got %.17g", json, v_->u.num.value);             \
    } while (0)

static void numbers(void **state) {
    EXPECT_NUMBER("0", 0.0);
    EXPECT_NUMBER("-0", 0.0);
    assert_true(signbit(parse("-0")->u.num.value));
    EXPECT_NUMBER("1.5", 1.5);
    EXPECT_NUMBER("-1.5e+3", -1500.0);
    EXPECT_NUMBER("1E-2", 0.01);
    EXPECT_NUMBER("1.0e-0", 1.0);
    EXPECT_NUMBER("4.9e-324", 5e-324);                           /* node: 5e-324 */
    EXPECT_NUMBER("123456789012345678901234567890", 1.2345678901234568e+29);
    EXPECT_NUMBER("0.1", 0.1);
    const JsJson *v = parse("1e400"); /* node: Infinity */
    assert_true(isinf(v->u.num.value) && v->u.num.value > 0);
    v = parse("-1e400");
    assert_true(isinf(v->u.num.value) && v->u.num.value < 0);
    v = parse("[10,-2]");
    assert_string_equal(v->u.items[1].u.num.text, "-2");
}

/* ---- objects ------------------------------------------------------------- */

static void duplicates(void **state) {
    /* node: Object.keys(JSON.parse('{"a":1,"b":2,"a":3}')) is [a, b], a = 3 */
    const JsJson *v = parse("{\"a\":1,\"b\":2,\"a\":3}");
    assert_int_equal(v->len, 2);
    assert_string_equal(v->u.members[0].key, "a");
    assert_true(v->u.members[0].value.u.num.value == 3);
    assert_int_equal(v->u.members[0].key_offset, 1);
    assert_string_equal(v->u.members[1].key, "b");
    /* node: '{"b":1,"a":2,"b":3,"c":4,"a":5}' gives keys [b, a, c], values [3, 5, 4] */
    v = parse("{\"b\":1,\"a\":2,\"b\":3,\"c\":4,\"a\":5}");
    assert_int_equal(v->len, 3);
    const char *keys[] = {"b", "a", "c"};
    const double vals[] = {3, 5, 4};
    for (int i = 0; i < 3; i++) {
        assert_string_equal(v->u.members[i].key, keys[i]);
        assert_true(v->u.members[i].value.u.num.value == vals[i]);
    }
    /* A duplicate replaces a container with a scalar and back. */
    v = parse("{\"x\":[1,2],\"x\":null}");
    assert_int_equal(v->len, 1);
    assert_int_equal(v->u.members[0].value.kind, JS_JSON_NULL);
    /* Escaped and raw spellings of one key are one key. */
    v = parse("{\"a\":1,\"\\u0061\":2}");
    assert_int_equal(v->len, 1);
    assert_true(js_json_get_cstr(v, "a")->u.num.value == 2);
    /* Different lone surrogates are different keys (as JavaScript strings). */
    v = parse("{\"\\ud800\":1,\"\\ud801\":2}");
    assert_int_equal(v->len, 2);
    /* Keys in file order; JavaScript would list "1" and "0" first. */
    v = parse("{\"1\":1,\"b\":2,\"0\":3}");
    assert_string_equal(v->u.members[0].key, "1");
    assert_string_equal(v->u.members[2].key, "0");
}

/* A large object takes the hash-table path: k0..k999, then k500 and k0
 * again.  node: 1000 keys, k0 first with 1001, k500 501st with 1000. */
static void duplicates_large(void **state) {
    size_t cap = 40000, n = 0;
    char *s = malloc(cap);
    n += (size_t)snprintf(s + n, cap - n, "{");
    for (int i = 0; i < 1000; i++) n += (size_t)snprintf(s + n, cap - n, "\"k%d\":%d,", i, i);
    n += (size_t)snprintf(s + n, cap - n, "\"k500\":1000,\"k0\":1001}");
    const JsJson *v = parse(s);
    assert_int_equal(v->len, 1000);
    assert_string_equal(v->u.members[0].key, "k0");
    assert_true(v->u.members[0].value.u.num.value == 1001);
    assert_string_equal(v->u.members[500].key, "k500");
    assert_true(v->u.members[500].value.u.num.value == 1000);
    assert_true(v->u.members[999].value.u.num.value == 999);
    free(s);
}

/* ---- nesting ------------------------------------------------------------- */

enum { DEEP = 100000 };

static void deep(void **state) {
    char *s = malloc(2 * DEEP + 1);
    memset(s, '[', DEEP);
    memset(s + DEEP, ']', DEEP);
    JsJsonError err;
    const JsJson *v = parse_n(s, 2 * DEEP, 0, &err);
    assert_non_null(v);
    uint32_t depth = 0;
    while (v->kind == JS_JSON_ARRAY && v->len == 1) v = &v->u.items[0], depth++;
    assert_int_equal(depth, DEEP - 1);
    assert_int_equal(v->len, 0);
    /* Unclosed: the error is at the end, not a crash. */
    assert_null(parse_n(s, DEEP, 0, &err));
    assert_int_equal(err.start, DEEP);
    assert_string_equal(err.msg, "expected a value but found the end of the file");
    free(s);

    /* {"a":{"a":...{}...}} */
    size_t n = 5 * (size_t)DEEP + 2 + DEEP;
    s = malloc(n + 1);
    size_t p = 0;
    for (int i = 0; i < DEEP; i++) memcpy(s + p, "{\"a\":", 5), p += 5;
    s[p++] = '{';
    s[p++] = '}';
    memset(s + p, '}', DEEP), p += DEEP;
    v = parse_n(s, p, 0, &err);
    assert_non_null(v);
    depth = 0;
    while (v->len == 1) v = js_json_get_cstr(v, "a"), depth++;
    assert_int_equal(depth, DEEP);
    free(s);
}

/* ---- byte order mark ----------------------------------------------------- */

static void bom(void **state) {
    JsJsonError err;
    /* node: JSON.parse("\ufeff1") throws; Node's package.json reader strips it. */
    EXPECT_ERROR("\xEF\xBB\xBF" "1", 0, "unexpected byte order mark");
    const JsJson *v = parse_n("\xEF\xBB\xBF{\"a\":1}", 10, JS_JSON_SKIP_BOM, &err);
    assert_non_null(v);
    assert_int_equal(v->kind, JS_JSON_OBJECT);
    assert_int_equal(v->offset, 3); /* offsets stay those of the whole text */
    assert_null(parse_n("\xEF\xBB\xBF[1,]", 7, JS_JSON_SKIP_BOM, &err));
    assert_int_equal(err.start, 6);
    /* Only one, and only at the start. */
    assert_null(parse_n("\xEF\xBB\xBF\xEF\xBB\xBF" "1", 7, JS_JSON_SKIP_BOM, &err));
    assert_int_equal(err.start, 3);
    assert_null(parse_n("[\xEF\xBB\xBF" "1]", 6, 0, &err));
    assert_int_equal(err.start, 1);
}

/* ---- what is rejected, and where ----------------------------------------- */

/* V8's position (JSON.parse's "at position N") is noted where it gives one. */
static void errors(void **state) {
    EXPECT_ERROR("", 0, "expected a value but found the end of the file");
    EXPECT_ERROR(" ", 1, "expected a value but found the end of the file");
    EXPECT_ERROR("[1,]", 3, "expected a value");                 /* node: token ']' */
    EXPECT_ERROR("{\"a\":1,}", 7, "expected a string key");       /* node: 7 */
    EXPECT_ERROR("{1:2}", 1, "expected a string key");            /* node: 1 */
    EXPECT_ERROR("{", 1, "expected a string key but found the end of the file");
    EXPECT_ERROR("[", 1, "expected a value but found the end of the file");
    EXPECT_ERROR("{\"a\"", 4, "expected ':' but found the end");   /* node: 4 */
    EXPECT_ERROR("{\"a\" 1}", 5, "expected ':'");                 /* node: 5 */
    EXPECT_ERROR("{\"a\":", 5, "expected a value but found the end");
    EXPECT_ERROR("{\"a\":1 \"b\":2}", 7, "expected ',' or '}'");
    EXPECT_ERROR("[1 2]", 3, "expected ',' or ']'");              /* node: 3 */
    EXPECT_ERROR("[1", 2, "expected ',' or ']' but found the end");
    EXPECT_ERROR("1 2", 2, "expected the end of the file");       /* node: 2 */
    EXPECT_ERROR("0x10", 1, "expected the end of the file");      /* node: 1 */
    EXPECT_ERROR("truex", 4, "expected the end of the file");     /* node: 4 */
    EXPECT_ERROR("[1]//", 3, "expected the end of the file");     /* node: 3 */
    EXPECT_ERROR("tru", 0, "expected true, false or null");       /* node: end of input */
    EXPECT_ERROR("nul", 0, "expected true, false or null");
    EXPECT_ERROR("True", 0, "expected a value");
    EXPECT_ERROR("Infinity", 0, "expected a value");
    EXPECT_ERROR("NaN", 0, "expected a value");
    EXPECT_ERROR("undefined", 0, "expected a value");
    EXPECT_ERROR("'a'", 0, "expected a value");
    EXPECT_ERROR("\xC2\xA0" "1", 0, "expected a value");          /* node: U+00A0 is not JSON white space */
    EXPECT_ERROR("\f1", 0, "expected a value");
    EXPECT_ERROR("\v1", 0, "expected a value");
    /* numbers */
    EXPECT_ERROR("01", 1, "a number cannot start with 0");      /* node: 1 */
    EXPECT_ERROR("-01", 2, "a number cannot start with 0");     /* node: 2 */
    EXPECT_ERROR("1.", 2, "expected a digit after '.'");         /* node: 2 */
    EXPECT_ERROR("1.e5", 2, "expected a digit after '.'");
    EXPECT_ERROR(".5", 0, "expected a value");
    EXPECT_ERROR("+1", 0, "expected a value");
    EXPECT_ERROR("-", 1, "expected a digit after '-'");          /* node: 1 */
    EXPECT_ERROR("-a", 1, "expected a digit after '-'");
    EXPECT_ERROR("1e", 2, "expected a digit in the exponent");   /* node: 2 */
    EXPECT_ERROR("1e+", 3, "expected a digit in the exponent");  /* node: 3 */
    /* strings: bale points at the escape's backslash where V8 points at
     * the character after it, and at the opening quote of a string that a
     * line break or the end cuts off (V8: where it stopped). */
    EXPECT_ERROR("\"\\x\"", 1, "invalid escape");               /* node: 2 */
    EXPECT_ERROR("\"\\u12\"", 1, "invalid \\u escape");          /* node: 5 */
    EXPECT_ERROR("\"\\u12G4\"", 1, "invalid \\u escape");        /* node: 5 */
    EXPECT_ERROR("\"\\U0041\"", 1, "invalid escape");
    EXPECT_ERROR("\"\\'\"", 1, "invalid escape");
    EXPECT_ERROR("\"a\tb\"", 2, "control character in a string"); /* node: 2 */
    EXPECT_ERROR("\"a\x01\"", 2, "control character in a string");
    EXPECT_ERROR("\"abc", 0, "unterminated string");             /* node: 4 */
    EXPECT_ERROR("[\"a\nb\"]", 1, "unterminated string");        /* node: 3, bad control character */
    EXPECT_ERROR("\"\\", 0, "unterminated string");
    EXPECT_ERROR("\"\\u00", 0, "unterminated string");
    EXPECT_ERROR("{\"a\":\"b}", 5, "unterminated string");

    /* A NUL byte is a character like any other: not white space, and a
     * control character inside a string. */
    JsJsonError err;
    assert_null(parse_n("[1,\0 2]", 7, 0, &err));
    assert_int_equal(err.start, 3);
    assert_null(parse_n("\"a\0\"", 4, 0, &err));
    assert_int_equal(err.start, 2);

    /* Ranges: one byte, or empty at the end. */
    assert_null(parse_n("[1,]", 4, 0, &err));
    assert_int_equal(err.end, 4);
    assert_null(parse_n("[1,", 3, 0, &err));
    assert_int_equal(err.start, 3);
    assert_int_equal(err.end, 3);
}

/* ---- threads ------------------------------------------------------------- */

enum { THREADS = 8, ROUNDS = 200 };

static const char *thread_doc =
    "{\"name\": \"pkg\", \"version\": \"1.2.3\", \"main\": \"lib/index.js\", \"type\": \"module\",\n"
    " \"exports\": {\".\": {\"import\": \"./esm/index.mjs\", \"require\": \"./cjs/index.cjs\"},\n"
    "             \"./sub/*\": [\"./lib/*.js\", null]},\n"
    " \"nums\": [1.5, -2.25e1, 0.1, 1e21], \"s\": \"\\u00e9\\ud83d\\ude00\", \"a\": 1, \"a\": 2}";

static void *thread_main(void *arg) {
    Arena arena;
    arena_init(&arena, 0);
    intptr_t bad = 0;
    for (int r = 0; r < ROUNDS; r++) {
        arena_reset(&arena);
        JsJsonError err;
        const JsJson *v = js_json_parse(thread_doc, strlen(thread_doc), 0, &arena, &err);
        if (!v || v->len != 8) bad++; /* name version main type exports nums s a */
        const JsJson *nums = js_json_get_cstr(v, "nums");
        if (!nums || nums->u.items[0].u.num.value != 1.5 || nums->u.items[1].u.num.value != -22.5) bad++;
        if (!js_json_str(js_json_get_cstr(js_json_get_cstr(js_json_get_cstr(v, "exports"), "."), "import"))) bad++;
        if (js_json_get_cstr(v, "a")->u.num.value != 2) bad++;
        if (js_json_parse("[1,]", 4, 0, &arena, &err) || err.start != 3) bad++;
        if (js_json_check("{\"a\" 1}", 7, 0, &err) || err.start != 5) bad++;
    }
    arena_free(&arena);
    return (void *)bad;
}

/* First in the list, so the C locale is made while 8 threads race for it. */
static void threads(void **state) {
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++) assert_int_equal(pthread_create(&t[i], NULL, thread_main, NULL), 0);
    intptr_t bad = 0;
    for (int i = 0; i < THREADS; i++) {
        void *r;
        pthread_join(t[i], &r);
        bad += (intptr_t)r;
    }
    assert_int_equal(bad, 0);
}

int main(void) {
    setup_arena();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(threads),
        cmocka_unit_test(values),
        cmocka_unit_test(lookup),
        cmocka_unit_test(escapes),
        cmocka_unit_test(surrogates),
        cmocka_unit_test(numbers),
        cmocka_unit_test(duplicates),
        cmocka_unit_test(duplicates_large),
        cmocka_unit_test(deep),
        cmocka_unit_test(bom),
        cmocka_unit_test(errors),
    };
    int rc = RUN(tests);
    arena_free(&A);
    return rc;
}
