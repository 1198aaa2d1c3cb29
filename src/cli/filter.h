/*
 * filter.h - the scan options that choose what the outputs list (see
 * filter.c). Internal to the cli layer.
 */
#ifndef TSAUDIT_CLI_FILTER_H
#define TSAUDIT_CLI_FILTER_H

#include "report/report.h"

#define CLI_FILTER_MAX 512

enum cli_filter_option {
    CLI_FILTER_CHECKS = 1,
    CLI_FILTER_SKIP,
    CLI_FILTER_SEVERITY,
    CLI_FILTER_STATUS,
    CLI_FILTER_HIDE_PASSES,
};

struct cli_filter {
    struct report_filter f;
    char *checks[CLI_FILTER_MAX]; /* views into argv */
    char *skip[CLI_FILTER_MAX];
    bool hide_passes;
};

/* One option (which: enum cli_filter_option) with its argument, split in
 * place; 0, or -1 after a usage error. */
int cli_filter_option(struct cli_filter *cf, int which, char *arg);
/* After the rules are loaded: every glob names a check; --hide-passes
 * applied. 0, or -1 after a usage error. */
int cli_filter_finish(struct cli_filter *cf);

#endif
