/* output/mangle.h: short names for the bindings of a piece of output
 * (--minify-identifiers), and the sequence of short names that scope
 * hoisting also draws the chunk's top-level names from.
 *
 * How a piece's names are chosen (the technique of esbuild's renamer):
 * every binding of a nested scope gets a slot, numbered from where its
 * parent scope's slots end, so sibling scopes reuse the same slots and a
 * scope's slots never equal those of a scope around it; slots are then
 * ordered by how often their bindings are written (declarations and
 * references), and the most used gets the shortest name.  Two bindings
 * share a name only when neither scope encloses the other, so renaming
 * cannot make a reference see another binding.  A name is never one of
 * the piece's free names (globals, and the chunk's top level that the
 * piece refers to), a binding left as it is, or a reserved word.
 *
 * What keeps its name: the piece's top level (the chunk's names, chosen
 * by the hoist pass), `arguments`, everything in a piece with direct
 * eval or `with` (either can see any name), and, so that `.name` of a
 * function or class stays what the program made it, function and class
 * declarations and expressions with a name, and bindings that name an
 * anonymous function or class by being assigned one (`var f = () =>
 * {}`, `f = function () {}`, `{ f = class {} }`).
 *
 * Linear: one pass over symbols, scopes and references (the scope pass
 * marked the bindings that name a value), and a sort of the slots. */
#ifndef BALE_OUTPUT_MANGLE_H
#define BALE_OUTPUT_MANGLE_H

#include "base/arena.h"
#include "js/scope.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct OutMangled {
    const char *str; /* NULL: the binding keeps its name */
    uint32_t len;
} OutMangled;

/* The names of the bindings of a piece (its scopes) by JsSymbolId (index
 * 0 unused), in a; NULL when nothing is renamed.  Bindings whose names
 * start with keep_prefix (may be NULL) keep them too. */
OutMangled *out_mangle(const JsScopes *scopes, const char *keep_prefix, Arena *a);

/* The k-th short name (0: "a"), written to buf (NUL-terminated, at most
 * 8 bytes); its length.  Reserved words are in the sequence:
 * out_name_reserved says which to skip. */
uint32_t out_short_name(uint32_t k, char buf[9]);

/* Whether s[0..len) cannot be a binding's name in any code (a reserved
 * word, or a name the language or bale gives a meaning: arguments, eval,
 * undefined, NaN, Infinity). */
bool out_name_reserved(const char *s, uint32_t len);

#endif
