/* js/parser.c: the parser's entry point and the helpers every part of it
 * uses: node allocation, token matching, automatic semicolon insertion,
 * identifier rules, and goal detection.
 * In: source bytes.  Out: the AST (js/ast.h) in the module's arena, or a
 * diagnostic.  Runs on a worker thread inside the BUILD task.
 * Expressions are in parse_expr.c, statements and modules in parse_stmt.c. */
#include "js/parse_internal.h"

#include <stdarg.h>

JsNode *node_new(Parser *p, JsNodeKind kind, uint32_t start) {
    JsNode *n = arena_alloc(p->arena, sizeof(JsNode), alignof(JsNode));
    *n = (JsNode){.kind = (uint8_t)kind, .start = start, .end = p->lx.tok.end};
    p->node_count++;
    return n;
}

uint32_t prev_end(const Parser *p) { return p->prev_end; }

void node_end(Parser *p, JsNode *n) { n->end = prev_end(p); }

_Noreturn void error_at(Parser *p, uint32_t start, uint32_t end, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_addv(p->lx.diags, DIAG_ERROR, DIAG_SYNTAX, p->lx.file, start, end, fmt, ap);
    va_end(ap);
    longjmp(p->fail, 1);
}

_Noreturn void error_unexpected(Parser *p) {
    const JsToken *t = &p->lx.tok;
    if (t->kind == TK_EOF) error_at(p, t->start, t->end, "unexpected end of file");
    error_at(p, t->start, t->end, "unexpected \"%.*s\"", (int)(t->end - t->start > 40 ? 40 : t->end - t->start),
             p->lx.src + t->start);
}

void sloppy_only(Parser *p, uint32_t start, uint32_t end, const char *what) {
    if (!p->sloppy_only.what) p->sloppy_only = (JsSloppyOnly){what, start, end};
}

void next(Parser *p) {
    p->prev_end = p->lx.tok.end;
    js_lex_next(&p->lx);
}

bool eat(Parser *p, JsTokenKind k) {
    if (p->lx.tok.kind != k) return false;
    next(p);
    return true;
}

void expect(Parser *p, JsTokenKind k) {
    if (p->lx.tok.kind == k) {
        next(p);
        return;
    }
    const JsToken *t = &p->lx.tok;
    if (t->kind == TK_EOF)
        error_at(p, t->start, t->end, "expected \"%s\" but found end of file", js_token_text(k));
    error_at(p, t->start, t->end, "expected \"%s\" but found \"%.*s\"", js_token_text(k),
             (int)(t->end - t->start > 40 ? 40 : t->end - t->start), p->lx.src + t->start);
}

bool at_newline(const Parser *p) { return (p->lx.tok.flags & JS_TOKF_NEWLINE_BEFORE) != 0; }

void expect_semicolon(Parser *p) {
    JsTokenKind k = p->lx.tok.kind;
    if (k == TK_SEMICOLON) {
        next(p);
        return;
    }
    if (k == TK_RBRACE || k == TK_EOF || at_newline(p)) return;
    const JsToken *t = &p->lx.tok;
    error_at(p, t->start, t->end, "expected \";\" but found \"%.*s\"",
             (int)(t->end - t->start > 40 ? 40 : t->end - t->start), p->lx.src + t->start);
}

bool tok_is_name(const Parser *p) {
    JsTokenKind k = p->lx.tok.kind;
    return k == TK_IDENTIFIER || (k >= TK_BREAK && k <= TK_WITH);
}

JsToken peek(Parser *p) {
    JsLexer saved = p->lx;
    js_lex_next(&p->lx);
    JsToken t = p->lx.tok;
    p->lx = saved;
    return t;
}

bool is_strict_reserved(const char *s, uint32_t len) {
    switch (len) {
    case 3: return name_is(s, len, "let");
    case 5: return name_is(s, len, "yield");
    case 6: return name_is(s, len, "public") || name_is(s, len, "static");
    case 7: return name_is(s, len, "package") || name_is(s, len, "private");
    case 9: return name_is(s, len, "interface") || name_is(s, len, "protected");
    case 10: return name_is(s, len, "implements");
    default: return false;
    }
}

/* Reserved words that the lexer returned as TK_IDENTIFIER because they were
 * written with escapes (\u0069f for "if"). */
static bool is_reserved_word(const char *s, uint32_t len) {
    for (int k = TK_BREAK; k <= TK_WITH; k++)
        if (name_is(s, len, js_token_text((JsTokenKind)k))) return true;
    return false;
}

/* Rules shared by references and bindings for the word s. */
static void check_word(Parser *p, const char *s, uint32_t len, uint32_t start, uint32_t end, bool escaped) {
    /* Fast path: only these words are ever special (await arguments
     * implements interface let package private protected public static
     * yield), unless written with escapes: most identifiers leave on the
     * length and first letter alone. */
    if (!escaped) {
        switch (len) {
        case 3: if (s[0] != 'l') return; break;
        case 5: if (s[0] != 'a' && s[0] != 'y') return; break;
        case 6:
        case 7: if (s[0] != 'p' && s[0] != 's') return; break;
        case 9: if (s[0] != 'a' && s[0] != 'i' && s[0] != 'p') return; break;
        case 10: if (s[0] != 'i') return; break;
        default: return;
        }
    }
    if (escaped && is_reserved_word(s, len))
        error_at(p, start, end, "keywords cannot contain escape characters");
    if (is_strict_reserved(s, len)) {
        if (p->ctx & CTX_STRICT) error_at(p, start, end, "\"%.*s\" is a reserved word in strict mode", (int)len, s);
        sloppy_only(p, start, end, "a reserved word of strict mode as a name");
    }
    if (name_is(s, len, "yield") && (p->ctx & (CTX_YIELD | CTX_STRICT)))
        error_at(p, start, end, "cannot use \"yield\" as an identifier here");
    if (name_is(s, len, "await")) {
        if (p->ctx & (CTX_AWAIT | CTX_AWAIT_IDENT_BAN | CTX_STATIC_BLOCK))
            error_at(p, start, end, "cannot use \"await\" as an identifier here");
        p->await_ident_at = start + 1; /* an async arrow's params may not use it either */
        sloppy_only(p, start, end, "\"await\" as a name (reserved in modules)");
    }
    if (name_is(s, len, "arguments") && (p->ctx & (CTX_FIELD_INIT | CTX_STATIC_BLOCK)))
        error_at(p, start, end, "cannot use \"arguments\" in a class field initializer or static block");
}

void check_binding_name(Parser *p, const char *s, uint32_t len, uint32_t start, uint32_t end) {
    if (name_is(s, len, "eval") || name_is(s, len, "arguments")) {
        if (p->ctx & CTX_STRICT) error_at(p, start, end, "cannot bind \"%.*s\" in strict mode", (int)len, s);
        sloppy_only(p, start, end, "\"eval\" or \"arguments\" as a binding name");
    }
    check_word(p, s, len, start, end, false);
}

void check_reference_token(Parser *p, const JsToken *t) {
    if (t->kind != TK_IDENTIFIER) {
        if (t->kind >= TK_BREAK && t->kind <= TK_WITH)
            error_at(p, t->start, t->end, "\"%s\" is a reserved word and cannot be used here", js_token_text(t->kind));
        error_unexpected(p);
    }
    check_word(p, t->str, t->len, t->start, t->end, t->flags & JS_TOKF_ESCAPED);
}

void check_binding_token(Parser *p, const JsToken *t) {
    check_reference_token(p, t);
    check_binding_name(p, t->str, t->len, t->start, t->end);
}

JsNode *identifier_from_token(Parser *p, const JsToken *t) {
    JsNode *n = node_new(p, JS_IDENTIFIER, t->start);
    n->end = t->end;
    n->id.str = t->str;
    n->id.len = t->len;
    return n;
}

JsNode *parse_identifier_ref(Parser *p) {
    check_reference_token(p, &p->lx.tok);
    JsNode *n = identifier_from_token(p, &p->lx.tok);
    next(p);
    return n;
}

JsNode *parse_binding_identifier(Parser *p) {
    check_binding_token(p, &p->lx.tok);
    JsNode *n = identifier_from_token(p, &p->lx.tok);
    next(p);
    return n;
}

static bool parse_goal(const char *src, uint32_t len, JsGoal goal, Arena *arena, DiagList *diags,
                       const DiagFile *file, JsAst *ast, bool *saw_module_syntax, VecU32 *legal) {
    Parser p;
    memset(&p, 0, sizeof p);
    p.arena = arena;
    p.module = goal == JS_GOAL_MODULE;
    p.ctx = p.module ? (CTX_STRICT | CTX_AWAIT | CTX_AWAIT_IDENT_BAN) : 0;
    volatile bool ok = false; /* set after setjmp returns 0 */
    memset(ast, 0, sizeof *ast);
    if (setjmp(p.fail) == 0) {
        js_lex_init(&p.lx, src, len, p.module, arena, diags, file, &p.fail);
        p.lx.legal = legal;
        next(&p);
        JsNode *prog = node_new(&p, JS_PROGRAM, 0);
        if (p.module) prog->flags |= JS_F_MODULE;
        parse_module_item_list(&p, &prog->a);
        prog->start = 0;
        prog->end = len;
        ast->program = prog;
        ast->module = p.module;
        ast->node_count = p.node_count;
        uint32_t html = p.lx.html_comment_at;
        if (html && (!p.sloppy_only.what || html - 1 < p.sloppy_only.start))
            p.sloppy_only = (JsSloppyOnly){"an HTML-like comment", html - 1, html - 1 + (src[html - 1] == '<' ? 4 : 3)};
        ast->sloppy_only = p.sloppy_only;
        ok = true;
    }
    *saw_module_syntax = p.saw_module_syntax;
    VEC_FREE(&p.labels);
    VEC_FREE(&p.privates);
    VEC_FREE(&p.classes);
    map_free(&p.exported);
    map_free(&p.names);
    return ok;
}

bool js_parse(const char *src, uint32_t len, JsGoal goal, Arena *arena, DiagList *diags,
              const DiagFile *file, JsAst *ast) {
    bool saw;
    if (goal != JS_GOAL_AUTO) return parse_goal(src, len, goal, arena, diags, file, ast, &saw, NULL);
    /* A script that fails may still be a module (import/export, or top-level
     * await in a file with neither).  On failure, report the module
     * attempt's errors only when the script attempt saw module syntax. */
    DiagList as_script, as_module;
    diag_init(&as_script);
    diag_init(&as_module);
    bool ok = parse_goal(src, len, JS_GOAL_SCRIPT, arena, &as_script, file, ast, &saw, NULL);
    DiagList *keep = &as_script;
    if (!ok) {
        bool saw_again;
        ok = parse_goal(src, len, JS_GOAL_MODULE, arena, &as_module, file, ast, &saw_again, NULL);
        if (ok || saw) keep = &as_module;
    }
    diag_merge(diags, keep);
    diag_free(&as_script);
    diag_free(&as_module);
    return ok;
}

bool js_parse_legal(const char *src, uint32_t len, JsGoal goal, Arena *arena, DiagList *diags, const DiagFile *file,
                    JsAst *ast, VecU32 *legal) {
    bool saw;
    return parse_goal(src, len, goal == JS_GOAL_AUTO ? JS_GOAL_SCRIPT : goal, arena, diags, file, ast, &saw, legal);
}
