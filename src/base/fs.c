/* base/fs.c: whole-file reads and atomic writes (see fs.h).
 * read(2) into one buffer: the files are read once each and then live as
 * long as the module that parsed them, so mmap's laziness buys nothing and
 * would forbid the zero padding past the end. */
#include "base/fs.h"

#include "base/mem.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static FsStatus from_errno(int e) {
    switch (e) {
    case ENOENT:
    case ENOTDIR: return FS_NOT_FOUND;
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
    return from_errno(e);
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
    return FS_OK;
}

const char *fs_status_str(FsStatus st, int errno_value) {
    switch (st) {
    case FS_OK: return "ok";
    case FS_NOT_FOUND: return "no such file";
    case FS_IS_DIR: return "is a directory";
    case FS_ACCESS: return "permission denied";
    case FS_TOO_LARGE: return "file too large (bale reads files of at most 4 GiB)";
    case FS_IO: return strerror(errno_value);
    }
    return "unknown error";
}

static int make_parents(char *path) {
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        int r = mkdir(path, 0777);
        int e = errno;
        *p = '/';
        if (r != 0 && e != EEXIST) {
            errno = e;
            return -1;
        }
    }
    return 0;
}

FsStatus fs_write_atomic(const char *path, const void *data, size_t len) {
    size_t n = strlen(path);
    char *tmp = mem_alloc(n + 32);
    snprintf(tmp, n + 32, "%s.tmp-%ld", path, (long)getpid());
    char *parents = mem_strndup(path, n);
    int r = make_parents(parents);
    mem_free(parents);
    if (r != 0) {
        int e = errno;
        mem_free(tmp);
        errno = e;
        return from_errno(e);
    }
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        int e = errno;
        mem_free(tmp);
        errno = e;
        return from_errno(e);
    }
    const char *p = data;
    size_t left = len;
    while (left) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR) continue;
            int e = errno;
            close(fd);
            unlink(tmp);
            mem_free(tmp);
            errno = e;
            return from_errno(e);
        }
        p += w;
        left -= (size_t)w;
    }
    if (close(fd) != 0 || rename(tmp, path) != 0) {
        int e = errno;
        unlink(tmp);
        mem_free(tmp);
        errno = e;
        return from_errno(e);
    }
    mem_free(tmp);
    return FS_OK;
}
