/*
 * parse.c - 'tsaudit parse FILE [--format text|json] [--vendor D]': the config
 * tree of one file, as a debugging view of the user's own file (printed as
 * is). Exit 2 when the file cannot be read, its dialect is unknown or the
 * parser reported an error (the partial tree is still printed).
 *
 * The parsers' line invariant is checked by a test tool,
 * tests/tools/parse_invariant.c, not by tsaudit itself.
 */
#include "cli/cli.h"
#include "ingest/ingest.h"

#include <stdlib.h>
#include <string.h>

#define PARSE_READ_LIMIT (64u * 1024u * 1024u)

static void parse_usage(FILE *out)
{
    fprintf(out, "usage: tsaudit parse FILE [--format text|json] [--vendor DIALECT]\n\n"
                 "Print the configuration tree of FILE: one statement per line with its\n"
                 "original line number, indented by depth (text), or nested objects (json).\n"
                 "The file's own text is printed as is, secrets included: it is a view of\n"
                 "your own file for debugging, not a report.\n\n"
                 "  --format text|json  output format (default: text)\n"
                 "  --vendor DIALECT    parse as DIALECT instead of detecting it\n"
                 "  -h, --help          show this help\n\n"
                 "Exit status: 0 parsed, 2 bad usage, unreadable file, unknown dialect or a\n"
                 "parse error (the partial tree is still printed).\n");
}

int cmd_parse(int argc, char **argv)
{
    bool json = false;
    enum dialect forced = DIALECT_UNKNOWN;
    const char *file = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == '\0') {
            if (file)
                return cli_usage_error("parse", "only one FILE may be given");
            file = a;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            parse_usage(stdout);
            return EXIT_OK;
        } else if (strcmp(a, "--format") == 0 || strncmp(a, "--format=", 9) == 0) {
            const char *v = a[8] == '=' ? a + 9 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v || (strcmp(v, "text") != 0 && strcmp(v, "json") != 0))
                return cli_usage_error("parse", "--format takes 'text' or 'json'");
            json = strcmp(v, "json") == 0;
        } else if (strcmp(a, "--vendor") == 0 || strncmp(a, "--vendor=", 9) == 0) {
            const char *v = a[8] == '=' ? a + 9 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v || !dialect_from_name(v, &forced))
                return cli_usage_error("parse", "--vendor takes one of: %s", dialect_name_list());
        } else {
            return cli_usage_error("parse", "unknown option '%s'", a);
        }
    }
    if (!file)
        return cli_usage_error("parse", "no FILE given");
    char *data = NULL;
    size_t len = 0;
    if (file_read_all(file, PARSE_READ_LIMIT, true, &data, &len) != 0)
        return EXIT_INPUT;
    cfg_fix_cr_only(data, len);
    struct arena arena;
    arena_init(&arena);
    struct cfg_tree tree;
    int errors = cfg_parse_buffer(&tree, &arena, file, data, len, forced);
    int status = errors ? EXIT_INPUT : EXIT_OK;
    if (json) {
        cfg_tree_print_json(&tree, stdout);
    } else {
        cfg_tree_print_text(&tree, stdout);
    }
    arena_free(&arena);
    free(data);
    if (fflush(stdout) != 0)
        return EXIT_INTERNAL;
    return status;
}
