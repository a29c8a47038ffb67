/* output/minify.c: a module's generated code, printed again (minify.h). */
#include "output/minify.h"

#include "base/fs.h"
#include "js/parser.h"
#include "js/scope.h"
#include "output/mangle.h"
#include "output/print.h"

#include <string.h>

bool out_minifying(const BaleOptions *o) {
    return o->minify_whitespace || o->minify_identifiers || o->minify_syntax || o->drop_console || o->drop_debugger;
}

/* text parsed (expression: in parentheses, as a script; else with goal),
 * printed again with keep_prefix's names kept; map as minify.h says. */
static bool reprint(VecChar *text, OutMapSegs *map, OutMapNames *map_names, bool expression, JsGoal goal,
                    const char *keep_prefix, const BaleOptions *o, Arena *scratch, VecChar *legal) {
    if (!text->len) return true;
    uint32_t shift = expression ? 1 : 0, len = text->len + 2 * shift;
    char *src = arena_alloc(scratch, (size_t)len + FS_PADDING, 1);
    if (expression) src[0] = '(', src[len - 1] = ')';
    memcpy(src + shift, text->data, text->len);
    memset(src + len, 0, FS_PADDING);
    DiagList diags;
    diag_init(&diags);
    DiagFile file = {"<minify>", src, len};
    JsAst ast;
    JsScopes scopes = {0};
    /* (no js_check_height: the code is a module's that passed it, one
     * wrapper deeper at most) */
    VecU32 comments = {0};
    bool ok = js_parse_legal(src, len, expression ? JS_GOAL_SCRIPT : goal, scratch, &diags, &file, &ast,
                             legal ? &comments : NULL) &&
              js_scope_build(&ast, src, &diags, &file, &scopes);
    bool in_place = o->legal_comments == BALE_LEGAL_INLINE; /* else collected for the chunk */
    for (uint32_t i = 0; ok && !in_place && i + 1 < comments.len; i += 2) {
        out_append(legal, src + comments.data[i], comments.data[i + 1] - comments.data[i]);
        VEC_PUSH(legal, 0);
    }
    diag_free(&diags);
    if (!ok) {
        VEC_FREE(&comments);
        js_scopes_free(&scopes);
        return false;
    }
    const OutMangled *names = o->minify_identifiers ? out_mangle(&scopes, keep_prefix, scratch) : NULL;
    VecU32 marks = {0};
    bool mapped = map && map->len;
    VecChar out = {0};
    VEC_RESERVE(&out, text->len / 2 + 16);
    OutPrintOptions po = {
        .flags = (o->minify_syntax ? OUT_PRINT_SYNTAX : 0) | (o->drop_console ? OUT_PRINT_DROP_CONSOLE : 0) |
                 (o->drop_debugger ? OUT_PRINT_DROP_DEBUGGER : 0),
        .names = names, .nnames = scopes.symbols.len, .legal = in_place ? &comments : NULL, .scopes = &scopes,
        .pure = keep_prefix ? NULL : o->pure_names, .npure = keep_prefix ? 0 : o->pure_count}; /* (not bale's own code) */
    out_print_piece(ast.program, src, expression, &po, mapped ? &marks : NULL, &out);
    VEC_FREE(&comments);
    js_scopes_free(&scopes);
    if (mapped) {
        OutMapSegs segs = {0};
        VEC_RESERVE(&segs, marks.len / 2 + 1);
        out_map_reprint(out.data, out.len, text->data, text->len, marks.data, marks.len / 2, shift, map->data, map->len,
                        &segs, map_names);
        VEC_FREE(map);
        *map = segs;
    }
    VEC_FREE(&marks);
    VEC_FREE(text);
    *text = out;
    return true;
}

bool out_minify_piece(VecChar *text, OutMapSegs *map, OutPiece kind, const BaleOptions *o, Arena *scratch) {
    return reprint(text, map, NULL, kind == OUT_PIECE_EXPRESSION, JS_GOAL_MODULE, NULL, o, scratch, NULL);
}

bool out_minify_skeleton(VecChar *text, bool module, const BaleOptions *o, Arena *scratch) {
    return reprint(text, NULL, NULL, false, module ? JS_GOAL_MODULE : JS_GOAL_SCRIPT, "__bale", o, scratch, NULL);
}

static bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
           (unsigned char)c >= 0x80;
}

/* An esm entry's export list (module_text.c's tail) names bindings other
 * pieces declare, so it does not parse alone: its white space goes but
 * between two words (it has no comments, regular expressions or
 * templates; strings are skipped). */
static void squeeze(VecChar *t) {
    uint32_t w = 0;
    char quote = 0;
    for (uint32_t i = 0; i < t->len; i++) {
        char c = t->data[i];
        if (quote) {
            t->data[w++] = c;
            if (c == '\\' && i + 1 < t->len) t->data[w++] = t->data[++i];
            else if (c == quote) quote = 0;
            continue;
        }
        if (c == '"' || c == '\'') quote = c;
        if (c == ' ' || c == '\n') {
            if (w && i + 1 < t->len && word_char(t->data[w - 1]) && word_char(t->data[i + 1])) t->data[w++] = ' ';
            continue;
        }
        t->data[w++] = c;
    }
    t->len = w;
}

void out_minify_module(OutModuleCode *code, bool hoisted, const BaleOptions *o, Arena *scratch, DiagList *diags,
                       const DiagFile *file) {
    struct {
        VecChar *text;
        OutMapSegs *map;
        OutPiece kind;
    } pieces[] = {
        {&code->text, &code->text_map, hoisted ? OUT_PIECE_STATEMENTS : OUT_PIECE_EXPRESSION},
        {&code->top, &code->top_map, OUT_PIECE_STATEMENTS},
        {&code->pre, NULL, OUT_PIECE_STATEMENTS},
        {&code->stub, NULL, OUT_PIECE_EXPRESSION},
    };
    VecChar *legal = o->legal_comments != BALE_LEGAL_NONE ? &code->legal : NULL;
    for (size_t i = 0; i < sizeof pieces / sizeof *pieces; i++)
        if (!reprint(pieces[i].text, pieces[i].map, &code->map_names, pieces[i].kind == OUT_PIECE_EXPRESSION, JS_GOAL_MODULE, NULL, o,
                     scratch, i < 2 ? legal : NULL)) /* (the module's own code is in text or top) */
            diag_add(diags, DIAG_WARNING, DIAG_INTERNAL, file, 0, 0,
                     "bale could not minify its code for this module (a bug in bale, please report it): "
                     "the code is left as it is");
    squeeze(&code->tail);
}
