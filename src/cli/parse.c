/* parse.c - 'tsaudit parse' (being written). */
#include "cli/cli.h"

int cmd_parse(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "tsaudit parse: not available in this build yet\n");
    return EXIT_INTERNAL;
}
