/* base/hash.h: the project's hash functions, all xxHash (libxxhash).
 * XXH3 for table lookups, XXH128 for content hashes that name output. */
#ifndef BALE_BASE_HASH_H
#define BALE_BASE_HASH_H

#include <stddef.h>
#include <stdint.h>

uint64_t hash_bytes(const void *p, size_t n);   /* XXH3-64 */
uint64_t hash_u64(uint64_t x);                  /* XXH3-64 of the 8 bytes */

typedef struct Hash128 { uint64_t lo, hi; } Hash128;
Hash128 hash128_bytes(const void *p, size_t n); /* XXH3-128 */

#endif
