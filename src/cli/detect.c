/* detect.c - 'tsaudit detect' (being written). */
#include "cli/cli.h"

int cmd_detect(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "tsaudit detect: not available in this build yet\n");
    return EXIT_INTERNAL;
}
