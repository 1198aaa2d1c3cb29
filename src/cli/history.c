/* history.c - 'tsaudit history' (being written). */
#include "cli/cli.h"

int cmd_history(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "tsaudit history: not available in this build yet\n");
    return EXIT_INTERNAL;
}
