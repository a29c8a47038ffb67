/* Contract of the make phase (src/make): make_run builds the module graph
 * from the entries, reads each file once, connects cycles, numbers modules
 * in post-order from the entries whatever the thread count, keeps going
 * past errors, gives every module that is not an ES module its CommonJS
 * export names, and frees everything (this test also runs under ASan's leak
 * checker and ThreadSanitizer). */
#include "../unit/unit.h"

#include "make/make.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[256];

static void write_file(const char *name, const char *text) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void make_dir(void) {
    snprintf(dir, sizeof dir, "/tmp/bale-test-make-XXXXXX");
    assert_non_null(mkdtemp(dir));
}

static void remove_dir(void) {
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

typedef struct Built {
    ModuleGraph graph;
    DiagList diags;
    MakeStatus status;
    uint64_t files_read;
    Interner *interner;
    Resolver *resolver;
} Built;

static void build(Built *b, const char *const *entries, size_t n, unsigned threads) {
    BaleOptions o;
    bale_options_init(&o);
    o.entry_points = entries;
    o.entry_count = n;
    o.threads = threads;
    o.working_dir = dir;
    b->interner = interner_new();
    b->resolver = resolver_new(&o, b->interner);
    Profile p;
    profile_init(&p);
    diag_init(&b->diags);
    Pool *pool = pool_new(threads, make_task_size(), make_task_size(), NULL, NULL);
    MakeInput in = {&o, dir, b->interner, b->resolver, &p, pool};
    b->status = make_run(&in, &b->graph, &b->diags);
    assert_int_equal(pool_in_flight(pool), 0); /* make leaves its pool idle */
    pool_free(pool);
    b->files_read = profile_total(&p, profile_id(&p, "files read", PROFILE_COUNTER));
}

static void release(Built *b) {
    diag_free(&b->diags);
    graph_free(&b->graph);
    resolver_free(b->resolver);
    interner_free(b->interner);
}

/* The module's file name, after the test directory. */
static const char *name_of(const Built *b, ModuleId id) {
    return graph_module(&b->graph, id)->path->str + strlen(dir) + 1;
}

static void cycle_and_diamond_in_post_order(void **state) {
    make_dir();
    write_file("entry.js", "import './a.js'; import './b.js';");
    write_file("a.js", "import './c.js'; export const a = 1;");
    write_file("b.js", "const c = require('./c.js'); import('./a.js');");
    write_file("c.js", "import './entry.js';");
    const char *entries[] = {"entry.js"};
    for (unsigned threads = 1; threads <= 4; threads++) {
        Built b;
        build(&b, entries, 1, threads);
        assert_int_equal(b.status, MAKE_OK);
        assert_int_equal(b.graph.modules.len, 4);
        assert_int_equal(b.files_read, 4); /* c.js is imported twice, read once */
        /* entry -> a -> c -> (entry: seen); then b: c and a already seen. */
        assert_string_equal(name_of(&b, 1), "c.js");
        assert_string_equal(name_of(&b, 2), "a.js");
        assert_string_equal(name_of(&b, 3), "b.js");
        assert_string_equal(name_of(&b, 4), "entry.js");
        assert_int_equal(b.graph.entries.data[0], 4);
        /* Dependencies in source order, module by module. */
        const Module *m = graph_module(&b.graph, 3);
        assert_int_equal(m->ndeps, 2);
        assert_int_equal(graph_dep(&b.graph, m->first_dep)->kind, JS_DEP_REQUIRE);
        assert_int_equal(graph_dep(&b.graph, m->first_dep)->to, 1);
        assert_int_equal(graph_dep(&b.graph, m->first_dep + 1)->kind, JS_DEP_DYNAMIC_IMPORT);
        assert_int_equal(graph_dep(&b.graph, m->first_dep + 1)->to, 2);
        assert_int_equal(graph_dep(&b.graph, graph_module(&b.graph, 1)->first_dep)->to, 4); /* the cycle */
        assert_int_equal(b.graph.deps.len, 6);
        release(&b);
    }
    remove_dir();
    (void)state;
}

static void errors_do_not_stop_the_walk(void **state) {
    make_dir();
    write_file("entry.js", "import './missing.js'; import './bad.js'; import './ok.js';");
    write_file("bad.js", "let = ;");
    write_file("ok.js", "import './also-missing.js'; import './data.json';");
    write_file("data.json", "{\"a\": [1, 2, {\"b\": null}]}");
    const char *entries[] = {"entry.js", "nope.js"};
    Built b;
    build(&b, entries, 2, 3);
    assert_int_equal(b.status, MAKE_ERRORS);
    assert_int_equal(b.graph.modules.len, 4);
    assert_int_equal(b.diags.errors, 4); /* two unresolved, one syntax error, one missing entry */
    assert_int_equal(b.graph.entries.data[1], 0);
    diag_sort(&b.diags);
    assert_null(b.diags.items.data[0].file); /* the missing entry point */
    assert_string_equal(b.diags.items.data[1].file->path, "bad.js");
    assert_string_equal(b.diags.items.data[2].file->path, "entry.js");
    assert_string_equal(b.diags.items.data[3].file->path, "ok.js");
    release(&b);
    remove_dir();
    (void)state;
}

/* A wide, deep generated graph: every module imports the next two, so each
 * is reached many times; ids must not depend on the thread count. */
static void many_modules_same_ids_at_any_thread_count(void **state) {
    enum { N = 600 };
    make_dir();
    char name[64], text[256];
    for (int i = 0; i < N; i++) {
        snprintf(name, sizeof name, "m%d.js", i);
        if (i + 2 < N) snprintf(text, sizeof text, "import './m%d.js';\nconst x = require('./m%d');\n", i + 1, i + 2);
        else if (i + 1 < N) snprintf(text, sizeof text, "import './m%d.js';\n", i + 1);
        else snprintf(text, sizeof text, "import './m0.js';\n");
        write_file(name, text);
    }
    const char *entries[] = {"m0.js"};
    Built first;
    build(&first, entries, 1, 1);
    assert_int_equal(first.status, MAKE_OK);
    assert_int_equal(first.graph.modules.len, N);
    assert_int_equal(first.files_read, N);
    /* Depth first along the imports: m599 finishes first, m0 last. */
    for (ModuleId id = 1; id <= N; id++) {
        snprintf(name, sizeof name, "m%u.js", N - id);
        assert_string_equal(name_of(&first, id), name);
    }
    for (unsigned threads = 2; threads <= 8; threads *= 2) {
        Built b;
        build(&b, entries, 1, threads);
        assert_int_equal(b.graph.modules.len, N);
        assert_int_equal(b.files_read, N);
        for (ModuleId id = 1; id <= N; id++) assert_string_equal(name_of(&b, id), name_of(&first, id));
        release(&b);
    }
    release(&first);
    remove_dir();
    (void)state;
}

static const Module *module_named(const Built *b, const char *name) {
    for (ModuleId id = 1; id <= b->graph.modules.len; id++)
        if (!strcmp(name_of(b, id), name)) return graph_module(&b->graph, id);
    fail_msg("no module %s", name);
    return NULL;
}

static bool has_name(const JsCjsExports *e, const char *name) {
    for (uint32_t i = 0; i < e->names.len; i++)
        if (e->names.data[i].len == strlen(name) && !memcmp(e->names.data[i].str, name, e->names.data[i].len))
            return true;
    return false;
}

/* BUILD finds the CommonJS export names (js/cjs_exports.h) of every module
 * that is not an ES module, and of no other; they live as long as the graph
 * (this test runs under ASan's leak checker). */
static void cjs_export_names_on_the_body(void **state) {
    make_dir();
    write_file("entry.mjs", "import { a } from './lib.cjs'; import { e } from './esm.js'; import './plain.js';\n"
                            "import x from './broken.cjs';\n");
    write_file("lib.cjs", "exports.a = 1;\nObject.defineProperty(exports, 'b', { enumerable: true, get() { return c.d; } });\n"
                          "module.exports.q = require('./plain.js');\n");
    write_file("esm.js", "export const e = 1; exports.not = 2;\n");
    write_file("plain.js", "module.exports = require('./esm.js');\n");
    /* Valid JavaScript the lexer cannot read: after `function () {}` it takes
     * the / for a regular expression, and the quote after it opens a string. */
    write_file("broken.cjs", "var x = function () {} /'/';\nexports.z = 1;\n");
    const char *entries[] = {"entry.mjs"};
    for (unsigned threads = 1; threads <= 2; threads++) {
        Built b;
        build(&b, entries, 1, threads);
        assert_int_equal(b.status, MAKE_OK);
        const JsCjsExports *lib = &module_named(&b, "lib.cjs")->body->cjs_exports;
        assert_null(lib->error);
        assert_int_equal(lib->names.len, 3);
        assert_true(has_name(lib, "a") && has_name(lib, "b") && has_name(lib, "q"));
        const JsCjsExports *esm = &module_named(&b, "esm.js")->body->cjs_exports;
        assert_int_equal(esm->names.len, 0); /* an ES module: not scanned */
        assert_null(esm->error);
        const JsCjsExports *plain = &module_named(&b, "plain.js")->body->cjs_exports;
        assert_int_equal(plain->reexports.len, 1);
        assert_memory_equal(plain->reexports.data[0].str, "./esm.js", 8);
        const JsCjsExports *broken = &module_named(&b, "broken.cjs")->body->cjs_exports;
        assert_non_null(broken->error);
        assert_int_equal(broken->names.len, 0);
        release(&b);
    }
    remove_dir();
    (void)state;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cycle_and_diamond_in_post_order),
        cmocka_unit_test(errors_do_not_stop_the_walk),
        cmocka_unit_test(many_modules_same_ids_at_any_thread_count),
        cmocka_unit_test(cjs_export_names_on_the_body),
    };
    return RUN(tests);
}
