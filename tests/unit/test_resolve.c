/* Contract of resolve/: the diagnostics (code frame, tried paths, hint),
 * what a result carries (sideEffects), the directory cache's promise (each
 * directory listed and each package.json read at most once), and sharing one
 * Resolver between threads (this test also runs under ThreadSanitizer).
 * Whether answers are *right* is tests/resolve's job: 880 cases against
 * Node and enhanced-resolve. */
#include "unit.h"

#include "base/diag.h"
#include "base/intern.h"
#include "resolve/resolve.h"
#include "resolve/side_effects.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- A temporary tree -------------------------------------------------- */

static char root[512];

static void mkdirs(const char *path) {
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        mkdir(buf, 0777);
        *p = '/';
    }
    mkdir(buf, 0777);
}

/* Writes ROOT/rel with text (NULL: empty), creating parents. */
static void put(const char *rel, const char *text) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    char *slash = strrchr(path, '/');
    *slash = '\0';
    mkdirs(path);
    *slash = '/';
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    if (text) fputs(text, f);
    fclose(f);
}

static void link_to(const char *rel, const char *target) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    assert_int_equal(symlink(target, path), 0);
}

static const char *at(const char *rel) {
    static char buf[1024];
    snprintf(buf, sizeof buf, "%s/%s", root, rel);
    return buf;
}

static int setup_tree(void **state) {
    char tmpl[] = "/tmp/bale-test-resolve-XXXXXX";
    if (!mkdtemp(tmpl) || !realpath(tmpl, root)) return -1;
    put("app/package.json", "{\"name\": \"app\", \"sideEffects\": [\"*.css\", \"./src/polyfill.js\"]}");
    put("app/src/main.js", NULL);
    put("app/src/polyfill.js", NULL);
    put("app/src/style.css", NULL);
    put("app/node_modules/pure/package.json", "{\"main\": \"index.js\", \"sideEffects\": false}");
    put("app/node_modules/pure/index.js", NULL);
    put("app/node_modules/gated/package.json", "{\"exports\": {\".\": \"./index.js\", \"./feature\": \"./feature.js\"}}");
    put("app/node_modules/gated/index.js", NULL);
    put("app/node_modules/gated/feature.js", NULL);
    put("app/node_modules/gated/secret.js", NULL);
    /* Node: "Error parsing .../package.json: Expected ',' or '}' after
     * property value in JSON at position 25", which is 3:3. */
    put("app/node_modules/broken/package.json", "{\n  \"main\": \"index.js\"\n  \"name\": \"broken\"\n}\n");
    put("app/node_modules/broken/index.js", NULL);
    /* Node strips the byte order mark, and the last "main" wins (b.js). */
    put("app/node_modules/twice/package.json", "\xEF\xBB\xBF{\"main\": \"a.js\", \"main\": \"b.js\"}");
    put("app/node_modules/twice/a.js", NULL);
    put("app/node_modules/twice/b.js", NULL);
    link_to("app/src/loop", "loop");
    return 0;
}

static int teardown_tree(void **state) {
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

/* ---- Helpers ------------------------------------------------------------- */

static Resolver *make(Interner *in, BalePlatform platform) {
    BaleOptions o;
    bale_options_init(&o);
    o.platform = platform;
    return resolver_new(&o, in);
}

/* Resolves request written in `source` at its first occurrence in quotes,
 * and returns the printed diagnostics (caller frees). */
static char *diagnose(Resolver *r, const char *dir, const char *source, const char *request) {
    DiagFile file = {"src/main.js", source, (uint32_t)strlen(source)};
    char quoted[256];
    snprintf(quoted, sizeof quoted, "\"%s\"", request);
    const char *hit = strstr(source, quoted);
    assert_non_null(hit);
    ResolveSite site = {&file, (uint32_t)(hit - source), (uint32_t)(hit - source + strlen(quoted))};
    DiagList diags;
    diag_init(&diags);
    ResolveResult res = resolve_request(r, dir, request, BALE_IMPORT_ESM, &site, &diags);
    assert_int_equal(res.outcome, RESOLVE_ERROR);
    assert_int_equal(diags.errors, 1);
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    diag_print(&diags, out, false);
    fclose(out);
    diag_free(&diags);
    return text;
}

static void expect_in(const char *text, const char *needle) {
    if (!strstr(text, needle)) fail_msg("missing \"%s\" in:\n%s", needle, text);
}

/* ---- Tests --------------------------------------------------------------------- */

static void not_found_has_code_frame_tried_paths_and_hint(void **state) {
    Interner *in = interner_new();
    Resolver *r = make(in, BALE_PLATFORM_BROWSER);
    char *text = diagnose(r, at("app/src"), "import x from \"./main\";\nimport { pad } from \"./utils\";\n", "./utils");
    expect_in(text, "src/main.js:2:21: error: could not resolve \"./utils\" [resolve-not-found]");
    expect_in(text, "    2 | import { pad } from \"./utils\";");
    expect_in(text, "^~~~~~~~~");
    expect_in(text, "tried ");
    expect_in(text, "/app/src/utils.js");
    expect_in(text, "/app/src/utils/ (no such directory)");
    expect_in(text, "hint: check the path");
    free(text);
    resolver_free(r);
    interner_free(in);
}

static void missing_package_hint_suggests_install_or_external(void **state) {
    Interner *in = interner_new();
    Resolver *r = make(in, BALE_PLATFORM_BROWSER);
    char *text = diagnose(r, at("app/src"), "import \"left-pad/x\";", "left-pad/x");
    expect_in(text, "npm install left-pad");
    expect_in(text, "--external:left-pad");
    free(text);
    resolver_free(r);
    interner_free(in);
}

static void unexported_subpath_names_what_is_exported(void **state) {
    Interner *in = interner_new();
    Resolver *r = make(in, BALE_PLATFORM_NODE);
    char *text = diagnose(r, at("app/src"), "import \"gated/secret.js\";", "gated/secret.js");
    expect_in(text, "[resolve-exports]");
    expect_in(text, "package \"gated\" does not export \"./secret.js\"");
    expect_in(text, "\"./feature\"");
    expect_in(text, "active conditions: import, node");
    free(text);
    resolver_free(r);
    interner_free(in);
}

static void bad_package_json_says_where(void **state) {
    Interner *in = interner_new();
    Resolver *r = make(in, BALE_PLATFORM_NODE);
    char *text = diagnose(r, at("app/src"), "import \"broken\";", "broken");
    expect_in(text, "[resolve-package-json]");
    expect_in(text, "/app/node_modules/broken/package.json:3:3: is not valid JSON: expected ',' or '}'");
    free(text);
    resolver_free(r);
    interner_free(in);
}

static void package_json_as_node_reads_it(void **state) {
    Interner *in = interner_new();
    Resolver *r = make(in, BALE_PLATFORM_NODE);
    DiagList diags;
    diag_init(&diags);
    ResolveResult res = resolve_request(r, at("app/src"), "twice", BALE_IMPORT_REQUIRE, NULL, &diags);
    assert_int_equal(res.outcome, RESOLVE_FILE);
    const char *p = res.path->str;
    assert_string_equal(p + strlen(p) - strlen("twice/b.js"), "twice/b.js");
    diag_free(&diags);
    resolver_free(r);
    interner_free(in);
}

static void builtin_on_browser_says_why_and_how_to_fix(void **state) {
    Interner *in = interner_new();
    Resolver *r = make(in, BALE_PLATFORM_BROWSER);
    char *text = diagnose(r, at("app/src"), "const fs = require(\"fs\");", "fs");
    expect_in(text, "[resolve-node-builtin]");
    expect_in(text, "\"fs\" is a Node built-in module, and the platform is browser");
    expect_in(text, "--platform=node");
    expect_in(text, "\"browser\": {\"fs\": false}");
    free(text);
    resolver_free(r);
    interner_free(in);

    /* On node the same request is left to the runtime. */
    in = interner_new();
    r = make(in, BALE_PLATFORM_NODE);
    DiagList diags;
    diag_init(&diags);
    ResolveResult res = resolve_request(r, at("app/src"), "fs", BALE_IMPORT_REQUIRE, NULL, &diags);
    assert_int_equal(res.outcome, RESOLVE_EXTERNAL);
    assert_string_equal(res.path->str, "fs");
    assert_int_equal(diags.items.len, 0);
    diag_free(&diags);
    resolver_free(r);
    interner_free(in);
}

static void symlink_loop_is_its_own_error(void **state) {
    Interner *in = interner_new();
    Resolver *r = make(in, BALE_PLATFORM_NODE);
    char *text = diagnose(r, at("app/src"), "import \"./loop\";", "./loop");
    expect_in(text, "[resolve-symlink-loop]");
    expect_in(text, "symbolic link loop");
    free(text);
    resolver_free(r);
    interner_free(in);
}

static ResolveResult ok(Resolver *r, const char *dir, const char *request) {
    DiagList diags;
    diag_init(&diags);
    ResolveResult res = resolve_request(r, dir, request, BALE_IMPORT_ESM, NULL, &diags);
    if (diags.items.len) diag_print(&diags, stderr, false);
    assert_int_equal(res.outcome, RESOLVE_FILE);
    diag_free(&diags);
    return res;
}

static FileSideEffects file_side_effects(ResolveResult res) {
    return side_effects_of(res.package, res.path->str, res.path->len);
}

static void results_carry_side_effects(void **state) {
    Interner *in = interner_new();
    Resolver *r = make(in, BALE_PLATFORM_BROWSER);
    ResolveResult res = ok(r, at("app/src"), "pure");
    assert_non_null(res.package);
    assert_int_equal(res.package->side_effects, SIDE_EFFECTS_FALSE);
    assert_int_equal(file_side_effects(res), FILE_SIDE_EFFECTS_FALSE);
    assert_int_equal(file_side_effects(ok(r, at("app/src"), "./style.css")), FILE_SIDE_EFFECTS_TRUE);
    assert_int_equal(file_side_effects(ok(r, at("app/src"), "./polyfill")), FILE_SIDE_EFFECTS_TRUE);
    assert_int_equal(file_side_effects(ok(r, at("app/src"), "./main")), FILE_SIDE_EFFECTS_FALSE);
    /* no sideEffects key */
    assert_int_equal(file_side_effects(ok(r, at("app/src"), "gated")), FILE_SIDE_EFFECTS_UNKNOWN);
    resolver_free(r);
    interner_free(in);
}

static void answers_are_interned(void **state) {
    Interner *in = interner_new();
    Resolver *r = make(in, BALE_PLATFORM_NODE);
    const Istr *a = ok(r, at("app/src"), "./main").path;
    const Istr *b = ok(r, at("app"), "./src/main.js").path;
    assert_ptr_equal(a, b);
    assert_ptr_equal(a, intern_cstr(in, at("app/src/main.js")));
    resolver_free(r);
    interner_free(in);
}

static void second_pass_touches_no_file(void **state) {
    Interner *in = interner_new();
    Resolver *r = make(in, BALE_PLATFORM_BROWSER);
    const char *requests[] = {"./main", "pure", "gated", "gated/feature", "./style.css", "./polyfill.js"};
    for (size_t i = 0; i < 6; i++) ok(r, at("app/src"), requests[i]);
    DirCacheStats first = resolver_stats(r);
    assert_true(first.dirs_listed <= first.dirs);
    for (size_t i = 0; i < 6; i++) ok(r, at("app/src"), requests[i]);
    DirCacheStats again = resolver_stats(r);
    assert_int_equal(dircache_fs_calls(&again), dircache_fs_calls(&first));
    assert_int_equal(again.dirs, first.dirs);
    resolver_free(r);
    interner_free(in);
}

/* ---- Many threads, one resolver ------------------------------------------------ */

enum { THREADS = 8, PACKAGES = 60, FILES = 6, PER_THREAD = 3000 };

typedef struct Job {
    Resolver *r;
    int seed;
    const Istr *got[PACKAGES][FILES];
    int errors;
} Job;

static void request_for(int pkg, int file, char *req, size_t cap, char *dir, size_t dcap) {
    /* Mix bare requests with subpaths, relative ones, exports and imports. */
    switch (file % 3) {
    case 0: snprintf(req, cap, "pkg%d/lib/f%d", pkg, file); break;
    case 1: snprintf(req, cap, "pkg%d", pkg); break;
    default: snprintf(req, cap, "../node_modules/pkg%d/lib/f%d.js", pkg, file); break;
    }
    snprintf(dir, dcap, "%s/big/src%d", root, pkg % 7);
}

static void *resolve_many(void *arg) {
    Job *j = arg;
    char req[256], dir[1024];
    DiagList diags;
    diag_init(&diags);
    for (int i = 0; i < PER_THREAD; i++) {
        int k = (i * 7919 + j->seed * 104729) % (PACKAGES * FILES);
        int pkg = k / FILES, file = k % FILES;
        request_for(pkg, file, req, sizeof req, dir, sizeof dir);
        ResolveResult res = resolve_request(j->r, dir, req, i % 2 ? BALE_IMPORT_REQUIRE : BALE_IMPORT_ESM, NULL, &diags);
        if (res.outcome != RESOLVE_FILE) j->errors++;
        else if (j->got[pkg][file] && j->got[pkg][file] != res.path) j->errors++;
        else j->got[pkg][file] = res.path;
    }
    diag_free(&diags);
    return NULL;
}

static void threads_share_one_resolver(void **state) {
    char rel[256], text[256];
    for (int s = 0; s < 7; s++) {
        snprintf(rel, sizeof rel, "big/src%d/app.js", s);
        put(rel, NULL);
    }
    for (int p = 0; p < PACKAGES; p++) {
        snprintf(rel, sizeof rel, "big/node_modules/pkg%d/package.json", p);
        snprintf(text, sizeof text, p % 2 ? "{\"main\": \"lib/f0.js\"}" : "{\"exports\": {\".\": \"./lib/f0.js\", \"./lib/*\": \"./lib/*.js\"}}");
        put(rel, text);
        for (int f = 0; f < FILES; f++) {
            snprintf(rel, sizeof rel, "big/node_modules/pkg%d/lib/f%d.js", p, f);
            put(rel, NULL);
        }
    }
    Interner *in = interner_new();
    Resolver *r = make(in, BALE_PLATFORM_NODE);
    static Job jobs[THREADS];
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++) {
        memset(&jobs[i], 0, sizeof jobs[i]);
        jobs[i].r = r;
        jobs[i].seed = i;
        assert_int_equal(pthread_create(&t[i], NULL, resolve_many, &jobs[i]), 0);
    }
    for (int i = 0; i < THREADS; i++) pthread_join(t[i], NULL);
    DirCacheStats shared = resolver_stats(r);

    /* The same requests from one thread with a fresh resolver: the same
     * answers (the same interned pointers), and the threads together made
     * no more file-system calls than one thread alone. */
    Resolver *solo = make(in, BALE_PLATFORM_NODE);
    char req[256], dir[1024];
    DiagList diags;
    diag_init(&diags);
    int compared = 0;
    for (int p = 0; p < PACKAGES; p++) {
        for (int f = 0; f < FILES; f++) {
            request_for(p, f, req, sizeof req, dir, sizeof dir);
            ResolveResult res = resolve_request(solo, dir, req, BALE_IMPORT_ESM, NULL, &diags);
            assert_int_equal(res.outcome, RESOLVE_FILE);
            for (int i = 0; i < THREADS; i++) {
                assert_int_equal(jobs[i].errors, 0);
                if (jobs[i].got[p][f]) {
                    assert_ptr_equal(jobs[i].got[p][f], res.path);
                    compared++;
                }
            }
        }
    }
    assert_true(compared > PACKAGES * FILES);
    DirCacheStats alone = resolver_stats(solo);
    assert_int_equal(shared.dirs_listed, alone.dirs_listed);
    assert_int_equal(shared.package_jsons, alone.package_jsons);
    assert_int_equal(dircache_fs_calls(&shared), dircache_fs_calls(&alone));
    diag_free(&diags);
    resolver_free(solo);
    resolver_free(r);
    interner_free(in);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(not_found_has_code_frame_tried_paths_and_hint),
        cmocka_unit_test(missing_package_hint_suggests_install_or_external),
        cmocka_unit_test(unexported_subpath_names_what_is_exported),
        cmocka_unit_test(bad_package_json_says_where),
        cmocka_unit_test(package_json_as_node_reads_it),
        cmocka_unit_test(builtin_on_browser_says_why_and_how_to_fix),
        cmocka_unit_test(symlink_loop_is_its_own_error),
        cmocka_unit_test(results_carry_side_effects),
        cmocka_unit_test(answers_are_interned),
        cmocka_unit_test(second_pass_touches_no_file),
        cmocka_unit_test(threads_share_one_resolver),
    };
    return cmocka_run_group_tests(tests, setup_tree, teardown_tree);
}
