/* output/mangle.c: short names for a piece's bindings (mangle.h). */
#include "output/mangle.h"

#include "base/map.h"
#include "base/mem.h"

#include <stdlib.h>
#include <string.h>

static const char first_chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$";
static const char next_chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$0123456789";

uint32_t out_short_name(uint32_t k, char buf[9]) {
    const uint32_t nf = sizeof first_chars - 1, nn = sizeof next_chars - 1;
    uint32_t n = 0;
    buf[n++] = first_chars[k % nf];
    k /= nf;
    while (k && n < 8) {
        k--;
        buf[n++] = next_chars[k % nn];
        k /= nn;
    }
    buf[n] = 0;
    return n;
}

static const char *const reserved[] = {
    "do", "if", "in", "for", "let", "new", "try", "var", "NaN", "case", "else", "enum", "eval", "null", "this",
    "true", "void", "with", "await", "break", "catch", "class", "const", "false", "super", "throw", "while",
    "yield", "delete", "export", "import", "public", "return", "static", "switch", "typeof", "default", "extends",
    "finally", "package", "private", "continue", "debugger", "function", "arguments", "interface", "protected",
    "undefined", "Infinity", "implements", "instanceof",
};

bool out_name_reserved(const char *s, uint32_t len) {
    if (len < 2 || len > 10) return false;
    for (size_t i = 0; i < sizeof reserved / sizeof *reserved; i++)
        if (strlen(reserved[i]) == len && !memcmp(reserved[i], s, len)) return true;
    return false;
}

typedef struct SlotUse {
    uint32_t slot, uses;
} SlotUse;

static int by_uses(const void *pa, const void *pb) {
    const SlotUse *a = pa, *b = pb;
    if (a->uses != b->uses) return a->uses > b->uses ? -1 : 1;
    return a->slot < b->slot ? -1 : a->slot > b->slot;
}

OutMangled *out_mangle(const JsScopes *s, const char *keep_prefix, Arena *a) {
    size_t nkeep = keep_prefix ? strlen(keep_prefix) : 0;
    uint32_t nsym = s->symbols.len, nscope = s->scopes.len;
    if (!nsym || !nscope || (js_scope(s, 1)->flags & JS_SCOPE_DIRECT_EVAL)) return NULL;
    for (uint32_t i = 1; i <= nscope; i++)
        if (js_scope(s, i)->kind == JS_SCOPE_WITH) return NULL;
    uint8_t *keep = ARENA_ZARRAY(a, uint8_t, nsym + 1);
    uint32_t *count = ARENA_ZARRAY(a, uint32_t, nscope + 1), *base = ARENA_ZARRAY(a, uint32_t, nscope + 1);
    uint32_t *slot = ARENA_ZARRAY(a, uint32_t, nsym + 1);
    for (uint32_t i = 1; i <= nsym; i++) {
        const JsSymbol *y = js_symbol(s, i);
        switch ((JsSymbolKind)y->kind) {
        case JS_SYM_FUNCTION:
        case JS_SYM_BLOCK_FUNCTION:
        case JS_SYM_CLASS:
        case JS_SYM_CLASS_NAME:
        case JS_SYM_FUNCTION_NAME:
        case JS_SYM_ARGUMENTS: keep[i] = 1; break;
        default: break;
        }
        if (y->scope == 1 || (y->flags & (JS_SYMF_IN_WITH | JS_SYMF_ANNEX_B | JS_SYMF_NAMES_VALUE))) keep[i] = 1;
        if (nkeep && y->len >= nkeep && !memcmp(y->name, keep_prefix, nkeep)) keep[i] = 1;
        if (!keep[i]) count[y->scope]++;
    }
    /* scopes are in preorder: a parent's base is known before its children's */
    uint32_t nslots = 0;
    for (uint32_t i = 1; i <= nscope; i++) {
        const JsScope *sc = js_scope(s, i);
        base[i] = sc->parent ? base[sc->parent] + count[sc->parent] : 0;
        if (base[i] + count[i] > nslots) nslots = base[i] + count[i];
    }
    if (!nslots) return NULL;
    SlotUse *uses = ARENA_ZARRAY(a, SlotUse, nslots);
    for (uint32_t i = 0; i < nslots; i++) uses[i].slot = i;
    uint32_t *next = ARENA_ZARRAY(a, uint32_t, nscope + 1);
    for (uint32_t i = 1; i <= nsym; i++) {
        if (keep[i]) continue;
        const JsSymbol *y = js_symbol(s, i);
        slot[i] = base[y->scope] + next[y->scope]++;
        uses[slot[i]].uses += 1 + y->reads + y->writes;
    }
    qsort(uses, nslots, sizeof *uses, by_uses);
    /* the names no slot may take: free names and the names that stay */
    Map avoid = {0};
    for (uint32_t i = 0; i < s->refs.len; i++) {
        const JsNode *id = s->refs.data[i].node;
        if (!id->id.sym) map_put_str(&avoid, id->id.str, id->id.len, 1);
    }
    for (uint32_t i = 1; i <= nsym; i++)
        if (keep[i]) map_put_str(&avoid, js_symbol(s, i)->name, js_symbol(s, i)->len, 1);
    OutMangled *slot_name = ARENA_ZARRAY(a, OutMangled, nslots);
    uint32_t k = 0;
    for (uint32_t i = 0; i < nslots; i++) {
        char buf[9];
        uint32_t len;
        uint64_t v;
        do len = out_short_name(k++, buf);
        while (out_name_reserved(buf, len) || map_get_str(&avoid, buf, len, &v));
        slot_name[uses[i].slot] = (OutMangled){arena_strndup(a, buf, len), len};
    }
    map_free(&avoid);
    OutMangled *names = ARENA_ZARRAY(a, OutMangled, nsym + 1);
    for (uint32_t i = 1; i <= nsym; i++)
        if (!keep[i]) names[i] = slot_name[slot[i]];
    return names;
}
