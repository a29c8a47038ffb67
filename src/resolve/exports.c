/* resolve/exports.c: Node's "exports"/"imports" algorithm over a JSON tree
 * (see exports.h).  The functions follow the names and steps of Node's ESM
 * resolution specification so they can be checked against it line by line.
 * No allocation, no file system; results go into the caller's ExportsResult. */
#include "resolve/exports.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* What PACKAGE_TARGET_RESOLVE returns: JavaScript's undefined and null are
 * different answers there (null stops an array from falling through). */
typedef enum Target { T_UNDEFINED, T_NULL, T_DONE, T_ERROR } Target;

static Target fail(ExportsResult *res, ExportsStatus st, const char *what) {
    res->status = st;
    snprintf(res->detail, sizeof res->detail, "%s", what);
    return T_ERROR;
}

static bool starts_with(const char *s, const char *prefix) { return strncmp(s, prefix, strlen(prefix)) == 0; }

/* True when a '/'-separated segment of s[0..n) is ".", ".." or
 * "node_modules" (any case): Node refuses those in targets and in what a
 * '*' matched.  Empty segments are only deprecated, so they pass. */
static bool has_invalid_segment(const char *s, size_t n) {
    size_t i = 0;
    while (i <= n) {
        size_t j = i;
        while (j < n && s[j] != '/' && s[j] != '\\') j++;
        size_t len = j - i;
        if ((len == 1 && s[i] == '.') || (len == 2 && s[i] == '.' && s[i + 1] == '.') ||
            (len == 12 && strncasecmp(s + i, "node_modules", 12) == 0))
            return true;
        i = j + 1;
    }
    return false;
}

static bool condition_matches(const Conditions *conds, const char *key) {
    if (strcmp(key, "default") == 0) return true;
    for (uint32_t i = 0; i < conds->count; i++)
        if (strcmp(conds->names[i], key) == 0) return true;
    return false;
}

/* A key that JavaScript would treat as an array index ("0", "12"). */
static bool is_array_index(const char *k) {
    if (!*k) return false;
    for (const char *p = k; *p; p++)
        if (*p < '0' || *p > '9') return false;
    return k[0] != '0' || k[1] == '\0';
}

/* Has a scheme, so `new URL(s)` would accept it ("node:fs", "https://x"). */
static bool looks_like_url(const char *s) {
    const char *p = s;
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) return false;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '+' ||
           *p == '-' || *p == '.')
        p++;
    return *p == ':' && p - s > 1;
}

/* Writes s into out with every '*' replaced by match (or match appended
 * when pattern is false). */
static void substitute(PathBuf *out, const char *s, const char *match, bool pattern) {
    out->len = 0;
    out->overflow = false;
    out->s[0] = '\0';
    if (!pattern) {
        path_append(out, s, strlen(s));
        path_append(out, match, strlen(match));
        return;
    }
    for (const char *p = s; *p; p++) {
        if (*p == '*') path_append(out, match, strlen(match));
        else path_append(out, p, 1);
    }
}

/* PACKAGE_TARGET_RESOLVE for a string target. */
static Target target_string(const char *target, const char *match, bool pattern, bool internal,
                            const char *pkg_dir, uint32_t pkg_dir_len, ExportsResult *res) {
    size_t tlen = strlen(target);
    if (match[0] && !pattern && (tlen == 0 || target[tlen - 1] != '/'))
        return fail(res, EXPORTS_INVALID_TARGET, target);
    if (!starts_with(target, "./")) {
        if (internal && !starts_with(target, "../") && !starts_with(target, "/") &&
            (!looks_like_url(target) || starts_with(target, "node:"))) {
            substitute(&res->out, target, match, pattern);
            res->status = EXPORTS_BARE;
            return T_DONE;
        }
        return fail(res, EXPORTS_INVALID_TARGET, target);
    }
    if (has_invalid_segment(target + 2, tlen - 2)) return fail(res, EXPORTS_INVALID_TARGET, target);
    if (match[0] && has_invalid_segment(match, strlen(match)))
        return fail(res, EXPORTS_INVALID_SPECIFIER, match);
    PathBuf sub;
    substitute(&sub, target, match, pattern);
    path_resolve(&res->out, pkg_dir, pkg_dir_len, sub.s, sub.len);
    if (sub.overflow || res->out.overflow) return fail(res, EXPORTS_INVALID_TARGET, "path too long");
    res->status = EXPORTS_FILE;
    return T_DONE;
}

static Target target_resolve(const JsJson *target, const char *match, bool pattern, bool internal,
                             const Conditions *conds, const char *pkg_dir, uint32_t pkg_dir_len,
                             ExportsResult *res) {
    switch ((JsJsonKind)target->kind) {
    case JS_JSON_STRING:
        return target_string(target->u.str, match, pattern, internal, pkg_dir, pkg_dir_len, res);
    case JS_JSON_ARRAY: {
        /* The first *valid* target wins; only invalid ones fall through. */
        if (target->len == 0) return T_NULL;
        Target last = T_UNDEFINED;
        for (uint32_t i = 0; i < target->len; i++) {
            Target t = target_resolve(&target->u.items[i], match, pattern, internal, conds, pkg_dir, pkg_dir_len, res);
            if (t == T_ERROR) {
                if (res->status != EXPORTS_INVALID_TARGET) return t;
                last = T_ERROR;
                continue;
            }
            if (t == T_UNDEFINED) continue;
            if (t == T_NULL) {
                last = T_NULL;
                continue;
            }
            return t;
        }
        if (last == T_ERROR) res->status = EXPORTS_INVALID_TARGET;
        return last;
    }
    case JS_JSON_OBJECT: {
        const JsJsonMember *m = target->u.members;
        for (uint32_t i = 0; i < target->len; i++)
            if (is_array_index(m[i].key)) return fail(res, EXPORTS_INVALID_CONFIG, m[i].key);
        for (uint32_t i = 0; i < target->len; i++) {
            if (!condition_matches(conds, m[i].key)) continue;
            Target t = target_resolve(&m[i].value, match, pattern, internal, conds, pkg_dir, pkg_dir_len, res);
            if (t == T_UNDEFINED) continue;
            return t;
        }
        return T_UNDEFINED;
    }
    case JS_JSON_NULL: return T_NULL;
    case JS_JSON_FALSE:
    case JS_JSON_TRUE:
    case JS_JSON_NUMBER: break;
    }
    return fail(res, EXPORTS_INVALID_TARGET, "a target that is not a string, array, object or null");
}

/* PATTERN_KEY_COMPARE: orders keys by specificity (longer prefix first). */
static int pattern_key_compare(const char *a, const char *b) {
    const char *sa = strchr(a, '*'), *sb = strchr(b, '*');
    size_t base_a = sa ? (size_t)(sa - a) + 1 : strlen(a);
    size_t base_b = sb ? (size_t)(sb - b) + 1 : strlen(b);
    if (base_a > base_b) return -1;
    if (base_b > base_a) return 1;
    if (!sa) return 1;
    if (!sb) return -1;
    size_t la = strlen(a), lb = strlen(b);
    if (la > lb) return -1;
    if (lb > la) return 1;
    return 0;
}

/* PACKAGE_IMPORTS_EXPORTS_RESOLVE: an exact key, else the best pattern key. */
static void map_resolve(const JsJson *map, const char *key, bool internal, const Conditions *conds,
                        const char *pkg_dir, uint32_t pkg_dir_len, ExportsResult *res) {
    size_t klen = strlen(key);
    Target t = T_UNDEFINED;
    const JsJsonMember *exact = NULL;
    if (!strchr(key, '*') && (klen == 0 || key[klen - 1] != '/')) {
        for (uint32_t i = 0; i < map->len; i++)
            if (strcmp(map->u.members[i].key, key) == 0) exact = &map->u.members[i];
    }
    if (exact) {
        t = target_resolve(&exact->value, "", false, internal, conds, pkg_dir, pkg_dir_len, res);
    } else {
        const JsJsonMember *best = NULL;
        char match[PATH_CAP];
        for (uint32_t i = 0; i < map->len; i++) {
            const JsJsonMember *it = &map->u.members[i];
            const char *k = it->key;
            const char *star = strchr(k, '*');
            if (!star || strrchr(k, '*') != star) continue;
            size_t prefix = (size_t)(star - k), trailer = strlen(star + 1);
            if (strncmp(key, k, prefix) != 0) continue;
            if (klen < strlen(k) || strcmp(key + klen - trailer, star + 1) != 0) continue;
            if (best && pattern_key_compare(best->key, k) != 1) continue;
            size_t mlen = klen - trailer - prefix;
            if (mlen >= sizeof match) continue;
            best = it;
            memcpy(match, key + prefix, mlen);
            match[mlen] = '\0';
        }
        if (best) t = target_resolve(&best->value, match, true, internal, conds, pkg_dir, pkg_dir_len, res);
    }
    if (t == T_UNDEFINED || t == T_NULL) fail(res, EXPORTS_NOT_EXPORTED, key);
}

void exports_resolve(const JsJson *exports, const char *subpath, const Conditions *conds,
                     const char *pkg_dir, uint32_t pkg_dir_len, ExportsResult *res) {
    /* Either every key starts with "." (subpaths) or none does (conditions,
     * sugar for {".": exports}); a mix is an error. */
    bool sugar = true;
    if (exports->kind == JS_JSON_OBJECT) {
        bool dots = false, others = false;
        for (uint32_t i = 0; i < exports->len; i++) {
            if (exports->u.members[i].key[0] == '.') dots = true;
            else others = true;
        }
        if (dots && others) {
            fail(res, EXPORTS_INVALID_CONFIG, "keys starting with \".\" mixed with condition keys");
            return;
        }
        sugar = !dots;
    }
    if (sugar) {
        Target t = T_UNDEFINED;
        if (strcmp(subpath, ".") == 0) t = target_resolve(exports, "", false, false, conds, pkg_dir, pkg_dir_len, res);
        if (t == T_UNDEFINED || t == T_NULL) fail(res, EXPORTS_NOT_EXPORTED, subpath);
        return;
    }
    map_resolve(exports, subpath, false, conds, pkg_dir, pkg_dir_len, res);
}

void imports_resolve(const JsJson *imports, const char *name, const Conditions *conds,
                     const char *pkg_dir, uint32_t pkg_dir_len, ExportsResult *res) {
    size_t n = strlen(name);
    if (n < 2 || name[1] == '/' || name[n - 1] == '/') {
        fail(res, EXPORTS_INVALID_SPECIFIER, name);
        return;
    }
    if (!imports) {
        fail(res, EXPORTS_NOT_EXPORTED, name);
        return;
    }
    map_resolve(imports, name, true, conds, pkg_dir, pkg_dir_len, res);
}

void exports_list_keys(const JsJson *exports, char *buf, size_t cap) {
    size_t used = strlen(buf);
    bool subpaths = false;
    if (exports->kind == JS_JSON_OBJECT)
        for (uint32_t i = 0; i < exports->len; i++)
            if (exports->u.members[i].key[0] == '.') subpaths = true;
    if (!subpaths) {
        snprintf(buf + used, cap - used, "\".\"");
        return;
    }
    int shown = 0;
    for (uint32_t i = 0; i < exports->len; i++) {
        const JsJsonMember *it = &exports->u.members[i];
        if (it->value.kind == JS_JSON_NULL) continue;
        if (shown == 8) {
            used += (size_t)snprintf(buf + used, cap - used, ", ...");
            break;
        }
        int w = snprintf(buf + used, cap - used, "%s\"%s\"", shown ? ", " : "", it->key);
        if (w < 0 || (size_t)w >= cap - used) break;
        used += (size_t)w;
        shown++;
    }
}
