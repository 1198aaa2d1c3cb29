/* measures.c - 'tsaudit measures' (being written). */
#include "cli/cli.h"

int cmd_measures(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "tsaudit measures: not available in this build yet\n");
    return EXIT_INTERNAL;
}
