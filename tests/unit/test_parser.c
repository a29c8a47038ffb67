/* Contract of js/parser for what the test262 comparison cannot see: the
 * tree shaking annotations.  A #__PURE__ comment marks the call or new
 * that starts right after it (JS_F_PURE); a #__NO_SIDE_EFFECTS__ comment
 * marks the function it declares or starts (JS_F_NO_SIDE_EFFECTS).  The
 * rules are esbuild's (js_parser.go parseExprCommon, parseStmt), which
 * follow Rollup's (docs, treeshake.annotations).
 *
 * The helper parses a module and returns, in source order, the text of
 * every annotated node: "pure a(b())" or "nse function f() {}", joined by
 * " | "; "none" when there is none.  The checks are macros so that a
 * failure names the line of the case. */
#include "unit.h"
#include "unit_js.h"

#include "base/fs.h"
#include "js/parser.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Writes node n's annotation, then its children's, in source order. */
static void collect(const JsNode *n, const char *src, FILE *out, bool *first) {
    if (!n) return;
    const char *what = n->flags & JS_F_PURE ? "pure" : n->flags & JS_F_NO_SIDE_EFFECTS ? "nse" : NULL;
    if (what) {
        fprintf(out, "%s%s %.*s", *first ? "" : " | ", what, (int)(n->end - n->start), src + n->start);
        *first = false;
    }
    const char *shape = js_node_shape((JsNodeKind)n->kind);
    if (shape[0] == 'i' || shape[0] == '#') return;
    const JsNode *kids[4] = {n->a, n->b, n->c, n->d};
    for (int i = 0; i < 4 && shape[i]; i++) {
        if (shape[i] == 'n') collect(kids[i], src, out, first);
        if (shape[i] == 'l')
            for (const JsNode *k = kids[i]; k; k = k->next) collect(k, src, out, first);
    }
}

__attribute__((noinline)) static char *annotated(const char *src) {
    Snippet sn;
    char *out = NULL;
    size_t out_len = 0;
    FILE *f = open_memstream(&out, &out_len);
    if (snippet_parse(&sn, src, JS_GOAL_MODULE, false)) {
        bool first = true;
        collect(sn.ast.program, sn.buf, f, &first);
        if (first) fputs("none", f);
    } else {
        fputs("error", f);
    }
    fclose(f);
    snippet_free(&sn);
    return out;
}

#define ANNOTATED(src, expected)                \
    do {                                        \
        char *got_ = annotated(src);            \
        assert_string_equal(got_, (expected));  \
        free(got_);                             \
    } while (0)

static void pure_marks_the_call_or_new_after_it(void **state) {
    (void)state;
    ANNOTATED("/*#__PURE__*/ f();", "pure f()");
    ANNOTATED("/*@__PURE__*/ f();", "pure f()");
    ANNOTATED("/* @__PURE__ */ a.b(c);", "pure a.b(c)");
    ANNOTATED("/*#__PURE__*/ new X();", "pure new X()");
    ANNOTATED("/*#__PURE__*/ new X;", "pure new X");
    ANNOTATED("/*#__PURE__*/ (() => {})();", "pure (() => {})()");
    ANNOTATED("x = /*#__PURE__*/ a?.b();", "pure a?.b()");
    ANNOTATED("/*#__PURE__*/ a`t`();", "pure a`t`()");
    /* The whole chain of calls and members that starts there, no more. */
    ANNOTATED("x = /*#__PURE__*/ a().b() + c();", "pure a().b()");
    ANNOTATED("/*#__PURE__*/ a()();", "pure a()()");
    /* Parentheses around a call are no node: esbuild marks the call. */
    ANNOTATED("/*#__PURE__*/ (f());", "pure f()");
    ANNOTATED("/*#__PURE__*/ (a, f());", "none");
    /* Anywhere an expression starts. */
    ANNOTATED("const x = /*#__PURE__*/ f(), y = [/*#__PURE__*/ g()];", "pure f() | pure g()");
    ANNOTATED("export default /*#__PURE__*/ f();", "pure f()");
    ANNOTATED("g(/*#__PURE__*/ f());", "pure f()");
    /* Line comments count, as in esbuild (the lexer reads both kinds). */
    ANNOTATED("x = // #__PURE__\n  f();", "pure f()");
    /* Other text in the comment is allowed. */
    ANNOTATED("/* #__PURE__ because it only builds */ f();", "pure f()");
}

static void pure_marks_only_the_outer_call(void **state) {
    (void)state;
    ANNOTATED("/*#__PURE__*/ a(b());", "pure a(b())");
    ANNOTATED("/*#__PURE__*/ new A(b());", "pure new A(b())");
    ANNOTATED("/*#__PURE__*/ a(/*#__PURE__*/ b());", "pure a(/*#__PURE__*/ b()) | pure b()");
}

static void pure_is_ignored_elsewhere(void **state) {
    (void)state;
    ANNOTATED("/*#__PURE__*/ a;", "none");
    ANNOTATED("/*#__PURE__*/ a.b;", "none");
    ANNOTATED("/*#__PURE__*/ a + f();", "none");
    ANNOTATED("/*#__PURE__*/ 1, f();", "none");
    ANNOTATED("x = /*#__PURE__*/ !f();", "none");
    ANNOTATED("/*#__PURE__*/ import('x');", "none");
    ANNOTATED("a./*#__PURE__*/ b();", "none");
    ANNOTATED("f /*#__PURE__*/ ();", "none");
    ANNOTATED("new /*#__PURE__*/ X();", "none");
    /* Only @ or # right before the word, and the word must end there. */
    ANNOTATED("/* __PURE__ */ f();", "none");
    ANNOTATED("/* # __PURE__ */ f();", "none");
    ANNOTATED("/* #__PURE__x */ f();", "none");
    ANNOTATED("/* says PURE in plain text */ f();", "none");
    /* A comment is the next token's only. */
    ANNOTATED("/*#__PURE__*/ a; f();", "none");
}

static void no_side_effects_marks_declared_functions(void **state) {
    (void)state;
    ANNOTATED("/*#__NO_SIDE_EFFECTS__*/ function f() {}", "nse function f() {}");
    ANNOTATED("/* @__NO_SIDE_EFFECTS__ */ function* f() {}", "nse function* f() {}");
    ANNOTATED("/*#__NO_SIDE_EFFECTS__*/ async function f() {}", "nse async function f() {}");
    ANNOTATED("// #__NO_SIDE_EFFECTS__\nfunction f() {}", "nse function f() {}");
    ANNOTATED("function g() { /*#__NO_SIDE_EFFECTS__*/ function f() {} }", "nse function f() {}");
    /* Before export, after it, or after default. */
    ANNOTATED("/*#__NO_SIDE_EFFECTS__*/ export function f() {}", "nse function f() {}");
    ANNOTATED("export /*#__NO_SIDE_EFFECTS__*/ function f() {}", "nse function f() {}");
    ANNOTATED("/*#__NO_SIDE_EFFECTS__*/ export async function f() {}", "nse async function f() {}");
    ANNOTATED("/*#__NO_SIDE_EFFECTS__*/ export default function () {}", "nse function () {}");
    ANNOTATED("export default /*#__NO_SIDE_EFFECTS__*/ function f() {}", "nse function f() {}");
    ANNOTATED("export default /*#__NO_SIDE_EFFECTS__*/ async function () {}", "nse async function () {}");
    /* A const declaration: the function or arrow of its first declarator. */
    ANNOTATED("/*#__NO_SIDE_EFFECTS__*/ const f = () => {};", "nse () => {}");
    ANNOTATED("/*#__NO_SIDE_EFFECTS__*/ const f = async (a) => a;", "nse async (a) => a");
    ANNOTATED("/*#__NO_SIDE_EFFECTS__*/ const f = function () {};", "nse function () {}");
    ANNOTATED("/*#__NO_SIDE_EFFECTS__*/ export const f = () => {};", "nse () => {}");
    ANNOTATED("/*#__NO_SIDE_EFFECTS__*/ const f = () => {}, g = () => {};", "nse () => {}");
}

static void no_side_effects_marks_function_expressions(void **state) {
    (void)state;
    /* Right before a function or arrow expression, wherever it is. */
    ANNOTATED("const f = /*#__NO_SIDE_EFFECTS__*/ () => {};", "nse () => {}");
    ANNOTATED("let f = /*#__NO_SIDE_EFFECTS__*/ function () {};", "nse function () {}");
    ANNOTATED("export default /*#__NO_SIDE_EFFECTS__*/ (x) => x;", "nse (x) => x");
    ANNOTATED("g(/*#__NO_SIDE_EFFECTS__*/ async () => {});", "nse async () => {}");
}

static void no_side_effects_is_ignored_elsewhere(void **state) {
    (void)state;
    ANNOTATED("/*#__NO_SIDE_EFFECTS__*/ let f = () => {};", "none");
    ANNOTATED("/*#__NO_SIDE_EFFECTS__*/ var f = () => {};", "none");
    ANNOTATED("/*#__NO_SIDE_EFFECTS__*/ const x = 1, f = () => {};", "none");
    ANNOTATED("/*#__NO_SIDE_EFFECTS__*/ const f = g(() => {});", "none");
    ANNOTATED("/*#__NO_SIDE_EFFECTS__*/ class A {}", "none");
    ANNOTATED("/*#__NO_SIDE_EFFECTS__*/ f();", "none");
    ANNOTATED("/*#__NO_SIDE_EFFECTS__*/ export default () => {};", "none");
    ANNOTATED("/* __NO_SIDE_EFFECTS__ */ function f() {}", "none");
    ANNOTATED("/* #__NO_SIDE_EFFECTS__x */ function f() {}", "none");
    /* The two annotations do not stand in for each other. */
    ANNOTATED("/*#__PURE__*/ function f() {}", "none");
    ANNOTATED("/*#__NO_SIDE_EFFECTS__*/ (f());", "none");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pure_marks_the_call_or_new_after_it),
        cmocka_unit_test(pure_marks_only_the_outer_call),
        cmocka_unit_test(pure_is_ignored_elsewhere),
        cmocka_unit_test(no_side_effects_marks_declared_functions),
        cmocka_unit_test(no_side_effects_marks_function_expressions),
        cmocka_unit_test(no_side_effects_is_ignored_elsewhere),
    };
    return RUN(tests);
}
