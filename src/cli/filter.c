/*
 * filter.c - the scan options that choose what the outputs list:
 * --checks and --skip-checks (comma lists of globs on check ids),
 * --severity-min, --status (comma list of verdicts) and --hide-passes.
 * Globs are folded to upper case, as check ids are written.
 * The lists are split in place in argv, so nothing is allocated; the
 * report layer applies the filter (report_filter_result()).
 */
#include "cli/cli.h"
#include "cli/filter.h"

#include <ctype.h>
#include <string.h>

/* Split a comma list in place into v (at most cap items in all). */
static int split_list(char *arg, char **v, size_t *n, size_t cap, const char *opt, bool fold)
{
    for (char *p = arg, *next; p; p = next) {
        next = strchr(p, ',');
        if (next)
            *next++ = '\0';
        if (!*p)
            continue;
        if (*n == cap)
            return cli_usage_error("scan", "%s: at most %zu items", opt, cap);
        for (char *q = p; fold && *q; q++)
            *q = (char)toupper((unsigned char)*q);
        v[(*n)++] = p;
    }
    return 0;
}

static int parse_status(struct report_filter *f, char *arg)
{
    char *names[VERDICT_COUNT * 2];
    size_t n = 0;
    if (split_list(arg, names, &n, ARRAY_SIZE(names), "--status", false) != 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        enum verdict v;
        if (!verdict_from_name(names[i], &v))
            return cli_usage_error("scan",
                                   "--status takes verdicts (pass, fail, not_applicable, unknown, "
                                   "needs_context, waived), not '%s'",
                                   names[i]);
        f->verdicts |= 1u << v;
    }
    return 0;
}

int cli_filter_option(struct cli_filter *cf, int which, char *arg)
{
    struct report_filter *f = &cf->f;
    switch (which) {
    case CLI_FILTER_CHECKS:
        if (split_list(arg, cf->checks, &f->nchecks, CLI_FILTER_MAX, "--checks", true) != 0)
            return -1;
        f->checks = cf->checks;
        return 0;
    case CLI_FILTER_SKIP:
        if (split_list(arg, cf->skip, &f->nskip, CLI_FILTER_MAX, "--skip-checks", true) != 0)
            return -1;
        f->skip = cf->skip;
        return 0;
    case CLI_FILTER_SEVERITY:
        if (!severity_from_name(arg, &f->severity_min))
            return cli_usage_error("scan",
                                   "--severity-min takes info, low, medium, high or critical, "
                                   "not '%s'",
                                   arg);
        return 0;
    case CLI_FILTER_STATUS:
        return parse_status(f, arg);
    case CLI_FILTER_HIDE_PASSES:
        cf->hide_passes = true;
        return 0;
    }
    return -1;
}

static bool glob_matches_a_check(char *glob)
{
    size_t n;
    const struct check_def *const *all = checks_all(&n);
    struct report_filter one = {.checks = &glob, .nchecks = 1};
    for (size_t i = 0; i < n; i++)
        if (report_filter_check(&one, all[i]))
            return true;
    return false;
}

int cli_filter_finish(struct cli_filter *cf)
{
    struct report_filter *f = &cf->f;
    if (cf->hide_passes)
        f->verdicts =
            (f->verdicts ? f->verdicts : (1u << VERDICT_COUNT) - 1) & ~(1u << VERDICT_PASS);
    char *const *lists[] = {f->checks, f->skip};
    size_t counts[] = {f->nchecks, f->nskip};
    const char *opts[] = {"--checks", "--skip-checks"};
    for (size_t k = 0; k < 2; k++)
        for (size_t i = 0; i < counts[k]; i++)
            if (!glob_matches_a_check(lists[k][i]))
                return cli_usage_error("scan", "%s: no check matches '%s' (see 'tsaudit checks')",
                                       opts[k], lists[k][i]);
    return 0;
}
