/* serve.c - 'tsaudit serve' (being written). */
#include "cli/cli.h"

int cmd_serve(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "tsaudit serve: not available in this build yet\n");
    return EXIT_INTERNAL;
}
