/* explain.c - 'tsaudit explain' (being written). */
#include "cli/cli.h"

int cmd_explain(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "tsaudit explain: not available in this build yet\n");
    return EXIT_INTERNAL;
}
