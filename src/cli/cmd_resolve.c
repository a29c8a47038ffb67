/* cli/cmd_resolve.c: `bale resolve`, the resolver on its own (see bale_resolve).
 *
 *   bale resolve [--platform=browser|node|neutral] [--conditions=a,b]
 *                [--kind=import|require] [--main-fields=a,b]
 *                [--resolve-extensions=.a,.b] [--alias:FROM=TO]
 *                [--external:NAME] [--preserve-symlinks] FROM_DIR REQUEST...
 *
 * Prints one line per request: the resolved path, or "external:REQUEST" /
 * "empty:REQUEST" for requests left to the runtime or mapped to an empty
 * module.  A request that cannot be resolved prints its diagnostic on
 * stderr; the exit status is then 1 (2 for usage errors).
 * Uses only include/bale.h. */
#include "bale.h"
#include "cli/commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { EXIT_FAILED = 1, EXIT_USAGE = 2, MAX_LIST = 64 };

typedef struct List {
    const char *items[MAX_LIST];
    size_t len;
} List;

static int usage(const char *fmt, const char *arg) {
    fputs("bale resolve: error: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nusage: bale resolve [--platform=browser|node|neutral] [--conditions=A,B] [--kind=import|require]\n"
          "                    [--main-fields=A,B] [--resolve-extensions=.A,.B] [--alias:FROM=TO]\n"
          "                    [--external:NAME] [--preserve-symlinks] FROM_DIR REQUEST...\n",
          stderr);
    return EXIT_USAGE;
}

/* Splits a comma list in place into l.  Returns false when it is too long. */
static bool split(List *l, char *s) {
    for (char *tok = strtok(s, ","); tok; tok = strtok(NULL, ",")) {
        if (l->len == MAX_LIST) return false;
        l->items[l->len++] = tok;
    }
    return true;
}

static const char *value_of(const char *arg, const char *name) {
    size_t n = strlen(name);
    return strncmp(arg, name, n) == 0 ? arg + n : NULL;
}

int cmd_resolve(int argc, char **argv) {
    BaleOptions o;
    bale_options_init(&o);
    o.color = cli_stderr_color();
    BaleImportKind kind = BALE_IMPORT_ESM;
    List conditions = {0}, mains = {0}, exts = {0}, externals = {0};
    BalePair aliases[MAX_LIST];
    size_t alias_count = 0;
    bool have_mains = false, have_exts = false;
    char *copies[MAX_LIST * 2];
    size_t ncopies = 0;
    int first = 1, rc = 0;
    const char *v;
    for (; first < argc && rc == 0; first++) {
        char *a = argv[first];
        if (strcmp(a, "--") == 0) {
            first++;
            break;
        }
        if (strncmp(a, "--", 2) != 0) break;
        if ((v = value_of(a, "--platform="))) {
            if (!strcmp(v, "browser")) o.platform = BALE_PLATFORM_BROWSER;
            else if (!strcmp(v, "node")) o.platform = BALE_PLATFORM_NODE;
            else if (!strcmp(v, "neutral")) o.platform = BALE_PLATFORM_NEUTRAL;
            else rc = usage("invalid --platform '%s' (expected browser, node or neutral)", v);
        } else if ((v = value_of(a, "--kind="))) {
            if (!strcmp(v, "import")) kind = BALE_IMPORT_ESM;
            else if (!strcmp(v, "require")) kind = BALE_IMPORT_REQUIRE;
            else rc = usage("invalid --kind '%s' (expected import or require)", v);
        } else if ((v = value_of(a, "--conditions="))) {
            if (!split(&conditions, a + strlen("--conditions="))) rc = usage("too many conditions%s", "");
        } else if ((v = value_of(a, "--main-fields="))) {
            have_mains = true;
            if (!split(&mains, a + strlen("--main-fields="))) rc = usage("too many main fields%s", "");
        } else if ((v = value_of(a, "--resolve-extensions="))) {
            have_exts = true;
            if (!split(&exts, a + strlen("--resolve-extensions="))) rc = usage("too many extensions%s", "");
        } else if ((v = value_of(a, "--external:"))) {
            if (externals.len == MAX_LIST || !*v) rc = usage("bad or too many --external: '%s'", v);
            else externals.items[externals.len++] = v;
        } else if ((v = value_of(a, "--alias:"))) {
            const char *eq = strchr(v, '=');
            if (!eq || eq == v || alias_count == MAX_LIST) {
                rc = usage("--alias needs FROM=TO, got '%s'", v);
            } else {
                char *key = strndup(v, (size_t)(eq - v));
                if (!key) return EXIT_FAILED;
                copies[ncopies++] = key;
                aliases[alias_count++] = (BalePair){key, eq + 1};
            }
        } else if (!strcmp(a, "--preserve-symlinks")) {
            o.preserve_symlinks = true;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage("%s", "help");
            return 0;
        } else {
            rc = usage("unknown flag '%s'", a);
        }
    }
    if (rc == 0 && argc - first < 2) rc = usage("need FROM_DIR and at least one REQUEST%s", "");
    if (rc == 0) {
        o.conditions = conditions.items;
        o.condition_count = conditions.len;
        if (have_mains) o.main_fields = mains.items, o.main_field_count = mains.len;
        if (have_exts) o.resolve_extensions = exts.items, o.resolve_extension_count = exts.len;
        o.externals = externals.items;
        o.external_count = externals.len;
        o.aliases = aliases;
        o.alias_count = alias_count;
        const char *from = argv[first];
        for (int i = first + 1; i < argc; i++) {
            char *path = NULL, *note = NULL;
            if (bale_resolve(&o, from, argv[i], kind, &path, &note) != BALE_OK) {
                rc = EXIT_FAILED;
            } else if (path) {
                printf("%s\n", path);
            } else {
                printf("%s:%s\n", note ? note : "external", argv[i]);
            }
            free(path);
            free(note);
        }
    }
    for (size_t i = 0; i < ncopies; i++) free(copies[i]);
    return rc;
}
