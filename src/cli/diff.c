/* diff.c - 'tsaudit diff' (being written). */
#include "cli/cli.h"

int cmd_diff(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "tsaudit diff: not available in this build yet\n");
    return EXIT_INTERNAL;
}
