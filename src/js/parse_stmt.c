/* js/parse_stmt.c: statements, declarations, functions, classes, and the
 * module items (import and export).  Each parse function starts with the
 * grammar production it reads.
 * Memory: nodes in the module's arena.  Part of the parser (parser.h). */
#include "js/parse_internal.h"

static JsNode *parse_block(Parser *p);
static JsNode *parse_module_item(Parser *p);

/* ---- helpers -------------------------------------------------------------- */

static bool is_let_declaration(Parser *p) {
    if (!is_word(p, "let")) return false;
    JsToken t = peek(p);
    return t.kind == TK_LBRACKET || t.kind == TK_LBRACE || t.kind == TK_IDENTIFIER ||
           (t.kind >= TK_BREAK && t.kind <= TK_WITH && t.kind != TK_IN && t.kind != TK_INSTANCEOF);
}

static bool is_async_function(Parser *p) {
    if (!is_word(p, "async")) return false;
    JsToken t = peek(p);
    return t.kind == TK_FUNCTION && !(t.flags & JS_TOKF_NEWLINE_BEFORE);
}

/* Calls fn for every identifier a pattern binds. */
typedef void (*BoundNameFn)(Parser *p, JsNode *id, void *ctx);

static void for_each_bound_name(Parser *p, JsNode *n, BoundNameFn fn, void *ctx) {
    if (!n) return;
    switch ((JsNodeKind)n->kind) {
    case JS_IDENTIFIER: fn(p, n, ctx); break;
    case JS_OBJECT_PATTERN:
        for (JsNode *q = n->a; q; q = q->next) for_each_bound_name(p, q->kind == JS_REST ? q->a : q->b, fn, ctx);
        break;
    case JS_ARRAY_PATTERN:
        for (JsNode *q = n->a; q; q = q->next) for_each_bound_name(p, q, fn, ctx);
        break;
    case JS_ASSIGN_PATTERN: for_each_bound_name(p, n->a, fn, ctx); break;
    case JS_REST: for_each_bound_name(p, n->a, fn, ctx); break;
    default: break;
    }
}

bool params_are_simple(const JsNode *params) {
    for (const JsNode *q = params; q; q = q->next)
        if (q->kind != JS_IDENTIFIER) return false;
    return true;
}

typedef struct NameSet {
    Map *seen; /* the parser's scratch map, cleared first */
    bool allow_dups;
    bool strict;
} NameSet;

static void check_param_name(Parser *p, JsNode *id, void *ctx) {
    NameSet *ns = ctx;
    if (ns->strict && (name_is(id->id.str, id->id.len, "eval") || name_is(id->id.str, id->id.len, "arguments")))
        error_at(p, id->start, id->end, "cannot bind \"%.*s\" in strict mode", (int)id->id.len, id->id.str);
    if (ns->strict && is_strict_reserved(id->id.str, id->id.len))
        error_at(p, id->start, id->end, "\"%.*s\" is a reserved word in strict mode", (int)id->id.len, id->id.str);
    if (!map_put_str(ns->seen, id->id.str, id->id.len, 1)) {
        if (!ns->allow_dups) error_at(p, id->start, id->end, "duplicate parameter name \"%.*s\"", (int)id->id.len, id->id.str);
        sloppy_only(p, id->start, id->end, "a duplicate parameter name");
    }
}

void check_params(Parser *p, JsNode *params, bool allow_dups, bool strict) {
    map_clear(&p->names);
    NameSet ns = {.seen = &p->names, .allow_dups = allow_dups, .strict = strict};
    for (JsNode *q = params; q; q = q->next) for_each_bound_name(p, q, check_param_name, &ns);
}

/* A list of statements up to `end` (a `}` or end of file), with the
 * directive prologue when directives is set.  Returns true if a
 * "use strict" directive was found (and sets CTX_STRICT). */
static bool parse_statements(Parser *p, JsNode **out, JsTokenKind end, bool directives, bool module_items) {
    JsNode **tail = out;
    bool use_strict = false;
    p->octal_at = 0;
    while (p->lx.tok.kind != end) {
        if (p->lx.tok.kind == TK_EOF) error_unexpected(p);
        JsToken first = p->lx.tok;
        JsNode *s = module_items ? parse_module_item(p) : parse_statement_list_item(p);
        if (directives) {
            if (s->kind == JS_EXPR_STMT && s->a->kind == JS_STRING_LIT && !(s->a->flags & JS_F_PARENS) &&
                first.kind == TK_STRING && s->a->end == first.end) {
                s->flags |= JS_F_DIRECTIVE;
                if (!(first.flags & JS_TOKF_HAS_ESCAPE) && first.end - first.start == 12 &&
                    memcmp(p->lx.src + first.start + 1, "use strict", 10) == 0) {
                    use_strict = true;
                    if (p->octal_at)
                        error_at(p, p->octal_at - 1, p->octal_at - 1, "legacy octal escape sequences are not allowed in strict mode");
                    p->ctx |= CTX_STRICT;
                }
            } else {
                directives = false;
            }
        }
        *tail = s;
        tail = &s->next;
    }
    return use_strict;
}

/* Labels, break and continue do not cross function boundaries (nor class
 * static blocks): each starts with none visible.  The label stack is one
 * vector; a boundary only moves its base, so nothing is allocated or lost
 * when an error longjmps out of a function body. */
typedef struct JumpScope {
    uint32_t label_base;
    bool in_iteration, in_breakable;
} JumpScope;

static JumpScope enter_jump_scope(Parser *p) {
    JumpScope s = {p->label_base, p->in_iteration, p->in_breakable};
    p->label_base = p->labels.len;
    p->in_iteration = p->in_breakable = false;
    return s;
}

static void leave_jump_scope(Parser *p, JumpScope s) {
    p->labels.len = p->label_base;
    p->label_base = s.label_base;
    p->in_iteration = s.in_iteration;
    p->in_breakable = s.in_breakable;
}

/* ---- functions ------------------------------------------------------------ */

/* FormalParameters and FunctionBody, with the context bits of the function's
 * kind (CTX_AWAIT for async, CTX_YIELD for generators, CTX_SUPER_* for
 * methods).  fn->b gets the parameters, fn->c the body. */
JsNode *parse_function_rest(Parser *p, JsNode *fn, uint32_t kind_ctx) {
    enter_nesting(p);
    uint32_t saved_ctx = p->ctx;
    JumpScope jumps = enter_jump_scope(p);

    uint32_t keep = p->ctx & (CTX_STRICT | CTX_AWAIT_IDENT_BAN);
    if (!p->module) keep &= ~(uint32_t)CTX_AWAIT_IDENT_BAN;
    p->ctx = keep | kind_ctx | CTX_FUNCTION | CTX_RETURN | CTX_PARAMS | CTX_NEW_TARGET;

    expect(p, TK_LPAREN);
    JsNode *head = NULL, **tail = &head;
    while (p->lx.tok.kind != TK_RPAREN) {
        JsNode *param;
        if (p->lx.tok.kind == TK_DOT3) {
            uint32_t s = p->lx.tok.start;
            next(p);
            param = node_new(p, JS_REST, s);
            param->a = parse_binding_target(p);
            node_end(p, param);
            if (p->lx.tok.kind == TK_EQ) error_at(p, p->lx.tok.start, p->lx.tok.end, "a rest parameter cannot have a default value");
            if (p->lx.tok.kind != TK_RPAREN) error_at(p, s, prev_end(p), "a rest parameter must be last");
        } else {
            param = parse_binding_element(p);
        }
        *tail = param;
        tail = &param->next;
        if (p->lx.tok.kind != TK_RPAREN) expect(p, TK_COMMA);
    }
    next(p);
    p->ctx &= ~(uint32_t)CTX_PARAMS;
    fn->b = head;

    bool was_strict = p->ctx & CTX_STRICT;
    JsNode *body = node_new(p, JS_BLOCK, p->lx.tok.start);
    expect(p, TK_LBRACE);
    bool use_strict = parse_statements(p, &body->a, TK_RBRACE, true, false);
    next(p);
    node_end(p, body);
    fn->c = body;
    bool simple = params_are_simple(head);
    if (use_strict && !simple)
        error_at(p, fn->start, body->start, "\"use strict\" is not allowed in a function with non-simple parameters");
    bool strict = p->ctx & CTX_STRICT;
    bool method = kind_ctx & (CTX_SUPER_PROP | CTX_SUPER_CALL);
    check_params(p, head, !strict && simple && !method, strict && !was_strict);
    if (use_strict && !was_strict && fn->a) {
        JsNode *id = fn->a;
        if (name_is(id->id.str, id->id.len, "eval") || name_is(id->id.str, id->id.len, "arguments") ||
            is_strict_reserved(id->id.str, id->id.len))
            error_at(p, id->start, id->end, "\"%.*s\" cannot be a function name in strict mode", (int)id->id.len, id->id.str);
    }
    node_end(p, fn);
    leave_jump_scope(p, jumps);
    p->ctx = saved_ctx;
    p->depth--;
    return fn;
}

/* function [*] name? ( params ) { body }, after `async` if flags has it.
 * The name of a declaration is bound outside the function, so it follows
 * the enclosing context's rules; an expression's name follows its own. */
JsNode *parse_function(Parser *p, JsNodeKind kind, uint32_t start, uint32_t flags, bool name_required) {
    expect(p, TK_FUNCTION);
    if (eat(p, TK_STAR)) flags |= JS_F_GENERATOR;
    JsNode *fn = node_new(p, kind, start);
    fn->flags = flags;
    uint32_t kind_ctx = (flags & JS_F_ASYNC ? CTX_AWAIT : 0) | (flags & JS_F_GENERATOR ? CTX_YIELD : 0);
    if (p->lx.tok.kind != TK_LPAREN) {
        uint32_t saved = p->ctx;
        if (kind == JS_FUNCTION) {
            p->ctx = (p->ctx & ~(uint32_t)(CTX_AWAIT | CTX_YIELD)) | kind_ctx;
            if (!p->module) p->ctx &= ~(uint32_t)CTX_AWAIT_IDENT_BAN;
        }
        p->ctx &= ~(uint32_t)CTX_STATIC_BLOCK;
        if (kind == JS_FUNCTION_DECL && (saved & CTX_STATIC_BLOCK) && is_word(p, "await"))
            error_at(p, p->lx.tok.start, p->lx.tok.end, "cannot use \"await\" in a class static block");
        fn->a = parse_binding_identifier(p);
        p->ctx = saved;
    } else if (name_required) {
        error_unexpected(p);
    }
    return parse_function_rest(p, fn, kind_ctx);
}

/* ArrowParameters => ConciseBody.  The parameters are already patterns. */
JsNode *parse_arrow_body(Parser *p, JsNode *arrow, JsNode *params, uint32_t start, bool async) {
    next(p); /* => */
    arrow->b = params;
    if (async) arrow->flags |= JS_F_ASYNC;
    uint32_t saved_ctx = p->ctx;
    uint32_t keep = p->ctx & (CTX_STRICT | CTX_SUPER_CALL | CTX_SUPER_PROP | CTX_NEW_TARGET | CTX_FUNCTION |
                              CTX_FIELD_INIT | CTX_NO_IN);
    if (p->module || (p->ctx & CTX_AWAIT)) keep |= CTX_AWAIT_IDENT_BAN;
    if (p->ctx & CTX_STATIC_BLOCK) keep |= CTX_AWAIT_IDENT_BAN;
    p->ctx = keep | (async ? CTX_AWAIT : 0);
    bool was_strict = p->ctx & CTX_STRICT;
    bool use_strict = false;
    if (p->lx.tok.kind == TK_LBRACE) {
        JumpScope jumps = enter_jump_scope(p);
        p->ctx |= CTX_RETURN;
        p->ctx &= ~(uint32_t)CTX_NO_IN;
        JsNode *body = node_new(p, JS_BLOCK, p->lx.tok.start);
        next(p);
        use_strict = parse_statements(p, &body->a, TK_RBRACE, true, false);
        next(p);
        node_end(p, body);
        arrow->c = body;
        leave_jump_scope(p, jumps);
    } else {
        arrow->flags |= JS_F_EXPRESSION;
        arrow->c = parse_assign(p);
    }
    if (use_strict && !params_are_simple(params))
        error_at(p, start, arrow->c->start, "\"use strict\" is not allowed in a function with non-simple parameters");
    check_params(p, params, false, (p->ctx & CTX_STRICT) && !was_strict);
    p->ctx = saved_ctx;
    arrow->start = start;
    node_end(p, arrow);
    return arrow;
}

/* ---- classes ---------------------------------------------------------------- */

static void declare_private(Parser *p, JsNode *name, uint8_t kind, bool is_static) {
    if (name_is(name->id.str, name->id.len, "constructor"))
        error_at(p, name->start, name->end, "\"#constructor\" is not a valid private name");
    uint32_t first = VEC_LAST(&p->classes).first_private;
    for (uint32_t i = first; i < p->privates.len; i++) {
        PrivateName *q = &p->privates.data[i];
        if (q->kind == 0xff || q->len != name->id.len || memcmp(q->str, name->id.str, q->len) != 0) continue;
        bool pair = ((q->kind == JS_PROP_GET && kind == JS_PROP_SET) || (q->kind == JS_PROP_SET && kind == JS_PROP_GET)) &&
                    q->is_static == is_static;
        if (!pair) error_at(p, name->start, name->end, "private name \"#%.*s\" is already declared", (int)name->id.len, name->id.str);
        q->kind = JS_PROP_METHOD; /* the pair is complete: a third is an error */
        return;
    }
    PrivateName pn = {name->id.str, name->id.len, name->start, name->end, kind, is_static};
    VEC_PUSH(&p->privates, pn);
}

/* At the end of a class body: every private name it referenced must be
 * declared by it or by an enclosing class (checked when that one ends). */
static void close_class_privates(Parser *p) {
    uint32_t first = VEC_POP(&p->classes).first_private;
    uint32_t keep = first;
    for (uint32_t i = first; i < p->privates.len; i++) {
        PrivateName ref = p->privates.data[i];
        if (ref.kind != 0xff) continue;
        bool found = false;
        for (uint32_t j = first; j < p->privates.len && !found; j++) {
            PrivateName *d = &p->privates.data[j];
            found = d->kind != 0xff && d->len == ref.len && memcmp(d->str, ref.str, ref.len) == 0;
        }
        if (found) continue;
        if (!p->classes.len)
            error_at(p, ref.start, ref.end, "private name \"#%.*s\" must be declared in an enclosing class", (int)ref.len, ref.str);
        p->privates.data[keep++] = ref;
    }
    p->privates.len = keep;
}

static bool key_is(const JsNode *key, uint32_t kflags, const char *word) {
    return !(kflags & JS_F_COMPUTED) && (key->kind == JS_IDENTIFIER || key->kind == JS_STRING_LIT) &&
           name_is(key->id.str, key->id.len, word);
}

/* ClassElement: method, accessor, field, static block, or `;`. */
static JsNode *parse_class_member(Parser *p, bool derived, bool *has_ctor) {
    uint32_t start = p->lx.tok.start;
    uint32_t fflags = 0, mflags = 0;
    if (is_word(p, "static")) {
        JsToken la = peek(p);
        if (la.kind == TK_LBRACE) {
            next(p);
            JsNode *blk = node_new(p, JS_STATIC_BLOCK, start);
            uint32_t saved_ctx = p->ctx;
            JumpScope jumps = enter_jump_scope(p);
            p->ctx = CTX_STRICT | CTX_STATIC_BLOCK | CTX_SUPER_PROP | CTX_NEW_TARGET | CTX_FUNCTION |
                     CTX_AWAIT_IDENT_BAN;
            next(p);
            parse_statements(p, &blk->a, TK_RBRACE, false, false);
            next(p);
            leave_jump_scope(p, jumps);
            p->ctx = saved_ctx;
            node_end(p, blk);
            return blk;
        }
        if (la.kind != TK_LPAREN && la.kind != TK_EQ && la.kind != TK_SEMICOLON && la.kind != TK_RBRACE &&
            !(la.flags & JS_TOKF_NEWLINE_BEFORE && (la.kind == TK_EOF))) {
            next(p);
            mflags |= JS_F_STATIC;
        }
    }
    uint8_t kind = parse_method_prefix(p, &fflags);
    uint32_t kflags = 0;
    JsNode *key = parse_property_name(p, &kflags);
    mflags |= kflags;
    bool is_static = mflags & JS_F_STATIC;
    bool is_private = key->kind == JS_PRIVATE_NAME;
    if (p->lx.tok.kind == TK_LPAREN || kind != JS_PROP_INIT) {
        JsNode *m = node_new(p, JS_METHOD, start);
        m->a = key;
        m->flags = mflags;
        uint32_t kctx = (fflags & JS_F_ASYNC ? CTX_AWAIT : 0) | (fflags & JS_F_GENERATOR ? CTX_YIELD : 0) | CTX_SUPER_PROP |
                        CTX_NEW_TARGET;
        uint8_t op = kind == JS_PROP_INIT ? JS_PROP_METHOD : kind;
        if (!is_static && key_is(key, kflags, "constructor")) {
            if (kind != JS_PROP_INIT) error_at(p, key->start, key->end, "a class constructor cannot be a getter, setter, generator or async");
            if (*has_ctor) error_at(p, key->start, key->end, "a class can have only one constructor");
            *has_ctor = true;
            op = JS_PROP_CONSTRUCTOR;
            if (derived) kctx |= CTX_SUPER_CALL;
        }
        if (is_static && key_is(key, kflags, "prototype"))
            error_at(p, key->start, key->end, "a class cannot have a static member named \"prototype\"");
        if (is_private) declare_private(p, key, op == JS_PROP_METHOD ? JS_PROP_METHOD : op, is_static);
        m->op = op;
        JsNode *fn = node_new(p, JS_FUNCTION, p->lx.tok.start);
        fn->flags = fflags;
        m->b = parse_function_rest(p, fn, kctx);
        if (op == JS_PROP_GET || op == JS_PROP_SET) {
            uint32_t count = 0;
            bool rest = false;
            for (JsNode *q = fn->b; q; q = q->next) count++, rest |= q->kind == JS_REST;
            if (op == JS_PROP_GET && count) error_at(p, fn->start, fn->end, "a getter cannot have parameters");
            if (op == JS_PROP_SET && (count != 1 || rest)) error_at(p, fn->start, fn->end, "a setter must have exactly one parameter");
        }
        node_end(p, m);
        return m;
    }
    JsNode *f = node_new(p, JS_FIELD, start);
    f->a = key;
    f->flags = mflags;
    if (key_is(key, kflags, "constructor") || (is_static && key_is(key, kflags, "prototype")))
        error_at(p, key->start, key->end, "a class field cannot be named \"%.*s\"", (int)key->id.len, key->id.str);
    if (is_private) declare_private(p, key, JS_PROP_INIT, is_static);
    if (eat(p, TK_EQ)) {
        uint32_t saved = p->ctx;
        bool ban = p->module || (p->ctx & (CTX_AWAIT | CTX_AWAIT_IDENT_BAN | CTX_STATIC_BLOCK));
        p->ctx = (p->ctx & CTX_STRICT) | CTX_FIELD_INIT | CTX_SUPER_PROP | CTX_NEW_TARGET | CTX_FUNCTION |
                 (ban ? CTX_AWAIT_IDENT_BAN : 0);
        f->b = parse_assign(p);
        p->ctx = saved;
    }
    expect_semicolon(p);
    node_end(p, f);
    return f;
}

/* class name? (extends LeftHandSideExpression)? { ClassElement* } */
JsNode *parse_class(Parser *p, JsNodeKind kind, bool name_required) {
    enter_nesting(p);
    uint32_t start = p->lx.tok.start;
    expect(p, TK_CLASS);
    JsNode *c = node_new(p, kind, start);
    uint32_t saved = p->ctx;
    p->ctx |= CTX_STRICT;
    if (p->lx.tok.kind == TK_IDENTIFIER && !is_word(p, "implements")) {
        if (is_word(p, "await") && (saved & CTX_STATIC_BLOCK))
            error_at(p, p->lx.tok.start, p->lx.tok.end, "cannot use \"await\" in a class static block");
        c->a = parse_binding_identifier(p);
    } else if (p->lx.tok.kind == TK_IDENTIFIER) {
        c->a = parse_binding_identifier(p); /* reports "implements" as reserved */
    } else if (name_required) {
        error_unexpected(p);
    }
    if (eat(p, TK_EXTENDS)) {
        c->b = parse_lhs(p);
    }
    expect(p, TK_LBRACE);
    ClassScope cs = {p->privates.len};
    VEC_PUSH(&p->classes, cs);
    JsNode *head = NULL, **tail = &head;
    bool has_ctor = false;
    while (p->lx.tok.kind != TK_RBRACE) {
        if (eat(p, TK_SEMICOLON)) continue;
        JsNode *m = parse_class_member(p, c->b != NULL, &has_ctor);
        *tail = m;
        tail = &m->next;
    }
    next(p);
    close_class_privates(p);
    c->c = head;
    p->ctx = saved;
    node_end(p, c);
    p->depth--;
    return c;
}

/* ---- statements ------------------------------------------------------------- */

/* var/let/const declarators.  in_for: for-in/of heads may omit initializers
 * (checked by the caller). */
static JsNode *parse_var_decl(Parser *p, uint8_t kind, bool in_for) {
    JsNode *d = node_new(p, JS_VAR_DECL, p->lx.tok.start);
    d->op = kind;
    next(p); /* var, let or const */
    JsNode **tail = &d->a;
    do {
        uint32_t s = p->lx.tok.start;
        JsNode *v = node_new(p, JS_VAR_DECLARATOR, s);
        if (kind != TK_VAR && is_word(p, "let")) error_at(p, s, p->lx.tok.end, "\"let\" cannot be a lexically bound name");
        v->a = parse_binding_target(p);
        if (eat(p, TK_EQ)) {
            v->b = parse_assign(p);
        } else if (!in_for) {
            if (kind == TK_CONST) error_at(p, s, prev_end(p), "a const declaration needs an initializer");
            if (v->a->kind != JS_IDENTIFIER) error_at(p, s, prev_end(p), "a destructuring declaration needs an initializer");
        }
        node_end(p, v);
        *tail = v;
        tail = &v->next;
    } while (eat(p, TK_COMMA));
    node_end(p, d);
    return d;
}

static void push_label(Parser *p, const JsNode *id) {
    for (uint32_t i = p->label_base; i < p->labels.len; i++)
        if (p->labels.data[i].len == id->id.len && memcmp(p->labels.data[i].str, id->id.str, id->id.len) == 0)
            error_at(p, id->start, id->end, "duplicate label \"%.*s\"", (int)id->id.len, id->id.str);
    Label l = {id->id.str, id->id.len, false};
    VEC_PUSH(&p->labels, l);
}

static Label *find_label(Parser *p, const JsNode *id) {
    for (uint32_t i = p->labels.len; i-- > p->label_base;)
        if (p->labels.data[i].len == id->id.len && memcmp(p->labels.data[i].str, id->id.str, id->id.len) == 0)
            return &p->labels.data[i];
    return NULL;
}

/* The body of a loop: continue and break are allowed inside, and the labels
 * in front of the loop may be continue targets. */
/* IsLabelledFunction: `a: b: function f() {}` may not be the body of a
 * loop, an if or a with statement. */
static void check_not_labelled_function(Parser *p, const JsNode *body) {
    const JsNode *s = body;
    while (s->kind == JS_LABELED) s = s->b;
    if (s != body && s->kind == JS_FUNCTION_DECL)
        error_at(p, s->start, s->end, "a labelled function declaration cannot be the body of this statement");
}

static JsNode *parse_loop_body(Parser *p, uint32_t chain) {
    for (uint32_t i = 0; i < chain; i++) p->labels.data[p->labels.len - 1 - i].loop = true;
    bool saved_iter = p->in_iteration, saved_break = p->in_breakable;
    p->in_iteration = p->in_breakable = true;
    JsNode *body = parse_statement(p);
    check_not_labelled_function(p, body);
    p->in_iteration = saved_iter, p->in_breakable = saved_break;
    return body;
}

static JsNode *paren_expression(Parser *p) {
    expect(p, TK_LPAREN);
    uint32_t saved = p->ctx;
    p->ctx &= ~(uint32_t)CTX_NO_IN;
    JsNode *e = parse_expression(p);
    p->ctx = saved;
    expect(p, TK_RPAREN);
    return e;
}

/* for ( init ; test ; update ) body | for ( left in/of right ) body */
static JsNode *parse_for(Parser *p, uint32_t chain) {
    uint32_t start = p->lx.tok.start;
    next(p);
    bool is_await = false;
    if (is_word(p, "await")) {
        if (!(p->ctx & CTX_AWAIT)) error_at(p, p->lx.tok.start, p->lx.tok.end, "\"for await\" is only valid in async functions and modules");
        is_await = true;
        next(p);
    }
    expect(p, TK_LPAREN);
    JsNode *init = NULL;
    uint32_t init_start = p->lx.tok.start;
    JsToken first = p->lx.tok;
    uint32_t saved = p->ctx;
    p->ctx |= CTX_NO_IN;
    bool decl = false;
    if (p->lx.tok.kind == TK_VAR || p->lx.tok.kind == TK_CONST) {
        init = parse_var_decl(p, (uint8_t)p->lx.tok.kind, true);
        decl = true;
    } else if (is_word(p, "let")) {
        JsToken la = peek(p);
        if (la.kind == TK_LBRACKET || la.kind == TK_LBRACE || (la.kind == TK_IDENTIFIER && !(la.kind == TK_IDENTIFIER && la.len == 2 && !memcmp(la.str, "in", 2)))) {
            init = parse_var_decl(p, JS_LET, true);
            decl = true;
        }
    }
    if (!init && p->lx.tok.kind != TK_SEMICOLON) {
        uint32_t saved_cover = p->cover_init_at;
        p->cover_init_at = 0;
        init = parse_expr(p, L_LOWEST);
        if (!(is_word(p, "of") || p->lx.tok.kind == TK_IN)) check_no_cover_init(p);
        p->cover_init_at = saved_cover;
    }
    p->ctx = saved;
    bool is_of = is_word(p, "of");
    if (is_of || p->lx.tok.kind == TK_IN) {
        if (is_await && !is_of) error_unexpected(p);
        if (decl) {
            JsNode *v = init->a;
            if (v->next) error_at(p, init->start, init->end, "only one variable can be declared in a for-%s loop", is_of ? "of" : "in");
            if (v->b) {
                bool annex_b = !is_of && init->op == TK_VAR && !(p->ctx & CTX_STRICT) && v->a->kind == JS_IDENTIFIER;
                if (!annex_b) error_at(p, v->start, v->end, "a for-%s loop variable cannot have an initializer", is_of ? "of" : "in");
                sloppy_only(p, v->start, v->end, "an initializer in a for-in loop's var declaration");
            }
        } else {
            if (is_of && first.kind == TK_IDENTIFIER && !(first.flags & JS_TOKF_ESCAPED) && name_is(first.str, first.len, "let"))
                error_at(p, first.start, first.end, "the left side of a for-of loop cannot start with \"let\"");
            if (is_of && !is_await && init->kind == JS_IDENTIFIER && !(init->flags & JS_F_PARENS) &&
                name_is(init->id.str, init->id.len, "async") && !(first.flags & JS_TOKF_ESCAPED))
                error_at(p, init->start, init->end, "the left side of a for-of loop cannot be \"async\"");
            if ((init->kind == JS_OBJECT || init->kind == JS_ARRAY) && !(init->flags & JS_F_PARENS)) {
                init = to_pattern(p, init, false);
            } else if (init->kind != JS_IDENTIFIER && init->kind != JS_MEMBER) {
                error_at(p, init->start, init->end, "invalid left side in a for-%s loop", is_of ? "of" : "in");
            } else if (init->kind == JS_IDENTIFIER) {
                to_pattern(p, init, false);
            }
        }
        next(p);
        JsNode *n = node_new(p, is_of ? JS_FOR_OF : JS_FOR_IN, start);
        if (is_await) n->flags |= JS_F_AWAIT;
        n->a = init;
        uint32_t saved2 = p->ctx;
        p->ctx &= ~(uint32_t)CTX_NO_IN;
        n->b = is_of ? parse_assign(p) : parse_expression(p);
        p->ctx = saved2;
        expect(p, TK_RPAREN);
        n->c = parse_loop_body(p, chain);
        node_end(p, n);
        return n;
    }
    if (is_await) error_unexpected(p);
    (void)init_start;
    if (decl) {
        for (JsNode *v = init->a; v; v = v->next) {
            if (v->b) continue;
            if (init->op == TK_CONST) error_at(p, v->start, v->end, "a const declaration needs an initializer");
            if (v->a->kind != JS_IDENTIFIER) error_at(p, v->start, v->end, "a destructuring declaration needs an initializer");
        }
    }
    JsNode *n = node_new(p, JS_FOR, start);
    n->a = init;
    expect(p, TK_SEMICOLON);
    if (p->lx.tok.kind != TK_SEMICOLON) n->b = parse_expression(p);
    expect(p, TK_SEMICOLON);
    if (p->lx.tok.kind != TK_RPAREN) n->c = parse_expression(p);
    expect(p, TK_RPAREN);
    n->d = parse_loop_body(p, chain);
    node_end(p, n);
    return n;
}

/* The body of if/else, labelled statements...: a Statement, where a
 * function declaration is allowed only in sloppy mode (Annex B). */
static JsNode *parse_sub_statement(Parser *p, bool allow_function) {
    if (p->lx.tok.kind == TK_FUNCTION) {
        if (!allow_function || (p->ctx & CTX_STRICT))
            error_at(p, p->lx.tok.start, p->lx.tok.end, "function declarations are not allowed here%s",
                     (p->ctx & CTX_STRICT) ? " in strict mode" : "; wrap it in a block");
        sloppy_only(p, p->lx.tok.start, p->lx.tok.end, "a function declaration as the body of an if statement");
        JsToken la = peek(p);
        if (la.kind == TK_STAR) error_at(p, la.start, la.end, "generator declarations are not allowed here");
        return parse_function(p, JS_FUNCTION_DECL, p->lx.tok.start, 0, true);
    }
    JsNode *s = parse_statement(p);
    check_not_labelled_function(p, s);
    return s;
}

static JsNode *parse_switch(Parser *p) {
    JsNode *n = node_new(p, JS_SWITCH, p->lx.tok.start);
    next(p);
    n->a = paren_expression(p);
    expect(p, TK_LBRACE);
    bool saved_break = p->in_breakable;
    p->in_breakable = true;
    bool has_default = false;
    JsNode **tail = &n->b;
    while (p->lx.tok.kind != TK_RBRACE) {
        JsNode *c = node_new(p, JS_SWITCH_CASE, p->lx.tok.start);
        if (eat(p, TK_DEFAULT)) {
            if (has_default) error_at(p, c->start, prev_end(p), "a switch can have only one default clause");
            has_default = true;
        } else {
            expect(p, TK_CASE);
            c->a = parse_expression(p);
        }
        expect(p, TK_COLON);
        JsNode **st = &c->b;
        while (p->lx.tok.kind != TK_CASE && p->lx.tok.kind != TK_DEFAULT && p->lx.tok.kind != TK_RBRACE) {
            if (p->lx.tok.kind == TK_EOF) error_unexpected(p);
            JsNode *s = parse_statement_list_item(p);
            *st = s;
            st = &s->next;
        }
        node_end(p, c);
        *tail = c;
        tail = &c->next;
    }
    next(p);
    p->in_breakable = saved_break;
    node_end(p, n);
    return n;
}

static JsNode *parse_try(Parser *p) {
    JsNode *n = node_new(p, JS_TRY, p->lx.tok.start);
    next(p);
    n->a = parse_block(p);
    if (p->lx.tok.kind == TK_CATCH) {
        JsNode *c = node_new(p, JS_CATCH, p->lx.tok.start);
        next(p);
        if (eat(p, TK_LPAREN)) {
            c->a = parse_binding_target(p);
            expect(p, TK_RPAREN);
        }
        c->b = parse_block(p);
        node_end(p, c);
        n->b = c;
    }
    if (eat(p, TK_FINALLY)) n->c = parse_block(p);
    if (!n->b && !n->c) error_at(p, n->start, prev_end(p), "a try statement needs a catch or a finally block");
    node_end(p, n);
    return n;
}

static JsNode *parse_block(Parser *p) {
    JsNode *b = node_new(p, JS_BLOCK, p->lx.tok.start);
    expect(p, TK_LBRACE);
    parse_statements(p, &b->a, TK_RBRACE, false, false);
    next(p);
    node_end(p, b);
    return b;
}

static JsNode *parse_jump(Parser *p, JsNodeKind kind) {
    JsNode *n = node_new(p, kind, p->lx.tok.start);
    next(p);
    if (p->lx.tok.kind == TK_IDENTIFIER && !at_newline(p)) {
        n->a = parse_identifier_ref(p);
        Label *l = find_label(p, n->a);
        if (!l) error_at(p, n->a->start, n->a->end, "there is no label \"%.*s\" here", (int)n->a->id.len, n->a->id.str);
        if (kind == JS_CONTINUE && !l->loop)
            error_at(p, n->a->start, n->a->end, "\"continue\" cannot target the label \"%.*s\": it does not label a loop",
                     (int)n->a->id.len, n->a->id.str);
    } else if (kind == JS_CONTINUE ? !p->in_iteration : !p->in_breakable) {
        error_at(p, n->start, n->end, kind == JS_CONTINUE ? "\"continue\" is only valid inside a loop"
                                                          : "\"break\" is only valid inside a loop or switch");
    }
    if (kind == JS_CONTINUE && !p->in_iteration)
        error_at(p, n->start, n->end, "\"continue\" is only valid inside a loop");
    expect_semicolon(p);
    node_end(p, n);
    return n;
}

static JsNode *statement(Parser *p);

/* Statement (not a declaration).  Nesting is bounded here for statements as
 * parse_prefix bounds it for expressions. */
JsNode *parse_statement(Parser *p) {
    enter_nesting(p);
    JsNode *n = statement(p);
    p->depth--;
    return n;
}

static JsNode *statement(Parser *p) {
    uint32_t chain = p->label_chain;
    p->label_chain = 0;
    const JsToken *t = &p->lx.tok;
    uint32_t start = t->start;
    JsNode *n;
    switch (t->kind) {
    case TK_LBRACE: return parse_block(p);
    case TK_SEMICOLON:
        n = node_new(p, JS_EMPTY, start);
        next(p);
        return n;
    case TK_VAR:
        n = parse_var_decl(p, TK_VAR, false);
        expect_semicolon(p);
        node_end(p, n);
        return n;
    case TK_IF:
        n = node_new(p, JS_IF, start);
        next(p);
        n->a = paren_expression(p);
        n->b = parse_sub_statement(p, true);
        if (eat(p, TK_ELSE)) n->c = parse_sub_statement(p, true);
        node_end(p, n);
        return n;
    case TK_FOR: return parse_for(p, chain);
    case TK_WHILE:
        n = node_new(p, JS_WHILE, start);
        next(p);
        n->a = paren_expression(p);
        n->b = parse_loop_body(p, chain);
        node_end(p, n);
        return n;
    case TK_DO:
        n = node_new(p, JS_DO_WHILE, start);
        next(p);
        n->a = parse_loop_body(p, chain);
        expect(p, TK_WHILE);
        n->b = paren_expression(p);
        eat(p, TK_SEMICOLON); /* do-while is followed by a semicolon even without a newline */
        node_end(p, n);
        return n;
    case TK_CONTINUE: return parse_jump(p, JS_CONTINUE);
    case TK_BREAK: return parse_jump(p, JS_BREAK);
    case TK_RETURN:
        if (!(p->ctx & CTX_RETURN)) error_at(p, start, t->end, "\"return\" is only valid inside functions");
        n = node_new(p, JS_RETURN, start);
        next(p);
        if (p->lx.tok.kind != TK_SEMICOLON && p->lx.tok.kind != TK_RBRACE && p->lx.tok.kind != TK_EOF && !at_newline(p))
            n->a = parse_expression(p);
        expect_semicolon(p);
        node_end(p, n);
        return n;
    case TK_WITH:
        if (p->ctx & CTX_STRICT) error_at(p, start, t->end, "\"with\" statements are not allowed in strict mode");
        sloppy_only(p, start, t->end, "a with statement");
        n = node_new(p, JS_WITH, start);
        next(p);
        n->a = paren_expression(p);
        n->b = parse_sub_statement(p, false);
        node_end(p, n);
        return n;
    case TK_SWITCH: return parse_switch(p);
    case TK_THROW:
        n = node_new(p, JS_THROW, start);
        next(p);
        if (at_newline(p)) error_at(p, start, prev_end(p), "a line break is not allowed after \"throw\"");
        n->a = parse_expression(p);
        expect_semicolon(p);
        node_end(p, n);
        return n;
    case TK_TRY: return parse_try(p);
    case TK_DEBUGGER:
        n = node_new(p, JS_DEBUGGER, start);
        next(p);
        expect_semicolon(p);
        node_end(p, n);
        return n;
    case TK_FUNCTION:
        error_at(p, start, t->end, "function declarations are not allowed here; wrap it in a block");
    case TK_CLASS:
    case TK_CONST:
        error_at(p, start, t->end, "lexical declarations are not allowed here; wrap it in a block");
    case TK_IMPORT: {
        JsToken la = peek(p);
        if (la.kind != TK_LPAREN && la.kind != TK_DOT) {
            p->saw_module_syntax = true;
            error_at(p, start, t->end, p->module ? "import declarations are only valid at the top level of a module"
                                                 : "import declarations are only valid in modules");
        }
        break;
    }
    case TK_EXPORT:
        p->saw_module_syntax = true;
        error_at(p, start, t->end, p->module ? "export declarations are only valid at the top level of a module"
                                             : "export declarations are only valid in modules");
    case TK_IDENTIFIER: {
        if (is_word(p, "let")) {
            JsToken la = peek(p);
            if (la.kind == TK_LBRACKET) error_at(p, start, t->end, "lexical declarations are not allowed here; wrap it in a block");
            if ((la.kind == TK_IDENTIFIER || la.kind == TK_LBRACE) && !(la.flags & JS_TOKF_NEWLINE_BEFORE))
                error_at(p, start, t->end, "lexical declarations are not allowed here; wrap it in a block");
        }
        if (is_async_function(p)) error_at(p, start, t->end, "async function declarations are not allowed here; wrap it in a block");
        JsToken la = peek(p);
        if (la.kind == TK_COLON) {
            JsNode *label = parse_identifier_ref(p);
            next(p); /* : */
            push_label(p, label);
            n = node_new(p, JS_LABELED, start);
            n->a = label;
            p->label_chain = chain + 1;
            if (p->lx.tok.kind == TK_FUNCTION) {
                p->label_chain = 0;
                if (p->ctx & CTX_STRICT) error_at(p, p->lx.tok.start, p->lx.tok.end, "labelled functions are not allowed in strict mode");
                sloppy_only(p, p->lx.tok.start, p->lx.tok.end, "a labelled function declaration");
                JsToken la2 = peek(p);
                if (la2.kind == TK_STAR) error_at(p, la2.start, la2.end, "generator declarations are not allowed here");
                n->b = parse_function(p, JS_FUNCTION_DECL, p->lx.tok.start, 0, true);
            } else {
                n->b = parse_statement(p);
            }
            p->labels.len--;
            node_end(p, n);
            return n;
        }
        break;
    }
    default: break;
    }
    n = node_new(p, JS_EXPR_STMT, start);
    n->a = parse_expression(p);
    expect_semicolon(p);
    node_end(p, n);
    return n;
}

/* A #__NO_SIDE_EFFECTS__ comment before a declaration (esbuild's and
 * Rollup's rule): it marks a function declaration (async or not, exported
 * or the default export), or the function or arrow that initializes the
 * first declarator of a const declaration.  Before anything else it is
 * ignored; one written right before a function or arrow expression is
 * parse_expr's. */
static uint32_t no_side_effects_flag(uint32_t tflags) {
    return tflags & JS_TOKF_NO_SIDE_EFFECTS_COMMENT ? JS_F_NO_SIDE_EFFECTS : 0;
}

static void annotate_const(JsNode *decl, uint32_t flag) {
    JsNode *init = decl->op == TK_CONST ? decl->a->b : NULL;
    if (init && (init->kind == JS_FUNCTION || init->kind == JS_ARROW)) init->flags |= flag;
}

/* StatementListItem: Statement or Declaration. */
JsNode *parse_statement_list_item(Parser *p) {
    const JsToken *t = &p->lx.tok;
    uint32_t start = t->start;
    uint32_t annotation = no_side_effects_flag(t->flags);
    JsNode *n;
    switch (t->kind) {
    case TK_FUNCTION: return parse_function(p, JS_FUNCTION_DECL, start, annotation, true);
    case TK_CLASS: return parse_class(p, JS_CLASS_DECL, true);
    case TK_CONST:
        n = parse_var_decl(p, TK_CONST, false);
        annotate_const(n, annotation);
        expect_semicolon(p);
        node_end(p, n);
        return n;
    case TK_IDENTIFIER:
        if (is_let_declaration(p)) {
            n = parse_var_decl(p, JS_LET, false);
            expect_semicolon(p);
            node_end(p, n);
            return n;
        }
        if (is_async_function(p)) {
            next(p);
            return parse_function(p, JS_FUNCTION_DECL, start, JS_F_ASYNC | annotation, true);
        }
        return parse_statement(p);
    default: return parse_statement(p);
    }
}

/* ---- modules ------------------------------------------------------------------ */

/* A module export or import name: IdentifierName or a string that is valid
 * Unicode (no lone surrogates). */
static JsNode *parse_module_export_name(Parser *p) {
    if (p->lx.tok.kind == TK_STRING) {
        const JsToken *t = &p->lx.tok;
        for (uint32_t i = 0; i + 2 < t->len; i++) {
            unsigned char c0 = (unsigned char)t->str[i], c1 = (unsigned char)t->str[i + 1];
            if (c0 == 0xed && c1 >= 0xa0) error_at(p, t->start, t->end, "an export name must be valid Unicode (no lone surrogates)");
        }
        uint32_t f = 0;
        return parse_property_name(p, &f);
    }
    if (!tok_is_name(p)) error_unexpected(p);
    uint32_t f = 0;
    return parse_property_name(p, &f);
}

static void add_export_name(Parser *p, const JsNode *name) {
    const char *s = name->id.str;
    uint32_t len = name->id.len;
    bool inserted;
    map_entry_str(&p->exported, s, len, 0, name->start + 1, &inserted);
    if (!inserted) error_at(p, name->start, name->end, "duplicate export \"%.*s\"", (int)len, s);
}

static void add_export_binding(Parser *p, JsNode *id, void *ctx) {
    (void)ctx;
    add_export_name(p, id);
}

/* with { key: "value", ... } after a module specifier. */
static JsNode *parse_import_attributes(Parser *p) {
    if (p->lx.tok.kind != TK_WITH) return NULL;
    next(p);
    expect(p, TK_LBRACE);
    JsNode *head = NULL, **tail = &head;
    Map *keys = &p->names;
    map_clear(keys);
    while (p->lx.tok.kind != TK_RBRACE) {
        JsNode *a = node_new(p, JS_IMPORT_ATTRIBUTE, p->lx.tok.start);
        if (p->lx.tok.kind == TK_STRING) {
            a->a = parse_module_export_name(p);
        } else {
            if (!tok_is_name(p)) error_unexpected(p);
            uint32_t f = 0;
            a->a = parse_property_name(p, &f);
        }
        if (!map_put_str(keys, a->a->id.str, a->a->id.len, 1)) {
            error_at(p, a->a->start, a->a->end, "duplicate import attribute \"%.*s\"", (int)a->a->id.len, a->a->id.str);
        }
        expect(p, TK_COLON);
        if (p->lx.tok.kind != TK_STRING) error_unexpected(p);
        uint32_t f = 0;
        a->b = parse_property_name(p, &f);
        node_end(p, a);
        *tail = a;
        tail = &a->next;
        if (p->lx.tok.kind != TK_RBRACE) expect(p, TK_COMMA);
    }
    next(p);
    return head;
}

static JsNode *parse_from_clause(Parser *p) {
    if (!is_word(p, "from")) error_unexpected(p);
    next(p);
    if (p->lx.tok.kind != TK_STRING) error_unexpected(p);
    uint32_t f = 0;
    return parse_property_name(p, &f);
}

static JsNode *parse_import(Parser *p) {
    JsNode *n = node_new(p, JS_IMPORT_DECL, p->lx.tok.start);
    next(p);
    JsNode **tail = &n->a;
    if (p->lx.tok.kind == TK_STRING) {
        uint32_t f = 0;
        n->b = parse_property_name(p, &f);
    } else {
        if (p->lx.tok.kind == TK_IDENTIFIER) {
            JsNode *s = node_new(p, JS_IMPORT_DEFAULT, p->lx.tok.start);
            s->a = parse_binding_identifier(p);
            node_end(p, s);
            *tail = s;
            tail = &s->next;
            if (!eat(p, TK_COMMA)) goto from;
        }
        if (p->lx.tok.kind == TK_STAR) {
            JsNode *s = node_new(p, JS_IMPORT_NAMESPACE, p->lx.tok.start);
            next(p);
            if (!is_word(p, "as")) error_unexpected(p);
            next(p);
            s->a = parse_binding_identifier(p);
            node_end(p, s);
            *tail = s;
            tail = &s->next;
        } else if (eat(p, TK_LBRACE)) {
            while (p->lx.tok.kind != TK_RBRACE) {
                JsNode *s = node_new(p, JS_IMPORT_SPECIFIER, p->lx.tok.start);
                JsToken name_tok = p->lx.tok;
                s->a = parse_module_export_name(p);
                if (is_word(p, "as")) {
                    next(p);
                    s->b = parse_binding_identifier(p);
                } else {
                    if (name_tok.kind != TK_IDENTIFIER) {
                        if (name_tok.kind == TK_STRING) error_at(p, name_tok.start, name_tok.end, "a string import name needs \"as\"");
                        error_at(p, name_tok.start, name_tok.end, "\"%s\" is a reserved word and cannot be used as a name",
                                 js_token_text(name_tok.kind));
                    }
                    check_binding_token(p, &name_tok);
                    s->b = identifier_from_token(p, &name_tok);
                }
                node_end(p, s);
                *tail = s;
                tail = &s->next;
                if (p->lx.tok.kind != TK_RBRACE) expect(p, TK_COMMA);
            }
            next(p);
        } else {
            error_unexpected(p);
        }
    from:
        n->b = parse_from_clause(p);
    }
    n->c = parse_import_attributes(p);
    expect_semicolon(p);
    node_end(p, n);
    return n;
}

static JsNode *parse_export(Parser *p) {
    uint32_t start = p->lx.tok.start;
    /* The annotation may stand before `export`, after it or after `default`. */
    uint32_t annotation = no_side_effects_flag(p->lx.tok.flags);
    next(p);
    annotation |= no_side_effects_flag(p->lx.tok.flags);
    JsNode *n;
    if (p->lx.tok.kind == TK_STAR) {
        n = node_new(p, JS_EXPORT_ALL, start);
        next(p);
        if (is_word(p, "as")) {
            next(p);
            n->a = parse_module_export_name(p);
            add_export_name(p, n->a);
        }
        n->b = parse_from_clause(p);
        n->c = parse_import_attributes(p);
        expect_semicolon(p);
        node_end(p, n);
        return n;
    }
    if (eat(p, TK_DEFAULT)) {
        n = node_new(p, JS_EXPORT_DEFAULT, start);
        JsNode def = {.start = prev_end(p) - 7, .end = prev_end(p)};
        def.id.str = "default";
        def.id.len = 7;
        add_export_name(p, &def);
        uint32_t s = p->lx.tok.start;
        annotation |= no_side_effects_flag(p->lx.tok.flags);
        if (p->lx.tok.kind == TK_FUNCTION) {
            n->a = parse_function(p, JS_FUNCTION_DECL, s, annotation, false);
        } else if (is_async_function(p)) {
            next(p);
            n->a = parse_function(p, JS_FUNCTION_DECL, s, JS_F_ASYNC | annotation, false);
        } else if (p->lx.tok.kind == TK_CLASS) {
            n->a = parse_class(p, JS_CLASS_DECL, false);
        } else {
            n->a = parse_assign(p);
            expect_semicolon(p);
        }
        node_end(p, n);
        return n;
    }
    n = node_new(p, JS_EXPORT_NAMED, start);
    if (eat(p, TK_LBRACE)) {
        JsNode **tail = &n->b;
        JsNode *string_local = NULL, *reserved_local = NULL;
        while (p->lx.tok.kind != TK_RBRACE) {
            JsNode *s = node_new(p, JS_EXPORT_SPECIFIER, p->lx.tok.start);
            JsToken local_tok = p->lx.tok;
            s->a = parse_module_export_name(p);
            if (local_tok.kind == TK_STRING && !string_local) string_local = s->a;
            if (local_tok.kind != TK_STRING && !reserved_local &&
                ((local_tok.kind >= TK_BREAK && local_tok.kind <= TK_WITH) || (local_tok.flags & JS_TOKF_ESCAPED) ||
                 is_strict_reserved(local_tok.str, local_tok.len) || name_is(local_tok.str, local_tok.len, "await")))
                reserved_local = s->a;
            if (is_word(p, "as")) {
                next(p);
                s->b = parse_module_export_name(p);
            } else {
                s->b = s->a;
            }
            node_end(p, s);
            *tail = s;
            tail = &s->next;
            if (p->lx.tok.kind != TK_RBRACE) expect(p, TK_COMMA);
        }
        next(p);
        if (is_word(p, "from")) {
            n->c = parse_from_clause(p);
            n->d = parse_import_attributes(p);
        } else {
            if (string_local) error_at(p, string_local->start, string_local->end, "a string can only be exported with \"from\"");
            if (reserved_local)
                error_at(p, reserved_local->start, reserved_local->end, "\"%.*s\" is a reserved word and cannot be exported here",
                         (int)reserved_local->id.len, reserved_local->id.str);
        }
        for (JsNode *s = n->b; s; s = s->next) add_export_name(p, s->b);
        expect_semicolon(p);
        node_end(p, n);
        return n;
    }
    uint32_t s = p->lx.tok.start;
    if (p->lx.tok.kind == TK_VAR || p->lx.tok.kind == TK_CONST || is_let_declaration(p)) {
        uint8_t kind = p->lx.tok.kind == TK_IDENTIFIER ? JS_LET : (uint8_t)p->lx.tok.kind;
        n->a = parse_var_decl(p, kind, false);
        annotate_const(n->a, annotation);
        expect_semicolon(p);
        node_end(p, n->a);
        for (JsNode *v = n->a->a; v; v = v->next) for_each_bound_name(p, v->a, add_export_binding, NULL);
    } else if (p->lx.tok.kind == TK_FUNCTION) {
        n->a = parse_function(p, JS_FUNCTION_DECL, s, annotation, true);
        add_export_name(p, n->a->a);
    } else if (is_async_function(p)) {
        next(p);
        n->a = parse_function(p, JS_FUNCTION_DECL, s, JS_F_ASYNC | annotation, true);
        add_export_name(p, n->a->a);
    } else if (p->lx.tok.kind == TK_CLASS) {
        n->a = parse_class(p, JS_CLASS_DECL, true);
        add_export_name(p, n->a->a);
    } else {
        error_unexpected(p);
    }
    node_end(p, n);
    return n;
}

/* ModuleItem: ImportDeclaration | ExportDeclaration | StatementListItem. */
static JsNode *parse_module_item(Parser *p) {
    if (p->lx.tok.kind == TK_IMPORT) {
        JsToken la = peek(p);
        if (la.kind != TK_LPAREN && la.kind != TK_DOT) {
            p->saw_module_syntax = true;
            return parse_import(p);
        }
    }
    if (p->lx.tok.kind == TK_EXPORT) {
        p->saw_module_syntax = true;
        return parse_export(p);
    }
    return parse_statement_list_item(p);
}

/* Script or Module: the top-level item list, to end of file. */
void parse_module_item_list(Parser *p, JsNode **out) {
    parse_statements(p, out, TK_EOF, true, p->module);
}
