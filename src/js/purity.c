/* js/purity.c: pure statements and expressions (see purity.h).
 * In: a bound AST.  Out: yes or no.  No memory, no state. */
#include "js/purity.h"

#include "js/lexer.h"
#include "js/scope.h"

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

/* A free name of a built-in object every JavaScript environment has
 * (reading it cannot throw, and reading a static property of it runs no
 * user code: these objects have no getters). */
static bool is_known_global(const JsNode *e) {
    static const char *const names[] = {
        "Array",     "ArrayBuffer", "BigInt",   "Boolean",  "DataView",   "Date",     "Error",
        "EvalError", "Float32Array", "Float64Array", "Function", "Int16Array", "Int32Array", "Int8Array",
        "JSON",      "Map",         "Math",     "Number",   "Object",     "Promise",  "Proxy",
        "RangeError", "ReferenceError", "Reflect", "RegExp", "Set",       "String",   "Symbol",
        "SyntaxError", "TypeError", "URIError", "Uint16Array", "Uint32Array", "Uint8Array",
        "Uint8ClampedArray", "WeakMap", "WeakSet",
    };
    if (e->kind != JS_IDENTIFIER || e->id.sym) return false;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (is_name(e, names[i])) return true;
    return false;
}

/* G.name with G a known global: a data property (or undefined). */
static bool is_global_member(const JsNode *e, const char *global, const char *name) {
    if (e->kind != JS_MEMBER || (e->flags & JS_F_COMPUTED) || !is_known_global(e->a)) return false;
    return (!global || is_name(e->a, global)) && (!name || is_name(e->b, name));
}

/* A property key, evaluated where it is computed: a primitive literal
 * (anything else could be an object whose conversion runs code). */
static bool is_primitive(const JsPurity *p, const JsNode *e);

/* A property key, evaluated where it is computed: a primitive (anything
 * else could be an object whose conversion runs code) or a well-known
 * symbol, which converts without running code too. */
static bool key_is_pure(const JsPurity *p, const JsNode *key, uint32_t flags) {
    return !(flags & JS_F_COMPUTED) || is_primitive(p, key) || is_global_member(key, "Symbol", NULL);
}

/* Math's and Number's constants: numbers. */
static bool is_number_constant(const JsNode *e) {
    static const char *const math[] = {"E", "LN10", "LN2", "LOG10E", "LOG2E", "PI", "SQRT1_2", "SQRT2"};
    static const char *const number[] = {"EPSILON",   "MAX_SAFE_INTEGER", "MAX_VALUE",         "MIN_SAFE_INTEGER",
                                         "MIN_VALUE", "NaN",              "NEGATIVE_INFINITY", "POSITIVE_INFINITY"};
    if (is_global_member(e, "Math", NULL)) {
        for (size_t i = 0; i < sizeof math / sizeof *math; i++)
            if (is_name(e->b, math[i])) return true;
    } else if (is_global_member(e, "Number", NULL)) {
        for (size_t i = 0; i < sizeof number / sizeof *number; i++)
            if (is_name(e->b, number[i])) return true;
    }
    return false;
}

/* Whether an operator applied to primitives can throw: mixing a BigInt
 * with a number in arithmetic does (TypeError), comparisons do not. */
static bool mixes_bigint(const JsNode *e) {
    if (e->a->kind != JS_BIGINT_LIT && e->b->kind != JS_BIGINT_LIT) return false;
    switch (e->op) {
    case TK_EQ2:
    case TK_EQ3:
    case TK_NE:
    case TK_NE2:
    case TK_LT:
    case TK_GT:
    case TK_LE:
    case TK_GE: return false;
    default: return e->a->kind != e->b->kind;
    }
}

/* An expression that is pure and whose value is a primitive (so that
 * converting it runs no user code): literals, a const of the module whose
 * value is one (JsPurity.primitive), Math's and Number's constants, and
 * operators on these (but for `in`, instanceof, and BigInt mixed with
 * numbers). */
/* The value --define puts in place of e, when e is a read it replaces. */
static const JsDefine *defined(const JsPurity *p, const JsNode *e) {
    return p && (e->kind == JS_IDENTIFIER || e->kind == JS_MEMBER) ? js_define_of(p->defines, e) : NULL;
}

static bool is_primitive(const JsPurity *p, const JsNode *e) {
    const JsDefine *d = defined(p, e);
    if (d) return d->kind == JS_DEFINE_PRIMITIVE;
    switch ((JsNodeKind)e->kind) {
    case JS_IDENTIFIER:
        if (!e->id.sym) return is_primitive_literal(e);
        return p && p->facts && e->id.sym <= p->nsyms && (p->facts[e->id.sym] & JS_PURITY_PRIMITIVE);
    case JS_MEMBER: return is_number_constant(e);
    case JS_UNARY:
        if (e->op == TK_TYPEOF) return e->a->kind == JS_IDENTIFIER || is_primitive(p, e->a);
        if (e->op == TK_PLUS && e->a->kind == JS_BIGINT_LIT) return false; /* +1n throws */
        return (e->op == TK_VOID || e->op == TK_BANG || e->op == TK_MINUS || e->op == TK_PLUS || e->op == TK_TILDE) &&
               is_primitive(p, e->a);
    case JS_BINARY:
        if (e->op == TK_IN || e->op == TK_INSTANCEOF || e->a->kind == JS_PRIVATE_NAME) return false;
        return is_primitive(p, e->a) && is_primitive(p, e->b) && !mixes_bigint(e);
    case JS_LOGICAL: return is_primitive(p, e->a) && is_primitive(p, e->b);
    case JS_CONDITIONAL: return is_primitive(p, e->a) && is_primitive(p, e->b) && is_primitive(p, e->c);
    case JS_TEMPLATE:
        for (const JsNode *q = e->a; q; q = q->next)
            if (q->kind != JS_TEMPLATE_ELEMENT && !is_primitive(p, q)) return false;
        return true;
    default: return is_primitive_literal(e);
    }
}

/* Calls of built-ins that make a value and nothing else, with arguments
 * that cannot make them throw or call user code: Symbol(), Symbol.for()
 * of primitives; Object.create() of null or a fresh object; Object.freeze()
 * of a fresh object or array; new Map(), Set(), WeakMap(), WeakSet() of
 * nothing; a typed array or Array of a small length. */
static bool is_pure_builtin_call(const JsPurity *p, const JsNode *e) {
    static const char *const arrays[] = {"Array",      "Float32Array", "Float64Array", "Int16Array",
                                         "Int32Array", "Int8Array",    "Uint16Array",  "Uint32Array",
                                         "Uint8Array", "Uint8ClampedArray"};
    const JsNode *f = e->a, *a0 = e->b;
    uint32_t n = 0;
    for (const JsNode *q = e->b; q; q = q->next) n++;
    bool global = f->kind == JS_IDENTIFIER && !f->id.sym;
    if (e->kind == JS_CALL && global && is_name(f, "Symbol")) return n == 0 || (n == 1 && is_primitive(p, a0));
    if (e->kind == JS_CALL && is_global_member(f, "Symbol", "for")) return n == 1 && is_primitive(p, a0);
    if (e->kind == JS_CALL && is_global_member(f, "Object", "create"))
        return n == 1 && (a0->kind == JS_NULL_LIT || (a0->kind == JS_OBJECT && js_expr_is_pure(p, a0)));
    if (e->kind == JS_CALL && is_global_member(f, "Object", "freeze"))
        return n == 1 && (a0->kind == JS_OBJECT || a0->kind == JS_ARRAY) && js_expr_is_pure(p, a0);
    if (e->kind == JS_NEW && global && n == 0)
        if (is_name(f, "Map") || is_name(f, "Set") || is_name(f, "WeakMap") || is_name(f, "WeakSet")) return true;
    if (e->kind == JS_NEW && global && n <= 1)
        for (size_t i = 0; i < sizeof arrays / sizeof *arrays; i++)
            if (is_name(f, arrays[i]))
                return n == 0 || (a0->kind == JS_NUMBER_LIT && a0->num >= 0 && a0->num <= 1e6 && a0->num == (double)(int64_t)a0->num);
    return false;
}

/* The class's own name inside its body (its inner binding), or this in a
 * static block. */
static bool is_self(const JsPurity *p, const JsNode *c, const JsNode *e) {
    if (e->kind == JS_THIS) return true;
    if (e->kind != JS_IDENTIFIER || !c->a || !p || !p->scopes || !e->id.sym) return false;
    const JsSymbol *y = js_symbol(p->scopes, e->id.sym);
    return y->kind == JS_SYM_CLASS_NAME && e->id.len == c->a->id.len && !memcmp(e->id.str, c->a->id.str, e->id.len);
}

bool js_class_has_accessor(const JsNode *c, const JsNode *key, bool statics) {
    for (const JsNode *m = c->c; m; m = m->next) {
        if (m->kind != JS_METHOD || (m->op != JS_PROP_GET && m->op != JS_PROP_SET)) continue;
        if (!(m->flags & JS_F_STATIC) != !statics) continue;
        if (!key || (m->flags & JS_F_COMPUTED) || m->a->kind != JS_IDENTIFIER) return true;
        if (m->a->id.len == key->id.len && !memcmp(m->a->id.str, key->id.str, key->id.len)) return true;
    }
    return false;
}

/* A static block statement that only sets a property of the class
 * itself or of its prototype to a pure value (`C.prototype.isC = true`),
 * in a class that extends nothing (no inherited setter) and has no
 * accessor of that name: nothing but the class changes. */
static bool sets_own_property(const JsPurity *p, const JsNode *c, const JsNode *s) {
    if (s->kind != JS_EXPR_STMT || s->a->kind != JS_ASSIGN || s->a->op != TK_EQ || c->b) return false;
    const JsNode *t = s->a->a;
    if (t->kind != JS_MEMBER || (t->flags & (JS_F_COMPUTED | JS_F_OPTIONAL)) || !js_expr_is_pure(p, s->a->b)) return false;
    const JsNode *o = t->a, *key = t->b;
    bool proto = o->kind == JS_MEMBER && !(o->flags & (JS_F_COMPUTED | JS_F_OPTIONAL)) && is_name(o->b, "prototype");
    if (proto) o = o->a;
    return is_self(p, c, o) && js_class_key_settable(c, key, proto);
}

bool js_class_key_settable(const JsNode *c, const JsNode *key, bool proto) {
    if (js_class_has_accessor(c, key, !proto)) return false;
    if (proto) return !key || !is_name(key, "__proto__");
    return key && !is_name(key, "name") && !is_name(key, "length") && !is_name(key, "prototype");
}

static bool class_is_pure(const JsPurity *p, const JsNode *c) {
    /* extends: evaluated, and may not be a constructor; a name bound in
     * the program is taken to be one (esbuild's rule), as is a known global */
    if (c->b && !(c->b->kind == JS_IDENTIFIER && (c->b->id.sym || is_known_global(c->b)))) return false;
    for (const JsNode *m = c->c; m; m = m->next) {
        switch ((JsNodeKind)m->kind) {
        case JS_METHOD:
            if (!key_is_pure(p, m->a, m->flags)) return false;
            break;
        case JS_FIELD:
            if (!key_is_pure(p, m->a, m->flags)) return false;
            if ((m->flags & JS_F_STATIC) && m->b && !js_expr_is_pure(p, m->b)) return false;
            break;
        case JS_STATIC_BLOCK:
            for (const JsNode *s = m->a; s; s = s->next)
                if (s->kind != JS_EMPTY && !sets_own_property(p, c, s)) return false;
            break;
        default: return false;
        }
    }
    return true;
}

/* A call or new of a binding annotated #__NO_SIDE_EFFECTS__ that nothing
 * reassigns, with pure arguments (no spread). */
static bool calls_no_side_effects(const JsPurity *p, const JsNode *e) {
    const JsNode *f = e->a;
    /* a call only: `new` of an arrow throws */
    if (e->kind != JS_CALL || !p || !p->facts || f->kind != JS_IDENTIFIER || !f->id.sym || f->id.sym > p->nsyms) return false;
    if (!(p->facts[f->id.sym] & JS_PURITY_NO_SIDE_EFFECTS)) return false;
    if (p->scopes && js_symbol(p->scopes, f->id.sym)->writes) return false;
    for (const JsNode *q = e->b; q; q = q->next)
        if (q->kind == JS_SPREAD || !js_expr_is_pure(p, q)) return false;
    return true;
}

static bool body_is_pure(const JsPurity *p, const JsNode *fn);

/* A call of a function of the module (a declaration or const nothing
 * reassigns, or a function written in place: an IIFE) whose body only
 * makes values (body_is_pure), with pure arguments: it changes nothing
 * (rollup looks into calls the same way).  Looked into to a bounded depth. */
static bool calls_pure_function(const JsPurity *p, const JsNode *e) {
    const JsNode *f = e->a, *fn = NULL;
    JsSymbolId y = 0;
    if (e->kind != JS_CALL || !p || !p->fn_of || !p->facts || !p->depth || (e->flags & JS_F_OPTIONAL)) return false;
    if (f->kind == JS_FUNCTION || f->kind == JS_ARROW) fn = f;
    else if (f->kind == JS_IDENTIFIER && f->id.sym && f->id.sym <= p->nsyms && p->fn_of[f->id.sym] &&
             !(p->scopes && js_symbol(p->scopes, f->id.sym)->writes))
        fn = p->fn_of[y = f->id.sym];
    if (!fn || (fn->flags & (JS_F_ASYNC | JS_F_GENERATOR))) return false;
    for (const JsNode *q = e->b; q; q = q->next)
        if (q->kind == JS_SPREAD || !js_expr_is_pure(p, q)) return false;
    /* a named function's body is looked into once (its calls then cost O(1)) */
    if (y && (p->facts[y] & JS_PURITY_BODY_KNOWN)) return p->facts[y] & JS_PURITY_BODY_PURE;
    if (*p->depth >= 4) return false;
    ++*p->depth;
    bool pure = body_is_pure(p, fn);
    --*p->depth;
    if (y) p->facts[y] |= JS_PURITY_BODY_KNOWN | (pure ? JS_PURITY_BODY_PURE : 0);
    return pure;
}

/* A local function (declared in fn's body, never reassigned): a fresh
 * object each call, whose properties can be set without effect. */
static bool is_local_function(const JsPurity *p, const JsNode *fn, const JsNode *id) {
    if (!p->scopes || id->kind != JS_IDENTIFIER || !id->id.sym) return false;
    const JsSymbol *y = js_symbol(p->scopes, id->id.sym);
    return y->kind == JS_SYM_FUNCTION && !y->writes && y->start >= fn->c->start && y->end <= fn->c->end;
}

/* fn's parameters and body only make values: plain parameters (or with
 * pure defaults), and statements that are function declarations,
 * declarations of plain names with pure initializers, `f.p = pure` for a
 * local function f, and returns of pure values. */
static bool body_is_pure(const JsPurity *p, const JsNode *fn) {
    for (const JsNode *q = fn->b; q; q = q->next) {
        if (q->kind == JS_IDENTIFIER) continue;
        if (q->kind == JS_ASSIGN_PATTERN && q->a->kind == JS_IDENTIFIER && js_expr_is_pure(p, q->b)) continue;
        return false;
    }
    if (fn->kind == JS_ARROW && (fn->flags & JS_F_EXPRESSION)) return js_expr_is_pure(p, fn->c);
    for (const JsNode *s = fn->c->a; s; s = s->next) {
        switch ((JsNodeKind)s->kind) {
        case JS_EMPTY:
        case JS_FUNCTION_DECL: continue;
        case JS_VAR_DECL:
            for (const JsNode *v = s->a; v; v = v->next)
                if (v->a->kind != JS_IDENTIFIER || !js_expr_is_pure(p, v->b)) return false;
            continue;
        case JS_RETURN:
            if (!js_expr_is_pure(p, s->a)) return false;
            continue;
        case JS_EXPR_STMT: {
            const JsNode *a = s->a;
            if ((s->flags & JS_F_DIRECTIVE) || js_expr_is_pure(p, a)) continue;
            if (a->kind == JS_ASSIGN && a->op == TK_EQ && a->a->kind == JS_MEMBER &&
                !(a->a->flags & (JS_F_COMPUTED | JS_F_OPTIONAL)) && is_local_function(p, fn, a->a->a) &&
                js_expr_is_pure(p, a->b))
                continue;
            return false;
        }
        default: return false;
        }
    }
    return true;
}

bool js_expr_is_pure(const JsPurity *p, const JsNode *e) {
    if (!e) return true;
    const JsDefine *d = defined(p, e);
    if (d) return d->kind != JS_DEFINE_NAME;
    switch ((JsNodeKind)e->kind) {
    case JS_NUMBER_LIT:
    case JS_STRING_LIT:
    case JS_BIGINT_LIT:
    case JS_BOOL_LIT:
    case JS_NULL_LIT:
    case JS_REGEXP_LIT:
    case JS_FUNCTION:
    case JS_ARROW: return true;
    case JS_IDENTIFIER: return e->id.sym || is_primitive_literal(e) || is_known_global(e);
    case JS_MEMBER: return is_global_member(e, NULL, NULL);
    case JS_CLASS: return class_is_pure(p, e);
    case JS_TEMPLATE: return is_primitive(p, e);
    case JS_ARRAY:
        for (const JsNode *q = e->a; q; q = q->next)
            if (q->kind != JS_HOLE && (q->kind == JS_SPREAD || !js_expr_is_pure(p, q))) return false;
        return true;
    case JS_OBJECT:
        for (const JsNode *q = e->a; q; q = q->next) {
            if (q->kind != JS_PROPERTY || !key_is_pure(p, q->a, q->flags)) return false;
            if (!js_expr_is_pure(p, q->b)) return false;
        }
        return true;
    case JS_UNARY:
        switch (e->op) {
        case TK_TYPEOF:
            /* typeof of a free name is "undefined", never a ReferenceError */
            return e->a->kind == JS_IDENTIFIER || js_expr_is_pure(p, e->a);
        case TK_VOID:
        case TK_BANG: return js_expr_is_pure(p, e->a);
        default: return is_primitive(p, e);
        }
    case JS_BINARY:
        if (e->op == TK_EQ3 || e->op == TK_NE2) return js_expr_is_pure(p, e->a) && js_expr_is_pure(p, e->b);
        return is_primitive(p, e);
    case JS_LOGICAL: return js_expr_is_pure(p, e->a) && js_expr_is_pure(p, e->b);
    case JS_CONDITIONAL: return js_expr_is_pure(p, e->a) && js_expr_is_pure(p, e->b) && js_expr_is_pure(p, e->c);
    case JS_SEQUENCE:
        for (const JsNode *q = e->a; q; q = q->next)
            if (!js_expr_is_pure(p, q)) return false;
        return true;
    case JS_CALL:
    case JS_NEW:
        if (is_pure_builtin_call(p, e) || calls_no_side_effects(p, e) || calls_pure_function(p, e)) return true;
        /* #__PURE__: the call itself has no effect; its arguments are still
         * evaluated (esbuild keeps their side effects) */
        if (!(e->flags & JS_F_PURE) && !(p && p->defines && js_pure_callee(p->defines->pure, p->defines->npure, e->a)))
            return false;
        for (const JsNode *q = e->b; q; q = q->next)
            if (q->kind == JS_SPREAD || !js_expr_is_pure(p, q)) return false;
        return true;
    default: return false;
    }
}

static bool declaration_is_pure(const JsPurity *p, const JsNode *d) {
    switch ((JsNodeKind)d->kind) {
    case JS_FUNCTION_DECL: return true;
    case JS_CLASS_DECL: return class_is_pure(p, d);
    case JS_VAR_DECL:
        for (const JsNode *v = d->a; v; v = v->next)
            if (v->a->kind != JS_IDENTIFIER || !js_expr_is_pure(p, v->b)) return false;
        return true;
    default: return false;
    }
}

bool js_stmt_is_pure(const JsPurity *p, const JsNode *s) {
    switch ((JsNodeKind)s->kind) {
    case JS_EMPTY:
    case JS_IMPORT_DECL:
    case JS_EXPORT_ALL: return true;
    case JS_FUNCTION_DECL:
    case JS_CLASS_DECL:
    case JS_VAR_DECL: return declaration_is_pure(p, s);
    case JS_EXPORT_NAMED: return !s->a || declaration_is_pure(p, s->a);
    case JS_EXPORT_DEFAULT:
        return s->a->kind == JS_FUNCTION_DECL || s->a->kind == JS_CLASS_DECL ? declaration_is_pure(p, s->a)
                                                                             : js_expr_is_pure(p, s->a);
    case JS_EXPR_STMT: return (s->flags & JS_F_DIRECTIVE) || js_expr_is_pure(p, s->a);
    default: return false;
    }
}

/* Whether a primitive expression has a BigInt in it (a const holding
 * one is not noted: arithmetic with numbers would throw). */
static bool has_bigint(const JsNode *e) {
    if (!e) return false;
    switch ((JsNodeKind)e->kind) {
    case JS_BIGINT_LIT: return true;
    case JS_UNARY: return has_bigint(e->a);
    case JS_BINARY:
    case JS_LOGICAL: return has_bigint(e->a) || has_bigint(e->b);
    case JS_CONDITIONAL: return has_bigint(e->a) || has_bigint(e->b) || has_bigint(e->c);
    default: return false;
    }
}

void js_purity_note(JsPurity *p, const JsNode *s) {
    if (!p || !p->facts) return;
    if (s->kind == JS_EXPORT_NAMED && s->a) s = s->a;
    if (s->kind != JS_VAR_DECL || s->op != TK_CONST) return;
    for (const JsNode *v = s->a; v; v = v->next) {
        if (v->a->kind != JS_IDENTIFIER || !v->a->id.sym || v->a->id.sym > p->nsyms || !v->b) continue;
        if (is_primitive(p, v->b) && !has_bigint(v->b)) p->facts[v->a->id.sym] |= JS_PURITY_PRIMITIVE;
        if ((v->b->kind == JS_FUNCTION || v->b->kind == JS_ARROW) && (v->b->flags & JS_F_NO_SIDE_EFFECTS))
            p->facts[v->a->id.sym] |= JS_PURITY_NO_SIDE_EFFECTS;
        if ((v->b->kind == JS_FUNCTION || v->b->kind == JS_ARROW) && p->fn_of) p->fn_of[v->a->id.sym] = v->b;
    }
}

void js_purity_hoist(JsPurity *p, const JsAst *ast) {
    if (!p || !p->facts) return;
    for (const JsNode *s = ast->program->a; s; s = s->next) {
        const JsNode *d = (s->kind == JS_EXPORT_NAMED || s->kind == JS_EXPORT_DEFAULT) && s->a ? s->a : s;
        if (d->kind != JS_FUNCTION_DECL || !d->a || !d->a->id.sym || d->a->id.sym > p->nsyms) continue;
        if (d->flags & JS_F_NO_SIDE_EFFECTS) p->facts[d->a->id.sym] |= JS_PURITY_NO_SIDE_EFFECTS;
        if (p->fn_of) p->fn_of[d->a->id.sym] = d;
    }
}

bool js_program_is_pure(JsPurity *p, const JsAst *ast) {
    bool pure = true;
    js_purity_hoist(p, ast);
    for (const JsNode *s = ast->program->a; s; s = s->next) {
        pure = pure && js_stmt_is_pure(p, s);
        js_purity_note(p, s);
    }
    return pure;
}
