/* base/fs.h: reading whole files and writing outputs atomically.
 *
 * A file is read once, whole, into memory followed by FS_PADDING zero bytes:
 * the lexer can look a few bytes ahead without bounds checks, and the text is
 * always NUL-terminated.  Outputs are written to a temporary file in the same
 * directory and renamed over the target, so a failed build never leaves a
 * half-written output behind. */
#ifndef BALE_BASE_FS_H
#define BALE_BASE_FS_H

#include "base/arena.h"

#include <stddef.h>
#include <stdint.h>

enum { FS_PADDING = 16 };

typedef enum FsStatus {
    FS_OK = 0,
    FS_NOT_FOUND,   /* ENOENT, ENOTDIR */
    FS_IS_DIR,
    FS_ACCESS,      /* EACCES, EPERM */
    FS_TOO_LARGE,   /* over FS_MAX_FILE */
    FS_IO,          /* anything else; see errno_value */
} FsStatus;

#define FS_MAX_FILE ((size_t)UINT32_MAX - FS_PADDING) /* byte offsets are 32-bit */

typedef struct FsFile {
    char *data;      /* len bytes, then FS_PADDING NULs; arena or heap (see below) */
    size_t len;
    int errno_value; /* on failure: the errno that caused it */
} FsFile;

/* Reads path whole.  With arena != NULL the bytes live in it; with NULL they
 * are on the heap and the caller frees them with mem_free(file->data).
 * On failure: file->data is NULL and the status says why. */
FsStatus fs_read_file(const char *path, Arena *arena, FsFile *file);

/* A short human phrase for a status ("no such file", "is a directory"...). */
const char *fs_status_str(FsStatus st, int errno_value);

/* Writes data to path via a temporary file and rename(2).  Creates missing
 * parent directories.  On failure: the target is unchanged and errno set. */
FsStatus fs_write_atomic(const char *path, const void *data, size_t len);

#endif
