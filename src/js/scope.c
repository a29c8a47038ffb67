/* js/scope.c: the scope pass (js_scope_build) and its dump.
 * In:  a parsed AST and its source.  Out: JsScopes (scopes, symbols,
 * references), id.sym set on Identifier nodes, and the early errors that
 * need scopes (redeclarations, unresolvable local exports) in a DiagList.
 * Memory: growable arrays on the C heap owned by the JsScopes; per-scope
 * Maps only for scopes with many names.  Order: right after js_parse,
 * before the module record (js/record.c).
 *
 * Each scope keeps a list of name entries: its members (symbols declared in
 * it, plus members replaced by a later declaration: weak function/class
 * names) and the vars that pass through it on their way to the enclosing
 * var scope.  The pass-through entries are what makes `{ var a; } let a`
 * and `{ let a; { var a; } }` errors however the declarations are ordered.
 * Most scopes hold a handful of names, so lookups scan the list; a scope
 * that reaches MAP_AT names gets a Map from name to entry. */
#include "js/scope.h"

#include <string.h>

enum { MAP_AT = 8 };
enum { ENTRY_MEMBER, ENTRY_THROUGH, ENTRY_REPLACED };

/* Internal reference flag: the reference left a with body on its way up. */
enum { REF_IN_WITH = 1 << 8 };

/* How a binding identifier is declared (visit_binding). */
typedef enum Bind { BIND_VAR, BIND_VAR_FOR_OF, BIND_LET, BIND_CONST, BIND_PARAM, BIND_CATCH } Bind;

typedef struct AnnexB {
    JsSymbolId sym;    /* the block function */
    JsScopeId block;   /* the scope it is declared in */
} AnnexB;

/* A reference waiting for the scope that declares its name to close.  The
 * name is copied here so that the scan at each scope stays in this array. */
typedef struct Pending {
    const char *str;
    uint32_t len;
    uint32_t ref;      /* index into JsScopes.refs */
    uint64_t bit;      /* name_bit(str, len) */
} Pending;

typedef struct Walker {
    JsScopes *s;
    const char *src;
    DiagList *diags;
    const DiagFile *file;
    JsScopeId cur;
    VEC(Pending) pending;    /* references not bound yet, innermost last */
    VEC(AnnexB) annexb;      /* block functions waiting for their var scope to close */
    /* For the nodes noted for the record (JsNoted): */
    uint32_t fn_depth;       /* non-arrow functions and class bodies around the node: `this` */
    uint32_t async_depth;    /* any function or class body around the node: `await` */
    uint32_t try_depth;      /* try blocks around the node in the current function */
    bool ok;
} Walker;

/* What close_scope needs to restore. */
typedef struct Frame {
    JsScopeId id, saved;
    uint32_t pending_base, annexb_base;
} Frame;

static const char *const scope_names[] = {
#define X(name, str) str,
    JS_SCOPE_KINDS(X)
#undef X
};
static const char *const symbol_names[] = {
#define X(name, str) str,
    JS_SYMBOL_KINDS(X)
#undef X
};

const char *js_scope_kind_name(JsScopeKind k) { return scope_names[k]; }
const char *js_symbol_kind_name(JsSymbolKind k) { return symbol_names[k]; }

static bool same_name(const JsSymbol *sym, const char *name, uint32_t len) {
    return sym->len == len && memcmp(sym->name, name, len) == 0;
}

/* One bit per name for a scope's filter (JsScope.names): a scope whose
 * filter lacks a reference's bit cannot declare it, and most scopes a
 * reference crosses on its way out are rejected by this test alone. */
static uint64_t name_bit(const char *s, uint32_t len) {
    uint32_t h = len * 31u + (unsigned char)s[0] * 7u + (unsigned char)s[len - 1];
    return (uint64_t)1 << (h & 63);
}

static bool is_var_scope(JsScopeKind k) {
    return k == JS_SCOPE_SCRIPT || k == JS_SCOPE_MODULE || k == JS_SCOPE_FUNCTION || k == JS_SCOPE_ARROW ||
           k == JS_SCOPE_FUNCTION_BODY || k == JS_SCOPE_STATIC_BLOCK;
}

/* ---- Name entries ------------------------------------------------------ */

/* The entry for name in scope (member or pass-through), or 0. */
static uint32_t find_entry(const JsScopes *s, JsScopeId id, const char *name, uint32_t len) {
    const JsScope *sc = js_scope(s, id);
    if (sc->map) {
        uint64_t v;
        return map_get_str(&s->maps.data[sc->map - 1], name, len, &v) ? (uint32_t)v : 0;
    }
    for (uint32_t e = sc->first_entry; e; e = s->entries.data[e - 1].next) {
        const JsScopeEntry *en = &s->entries.data[e - 1];
        if (en->kind != ENTRY_REPLACED && same_name(js_symbol(s, en->sym), name, len)) return e;
    }
    return 0;
}

/* The symbol declared in scope under name, or 0. */
static JsSymbolId find_member(const JsScopes *s, JsScopeId id, const char *name, uint32_t len) {
    uint32_t e = find_entry(s, id, name, len);
    return e && s->entries.data[e - 1].kind == ENTRY_MEMBER ? s->entries.data[e - 1].sym : 0;
}

static void add_entry(JsScopes *s, JsScopeId id, JsSymbolId sym, uint8_t kind) {
    JsScopeEntry en = {.sym = sym, .next = 0, .kind = kind};
    VEC_PUSH(&s->entries, en);
    uint32_t e = s->entries.len;
    JsScope *sc = js_scope(s, id);
    if (sc->last_entry) s->entries.data[sc->last_entry - 1].next = e;
    else sc->first_entry = e;
    sc->last_entry = e;
    sc->nentries++;
    const JsSymbol *y = js_symbol(s, sym);
    if (y->len) sc->names |= name_bit(y->name, y->len);
    if (sc->map) {
        map_put_str(&s->maps.data[sc->map - 1], y->name, y->len, e);
    } else if (sc->nentries >= MAP_AT) {
        Map m = {0};
        for (uint32_t i = sc->first_entry; i; i = s->entries.data[i - 1].next) {
            const JsScopeEntry *x = &s->entries.data[i - 1];
            if (x->kind == ENTRY_REPLACED) continue;
            const JsSymbol *xs = js_symbol(s, x->sym);
            map_put_str(&m, xs->name, xs->len, i);
        }
        VEC_PUSH(&s->maps, m);
        sc->map = s->maps.len;
    }
}

static JsSymbolId new_symbol(JsScopes *s, JsScopeId scope, const JsNode *id, JsSymbolKind kind, uint8_t flags) {
    JsSymbol y = {.name = id->id.str, .len = id->id.len, .kind = (uint8_t)kind, .flags = flags,
                  .scope = scope, .start = id->start, .end = id->end};
    VEC_PUSH(&s->symbols, y);
    JsSymbolId sym = s->symbols.len;
    add_entry(s, scope, sym, ENTRY_MEMBER);
    return sym;
}

/* ---- Scopes -------------------------------------------------------------- */

static Frame open_scope(Walker *w, JsScopeKind kind, const JsNode *n) {
    JsScope sc = {.kind = (uint8_t)kind, .parent = w->cur, .start = n->start, .end = n->end};
    if (w->cur && (js_scope(w->s, w->cur)->flags & JS_SCOPE_STRICT)) sc.flags |= JS_SCOPE_STRICT;
    if (kind == JS_SCOPE_MODULE || kind == JS_SCOPE_CLASS) sc.flags |= JS_SCOPE_STRICT;
    VEC_PUSH(&w->s->scopes, sc);
    Frame f = {.id = w->s->scopes.len, .saved = w->cur, .pending_base = w->pending.len, .annexb_base = w->annexb.len};
    w->cur = f.id;
    return f;
}

static JsScope *cur_scope(Walker *w) { return js_scope(w->s, w->cur); }

static bool is_strict(Walker *w) { return cur_scope(w)->flags & JS_SCOPE_STRICT; }

static void redeclared(Walker *w, const JsNode *id, JsSymbolId prev) {
    const JsSymbol *p = js_symbol(w->s, prev);
    diag_add(w->diags, DIAG_ERROR, DIAG_EARLY, w->file, id->start, id->end,
             "The symbol \"%.*s\" has already been declared", (int)id->id.len, id->id.str);
    diag_note(w->diags, w->file, p->start, p->end, "The symbol \"%.*s\" was originally declared here",
              (int)p->len, p->name);
    w->ok = false;
}

static void bind_ref(JsScopes *s, JsRef *r, JsSymbolId sym) {
    r->node->id.sym = sym;
    JsSymbol *y = js_symbol(s, sym);
    if (r->node->flags & JS_F_NAMES_VALUE) y->flags |= JS_SYMF_NAMES_VALUE;
    if (r->flags & JS_REF_READ) y->reads++;
    if (r->flags & JS_REF_WRITE) y->writes++;
    if (r->flags & REF_IN_WITH) y->flags |= JS_SYMF_IN_WITH;
}

/* Annex B.3.2.1: a sloppy block function also declares a var of its name in
 * the var scope V, unless a `var F` there would be an early error (a
 * lexical declaration of F on the way) or F is a parameter name. */
static void hoist_block_functions(Walker *w, const Frame *f) {
    JsScopes *s = w->s;
    for (uint32_t i = f->annexb_base; i < w->annexb.len; i++) {
        AnnexB c = w->annexb.data[i];
        JsSymbol *bs = js_symbol(s, c.sym);
        const char *name = bs->name;
        uint32_t len = bs->len;
        bool blocked = false;
        for (JsScopeId sc = js_scope(s, c.block)->parent; sc != f->id && !blocked; sc = js_scope(s, sc)->parent) {
            JsSymbolId m = find_member(s, sc, name, len);
            if (m && !(js_symbol(s, m)->kind == JS_SYM_CATCH && (js_scope(s, sc)->flags & JS_SCOPE_SIMPLE_CATCH)))
                blocked = true;
        }
        if (blocked) continue;
        JsScope *v = js_scope(s, f->id);
        if (v->kind == JS_SCOPE_FUNCTION_BODY) {
            JsSymbolId p = find_member(s, v->parent, name, len);
            if (p && js_symbol(s, p)->kind == JS_SYM_PARAM) continue;
        }
        uint32_t e = find_entry(s, f->id, name, len);
        if (e) {
            JsScopeEntry *en = &s->entries.data[e - 1];
            const JsSymbol *ex = js_symbol(s, en->sym);
            if ((ex->flags & JS_SYMF_LEXICAL) || ex->kind == JS_SYM_PARAM) continue;
            if (ex->kind != JS_SYM_FUNCTION_NAME) {
                js_symbol(s, c.sym)->hoisted = en->sym;
                continue;
            }
            en->kind = ENTRY_REPLACED;
        }
        JsNode fake = {.start = bs->start, .end = bs->end};
        fake.id.str = name;
        fake.id.len = len;
        JsSymbolId var = new_symbol(s, f->id, &fake, JS_SYM_VAR, JS_SYMF_ANNEX_B);
        js_symbol(s, c.sym)->hoisted = var;
    }
    w->annexb.len = f->annexb_base;
}

/* Binds the references left pending inside the scope that it declares;
 * the others go on to the parent. */
static void close_scope(Walker *w, const Frame *f) {
    JsScopes *s = w->s;
    JsScope *sc = js_scope(s, f->id);
    if (is_var_scope(sc->kind)) hoist_block_functions(w, f);
    sc = js_scope(s, f->id);
    uint64_t names = sc->names;
    bool is_function = sc->kind == JS_SCOPE_FUNCTION;
    if (is_function) names |= name_bit("arguments", 9);
    uint32_t kept = f->pending_base;
    for (uint32_t i = f->pending_base; i < w->pending.len; i++) {
        Pending p = w->pending.data[i];
        JsSymbolId sym = 0;
        if (p.bit & names) {
            sym = find_member(s, f->id, p.str, p.len);
            if (!sym && is_function && p.len == 9 && memcmp(p.str, "arguments", 9) == 0)
                sym = new_symbol(s, f->id, s->refs.data[p.ref].node, JS_SYM_ARGUMENTS, 0);
        }
        if (sym) {
            bind_ref(s, &s->refs.data[p.ref], sym);
            continue;
        }
        if (sc->kind == JS_SCOPE_WITH) s->refs.data[p.ref].flags |= REF_IN_WITH;
        if (!sc->parent && (s->refs.data[p.ref].flags & JS_REF_EXPORT)) {
            const JsNode *id = s->refs.data[p.ref].node;
            diag_add(w->diags, DIAG_ERROR, DIAG_EARLY, w->file, id->start, id->end,
                     "\"%.*s\" is not declared in this file", (int)id->id.len, id->id.str);
            w->ok = false;
        }
        w->pending.data[kept++] = p;
    }
    w->pending.len = kept;
    if (!sc->parent) { /* what is left is global */
        for (uint32_t i = f->pending_base; i < kept; i++) {
            Pending p = w->pending.data[i];
            if ((p.len == 7 && (memcmp(p.str, "require", 7) == 0 || memcmp(p.str, "exports", 7) == 0)) ||
                (p.len == 6 && memcmp(p.str, "module", 6) == 0)) {
                JsNoted x = {.node = s->refs.data[p.ref].node, .flags = 0};
                VEC_PUSH(&s->noted, x);
            }
        }
        w->pending.len = f->pending_base;
    }
    w->cur = f->saved;
}

/* ---- Declarations -------------------------------------------------------- */

/* let, const, class, imports, block functions, module-level functions,
 * catch parameters: the name must be new in the current scope. */
static JsSymbolId declare_lexical(Walker *w, JsNode *id, JsSymbolKind kind, uint8_t flags) {
    JsScopes *s = w->s;
    uint32_t e = find_entry(s, w->cur, id->id.str, id->id.len);
    JsScope *sc = cur_scope(w);
    if (!e && sc->kind == JS_SCOPE_FUNCTION_BODY) {
        JsSymbolId p = find_member(s, sc->parent, id->id.str, id->id.len);
        if (p && js_symbol(s, p)->kind == JS_SYM_PARAM) {
            redeclared(w, id, p);
            id->id.sym = p;
            return 0;
        }
    }
    if (e) {
        JsScopeEntry *en = &s->entries.data[e - 1];
        JsSymbol *ex = js_symbol(s, en->sym);
        if (en->kind == ENTRY_MEMBER && (ex->kind == JS_SYM_FUNCTION_NAME || ex->kind == JS_SYM_CLASS_NAME)) {
            en->kind = ENTRY_REPLACED;
        } else if (en->kind == ENTRY_MEMBER && kind == JS_SYM_BLOCK_FUNCTION && ex->kind == JS_SYM_BLOCK_FUNCTION &&
                   !((flags | ex->flags) & JS_SYMF_ASYNC_GEN) && !(sc->flags & JS_SCOPE_STRICT)) {
            /* B.3.2.4: sloppy blocks may repeat plain function declarations. */
            id->id.sym = en->sym;
            return 0;
        } else {
            redeclared(w, id, en->sym);
            id->id.sym = en->sym;
            return 0;
        }
    }
    JsSymbolId sym = new_symbol(s, w->cur, id, kind, flags | JS_SYMF_LEXICAL);
    id->id.sym = sym;
    return sym;
}

/* var and top-level functions: declared in the nearest var scope, passing
 * through (and checked against) every scope on the way. */
static void declare_var(Walker *w, JsNode *id, JsSymbolKind kind, bool for_of) {
    JsScopes *s = w->s;
    const char *name = id->id.str;
    uint32_t len = id->id.len;
    JsSymbolId catch_param = 0;
    JsScopeId v = w->cur;
    for (;; v = js_scope(s, v)->parent) {
        JsScope *sc = js_scope(s, v);
        uint32_t e = find_entry(s, v, name, len);
        if (is_var_scope(sc->kind)) break;
        if (!e || s->entries.data[e - 1].kind == ENTRY_THROUGH) continue;
        JsSymbolId m = s->entries.data[e - 1].sym;
        /* B.3.4: `var e` may redeclare a simple catch parameter, but not
         * through `for (var e of ...)`. */
        if (js_symbol(s, m)->kind == JS_SYM_CATCH && (sc->flags & JS_SCOPE_SIMPLE_CATCH) && !for_of) {
            if (!catch_param) catch_param = m;
            continue;
        }
        redeclared(w, id, m);
        id->id.sym = m;
        return;
    }
    JsSymbolId sym;
    uint32_t e = find_entry(s, v, name, len);
    JsScopeEntry *en = e ? &s->entries.data[e - 1] : NULL;
    if (en && en->kind == ENTRY_MEMBER && js_symbol(s, en->sym)->kind == JS_SYM_FUNCTION_NAME) {
        en->kind = ENTRY_REPLACED;
        en = NULL;
    }
    if (en) {
        JsSymbol *ex = js_symbol(s, en->sym);
        if (ex->flags & JS_SYMF_LEXICAL) {
            redeclared(w, id, en->sym);
            id->id.sym = en->sym;
            return;
        }
        if (kind == JS_SYM_FUNCTION && ex->kind == JS_SYM_VAR) ex->kind = JS_SYM_FUNCTION;
        sym = en->sym;
    } else {
        sym = new_symbol(s, v, id, kind, 0);
    }
    for (JsScopeId t = w->cur; t != v; t = js_scope(s, t)->parent)
        if (!find_entry(s, t, name, len)) add_entry(s, t, sym, ENTRY_THROUGH);
    /* Inside the catch block, `var e = 1` assigns the catch parameter. */
    id->id.sym = catch_param ? catch_param : sym;
}

static void declare_param(Walker *w, JsNode *id) {
    JsScopes *s = w->s;
    uint32_t e = find_entry(s, w->cur, id->id.str, id->id.len);
    if (e) {
        JsScopeEntry *en = &s->entries.data[e - 1];
        if (js_symbol(s, en->sym)->kind == JS_SYM_PARAM) { /* sloppy duplicates (the parser checked) */
            id->id.sym = en->sym;
            return;
        }
        en->kind = ENTRY_REPLACED; /* the function's own name */
    }
    id->id.sym = new_symbol(s, w->cur, id, JS_SYM_PARAM, 0);
}

/* ---- The walk -------------------------------------------------------------- */

static void visit_expr(Walker *w, JsNode *n);
static void visit_stmt(Walker *w, JsNode *n);
static void visit_function(Walker *w, JsNode *fn);
static void visit_class(Walker *w, JsNode *n);

static void add_ref(Walker *w, JsNode *id, uint32_t flags) {
    JsRef r = {.node = id, .scope = w->cur, .flags = flags};
    id->id.sym = 0;
    VEC_PUSH(&w->s->refs, r);
    Pending p = {.str = id->id.str, .len = id->id.len, .ref = w->s->refs.len - 1, .bit = name_bit(id->id.str, id->id.len)};
    VEC_PUSH(&w->pending, p);
}

static void note(Walker *w, JsNode *n) {
    JsNoted x = {.node = n, .flags = w->try_depth ? JS_NOTED_IN_TRY : 0};
    VEC_PUSH(&w->s->noted, x);
}

static void visit_list(Walker *w, JsNode *first) {
    for (JsNode *q = first; q; q = q->next) visit_expr(w, q);
}

static void names_value(Walker *w, JsNode *target, const JsNode *value);

static void visit_binding(Walker *w, JsNode *n, Bind how) {
    switch (n->kind) {
    case JS_IDENTIFIER:
        switch (how) {
        case BIND_VAR: declare_var(w, n, JS_SYM_VAR, false); break;
        case BIND_VAR_FOR_OF: declare_var(w, n, JS_SYM_VAR, true); break;
        case BIND_LET: declare_lexical(w, n, JS_SYM_LET, 0); break;
        case BIND_CONST: declare_lexical(w, n, JS_SYM_CONST, 0); break;
        case BIND_PARAM: declare_param(w, n); break;
        case BIND_CATCH: declare_lexical(w, n, JS_SYM_CATCH, 0); break;
        }
        break;
    case JS_OBJECT_PATTERN:
        for (JsNode *q = n->a; q; q = q->next) {
            if (q->kind == JS_PROPERTY) {
                if (q->flags & JS_F_COMPUTED) visit_expr(w, q->a);
                visit_binding(w, q->b, how);
            } else {
                visit_binding(w, q, how);
            }
        }
        break;
    case JS_ARRAY_PATTERN:
        for (JsNode *q = n->a; q; q = q->next)
            if (q->kind != JS_HOLE) visit_binding(w, q, how);
        break;
    case JS_ASSIGN_PATTERN:
        visit_binding(w, n->a, how);
        names_value(w, n->a, n->b);
        visit_expr(w, n->b);
        break;
    case JS_REST:
        visit_binding(w, n->a, how);
        break;
    default:
        visit_expr(w, n);
        break;
    }
}

/* target = value, where value is an anonymous function or class: it takes
 * the target's name (NamedEvaluation).  A declared binding is known now;
 * a reference is bound later, so its node carries the mark until then. */
static void names_value(Walker *w, JsNode *target, const JsNode *value) {
    if (!value || target->kind != JS_IDENTIFIER) return;
    bool anonymous = value->kind == JS_ARROW || ((value->kind == JS_FUNCTION || value->kind == JS_CLASS) && !value->a);
    if (!anonymous) return;
    if (target->id.sym) js_symbol(w->s, target->id.sym)->flags |= JS_SYMF_NAMES_VALUE;
    else target->flags |= JS_F_NAMES_VALUE;
}

/* An assignment target: identifiers in it are references written to. */
static void visit_target(Walker *w, JsNode *n, uint32_t flags) {
    switch (n->kind) {
    case JS_IDENTIFIER: add_ref(w, n, flags); break;
    case JS_OBJECT_PATTERN:
        for (JsNode *q = n->a; q; q = q->next) {
            if (q->kind == JS_PROPERTY) {
                if (q->flags & JS_F_COMPUTED) visit_expr(w, q->a);
                visit_target(w, q->b, JS_REF_WRITE);
            } else {
                visit_target(w, q, JS_REF_WRITE);
            }
        }
        break;
    case JS_ARRAY_PATTERN:
        for (JsNode *q = n->a; q; q = q->next)
            if (q->kind != JS_HOLE) visit_target(w, q, JS_REF_WRITE);
        break;
    case JS_ASSIGN_PATTERN:
        names_value(w, n->a, n->b);
        visit_target(w, n->a, JS_REF_WRITE);
        visit_expr(w, n->b);
        break;
    case JS_REST: visit_target(w, n->a, JS_REF_WRITE); break;
    default: visit_expr(w, n); break;
    }
}

static bool is_name(const JsNode *n, const char *word, uint32_t len) {
    return n->kind == JS_IDENTIFIER && n->id.len == len && memcmp(n->id.str, word, len) == 0;
}

static void mark_direct_eval(Walker *w) {
    for (JsScopeId sc = w->cur; sc; sc = js_scope(w->s, sc)->parent) {
        JsScope *x = js_scope(w->s, sc);
        if (x->flags & JS_SCOPE_DIRECT_EVAL) break;
        x->flags |= JS_SCOPE_DIRECT_EVAL;
    }
}

static void visit_expr(Walker *w, JsNode *n) {
    if (!n) return;
    switch ((JsNodeKind)n->kind) {
    case JS_IDENTIFIER: add_ref(w, n, JS_REF_READ); break;
    case JS_TEMPLATE:
    case JS_ARRAY:
    case JS_SEQUENCE: visit_list(w, n->a); break;
    case JS_TAGGED_TEMPLATE:
        visit_expr(w, n->a);
        visit_expr(w, n->b);
        break;
    case JS_OBJECT:
        for (JsNode *q = n->a; q; q = q->next) {
            if (q->kind == JS_PROPERTY) {
                if (q->flags & JS_F_COMPUTED) visit_expr(w, q->a);
                visit_expr(w, q->b);
            } else {
                visit_expr(w, q);
            }
        }
        break;
    case JS_AWAIT:
        if (!w->async_depth) note(w, n);
        visit_expr(w, n->a);
        break;
    case JS_SPREAD:
    case JS_UNARY:
    case JS_YIELD:
    case JS_CHAIN: visit_expr(w, n->a); break;
    case JS_FUNCTION:
    case JS_ARROW: visit_function(w, n); break;
    case JS_CLASS: visit_class(w, n); break;
    case JS_UPDATE: visit_target(w, n->a, JS_REF_READ | JS_REF_WRITE); break;
    case JS_BINARY:
        if (n->a->kind != JS_PRIVATE_NAME) visit_expr(w, n->a);
        visit_expr(w, n->b);
        break;
    case JS_LOGICAL:
        visit_expr(w, n->a);
        visit_expr(w, n->b);
        break;
    case JS_ASSIGN:
        if (n->op == TK_EQ || n->op == TK_BAR2_EQ || n->op == TK_AMP2_EQ || n->op == TK_QUESTION2_EQ)
            names_value(w, n->a, n->b);
        visit_target(w, n->a, n->op == TK_EQ ? JS_REF_WRITE : JS_REF_READ | JS_REF_WRITE);
        visit_expr(w, n->b);
        break;
    case JS_CONDITIONAL:
        visit_expr(w, n->a);
        visit_expr(w, n->b);
        visit_expr(w, n->c);
        break;
    case JS_CALL:
        if (is_name(n->a, "eval", 4)) mark_direct_eval(w);
        else if (is_name(n->a, "require", 7)) note(w, n);
        visit_expr(w, n->a);
        visit_list(w, n->b);
        break;
    case JS_NEW:
        visit_expr(w, n->a);
        visit_list(w, n->b);
        break;
    case JS_MEMBER:
        visit_expr(w, n->a);
        if (n->flags & JS_F_COMPUTED) visit_expr(w, n->b);
        break;
    case JS_IMPORT_CALL:
        note(w, n);
        visit_expr(w, n->a);
        visit_expr(w, n->b);
        break;
    case JS_OBJECT_PATTERN:
    case JS_ARRAY_PATTERN:
    case JS_ASSIGN_PATTERN:
    case JS_REST: visit_target(w, n, JS_REF_WRITE); break;
    case JS_THIS:
        if (!w->fn_depth) note(w, n);
        break;
    case JS_META_PROPERTY:
        if (n->op == JS_META_IMPORT_META) note(w, n);
        break;
    default: break; /* literals, super, holes */
    }
}

/* Does the directive prologue of this statement list say "use strict"? */
static bool has_use_strict(const Walker *w, const JsNode *first) {
    for (const JsNode *q = first; q && q->kind == JS_EXPR_STMT && (q->flags & JS_F_DIRECTIVE); q = q->next) {
        const JsNode *str = q->a;
        if (str->end - str->start == 12 && memcmp(w->src + str->start + 1, "use strict", 10) == 0) return true;
    }
    return false;
}

/* Does a parameter contain expressions (defaults, computed keys)?  Then
 * the function body gets its own var scope. */
static bool pattern_has_exprs(const JsNode *n) {
    switch (n->kind) {
    case JS_ASSIGN_PATTERN: return true;
    case JS_REST: return pattern_has_exprs(n->a);
    case JS_ARRAY_PATTERN:
        for (const JsNode *q = n->a; q; q = q->next)
            if (pattern_has_exprs(q)) return true;
        return false;
    case JS_OBJECT_PATTERN:
        for (const JsNode *q = n->a; q; q = q->next) {
            if (q->kind == JS_PROPERTY && ((q->flags & JS_F_COMPUTED) || pattern_has_exprs(q->b))) return true;
            if (q->kind == JS_REST && pattern_has_exprs(q->a)) return true;
        }
        return false;
    default: return false;
    }
}

static bool has_param_exprs(const JsNode *params) {
    for (const JsNode *q = params; q; q = q->next)
        if (pattern_has_exprs(q)) return true;
    return false;
}

static void visit_stmts(Walker *w, JsNode *first) {
    for (JsNode *q = first; q; q = q->next) visit_stmt(w, q);
}

static void visit_function(Walker *w, JsNode *fn) {
    bool arrow = fn->kind == JS_ARROW;
    uint32_t saved_try = w->try_depth; /* a try around a function does not catch its calls */
    w->try_depth = 0;
    if (!arrow) w->fn_depth++;
    w->async_depth++;
    Frame f = open_scope(w, arrow ? JS_SCOPE_ARROW : JS_SCOPE_FUNCTION, fn);
    JsNode *body = fn->c;
    bool expr_body = arrow && (fn->flags & JS_F_EXPRESSION);
    if (!expr_body && has_use_strict(w, body->a)) cur_scope(w)->flags |= JS_SCOPE_STRICT;
    if (fn->kind == JS_FUNCTION && fn->a) fn->a->id.sym = new_symbol(w->s, w->cur, fn->a, JS_SYM_FUNCTION_NAME, 0);
    for (JsNode *p = fn->b; p; p = p->next) visit_binding(w, p, BIND_PARAM);
    if (expr_body) {
        visit_expr(w, body);
    } else if (has_param_exprs(fn->b)) {
        Frame b = open_scope(w, JS_SCOPE_FUNCTION_BODY, body);
        visit_stmts(w, body->a);
        close_scope(w, &b);
    } else {
        visit_stmts(w, body->a);
    }
    close_scope(w, &f);
    w->async_depth--;
    if (!arrow) w->fn_depth--;
    w->try_depth = saved_try;
}

static void visit_class(Walker *w, JsNode *n) {
    Frame f = open_scope(w, JS_SCOPE_CLASS, n);
    if (n->a) {
        JsSymbolId inner = new_symbol(w->s, w->cur, n->a, JS_SYM_CLASS_NAME, 0);
        if (n->kind == JS_CLASS) n->a->id.sym = inner;
    }
    visit_expr(w, n->b);
    for (JsNode *m = n->c; m; m = m->next) {
        switch (m->kind) {
        case JS_METHOD:
            if (m->flags & JS_F_COMPUTED) visit_expr(w, m->a);
            visit_function(w, m->b);
            break;
        case JS_FIELD:
            if (m->flags & JS_F_COMPUTED) visit_expr(w, m->a);
            w->fn_depth++, w->async_depth++; /* the try depth stays: the record's rule */
            visit_expr(w, m->b);
            w->fn_depth--, w->async_depth--;
            break;
        case JS_STATIC_BLOCK: {
            w->fn_depth++, w->async_depth++;
            Frame b = open_scope(w, JS_SCOPE_STATIC_BLOCK, m);
            visit_stmts(w, m->a);
            close_scope(w, &b);
            w->fn_depth--, w->async_depth--;
            break;
        }
        default: break;
        }
    }
    close_scope(w, &f);
}

/* The body of if/else/loops/labels: a function declaration there (sloppy
 * Annex B.3.3) behaves as if wrapped in a block. */
static void visit_substatement(Walker *w, JsNode *n) {
    if (!n) return;
    if (n->kind == JS_FUNCTION_DECL) {
        Frame f = open_scope(w, JS_SCOPE_BLOCK, n);
        visit_stmt(w, n);
        close_scope(w, &f);
    } else {
        visit_stmt(w, n);
    }
}

static bool is_lexical_decl(const JsNode *n) {
    return n && n->kind == JS_VAR_DECL && n->op != TK_VAR;
}

static void visit_var_decl(Walker *w, JsNode *n, bool for_of) {
    Bind how = n->op == TK_VAR ? (for_of ? BIND_VAR_FOR_OF : BIND_VAR) : n->op == TK_CONST ? BIND_CONST : BIND_LET;
    for (JsNode *d = n->a; d; d = d->next) {
        visit_binding(w, d->a, how);
        names_value(w, d->a, d->b);
        visit_expr(w, d->b);
    }
}

static void visit_function_decl(Walker *w, JsNode *n) {
    if (n->a) {
        JsScope *sc = cur_scope(w);
        if (sc->kind == JS_SCOPE_MODULE) {
            declare_lexical(w, n->a, JS_SYM_FUNCTION, 0);
        } else if (is_var_scope(sc->kind)) {
            declare_var(w, n->a, JS_SYM_FUNCTION, false);
        } else {
            bool plain = !(n->flags & (JS_F_ASYNC | JS_F_GENERATOR));
            JsSymbolId sym = declare_lexical(w, n->a, JS_SYM_BLOCK_FUNCTION, plain ? 0 : JS_SYMF_ASYNC_GEN);
            if (sym && plain && !is_strict(w)) {
                AnnexB c = {sym, w->cur};
                VEC_PUSH(&w->annexb, c);
            }
        }
    }
    visit_function(w, n);
}

static void visit_stmt(Walker *w, JsNode *n) {
    switch ((JsNodeKind)n->kind) {
    case JS_VAR_DECL: visit_var_decl(w, n, false); break;
    case JS_FUNCTION_DECL: visit_function_decl(w, n); break;
    case JS_CLASS_DECL:
        if (n->a) declare_lexical(w, n->a, JS_SYM_CLASS, 0);
        visit_class(w, n);
        break;
    case JS_EXPR_STMT:
    case JS_RETURN:
    case JS_THROW: visit_expr(w, n->a); break;
    case JS_BLOCK: {
        Frame f = open_scope(w, JS_SCOPE_BLOCK, n);
        visit_stmts(w, n->a);
        close_scope(w, &f);
        break;
    }
    case JS_WITH: {
        visit_expr(w, n->a);
        Frame f = open_scope(w, JS_SCOPE_WITH, n);
        visit_substatement(w, n->b);
        close_scope(w, &f);
        break;
    }
    case JS_LABELED: visit_stmt(w, n->b); break; /* a labelled function is declared where the label is */
    case JS_IF:
        visit_expr(w, n->a);
        visit_substatement(w, n->b);
        visit_substatement(w, n->c);
        break;
    case JS_SWITCH: {
        visit_expr(w, n->a);
        Frame f = open_scope(w, JS_SCOPE_SWITCH, n);
        for (JsNode *c = n->b; c; c = c->next) {
            visit_expr(w, c->a);
            visit_stmts(w, c->b);
        }
        close_scope(w, &f);
        break;
    }
    case JS_TRY:
        w->try_depth++;
        visit_stmt(w, n->a);
        w->try_depth--;
        if (n->b) {
            JsNode *c = n->b;
            Frame f = open_scope(w, JS_SCOPE_CATCH, c);
            if (c->a && c->a->kind == JS_IDENTIFIER) cur_scope(w)->flags |= JS_SCOPE_SIMPLE_CATCH;
            if (c->a) visit_binding(w, c->a, BIND_CATCH);
            visit_stmts(w, c->b->a);
            close_scope(w, &f);
        }
        if (n->c) visit_stmt(w, n->c);
        break;
    case JS_WHILE:
        visit_expr(w, n->a);
        visit_substatement(w, n->b);
        break;
    case JS_DO_WHILE:
        visit_substatement(w, n->a);
        visit_expr(w, n->b);
        break;
    case JS_FOR: {
        Frame f = {0};
        bool scoped = is_lexical_decl(n->a);
        if (scoped) f = open_scope(w, JS_SCOPE_FOR, n);
        if (n->a && n->a->kind == JS_VAR_DECL) visit_var_decl(w, n->a, false);
        else visit_expr(w, n->a);
        visit_expr(w, n->b);
        visit_expr(w, n->c);
        visit_substatement(w, n->d);
        if (scoped) close_scope(w, &f);
        break;
    }
    case JS_FOR_IN:
    case JS_FOR_OF: {
        if (n->kind == JS_FOR_OF && (n->flags & JS_F_AWAIT) && !w->async_depth) note(w, n);
        Frame f = {0};
        bool scoped = is_lexical_decl(n->a);
        if (scoped) f = open_scope(w, JS_SCOPE_FOR, n);
        if (n->a->kind == JS_VAR_DECL) visit_var_decl(w, n->a, n->kind == JS_FOR_OF);
        else visit_target(w, n->a, JS_REF_WRITE);
        visit_expr(w, n->b);
        visit_substatement(w, n->c);
        if (scoped) close_scope(w, &f);
        break;
    }
    case JS_IMPORT_DECL:
        if (w->cur == 1) note(w, n);
        for (JsNode *q = n->a; q; q = q->next)
            declare_lexical(w, q->kind == JS_IMPORT_SPECIFIER ? q->b : q->a, JS_SYM_IMPORT, 0);
        break;
    case JS_EXPORT_NAMED:
        if (w->cur == 1) note(w, n);
        if (n->a) visit_stmt(w, n->a);
        else if (!n->c)
            for (JsNode *q = n->b; q; q = q->next)
                if (q->a->kind == JS_IDENTIFIER) add_ref(w, q->a, JS_REF_EXPORT);
        break;
    case JS_EXPORT_DEFAULT:
        if (w->cur == 1) note(w, n);
        if (n->a->kind == JS_FUNCTION_DECL || n->a->kind == JS_CLASS_DECL) visit_stmt(w, n->a);
        else visit_expr(w, n->a);
        break;
    case JS_EXPORT_ALL:
        if (w->cur == 1) note(w, n);
        break;
    default: break; /* empty, debugger, break, continue */
    }
}

bool js_scope_build(JsAst *ast, const char *src, DiagList *diags, const DiagFile *file, JsScopes *out) {
    memset(out, 0, sizeof *out);
    Walker w = {.s = out, .src = src, .diags = diags, .file = file, .ok = true};
    /* Sizes from the node count (about one node in four is a reference),
     * so that the arrays seldom grow. */
    uint32_t nodes = ast->node_count;
    VEC_RESERVE(&out->refs, nodes / 4 + 16);
    VEC_RESERVE(&w.pending, nodes / 16 + 16);
    VEC_RESERVE(&out->symbols, nodes / 12 + 16);
    VEC_RESERVE(&out->entries, nodes / 12 + 16);
    VEC_RESERVE(&out->scopes, nodes / 16 + 16);
    JsNode *prog = ast->program;
    Frame f = open_scope(&w, ast->module ? JS_SCOPE_MODULE : JS_SCOPE_SCRIPT, prog);
    if (has_use_strict(&w, prog->a)) cur_scope(&w)->flags |= JS_SCOPE_STRICT;
    visit_stmts(&w, prog->a);
    close_scope(&w, &f);
    VEC_FREE(&w.pending);
    VEC_FREE(&w.annexb);
    return w.ok;
}

void js_scopes_free(JsScopes *s) {
    for (uint32_t i = 0; i < s->maps.len; i++) map_free(&s->maps.data[i]);
    VEC_FREE(&s->maps);
    VEC_FREE(&s->scopes);
    VEC_FREE(&s->symbols);
    VEC_FREE(&s->refs);
    VEC_FREE(&s->entries);
    VEC_FREE(&s->noted);
}

JsSymbolId js_scope_lookup(const JsScopes *s, JsScopeId scope, const char *name, uint32_t len) {
    for (; scope; scope = js_scope(s, scope)->parent) {
        JsSymbolId sym = find_member(s, scope, name, len);
        if (sym) return sym;
    }
    return 0;
}

/* ---- Dump -------------------------------------------------------------- */

static void put_name(FILE *out, const char *s, uint32_t len) {
    for (uint32_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f) fprintf(out, "\\x%02x", c);
        else fputc(c, out);
    }
}

void js_dump_scopes(const JsScopes *s, FILE *out) {
    uint32_t n = s->scopes.len;
    uint32_t *depth = mem_alloc(sizeof(uint32_t) * (n + 1));
    /* References grouped by scope, in walk order (a counting sort). */
    uint32_t *first = mem_alloc(sizeof(uint32_t) * (n + 2));
    uint32_t *order = mem_alloc(sizeof(uint32_t) * (s->refs.len + 1));
    memset(first, 0, sizeof(uint32_t) * (n + 2));
    for (uint32_t i = 0; i < s->refs.len; i++) first[s->refs.data[i].scope + 1]++;
    for (uint32_t i = 1; i <= n + 1; i++) first[i] += first[i - 1];
    for (uint32_t i = 0; i < s->refs.len; i++) order[first[s->refs.data[i].scope]++] = i;
    /* first[k] now ends scope k's run; its start is first[k - 1] (0 for k = 0). */
    for (JsScopeId id = 1; id <= n; id++) {
        const JsScope *sc = js_scope(s, id);
        depth[id] = sc->parent ? depth[sc->parent] + 1 : 0;
        int ind = (int)depth[id] * 2;
        fprintf(out, "%*s%s", ind, "", scope_names[sc->kind]);
        bool parent_strict = sc->parent && (js_scope(s, sc->parent)->flags & JS_SCOPE_STRICT);
        bool implied = sc->kind == JS_SCOPE_MODULE || sc->kind == JS_SCOPE_CLASS;
        if ((sc->flags & JS_SCOPE_STRICT) && !parent_strict && !implied) fputs(" strict", out);
        if (sc->flags & JS_SCOPE_DIRECT_EVAL) fputs(" eval", out);
        fputc('\n', out);
        for (uint32_t e = sc->first_entry; e; e = s->entries.data[e - 1].next) {
            const JsScopeEntry *en = &s->entries.data[e - 1];
            if (en->kind == ENTRY_THROUGH) continue;
            const JsSymbol *y = js_symbol(s, en->sym);
            fprintf(out, "%*s#%u ", ind + 2, "", en->sym);
            put_name(out, y->name, y->len);
            fprintf(out, " %s", symbol_names[y->kind]);
            if (y->flags & JS_SYMF_ANNEX_B) fputs(" annex-b", out);
            if (y->hoisted) fprintf(out, " hoisted=#%u", y->hoisted);
            if (y->flags & JS_SYMF_IN_WITH) fputs(" in-with", out);
            if (en->kind == ENTRY_REPLACED) fputs(" shadowed", out);
            fputc('\n', out);
        }
        for (uint32_t k = id == 1 ? 0 : first[id - 1]; k < first[id]; k++) {
            const JsRef *r = &s->refs.data[order[k]];
            fprintf(out, "%*s", ind + 2, "");
            put_name(out, r->node->id.str, r->node->id.len);
            if (r->node->id.sym) fprintf(out, " -> #%u", r->node->id.sym);
            else fputs(" -> global", out);
            if (r->flags & JS_REF_EXPORT) fputs(" (export)", out);
            else if ((r->flags & (JS_REF_READ | JS_REF_WRITE)) == (JS_REF_READ | JS_REF_WRITE)) fputs(" (read write)", out);
            else if (r->flags & JS_REF_WRITE) fputs(" (write)", out);
            fputc('\n', out);
        }
    }
    mem_free(order);
    mem_free(first);
    mem_free(depth);
}
