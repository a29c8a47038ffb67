/* base/pool.c: worker threads, a task ring and a result ring (see pool.h).
 * Each ring has its own mutex and condition variable, so workers taking tasks
 * and workers handing back results do not contend with each other.
 * Ring slots and the workers' buffers have the pool's largest sizes; a
 * phase (pool_set_run) copies only its own sizes in and out.  A worker
 * reads the phase (run, ctx, sizes) under task_lock when it takes a task,
 * and pool_set_run writes it under the same lock while nothing is in
 * flight, so every task runs with the phase it was submitted in.
 * Memory: the rings and workers live on the C heap; each worker's scratch
 * arena is reset after every task. */
#include "base/pool.h"

#include "base/clock.h"
#include "base/mem.h"

#include <assert.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

typedef struct Ring {
    char *buf;
    size_t elem;             /* the slot size: the pool's largest value */
    uint32_t cap, head, len; /* cap is a power of two */
} Ring;

/* Copies n <= r->elem bytes of item into a new slot at the tail. */
static void ring_push(Ring *r, const void *item, size_t n) {
    if (r->len == r->cap) {
        uint32_t cap = r->cap ? r->cap * 2 : 256;
        if (cap < r->cap) mem_fatal("pool queue too large");
        char *buf = mem_alloc((size_t)cap * r->elem);
        for (uint32_t i = 0; i < r->len; i++)
            memcpy(buf + (size_t)i * r->elem, r->buf + (size_t)((r->head + i) & (r->cap - 1)) * r->elem, r->elem);
        mem_free(r->buf);
        r->buf = buf;
        r->cap = cap;
        r->head = 0;
    }
    memcpy(r->buf + (size_t)((r->head + r->len) & (r->cap - 1)) * r->elem, item, n);
    r->len++;
}

/* Copies the first n bytes of the head slot into out and drops it. */
static void ring_pop(Ring *r, void *out, size_t n) {
    memcpy(out, r->buf + (size_t)r->head * r->elem, n);
    r->head = (r->head + 1) & (r->cap - 1);
    r->len--;
}

typedef struct WorkerSlot {
    Pool *pool;
    pthread_t thread;
    PoolWorker w;
    uint64_t tasks, busy_ns, idle_ns; /* written by the worker, read after join or under task_lock */
} WorkerSlot;

/* What a phase is: written by pool_set_run, read by workers under task_lock. */
typedef struct Phase {
    PoolRunFn run;
    void *ctx;
    size_t task_size, result_size;
} Phase;

struct Pool {
    Phase phase;
    size_t task_max, result_max; /* the sizes given to pool_new */

    pthread_mutex_t task_lock;
    pthread_cond_t task_cv;
    Ring tasks;
    unsigned idle;      /* workers waiting on task_cv: signal only when one is */
    bool stopping;

    pthread_mutex_t result_lock;
    pthread_cond_t result_cv;
    Ring results;
    bool main_waiting;  /* the main thread waits on result_cv */
    uint64_t wake_at;   /* ... until this many results are queued (pool_drain: all of them) */

    uint64_t submitted, taken, main_wait_ns; /* main thread only */
    unsigned nworkers;
    WorkerSlot *workers;
};

unsigned pool_default_threads(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

static void *worker_main(void *arg) {
    WorkerSlot *slot = arg;
    Pool *p = slot->pool;
    /* Task and result buffers sized at runtime: one allocation per worker. */
    char *task = mem_alloc(p->tasks.elem);
    char *result = mem_alloc(p->results.elem);
    for (;;) {
        uint64_t t0 = clock_now_ns();
        pthread_mutex_lock(&p->task_lock);
        while (!p->tasks.len && !p->stopping) {
            p->idle++;
            pthread_cond_wait(&p->task_cv, &p->task_lock);
            p->idle--;
        }
        if (p->stopping) {
            pthread_mutex_unlock(&p->task_lock);
            break;
        }
        Phase ph = p->phase;
        ring_pop(&p->tasks, task, ph.task_size);
        pthread_mutex_unlock(&p->task_lock);

        uint64_t t1 = clock_now_ns();
        memset(result, 0, ph.result_size);
        ph.run(ph.ctx, task, result, &slot->w);
        arena_reset(&slot->w.scratch);
        uint64_t t2 = clock_now_ns();

        pthread_mutex_lock(&p->result_lock);
        ring_push(&p->results, result, ph.result_size);
        slot->tasks++;
        slot->idle_ns += t1 - t0;
        slot->busy_ns += t2 - t1;
        if (p->main_waiting && p->results.len >= p->wake_at) pthread_cond_signal(&p->result_cv);
        pthread_mutex_unlock(&p->result_lock);
    }
    mem_free(task);
    mem_free(result);
    return NULL;
}

Pool *pool_new(unsigned threads, size_t task_size, size_t result_size, PoolRunFn run, void *ctx) {
    Pool *p = mem_zalloc(sizeof *p);
    p->phase = (Phase){run, ctx, task_size, result_size};
    p->task_max = task_size;
    p->result_max = result_size;
    p->tasks.elem = task_size ? task_size : 1;
    p->results.elem = result_size ? result_size : 1;
    pthread_mutex_init(&p->task_lock, NULL);
    pthread_cond_init(&p->task_cv, NULL);
    pthread_mutex_init(&p->result_lock, NULL);
    pthread_cond_init(&p->result_cv, NULL);
    p->nworkers = threads ? threads : 1;
    p->workers = mem_zalloc(p->nworkers * sizeof(WorkerSlot));
    /* The stack is bale's choice, not the C library's default (8 MiB or
     * the stack limit with glibc, 128 KiB with musl): the parser and the
     * code generation walk recurse up to their nesting limits. */
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    if (pthread_attr_setstacksize(&attr, POOL_STACK_SIZE) != 0) mem_fatal("cannot set the worker stack size");
    /* Workers block every asynchronous signal (they inherit the mask they
     * are created with), so a signal sent to the process goes to the main
     * thread: the pool outlives the phases, and emit holds SIGINT and
     * SIGTERM on the main thread while it writes temporaries
     * (base/outfile.c), which a worker taking the signal would defeat.
     * Faults stay unblocked: they belong to the thread that caused them. */
    sigset_t async, old;
    sigfillset(&async);
    const int faults[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS, SIGABRT};
    for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++) sigdelset(&async, faults[i]);
    pthread_sigmask(SIG_BLOCK, &async, &old);
    for (unsigned i = 0; i < p->nworkers; i++) {
        WorkerSlot *s = &p->workers[i];
        s->pool = p;
        s->w.index = i;
        arena_init(&s->w.scratch, 0);
        if (pthread_create(&s->thread, &attr, worker_main, s) != 0) mem_fatal("cannot start worker thread");
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    return p;
}

void pool_set_run(Pool *p, PoolRunFn run, void *ctx, size_t task_size, size_t result_size) {
    assert(p->taken == p->submitted && "pool_set_run with tasks in flight");
    if (task_size > p->task_max || result_size > p->result_max) mem_fatal("pool phase larger than the pool");
    pthread_mutex_lock(&p->task_lock);
    p->phase = (Phase){run, ctx, task_size, result_size};
    pthread_mutex_unlock(&p->task_lock);
}

void pool_submit(Pool *p, const void *task) {
    assert(p->phase.run && "pool_submit before pool_set_run");
    pthread_mutex_lock(&p->task_lock);
    ring_push(&p->tasks, task, p->phase.task_size);
    /* A busy worker will find the task when it looks for its next one; a
     * futex wake-up is needed only when some worker sleeps. */
    if (p->idle) pthread_cond_signal(&p->task_cv);
    pthread_mutex_unlock(&p->task_lock);
    p->submitted++;
}

static bool take(Pool *p, void *out, bool block) {
    if (p->taken == p->submitted) return false;
    pthread_mutex_lock(&p->result_lock);
    if (!p->results.len && block) {
        uint64_t t0 = clock_now_ns();
        p->main_waiting = true;
        p->wake_at = 1;
        while (!p->results.len) pthread_cond_wait(&p->result_cv, &p->result_lock);
        p->main_waiting = false;
        p->main_wait_ns += clock_now_ns() - t0;
    }
    bool got = p->results.len > 0;
    if (got) ring_pop(&p->results, out, p->phase.result_size);
    pthread_mutex_unlock(&p->result_lock);
    if (got) p->taken++;
    return got;
}

bool pool_wait_result(Pool *p, void *out) { return take(p, out, true); }

void pool_drain(Pool *p) {
    uint64_t n = p->submitted - p->taken;
    if (!n) return;
    pthread_mutex_lock(&p->result_lock);
    if (p->results.len < n) {
        uint64_t t0 = clock_now_ns();
        p->main_waiting = true;
        p->wake_at = n; /* one wake-up, when the last is done */
        while (p->results.len < n) pthread_cond_wait(&p->result_cv, &p->result_lock);
        p->main_waiting = false;
        p->main_wait_ns += clock_now_ns() - t0;
    }
    p->results.head = (p->results.head + (uint32_t)n) & (p->results.cap - 1);
    p->results.len -= (uint32_t)n;
    pthread_mutex_unlock(&p->result_lock);
    p->taken += n;
}
bool pool_try_result(Pool *p, void *out) { return take(p, out, false); }

uint64_t pool_in_flight(const Pool *p) { return p->submitted - p->taken; }
unsigned pool_threads(const Pool *p) { return p->nworkers; }

PoolStats pool_stats(Pool *p) {
    PoolStats s = {0};
    pthread_mutex_lock(&p->result_lock);
    for (unsigned i = 0; i < p->nworkers; i++) {
        s.tasks += p->workers[i].tasks;
        s.worker_busy_ns += p->workers[i].busy_ns;
        s.worker_idle_ns += p->workers[i].idle_ns;
    }
    pthread_mutex_unlock(&p->result_lock);
    s.main_wait_ns = p->main_wait_ns;
    return s;
}

void pool_free(Pool *p) {
    if (!p) return;
    pthread_mutex_lock(&p->task_lock);
    p->stopping = true;
    pthread_cond_broadcast(&p->task_cv);
    pthread_mutex_unlock(&p->task_lock);
    for (unsigned i = 0; i < p->nworkers; i++) {
        pthread_join(p->workers[i].thread, NULL);
        arena_free(&p->workers[i].w.scratch);
    }
    pthread_mutex_destroy(&p->task_lock);
    pthread_cond_destroy(&p->task_cv);
    pthread_mutex_destroy(&p->result_lock);
    pthread_cond_destroy(&p->result_cv);
    mem_free(p->tasks.buf);
    mem_free(p->results.buf);
    mem_free(p->workers);
    mem_free(p);
}
