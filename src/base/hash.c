/* base/hash.c: thin wrappers over libxxhash so that only one file includes it. */
#include "base/hash.h"

#include <xxhash.h>

uint64_t hash_bytes(const void *p, size_t n) { return XXH3_64bits(p, n); }

uint64_t hash_u64(uint64_t x) { return XXH3_64bits(&x, sizeof x); }

Hash128 hash128_bytes(const void *p, size_t n) {
    XXH128_hash_t h = XXH3_128bits(p, n);
    return (Hash128){h.low64, h.high64};
}
