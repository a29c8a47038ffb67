/* base/fs.h: reading whole files and writing outputs atomically.
 *
 * A file is read once, whole, into memory followed by FS_PADDING zero bytes:
 * the lexer can look a few bytes ahead without bounds checks, and the text is
 * always NUL-terminated.  Outputs are written by base/outfile.h. */
#ifndef BALE_BASE_FS_H
#define BALE_BASE_FS_H

#include "base/arena.h"

#include <stddef.h>
#include <stdint.h>

enum { FS_PADDING = 16 };

typedef enum FsStatus {
    FS_OK = 0,
    FS_NOT_FOUND,   /* ENOENT */
    FS_NOT_DIR,     /* ENOTDIR: a component of the path is not a directory */
    FS_IS_DIR,
    FS_LOOP,        /* ELOOP: a loop of symbolic links */
    FS_ACCESS,      /* EACCES, EPERM */
    FS_TOO_LARGE,   /* over FS_MAX_FILE */
    FS_IO,          /* anything else; see errno_value */
} FsStatus;

#define FS_MAX_FILE ((size_t)UINT32_MAX - FS_PADDING) /* byte offsets are 32-bit */

typedef struct FsFile {
    char *data;      /* len bytes, then FS_PADDING NULs; arena or heap (see below) */
    size_t len;
    int errno_value; /* on failure: the errno that caused it */
    uint64_t dev, ino; /* on success: the file's identity (st_dev, st_ino) */
} FsFile;

/* Reads path whole.  With arena != NULL the bytes live in it; with NULL they
 * are on the heap and the caller frees them with mem_free(file->data).
 * On failure: file->data is NULL and the status says why. */
FsStatus fs_read_file(const char *path, Arena *arena, FsFile *file);

/* A short human phrase for a status ("no such file", "is a directory"...). */
const char *fs_status_str(FsStatus st, int errno_value);

/* The status for an errno value. */
FsStatus fs_status_of_errno(int e);

/* Writes data to path through base/outfile.h (one file: a temporary
 * renamed over the target, links followed, mode kept).  Creates missing
 * parent directories.  On failure: the target is unchanged and errno set. */
FsStatus fs_write_atomic(const char *path, const void *data, size_t len);

#endif
