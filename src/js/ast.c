/* js/ast.c: node names and the stable text dump of an AST (js_dump_ast).
 * The dump is what parser tests compare: names, operators, flags and values,
 * one node per line, no positions and no parentheses.  Reads the AST only. */
#include "js/ast.h"

#include "base/vec.h"
#include "js/number.h"

#include <stdlib.h>
#include <string.h>

static const char *const names[] = {
#define X(name, estree, shape, fields) estree,
#include "js/ast.def"
#undef X
};

static const char *const shapes[] = {
#define X(name, estree, shape, fields) shape,
#include "js/ast.def"
#undef X
};

const char *js_node_name(JsNodeKind kind) { return kind < JS_NODE_KIND_COUNT ? names[kind] : "?"; }

const char *js_node_shape(JsNodeKind kind) { return kind < JS_NODE_KIND_COUNT ? shapes[kind] : "----"; }

static void put_escaped(FILE *out, const char *s, uint32_t len) {
    fputc('"', out);
    for (uint32_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (c < 0x20 || c == 0x7f) fprintf(out, "\\x%02x", c);
            else fputc(c, out);
        }
    }
    fputc('"', out);
}

/* The shortest decimal that reads back as the same double. */
static void put_number(FILE *out, double v) {
    char buf[40];
    for (int prec = 1; prec <= 17; prec++) {
        js_snprintf_c(buf, sizeof buf, "%.*g", prec, v);
        if (js_strtod_c(buf, NULL) == v) break;
    }
    fputs(buf, out);
}

static const char *prop_kind(uint8_t op) {
    switch (op) {
    case JS_PROP_INIT: return "init";
    case JS_PROP_GET: return "get";
    case JS_PROP_SET: return "set";
    case JS_PROP_METHOD: return "method";
    case JS_PROP_CONSTRUCTOR: return "constructor";
    default: return "?";
    }
}

static void put_flags(FILE *out, uint32_t flags) {
    static const struct { uint32_t bit; const char *name; } fl[] = {
        {JS_F_MODULE, "module"},       {JS_F_ASYNC, "async"},         {JS_F_GENERATOR, "generator"},
        {JS_F_EXPRESSION, "expression"}, {JS_F_DIRECTIVE, "directive"}, {JS_F_COMPUTED, "computed"},
        {JS_F_SHORTHAND, "shorthand"}, {JS_F_METHOD, "method"},       {JS_F_STATIC, "static"},
        {JS_F_PREFIX, "prefix"},       {JS_F_OPTIONAL, "optional"},   {JS_F_DELEGATE, "delegate"},
        {JS_F_AWAIT, "await"},         {JS_F_TAIL, "tail"},           {JS_F_PURE, "pure"},
        {JS_F_NO_SIDE_EFFECTS, "no-side-effects"},
    };
    for (size_t i = 0; i < sizeof fl / sizeof *fl; i++)
        if (flags & fl[i].bit) fprintf(out, " [%s]", fl[i].name);
}

static void dump(const JsNode *n, FILE *out, int depth);

/* A non-computed property key is printed as the string it stands for, so
 * { a: 1 }, { "a": 1 } and { 'a': 1 } dump alike, as do { 1: x } and
 * { "1": x }: the same property, whatever the spelling. */
static bool dump_key(const JsNode *parent, const JsNode *key, FILE *out, int depth) {
    if (parent->flags & JS_F_COMPUTED) return false;
    if (parent->kind != JS_PROPERTY && parent->kind != JS_METHOD && parent->kind != JS_FIELD) return false;
    fprintf(out, "%*sKey ", depth * 2, "");
    if (key->kind == JS_NUMBER_LIT) {
        char buf[JS_NUMBER_BUF];
        int len = js_number_to_string(key->num, buf);
        put_escaped(out, buf, (uint32_t)len);
    } else if (key->kind == JS_IDENTIFIER || key->kind == JS_STRING_LIT) {
        put_escaped(out, key->id.str, key->id.len);
    } else {
        fprintf(out, "%s %.*s", names[key->kind], (int)key->id.len, key->id.str);
    }
    fputc('\n', out);
    return true;
}

/* The items of a comma expression, with nested ones flattened: (a, b), c
 * and a, (b, c) are the same sequence of evaluations. */
static void dump_sequence_items(const JsNode *first, FILE *out, int depth) {
    for (const JsNode *q = first; q; q = q->next) {
        if (q->kind == JS_SEQUENCE) dump_sequence_items(q->a, out, depth);
        else dump(q, out, depth);
    }
}

static void dump_slot(const JsNode *child, char shape, bool bracket, FILE *out, int depth) {
    if (shape == 'n') {
        if (child) dump(child, out, depth);
        else fprintf(out, "%*s-\n", depth * 2, "");
    } else if (shape == 'l') {
        if (bracket) fprintf(out, "%*s[\n", depth * 2, "");
        for (const JsNode *q = child; q; q = q->next) dump(q, out, depth + bracket);
        if (bracket) fprintf(out, "%*s]\n", depth * 2, "");
    }
}

static void dump(const JsNode *n, FILE *out, int depth) {
    fprintf(out, "%*s%s", depth * 2, "", names[n->kind]);
    switch ((JsNodeKind)n->kind) {
    case JS_UNARY:
    case JS_BINARY:
    case JS_LOGICAL:
    case JS_ASSIGN:
    case JS_UPDATE: fprintf(out, " %s", js_token_text((JsTokenKind)n->op)); break;
    case JS_VAR_DECL: fprintf(out, " %s", n->op == JS_LET ? "let" : js_token_text((JsTokenKind)n->op)); break;
    case JS_PROPERTY:
    case JS_METHOD: fprintf(out, " %s", prop_kind(n->op)); break;
    case JS_META_PROPERTY: fputs(n->op == JS_META_NEW_TARGET ? " new.target" : " import.meta", out); break;
    case JS_BOOL_LIT: fputs(n->flags & JS_F_TRUE ? " true" : " false", out); break;
    case JS_IDENTIFIER:
    case JS_PRIVATE_NAME:
    case JS_BIGINT_LIT: fprintf(out, " %.*s", (int)n->id.len, n->id.str); break;
    case JS_STRING_LIT:
        fputc(' ', out);
        put_escaped(out, n->id.str, n->id.len);
        break;
    case JS_TEMPLATE_ELEMENT:
        fputc(' ', out);
        if (n->flags & JS_F_INVALID) fputs("(invalid)", out);
        else put_escaped(out, n->id.str, n->id.len);
        break;
    case JS_REGEXP_LIT: {
        /* The flags follow the pattern's closing slash in the source. */
        uint32_t total = n->end - n->start;
        uint32_t nflags = total > n->id.len + 2 ? total - n->id.len - 2 : 0;
        fprintf(out, " /%.*s/%.*s", (int)n->id.len, n->id.str, (int)nflags, n->id.str + n->id.len + 1);
        break;
    }
    case JS_NUMBER_LIT:
        fputc(' ', out);
        put_number(out, n->num);
        break;
    default: break;
    }
    put_flags(out, n->flags & ~(uint32_t)JS_F_TRUE);
    fputc('\n', out);
    const char *shape = shapes[n->kind];
    if (shape[0] == 'i' || shape[0] == '#') return;
    if (n->kind == JS_SEQUENCE) {
        dump_sequence_items(n->a, out, depth + 1);
        return;
    }
    if (n->a && dump_key(n, n->a, out, depth + 1)) {
        dump_slot(n->b, shape[1], true, out, depth + 1);
        return;
    }
    bool bracket = strcmp(shape, "l---") != 0;
    const JsNode *slots[4] = {n->a, n->b, n->c, n->d};
    for (int i = 0; i < 4; i++) dump_slot(slots[i], shape[i], bracket, out, depth + 1);
}

bool js_check_height(const JsAst *ast, DiagList *diags, const DiagFile *file) {
    /* a tree is never higher than it has nodes (every node is the parser's
     * node_new, counted): most modules need no walk */
    if (ast->node_count < JS_MAX_AST_HEIGHT) return true;
    typedef struct Item { const JsNode *n; uint32_t depth; } Item;
    VEC(Item) stack = {0};
    if (ast->program) VEC_PUSH(&stack, ((Item){ast->program, 1}));
    while (stack.len) {
        Item it = VEC_POP(&stack);
        if (it.depth > JS_MAX_AST_HEIGHT) {
            diag_add(diags, DIAG_ERROR, DIAG_SYNTAX, file, it.n->start, it.n->end,
                     "too deeply nested (the syntax tree is more than %d levels deep)", JS_MAX_AST_HEIGHT);
            VEC_FREE(&stack);
            return false;
        }
        if (it.n->next) VEC_PUSH(&stack, ((Item){it.n->next, it.depth}));
        const char *shape = shapes[it.n->kind];
        if (shape[0] == 'i' || shape[0] == '#') continue;
        const JsNode *kids[4] = {it.n->a, it.n->b, it.n->c, it.n->d};
        for (int i = 0; i < 4; i++)
            if (kids[i] && shape[i] != '-') VEC_PUSH(&stack, ((Item){kids[i], it.depth + 1}));
    }
    VEC_FREE(&stack);
    return true;
}

void js_dump_ast(const JsAst *ast, FILE *out) {
    if (ast->program) dump(ast->program, out, 0);
}
