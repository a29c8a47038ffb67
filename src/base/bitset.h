/* base/bitset.h: fixed-width bitsets over uint64 words.
 *
 * The chunk graph's "available modules" sets are these, one bit per module
 * index, where rspack uses arbitrary-precision integers: union and
 * intersection are one pass over nbits/64 words, no allocation.
 * All sets combined by one operation must have the same nbits. */
#ifndef BALE_BASE_BITSET_H
#define BALE_BASE_BITSET_H

#include "base/arena.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct Bitset {
    uint64_t *words; /* arena: the one given to bitset_init */
    uint32_t nbits;
} Bitset;

#define BITSET_NONE UINT32_MAX

static inline uint32_t bitset_nwords(uint32_t nbits) { return (nbits + 63) / 64; }

/* An empty set of nbits bits, allocated in arena.  Can't fail. */
void bitset_init(Bitset *b, Arena *arena, uint32_t nbits);
void bitset_copy(Bitset *dst, const Bitset *src); /* same nbits */

static inline void bitset_set(Bitset *b, uint32_t i) { b->words[i >> 6] |= (uint64_t)1 << (i & 63); }
static inline void bitset_clear(Bitset *b, uint32_t i) { b->words[i >> 6] &= ~((uint64_t)1 << (i & 63)); }
static inline bool bitset_test(const Bitset *b, uint32_t i) { return (b->words[i >> 6] >> (i & 63)) & 1; }

void bitset_clear_all(Bitset *b);
void bitset_fill(Bitset *b);                          /* every bit below nbits */
/* dst |= src.  Returns true if dst changed (fixpoint loops need that). */
bool bitset_union(Bitset *dst, const Bitset *src);
/* dst &= src.  Returns true if dst changed. */
bool bitset_intersect(Bitset *dst, const Bitset *src);
void bitset_subtract(Bitset *dst, const Bitset *src); /* dst &= ~src */
bool bitset_equal(const Bitset *a, const Bitset *b);
bool bitset_is_subset(const Bitset *a, const Bitset *b); /* a ⊆ b */
uint32_t bitset_count(const Bitset *b);
/* Smallest set index >= from, or BITSET_NONE:
 *   for (uint32_t i = bitset_next(b, 0); i != BITSET_NONE; i = bitset_next(b, i + 1)) */
uint32_t bitset_next(const Bitset *b, uint32_t from);

#endif
