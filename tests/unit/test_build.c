/* Contract of bale_build's results (include/bale.h): the library prints
 * nothing; diagnostics come back as values and as the text bale prints,
 * the profile and the graph dump when asked for, and the bundle's bytes
 * when there is no outfile or outdir.  Builds run with 1 and 4 threads
 * (the pool serves make and code generation in turn; also under TSan). */
#include "unit.h"

#include "bale.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[64];

static void write_file(const char *name, const char *text) {
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state) {
    snprintf(dir, sizeof dir, "/tmp/bale-test-build.XXXXXX");
    assert_non_null(mkdtemp(dir));
    write_file("ok.js", "import { y } from './b.js';\nconsole.log(y);\n");
    write_file("b.js", "export const y = 1;\n");
    write_file("bad.js", "import { y } from './b.js';\nimport './missing.js';\n");
    return 0;
}

static int teardown(void **state) {
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

/* Builds entry from the test directory with the options set by the
 * caller, and checks that bale_build wrote nothing on stdout or stderr. */
static BaleStatus build(BaleOptions *o, const char **entry, BaleResult *r) {
    o->entry_points = entry;
    o->entry_count = 1;
    o->working_dir = dir;
    fflush(stdout);
    fflush(stderr);
    FILE *sink = tmpfile();
    assert_non_null(sink);
    int saved_out = dup(STDOUT_FILENO), saved_err = dup(STDERR_FILENO);
    dup2(fileno(sink), STDOUT_FILENO);
    dup2(fileno(sink), STDERR_FILENO);
    BaleStatus st = bale_build(o, r);
    dup2(saved_out, STDOUT_FILENO);
    dup2(saved_err, STDERR_FILENO);
    close(saved_out);
    close(saved_err);
    assert_int_equal(ftell(sink), 0);
    fseek(sink, 0, SEEK_END);
    assert_int_equal(ftell(sink), 0); /* the library printed nothing */
    fclose(sink);
    return st;
}

static void bundle_comes_back_when_there_is_no_outfile(void **state) {
    char *first = NULL;
    size_t first_len = 0;
    for (unsigned threads = 1; threads <= 4; threads += 3) {
        BaleOptions o;
        bale_options_init(&o);
        o.threads = threads;
        const char *entry = "ok.js";
        BaleResult r;
        assert_int_equal(build(&o, &entry, &r), BALE_OK);
        assert_non_null(r.bundle);
        assert_non_null(memmem(r.bundle, r.bundle_len, "console.log(", 12));
        assert_int_equal(r.outputs, 0);
        assert_int_equal(r.errors, 0);
        assert_int_equal(r.message_count, 0);
        assert_string_equal(r.diagnostics, "");
        assert_null(r.profile);
        assert_null(r.graph);
        if (!first) {
            first = malloc(r.bundle_len);
            memcpy(first, r.bundle, r.bundle_len);
            first_len = r.bundle_len;
        } else {
            assert_int_equal(r.bundle_len, first_len);
            assert_memory_equal(r.bundle, first, first_len);
        }
        bale_result_free(&r);
        assert_null(r.bundle);
        bale_result_free(&r); /* a freed result is zeroed: freeing it again is fine */
    }
    free(first);
}

static void outfile_gets_the_bundle_and_the_result_none(void **state) {
    BaleOptions o;
    bale_options_init(&o);
    char out[128];
    snprintf(out, sizeof out, "%s/out.js", dir);
    o.outfile = out;
    const char *entry = "ok.js";
    BaleResult r;
    assert_int_equal(build(&o, &entry, &r), BALE_OK);
    assert_null(r.bundle);
    assert_int_equal(r.outputs, 1);
    assert_int_equal(access(out, F_OK), 0);
    bale_result_free(&r);
    unlink(out);
}

static void diagnostics_as_values_and_as_text(void **state) {
    BaleOptions o;
    bale_options_init(&o);
    const char *entry = "bad.js";
    BaleResult r;
    assert_int_equal(build(&o, &entry, &r), BALE_ERR_BUILD);
    assert_null(r.bundle);
    assert_int_equal(r.errors, 1);
    assert_int_equal(r.message_count, 1);
    const BaleMessage *m = &r.messages[0];
    assert_int_equal(m->severity, BALE_SEVERITY_ERROR);
    assert_string_equal(m->code, "resolve-not-found");
    assert_string_equal(m->file, "bad.js");
    assert_int_equal(m->line, 2);
    assert_int_equal(m->column, 8);
    assert_string_equal(m->text, "could not resolve \"./missing.js\"");
    /* The rendered text is what bale prints: the frame, then the notes. */
    const char *head = "bad.js:2:8: error: could not resolve \"./missing.js\" [resolve-not-found]\n"
                       "    2 | import './missing.js';\n"
                       "      |        ^~~~~~~~~~~~~~\n"
                       "note: tried ";
    assert_int_equal(strncmp(m->rendered, head, strlen(head)), 0);
    assert_string_equal(r.diagnostics, m->rendered);
    assert_int_equal(r.diagnostics_len, strlen(m->rendered));
    bale_result_free(&r);

    o.color = true;
    assert_int_equal(build(&o, &entry, &r), BALE_ERR_BUILD);
    assert_non_null(strstr(r.messages[0].rendered, "\x1b[1;31merror"));
    bale_result_free(&r);

    /* SILENT: nothing to print, but the messages are still there. */
    o.color = false;
    o.log_level = BALE_LOG_SILENT;
    assert_int_equal(build(&o, &entry, &r), BALE_ERR_BUILD);
    assert_string_equal(r.diagnostics, "");
    assert_int_equal(r.message_count, 1);
    bale_result_free(&r);
}

static void invalid_options_are_messages_without_a_file(void **state) {
    BaleOptions o;
    bale_options_init(&o);
    BaleResult r;
    assert_int_equal(bale_build(&o, &r), BALE_ERR_INVALID_OPTIONS);
    assert_int_equal(r.message_count, 1);
    assert_string_equal(r.messages[0].code, "config");
    assert_null(r.messages[0].file);
    assert_int_equal(r.messages[0].line, 0);
    assert_string_equal(r.diagnostics, "bale: error: no entry points (give at least one file to bundle) [config]\n");
    bale_result_free(&r);
    assert_int_equal(bale_build(&o, NULL), BALE_ERR_INVALID_OPTIONS); /* result may be NULL */
}

static void profile_and_graph_when_asked(void **state) {
    BaleOptions o;
    bale_options_init(&o);
    o.profile = true;
    o.dump_graph = true;
    o.threads = 2;
    const char *entry = "ok.js";
    BaleResult r;
    assert_int_equal(build(&o, &entry, &r), BALE_OK);
    assert_non_null(r.profile);
    assert_int_equal(strncmp(r.profile, "name ", 5), 0);
    assert_non_null(strstr(r.profile, "seal: code generation"));
    assert_int_equal(strlen(r.profile), r.profile_len);
    assert_non_null(r.graph);
    assert_string_equal(r.graph, "entry 1 -> 2\n"
                                 "module 1 js esm b.js\n"
                                 "module 2 js esm ok.js\n"
                                 "  import \"./b.js\" -> 1\n");
    assert_int_equal(strlen(r.graph), r.graph_len);
    bale_result_free(&r);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bundle_comes_back_when_there_is_no_outfile),
        cmocka_unit_test(outfile_gets_the_bundle_and_the_result_none),
        cmocka_unit_test(diagnostics_as_values_and_as_text),
        cmocka_unit_test(invalid_options_are_messages_without_a_file),
        cmocka_unit_test(profile_and_graph_when_asked),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
