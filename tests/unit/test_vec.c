/* Contract of base/vec: push, grow, pop, and a zeroed vec being valid. */
#include "unit.h"

#include "base/vec.h"

typedef struct Pair { uint64_t a; uint32_t b; } Pair;
typedef VEC(Pair) VecPair;

static void push_keeps_order_across_growth(void **state) {
    VecU32 v = {0};
    for (uint32_t i = 0; i < 100000; i++) VEC_PUSH(&v, i * 3);
    assert_int_equal(v.len, 100000);
    assert_true(v.cap >= v.len);
    for (uint32_t i = 0; i < v.len; i++) assert_int_equal(v.data[i], i * 3);
    assert_int_equal(VEC_POP(&v), 99999 * 3);
    assert_int_equal(VEC_LAST(&v), 99998 * 3);
    VEC_FREE(&v);
    assert_null(v.data);
    assert_int_equal(v.len, 0);
}

static void structs_and_grow(void **state) {
    VecPair v = {0};
    Pair *p = VEC_GROW(&v, 3);
    for (int i = 0; i < 3; i++) p[i] = (Pair){(uint64_t)i << 40, (uint32_t)i};
    VEC_PUSH(&v, ((Pair){7, 8}));
    assert_int_equal(v.len, 4);
    assert_int_equal(v.data[2].a, (uint64_t)2 << 40);
    assert_int_equal(v.data[3].b, 8);
    VEC_CLEAR(&v);
    assert_int_equal(v.len, 0);
    VEC_FREE(&v);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(push_keeps_order_across_growth),
        cmocka_unit_test(structs_and_grow),
    };
    return RUN(tests);
}
