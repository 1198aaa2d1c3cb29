/*
 * dispatch.c - the subcommand table and 'tsaudit <command> ...' dispatch
 * (cli_main). src/main.c and libtsaudit's tsa_main() call it.
 */
#include "cli/cli.h"

#include <string.h>

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
};

static const struct command commands[] = {
    {"scan", cmd_scan, "audit files and folders against the Code of Practice"},
    {"detect", cmd_detect, "print the dialect detected for each file"},
    {"parse", cmd_parse, "print the config tree of a file"},
    {"facts", cmd_facts, "print the extracted security model of a file"},
    {"checks", cmd_checks, "list built-in and loaded checks"},
    {"measures", cmd_measures, "list the Code's measures with tier, deadline and status"},
    {"explain", cmd_explain, "explain a check (MGMT-TELNET) or a measure (M11.14)"},
    {"history", cmd_history, "list runs recorded in a history database"},
    {"diff", cmd_diff, "compare two recorded runs"},
    {"plan", cmd_plan, "scan and print the fix-once plan: which remediation closes the most"},
    {"since", cmd_since, "since which commit a device has failed each check (scan --git)"},
    {"verify", cmd_verify, "re-run a JSON report's scan and say whether it still holds"},
    {"init", cmd_init, "start a profile, attestations and .tsaudit.yaml for a tier"},
    {"serve", cmd_serve, "local read-only dashboard over a history database"},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: tsaudit <command> [options] [args]\n\n"
                 "Audit network device configurations against the UK Telecommunications\n"
                 "Security Code of Practice.\n\ncommands:\n");
    for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "  %-10s %s\n", "version", "print the version (also --version, -V)");
    fprintf(out, "  %-10s %s\n", "help", "'tsaudit help scan' shows the options of scan");
    fprintf(out, "\n'tsaudit <command> --help' shows a command's options; see also tsaudit(1).\n");
}

static int unknown_command(const char *cmd)
{
    const char *names[ARRAY_SIZE(commands) + 2];
    for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
        names[i] = commands[i].name;
    names[ARRAY_SIZE(commands)] = "version";
    names[ARRAY_SIZE(commands) + 1] = "help";
    const char *near = cli_nearest(cmd, names, ARRAY_SIZE(names));
    if (near)
        fprintf(stderr, "tsaudit: unknown command '%s'; did you mean '%s'?\n", cmd, near);
    else
        fprintf(stderr, "tsaudit: unknown command '%s'\n", cmd);
    fprintf(stderr, "'tsaudit --help' lists the commands.\n");
    return EXIT_INPUT;
}

int cli_main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_INPUT;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "help") == 0 && argc > 2) {
        /* "tsaudit help scan" is "tsaudit scan --help". */
        char *help_argv[] = {argv[2], "--help", NULL};
        for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
            if (strcmp(argv[2], commands[i].name) == 0)
                return commands[i].run(2, help_argv);
        return unknown_command(argv[2]);
    }
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("tsaudit %s\n", TSAUDIT_VERSION);
        return EXIT_OK;
    }
    for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    return unknown_command(cmd);
}
