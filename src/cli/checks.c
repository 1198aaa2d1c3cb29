/*
 * checks.c - 'tsaudit checks [--format text|json|markdown] [--rules FILE]':
 * list the check registry (built-in checks first, then loaded user rules)
 * with id, severity, category, title, scope, the Code measures each
 * evidences and the profile fields it needs. Text is one tab-separated line
 * per check; markdown is docs/checks.md, one "## ID" heading per check, so
 * that docs/checks.md#mgmt-telnet is the page SARIF's helpUri points at.
 */
#include "checks/checks.h"
#include "cli/cli.h"
#include "rules/rules.h"

#include <string.h>

static void checks_usage(FILE *out)
{
    fprintf(out, "usage: tsaudit checks [--format text|json|markdown] [--rules FILE]\n\n"
                 "List the checks tsaudit evaluates: built-in checks, then user rules loaded\n"
                 "with --rules (a file or a folder of *.yaml files; may repeat).\n\n"
                 "  --format F          text (default): one line per check with id, severity,\n"
                 "                      category, title and Code measures, tab-separated;\n"
                 "                      json: an array of objects with every field;\n"
                 "                      markdown: docs/checks.md, a heading per check id\n"
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

/* Markdown's special characters in running text, escaped. */
static void md_text(FILE *out, const char *s)
{
    for (; s && *s; s++) {
        if (strchr("\\`*_{}[]<>#|", *s))
            fputc('\\', out);
        fputc(*s, out);
    }
}

static void print_markdown_check(FILE *out, const struct check_def *c)
{
    /* The heading is the id alone: its anchor is the id in lower case. */
    fprintf(out, "\n## %s\n\n**", c->id);
    md_text(out, c->title ? c->title : c->id);
    fprintf(out, "**. Severity %s; ", severity_name(c->severity));
    md_text(out, c->category ? c->category : "no category");
    fputs(c->scope == CHECK_FLEET ? "; decided across the estate" : "", out);
    for (const char *const *m = c->measures; m && *m; m++)
        fprintf(out, "%s%s", m == c->measures ? "; measures " : ", ", *m);
    if (c->context)
        fprintf(out, "; profile: `%s`", c->context);
    fputs(".\n\n", out);
    md_text(out, c->rationale);
    fputs("\n", out);
    for (int d = 0; d < DIALECT_COUNT; d++) {
        if (!c->remediation[d])
            continue;
        fprintf(out, "\n%s:\n\n```\n%s\n```\n",
                d == DIALECT_UNKNOWN ? "Any platform" : dialect_name((enum dialect)d),
                c->remediation[d]);
    }
}

static void print_markdown(FILE *out, const struct check_def *const *all, size_t n)
{
    fputs("# Checks\n\n"
          "Every check tsaudit runs, in the order reports list them: its title,\n"
          "severity, category, the Code of Practice measures it evidences, the\n"
          "profile keys it needs, why it matters and the fix on each platform.\n"
          "`tsaudit explain ID` prints the same from the command line. Each check\n"
          "has a heading of its own (`checks.md#mgmt-telnet`): the page SARIF's\n"
          "`helpUri` links to (`--help-base-url`, docs/report-formats.md).\n\n"
          "This file is generated: `tsaudit checks --format markdown > docs/checks.md`.\n",
          out);
    for (size_t i = 0; i < n; i++)
        print_markdown_check(out, all[i]);
}

enum list_format { LIST_TEXT, LIST_JSON, LIST_MARKDOWN };

static bool list_format_from_name(const char *v, enum list_format *out)
{
    static const char *const names[] = {"text", "json", "markdown"};
    for (size_t i = 0; i < ARRAY_SIZE(names); i++)
        if (!strcmp(v, names[i])) {
            *out = (enum list_format)i;
            return true;
        }
    return false;
}

int cmd_checks(int argc, char **argv)
{
    enum list_format format = LIST_TEXT;
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
            if (!list_format_from_name(v, &format)) {
                arena_free(&arena);
                return cli_usage_error("checks", "unknown format '%s' (text, json or markdown)", v);
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
    if (format == LIST_JSON)
        print_json(stdout, all, n);
    else if (format == LIST_MARKDOWN)
        print_markdown(stdout, all, n);
    else
        print_text(stdout, all, n);
    fflush(stdout);
    /* The registry still points at the loaded rules, but nothing reads it
     * after this command returns. */
    arena_free(&arena);
    return errors ? EXIT_INPUT : EXIT_OK;
}
