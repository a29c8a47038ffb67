/* cli/cmd_resolve.c: `bale resolve`, the resolver on its own (see bale_resolve). */
#include "bale.h"

#include <stdio.h>

int cmd_resolve(int argc, char **argv);

int cmd_resolve(int argc, char **argv) {
    (void)argc, (void)argv;
    fputs("bale: error: 'bale resolve' is not implemented yet\n", stderr);
    return 1;
}
