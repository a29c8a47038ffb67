/* output/print.c: compact JavaScript from an AST (print.h).
 *
 * Expressions are printed at a level: the lowest precedence the place
 * accepts; an expression of lower precedence goes in parentheses.  Tokens
 * are written without white space except where two would run together
 * (two words, `+ +`, `- -`, `/ /`, `< !`). */
#include "output/print.h"

#include "js/lexer.h"
#include "js/define.h"
#include "js/number.h"
#include "js/purity.h"
#include "js/precedence.h"
#include "output/edits.h"
#include "output/sourcemap.h"

#include <string.h>

/* Levels are js/precedence.h's, as the parser reads them; L_MEMBER stands
 * for what needs no parentheses anywhere (literals, names, brackets). */
#define L_PRIMARY L_MEMBER

typedef struct Printer {
    const char *src;
    VecChar *out;
    uint32_t term; /* 1 + where the last statement's terminating ";" was written */
    const OutMangled *names; /* by JsSymbolId, or NULL */
    uint32_t nnames;
    VecU32 *marks;    /* (output offset, source offset) pairs, or NULL */
    uint32_t pending; /* the source offset the next token maps to, or NO_MARK */
    uint32_t flags;   /* OUT_PRINT_* */
    const uint32_t *legal; /* --legal-comments=inline: (start, end) source ranges, in order */
    uint32_t nlegal, next_legal;
    const char *const *pure; /* --pure:NAME */
    size_t npure;
    const JsScopes *scopes;  /* or NULL */
} Printer;

#define NO_MARK 0xFFFFFFFFu

static bool ident_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
           c == '\\' || c >= 0x80;
}

/* Writes s[0..n), with a space before it where it would run into the last token. */
static void emit(Printer *p, const char *s, size_t n) {
    if (!n) return;
    VecChar *o = p->out;
    if (o->len) {
        unsigned char last = (unsigned char)o->data[o->len - 1], first = (unsigned char)s[0];
        if ((ident_char(last) && ident_char(first)) || (last == '+' && first == '+') || (last == '-' && first == '-') ||
            (last == '/' && first == '/') || (last == '<' && first == '!'))
            VEC_PUSH(o, ' ');
    }
    if (p->pending != NO_MARK) {
        VEC_PUSH(p->marks, o->len);
        VEC_PUSH(p->marks, p->pending);
        p->pending = NO_MARK;
    }
    out_append(o, s, n);
}

/* The next token written maps to where n starts. */
static void mark(Printer *p, const JsNode *n) {
    if (p->marks) p->pending = n->start;
}

/* The name an identifier is written as (mangle.h). */
static const OutMangled *renamed(const Printer *p, const JsNode *n) {
    if (!p->names || n->kind != JS_IDENTIFIER || !n->id.sym || n->id.sym > p->nnames) return NULL;
    return p->names[n->id.sym].str ? &p->names[n->id.sym] : NULL;
}

static void ident(Printer *p, const JsNode *n) {
    const OutMangled *m = renamed(p, n);
    if (m && p->pending != NO_MARK) p->pending |= OUT_MARK_RENAMED; /* the map keeps its name */
    if (m) emit(p, m->str, m->len);
    else emit(p, n->id.str, n->id.len);
}

/* (a macro, so that the length of a literal is known when compiling) */
#define put(p, s) emit((p), (s), strlen(s))

static void raw(Printer *p, const JsNode *n) { emit(p, p->src + n->start, n->end - n->start); }

/* A statement's terminating ";", which a "}" right after makes needless. */
static void semi(Printer *p) {
    put(p, ";");
    p->term = p->out->len;
}

/* Closes a block, class body or switch: a ";" just before goes (ASI). */
static void close(Printer *p) {
    if (p->term && p->term == p->out->len) p->out->len--;
    p->term = 0;
    put(p, "}");
}

static void expr(Printer *p, const JsNode *n, int level);
static void stmt(Printer *p, const JsNode *n);

static void var_decl(Printer *p, const JsNode *d, bool in_for);
static void declarators(Printer *p, const JsNode *d, bool in_for);
static bool syntax(const Printer *p);
static bool console_call(const Printer *p, const JsNode *n);

static bool unused_pure_call(const Printer *p, const JsNode *e);

/* A statement the printer leaves out: debugger (--drop:debugger), a
 * console call's statement (--drop:console), or one that only calls what
 * has no side effects (--pure, #__PURE__). */
static bool dropped(const Printer *p, const JsNode *s) {
    return (s->kind == JS_DEBUGGER && (p->flags & OUT_PRINT_DROP_DEBUGGER)) ||
           (s->kind == JS_EXPR_STMT && !(s->flags & JS_F_DIRECTIVE) && (console_call(p, s->a) || unused_pure_call(p, s->a)));
}

static const JsNode *if_taken(const Printer *p, const JsNode *n, bool *known);
static bool jumps(const JsNode *s);
static bool declares_lexically(const JsNode *block);
static void unreachable(Printer *p, const JsNode *s);
static bool exprable(const Printer *p, const JsNode *s, int depth);
static int decl_op(const Printer *p, const JsNode *d);
static int exprable_run(const Printer *p, const JsNode *first, const JsNode *stop, int depth);
static void run_stmt(Printer *p, const JsNode *first, const JsNode *stop, const JsNode *tail);

/* The legal comments (--legal-comments=inline) that start before offset
 * upto, where a statement may start; a // one ends its line. */
static void legal_before(Printer *p, uint32_t upto) {
    for (bool first = true; p->next_legal < p->nlegal && p->legal[2 * p->next_legal] < upto; p->next_legal++) {
        uint32_t a = p->legal[2 * p->next_legal], b = p->legal[2 * p->next_legal + 1];
        if (first && p->out->len && p->out->data[p->out->len - 1] == '/') VEC_PUSH(p->out, ' '); /* a regexp's end */
        first = false;
        out_append(p->out, p->src + a, b - a);
        if (p->src[a + 1] == '/') VEC_PUSH(p->out, '\n');
        p->term = 0;
    }
}

static void stmts(Printer *p, const JsNode *first) {
    for (const JsNode *s = first; s; s = s->next) {
        legal_before(p, s->start);
        if (dropped(p, s)) continue;
        if (syntax(p) && s->kind == JS_IF) {
            bool known;
            const JsNode *taken = if_taken(p, s, &known);
            if (known) { /* if (!0) a; else b: a */
                if (taken && taken->kind == JS_BLOCK && !declares_lexically(taken)) stmts(p, taken->a);
                else if (taken) stmt(p, taken);
                continue;
            }
        }
        if (syntax(p) && jumps(s)) { /* return; a(): return */
            stmt(p, s);
            for (s = s->next; s; s = s->next) unreachable(p, s);
            return;
        }
        if (syntax(p) && s->kind == JS_VAR_DECL) {
            /* var a = 1; var b = 2: var a = 1, b = 2 */
            mark(p, s);
            var_decl(p, s, false);
            while (s->next && s->next->kind == JS_VAR_DECL && decl_op(p, s->next) == decl_op(p, s)) {
                s = s->next;
                put(p, ",");
                declarators(p, s, false);
            }
            semi(p);
            continue;
        }
        if (syntax(p) && exprable(p, s, 0)) {
            /* a(); if (b) c(); d(): a(), b && c(), d(); and into a return or throw after */
            const JsNode *last = s, *end = s->next;
            for (; end && (dropped(p, end) || exprable(p, end, 0)); end = end->next) last = end;
            const JsNode *tail = end && (end->kind == JS_RETURN || end->kind == JS_THROW) && end->a ? end : NULL;
            if (tail || s->kind == JS_IF || exprable_run(p, s, end, 0) > 1) {
                run_stmt(p, s, end, tail);
                if (tail) {
                    for (s = tail->next; s; s = s->next) unreachable(p, s);
                    return;
                }
                s = last;
                continue;
            }
        }
        stmt(p, s);
    }
}

static bool is_name(const JsNode *n, const char *s) {
    return n && n->kind == JS_IDENTIFIER && n->id.len == strlen(s) && !memcmp(n->id.str, s, n->id.len);
}

/* ---- --minify-syntax: shorter forms of the same code --------------------- */

static bool syntax(const Printer *p) { return p->flags & OUT_PRINT_SYNTAX; }

/* A free (global) name: no binding of the piece. */
static bool global(const JsNode *n, const char *s) { return is_name(n, s) && !n->id.sym; }

/* A call of console.x(...) (--drop:console). */
static bool console_call(const Printer *p, const JsNode *n) {
    if (!(p->flags & OUT_PRINT_DROP_CONSOLE)) return false;
    if (n->kind == JS_CHAIN) n = n->a;
    if (n->kind != JS_CALL) return false;
    const JsNode *c = n->a;
    while (c->kind == JS_MEMBER || c->kind == JS_CHAIN) c = c->a;
    return c != n->a && global(c, "console");
}

/* A call (or new) that --pure or #__PURE__ says has no side effects, with
 * arguments that have none (--minify-syntax): its statement can go. */
static bool unused_pure_call(const Printer *p, const JsNode *e) {
    if (!syntax(p)) return false;
    if (e->kind == JS_CHAIN) e = e->a;
    if (e->kind != JS_CALL && e->kind != JS_NEW) return false;
    if (!(e->flags & JS_F_PURE) && !js_pure_callee(p->pure, p->npure, e->a)) return false;
    for (const JsNode *q = e->b; q; q = q->next)
        if (q->kind == JS_SPREAD || !js_expr_is_pure(NULL, q)) return false;
    return true;
}

/* A string literal's value is an identifier name (ASCII), so that
 * a["b"] can be a.b and { "b": 1 } { b: 1 }. */
static bool ident_string(const JsNode *n) {
    if (n->kind != JS_STRING_LIT || !n->id.len) return false;
    for (uint32_t i = 0; i < n->id.len; i++) {
        unsigned char c = (unsigned char)n->id.str[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || (i && c >= '0' && c <= '9');
        if (!ok) return false;
    }
    return true;
}

/* ---- constant folding: what is known without running anything --------- */

/* What is known of an expression's value: nothing, or that it is falsy or
 * truthy.  Known only for expressions that have no side effects and run no
 * user code: primitive literals, undefined, void of a literal, ! of a
 * known value and comparisons of two literals. */
typedef enum Truth { T_UNKNOWN, T_FALSE, T_TRUE } Truth;

static Truth truth_of(bool b) { return b ? T_TRUE : T_FALSE; }

/* undefined (the global name) or void of a literal. */
static bool is_undefined(const JsNode *n) {
    if (n->kind == JS_UNARY && n->op == TK_VOID)
        return n->a->kind == JS_NUMBER_LIT || n->a->kind == JS_STRING_LIT || n->a->kind == JS_BOOL_LIT;
    return global(n, "undefined");
}

static bool is_literal(const JsNode *n) {
    switch ((JsNodeKind)n->kind) {
    case JS_BOOL_LIT:
    case JS_NUMBER_LIT:
    case JS_STRING_LIT:
    case JS_NULL_LIT: return true;
    default: return is_undefined(n);
    }
}

/* a == b, or a === b when strict, for two literals (is_literal). */
static Truth literals_equal(const JsNode *a, const JsNode *b, bool strict) {
    bool nullish_a = a->kind == JS_NULL_LIT || is_undefined(a), nullish_b = b->kind == JS_NULL_LIT || is_undefined(b);
    if (nullish_a || nullish_b) {
        if (nullish_a && nullish_b) return truth_of(!strict || (a->kind == JS_NULL_LIT) == (b->kind == JS_NULL_LIT));
        return T_FALSE; /* null and undefined equal nothing else, loosely or strictly */
    }
    if (a->kind != b->kind) return strict ? T_FALSE : T_UNKNOWN; /* 1 == "1": a conversion */
    switch ((JsNodeKind)a->kind) {
    case JS_BOOL_LIT: return truth_of((a->flags & JS_F_TRUE) == (b->flags & JS_F_TRUE));
    case JS_NUMBER_LIT: return truth_of(a->num == b->num); /* NaN is no literal; -0 == 0 */
    case JS_STRING_LIT: return truth_of(a->id.len == b->id.len && !memcmp(a->id.str, b->id.str, a->id.len));
    default: return T_UNKNOWN;
    }
}

static Truth truth(const JsNode *n) {
    switch ((JsNodeKind)n->kind) {
    case JS_BOOL_LIT: return truth_of(n->flags & JS_F_TRUE);
    case JS_NUMBER_LIT: return truth_of(n->num != 0 && n->num == n->num);
    case JS_STRING_LIT: return truth_of(n->id.len > 0);
    case JS_NULL_LIT: return T_FALSE;
    case JS_UNARY:
        if (n->op == TK_BANG) {
            Truth t = truth(n->a);
            return t == T_UNKNOWN ? T_UNKNOWN : truth_of(t == T_FALSE);
        }
        return is_undefined(n) ? T_FALSE : T_UNKNOWN;
    case JS_BINARY: {
        bool eq = n->op == TK_EQ2 || n->op == TK_EQ3, ne = n->op == TK_NE || n->op == TK_NE2;
        if (!(eq || ne) || !is_literal(n->a) || !is_literal(n->b)) return T_UNKNOWN;
        Truth t = literals_equal(n->a, n->b, n->op == TK_EQ3 || n->op == TK_NE2);
        return t == T_UNKNOWN || eq ? t : truth_of(t == T_FALSE);
    }
    default: return global(n, "undefined") ? T_FALSE : T_UNKNOWN;
    }
}

/* A value that, put where another expression was, could change how a call
 * of it runs: a member (its object becomes `this`) or eval (it would become
 * a direct eval). */
static bool call_sensitive(const JsNode *n) {
    return n->kind == JS_MEMBER || n->kind == JS_CHAIN || is_name(n, "eval");
}

/* What a conditional or logical expression with a known test is: the
 * branch it takes, or NULL when not known (or when the branch could not
 * stand in for it: call_sensitive). */
static const JsNode *folded(const JsNode *n) {
    const JsNode *r = NULL;
    if (n->kind == JS_CONDITIONAL) {
        Truth t = truth(n->a);
        if (t != T_UNKNOWN) r = t == T_TRUE ? n->b : n->c;
    } else if (n->kind == JS_LOGICAL && n->op == TK_QUESTION2) {
        const JsNode *a = n->a;
        if (a->kind == JS_NULL_LIT || is_undefined(a)) r = n->b;
        else if (truth(a) != T_UNKNOWN) r = a; /* a literal or a comparison: no nullish value */
    } else if (n->kind == JS_LOGICAL) {
        Truth t = truth(n->a);
        if (t != T_UNKNOWN) r = (t == T_TRUE) == (n->op == TK_AMP2) ? n->b : n->a;
    }
    return r && !call_sensitive(r) ? r : NULL;
}

/* The literal contents (between the quotes) of a chain of string literals
 * joined by + ("a" + "b" + "c"), all with the same quote, appended to out;
 * false when n is no such chain, or when joining two could make an escape
 * read differently ("\0" + "1"). */
static bool string_chain(const Printer *p, const JsNode *n, char *quote, VecChar *out) {
    if (n->kind == JS_STRING_LIT) {
        const char *s = p->src + n->start;
        uint32_t len = n->end - n->start;
        if (len < 2 || (*quote && s[0] != *quote)) return false;
        *quote = s[0];
        if (out->len && len > 2 && s[1] >= '0' && s[1] <= '9') {
            uint32_t k = out->len > 4 ? out->len - 4 : 0;
            if (memchr(out->data + k, '\\', out->len - k)) return false;
        }
        out_append(out, s + 1, len - 2);
        return true;
    }
    return n->kind == JS_BINARY && n->op == TK_PLUS && n->b->kind == JS_STRING_LIT && string_chain(p, n->a, quote, out) &&
           string_chain(p, n->b, quote, out);
}

/* A statement that declares something a function's whole body sees
 * (a var or a function declaration, also nested in blocks): code that
 * never runs still has to declare it. */
static bool hoists(const JsNode *n) {
    if (!n) return false;
    switch ((JsNodeKind)n->kind) {
    case JS_VAR_DECL: return n->op == TK_VAR;
    case JS_FUNCTION_DECL: return true;
    case JS_FUNCTION:
    case JS_ARROW:
    case JS_CLASS:
    case JS_CLASS_DECL: return false;
    default: break;
    }
    for (JsChildren c = js_children(n); js_child_next(&c);)
        if (hoists(c.node)) return true;
    return false;
}

/* A block's statements can stand without the block: it declares nothing
 * of its own (let, const, class, function). */
static bool declares_lexically(const JsNode *block) {
    for (const JsNode *s = block->a; s; s = s->next)
        if ((s->kind == JS_VAR_DECL && s->op != TK_VAR) || s->kind == JS_CLASS_DECL || s->kind == JS_FUNCTION_DECL)
            return true;
    return false;
}

/* Whether a break or continue in n names the label. */
static bool label_used(const JsNode *n, const JsNode *label) {
    if (!n) return false;
    switch ((JsNodeKind)n->kind) {
    case JS_BREAK:
    case JS_CONTINUE: return n->a && n->a->id.len == label->id.len && !memcmp(n->a->id.str, label->id.str, label->id.len);
    case JS_FUNCTION:
    case JS_FUNCTION_DECL:
    case JS_ARROW:
    case JS_CLASS:
    case JS_CLASS_DECL: return false; /* labels do not reach into functions */
    default: break;
    }
    for (JsChildren c = js_children(n); js_child_next(&c);)
        if (label_used(c.node, label)) return true;
    return false;
}

/* The shortest text of a number literal's value (out: at least 40 bytes):
 * JavaScript's own digits, then 0.5 as .5, 1000 as 1e3, 0.0001 as 1e-4. */
static uint32_t short_number(double v, char *out) {
    char b[JS_NUMBER_BUF];
    int n = js_number_to_string(v, b);
    uint32_t len = 0;
    char *e = memchr(b, 'e', (size_t)n);
    if (e) { /* 1e+21: 1e21 */
        for (int i = 0; i < n; i++)
            if (b[i] != '+') out[len++] = b[i];
        out[len] = 0;
        return len;
    }
    if (n > 1 && b[0] == '0' && b[1] == '.') { /* 0.0001: .0001 or 1e-4 */
        int z = 2;
        while (z < n && b[z] == '0') z++;
        int digits = n - z, exp = z - 2 + digits;
        char sci[40];
        int sl = js_snprintf_c(sci, sizeof sci, "%.*se-%d", digits, b + z, exp);
        if (sl < n - 1) {
            memcpy(out, sci, (size_t)sl + 1);
            return (uint32_t)sl;
        }
        memcpy(out, b + 1, (size_t)n); /* with its NUL */
        return (uint32_t)n - 1;
    }
    int zeros = 0;
    if (!memchr(b, '.', (size_t)n))
        while (zeros < n - 1 && b[n - 1 - zeros] == '0') zeros++;
    if (zeros >= 3) { /* 1000: 1e3 */
        memcpy(out, b, (size_t)(n - zeros));
        len = (uint32_t)(n - zeros);
        len += (uint32_t)js_snprintf_c(out + len, 8, "e%d", zeros);
        return len;
    }
    memcpy(out, b, (size_t)n + 1);
    return (uint32_t)n;
}

/* A literal written as plain decimal digits with at most one point (no
 * exponent, separator or legacy octal zero) shortened from its own text:
 * trailing zeros of the fraction go, 0.5 is .5, 1000 1e3; 0 when the
 * literal is not so plain. */
static uint32_t plain_number(const char *s, uint32_t len, char *out) {
    uint32_t dot = len, i = 0;
    if (!len || len > 30 || (s[0] == '0' && len > 1 && s[1] != '.')) return 0;
    if (len > 3 && s[0] == '0' && s[2] == '0' && s[3] == '0') return 0; /* 0.000x: 1e-4 is shorter */
    for (; i < len; i++) {
        if (s[i] == '.' && dot == len) dot = i;
        else if (s[i] < '0' || s[i] > '9') return 0;
    }
    uint32_t end = len;
    if (dot < len) {
        while (end > dot + 1 && s[end - 1] == '0') end--;
        if (end == dot + 1) end = dot; /* 5.0: 5 */
    }
    uint32_t from = dot == 1 && s[0] == '0' && end > dot ? 1 : 0; /* 0.5: .5 */
    if (dot == 0 && end == 0) return 0;
    uint32_t n = 0;
    if (dot >= end) { /* an integer: 1000 as 1e3 */
        uint32_t zeros = 0;
        while (zeros + 1 < end && s[end - 1 - zeros] == '0') zeros++;
        if (zeros >= 3) {
            memcpy(out, s, end - zeros);
            n = end - zeros;
            out[n++] = 'e';
            n += (uint32_t)js_snprintf_c(out + n, 8, "%u", zeros);
            return n;
        }
    }
    memcpy(out, s + from, end - from);
    out[end - from] = 0;
    return end - from;
}

/* The text a number literal is printed as. */
static uint32_t number_text(const Printer *p, const JsNode *n, char *out) {
    if (syntax(p)) {
        uint32_t k = plain_number(p->src + n->start, n->end - n->start, out);
        return k ? k : short_number(n->num, out);
    }
    uint32_t len = n->end - n->start;
    if (len > 39) len = 39;
    memcpy(out, p->src + n->start, len);
    out[len] = 0;
    return len;
}

/* The precedence of expression n. */
static int prec(const JsNode *n) {
    switch ((JsNodeKind)n->kind) {
    case JS_SEQUENCE: return L_COMMA;
    case JS_ASSIGN:
    case JS_ARROW:
    case JS_YIELD:
    case JS_SPREAD: return L_ASSIGN;
    case JS_CONDITIONAL: return L_CONDITIONAL;
    case JS_LOGICAL:
    case JS_BINARY: return js_binary_level((JsTokenKind)n->op);
    case JS_UNARY:
    case JS_AWAIT: return L_PREFIX;
    case JS_UPDATE: return (n->flags & JS_F_PREFIX) ? L_PREFIX : L_POSTFIX;
    case JS_CALL:
    case JS_MEMBER:
    case JS_NEW:
    case JS_TAGGED_TEMPLATE:
    case JS_CHAIN:
    case JS_IMPORT_CALL:
    case JS_META_PROPERTY:
    case JS_SUPER: return L_CALL;
    default: return L_PRIMARY;
    }
}

/* Whether printing n would start with a token a statement cannot start
 * with: `function`, `class`, `{`, `let` (`let [`), `async function`. */
static bool starts_badly(const JsNode *n) {
    for (;;) {
        switch ((JsNodeKind)n->kind) {
        case JS_FUNCTION:
        case JS_CLASS:
        case JS_OBJECT:
        case JS_OBJECT_PATTERN: return true;
        case JS_IDENTIFIER: return is_name(n, "let");
        case JS_CALL:
        case JS_MEMBER:
        case JS_TAGGED_TEMPLATE:
        case JS_CHAIN:
        case JS_SEQUENCE:
        case JS_CONDITIONAL:
        case JS_ASSIGN: n = n->a; break;
        case JS_BINARY:
        case JS_LOGICAL:
            if (prec(n->a) < prec(n) || (n->op == TK_STAR2 && prec(n->a) <= prec(n))) return false; /* in parens */
            n = n->a;
            break;
        case JS_UPDATE:
            if (n->flags & JS_F_PREFIX) return false;
            n = n->a;
            break;
        default: return false;
        }
    }
}

/* Whether a callee printed for `new` holds a call outside parentheses,
 * which would take new's arguments. */
static bool has_call(const JsNode *n) {
    for (;;) {
        switch ((JsNodeKind)n->kind) {
        case JS_CALL: return true;
        case JS_MEMBER:
        case JS_TAGGED_TEMPLATE: n = n->a; break;
        default: return false;
        }
    }
}

static void key(Printer *p, const JsNode *k, bool computed) {
    mark(p, k);
    if (computed) {
        put(p, "[");
        expr(p, k, L_ASSIGN);
        put(p, "]");
    } else if (k->kind == JS_IDENTIFIER) {
        emit(p, k->id.str, k->id.len);
    } else if (k->kind == JS_PRIVATE_NAME) {
        put(p, "#");
        emit(p, k->id.str, k->id.len);
    } else if (syntax(p) && ident_string(k)) {
        emit(p, k->id.str, k->id.len); /* { "b": 1 }: { b: 1 } */
    } else {
        raw(p, k); /* a string, number or bigint as written */
    }
}

static void list(Printer *p, const JsNode *first, int level) {
    for (const JsNode *k = first; k; k = k->next) {
        expr(p, k, level);
        if (k->next) put(p, ",");
    }
}

static void params_body(Printer *p, const JsNode *fn) {
    put(p, "(");
    list(p, fn->b, L_ASSIGN);
    put(p, ")");
    stmt(p, fn->c);
}

static void function(Printer *p, const JsNode *fn) {
    if (fn->flags & JS_F_NO_SIDE_EFFECTS) out_puts(p->out, "/* @__NO_SIDE_EFFECTS__ */");
    if (fn->flags & JS_F_ASYNC) put(p, "async");
    put(p, "function");
    if (fn->flags & JS_F_GENERATOR) put(p, "*");
    if (fn->a) expr(p, fn->a, L_PRIMARY);
    params_body(p, fn);
}

static void class(Printer *p, const JsNode *c) {
    put(p, "class");
    if (c->a) expr(p, c->a, L_PRIMARY);
    if (c->b) {
        put(p, "extends");
        expr(p, c->b, L_CALL);
    }
    put(p, "{");
    for (const JsNode *m = c->c; m; m = m->next) {
        if (m->kind == JS_STATIC_BLOCK) {
            put(p, "static{");
            stmts(p, m->a);
            close(p);
            continue;
        }
        if (m->flags & JS_F_STATIC) put(p, "static");
        if (m->kind == JS_FIELD) {
            key(p, m->a, m->flags & JS_F_COMPUTED);
            if (m->b) {
                put(p, "=");
                expr(p, m->b, L_ASSIGN);
            }
            semi(p);
            continue;
        }
        const JsNode *fn = m->b; /* METHOD */
        if (fn->flags & JS_F_ASYNC) put(p, "async");
        if (fn->flags & JS_F_GENERATOR) put(p, "*");
        if (m->op == JS_PROP_GET) put(p, "get");
        if (m->op == JS_PROP_SET) put(p, "set");
        key(p, m->a, m->flags & JS_F_COMPUTED);
        params_body(p, fn);
    }
    close(p);
}

static void property(Printer *p, const JsNode *q) {
    if (q->kind != JS_PROPERTY) { /* spread, rest */
        expr(p, q, L_ASSIGN);
        return;
    }
    if (q->flags & JS_F_SHORTHAND) {
        /* a, or a = 1 in a pattern; a renamed binding gets its key back */
        const JsNode *v = q->b->kind == JS_ASSIGN_PATTERN ? q->b->a : q->b;
        const OutMangled *m = renamed(p, v);
        if (m && !(m->len == v->id.len && !memcmp(m->str, v->id.str, m->len))) {
            key(p, q->a, false);
            put(p, ":");
        }
        expr(p, q->b, L_ASSIGN);
        return;
    }
    if (q->op == JS_PROP_GET || q->op == JS_PROP_SET || (q->flags & JS_F_METHOD)) {
        const JsNode *fn = q->b;
        if (fn->flags & JS_F_ASYNC) put(p, "async");
        if (fn->flags & JS_F_GENERATOR) put(p, "*");
        if (q->op == JS_PROP_GET) put(p, "get");
        if (q->op == JS_PROP_SET) put(p, "set");
        key(p, q->a, q->flags & JS_F_COMPUTED);
        params_body(p, fn);
        return;
    }
    key(p, q->a, q->flags & JS_F_COMPUTED);
    put(p, ":");
    expr(p, q->b, L_ASSIGN);
}

static void elements(Printer *p, const JsNode *first) {
    put(p, "[");
    for (const JsNode *k = first; k; k = k->next) {
        if (k->kind != JS_HOLE) expr(p, k, L_ASSIGN);
        if (k->next || k->kind == JS_HOLE) put(p, ","); /* a last hole keeps its comma */
    }
    put(p, "]");
}

/* A number printed with digits only (1.x would read as a fraction). */
static bool integer_literal(const Printer *p, const JsNode *n) {
    if (n->kind != JS_NUMBER_LIT) return false;
    char t[40];
    uint32_t len = number_text(p, n, t);
    for (uint32_t i = 0; i < len; i++)
        if (!((t[i] >= '0' && t[i] <= '9') || t[i] == '_')) return false;
    return true;
}

/* A template: its texts as written (each with its delimiters: `a${, }b${,
 * }c`), its expressions printed. */
static void template(Printer *p, const JsNode *t) {
    for (const JsNode *k = t->a; k; k = k->next) {
        if (k->kind == JS_TEMPLATE_ELEMENT) emit(p, p->src + k->start, k->end - k->start);
        else expr(p, k, L_LOWEST);
    }
}

/* A member's or call's object: its own level, and an optional chain
 * that ends there in parentheses (`(a?.b).c`). */
static void object(Printer *p, const JsNode *o) {
    if (o->kind == JS_CHAIN) {
        put(p, "(");
        expr(p, o, L_LOWEST);
        put(p, ")");
    } else if (integer_literal(p, o)) {
        put(p, "(");
        expr(p, o, L_LOWEST);
        put(p, ")");
    } else {
        expr(p, o, L_CALL);
    }
}

static void expr(Printer *p, const JsNode *n, int level) {
    if (syntax(p)) {
        const JsNode *f;
        while ((f = folded(n))) n = f; /* !0 ? a : b: a */
    }
    int own = prec(n);
    bool dropped = console_call(p, n); /* written void 0 */
    /* a comparison of literals, or ! of one: its value, !0 or !1 */
    Truth known = syntax(p) && (n->kind == JS_BINARY || n->kind == JS_UNARY) ? truth(n) : T_UNKNOWN;
    if (known != T_UNKNOWN && n->kind == JS_UNARY && n->op != TK_BANG) known = T_UNKNOWN; /* void 0 stays */
    if ((syntax(p) && n->kind == JS_BOOL_LIT) || dropped || known != T_UNKNOWN) own = L_PREFIX; /* !0, void 0 */
    bool wrap = own < level;
    mark(p, n);
    if (wrap) put(p, "(");
    if (dropped || known != T_UNKNOWN) {
        put(p, dropped ? "void 0" : known == T_TRUE ? "!0" : "!1");
        if (wrap) put(p, ")");
        return;
    }
    if (syntax(p) && n->kind == JS_BINARY && n->op == TK_PLUS) { /* "a" + "b": "ab" */
        char quote = 0;
        VecChar joined = {0};
        if (string_chain(p, n, &quote, &joined)) {
            emit(p, &quote, 1);
            out_append(p->out, joined.data, joined.len);
            out_append(p->out, &quote, 1);
            VEC_FREE(&joined);
            if (wrap) put(p, ")");
            return;
        }
        VEC_FREE(&joined);
    }
    switch ((JsNodeKind)n->kind) {
    case JS_IDENTIFIER: ident(p, n); break;
    case JS_PRIVATE_NAME:
        put(p, "#");
        emit(p, n->id.str, n->id.len);
        break;
    case JS_NULL_LIT: put(p, "null"); break;
    case JS_BOOL_LIT:
        if (syntax(p)) put(p, (n->flags & JS_F_TRUE) ? "!0" : "!1");
        else put(p, (n->flags & JS_F_TRUE) ? "true" : "false");
        break;
    case JS_NUMBER_LIT: {
        char t[40];
        emit(p, t, number_text(p, n, t));
        break;
    }
    case JS_BIGINT_LIT:
    case JS_STRING_LIT:
    case JS_REGEXP_LIT: raw(p, n); break;
    case JS_TEMPLATE: template(p, n); break;
    case JS_TAGGED_TEMPLATE:
        object(p, n->a);
        template(p, n->b);
        break;
    case JS_THIS: put(p, "this"); break;
    case JS_SUPER: put(p, "super"); break;
    case JS_ARRAY:
    case JS_ARRAY_PATTERN: elements(p, n->a); break;
    case JS_OBJECT:
    case JS_OBJECT_PATTERN:
        put(p, "{");
        for (const JsNode *q = n->a; q; q = q->next) {
            property(p, q);
            if (q->next) put(p, ",");
        }
        put(p, "}");
        break;
    case JS_SPREAD:
    case JS_REST:
        put(p, "...");
        expr(p, n->a, L_ASSIGN);
        break;
    case JS_FUNCTION: function(p, n); break;
    case JS_CLASS: class(p, n); break;
    case JS_ARROW:
        if (n->flags & JS_F_NO_SIDE_EFFECTS) out_puts(p->out, "/* @__NO_SIDE_EFFECTS__ */");
        if (n->flags & JS_F_ASYNC) put(p, "async");
        if (syntax(p) && n->b && !n->b->next && n->b->kind == JS_IDENTIFIER) { /* x => ... */
            expr(p, n->b, L_PRIMARY);
            put(p, "=>");
        } else {
            put(p, "(");
            list(p, n->b, L_ASSIGN);
            put(p, ")=>");
        }
        if (n->flags & JS_F_EXPRESSION) {
            bool obj = starts_badly(n->c) && !(n->c->kind == JS_FUNCTION || n->c->kind == JS_CLASS);
            if (obj) put(p, "(");
            expr(p, n->c, L_ASSIGN);
            if (obj) put(p, ")");
        } else {
            stmt(p, n->c);
        }
        break;
    case JS_UNARY: {
        const char *op = js_token_text((JsTokenKind)n->op);
        put(p, op);
        expr(p, n->a, L_PREFIX);
        break;
    }
    case JS_AWAIT:
        put(p, "await");
        expr(p, n->a, L_PREFIX);
        break;
    case JS_UPDATE:
        if (n->flags & JS_F_PREFIX) {
            put(p, js_token_text((JsTokenKind)n->op));
            expr(p, n->a, L_PREFIX);
        } else {
            expr(p, n->a, L_CALL);
            put(p, js_token_text((JsTokenKind)n->op));
        }
        break;
    case JS_BINARY:
    case JS_LOGICAL: {
        int left = own, right = own + 1;
        if (n->op == TK_STAR2) left = own + 1, right = own; /* right-associative */
        const JsNode *a = n->a, *b = n->b;
        /* ?? does not mix with || and && without parentheses */
        bool mix_a = n->kind == JS_LOGICAL && a->kind == JS_LOGICAL && ((n->op == TK_QUESTION2) != (a->op == TK_QUESTION2));
        bool mix_b = n->kind == JS_LOGICAL && b->kind == JS_LOGICAL && ((n->op == TK_QUESTION2) != (b->op == TK_QUESTION2));
        /* a prefix operator cannot be the left of ** */
        bool unary_a = n->op == TK_STAR2 && (a->kind == JS_UNARY || a->kind == JS_AWAIT ||
                                              (a->kind == JS_UPDATE && (a->flags & JS_F_PREFIX)) ||
                                              (syntax(p) && a->kind == JS_BOOL_LIT) || console_call(p, a));
        if (mix_a || unary_a) left = L_PRIMARY;
        if (mix_b) right = L_PRIMARY;
        if (a->kind == JS_PRIVATE_NAME) expr(p, a, L_LOWEST);
        else expr(p, a, left);
        const char *op = js_token_text((JsTokenKind)n->op);
        /* typeof x === "s": both sides are strings, == is the same */
        bool typeof_cmp = syntax(p) && (n->op == TK_EQ3 || n->op == TK_NE2) &&
                          ((a->kind == JS_UNARY && a->op == TK_TYPEOF && b->kind == JS_STRING_LIT) ||
                           (b->kind == JS_UNARY && b->op == TK_TYPEOF && a->kind == JS_STRING_LIT));
        if (typeof_cmp) op = n->op == TK_EQ3 ? "==" : "!=";
        put(p, op);
        expr(p, b, right);
        break;
    }
    case JS_ASSIGN:
        expr(p, n->a, L_CALL);
        put(p, js_token_text((JsTokenKind)n->op));
        expr(p, n->b, L_ASSIGN);
        break;
    case JS_ASSIGN_PATTERN:
        expr(p, n->a, L_CALL);
        put(p, "=");
        expr(p, n->b, L_ASSIGN);
        break;
    case JS_CONDITIONAL:
        expr(p, n->a, L_NULLISH);
        put(p, "?");
        expr(p, n->b, L_ASSIGN);
        put(p, ":");
        expr(p, n->c, L_ASSIGN);
        break;
    case JS_CALL:
        if (n->flags & JS_F_PURE) out_puts(p->out, "/*#__PURE__*/");
        object(p, n->a);
        put(p, (n->flags & JS_F_OPTIONAL) ? "?.(" : "(");
        list(p, n->b, L_ASSIGN);
        put(p, ")");
        break;
    case JS_NEW:
        if (n->flags & JS_F_PURE) out_puts(p->out, "/*#__PURE__*/");
        put(p, "new");
        if (has_call(n->a) || n->a->kind == JS_CHAIN) {
            put(p, "(");
            expr(p, n->a, L_LOWEST);
            put(p, ")");
        } else {
            object(p, n->a);
        }
        put(p, "(");
        list(p, n->b, L_ASSIGN);
        put(p, ")");
        break;
    case JS_MEMBER:
        object(p, n->a);
        if ((n->flags & JS_F_COMPUTED) && syntax(p) && ident_string(n->b)) { /* a["b"]: a.b */
            put(p, (n->flags & JS_F_OPTIONAL) ? "?." : ".");
            if (p->marks) p->pending = n->b->start + 1; /* the name, inside its quotes */
            emit(p, n->b->id.str, n->b->id.len);
        } else if (n->flags & JS_F_COMPUTED) {
            put(p, (n->flags & JS_F_OPTIONAL) ? "?.[" : "[");
            expr(p, n->b, L_LOWEST);
            put(p, "]");
        } else {
            put(p, (n->flags & JS_F_OPTIONAL) ? "?." : ".");
            key(p, n->b, false);
        }
        break;
    case JS_CHAIN: expr(p, n->a, level > L_CALL ? L_CALL : level); break;
    case JS_SEQUENCE: list(p, n->a, L_ASSIGN); break;
    case JS_YIELD:
        put(p, (n->flags & JS_F_DELEGATE) ? "yield*" : "yield");
        if (n->a) expr(p, n->a, L_ASSIGN);
        break;
    case JS_META_PROPERTY: put(p, n->op == JS_META_NEW_TARGET ? "new.target" : "import.meta"); break;
    case JS_IMPORT_CALL:
        put(p, "import(");
        expr(p, n->a, L_ASSIGN);
        if (n->b) {
            put(p, ",");
            expr(p, n->b, L_ASSIGN);
        }
        put(p, ")");
        break;
    default: raw(p, n); break; /* nothing else is an expression */
    }
    if (wrap) put(p, ")");
}

/* A for head's part: `in` anywhere in it (outside brackets) would end
 * it, so such a part goes in parentheses. */
static bool has_in(const JsNode *n) {
    if (!n) return false;
    if (n->kind == JS_BINARY && n->op == TK_IN) return true;
    for (JsChildren c = js_children(n); js_child_next(&c);)
        if (has_in(c.node)) return true;
    return false;
}

/* --minify-syntax: a const that nothing assigns (and no direct eval could)
 * behaves as a let, which is shorter. */
static bool as_let(const Printer *p, const JsNode *d) {
    if (d->op != TK_CONST || !syntax(p) || !p->scopes || !p->scopes->scopes.len ||
        (js_scope(p->scopes, 1)->flags & JS_SCOPE_DIRECT_EVAL))
        return false;
    for (const JsNode *v = d->a; v; v = v->next)
        if (v->a->kind != JS_IDENTIFIER || !v->a->id.sym || v->a->id.sym > p->scopes->symbols.len ||
            js_symbol(p->scopes, v->a->id.sym)->writes)
            return false;
    return true;
}

/* The kind of declaration d is written as: TK_VAR, TK_CONST or JS_LET. */
static int decl_op(const Printer *p, const JsNode *d) { return as_let(p, d) ? JS_LET : d->op; }

static void var_decl(Printer *p, const JsNode *d, bool in_for) {
    put(p, d->op == TK_VAR ? "var" : d->op == TK_CONST && !as_let(p, d) ? "const" : "let");
    declarators(p, d, in_for);
}

/* A declaration's declarators, comma-separated (var_decl; merged declarations). */
static void declarators(Printer *p, const JsNode *d, bool in_for) {
    bool let = d->op == JS_LET || as_let(p, d);
    for (const JsNode *v = d->a; v; v = v->next) {
        expr(p, v->a, L_ASSIGN);
        /* let a = void 0: let a (a pattern needs its value) */
        if (v->b && !(syntax(p) && let && v->a->kind == JS_IDENTIFIER && is_undefined(v->b))) {
            put(p, "=");
            bool paren = in_for && has_in(v->b);
            if (paren) put(p, "(");
            expr(p, v->b, L_ASSIGN);
            if (paren) put(p, ")");
        }
        if (v->next) put(p, ",");
    }
}

/* A for-in/of's left side. */
static void for_left(Printer *p, const JsNode *l, bool of) {
    if (l->kind == JS_VAR_DECL) {
        var_decl(p, l, true);
        return;
    }
    bool paren = is_name(l, "let") || (of && is_name(l, "async")) ||
                 (l->kind == JS_MEMBER && is_name(l->a, "let"));
    if (paren) put(p, "(");
    expr(p, l, L_CALL);
    if (paren) put(p, ")");
}

static void specifiers(Printer *p, const JsNode *first) {
    put(p, "{");
    for (const JsNode *s = first; s; s = s->next) {
        const JsNode *a = s->a, *b = s->b;
        key(p, a, false);
        bool same = a->kind == b->kind && a->id.len == b->id.len && !memcmp(a->id.str, b->id.str, a->id.len);
        if (!same) {
            put(p, "as");
            key(p, b, false);
        }
        if (s->next) put(p, ",");
    }
    put(p, "}");
}

static void attributes(Printer *p, const JsNode *first, bool present) {
    if (!present) return;
    put(p, "with{");
    for (const JsNode *a = first; a; a = a->next) {
        key(p, a->a, false);
        put(p, ":");
        raw(p, a->b);
        if (a->next) put(p, ",");
    }
    put(p, "}");
}

/* What a body n (of an if, a loop, a with, a label) can be written as: a
 * block's one statement when it declares nothing and cannot end in an if
 * that an else after the body would take. */
static const JsNode *lone(const Printer *p, const JsNode *n) {
    if (!syntax(p) || n->kind != JS_BLOCK || !n->a || n->a->next) return n;
    switch ((JsNodeKind)n->a->kind) {
    case JS_EXPR_STMT:
    case JS_RETURN:
    case JS_THROW:
    case JS_BREAK:
    case JS_CONTINUE: return n->a;
    default: return n;
    }
}

static void run_stmt(Printer *p, const JsNode *first, const JsNode *stop, const JsNode *tail);
static int exprable_run(const Printer *p, const JsNode *first, const JsNode *stop, int depth);

/* A body: a block of expression statements as one (while (a) { b(); c(); }: while (a) b(), c();). */
static void body(Printer *p, const JsNode *n) {
    if (syntax(p) && n->kind == JS_BLOCK && exprable_run(p, n->a, NULL, 0) > 1) {
        mark(p, n);
        run_stmt(p, n->a, NULL, NULL);
        return;
    }
    stmt(p, lone(p, n));
}

/* ---- --minify-syntax: statements written as one expression ----------- *
 * An expression statement, and an if whose branches are such statements or
 * blocks of them: if (a) { b(); c(); } as a && (b(), c()), if (!a) b() as
 * a || b(), if (a) b(); else c() as a ? b() : c().  A run of them is one
 * statement joined by commas, and goes into a return or throw right after
 * it (a(); return b: return a(), b).  Nested ifs are looked into EXPR_DEPTH
 * deep at most, so that the look stays linear. */
enum { EXPR_DEPTH = 6 };

static bool exprable(const Printer *p, const JsNode *s, int depth);

/* The statements from first (up to stop) that the printer keeps, when
 * every one is exprable: how many; -1 otherwise. */
static int exprable_run(const Printer *p, const JsNode *first, const JsNode *stop, int depth) {
    int n = 0;
    for (const JsNode *s = first; s != stop; s = s->next) {
        if (dropped(p, s)) continue;
        if (!exprable(p, s, depth)) return -1;
        n++;
    }
    return n;
}

static bool exprable_body(const Printer *p, const JsNode *b, int depth) {
    if (b->kind == JS_BLOCK) return exprable_run(p, b->a, NULL, depth) > 0;
    return !dropped(p, b) && exprable(p, b, depth);
}

static bool exprable(const Printer *p, const JsNode *s, int depth) {
    /* (not a lone name: the chunk's skeleton has a placeholder statement of
     * that kind for each piece of module code, chunk_text.c) */
    if (s->kind == JS_EXPR_STMT) return !(s->flags & JS_F_DIRECTIVE) && s->a->kind != JS_IDENTIFIER;
    if (s->kind != JS_IF || depth >= EXPR_DEPTH) return false;
    bool known;
    if_taken(p, s, &known);
    return !known && exprable_body(p, s->b, depth + 1) && (!s->c || exprable_body(p, s->c, depth + 1));
}

/* if (!a) b() without an else: written a || b() */
static bool if_negated(const JsNode *s) { return !s->c && s->a->kind == JS_UNARY && s->a->op == TK_BANG; }

/* What an exprable statement's expression starts with. */
static const JsNode *leading(const JsNode *s) {
    return s->kind != JS_IF ? s->a : if_negated(s) ? s->a->a : s->a;
}

static void as_expr(Printer *p, const JsNode *s, int level);

/* The kept statements from first up to stop (all exprable) as one
 * expression at level: a sequence when more than one. */
static void run_expr(Printer *p, const JsNode *first, const JsNode *stop, int level) {
    int n = exprable_run(p, first, stop, 0);
    bool paren = n > 1 && level > L_COMMA, any = false;
    if (paren) put(p, "(");
    for (const JsNode *s = first; s != stop; s = s->next) {
        if (dropped(p, s)) continue;
        if (any) {
            legal_before(p, s->start);
            put(p, ",");
        }
        as_expr(p, s, n > 1 ? L_ASSIGN : level);
        any = true;
    }
    if (paren) put(p, ")");
}

static void body_expr(Printer *p, const JsNode *b, int level) {
    if (b->kind == JS_BLOCK) run_expr(p, b->a, NULL, level);
    else as_expr(p, b, level);
}

static void as_expr(Printer *p, const JsNode *s, int level) {
    mark(p, s);
    if (s->kind == JS_EXPR_STMT) {
        expr(p, s->a, level);
        return;
    }
    const JsNode *test = s->a;
    bool negate = if_negated(s);
    int own = s->c ? L_CONDITIONAL : negate ? L_LOGICAL_OR : L_LOGICAL_AND;
    bool paren = own < level;
    if (paren) put(p, "(");
    if (s->c) { /* if (!a) b(); else c(): a ? c() : b() */
        bool swap = test->kind == JS_UNARY && test->op == TK_BANG;
        expr(p, swap ? test->a : test, L_NULLISH);
        put(p, "?");
        body_expr(p, swap ? s->c : s->b, L_ASSIGN);
        put(p, ":");
        body_expr(p, swap ? s->b : s->c, L_ASSIGN);
    } else {
        expr(p, negate ? test->a : test, own);
        put(p, negate ? "||" : "&&");
        body_expr(p, s->b, own + 1);
    }
    if (paren) put(p, ")");
}

/* The run from first up to stop as an expression statement; with tail (a
 * return or throw with a value), that statement with the run before its
 * value. */
static void run_stmt(Printer *p, const JsNode *first, const JsNode *stop, const JsNode *tail) {
    const JsNode *lead = first;
    while (dropped(p, lead)) lead = lead->next;
    if (tail) {
        mark(p, tail);
        put(p, tail->kind == JS_RETURN ? "return" : "throw");
        run_expr(p, first, stop, L_COMMA);
        put(p, ",");
        expr(p, tail->a, L_COMMA);
        semi(p);
        return;
    }
    const JsNode *e = leading(lead);
    bool paren = starts_badly(e) || e->kind == JS_STRING_LIT; /* (a string first would read as a directive) */
    if (paren) put(p, "(");
    run_expr(p, first, stop, paren ? L_LOWEST : L_COMMA);
    if (paren) put(p, ")");
    semi(p);
}

/* An if statement written as an expression statement (false: n cannot be). */
static bool if_expression(Printer *p, const JsNode *n) {
    if (!exprable(p, n, 0)) return false;
    run_stmt(p, n, n->next, NULL);
    return true;
}

/* The branch an if with a known test takes (NULL: none), with *known;
 * not known either when the other branch declares what must stay
 * (hoists). */
static const JsNode *if_taken(const Printer *p, const JsNode *n, bool *known) {
    Truth t = syntax(p) ? truth(n->a) : T_UNKNOWN;
    const JsNode *taken = t == T_TRUE ? n->b : n->c, *other = t == T_TRUE ? n->c : n->b;
    *known = t != T_UNKNOWN && !hoists(other);
    return taken;
}

/* A statement after which the rest of its list never runs. */
static bool jumps(const JsNode *s) {
    return s->kind == JS_RETURN || s->kind == JS_THROW || s->kind == JS_BREAK || s->kind == JS_CONTINUE;
}

/* A statement after a jump (--minify-syntax): what it declares stays
 * (functions, the names of vars; let, const and class as they are, so
 * that a closure reading one still meets its dead zone), the rest goes. */
static void unreachable(Printer *p, const JsNode *s) {
    if (s->kind == JS_VAR_DECL && s->op == TK_VAR) {
        bool names = true;
        for (const JsNode *v = s->a; v; v = v->next) names = names && v->a->kind == JS_IDENTIFIER;
        if (names) { /* var a = f(): var a */
            mark(p, s);
            put(p, "var");
            for (const JsNode *v = s->a; v; v = v->next) {
                expr(p, v->a, L_ASSIGN);
                if (v->next) put(p, ",");
            }
            semi(p);
            return;
        }
    }
    bool lexical = s->kind == JS_VAR_DECL || s->kind == JS_CLASS_DECL;
    if (lexical || hoists(s)) stmt(p, s);
}

static void stmt(Printer *p, const JsNode *n) {
    mark(p, n);
    switch ((JsNodeKind)n->kind) {
    case JS_VAR_DECL:
        var_decl(p, n, false);
        semi(p);
        break;
    case JS_FUNCTION_DECL: function(p, n); break;
    case JS_CLASS_DECL: class(p, n); break;
    case JS_EXPR_STMT:
        if (dropped(p, n) && !console_call(p, n->a)) { /* (an if's or a loop's body: a statement still) */
            put(p, ";");
            break;
        }
        if (n->flags & JS_F_DIRECTIVE) {
            raw(p, n->a);
        } else if (starts_badly(n->a) || n->a->kind == JS_STRING_LIT) { /* a string alone would read as a directive */
            put(p, "(");
            expr(p, n->a, L_LOWEST);
            put(p, ")");
        } else {
            expr(p, n->a, L_LOWEST);
        }
        semi(p);
        break;
    case JS_BLOCK:
        put(p, "{");
        stmts(p, n->a);
        close(p);
        break;
    case JS_EMPTY: put(p, ";"); break;
    case JS_DEBUGGER:
        if (dropped(p, n)) {
            put(p, ";"); /* (an if's or a loop's body: a statement still) */
            break;
        }
        put(p, "debugger");
        semi(p);
        break;
    case JS_WITH:
        put(p, "with(");
        expr(p, n->a, L_LOWEST);
        put(p, ")");
        body(p, n->b);
        break;
    case JS_RETURN:
    case JS_THROW:
        put(p, n->kind == JS_RETURN ? "return" : "throw");
        if (n->a) expr(p, n->a, L_LOWEST);
        semi(p);
        break;
    case JS_LABELED:
        if (syntax(p) && !label_used(n->b, n->a)) { /* a: b(): b() */
            body(p, n->b);
            break;
        }
        expr(p, n->a, L_PRIMARY);
        put(p, ":");
        body(p, n->b);
        break;
    case JS_BREAK:
    case JS_CONTINUE:
        put(p, n->kind == JS_BREAK ? "break" : "continue");
        if (n->a) expr(p, n->a, L_PRIMARY);
        semi(p);
        break;
    case JS_IF: {
        bool known;
        const JsNode *taken = if_taken(p, n, &known);
        if (known) { /* if (!1) a; else b: b */
            if (taken) body(p, taken);
            else put(p, ";");
            break;
        }
        if (syntax(p) && if_expression(p, n)) break;
        put(p, "if(");
        expr(p, n->a, L_LOWEST);
        put(p, ")");
        body(p, n->b);
        if (n->c) {
            put(p, "else");
            body(p, n->c);
        }
        break;
    }
    case JS_SWITCH:
        put(p, "switch(");
        expr(p, n->a, L_LOWEST);
        put(p, "){");
        for (const JsNode *c = n->b; c; c = c->next) {
            if (c->a) {
                put(p, "case");
                expr(p, c->a, L_LOWEST);
            } else {
                put(p, "default");
            }
            put(p, ":");
            stmts(p, c->b);
        }
        close(p);
        break;
    case JS_TRY:
        put(p, "try");
        stmt(p, n->a);
        if (n->b) {
            put(p, "catch");
            if (n->b->a) {
                put(p, "(");
                expr(p, n->b->a, L_ASSIGN);
                put(p, ")");
            }
            stmt(p, n->b->b);
        }
        if (n->c) {
            put(p, "finally");
            stmt(p, n->c);
        }
        break;
    case JS_WHILE:
        put(p, "while(");
        expr(p, n->a, L_LOWEST);
        put(p, ")");
        body(p, n->b);
        break;
    case JS_DO_WHILE:
        put(p, "do");
        stmt(p, n->a);
        put(p, "while(");
        expr(p, n->b, L_LOWEST);
        put(p, ")");
        semi(p);
        break;
    case JS_FOR:
        put(p, "for(");
        if (n->a && n->a->kind == JS_VAR_DECL) {
            var_decl(p, n->a, true);
        } else if (n->a) {
            bool paren = has_in(n->a) || starts_badly(n->a);
            if (paren) put(p, "(");
            expr(p, n->a, L_LOWEST);
            if (paren) put(p, ")");
        }
        put(p, ";");
        if (n->b) expr(p, n->b, L_LOWEST);
        put(p, ";");
        if (n->c) expr(p, n->c, L_LOWEST);
        put(p, ")");
        body(p, n->d);
        break;
    case JS_FOR_IN:
    case JS_FOR_OF:
        put(p, "for");
        if (n->flags & JS_F_AWAIT) put(p, "await");
        put(p, "(");
        for_left(p, n->a, n->kind == JS_FOR_OF);
        put(p, n->kind == JS_FOR_IN ? "in" : "of");
        expr(p, n->b, n->kind == JS_FOR_OF ? L_ASSIGN : L_LOWEST);
        put(p, ")");
        body(p, n->c);
        break;
    case JS_IMPORT_DECL: {
        put(p, "import");
        const JsNode *s = n->a;
        bool any = s != NULL;
        if (s && s->kind == JS_IMPORT_DEFAULT) {
            expr(p, s->a, L_PRIMARY);
            s = s->next;
            if (s) put(p, ",");
        }
        if (s && s->kind == JS_IMPORT_NAMESPACE) {
            put(p, "*as");
            expr(p, s->a, L_PRIMARY);
            s = s->next;
        } else if (s) {
            put(p, "{");
            for (; s; s = s->next) {
                key(p, s->a, false);
                if (!(s->a->kind == JS_IDENTIFIER && s->a->id.len == s->b->id.len &&
                      !memcmp(s->a->id.str, s->b->id.str, s->a->id.len))) {
                    put(p, "as");
                    expr(p, s->b, L_PRIMARY);
                }
                if (s->next) put(p, ",");
            }
            put(p, "}");
        }
        if (any) put(p, "from");
        raw(p, n->b);
        attributes(p, n->c, n->c != NULL);
        semi(p);
        break;
    }
    case JS_EXPORT_NAMED:
        put(p, "export");
        if (n->a) {
            stmt(p, n->a);
            break;
        }
        specifiers(p, n->b);
        if (n->c) {
            put(p, "from");
            raw(p, n->c);
            attributes(p, n->d, n->d != NULL);
        }
        semi(p);
        break;
    case JS_EXPORT_DEFAULT: {
        put(p, "export default");
        const JsNode *d = n->a;
        if (d->kind == JS_FUNCTION_DECL || d->kind == JS_CLASS_DECL) {
            stmt(p, d);
            break;
        }
        bool paren = starts_badly(d); /* function, class (they would read as declarations), { */
        if (paren) put(p, "(");
        expr(p, d, paren ? L_LOWEST : L_ASSIGN);
        if (paren) put(p, ")");
        semi(p);
        break;
    }
    case JS_EXPORT_ALL:
        put(p, "export*");
        if (n->a) {
            put(p, "as");
            key(p, n->a, false);
        }
        put(p, "from");
        raw(p, n->b);
        attributes(p, n->c, n->c != NULL);
        semi(p);
        break;
    default: expr(p, n, L_LOWEST); break;
    }
}

void out_print_program(const JsNode *program, const char *src, VecChar *out) {
    Printer p = {.src = src, .out = out, .pending = NO_MARK};
    stmts(&p, program->a);
    if (p.term && p.term == out->len) out->len--; /* the last ";" */
}

void out_print_piece(const JsNode *program, const char *src, bool expression, const OutPrintOptions *po, VecU32 *marks,
                     VecChar *out) {
    Printer p = {.src = src, .out = out, .names = po->names, .nnames = po->nnames, .marks = marks, .pending = NO_MARK,
                 .flags = po->flags, .legal = po->legal ? po->legal->data : NULL, .nlegal = po->legal ? po->legal->len / 2 : 0,
                 .pure = po->pure, .npure = po->npure, .scopes = po->scopes};
    if (expression && program->a && program->a->kind == JS_EXPR_STMT && !program->a->next) expr(&p, program->a->a, L_ASSIGN);
    else stmts(&p, program->a);
    legal_before(&p, UINT32_MAX); /* (those after the last statement) */
}
