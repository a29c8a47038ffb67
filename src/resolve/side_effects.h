/* resolve/side_effects.h: what a package.json's "sideEffects" field says
 * about one file, the first thing tree shaking knows about a module.
 *
 * The field has three forms: false (no file of the package has side
 * effects), true, and an array of glob patterns naming the files that do
 * (every other file has none).  Which package.json owns a file is esbuild's
 * rule: the nearest directory at or above the file with a package.json,
 * whatever that package.json contains (DirInfo.pkg_dir; webpack reads the
 * same "description file").  A package.json without the field, or with a
 * value of the wrong type, says nothing (SIDE_EFFECTS_UNKNOWN).
 *
 * Glob patterns are read as esbuild and webpack read them (both turn a
 * pattern into a regular expression matched against the file's path in the
 * package):
 *   - a pattern without a '/' matches the file's name in any directory
 *     (both put a "**" segment before it); one with a '/' matches the path
 *     relative to the package directory, a leading "./" ignored;
 *   - '*' matches any run of characters but '/', and so does a run of
 *     stars that is not a whole path segment ("a**b");
 *   - "**" as a whole segment matches zero or more whole segments: "**"
 *     then "/x" matches "x" and "a/b/x", and a "**" after "src" everything in it;
 *   - '?' matches any one character, '/' included (both tools emit '.');
 *   - "{a,b}" matches either alternative (webpack; alternatives may hold
 *     wildcards and nest); a brace without its partner is an ordinary
 *     character.  esbuild reads braces literally, webpack as alternatives:
 *     we follow webpack, which is where the field comes from.
 *   - every other character matches itself; there are no [classes].
 *
 * Matching is a Thompson simulation of the compiled pattern (no
 * backtracking, no recursion): O(pattern x path) time whatever the number
 * of stars, so four "**" segments and then "a", against a deep path, cost
 * what "a" does times the pattern's length. */
#ifndef BALE_RESOLVE_SIDE_EFFECTS_H
#define BALE_RESOLVE_SIDE_EFFECTS_H

#include "base/arena.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct PackageJson;

/* What package.json says about one file (Module.side_effects). */
typedef enum FileSideEffects {
    FILE_SIDE_EFFECTS_UNKNOWN, /* no owning package.json, or it has no usable "sideEffects" */
    FILE_SIDE_EFFECTS_TRUE,    /* "sideEffects": true, or the file matches one of its patterns */
    FILE_SIDE_EFFECTS_FALSE,   /* "sideEffects": false, or a list the file does not match */
} FileSideEffects;

/* One compiled pattern. */
typedef struct SideEffectsGlob SideEffectsGlob;

/* Compiles pattern[0, len) as described above.  arena: a (the
 * package.json's).  Can't fail: every string is a pattern. */
const SideEffectsGlob *side_effects_glob_compile(Arena *a, const char *pattern, size_t len);

/* Whether rel[0, len), a path relative to the package directory ("src/a.js",
 * no leading "./"), matches g.  Thread-safe (g is read-only).  Can't fail. */
bool side_effects_glob_match(const SideEffectsGlob *g, const char *rel, size_t len);

/* What pkg (the package.json that owns the file, or NULL) says about the
 * file at path[0, len) (absolute, inside pkg's directory).  Thread-safe. */
FileSideEffects side_effects_of(const struct PackageJson *pkg, const char *path, size_t len);

#endif
