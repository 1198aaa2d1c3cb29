/*
 * plan.c - `tsaudit plan [scan options] PATH...`: the scan with the fix-once
 * plan on standard output (report_plan.c) instead of the summary. Every scan
 * option works; the exit status says only whether the inputs could be read
 * unless --fail-on is given.
 */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

int cmd_plan(int argc, char **argv)
{
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        puts("usage: tsaudit plan [scan options] PATH...\n"
             "Scan PATH and print the fix-once plan: failed checks grouped by the\n"
             "remediation that closes them, ranked by severity and then by the devices\n"
             "each action closes, with the devices and the commands to type. Takes every\n"
             "option of 'tsaudit scan' (see 'tsaudit scan --help'); -o FILE.plan.txt\n"
             "writes the same plan to a file during any scan.");
        return EXIT_OK;
    }
    char **args = xcalloc((size_t)argc + 6, sizeof(*args));
    size_t n = 0;
    args[n++] = "scan";
    args[n++] = "--format";
    args[n++] = "plan";
    args[n++] = "--fail-on";
    args[n++] = "never";
    for (int i = 1; i < argc; i++)
        args[n++] = argv[i];
    args[n] = NULL;
    int rc = cmd_scan((int)n, args);
    free(args);
    return rc;
}
