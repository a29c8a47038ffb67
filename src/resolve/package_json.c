/* resolve/package_json.c: parse one package.json into a PackageJson (see
 * package_json.h), and answer the two questions asked of it later: the
 * browser map lookup and the sideEffects match.
 * Memory: the PackageJson and its cJSON tree are on the heap, owned by the
 * directory cache until the resolver is freed.  Runs on whichever worker
 * first lists the package's directory; read-only afterwards. */
#include "resolve/package_json.h"

#include "base/mem.h"

#include <stdio.h>
#include <string.h>

static char *format_error(const char *dir, const char *what) {
    size_t n = strlen(dir) + strlen(what) + 64;
    char *s = mem_alloc(n);
    snprintf(s, n, "%s/package.json: %s", dir, what);
    return s;
}

static void read_side_effects(PackageJson *pkg, const cJSON *v) {
    if (!v) return;
    if (cJSON_IsBool(v)) {
        pkg->side_effects = cJSON_IsTrue(v) ? SIDE_EFFECTS_TRUE : SIDE_EFFECTS_FALSE;
        return;
    }
    if (!cJSON_IsArray(v)) return; /* anything else is ignored, as webpack does */
    uint32_t n = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, v) if (cJSON_IsString(it)) n++;
    pkg->side_effects = SIDE_EFFECTS_LIST;
    pkg->side_effect_globs = mem_alloc(sizeof(char *) * (n ? n : 1));
    cJSON_ArrayForEach(it, v) if (cJSON_IsString(it)) pkg->side_effect_globs[pkg->side_effect_glob_count++] = it->valuestring;
}

PackageJson *package_json_parse(const char *dir, uint32_t dir_len, const char *text, size_t len,
                                const char *const *main_fields, uint32_t main_field_count) {
    PackageJson *pkg = mem_zalloc(sizeof *pkg);
    pkg->dir = dir;
    pkg->dir_len = dir_len;
    /* A UTF-8 byte order mark is allowed, as Node strips it. */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) text += 3, len -= 3;
    cJSON *root = cJSON_ParseWithLength(text, len);
    if (!root || !cJSON_IsObject(root)) {
        pkg->error = format_error(dir, root ? "is not a JSON object" : "is not valid JSON");
        cJSON_Delete(root);
        return pkg;
    }
    pkg->root = root;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, "name");
    if (cJSON_IsString(v)) pkg->name = v->valuestring;
    if (main_field_count > PKG_MAX_MAIN_FIELDS) main_field_count = PKG_MAX_MAIN_FIELDS;
    for (uint32_t i = 0; i < main_field_count; i++) {
        v = cJSON_GetObjectItemCaseSensitive(root, main_fields[i]);
        if (cJSON_IsString(v) && v->valuestring[0]) pkg->mains[i] = v->valuestring;
    }
    v = cJSON_GetObjectItemCaseSensitive(root, "exports");
    if (v && !cJSON_IsNull(v)) pkg->exports = v;
    v = cJSON_GetObjectItemCaseSensitive(root, "imports");
    if (cJSON_IsObject(v)) pkg->imports = v;
    v = cJSON_GetObjectItemCaseSensitive(root, "browser");
    if (cJSON_IsObject(v)) pkg->browser_map = v;
    v = cJSON_GetObjectItemCaseSensitive(root, "type");
    pkg->type_module = cJSON_IsString(v) && strcmp(v->valuestring, "module") == 0;
    read_side_effects(pkg, cJSON_GetObjectItemCaseSensitive(root, "sideEffects"));
    return pkg;
}

void package_json_free(PackageJson *pkg) {
    if (!pkg) return;
    cJSON_Delete(pkg->root);
    mem_free(pkg->side_effect_globs);
    mem_free(pkg->error);
    mem_free(pkg);
}

static const cJSON *object_get(const cJSON *obj, const char *key, size_t len) {
    const cJSON *it;
    cJSON_ArrayForEach(it, obj) {
        if (it->string && strlen(it->string) == len && memcmp(it->string, key, len) == 0) return it;
    }
    return NULL;
}

const cJSON *package_json_browser_get(const PackageJson *pkg, const char *key, size_t len) {
    if (!pkg->browser_map) return NULL;
    const cJSON *v = object_get(pkg->browser_map, key, len);
    if (!v && len > 2 && key[0] == '.' && key[1] == '/') v = object_get(pkg->browser_map, key + 2, len - 2);
    if (v && !cJSON_IsString(v) && !cJSON_IsFalse(v)) return NULL; /* other values are ignored */
    return v;
}

/* Glob match: '*' within a path segment, '**' across segments, '?' one
 * character.  Recursive on '*' only, and patterns are short. */
static bool glob(const char *p, const char *s, const char *s_end) {
    while (*p) {
        if (p[0] == '*' && p[1] == '*') {
            p += 2;
            if (*p == '/') p++;
            for (const char *t = s; t <= s_end; t++)
                if (glob(p, t, s_end)) return true;
            return false;
        }
        if (*p == '*') {
            p++;
            for (const char *t = s; t <= s_end; t++) {
                if (glob(p, t, s_end)) return true;
                if (t < s_end && *t == '/') break;
            }
            return false;
        }
        if (s == s_end) return false;
        if (*p != '?' && *p != *s) return false;
        p++, s++;
    }
    return s == s_end;
}

bool package_json_has_side_effects(const PackageJson *pkg, const char *path, size_t len) {
    switch (pkg->side_effects) {
    case SIDE_EFFECTS_UNSET:
    case SIDE_EFFECTS_TRUE: return true;
    case SIDE_EFFECTS_FALSE: return false;
    case SIDE_EFFECTS_LIST: break;
    }
    if (len <= pkg->dir_len + 1 || memcmp(path, pkg->dir, pkg->dir_len) != 0) return true;
    const char *rel = path + pkg->dir_len + 1, *end = path + len;
    const char *base = end;
    while (base > rel && base[-1] != '/') base--;
    for (uint32_t i = 0; i < pkg->side_effect_glob_count; i++) {
        const char *g = pkg->side_effect_globs[i];
        if (g[0] == '.' && g[1] == '/') g += 2;
        bool matched = strchr(g, '/') ? glob(g, rel, end) : glob(g, base, end);
        if (matched) return true;
    }
    return false;
}
