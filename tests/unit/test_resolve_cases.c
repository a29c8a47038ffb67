/* The resolver against its oracles: every case of tests/resolve/expected.json
 * (answers from Node for platform=node and enhanced-resolve for
 * platform=browser, written by tests/resolve/gen-expected.mjs) resolved by
 * bale over the tree of tests/resolve/tree.txt, materialized in a fresh
 * temporary directory.  One Resolver per option set serves all its cases,
 * so the directory cache is exercised as in a build.
 *   test_resolve_cases TREE.txt EXPECTED.json [--materialize-only DIR]
 * Prints the number of cases compared and agreed; exit 1 on any
 * disagreement. */
#include "base/diag.h"
#include "base/fs.h"
#include "base/intern.h"
#include "base/map.h"
#include "base/mem.h"
#include "js/json.h"
#include "resolve/path.h"
#include "resolve/resolve.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void mkdirs(char *path) {
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        mkdir(path, 0777);
        *p = '/';
    }
    mkdir(path, 0777);
}

static void parent_dirs(const char *path) {
    char buf[PATH_CAP];
    snprintf(buf, sizeof buf, "%s", path);
    char *slash = strrchr(buf, '/');
    if (slash) *slash = '\0', mkdirs(buf);
}

/* Replaces every "$ROOT" of s with root into out. */
static void expand_root(const char *s, const char *root, char *out, size_t cap) {
    size_t n = 0;
    while (*s && n + 1 < cap) {
        if (strncmp(s, "$ROOT", 5) == 0) {
            n += (size_t)snprintf(out + n, cap - n, "%s", root);
            s += 5;
        } else {
            out[n++] = *s++;
        }
    }
    out[n < cap ? n : cap - 1] = '\0';
}

/* The tree.txt format: see the comment at the top of that file. */
static int materialize(const char *tree, const char *root) {
    FsFile f;
    if (fs_read_file(tree, NULL, &f) != FS_OK) {
        fprintf(stderr, "cannot read %s\n", tree);
        return 1;
    }
    char *save = NULL;
    for (char *line = strtok_r(f.data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        size_t n = strlen(line);
        while (n && (line[n - 1] == ' ' || line[n - 1] == '\r')) line[--n] = '\0';
        if (!n || line[0] == '#') continue;
        char path[PATH_CAP], target[PATH_CAP];
        char *arrow = strstr(line, " -> "), *eq = strstr(line, " = ");
        if (arrow) {
            *arrow = '\0';
            snprintf(path, sizeof path, "%s/%s", root, line);
            expand_root(arrow + 4, root, target, sizeof target);
            parent_dirs(path);
            if (symlink(target, path) != 0) return perror(path), 1;
        } else if (eq) {
            *eq = '\0';
            snprintf(path, sizeof path, "%s/%s", root, line);
            parent_dirs(path);
            FILE *out = fopen(path, "w");
            if (!out) return perror(path), 1;
            fprintf(out, "%s\n", eq + 3);
            fclose(out);
        } else if (line[n - 1] == '/') {
            snprintf(path, sizeof path, "%s/%s", root, line);
            mkdirs(path);
        } else {
            snprintf(path, sizeof path, "%s/%s", root, line);
            parent_dirs(path);
            FILE *out = fopen(path, "w");
            if (!out) return perror(path), 1;
            fclose(out);
        }
    }
    mem_free(f.data);
    return 0;
}

/* Options of one case, parsed from its flags (the `bale resolve` ones). */
typedef struct CaseOptions {
    BaleOptions o;
    const char *conditions[16], *externals[16], *mains[8], *exts[8];
    BalePair aliases[8];
    char store[2048];
    size_t used;
} CaseOptions;

static char *keep(CaseOptions *co, const char *s, size_t n) {
    char *p = co->store + co->used;
    if (co->used + n + 1 > sizeof co->store) abort();
    memcpy(p, s, n);
    p[n] = '\0';
    co->used += n + 1;
    return p;
}

static void split_into(CaseOptions *co, const char *list, const char **out, size_t *count, size_t max) {
    while (*list && *count < max) {
        const char *comma = strchr(list, ',');
        size_t n = comma ? (size_t)(comma - list) : strlen(list);
        out[(*count)++] = keep(co, list, n);
        list += n + (comma ? 1 : 0);
    }
}

static void parse_options(CaseOptions *co, const char *platform, const JsJson *flags, const char *root) {
    memset(co, 0, sizeof *co);
    bale_options_init(&co->o);
    co->o.platform = strcmp(platform, "node") == 0 ? BALE_PLATFORM_NODE : BALE_PLATFORM_BROWSER;
    co->o.working_dir = keep(co, root, strlen(root));
    for (uint32_t i = 0; flags && i < flags->len; i++) {
        const char *s = flags->u.items[i].u.str;
        if (strncmp(s, "--conditions=", 13) == 0) {
            split_into(co, s + 13, co->conditions, &co->o.condition_count, 16);
            co->o.conditions = co->conditions;
        } else if (strncmp(s, "--external:", 11) == 0) {
            co->externals[co->o.external_count++] = keep(co, s + 11, strlen(s + 11));
            co->o.externals = co->externals;
        } else if (strncmp(s, "--alias:", 8) == 0) {
            const char *eq = strchr(s + 8, '=');
            BalePair *a = &co->aliases[co->o.alias_count++];
            a->key = keep(co, s + 8, (size_t)(eq - s - 8));
            a->value = keep(co, eq + 1, strlen(eq + 1));
            co->o.aliases = co->aliases;
        } else if (strncmp(s, "--main-fields=", 14) == 0) {
            split_into(co, s + 14, co->mains, &co->o.main_field_count, 8);
            co->o.main_fields = co->mains;
        } else if (strncmp(s, "--resolve-extensions=", 21) == 0) {
            split_into(co, s + 21, co->exts, &co->o.resolve_extension_count, 8);
            co->o.resolve_extensions = co->exts;
        } else if (strcmp(s, "--preserve-symlinks") == 0) {
            co->o.preserve_symlinks = true;
        } else {
            fprintf(stderr, "unknown flag %s\n", s);
            abort();
        }
    }
}

/* The case's flags (an array of strings) as one line, "a b c": the key of
 * the Resolver serving the cases with these options. */
static void flags_text(const JsJson *flags, char *buf, size_t cap) {
    size_t used = 0;
    buf[0] = '\0';
    for (uint32_t i = 0; flags && i < flags->len && used < cap; i++)
        used += (size_t)snprintf(buf + used, cap - used, "%s%s", i ? " " : "", flags->u.items[i].u.str);
}

/* The diagnostic code bale must give for an error Node reports with this
 * code, or -1 when Node's code does not say (MODULE_NOT_FOUND covers
 * missing files, missing packages and symlink loops alike). */
static int code_for_node_error(const char *detail) {
    static const struct { const char *node; DiagCode bale; } map[] = {
        {"ERR_PACKAGE_PATH_NOT_EXPORTED", DIAG_RESOLVE_EXPORTS},
        {"ERR_PACKAGE_IMPORT_NOT_DEFINED", DIAG_RESOLVE_EXPORTS},
        {"ERR_INVALID_PACKAGE_TARGET", DIAG_RESOLVE_EXPORTS},
        {"ERR_INVALID_MODULE_SPECIFIER", DIAG_RESOLVE_EXPORTS},
        {"ERR_INVALID_PACKAGE_CONFIG", DIAG_RESOLVE_PACKAGE},
        {"Error parsing", DIAG_RESOLVE_PACKAGE},
        {"ERR_UNKNOWN_BUILTIN_MODULE", DIAG_RESOLVE_BUILTIN},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strncmp(detail, map[i].node, strlen(map[i].node)) == 0) return (int)map[i].bale;
    return -1;
}

int main(int argc, char **argv) {
    if (argc == 5 && strcmp(argv[3], "--materialize-only") == 0) return materialize(argv[1], argv[4]);
    if (argc != 3) {
        fprintf(stderr, "usage: %s TREE.txt EXPECTED.json\n", argv[0]);
        return 2;
    }
    char tmpl[] = "/tmp/bale-resolve-XXXXXX";
    if (!mkdtemp(tmpl)) return perror("mkdtemp"), 1;
    char root[PATH_CAP];
    if (!realpath(tmpl, root)) return perror("realpath"), 1;
    int rc = materialize(argv[1], root);
    FsFile f;
    if (rc == 0 && fs_read_file(argv[2], NULL, &f) != FS_OK) {
        fprintf(stderr, "cannot read %s\n", argv[2]);
        rc = 1;
    }
    if (rc) return rc;
    Arena doc_arena;
    arena_init(&doc_arena, 0);
    JsJsonError err;
    const JsJson *doc = js_json_parse(f.data, f.len, 0, &doc_arena, &err);
    mem_free(f.data);
    const JsJson *cases = js_json_get_cstr(doc, "cases");
    if (!js_json_is(cases, JS_JSON_ARRAY)) {
        fprintf(stderr, "%s: no cases%s%s\n", argv[2], doc ? "" : ": ", doc ? "" : err.msg);
        return 1;
    }

    Interner *in = interner_new();
    Map resolvers = {0}; /* "platform flags..." -> Resolver* */
    VEC(char *) keys = {0};
    uint32_t compared = 0, agreed = 0, codes_checked = 0;
    for (uint32_t ci = 0; ci < cases->len; ci++) {
        const JsJson *c = &cases->u.items[ci];
        const char *platform = js_json_str(js_json_get_cstr(c, "platform"));
        const char *kind = js_json_str(js_json_get_cstr(c, "kind"));
        const char *from = js_json_str(js_json_get_cstr(c, "from"));
        const char *request = js_json_str(js_json_get_cstr(c, "request"));
        const char *expect = js_json_str(js_json_get_cstr(c, "expect"));
        const JsJson *flags = js_json_get_cstr(c, "flags");

        char key[1024], full_key[1024 + 16];
        flags_text(flags, key, sizeof key);
        snprintf(full_key, sizeof full_key, "%s %s", platform, key);
        uint64_t v;
        Resolver *r;
        if (map_get_str(&resolvers, full_key, strlen(full_key), &v)) {
            r = (Resolver *)(uintptr_t)v;
        } else {
            CaseOptions co;
            parse_options(&co, platform, flags, root);
            r = resolver_new(&co.o, in);
            char *k = mem_strndup(full_key, strlen(full_key));
            VEC_PUSH(&keys, k);
            map_put_str(&resolvers, k, strlen(k), (uint64_t)(uintptr_t)r);
        }

        char dir[2 * PATH_CAP], req[PATH_CAP], got[PATH_CAP + 16];
        snprintf(dir, sizeof dir, "%s/%s", root, from);
        expand_root(request, root, req, sizeof req);
        DiagList diags;
        diag_init(&diags);
        ResolveResult res = resolve_request(r, dir, req, strcmp(kind, "require") == 0 ? BALE_IMPORT_REQUIRE : BALE_IMPORT_ESM,
                                            NULL, &diags);
        switch (res.outcome) {
        case RESOLVE_FILE: {
            size_t rl = strlen(root);
            const char *p = res.path->str;
            snprintf(got, sizeof got, "%s", strncmp(p, root, rl) == 0 && p[rl] == '/' ? p + rl + 1 : p);
            break;
        }
        case RESOLVE_EXTERNAL: snprintf(got, sizeof got, "external"); break;
        case RESOLVE_EMPTY: snprintf(got, sizeof got, "empty"); break;
        case RESOLVE_ERROR: snprintf(got, sizeof got, "error"); break;
        }
        compared++;
        const char *detail = js_json_str(js_json_get_cstr(c, "detail"));
        int want_code = res.outcome == RESOLVE_ERROR && strcmp(platform, "node") == 0 && detail
                            ? code_for_node_error(detail) : -1;
        bool code_ok = want_code < 0 || (diags.items.len && (int)diags.items.data[0].code == want_code);
        if (want_code >= 0) codes_checked++;
        if (strcmp(got, expect) == 0 && code_ok) {
            agreed++;
        } else {
            if (!code_ok) printf("WRONG KIND OF ERROR (Node: %s, bale: %s)\n", detail,
                                 diag_code_name(diags.items.data[0].code));
            printf("DISAGREE %s %s from %s: \"%s\" [%s]\n  expected (%s): %s\n  bale:     %s\n", platform, kind, from, request, key,
                   js_json_str(js_json_get_cstr(c, "oracle")), expect, got);
            if (diags.items.len) diag_print(&diags, stdout, false);
        }
        diag_free(&diags);
    }
    DirCacheStats total = {0};
    for (uint32_t i = 0; i < keys.len; i++) {
        uint64_t v;
        map_get_str(&resolvers, keys.data[i], strlen(keys.data[i]), &v);
        Resolver *r = (Resolver *)(uintptr_t)v;
        DirCacheStats s = resolver_stats(r);
        total.dirs += s.dirs, total.dirs_listed += s.dirs_listed, total.stats += s.stats;
        total.readlinks += s.readlinks, total.package_jsons += s.package_jsons;
        resolver_free(r);
        mem_free(keys.data[i]);
    }
    VEC_FREE(&keys);
    map_free(&resolvers);
    interner_free(in);
    arena_free(&doc_arena);
    printf("resolve cases: compared %u with Node / enhanced-resolve, agreed %u, disagreed %u "
           "(%u errors also checked for the kind of diagnostic)\n",
           compared, agreed, compared - agreed, codes_checked);
    printf("file system: %llu calls for %llu directories (%llu listed, %llu stat, %llu readlink, %llu package.json)\n",
           (unsigned long long)dircache_fs_calls(&total), (unsigned long long)total.dirs,
           (unsigned long long)total.dirs_listed, (unsigned long long)total.stats,
           (unsigned long long)total.readlinks, (unsigned long long)total.package_jsons);
    char cmd[PATH_CAP + 32];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", root);
    return compared && agreed == compared ? 0 : 1;
}
