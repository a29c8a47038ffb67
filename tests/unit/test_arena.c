/* Contract of base/arena: alignment, growth past a chunk, big requests,
 * reset reusing memory, and data surviving until reset. */
#include "unit.h"

#include "base/arena.h"

#include <string.h>

static void aligns_every_request(void **state) {
    Arena a;
    arena_init(&a, 128);
    for (size_t align = 1; align <= 4096; align *= 2) {
        char *p = arena_alloc(&a, 3, align);
        assert_int_equal((uintptr_t)p % align, 0);
        memset(p, 0xab, 3);
    }
    arena_free(&a);
}

static void grows_past_a_chunk_and_keeps_data(void **state) {
    Arena a;
    arena_init(&a, 64);
    uint32_t *ptrs[1000];
    for (uint32_t i = 0; i < 1000; i++) {
        ptrs[i] = ARENA_NEW(&a, uint32_t);
        *ptrs[i] = i * 7;
    }
    for (uint32_t i = 0; i < 1000; i++) assert_int_equal(*ptrs[i], i * 7);
    assert_true(a.used >= 1000 * sizeof(uint32_t));
    arena_free(&a);
}

static void serves_a_request_larger_than_any_chunk(void **state) {
    Arena a;
    arena_init(&a, 64);
    char *big = arena_alloc(&a, 1 << 20, 16);
    memset(big, 1, 1 << 20);
    char *small = arena_alloc(&a, 8, 8);
    memset(small, 2, 8);
    assert_int_equal(big[(1 << 20) - 1], 1);
    arena_free(&a);
}

static void zalloc_zeroes_and_strndup_terminates(void **state) {
    Arena a;
    arena_init(&a, 0);
    char *junk = arena_alloc(&a, 64, 1);
    memset(junk, 0xff, 64);
    arena_reset(&a);
    unsigned char *z = arena_zalloc(&a, 64, 1);
    for (int i = 0; i < 64; i++) assert_int_equal(z[i], 0);
    char *s = arena_strndup(&a, "hello world", 5);
    assert_string_equal(s, "hello");
    arena_free(&a);
}

static void reset_reuses_the_kept_chunk(void **state) {
    Arena a;
    arena_init(&a, 1024);
    void *first = arena_alloc(&a, 16, 16);
    for (int i = 0; i < 100; i++) arena_alloc(&a, 100, 8); /* several chunks */
    ArenaChunk *kept = a.chunk;
    arena_reset(&a);
    assert_int_equal(a.used, 0);
    assert_ptr_equal(a.chunk, kept); /* the newest (largest) chunk stays */
    for (int i = 0; i < 10; i++) arena_alloc(&a, 100, 8);
    assert_ptr_equal(a.chunk, kept); /* and serves new requests without growing */
    (void)first;
    arena_free(&a);
    assert_null(a.chunk);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(aligns_every_request),
        cmocka_unit_test(grows_past_a_chunk_and_keeps_data),
        cmocka_unit_test(serves_a_request_larger_than_any_chunk),
        cmocka_unit_test(zalloc_zeroes_and_strndup_terminates),
        cmocka_unit_test(reset_reuses_the_kept_chunk),
    };
    return RUN(tests);
}
