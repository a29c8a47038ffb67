/* Contract of base/bitset: single bits, word-wise operations and iteration,
 * across word boundaries and with a partial last word. */
#include "unit.h"

#include "base/bitset.h"

static void set_test_clear_across_words(void **state) {
    Arena a;
    arena_init(&a, 0);
    Bitset b;
    bitset_init(&b, &a, 130);
    uint32_t idx[] = {0, 1, 63, 64, 127, 128, 129};
    for (unsigned i = 0; i < 7; i++) bitset_set(&b, idx[i]);
    for (unsigned i = 0; i < 7; i++) assert_true(bitset_test(&b, idx[i]));
    assert_false(bitset_test(&b, 2));
    assert_false(bitset_test(&b, 65));
    assert_int_equal(bitset_count(&b), 7);
    bitset_clear(&b, 64);
    assert_false(bitset_test(&b, 64));
    assert_int_equal(bitset_count(&b), 6);
    arena_free(&a);
}

static void union_intersect_subtract_report_change(void **state) {
    Arena a;
    arena_init(&a, 0);
    Bitset x, y, z;
    bitset_init(&x, &a, 200);
    bitset_init(&y, &a, 200);
    bitset_init(&z, &a, 200);
    for (uint32_t i = 0; i < 200; i += 2) bitset_set(&x, i); /* evens */
    for (uint32_t i = 0; i < 200; i += 3) bitset_set(&y, i); /* multiples of 3 */
    bitset_copy(&z, &x);
    assert_true(bitset_equal(&z, &x));
    assert_true(bitset_union(&z, &y));
    assert_false(bitset_union(&z, &y)); /* nothing new the second time */
    for (uint32_t i = 0; i < 200; i++) assert_int_equal(bitset_test(&z, i), i % 2 == 0 || i % 3 == 0);
    assert_true(bitset_is_subset(&x, &z));
    assert_false(bitset_is_subset(&z, &x));
    assert_true(bitset_intersect(&z, &y));
    assert_true(bitset_equal(&z, &y));
    assert_false(bitset_intersect(&z, &y));
    bitset_subtract(&z, &x); /* multiples of 3 that are odd */
    for (uint32_t i = 0; i < 200; i++) assert_int_equal(bitset_test(&z, i), i % 3 == 0 && i % 2 == 1);
    arena_free(&a);
}

static void fill_stays_below_nbits_and_next_iterates(void **state) {
    Arena a;
    arena_init(&a, 0);
    Bitset b;
    bitset_init(&b, &a, 70);
    bitset_fill(&b);
    assert_int_equal(bitset_count(&b), 70);
    bitset_clear_all(&b);
    assert_int_equal(bitset_next(&b, 0), BITSET_NONE);
    uint32_t want[] = {3, 63, 64, 69};
    for (unsigned i = 0; i < 4; i++) bitset_set(&b, want[i]);
    unsigned n = 0;
    for (uint32_t i = bitset_next(&b, 0); i != BITSET_NONE; i = bitset_next(&b, i + 1)) {
        assert_true(n < 4);
        assert_int_equal(i, want[n++]);
    }
    assert_int_equal(n, 4);
    assert_int_equal(bitset_next(&b, 70), BITSET_NONE);
    assert_int_equal(bitset_next(&b, 65), 69);
    arena_free(&a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(set_test_clear_across_words),
        cmocka_unit_test(union_intersect_subtract_report_change),
        cmocka_unit_test(fill_stays_below_nbits_and_next_iterates),
    };
    return RUN(tests);
}
