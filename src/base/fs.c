/* base/fs.c: whole-file reads (see fs.h); writes are base/outfile.c's.
 * read(2) into one buffer: the files are read once each and then live as
 * long as the module that parsed them, so mmap's laziness buys nothing and
 * would forbid the zero padding past the end. */
#include "base/fs.h"

#include "base/mem.h"
#include "base/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

FsStatus fs_status_of_errno(int e) {
    switch (e) {
    case ENOENT: return FS_NOT_FOUND;
    case ENOTDIR: return FS_NOT_DIR;
    case ELOOP: return FS_LOOP;
    case EISDIR: return FS_IS_DIR;
    case EACCES:
    case EPERM: return FS_ACCESS;
    default: return FS_IO;
    }
}

static FsStatus fail(FsFile *f, int e) {
    f->data = NULL;
    f->len = 0;
    f->errno_value = e;
    return fs_status_of_errno(e);
}

FsStatus fs_read_file(const char *path, Arena *arena, FsFile *f) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail(f, errno);
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return fail(f, e);
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        fail(f, EISDIR);
        return FS_IS_DIR;
    }
    /* Regular files report their size; pipes, /dev and /proc files report 0
     * and are read until EOF into a growing buffer. */
    bool sized = S_ISREG(st.st_mode) && st.st_size > 0;
    size_t cap = sized ? (size_t)st.st_size : 4096;
    if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > FS_MAX_FILE) {
        close(fd);
        fail(f, EFBIG);
        return FS_TOO_LARGE;
    }
    /* A regular file is read straight into its final place. */
    bool direct = arena && sized;
    char *buf = direct ? arena_alloc(arena, cap + FS_PADDING, 16) : mem_alloc(cap + FS_PADDING);
    size_t len = 0;
    for (;;) {
        if (len == cap) {
            if (sized) {
                /* The file grew since fstat; take what was there. */
                break;
            }
            if (cap > FS_MAX_FILE / 2) {
                mem_free(buf);
                close(fd);
                fail(f, EFBIG);
                return FS_TOO_LARGE;
            }
            cap *= 2;
            buf = mem_realloc(buf, cap + FS_PADDING);
        }
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0) {
            if (errno == EINTR) continue;
            int e = errno;
            if (!direct) mem_free(buf);
            close(fd);
            return fail(f, e);
        }
        if (n == 0) break;
        len += (size_t)n;
    }
    close(fd);
    memset(buf + len, 0, FS_PADDING);
    if (arena && !direct) {
        f->data = arena_alloc(arena, len + FS_PADDING, 16);
        memcpy(f->data, buf, len + FS_PADDING);
        mem_free(buf);
    } else {
        f->data = buf;
    }
    f->len = len;
    f->errno_value = 0;
    f->dev = (uint64_t)st.st_dev;
    f->ino = (uint64_t)st.st_ino;
    return FS_OK;
}

const char *fs_status_str(FsStatus st, int errno_value) {
    switch (st) {
    case FS_OK: return "ok";
    case FS_NOT_FOUND: return "no such file";
    case FS_NOT_DIR: return "not a directory";
    case FS_IS_DIR: return "is a directory";
    case FS_LOOP: return "symlink loop";
    case FS_ACCESS: return "permission denied";
    case FS_TOO_LARGE: return "file too large (bale reads files of at most 4 GiB)";
    case FS_IO: return strerror(errno_value);
    }
    return "unknown error";
}

FsStatus fs_write_atomic(const char *path, const void *data, size_t len) {
    OutFileSet set = {0};
    OutFileError err;
    bool ok = outfile_plan(&set, path, data, len, &err) && outfile_commit(&set, &err);
    outfile_free(&set);
    if (ok) return FS_OK;
    errno = err.errno_value;
    return err.status;
}
