/* Contract of base/intern: one canonical copy per string, from many threads
 * at once (this test also runs under ThreadSanitizer). */
#include "unit.h"

#include "base/intern.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

static void same_bytes_same_pointer(void **state) {
    Interner *in = interner_new();
    char buf[] = "react-dom";
    const Istr *a = intern(in, buf, 5);
    const Istr *b = intern_cstr(in, "react");
    const Istr *c = intern_cstr(in, "react-dom");
    assert_ptr_equal(a, b);
    assert_ptr_not_equal(a, c);
    assert_string_equal(a->str, "react");
    assert_int_equal(a->len, 5);
    buf[0] = 'X'; /* the interner keeps its own copy */
    assert_string_equal(a->str, "react");
    assert_ptr_equal(intern(in, "", 0), intern(in, "", 0));
    assert_int_equal(interner_count(in), 3);
    interner_free(in);
}

enum { THREADS = 8, PER_THREAD = 20000, DISTINCT = 5000 };

typedef struct Job {
    Interner *in;
    int seed;
    const Istr *seen[DISTINCT];
} Job;

static void *intern_many(void *arg) {
    Job *j = arg;
    char s[32];
    for (int i = 0; i < PER_THREAD; i++) {
        int k = (i * 7919 + j->seed * 104729) % DISTINCT;
        int n = snprintf(s, sizeof s, "node_modules/pkg%d/index.js", k);
        const Istr *is = intern(j->in, s, (size_t)n);
        if (j->seen[k] && j->seen[k] != is) return (void *)1;
        j->seen[k] = is;
    }
    return NULL;
}

static void threads_agree_on_every_string(void **state) {
    Interner *in = interner_new();
    static Job jobs[THREADS];
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++) {
        memset(&jobs[i], 0, sizeof jobs[i]);
        jobs[i].in = in;
        jobs[i].seed = i;
        assert_int_equal(pthread_create(&t[i], NULL, intern_many, &jobs[i]), 0);
    }
    for (int i = 0; i < THREADS; i++) {
        void *r;
        pthread_join(t[i], &r);
        assert_null(r);
    }
    /* Every thread that saw string k got the same pointer for it. */
    for (int k = 0; k < DISTINCT; k++) {
        const Istr *first = NULL;
        for (int i = 0; i < THREADS; i++) {
            if (!jobs[i].seen[k]) continue;
            if (!first) first = jobs[i].seen[k];
            assert_ptr_equal(first, jobs[i].seen[k]);
        }
    }
    assert_int_equal(interner_count(in), DISTINCT);
    interner_free(in);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_bytes_same_pointer),
        cmocka_unit_test(threads_agree_on_every_string),
    };
    return RUN(tests);
}
