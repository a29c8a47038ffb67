/* js/api.c: bale_parse_file (include/bale.h), the parser as a tool: read a
 * file, parse it, run the scope pass (its early errors fail the parse),
 * print diagnostics and the requested dump (AST, scopes, module record, or
 * the CommonJS export names, which are found from the text alone).
 * Memory: one arena for the file and its AST, the scope tables, the record
 * and the export names, all freed before returning. */
#include "bale.h"

#include "base/fs.h"
#include "js/cjs_exports.h"
#include "js/parser.h"
#include "js/record.h"
#include "js/scope.h"
#include "output/print.h"

#include <string.h>

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

BaleStatus bale_parse_file(const char *path, BaleParseGoal goal, BaleDump dump, FILE *out, FILE *diags_out,
                           bool color) {
    FILE *err = diags_out ? diags_out : stderr;
    Arena arena;
    arena_init(&arena, 0);
    FsFile f;
    FsStatus st = fs_read_file(path, &arena, &f);
    if (st != FS_OK) {
        fprintf(err, "%s: error: cannot read file: %s [io]\n", path, fs_status_str(st, f.errno_value));
        arena_free(&arena);
        return BALE_ERR_IO;
    }
    if (f.len > UINT32_MAX - 64) {
        fprintf(err, "%s: error: file too large (bale parses files below 4 GiB) [io]\n", path);
        arena_free(&arena);
        return BALE_ERR_IO;
    }
    JsGoal g = goal == BALE_GOAL_MODULE ? JS_GOAL_MODULE : goal == BALE_GOAL_SCRIPT ? JS_GOAL_SCRIPT : JS_GOAL_AUTO;
    if (goal == BALE_GOAL_AUTO && ends_with(path, ".mjs")) g = JS_GOAL_MODULE;
    if (goal == BALE_GOAL_AUTO && ends_with(path, ".cjs")) g = JS_GOAL_SCRIPT;
    DiagFile file = {path, f.data, (uint32_t)f.len};
    DiagList diags;
    diag_init(&diags);
    JsAst ast;
    bool ok = js_parse(f.data, (uint32_t)f.len, g, &arena, &diags, &file, &ast) &&
              js_check_height(&ast, &diags, &file);
    JsScopes scopes = {0};
    JsRecord record = {0};
    if (ok) {
        ok = js_scope_build(&ast, f.data, &diags, &file, &scopes);
        if (ok && dump == BALE_DUMP_RECORD) js_record_build(&ast, &scopes, &record);
    }
    diag_sort(&diags);
    diag_print(&diags, err, color);
    BaleStatus result = ok ? BALE_OK : BALE_ERR_BUILD;
    if (ok && dump == BALE_DUMP_AST) js_dump_ast(&ast, out);
    if (ok && dump == BALE_DUMP_PRINT) {
        VecChar text = {0};
        out_print_program(ast.program, f.data, &text);
        if (text.len) fwrite(text.data, 1, text.len, out);
        fputc('\n', out);
        VEC_FREE(&text);
    }
    if (ok && dump == BALE_DUMP_SCOPES) js_dump_scopes(&scopes, out);
    if (ok && dump == BALE_DUMP_RECORD) js_dump_record(&record, &scopes, &file, out);
    if (dump == BALE_DUMP_CJS_EXPORTS) {
        JsCjsExports names;
        js_cjs_exports_scan(f.data, (uint32_t)f.len, &arena, &names);
        js_cjs_exports_dump(&names, out);
        js_cjs_exports_free(&names);
    }
    js_record_free(&record);
    js_scopes_free(&scopes);
    diag_free(&diags);
    arena_free(&arena);
    return result;
}
