/* bench/dispatch/bench_dispatch.c: what one call costs when it goes through
 * rspack's async_trait + Box<dyn Trait> (heap-allocate the future's state,
 * call through a function pointer loaded from a vtable, free), through a
 * plain function pointer, and through a `switch` on a tag (bale's task
 * loop), measured at the call counts that the seed's analysis
 * (/work/shared/seed/000_...txt, "async_trait & Dynamic Dispatch Overhead")
 * estimates for 10,000 modules.
 * In:  LABEL=COUNT arguments (default: the seed's six hot paths).
 * Out: two tab-separated lines per count on stdout: label, calls, the
 *      pattern of kinds, then the best total ns of each strategy (direct,
 *      switch, indirect, boxed).  Patterns: "random", each call's kind
 *      drawn at random among six (the branch predictor misses most
 *      dispatches: the worst case), and "same", one kind for every call
 *      (always predicted: the best case);
 *      bench/dispatch/run.sh turns them into results.md.
 * Not part of bale; built by the CMake target bench_dispatch
 * (EXCLUDE_FROM_ALL).
 *
 * Keeping the compiler honest: the work behind every strategy is the same
 * noinline function per kind, so the strategies differ by the dispatch
 * only; the kinds come from an array filled at run time (from a clock
 * seeded xorshift, or one kind read from the clock's parity); the
 * tables are read through volatile pointers, so they cannot be folded into
 * direct calls; each call's result feeds the next call's input, and the
 * last one is stored to a volatile sink; the boxed state escapes into the
 * indirect call, so malloc/free cannot be elided. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NOINLINE __attribute__((noinline))
enum { KINDS = 6, REPS = 15 };

static volatile uint64_t sink;

/* The work of one call: a few arithmetic instructions, different per kind
 * so that no two functions are merged. */
#define WORK(k)                                                        \
  static NOINLINE uint64_t work##k(uint64_t x) {                       \
    x ^= x >> (7 + k);                                                 \
    return x * (0x9E3779B97F4A7C15ull + 2 * k) + k;                    \
  }
WORK(0)
WORK(1)
WORK(2)
WORK(3)
WORK(4)
WORK(5)

/* (b) a plain indirect call. */
typedef uint64_t (*WorkFn)(uint64_t);
static const WorkFn work_fns[KINDS] = {work0, work1, work2, work3, work4, work5};
static const WorkFn *volatile work_table = work_fns;

/* (a) a boxed future: its state on the heap (64-128 bytes, as the seed
 * says), polled through a vtable, then dropped (freed). */
typedef struct Future {
  uint64_t input;
  uint64_t output;
  unsigned char rest[]; /* the rest of the state machine's captures */
} Future;
typedef struct FutureVtable {
  void (*poll)(Future *f);
  void (*drop)(Future *f);
  size_t size;
} FutureVtable;
#define POLL(k)                                                        \
  static NOINLINE void poll##k(Future *f) { f->output = work##k(f->input); }
POLL(0)
POLL(1)
POLL(2)
POLL(3)
POLL(4)
POLL(5)
static NOINLINE void drop_future(Future *f) { free(f); }
static const FutureVtable vtables[KINDS] = {
    {poll0, drop_future, 64}, {poll1, drop_future, 80},  {poll2, drop_future, 96},
    {poll3, drop_future, 112}, {poll4, drop_future, 128}, {poll5, drop_future, 72},
};
static const FutureVtable *volatile vtable_table = vtables;

static NOINLINE uint64_t run_direct(const uint8_t *kinds, size_t n, uint64_t x) {
  /* No dispatch: always the same function (the floor the others stand on). */
  for (size_t i = 0; i < n; i++) x = work0(x + kinds[i]);
  return x;
}

static NOINLINE uint64_t run_switch(const uint8_t *kinds, size_t n, uint64_t x) {
  for (size_t i = 0; i < n; i++) {
    switch (kinds[i]) {
    case 0: x = work0(x); break;
    case 1: x = work1(x); break;
    case 2: x = work2(x); break;
    case 3: x = work3(x); break;
    case 4: x = work4(x); break;
    default: x = work5(x); break;
    }
  }
  return x;
}

static NOINLINE uint64_t run_indirect(const uint8_t *kinds, size_t n, uint64_t x) {
  const WorkFn *table = work_table;
  for (size_t i = 0; i < n; i++) x = table[kinds[i]](x);
  return x;
}

static NOINLINE uint64_t run_boxed(const uint8_t *kinds, size_t n, uint64_t x) {
  const FutureVtable *table = vtable_table;
  for (size_t i = 0; i < n; i++) {
    const FutureVtable *vt = &table[kinds[i]];
    Future *f = malloc(vt->size);
    if (!f) abort();
    f->input = x;
    vt->poll(f);
    x = f->output;
    vt->drop(f);
  }
  return x;
}

typedef uint64_t (*Runner)(const uint8_t *, size_t, uint64_t);

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

/* The best of REPS runs of RUNNER over N calls, in ns. */
static double best_ns(Runner runner, const uint8_t *kinds, size_t n) {
  double best = 1e300;
  for (int r = 0; r < REPS; r++) {
    double t0 = now_ns();
    sink = runner(kinds, n, sink + (uint64_t)r);
    double t = now_ns() - t0;
    if (t < best) best = t;
  }
  return best;
}

int main(int argc, char **argv) {
  static const char *seed_rows[] = {
      "task runs (Task::main_run/background_run)=40000",
      "Module::build=10000",
      "Module::code_generation=10000",
      "ModuleFactory::create=10000",
      "Hook::call=110000",
      "dependency method calls=2500000",
  };
  const char **rows = argc > 1 ? (const char **)argv + 1 : seed_rows;
  int nrows = argc > 1 ? argc - 1 : (int)(sizeof seed_rows / sizeof *seed_rows);

  size_t max = 0;
  for (int i = 0; i < nrows; i++) {
    const char *eq = strrchr(rows[i], '=');
    size_t n = eq ? strtoull(eq + 1, NULL, 10) : 0;
    if (!eq || n == 0) {
      fprintf(stderr, "bench_dispatch: expected LABEL=COUNT, got '%s'\n", rows[i]);
      return 2;
    }
    if (n > max) max = n;
  }
  /* The kinds: xorshift seeded by the clock, so nothing is known at
   * compile time. */
  uint8_t *random = malloc(max), *same = malloc(max);
  if (!random || !same) abort();
  uint64_t s = (uint64_t)now_ns() | 1;
  uint8_t one = (uint8_t)(1 + (s & 2));
  for (size_t i = 0; i < max; i++) {
    s ^= s << 13, s ^= s >> 7, s ^= s << 17;
    random[i] = (uint8_t)(s % KINDS);
    same[i] = one;
  }
  /* Warm up the allocator's free lists and the caches once over the
   * largest count. */
  sink = run_boxed(random, max, run_indirect(random, max, run_switch(random, max, run_direct(random, max, 1))));

  printf("label\tcalls\tpattern\tdirect_ns\tswitch_ns\tindirect_ns\tboxed_ns\n");
  for (int i = 0; i < nrows; i++) {
    const char *eq = strrchr(rows[i], '=');
    size_t n = strtoull(eq + 1, NULL, 10);
    for (int p = 0; p < 2; p++) {
      const uint8_t *kinds = p ? same : random;
      double d = best_ns(run_direct, kinds, n);
      double sw = best_ns(run_switch, kinds, n);
      double ind = best_ns(run_indirect, kinds, n);
      double box = best_ns(run_boxed, kinds, n);
      printf("%.*s\t%zu\t%s\t%.0f\t%.0f\t%.0f\t%.0f\n", (int)(eq - rows[i]), rows[i], n, p ? "same" : "random", d, sw, ind,
             box);
    }
  }
  free(random);
  free(same);
  return 0;
}
