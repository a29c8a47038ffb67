/* js/parse_internal.h: what the parser's files share (parser.c, parse_expr.c,
 * parse_stmt.c).  Not for use outside src/js/parse*.c. */
#ifndef BALE_JS_PARSE_INTERNAL_H
#define BALE_JS_PARSE_INTERNAL_H

#include "base/map.h"
#include "base/vec.h"
#include "js/parser.h"
#include "js/precedence.h"

#include <string.h>

/* What the code around the current position allows; saved and restored
 * around functions, classes and parameter lists. */
enum {
    CTX_STRICT = 1 << 0,
    CTX_AWAIT = 1 << 1,       /* await is an operator (async function, module top level) */
    CTX_YIELD = 1 << 2,       /* yield is an operator (generator) */
    CTX_RETURN = 1 << 3,      /* return is allowed */
    CTX_SUPER_CALL = 1 << 4,  /* super() (derived constructor) */
    CTX_SUPER_PROP = 1 << 5,  /* super.x (methods) */
    CTX_NEW_TARGET = 1 << 6,  /* new.target (non-arrow functions) */
    CTX_NO_IN = 1 << 7,       /* `in` is not a binary operator (for-init) */
    CTX_FIELD_INIT = 1 << 8,  /* class field initializer: no `arguments` */
    CTX_STATIC_BLOCK = 1 << 9,/* await is reserved, no arguments, no return */
    CTX_FUNCTION = 1 << 10,   /* inside any function body */
    CTX_PARAMS = 1 << 11,     /* inside formal parameters: no await/yield expressions */
    CTX_AWAIT_IDENT_BAN = 1 << 12, /* await can't be an identifier (module, static block) */
};


typedef struct Label {
    const char *str;
    uint32_t len;
    bool loop; /* labels an iteration statement: continue may target it */
} Label;

/* A private name declared in a class body, or referenced before its
 * class body was complete. */
typedef struct PrivateName {
    const char *str;
    uint32_t len;
    uint32_t start, end;
    uint8_t kind;      /* declared: JS_PROP_GET/SET/METHOD/INIT (field); referenced: 0xff */
    bool is_static;
} PrivateName;

typedef struct ClassScope {
    uint32_t first_private; /* index into Parser.privates of this class's names */
} ClassScope;

typedef struct Parser {
    JsLexer lx;
    Arena *arena;       /* the module's */
    jmp_buf fail;
    bool module;
    uint32_t ctx;       /* CTX_* */
    uint32_t node_count;

    VEC(Label) labels;  /* labels; those from label_base on are in the current function */
    uint32_t label_base;
    bool in_iteration;  /* continue allowed */
    bool in_breakable;  /* unlabelled break allowed (loop or switch) */

    /* Cover grammar bookkeeping, reset around each parenthesized list. */
    uint32_t cover_init_at;   /* +1 offset of a `{ a = 1 }` not yet turned into a pattern */
    const char *cover_msg;    /* what is wrong at cover_init_at */
    uint32_t await_expr_at;   /* +1 offset of the last await expression */
    uint32_t await_ident_at;  /* +1 offset of the last `await` used as an identifier */
    uint32_t yield_expr_at;   /* +1 offset of the last yield expression */
    uint32_t octal_at;        /* +1 offset of the last string with a legacy octal escape */
    uint32_t prev_end;        /* end of the previous token */
    uint32_t label_chain;     /* labels directly in front of the statement being parsed */
    uint32_t depth;           /* nesting of expressions, statements and patterns */

    VEC(PrivateName) privates; /* stack of class bodies' private names */
    VEC(ClassScope) classes;

    Map exported;       /* export names seen (module): name -> +1 offset */
    Map names;          /* scratch: parameter names, import attribute keys */
    bool saw_module_syntax; /* import/export declaration seen (for goal detection) */
    JsSloppyOnly sloppy_only; /* the first construct strict code would reject (see sloppy_only) */
} Parser;

/* parser.c: helpers shared by expressions and statements */
JsNode *node_new(Parser *p, JsNodeKind kind, uint32_t start);
void node_end(Parser *p, JsNode *n);                  /* end = end of the previous token */
_Noreturn void error_at(Parser *p, uint32_t start, uint32_t end, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
_Noreturn void error_unexpected(Parser *p);
/* Something strict mode (or the module goal) rejects, met where it is
 * allowed: keeps the first one for JsAst.sloppy_only.  Called right after
 * the check that makes it an error in strict code. */
void sloppy_only(Parser *p, uint32_t start, uint32_t end, const char *what);
void next(Parser *p);
bool eat(Parser *p, JsTokenKind k);
void expect(Parser *p, JsTokenKind k);
void expect_semicolon(Parser *p);                     /* with automatic semicolon insertion */
bool tok_is_name(const Parser *p);                    /* identifier or reserved word: a property name */
bool is_strict_reserved(const char *s, uint32_t len);
uint32_t prev_end(const Parser *p);
bool at_newline(const Parser *p);
JsToken peek(Parser *p);                              /* the token after the current one */

/* Identifiers: checks for references and bindings in the current context. */
JsNode *parse_identifier_ref(Parser *p);
JsNode *parse_binding_identifier(Parser *p);
void check_binding_name(Parser *p, const char *s, uint32_t len, uint32_t start, uint32_t end);
void check_reference_token(Parser *p, const JsToken *t); /* may t be an IdentifierReference here? */
void check_binding_token(Parser *p, const JsToken *t);   /* may t be a BindingIdentifier here? */
JsNode *identifier_from_token(Parser *p, const JsToken *t);

/* parse_expr.c */
JsNode *parse_expression(Parser *p);                  /* Expression[+In] with commas */
JsNode *parse_expr(Parser *p, Level level);
JsNode *parse_assign(Parser *p);                      /* AssignmentExpression */
JsNode *parse_lhs(Parser *p);                         /* LeftHandSideExpression */
JsNode *parse_property_name(Parser *p, uint32_t *flags);
uint8_t parse_method_prefix(Parser *p, uint32_t *fflags); /* async * get set */
JsNode *parse_template(Parser *p, bool tagged);
JsNode *to_pattern(Parser *p, JsNode *n, bool binding);
JsNode *parse_binding_target(Parser *p);              /* BindingIdentifier or BindingPattern */
JsNode *parse_binding_element(Parser *p);             /* with an optional initializer */
void check_no_cover_init(Parser *p);

/* parse_stmt.c */
JsNode *parse_statement(Parser *p);
JsNode *parse_statement_list_item(Parser *p);
JsNode *parse_function(Parser *p, JsNodeKind kind, uint32_t start, uint32_t flags, bool name_required);
JsNode *parse_function_rest(Parser *p, JsNode *fn, uint32_t kind_ctx); /* params + body */
JsNode *parse_class(Parser *p, JsNodeKind kind, bool name_required);
JsNode *parse_arrow_body(Parser *p, JsNode *arrow, JsNode *params, uint32_t start, bool async);
void parse_module_item_list(Parser *p, JsNode **tail);
void check_params(Parser *p, JsNode *params, bool allow_dups, bool strict);
bool params_are_simple(const JsNode *params);

/* The deepest nesting the parser accepts.  Each level costs a few hundred
 * bytes of stack (more under AddressSanitizer); worker threads have 8 MiB
 * or more.  Real code stays far below (deeply generated code rarely
 * passes a few hundred). */
enum { JS_MAX_NESTING = 4000 };

static inline void enter_nesting(Parser *p) {
    if (++p->depth > JS_MAX_NESTING)
        error_at(p, p->lx.tok.start, p->lx.tok.end, "too deeply nested (more than %d levels)", JS_MAX_NESTING);
}

/* Name comparisons on (ptr, len) pairs. */
static inline bool name_is(const char *s, uint32_t len, const char *word) {
    size_t n = strlen(word);
    return len == n && memcmp(s, word, n) == 0;
}

/* The current token is the identifier `word`, written without escapes
 * (contextual keywords: async, let, of, get, static...). */
static inline bool is_word(const Parser *p, const char *word) {
    const JsToken *t = &p->lx.tok;
    return t->kind == TK_IDENTIFIER && !(t->flags & JS_TOKF_ESCAPED) && name_is(t->str, t->len, word);
}

#endif
