/* js/purity.c: pure statements and expressions (see purity.h).
 * In: a bound AST.  Out: yes or no.  No memory, no state. */
#include "js/purity.h"

#include "js/lexer.h"

#include <string.h>

static bool is_name(const JsNode *n, const char *s) {
    return n->id.len == strlen(s) && !memcmp(n->id.str, s, n->id.len);
}

/* A literal that is a primitive (so converting it runs no user code). */
static bool is_primitive_literal(const JsNode *e) {
    switch ((JsNodeKind)e->kind) {
    case JS_NUMBER_LIT:
    case JS_STRING_LIT:
    case JS_BIGINT_LIT:
    case JS_BOOL_LIT:
    case JS_NULL_LIT: return true;
    case JS_IDENTIFIER: return !e->id.sym && (is_name(e, "undefined") || is_name(e, "NaN") || is_name(e, "Infinity"));
    default: return false;
    }
}

/* A property key, evaluated where it is computed: a primitive literal
 * (anything else could be an object whose conversion runs code). */
static bool key_is_pure(const JsNode *key, uint32_t flags) {
    return !(flags & JS_F_COMPUTED) || is_primitive_literal(key);
}

static bool class_is_pure(const JsNode *c) {
    if (c->b) return false; /* extends: evaluated, and may not be a constructor */
    for (const JsNode *m = c->c; m; m = m->next) {
        switch ((JsNodeKind)m->kind) {
        case JS_METHOD:
            if (!key_is_pure(m->a, m->flags)) return false;
            break;
        case JS_FIELD:
            if (!key_is_pure(m->a, m->flags)) return false;
            if ((m->flags & JS_F_STATIC) && m->b && !js_expr_is_pure(m->b)) return false;
            break;
        case JS_STATIC_BLOCK:
            if (m->a) return false;
            break;
        default: return false;
        }
    }
    return true;
}

bool js_expr_is_pure(const JsNode *e) {
    if (!e) return true;
    switch ((JsNodeKind)e->kind) {
    case JS_NUMBER_LIT:
    case JS_STRING_LIT:
    case JS_BIGINT_LIT:
    case JS_BOOL_LIT:
    case JS_NULL_LIT:
    case JS_REGEXP_LIT:
    case JS_FUNCTION:
    case JS_ARROW: return true;
    case JS_IDENTIFIER: return e->id.sym || is_primitive_literal(e);
    case JS_CLASS: return class_is_pure(e);
    case JS_TEMPLATE:
        for (const JsNode *q = e->a; q; q = q->next)
            if (q->kind != JS_TEMPLATE_ELEMENT && !is_primitive_literal(q)) return false;
        return true;
    case JS_ARRAY:
        for (const JsNode *q = e->a; q; q = q->next)
            if (q->kind != JS_HOLE && (q->kind == JS_SPREAD || !js_expr_is_pure(q))) return false;
        return true;
    case JS_OBJECT:
        for (const JsNode *p = e->a; p; p = p->next) {
            if (p->kind != JS_PROPERTY || !key_is_pure(p->a, p->flags)) return false;
            if (!js_expr_is_pure(p->b)) return false;
        }
        return true;
    case JS_UNARY:
        switch (e->op) {
        case TK_TYPEOF:
            /* typeof of a free name is "undefined", never a ReferenceError */
            return e->a->kind == JS_IDENTIFIER || js_expr_is_pure(e->a);
        case TK_VOID:
        case TK_BANG: return js_expr_is_pure(e->a);
        case TK_MINUS:
        case TK_PLUS:
        case TK_TILDE: return is_primitive_literal(e->a);
        default: return false;
        }
    case JS_BINARY:
        if (e->op == TK_EQ3 || e->op == TK_NE2) return js_expr_is_pure(e->a) && js_expr_is_pure(e->b);
        return is_primitive_literal(e->a) && is_primitive_literal(e->b) && e->op != TK_IN && e->op != TK_INSTANCEOF;
    case JS_LOGICAL: return js_expr_is_pure(e->a) && js_expr_is_pure(e->b);
    case JS_CONDITIONAL: return js_expr_is_pure(e->a) && js_expr_is_pure(e->b) && js_expr_is_pure(e->c);
    case JS_SEQUENCE:
        for (const JsNode *q = e->a; q; q = q->next)
            if (!js_expr_is_pure(q)) return false;
        return true;
    case JS_CALL:
    case JS_NEW:
        /* #__PURE__: the call itself has no effect; its arguments are still
         * evaluated (esbuild keeps their side effects) */
        if (!(e->flags & JS_F_PURE)) return false;
        for (const JsNode *q = e->b; q; q = q->next)
            if (q->kind == JS_SPREAD || !js_expr_is_pure(q)) return false;
        return true;
    default: return false;
    }
}

static bool declaration_is_pure(const JsNode *d) {
    switch ((JsNodeKind)d->kind) {
    case JS_FUNCTION_DECL: return true;
    case JS_CLASS_DECL: return class_is_pure(d);
    case JS_VAR_DECL:
        for (const JsNode *v = d->a; v; v = v->next)
            if (v->a->kind != JS_IDENTIFIER || !js_expr_is_pure(v->b)) return false;
        return true;
    default: return false;
    }
}

bool js_stmt_is_pure(const JsNode *s) {
    switch ((JsNodeKind)s->kind) {
    case JS_EMPTY:
    case JS_IMPORT_DECL:
    case JS_EXPORT_ALL: return true;
    case JS_FUNCTION_DECL:
    case JS_CLASS_DECL:
    case JS_VAR_DECL: return declaration_is_pure(s);
    case JS_EXPORT_NAMED: return !s->a || declaration_is_pure(s->a);
    case JS_EXPORT_DEFAULT:
        return s->a->kind == JS_FUNCTION_DECL || s->a->kind == JS_CLASS_DECL ? declaration_is_pure(s->a)
                                                                             : js_expr_is_pure(s->a);
    case JS_EXPR_STMT: return (s->flags & JS_F_DIRECTIVE) || js_expr_is_pure(s->a);
    default: return false;
    }
}

bool js_program_is_pure(const JsAst *ast) {
    for (const JsNode *s = ast->program->a; s; s = s->next)
        if (!js_stmt_is_pure(s)) return false;
    return true;
}
