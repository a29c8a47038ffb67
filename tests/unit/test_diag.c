/* Contract of base/diag: line/column from byte offsets, the printed form
 * (location, message, code frame with caret), notes, ordering and counts. */
#include "unit.h"

#include "base/diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prints the list without colors into a malloc'd string. */
/* noinline: gcc -O2 otherwise warns that open_memstream's buffer dangles. */
__attribute__((noinline)) static char *render(const DiagList *l) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    diag_print(l, f, false);
    fclose(f);
    return buf;
}

static const char app_src[] = "// app\n\nimport { pad } from \"./utils\";\n";

static void line_and_column(void **state) {
    uint32_t line, col;
    diag_line_col(app_src, sizeof app_src - 1, 0, &line, &col);
    assert_int_equal(line, 1), assert_int_equal(col, 1);
    diag_line_col(app_src, sizeof app_src - 1, 28, &line, &col);
    assert_int_equal(line, 3), assert_int_equal(col, 21);
    /* Columns count code points: "é" is two bytes, one column. */
    const char *u = "\xc3\xa9x";
    diag_line_col(u, 3, 2, &line, &col);
    assert_int_equal(col, 2);
}

static void prints_the_styles_example(void **state) {
    DiagFile app = {"src/app.js", app_src, sizeof app_src - 1};
    DiagList l;
    diag_init(&l);
    diag_add(&l, DIAG_ERROR, DIAG_RESOLVE_NOT_FOUND, &app, 28, 37, "could not resolve \"%s\"", "./utils");
    diag_note(&l, &app, 0, 0, "imported from the entry point here");
    char *out = render(&l);
    assert_string_equal(out,
        "src/app.js:3:21: error: could not resolve \"./utils\" [resolve-not-found]\n"
        "    3 | import { pad } from \"./utils\";\n"
        "      |                     ^~~~~~~~~\n"
        "src/app.js:1:1: note: imported from the entry point here\n"
        "    1 | // app\n"
        "      | ^\n");
    free(out);
    assert_int_equal(l.errors, 1);
    assert_int_equal(l.warnings, 0);
    diag_free(&l);
}

static void no_location_and_warnings(void **state) {
    DiagList l;
    diag_init(&l);
    diag_add(&l, DIAG_WARNING, DIAG_CONFIG, NULL, 0, 0, "unused option %d", 7);
    char *out = render(&l);
    assert_string_equal(out, "bale: warning: unused option 7 [config]\n");
    free(out);
    assert_int_equal(l.warnings, 1);
    assert_int_equal(l.errors, 0);
    diag_free(&l);
}

static void long_lines_are_cut_around_the_caret(void **state) {
    static char text[10001];
    memset(text, 'a', 10000);
    text[10000] = 0;
    DiagFile f = {"min.js", text, 10000};
    DiagList l;
    diag_init(&l);
    diag_add(&l, DIAG_ERROR, DIAG_SYNTAX, &f, 5000, 5001, "unexpected");
    char *out = render(&l);
    assert_non_null(strstr(out, "min.js:1:5001: error: unexpected [syntax]\n"));
    assert_true(strlen(out) < 400); /* not 10,000 characters of frame */
    /* The caret sits under the same column as the offending byte. */
    char *l1 = strchr(out, '\n') + 1;
    char *l2 = strchr(l1, '\n') + 1;
    assert_int_equal(strchr(l2, '^') - l2, 4 + 1 + 3 + 3 + 40); /* "    1 | " + "..." + 40 */
    assert_int_equal(strchr(l1, 'a') - l1 + 40, strchr(l2, '^') - l2);
    free(out);
    diag_free(&l);
}

static void tabs_and_control_bytes_keep_the_caret_aligned(void **state) {
    const char *src = "\tx\x01 = @;";
    DiagFile f = {"t.js", src, (uint32_t)strlen(src)};
    DiagList l;
    diag_init(&l);
    diag_add(&l, DIAG_ERROR, DIAG_SYNTAX, &f, 6, 7, "unexpected \"@\"");
    char *out = render(&l);
    assert_non_null(strstr(out, "    1 | \tx  = @;\n      | \t     ^\n"));
    free(out);
    diag_free(&l);
}

static void merge_and_sort_are_deterministic(void **state) {
    DiagFile a = {"a.js", "aaaa", 4}, b = {"b.js", "bbbb", 4};
    DiagList w1, w2, all;
    diag_init(&w1), diag_init(&w2), diag_init(&all);
    diag_add(&w1, DIAG_ERROR, DIAG_SYNTAX, &b, 2, 3, "b2");
    diag_add(&w2, DIAG_ERROR, DIAG_SYNTAX, &a, 3, 3, "a3");
    diag_note(&w2, &b, 0, 1, "see here");
    diag_add(&w2, DIAG_WARNING, DIAG_SYNTAX, &a, 1, 1, "a1");
    diag_merge(&all, &w1);
    diag_merge(&all, &w2);
    assert_int_equal(w2.items.len, 0);
    diag_free(&w1), diag_free(&w2); /* merged messages were copied */
    diag_sort(&all);
    assert_int_equal(all.items.len, 3);
    assert_string_equal(all.items.data[0].msg, "a1");
    assert_string_equal(all.items.data[1].msg, "a3");
    assert_string_equal(all.items.data[1].notes[0].msg, "see here");
    assert_string_equal(all.items.data[2].msg, "b2");
    assert_int_equal(all.errors, 2);
    assert_int_equal(all.warnings, 1);
    diag_free(&all);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(line_and_column),
        cmocka_unit_test(prints_the_styles_example),
        cmocka_unit_test(no_location_and_warnings),
        cmocka_unit_test(long_lines_are_cut_around_the_caret),
        cmocka_unit_test(tabs_and_control_bytes_keep_the_caret_aligned),
        cmocka_unit_test(merge_and_sort_are_deterministic),
    };
    return RUN(tests);
}
