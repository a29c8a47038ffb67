/* base/mem.h: heap allocation that aborts on out-of-memory.
 * bale treats running out of memory as fatal, as Redis does: callers never
 * check for NULL, which keeps every error path about the user's input. */
#ifndef BALE_BASE_MEM_H
#define BALE_BASE_MEM_H

#include <stddef.h>
#include <stdio.h>

void *mem_alloc(size_t size);              /* malloc; aborts on OOM */
void *mem_zalloc(size_t size);             /* calloc; aborts on OOM */
void *mem_realloc(void *p, size_t size);   /* realloc; aborts on OOM */
char *mem_strndup(const char *s, size_t n);
void mem_free(void *p);

/* A stream that writes into a growing heap buffer (open_memstream): after
 * fclose, *buf holds the *len bytes written plus a NUL, owned by the caller
 * (mem_free).  How the library renders text it returns instead of printing.
 * Aborts on out-of-memory. */
FILE *mem_open_stream(char **buf, size_t *len);

/* Prints "bale: fatal: <msg>" on stderr and aborts.  Never returns. */
_Noreturn void mem_fatal(const char *msg);

#endif
