/* resolve/package_json.c: parse one package.json into a PackageJson (see
 * package_json.h), and answer the browser map lookup asked of it later
 * ("sideEffects" patterns are compiled here and matched in side_effects.c).
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

static void warn(PackageJson *pkg, const char *text, size_t len, const JsJson *v, const char *msg) {
    if (pkg->warning.msg) {
        pkg->warning.more++;
        return;
    }
    pkg->warning.msg = msg;
    pkg->warning.offset = v->offset;
    char *copy = arena_alloc(&pkg->arena, len + 1, 1);
    memcpy(copy, text, len);
    copy[len] = 0;
    pkg->warning.text = copy;
    pkg->warning.text_len = (uint32_t)len;
}

/* "sideEffects": a boolean or an array of strings.  As esbuild: any other
 * value is ignored with a warning (webpack would take a string for one
 * pattern), and so is an array element that is not a string, the rest of
 * the array still counting. */
static void read_side_effects(PackageJson *pkg, const char *text, size_t len, const JsJson *v) {
    if (!v) return;
    if (v->kind == JS_JSON_TRUE || v->kind == JS_JSON_FALSE) {
        pkg->side_effects = v->kind == JS_JSON_TRUE ? SIDE_EFFECTS_TRUE : SIDE_EFFECTS_FALSE;
        return;
    }
    if (v->kind != JS_JSON_ARRAY) {
        warn(pkg, text, len, v, "the value for \"sideEffects\" must be a boolean or an array, so it is ignored");
        return;
    }
    pkg->side_effects = SIDE_EFFECTS_LIST;
    pkg->side_effect_globs = ARENA_ARRAY(&pkg->arena, const SideEffectsGlob *, v->len ? v->len : 1);
    for (uint32_t i = 0; i < v->len; i++) {
        const JsJson *item = &v->u.items[i];
        if (item->kind != JS_JSON_STRING) {
            warn(pkg, text, len, item, "expected a string in the array for \"sideEffects\"; this element is ignored");
            continue;
        }
        pkg->side_effect_globs[pkg->side_effect_glob_count++] =
            side_effects_glob_compile(&pkg->arena, item->u.str, item->len);
    }
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
    read_side_effects(pkg, text, len, js_json_get_cstr(root, "sideEffects"));
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

const PackageWarning *package_json_take_warning(PackageJson *pkg) {
    if (!pkg || !pkg->warning.msg || atomic_exchange(&pkg->warned, true)) return NULL;
    return &pkg->warning;
}
