/* Contract of base/map: string and integer keys, overwrite, removal without
 * tombstones (checked against a reference array under random operations). */
#include "unit.h"

#include "base/map.h"

#include <stdio.h>
#include <string.h>

static void string_keys(void **state) {
    Map m = {0};
    uint64_t v;
    assert_false(map_get_str(&m, "a", 1, &v));
    assert_true(map_put_str(&m, "alpha", 5, 1));
    assert_true(map_put_str(&m, "beta", 4, 2));
    assert_false(map_put_str(&m, "alpha", 5, 3)); /* overwrite */
    assert_true(map_get_str(&m, "alpha", 5, &v));
    assert_int_equal(v, 3);
    assert_false(map_get_str(&m, "alph", 4, &v));
    assert_true(map_put_str(&m, "", 0, 9)); /* the empty string is a key */
    assert_true(map_get_str(&m, "", 0, &v));
    assert_int_equal(v, 9);
    assert_int_equal(m.len, 3);
    assert_true(map_remove_str(&m, "alpha", 5));
    assert_false(map_remove_str(&m, "alpha", 5));
    assert_false(map_get_str(&m, "alpha", 5, &v));
    assert_true(map_get_str(&m, "beta", 4, &v));
    assert_int_equal(v, 2);
    map_free(&m);
}

static void many_string_keys(void **state) {
    Map m = {0};
    static char keys[50000][16];
    for (int i = 0; i < 50000; i++) {
        snprintf(keys[i], sizeof keys[i], "k%d", i);
        assert_true(map_put_str(&m, keys[i], strlen(keys[i]), (uint64_t)i));
    }
    for (int i = 0; i < 50000; i++) {
        uint64_t v;
        assert_true(map_get_str(&m, keys[i], strlen(keys[i]), &v));
        assert_int_equal(v, (uint64_t)i);
    }
    assert_int_equal(m.len, 50000);
    map_free(&m);
}

/* Random puts and removes mirrored in a plain array: after every step the
 * map must agree with the array on every key, which catches a broken
 * backward shift (an entry stranded after its probe run's hole). */
static void random_ops_match_reference(void **state) {
    enum { KEYS = 2048, STEPS = 200000 };
    static int64_t ref[KEYS];
    for (int i = 0; i < KEYS; i++) ref[i] = -1;
    Map m = {0};
    uint64_t x = 88172645463325252ull;
    for (int step = 0; step < STEPS; step++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        uint32_t k = (uint32_t)(x % KEYS);
        if ((x >> 32) % 3 == 0) {
            bool had = ref[k] >= 0;
            assert_int_equal(map_remove_u64(&m, k * 1000003ull), had);
            ref[k] = -1;
        } else {
            assert_int_equal(map_put_u64(&m, k * 1000003ull, (uint64_t)step), ref[k] < 0);
            ref[k] = step;
        }
        if (step % 1000 == 0) {
            uint32_t live = 0;
            for (uint32_t j = 0; j < KEYS; j++) {
                uint64_t v;
                bool got = map_get_u64(&m, j * 1000003ull, &v);
                assert_int_equal(got, ref[j] >= 0);
                if (got) assert_int_equal(v, (uint64_t)ref[j]), live++;
            }
            assert_int_equal(live, m.len);
        }
    }
    map_clear(&m);
    assert_int_equal(m.len, 0);
    assert_false(map_get_u64(&m, 0, NULL));
    map_free(&m);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(string_keys),
        cmocka_unit_test(many_string_keys),
        cmocka_unit_test(random_ops_match_reference),
    };
    return RUN(tests);
}
