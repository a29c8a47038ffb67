/* Contract of base/profile: registration by name, totals from many threads,
 * and the printed table. */
#include "unit.h"

#include "base/profile.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static Profile prof;
static uint32_t counter_id;

static void *count_a_lot(void *arg) {
    for (int i = 0; i < 100000; i++) profile_count(&prof, counter_id, 2);
    return arg;
}

static void registers_once_and_adds_from_threads(void **state) {
    profile_init(&prof);
    counter_id = profile_id(&prof, "tasks.build", PROFILE_COUNTER);
    uint32_t timer = profile_id(&prof, "parse", PROFILE_TIMER);
    assert_int_equal(profile_id(&prof, "tasks.build", PROFILE_COUNTER), counter_id);
    assert_int_not_equal(timer, counter_id);
    pthread_t t[4];
    for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, count_a_lot, NULL);
    for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    assert_int_equal(profile_total(&prof, counter_id), 800000);
    profile_add_ns(&prof, timer, 1500000);
    uint64_t t0 = profile_start();
    profile_stop(&prof, timer, t0);
    assert_true(profile_total(&prof, timer) >= 1500000);

    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    profile_print(&prof, f);
    fclose(f);
    assert_non_null(strstr(buf, "tasks.build"));
    assert_non_null(strstr(buf, "800000"));
    assert_non_null(strstr(buf, "parse"));
    assert_non_null(strstr(buf, " ms"));
    free(buf);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(registers_once_and_adds_from_threads),
    };
    return RUN(tests);
}
