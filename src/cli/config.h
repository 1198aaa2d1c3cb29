/*
 * config.h - defaults for a command from `.tsaudit.yaml` or `--config FILE`
 * (see config.c). Internal to the cli layer.
 */
#ifndef TSAUDIT_CLI_CONFIG_H
#define TSAUDIT_CLI_CONFIG_H

#include "core/core.h"

struct option;

struct cli_config {
    struct arena arena;
    const char *file; /* the file read, NULL when none */
    char **argv;      /* argv[0], the file's options, then the given arguments */
    int argc;
    char **rest; /* the given arguments without --config/--no-config */
    size_t nrest;
};

/*
 * Build the arguments of cmd: its section of the configuration file as
 * options (checked against opts, the command's long options), then the
 * arguments given. 0, or -1 after "file:line:column: error: ..." lines.
 * cli_config_free() in both cases.
 */
int cli_config_expand(struct cli_config *c, const char *cmd, int argc, char **argv,
                      const struct option *opts);
void cli_config_free(struct cli_config *c);

#endif
