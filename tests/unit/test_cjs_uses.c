/* Contract of js/cjs_uses: which names a require() result is read through,
 * and when a CommonJS module's exports are used only in static forms
 * (granular), what its top-level statements define. */
#include "unit.h"
#include "unit_js.h"

#include "js/cjs_uses.h"
#include "js/record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put_names(char *out, size_t cap, const JsCjsUses *u, const VecU32 *idx, uint32_t first, uint32_t n) {
    for (uint32_t k = 0; k < n; k++) {
        const JsCjsName *nm = &u->names.data[idx->data[first + k]];
        snprintf(out + strlen(out), cap - strlen(out), "%s%.*s", k ? "," : "", (int)nm->len, nm->str);
    }
}

/* A one-line summary of src (a CommonJS script):
 *   deps: per require, "*" (whole) or its names in braces;
 *   then, when granular: "G", the definitions (init ones marked =0), the
 *   names read, "R<n>" top-level require declarations, "K<n>" kept
 *   statements and "S" with __exportStar; else "-". */
__attribute__((noinline)) static char *uses(const char *src) {
    Snippet sn;
    size_t cap = 512;
    char *out = calloc(1, cap);
    if (!snippet_parse(&sn, src, JS_GOAL_SCRIPT, true)) {
        strcpy(out, "error");
        snippet_free(&sn);
        return out;
    }
    JsRecord rec;
    js_record_build(&sn.ast, &sn.scopes, &rec);
    JsCjsUses u;
    js_cjs_uses(&sn.ast, &sn.scopes, &rec, &u);
    for (uint32_t d = 1; d <= rec.deps.len; d++) {
        if (u.deps[d].whole) {
            strcat(out, "*");
        } else {
            strcat(out, "{");
            put_names(out, cap, &u, &u.use_names, u.deps[d].first_name, u.deps[d].nnames);
            strcat(out, "}");
        }
        strcat(out, " ");
    }
    if (!u.granular) {
        strcat(out, "-");
    } else {
        strcat(out, "G");
        for (uint32_t i = 0; i < u.defs.len; i++) {
            strcat(out, " def:");
            put_names(out, cap, &u, &u.def_names, u.defs.data[i].first_name, u.defs.data[i].nnames);
            if (u.defs.data[i].init) strcat(out, "=0");
        }
        for (uint32_t i = 0; i < u.reads.len; i++) {
            const JsCjsName *nm = &u.names.data[u.reads.data[i].name];
            snprintf(out + strlen(out), cap - strlen(out), " read:%.*s", (int)nm->len, nm->str);
        }
        if (u.requires.len) snprintf(out + strlen(out), cap - strlen(out), " R%u", u.requires.len);
        if (u.keep.len) snprintf(out + strlen(out), cap - strlen(out), " K%u", u.keep.len);
        if (u.star) strcat(out, " S");
    }
    js_cjs_uses_free(&u);
    js_record_free(&rec);
    snippet_free(&sn);
    return out;
}

#define USES(src, expected)                    \
    do {                                       \
        char *got_ = uses(src);                \
        assert_string_equal(got_, (expected)); \
        free(got_);                            \
    } while (0)

static void require_results(void **state) {
    (void)state;
    USES("var a = require('a'); a.x(); a.y; a['z']; a.x;", "{x,y,z} G R1");
    USES("require('a');", "{} G");
    USES("require('a').x;", "{x} G");
    USES("var { x, 'y': z } = require('a');", "{x,y} G R1");
    USES("var { x, ...rest } = require('a');", "* G");        /* a rest element reads every name */
    USES("var a = require('a'); f(a);", "* G R1");           /* it escapes */
    USES("var a = require('a'); a = 1;", "* G");             /* assigned: not a holder */
    USES("var a = require('a'); a[k];", "* G R1");           /* a computed name */
    USES("function f() { return a.x; } var a = require('a');", "{x} G R1"); /* a use before the declaration */
    USES("function f() { var a = require('a'); return a.y; }", "{y} G");    /* nested: no top-level declaration */
    USES("var a = require('a'), b = require('b'); b.q;", "{} {q} G R2");
    USES("f(require('a'));", "* G");
    USES("var a = require('a'); eval('a');", "* -");         /* a direct eval may read anything */
}

static void exports_forms(void **state) {
    (void)state;
    USES("'use strict'; exports.a = exports.b = void 0; exports.a = 1;", "G def:a,b=0 def:a K1");
    USES("Object.defineProperty(exports, '__esModule', { value: true });", "G def:__esModule");
    USES("Object.defineProperty(exports, 'x', { enumerable: true, get: function () { return 1; } });", "G def:x");
    USES("exports.config = {}; function get() { return exports.config.n; } exports.get = get;",
         "G def:config def:get read:config");
    USES("exports['a-b'] = 1; exports.c = exports['a-b'];", "G def:a-b def:c read:a-b");
    USES("exports.a = 1; f(exports);", "-");                 /* exports escapes */
    USES("exports[k] = 1;", "-");
    USES("module.exports = {};", "-");
    USES("exports = {};", "-");
    USES("var __exportStar = 0; __exportStar(require('./x'), exports);", "* G S");
    USES("tslib_1.__exportStar(require('./x'), exports);", "* G S");
    USES("exports.a = 1; var h = (this && this.__h) || function () {};", "G def:a");
    USES("exports.a = 1; this.x = 1;", "-");                 /* a write to the top-level this */
    USES("exports.a = 1; f(this);", "-");
    USES("exports.a = 1; function f() { return this; }", "G def:a"); /* not the top-level this */
    USES("exports.a = 1; with (o) {}", "-");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(require_results),
        cmocka_unit_test(exports_forms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
