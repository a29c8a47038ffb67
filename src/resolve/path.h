/* resolve/path.h: absolute POSIX paths in fixed buffers, lexically.
 *
 * The resolver builds many candidate paths per request ("a", "a.js",
 * "a/index.js"...); they live in PathBuf values on the stack, never on the
 * heap.  Only a path that is the answer gets interned.  Normalization is
 * lexical ("a/b/../c" is "a/c"), as Node's path.resolve: the issuer
 * directory is already a real path, so ".." means its parent. */
#ifndef BALE_RESOLVE_PATH_H
#define BALE_RESOLVE_PATH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum { PATH_CAP = 4096 };

typedef struct PathBuf {
    uint32_t len;
    bool overflow;   /* a write did not fit: the path is unusable */
    char s[PATH_CAP];
} PathBuf;

static inline void path_set(PathBuf *p, const char *s, size_t n) {
    if (n >= PATH_CAP) {
        p->overflow = true;
        n = 0;
    } else {
        p->overflow = false;
    }
    memcpy(p->s, s, n);
    p->len = (uint32_t)n;
    p->s[n] = '\0';
}

/* Appends bytes as they are (no separator). */
static inline void path_append(PathBuf *p, const char *s, size_t n) {
    if (p->len + n >= PATH_CAP) {
        p->overflow = true;
        return;
    }
    memcpy(p->s + p->len, s, n);
    p->len += (uint32_t)n;
    p->s[p->len] = '\0';
}

/* Appends "/name" (no slash doubled after the root). */
static inline void path_push(PathBuf *p, const char *name, size_t n) {
    if (!(p->len == 1 && p->s[0] == '/')) path_append(p, "/", 1);
    path_append(p, name, n);
}

/* Length of the directory part of an absolute path: "/a/b" -> 2 ("/a"),
 * "/a" -> 1 ("/").  The root's own parent is 0 (none). */
static inline size_t path_dir_len(const char *s, size_t n) {
    if (n <= 1) return 0;
    size_t i = n - 1;
    while (i > 0 && s[i] != '/') i--;
    return i == 0 ? 1 : i;
}

/* Resolves rel against the absolute directory base into out, lexically,
 * collapsing ".", ".." and repeated slashes.  rel may itself be absolute.
 * A trailing slash is dropped.  Sets out->overflow when too long. */
void path_resolve(PathBuf *out, const char *base, size_t base_len, const char *rel, size_t rel_len);

/* out = "./" + path of target relative to the directory root, or "" when
 * target is not inside root (or is root itself: "."). */
void path_relative_inside(PathBuf *out, const char *root, size_t root_len, const char *target, size_t target_len);

#endif
