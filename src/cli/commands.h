/* cli/commands.h: the subcommands that run one stage on its own.  Each
 * takes argv from the subcommand's name on and returns the exit code
 * (0 success, 1 errors in the input, 2 usage errors). */
#ifndef BALE_CLI_COMMANDS_H
#define BALE_CLI_COMMANDS_H

#include <stdbool.h>

int cmd_parse(int argc, char **argv);   /* cli/cmd_parse.c */
int cmd_resolve(int argc, char **argv); /* cli/cmd_resolve.c */

/* Whether diagnostics on stderr get colors: stderr is a terminal and
 * NO_COLOR is unset (cli/main.c).  The command decides, not the library. */
bool cli_stderr_color(void);

#endif
