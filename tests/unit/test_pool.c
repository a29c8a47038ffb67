/* Contract of base/pool: every submitted task value runs exactly once and
 * its result comes back exactly once, under load from all cores (this test
 * also runs under ThreadSanitizer). */
#include "unit.h"

#include "base/pool.h"

#include <stdlib.h>
#include <string.h>

typedef struct Task { uint32_t id; uint32_t salt; } Task;
typedef struct Result { uint32_t id; uint32_t worker; uint64_t check; } Result;

static void run_task(void *ctx, const void *tp, void *rp, PoolWorker *w) {
    const Task *t = tp;
    Result *r = rp;
    /* Touch the scratch arena: it must be usable and reset between tasks. */
    uint32_t *tmp = ARENA_NEW(&w->scratch, uint32_t);
    *tmp = t->id;
    r->id = *tmp;
    r->worker = w->index;
    r->check = (uint64_t)t->id * 2654435761u + t->salt;
    (void)ctx;
}

static void million_tasks_none_lost_none_twice(void **state) {
    enum { N = 1000000 };
    unsigned threads = pool_default_threads();
    if (threads < 2) threads = 2;
    Pool *p = pool_new(threads, sizeof(Task), sizeof(Result), run_task, NULL);
    uint8_t *seen = calloc(N, 1);
    uint32_t received = 0;
    /* Submit in bursts and drain as we go, as the make loop does. */
    for (uint32_t i = 0; i < N; i++) {
        Task t = {i, i ^ 0x5a5a5a5au};
        pool_submit(p, &t);
        Result r;
        while (pool_try_result(p, &r)) {
            assert_true(r.id < N);
            assert_int_equal(seen[r.id], 0);
            assert_int_equal(r.check, (uint64_t)r.id * 2654435761u + (r.id ^ 0x5a5a5a5au));
            assert_true(r.worker < threads);
            seen[r.id] = 1;
            received++;
        }
    }
    Result r;
    while (pool_wait_result(p, &r)) {
        assert_int_equal(seen[r.id], 0);
        assert_int_equal(r.check, (uint64_t)r.id * 2654435761u + (r.id ^ 0x5a5a5a5au));
        seen[r.id] = 1;
        received++;
    }
    assert_int_equal(received, N);
    assert_int_equal(pool_in_flight(p), 0);
    for (uint32_t i = 0; i < N; i++) assert_int_equal(seen[i], 1);
    PoolStats st = pool_stats(p);
    assert_int_equal(st.tasks, N);
    free(seen);
    pool_free(p);
}

static void wait_returns_false_when_idle(void **state) {
    Pool *p = pool_new(1, sizeof(Task), sizeof(Result), run_task, NULL);
    Result r;
    assert_false(pool_wait_result(p, &r));
    assert_false(pool_try_result(p, &r));
    Task t = {42, 0};
    pool_submit(p, &t);
    assert_int_equal(pool_in_flight(p), 1);
    assert_true(pool_wait_result(p, &r));
    assert_int_equal(r.id, 42);
    assert_false(pool_wait_result(p, &r));
    pool_free(p);
}

static void free_with_queued_tasks_does_not_hang(void **state) {
    Pool *p = pool_new(2, sizeof(Task), sizeof(Result), run_task, NULL);
    for (uint32_t i = 0; i < 10000; i++) {
        Task t = {i, 0};
        pool_submit(p, &t);
    }
    pool_free(p); /* drops what is still queued, joins the workers */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(million_tasks_none_lost_none_twice),
        cmocka_unit_test(wait_returns_false_when_idle),
        cmocka_unit_test(free_with_queued_tasks_does_not_hang),
    };
    return RUN(tests);
}
