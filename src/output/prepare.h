/* output/prepare.h: the part of a module's code generation that needs its
 * AST, done once when the module is built, so the AST can be freed then.
 *
 * Code generation patches a module's source with edits (edits.h).  Almost
 * every edit is known from the module alone: import declarations and
 * `export` keywords deleted, `export default` rewritten, top-level `this`,
 * import.meta, the free CommonJS names of an ES module.  Two kinds name
 * other modules by the ids the seal phase gives, so they are left as holes
 * (OUT_HOLE_REF: a reference to an imported binding; OUT_HOLE_CALL: a
 * require()/import() call), which the seal's code generation fills
 * (module_text.c).  So the make phase's BUILD task parses, runs the scope pass,
 * builds the record, prepares, and drops the AST and the scopes: only the
 * source, the record and these edits live on.
 *
 * Memory: everything in the module's arena. */
#ifndef BALE_OUTPUT_PREPARE_H
#define BALE_OUTPUT_PREPARE_H

#include "bale.h"

#include "base/arena.h"
#include "base/diag.h"
#include "js/define.h"
#include "js/record.h"
#include "output/edits.h"

/* What an export getter of a LOCAL export reads: the import it re-exports
 * (1 + index into the record's imports), or the name of its binding. */
typedef struct OutExportLocal {
    const char *name; /* the binding's name (source or the module's arena) */
    uint32_t len;
    uint32_t import;  /* 1 + import index, or 0 */
} OutExportLocal;

/* A top-level statement of an ES module, or one declarator of a
 * declaration of several variables, for statement-level tree shaking
 * (seal/shake.c): its range, whether it is pure (js/purity.h: then it is
 * kept only when something refers to it), the top-level names it refers
 * to (indexes into OutPrep.part_refs), and the parts kept whenever it is
 * (OutPrep.part_follow: assignments of pure values to what it declares,
 * `F.prototype.m = function () {}`, which are pure themselves). */
typedef struct OutPart {
    uint32_t start, end;
    uint32_t stmt_start, stmt_end; /* the whole statement (start, end unless split) */
    uint32_t first_ref, nrefs;
    uint32_t first_follow, nfollow;
    bool pure;
    bool is_default;         /* export default: it declares the default export */
    bool split;              /* one declarator of several, or one expression of a sequence
                              * statement: a cut keeps the others' commas right */
    bool risky_start;        /* split: it cannot begin its statement (a function, class or
                              * object literal would read as a declaration or block), so the
                              * piece before it stays whenever it does */
    /* CommonJS modules (OutPrep.cjs_granular) */
    bool directive;          /* "use strict" and the like: kept whenever the module is */
    bool cjs_init;           /* `exports.a = exports.b = void 0`: kept only when every export
                              * is (or an __exportStar could otherwise define those names) */
    uint32_t require_dep;    /* `var X = require("x")`: its JsDepId; it is pure when x is */
    uint32_t first_dep, ndeps;   /* the JsDepIds of the calls in it: first_dep, ... */
    uint32_t first_read, nreads; /* the export names it reads (OutPrep.part_reads) */
} OutPart;

/* What a require() call's result is used for (js/cjs_uses.h's JsDepUse):
 * every export may be read (whole), or only the names
 * OutPrep.use_names[first_name ...]. */
typedef struct OutDepUse {
    bool whole;
    uint32_t first_name, nnames;
} OutDepUse;

/* An export name of a granular CommonJS module: the parts that define it
 * (OutPrep.cjs_def_parts[first_def ...]). */
typedef struct OutCjsName {
    const char *str;
    uint32_t len;
    uint32_t first_def, ndefs;
} OutCjsName;

/* A top-level binding an ES module declares (not an import), which scope
 * hoisting may rename: its name in the source, and its kind. */
typedef struct OutTop {
    const char *name;        /* the source's (or the module's arena) */
    uint32_t len;
    uint8_t kind;            /* JsSymbolKind */
    uint32_t sym;            /* its JsSymbolId (OutPrep.sym_part) */
    uint32_t uses;           /* 1 + its references (the hoist pass gives short names by it) */
} OutTop;

/* A name, borrowed from the source or the module's arena. */
typedef struct OutName {
    const char *str;
    uint32_t len;
} OutName;

typedef struct OutPrep {
    OutEdit *edits;          /* sorted by position; arena: the module's */
    uint32_t nedits;
    OutExportLocal *locals;  /* by index into the record's exports; arena: the module's */
    bool name_default;       /* an anonymous `export default function`: its prologue names it
                              * "default" (__bale_name__) */
    uint32_t runtime;        /* OUT_RT_* the edits need */
    OutPart *parts;          /* ES modules: one per top-level statement, in order; arena */
    uint32_t nparts;
    uint32_t *part_refs;     /* the parts' references: the top-level symbols (JsSymbolId) each
                              * refers to that another statement declares (imports too) */
    uint32_t *part_follow;   /* the parts' followers (OutPart.first_follow), part indexes */
    uint32_t *sym_part;      /* by JsSymbolId: 1 + the part declaring it at the top level, or 0 */
    uint32_t nsyms;
    OutTop *tops;            /* ES modules: the top-level bindings, by OUT_HOLE_NAME's arg */
    uint32_t ntops;
    uint32_t *sym_top;       /* by JsSymbolId: 1 + index into tops, or 0 */
    OutName *free_names;     /* the names the module refers to that nothing in it declares
                              * (globals), each once; every JS module */
    uint32_t nfree;
    OutName *import_locals;  /* ES modules: by index into the record's imports, its local name */
    uint32_t *import_uses;   /* ES modules: by the same index, references to it */
    uint64_t *inner_hashes;  /* ES modules: the hash_bytes of each name declared in its nested
                              * scopes, each once, sorted (out_prep_declares_inner looks one up) */
    uint32_t ninner;
    bool direct_eval;        /* ES modules: a direct eval() can see its top-level names */
    uint32_t default_alias;  /* `export default x` of a binding x of the module that nothing
                              * reassigns, declared before it (or a function): 1 + x's tops
                              * index, else 0; scope hoisting may make x the default binding */
    uint32_t default_start, default_end; /* with default_alias: the statement */
    bool assigns_import;     /* ES modules: code assigns to an imported binding (which throws a
                              * TypeError through the importer's getter; hoisted, it would not) */
    bool own_require;        /* a module that is not an ES module and uses its free `require`
                              * otherwise than to call it with a string (require.main,
                              * require.resolve, typeof require...): it gets one of its own */
    /* For tree shaking of CommonJS (js/cjs_uses.h); all NULL/0 without tree shaking */
    OutDepUse *dep_uses;     /* by JsDepId: what its result is used for; NULL: all whole */
    OutName *use_names;
    bool cjs_granular;       /* a CommonJS module cut in parts like an ES module, whose exports
                              * are defined by parts (cjs_names) */
    bool cjs_star;           /* granular: an __exportStar(x, exports) statement */
    uint32_t *cjs_star_deps; /* their sources: JsDepIds of require("x"), 0 for another */
    uint32_t ncjs_star_deps;
    OutCjsName *cjs_names;   /* granular: the export names it defines or reads, each once */
    uint32_t ncjs_names;
    uint32_t *cjs_def_parts; /* part indexes */
    uint32_t *part_reads;    /* cjs_names indexes */
} OutPrep;

/* Whether a nested scope of the module may declare the name whose
 * hash_bytes is hash (a hash collision says yes: a needless rename). */
bool out_prep_declares_inner(const OutPrep *p, uint64_t hash);

/* Prepares the module whose parse, scopes and record are given (file is its
 * DiagFile: source and path).  Constructs the output cannot hold are errors
 * in diags (top-level await, names starting with __bale_, sloppy-mode code
 * in a format esm bundle), import.meta with iife/cjs a warning.  Copies what
 * it keeps into arena, so the AST and the scopes may be freed after.  Where
 * the code reads a name defines has (js/define.h), its value goes in. */
void out_prepare_module(const JsAst *ast, const JsScopes *scopes, const JsRecord *rec, const DiagFile *file,
                        const BaleOptions *o, const JsDefines *defines, Arena *arena, OutPrep *out,
                        DiagList *diags);

#endif
