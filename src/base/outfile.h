/* base/outfile.h: writing a build's output files safely, all or nothing.
 *
 * The one way bale writes a file.  Writing happens in two steps, so that a
 * caller can look at every target before anything is touched:
 *
 *   outfile_plan    finds what each path is: a new file, a regular file to
 *                   replace (through any symbolic links: the link stays, its
 *                   target gets the bytes), or something to write into
 *                   directly (a character device, a FIFO, /dev/stdout); a
 *                   directory, a loop of links or a parent that is not a
 *                   directory is an error.  Nothing is created.  An existing
 *                   target's device and inode are recorded, so the caller
 *                   can refuse to overwrite one of its inputs.
 *   outfile_commit  writes every regular file's bytes to a temporary file
 *                   beside it (a fresh name, O_CREAT|O_EXCL|O_NOFOLLOW, so a
 *                   planted link cannot redirect it; an existing file's mode
 *                   and owner copied), then, only when all of them are
 *                   written, renames each over its target and writes the
 *                   direct targets.  An error before the renames removes
 *                   every temporary and leaves every old output as it was.
 *                   SIGINT, SIGTERM and SIGHUP are held back meanwhile: one
 *                   that arrives stops the commit, the temporaries are
 *                   removed, and then the signal takes its course.
 *
 * Memory: everything on the C heap, owned by the OutFileSet (outfile_free).
 * The bytes to write are borrowed until outfile_commit returns. */
#ifndef BALE_BASE_OUTFILE_H
#define BALE_BASE_OUTFILE_H

#include "base/fs.h"
#include "base/vec.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum OutFileKind {
    OUTFILE_NEW,     /* no file there: created (with missing parent directories) */
    OUTFILE_REPLACE, /* a regular file: replaced atomically, mode kept */
    OUTFILE_DIRECT,  /* a device, FIFO or socket: opened and written into */
} OutFileKind;

typedef struct OutFile {
    char *path;       /* as the caller gave it (heap, owned) */
    char *target;     /* where the bytes go: path with its links followed (heap, owned) */
    OutFileKind kind;
    bool exists;      /* REPLACE and DIRECT: dev and ino identify the target */
    uint64_t dev, ino;
    uint32_t mode;    /* REPLACE: the permission bits to keep */
    uint32_t uid, gid;
    const void *data; /* borrowed until outfile_commit returns */
    size_t len;
    const struct OutFilePart *parts; /* or, when not NULL, these nparts runs one after another */
    uint32_t nparts;
} OutFile;

/* A run of a file's bytes (outfile_plan_parts). */
typedef struct OutFilePart {
    const void *data;
    size_t len;
} OutFilePart;
typedef VEC(OutFilePart) OutFileParts;

typedef struct OutFileSet {
    VEC(OutFile) files;
} OutFileSet;

/* Why a plan or a commit failed: a status, the errno, and the path it is
 * about (the output, or the component of it that is not a directory). */
typedef struct OutFileError {
    FsStatus status;
    int errno_value;
    char path[4096];
} OutFileError;

/* Adds path (absolute) with the bytes data[0..len) to set.  Returns true,
 * or false with *err filled and set unchanged.  Touches nothing on disk
 * but stat/readlink calls. */
bool outfile_plan(OutFileSet *set, const char *path, const void *data, size_t len, OutFileError *err);

/* The same with the bytes as runs parts[0..nparts) one after another
 * (borrowed, parts too, until outfile_commit returns): a large file made
 * of pieces is written without being joined first. */
bool outfile_plan_parts(OutFileSet *set, const char *path, const OutFilePart *parts, uint32_t nparts, OutFileError *err);

/* Writes every planned file (see the top comment).  Returns true when all
 * were written; on false, *err says which one failed and why.  A failure
 * before the renames leaves every target as it was. */
bool outfile_commit(OutFileSet *set, OutFileError *err);

void outfile_free(OutFileSet *set);

/* Writes data[0..len) to fd, retrying short writes and EINTR.  Returns 0,
 * or the errno of the failure (EPIPE for a closed pipe, ENOSPC...). */
int outfile_write_fd(int fd, const void *data, size_t len);

#endif
