/* Contract of output/sourcemap: segments from the spans of a patched text
 * (lines and UTF-16 columns on both sides), the map's JSON and VLQ, and
 * base 64. */
#include "unit.h"

#include "output/input_map.h"
#include "output/sourcemap.h"

#include <stdlib.h>
#include <string.h>

/* "gl:gc>sl:sc " per segment. */
static char *segs_text(const OutMapSegs *s) {
    char *out = calloc(1, 1024);
    for (uint32_t i = 0; i < s->len; i++)
        snprintf(out + strlen(out), 1024 - strlen(out), "%u:%u>%u:%u ", s->data[i].gen_line, s->data[i].gen_col,
                 s->data[i].src_line, s->data[i].src_col);
    return out;
}

static void segments(void **state) {
    (void)state;
    /* source "a.b = 1;\nc(d);" patched: "a" -> "X.a", the rest copied */
    const char *src = "a.b = 1;\nc(d);";
    const char *text = "X.a.b = 1;\nc(d);";
    OutSpan spans[] = {{0, 0, 0}, {3, 1, 13}};
    OutMapSegs segs = {0};
    OutMapNames names = {0};
    out_map_segments(text, (uint32_t)strlen(text), src, (uint32_t)strlen(src), spans, 2, true, &segs, &names);
    char *got = segs_text(&segs);
    /* the edit at 0; the copy from ".b" (b a word); line 2: c, d */
    assert_string_equal(got, "0:0>0:0 0:3>0:1 0:4>0:2 0:8>0:6 1:0>1:0 1:2>1:2 ");
    /* the edit wrote X.a in place of the identifier a: its segment keeps the name a */
    assert_int_equal(segs.data[0].name, 1);
    assert_int_equal(names.at.len, 1);
    assert_string_equal(out_map_name_str(&names, 1), "a");
    for (uint32_t i = 1; i < segs.len; i++) assert_int_equal(segs.data[i].name, 0);
    /* each name once: a name given again has its first index */
    assert_int_equal(out_map_name(&names, "bb", 2), 2);
    assert_int_equal(out_map_name(&names, "a", 1), 1);
    assert_int_equal(out_map_name(&names, "bbc", 2), 2);
    assert_int_equal(out_map_name(&names, "b", 1), 3);
    assert_string_equal(out_map_name_str(&names, 3), "b");
    free(got);
    VEC_FREE(&segs);
    out_map_names_free(&names);
    /* UTF-16 columns: "é" is one unit, an astral character two; U+2028 ends a line */
    const char *s2 = "'\xC3\xA9\xF0\x9F\x98\x80' + x;\xE2\x80\xA8y";
    OutSpan sp2[] = {{0, 0, (uint32_t)strlen(s2)}};
    out_map_segments(s2, (uint32_t)strlen(s2), s2, (uint32_t)strlen(s2), sp2, 1, true, &segs, NULL);
    got = segs_text(&segs);
    assert_string_equal(got, "0:0>0:0 0:1>0:1 0:8>0:8 1:0>1:0 ");
    free(got);
    VEC_FREE(&segs);
}

static void json(void **state) {
    (void)state;
    const char *chunk = "// x\nA;\n";
    OutMapSeg segs[] = {{0, 0, 2, 4, 0, true, 0, 0}};
    OutPlace places[] = {{.offset = 5, .len = 3, .source = 0, .segs = segs, .nsegs = 1}};
    OutMapSource sources[] = {{"src/a \"q\".js", "l1\nl2\n", 6}};
    VecChar map = {0};
    out_sourcemap_json(chunk, (uint32_t)strlen(chunk), "out.js", sources, 1, places, 1, &map);
    VEC_PUSH(&map, 0);
    /* line 2 col 0 -> source 0, line 2 (+2: E), col 4 (I); then the end of the code: line 3 col 0 */
    assert_string_equal(map.data, "{\"version\":3,\"file\":\"out.js\",\"sources\":[\"src/a \\\"q\\\".js\"],"
                                  "\"sourcesContent\":[\"l1\\nl2\\n\"],\"names\":[],\"mappings\":\";AAEI;A\"}\n");
    VEC_FREE(&map);
    /* with names: two places, each segment naming one; the second's name field is relative to
     * the first's (the join and the per-place encoding agree on it) */
    const char *chunk2 = "A;B;\n";
    OutMapSeg s1[] = {{0, 0, 0, 0, 0, false, 1, 0}}, s2[] = {{0, 0, 0, 2, 0, false, 2, 0}};
    uint32_t n1[] = {2}, n2[] = {9, 1}; /* by each module's names: the map's index + 1 */
    OutPlace pl[] = {{.offset = 0, .len = 2, .segs = s1, .nsegs = 1, .names = n1, .name_before = 0},
                     {.offset = 2, .len = 2, .segs = s2, .nsegs = 1, .names = n2, .name_before = 1}};
    OutPlacePos pos[2];
    OutPlaceCode codes[2];
    out_sourcemap_positions(chunk2, (uint32_t)strlen(chunk2), pl, 2, pos);
    for (int i = 0; i < 2; i++) out_sourcemap_encode_place(&pl[i], &pos[i], &codes[i]);
    VecChar jnames = {0};
    out_puts(&jnames, "\"x\",\"y\"");
    out_sourcemap_join("out.js", sources, 1, NULL, &jnames, pl, pos, codes, 2, &map, NULL);
    VEC_PUSH(&map, 0);
    /* A->0:0 name 1 (C), its end; B->0:2 name 0 (D: -1) */
    assert_non_null(strstr(map.data, "\"names\":[\"x\",\"y\"],\"mappings\":\"AAAAC,E,AAAED,E\""));
    for (int i = 0; i < 2; i++) VEC_FREE(&codes[i].text);
    VEC_FREE(&jnames);
    VEC_FREE(&map);
}

static void base64(void **state) {
    (void)state;
    VecChar out = {0};
    out_base64(&out, "Man", 3);
    out_base64(&out, "Ma", 2);
    out_base64(&out, "M", 1);
    VEC_PUSH(&out, 0);
    assert_string_equal(out.data, "TWFuTWE=TQ==");
    VEC_FREE(&out);
}

static void input_maps(void **state) {
    (void)state;
    const char *json = "{\"version\":3,\"sourceRoot\":\"src\",\"sources\":[\"a.ts\"],\"sourcesContent\":[\"X\"],"
                       "\"mappings\":\"AAAA,EAAE;AACA,C\"}";
    VecChar text = {0};
    out_puts(&text, "x;\n//# sourceMappingURL=data:application/json;base64,");
    out_base64(&text, json, (uint32_t)strlen(json));
    VEC_PUSH(&text, 0);
    Arena a;
    arena_init(&a, 0);
    OutInputMap m;
    const char *why;
    assert_true(out_input_map_load(text.data, text.len - 1, "/m", &a, &m, &why));
    assert_int_equal(m.nsources, 1);
    assert_string_equal(m.sources[0].path, "/m/src/a.ts");
    assert_int_equal(m.sources[0].len, 1);
    uint32_t src, line, col;
    assert_true(out_input_map_find(&m, 0, 1, &src, &line, &col));
    assert_int_equal(line * 100 + col, 0);
    assert_true(out_input_map_find(&m, 0, 3, &src, &line, &col));
    assert_int_equal(line * 100 + col, 2);
    assert_true(out_input_map_find(&m, 1, 0, &src, &line, &col));
    assert_int_equal(line * 100 + col, 102); /* source columns are relative across lines */
    assert_false(out_input_map_find(&m, 1, 1, &src, &line, &col)); /* a one-field segment: nothing */
    assert_false(out_input_map_find(&m, 2, 0, &src, &line, &col));
    /* a text without the comment names none; a broken map says why */
    assert_false(out_input_map_load("x;", 2, "/m", &a, &m, &why));
    assert_null(why);
    const char *bad = "//# sourceMappingURL=data:application/json;base64,e30=";
    assert_false(out_input_map_load(bad, (uint32_t)strlen(bad), "/m", &a, &m, &why));
    assert_non_null(why);
    arena_free(&a);
    VEC_FREE(&text);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(segments),
        cmocka_unit_test(json),
        cmocka_unit_test(base64),
        cmocka_unit_test(input_maps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
