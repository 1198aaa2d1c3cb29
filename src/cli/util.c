/*
 * util.c - helpers shared by the subcommands.
 */
#include "cli/cli.h"

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "tsaudit %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, " (see 'tsaudit %s --help')\n", cmd);
    return EXIT_INPUT;
}
