/* base/intern.h: string interning shared by all threads of a build.
 *
 * Interning a string returns a pointer to one canonical copy, so two interned
 * strings are equal exactly when their pointers are: module paths, export
 * names and package names compare and hash as pointers from then on.
 * The table is split into shards by hash, each behind its own mutex, so
 * workers interning at once rarely wait on each other.  The copies live in
 * the interner's own arenas until interner_free(). */
#ifndef BALE_BASE_INTERN_H
#define BALE_BASE_INTERN_H

#include <stddef.h>
#include <stdint.h>

typedef struct Istr {
    uint64_t hash;   /* hash_bytes of the bytes */
    uint32_t len;
    char str[];      /* len bytes, then a NUL */
} Istr;

typedef struct Interner Interner;

Interner *interner_new(void);
void interner_free(Interner *in);

/* Returns the canonical copy of s[0..len).  Thread-safe.  The result is
 * valid until interner_free().  Can't fail. */
const Istr *intern(Interner *in, const char *s, size_t len);
const Istr *intern_cstr(Interner *in, const char *s);

/* Number of distinct strings (takes every shard lock; for stats and tests). */
size_t interner_count(Interner *in);

#endif
