/* output/input_map.c: a module's own source map (input_map.h). */
#include "output/input_map.h"

#include "base/fs.h"
#include "base/mem.h"
#include "js/json.h"
#include "resolve/path.h"

#include <string.h>

/* The URL of the last `//# sourceMappingURL=` (or `//@`) comment line,
 * among the comment lines that end the file (where tools write it): only
 * the file's tail is read, from its end up to its last line of code. */
static bool find_url(const char *text, uint32_t len, const char **url, uint32_t *url_len) {
    static const char key[] = "sourceMappingURL=";
    const uint32_t klen = sizeof key - 1;
    uint32_t tail = len;
    for (;;) { /* back over blank lines and lines that are comments */
        while (tail && (text[tail - 1] == '\n' || text[tail - 1] == '\r' || text[tail - 1] == ' ' || text[tail - 1] == '\t'))
            tail--;
        uint32_t start = tail;
        while (start && text[start - 1] != '\n' && text[start - 1] != '\r') start--;
        uint32_t first = start;
        while (first < tail && (text[first] == ' ' || text[first] == '\t')) first++;
        bool comment = tail - first >= 2 && ((text[first] == '/' && (text[first + 1] == '/' || text[first + 1] == '*')) ||
                                             (text[tail - 2] == '*' && text[tail - 1] == '/'));
        if (!comment || !start) {
            tail = comment ? 0 : start;
            break;
        }
        tail = start;
    }
    for (uint32_t i = len; i-- > 4 && i >= tail;) {
        if (text[i] != 's' || i + klen > len || memcmp(text + i, key, klen)) continue;
        if (text[i - 1] != ' ' || (text[i - 2] != '#' && text[i - 2] != '@') || text[i - 3] != '/' || text[i - 4] != '/')
            continue;
        uint32_t s = i + klen, e = s;
        while (e < len && text[e] != '\n' && text[e] != '\r' && text[e] != ' ' && text[e] != '\t' && text[e] != '*') e++;
        if (e == s) return false;
        *url = text + s;
        *url_len = e - s;
        return true;
    }
    return false;
}

static int b64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
}

/* Decodes base 64 (padding optional) into arena; NULL when malformed. */
static char *b64_decode(const char *s, uint32_t n, Arena *arena, uint32_t *out_len) {
    char *out = arena_alloc(arena, (size_t)n * 3 / 4 + 4, 1);
    uint32_t k = 0, acc = 0, bits = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (s[i] == '=') break;
        int v = b64_value(s[i]);
        if (v < 0) return NULL;
        acc = acc << 6 | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[k++] = (char)(acc >> bits & 0xFF);
        }
    }
    out[k] = 0;
    *out_len = k;
    return out;
}

/* One VLQ value of s at *i; false at the end of a segment or when malformed. */
static bool vlq(const char *s, uint32_t n, uint32_t *i, int64_t *value) {
    uint64_t v = 0;
    unsigned shift = 0;
    for (;;) {
        if (*i >= n || shift > 60) return false;
        int d = b64_value(s[*i]);
        if (d < 0 || s[*i] == '-' || s[*i] == '_') return false;
        (*i)++;
        v |= (uint64_t)(d & 31) << shift;
        shift += 5;
        if (!(d & 32)) break;
    }
    *value = (v & 1) ? -(int64_t)(v >> 1) : (int64_t)(v >> 1);
    return true;
}

static bool decode_mappings(const char *s, uint32_t n, uint32_t nsources, Arena *arena, OutInputMap *out) {
    VEC(OutInputSeg) segs = {0};
    VecU32 first = {0};
    int64_t col = 0, source = 0, line = 0, scol = 0;
    VEC_PUSH(&first, 0);
    uint32_t i = 0;
    bool ok = true;
    while (i < n && ok) {
        if (s[i] == ';') {
            VEC_PUSH(&first, segs.len);
            col = 0;
            i++;
            continue;
        }
        if (s[i] == ',') {
            i++;
            continue;
        }
        int64_t f[5] = {0};
        int k = 0;
        while (k < 5 && i < n && s[i] != ',' && s[i] != ';') {
            if (!vlq(s, n, &i, &f[k])) {
                ok = false;
                break;
            }
            k++;
        }
        if (!ok || k == 2 || k == 3 || (i < n && s[i] != ',' && s[i] != ';')) {
            ok = false;
            break;
        }
        col += f[0];
        OutInputSeg sg = {.gen_col = (uint32_t)col, .source = OUT_MAP_NONE};
        if (k >= 4) {
            source += f[1], line += f[2], scol += f[3];
            if (source < 0 || source >= nsources || line < 0 || scol < 0 || col < 0) {
                ok = false;
                break;
            }
            sg.source = (uint32_t)source, sg.line = (uint32_t)line, sg.col = (uint32_t)scol;
        }
        VEC_PUSH(&segs, sg);
    }
    if (ok) {
        VEC_PUSH(&first, segs.len);
        out->nlines = first.len - 1;
        out->line_first = ARENA_ARRAY(arena, uint32_t, first.len);
        memcpy(out->line_first, first.data, sizeof(uint32_t) * first.len);
        out->segs = ARENA_ARRAY(arena, OutInputSeg, segs.len + 1);
        if (segs.len) memcpy(out->segs, segs.data, sizeof(OutInputSeg) * segs.len);
    }
    VEC_FREE(&segs);
    VEC_FREE(&first);
    return ok;
}

static bool is_url(const char *s, uint32_t n) {
    for (uint32_t i = 0; i < n && i < 32; i++) {
        if (s[i] == ':') return i > 1; /* "webpack://", "file://"; not "C:" */
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '+' || s[i] == '-' || s[i] == '.'))
            return false;
    }
    return false;
}

bool out_input_map_load(const char *text, uint32_t len, const char *dir, Arena *arena, OutInputMap *out,
                        const char **why) {
    memset(out, 0, sizeof *out);
    *why = NULL;
    const char *url;
    uint32_t url_len;
    if (!find_url(text, len, &url, &url_len)) return false;
    const char *json;
    uint32_t json_len;
    const char *map_dir = dir;
    static const char data[] = "data:application/json;";
    if (url_len > sizeof data - 1 && !memcmp(url, data, sizeof data - 1)) {
        const char *b = memchr(url, ',', url_len);
        if (!b || b - url < 7 || memcmp(b - 7, ";base64", 7)) {
            *why = "its data: URL is not base 64";
            return false;
        }
        json = b64_decode(b + 1, (uint32_t)(url + url_len - b - 1), arena, &json_len);
        if (!json) {
            *why = "its data: URL is not valid base 64";
            return false;
        }
    } else {
        if (is_url(url, url_len)) return false; /* http:... : not a file bale reads */
        PathBuf p;
        path_resolve(&p, dir, strlen(dir), url, url_len);
        FsFile f;
        if (p.overflow || fs_read_file(p.s, arena, &f) != FS_OK) {
            *why = "the .map file its sourceMappingURL names cannot be read";
            return false;
        }
        json = f.data, json_len = (uint32_t)f.len;
        map_dir = arena_strndup(arena, p.s, path_dir_len(p.s, p.len));
    }
    JsJsonError err;
    const JsJson *root = js_json_parse(json, json_len, JS_JSON_SKIP_BOM, arena, &err);
    const JsJson *version = root && root->kind == JS_JSON_OBJECT ? js_json_get_cstr(root, "version") : NULL;
    const JsJson *sources = root && root->kind == JS_JSON_OBJECT ? js_json_get_cstr(root, "sources") : NULL;
    const JsJson *mappings = root && root->kind == JS_JSON_OBJECT ? js_json_get_cstr(root, "mappings") : NULL;
    if (!version || version->kind != JS_JSON_NUMBER || version->u.num.value != 3 || !sources ||
        sources->kind != JS_JSON_ARRAY || !mappings || mappings->kind != JS_JSON_STRING) {
        *why = "it is not a version 3 source map";
        return false;
    }
    const JsJson *root_dir = js_json_get_cstr(root, "sourceRoot");
    const JsJson *contents = js_json_get_cstr(root, "sourcesContent");
    out->nsources = sources->len;
    out->sources = ARENA_ZARRAY(arena, OutMapSource, sources->len + 1);
    for (uint32_t i = 0; i < sources->len; i++) {
        const JsJson *s = &sources->u.items[i];
        const char *name = s->kind == JS_JSON_STRING ? s->u.str : "";
        uint32_t nlen = s->kind == JS_JSON_STRING ? s->len : 0;
        PathBuf rel;
        path_set(&rel, "", 0);
        if (root_dir && root_dir->kind == JS_JSON_STRING && root_dir->len && !is_url(name, nlen)) {
            path_append(&rel, root_dir->u.str, root_dir->len);
            if (rel.len && rel.s[rel.len - 1] != '/') path_append(&rel, "/", 1);
        }
        path_append(&rel, name, nlen);
        if (is_url(rel.s, rel.len)) {
            out->sources[i].path = arena_strndup(arena, rel.s, rel.len);
        } else {
            PathBuf abs;
            path_resolve(&abs, map_dir, strlen(map_dir), rel.s, rel.len);
            out->sources[i].path = arena_strndup(arena, abs.overflow ? rel.s : abs.s, abs.overflow ? rel.len : abs.len);
        }
        if (contents && contents->kind == JS_JSON_ARRAY && i < contents->len && contents->u.items[i].kind == JS_JSON_STRING) {
            out->sources[i].text = contents->u.items[i].u.str;
            out->sources[i].len = contents->u.items[i].len;
        }
    }
    if (!decode_mappings(mappings->u.str, mappings->len, out->nsources, arena, out)) {
        *why = "its mappings are malformed";
        memset(out, 0, sizeof *out);
        return false;
    }
    return true;
}

bool out_input_map_find(const OutInputMap *m, uint32_t line, uint32_t col, uint32_t *source, uint32_t *src_line,
                        uint32_t *src_col) {
    if (line >= m->nlines) return false;
    uint32_t lo = m->line_first[line], hi = m->line_first[line + 1];
    if (lo == hi || m->segs[lo].gen_col > col) return false;
    while (hi - lo > 1) { /* the last segment with gen_col <= col */
        uint32_t mid = lo + (hi - lo) / 2;
        if (m->segs[mid].gen_col <= col) lo = mid;
        else hi = mid;
    }
    const OutInputSeg *s = &m->segs[lo];
    if (s->source == OUT_MAP_NONE) return false;
    *source = s->source, *src_line = s->line, *src_col = s->col;
    return true;
}
