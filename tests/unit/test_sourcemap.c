/* Contract of output/sourcemap: segments from the spans of a patched text
 * (lines and UTF-16 columns on both sides), the map's JSON and VLQ, and
 * base 64. */
#include "unit.h"

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
    out_map_segments(text, (uint32_t)strlen(text), src, (uint32_t)strlen(src), spans, 2, &segs);
    char *got = segs_text(&segs);
    /* the edit at 0; the copy from ".b" (b a word); line 2: c, d */
    assert_string_equal(got, "0:0>0:0 0:3>0:1 0:4>0:2 0:8>0:6 1:0>1:0 1:2>1:2 ");
    free(got);
    VEC_FREE(&segs);
    /* UTF-16 columns: "é" is one unit, an astral character two; U+2028 ends a line */
    const char *s2 = "'\xC3\xA9\xF0\x9F\x98\x80' + x;\xE2\x80\xA8y";
    OutSpan sp2[] = {{0, 0, (uint32_t)strlen(s2)}};
    out_map_segments(s2, (uint32_t)strlen(s2), s2, (uint32_t)strlen(s2), sp2, 1, &segs);
    got = segs_text(&segs);
    assert_string_equal(got, "0:0>0:0 0:1>0:1 0:8>0:8 1:0>1:0 ");
    free(got);
    VEC_FREE(&segs);
}

static void json(void **state) {
    (void)state;
    const char *chunk = "// x\nA;\n";
    OutMapSeg segs[] = {{0, 0, 2, 4}};
    OutPlace places[] = {{.offset = 5, .len = 3, .source = 0, .segs = segs, .nsegs = 1}};
    OutMapSource sources[] = {{"src/a \"q\".js", "l1\nl2\n", 6}};
    VecChar map = {0};
    out_sourcemap_json(chunk, (uint32_t)strlen(chunk), "out.js", sources, 1, places, 1, &map);
    VEC_PUSH(&map, 0);
    /* line 2 col 0 -> source 0, line 2 (+2: E), col 4 (I); then the end of the code: line 3 col 0 */
    assert_string_equal(map.data, "{\"version\":3,\"file\":\"out.js\",\"sources\":[\"src/a \\\"q\\\".js\"],"
                                  "\"sourcesContent\":[\"l1\\nl2\\n\"],\"names\":[],\"mappings\":\";AAEI;A\"}\n");
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

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(segments),
        cmocka_unit_test(json),
        cmocka_unit_test(base64),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
