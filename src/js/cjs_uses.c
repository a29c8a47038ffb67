/* js/cjs_uses.c: what a module does with `exports` and require() results
 * (cjs_uses.h).
 *
 * Two walks of the AST with a stack of ancestors, since every question is
 * about a node's parent: the first finds the require("x") calls and what
 * holds their results (a binding, a destructuring, a member read); the
 * second classifies every use of those bindings and, in a CommonJS module,
 * of `exports` and of a top-level `this`.  Two walks because a function
 * declared above `var X = require("x")` may already use X.  Linear in the
 * AST. */
#include "js/cjs_uses.h"

#include "base/map.h"
#include "base/mem.h"

#include <stdlib.h>
#include <string.h>

/* A binding that holds a require() result: var X = require("x"). */
typedef struct Holder {
    JsDepId dep;
    bool whole;
} Holder;

typedef struct Scan {
    const JsScopes *sc;
    const JsRecord *rec;
    JsCjsUses *out;
    bool cjs;                /* the module is CommonJS: exports and this are looked at */
    bool second;             /* the second walk */
    uint32_t fn_depth;       /* non-arrow functions and class bodies around the node */
    VEC(const JsNode *) up;  /* the ancestors of the node visited */
    uint32_t *holder_of;     /* by JsSymbolId: 1 + index into holders */
    uint32_t nsyms;
    VEC(Holder) holders;
    VecU32 members;          /* (holder, name) pairs: X.name */
    Map names;               /* name -> 1 + index into out->names */
} Scan;

static bool is_name(const JsNode *n, const char *s) {
    return n && n->kind == JS_IDENTIFIER && n->id.len == strlen(s) && !memcmp(n->id.str, s, n->id.len);
}

static bool is_free(const JsNode *n, const char *s) { return is_name(n, s) && !n->id.sym; }

static uint32_t intern(Scan *s, const char *str, uint32_t len) {
    bool inserted;
    MapSlot *slot = map_entry_str(&s->names, str, len, 0, 0, &inserted);
    if (inserted) {
        slot->value = s->out->names.len + 1;
        VEC_PUSH(&s->out->names, ((JsCjsName){str, len}));
    }
    return (uint32_t)slot->value - 1;
}

/* The name of member expression m when it is static (a.b, a["b"]), else NULL. */
static const JsNode *static_key(const JsNode *m) {
    if (m->kind != JS_MEMBER) return NULL;
    if (!(m->flags & JS_F_COMPUTED)) return m->b->kind == JS_IDENTIFIER ? m->b : NULL;
    return m->b->kind == JS_STRING_LIT ? m->b : NULL;
}

static const JsNode *parent(const Scan *s, uint32_t k) {
    return s->up.len > k ? s->up.data[s->up.len - 1 - k] : NULL;
}

/* The record's dependency whose string starts at pos (a require). */
static JsDepId dep_at(const Scan *s, uint32_t pos) {
    uint32_t lo = 0, hi = s->rec->deps.len;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (s->rec->deps.data[mid].start < pos) lo = mid + 1;
        else hi = mid;
    }
    if (lo < s->rec->deps.len && s->rec->deps.data[lo].start == pos && s->rec->deps.data[lo].kind == JS_DEP_REQUIRE)
        return lo + 1;
    return 0;
}

static void use_names(Scan *s, JsDepId dep, const JsNode *first_key, bool pattern) {
    JsDepUse *u = &s->out->deps[dep];
    u->whole = false;
    u->first_name = s->out->use_names.len;
    if (!pattern && first_key) VEC_PUSH(&s->out->use_names, intern(s, first_key->id.str, first_key->id.len));
    for (const JsNode *p = pattern ? first_key : NULL; p; p = p->next)
        VEC_PUSH(&s->out->use_names, intern(s, p->a->id.str, p->a->id.len));
    u->nnames = s->out->use_names.len - u->first_name;
}

/* Whether the keys of object pattern p are all static (and it has no rest
 * element). */
static bool simple_pattern(const JsNode *p) {
    for (const JsNode *q = p->a; q; q = q->next) {
        if (q->kind != JS_PROPERTY) return false;
        if ((q->flags & JS_F_COMPUTED) ? q->a->kind != JS_STRING_LIT : q->a->kind != JS_IDENTIFIER &&
                                                                          q->a->kind != JS_STRING_LIT)
            return false;
    }
    return true;
}

/* First walk: require("x") call n, and what its parent does with it. */
static void require_call(Scan *s, const JsNode *n) {
    if (!is_free(n->a, "require") || !n->b || n->b->next || n->b->kind != JS_STRING_LIT) return;
    JsDepId dep = dep_at(s, n->b->start);
    if (!dep) return;
    const JsNode *p = parent(s, 0);
    if (!p) return;
    if (p->kind == JS_EXPR_STMT) {
        use_names(s, dep, NULL, false);
    } else if (p->kind == JS_MEMBER && p->a == n && static_key(p)) {
        use_names(s, dep, static_key(p), false);
    } else if (p->kind == JS_VAR_DECLARATOR && p->b == n) {
        const JsNode *b = p->a;
        bool top = parent(s, 1) && parent(s, 1)->kind == JS_VAR_DECL && parent(s, 2) &&
                   parent(s, 2)->kind == JS_PROGRAM;
        if (b->kind == JS_IDENTIFIER && b->id.sym && b->id.sym <= s->nsyms) {
            JsSymbolId y = b->id.sym;
            if (s->holder_of[y] || js_symbol(s->sc, y)->writes) { /* declared twice, or assigned */
                if (s->holder_of[y]) s->holders.data[s->holder_of[y] - 1].whole = true;
                return;
            }
            VEC_PUSH(&s->holders, ((Holder){.dep = dep}));
            s->holder_of[y] = s->holders.len;
        } else if (b->kind == JS_OBJECT_PATTERN && simple_pattern(b)) {
            use_names(s, dep, b->a, true);
        } else {
            return;
        }
        if (top) VEC_PUSH(&s->out->requires, ((JsCjsRequireDecl){p, dep}));
    }
}

static void not_granular(Scan *s) { s->out->granular = false; }

static void read_export(Scan *s, const JsNode *key, uint32_t pos) {
    VEC_PUSH(&s->out->reads, ((JsCjsRead){pos, intern(s, key->id.str, key->id.len)}));
}

/* Object.defineProperty(exports, "name", descriptor): the name, else NULL. */
static const JsNode *define_property(const JsNode *call) {
    if (call->kind != JS_CALL || call->a->kind != JS_MEMBER || (call->a->flags & JS_F_COMPUTED)) return NULL;
    if (!is_free(call->a->a, "Object") || !is_name(call->a->b, "defineProperty")) return NULL;
    const JsNode *o = call->b, *k = o ? o->next : NULL, *d = k ? k->next : NULL;
    if (!d || d->next || !is_free(o, "exports") || k->kind != JS_STRING_LIT || d->kind == JS_SPREAD) return NULL;
    return k;
}

/* Second walk: a free `exports` that is not part of a definition. */
static void exports_use(Scan *s, const JsNode *n) {
    const JsNode *p = parent(s, 0);
    if (p && p->kind == JS_MEMBER && p->a == n && static_key(p)) read_export(s, static_key(p), p->start);
    else if (p && p->kind == JS_CALL && p->b == n && define_property(p)) read_export(s, define_property(p), p->start);
    else not_granular(s);
}

/* Second walk: a top-level `this` (CommonJS: module.exports), allowed
 * where it is only read from. */
static void this_use(Scan *s, const JsNode *n) {
    const JsNode *p = parent(s, 0), *g = parent(s, 1);
    if (p && p->kind == JS_LOGICAL && p->a == n) return;
    if (p && p->kind == JS_MEMBER && p->a == n && g) {
        bool written = (g->kind == JS_ASSIGN && g->a == p) || g->kind == JS_UPDATE ||
                       (g->kind == JS_UNARY && g->op == TK_DELETE) || (g->kind == JS_CALL && g->a == p);
        if (!written) return;
    }
    not_granular(s);
}

/* Second walk: an identifier. */
static void identifier(Scan *s, const JsNode *n) {
    JsSymbolId y = n->id.sym;
    if (!y) {
        if (s->cjs && is_name(n, "exports")) exports_use(s, n);
        return;
    }
    if (y > s->nsyms || !s->holder_of[y]) return;
    Holder *h = &s->holders.data[s->holder_of[y] - 1];
    const JsNode *p = parent(s, 0);
    if (p && p->kind == JS_MEMBER && p->a == n && static_key(p)) {
        const JsNode *k = static_key(p);
        VEC_PUSH(&s->members, s->holder_of[y] - 1);
        VEC_PUSH(&s->members, intern(s, k->id.str, k->id.len));
    } else if (!(p && p->kind == JS_VAR_DECLARATOR && p->a == n)) {
        h->whole = true; /* it escapes */
    }
}

static void scan(Scan *s, const JsNode *n);

static void scan(Scan *s, const JsNode *n) {
    if (!n) return;
    switch ((JsNodeKind)n->kind) {
    case JS_IDENTIFIER:
        if (s->second) identifier(s, n);
        return;
    case JS_THIS:
        if (s->second && s->cjs && !s->fn_depth) this_use(s, n);
        return;
    case JS_CALL:
        if (!s->second) require_call(s, n);
        break;
    case JS_WITH: not_granular(s); break;
    default: break;
    }
    bool fn = n->kind == JS_FUNCTION || n->kind == JS_FUNCTION_DECL;
    bool cls = n->kind == JS_CLASS || n->kind == JS_CLASS_DECL;
    /* a non-computed member name or property key is no reference */
    bool skip_b = n->kind == JS_MEMBER && !(n->flags & JS_F_COMPUTED);
    bool skip_a = (n->kind == JS_PROPERTY || n->kind == JS_METHOD || n->kind == JS_FIELD) && !(n->flags & JS_F_COMPUTED);
    if (fn) s->fn_depth++;
    VEC_PUSH(&s->up, n);
    for (JsChildren c = js_children(n); js_child_next(&c);) {
        if ((c.slot == 0 && skip_a) || (c.slot == 1 && skip_b)) continue;
        bool body = cls && c.slot == 2; /* a class body: `this` is not the module's there */
        s->fn_depth += body;
        scan(s, c.node);
        s->fn_depth -= body;
    }
    s->up.len--;
    if (fn) s->fn_depth--;
}

/* Scans node n as a child of the given ancestors (the rest of the
 * statement is not walked). */
static void scan_under(Scan *s, const JsNode *n, const JsNode *a1, const JsNode *a2) {
    uint32_t at = s->up.len;
    if (a1) VEC_PUSH(&s->up, a1);
    if (a2) VEC_PUSH(&s->up, a2);
    scan(s, n);
    s->up.len = at;
}

static bool is_void0(const JsNode *e) {
    return e->kind == JS_UNARY && e->op == TK_VOID && e->a->kind == JS_NUMBER_LIT;
}

static bool exports_member(const JsNode *m) { return m->kind == JS_MEMBER && is_free(m->a, "exports") && static_key(m); }

/* __exportStar(x, exports), tslib's too (a.__exportStar, (0, a.__exportStar)). */
static bool export_star(const JsNode *e) {
    if (e->kind != JS_CALL || !e->b || !e->b->next || e->b->next->next || !is_free(e->b->next, "exports")) return false;
    const JsNode *c = e->a;
    if (c->kind == JS_SEQUENCE && c->a && c->a->next && !c->a->next->next) c = c->a->next;
    if (c->kind == JS_MEMBER && !(c->flags & JS_F_COMPUTED)) c = c->b;
    return is_name(c, "__exportStar");
}

/* Second walk of a CommonJS module's top-level statement s. */
static void statement(Scan *s, const JsNode *program, const JsNode *st) {
    JsCjsUses *out = s->out;
    if (st->kind == JS_EXPR_STMT && (st->flags & JS_F_DIRECTIVE)) {
        VEC_PUSH(&out->keep, st);
        return;
    }
    const JsNode *e = st->kind == JS_EXPR_STMT ? st->a : NULL;
    if (e && e->kind == JS_ASSIGN && e->op == TK_EQ && exports_member(e->a)) {
        JsCjsDef d = {.stmt = st, .first_name = out->def_names.len};
        const JsNode *last = e;
        for (; e->kind == JS_ASSIGN && e->op == TK_EQ && exports_member(e->a); last = e, e = e->b) {
            const JsNode *k = static_key(e->a);
            VEC_PUSH(&out->def_names, intern(s, k->id.str, k->id.len));
        }
        d.nnames = out->def_names.len - d.first_name;
        d.value = e;
        d.init = is_void0(e);
        VEC_PUSH(&out->defs, d);
        scan_under(s, e, program, last);
        return;
    }
    const JsNode *key = e ? define_property(e) : NULL;
    if (key) {
        const JsNode *desc = e->b->next->next;
        JsCjsDef d = {.stmt = st, .value = desc, .first_name = out->def_names.len, .nnames = 1};
        VEC_PUSH(&out->def_names, intern(s, key->id.str, key->id.len));
        VEC_PUSH(&out->defs, d);
        scan_under(s, desc, program, e);
        return;
    }
    if (e && export_star(e)) {
        out->star = true;
        const JsNode *src = e->b;
        bool req = src->kind == JS_CALL && is_free(src->a, "require") && src->b && src->b->kind == JS_STRING_LIT;
        VEC_PUSH(&out->stars, req ? dep_at(s, src->b->start) : 0);
        scan_under(s, e->a, program, e);
        scan_under(s, e->b, program, e);
        return;
    }
    scan_under(s, st, program, NULL);
}

static int by_pos(const void *a, const void *b) {
    const JsCjsRead *x = a, *y = b;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

void js_cjs_uses(const JsAst *ast, const JsScopes *scopes, const JsRecord *rec, JsCjsUses *out) {
    memset(out, 0, sizeof *out);
    out->deps = mem_zalloc(sizeof(JsDepUse) * (rec->deps.len + 1));
    for (uint32_t i = 0; i <= rec->deps.len; i++) out->deps[i].whole = true;
    bool requires = false;
    for (uint32_t i = 0; i < rec->deps.len; i++) requires |= rec->deps.data[i].kind == JS_DEP_REQUIRE;
    bool cjs = rec->kind == JS_MODULE_CJS && !rec->module_refs.len;
    bool eval = scopes->scopes.len && (js_scope(scopes, 1)->flags & JS_SCOPE_DIRECT_EVAL);
    if (eval || (!requires && !cjs)) return; /* a direct eval may read anything */
    Scan s = {.sc = scopes, .rec = rec, .out = out, .cjs = cjs, .nsyms = scopes->symbols.len};
    s.holder_of = mem_zalloc(sizeof(uint32_t) * (s.nsyms + 1));
    out->granular = cjs;
    if (requires) scan(&s, ast->program);
    s.second = true;
    if (cjs)
        for (const JsNode *st = ast->program->a; st; st = st->next) statement(&s, ast->program, st);
    else if (s.holders.len)
        scan(&s, ast->program);
    /* what each holder's members read, each name once */
    uint32_t *seen = mem_zalloc(sizeof(uint32_t) * (out->names.len + 1));
    uint32_t *count = mem_zalloc(sizeof(uint32_t) * (s.holders.len + 1));
    for (uint32_t i = 0; i < s.members.len; i += 2) count[s.members.data[i]]++;
    uint32_t *first = mem_zalloc(sizeof(uint32_t) * (s.holders.len + 1)), *sorted = mem_zalloc(sizeof(uint32_t) * (s.members.len / 2 + 1));
    for (uint32_t h = 0, at = 0; h < s.holders.len; h++) first[h] = at, at += count[h], count[h] = 0;
    for (uint32_t i = 0; i < s.members.len; i += 2) {
        uint32_t h = s.members.data[i];
        sorted[first[h] + count[h]++] = s.members.data[i + 1];
    }
    for (uint32_t h = 0; h < s.holders.len; h++) {
        const Holder *x = &s.holders.data[h];
        if (x->whole) continue;
        JsDepUse *u = &out->deps[x->dep];
        u->whole = false;
        u->first_name = out->use_names.len;
        for (uint32_t k = 0; k < count[h]; k++) {
            uint32_t name = sorted[first[h] + k];
            if (seen[name] == h + 1) continue;
            seen[name] = h + 1;
            VEC_PUSH(&out->use_names, name);
        }
        u->nnames = out->use_names.len - u->first_name;
    }
    if (out->reads.len > 1) qsort(out->reads.data, out->reads.len, sizeof(JsCjsRead), by_pos);
    mem_free(seen);
    mem_free(count);
    mem_free(first);
    mem_free(sorted);
    mem_free(s.holder_of);
    VEC_FREE(&s.holders);
    VEC_FREE(&s.members);
    VEC_FREE(&s.up);
    map_free(&s.names);
}

void js_cjs_uses_free(JsCjsUses *u) {
    VEC_FREE(&u->names);
    VEC_FREE(&u->defs);
    VEC_FREE(&u->reads);
    VEC_FREE(&u->requires);
    VEC_FREE(&u->keep);
    VEC_FREE(&u->stars);
    VEC_FREE(&u->def_names);
    VEC_FREE(&u->use_names);
    mem_free(u->deps);
    memset(u, 0, sizeof *u);
}
