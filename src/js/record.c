/* js/record.c: the module record (js_record_build) and its dump.
 * In:  an AST whose identifiers the scope pass has bound, and its JsScopes.
 * Out: a JsRecord (deps, imports, exports, CommonJS and ESM markers).
 * Memory: growable arrays on the C heap, owned by the record.  Order: after
 * js_scope_build.
 *
 * Nothing here walks the AST: the scope pass, which visits every node that
 * matters anyway, notes in walk order the import and export declarations,
 * the require and import() calls, import.meta, the top-level await and
 * this, and the free require, module and exports (JsScopes.noted); the
 * record reads that list.  One walk instead of two. */
#include "js/record.h"

#include "js/purity.h"

#include <string.h>

typedef struct Builder {
    JsRecord *r;
    const JsScopes *s;
    bool in_try;          /* the node is inside a try block of its function */
} Builder;

static const char *const module_kind_names[] = {"none", "esm", "commonjs"};

const char *js_module_kind_name(JsModuleKind k) { return module_kind_names[k]; }

static JsRange range_of(const JsNode *n) { return (JsRange){n->start, n->end}; }

static bool is_name(const JsNode *n, const char *word) {
    size_t len = strlen(word);
    return n && n->kind == JS_IDENTIFIER && n->id.len == len && memcmp(n->id.str, word, len) == 0;
}

/* A string literal, or a template literal without substitutions: its
 * cooked text node, else NULL. */
static const JsNode *string_arg(const JsNode *n) {
    if (!n) return NULL;
    if (n->kind == JS_STRING_LIT) return n;
    if (n->kind == JS_TEMPLATE && n->a && !n->a->next && !(n->a->flags & JS_F_INVALID)) return n->a;
    return NULL;
}

static JsDepId add_dep(Builder *b, JsDepKind kind, const JsNode *str, JsNode *node, const JsNode *attrs) {
    JsDep d = {.kind = (uint8_t)kind, .node = node, .first_attr = b->r->attrs.len};
    if (str) {
        d.source = str->id.str;
        d.source_len = str->id.len;
        d.start = str->start;
        d.end = str->end;
    } else {
        d.flags |= JS_DEP_NOT_STRING;
        d.start = node->start;
        d.end = node->end;
    }
    if (b->in_try && (kind == JS_DEP_REQUIRE || kind == JS_DEP_DYNAMIC_IMPORT)) d.flags |= JS_DEP_IN_TRY;
    for (const JsNode *a = attrs; a; a = a->next) {
        /* import declarations' ImportAttributes; import()'s options object
         * `{ with: { type: "json" } }`: its literal properties (any other
         * shape is known only at run time and gives none) */
        if (a->kind != JS_IMPORT_ATTRIBUTE &&
            (a->kind != JS_PROPERTY || a->op != JS_PROP_INIT || (a->flags & (JS_F_COMPUTED | JS_F_SHORTHAND)) ||
             (a->a->kind != JS_IDENTIFIER && a->a->kind != JS_STRING_LIT) || !a->b || a->b->kind != JS_STRING_LIT))
            continue;
        JsAttr at = {.key = a->a->id.str, .key_len = a->a->id.len, .value = a->b->id.str,
                     .value_len = a->b->id.len, .start = a->start, .end = a->end};
        VEC_PUSH(&b->r->attrs, at);
        d.nattrs++;
    }
    VEC_PUSH(&b->r->deps, d);
    return b->r->deps.len;
}

/* ---- Context patterns --------------------------------------------------- */

static void push_part(Builder *b, const char *text, uint32_t len) {
    if (text && !len) return;
    VEC_PUSH(&b->r->context_parts, ((JsContextPart){text, len}));
}

/* Appends the pieces of e, a string concatenation or a part of one: a
 * string literal or an untagged template's text is text (its substitutions
 * are pieces of their own), a + is its two sides in order, anything else a
 * hole.  Only a pattern whose first text is a string is kept (see below),
 * and then every + of the chain concatenates strings; a nested + of two
 * numbers gives two holes, which match its digits. */
static void pattern_pieces(Builder *b, const JsNode *e) {
    switch ((JsNodeKind)e->kind) {
    case JS_STRING_LIT: push_part(b, e->id.str, e->id.len); return;
    case JS_TEMPLATE:
        for (const JsNode *q = e->a; q; q = q->next) {
            if (q->kind == JS_TEMPLATE_ELEMENT) push_part(b, q->id.str, q->id.len);
            else pattern_pieces(b, q);
        }
        return;
    case JS_BINARY:
        if (e->op == TK_PLUS) {
            pattern_pieces(b, e->a);
            pattern_pieces(b, e->b);
            return;
        }
        break;
    default: break;
    }
    push_part(b, NULL, 0);
}

/* The argument of require(e) or import(e) that is not a string: when its
 * value is a string starting with "./" or "../" followed by holes and texts
 * (`./locales/${l}.mjs`, './lang/' + x + '.js'), its pieces are kept as the
 * dependency's pattern (esbuild's rule for glob-style imports).  Anything
 * else (require(x), a bare or absolute prefix) is left as it is. */
static void context_pattern(Builder *b, JsDep *d, const JsNode *arg) {
    JsRecord *r = b->r;
    uint32_t first = r->context_parts.len;
    pattern_pieces(b, arg);
    char head[3];
    uint32_t n = 0;
    for (uint32_t i = first; i < r->context_parts.len && n < 3; i++) {
        const JsContextPart *p = &r->context_parts.data[i];
        if (!p->text) break;
        for (uint32_t k = 0; k < p->len && n < 3; k++) head[n++] = p->text[k];
    }
    bool relative = (n >= 2 && head[0] == '.' && head[1] == '/') ||
                    (n == 3 && head[0] == '.' && head[1] == '.' && head[2] == '/');
    if (!relative) {
        r->context_parts.len = first;
        return;
    }
    d->flags |= JS_DEP_CONTEXT;
    d->first_part = first;
    d->nparts = r->context_parts.len - first;
}

/* require(arg) / import(arg): a string, a pattern, or neither. */
/* The properties of import()'s `{ with: { ... } }` (or `assert`), when both
 * are object literals; else NULL. */
static const JsNode *import_options(const JsNode *options) {
    if (!options || options->kind != JS_OBJECT) return NULL;
    for (const JsNode *p = options->a; p; p = p->next) {
        if (p->kind != JS_PROPERTY || (p->flags & JS_F_COMPUTED) || p->op != JS_PROP_INIT) continue;
        const JsNode *k = p->a;
        bool with = (k->kind == JS_IDENTIFIER || k->kind == JS_STRING_LIT) &&
                    ((k->id.len == 4 && !memcmp(k->id.str, "with", 4)) || (k->id.len == 6 && !memcmp(k->id.str, "assert", 6)));
        if (with && p->b && p->b->kind == JS_OBJECT) return p->b->a;
    }
    return NULL;
}

static void add_call(Builder *b, JsDepKind kind, const JsNode *arg, JsNode *call) {
    const JsNode *str = string_arg(arg);
    JsDepId id = add_dep(b, kind, str, call, kind == JS_DEP_DYNAMIC_IMPORT ? import_options(call->b) : NULL);
    if (!str && arg) context_pattern(b, &b->r->deps.data[id - 1], arg);
}

static void add_export(Builder *b, JsExport e) { VEC_PUSH(&b->r->exports, e); }

static void export_local(Builder *b, const JsNode *id) {
    add_export(b, (JsExport){.kind = JS_EXPORT_LOCAL, .exported = id->id.str, .exported_len = id->id.len,
                             .local = id->id.sym, .start = id->start, .end = id->end});
}

/* export var/let/const: every name the patterns bind. */
static void export_pattern(Builder *b, const JsNode *n) {
    switch (n->kind) {
    case JS_IDENTIFIER: export_local(b, n); break;
    case JS_OBJECT_PATTERN:
        for (const JsNode *q = n->a; q; q = q->next) export_pattern(b, q->kind == JS_PROPERTY ? q->b : q);
        break;
    case JS_ARRAY_PATTERN:
        for (const JsNode *q = n->a; q; q = q->next)
            if (q->kind != JS_HOLE) export_pattern(b, q);
        break;
    case JS_ASSIGN_PATTERN:
    case JS_REST: export_pattern(b, n->a); break;
    default: break;
    }
}

static void module_item(Builder *b, JsNode *n) {
    switch (n->kind) {
    case JS_IMPORT_DECL: {
        JsDepId dep = add_dep(b, JS_DEP_IMPORT, n->b, n, n->c);
        if (!n->a) b->r->deps.data[dep - 1].flags |= JS_DEP_SIDE_EFFECT_ONLY;
        for (const JsNode *q = n->a; q; q = q->next) {
            JsImport im = {.dep = dep, .start = q->start, .end = q->end};
            if (q->kind == JS_IMPORT_SPECIFIER) {
                im.kind = JS_IMPORTED_NAME;
                im.imported = q->a->id.str;
                im.imported_len = q->a->id.len;
                im.local = q->b->id.sym;
            } else if (q->kind == JS_IMPORT_DEFAULT) {
                im.kind = JS_IMPORTED_DEFAULT;
                im.imported = "default";
                im.imported_len = 7;
                im.local = q->a->id.sym;
            } else {
                im.kind = JS_IMPORTED_NAMESPACE;
                im.local = q->a->id.sym;
            }
            if (im.local && im.local <= b->s->symbols.len) {
                const JsSymbol *y = js_symbol(b->s, im.local);
                im.referenced = y->reads || y->writes;
            }
            VEC_PUSH(&b->r->imports, im);
        }
        break;
    }
    case JS_EXPORT_NAMED:
        if (n->a) {
            if (n->a->kind == JS_VAR_DECL) {
                for (const JsNode *d = n->a->a; d; d = d->next) export_pattern(b, d->a);
            } else if (n->a->a) {
                export_local(b, n->a->a); /* function or class */
            }
        } else if (n->c) {
            JsDepId dep = add_dep(b, JS_DEP_EXPORT_FROM, n->c, n, n->d);
            for (const JsNode *q = n->b; q; q = q->next)
                add_export(b, (JsExport){.kind = JS_EXPORT_REEXPORT, .exported = q->b->id.str,
                                         .exported_len = q->b->id.len, .imported = q->a->id.str,
                                         .imported_len = q->a->id.len, .dep = dep, .start = q->start, .end = q->end});
        } else {
            for (const JsNode *q = n->b; q; q = q->next)
                add_export(b, (JsExport){.kind = JS_EXPORT_LOCAL, .exported = q->b->id.str,
                                         .exported_len = q->b->id.len, .local = q->a->id.sym,
                                         .start = q->start, .end = q->end});
        }
        break;
    case JS_EXPORT_DEFAULT: {
        JsNode *d = n->a;
        bool named = (d->kind == JS_FUNCTION_DECL || d->kind == JS_CLASS_DECL) && d->a;
        if (named)
            add_export(b, (JsExport){.kind = JS_EXPORT_LOCAL, .exported = "default", .exported_len = 7,
                                     .local = d->a->id.sym, .node = d, .start = d->a->start, .end = d->a->end});
        else
            add_export(b, (JsExport){.kind = JS_EXPORT_DEFAULT_EXPR, .exported = "default", .exported_len = 7,
                                     .node = d, .start = d->start, .end = d->end});
        break;
    }
    case JS_EXPORT_ALL: {
        JsDepId dep = add_dep(b, JS_DEP_EXPORT_FROM, n->b, n, n->c);
        JsExport e = {.kind = n->a ? JS_EXPORT_STAR_AS : JS_EXPORT_STAR, .dep = dep, .start = n->start, .end = n->end};
        if (n->a) e.exported = n->a->id.str, e.exported_len = n->a->id.len;
        add_export(b, e);
        break;
    }
    default: break;
    }
}

void js_record_build(const JsAst *ast, const JsScopes *scopes, JsRecord *out) {
    /* the scope pass noted what is needed (JsNoted); the AST gives its goal and sloppy_only */
    memset(out, 0, sizeof *out);
    out->sloppy_only = ast->sloppy_only;
    out->pure_top_level = js_program_is_pure(NULL, ast);
    Builder b = {.r = out, .s = scopes};
    bool esm_syntax = false, cjs = false;
    for (uint32_t i = 0; i < scopes->noted.len; i++) {
        JsNode *n = scopes->noted.data[i].node;
        b.in_try = scopes->noted.data[i].flags & JS_NOTED_IN_TRY;
        switch ((JsNodeKind)n->kind) {
        case JS_IMPORT_DECL:
        case JS_EXPORT_NAMED:
        case JS_EXPORT_DEFAULT:
        case JS_EXPORT_ALL:
            esm_syntax = true;
            module_item(&b, n);
            break;
        case JS_CALL: /* require(...) with require free: the scope pass left its id.sym 0 */
            if (!n->a->id.sym) add_call(&b, JS_DEP_REQUIRE, n->b && !n->b->next ? n->b : NULL, n);
            break;
        case JS_IMPORT_CALL: add_call(&b, JS_DEP_DYNAMIC_IMPORT, n->a, n); break;
        case JS_META_PROPERTY: VEC_PUSH(&out->import_meta, range_of(n)); break;
        case JS_AWAIT:
        case JS_FOR_OF: VEC_PUSH(&out->top_level_await, range_of(n)); break;
        case JS_THIS: VEC_PUSH(&out->top_level_this, range_of(n)); break;
        case JS_IDENTIFIER: /* a free require, module or exports */
            if (is_name(n, "module")) VEC_PUSH(&out->module_refs, range_of(n));
            else if (is_name(n, "exports")) VEC_PUSH(&out->exports_refs, range_of(n));
            cjs = true;
            break;
        default: break;
        }
    }
    /* A module by its goal (.mjs, "type": "module") is one without import or
     * export too: strict, no CommonJS variables, top-level this undefined. */
    if (ast->module || esm_syntax || out->import_meta.len || out->top_level_await.len) out->kind = JS_MODULE_ESM;
    else if (cjs) out->kind = JS_MODULE_CJS;
    else out->kind = JS_MODULE_NONE;
}

void js_record_free(JsRecord *r) {
    VEC_FREE(&r->deps);
    VEC_FREE(&r->attrs);
    VEC_FREE(&r->context_parts);
    VEC_FREE(&r->imports);
    VEC_FREE(&r->exports);
    VEC_FREE(&r->import_meta);
    VEC_FREE(&r->top_level_await);
    VEC_FREE(&r->module_refs);
    VEC_FREE(&r->exports_refs);
    VEC_FREE(&r->top_level_this);
}

/* ---- Dump ------------------------------------------------------------------ */

static void put_str(FILE *out, const char *s, uint32_t len) {
    fputc('"', out);
    for (uint32_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') fprintf(out, "\\%c", c);
        else if (c < 0x20 || c == 0x7f) fprintf(out, "\\x%02x", c);
        else fputc(c, out);
    }
    fputc('"', out);
}

static void put_pos(FILE *out, const DiagFile *file, uint32_t offset) {
    uint32_t line, col;
    diag_line_col(file->text, file->len, offset, &line, &col);
    fprintf(out, " @%u:%u", line, col);
}

static void put_sym(FILE *out, const JsScopes *s, JsSymbolId sym) {
    if (!sym) {
        fputs(" (unbound)", out);
        return;
    }
    const JsSymbol *y = js_symbol(s, sym);
    fprintf(out, " %.*s#%u", (int)y->len, y->name, sym);
}

static void put_ranges(FILE *out, const DiagFile *file, const char *what, const JsRange *r, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) {
        fputs(what, out);
        put_pos(out, file, r[i].start);
        fputc('\n', out);
    }
}

void js_dump_record(const JsRecord *r, const JsScopes *s, const DiagFile *file, FILE *out) {
    static const char *const dep_kinds[] = {"import", "export-from", "require", "import()"};
    fprintf(out, "kind %s\n", module_kind_names[r->kind]);
    for (uint32_t i = 0; i < r->deps.len; i++) {
        const JsDep *d = &r->deps.data[i];
        fprintf(out, "dep %u %s ", i + 1, dep_kinds[d->kind]);
        if (d->source) {
            put_str(out, d->source, d->source_len);
        } else if (d->flags & JS_DEP_CONTEXT) {
            fputs("pattern", out);
            for (uint32_t k = 0; k < d->nparts; k++) {
                const JsContextPart *p = &r->context_parts.data[d->first_part + k];
                fputc(' ', out);
                if (p->text) put_str(out, p->text, p->len);
                else fputc('*', out);
            }
        } else {
            fputs("(not a string)", out);
        }
        put_pos(out, file, d->start);
        if (d->flags & JS_DEP_SIDE_EFFECT_ONLY) fputs(" side-effect-only", out);
        for (uint32_t k = 0; k < d->nattrs; k++) {
            const JsAttr *a = &r->attrs.data[d->first_attr + k];
            fputs(k ? ", " : " with ", out);
            put_str(out, a->key, a->key_len);
            fputc(':', out);
            put_str(out, a->value, a->value_len);
        }
        fputc('\n', out);
    }
    for (uint32_t i = 0; i < r->imports.len; i++) {
        const JsImport *im = &r->imports.data[i];
        fputs("import ", out);
        if (im->kind == JS_IMPORTED_NAMESPACE) fputc('*', out);
        else put_str(out, im->imported, im->imported_len);
        fputs(" as", out);
        put_sym(out, s, im->local);
        fprintf(out, " from dep %u\n", im->dep);
    }
    for (uint32_t i = 0; i < r->exports.len; i++) {
        const JsExport *e = &r->exports.data[i];
        fputs("export ", out);
        if (e->exported) put_str(out, e->exported, e->exported_len);
        else fputc('*', out);
        switch ((JsExportKind)e->kind) {
        case JS_EXPORT_LOCAL: fputs(" = local", out), put_sym(out, s, e->local); break;
        case JS_EXPORT_DEFAULT_EXPR: fprintf(out, " = %s", js_node_name((JsNodeKind)e->node->kind)); break;
        case JS_EXPORT_REEXPORT:
            fputs(" = ", out);
            put_str(out, e->imported, e->imported_len);
            fprintf(out, " from dep %u", e->dep);
            break;
        case JS_EXPORT_STAR: fprintf(out, " from dep %u", e->dep); break;
        case JS_EXPORT_STAR_AS: fprintf(out, " = * from dep %u", e->dep); break;
        }
        put_pos(out, file, e->start);
        fputc('\n', out);
    }
    put_ranges(out, file, "import.meta", r->import_meta.data, r->import_meta.len);
    put_ranges(out, file, "top-level-await", r->top_level_await.data, r->top_level_await.len);
    put_ranges(out, file, "free module", r->module_refs.data, r->module_refs.len);
    put_ranges(out, file, "free exports", r->exports_refs.data, r->exports_refs.len);
    put_ranges(out, file, "top-level this", r->top_level_this.data, r->top_level_this.len);
    if (r->sloppy_only.what) {
        fputs("sloppy-only", out);
        put_pos(out, file, r->sloppy_only.start);
        fprintf(out, " %s\n", r->sloppy_only.what);
    }
}

static const char *detached(const char *s, uint32_t n, const char *src, uint32_t len, Arena *a) {
    if (!s || (s >= src && s + n <= src + len)) return s;
    return arena_strndup(a, s, n);
}

void js_record_detach(JsRecord *r, const char *src, uint32_t len, Arena *a) {
    for (uint32_t i = 0; i < r->deps.len; i++) {
        JsDep *d = &r->deps.data[i];
        d->source = detached(d->source, d->source_len, src, len, a);
        d->node = NULL;
    }
    for (uint32_t i = 0; i < r->attrs.len; i++) {
        JsAttr *t = &r->attrs.data[i];
        t->key = detached(t->key, t->key_len, src, len, a);
        t->value = detached(t->value, t->value_len, src, len, a);
    }
    for (uint32_t i = 0; i < r->context_parts.len; i++) {
        JsContextPart *p = &r->context_parts.data[i];
        p->text = detached(p->text, p->len, src, len, a);
    }
    for (uint32_t i = 0; i < r->imports.len; i++) {
        JsImport *im = &r->imports.data[i];
        im->imported = detached(im->imported, im->imported_len, src, len, a);
    }
    for (uint32_t i = 0; i < r->exports.len; i++) {
        JsExport *e = &r->exports.data[i];
        e->exported = detached(e->exported, e->exported_len, src, len, a);
        e->imported = detached(e->imported, e->imported_len, src, len, a);
        e->node = NULL;
    }
}
