/* checks.c - 'tsaudit checks' (being written). */
#include "cli/cli.h"

int cmd_checks(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "tsaudit checks: not available in this build yet\n");
    return EXIT_INTERNAL;
}
