/* tests/fuzz/fuzz_parse.c: libFuzzer target for the lexer and parser.
 * Each input is parsed as a script, as a module and with goal detection;
 * the AST is checked and dumped (to a null stream) when it parses.  Any
 * crash, leak or sanitizer report is a bug; `make fuzz` runs this for a
 * bounded time and saves what it finds in tests/fuzz/regressions/, which
 * ctest then parses on every run (tests/fuzz/test_regressions.sh). */
#include "base/fs.h"
#include "base/mem.h"
#include "js/parser.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > (1u << 20)) return 0;
    char *src = mem_alloc(size + FS_PADDING);
    memcpy(src, data, size);
    memset(src + size, 0, FS_PADDING);
    static FILE *null_out;
    if (!null_out) null_out = fopen("/dev/null", "w");
    for (int g = JS_GOAL_SCRIPT; g <= JS_GOAL_AUTO; g++) {
        Arena arena;
        arena_init(&arena, 0);
        DiagList diags;
        diag_init(&diags);
        DiagFile file = {"fuzz.js", src, (uint32_t)size};
        JsAst ast;
        if (js_parse(src, (uint32_t)size, (JsGoal)g, &arena, &diags, &file, &ast) &&
            js_check_height(&ast, &diags, &file))
            js_dump_ast(&ast, null_out);
        diag_print(&diags, null_out, false);
        diag_free(&diags);
        arena_free(&arena);
    }
    mem_free(src);
    return 0;
}
