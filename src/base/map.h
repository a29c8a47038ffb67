/* base/map.h: open-addressing hash map with linear probing, on the C heap.
 *
 * Keys are either byte strings or 64-bit integers (one kind per map, fixed by
 * the first call); values are uint64_t (an id, an index, or a pointer cast
 * with (uintptr_t)).  String keys are borrowed, not copied: the caller keeps
 * them alive and unchanged as long as the map holds them (intern them, or
 * keep them in an arena that outlives the map).
 *
 * The hash of every slot is stored, so growth never rehashes a key and a
 * probe compares key bytes only when the full 64-bit hashes match.  Removal
 * shifts the following entries back (no tombstones), so lookups stay short
 * after many removals.  The table doubles at 3/4 load.  A zeroed Map is
 * empty and valid.  Not thread-safe: one writer, or readers only. */
#ifndef BALE_BASE_MAP_H
#define BALE_BASE_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct MapSlot {
    uint64_t hash;   /* 0 = empty slot; a real hash of 0 is stored as 1 */
    uint64_t key;    /* the integer, or (uintptr_t) the string's bytes */
    uint64_t value;
    uint32_t key_len;
} MapSlot;

typedef struct Map {
    MapSlot *slots;
    uint32_t cap;   /* power of two, or 0 */
    uint32_t len;
} Map;

/* String keys.  hash may be given as 0 to have it computed (hash_bytes). */
bool map_get_str(const Map *m, const char *key, size_t len, uint64_t *value);
/* Inserts or overwrites.  Returns true if the key was new. */
bool map_put_str(Map *m, const char *key, size_t len, uint64_t value);
/* Returns the key's slot, inserting it with value `init` when missing;
 * *inserted says which.  hash is 0 or hash_bytes(key, len).  On insertion the
 * caller may re-point slot->key at an equal copy of the key that it owns
 * (the interner does).  The pointer is valid until the next insertion. */
MapSlot *map_entry_str(Map *m, const char *key, size_t len, uint64_t hash,
                       uint64_t init, bool *inserted);
bool map_remove_str(Map *m, const char *key, size_t len);

/* Integer keys. */
bool map_get_u64(const Map *m, uint64_t key, uint64_t *value);
bool map_put_u64(Map *m, uint64_t key, uint64_t value);
bool map_remove_u64(Map *m, uint64_t key);

void map_clear(Map *m);  /* removes all entries; keeps the table unless it is far larger than its
                          * length (then frees it): O(len + 64), never O(capacity) */
void map_free(Map *m);   /* releases the table; the map is empty again */

/* Iteration in table order (not insertion order; sort before output):
 *   for (uint32_t i = 0; i < m.cap; i++) if (m.slots[i].hash) ... */

#endif
