/* base/profile.h: named timers and counters for `--profile`.
 *
 * A Profile is a fixed table of up to PROFILE_MAX entries, each a name, a
 * kind (timer or counter) and a 64-bit total updated with relaxed atomics,
 * so any thread may add to any entry without a lock.  Entries are registered
 * once (profile_id) and then addressed by index.  profile_print writes the
 * table to a stream in registration order (bale.c renders it into
 * BaleResult.profile; the command prints that on stderr). */
#ifndef BALE_BASE_PROFILE_H
#define BALE_BASE_PROFILE_H

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

enum { PROFILE_MAX = 128 };

typedef enum ProfileKind { PROFILE_COUNTER, PROFILE_TIMER } ProfileKind;

typedef struct ProfileEntry {
    const char *name;       /* borrowed: a string literal, usually */
    ProfileKind kind;
    _Atomic uint64_t total; /* count, or nanoseconds */
    _Atomic uint64_t calls; /* for timers: how many intervals were added */
} ProfileEntry;

typedef struct Profile {
    ProfileEntry entries[PROFILE_MAX];
    _Atomic uint32_t len;
} Profile;

void profile_init(Profile *p);

/* Finds or registers the entry called name.  Main thread only (register
 * before handing the profile to workers).  Aborts past PROFILE_MAX. */
uint32_t profile_id(Profile *p, const char *name, ProfileKind kind);

/* Thread-safe additions. */
void profile_count(Profile *p, uint32_t id, uint64_t n);
void profile_add_ns(Profile *p, uint32_t id, uint64_t ns);

uint64_t profile_total(const Profile *p, uint32_t id);

/* Timer helpers: uint64_t t = profile_start(); ... profile_stop(p, id, t); */
uint64_t profile_start(void);
void profile_stop(Profile *p, uint32_t id, uint64_t start);

/* Writes "name  total  calls" rows: timers in ms, counters as numbers. */
void profile_print(const Profile *p, FILE *out);

#endif
