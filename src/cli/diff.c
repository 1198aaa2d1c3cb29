/*
 * diff.c - 'tsaudit diff': what changed between two recorded runs.
 */
#include "cli/cli.h"
#include "store/store.h"

#include <getopt.h>
#include <string.h>

static const char *usage =
    "usage: tsaudit diff --db FILE [--format text|json] [A] [B]\n"
    "\n"
    "Compare two complete runs of a history database (by id or uuid; by default\n"
    "the last two): devices added and removed, new failures, fixed checks, checks\n"
    "still failing (by severity), and measures whose status changed.\n";

static void json_changes(const char *name, const struct store_change *c, size_t n, bool measure,
                         bool device, bool last)
{
    printf("  \"%s\": [", name);
    for (size_t i = 0; i < n; i++) {
        printf("%s\n    {", i ? "," : "");
        if (device || !measure) {
            printf("\"device\": ");
            json_write_cstr(stdout, c[i].device);
            printf(", \"hostname\": ");
            json_write_cstr(stdout, c[i].hostname);
        }
        if (device) {
            printf(", \"dialect\": ");
            json_write_cstr(stdout, c[i].item);
        } else {
            printf("%s\"%s\": ", measure ? "" : ", ", measure ? "measure" : "check");
            json_write_cstr(stdout, c[i].item);
            if (!measure) {
                printf(", \"severity\": ");
                json_write_cstr(stdout, c[i].severity);
            }
            printf(", \"from\": ");
            json_write_cstr(stdout, c[i].from);
            printf(", \"to\": ");
            json_write_cstr(stdout, c[i].to);
        }
        printf("}");
    }
    printf("%s]%s\n", n ? "\n  " : "", last ? "" : ",");
}

static void json_run(const char *name, const struct store_run_row *r)
{
    printf("  \"%s\": {\"id\": %lld, \"uuid\": ", name, (long long)r->id);
    json_write_cstr(stdout, r->uuid);
    printf(", \"started\": ");
    json_write_cstr(stdout, r->started);
    printf(", \"devices\": %ld, \"fails\": %ld},\n", r->devices, r->fails);
}

static void text_changes(const char *title, const struct store_change *c, size_t n, bool measure,
                         bool device)
{
    printf("\n%s (%zu)\n", title, n);
    for (size_t i = 0; i < n; i++) {
        if (device)
            printf("  %s (%s, %s)\n", cli_term(c[i].device),
                   cli_term(c[i].hostname ? c[i].hostname : "-"),
                   cli_term(c[i].item ? c[i].item : "-"));
        else if (measure)
            printf("  %-8s %s -> %s\n", cli_term(c[i].item), cli_term(c[i].from),
                   cli_term(c[i].to));
        else
            printf("  %-8s %-28s %s (%s)%s%s\n", cli_term(c[i].severity), cli_term(c[i].item),
                   cli_term(c[i].hostname ? c[i].hostname : c[i].device), cli_term(c[i].device),
                   strcmp(c[i].from, "fail") ? " was " : "",
                   strcmp(c[i].from, "fail") ? cli_term(c[i].from) : "");
    }
}

int cmd_diff(int argc, char **argv)
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
            return cli_bad_option("diff", argc, argv, "h", opts);
        }
    }
    if (!db)
        return cli_usage_error("diff", "--db FILE is required");
    if (argc - optind > 2)
        return cli_usage_error("diff", "at most two runs to compare");
    bool json = strcmp(format, "json") == 0;
    if (!json && strcmp(format, "text") != 0)
        return cli_usage_error("diff", "--format takes text or json");
    const char *a = NULL, *b = NULL;
    if (argc - optind == 2) {
        a = argv[optind];
        b = argv[optind + 1];
    } else if (argc - optind == 1) {
        a = argv[optind];
    }
    struct store_diff d;
    if (store_diff_runs(db, a, b, &d) != 0)
        return EXIT_INPUT;
    if (json) {
        printf("{\n");
        json_run("a", &d.a);
        json_run("b", &d.b);
        json_changes("devices_added", d.added, d.nadded, false, true, false);
        json_changes("devices_removed", d.removed, d.nremoved, false, true, false);
        json_changes("new_failures", d.new_fail, d.nnew_fail, false, false, false);
        json_changes("fixed", d.fixed, d.nfixed, false, false, false);
        json_changes("still_failing", d.still_failing, d.nstill_failing, false, false, false);
        json_changes("measures_changed", d.measures, d.nmeasures, true, false, true);
        printf("}\n");
    } else {
        printf("run %lld (%s) -> run %lld (%s)\n", (long long)d.a.id, cli_term(d.a.started),
               (long long)d.b.id, cli_term(d.b.started));
        printf("devices %ld -> %ld, failed checks %ld -> %ld\n", d.a.devices, d.b.devices,
               d.a.fails, d.b.fails);
        text_changes("devices added", d.added, d.nadded, false, true);
        text_changes("devices removed", d.removed, d.nremoved, false, true);
        text_changes("new failures", d.new_fail, d.nnew_fail, false, false);
        text_changes("fixed", d.fixed, d.nfixed, false, false);
        text_changes("still failing", d.still_failing, d.nstill_failing, false, false);
        text_changes("measures whose status changed", d.measures, d.nmeasures, true, false);
    }
    store_diff_free(&d);
    return EXIT_OK;
}
