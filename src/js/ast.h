/* js/ast.h: the JavaScript AST.
 *
 * Every node is one JsNode, whatever its kind: a kind, an operator or
 * sub-kind, flags, a byte range, a `next` link for sibling lists, and either
 * up to four children (a, b, c, d), an identifier-like payload or a number.
 * What each kind keeps in which field is written beside it in ast.def.
 * One size for all nodes keeps the parser simple (patterns are rewritten in
 * place from the expressions they were parsed as) and the allocation a
 * single bump in the module's arena.
 *
 * Lists (statements, arguments, properties...) are linked through ->next;
 * the parent points at the first node.  Positions are byte offsets into the
 * module's source; line and column are computed only for diagnostics. */
#ifndef BALE_JS_AST_H
#define BALE_JS_AST_H

#include "js/lexer.h"

#include <stdint.h>
#include <stdio.h>

typedef enum JsNodeKind {
#define X(name, estree, shape, fields) JS_##name,
#include "js/ast.def"
#undef X
    JS_NODE_KIND_COUNT
} JsNodeKind;

/* Flags; which apply to which kind is said in ast.def. */
enum {
    JS_F_MODULE = 1 << 0,     /* Program */
    JS_F_ASYNC = 1 << 1,      /* functions, arrows */
    JS_F_GENERATOR = 1 << 2,  /* functions */
    JS_F_EXPRESSION = 1 << 3, /* arrow with an expression body */
    JS_F_DIRECTIVE = 1 << 4,  /* ExpressionStatement in a directive prologue */
    JS_F_COMPUTED = 1 << 5,   /* [key] or a[b] */
    JS_F_SHORTHAND = 1 << 6,  /* { a } */
    JS_F_METHOD = 1 << 7,     /* { a() {} } */
    JS_F_STATIC = 1 << 8,     /* class members */
    JS_F_PREFIX = 1 << 9,     /* ++a */
    JS_F_OPTIONAL = 1 << 10,  /* a?.b, a?.() */
    JS_F_DELEGATE = 1 << 11,  /* yield* */
    JS_F_AWAIT = 1 << 12,     /* for await */
    JS_F_TRUE = 1 << 13,      /* BooleanLiteral */
    JS_F_TAIL = 1 << 14,      /* TemplateElement: the last one */
    JS_F_INVALID = 1 << 15,   /* TemplateElement: cooked value undefined */
    JS_F_PARENS = 1 << 16,    /* expressions: written in parentheses (not dumped) */
    JS_F_COVER_INIT = 1 << 17,/* Property { a = 1 }: valid only as a pattern */
    JS_F_PROTO = 1 << 18,     /* Property __proto__: v (duplicates are an error) */
    JS_F_SPREAD_COMMA = 1 << 19, /* literal with a comma after its last spread: not a pattern */
    JS_F_PURE = 1 << 20,      /* CALL, NEW: annotated #__PURE__ (removable if its value is unused) */
    JS_F_NO_SIDE_EFFECTS = 1 << 21, /* functions, arrows: annotated #__NO_SIDE_EFFECTS__ */
    JS_F_NAMES_VALUE = 1 << 22, /* Identifier: an assignment target whose value is an anonymous
                                 * function or class (set by the scope pass; see JS_SYMF_NAMES_VALUE) */
};

/* Sub-kinds kept in op. */
enum {
    JS_LET = TK_COUNT,        /* VariableDeclaration kind beside TK_VAR, TK_CONST */
    JS_PROP_INIT = 0,         /* Property / MethodDefinition kinds */
    JS_PROP_GET,
    JS_PROP_SET,
    JS_PROP_METHOD,
    JS_PROP_CONSTRUCTOR,
    JS_META_NEW_TARGET = 0,
    JS_META_IMPORT_META,
};

typedef struct JsNode JsNode;
struct JsNode {
    uint8_t kind;       /* JsNodeKind */
    uint8_t op;         /* see ast.def */
    uint32_t flags;     /* JS_F_* */
    uint32_t start, end;
    JsNode *next;       /* next sibling in a list; arena: the module's */
    union {
        struct { JsNode *a, *b, *c, *d; };
        struct {
            const char *str; /* arena: the module's, or the source */
            uint32_t len;
            uint32_t sym;    /* bound symbol once scopes are resolved; 0 = none */
        } id;
        double num;
    };
};

/* The first construct of a script that only sloppy mode or the script goal
 * allows (a with statement, a legacy octal literal, a strict mode reserved
 * word as a name, an HTML-like comment...): such a script cannot become
 * part of an ES module.  what is a static string; NULL when there is none
 * (always for modules). */
typedef struct JsSloppyOnly {
    const char *what;     /* "a with statement" */
    uint32_t start, end;
} JsSloppyOnly;

typedef struct JsAst {
    JsNode *program;
    bool module;          /* parsed with the module goal */
    uint32_t node_count;
    JsSloppyOnly sloppy_only;
} JsAst;

/* "Identifier", "CallExpression"... */
const char *js_node_name(JsNodeKind kind);

/* The kind's shape from ast.def: per child slot a..d, 'n' a node, 'l' a
 * list, '-' unused; or "i" (identifier payload) / "#" (number). */
const char *js_node_shape(JsNodeKind kind);

/* The children of a node, in slot order, a list's elements each, for the
 * walks that look at every node the same way:
 *   for (JsChildren c = js_children(n); js_child_next(&c);) use(c.node, c.slot);
 * slot is 0..3 (a..d). */
typedef struct JsChildren {
    const JsNode *parent;
    const char *shape;
    int slot;            /* the slot of node */
    const JsNode *node;  /* the current child */
} JsChildren;

static inline JsChildren js_children(const JsNode *n) {
    const char *shape = js_node_shape((JsNodeKind)n->kind);
    return (JsChildren){n, shape[0] == 'i' || shape[0] == '#' ? "" : shape, -1, NULL};
}

static inline bool js_child_next(JsChildren *c) {
    if (c->node && c->shape[c->slot] == 'l' && c->node->next) {
        c->node = c->node->next;
        return true;
    }
    while (++c->slot < 4 && c->shape[c->slot]) {
        if (c->shape[c->slot] != 'n' && c->shape[c->slot] != 'l') continue;
        const JsNode *k = c->slot == 0 ? c->parent->a : c->slot == 1 ? c->parent->b : c->slot == 2 ? c->parent->c
                                                                                                    : c->parent->d;
        if (k) {
            c->node = k;
            return true;
        }
    }
    c->node = NULL;
    return false;
}

/* The most levels an AST may have.  Member chains and binary operators
 * build left-deep trees in a loop (a.b.c... a million long needs no
 * nesting), and the passes after parsing walk the AST recursively, so the
 * height is checked once after parsing. */
enum { JS_MAX_AST_HEIGHT = 10000 };

/* Checks the AST's height without recursion.  On excess: adds a
 * DIAG_SYNTAX error "too deeply nested" at the deepest node and returns
 * false. */
bool js_check_height(const JsAst *ast, DiagList *diags, const DiagFile *file);

/* Writes the stable text form of the AST: one node per line, indented, with
 * names, operators, flags and values but no positions and no parentheses,
 * so the same program written two ways dumps the same.  Used by tests. */
void js_dump_ast(const JsAst *ast, FILE *out);

#endif
