/* scan.c - 'tsaudit scan' (being written). */
#include "cli/cli.h"

int cmd_scan(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "tsaudit scan: not available in this build yet\n");
    return EXIT_INTERNAL;
}
