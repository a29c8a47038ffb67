/* Contract of js/purity: which top-level statements tree shaking may
 * drop when nothing uses what they declare (conservative: whatever could
 * call user code, throw or change state is impure). */
#include "unit.h"
#include "unit_js.h"

#include "js/purity.h"

#include <stdlib.h>
#include <string.h>

/* "p" or "i" per top-level statement of src (a module), or "error". */
__attribute__((noinline)) static char *purity(const char *src) {
    Snippet sn;
    char *out = calloc(1, 256);
    if (snippet_parse(&sn, src, JS_GOAL_MODULE, true)) {
        size_t n = 0;
        uint32_t nsyms = sn.scopes.symbols.len;
        uint8_t *prim = calloc(1, nsyms + 1), *prim2 = calloc(1, nsyms + 1);
        const JsNode **fns = calloc(nsyms + 1, sizeof *fns), **fns2 = calloc(nsyms + 1, sizeof *fns2);
        uint32_t depth = 0;
        JsPurity p = {.scopes = &sn.scopes, .facts = prim, .fn_of = fns, .depth = &depth, .nsyms = nsyms};
        js_purity_hoist(&p, &sn.ast);
        for (const JsNode *s = sn.ast.program->a; s && n < 255; s = s->next) {
            out[n++] = js_stmt_is_pure(&p, s) ? 'p' : 'i';
            js_purity_note(&p, s);
        }
        JsPurity q = {.scopes = &sn.scopes, .facts = prim2, .fn_of = fns2, .depth = &depth, .nsyms = nsyms};
        if (js_program_is_pure(&q, &sn.ast) != !strchr(out, 'i')) strcpy(out, "inconsistent");
        free(prim);
        free(prim2);
        free(fns);
        free(fns2);
    } else {
        strcpy(out, "error");
    }
    snippet_free(&sn);
    return out;
}

#define PURITY(src, expected)                   \
    do {                                        \
        char *got_ = purity(src);               \
        assert_string_equal(got_, (expected));  \
        free(got_);                             \
    } while (0)

static void declarations(void **state) {
    (void)state;
    PURITY("function f() { sideEffect(); } var a = 1, b = 'x', c = null; let d; const e = f;", "pppp");
    PURITY("const a = () => g(); const b = function () {}; const o = { a: 1, 'b': [2, , 3], c() {}, [1]: 2 };", "ppp");
    PURITY("const t = `x${1}y`; const u = `x${t}`; const r = /re/g; const n = -1, m = !x, k = typeof nope;", "pppi"); /* t is a primitive const */
    PURITY("let x = 1; const y = x === 1 ? 'a' : x !== 2 && 'b', z = (1, 2);", "pp");
    PURITY("const a = b; ", "i");                       /* b is a free name: may throw */
    PURITY("const a = undefined, b = NaN, c = Infinity;", "p");
    PURITY("const a = Math, b = Array.isArray, c = Symbol.iterator;", "p"); /* known globals */
    PURITY("const a = window, b = Math.foo.bar;", "i"); /* other globals are not assumed; a.b.c may throw */
    PURITY("const { a } = o; const [b] = [1];", "ii");  /* destructuring reads properties, iterates */
}

static void impure_expressions(void **state) {
    (void)state;
    PURITY("f(); new C(); o.p; x = 1; x++; delete o.p; typeof o.p; void f();", "iiiiiiii"); /* free names */
}

static void expressions(void **state) {
    (void)state;
    PURITY("let o = {}, x = 0; function f() {} f(); new f(); o.p; x = 1; x++;", "pppiiii"); /* f() of an empty f changes nothing */
    PURITY("let o = {}; const a = o + 1, b = 1 + 2, c = 'a' in o, d = o instanceof Object;", "pi");
    PURITY("let o = {}; const a = { ...o }, b = [...o], c = -o;", "pi");
    PURITY("let o = {}; const a = { [o]: 1 };", "pi"); /* a computed key converts o */
    PURITY("'use strict'; ; 1; `t`;", "pppp");
}

static void builtins(void **state) {
    (void)state;
    PURITY("const a = Symbol('x'), b = Symbol.for('y'), c = Object.create(null), d = Object.freeze({ a: 1 });", "p");
    PURITY("const a = new Map(); const b = new WeakSet(); const c = new Float32Array(4); const d = new Array(3);", "pppp");
    PURITY("const a = new Map(xs);", "i");                 /* iterates */
    PURITY("const a = new Float32Array(-1);", "i");        /* RangeError */
    PURITY("const a = Object.create(5);", "i");            /* TypeError */
    PURITY("const a = Math.PI / 180, b = Number.EPSILON * 2; const c = '[' + a + ']';", "pp");
    PURITY("const a = 1n + 1, b = +1n;", "i");             /* TypeError */
    PURITY("const a = 1n; const c = a * 2;", "pi");        /* a const BigInt is not noted */
    PURITY("const x = 'a'; const y = x + 'b'; const o = { [y]: 1 };", "ppp");
}

static void calls_looked_into(void **state) {
    (void)state;
    /* a function of the module that only makes values: calling it is pure */
    PURITY("function make(k) { function f() { return k; } f.k = k; return f; } const a = make(1);", "pp");
    PURITY("const a = (function (x) { var y = 2; return function () { return x + y; }; })(Math.PI);", "p");
    PURITY("const id = (x) => x; const a = id(1);", "pp");
    PURITY("function f() { g(); } const a = f();", "pi");             /* a call inside */
    PURITY("function f(o) { o.p = 1; } const a = f({});", "pi");       /* sets what it was given */
    PURITY("function f({ p }) { return p; } const a = f({});", "pi"); /* destructuring reads */
    PURITY("function f() { return f(); } const a = f();", "pi");      /* looked into a bounded depth */
    PURITY("function f() {} f = g; const a = f();", "pii");          /* reassigned */
    PURITY("async function f() {} const a = f();", "pi");
    PURITY("function f() {} const a = new f();", "pi");               /* new: not looked into */
}

static void annotations(void **state) {
    (void)state;
    PURITY("const x = f(); /* @__NO_SIDE_EFFECTS__ */ function f() { g(); }", "pp"); /* hoisted */
    PURITY("/* #__NO_SIDE_EFFECTS__ */ export function f() {} const x = f(1), y = f(g());", "pi");
    PURITY("/*#__NO_SIDE_EFFECTS__*/ const f = () => {}; const x = f(); const y = new f();", "ppi"); /* calls only */
    PURITY("const a = f(); /*#__NO_SIDE_EFFECTS__*/ const f = () => {};", "ip"); /* not yet initialized */
    PURITY("/*#__NO_SIDE_EFFECTS__*/ function f() {} f = g; const x = f();", "pii"); /* reassigned */
    PURITY("const f = /*#__NO_SIDE_EFFECTS__*/ function () {}; const x = f();", "pp");
    PURITY("const a = /*#__PURE__*/ f(1, 'x'), b = /* @__PURE__ */ new C();", "p");
    PURITY("const a = /*#__PURE__*/ f(g());", "i");          /* the argument still runs */
    PURITY("const a = /*#__PURE__*/ f(...xs);", "i");        /* spreading iterates */
    PURITY("const a = /* __PURE__ */ f();", "i");            /* not an annotation */
    PURITY("/*#__PURE__*/ f(); /*#__PURE__*/ a.b.c(1);", "pp");
}

static void classes(void **state) {
    (void)state;
    PURITY("class A { m() { f(); } static x = 1; y = f(); get z() { return 1; } }", "p");
    PURITY("class A { static x = f(); }", "i");
    PURITY("class A { static { } }", "p");
    PURITY("class A { static { f(); } }", "i");
    PURITY("class B {} class A extends B {}", "pp");      /* a bound name is taken to be a constructor */
    PURITY("class A extends f() {}", "i");                /* anything else may not be one */
    PURITY("class A { static { A.prototype.isA = true; this.k = 1; } }", "p"); /* sets its own parts */
    PURITY("class A { static { A.prototype.isA = f(); } }", "i");
    PURITY("class A { set isA(v) { f(); } static { A.prototype.isA = true; } }", "i"); /* a setter runs */
    PURITY("class A { static { A.name = 'x'; } }", "i");  /* not writable: throws */
    PURITY("class B {} class A extends B { static { A.prototype.isA = true; } }", "pi"); /* B's setter could run */
    PURITY("let k = 'm'; class A { [k]() {} }", "pi");
    PURITY("const k = 'm'; class A { [k]() {} [Symbol.iterator]() {} }", "pp"); /* a primitive const, a symbol */
    PURITY("class A { [k]() {} } const k = 'm';", "ip");  /* not yet initialized */
    PURITY("const C = class { static x = 1 };", "p");
}

static void modules(void **state) {
    (void)state;
    PURITY("import a from './a.mjs'; import './b.mjs'; export * from './c.mjs'; export { a };", "pppp");
    PURITY("export const x = 1; export function f() {} export default function () {} ", "ppp");
    PURITY("export default 42;", "p");
    PURITY("export default f();", "i");
    PURITY("function f() {} export default f();", "pp"); /* looked into */
    PURITY("function f() { g(); } export default f();", "pi");
    PURITY("export class A extends Object {}", "p"); /* a known global is a constructor */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(declarations),
        cmocka_unit_test(impure_expressions),
        cmocka_unit_test(expressions),
        cmocka_unit_test(builtins),
        cmocka_unit_test(calls_looked_into),
        cmocka_unit_test(annotations),
        cmocka_unit_test(classes),
        cmocka_unit_test(modules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
