/* Contract of output/edits: a module's text is its source with sorted
 * edits applied (replace, insert, delete, holes filled by a callback) and
 * cuts left out with every edit inside them, an insert at a cut's edge
 * kept; overlapping edits, an edit across a cut, or cuts out of order are
 * refused (false) in every build, never written as a broken text. */
#include "unit.h"

#include "output/edits.h"

#include <stdlib.h>
#include <string.h>

static void hole_text(void *ctx, const OutEdit *h, VecChar *out) {
    (void)ctx;
    out_puts(out, h->arg == 1 ? "ONE" : "TWO");
}

/* The text of src with the edits made by the caller and cuts, or NULL when refused. */
static char *apply(const char *src, OutEdits *e, const OutCut *cuts, uint32_t ncuts) {
    out_edits_sort(e);
    VecChar out = {0};
    bool ok = out_edits_write_cut(e->items.data, e->items.len, cuts, ncuts, src, (uint32_t)strlen(src), &out, hole_text, NULL,
                                  NULL);
    VEC_PUSH(&out, 0);
    char *s = ok ? strdup(out.data) : NULL;
    VEC_FREE(&out);
    out_edits_free(e);
    return s;
}

#define EXPECT(got, want)                     \
    do {                                      \
        char *g_ = (got);                     \
        assert_non_null(g_);                  \
        assert_string_equal(g_, (want));      \
        free(g_);                             \
    } while (0)

static void edits_apply_in_order(void **state) {
    (void)state;
    OutEdits e = {0};
    out_edit_replace(&e, 4, 7, "let", 3);
    out_edit_insert(&e, 0, "/*a*/", 5);
    out_edit_insert(&e, 0, "/*b*/", 5); /* inserts at one offset keep the order they were made in */
    out_edit_hole(&e, 8, 9, OUT_HOLE_REF, OUT_CTX_PLAIN, 1);
    out_edit_delete(&e, 9, 10);
    EXPECT(apply("var var x; y", &e, NULL, 0), "/*a*//*b*/var let ONE y");
}

static void cuts_swallow_their_edits(void **state) {
    (void)state;
    OutEdits e = {0};
    /* "a; b; c;": b's statement is cut with the hole inside it; the inserts
     * at its edges belong to the neighbours and stay */
    out_edit_hole(&e, 3, 4, OUT_HOLE_REF, OUT_CTX_PLAIN, 2);
    out_edit_insert(&e, 3, "<", 1);
    out_edit_insert(&e, 5, ">", 1);
    OutCut cuts[] = {{3, 5}};
    EXPECT(apply("a; b; c;", &e, cuts, 1), "a; <> c;");
}

static void overlaps_are_refused(void **state) {
    (void)state;
    OutEdits e = {0};
    out_edit_replace(&e, 0, 4, "x", 1);
    out_edit_replace(&e, 2, 6, "y", 1);
    assert_null(apply("abcdefgh", &e, NULL, 0));
    out_edit_replace(&e, 2, 6, "y", 1); /* across a cut */
    OutCut cut[] = {{0, 4}};
    assert_null(apply("abcdefgh", &e, cut, 1));
    OutCut disorder[] = {{4, 6}, {0, 2}};
    assert_null(apply("abcdefgh", &e, disorder, 2));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(edits_apply_in_order),
        cmocka_unit_test(cuts_swallow_their_edits),
        cmocka_unit_test(overlaps_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
