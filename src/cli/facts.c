/*
 * facts.c - 'tsaudit facts FILE... [--format json] [--vendor D] [--show-secrets]':
 * the vendor-independent security model extracted from a configuration, as
 * JSON, with the line numbers of the statements behind every fact; with
 * several FILEs, a JSON array of those objects in the order given. Secrets
 * are printed as "<redacted:TYPE>" unless --show-secrets. Exit 2 when a
 * file cannot be read, its dialect is unknown or the parser reported an
 * error (the facts of the partial tree are still printed).
 */
#include "cli/cli.h"
#include "assess/assess.h"

#include <stdlib.h>
#include <string.h>

#define FACTS_READ_LIMIT (64u * 1024u * 1024u)

static void facts_usage(FILE *out)
{
    fprintf(out,
            "usage: tsaudit facts FILE... [--format json] [--vendor DIALECT] [--show-secrets]\n\n"
            "Print the security model extracted from FILE: management services and\n"
            "lines, access lists, AAA, accounts, SNMP, NTP, logging, routing protocol\n"
            "protection, interfaces and legacy services. Every fact says whether it is\n"
            "on, off or unknown (with the reason), whether it is the platform default,\n"
            "and the line numbers of the statements that prove it; \"coverage\" counts\n"
            "the top-level statements read and those the model understood. Several FILEs\n"
            "give a JSON array with one object per file, in the order given.\n\n"
            "  --format json       output format (json is the only one)\n"
            "  --vendor DIALECT    read FILE as DIALECT instead of detecting it\n"
            "  --show-secrets      print passwords, keys and communities as written\n"
            "                      (default: \"<redacted:TYPE>\")\n"
            "  -h, --help          show this help\n\n"
            "Exit status: 0 done, 2 bad usage, unreadable file, unknown dialect or a\n"
            "parse error (the facts of what could be read are still printed).\n");
}

/* Print the facts of one file; returns its exit status, -1 when unreadable. */
static int facts_one(const char *file, enum dialect forced, bool show_secrets)
{
    char *data = NULL;
    size_t len = 0;
    if (file_read_all(file, FACTS_READ_LIMIT, true, &data, &len) != 0)
        return -1;
    /* The scan's pipeline without a profile: it stops after the model. */
    struct assess_options o = {.vendor = forced};
    struct device_assessment d;
    device_assess(&o, file, file, data, len, &d);
    int status = d.parse_errors ? EXIT_INPUT : EXIT_OK;
    if (d.det.dialect == DIALECT_UNKNOWN)
        status = EXIT_INPUT; /* the parser has said so; the facts are all unknown */
    model_print_json(d.model, d.tree, show_secrets, stdout);
    device_assessment_free(&d);
    free(data);
    return status;
}

int cmd_facts(int argc, char **argv)
{
    bool show_secrets = false;
    enum dialect forced = DIALECT_UNKNOWN;
    int nfiles = 0;
    /* options first (they apply to every FILE), then the files in order */
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == '\0') {
            nfiles++;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            facts_usage(stdout);
            return EXIT_OK;
        } else if (strcmp(a, "--format") == 0 || strncmp(a, "--format=", 9) == 0) {
            const char *v = a[8] == '=' ? a + 9 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v || strcmp(v, "json") != 0)
                return cli_usage_error("facts", "--format takes 'json'");
        } else if (strcmp(a, "--vendor") == 0 || strncmp(a, "--vendor=", 9) == 0) {
            const char *v = a[8] == '=' ? a + 9 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v || !dialect_from_name(v, &forced))
                return cli_usage_error("facts", "--vendor takes one of: %s", dialect_name_list());
        } else if (strcmp(a, "--show-secrets") == 0) {
            show_secrets = true;
        } else {
            return cli_usage_error("facts", "unknown option '%s'", a);
        }
    }
    if (nfiles == 0)
        return cli_usage_error("facts", "no FILE given");
    int status = EXIT_OK, printed = 0;
    if (nfiles > 1)
        fputs("[\n", stdout);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--format") == 0 || strcmp(a, "--vendor") == 0) {
            i++; /* skip the option's value */
            continue;
        }
        if (a[0] == '-' && a[1] != '\0')
            continue;
        if (nfiles > 1 && printed)
            fputs(",\n", stdout);
        int st = facts_one(a, forced, show_secrets);
        if (st < 0) {
            if (nfiles > 1)
                fputs("null\n", stdout); /* keeps the array aligned with the arguments */
            st = EXIT_INPUT;
        }
        printed++;
        if (st > status)
            status = st;
    }
    if (nfiles > 1)
        fputs("]\n", stdout);
    if (fflush(stdout) != 0)
        return EXIT_INTERNAL;
    return status;
}
