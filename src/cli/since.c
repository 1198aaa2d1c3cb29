/*
 * since.c - `tsaudit since DEVICE [CHECK|MEASURE] --db FILE`: since which
 * commit each of a device's current failures has failed, and who made that
 * commit, from the repository history recorded by `scan --git`. With a
 * check, the whole timeline of that check on the device; with a measure,
 * the failures of the checks that evidence it.
 */
#include "cli/cli.h"

#include "compliance/compliance.h"
#include "store/store.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char *since_usage =
    "usage: tsaudit since DEVICE [CHECK|MEASURE] --db FILE\n"
    "\n"
    "From the repository history recorded by 'tsaudit scan --git REPO --db FILE':\n"
    "for each check DEVICE fails now, the commit that introduced the failure (id,\n"
    "date, author, subject). DEVICE is the file's path relative to the repository.\n"
    "With CHECK (e.g. MGMT-TELNET), every change of that check's verdict on the\n"
    "device, oldest first, including the commits that fixed it; with MEASURE\n"
    "(e.g. M11.14), the current failures of the checks that evidence it.\n"
    "Exit 0, 1 when the device fails something now, 2 bad usage or no history.\n";

static void print_change(const struct store_change_row *r, const char *lead)
{
    /* Commit text is an input like any other: cleaned for the terminal. */
    printf("%s%.12s  %s  %s  \"%s\"\n", lead, cli_term(r->commit),
           cli_term(r->when ? r->when : "?"), cli_term(r->author), cli_term(r->subject));
}

static bool check_in_measure(const char *check, const char *measure)
{
    size_t n;
    const struct check_def *const *all = checks_all(&n);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(all[i]->id, check) != 0)
            continue;
        for (const char *const *m = all[i]->measures; m && *m; m++)
            if (strcmp(*m, measure) == 0)
                return true;
    }
    return false;
}

/* The change that started the current run of failures of rows[last]'s check. */
static const struct store_change_row *failing_since(const struct store_change_row *rows,
                                                    size_t last)
{
    const char *check = rows[last].check;
    const struct store_change_row *start = &rows[last];
    for (size_t i = last; i-- > 0;) {
        if (strcmp(rows[i].check, check) != 0)
            continue;
        if (strcmp(rows[i].verdict, "fail") != 0)
            break;
        start = &rows[i];
    }
    return start;
}

/* Current failures (optionally those evidencing measure). Returns how many. */
static size_t print_failures(const struct store_change_row *rows, size_t n, const char *measure)
{
    size_t fails = 0;
    for (size_t i = 0; i < n; i++) {
        bool latest = true;
        for (size_t k = i + 1; k < n && latest; k++)
            latest = strcmp(rows[k].check, rows[i].check) != 0;
        if (!latest || strcmp(rows[i].verdict, "fail") != 0)
            continue;
        if (measure && !check_in_measure(rows[i].check, measure))
            continue;
        fails++;
        printf("%s fails since\n", cli_term(rows[i].check));
        print_change(failing_since(rows, i), "  ");
    }
    return fails;
}

static int parse_since_options(int argc, char **argv, const char **db)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (c == 'd')
            *db = optarg;
        else if (c == 'h') {
            fputs(since_usage, stdout);
            return -1;
        } else
            return -2;
    }
    return optind;
}

int cmd_since(int argc, char **argv)
{
    const char *db = NULL;
    int first = parse_since_options(argc, argv, &db);
    if (first == -1)
        return EXIT_OK;
    if (first < 0 || argc - first < 1 || argc - first > 2 || !db)
        return cli_usage_error("since", "usage: tsaudit since DEVICE [CHECK|MEASURE] --db FILE");
    const char *device = argv[first], *item = argc - first == 2 ? argv[first + 1] : NULL;
    while (strncmp(device, "./", 2) == 0)
        device += 2;
    bool is_measure = item && measure_id_parse(item, NULL, NULL);
    struct store_change_row *rows;
    size_t n;
    char *repo;
    if (store_device_changes(db, device, is_measure ? NULL : item, &repo, &rows, &n) != 0)
        return EXIT_INPUT;
    if (!n) {
        fprintf(stderr, "tsaudit since: no recorded history for '%s'%s%s in %s (scan --git)\n",
                cli_term(device), item ? " and " : "", cli_term(item), cli_term(db));
        free(repo);
        return EXIT_INPUT;
    }
    printf("device %s in %s\n", cli_term(device), cli_term(repo));
    size_t fails;
    if (item && !is_measure) {
        for (size_t i = 0; i < n; i++) {
            printf("%s -> %s at ", cli_term(rows[i].previous ? rows[i].previous : "(new)"),
                   cli_term(rows[i].verdict));
            print_change(&rows[i], "");
        }
        fails = strcmp(rows[n - 1].verdict, "fail") == 0;
    } else {
        fails = print_failures(rows, n, is_measure ? item : NULL);
        if (!fails)
            puts(is_measure ? "no check of that measure fails now" : "no check fails now");
    }
    store_change_rows_free(rows, n);
    free(repo);
    return fails ? EXIT_FINDINGS : EXIT_OK;
}
