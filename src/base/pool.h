/* base/pool.h: a fixed set of worker threads fed by a queue of task values.
 *
 * The pool knows nothing of what a task is: it copies task_size bytes in and
 * result_size bytes out, and calls one run function for every task (the make
 * phase's run function is a switch on its task kind).  Both queues are ring
 * buffers that grow by doubling, so submitting a task never allocates once
 * the rings have reached their working size.
 *
 * One thread (the "main" thread, usually the one that created the pool)
 * submits tasks and drains results; workers only run tasks.  Results arrive
 * in completion order, which depends on scheduling: callers that need
 * deterministic output order results by a stable key themselves.
 *
 * One pool serves the build's phases in turn (make, then seal's code
 * generation: src/compiler.c).  It is created with the largest task and
 * result sizes any phase uses; between phases, while it is idle, the main
 * thread installs the next phase's run function, context and sizes with
 * pool_set_run.  The workers and their scratch arenas stay. */
#ifndef BALE_BASE_POOL_H
#define BALE_BASE_POOL_H

#include "base/arena.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Every worker thread's stack: enough for the parser at its nesting limit
 * (js/parse_internal.h) under AddressSanitizer, on any C library. */
enum { POOL_STACK_SIZE = 64 << 20 };

typedef struct PoolWorker {
    unsigned index;  /* 0..threads-1 */
    Arena scratch;   /* reset after every task: results must not point into it */
} PoolWorker;

/* Runs one task.  task points to task_size bytes (valid during the call);
 * result points to result_size zeroed bytes that the pool then queues. */
typedef void (*PoolRunFn)(void *ctx, const void *task, void *result, PoolWorker *worker);

typedef struct Pool Pool;

typedef struct PoolStats {
    uint64_t tasks;          /* tasks run */
    uint64_t worker_busy_ns; /* summed over workers: time inside run */
    uint64_t worker_idle_ns; /* summed over workers: time waiting for a task */
    uint64_t main_wait_ns;   /* time the main thread waited for a result */
} PoolStats;

/* Starts `threads` workers (>= 1).  task_size and result_size are the
 * largest values any phase will queue (the ring slots and the workers'
 * buffers have that size); they are also the first phase's sizes, with run
 * and ctx (passed to run unchanged).  run may be NULL when pool_set_run
 * installs the first phase before any submit.  Workers block asynchronous
 * signals (SIGINT, SIGTERM...), which therefore reach the calling thread.
 * Can't fail (aborts if threads cannot be created). */
Pool *pool_new(unsigned threads, size_t task_size, size_t result_size, PoolRunFn run, void *ctx);

/* Starts a phase: every task submitted from now on has task_size bytes, is
 * run by run(ctx, ...), and gives result_size bytes back (each at most the
 * size given to pool_new; aborts otherwise).  Only while the pool is idle:
 * no task queued or running and every result taken (pool_in_flight is 0;
 * asserted), so no worker can see a task of one phase with the run
 * function of another.  Main thread only.  Can't fail. */
void pool_set_run(Pool *p, PoolRunFn run, void *ctx, size_t task_size, size_t result_size);

/* Copies the task (the phase's task_size bytes) into the queue and wakes a
 * worker.  Main thread only. */
void pool_submit(Pool *p, const void *task);

/* Copies the next result (the phase's result_size bytes) into out.  Blocks while tasks are in flight and no
 * result is ready; returns false at once when every submitted task's result
 * has been taken.  Main thread only. */
bool pool_wait_result(Pool *p, void *out);

/* Waits until every submitted task is done and drops their results: one
 * wake-up of the main thread in all, where pool_wait_result takes one a
 * result.  Main thread only. */
void pool_drain(Pool *p);

/* Like pool_wait_result but never blocks: false when no result is ready. */
bool pool_try_result(Pool *p, void *out);

/* Submitted tasks whose result has not been taken yet.  Main thread only. */
uint64_t pool_in_flight(const Pool *p);

unsigned pool_threads(const Pool *p);

/* Totals since pool_new, over every phase: a phase that wants its own
 * figures subtracts the stats taken when it started. */
PoolStats pool_stats(Pool *p);

/* Stops and joins the workers; tasks still queued are dropped. */
void pool_free(Pool *p);

/* The number of online CPUs (at least 1). */
unsigned pool_default_threads(void);

#endif
