/* js/record.h: the module record, what the rest of bale needs to know about
 * a module without reading its AST again: what it imports and from where,
 * what it exports, which require() and import() calls it makes (with the
 * pattern of those whose argument is a concatenation such as
 * `./locales/${l}.mjs`, for context modules), whether it
 * uses import.meta, top-level await, the CommonJS free variables or a
 * top-level `this`, and so whether it is an ES module (parsed with the
 * module goal, or with module syntax), CommonJS, or neither.
 *
 * Built from the AST once the scope pass has bound its identifiers (a
 * `require` call counts only when `require` is a free global, not a local
 * of that name).  Everything carries the byte range it came from, for
 * diagnostics and for the edits code generation makes.
 *
 * Memory: growable arrays on the C heap owned by the JsRecord, released by
 * js_record_free.  Strings are borrowed from the AST (the source or the
 * module's arena). */
#ifndef BALE_JS_RECORD_H
#define BALE_JS_RECORD_H

#include "js/scope.h"

typedef uint32_t JsDepId; /* 1-based index into JsRecord.deps; 0 = none */

typedef enum JsDepKind {
    JS_DEP_IMPORT,         /* import ... from "x" / import "x" */
    JS_DEP_EXPORT_FROM,    /* export {...} from "x" / export * (as ns) from "x" */
    JS_DEP_REQUIRE,        /* require("x") with require a free global */
    JS_DEP_DYNAMIC_IMPORT, /* import("x") */
} JsDepKind;

enum {
    JS_DEP_SIDE_EFFECT_ONLY = 1 << 0, /* import "x" */
    JS_DEP_NOT_STRING = 1 << 1,       /* require(expr) / import(expr): source is NULL */
    JS_DEP_IN_TRY = 1 << 2,           /* require()/import() inside a try block of the same
                                       * function: the program expects it may fail */
    JS_DEP_CONTEXT = 1 << 3,          /* with NOT_STRING: the argument is a pattern, a string
                                       * concatenation or template literal that starts with
                                       * "./" or "../" (parts: a run of JsRecord.context_parts) */
};

/* A request for another module. */
typedef struct JsDep {
    uint8_t kind;          /* JsDepKind */
    uint8_t flags;         /* JS_DEP_* */
    const char *source;    /* the cooked string; NULL with JS_DEP_NOT_STRING */
    uint32_t source_len;
    uint32_t start, end;   /* the string literal with its quotes (or the call, when not a string) */
    JsNode *node;          /* the declaration or the call */
    uint32_t first_attr, nattrs; /* with { key: "value" }: a run of JsRecord.attrs */
    uint32_t first_part, nparts; /* CONTEXT: its pattern, a run of JsRecord.context_parts */
} JsDep;

/* One piece of a context dependency's pattern, in source order: a static
 * text (the cooked value of a string literal or of a template's text) or a
 * hole (text NULL: any other expression, whose value only run time knows).
 * `require("./lang/" + x + ".js")` is "./lang/", hole, ".js"; two texts may
 * follow each other ('./a' + 'b/' + x), and so may two holes. */
typedef struct JsContextPart {
    const char *text;      /* NULL: a hole */
    uint32_t len;
} JsContextPart;

typedef struct JsAttr {
    const char *key, *value;
    uint32_t key_len, value_len;
    uint32_t start, end;   /* the attribute */
} JsAttr;

typedef enum JsImportKind { JS_IMPORTED_NAME, JS_IMPORTED_DEFAULT, JS_IMPORTED_NAMESPACE } JsImportKind;

/* One imported binding: import { imported as local } from dep. */
typedef struct JsImport {
    uint8_t kind;          /* JsImportKind */
    const char *imported;  /* "default" for DEFAULT; NULL for NAMESPACE */
    uint32_t imported_len;
    JsSymbolId local;
    JsDepId dep;
    bool referenced;       /* the module refers to its local binding (tree shaking keeps what
                            * it reads only then) */
    uint32_t start, end;   /* the specifier */
} JsImport;

typedef enum JsExportKind {
    JS_EXPORT_LOCAL,       /* export { a as b }, export var/let/const/function/class, export default function f */
    JS_EXPORT_DEFAULT_EXPR,/* export default <expression>, or an anonymous function/class */
    JS_EXPORT_REEXPORT,    /* export { a as b } from "x" */
    JS_EXPORT_STAR,        /* export * from "x" */
    JS_EXPORT_STAR_AS,     /* export * as ns from "x" */
} JsExportKind;

typedef struct JsExport {
    uint8_t kind;          /* JsExportKind */
    const char *exported;  /* the name other modules see; NULL for STAR */
    uint32_t exported_len;
    const char *imported;  /* REEXPORT: the name in dep */
    uint32_t imported_len;
    JsSymbolId local;      /* LOCAL: the exported binding */
    JsDepId dep;           /* REEXPORT, STAR, STAR_AS */
    JsNode *node;          /* DEFAULT_EXPR: the expression or declaration */
    uint32_t start, end;   /* the specifier, declaration name or default expression */
} JsExport;

typedef struct JsRange {
    uint32_t start, end;
} JsRange;

typedef enum JsModuleKind { JS_MODULE_NONE, JS_MODULE_ESM, JS_MODULE_CJS } JsModuleKind;

typedef struct JsRecord {
    uint8_t kind;                 /* JsModuleKind */
    VEC(JsDep) deps;              /* in source order */
    VEC(JsAttr) attrs;
    VEC(JsContextPart) context_parts;
    VEC(JsImport) imports;
    VEC(JsExport) exports;
    VEC(JsRange) import_meta;     /* import.meta */
    VEC(JsRange) top_level_await; /* await / for await outside any function */
    VEC(JsRange) module_refs;     /* free `module` */
    VEC(JsRange) exports_refs;    /* free `exports` */
    VEC(JsRange) top_level_this;  /* `this` outside non-arrow functions and class bodies */
    JsSloppyOnly sloppy_only;     /* the parser's (JsAst): what keeps a script out of an ES module */
    bool pure_top_level;          /* no top-level statement has a side effect (js/purity.h):
                                   * running the module changes nothing but its own bindings */
} JsRecord;

/* Fills *out from a program that js_scope_build has processed (scopes are
 * its result).  Can't fail.  Release with js_record_free. */
void js_record_build(const JsAst *ast, const JsScopes *scopes, JsRecord *out);

void js_record_free(JsRecord *r);

/* Makes r independent of its AST, which may then be freed: every string
 * that is not a slice of src[0..len) is copied into arena, and the AST
 * node pointers (JsDep.node, JsExport.node) are cleared.  Can't fail. */
void js_record_detach(JsRecord *r, const char *src, uint32_t len, Arena *arena);

const char *js_module_kind_name(JsModuleKind k);

/* Writes the stable text form of the record (positions as line:column of
 * file->text).  Used by tests and `bale parse --dump=record`. */
void js_dump_record(const JsRecord *r, const JsScopes *scopes, const DiagFile *file, FILE *out);

#endif
