/* base/outfile.c: safe, all-or-nothing output writes (see outfile.h).
 * The key choice: a target is classified by stat(2) first, which follows
 * every link the way open(2) will (including /proc's magic links behind
 * /dev/stdout), and only regular files are replaced by rename(2); the
 * real path of a regular file (realpath) is where its temporary goes, so
 * the rename replaces the file a link points at, never the link.
 * Memory: the C heap.  Order: called by the seal's emit pass. */
#include "base/outfile.h"

#include "base/mem.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

enum { MAX_LINKS = 40 };

static bool fail(OutFileError *err, int e, const char *path) {
    err->status = fs_status_of_errno(e);
    err->errno_value = e;
    snprintf(err->path, sizeof err->path, "%s", path);
    return false;
}

/* dir_of(p) + "/" + rel, or rel when absolute.  Heap. */
static char *join_link(const char *link, const char *rel) {
    if (rel[0] == '/') return mem_strndup(rel, strlen(rel));
    const char *slash = strrchr(link, '/');
    size_t d = slash ? (size_t)(slash - link) : 0;
    size_t n = strlen(rel);
    char *s = mem_alloc(d + n + 2);
    memcpy(s, link, d);
    s[d] = '/';
    memcpy(s + d + 1, rel, n + 1);
    return s;
}

/* The name a missing target is created under: path itself, or, when path
 * is a dangling link (or a chain of them), the name the last one points
 * at.  Heap; NULL with errno (ELOOP, ENOTDIR...) on failure. */
static char *follow_dangling(const char *path) {
    char *p = mem_strndup(path, strlen(path));
    for (int i = 0; i < MAX_LINKS; i++) {
        struct stat st;
        if (lstat(p, &st) != 0) {
            if (errno == ENOENT) return p;
            int e = errno;
            mem_free(p);
            errno = e;
            return NULL;
        }
        if (!S_ISLNK(st.st_mode)) return p; /* appeared meanwhile: the caller's stat saw ENOENT */
        char buf[PATH_MAX];
        ssize_t n = readlink(p, buf, sizeof buf - 1);
        if (n < 0) {
            int e = errno;
            mem_free(p);
            errno = e;
            return NULL;
        }
        buf[n] = '\0';
        char *next = join_link(p, buf);
        mem_free(p);
        p = next;
    }
    mem_free(p);
    errno = ELOOP;
    return NULL;
}

/* Which component of path is an existing non-directory (for ENOTDIR). */
static void not_dir_component(const char *path, OutFileError *err) {
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        struct stat st;
        if (stat(buf, &st) == 0 && !S_ISDIR(st.st_mode)) {
            fail(err, ENOTDIR, buf);
            return;
        }
        *p = '/';
    }
}

bool outfile_plan(OutFileSet *set, const char *path, const void *data, size_t len, OutFileError *err) {
    return outfile_plan_parts(set, path, NULL, 0, err) && ((VEC_LAST(&set->files).data = data),
                                                             (VEC_LAST(&set->files).len = len), true);
}

bool outfile_plan_parts(OutFileSet *set, const char *path, const OutFilePart *parts, uint32_t nparts, OutFileError *err) {
    OutFile f = {.parts = parts, .nparts = nparts};
    struct stat st;
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode)) return fail(err, EISDIR, path);
        f.exists = true;
        f.dev = (uint64_t)st.st_dev;
        f.ino = (uint64_t)st.st_ino;
        if (S_ISREG(st.st_mode)) {
            f.kind = OUTFILE_REPLACE;
            f.mode = (uint32_t)(st.st_mode & 07777);
            f.uid = (uint32_t)st.st_uid;
            f.gid = (uint32_t)st.st_gid;
            char real[PATH_MAX];
            if (!realpath(path, real)) return fail(err, errno, path);
            f.target = mem_strndup(real, strlen(real));
        } else {
            f.kind = OUTFILE_DIRECT; /* a device, FIFO or socket: never renamed over */
            f.target = mem_strndup(path, strlen(path));
        }
    } else if (errno == ENOENT) {
        f.kind = OUTFILE_NEW;
        f.target = follow_dangling(path);
        if (!f.target) return fail(err, errno, path);
    } else if (errno == ENOTDIR) {
        fail(err, ENOTDIR, path);
        not_dir_component(path, err);
        return false;
    } else {
        return fail(err, errno, path);
    }
    f.path = mem_strndup(path, strlen(path));
    VEC_PUSH(&set->files, f);
    return true;
}

int outfile_write_fd(int fd, const void *data, size_t len) {
    const char *p = data;
    while (len) {
        ssize_t w = write(fd, p, len);
        if (w < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

/* Creates the missing directories above path.  On ENOTDIR, err names the
 * component that is a file. */
static bool make_parents(const char *path, OutFileError *err) {
    char buf[4096];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf) return fail(err, ENAMETOOLONG, path);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(buf, 0777) != 0 && errno != EEXIST) {
            int e = errno;
            if (e == ENOTDIR) {
                fail(err, ENOTDIR, path);
                not_dir_component(path, err);
                return false;
            }
            return fail(err, e, buf);
        }
        struct stat st;
        if (stat(buf, &st) != 0 || !S_ISDIR(st.st_mode)) {
            fail(err, ENOTDIR, buf);
            return false;
        }
        *p = '/';
    }
    return true;
}

/* A fresh temporary file beside target, opened for writing: "NAME.bale-tmp-
 * HEX", or ".bale-tmp-HEX" when NAME is too long for the suffix.  Created
 * with O_EXCL|O_NOFOLLOW, so an existing file or a planted link under that
 * name is never opened.  Heap name in *tmp_out. */
static int open_temporary(const char *target, char **tmp_out) {
    const char *slash = strrchr(target, '/');
    size_t dir_len = slash ? (size_t)(slash - target) + 1 : 0;
    const char *base = target + dir_len;
    size_t base_len = strlen(base);
    bool short_name = base_len + 26 > NAME_MAX;
    char *tmp = mem_alloc(dir_len + base_len + 32);
    for (int attempt = 0; attempt < 100; attempt++) {
        uint64_t r;
        if (getrandom(&r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
            struct timespec ts;
            clock_gettime(CLOCK_MONOTONIC, &ts);
            r = (uint64_t)ts.tv_nsec * 0x9E3779B97F4A7C15u ^ (uint64_t)getpid() << 32 ^ (uint64_t)attempt;
        }
        if (short_name) snprintf(tmp, dir_len + base_len + 32, "%.*s.bale-tmp-%016llx", (int)dir_len, target,
                                 (unsigned long long)r);
        else snprintf(tmp, dir_len + base_len + 32, "%s.bale-tmp-%016llx", target, (unsigned long long)r);
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd >= 0) {
            *tmp_out = tmp;
            return fd;
        }
        if (errno != EEXIST) break;
    }
    int e = errno;
    mem_free(tmp);
    errno = e;
    return -1;
}

static bool signal_pending(const sigset_t *held) {
    sigset_t pending;
    if (sigpending(&pending) != 0) return false;
    for (int s = 1; s < NSIG; s++)
        if (sigismember(held, s) == 1 && sigismember(&pending, s) == 1) return true;
    return false;
}

/* Opens f's temporary (with the target's owner and mode when it replaces
 * one): its fd, or -1 with err set. */
static int open_for(OutFile *f, char **tmp, OutFileError *err) {
    if (f->kind == OUTFILE_NEW && !make_parents(f->target, err)) return -1;
    int fd = open_temporary(f->target, tmp);
    if (fd < 0) {
        fail(err, errno, f->path);
        return -1;
    }
    if (f->kind == OUTFILE_REPLACE) {
        /* An executable stays executable; root replacing a user's file
         * leaves it theirs (a failure here is not worth refusing for). */
        if (fchown(fd, (uid_t)f->uid, (gid_t)f->gid) != 0) {
        }
        if (fchmod(fd, (mode_t)f->mode) != 0) {
        }
    }
    return fd;
}

/* The temporaries' bytes are written in slices of at most SLICE bytes, a
 * pwritev each, by up to WRITERS threads (a bundle and its map are tens
 * of MB: copying them into the page cache is most of emit's time, and it
 * scales; a map comes as thousands of runs). */
enum { SLICE = 4 << 20, WRITERS = 4 };

typedef struct Slice {
    int fd;
    uint32_t file;
    uint32_t first, n; /* iovecs (Writing.iov) */
    off_t at;
} Slice;

typedef struct Writing {
    const Slice *slices;
    struct iovec *iov;
    uint32_t nslices;
    uint32_t next;       /* the next slice to write (atomic) */
    int *errors;         /* by file: the first errno, or 0 */
} Writing;

static void *write_slices(void *arg) {
    Writing *w = arg;
    for (;;) {
        uint32_t i = __atomic_fetch_add(&w->next, 1, __ATOMIC_RELAXED);
        if (i >= w->nslices) break;
        const Slice *sl = &w->slices[i];
        struct iovec *v = w->iov + sl->first; /* this slice's own: moved on in place */
        int n = (int)sl->n;
        off_t at = sl->at;
        while (n) {
            ssize_t k = pwritev(sl->fd, v, n, at);
            if (k < 0) {
                if (errno == EINTR) continue;
                int zero = 0;
                __atomic_compare_exchange_n(&w->errors[sl->file], &zero, errno, false, __ATOMIC_RELAXED, __ATOMIC_RELAXED);
                break;
            }
            at += k;
            while (n && (size_t)k >= v->iov_len) k -= (ssize_t)v->iov_len, v++, n--;
            if (n) v->iov_base = (char *)v->iov_base + k, v->iov_len -= (size_t)k;
        }
    }
    return NULL;
}

/* Writes every temporary: opened in order, written in parallel slices,
 * closed; false with err (the first file that failed) on an error. */
static bool write_temporaries(OutFileSet *set, char **tmps, OutFileError *err) {
    uint32_t n = set->files.len;
    int *fds = mem_alloc(sizeof(int) * (n ? n : 1));
    int *errors = mem_zalloc(sizeof(int) * (n ? n : 1));
    VEC(Slice) slices = {0};
    VEC(struct iovec) iov = {0};
    bool ok = true;
    for (uint32_t i = 0; i < n; i++) {
        OutFile *f = &set->files.data[i];
        fds[i] = -1;
        if (f->kind == OUTFILE_DIRECT || !ok) continue;
        fds[i] = open_for(f, &tmps[i], err);
        if (fds[i] < 0) {
            ok = false;
            continue;
        }
        /* slices of about SLICE bytes, each one pwritev of up to 1024 runs */
        OutFilePart one = {f->data, f->len};
        const OutFilePart *parts = f->parts ? f->parts : &one;
        size_t off = 0, in_slice = 0;
        for (uint32_t k = 0; k < (f->parts ? f->nparts : 1); k++)
            for (size_t at = 0; at < parts[k].len;) {
                if (!in_slice) VEC_PUSH(&slices, ((Slice){fds[i], i, iov.len, 0, (off_t)off}));
                size_t take = parts[k].len - at < SLICE - in_slice ? parts[k].len - at : SLICE - in_slice;
                VEC_PUSH(&iov, ((struct iovec){(char *)parts[k].data + at, take}));
                VEC_LAST(&slices).n++;
                at += take, off += take, in_slice += take;
                if (in_slice == SLICE || VEC_LAST(&slices).n == 1024) in_slice = 0;
            }
    }
    if (ok) {
        Writing w = {slices.data, iov.data, slices.len, 0, errors};
        unsigned extra = slices.len > 1 ? (slices.len - 1 < WRITERS - 1 ? slices.len - 1 : WRITERS - 1) : 0;
        pthread_t threads[WRITERS];
        unsigned started = 0;
        for (; started < extra; started++) /* (they inherit the held signals) */
            if (pthread_create(&threads[started], NULL, write_slices, &w) != 0) break;
        write_slices(&w);
        for (unsigned t = 0; t < started; t++) pthread_join(threads[t], NULL);
    }
    for (uint32_t i = 0; i < n; i++) {
        if (fds[i] < 0) continue;
        if (close(fds[i]) != 0 && !errors[i]) errors[i] = errno;
        if (ok && errors[i]) ok = fail(err, errors[i], set->files.data[i].path);
    }
    VEC_FREE(&slices);
    VEC_FREE(&iov);
    mem_free(errors);
    mem_free(fds);
    return ok;
}

bool outfile_commit(OutFileSet *set, OutFileError *err) {
    uint32_t n = set->files.len;
    char **tmps = mem_zalloc(sizeof(char *) * (n ? n : 1));
    sigset_t held, old;
    sigemptyset(&held);
    sigaddset(&held, SIGINT);
    sigaddset(&held, SIGTERM);
    sigaddset(&held, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &held, &old);
    bool ok = write_temporaries(set, tmps, err);
    if (ok && signal_pending(&held)) ok = fail(err, EINTR, n ? set->files.data[0].path : "");
    for (uint32_t i = 0; i < n && ok; i++) {
        OutFile *f = &set->files.data[i];
        if (f->kind == OUTFILE_DIRECT) continue;
        if (rename(tmps[i], f->target) != 0) {
            ok = fail(err, errno, f->path);
            break;
        }
        mem_free(tmps[i]);
        tmps[i] = NULL;
    }
    for (uint32_t i = 0; i < n; i++) {
        if (tmps[i]) unlink(tmps[i]);
        mem_free(tmps[i]);
    }
    mem_free(tmps);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    /* Direct targets cannot be written atomically: they come last, once
     * every file is in place. */
    for (uint32_t i = 0; i < n && ok; i++) {
        OutFile *f = &set->files.data[i];
        if (f->kind != OUTFILE_DIRECT) continue;
        int fd = open(f->target, O_WRONLY | O_NOCTTY | O_CLOEXEC);
        if (fd < 0) return fail(err, errno, f->path);
        int e = 0;
        if (!f->parts) e = outfile_write_fd(fd, f->data, f->len);
        for (uint32_t k = 0; f->parts && k < f->nparts && !e; k++) e = outfile_write_fd(fd, f->parts[k].data, f->parts[k].len);
        if (close(fd) != 0 && !e) e = errno;
        if (e) return fail(err, e, f->path);
    }
    return ok;
}

void outfile_free(OutFileSet *set) {
    for (uint32_t i = 0; i < set->files.len; i++) {
        mem_free(set->files.data[i].path);
        mem_free(set->files.data[i].target);
    }
    VEC_FREE(&set->files);
}
