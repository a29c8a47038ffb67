/* js/define.c: --define's table and its lookup (see define.h).
 * In: BaleOptions; AST nodes whose identifiers the scope pass bound.
 * Out: JsDefines.  Memory: the table's arena. */
#include "js/define.h"

#include "js/json.h"

#include <string.h>

#define MAX_PARTS 16 /* names in a key: more is an error */

static bool name_start(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$'; }
static bool name_char(unsigned char c) { return name_start(c) || (c >= '0' && c <= '9'); }

/* The number of names in s[0..len) as a.b.c (ASCII names), or 0 when it is
 * no such chain. */
static uint32_t chain_parts(const char *s, size_t len) {
    uint32_t parts = 0;
    size_t i = 0;
    while (i < len) {
        if (!name_start((unsigned char)s[i])) return 0;
        while (i < len && name_char((unsigned char)s[i])) i++;
        parts++;
        if (i == len) break;
        if (s[i] != '.' || ++i == len) return 0;
    }
    return parts;
}

static void add(JsDefines *d, uint32_t *cap, const char *key, uint32_t parts, const char *value, size_t vlen) {
    if (d->len == *cap) {
        uint32_t ncap = *cap ? *cap * 2 : 8;
        JsDefine *n = ARENA_ARRAY(&d->arena, JsDefine, ncap);
        if (d->len) memcpy(n, d->items, sizeof *n * d->len);
        d->items = n;
        *cap = ncap;
    }
    /* an object or array could start a statement; -1.x would apply . to 1 */
    bool paren = value[0] == '{' || value[0] == '[' || value[0] == '-';
    char *v = arena_alloc(&d->arena, vlen + 3, 1);
    size_t k = 0;
    if (paren) v[k++] = '(';
    memcpy(v + k, value, vlen);
    k += vlen;
    if (paren) v[k++] = ')';
    v[k] = 0;
    uint8_t kind = chain_parts(value, vlen) ? JS_DEFINE_NAME
                   : value[0] == '{' || value[0] == '[' ? JS_DEFINE_OBJECT
                                                        : JS_DEFINE_PRIMITIVE;
    d->items[d->len++] = (JsDefine){arena_strndup(&d->arena, key, strlen(key)), (uint32_t)strlen(key), parts, v,
                                    (uint32_t)k, kind};
}

bool js_defines_build(const BaleOptions *o, JsDefines *out, DiagList *diags) {
    memset(out, 0, sizeof *out);
    arena_init(&out->arena, 0);
    uint32_t cap = 0, before = diags->errors;
    bool node_env = false;
    for (size_t i = 0; i < o->define_count; i++) {
        const char *key = o->defines[i].key ? o->defines[i].key : "", *value = o->defines[i].value ? o->defines[i].value : "";
        uint32_t parts = chain_parts(key, strlen(key));
        if (!parts || parts > MAX_PARTS) {
            diag_add(diags, DIAG_ERROR, DIAG_CONFIG, NULL, 0, 0,
                     "invalid define key \"%s\": expected a name or a member chain such as process.env.NODE_ENV", key);
            continue;
        }
        size_t vlen = strlen(value);
        JsJsonError err;
        if (!vlen || (!chain_parts(value, vlen) && !js_json_check(value, vlen, 0, &err))) {
            diag_add(diags, DIAG_ERROR, DIAG_CONFIG, NULL, 0, 0,
                     "invalid define value for \"%s\": %s%s%s (expected a JSON value such as '\"production\"', "
                     "1 or true, or a name such as globalThis.env)",
                     key, vlen ? "'" : "an empty value", value, vlen ? "'" : "");
            continue;
        }
        for (uint32_t k = 0; k < out->len; k++) /* the last one given wins, as on esbuild's command line */
            if (!strcmp(out->items[k].key, key)) out->items[k] = out->items[--out->len];
        add(out, &cap, key, parts, value, vlen);
        node_env = node_env || !strcmp(key, "process.env.NODE_ENV") || !strcmp(key, "process.env") || !strcmp(key, "process");
    }
    for (size_t i = 0; i < o->pure_count; i++) {
        const char *name = o->pure_names[i] ? o->pure_names[i] : "";
        if (!chain_parts(name, strlen(name)))
            diag_add(diags, DIAG_ERROR, DIAG_CONFIG, NULL, 0, 0,
                     "invalid --pure name \"%s\": expected a name or a member chain such as console.log", name);
    }
    out->pure = o->pure_names;
    out->npure = o->pure_count;
    if (o->platform == BALE_PLATFORM_BROWSER && !node_env) {
        bool minify = o->minify_whitespace || o->minify_identifiers || o->minify_syntax;
        const char *v = minify ? "\"production\"" : "\"development\"";
        add(out, &cap, "process.env.NODE_ENV", 3, v, strlen(v));
    }
    return diags->errors == before;
}

void js_defines_free(JsDefines *d) {
    arena_free(&d->arena);
    memset(d, 0, sizeof *d);
}

bool js_chain_is(const JsNode *n, const char *key, size_t len) {
    const char *end = key + len;
    for (;;) { /* key's names from the last, n's from the outermost member */
        const char *part = end;
        while (part > key && part[-1] != '.') part--;
        const JsNode *name = n;
        if (n->kind == JS_IDENTIFIER) {
            if (n->id.sym || part != key) return false;
        } else if (n->kind == JS_MEMBER && !(n->flags & JS_F_OPTIONAL) &&
                   n->b->kind == ((n->flags & JS_F_COMPUTED) ? JS_STRING_LIT : JS_IDENTIFIER)) { /* not a.#b */
            if (part == key) return false;
            name = n->b;
        } else {
            return false;
        }
        if (name->id.len != (size_t)(end - part) || memcmp(name->id.str, part, name->id.len)) return false;
        if (n->kind == JS_IDENTIFIER) return true;
        n = n->a;
        end = part - 1;
    }
}

const JsDefine *js_define_of(const JsDefines *d, const JsNode *n) {
    if (!d || (n->kind != JS_IDENTIFIER && n->kind != JS_MEMBER)) return NULL;
    for (uint32_t k = 0; k < d->len; k++)
        if (js_chain_is(n, d->items[k].key, d->items[k].key_len)) return &d->items[k];
    return NULL;
}

bool js_pure_callee(const char *const *pure, size_t npure, const JsNode *callee) {
    for (size_t k = 0; k < npure; k++)
        if (js_chain_is(callee, pure[k], strlen(pure[k]))) return true;
    return false;
}
