/* cli/cmd_parse.c: `bale parse`, the parser on its own (see bale_parse_file). */
#include "bale.h"

#include <stdio.h>

int cmd_parse(int argc, char **argv);

int cmd_parse(int argc, char **argv) {
    (void)argc, (void)argv;
    fputs("bale: error: 'bale parse' is not implemented yet\n", stderr);
    return 1;
}
