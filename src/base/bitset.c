/* base/bitset.c: word-at-a-time set operations (see bitset.h).
 * Bits at or past nbits in the last word are kept zero by every operation,
 * so count, equal and next need no masking. */
#include "base/bitset.h"

#include <string.h>

void bitset_init(Bitset *b, Arena *arena, uint32_t nbits) {
    b->nbits = nbits;
    b->words = ARENA_ZARRAY(arena, uint64_t, bitset_nwords(nbits) ? bitset_nwords(nbits) : 1);
}

void bitset_copy(Bitset *dst, const Bitset *src) {
    memcpy(dst->words, src->words, bitset_nwords(src->nbits) * sizeof(uint64_t));
}

void bitset_clear_all(Bitset *b) { memset(b->words, 0, bitset_nwords(b->nbits) * sizeof(uint64_t)); }

void bitset_fill(Bitset *b) {
    uint32_t n = bitset_nwords(b->nbits);
    if (!n) return;
    memset(b->words, 0xff, n * sizeof(uint64_t));
    if (b->nbits & 63) b->words[n - 1] = ((uint64_t)1 << (b->nbits & 63)) - 1;
}

bool bitset_union(Bitset *dst, const Bitset *src) {
    uint64_t changed = 0;
    for (uint32_t i = 0, n = bitset_nwords(dst->nbits); i < n; i++) {
        uint64_t w = dst->words[i] | src->words[i];
        changed |= w ^ dst->words[i];
        dst->words[i] = w;
    }
    return changed != 0;
}

bool bitset_intersect(Bitset *dst, const Bitset *src) {
    uint64_t changed = 0;
    for (uint32_t i = 0, n = bitset_nwords(dst->nbits); i < n; i++) {
        uint64_t w = dst->words[i] & src->words[i];
        changed |= w ^ dst->words[i];
        dst->words[i] = w;
    }
    return changed != 0;
}

void bitset_subtract(Bitset *dst, const Bitset *src) {
    for (uint32_t i = 0, n = bitset_nwords(dst->nbits); i < n; i++) dst->words[i] &= ~src->words[i];
}

bool bitset_equal(const Bitset *a, const Bitset *b) {
    return a->nbits == b->nbits &&
           memcmp(a->words, b->words, bitset_nwords(a->nbits) * sizeof(uint64_t)) == 0;
}

bool bitset_is_subset(const Bitset *a, const Bitset *b) {
    for (uint32_t i = 0, n = bitset_nwords(a->nbits); i < n; i++)
        if (a->words[i] & ~b->words[i]) return false;
    return true;
}

uint32_t bitset_count(const Bitset *b) {
    uint32_t c = 0;
    for (uint32_t i = 0, n = bitset_nwords(b->nbits); i < n; i++) c += (uint32_t)__builtin_popcountll(b->words[i]);
    return c;
}

uint32_t bitset_next(const Bitset *b, uint32_t from) {
    if (from >= b->nbits) return BITSET_NONE;
    uint32_t wi = from >> 6, n = bitset_nwords(b->nbits);
    uint64_t w = b->words[wi] & (~(uint64_t)0 << (from & 63));
    for (;;) {
        if (w) return (wi << 6) + (uint32_t)__builtin_ctzll(w);
        if (++wi >= n) return BITSET_NONE;
        w = b->words[wi];
    }
}
