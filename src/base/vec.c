/* base/vec.c: the one growth function behind VEC_* (see vec.h). */
#include "base/vec.h"

#include "base/mem.h"

void vec_reserve_(void **data, uint32_t *cap, size_t elem, uint64_t need) {
    if (need <= *cap) return;
    if (need > UINT32_MAX) mem_fatal("array too large (more than 2^32 elements)");
    uint64_t n = *cap ? (uint64_t)*cap * 2 : 8;
    while (n < need) n *= 2;
    if (n > UINT32_MAX) n = UINT32_MAX;
    *data = mem_realloc(*data, (size_t)n * elem);
    *cap = (uint32_t)n;
}
