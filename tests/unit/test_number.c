/* Contract of js/number: Number::toString, and numbers read and written the
 * same way whatever LC_NUMERIC says.
 *
 * The locale test needs a locale whose decimal point is ',': it tries the
 * usual names, which ctest makes available by compiling de_DE with
 * localedef into the build tree (LOCPATH, see tests/CMakeLists.txt).  When
 * no such locale exists it is reported as skipped, never passed. */
#include "unit.h"

#include "base/fs.h"
#include "js/json.h"
#include "js/lexer.h"
#include "js/number.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#define EXPECT_STRING(v, want)                                                                              \
    do {                                                                                                    \
        char buf_[JS_NUMBER_BUF];                                                                           \
        int n_ = js_number_to_string((v), buf_);                                                            \
        assert_string_equal(buf_, (want));                                                                  \
        assert_int_equal(n_, strlen(want));                                                                 \
    } while (0)

static void to_string(void **state) {
    EXPECT_STRING(0.0, "0");
    EXPECT_STRING(-0.0, "0");
    EXPECT_STRING(1.5, "1.5");
    EXPECT_STRING(-1.5, "-1.5");
    EXPECT_STRING(0.1 + 0.2, "0.30000000000000004");
    EXPECT_STRING(1e21, "1e+21");
    EXPECT_STRING(1e20, "100000000000000000000");
    EXPECT_STRING(0.000001, "0.000001");
    EXPECT_STRING(1e-7, "1e-7");
    EXPECT_STRING(5e-324, "5e-324");
    EXPECT_STRING(1.2345678901234568e+29, "1.2345678901234568e+29");
    EXPECT_STRING(1.0 / 0.0, "Infinity");
    EXPECT_STRING(-1.0 / 0.0, "-Infinity");
    EXPECT_STRING(0.0 / 0.0, "NaN");
}

static void strtod_c(void **state) {
    char *end;
    assert_true(js_strtod_c("1.5", &end) == 1.5);
    assert_int_equal(*end, '\0');
    assert_true(js_strtod_c("2.5e3x", &end) == 2500.0);
    assert_int_equal(*end, 'x');
    assert_true(js_strtod_c("0x1p4", NULL) == 16.0);
    char buf[32];
    assert_int_equal(js_snprintf_c(buf, sizeof buf, "%.1f|%g", 1.5, 0.25), 8);
    assert_string_equal(buf, "1.5|0.25");
}

/* The lexer's value for the single numeric literal src. */
static double lex_number(const char *src) {
    size_t len = strlen(src);
    char *buf = calloc(len + FS_PADDING, 1);
    memcpy(buf, src, len);
    Arena arena;
    arena_init(&arena, 0);
    DiagList diags;
    diag_init(&diags);
    DiagFile file = {"test.js", buf, (uint32_t)len};
    jmp_buf fail;
    JsLexer lx;
    double v = -1;
    if (!setjmp(fail)) {
        js_lex_init(&lx, buf, (uint32_t)len, false, &arena, &diags, &file, &fail);
        js_lex_next(&lx);
        if (lx.tok.kind == TK_NUMBER) v = lx.tok.number;
    }
    diag_free(&diags);
    arena_free(&arena);
    free(buf);
    return v;
}

/* Locales whose decimal point is ','. */
static const char *const comma_locales[] = {
    "de_DE.UTF-8", "de_DE.utf8", "de_DE", "fr_FR.UTF-8", "fr_FR.utf8", "nl_NL.UTF-8",
    "es_ES.UTF-8", "it_IT.UTF-8", "pt_BR.UTF-8", "ru_RU.UTF-8",
};

static void comma_locale(void **state) {
    const char *name = NULL;
    for (size_t i = 0; i < sizeof comma_locales / sizeof comma_locales[0] && !name; i++)
        if (setlocale(LC_NUMERIC, comma_locales[i]) && strcmp(localeconv()->decimal_point, ",") == 0)
            name = comma_locales[i];
    if (!name) {
        setlocale(LC_NUMERIC, "C");
        print_message("no locale with a decimal comma (tried de_DE.UTF-8 and others; LOCPATH=%s)\n",
                      getenv("LOCPATH") ? getenv("LOCPATH") : "");
        skip();
    }
    /* The condition holds: the C library itself now reads "1.5" as 1. */
    assert_true(strtod("1.5", NULL) == 1.0);

    assert_true(js_strtod_c("1.5", NULL) == 1.5);
    EXPECT_STRING(1.5, "1.5");
    EXPECT_STRING(-0.001, "-0.001");
    EXPECT_STRING(1.5e-7, "1.5e-7");
    assert_true(lex_number("1.5") == 1.5);
    assert_true(lex_number("1_000.25") == 1000.25);
    assert_true(lex_number(".5") == 0.5);

    Arena arena;
    arena_init(&arena, 0);
    JsJsonError err;
    const JsJson *v = js_json_parse("[1.5, -2.25e1]", 14, 0, &arena, &err);
    assert_non_null(v);
    assert_true(v->u.items[0].u.num.value == 1.5);
    assert_true(v->u.items[1].u.num.value == -22.5);
    arena_free(&arena);
    setlocale(LC_NUMERIC, "C");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(to_string),
        cmocka_unit_test(strtod_c),
        cmocka_unit_test(comma_locale),
    };
    return RUN(tests);
}
