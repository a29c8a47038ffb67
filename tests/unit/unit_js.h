/* tests/unit/unit_js.h: a JavaScript snippet parsed (and its scopes built)
 * the way the make phase does it, for the front end's unit tests. */
#ifndef BALE_TESTS_UNIT_JS_H
#define BALE_TESTS_UNIT_JS_H

#include "base/fs.h"
#include "js/parser.h"
#include "js/scope.h"

#include <stdlib.h>
#include <string.h>

typedef struct Snippet {
    char *buf;          /* the source, padded as fs_read_file pads a file */
    Arena arena;
    DiagList diags;
    DiagFile file;
    JsAst ast;
    JsScopes scopes;
    bool parsed, scoped;
} Snippet;

/* Parses src with goal (and, with scopes, runs the scope pass); *s holds
 * the result until snippet_free.  Returns whether everything asked for
 * succeeded. */
static inline bool snippet_parse(Snippet *s, const char *src, JsGoal goal, bool scopes) {
    memset(s, 0, sizeof *s);
    size_t len = strlen(src);
    s->buf = calloc(1, len + FS_PADDING);
    memcpy(s->buf, src, len);
    arena_init(&s->arena, 0);
    diag_init(&s->diags);
    s->file = (DiagFile){"t.js", s->buf, (uint32_t)len};
    s->parsed = js_parse(s->buf, (uint32_t)len, goal, &s->arena, &s->diags, &s->file, &s->ast);
    if (s->parsed && scopes) s->scoped = js_scope_build(&s->ast, s->buf, &s->diags, &s->file, &s->scopes);
    return s->parsed && (!scopes || s->scoped);
}

static inline void snippet_free(Snippet *s) {
    js_scopes_free(&s->scopes);
    diag_free(&s->diags);
    arena_free(&s->arena);
    free(s->buf);
}

#endif
