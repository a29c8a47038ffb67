/* js/scope.h: the scope tree and symbol table of one module, and the early
 * errors that need them.
 *
 * After a successful parse, js_scope_build walks the AST once.  It opens a
 * scope for every construct that makes one (the program or module,
 * functions, blocks, catch clauses, `for` heads with let/const, class
 * bodies, static blocks, switch case blocks, with bodies), declares each
 * binding in the scope the language puts it in (var and function hoisting,
 * Annex B block functions in sloppy code, let/const/class, parameters,
 * catch parameters, imports, class and function expression names), and
 * binds every identifier reference to the symbol it denotes by setting the
 * Identifier node's id.sym.  Declaration identifiers get id.sym too.
 *
 * How references are bound: a reference is kept pending until the scope it
 * appears in is closed.  At that moment every declaration of that scope is
 * known (hoisted declarations land in an enclosing scope while the walk is
 * still inside it), so the scope binds the pending references it declares
 * and hands the rest to its parent.  One walk, and each reference costs one
 * lookup per scope it crosses, as a chain lookup would.
 *
 * Choices (for a reader comparing with the specification):
 *  - A function's parameters and its body share one scope, except when the
 *    parameters contain expressions (defaults, computed keys): then the
 *    body gets a FUNCTION_BODY scope of its own, as the specification's
 *    separate variable environment, so `function f(a = () => x) { var x }`
 *    binds the closure's x outside.
 *  - A catch clause's parameter and the top level of its block share one
 *    CATCH scope (a lexical declaration there conflicts with the parameter).
 *  - A function expression's name lives in the function's scope as a weak
 *    binding that any parameter or declaration of the same name replaces.
 *  - A class has a CLASS scope holding the inner binding of its name (a
 *    class declaration also declares the outer binding); the heritage and
 *    computed keys are evaluated inside it, as in the specification.
 *  - An Annex B block function (sloppy code, plain function) is a lexical
 *    binding of its block; when hoisting it would not conflict, a var of the
 *    same name is declared in the enclosing var scope, and the block
 *    symbol's `hoisted` names it.
 *  - `arguments` used in a non-arrow function and not declared there binds
 *    to an implicit ARGUMENTS symbol of that function.
 *  - Unresolved references (globals) keep id.sym == 0 and are listed in
 *    JsScopes.refs with sym 0.
 *
 * Memory: the tables are growable arrays on the C heap, owned by JsScopes
 * and released by js_scopes_free.  Names are borrowed from the AST (the
 * source or the module's arena), which must outlive the JsScopes. */
#ifndef BALE_JS_SCOPE_H
#define BALE_JS_SCOPE_H

#include "base/diag.h"
#include "base/map.h"
#include "base/vec.h"
#include "js/ast.h"

typedef uint32_t JsScopeId;  /* 1-based index into JsScopes.scopes; 0 = none */
typedef uint32_t JsSymbolId; /* 1-based index into JsScopes.symbols; 0 = none (a global) */

/* X(ENUM, "dump name") */
#define JS_SCOPE_KINDS(X)                                                        \
    X(SCRIPT, "script")                                                          \
    X(MODULE, "module")                                                          \
    X(FUNCTION, "function")            /* parameters (and body, see above) */    \
    X(ARROW, "arrow")                                                            \
    X(FUNCTION_BODY, "function-body")  /* when parameters have expressions */    \
    X(BLOCK, "block")                                                            \
    X(CATCH, "catch")                                                            \
    X(FOR, "for")                      /* a for head with let/const */           \
    X(CLASS, "class")                                                            \
    X(STATIC_BLOCK, "static-block")                                              \
    X(SWITCH, "switch")                                                          \
    X(WITH, "with")

typedef enum JsScopeKind {
#define X(name, str) JS_SCOPE_##name,
    JS_SCOPE_KINDS(X)
#undef X
} JsScopeKind;

#define JS_SYMBOL_KINDS(X)                                                       \
    X(VAR, "var")                                                                \
    X(FUNCTION, "function")          /* declaration at a var scope's top level */\
    X(BLOCK_FUNCTION, "block-function") /* declaration in a block */             \
    X(LET, "let")                                                                \
    X(CONST, "const")                                                            \
    X(CLASS, "class")                /* a class declaration's outer binding */   \
    X(CLASS_NAME, "class-name")      /* a class's inner binding of its name */   \
    X(FUNCTION_NAME, "function-name")/* a function expression's own name */      \
    X(PARAM, "param")                                                            \
    X(CATCH, "catch-param")                                                      \
    X(IMPORT, "import")                                                          \
    X(ARGUMENTS, "arguments")        /* implicit, in non-arrow functions */

typedef enum JsSymbolKind {
#define X(name, str) JS_SYM_##name,
    JS_SYMBOL_KINDS(X)
#undef X
} JsSymbolKind;

/* Scope flags. */
enum {
    JS_SCOPE_STRICT = 1 << 0,
    JS_SCOPE_DIRECT_EVAL = 1 << 1, /* this scope or a nested one calls eval(...) (any callee
                                      named eval, even a local one: conservative) */
    JS_SCOPE_SIMPLE_CATCH = 1 << 2,/* CATCH: the parameter is one identifier */
};

/* Symbol flags. */
enum {
    JS_SYMF_LEXICAL = 1 << 0,   /* conflicts with any other declaration of the name */
    JS_SYMF_ANNEX_B = 1 << 1,   /* VAR made by hoisting an Annex B block function */
    JS_SYMF_IN_WITH = 1 << 2,   /* referenced from inside a with body (may be shadowed) */
    JS_SYMF_ASYNC_GEN = 1 << 3, /* BLOCK_FUNCTION that is async or a generator */
    JS_SYMF_NAMES_VALUE = 1 << 4, /* an anonymous function or class takes its name (`var f = () => {}`,
                                     `f = function () {}`, `{ f = class {} }`): .name shows it */
};

/* Reference flags. */
enum {
    JS_REF_READ = 1 << 0,
    JS_REF_WRITE = 1 << 1,      /* assigned (=, op=, ++, for-in/of target, destructuring) */
    JS_REF_EXPORT = 1 << 2,     /* the local name of `export { x }` */
};

typedef struct JsScope {
    uint8_t kind;       /* JsScopeKind */
    uint8_t flags;      /* JS_SCOPE_* */
    JsScopeId parent;   /* 0 for the program's scope (id 1) */
    uint32_t start, end;/* byte range of the construct */
    uint32_t first_entry, last_entry; /* name list (internal; see scope.c) */
    uint32_t nentries;
    uint32_t map;       /* 1 + index into JsScopes.maps once the scope is large; 0 before */
    uint64_t names;     /* a one-word filter of the names declared here (scope.c) */
} JsScope;

typedef struct JsSymbol {
    const char *name;   /* borrowed from the AST */
    uint32_t len;
    uint8_t kind;       /* JsSymbolKind */
    uint8_t flags;      /* JS_SYMF_* */
    JsScopeId scope;    /* the declaring scope */
    uint32_t start, end;/* the first declaration's name */
    JsSymbolId hoisted; /* BLOCK_FUNCTION: its Annex B var, or 0 */
    uint32_t reads, writes; /* reference counts */
} JsSymbol;

typedef struct JsRef {
    JsNode *node;       /* the Identifier; node->id.sym is the binding */
    JsScopeId scope;    /* the innermost scope it appears in */
    uint32_t flags;     /* JS_REF_* */
} JsRef;

/* A scope's name list entry (internal to scope.c; exposed for the dump). */
typedef struct JsScopeEntry {
    JsSymbolId sym;
    uint32_t next;      /* 1-based index of the next entry, 0 = last */
    uint8_t kind;       /* 0 member, 1 var passing through, 2 member replaced */
} JsScopeEntry;

/* A node the module record needs, noted by the scope pass on its walk so
 * that js_record_build does not walk the AST a second time (internal to
 * scope.c and record.c).  In walk order: the top-level import and export
 * declarations, calls whose callee is an identifier named require,
 * import() calls, import.meta, and the await, for-await and this outside
 * any function; then the free references named require, module or
 * exports. */
typedef struct JsNoted {
    JsNode *node;
    uint32_t flags;          /* JS_NOTED_* */
} JsNoted;

enum {
    JS_NOTED_IN_TRY = 1 << 0, /* inside a try block of the same function */
};

typedef struct JsScopes {
    VEC(JsScope) scopes;     /* in the order the walk opened them (preorder) */
    VEC(JsSymbol) symbols;
    VEC(JsRef) refs;         /* every identifier reference, in walk order */
    VEC(JsScopeEntry) entries;
    VEC(Map) maps;           /* name -> entry, for scopes with many names */
    VEC(JsNoted) noted;      /* for js_record_build (see JsNoted) */
} JsScopes;

/* Builds the scopes of a parsed program (src is the source it was parsed
 * from) and sets id.sym on its Identifier nodes.  Early errors go to diags
 * (code DIAG_EARLY) with file.  Returns true when none was found; either way
 * *out is filled and must be released with js_scopes_free.
 * Stack: recursive, as deep as the AST (the parser bounds its height). */
bool js_scope_build(JsAst *ast, const char *src, DiagList *diags, const DiagFile *file, JsScopes *out);

void js_scopes_free(JsScopes *s);

/* The symbol a name denotes in scope (looking through its parents), or 0.
 * Only meaningful after js_scope_build. */
JsSymbolId js_scope_lookup(const JsScopes *s, JsScopeId scope, const char *name, uint32_t len);

static inline JsSymbol *js_symbol(const JsScopes *s, JsSymbolId id) { return &s->symbols.data[id - 1]; }
static inline JsScope *js_scope(const JsScopes *s, JsScopeId id) { return &s->scopes.data[id - 1]; }

const char *js_scope_kind_name(JsScopeKind k);
const char *js_symbol_kind_name(JsSymbolKind k);

/* Writes the stable text form of the scope tree: scopes indented in
 * preorder, each with its symbols (id, name, kind) and then the references
 * that appear directly in it with what they are bound to.  Used by tests
 * and `bale parse --dump=scopes`. */
void js_dump_scopes(const JsScopes *s, FILE *out);

#endif
