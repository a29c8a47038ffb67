/* base/arena.c: chunked bump allocator (see arena.h for the contract).
 * Chunks are a singly linked list, newest first.  Memory: the C heap via
 * base/mem.  Used by every stage: the compiler, each module, each worker. */
#include "base/arena.h"

#include "base/mem.h"

#include <assert.h>

struct ArenaChunk {
    ArenaChunk *prev;
    size_t size; /* usable bytes after the header */
    alignas(max_align_t) char data[];
};

enum { ARENA_DEFAULT_CHUNK = 64 * 1024 };

void arena_init(Arena *a, size_t first_chunk) {
    a->chunk = NULL;
    a->ptr = a->end = NULL;
    a->chunk_size = first_chunk ? first_chunk : ARENA_DEFAULT_CHUNK;
    a->used = 0;
}

static void grow(Arena *a, size_t need) {
    size_t size = a->chunk_size ? a->chunk_size : ARENA_DEFAULT_CHUNK; /* a zeroed Arena works too */
    while (size < need) size *= 2;
    ArenaChunk *c = mem_alloc(sizeof(ArenaChunk) + size);
    c->prev = a->chunk;
    c->size = size;
    a->chunk = c;
    a->ptr = c->data;
    a->end = c->data + size;
    if (a->chunk_size < (size_t)1 << 26) a->chunk_size = size * 2;
}

void *arena_alloc_slow(Arena *a, size_t size, size_t align) {
    assert(align && (align & (align - 1)) == 0 && align <= 4096);
    if (size > SIZE_MAX / 2 - align) mem_fatal("arena allocation too large");
    grow(a, size + align);
    uintptr_t p = ((uintptr_t)a->ptr + (align - 1)) & ~(uintptr_t)(align - 1);
    a->ptr = (char *)(p + size);
    a->used += size;
    return (void *)p;
}

void *arena_zalloc(Arena *a, size_t size, size_t align) {
    void *p = arena_alloc(a, size, align);
    memset(p, 0, size);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n) {
    char *p = arena_alloc(a, n + 1, 1);
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void arena_reset(Arena *a) {
    /* Keep the largest chunk (the newest one, since sizes grow). */
    ArenaChunk *keep = a->chunk;
    if (!keep) return;
    ArenaChunk *c = keep->prev;
    while (c) {
        ArenaChunk *prev = c->prev;
        mem_free(c);
        c = prev;
    }
    keep->prev = NULL;
    a->ptr = keep->data;
    a->end = keep->data + keep->size;
    a->used = 0;
}

void arena_free(Arena *a) {
    ArenaChunk *c = a->chunk;
    while (c) {
        ArenaChunk *prev = c->prev;
        mem_free(c);
        c = prev;
    }
    size_t first = a->chunk_size;
    arena_init(a, first);
}
