/* Contract of js/scope and js/record: the scope tree and where each
 * declaration lands (hoisting, Annex B, lexical, parameters, catch, class
 * and function expression names), what every reference is bound to, the
 * redeclaration and export early errors (each rule both ways: the error and
 * the nearest valid program), and the module record.
 *
 * The helpers parse a source, run the scope pass (and the record), and
 * return a text: the dump, or the first error line.  The checks are macros
 * so that a failure names the line of the case. */
#include "unit.h"

#include "base/fs.h"
#include "js/parser.h"
#include "js/record.h"
#include "js/scope.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum What { SCOPES, RECORD, ERRORS } What;

/* Parses src (as a module when module), builds scopes (and the record) and
 * returns a malloc'd text: for SCOPES/RECORD the dump, or "error: <first
 * error line>" if there were errors; for ERRORS the first error line
 * (location, message, code), or "ok". */
__attribute__((noinline)) static char *run(const char *src, bool module, What what) {
    size_t len = strlen(src);
    char *buf = calloc(1, len + FS_PADDING);
    memcpy(buf, src, len);
    Arena arena;
    arena_init(&arena, 0);
    DiagList diags;
    diag_init(&diags);
    DiagFile file = {"t.js", buf, (uint32_t)len};
    JsAst ast;
    JsScopes scopes = {0};
    JsRecord record = {0};
    bool ok = js_parse(buf, (uint32_t)len, module ? JS_GOAL_MODULE : JS_GOAL_SCRIPT, &arena, &diags, &file, &ast);
    if (ok) ok = js_scope_build(&ast, buf, &diags, &file, &scopes);
    if (ok) js_record_build(&ast, &scopes, &record);
    char *out = NULL;
    size_t out_len = 0;
    FILE *f = open_memstream(&out, &out_len);
    if (!ok) {
        diag_sort(&diags);
        char *all = NULL;
        size_t all_len = 0;
        FILE *g = open_memstream(&all, &all_len);
        diag_print(&diags, g, false);
        fclose(g);
        char *nl = strchr(all, '\n');
        if (nl) *nl = 0;
        fprintf(f, "%s%s", what == ERRORS ? "" : "error: ", all);
        free(all);
    } else if (what == SCOPES) {
        js_dump_scopes(&scopes, f);
    } else if (what == RECORD) {
        js_dump_record(&record, &scopes, &file, f);
    } else {
        fputs("ok", f);
    }
    fclose(f);
    js_record_free(&record);
    js_scopes_free(&scopes);
    diag_free(&diags);
    arena_free(&arena);
    free(buf);
    return out;
}

#define CHECK(src, module, what, expected)              \
    do {                                                \
        char *got_ = run((src), (module), (what));      \
        assert_string_equal(got_, (expected));          \
        free(got_);                                     \
    } while (0)

/* Scripts and modules: the scope dump. */
#define SCOPES_OF(src, expected) CHECK(src, false, SCOPES, expected)
#define MODULE_SCOPES_OF(src, expected) CHECK(src, true, SCOPES, expected)
/* The first error, "t.js:LINE:COL: error: MESSAGE [early-error]". */
#define ERROR_IN(src, at, msg) CHECK(src, false, ERRORS, "t.js:" at ": error: " msg " [early-error]")
#define MODULE_ERROR_IN(src, at, msg) CHECK(src, true, ERRORS, "t.js:" at ": error: " msg " [early-error]")
#define REDECLARED(src, at, name) ERROR_IN(src, at, "The symbol \"" name "\" has already been declared")
#define MODULE_REDECLARED(src, at, name) \
    MODULE_ERROR_IN(src, at, "The symbol \"" name "\" has already been declared")
#define VALID(src) CHECK(src, false, ERRORS, "ok")
#define MODULE_VALID(src) CHECK(src, true, ERRORS, "ok")
#define RECORD_OF(src, expected) CHECK(src, true, RECORD, expected)
#define SCRIPT_RECORD_OF(src, expected) CHECK(src, false, RECORD, expected)

/* ---- Redeclarations: the error, then the valid neighbour ---------------- */

static void lexical_twice(void **state) {
    REDECLARED("let a; let a;", "1:12", "a");
    REDECLARED("let a, a;", "1:8", "a");
    REDECLARED("const a = 1; let a;", "1:18", "a");
    REDECLARED("class A {} class A {}", "1:18", "A");
    REDECLARED("let [a, ...a] = b;", "1:12", "a");
    REDECLARED("{ let a; const a = 1; }", "1:16", "a");
    VALID("let a; { let a; }");
    VALID("{ let a; } { let a; }");
}

static void lexical_and_var(void **state) {
    REDECLARED("let a; var a;", "1:12", "a");
    REDECLARED("var a; let a;", "1:12", "a");
    REDECLARED("class A {} var A;", "1:16", "A");
    REDECLARED("function a() {} let a;", "1:21", "a");
    REDECLARED("{ var a; let a; }", "1:14", "a");
    VALID("var a; var a;");
    VALID("var a; function a() {}");
    VALID("function a() {} function a() {}");
    VALID("let a; function f() { var a; }");
}

static void var_hoisted_through_blocks(void **state) {
    REDECLARED("{ let a; { var a; } }", "1:16", "a");
    REDECLARED("{ { var a; } let a; }", "1:18", "a");
    REDECLARED("{ var a; } let a;", "1:16", "a");
    REDECLARED("label: { let a; var a; }", "1:21", "a");
    REDECLARED("for (const a = 1;;) { var a; }", "1:27", "a");
    REDECLARED("for (let a of b) { var a; }", "1:24", "a");
    REDECLARED("for (let a, a;;);", "1:13", "a");
    VALID("for (let a;;) { let a; }");
    VALID("for (var a;;) { var a; }");
    VALID("{ let a; } { var a; }");
    VALID("{ let a; function f() { var a; } }");
}

static void parameters_and_body(void **state) {
    REDECLARED("function f(a) { let a; }", "1:21", "a");
    REDECLARED("(a) => { const a = 1; }", "1:16", "a");
    REDECLARED("function f({ b }) { let b; }", "1:25", "b");
    REDECLARED("function f(a = 1) { let a; }", "1:25", "a");
    REDECLARED("!{ m(b) { let b; } };", "1:15", "b");
    VALID("function f(a) { var a; }");
    VALID("function f(a) { function a() {} }");
    VALID("function f(a = 1) { var a; }");
    VALID("function f(a) { { let a; } }");
    VALID("(function a() { let a; })");
    VALID("(function a(a) {})");
}

static void catch_parameters(void **state) {
    REDECLARED("try {} catch (a) { let a; }", "1:24", "a");
    REDECLARED("try {} catch (a) { function a() {} }", "1:29", "a");
    REDECLARED("try {} catch (a) { for (var a of b); }", "1:29", "a");
    REDECLARED("try {} catch ([a]) { var a; }", "1:26", "a");
    REDECLARED("try {} catch ({ a, a }) {}", "1:20", "a");
    VALID("try {} catch (a) { var a; }");
    VALID("try {} catch (a) { for (var a in b); }");
    VALID("try {} catch (a) { for (var a;;); }");
    VALID("try {} catch (a) { { let a; } }");
    VALID("try {} catch (a) {} let a;");
}

static void block_functions(void **state) {
    VALID("{ function a() {} function a() {} }");
    REDECLARED("'use strict'; { function a() {} function a() {} }", "1:42", "a");
    REDECLARED("{ async function a() {} function a() {} }", "1:34", "a");
    REDECLARED("{ function* a() {} function* a() {} }", "1:30", "a");
    REDECLARED("{ function a() {} async function a() {} }", "1:34", "a");
    REDECLARED("{ function a() {} let a; }", "1:23", "a");
    REDECLARED("{ var a; function a() {} }", "1:19", "a");
    REDECLARED("{ function a() {} var a; }", "1:23", "a");
    VALID("{ function a() {} } var a;");
    VALID("{ function a() {} } let a;");
    VALID("function f() { 'use strict'; { function a() {} } } function a() {}");
}

static void switch_cases(void **state) {
    REDECLARED("switch (x) { case 1: let a; case 2: let a; }", "1:41", "a");
    REDECLARED("switch (x) { case 1: let a; default: var a; }", "1:42", "a");
    REDECLARED("switch (x) { default: var a; case 1: const a = 1; }", "1:44", "a");
    REDECLARED("switch (x) { case 1: let a; case 2: function a() {} }", "1:46", "a");
    VALID("switch (x) { case 1: function a() {} case 2: function a() {} }");
    VALID("switch (x) { case 1: var a; case 2: var a; }");
    VALID("let a; switch (x) { case 1: let a; }");
}

static void module_top_level(void **state) {
    MODULE_REDECLARED("function a() {} function a() {}", "1:26", "a");
    MODULE_REDECLARED("var a; function a() {}", "1:17", "a");
    MODULE_REDECLARED("function a() {} var a;", "1:21", "a");
    MODULE_REDECLARED("var a; export let a;", "1:19", "a");
    MODULE_REDECLARED("let a; export default function a() {}", "1:32", "a");
    MODULE_VALID("var a; var a; export { a };");
    MODULE_VALID("function f() { function a() {} function a() {} }");
    MODULE_VALID("{ function a() {} } function a() {}");
}

static void imports(void **state) {
    MODULE_REDECLARED("import { a, a } from 'x';", "1:13", "a");
    MODULE_REDECLARED("import a, { b as a } from 'x';", "1:18", "a");
    MODULE_REDECLARED("import a, * as a from 'x';", "1:16", "a");
    MODULE_REDECLARED("import { a } from 'x'; var a;", "1:28", "a");
    MODULE_REDECLARED("import { a } from 'x'; function a() {}", "1:33", "a");
    MODULE_REDECLARED("let a; import { a } from 'x';", "1:17", "a");
    MODULE_VALID("import { a } from 'x'; function f() { let a; }");
    MODULE_VALID("import { a as b } from 'x'; let a;");
}

static void local_exports(void **state) {
    MODULE_ERROR_IN("export { a };", "1:10", "\"a\" is not declared in this file");
    MODULE_ERROR_IN("export { a as b }; var b;", "1:10", "\"a\" is not declared in this file");
    MODULE_ERROR_IN("function f() { var a; } export { a };", "1:34", "\"a\" is not declared in this file");
    MODULE_ERROR_IN("export { Math };", "1:10", "\"Math\" is not declared in this file");
    MODULE_VALID("export { a }; var a;");
    MODULE_VALID("export { a as default }; function a() {}");
    MODULE_VALID("import { a } from 'x'; export { a };");
    MODULE_VALID("export { a } from 'x';");
    MODULE_VALID("export { Math as M } from 'x';");
}

static void errors_carry_a_note_and_keep_going(void **state) {
    char *buf = NULL;
    size_t len = 0;
    const char *src = "let a;\nvar a;\nconst b = 1; let b;\n";
    Arena arena;
    arena_init(&arena, 0);
    DiagList diags;
    diag_init(&diags);
    DiagFile file = {"t.js", src, (uint32_t)strlen(src)};
    char *text = calloc(1, strlen(src) + FS_PADDING);
    memcpy(text, src, strlen(src));
    JsAst ast;
    JsScopes scopes;
    assert_true(js_parse(text, file.len, JS_GOAL_SCRIPT, &arena, &diags, &file, &ast));
    assert_false(js_scope_build(&ast, text, &diags, &file, &scopes));
    assert_int_equal(diags.errors, 2);
    FILE *f = open_memstream(&buf, &len);
    diag_print(&diags, f, false);
    fclose(f);
    assert_string_equal(buf,
        "t.js:2:5: error: The symbol \"a\" has already been declared [early-error]\n"
        "    2 | var a;\n"
        "      |     ^\n"
        "t.js:1:5: note: The symbol \"a\" was originally declared here\n"
        "    1 | let a;\n"
        "      |     ^\n"
        "t.js:3:18: error: The symbol \"b\" has already been declared [early-error]\n"
        "    3 | const b = 1; let b;\n"
        "      |                  ^\n"
        "t.js:3:7: note: The symbol \"b\" was originally declared here\n"
        "    3 | const b = 1; let b;\n"
        "      |       ^\n");
    free(buf);
    free(text);
    js_scopes_free(&scopes);
    diag_free(&diags);
    arena_free(&arena);
}

/* ---- The scope tree and bindings --------------------------------------- */

static void hoisting(void **state) {
    SCOPES_OF("f(); function f() {}",
              "script\n"
              "  #1 f function\n"
              "  f -> #1\n"
              "  function\n");
    SCOPES_OF("a; { var a; }",
              "script\n"
              "  #1 a var\n"
              "  a -> #1\n"
              "  block\n");
    SCOPES_OF("function f() { x; if (y) { var x; } }",
              "script\n"
              "  #1 f function\n"
              "  function\n"
              "    #2 x var\n"
              "    x -> #2\n"
              "    y -> global\n"
              "    block\n");
    SCOPES_OF("var a; function a() {}",
              "script\n"
              "  #1 a function\n"
              "  function\n");
}

static void closures_and_shadowing(void **state) {
    SCOPES_OF("let x; function f() { return x; } { let x; x; } x;",
              "script\n"
              "  #1 x let\n"
              "  #2 f function\n"
              "  x -> #1\n"
              "  function\n"
              "    x -> #1\n"
              "  block\n"
              "    #3 x let\n"
              "    x -> #3\n");
    SCOPES_OF("function f(a) { return () => a + b; } var b;",
              "script\n"
              "  #1 f function\n"
              "  #3 b var\n"
              "  function\n"
              "    #2 a param\n"
              "    arrow\n"
              "      a -> #2\n"
              "      b -> #3\n");
    SCOPES_OF("function f(a) { var a; a; }",
              "script\n"
              "  #1 f function\n"
              "  function\n"
              "    #2 a param\n"
              "    a -> #2\n");
}

static void function_and_class_names(void **state) {
    SCOPES_OF("(function f() { f; })",
              "script\n"
              "  function\n"
              "    #1 f function-name\n"
              "    f -> #1\n");
    SCOPES_OF("(function f(f) { f; })",
              "script\n"
              "  function\n"
              "    #1 f function-name shadowed\n"
              "    #2 f param\n"
              "    f -> #2\n");
    SCOPES_OF("(function f() { var f; f; })",
              "script\n"
              "  function\n"
              "    #1 f function-name shadowed\n"
              "    #2 f var\n"
              "    f -> #2\n");
    SCOPES_OF("class A extends B { m() { return A; } } A;",
              "script\n"
              "  #1 A class\n"
              "  A -> #1\n"
              "  class\n"
              "    #2 A class-name\n"
              "    B -> global\n"
              "    function\n"
              "      A -> #2\n");
    SCOPES_OF("var C = class D { [D] = D; }; D;",
              "script\n"
              "  #1 C var\n"
              "  D -> global\n"
              "  class\n"
              "    #2 D class-name\n"
              "    D -> #2\n"
              "    D -> #2\n");
}

static void catch_scopes(void **state) {
    SCOPES_OF("try { t; } catch (e) { e; var e = 1; let z; } e;",
              "script\n"
              "  #2 e var\n"
              "  e -> #2\n"
              "  block\n"
              "    t -> global\n"
              "  catch\n"
              "    #1 e catch-param\n"
              "    #3 z let\n"
              "    e -> #1\n");
    SCOPES_OF("try {} catch { x; }",
              "script\n"
              "  block\n"
              "  catch\n"
              "    x -> global\n");
}

static void for_scopes(void **state) {
    SCOPES_OF("for (let i = 0; i < n; i++) { let i; f(() => i); }",
              "script\n"
              "  for\n"
              "    #1 i let\n"
              "    i -> #1\n"
              "    n -> global\n"
              "    i -> #1 (read write)\n"
              "    block\n"
              "      #2 i let\n"
              "      f -> global\n"
              "      arrow\n"
              "        i -> #2\n");
    SCOPES_OF("for (const k of k) ;",
              "script\n"
              "  for\n"
              "    #1 k const\n"
              "    k -> #1\n");
    SCOPES_OF("for (var v in o) ;",
              "script\n"
              "  #1 v var\n"
              "  o -> global\n");
    SCOPES_OF("for (x of y) ;",
              "script\n"
              "  x -> global (write)\n"
              "  y -> global\n");
}

static void annex_b(void **state) {
    SCOPES_OF("{ function f() {} } f;",
              "script\n"
              "  #2 f var annex-b\n"
              "  f -> #2\n"
              "  block\n"
              "    #1 f block-function hoisted=#2\n"
              "    function\n");
    /* Blocked by a lexical declaration on the way up, even a later one. */
    SCOPES_OF("{ function f() {} } let f;",
              "script\n"
              "  #2 f let\n"
              "  block\n"
              "    #1 f block-function\n"
              "    function\n");
    /* Merged with an existing var. */
    SCOPES_OF("var f; { function f() {} }",
              "script\n"
              "  #1 f var\n"
              "  block\n"
              "    #2 f block-function hoisted=#1\n"
              "    function\n");
    /* Not for parameter names, not in strict code, not for generators. */
    SCOPES_OF("function g(f) { { function f() {} } }",
              "script\n"
              "  #1 g function\n"
              "  function\n"
              "    #2 f param\n"
              "    block\n"
              "      #3 f block-function\n"
              "      function\n");
    SCOPES_OF("'use strict'; { function f() {} }",
              "script strict\n"
              "  block\n"
              "    #1 f block-function\n"
              "    function\n");
    SCOPES_OF("{ function* f() {} }",
              "script\n"
              "  block\n"
              "    #1 f block-function\n"
              "    function\n");
    /* if (x) function f() {} is as if in a block. */
    SCOPES_OF("if (x) function f() {}",
              "script\n"
              "  #2 f var annex-b\n"
              "  x -> global\n"
              "  block\n"
              "    #1 f block-function hoisted=#2\n"
              "    function\n");
    MODULE_SCOPES_OF("{ function f() {} }",
                     "module\n"
                     "  block\n"
                     "    #1 f block-function\n"
                     "    function\n");
}

static void arguments_binding(void **state) {
    SCOPES_OF("function f() { return () => arguments; } arguments;",
              "script\n"
              "  #1 f function\n"
              "  arguments -> global\n"
              "  function\n"
              "    #2 arguments arguments\n"
              "    arrow\n"
              "      arguments -> #2\n");
    SCOPES_OF("function f(arguments) { arguments; }",
              "script\n"
              "  #1 f function\n"
              "  function\n"
              "    #2 arguments param\n"
              "    arguments -> #2\n");
}

static void parameter_expressions_get_a_body_scope(void **state) {
    SCOPES_OF("function f(a, b = () => x) { var x; let y; }",
              "script\n"
              "  #1 f function\n"
              "  function\n"
              "    #2 a param\n"
              "    #3 b param\n"
              "    arrow\n"
              "      x -> global\n"
              "    function-body\n"
              "      #4 x var\n"
              "      #5 y let\n");
}

static void writes(void **state) {
    SCOPES_OF("let a; a = 1; a += 1; a++; [a] = b; ({ a } = b); a;",
              "script\n"
              "  #1 a let\n"
              "  a -> #1 (write)\n"
              "  a -> #1 (read write)\n"
              "  a -> #1 (read write)\n"
              "  a -> #1 (write)\n"
              "  b -> global\n"
              "  a -> #1 (write)\n"
              "  b -> global\n"
              "  a -> #1\n");
    SCOPES_OF("({ a = 1 } = o);",
              "script\n"
              "  a -> global (write)\n"
              "  o -> global\n");
}

static void what_is_not_a_reference(void **state) {
    SCOPES_OF("o.p; ({ p: 1, [k]: 2, q() {} }); a: for (;;) break a; class C { #x; f = 1; }",
              "script\n"
              "  #1 C class\n"
              "  o -> global\n"
              "  k -> global\n"
              "  function\n"
              "  class\n"
              "    #2 C class-name\n");
}

static void strictness_eval_and_with(void **state) {
    SCOPES_OF("function f() { 'use strict'; eval('x'); } function g() {}",
              "script eval\n"
              "  #1 f function\n"
              "  #2 g function\n"
              "  function strict eval\n"
              "    eval -> global\n"
              "  function\n");
    SCOPES_OF("var o, p; with (o) { p = 1; }",
              "script\n"
              "  #1 o var\n"
              "  #2 p var in-with\n"
              "  o -> #1\n"
              "  with\n"
              "    block\n"
              "      p -> #2 (write)\n");
}

static void class_static_blocks(void **state) {
    SCOPES_OF("class A { static { var v; let w; v; } }",
              "script\n"
              "  #1 A class\n"
              "  class\n"
              "    #2 A class-name\n"
              "    static-block\n"
              "      #3 v var\n"
              "      #4 w let\n"
              "      v -> #3\n");
}

static void module_scopes(void **state) {
    MODULE_SCOPES_OF("import d, { a as b } from 'x'; export { b as c }; export default function f() { return d; }",
                     "module\n"
                     "  #1 d import\n"
                     "  #2 b import\n"
                     "  #3 f function\n"
                     "  b -> #2 (export)\n"
                     "  function\n"
                     "    d -> #1\n");
}

/* ---- The module record -------------------------------------------------- */

static void record_imports(void **state) {
    RECORD_OF("import a, { b as c, 'd e' as f } from './x' with { type: 'json' };\n"
              "import * as ns from 'y';\n"
              "import 'side';\n"
              "import {} from 'empty';\n",
              "kind esm\n"
              "dep 1 import \"./x\" @1:39 with \"type\":\"json\"\n"
              "dep 2 import \"y\" @2:21\n"
              "dep 3 import \"side\" @3:8 side-effect-only\n"
              "dep 4 import \"empty\" @4:16 side-effect-only\n"
              "import \"default\" as a#1 from dep 1\n"
              "import \"b\" as c#2 from dep 1\n"
              "import \"d e\" as f#3 from dep 1\n"
              "import * as ns#4 from dep 2\n");
}

static void record_exports(void **state) {
    RECORD_OF("export var v, { w, x: [y] } = o;\n"
              "export function f() {}\n"
              "export class C {}\n"
              "let z; export { z as 'zed', z };\n"
              "export { a as b, default as dflt } from 'm';\n"
              "export * from 'n';\n"
              "export * as ns from 'p';\n"
              "export default 1 + 2;\n",
              "kind esm\n"
              "dep 1 export-from \"m\" @5:41\n"
              "dep 2 export-from \"n\" @6:15\n"
              "dep 3 export-from \"p\" @7:21\n"
              "export \"v\" = local v#1 @1:12\n"
              "export \"w\" = local w#2 @1:17\n"
              "export \"y\" = local y#3 @1:24\n"
              "export \"f\" = local f#4 @2:17\n"
              "export \"C\" = local C#5 @3:14\n"
              "export \"zed\" = local z#7 @4:17\n"
              "export \"z\" = local z#7 @4:29\n"
              "export \"b\" = \"a\" from dep 1 @5:10\n"
              "export \"dflt\" = \"default\" from dep 1 @5:18\n"
              "export * from dep 2 @6:1\n"
              "export \"ns\" = * from dep 3 @7:1\n"
              "export \"default\" = BinaryExpression @8:16\n");
    RECORD_OF("export default function () {}",
              "kind esm\n"
              "export \"default\" = FunctionDeclaration @1:16\n");
    RECORD_OF("export default class K {}",
              "kind esm\n"
              "export \"default\" = local K#1 @1:22\n");
}

static void record_require(void **state) {
    SCRIPT_RECORD_OF("const fs = require('fs'); require(`path`); function f() { return require(name); }",
                     "kind commonjs\n"
                     "dep 1 require \"fs\" @1:20\n"
                     "dep 2 require \"path\" @1:35\n"
                     "dep 3 require (not a string) @1:66\n");
    /* A local require is not the CommonJS one. */
    SCRIPT_RECORD_OF("function g(require) { require('x'); } { let require; require('y'); }",
                     "kind none\n");
    SCRIPT_RECORD_OF("require.resolve('x'); require('a', 'b');",
                     "kind commonjs\n"
                     "dep 1 require (not a string) @1:23\n");
}

static void record_dynamic_import_and_meta(void **state) {
    SCRIPT_RECORD_OF("import('./lazy'); import(x); import('./y', { with: { type: 'json' } });",
                     "kind none\n"
                     "dep 1 import() \"./lazy\" @1:8\n"
                     "dep 2 import() (not a string) @1:19\n"
                     "dep 3 import() \"./y\" @1:37 with \"type\":\"json\"\n");
    RECORD_OF("console.log(import.meta.url);",
              "kind esm\n"
              "import.meta @1:13\n");
}

/* A require() or import() of a concatenation or template literal that
 * starts with "./" or "../" keeps its pattern: texts (cooked) and holes
 * (*), in source order; anything else is not a string, as before. */
static void record_context_pattern(void **state) {
    SCRIPT_RECORD_OF("require('./lang/' + x + '.js'); import(`./locales/${l}.mjs`); require(`../a/${x}`);\n"
                     "import('./x/' + name); require('./a' + 'b/' + x + y); require(`./\\x41${a + '-' + b}/i.js`);",
                     "kind commonjs\n"
                     "dep 1 require pattern \"./lang/\" * \".js\" @1:1\n"
                     "dep 2 import() pattern \"./locales/\" * \".mjs\" @1:33\n"
                     "dep 3 require pattern \"../a/\" * @1:63\n"
                     "dep 4 import() pattern \"./x/\" * @2:1\n"
                     "dep 5 require pattern \"./a\" \"b/\" * * @2:24\n"
                     "dep 6 require pattern \"./A\" * \"-\" * \"/i.js\" @2:55\n");
    /* No relative prefix: left to the runtime (esbuild's rule). */
    SCRIPT_RECORD_OF("require(x); require('fs' + x); import(`${base}/x.js`); require('.' + x); require('/abs/' + x);\n"
                     "require(x + './a'); import('./a/' - x); require('./a/' + x, 2);",
                     "kind commonjs\n"
                     "dep 1 require (not a string) @1:1\n"
                     "dep 2 require (not a string) @1:13\n"
                     "dep 3 import() (not a string) @1:32\n"
                     "dep 4 require (not a string) @1:56\n"
                     "dep 5 require (not a string) @1:74\n"
                     "dep 6 require (not a string) @2:1\n"
                     "dep 7 import() (not a string) @2:21\n"
                     "dep 8 require (not a string) @2:41\n");
}

static void record_top_level_await(void **state) {
    RECORD_OF("await x; for await (const y of z); async function f() { await g; } () => 1;",
              "kind esm\n"
              "top-level-await @1:1\n"
              "top-level-await @1:10\n");
    SCRIPT_RECORD_OF("async function f() { await g; for await (const a of b); }",
                     "kind none\n");
    /* Parsed with the module goal (.mjs, "type": "module"), it is an ES
     * module without any module syntax. */
    RECORD_OF("async function f() { await g; }",
              "kind esm\n");
}

static void record_commonjs(void **state) {
    SCRIPT_RECORD_OF("module.exports = { a }; exports.b = 1; typeof module;",
                     "kind commonjs\n"
                     "free module @1:1\n"
                     "free module @1:47\n"
                     "free exports @1:25\n");
    SCRIPT_RECORD_OF("var module = {}; module.exports = 1; function f(exports) { exports.x = 1; }",
                     "kind none\n");
    /* ESM syntax wins over CommonJS variables. */
    RECORD_OF("import x from 'x'; module.exports = x;",
              "kind esm\n"
              "dep 1 import \"x\" @1:15\n"
              "import \"default\" as x#1 from dep 1\n"
              "free module @1:20\n");
    SCRIPT_RECORD_OF("var a = 1;", "kind none\n");
}

static void record_top_level_this(void **state) {
    SCRIPT_RECORD_OF("this.x; (() => this)(); function f() { this; } class A extends this.B { m() { this; } f = this; static { this; } [this.k] = 1; }",
                     "kind none\n"
                     "top-level this @1:1\n"
                     "top-level this @1:16\n"
                     "top-level this @1:64\n"
                     "top-level this @1:115\n");
}

/* The first construct of a script that strict mode (or the module goal)
 * would reject, and where: what keeps it out of an esm bundle. */
#define SLOPPY_ONLY(src, at, what) SCRIPT_RECORD_OF(src, "kind none\nsloppy-only @" at " " what "\n")

static void record_sloppy_only(void **state) {
    SLOPPY_ONLY("var a = 1;\nwith (a) b; var c = 010;", "2:1", "a with statement");
    SLOPPY_ONLY("var a = 010;", "1:9", "a legacy octal literal (a number with a leading zero)");
    SLOPPY_ONLY("var a = 09;", "1:9", "a legacy octal literal (a number with a leading zero)");
    SLOPPY_ONLY("var s = '\\01';", "1:9", "a legacy octal escape sequence (\\0 to \\7 followed by a digit, \\8, \\9)");
    SLOPPY_ONLY("var let = 1;", "1:5", "a reserved word of strict mode as a name");
    SLOPPY_ONLY("yield = 1;", "1:1", "a reserved word of strict mode as a name");
    SLOPPY_ONLY("function f(a, interface) {}", "1:15", "a reserved word of strict mode as a name");
    SLOPPY_ONLY("var await;", "1:5", "\"await\" as a name (reserved in modules)");
    SLOPPY_ONLY("try {} catch (arguments) {}", "1:15", "\"eval\" or \"arguments\" as a binding name");
    SLOPPY_ONLY("[eval] = [];", "1:2", "an assignment to \"eval\" or \"arguments\"");
    SLOPPY_ONLY("var x; delete x;", "1:8", "a delete of a plain identifier");
    SLOPPY_ONLY("function f(a, a) {}", "1:15", "a duplicate parameter name");
    SLOPPY_ONLY("if (a) function f() {}", "1:8", "a function declaration as the body of an if statement");
    SLOPPY_ONLY("l: function f() {}", "1:4", "a labelled function declaration");
    SLOPPY_ONLY("for (var i = 0 in {});", "1:10", "an initializer in a for-in loop's var declaration");
    SLOPPY_ONLY("a = 1;\n--> comment\nwith (a) b;", "2:1", "an HTML-like comment");
    SLOPPY_ONLY("a = 1; <!-- comment", "1:8", "an HTML-like comment");
    /* What strict code allows leaves nothing. */
    SCRIPT_RECORD_OF("let a = 0o10, b = 0, c = 0.5, s = '\\0'; var o = { let: 1, static: 2, await: 3 };\n"
                     "o.yield; class A { static m() {} } function* g() { yield 1; } async function f() { await 1; }\n"
                     "if (a) { function h() {} } for (var k in o) {} l: for (;;) break l; a < !--b;",
                     "kind none\n");
    /* Nor does strict code, by a directive or by its goal. */
    SCRIPT_RECORD_OF("function f() { 'use strict'; }", "kind none\n");
    SCRIPT_RECORD_OF("function f() { 'use strict'; } with (a) b;", "kind none\nsloppy-only @1:32 a with statement\n");
    RECORD_OF("var a = 1;", "kind esm\n");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lexical_twice),
        cmocka_unit_test(lexical_and_var),
        cmocka_unit_test(var_hoisted_through_blocks),
        cmocka_unit_test(parameters_and_body),
        cmocka_unit_test(catch_parameters),
        cmocka_unit_test(block_functions),
        cmocka_unit_test(switch_cases),
        cmocka_unit_test(module_top_level),
        cmocka_unit_test(imports),
        cmocka_unit_test(local_exports),
        cmocka_unit_test(errors_carry_a_note_and_keep_going),
        cmocka_unit_test(hoisting),
        cmocka_unit_test(closures_and_shadowing),
        cmocka_unit_test(function_and_class_names),
        cmocka_unit_test(catch_scopes),
        cmocka_unit_test(for_scopes),
        cmocka_unit_test(annex_b),
        cmocka_unit_test(arguments_binding),
        cmocka_unit_test(parameter_expressions_get_a_body_scope),
        cmocka_unit_test(writes),
        cmocka_unit_test(what_is_not_a_reference),
        cmocka_unit_test(strictness_eval_and_with),
        cmocka_unit_test(class_static_blocks),
        cmocka_unit_test(module_scopes),
        cmocka_unit_test(record_imports),
        cmocka_unit_test(record_exports),
        cmocka_unit_test(record_require),
        cmocka_unit_test(record_dynamic_import_and_meta),
        cmocka_unit_test(record_context_pattern),
        cmocka_unit_test(record_top_level_await),
        cmocka_unit_test(record_commonjs),
        cmocka_unit_test(record_top_level_this),
        cmocka_unit_test(record_sloppy_only),
    };
    return RUN(tests);
}
