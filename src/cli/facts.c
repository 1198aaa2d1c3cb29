/* facts.c - 'tsaudit facts' (being written). */
#include "cli/cli.h"

int cmd_facts(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "tsaudit facts: not available in this build yet\n");
    return EXIT_INTERNAL;
}
