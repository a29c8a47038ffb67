/* base/intern.c: sharded, thread-safe string interner (see intern.h).
 * Each shard owns a Map from bytes to Istr* and an arena holding the Istrs;
 * the map's keys point into those Istrs, so nothing is copied twice.
 * The shard is picked by the top bits of the hash and the slot by the low
 * bits, so the two choices stay independent. */
#include "base/intern.h"

#include "base/arena.h"
#include "base/hash.h"
#include "base/map.h"
#include "base/mem.h"

#include <pthread.h>
#include <string.h>

enum { SHARD_BITS = 6, SHARDS = 1 << SHARD_BITS };

typedef struct Shard {
    pthread_mutex_t lock;
    Map map;     /* bytes -> (uintptr_t)Istr* */
    Arena arena; /* the Istrs */
    char pad[64];
} Shard;

struct Interner {
    Shard shards[SHARDS];
};

Interner *interner_new(void) {
    Interner *in = mem_zalloc(sizeof *in);
    for (int i = 0; i < SHARDS; i++) {
        pthread_mutex_init(&in->shards[i].lock, NULL);
        arena_init(&in->shards[i].arena, 16 * 1024);
    }
    return in;
}

void interner_free(Interner *in) {
    if (!in) return;
    for (int i = 0; i < SHARDS; i++) {
        pthread_mutex_destroy(&in->shards[i].lock);
        map_free(&in->shards[i].map);
        arena_free(&in->shards[i].arena);
    }
    mem_free(in);
}

const Istr *intern(Interner *in, const char *s, size_t len) {
    if (len > UINT32_MAX) mem_fatal("string too long to intern");
    uint64_t h = hash_bytes(s, len);
    Shard *sh = &in->shards[h >> (64 - SHARD_BITS)];
    pthread_mutex_lock(&sh->lock);
    bool inserted;
    MapSlot *slot = map_entry_str(&sh->map, s, len, h, 0, &inserted);
    if (inserted) {
        Istr *is = arena_alloc(&sh->arena, sizeof(Istr) + len + 1, alignof(Istr));
        is->hash = h;
        is->len = (uint32_t)len;
        memcpy(is->str, s, len);
        is->str[len] = '\0';
        slot->value = (uint64_t)(uintptr_t)is;
        slot->key = (uint64_t)(uintptr_t)is->str; /* the caller's s is only borrowed */
    }
    const Istr *res = (const Istr *)(uintptr_t)slot->value;
    pthread_mutex_unlock(&sh->lock);
    return res;
}

const Istr *intern_cstr(Interner *in, const char *s) { return intern(in, s, strlen(s)); }

size_t interner_count(Interner *in) {
    size_t n = 0;
    for (int i = 0; i < SHARDS; i++) {
        pthread_mutex_lock(&in->shards[i].lock);
        n += in->shards[i].map.len;
        pthread_mutex_unlock(&in->shards[i].lock);
    }
    return n;
}
