/* Contract of output/minify and output/mangle: a piece printed again
 * compact, with local bindings renamed by slots (siblings share names,
 * the most used gets the shortest), never a free name; what must keep its
 * name keeps it (the top level, function and class names, bindings an
 * anonymous function takes its name from, anything eval can see); source
 * map segments follow the reprint; the short-name sequence. */
#include "unit.h"

#include "base/map.h"
#include "bale.h"
#include "output/edits.h"
#include "output/mangle.h"
#include "output/minify.h"
#include "output/sourcemap.h"

#include <stdlib.h>
#include <string.h>

static char *minify(const char *code, OutPiece kind) {
    BaleOptions o;
    bale_options_init(&o);
    o.minify_whitespace = o.minify_identifiers = o.minify_syntax = true;
    Arena a;
    arena_init(&a, 0);
    VecChar t = {0};
    out_append(&t, code, strlen(code));
    bool ok = out_minify_piece(&t, NULL, kind, &o, &a);
    arena_free(&a);
    VEC_PUSH(&t, 0);
    char *s = strdup(ok ? t.data : "<no parse>");
    VEC_FREE(&t);
    return s;
}

#define EXPECT(code, kind, want)                                                                                       \
    do {                                                                                                               \
        char *got_ = minify(code, kind);                                                                               \
        assert_string_equal(got_, want);                                                                               \
        free(got_);                                                                                                    \
    } while (0)

static void renames(void **state) {
    (void)state;
    /* the top level keeps its names; locals get short ones, in order of use */
    EXPECT("function f() { var alpha = 1, beta = 2; return alpha + beta + beta; }", OUT_PIECE_STATEMENTS,
           "function f(){var b=1,a=2;return b+a+a}");
    /* sibling scopes share names; a nested one never takes its parent's */
    EXPECT("function s() { function t(x1) { return x1; } function u(x2) { return x2; } }", OUT_PIECE_STATEMENTS,
           "function s(){function t(a){return a}function u(a){return a}}");
    EXPECT("function n(outer) { return function (inner) { return outer + inner; }; }", OUT_PIECE_STATEMENTS,
           "function n(a){return function(b){return a+b}}");
    /* a free name is never taken: a global stays what it was */
    EXPECT("function k(p) { return a + p; }", OUT_PIECE_STATEMENTS, "function k(b){return a+b}");
    /* shorthand properties get their keys back */
    EXPECT("function g(value) { const { key } = value; return { value, key }; }", OUT_PIECE_STATEMENTS,
           "function g(a){const{key:b}=a;return{value:a,key:b}}");
    /* a table entry: one expression, in its own (sloppy) mode */
    EXPECT("function (module, exports) { exports.x = 1; }", OUT_PIECE_EXPRESSION, "function(b,a){a.x=1}");
}

static void keeps(void **state) {
    (void)state;
    /* .name: function and class names, and bindings that name an anonymous function */
    EXPECT("function h() { const fn = () => 1; let x = 1; class C {} return [fn.name, x, C]; }", OUT_PIECE_STATEMENTS,
           "function h(){let fn=()=>1,a=1;class C{}return[fn.name,a,C]}");
    EXPECT("function h2(v) { v = function () {}; return v.name; }", OUT_PIECE_STATEMENTS,
           "function h2(v){return v=function(){},v.name}");
    /* eval and with can see any name: nothing is renamed */
    EXPECT("function e(x) { return eval('x'); }", OUT_PIECE_STATEMENTS, "function e(x){return eval('x')}");
    EXPECT("function (o, x) { with (o) return x; }", OUT_PIECE_EXPRESSION, "function(o,x){with(o)return x}");
    /* arguments stays */
    EXPECT("function ar(first) { return arguments[0] + first; }", OUT_PIECE_STATEMENTS,
           "function ar(a){return arguments[0]+a}");
}

static void maps(void **state) {
    (void)state;
    BaleOptions o;
    bale_options_init(&o);
    o.minify_whitespace = o.minify_identifiers = true;
    Arena a;
    arena_init(&a, 0);
    /* the code's own segments: line 0 from source line 10, line 1 from 20,
     * line 2 from 30 (columns count UTF-16 units: the string is 5) */
    const char *code = "let q = 1;\nfoo(q);\nx(\"\xC3\xA9\xF0\x9F\x98\x80\", q);\n";
    VecChar t = {0};
    out_append(&t, code, strlen(code));
    OutMapSegs map = {0};
    VEC_PUSH(&map, ((OutMapSeg){0, 0, 10, 0, 0, true, 0, 0}));
    VEC_PUSH(&map, ((OutMapSeg){1, 0, 20, 0, 0, true, 0, 11}));
    VEC_PUSH(&map, ((OutMapSeg){2, 0, 30, 0, 0, true, 0, 19}));
    assert_true(out_minify_piece(&t, &map, OUT_PIECE_STATEMENTS, &o, &a));
    VEC_PUSH(&t, 0);
    assert_string_equal(t.data, "let q=1;foo(q);x(\"\xC3\xA9\xF0\x9F\x98\x80\",q);");
    /* each token maps into its line, columns moving with the copy */
    char got[256] = "";
    for (uint32_t i = 0; i < map.len; i++)
        snprintf(got + strlen(got), sizeof got - strlen(got), "%u:%u>%u:%u ", map.data[i].gen_line,
                 map.data[i].gen_col, map.data[i].src_line, map.data[i].src_col);
    assert_string_equal(got, "0:0>10:0 0:4>10:4 0:6>10:8 0:8>20:0 0:12>20:4 0:15>30:0 0:17>30:2 0:23>30:9 ");
    VEC_FREE(&map);
    VEC_FREE(&t);
    arena_free(&a);
}

static void short_names(void **state) {
    (void)state;
    char buf[9];
    assert_int_equal(out_short_name(0, buf), 1);
    assert_string_equal(buf, "a");
    out_short_name(53, buf);
    assert_string_equal(buf, "$");
    out_short_name(54, buf);
    assert_string_equal(buf, "aa");
    out_short_name(55, buf);
    assert_string_equal(buf, "ba");
    assert_true(out_name_reserved("do", 2));
    assert_true(out_name_reserved("in", 2));
    assert_false(out_name_reserved("ab", 2));
    /* every name up to three characters is distinct */
    Map seen = {0};
    Arena a;
    arena_init(&a, 0);
    for (uint32_t k = 0; k < 54 + 54 * 64 + 54 * 64 * 64; k++) {
        uint32_t n = out_short_name(k, buf);
        assert_true(map_put_str(&seen, arena_strndup(&a, buf, n), n, 1));
    }
    map_free(&seen);
    arena_free(&a);
}

static void statements(void **state) {
    (void)state;
    /* expression statements and ifs of them: one expression, into the return after */
    EXPECT("function f(p) { if (p) { b(); c(); } d(); return p; }", OUT_PIECE_STATEMENTS,
           "function f(a){return a&&(b(),c()),d(),a}");
    EXPECT("function f(p) { if (!p) b(); else { c(); d(); } throw p; }", OUT_PIECE_STATEMENTS,
           "function f(a){throw a?(c(),d()):b(),a}");
    EXPECT("function f(p) { if (!p) { b(); } e(); }", OUT_PIECE_STATEMENTS, "function f(a){a||b(),e()}");
    /* a loop's block of them: one statement; a bare return keeps its own */
    EXPECT("function f(p) { while (p--) { b(); c(); } d(); return; }", OUT_PIECE_STATEMENTS,
           "function f(a){while(a--)b(),c();d();return}");
    /* a statement starting with function or { keeps its parentheses */
    EXPECT("function f() { (function () {})(); ({}).x = 1; }", OUT_PIECE_STATEMENTS,
           "function f(){(function(){}(),{}.x=1)}");
    /* a lone name is no expression to merge (the chunk's placeholders) */
    EXPECT("__bale_piece_0__; __bale_piece_1__;", OUT_PIECE_STATEMENTS, "__bale_piece_0__;__bale_piece_1__;");
    /* a const nothing assigns is a let; let's void 0 goes; an assigned const stays */
    EXPECT("function f() { const a = 1; let b = void 0; const c = 2; try { c = 3; } catch {} return a + b + c; }",
           OUT_PIECE_STATEMENTS, "function f(){let b=1,c;const a=2;try{a=3}catch{}return b+c+a}");
    EXPECT("function f() { const { a } = g(); let [b] = void 0; return a + b; }", OUT_PIECE_STATEMENTS,
           "function f(){const{a}=g();let[b]=void 0;return a+b}");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(renames),
        cmocka_unit_test(keeps),
        cmocka_unit_test(statements),
        cmocka_unit_test(maps),
        cmocka_unit_test(short_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
