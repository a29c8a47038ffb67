/* base/arena.h: chunked bump allocation with named lifetimes.
 *
 * An arena hands out memory by bumping a pointer inside a chunk; when a chunk
 * is full it links a new one (at least twice the size of the last, or the
 * request if larger).  Nothing is freed one object at a time: arena_reset()
 * keeps the first chunk and drops the rest, arena_free() drops everything.
 * An arena belongs to one thread at a time (no locks); hand data across
 * threads by value or by ids, never by giving another thread the arena.
 * Allocation aborts the process on out-of-memory, so callers never check. */
#ifndef BALE_BASE_ARENA_H
#define BALE_BASE_ARENA_H

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct ArenaChunk ArenaChunk;

typedef struct Arena {
    ArenaChunk *chunk;   /* current chunk (newest); owns the list */
    char *ptr;           /* next free byte in chunk */
    char *end;           /* one past the last usable byte in chunk */
    size_t chunk_size;   /* size of the next chunk to allocate */
    size_t used;         /* bytes handed out since init/reset (stats) */
} Arena;

/* Initializes an empty arena; the first chunk is allocated on first use.
 * first_chunk == 0 picks a default (64 KiB).  Can't fail. */
void arena_init(Arena *a, size_t first_chunk);

/* The slow path of arena_alloc: links a new chunk first. */
void *arena_alloc_slow(Arena *a, size_t size, size_t align);

/* Returns size bytes aligned to align (a power of two <= 4096).
 * The memory is uninitialized and lives until reset/free.  Can't fail.
 * Inline: the parser allocates every AST node through here. */
static inline void *arena_alloc(Arena *a, size_t size, size_t align) {
    uintptr_t p = ((uintptr_t)a->ptr + (align - 1)) & ~(uintptr_t)(align - 1);
    if (a->ptr && size <= (uintptr_t)a->end - p && p <= (uintptr_t)a->end) {
        a->ptr = (char *)(p + size);
        a->used += size;
        return (void *)p;
    }
    return arena_alloc_slow(a, size, align);
}

/* Like arena_alloc, zero-filled. */
void *arena_zalloc(Arena *a, size_t size, size_t align);

/* Copies n bytes of s into the arena and appends a NUL.  Can't fail. */
char *arena_strndup(Arena *a, const char *s, size_t n);

/* Forgets everything allocated; keeps the largest chunk for reuse.
 * Invalidates every pointer the arena returned. */
void arena_reset(Arena *a);

/* Releases all chunks; the arena may be initialized again. */
void arena_free(Arena *a);

#define ARENA_NEW(a, T) ((T *)arena_zalloc((a), sizeof(T), alignof(T)))
#define ARENA_ARRAY(a, T, n) ((T *)arena_alloc((a), sizeof(T) * (size_t)(n), alignof(T)))
#define ARENA_ZARRAY(a, T, n) ((T *)arena_zalloc((a), sizeof(T) * (size_t)(n), alignof(T)))

#endif
