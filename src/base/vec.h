/* base/vec.h: growable arrays of any element type, on the C heap.
 *
 *   typedef VEC(uint32_t) VecU32;
 *   VecU32 v = {0};
 *   VEC_PUSH(&v, 7);
 *   for (uint32_t i = 0; i < v.len; i++) use(v.data[i]);
 *   VEC_FREE(&v);
 *
 * A zeroed Vec is empty and valid.  Growth doubles the capacity, so a push is
 * amortized O(1); pointers into data are invalidated by any push.  Lengths are
 * 32-bit: bale indexes modules, dependencies and tokens with uint32_t. */
#ifndef BALE_BASE_VEC_H
#define BALE_BASE_VEC_H

#include <stddef.h>
#include <stdint.h>

#define VEC(T) struct { T *data; uint32_t len, cap; }

/* Makes room for at least need elements of size elem in *data.  Can't fail
 * (aborts on OOM or when need does not fit in 32 bits). */
void vec_reserve_(void **data, uint32_t *cap, size_t elem, uint64_t need);

#define VEC_RESERVE(v, n) \
    vec_reserve_((void **)&(v)->data, &(v)->cap, sizeof(*(v)->data), (uint64_t)(v)->len + (n))

#define VEC_PUSH(v, x)                                                          \
    do {                                                                        \
        if ((v)->len == (v)->cap) VEC_RESERVE((v), 1);                          \
        (v)->data[(v)->len++] = (x);                                            \
    } while (0)

/* Appends n uninitialized elements and returns a pointer to the first. */
#define VEC_GROW(v, n) (VEC_RESERVE((v), (n)), (v)->len += (n), (v)->data + (v)->len - (n))

#define VEC_POP(v) ((v)->data[--(v)->len])
#define VEC_LAST(v) ((v)->data[(v)->len - 1])
#define VEC_CLEAR(v) ((v)->len = 0)
#define VEC_FREE(v) (mem_free((v)->data), (v)->data = NULL, (v)->len = (v)->cap = 0)

typedef VEC(uint32_t) VecU32;
typedef VEC(char) VecChar;

#include "base/mem.h"

#endif
