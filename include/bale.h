/* bale.h: the public interface of bale, a JavaScript bundler.
 *
 * This header is bale's library documentation: everything a program needs to
 * call bale is declared here, in banner sections, with the contract beside
 * each declaration.  Public names start with bale_ / Bale / BALE_; nothing
 * else from src/ is part of the interface.  The `bale` command-line tool uses
 * only this header.
 *
 * The library never prints and reads no environment variable: bale_build
 * returns its diagnostics (one by one and as the rendered text bale's
 * command prints), the --profile table, and the bundle meant for standard
 * output in a BaleResult, and the caller decides where they go.  (The tool
 * entry points at the end write to the FILE* they are given, and
 * bale_resolve to stderr.)
 *
 * Status: bale_build writes bundles in formats iife, cjs and esm, one per
 * entry point, scope-hoisted and tree-shaken, minified and with source
 * maps when asked; splitting and define are not built yet
 * (BALE_ERR_NOT_IMPLEMENTED).  See README.md for what works. */
#ifndef BALE_H
#define BALE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ===== Version ========================================================== */

#define BALE_VERSION_MAJOR 0
#define BALE_VERSION_MINOR 1
#define BALE_VERSION_PATCH 0
#define BALE_VERSION_STRING "0.1.0"

/* "0.1.0".  Static storage. */
const char *bale_version(void);

/* ===== Status codes ===================================================== */

typedef enum BaleStatus {
    BALE_OK = 0,
    BALE_ERR_INVALID_OPTIONS, /* an option is out of range; see diagnostics */
    BALE_ERR_BUILD,           /* the input had errors; see diagnostics */
    BALE_ERR_IO,              /* an input could not be read or an output written */
    BALE_ERR_NOT_IMPLEMENTED, /* the request needs a part of bale not written yet */
} BaleStatus;

/* A short English phrase for a status.  Static storage. */
const char *bale_status_str(BaleStatus status);

/* ===== Options ========================================================== */

typedef enum BaleFormat { BALE_FORMAT_IIFE, BALE_FORMAT_CJS, BALE_FORMAT_ESM } BaleFormat;
typedef enum BalePlatform { BALE_PLATFORM_BROWSER, BALE_PLATFORM_NODE, BALE_PLATFORM_NEUTRAL } BalePlatform;
typedef enum BaleSourcemap {
    BALE_SOURCEMAP_NONE,
    BALE_SOURCEMAP_EXTERNAL, /* linked: out.js.map, with a sourceMappingURL comment */
    BALE_SOURCEMAP_INLINE,   /* a data: URL at the end of out.js */
    BALE_SOURCEMAP_LINKED_HIDDEN, /* esbuild's external: out.js.map without the comment */
    BALE_SOURCEMAP_BOTH,     /* inline, and out.js.map too */
} BaleSourcemap;
typedef enum BaleLegalComments {
    BALE_LEGAL_EOF,      /* at the end of the bundle, each once */
    BALE_LEGAL_NONE,     /* dropped */
    BALE_LEGAL_INLINE,   /* where they are (before the statement that follows each) */
    BALE_LEGAL_EXTERNAL, /* in OUT.LEGAL.txt beside the output, not linked */
    BALE_LEGAL_LINKED,   /* in OUT.LEGAL.txt, and a comment at the bundle's end names it */
} BaleLegalComments;
typedef enum BaleLogLevel {
    BALE_LOG_SILENT, BALE_LOG_ERROR, BALE_LOG_WARNING, BALE_LOG_INFO
} BaleLogLevel;

/* A pair of strings: an alias (from -> to) or a define (name -> expression). */
typedef struct BalePair {
    const char *key;
    const char *value;
} BalePair;

/* Every pointer in BaleOptions is borrowed for the duration of bale_build:
 * bale copies what it keeps.  Zero/NULL means the default named beside the
 * field; bale_options_init writes those defaults. */
typedef struct BaleOptions {
    const char *const *entry_points; /* files to bundle, relative to working_dir */
    size_t entry_count;
    const char *outfile;             /* single output file; or NULL */
    const char *outdir;              /* output directory (several entries, splitting) */
    const char *working_dir;         /* NULL: the process's current directory */

    BaleFormat format;               /* default IIFE (ESM when splitting) */
    BalePlatform platform;           /* default BROWSER */
    BaleSourcemap sourcemap;         /* default NONE */
    bool no_sources_content;         /* maps without sourcesContent (--sources-content=false) */
    bool minify_whitespace;          /* no comments or white space (--minify-whitespace) */
    bool minify_identifiers;         /* short names for local bindings (--minify-identifiers) */
    bool minify_syntax;              /* shorter forms of the same code (--minify-syntax);
                                      * --minify sets all three (output/minify.h) */
    BaleLegalComments legal_comments;/* what a minified bundle does with its modules' legal
                                      * comments (those starting with ! and those with @license or @preserve);
                                      * default EOF: they go (each once) to its end */
    bool drop_console;               /* calls of console.x(...) go (--drop:console) */
    bool drop_debugger;              /* debugger statements go (--drop:debugger) */
    bool splitting;                  /* code splitting for import(); needs outdir */
    const char *out_extension_js;    /* --out-extension:.js=EXT: the extension of JavaScript outputs (NULL: ".js") */
    const char *entry_names;         /* --entry-names: an entry's output path in outdir, from [dir], [name]
                                      * and [hash] (NULL: "[dir]/[name]") */
    const char *chunk_names;         /* --chunk-names: a loaded chunk's (NULL: "[name]-[hash]", [name]
                                      * being "chunk") */
    const char *public_path;         /* --public-path: the URL iife's chunk loader puts before a
                                      * chunk's path in outdir (NULL: the entry script's directory) */
    const char *cross_origin;        /* --cross-origin-loading: the crossorigin of iife's chunk
                                      * script tags ("anonymous", "use-credentials"; NULL: none) */
    const char *outbase;             /* --outbase: what [dir] is relative to (NULL: the entries'
                                      * lowest common directory) */
    bool preserve_symlinks;          /* resolve to the link, not its target (Node's flag) */
    bool allow_overwrite;            /* let an output replace one of the build's input files */
    bool no_tree_shaking;            /* keep every reachable module whole and a function of its
                                      * own (--tree-shaking=false); by default what nothing uses
                                      * and has no side effects is left out (seal/shake.c) and ES
                                      * modules are hoisted into one scope (seal/hoist.c) */

    const char *const *externals;    /* names left unbundled; a trailing star matches a prefix */
    size_t external_count;
    const BalePair *aliases;         /* import "from" resolves as "to" */
    size_t alias_count;
    const BalePair *defines;         /* reads of a global name or member chain (key) replaced by a
                                      * value: JSON or a name (js/define.h) */
    size_t define_count;
    const char *const *pure_names;   /* calls of these global names or member chains have no side
                                      * effects: removable when unused (--pure:NAME, #__PURE__) */
    size_t pure_count;
    const char *const *conditions;   /* extra package.json "exports" conditions */
    size_t condition_count;
    const char *const *main_fields;  /* NULL: by platform, as esbuild */
    size_t main_field_count;
    const char *const *resolve_extensions; /* NULL: .js .mjs .cjs .json */
    size_t resolve_extension_count;

    unsigned threads;                /* 0: one per CPU */
    bool profile;                    /* return the --profile table in BaleResult.profile */
    BaleLogLevel log_level;          /* default WARNING; SILENT: BaleResult.diagnostics is empty */
    bool color;                      /* render diagnostics with ANSI colors (the caller
                                      * knows whether its stream is a terminal) */
    bool dump_graph;                 /* return the module graph's text form in
                                      * BaleResult.graph (bale's own tests read it) */
} BaleOptions;

/* Writes the defaults into *options.  Can't fail. */
void bale_options_init(BaleOptions *options);

/* ===== Results ==========================================================
 * What a build has to say, handed to the caller instead of printed.  Every
 * string below is owned by the BaleResult that holds it: valid until
 * bale_result_free.  Texts end in a NUL (their _len excludes it); the
 * bundle is bytes. */

typedef enum BaleSeverity { BALE_SEVERITY_ERROR, BALE_SEVERITY_WARNING, BALE_SEVERITY_NOTE } BaleSeverity;

/* One diagnostic, as a value a program can inspect. */
typedef struct BaleMessage {
    BaleSeverity severity;
    const char *code;     /* the code's name, printed in brackets: "resolve-not-found" */
    const char *file;     /* the path as printed (relative to working_dir when inside
                           * it); NULL: a diagnostic about no file */
    uint32_t line;        /* 1-based; 0 when there is no file or no text to count in */
    uint32_t column;      /* 1-based, in code points; 0 likewise */
    const char *text;     /* the message alone */
    const char *rendered; /* as bale prints it: location, severity, message and code,
                           * then the code frame and the notes; ends in a newline;
                           * with colors when options.color */
} BaleMessage;

typedef struct BaleResult {
    uint32_t errors;    /* diagnostics of severity error */
    uint32_t warnings;
    uint32_t outputs;   /* files written */

    const BaleMessage *messages; /* every diagnostic, whatever log_level, in the
                                  * order printed: by file, then position */
    uint32_t message_count;
    const char *diagnostics;     /* every message's rendered text, concatenated:
                                  * what to print; "" when log_level is SILENT */
    size_t diagnostics_len;
    const char *profile;         /* the --profile table; NULL unless options.profile */
    size_t profile_len;
    const char *graph;           /* the module graph dump; NULL unless options.dump_graph */
    size_t graph_len;
    const char *bundle;          /* when neither outfile nor outdir is set and the build
                                  * succeeded: the bundle's bundle_len bytes (no NUL after
                                  * them), for the caller to write (bale's command writes
                                  * them on stdout); else NULL */
    size_t bundle_len;

    void *internal_;             /* bale's: the storage of everything above */
} BaleResult;

/* Releases what result holds and zeroes it; a zeroed result is fine.
 * Can't fail. */
void bale_result_free(BaleResult *result);

/* ===== Building ========================================================= */

/* Bundles options->entry_points.  Outputs are written atomically: on any
 * error no output file is created or changed.  Each entry point gets one
 * bundle holding every module it reaches: at outfile, or outdir/<entry
 * name>.js, or, when neither is set (one entry only), in result->bundle
 * for the caller to write.  Nothing is printed: the diagnostics, the
 * profile and the bundle for standard output are in *result, which the
 * caller releases with bale_result_free (whatever the status).  result may
 * be NULL: then they are dropped.
 * Returns BALE_OK, BALE_ERR_INVALID_OPTIONS, BALE_ERR_BUILD (errors in the
 * input; every one in the module graph is reported), BALE_ERR_IO (an input
 * could not be read or an output written), or BALE_ERR_NOT_IMPLEMENTED
 * (splitting, define, or a construct the output cannot
 * express yet, such as import.meta or top-level await: see the
 * diagnostics). */
BaleStatus bale_build(const BaleOptions *options, BaleResult *result);

/* ===== Tools: one stage on its own =====================================
 * The `bale parse` and `bale resolve` commands, and tests, call these to
 * run a single stage of the pipeline. */

typedef enum BaleParseGoal {
    BALE_GOAL_AUTO,   /* module if the file has import/export (or is .mjs), else script */
    BALE_GOAL_MODULE,
    BALE_GOAL_SCRIPT,
} BaleParseGoal;

typedef enum BaleDump {
    BALE_DUMP_NONE,
    BALE_DUMP_AST,    /* the stable text form of the AST (tests compare it) */
    BALE_DUMP_SCOPES, /* the scope tree with each scope's symbols */
    BALE_DUMP_RECORD, /* the module record: imports, exports, requires... */
    BALE_DUMP_CJS_EXPORTS, /* the named exports Node's cjs-module-lexer finds (js/cjs_exports.h);
                            * printed whether or not the file parses */
    BALE_DUMP_PRINT,  /* the program printed back, compact (output/print.h) */
} BaleDump;

/* Parses the file at path.  Diagnostics go to stderr (if diags_out is
 * NULL) or to diags_out, with ANSI colors when color; the dump, if any,
 * to out.
 * Returns BALE_OK, BALE_ERR_BUILD (syntax or early errors) or BALE_ERR_IO
 * (the file cannot be read). */
BaleStatus bale_parse_file(const char *path, BaleParseGoal goal, BaleDump dump, FILE *out, FILE *diags_out,
                           bool color);

typedef enum BaleImportKind {
    BALE_IMPORT_ESM,     /* import / export from / import() */
    BALE_IMPORT_REQUIRE, /* require() */
} BaleImportKind;

/* Resolves request as written in a file inside from_dir, with the
 * resolution options of o (platform, conditions, main_fields,
 * resolve_extensions, aliases, externals, preserve_symlinks).
 * On success: *path_out is a malloc'd absolute path (the caller frees it),
 * or NULL when the request is external or maps to an empty module (the
 * browser field's false); *note_out (if not NULL) then gets a malloc'd word
 * saying which: "external" or "empty".
 * On failure: BALE_ERR_BUILD with the diagnostic printed on stderr (in
 * colors when o->color) unless o->log_level is SILENT. */
BaleStatus bale_resolve(const BaleOptions *o, const char *from_dir, const char *request,
                        BaleImportKind kind, char **path_out, char **note_out);

#ifdef __cplusplus
}
#endif

#endif
