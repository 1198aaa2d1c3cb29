/*
 * history.c - 'tsaudit history': the runs recorded in a history database
 * with their headline figures.
 */
#include "cli/cli.h"
#include "store/store.h"

#include <getopt.h>
#include <string.h>

static const char *usage = "usage: tsaudit history --db FILE [--format text|json]\n"
                           "\n"
                           "List the complete runs recorded by 'tsaudit scan --db FILE', oldest\n"
                           "first, with devices, failed checks by severity and measures met.\n";

int cmd_history(int argc, char **argv)
{
    static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
                                         {"format", required_argument, NULL, 'f'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *db = NULL, *format = "text";
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            db = optarg;
            break;
        case 'f':
            format = optarg;
            break;
        case 'h':
            fputs(usage, stdout);
            return EXIT_OK;
        default:
            return cli_bad_option("history", argc, argv, "h", opts);
        }
    }
    if (!db)
        return cli_usage_error("history", "--db FILE is required");
    if (optind < argc)
        return cli_usage_error("history", "unexpected argument '%s'", argv[optind]);
    bool json = strcmp(format, "json") == 0;
    if (!json && strcmp(format, "text") != 0)
        return cli_usage_error("history", "--format takes text or json");

    struct store_run_row *rows;
    size_t n;
    if (store_list_runs(db, &rows, &n) != 0)
        return EXIT_INPUT;
    if (json) {
        printf("[");
        for (size_t i = 0; i < n; i++) {
            const struct store_run_row *r = &rows[i];
            printf("%s\n  {\"id\": %lld, \"uuid\": ", i ? "," : "", (long long)r->id);
            json_write_cstr(stdout, r->uuid);
            printf(", \"started\": ");
            json_write_cstr(stdout, r->started);
            printf(", \"finished\": ");
            json_write_cstr(stdout, r->finished);
            printf(", \"as_of\": ");
            json_write_cstr(stdout, r->as_of);
            printf(", \"tier\": ");
            if (r->tier)
                printf("%d", r->tier);
            else
                printf("null");
            printf(", \"edition\": ");
            json_write_cstr(stdout, r->edition);
            printf(", \"provider\": ");
            json_write_cstr(stdout, r->provider);
            printf(", \"tool_version\": ");
            json_write_cstr(stdout, r->tool_version);
            printf(", \"devices\": %ld, \"fails\": %ld, \"fails_by_severity\": {\"critical\": %ld, "
                   "\"high\": %ld, \"medium\": %ld, \"low\": %ld}, \"measures_met\": %ld, "
                   "\"measures_total\": %ld}",
                   r->devices, r->fails, r->fails_by_severity[0], r->fails_by_severity[1],
                   r->fails_by_severity[2], r->fails_by_severity[3], r->measures_met,
                   r->measures_total);
        }
        printf("%s]\n", n ? "\n" : "");
    } else if (n == 0) {
        printf("no complete runs recorded in %s\n", cli_term(db));
    } else {
        printf("%-5s %-20s %-10s %-4s %-8s %7s %6s %-26s %s\n", "id", "started", "as-of", "tier",
               "edition", "devices", "fails", "crit/high/med/low", "measures met");
        for (size_t i = 0; i < n; i++) {
            const struct store_run_row *r = &rows[i];
            char sev[64], tier[8];
            snprintf(sev, sizeof(sev), "%ld/%ld/%ld/%ld", r->fails_by_severity[0],
                     r->fails_by_severity[1], r->fails_by_severity[2], r->fails_by_severity[3]);
            snprintf(tier, sizeof(tier), "%s",
                     r->tier ? (const char[]){(char)('0' + r->tier), 0} : "-");
            printf("%-5lld %-20s %-10s %-4s %-8s %7ld %6ld %-26s %ld/%ld\n", (long long)r->id,
                   cli_term(r->started), cli_term(r->as_of), tier, cli_term(r->edition), r->devices,
                   r->fails, sev, r->measures_met, r->measures_total);
        }
    }
    store_run_rows_free(rows, n);
    return EXIT_OK;
}
