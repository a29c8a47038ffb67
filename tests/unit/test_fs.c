/* Contract of base/fs: whole reads with zero padding, clear statuses for
 * missing files, directories and unreadable files, atomic writes. */
#include "unit.h"

#include "base/fs.h"
#include "base/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[256];

static int make_dir(void **state) {
    snprintf(dir, sizeof dir, "/tmp/bale-test-fs-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state) {
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void path_in(char *out, size_t n, const char *name) { snprintf(out, n, "%s/%s", dir, name); }

static void reads_whole_file_with_padding(void **state) {
    char p[300];
    path_in(p, sizeof p, "a.js");
    assert_int_equal(fs_write_atomic(p, "let x = 1;\n", 11), FS_OK);
    FsFile f;
    assert_int_equal(fs_read_file(p, NULL, &f), FS_OK);
    assert_int_equal(f.len, 11);
    assert_memory_equal(f.data, "let x = 1;\n", 11);
    for (int i = 0; i < FS_PADDING; i++) assert_int_equal(f.data[11 + i], 0);
    mem_free(f.data);

    Arena a;
    arena_init(&a, 0);
    assert_int_equal(fs_read_file(p, &a, &f), FS_OK);
    assert_int_equal(f.len, 11);
    assert_int_equal(f.data[11], 0);
    arena_free(&a);
}

static void empty_file_is_fine(void **state) {
    char p[300];
    path_in(p, sizeof p, "empty.js");
    assert_int_equal(fs_write_atomic(p, "", 0), FS_OK);
    FsFile f;
    assert_int_equal(fs_read_file(p, NULL, &f), FS_OK);
    assert_int_equal(f.len, 0);
    assert_int_equal(f.data[0], 0);
    mem_free(f.data);
}

static void missing_file_and_directory(void **state) {
    char p[300];
    FsFile f;
    path_in(p, sizeof p, "nope.js");
    assert_int_equal(fs_read_file(p, NULL, &f), FS_NOT_FOUND);
    assert_null(f.data);
    assert_string_equal(fs_status_str(FS_NOT_FOUND, f.errno_value), "no such file");
    path_in(p, sizeof p, "nope/deeper.js");
    assert_int_equal(fs_read_file(p, NULL, &f), FS_NOT_FOUND);
    assert_int_equal(fs_read_file(dir, NULL, &f), FS_IS_DIR);
    assert_string_equal(fs_status_str(FS_IS_DIR, 0), "is a directory");
}

static void unreadable_file(void **state) {
    if (geteuid() == 0) skip(); /* root reads every file: the case cannot occur */
    char p[300];
    path_in(p, sizeof p, "secret.js");
    assert_int_equal(fs_write_atomic(p, "x", 1), FS_OK);
    chmod(p, 0);
    FsFile f;
    assert_int_equal(fs_read_file(p, NULL, &f), FS_ACCESS);
}

static void write_creates_parents_and_replaces(void **state) {
    char p[300];
    path_in(p, sizeof p, "out/deep/bundle.js");
    assert_int_equal(fs_write_atomic(p, "one", 3), FS_OK);
    assert_int_equal(fs_write_atomic(p, "second", 6), FS_OK);
    FsFile f;
    assert_int_equal(fs_read_file(p, NULL, &f), FS_OK);
    assert_int_equal(f.len, 6);
    assert_memory_equal(f.data, "second", 6);
    mem_free(f.data);
    /* A target that is a directory fails and leaves no temporary behind. */
    path_in(p, sizeof p, "out/deep");
    assert_int_not_equal(fs_write_atomic(p, "x", 1), FS_OK);
    char tmp[400];
    snprintf(tmp, sizeof tmp, "%s.tmp-%ld", p, (long)getpid());
    assert_int_not_equal(access(tmp, F_OK), 0);
}

static void reads_from_a_pipe(void **state) {
    /* /proc files report size 0: read until EOF. */
    FsFile f;
    assert_int_equal(fs_read_file("/proc/self/status", NULL, &f), FS_OK);
    assert_true(f.len > 0);
    assert_non_null(strstr(f.data, "Name:"));
    mem_free(f.data);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_whole_file_with_padding),
        cmocka_unit_test(empty_file_is_fine),
        cmocka_unit_test(missing_file_and_directory),
        cmocka_unit_test(unreadable_file),
        cmocka_unit_test(write_creates_parents_and_replaces),
        cmocka_unit_test(reads_from_a_pipe),
    };
    return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
