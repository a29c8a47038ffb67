/* resolve/package_json.c: parse one package.json into a PackageJson (see
 * package_json.h), and answer the two questions asked of it later: the
 * browser map lookup and the sideEffects match.
 * Memory: the PackageJson and its error message are on the heap, the JSON
 * tree and the glob list in the PackageJson's own arena; all owned by the
 * directory cache until the resolver is freed.  Runs on whichever worker
 * first lists the package's directory; read-only afterwards. */
#include "resolve/package_json.h"

#include "base/diag.h"
#include "base/mem.h"

#include <stdio.h>
#include <string.h>

static char *format_error(const char *dir, const char *what) {
    size_t n = strlen(dir) + strlen(what) + 64;
    char *s = mem_alloc(n);
    snprintf(s, n, "%s/package.json%s", dir, what);
    return s;
}

static void read_side_effects(PackageJson *pkg, const JsJson *v) {
    if (!v) return;
    if (v->kind == JS_JSON_TRUE || v->kind == JS_JSON_FALSE) {
        pkg->side_effects = v->kind == JS_JSON_TRUE ? SIDE_EFFECTS_TRUE : SIDE_EFFECTS_FALSE;
        return;
    }
    if (v->kind != JS_JSON_ARRAY) return; /* anything else is ignored, as webpack does */
    pkg->side_effects = SIDE_EFFECTS_LIST;
    pkg->side_effect_globs = ARENA_ARRAY(&pkg->arena, const char *, v->len ? v->len : 1);
    for (uint32_t i = 0; i < v->len; i++)
        if (v->u.items[i].kind == JS_JSON_STRING) pkg->side_effect_globs[pkg->side_effect_glob_count++] = v->u.items[i].u.str;
}

PackageJson *package_json_parse(const char *dir, uint32_t dir_len, const char *text, size_t len,
                                const char *const *main_fields, uint32_t main_field_count) {
    PackageJson *pkg = mem_zalloc(sizeof *pkg);
    pkg->dir = dir;
    pkg->dir_len = dir_len;
    arena_init(&pkg->arena, 4096);
    JsJsonError err;
    const JsJson *root = js_json_parse(text, len, JS_JSON_SKIP_BOM, &pkg->arena, &err);
    if (!root) {
        uint32_t line, col;
        diag_line_col(text, (uint32_t)(len < UINT32_MAX ? len : UINT32_MAX), err.start, &line, &col);
        char what[256];
        snprintf(what, sizeof what, ":%u:%u: is not valid JSON: %s", line, col, err.msg);
        pkg->error = format_error(dir, what);
        return pkg;
    }
    if (root->kind != JS_JSON_OBJECT) {
        pkg->error = format_error(dir, ": is not a JSON object");
        return pkg;
    }
    pkg->root = root;
    pkg->name = js_json_str(js_json_get_cstr(root, "name"));
    if (main_field_count > PKG_MAX_MAIN_FIELDS) main_field_count = PKG_MAX_MAIN_FIELDS;
    for (uint32_t i = 0; i < main_field_count; i++) {
        const char *m = js_json_str(js_json_get_cstr(root, main_fields[i]));
        if (m && m[0]) pkg->mains[i] = m;
    }
    const JsJson *v = js_json_get_cstr(root, "exports");
    if (v && v->kind != JS_JSON_NULL) pkg->exports = v;
    v = js_json_get_cstr(root, "imports");
    if (js_json_is(v, JS_JSON_OBJECT)) pkg->imports = v;
    v = js_json_get_cstr(root, "browser");
    if (js_json_is(v, JS_JSON_OBJECT)) pkg->browser_map = v;
    const char *type = js_json_str(js_json_get_cstr(root, "type"));
    pkg->type_module = type && strcmp(type, "module") == 0;
    read_side_effects(pkg, js_json_get_cstr(root, "sideEffects"));
    return pkg;
}

void package_json_free(PackageJson *pkg) {
    if (!pkg) return;
    arena_free(&pkg->arena);
    mem_free(pkg->error);
    mem_free(pkg);
}

const JsJson *package_json_browser_get(const PackageJson *pkg, const char *key, size_t len) {
    if (!pkg->browser_map) return NULL;
    const JsJson *v = js_json_get(pkg->browser_map, key, len);
    if (!v && len > 2 && key[0] == '.' && key[1] == '/') v = js_json_get(pkg->browser_map, key + 2, len - 2);
    if (v && v->kind != JS_JSON_STRING && v->kind != JS_JSON_FALSE) return NULL; /* other values are ignored */
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
