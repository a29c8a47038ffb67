/* resolve/path.c: lexical path arithmetic for the resolver (see path.h).
 * Pure functions on stack buffers; no file-system access, no allocation. */
#include "resolve/path.h"

/* Appends one component to an already-normalized absolute path. */
static void push_component(PathBuf *out, const char *c, size_t n) {
    if (n == 0 || (n == 1 && c[0] == '.')) return;
    if (n == 2 && c[0] == '.' && c[1] == '.') {
        size_t d = path_dir_len(out->s, out->len);
        if (d == 0) d = 1; /* ".." of the root is the root */
        out->len = (uint32_t)d;
        out->s[d] = '\0';
        return;
    }
    path_push(out, c, n);
}

static void push_all(PathBuf *out, const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '/') j++;
        push_component(out, s + i, j - i);
        i = j + 1;
    }
}

void path_resolve(PathBuf *out, const char *base, size_t base_len, const char *rel, size_t rel_len) {
    path_set(out, "/", 1);
    if (!(rel_len > 0 && rel[0] == '/')) push_all(out, base, base_len);
    push_all(out, rel, rel_len);
}

void path_relative_inside(PathBuf *out, const char *root, size_t root_len, const char *target, size_t target_len) {
    out->overflow = false;
    out->len = 0;
    out->s[0] = '\0';
    bool is_root = root_len == 1 && root[0] == '/';
    if (is_root) {
        if (target_len <= 1) return;
        path_set(out, ".", 1);
        path_append(out, target, target_len);
        return;
    }
    if (target_len <= root_len + 1 || memcmp(target, root, root_len) != 0 || target[root_len] != '/') return;
    path_set(out, ".", 1);
    path_append(out, target + root_len, target_len - root_len);
}
