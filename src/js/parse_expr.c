/* js/parse_expr.c: expressions, by precedence climbing (a Pratt parser):
 * parse_expr(level) parses a prefix, then applies every suffix operator
 * that binds tighter than `level`, as esbuild's parseExpr does.
 *
 * Patterns share their first tokens with object and array literals and
 * parenthesized expressions, so they are parsed as expressions (the spec's
 * "cover grammars") and rewritten in place by to_pattern() when a `=`, a
 * `=>` or a for-in/of head shows they were targets.  Errors that only hold
 * if the expression stays an expression ({ a = 1 }, duplicate __proto__)
 * are kept pending in cover_init_at until then.
 * Memory: nodes in the module's arena.  Part of the parser (parser.h). */
#include "js/parse_internal.h"
#include "js/regexp.h"

static JsNode *parse_suffix(Parser *p, JsNode *left, Level level, uint32_t start);
static JsNode *parse_prefix(Parser *p, Level level);

void check_no_cover_init(Parser *p) {
    if (p->cover_init_at)
        error_at(p, p->cover_init_at - 1, p->cover_init_at - 1, "%s",
                 p->cover_msg ? p->cover_msg : "invalid shorthand property initializer");
}

static void set_cover_error(Parser *p, uint32_t at, const char *msg) {
    if (!p->cover_init_at) {
        p->cover_init_at = at + 1;
        p->cover_msg = msg;
    }
}

/* An annotation comment before an expression's first token (the lexer's
 * token flags) applies as esbuild applies it: #__NO_SIDE_EFFECTS__ to the
 * function or arrow that the prefix is; #__PURE__ to the call or new that
 * the prefix and its member, call and tagged template suffixes make, so
 * `#__PURE__ a.b(c)` and `#__PURE__ a().b()` mark the outer call,
 * `#__PURE__ (f())` marks f() (its parentheses are no node) and
 * `#__PURE__ a(b())` marks a(...) only.  Anything else ignores them. */
static JsNode *annotate(Parser *p, JsNode *left, uint32_t tflags, Level level, uint32_t start) {
    if ((tflags & JS_TOKF_NO_SIDE_EFFECTS_COMMENT) && (left->kind == JS_FUNCTION || left->kind == JS_ARROW))
        left->flags |= JS_F_NO_SIDE_EFFECTS;
    if ((tflags & JS_TOKF_PURE_COMMENT) && level < L_CALL) {
        left = parse_suffix(p, left, L_CALL - 1, start);
        JsNode *call = left->kind == JS_CHAIN ? left->a : left;
        if (call->kind == JS_CALL || call->kind == JS_NEW) call->flags |= JS_F_PURE;
    }
    return left;
}

JsNode *parse_expr(Parser *p, Level level) {
    uint32_t saved_cover = p->cover_init_at;
    const char *saved_msg = p->cover_msg;
    p->cover_init_at = 0;
    uint32_t start = p->lx.tok.start;
    uint32_t tflags = p->lx.tok.flags;
    JsNode *left = parse_prefix(p, level);
    if (tflags & (JS_TOKF_PURE_COMMENT | JS_TOKF_NO_SIDE_EFFECTS_COMMENT)) left = annotate(p, left, tflags, level, start);
    left = parse_suffix(p, left, level, start);
    if (!p->cover_init_at) {
        p->cover_init_at = saved_cover;
        p->cover_msg = saved_msg;
    }
    return left;
}

/* Parses an expression that cannot become a pattern: its own pending cover
 * errors are reported now; those of enclosing literals stay pending. */
static JsNode *parse_checked(Parser *p, Level level) {
    uint32_t saved = p->cover_init_at;
    const char *saved_msg = p->cover_msg;
    p->cover_init_at = 0;
    JsNode *e = parse_expr(p, level);
    check_no_cover_init(p);
    p->cover_init_at = saved;
    p->cover_msg = saved_msg;
    return e;
}

JsNode *parse_expression(Parser *p) { return parse_checked(p, L_LOWEST); }

JsNode *parse_assign(Parser *p) { return parse_checked(p, L_COMMA); }

JsNode *parse_lhs(Parser *p) { return parse_checked(p, L_POSTFIX); }

/* Runs parse with `in` allowed again (inside brackets, parentheses...). */
static JsNode *parse_expression_in(Parser *p) {
    uint32_t saved = p->ctx;
    p->ctx &= ~(uint32_t)CTX_NO_IN;
    JsNode *e = parse_expression(p);
    p->ctx = saved;
    return e;
}

static JsNode *parse_assign_in(Parser *p) {
    uint32_t saved = p->ctx;
    p->ctx &= ~(uint32_t)CTX_NO_IN;
    JsNode *e = parse_assign(p);
    p->ctx = saved;
    return e;
}

/* ---- patterns ---------------------------------------------------------- */

static bool is_eval_or_arguments(const JsNode *n) {
    return n->kind == JS_IDENTIFIER && (name_is(n->id.str, n->id.len, "eval") || name_is(n->id.str, n->id.len, "arguments"));
}

/* A target of ++, --, or a compound assignment: an identifier or a member
 * access, possibly in parentheses. */
static void check_simple_target(Parser *p, JsNode *n, const char *what) {
    if (n->kind == JS_IDENTIFIER) {
        if (is_eval_or_arguments(n)) {
            if (p->ctx & CTX_STRICT)
                error_at(p, n->start, n->end, "cannot assign to \"%.*s\" in strict mode", (int)n->id.len, n->id.str);
            sloppy_only(p, n->start, n->end, "an assignment to \"eval\" or \"arguments\"");
        }
        return;
    }
    if (n->kind == JS_MEMBER) return;
    error_at(p, n->start, n->end, "invalid %s", what);
}

/* Rewrites an expression into the pattern it covers.  binding: a binding
 * pattern (declarations, parameters), where only identifiers may be bound;
 * otherwise an assignment pattern, where member accesses are targets too. */
JsNode *to_pattern(Parser *p, JsNode *n, bool binding) {
    switch ((JsNodeKind)n->kind) {
    case JS_IDENTIFIER:
        if (binding) {
            if (n->flags & JS_F_PARENS) error_at(p, n->start, n->end, "invalid binding pattern");
            check_binding_name(p, n->id.str, n->id.len, n->start, n->end);
        } else {
            check_simple_target(p, n, "assignment target");
        }
        return n;
    case JS_MEMBER:
        if (binding) error_at(p, n->start, n->end, "invalid binding pattern");
        return n;
    case JS_OBJECT:
    case JS_OBJECT_PATTERN:
        if (n->flags & JS_F_PARENS) error_at(p, n->start, n->end, "invalid assignment target");
        n->kind = JS_OBJECT_PATTERN;
        for (JsNode *prop = n->a; prop; prop = prop->next) {
            if (prop->kind == JS_SPREAD || prop->kind == JS_REST) {
                prop->kind = JS_REST;
                if (prop->next || (n->flags & JS_F_SPREAD_COMMA))
                    error_at(p, prop->start, prop->end, "a rest element must be last in a destructuring pattern");
                JsNode *arg = prop->a;
                if (arg->kind != JS_IDENTIFIER && (binding || arg->kind != JS_MEMBER))
                    error_at(p, arg->start, arg->end, "invalid rest element");
                to_pattern(p, arg, binding);
            } else {
                if ((prop->flags & JS_F_METHOD) || prop->op != JS_PROP_INIT)
                    error_at(p, prop->start, prop->end, "invalid destructuring target");
                prop->b = to_pattern(p, prop->b, binding);
            }
        }
        n->flags &= ~(uint32_t)JS_F_SPREAD_COMMA;
        return n;
    case JS_ARRAY:
    case JS_ARRAY_PATTERN:
        if (n->flags & JS_F_PARENS) error_at(p, n->start, n->end, "invalid assignment target");
        n->kind = JS_ARRAY_PATTERN;
        for (JsNode *el = n->a; el; el = el->next) {
            if (el->kind == JS_HOLE) continue;
            if (el->kind == JS_SPREAD || el->kind == JS_REST) {
                el->kind = JS_REST;
                if (el->next || (n->flags & JS_F_SPREAD_COMMA))
                    error_at(p, el->start, el->end, "a rest element must be last in a destructuring pattern");
                if (el->a->kind == JS_ASSIGN || el->a->kind == JS_ASSIGN_PATTERN)
                    error_at(p, el->a->start, el->a->end, "a rest element cannot have a default value");
                el->a = to_pattern(p, el->a, binding);
            } else {
                JsNode *t = to_pattern(p, el, binding);
                if (t != el) error_at(p, el->start, el->end, "invalid destructuring target");
            }
        }
        n->flags &= ~(uint32_t)JS_F_SPREAD_COMMA;
        return n;
    case JS_ASSIGN:
    case JS_ASSIGN_PATTERN:
        if (n->kind == JS_ASSIGN && (n->op != TK_EQ || (n->flags & JS_F_PARENS)))
            error_at(p, n->start, n->end, "invalid destructuring target");
        n->kind = JS_ASSIGN_PATTERN;
        n->op = 0;
        n->a = to_pattern(p, n->a, binding);
        return n;
    default:
        error_at(p, n->start, n->end, binding ? "invalid binding pattern" : "invalid assignment target");
    }
}

JsNode *parse_binding_element(Parser *p) {
    uint32_t start = p->lx.tok.start;
    JsNode *target = parse_binding_target(p);
    if (p->lx.tok.kind != TK_EQ) return target;
    next(p);
    JsNode *n = node_new(p, JS_ASSIGN_PATTERN, start);
    n->a = target;
    n->b = parse_assign(p);
    node_end(p, n);
    return n;
}

static JsNode *parse_binding_pattern(Parser *p);

JsNode *parse_binding_target(Parser *p) {
    if (p->lx.tok.kind != TK_LBRACKET && p->lx.tok.kind != TK_LBRACE) return parse_binding_identifier(p);
    uint32_t saved = p->ctx;
    p->ctx &= ~(uint32_t)CTX_NO_IN; /* for (let [a = b in c] of d) */
    enter_nesting(p);
    JsNode *n = parse_binding_pattern(p);
    p->depth--;
    p->ctx = saved;
    return n;
}

static JsNode *parse_binding_pattern(Parser *p) {
    uint32_t start = p->lx.tok.start;
    JsNode *head = NULL, **tail = &head;
    if (eat(p, TK_LBRACKET)) {
        JsNode *n = node_new(p, JS_ARRAY_PATTERN, start);
        while (p->lx.tok.kind != TK_RBRACKET) {
            JsNode *el;
            if (p->lx.tok.kind == TK_COMMA) {
                el = node_new(p, JS_HOLE, p->lx.tok.start);
                el->end = el->start;
            } else if (p->lx.tok.kind == TK_DOT3) {
                uint32_t rs = p->lx.tok.start;
                next(p);
                el = node_new(p, JS_REST, rs);
                el->a = parse_binding_target(p);
                node_end(p, el);
                if (p->lx.tok.kind != TK_RBRACKET)
                    error_at(p, rs, prev_end(p), "a rest element must be last in a destructuring pattern");
            } else {
                el = parse_binding_element(p);
            }
            *tail = el;
            tail = &el->next;
            if (p->lx.tok.kind != TK_RBRACKET) expect(p, TK_COMMA);
        }
        next(p);
        n->a = head;
        node_end(p, n);
        return n;
    }
    if (eat(p, TK_LBRACE)) {
        JsNode *n = node_new(p, JS_OBJECT_PATTERN, start);
        while (p->lx.tok.kind != TK_RBRACE) {
            JsNode *el;
            uint32_t ps = p->lx.tok.start;
            if (eat(p, TK_DOT3)) {
                el = node_new(p, JS_REST, ps);
                el->a = parse_binding_identifier(p);
                node_end(p, el);
                if (p->lx.tok.kind != TK_RBRACE)
                    error_at(p, ps, prev_end(p), "a rest element must be last in a destructuring pattern");
            } else {
                el = node_new(p, JS_PROPERTY, ps);
                el->op = JS_PROP_INIT;
                bool plain_ident = p->lx.tok.kind == TK_IDENTIFIER;
                JsToken key_tok = p->lx.tok;
                uint32_t kflags = 0;
                el->a = parse_property_name(p, &kflags);
                el->flags |= kflags;
                if (eat(p, TK_COLON)) {
                    el->b = parse_binding_element(p);
                } else {
                    if (!plain_ident) {
                        if (key_tok.kind >= TK_BREAK && key_tok.kind <= TK_WITH)
                            error_at(p, key_tok.start, key_tok.end, "\"%s\" is a reserved word and cannot be used as a name",
                                     js_token_text(key_tok.kind));
                        error_unexpected(p);
                    }
                    check_binding_token(p, &key_tok);
                    el->flags |= JS_F_SHORTHAND;
                    JsNode *id = identifier_from_token(p, &key_tok);
                    if (p->lx.tok.kind == TK_EQ) {
                        next(p);
                        JsNode *ap = node_new(p, JS_ASSIGN_PATTERN, key_tok.start);
                        ap->a = id;
                        ap->b = parse_assign(p);
                        node_end(p, ap);
                        el->b = ap;
                    } else {
                        el->b = id;
                    }
                }
                node_end(p, el);
            }
            *tail = el;
            tail = &el->next;
            if (p->lx.tok.kind != TK_RBRACE) expect(p, TK_COMMA);
        }
        next(p);
        n->a = head;
        node_end(p, n);
        return n;
    }
    return parse_binding_identifier(p);
}

/* ---- literals ------------------------------------------------------------ */

static JsNode *string_node(Parser *p) {
    const JsToken *t = &p->lx.tok;
    if (t->flags & JS_TOKF_LEGACY_OCTAL) {
        if (p->ctx & CTX_STRICT) error_at(p, t->start, t->end, "legacy octal escape sequences are not allowed in strict mode");
        sloppy_only(p, t->start, t->end, "a legacy octal escape sequence (\\0 to \\7 followed by a digit, \\8, \\9)");
        p->octal_at = t->start + 1;
    }
    JsNode *n = node_new(p, JS_STRING_LIT, t->start);
    n->id.str = t->str;
    n->id.len = t->len;
    next(p);
    return n;
}

/* PropertyName: identifier or keyword, string, number, [expression], and in
 * classes #private.  *flags gets JS_F_COMPUTED for [expression]. */
JsNode *parse_property_name(Parser *p, uint32_t *flags) {
    const JsToken *t = &p->lx.tok;
    JsNode *n;
    switch (t->kind) {
    case TK_STRING: return string_node(p);
    case TK_NUMBER:
        if (t->flags & JS_TOKF_LEGACY_OCTAL) {
            if (p->ctx & CTX_STRICT) error_at(p, t->start, t->end, "legacy octal literals are not allowed in strict mode");
            sloppy_only(p, t->start, t->end, "a legacy octal literal (a number with a leading zero)");
        }
        n = node_new(p, JS_NUMBER_LIT, t->start);
        n->num = t->number;
        next(p);
        return n;
    case TK_BIGINT:
        n = node_new(p, JS_BIGINT_LIT, t->start);
        n->id.str = p->lx.src + t->start;
        n->id.len = t->end - t->start;
        next(p);
        return n;
    case TK_LBRACKET:
        next(p);
        n = parse_assign_in(p);
        expect(p, TK_RBRACKET);
        *flags |= JS_F_COMPUTED;
        return n;
    case TK_PRIVATE_NAME:
        n = node_new(p, JS_PRIVATE_NAME, t->start);
        n->id.str = t->str;
        n->id.len = t->len;
        next(p);
        return n;
    default:
        if (!tok_is_name(p)) error_unexpected(p);
        n = node_new(p, JS_IDENTIFIER, t->start);
        n->id.str = t->kind == TK_IDENTIFIER ? t->str : js_token_text(t->kind);
        n->id.len = t->kind == TK_IDENTIFIER ? t->len : (uint32_t)strlen(js_token_text(t->kind));
        next(p);
        return n;
    }
}

JsNode *parse_template(Parser *p, bool tagged) {
    JsNode *tpl = node_new(p, JS_TEMPLATE, p->lx.tok.start);
    JsNode *head = NULL, **tail = &head;
    for (;;) {
        const JsToken *t = &p->lx.tok;
        JsNode *el = node_new(p, JS_TEMPLATE_ELEMENT, t->start);
        if (t->flags & JS_TOKF_INVALID_ESCAPE) {
            if (!tagged) error_at(p, t->start, t->end, "invalid escape sequence in template literal");
            el->flags |= JS_F_INVALID;
        } else {
            el->id.str = t->str;
            el->id.len = t->len;
        }
        *tail = el;
        tail = &el->next;
        JsTokenKind k = t->kind;
        if (k == TK_TEMPLATE_NOSUB || k == TK_TEMPLATE_TAIL) {
            el->flags |= JS_F_TAIL;
            next(p);
            break;
        }
        next(p);
        JsNode *e = parse_expression_in(p);
        *tail = e;
        tail = &e->next;
        if (p->lx.tok.kind != TK_RBRACE) error_unexpected(p);
        js_lex_template_continue(&p->lx);
    }
    tpl->a = head;
    node_end(p, tpl);
    return tpl;
}

/* ...expr in an array, an object or arguments.  With cover, the operand's
 * pending cover errors stay pending (the literal may become a pattern). */
static JsNode *parse_spread(Parser *p, bool cover) {
    uint32_t s = p->lx.tok.start;
    next(p); /* ... */
    JsNode *n = node_new(p, JS_SPREAD, s);
    n->a = cover ? parse_expr(p, L_COMMA) : parse_assign(p);
    node_end(p, n);
    return n;
}

/* Arguments: ( [...]expr, ... ) with an optional trailing comma.  With
 * cover, pending cover errors are left for the caller (async arrows). */
static JsNode *parse_arguments(Parser *p, bool cover) {
    uint32_t saved = p->ctx;
    p->ctx &= ~(uint32_t)CTX_NO_IN;
    expect(p, TK_LPAREN);
    JsNode *head = NULL, **tail = &head;
    while (p->lx.tok.kind != TK_RPAREN) {
        JsNode *arg;
        if (p->lx.tok.kind == TK_DOT3) arg = parse_spread(p, cover);
        else arg = cover ? parse_expr(p, L_COMMA) : parse_assign(p);
        *tail = arg;
        tail = &arg->next;
        if (p->lx.tok.kind != TK_RPAREN) expect(p, TK_COMMA);
    }
    next(p);
    p->ctx = saved;
    return head;
}

static JsNode *parse_array(Parser *p) {
    JsNode *n = node_new(p, JS_ARRAY, p->lx.tok.start);
    uint32_t saved = p->ctx;
    p->ctx &= ~(uint32_t)CTX_NO_IN;
    next(p);
    JsNode *head = NULL, **tail = &head;
    while (p->lx.tok.kind != TK_RBRACKET) {
        JsNode *el;
        if (p->lx.tok.kind == TK_COMMA) {
            el = node_new(p, JS_HOLE, p->lx.tok.start);
            el->end = el->start;
        } else if (p->lx.tok.kind == TK_DOT3) {
            el = parse_spread(p, true);
            /* A comma after a spread: fine in a literal, not in a pattern. */
            if (p->lx.tok.kind == TK_COMMA) n->flags |= JS_F_SPREAD_COMMA;
        } else {
            el = parse_expr(p, L_COMMA);
        }
        *tail = el;
        tail = &el->next;
        if (p->lx.tok.kind != TK_RBRACKET) {
            expect(p, TK_COMMA);
            if (el->kind != JS_SPREAD) n->flags &= ~(uint32_t)JS_F_SPREAD_COMMA;
        }
    }
    next(p);
    p->ctx = saved;
    n->a = head;
    node_end(p, n);
    return n;
}

/* A method's function: (params) { body }.  kind_ctx adds CTX_AWAIT /
 * CTX_YIELD / CTX_SUPER_CALL as the method's kind says. */
static JsNode *parse_method_function(Parser *p, uint32_t start, uint32_t fflags, uint32_t kind_ctx) {
    JsNode *fn = node_new(p, JS_FUNCTION, start);
    fn->flags = fflags;
    return parse_function_rest(p, fn, kind_ctx | CTX_SUPER_PROP | CTX_NEW_TARGET);
}

/* Does t begin a property name (identifier or keyword, string, number,
 * [computed], #private)? */
static bool starts_property_name(const JsToken *t) {
    switch (t->kind) {
    case TK_IDENTIFIER:
    case TK_STRING:
    case TK_NUMBER:
    case TK_BIGINT:
    case TK_LBRACKET:
    case TK_PRIVATE_NAME: return true;
    default: return t->kind >= TK_BREAK && t->kind <= TK_WITH;
    }
}

/* The words in front of a method's name, in objects and classes: async,
 * `*`, get, set.  A word is the member's own name when the token after it
 * says so (`(`, `:`, `,`, `}`, `=`, `;`, end of file); `async` must have
 * the rest on the same line, and get/set followed by a line break and no
 * property name is a field called get (ASI).  Adds JS_F_ASYNC and
 * JS_F_GENERATOR to *fflags and returns JS_PROP_METHOD/GET/SET, or
 * JS_PROP_INIT when there was no prefix. */
uint8_t parse_method_prefix(Parser *p, uint32_t *fflags) {
    uint8_t kind = JS_PROP_INIT;
    if (is_word(p, "async") || is_word(p, "get") || is_word(p, "set")) {
        JsToken la = peek(p);
        bool is_name;
        switch (la.kind) {
        case TK_LPAREN:
        case TK_COLON:
        case TK_COMMA:
        case TK_RBRACE:
        case TK_EQ:
        case TK_SEMICOLON:
        case TK_EOF: is_name = true; break;
        default: is_name = false;
        }
        bool newline = la.flags & JS_TOKF_NEWLINE_BEFORE;
        if (!is_name && p->lx.tok.str[0] == 'a') {
            if (!newline) {
                next(p);
                *fflags |= JS_F_ASYNC;
                kind = JS_PROP_METHOD;
            }
        } else if (!is_name && !(newline && !starts_property_name(&la))) {
            kind = p->lx.tok.str[0] == 'g' ? JS_PROP_GET : JS_PROP_SET;
            next(p);
            return kind;
        }
    }
    if (eat(p, TK_STAR)) {
        *fflags |= JS_F_GENERATOR;
        kind = JS_PROP_METHOD;
    }
    return kind;
}

static void check_accessor_params(Parser *p, JsNode *fn, uint8_t kind) {
    uint32_t count = 0;
    bool rest = false;
    for (JsNode *q = fn->b; q; q = q->next) {
        count++;
        if (q->kind == JS_REST) rest = true;
    }
    if (kind == JS_PROP_GET && count != 0) error_at(p, fn->start, fn->end, "a getter cannot have parameters");
    if (kind == JS_PROP_SET && (count != 1 || rest))
        error_at(p, fn->start, fn->end, "a setter must have exactly one parameter");
}

static JsNode *parse_object(Parser *p) {
    JsNode *n = node_new(p, JS_OBJECT, p->lx.tok.start);
    uint32_t saved = p->ctx;
    p->ctx &= ~(uint32_t)CTX_NO_IN;
    next(p);
    JsNode *head = NULL, **tail = &head;
    bool saw_proto = false;
    while (p->lx.tok.kind != TK_RBRACE) {
        uint32_t ps = p->lx.tok.start;
        JsNode *prop;
        if (p->lx.tok.kind == TK_DOT3) {
            prop = parse_spread(p, true);
            if (p->lx.tok.kind == TK_COMMA) n->flags |= JS_F_SPREAD_COMMA;
        } else {
            prop = node_new(p, JS_PROPERTY, ps);
            prop->op = JS_PROP_INIT;
            uint32_t fflags = 0;
            uint8_t kind = parse_method_prefix(p, &fflags);
            JsToken key_tok = p->lx.tok;
            uint32_t kflags = 0;
            if (key_tok.kind == TK_PRIVATE_NAME) error_unexpected(p);
            prop->a = parse_property_name(p, &kflags);
            prop->flags |= kflags;
            if (kind != JS_PROP_INIT || p->lx.tok.kind == TK_LPAREN) {
                uint32_t kctx = (fflags & JS_F_ASYNC ? CTX_AWAIT : 0) | (fflags & JS_F_GENERATOR ? CTX_YIELD : 0);
                prop->b = parse_method_function(p, p->lx.tok.start, fflags, kctx);
                if (kind == JS_PROP_GET || kind == JS_PROP_SET) {
                    prop->op = kind;
                    check_accessor_params(p, prop->b, kind);
                } else {
                    prop->flags |= JS_F_METHOD;
                }
            } else if (eat(p, TK_COLON)) {
                prop->b = parse_expr(p, L_COMMA);
                if (!(kflags & JS_F_COMPUTED) && (key_tok.kind == TK_IDENTIFIER || key_tok.kind == TK_STRING) &&
                    name_is(prop->a->id.str, prop->a->id.len, "__proto__")) {
                    prop->flags |= JS_F_PROTO;
                    if (saw_proto) set_cover_error(p, key_tok.start, "duplicate __proto__ property in object literal");
                    saw_proto = true;
                }
            } else {
                /* Shorthand: { a } or { a = 1 } (the latter only as a pattern). */
                if (key_tok.kind != TK_IDENTIFIER) {
                    if (key_tok.kind >= TK_BREAK && key_tok.kind <= TK_WITH)
                        error_at(p, key_tok.start, key_tok.end, "\"%s\" is a reserved word and cannot be used as a name",
                                 js_token_text(key_tok.kind));
                    error_unexpected(p);
                }
                check_reference_token(p, &key_tok);
                JsNode *id = identifier_from_token(p, &key_tok);
                prop->flags |= JS_F_SHORTHAND;
                if (p->lx.tok.kind == TK_EQ) {
                    uint32_t eq = p->lx.tok.start;
                    next(p);
                    JsNode *as = node_new(p, JS_ASSIGN, key_tok.start);
                    as->op = TK_EQ;
                    as->a = id;
                    as->b = parse_assign(p);
                    node_end(p, as);
                    prop->b = as;
                    prop->flags |= JS_F_COVER_INIT;
                    set_cover_error(p, eq, "invalid shorthand property initializer");
                } else {
                    prop->b = id;
                }
            }
            node_end(p, prop);
        }
        *tail = prop;
        tail = &prop->next;
        if (p->lx.tok.kind != TK_RBRACE) {
            expect(p, TK_COMMA);
            if (prop->kind != JS_SPREAD) n->flags &= ~(uint32_t)JS_F_SPREAD_COMMA;
        }
    }
    next(p);
    p->ctx = saved;
    n->a = head;
    node_end(p, n);
    return n;
}

/* ---- arrows and parentheses ------------------------------------------------ */

typedef struct CoverState {
    uint32_t await_expr_at, await_ident_at, yield_expr_at;
} CoverState;

static CoverState cover_save(Parser *p) {
    CoverState s = {p->await_expr_at, p->await_ident_at, p->yield_expr_at};
    p->await_expr_at = p->await_ident_at = p->yield_expr_at = 0;
    return s;
}

static void cover_restore(Parser *p, CoverState s) {
    if (!p->await_expr_at) p->await_expr_at = s.await_expr_at;
    if (!p->await_ident_at) p->await_ident_at = s.await_ident_at;
    if (!p->yield_expr_at) p->yield_expr_at = s.yield_expr_at;
}

/* Checks what an arrow's parameters, parsed as expressions, may not hold. */
static void check_arrow_cover(Parser *p, bool async) {
    if (p->await_expr_at) error_at(p, p->await_expr_at - 1, p->await_expr_at - 1, "an arrow function's parameters cannot contain \"await\"");
    if (p->yield_expr_at) error_at(p, p->yield_expr_at - 1, p->yield_expr_at - 1, "an arrow function's parameters cannot contain \"yield\"");
    if (async && p->await_ident_at)
        error_at(p, p->await_ident_at - 1, p->await_ident_at - 1, "an async arrow function's parameters cannot use \"await\"");
}

static JsNode *arrow_from_params(Parser *p, JsNode *params, uint32_t start, bool async, Level level) {
    if (level > L_ASSIGN) error_at(p, p->lx.tok.start, p->lx.tok.end, "unexpected \"=>\"");
    if (at_newline(p)) error_at(p, p->lx.tok.start, p->lx.tok.end, "a line break cannot come before \"=>\"");
    for (JsNode *q = params; q; q = q->next) {
        if (q->kind == JS_SPREAD || q->kind == JS_REST) {
            q->kind = JS_REST;
            if (q->a->kind == JS_ASSIGN || q->a->kind == JS_ASSIGN_PATTERN)
                error_at(p, q->a->start, q->a->end, "a rest parameter cannot have a default value");
            q->a = to_pattern(p, q->a, true);
        } else {
            JsNode *t = to_pattern(p, q, true);
            (void)t;
        }
    }
    JsNode *arrow = node_new(p, JS_ARROW, start);
    return parse_arrow_body(p, arrow, params, start, async);
}

/* ( ... ): a parenthesized expression or an arrow function's parameters. */
static JsNode *parse_paren(Parser *p, Level level) {
    uint32_t start = p->lx.tok.start;
    CoverState cs = cover_save(p);
    uint32_t saved_ctx = p->ctx;
    p->ctx &= ~(uint32_t)CTX_NO_IN;
    next(p);
    JsNode *head = NULL, **tail = &head;
    uint32_t rest_at = 0, comma_at = 0, count = 0;
    uint32_t saved_cover = p->cover_init_at;
    const char *saved_msg = p->cover_msg;
    p->cover_init_at = 0;
    while (p->lx.tok.kind != TK_RPAREN) {
        if (rest_at) error_unexpected(p);
        JsNode *item;
        if (p->lx.tok.kind == TK_DOT3) {
            uint32_t s = p->lx.tok.start;
            rest_at = s + 1;
            next(p);
            item = node_new(p, JS_REST, s);
            item->a = parse_binding_target(p);
            if (p->lx.tok.kind == TK_EQ) error_at(p, p->lx.tok.start, p->lx.tok.end, "a rest parameter cannot have a default value");
            node_end(p, item);
        } else {
            item = parse_expr(p, L_COMMA);
        }
        count++;
        *tail = item;
        tail = &item->next;
        comma_at = 0;
        if (p->lx.tok.kind != TK_RPAREN) {
            comma_at = p->lx.tok.start + 1;
            expect(p, TK_COMMA);
        }
    }
    uint32_t close = p->lx.tok.start;
    next(p);
    p->ctx = saved_ctx;
    if (p->lx.tok.kind == TK_ARROW) {
        check_arrow_cover(p, false);
        cover_restore(p, cs);
        p->cover_init_at = saved_cover;
        p->cover_msg = saved_msg;
        return arrow_from_params(p, head, start, false, level);
    }
    check_no_cover_init(p);
    p->cover_init_at = saved_cover;
    p->cover_msg = saved_msg;
    cover_restore(p, cs);
    if (!count) error_at(p, close, close + 1, "unexpected \")\"");
    if (rest_at) error_at(p, rest_at - 1, rest_at + 2, "unexpected \"...\"");
    if (comma_at) error_at(p, comma_at - 1, comma_at, "unexpected \",\" before \")\"");
    JsNode *e = head;
    if (count > 1) {
        e = node_new(p, JS_SEQUENCE, head->start);
        e->a = head;
        e->end = close;
    }
    e->flags |= JS_F_PARENS;
    return e;
}

/* async ( ... ): a call of a function named async, or an async arrow. */
static JsNode *parse_async_paren(Parser *p, JsNode *async_id, Level level) {
    uint32_t start = async_id->start;
    CoverState cs = cover_save(p);
    uint32_t saved_cover = p->cover_init_at;
    const char *saved_msg = p->cover_msg;
    p->cover_init_at = 0;
    JsNode *args = parse_arguments(p, true);
    if (p->lx.tok.kind == TK_ARROW && !at_newline(p)) {
        check_arrow_cover(p, true);
        cover_restore(p, cs);
        p->cover_init_at = saved_cover;
        p->cover_msg = saved_msg;
        return arrow_from_params(p, args, start, true, level);
    }
    check_no_cover_init(p);
    p->cover_init_at = saved_cover;
    p->cover_msg = saved_msg;
    cover_restore(p, cs);
    JsNode *call = node_new(p, JS_CALL, start);
    call->a = async_id;
    call->b = args;
    node_end(p, call);
    return call;
}

/* ---- prefix ------------------------------------------------------------------ */

static bool starts_no_argument(const Parser *p) {
    switch (p->lx.tok.kind) {
    case TK_RPAREN:
    case TK_RBRACKET:
    case TK_RBRACE:
    case TK_COMMA:
    case TK_SEMICOLON:
    case TK_COLON:
    case TK_EOF:
    case TK_IN:
    case TK_QUESTION: return true;
    default: return at_newline(p);
    }
}

static JsNode *parse_yield(Parser *p, Level level) {
    uint32_t start = p->lx.tok.start;
    if (level > L_ASSIGN) error_at(p, start, p->lx.tok.end, "cannot use \"yield\" here");
    if (p->ctx & CTX_PARAMS) error_at(p, start, p->lx.tok.end, "cannot use \"yield\" in parameters");
    next(p);
    JsNode *n = node_new(p, JS_YIELD, start);
    p->yield_expr_at = start + 1;
    if (p->lx.tok.kind == TK_STAR && !at_newline(p)) {
        next(p);
        n->flags |= JS_F_DELEGATE;
        n->a = parse_expr(p, L_YIELD);
    } else if (!starts_no_argument(p)) {
        n->a = parse_expr(p, L_YIELD);
    }
    node_end(p, n);
    return n;
}

static JsNode *parse_new(Parser *p) {
    uint32_t start = p->lx.tok.start;
    next(p);
    if (eat(p, TK_DOT)) {
        if (!is_word(p, "target")) error_unexpected(p);
        if (!(p->ctx & CTX_NEW_TARGET)) error_at(p, start, p->lx.tok.end, "\"new.target\" is only valid inside functions");
        JsNode *n = node_new(p, JS_META_PROPERTY, start);
        n->op = JS_META_NEW_TARGET;
        next(p);
        node_end(p, n);
        return n;
    }
    if (p->lx.tok.kind == TK_IMPORT && peek(p).kind == TK_LPAREN)
        error_at(p, p->lx.tok.start, p->lx.tok.end, "cannot use \"new\" with \"import()\"");
    uint32_t cstart = p->lx.tok.start;
    JsNode *callee = parse_prefix(p, L_MEMBER);
    if (callee->kind == JS_SUPER && p->lx.tok.kind == TK_LPAREN) error_at(p, callee->start, callee->end, "cannot use \"new\" with \"super()\"");
    callee = parse_suffix(p, callee, L_CALL, cstart);
    JsNode *n = node_new(p, JS_NEW, start);
    n->a = callee;
    if (p->lx.tok.kind == TK_LPAREN) n->b = parse_arguments(p, false);
    node_end(p, n);
    return n;
}

static JsNode *parse_import_expr(Parser *p, Level level) {
    uint32_t start = p->lx.tok.start;
    next(p);
    if (eat(p, TK_DOT)) {
        if (!is_word(p, "meta")) error_unexpected(p);
        if (!p->module) {
            p->saw_module_syntax = true;
            error_at(p, start, p->lx.tok.end, "\"import.meta\" is only valid in modules");
        }
        JsNode *n = node_new(p, JS_META_PROPERTY, start);
        n->op = JS_META_IMPORT_META;
        next(p);
        node_end(p, n);
        return n;
    }
    if (p->lx.tok.kind != TK_LPAREN) error_unexpected(p);
    if (level > L_CALL) error_unexpected(p);
    uint32_t saved = p->ctx;
    p->ctx &= ~(uint32_t)CTX_NO_IN;
    next(p);
    JsNode *n = node_new(p, JS_IMPORT_CALL, start);
    if (p->lx.tok.kind == TK_RPAREN || p->lx.tok.kind == TK_DOT3) error_unexpected(p);
    n->a = parse_assign(p);
    if (eat(p, TK_COMMA) && p->lx.tok.kind != TK_RPAREN) {
        if (p->lx.tok.kind == TK_DOT3) error_unexpected(p);
        n->b = parse_assign(p);
        eat(p, TK_COMMA);
    }
    expect(p, TK_RPAREN);
    p->ctx = saved;
    node_end(p, n);
    return n;
}

static void record_private_ref(Parser *p, const JsNode *name) {
    if (!p->classes.len)
        error_at(p, name->start, name->end, "private name \"#%.*s\" must be declared in an enclosing class",
                 (int)name->id.len, name->id.str);
    PrivateName pn = {name->id.str, name->id.len, name->start, name->end, 0xff, false};
    VEC_PUSH(&p->privates, pn);
}

static JsNode *prefix(Parser *p, Level level);

/* Every recursion of the expression grammar passes through here, so this
 * is where nesting is bounded: a million `[` is a diagnostic, not a stack
 * overflow. */
static JsNode *parse_prefix(Parser *p, Level level) {
    enter_nesting(p);
    JsNode *n = prefix(p, level);
    p->depth--;
    return n;
}

static JsNode *prefix(Parser *p, Level level) {
    const JsToken *t = &p->lx.tok;
    uint32_t start = t->start;
    JsNode *n;
    switch (t->kind) {
    case TK_SUPER: {
        n = node_new(p, JS_SUPER, start);
        next(p);
        JsTokenKind k = p->lx.tok.kind;
        if (k == TK_LPAREN) {
            if (!(p->ctx & CTX_SUPER_CALL)) error_at(p, start, n->end, "\"super()\" is only valid in a derived class's constructor");
        } else if (k == TK_DOT || k == TK_LBRACKET) {
            if (!(p->ctx & CTX_SUPER_PROP)) error_at(p, start, n->end, "\"super\" is only valid inside methods");
        } else {
            error_at(p, start, n->end, "unexpected \"super\"");
        }
        return n;
    }
    case TK_THIS: n = node_new(p, JS_THIS, start); next(p); return n;
    case TK_NULL: n = node_new(p, JS_NULL_LIT, start); next(p); return n;
    case TK_TRUE:
    case TK_FALSE:
        n = node_new(p, JS_BOOL_LIT, start);
        if (t->kind == TK_TRUE) n->flags |= JS_F_TRUE;
        next(p);
        return n;
    case TK_NUMBER:
    case TK_BIGINT:
    case TK_STRING: {
        uint32_t f = 0;
        return parse_property_name(p, &f);
    }
    case TK_TEMPLATE_NOSUB:
    case TK_TEMPLATE_HEAD: return parse_template(p, false);
    case TK_SLASH:
    case TK_SLASH_EQ:
        js_lex_regexp(&p->lx);
        {
            const JsToken *rt = &p->lx.tok;
            const char *flags = rt->str + rt->len + 1; /* past the closing slash */
            const char *msg;
            uint32_t at;
            if (!js_regexp_check(rt->str, rt->len, flags, (uint32_t)(p->lx.src + rt->end - flags), &msg, &at)) {
                uint32_t pos = (uint32_t)(rt->str - p->lx.src) + at;
                error_at(p, pos, pos + 1, "invalid regular expression: %s", msg);
            }
        }
        n = node_new(p, JS_REGEXP_LIT, start);
        n->id.str = p->lx.tok.str;
        n->id.len = p->lx.tok.len;
        next(p);
        return n;
    case TK_LPAREN: return parse_paren(p, level);
    case TK_LBRACKET: return parse_array(p);
    case TK_LBRACE: return parse_object(p);
    case TK_FUNCTION: return parse_function(p, JS_FUNCTION, start, 0, false);
    case TK_CLASS: return parse_class(p, JS_CLASS, false);
    case TK_NEW: return parse_new(p);
    case TK_IMPORT: return parse_import_expr(p, level);
    case TK_BANG:
    case TK_TILDE:
    case TK_PLUS:
    case TK_MINUS:
    case TK_TYPEOF:
    case TK_VOID:
    case TK_DELETE: {
        JsTokenKind op = t->kind;
        if (level > L_PREFIX) error_unexpected(p);
        next(p);
        n = node_new(p, JS_UNARY, start);
        n->op = (uint8_t)op;
        n->a = parse_expr(p, L_PREFIX);
        node_end(p, n);
        if (op == TK_DELETE) {
            JsNode *arg = n->a;
            if (arg->kind == JS_IDENTIFIER) {
                if (p->ctx & CTX_STRICT) error_at(p, n->start, n->end, "cannot delete a bare identifier in strict mode");
                sloppy_only(p, n->start, n->end, "a delete of a plain identifier");
            }
            if (arg->kind == JS_CHAIN) arg = arg->a;
            if (arg->kind == JS_MEMBER && arg->b->kind == JS_PRIVATE_NAME)
                error_at(p, n->start, n->end, "cannot delete a private field");
        }
        if (p->lx.tok.kind == TK_STAR2)
            error_at(p, p->lx.tok.start, p->lx.tok.end, "a unary expression cannot be the left side of \"**\"; add parentheses");
        return n;
    }
    case TK_PLUS2:
    case TK_MINUS2: {
        JsTokenKind op = t->kind;
        if (level > L_PREFIX) error_unexpected(p);
        next(p);
        n = node_new(p, JS_UPDATE, start);
        n->op = (uint8_t)op;
        n->flags |= JS_F_PREFIX;
        n->a = parse_expr(p, L_PREFIX);
        check_simple_target(p, n->a, "operand for a prefix operator");
        node_end(p, n);
        return n;
    }
    case TK_PRIVATE_NAME:
        n = node_new(p, JS_PRIVATE_NAME, start);
        n->id.str = t->str;
        n->id.len = t->len;
        next(p);
        if (p->lx.tok.kind != TK_IN || level >= L_COMPARE || (p->ctx & CTX_NO_IN)) error_at(p, n->start, n->end, "unexpected private name");
        record_private_ref(p, n);
        return n;
    case TK_IDENTIFIER: {
        bool escaped = t->flags & JS_TOKF_ESCAPED;
        if (!escaped && name_is(t->str, t->len, "async")) {
            JsToken la = peek(p);
            bool nl = la.flags & JS_TOKF_NEWLINE_BEFORE;
            if (la.kind == TK_FUNCTION && !nl) {
                next(p);
                return parse_function(p, JS_FUNCTION, start, JS_F_ASYNC, false);
            }
            if (la.kind == TK_IDENTIFIER && !nl) {
                next(p);
                uint32_t saved = p->ctx;
                p->ctx |= CTX_AWAIT;
                JsNode *param = parse_binding_identifier(p);
                p->ctx = saved;
                if (p->lx.tok.kind != TK_ARROW) error_unexpected(p);
                return arrow_from_params(p, param, start, true, level);
            }
            if (la.kind == TK_LPAREN && !nl) {
                JsNode *id = parse_identifier_ref(p);
                return parse_async_paren(p, id, level);
            }
        }
        if (!escaped && name_is(t->str, t->len, "await") && (p->ctx & CTX_AWAIT)) {
            if (level > L_PREFIX) error_unexpected(p);
            if (p->ctx & CTX_PARAMS) error_at(p, start, t->end, "cannot use \"await\" in parameters");
            next(p);
            n = node_new(p, JS_AWAIT, start);
            p->await_expr_at = start + 1;
            n->a = parse_expr(p, L_PREFIX);
            node_end(p, n);
            if (p->lx.tok.kind == TK_STAR2)
                error_at(p, p->lx.tok.start, p->lx.tok.end, "an await expression cannot be the left side of \"**\"; add parentheses");
            return n;
        }
        if (!escaped && name_is(t->str, t->len, "yield") && (p->ctx & CTX_YIELD)) return parse_yield(p, level);
        if ((p->ctx & CTX_STATIC_BLOCK) && name_is(t->str, t->len, "await"))
            error_at(p, start, t->end, "cannot use \"await\" in a class static block");
        n = parse_identifier_ref(p);
        if (p->lx.tok.kind == TK_ARROW) return arrow_from_params(p, n, start, false, level);
        return n;
    }
    default:
        error_unexpected(p);
    }
}

/* ---- suffix ------------------------------------------------------------------ */

Level js_binary_level(JsTokenKind k) {
    switch (k) {
    case TK_QUESTION2: return L_NULLISH;
    case TK_BAR2: return L_LOGICAL_OR;
    case TK_AMP2: return L_LOGICAL_AND;
    case TK_BAR: return L_BITWISE_OR;
    case TK_CARET: return L_BITWISE_XOR;
    case TK_AMP: return L_BITWISE_AND;
    case TK_EQ2:
    case TK_NE:
    case TK_EQ3:
    case TK_NE2: return L_EQUALS;
    case TK_LT:
    case TK_GT:
    case TK_LE:
    case TK_GE:
    case TK_INSTANCEOF:
    case TK_IN: return L_COMPARE;
    case TK_SHL:
    case TK_SAR:
    case TK_SHR: return L_SHIFT;
    case TK_PLUS:
    case TK_MINUS: return L_ADD;
    case TK_STAR:
    case TK_SLASH:
    case TK_PERCENT: return L_MULTIPLY;
    case TK_STAR2: return L_EXPONENT;
    default: return L_LOWEST;
    }
}

static bool is_assign_op(JsTokenKind k) {
    switch (k) {
    case TK_EQ:
    case TK_PLUS_EQ:
    case TK_MINUS_EQ:
    case TK_STAR_EQ:
    case TK_STAR2_EQ:
    case TK_SLASH_EQ:
    case TK_PERCENT_EQ:
    case TK_SHL_EQ:
    case TK_SAR_EQ:
    case TK_SHR_EQ:
    case TK_AMP_EQ:
    case TK_BAR_EQ:
    case TK_CARET_EQ:
    case TK_AMP2_EQ:
    case TK_BAR2_EQ:
    case TK_QUESTION2_EQ: return true;
    default: return false;
    }
}

static bool is_logical_and_or(const JsNode *n) {
    return n->kind == JS_LOGICAL && !(n->flags & JS_F_PARENS) && (n->op == TK_AMP2 || n->op == TK_BAR2);
}

static JsNode *member_name(Parser *p, JsNode *obj, uint32_t start, uint32_t flags) {
    JsNode *m = node_new(p, JS_MEMBER, start);
    m->a = obj;
    m->flags |= flags;
    const JsToken *t = &p->lx.tok;
    if (t->kind == TK_PRIVATE_NAME) {
        JsNode *pn = node_new(p, JS_PRIVATE_NAME, t->start);
        pn->id.str = t->str;
        pn->id.len = t->len;
        if (obj->kind == JS_SUPER) error_at(p, t->start, t->end, "cannot access a private name through \"super\"");
        record_private_ref(p, pn);
        m->b = pn;
        next(p);
    } else {
        uint32_t f = 0;
        if (!tok_is_name(p)) error_unexpected(p);
        m->b = parse_property_name(p, &f);
    }
    node_end(p, m);
    return m;
}

/* An arrow function, a yield expression and a postfix update end the
 * operand they are: `() => {}()`, `a++()` and `yield\n* a` are not calls or
 * products.  What may follow them is a comma, a binary operator (after
 * a++ only), or the end of the expression. */
static bool ends_operand(const JsNode *n) {
    if (n->flags & JS_F_PARENS) return false;
    return n->kind == JS_ARROW || n->kind == JS_YIELD || (n->kind == JS_UPDATE && !(n->flags & JS_F_PREFIX));
}

static JsNode *parse_suffix(Parser *p, JsNode *left, Level level, uint32_t start) {
    bool chain = false;
    for (;;) {
        const JsToken *t = &p->lx.tok;
        JsTokenKind k = t->kind;
        if (ends_operand(left) && k != TK_COMMA) {
            if (left->kind == JS_UPDATE) {
                if (k == TK_DOT || k == TK_QUESTION_DOT || k == TK_LBRACKET || k == TK_LPAREN ||
                    k == TK_TEMPLATE_HEAD || k == TK_TEMPLATE_NOSUB || k == TK_PLUS2 || k == TK_MINUS2) {
                    if (at_newline(p) && (k == TK_PLUS2 || k == TK_MINUS2)) return left;
                    error_unexpected(p);
                }
            } else {
                /* On a new line the statement simply ends (ASI decides). */
                if (at_newline(p) && left->kind == JS_ARROW) return left;
                switch (k) {
                case TK_RPAREN:
                case TK_RBRACKET:
                case TK_RBRACE:
                case TK_SEMICOLON:
                case TK_COLON:
                case TK_EOF: return left;
                default:
                    if (left->kind == JS_YIELD) return left;
                    error_unexpected(p);
                }
            }
        }
        /* Member access and calls continue an optional chain. */
        switch (k) {
        case TK_DOT:
            next(p);
            left = member_name(p, left, start, 0);
            continue;
        case TK_QUESTION_DOT:
            if (level >= L_CALL) error_at(p, t->start, t->end, "optional chaining cannot be used with \"new\"");
            if (left->kind == JS_SUPER) error_unexpected(p);
            next(p);
            chain = true;
            if (p->lx.tok.kind == TK_LPAREN) {
                JsNode *c = node_new(p, JS_CALL, start);
                c->a = left;
                c->flags |= JS_F_OPTIONAL;
                c->b = parse_arguments(p, false);
                node_end(p, c);
                left = c;
            } else if (eat(p, TK_LBRACKET)) {
                JsNode *m = node_new(p, JS_MEMBER, start);
                m->a = left;
                m->flags |= JS_F_COMPUTED | JS_F_OPTIONAL;
                m->b = parse_expression_in(p);
                expect(p, TK_RBRACKET);
                node_end(p, m);
                left = m;
            } else if (p->lx.tok.kind == TK_TEMPLATE_NOSUB || p->lx.tok.kind == TK_TEMPLATE_HEAD) {
                error_at(p, p->lx.tok.start, p->lx.tok.end, "tagged template literals cannot be used in an optional chain");
            } else {
                left = member_name(p, left, start, JS_F_OPTIONAL);
            }
            continue;
        case TK_LBRACKET: {
            next(p);
            JsNode *m = node_new(p, JS_MEMBER, start);
            m->a = left;
            m->flags |= JS_F_COMPUTED;
            m->b = parse_expression_in(p);
            expect(p, TK_RBRACKET);
            node_end(p, m);
            left = m;
            continue;
        }
        case TK_LPAREN: {
            if (level >= L_CALL) break;
            JsNode *c = node_new(p, JS_CALL, start);
            c->a = left;
            c->b = parse_arguments(p, false);
            node_end(p, c);
            left = c;
            continue;
        }
        case TK_TEMPLATE_NOSUB:
        case TK_TEMPLATE_HEAD: {
            if (chain) error_at(p, t->start, t->end, "tagged template literals cannot be used in an optional chain");
            JsNode *tt = node_new(p, JS_TAGGED_TEMPLATE, start);
            tt->a = left;
            tt->b = parse_template(p, true);
            node_end(p, tt);
            left = tt;
            continue;
        }
        default: break;
        }
        if (chain) {
            JsNode *c = node_new(p, JS_CHAIN, start);
            c->a = left;
            c->end = left->end;
            left = c;
            chain = false;
        }
        k = p->lx.tok.kind;
        if (k == TK_PLUS2 || k == TK_MINUS2) {
            if (at_newline(p) || level >= L_POSTFIX) return left;
            check_simple_target(p, left, "operand for a postfix operator");
            JsNode *u = node_new(p, JS_UPDATE, start);
            u->op = (uint8_t)k;
            u->a = left;
            next(p);
            node_end(p, u);
            left = u;
            continue;
        }
        if (k == TK_QUESTION) {
            if (level >= L_CONDITIONAL) return left;
            next(p);
            JsNode *c = node_new(p, JS_CONDITIONAL, start);
            c->a = left;
            uint32_t saved = p->ctx;
            p->ctx &= ~(uint32_t)CTX_NO_IN;
            c->b = parse_expr(p, L_COMMA);
            p->ctx = saved;
            expect(p, TK_COLON);
            c->c = parse_expr(p, L_COMMA);
            node_end(p, c);
            left = c;
            continue;
        }
        if (is_assign_op(k)) {
            if (level >= L_ASSIGN) return left;
            if (k == TK_EQ && (left->kind == JS_OBJECT || left->kind == JS_ARRAY) && !(left->flags & JS_F_PARENS)) {
                left = to_pattern(p, left, false);
                p->cover_init_at = 0; /* the pattern's { a = 1 } are defaults now */
            } else {
                check_simple_target(p, left, "assignment target");
            }
            next(p);
            JsNode *as = node_new(p, JS_ASSIGN, start);
            as->op = (uint8_t)k;
            as->a = left;
            as->b = parse_expr(p, L_ASSIGN - 1);
            node_end(p, as);
            left = as;
            continue;
        }
        if (k == TK_COMMA) {
            if (level >= L_COMMA) return left;
            JsNode *seq = node_new(p, JS_SEQUENCE, start);
            seq->a = left;
            JsNode **tail = &left->next;
            while (eat(p, TK_COMMA)) {
                JsNode *e = parse_expr(p, L_COMMA);
                *tail = e;
                tail = &e->next;
            }
            node_end(p, seq);
            return seq;
        }
        Level op_level = js_binary_level(k);
        if (op_level == L_LOWEST) {
            if (k == TK_ARROW) error_unexpected(p);
            return left;
        }
        if (k == TK_IN && (p->ctx & CTX_NO_IN)) return left;
        if (k == TK_STAR2) {
            if (level >= L_EXPONENT) return left;
        } else if (level >= op_level) {
            return left;
        }
        if (left->kind == JS_PRIVATE_NAME && k != TK_IN) error_unexpected(p);
        next(p);
        JsNode *b;
        if (k == TK_QUESTION2 || k == TK_BAR2 || k == TK_AMP2) {
            b = node_new(p, JS_LOGICAL, start);
            if (k == TK_QUESTION2 && is_logical_and_or(left))
                error_at(p, left->start, left->end, "cannot mix \"??\" with \"||\" or \"&&\" without parentheses");
            if (k != TK_QUESTION2 && left->kind == JS_LOGICAL && left->op == TK_QUESTION2 && !(left->flags & JS_F_PARENS))
                error_at(p, left->start, left->end, "cannot mix \"??\" with \"||\" or \"&&\" without parentheses");
        } else {
            b = node_new(p, JS_BINARY, start);
        }
        b->op = (uint8_t)k;
        b->a = left;
        b->b = parse_expr(p, k == TK_STAR2 ? L_EXPONENT - 1 : op_level);
        if (k == TK_QUESTION2 && is_logical_and_or(b->b))
            error_at(p, b->b->start, b->b->end, "cannot mix \"??\" with \"||\" or \"&&\" without parentheses");
        node_end(p, b);
        left = b;
    }
}
