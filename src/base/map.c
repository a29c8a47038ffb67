/* base/map.c: linear-probing hash map with stored hashes and backward-shift
 * removal.  See map.h for the contract.  Memory: the C heap. */
#include "base/map.h"

#include "base/hash.h"
#include "base/mem.h"

#include <string.h>

static uint64_t fix_hash(uint64_t h) { return h ? h : 1; }

static bool same_key(const MapSlot *s, uint64_t hash, uint64_t key, const char *str, uint32_t len) {
    if (s->hash != hash) return false;
    if (!str) return s->key == key;
    return s->key_len == len && memcmp((const char *)(uintptr_t)s->key, str, len) == 0;
}

/* Index of the slot holding the key, or of the empty slot where it would go.
 * The table must have at least one empty slot. */
static uint32_t find(const Map *m, uint64_t hash, uint64_t key, const char *str, uint32_t len) {
    uint32_t mask = m->cap - 1;
    uint32_t i = (uint32_t)hash & mask;
    while (m->slots[i].hash && !same_key(&m->slots[i], hash, key, str, len)) i = (i + 1) & mask;
    return i;
}

static void resize(Map *m, uint32_t cap) {
    MapSlot *old = m->slots;
    uint32_t old_cap = m->cap;
    m->slots = mem_zalloc((size_t)cap * sizeof(MapSlot));
    m->cap = cap;
    uint32_t mask = cap - 1;
    for (uint32_t j = 0; j < old_cap; j++) {
        if (!old[j].hash) continue;
        uint32_t i = (uint32_t)old[j].hash & mask;
        while (m->slots[i].hash) i = (i + 1) & mask;
        m->slots[i] = old[j];
    }
    mem_free(old);
}

static void reserve_one(Map *m) {
    if (m->cap == 0) resize(m, 16);
    else if ((uint64_t)(m->len + 1) * 4 > (uint64_t)m->cap * 3) {
        if (m->cap >= (1u << 31)) mem_fatal("hash map too large");
        resize(m, m->cap * 2);
    }
}

static MapSlot *entry(Map *m, uint64_t hash, uint64_t key, const char *str, uint32_t len,
                       uint64_t init, bool *inserted) {
    reserve_one(m);
    uint32_t i = find(m, hash, key, str, len);
    MapSlot *s = &m->slots[i];
    *inserted = s->hash == 0;
    if (*inserted) {
        s->hash = hash;
        s->key = str ? (uint64_t)(uintptr_t)str : key;
        s->key_len = len;
        s->value = init;
        m->len++;
    }
    return s;
}

static bool get(const Map *m, uint64_t hash, uint64_t key, const char *str, uint32_t len, uint64_t *value) {
    if (!m->len) return false;
    const MapSlot *s = &m->slots[find(m, hash, key, str, len)];
    if (!s->hash) return false;
    if (value) *value = s->value;
    return true;
}

/* Backward-shift deletion: pull later entries of the same probe run into the
 * hole so that no lookup ever needs a tombstone. */
static bool remove_at(Map *m, uint64_t hash, uint64_t key, const char *str, uint32_t len) {
    if (!m->len) return false;
    uint32_t mask = m->cap - 1;
    uint32_t hole = find(m, hash, key, str, len);
    if (!m->slots[hole].hash) return false;
    uint32_t i = hole;
    for (;;) {
        i = (i + 1) & mask;
        if (!m->slots[i].hash) break;
        uint32_t home = (uint32_t)m->slots[i].hash & mask;
        /* Move i into the hole if its home is not in (hole, i] cyclically. */
        bool between = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
        if (!between) {
            m->slots[hole] = m->slots[i];
            hole = i;
        }
    }
    m->slots[hole].hash = 0;
    m->len--;
    return true;
}

static uint32_t len32(size_t len) {
    if (len > UINT32_MAX) mem_fatal("hash map key too long");
    return (uint32_t)len;
}

bool map_get_str(const Map *m, const char *key, size_t len, uint64_t *value) {
    return get(m, fix_hash(hash_bytes(key, len)), 0, key, len32(len), value);
}

MapSlot *map_entry_str(Map *m, const char *key, size_t len, uint64_t hash, uint64_t init, bool *inserted) {
    if (!hash) hash = hash_bytes(key, len);
    return entry(m, fix_hash(hash), 0, key, len32(len), init, inserted);
}

bool map_put_str(Map *m, const char *key, size_t len, uint64_t value) {
    bool inserted;
    map_entry_str(m, key, len, 0, value, &inserted)->value = value;
    return inserted;
}

bool map_remove_str(Map *m, const char *key, size_t len) {
    return remove_at(m, fix_hash(hash_bytes(key, len)), 0, key, len32(len));
}

bool map_get_u64(const Map *m, uint64_t key, uint64_t *value) {
    return get(m, fix_hash(hash_u64(key)), key, NULL, 0, value);
}

bool map_put_u64(Map *m, uint64_t key, uint64_t value) {
    bool inserted;
    entry(m, fix_hash(hash_u64(key)), key, NULL, 0, value, &inserted)->value = value;
    return inserted;
}

bool map_remove_u64(Map *m, uint64_t key) {
    return remove_at(m, fix_hash(hash_u64(key)), key, NULL, 0);
}

void map_clear(Map *m) {
    /* Clearing costs the table's size, not its length: a table far larger
     * than what it held is dropped instead, so clearing a map after each
     * of many small uses stays linear after one large use (the make
     * phase clears one per module). */
    if (m->cap > 64 && (uint64_t)m->len * 8 < m->cap) {
        map_free(m);
        return;
    }
    if (m->slots) memset(m->slots, 0, (size_t)m->cap * sizeof(MapSlot));
    m->len = 0;
}

void map_free(Map *m) {
    mem_free(m->slots);
    m->slots = NULL;
    m->cap = m->len = 0;
}
