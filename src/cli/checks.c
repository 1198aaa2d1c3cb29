/*
 * checks.c - 'tsaudit checks [--format text|json] [--rules FILE]': list the
 * check registry (built-in checks first, then loaded user rules) with id,
 * severity, category, title, scope, the Code measures each evidences and the
 * profile fields it needs. Text is one tab-separated line per check.
 */
#include "checks/checks.h"
#include "cli/cli.h"
#include "rules/rules.h"

#include <string.h>

static void checks_usage(FILE *out)
{
    fprintf(out, "usage: tsaudit checks [--format text|json] [--rules FILE]\n\n"
                 "List the checks tsaudit evaluates: built-in checks, then user rules loaded\n"
                 "with --rules (a file or a folder of *.yaml files; may repeat).\n\n"
                 "  --format text|json  text (default): one line per check with id, severity,\n"
                 "                      category, title and Code measures, tab-separated;\n"
                 "                      json: an array of objects with every field\n"
                 "  --rules FILE        also load and list user rules\n"
                 "  -h, --help          show this help\n\n"
                 "Exit status: 0 done, 2 bad usage or a rules file with errors.\n");
}

static void json_str(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"':
            fputs("\\\"", out);
            break;
        case '\\':
            fputs("\\\\", out);
            break;
        case '\n':
            fputs("\\n", out);
            break;
        case '\t':
            fputs("\\t", out);
            break;
        default:
            if (*p < 0x20 || *p == 0x7f)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out); /* UTF-8 passes through */
        }
    }
    fputc('"', out);
}

static void print_measures_text(FILE *out, const struct check_def *c)
{
    bool first = true;
    for (const char *const *m = c->measures; m && *m; m++) {
        fprintf(out, "%s%s", first ? "" : ",", cli_term(*m));
        first = false;
    }
    if (first)
        fputc('-', out);
}

static void print_text(FILE *out, const struct check_def *const *all, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct check_def *c = all[i];
        fprintf(out, "%s\t%s\t%s\t%s\t", cli_term(c->id), severity_name(c->severity),
                cli_term(c->category ? c->category : "-"), cli_term(c->title ? c->title : "-"));
        print_measures_text(out, c);
        fputc('\n', out);
    }
}

static void print_json(FILE *out, const struct check_def *const *all, size_t n)
{
    fputs("[\n", out);
    for (size_t i = 0; i < n; i++) {
        const struct check_def *c = all[i];
        fputs("  {\"id\": ", out);
        json_str(out, c->id);
        fputs(", \"title\": ", out);
        json_str(out, c->title);
        fputs(", \"category\": ", out);
        json_str(out, c->category);
        fputs(", \"severity\": ", out);
        json_str(out, severity_name(c->severity));
        fputs(", \"scope\": ", out);
        json_str(out, c->scope == CHECK_FLEET ? "fleet" : "device");
        fputs(", \"measures\": [", out);
        for (const char *const *m = c->measures; m && *m; m++) {
            if (m != c->measures)
                fputs(", ", out);
            json_str(out, *m);
        }
        fputs("], \"context\": ", out);
        json_str(out, c->context);
        fputs(", \"source\": ", out);
        json_str(out, c->source ? c->source : "builtin");
        fputs(", \"rationale\": ", out);
        json_str(out, c->rationale);
        fputs(", \"remediation\": {", out);
        bool first = true;
        for (int d = 0; d < DIALECT_COUNT; d++) {
            if (!c->remediation[d])
                continue;
            fprintf(out, "%s", first ? "" : ", ");
            json_str(out, d == DIALECT_UNKNOWN ? "generic" : dialect_name((enum dialect)d));
            fputs(": ", out);
            json_str(out, c->remediation[d]);
            first = false;
        }
        fprintf(out, "}}%s\n", i + 1 < n ? "," : "");
    }
    fputs("]\n", out);
}

int cmd_checks(int argc, char **argv)
{
    bool json = false;
    struct arena arena;
    arena_init(&arena);
    int errors = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            checks_usage(stdout);
            arena_free(&arena);
            return EXIT_OK;
        } else if (!strcmp(a, "--format") || !strncmp(a, "--format=", 9)) {
            const char *v = a[8] == '=' ? a + 9 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v) {
                arena_free(&arena);
                return cli_usage_error("checks", "--format needs a value");
            }
            if (!strcmp(v, "json")) {
                json = true;
            } else if (!strcmp(v, "text")) {
                json = false;
            } else {
                arena_free(&arena);
                return cli_usage_error("checks", "unknown format '%s' (text or json)", v);
            }
        } else if (!strcmp(a, "--rules") || !strncmp(a, "--rules=", 8)) {
            const char *v = a[7] == '=' ? a + 8 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v) {
                arena_free(&arena);
                return cli_usage_error("checks", "--rules needs a file or folder");
            }
            errors += rules_load_path(&arena, v);
        } else {
            arena_free(&arena);
            return cli_usage_error("checks", "unexpected argument '%s'", a);
        }
    }
    size_t n;
    const struct check_def *const *all = checks_all(&n);
    if (json)
        print_json(stdout, all, n);
    else
        print_text(stdout, all, n);
    fflush(stdout);
    /* The registry still points at the loaded rules, but nothing reads it
     * after this command returns. */
    arena_free(&arena);
    return errors ? EXIT_INPUT : EXIT_OK;
}
