/* output/minify.h: the minifier (--minify, issue 10).
 *
 * Code generation writes each module's code by patching its source
 * (module_text.c); with --minify that code is then parsed again, on the
 * same worker, and printed from its AST (print.h): no comments, no white
 * space but where two tokens would run together, local bindings renamed
 * to short names (mangle.h), the shorter forms of --minify-syntax.  The
 * chunk's top-level names are short already: the hoist pass gives them
 * (seal/hoist.c), since one name there is seen by several modules.  Each
 * module is a piece: the statements of a hoisted module (module goal),
 * or a table entry's function (one expression, in its own mode: a
 * CommonJS module's stays sloppy).  With source maps the reprint's marks
 * compose with the code's own segments (sourcemap.h's out_map_reprint), so
 * the map still leads to the original sources.
 *
 * Reparsing costs a parse per module, on the pool, and keeps the patcher
 * the one writer of module code; the printer only ever sees valid code.
 * A piece that does not parse again (a bale bug) stays as it was, with an
 * internal warning. */
#ifndef BALE_OUTPUT_MINIFY_H
#define BALE_OUTPUT_MINIFY_H

#include "base/arena.h"
#include "base/diag.h"
#include "bale.h"
#include "output/output.h"

typedef enum OutPiece {
    OUT_PIECE_STATEMENTS, /* statements at the chunk's top level (module goal) */
    OUT_PIECE_EXPRESSION, /* one expression (script goal) */
} OutPiece;

/* Whether any --minify option is on. */
bool out_minifying(const BaleOptions *o);

/* Minifies text in place; with map (may be NULL or empty), its segments
 * too.  scratch is the caller's to reset.  Returns false (text and map
 * untouched) when text does not parse. */
bool out_minify_piece(VecChar *text, OutMapSegs *map, OutPiece kind, const BaleOptions *o, Arena *scratch);

/* A chunk's own code around its modules' (chunk_text.c): a script, or
 * with module an ES module; its bindings named __bale... keep their names
 * (the modules' code refers to them). */
bool out_minify_skeleton(VecChar *text, bool module, const BaleOptions *o, Arena *scratch);

/* Every piece of a module's generated code (output.h's OutModuleCode);
 * hoisted: its text is statements of the chunk.  A failure is a warning
 * in diags, about file. */
void out_minify_module(OutModuleCode *code, bool hoisted, const BaleOptions *o, Arena *scratch, DiagList *diags,
                       const DiagFile *file);

#endif
