/* base/profile.c: the --profile table (see profile.h). */
#include "base/profile.h"

#include "base/mem.h"
#include "base/clock.h"

#include <string.h>

void profile_init(Profile *p) {
    memset(p, 0, sizeof *p);
}

uint32_t profile_id(Profile *p, const char *name, ProfileKind kind) {
    uint32_t n = atomic_load_explicit(&p->len, memory_order_relaxed);
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(p->entries[i].name, name) == 0) return i;
    if (n == PROFILE_MAX) mem_fatal("too many profile entries");
    p->entries[n].name = name;
    p->entries[n].kind = kind;
    atomic_store_explicit(&p->len, n + 1, memory_order_release);
    return n;
}

void profile_count(Profile *p, uint32_t id, uint64_t n) {
    atomic_fetch_add_explicit(&p->entries[id].total, n, memory_order_relaxed);
    atomic_fetch_add_explicit(&p->entries[id].calls, 1, memory_order_relaxed);
}

void profile_add_ns(Profile *p, uint32_t id, uint64_t ns) { profile_count(p, id, ns); }

uint64_t profile_total(const Profile *p, uint32_t id) {
    return atomic_load_explicit(&p->entries[id].total, memory_order_relaxed);
}

uint64_t profile_start(void) { return clock_now_ns(); }

void profile_stop(Profile *p, uint32_t id, uint64_t start) { profile_add_ns(p, id, clock_now_ns() - start); }

void profile_print(const Profile *p, FILE *out) {
    uint32_t n = atomic_load_explicit(&p->len, memory_order_acquire);
    int w = 4;
    for (uint32_t i = 0; i < n; i++) {
        int l = (int)strlen(p->entries[i].name);
        if (l > w) w = l;
    }
    fprintf(out, "%-*s  %14s  %10s\n", w, "name", "total", "calls");
    for (uint32_t i = 0; i < n; i++) {
        const ProfileEntry *e = &p->entries[i];
        uint64_t total = atomic_load_explicit(&e->total, memory_order_relaxed);
        uint64_t calls = atomic_load_explicit(&e->calls, memory_order_relaxed);
        if (e->kind == PROFILE_TIMER)
            fprintf(out, "%-*s  %11.3f ms  %10llu\n", w, e->name, (double)total / 1e6, (unsigned long long)calls);
        else
            fprintf(out, "%-*s  %14llu  %10llu\n", w, e->name, (unsigned long long)total, (unsigned long long)calls);
    }
}
