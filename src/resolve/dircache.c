/* resolve/dircache.c: the resolver's shared directory cache (see dircache.h
 * for the design: one listing per directory, sharded, LOADING/READY records).
 * Reads the file system (opendir, readdir, stat, readlink, package.json)
 * and nothing else.  Memory: DirInfo records in the shard arenas; listings,
 * link texts and package.json trees on the heap.  Runs on worker threads
 * during FACTORIZE; freed with the resolver at the end of the build. */
#include "resolve/dircache.h"

#include "base/arena.h"
#include "base/fs.h"
#include "base/hash.h"
#include "base/mem.h"
#include "base/vec.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

enum { SHARD_BITS = 6, SHARDS = 1 << SHARD_BITS };
enum { LOADING = 0, READY = 1 };
enum { MAX_LINK_DEPTH = 40 }; /* Linux's own limit on links in one path */

/* The type of an entry as listed, before links are followed. */
enum { TYPE_OTHER, TYPE_FILE, TYPE_DIR, TYPE_LINK };

struct DirEntry {
    const char *name;          /* in the listing's block */
    uint32_t len;
    uint8_t type;              /* TYPE_*, as readdir saw it */
    _Atomic uint8_t followed;  /* TYPE_LINK: 0 until followed, then EntryKind + 1 */
    _Atomic(char *) link;      /* TYPE_LINK: readlink's text (heap), once read */
};

typedef struct Shard {
    pthread_mutex_t lock;
    pthread_cond_t ready;      /* broadcast when a record of this shard is READY */
    Map map;                   /* path -> (uintptr_t)DirInfo* */
    Arena arena;               /* DirInfo records and their paths */
    char pad[64];
} Shard;

struct DirCache {
    Shard shards[SHARDS];
    Interner *interner;
    const char *const *main_fields;
    uint32_t main_field_count;
    _Atomic uint64_t dirs, dirs_listed, stats, readlinks, package_jsons;
};

static void count(_Atomic uint64_t *c) { atomic_fetch_add_explicit(c, 1, memory_order_relaxed); }

DirCache *dircache_new(Interner *interner, const char *const *main_fields, uint32_t main_field_count) {
    DirCache *c = mem_zalloc(sizeof *c);
    for (int i = 0; i < SHARDS; i++) {
        pthread_mutex_init(&c->shards[i].lock, NULL);
        pthread_cond_init(&c->shards[i].ready, NULL);
        arena_init(&c->shards[i].arena, 16 * 1024);
    }
    c->interner = interner;
    c->main_fields = main_fields;
    c->main_field_count = main_field_count;
    return c;
}

static void free_dir(DirInfo *d) {
    for (uint32_t i = 0; i < d->entry_count; i++) mem_free(atomic_load(&d->entries[i].link));
    mem_free(d->entries);
    map_free(&d->index);
    package_json_free(d->pkg);
    pthread_mutex_destroy(&d->lock);
}

void dircache_free(DirCache *c) {
    if (!c) return;
    for (int i = 0; i < SHARDS; i++) {
        Shard *sh = &c->shards[i];
        for (uint32_t k = 0; k < sh->map.cap; k++)
            if (sh->map.slots[k].hash) free_dir((DirInfo *)(uintptr_t)sh->map.slots[k].value);
        map_free(&sh->map);
        arena_free(&sh->arena);
        pthread_mutex_destroy(&sh->lock);
        pthread_cond_destroy(&sh->ready);
    }
    mem_free(c);
}

DirCacheStats dircache_stats(const DirCache *c) {
    DirCacheStats s;
    s.dirs = atomic_load(&c->dirs);
    s.dirs_listed = atomic_load(&c->dirs_listed);
    s.stats = atomic_load(&c->stats);
    s.readlinks = atomic_load(&c->readlinks);
    s.package_jsons = atomic_load(&c->package_jsons);
    return s;
}

/* ---- Listing ---------------------------------------------------------- */

typedef VEC(DirEntry) VecEntry;

/* Reads every name of the open directory into d's listing. */
static void list_dir(DirCache *c, DirInfo *d, DIR *dir) {
    VecEntry entries = {0};
    VecChar names = {0};
    struct dirent *de;
    while ((de = readdir(dir))) {
        const char *n = de->d_name;
        if (n[0] == '.' && (n[1] == '\0' || (n[1] == '.' && n[2] == '\0'))) continue;
        uint8_t type;
        switch (de->d_type) {
        case DT_REG: type = TYPE_FILE; break;
        case DT_DIR: type = TYPE_DIR; break;
        case DT_LNK: type = TYPE_LINK; break;
        case DT_UNKNOWN: {
            /* Some file systems do not fill d_type. */
            struct stat st;
            count(&c->stats);
            if (fstatat(dirfd(dir), n, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
            type = S_ISREG(st.st_mode) ? TYPE_FILE : S_ISDIR(st.st_mode) ? TYPE_DIR
                 : S_ISLNK(st.st_mode) ? TYPE_LINK : TYPE_OTHER;
            break;
        }
        default: type = TYPE_OTHER; break;
        }
        size_t len = strlen(n);
        DirEntry e = {.name = NULL, .len = (uint32_t)len, .type = type};
        e.name = (const char *)(uintptr_t)names.len; /* an offset until the block exists */
        VEC_PUSH(&entries, e);
        memcpy(VEC_GROW(&names, len + 1), n, len + 1);
    }
    size_t head = sizeof(DirEntry) * entries.len;
    char *block = mem_alloc(head + names.len + 1);
    d->entries = (DirEntry *)(void *)block;
    d->entry_count = entries.len;
    if (names.len) memcpy(block + head, names.data, names.len);
    for (uint32_t i = 0; i < entries.len; i++) {
        DirEntry *e = &d->entries[i];
        e->name = block + head + (uintptr_t)entries.data[i].name;
        e->len = entries.data[i].len;
        e->type = entries.data[i].type;
        atomic_init(&e->followed, 0);
        atomic_init(&e->link, NULL);
        map_put_str(&d->index, e->name, e->len, i);
    }
    VEC_FREE(&entries);
    VEC_FREE(&names);
}

static DirEntry *find_entry(const DirInfo *d, const char *name, size_t len) {
    uint64_t i;
    if (!d->exists || !map_get_str(&d->index, name, len, &i)) return NULL;
    return &d->entries[i];
}

static EntryKind kind_of_errno(int e) { return e == ELOOP ? ENTRY_LOOP : ENTRY_NONE; }

/* Follows the link e of d with stat(2), once. */
static EntryKind follow(DirCache *c, DirInfo *d, DirEntry *e) {
    uint8_t f = atomic_load_explicit(&e->followed, memory_order_acquire);
    if (f) return (EntryKind)(f - 1);
    pthread_mutex_lock(&d->lock);
    f = atomic_load_explicit(&e->followed, memory_order_relaxed);
    if (!f) {
        PathBuf p;
        path_set(&p, d->path, d->len);
        path_push(&p, e->name, e->len);
        struct stat st;
        count(&c->stats);
        EntryKind k;
        if (p.overflow) k = ENTRY_NONE;
        else if (stat(p.s, &st) != 0) k = kind_of_errno(errno);
        else k = S_ISDIR(st.st_mode) ? ENTRY_DIR : S_ISREG(st.st_mode) ? ENTRY_FILE : ENTRY_NONE;
        f = (uint8_t)(k + 1);
        atomic_store_explicit(&e->followed, f, memory_order_release);
    }
    pthread_mutex_unlock(&d->lock);
    return (EntryKind)(f - 1);
}

/* Records what opening a link as a directory told us, if not known yet. */
static void learn_link(DirInfo *d, DirEntry *e, EntryKind k) {
    pthread_mutex_lock(&d->lock);
    if (!atomic_load_explicit(&e->followed, memory_order_relaxed))
        atomic_store_explicit(&e->followed, (uint8_t)(k + 1), memory_order_release);
    pthread_mutex_unlock(&d->lock);
}

EntryKind dircache_entry(DirCache *c, DirInfo *d, const char *name, size_t len) {
    DirEntry *e = find_entry(d, name, len);
    if (!e) return ENTRY_NONE;
    switch (e->type) {
    case TYPE_FILE: return ENTRY_FILE;
    case TYPE_DIR: return ENTRY_DIR;
    case TYPE_LINK: return follow(c, d, e);
    default: return ENTRY_NONE;
    }
}

uint32_t dircache_count(const DirInfo *d) { return d->exists ? d->entry_count : 0; }

const char *dircache_name(const DirInfo *d, uint32_t i, uint32_t *len) {
    *len = d->entries[i].len;
    return d->entries[i].name;
}

EntryKind dircache_kind_at(DirCache *c, DirInfo *d, uint32_t i, bool *link) {
    DirEntry *e = &d->entries[i];
    *link = e->type == TYPE_LINK;
    switch (e->type) {
    case TYPE_FILE: return ENTRY_FILE;
    case TYPE_DIR: return ENTRY_DIR;
    case TYPE_LINK: return follow(c, d, e);
    default: return ENTRY_NONE;
    }
}

static void read_package_json(DirCache *c, DirInfo *d) {
    PathBuf p;
    path_set(&p, d->path, d->len);
    path_push(&p, "package.json", 12);
    if (p.overflow) return;
    FsFile f;
    count(&c->package_jsons);
    if (fs_read_file(p.s, NULL, &f) != FS_OK) return;
    d->pkg = package_json_parse(d->path, d->len, f.data, f.len, c->main_fields, c->main_field_count);
    mem_free(f.data);
}

/* Fills in a LOADING record.  No lock is held: this may wait for the parent
 * (never for a child), and does the record's file-system calls. */
static void load(DirCache *c, DirInfo *d) {
    DirEntry *link = NULL;
    if (d->len > 1) {
        size_t plen = path_dir_len(d->path, d->len);
        DirInfo *p = dircache_dir(c, d->path, plen);
        d->parent = p;
        d->loop = p->loop;
        size_t skip = plen == 1 ? 1 : plen + 1;
        DirEntry *e = find_entry(p, d->path + skip, d->len - skip);
        if (!e) return;
        if (e->type == TYPE_LINK) {
            uint8_t f = atomic_load_explicit(&e->followed, memory_order_acquire);
            if (f && f - 1 != ENTRY_DIR) {
                d->loop = f - 1 == ENTRY_LOOP;
                return;
            }
            if (!f) link = e; /* opendir below tells us what it is */
        } else if (e->type != TYPE_DIR) {
            return;
        }
    }
    count(&c->dirs_listed);
    DIR *dir = opendir(d->path);
    if (!dir) {
        EntryKind k = kind_of_errno(errno);
        if (link) learn_link(d->parent, link, errno == ENOTDIR ? ENTRY_FILE : k);
        d->loop = d->loop || k == ENTRY_LOOP;
        return;
    }
    if (link) learn_link(d->parent, link, ENTRY_DIR);
    d->exists = true;
    list_dir(c, d, dir);
    closedir(dir);
    if (dircache_entry(c, d, "package.json", 12) == ENTRY_FILE) read_package_json(c, d);
}

DirInfo *dircache_dir(DirCache *c, const char *path, size_t len) {
    uint64_t h = hash_bytes(path, len);
    Shard *sh = &c->shards[h >> (64 - SHARD_BITS)];
    pthread_mutex_lock(&sh->lock);
    bool inserted;
    MapSlot *slot = map_entry_str(&sh->map, path, len, h, 0, &inserted);
    DirInfo *d;
    if (inserted) {
        d = ARENA_NEW(&sh->arena, DirInfo);
        char *copy = arena_strndup(&sh->arena, path, len);
        d->path = copy;
        d->len = (uint32_t)len;
        atomic_init(&d->state, LOADING);
        atomic_init(&d->real, NULL);
        pthread_mutex_init(&d->lock, NULL);
        slot->key = (uint64_t)(uintptr_t)copy;
        slot->value = (uint64_t)(uintptr_t)d;
        pthread_mutex_unlock(&sh->lock);
        count(&c->dirs);
        load(c, d);
        d->pkg_dir = d->pkg ? d : d->parent ? d->parent->pkg_dir : NULL;
        pthread_mutex_lock(&sh->lock);
        atomic_store_explicit(&d->state, READY, memory_order_release);
        pthread_cond_broadcast(&sh->ready);
        pthread_mutex_unlock(&sh->lock);
        return d;
    }
    d = (DirInfo *)(uintptr_t)slot->value;
    while (atomic_load_explicit(&d->state, memory_order_acquire) != READY) pthread_cond_wait(&sh->ready, &sh->lock);
    pthread_mutex_unlock(&sh->lock);
    return d;
}

DirInfo *dircache_child(DirCache *c, DirInfo *d, const char *name, size_t len) {
    PathBuf p;
    path_set(&p, d->path, d->len);
    path_push(&p, name, len);
    if (p.overflow) return d; /* unreachable in practice; d is a safe non-answer */
    return dircache_dir(c, p.s, p.len);
}

/* ---- Real paths ------------------------------------------------------- */

/* readlink's text for link e of d, read once; NULL on failure. */
static const char *link_text(DirCache *c, DirInfo *d, DirEntry *e) {
    char *t = atomic_load_explicit(&e->link, memory_order_acquire);
    if (t) return t;
    pthread_mutex_lock(&d->lock);
    t = atomic_load_explicit(&e->link, memory_order_relaxed);
    if (!t) {
        PathBuf p;
        path_set(&p, d->path, d->len);
        path_push(&p, e->name, e->len);
        char buf[PATH_CAP];
        count(&c->readlinks);
        ssize_t n = p.overflow ? -1 : readlink(p.s, buf, sizeof buf - 1);
        if (n > 0) {
            t = mem_strndup(buf, (size_t)n);
            atomic_store_explicit(&e->link, t, memory_order_release);
        }
    }
    pthread_mutex_unlock(&d->lock);
    return t;
}

/* cur holds a real directory path; walks text (a link's target, relative to
 * cur) one component at a time, following links, leaving the real result in
 * cur.  Works in place so that nested links cost no extra buffers. */
static bool walk(DirCache *c, PathBuf *cur, const char *text, int depth) {
    if (depth > MAX_LINK_DEPTH) return false;
    if (text[0] == '/') path_set(cur, "/", 1);
    const char *s = text;
    while (*s) {
        const char *end = s;
        while (*end && *end != '/') end++;
        size_t n = (size_t)(end - s);
        if (n == 0 || (n == 1 && s[0] == '.')) {
            /* nothing */
        } else if (n == 2 && s[0] == '.' && s[1] == '.') {
            size_t d = path_dir_len(cur->s, cur->len);
            cur->len = (uint32_t)(d ? d : 1);
            cur->s[cur->len] = '\0';
        } else {
            DirInfo *d = dircache_dir(c, cur->s, cur->len);
            DirEntry *e = find_entry(d, s, n);
            const char *t = e && e->type == TYPE_LINK ? link_text(c, d, e) : NULL;
            if (t) {
                if (!walk(c, cur, t, depth + 1)) return false;
            } else {
                path_push(cur, s, n);
            }
        }
        if (cur->overflow) return false;
        s = *end ? end + 1 : end;
    }
    return true;
}

static bool real_dir(DirCache *c, DirInfo *d, PathBuf *out, int depth) {
    const Istr *known = atomic_load_explicit(&d->real, memory_order_acquire);
    if (known) {
        path_set(out, known->str, known->len);
        return true;
    }
    if (!d->parent) {
        path_set(out, "/", 1);
        return true;
    }
    if (!real_dir(c, d->parent, out, depth)) return false;
    size_t skip = d->parent->len == 1 ? 1 : d->parent->len + 1;
    DirEntry *e = find_entry(d->parent, d->path + skip, d->len - skip);
    const char *t = e && e->type == TYPE_LINK ? link_text(c, d->parent, e) : NULL;
    if (t) {
        if (!walk(c, out, t, depth + 1)) return false;
    } else {
        path_push(out, d->path + skip, d->len - skip);
    }
    if (out->overflow) return false;
    atomic_store_explicit(&d->real, intern(c->interner, out->s, out->len), memory_order_release);
    return true;
}

bool dircache_realpath(DirCache *c, DirInfo *d, const char *name, size_t len, PathBuf *out) {
    PathBuf tmp;
    if (!real_dir(c, d, &tmp, 0)) return false;
    if (name) {
        DirEntry *e = find_entry(d, name, len);
        const char *t = e && e->type == TYPE_LINK ? link_text(c, d, e) : NULL;
        if (t) {
            if (!walk(c, &tmp, t, 1)) return false;
        } else {
            path_push(&tmp, name, len);
        }
        if (tmp.overflow) return false;
    }
    *out = tmp;
    return true;
}
