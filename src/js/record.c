/* js/record.c: the module record (js_record_build) and its dump.
 * In:  an AST whose identifiers the scope pass has bound, and its JsScopes.
 * Out: a JsRecord (deps, imports, exports, CommonJS and ESM markers).
 * Memory: growable arrays on the C heap, owned by the record.  Order: after
 * js_scope_build.
 *
 * Import and export declarations appear only at the top level, so they are
 * read from the program's statement list; everything else (require and
 * import() calls, import.meta, top-level await and this) is found by one
 * walk over every node, driven by the node shapes of ast.def, that counts
 * how many functions it is inside. */
#include "js/record.h"

#include <string.h>

typedef struct Builder {
    JsRecord *r;
    const JsScopes *s;
    uint32_t fn_depth;    /* non-arrow functions and class bodies around the node: `this` */
    uint32_t async_depth; /* any function around the node: `await` */
    uint32_t try_depth;   /* try blocks around the node in the current function */
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
    if (b->try_depth && (kind == JS_DEP_REQUIRE || kind == JS_DEP_DYNAMIC_IMPORT)) d.flags |= JS_DEP_IN_TRY;
    for (const JsNode *a = attrs; a; a = a->next) {
        JsAttr at = {.key = a->a->id.str, .key_len = a->a->id.len, .value = a->b->id.str,
                     .value_len = a->b->id.len, .start = a->start, .end = a->end};
        VEC_PUSH(&b->r->attrs, at);
        d.nattrs++;
    }
    VEC_PUSH(&b->r->deps, d);
    return b->r->deps.len;
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

static void walk(Builder *b, JsNode *n);

static void walk_list(Builder *b, JsNode *first) {
    for (JsNode *q = first; q; q = q->next) walk(b, q);
}

/* A function's parameters and body, one function deeper. */
static void walk_function(Builder *b, JsNode *fn) {
    bool arrow = fn->kind == JS_ARROW;
    uint32_t saved_try = b->try_depth; /* a try around a function does not catch its calls */
    b->try_depth = 0;
    if (!arrow) b->fn_depth++;
    b->async_depth++;
    walk_list(b, fn->b);
    walk(b, fn->c);
    b->async_depth--;
    if (!arrow) b->fn_depth--;
    b->try_depth = saved_try;
}

static void walk_class(Builder *b, JsNode *n) {
    walk(b, n->b); /* heritage: the outer this */
    for (JsNode *m = n->c; m; m = m->next) {
        if ((m->kind == JS_METHOD || m->kind == JS_FIELD) && (m->flags & JS_F_COMPUTED)) walk(b, m->a);
        b->fn_depth++, b->async_depth++;
        if (m->kind == JS_METHOD || m->kind == JS_FIELD) walk(b, m->b);
        else if (m->kind == JS_STATIC_BLOCK) walk_list(b, m->a);
        b->fn_depth--, b->async_depth--;
    }
}

static void walk_call(Builder *b, JsNode *n) {
    /* require(...) with require free: the scope pass left its id.sym 0. */
    if (is_name(n->a, "require") && !n->a->id.sym) {
        const JsNode *str = n->b && !n->b->next ? string_arg(n->b) : NULL;
        add_dep(b, JS_DEP_REQUIRE, str, n, NULL);
    }
}

static void walk(Builder *b, JsNode *n) {
    if (!n) return;
    switch ((JsNodeKind)n->kind) {
    case JS_FUNCTION_DECL:
    case JS_FUNCTION:
    case JS_ARROW: walk_function(b, n); return;
    case JS_CLASS_DECL:
    case JS_CLASS: walk_class(b, n); return;
    case JS_CALL: walk_call(b, n); break;
    case JS_TRY:
        b->try_depth++;
        walk(b, n->a);
        b->try_depth--;
        walk(b, n->b);
        walk(b, n->c);
        return;
    case JS_IMPORT_CALL: add_dep(b, JS_DEP_DYNAMIC_IMPORT, string_arg(n->a), n, NULL); break;
    case JS_META_PROPERTY:
        if (n->op == JS_META_IMPORT_META) VEC_PUSH(&b->r->import_meta, range_of(n));
        return;
    case JS_AWAIT:
        if (!b->async_depth) VEC_PUSH(&b->r->top_level_await, range_of(n));
        break;
    case JS_FOR_OF:
        if ((n->flags & JS_F_AWAIT) && !b->async_depth) VEC_PUSH(&b->r->top_level_await, range_of(n));
        break;
    case JS_THIS:
        if (!b->fn_depth) VEC_PUSH(&b->r->top_level_this, range_of(n));
        return;
    case JS_IDENTIFIER:
    case JS_PRIVATE_NAME:
    case JS_STRING_LIT:
    case JS_TEMPLATE_ELEMENT:
    case JS_NUMBER_LIT:
    case JS_BIGINT_LIT:
    case JS_REGEXP_LIT: return;
    default: break;
    }
    const char *shape = js_node_shape((JsNodeKind)n->kind);
    if (shape[0] == 'i' || shape[0] == '#') return;
    JsNode *kids[4] = {n->a, n->b, n->c, n->d};
    for (int i = 0; i < 4; i++) {
        if (shape[i] == 'n') walk(b, kids[i]);
        else if (shape[i] == 'l') walk_list(b, kids[i]);
    }
}

void js_record_build(const JsAst *ast, const JsScopes *scopes, JsRecord *out) {
    memset(out, 0, sizeof *out);
    Builder b = {.r = out, .s = scopes};
    bool esm_syntax = false;
    for (JsNode *n = ast->program->a; n; n = n->next) {
        if (n->kind == JS_IMPORT_DECL || n->kind == JS_EXPORT_NAMED || n->kind == JS_EXPORT_DEFAULT ||
            n->kind == JS_EXPORT_ALL) {
            esm_syntax = true;
            module_item(&b, n);
            if (n->kind == JS_IMPORT_DECL || n->kind == JS_EXPORT_ALL || (n->kind == JS_EXPORT_NAMED && !n->a))
                continue; /* nothing inside to walk */
            walk(&b, n->a);
            continue;
        }
        walk(&b, n);
    }
    bool cjs = false;
    for (uint32_t i = 0; i < scopes->refs.len; i++) {
        const JsNode *id = scopes->refs.data[i].node;
        if (id->id.sym) continue;
        if (is_name(id, "module")) VEC_PUSH(&out->module_refs, range_of(id));
        else if (is_name(id, "exports")) VEC_PUSH(&out->exports_refs, range_of(id));
        else if (!is_name(id, "require")) continue;
        cjs = true;
    }
    if (esm_syntax || out->import_meta.len || out->top_level_await.len) out->kind = JS_MODULE_ESM;
    else if (cjs) out->kind = JS_MODULE_CJS;
    else out->kind = JS_MODULE_NONE;
}

void js_record_free(JsRecord *r) {
    VEC_FREE(&r->deps);
    VEC_FREE(&r->attrs);
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
        if (d->source) put_str(out, d->source, d->source_len);
        else fputs("(not a string)", out);
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
}
