/* Contract of base/pool: every submitted task value runs exactly once and
 * its result comes back exactly once, under load from all cores, and an
 * idle pool switches to another phase's run function and sizes (this test
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

/* The second phase of a pool: a smaller task (an id alone) and a larger
 * context, as seal's code generation after make. */
typedef struct Sums { uint64_t *by_id; } Sums;

static void run_square(void *ctx, const void *tp, void *rp, PoolWorker *w) {
    Sums *sums = ctx;
    uint32_t id = *(const uint32_t *)tp;
    sums->by_id[id] = (uint64_t)id * id; /* each task owns its slot */
    *(uint32_t *)rp = id;
    (void)w;
}

/* Runs n tasks of the first phase and checks every result. */
static void run_first_phase(Pool *p, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) {
        Task t = {i, 7};
        pool_submit(p, &t);
    }
    Result r;
    uint32_t got = 0;
    while (pool_wait_result(p, &r)) {
        assert_int_equal(r.check, (uint64_t)r.id * 2654435761u + 7);
        got++;
    }
    assert_int_equal(got, n);
}

static void phases_switch_run_function_and_sizes(void **state) {
    enum { N = 100000 };
    unsigned threads = pool_default_threads();
    if (threads < 2) threads = 2;
    Pool *p = pool_new(threads, sizeof(Task), sizeof(Result), run_task, NULL);
    run_first_phase(p, N);

    Sums sums = {calloc(N, sizeof(uint64_t))};
    pool_set_run(p, run_square, &sums, sizeof(uint32_t), sizeof(uint32_t));
    uint8_t *seen = calloc(N, 1);
    for (uint32_t i = 0; i < N; i++) pool_submit(p, &i);
    uint32_t id, got = 0;
    while (pool_wait_result(p, &id)) {
        assert_true(id < N);
        assert_int_equal(seen[id], 0);
        seen[id] = 1;
        got++;
    }
    assert_int_equal(got, N);
    for (uint32_t i = 0; i < N; i++) assert_int_equal(sums.by_id[i], (uint64_t)i * i);

    /* And back: the workers and the rings serve the first phase again. */
    pool_set_run(p, run_task, NULL, sizeof(Task), sizeof(Result));
    run_first_phase(p, N);
    assert_int_equal(pool_stats(p).tasks, 3 * (uint64_t)N);
    free(seen);
    free(sums.by_id);
    pool_free(p);
}

/* A pool created without a run function gets its first phase later. */
static void first_phase_set_after_new(void **state) {
    Pool *p = pool_new(2, sizeof(Task), sizeof(Result), NULL, NULL);
    pool_set_run(p, run_task, NULL, sizeof(Task), sizeof(Result));
    run_first_phase(p, 1000);
    pool_free(p);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(million_tasks_none_lost_none_twice),
        cmocka_unit_test(wait_returns_false_when_idle),
        cmocka_unit_test(free_with_queued_tasks_does_not_hang),
        cmocka_unit_test(phases_switch_run_function_and_sizes),
        cmocka_unit_test(first_phase_set_after_new),
    };
    return RUN(tests);
}
