/* resolve/dircache.h: every directory the resolver looks at, listed once per
 * build and shared by all worker threads.
 *
 * The key design choice: the resolver never asks the file system "does
 * /a/b/c.js exist?".  It asks the cache for directory /a/b, which lists the
 * directory once (one readdir) and reads its package.json once, and then
 * looks "c.js" up in that listing.  A request that tries six extensions and
 * an index file costs six hash lookups, not twelve stat calls; a directory
 * whose parent's listing lacks it is known not to exist without any call.
 * Symbolic links are followed lazily, once per link (one stat or opendir,
 * one readlink when its real path is needed).
 *
 * Concurrency: the cache is split into shards by path hash, each a mutex,
 * a condition variable, a Map and an arena (like base/intern.c).  The first
 * thread to ask for a directory inserts a LOADING record and lists it with
 * no lock held; others asking for the same directory wait on the shard's
 * condition variable until it is READY.  A READY DirInfo never changes
 * except for the lazily followed link fields, which are atomics written
 * under the DirInfo's own mutex.  Listing a directory needs its parent
 * first, never a child, so waiting can't form a cycle.
 *
 * Memory: DirInfo records live in the shard arenas, their listings and
 * package.json trees on the heap; all are freed by dircache_free. */
#ifndef BALE_RESOLVE_DIRCACHE_H
#define BALE_RESOLVE_DIRCACHE_H

#include "base/intern.h"
#include "base/map.h"
#include "resolve/package_json.h"
#include "resolve/path.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

/* What a name in a directory is, after following symbolic links. */
typedef enum EntryKind {
    ENTRY_NONE,   /* no such entry, or a link to nothing */
    ENTRY_FILE,   /* a regular file (or anything that is not a directory) */
    ENTRY_DIR,
    ENTRY_LOOP,   /* a symbolic link that loops (ELOOP) */
} EntryKind;

typedef struct DirEntry DirEntry;
typedef struct DirInfo DirInfo;

struct DirInfo {
    const char *path;        /* absolute, normalized; shard arena */
    uint32_t len;
    _Atomic int state;       /* LOADING, then READY (published under the shard lock) */
    bool exists;             /* a directory we could list */
    bool loop;               /* the path goes through a symbolic link loop */
    DirInfo *parent;         /* NULL for "/" */
    DirEntry *entries;       /* heap; sorted by nothing, indexed by index */
    uint32_t entry_count;
    Map index;               /* name -> entry index */
    PackageJson *pkg;        /* this directory's package.json, or NULL */
    /* The nearest directory at or above this one with a package.json, or
     * NULL: the "description file" that the browser field is read from. */
    DirInfo *pkg_dir;
    _Atomic(const Istr *) real; /* real path, computed on first need */
    pthread_mutex_t lock;    /* guards following this directory's links */
};

typedef struct DirCacheStats {
    uint64_t dirs;           /* distinct directories asked for (existing or not) */
    uint64_t dirs_listed;    /* directories listed (opendir + readdir) */
    uint64_t stats;          /* stat/lstat calls */
    uint64_t readlinks;
    uint64_t package_jsons;  /* package.json files read and parsed */
} DirCacheStats;

static inline uint64_t dircache_fs_calls(const DirCacheStats *s) {
    return s->dirs_listed + s->stats + s->readlinks + s->package_jsons;
}

typedef struct DirCache DirCache;

/* main_fields: copied into every PackageJson's mains[] (borrowed until
 * dircache_free).  interner: for real paths (borrowed). */
DirCache *dircache_new(Interner *interner, const char *const *main_fields, uint32_t main_field_count);
void dircache_free(DirCache *c);

/* The directory at path (absolute, normalized, len bytes).  Never NULL; see
 * ->exists.  Thread-safe; the result is valid until dircache_free. */
DirInfo *dircache_dir(DirCache *c, const char *path, size_t len);

/* The child directory name of d (which may not exist). */
DirInfo *dircache_child(DirCache *c, DirInfo *d, const char *name, size_t len);

/* What name is in d, following symbolic links.  Thread-safe. */
EntryKind dircache_entry(DirCache *c, DirInfo *d, const char *name, size_t len);

/* d's listing, for walking a directory (context modules): how many names
 * it has (0 when d does not exist) and the i-th of them, in readdir's order
 * (the caller sorts what it keeps).  Thread-safe; the name is valid until
 * dircache_free. */
uint32_t dircache_count(const DirInfo *d);
const char *dircache_name(const DirInfo *d, uint32_t i, uint32_t *len);

/* What the i-th name of d is, following a symbolic link as dircache_entry
 * does; *link says whether the name is a link.  Thread-safe. */
EntryKind dircache_kind_at(DirCache *c, DirInfo *d, uint32_t i, bool *link);

/* The real path (no symbolic links) of directory d, or of the entry name
 * in d when name is not NULL.  Returns false (out unchanged) on a link loop
 * or a path too long.  Thread-safe. */
bool dircache_realpath(DirCache *c, DirInfo *d, const char *name, size_t len, PathBuf *out);

DirCacheStats dircache_stats(const DirCache *c);

#endif
