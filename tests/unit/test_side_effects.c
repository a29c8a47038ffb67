/* Contract of resolve/side_effects: "sideEffects" patterns match as esbuild's
 * and webpack's regular expressions do (a pattern without '/' anywhere, '*'
 * within a segment, "**" segments, '?', "{a,b}" as webpack, a leading "./"
 * ignored), in time linear in the path whatever the pattern; and what a
 * package.json's field (false, true, a list, an invalid value) says about a
 * file. */
#include "unit.h"

#include "base/clock.h"
#include "resolve/package_json.h"
#include "resolve/side_effects.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static Arena A;

static bool match(const char *pattern, const char *rel) {
    const SideEffectsGlob *g = side_effects_glob_compile(&A, pattern, strlen(pattern));
    return side_effects_glob_match(g, rel, strlen(rel));
}

#define YES(p, s) assert_true(match(p, s))
#define NO(p, s) assert_false(match(p, s))

static void literal_paths(void **state) {
    YES("src/a.js", "src/a.js");
    YES("./src/a.js", "src/a.js");
    YES("././src/a.js", "src/a.js");
    NO("src/a.js", "src/a.jsx");
    NO("src/a.js", "lib/src/a.js");   /* with a '/': from the package directory */
    NO("./a.js", "src/a.js");
    YES("./a.js", "a.js");
    NO("src/a.js", "src/a");
    NO("src/a.js", "");
}

static void names_without_slash_match_anywhere(void **state) {
    YES("a.js", "a.js");
    YES("a.js", "src/deep/a.js");
    NO("a.js", "src/ba.js");          /* the whole name */
    YES("*.css", "style.css");
    YES("*.css", "src/ui/style.css");
    NO("*.css", "style.css.js");
    NO("*.css", "css/a.js");
    YES("polyfill*", "lib/polyfill-es6.js");
    YES(".eslintrc", "a/.eslintrc");  /* dots are characters */
    NO("a.js", "aXjs");
}

static void star_stays_in_its_segment(void **state) {
    YES("src/*.js", "src/a.js");
    YES("src/*.js", "src/.js");
    NO("src/*.js", "src/sub/a.js");
    YES("src/*/index.js", "src/x/index.js");
    NO("src/*/index.js", "src/index.js");
    NO("src/*/index.js", "src/x/y/index.js");
    YES("src/a*b*c.js", "src/aXbYc.js");
    YES("src/a*b*c.js", "src/abc.js");
    NO("src/a*b*c.js", "src/aX/bc.js");
    YES("src/a**b.js", "src/aXXb.js");  /* not a whole segment: one '*' */
    NO("src/a**b.js", "src/a/b.js");
    YES("src/*", "src/a.js");
    NO("src/*", "src/a/b.js");
}

static void globstar_segments(void **state) {
    /* at the start */
    YES("**/a.js", "a.js");
    YES("**/a.js", "x/y/a.js");
    NO("**/a.js", "x/ya.js");
    /* in the middle */
    YES("src/**/a.js", "src/a.js");
    YES("src/**/a.js", "src/x/a.js");
    YES("src/**/a.js", "src/x/y/z/a.js");
    NO("src/**/a.js", "lib/x/a.js");
    NO("src/**/a.js", "src/xa.js");
    /* at the end */
    YES("src/**", "src/a.js");
    YES("src/**", "src/x/y/a.js");
    NO("src/**", "lib/a.js");
    NO("src/**", "srcx/a.js");
    YES("**", "a/b/c.js");            /* no '/': anywhere, and everything */
    /* several, and with '*' */
    YES("**/**/a.js", "a.js");
    YES("**/x/**/*.js", "x/a.js");
    YES("**/x/**/*.js", "p/x/q/r/a.js");
    NO("**/x/**/*.js", "p/q/a.js");
    YES("./**/*.css", "a/b.css");
}

static void question_mark(void **state) {
    YES("src/?.js", "src/a.js");
    NO("src/?.js", "src/ab.js");
    NO("src/?.js", "src/.jsx");
    YES("src?a.js", "src/a.js");      /* '?' is '.' in both tools' regexps: '/' too */
}

static void braces(void **state) {
    YES("src/{a,b}.js", "src/a.js");
    YES("src/{a,b}.js", "src/b.js");
    NO("src/{a,b}.js", "src/c.js");
    NO("src/{a,b}.js", "src/ab.js");
    YES("*.{css,scss}", "ui/x.scss");
    YES("*.{css,scss}", "x.css");
    NO("*.{css,scss}", "x.less");
    YES("src/{*.css,polyfill/*}", "src/a.css");
    YES("src/{*.css,polyfill/*}", "src/polyfill/x.js");
    NO("src/{*.css,polyfill/*}", "src/polyfill/x/y.js");
    NO("src/{*.css,polyfill/*}", "src/a.js");
    YES("src/{,x/}a.js", "src/a.js"); /* an empty alternative */
    YES("src/{,x/}a.js", "src/x/a.js");
    YES("src/{a,{b,c}d}.js", "src/cd.js"); /* nested */
    YES("src/{a,{b,c}d}.js", "src/a.js");
    NO("src/{a,{b,c}d}.js", "src/c.js");
    YES("src/{a}.js", "src/a.js");
    /* unpaired braces, and commas outside braces, are characters */
    YES("src/{a.js", "src/{a.js");
    YES("src/a}.js", "src/a}.js");
    YES("src/a,b.js", "src/a,b.js");
    NO("src/a,b.js", "src/a.js");
}

/* Backtracking would take 2^n here; the simulation takes pattern x path. */
static void pathological_patterns_stay_fast(void **state) {
    char path[8192];
    size_t n = 0;
    for (int i = 0; i < 1000; i++) n += (size_t)snprintf(path + n, sizeof path - n, "d/");
    snprintf(path + n, sizeof path - n, "b");
    char pattern[512];
    n = 0;
    for (int i = 0; i < 60; i++) n += (size_t)snprintf(pattern + n, sizeof pattern - n, "**/");
    snprintf(pattern + n, sizeof pattern - n, "a");
    char stars[512];
    n = 0;
    for (int i = 0; i < 60; i++) n += (size_t)snprintf(stars + n, sizeof stars - n, "d*");
    snprintf(stars + n, sizeof stars - n, "a");
    uint64_t t0 = clock_now_ns();
    NO("**/**/**/**/a", path);
    NO(pattern, path);
    NO(stars, path);
    path[strlen(path) - 1] = 'a';
    YES("**/**/**/**/a", path);
    YES(pattern, path);
    /* Each is some 10^5 state steps; a generous bound that backtracking
     * (10^18 and more) could never meet, even under a sanitizer. */
    assert_true(clock_now_ns() - t0 < 2000000000ull);
}

static PackageJson *pkg(const char *json) {
    return package_json_parse("/p", 2, json, strlen(json), NULL, 0);
}

static void what_the_field_says(void **state) {
    PackageJson *p = pkg("{\"sideEffects\": false}");
    assert_int_equal(side_effects_of(p, "/p/a.js", 7), FILE_SIDE_EFFECTS_FALSE);
    assert_null(package_json_take_warning(p));
    package_json_free(p);
    p = pkg("{\"sideEffects\": true}");
    assert_int_equal(side_effects_of(p, "/p/a.js", 7), FILE_SIDE_EFFECTS_TRUE);
    package_json_free(p);
    p = pkg("{\"name\": \"x\"}");
    assert_int_equal(side_effects_of(p, "/p/a.js", 7), FILE_SIDE_EFFECTS_UNKNOWN);
    package_json_free(p);
    assert_int_equal(side_effects_of(NULL, "/p/a.js", 7), FILE_SIDE_EFFECTS_UNKNOWN);

    p = pkg("{\"sideEffects\": [\"*.css\", \"./src/polyfill.js\"]}");
    assert_int_equal(side_effects_of(p, "/p/x/y.css", 10), FILE_SIDE_EFFECTS_TRUE);
    assert_int_equal(side_effects_of(p, "/p/src/polyfill.js", 18), FILE_SIDE_EFFECTS_TRUE);
    assert_int_equal(side_effects_of(p, "/p/polyfill.js", 14), FILE_SIDE_EFFECTS_FALSE);
    assert_int_equal(side_effects_of(p, "/p/src/a.js", 11), FILE_SIDE_EFFECTS_FALSE);
    package_json_free(p);
    p = pkg("{\"sideEffects\": []}"); /* an empty list: no file has them */
    assert_int_equal(side_effects_of(p, "/p/a.js", 7), FILE_SIDE_EFFECTS_FALSE);
    package_json_free(p);
}

static void invalid_values_are_ignored_with_a_warning(void **state) {
    PackageJson *p = pkg("{\n  \"sideEffects\": 0\n}");
    assert_int_equal(side_effects_of(p, "/p/a.js", 7), FILE_SIDE_EFFECTS_UNKNOWN);
    const PackageWarning *w = package_json_take_warning(p);
    assert_non_null(w);
    assert_int_equal(w->offset, 19);
    assert_non_null(strstr(w->msg, "must be a boolean or an array"));
    assert_null(package_json_take_warning(p)); /* reported once */
    package_json_free(p);

    p = pkg("{\"sideEffects\": \"false\"}"); /* a string is not a boolean (esbuild) */
    assert_int_equal(side_effects_of(p, "/p/a.js", 7), FILE_SIDE_EFFECTS_UNKNOWN);
    assert_non_null(package_json_take_warning(p));
    package_json_free(p);

    /* Elements that are not strings are dropped; the rest still count. */
    p = pkg("{\"sideEffects\": [1, \"*.css\", null]}");
    assert_int_equal(side_effects_of(p, "/p/a.css", 8), FILE_SIDE_EFFECTS_TRUE);
    assert_int_equal(side_effects_of(p, "/p/a.js", 7), FILE_SIDE_EFFECTS_FALSE);
    w = package_json_take_warning(p);
    assert_non_null(w);
    assert_int_equal(w->offset, 17);
    assert_int_equal(w->more, 1);
    assert_non_null(strstr(w->msg, "expected a string"));
    package_json_free(p);
}

int main(void) {
    arena_init(&A, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(literal_paths),
        cmocka_unit_test(names_without_slash_match_anywhere),
        cmocka_unit_test(star_stays_in_its_segment),
        cmocka_unit_test(globstar_segments),
        cmocka_unit_test(question_mark),
        cmocka_unit_test(braces),
        cmocka_unit_test(pathological_patterns_stay_fast),
        cmocka_unit_test(what_the_field_says),
        cmocka_unit_test(invalid_values_are_ignored_with_a_warning),
    };
    int rc = RUN(tests);
    arena_free(&A);
    return rc;
}
