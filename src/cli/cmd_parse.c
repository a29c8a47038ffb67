/* cli/cmd_parse.c: `bale parse`, the parser on its own.
 *   bale parse [--module|--script|--auto] [--dump=ast|scopes|record|cjs-exports|print] [--status] FILE...
 * Exit 0 when every file parses, 1 when one does not, 2 on a usage error.
 * --status prints "ok FILE" or "error FILE" per file (conformance runners);
 * with several files, each dump is preceded by a line "//> FILE".
 * --dump=cjs-exports prints the names Node's cjs-module-lexer finds
 * (js/cjs_exports.h), whether or not the file parses; --dump=print the
 * program printed back, compact (output/print.h).
 * Uses only include/bale.h. */
#include "bale.h"
#include "cli/commands.h"

#include <stdio.h>
#include <string.h>

int cmd_parse(int argc, char **argv) {
    BaleParseGoal goal = BALE_GOAL_AUTO;
    BaleDump dump = BALE_DUMP_NONE;
    bool status = false;
    int files = 0, failed = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--module")) goal = BALE_GOAL_MODULE;
        else if (!strcmp(a, "--script")) goal = BALE_GOAL_SCRIPT;
        else if (!strcmp(a, "--auto")) goal = BALE_GOAL_AUTO;
        else if (!strcmp(a, "--dump=ast")) dump = BALE_DUMP_AST;
        else if (!strcmp(a, "--dump=scopes")) dump = BALE_DUMP_SCOPES;
        else if (!strcmp(a, "--dump=record")) dump = BALE_DUMP_RECORD;
        else if (!strcmp(a, "--dump=cjs-exports")) dump = BALE_DUMP_CJS_EXPORTS;
        else if (!strcmp(a, "--dump=print")) dump = BALE_DUMP_PRINT;
        else if (!strcmp(a, "--status")) status = true;
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "bale: error: unknown flag '%s' for 'bale parse'\n"
                            "usage: bale parse [--module|--script|--auto] [--dump=ast|scopes|record|cjs-exports|print] [--status] FILE...\n", a);
            return 2;
        }
    }
    int nfiles = 0;
    for (int i = 1; i < argc; i++)
        if (!(argv[i][0] == '-' && argv[i][1])) nfiles++;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] == '-' && a[1]) continue;
        files++;
        if (dump != BALE_DUMP_NONE && nfiles > 1) printf("//> %s\n", a);
        BaleStatus st = bale_parse_file(a, goal, dump, stdout, NULL, cli_stderr_color());
        if (st != BALE_OK) failed++;
        if (status) printf("%s %s\n", st == BALE_OK ? "ok" : "error", a);
    }
    if (!files) {
        fputs("bale: error: 'bale parse' needs at least one file\n", stderr);
        return 2;
    }
    return failed ? 1 : 0;
}
