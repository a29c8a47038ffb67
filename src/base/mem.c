/* base/mem.c: the one place that calls malloc; see mem.h. */
#include "base/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void mem_fatal(const char *msg) {
    fprintf(stderr, "bale: fatal: %s\n", msg);
    abort();
}

void *mem_alloc(size_t size) {
    void *p = malloc(size ? size : 1);
    if (!p) mem_fatal("out of memory");
    return p;
}

void *mem_zalloc(size_t size) {
    void *p = calloc(1, size ? size : 1);
    if (!p) mem_fatal("out of memory");
    return p;
}

void *mem_realloc(void *p, size_t size) {
    void *q = realloc(p, size ? size : 1);
    if (!q) mem_fatal("out of memory");
    return q;
}

char *mem_strndup(const char *s, size_t n) {
    char *p = mem_alloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void mem_free(void *p) { free(p); }

FILE *mem_open_stream(char **buf, size_t *len) {
    FILE *f = open_memstream(buf, len);
    if (!f) mem_fatal("out of memory");
    return f;
}
