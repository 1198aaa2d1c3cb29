/*
 * parse.c - 'tsaudit parse FILE [--format text|json] [--vendor D]': the config
 * tree of one file, as a debugging view of the user's own file (printed as
 * is). Exit 2 when the file cannot be read, its dialect is unknown or the
 * parser reported an error (the partial tree is still printed).
 *
 * The hidden option --check-invariant prints nothing on success and checks
 * the parser's promise instead: every non-blank line that is not a comment
 * or closing marker of its dialect, and not inside a banner body, is exactly
 * one node carrying that line's number and pointing into that line; no line
 * has two nodes (Junos and SR OS may hold several statements on one line). Lines with a parse diagnostic are excused. A violation is
 * reported as "path:line: error: invariant: ..." and gives exit 2.
 */
#include "cli/cli.h"
#include "ingest/ingest.h"

#include <stdlib.h>
#include <string.h>

#define PARSE_READ_LIMIT (64u * 1024u * 1024u)
#define INVARIANT_MAX_REPORTS 20

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

static bool word_eq(const char *s, size_t n, const char *w)
{
    return n == strlen(w) && memcmp(s, w, n) == 0;
}

static bool word_pfx(const char *s, size_t n, const char *w)
{
    size_t m = strlen(w);
    return n >= m && memcmp(s, w, m) == 0;
}

/* Lines of a dialect that are rightly not nodes (independent of the parsers). */
static bool line_is_exempt(enum dialect d, const char *s, size_t n)
{
    if (dialect_is_cisco_family(d)) {
        if (s[0] == '!' || s[0] == '#' || s[0] == ':')
            return true;
        if (word_eq(s, n, "end") || word_eq(s, n, "exit") || word_eq(s, n, "quit") ||
            word_eq(s, n, "endif") || word_eq(s, n, "end-if") ||
            word_pfx(s, n, "Building configuration") || word_pfx(s, n, "Current configuration"))
            return true;
        if (word_pfx(s, n, "end-") && !memchr(s, ' ', n) && !memchr(s, '\t', n))
            return true;
        return false;
    }
    switch (d) {
    case DIALECT_HUAWEI_VRP: {
        if (s[0] == '#' || s[0] == '!' || word_eq(s, n, "return"))
            return true;
        if ((s[0] == '<' && memchr(s, '>', n)) || (s[0] == '[' && s[n - 1] == ']'))
            return true;
        size_t k = 0;
        while (k < n && (s[k] == '=' || s[k] == '-' || s[k] == '*'))
            k++;
        return k == n;
    }
    case DIALECT_FORTINET_FORTIOS:
        return s[0] == '#' || word_eq(s, n, "next") || word_eq(s, n, "end");
    case DIALECT_JUNIPER_JUNOS:
        /* comments, closing braces, `{master:0}` prompts, and set-form
         * modifiers that flag existing statements rather than add one */
        return s[0] == '#' || s[0] == '}' || s[0] == '/' || s[0] == '*' || s[0] == '{' ||
               word_pfx(s, n, "deactivate ") || word_pfx(s, n, "activate ") ||
               word_pfx(s, n, "delete ") || word_pfx(s, n, "protect ") ||
               word_pfx(s, n, "unprotect ") || word_pfx(s, n, "annotate ");
    case DIALECT_NOKIA_SROS:
        return s[0] == '#' || s[0] == '}' || word_pfx(s, n, "exit") || word_pfx(s, n, "echo");
    default:
        return false;
    }
}

/* Is line l inside a Junos block comment that began on an earlier line? */
static bool in_block_comment(const struct cfg_tree *t, const size_t *start, uint32_t l)
{
    /* look back a bounded number of lines for an opener without a closer */
    for (uint32_t k = l; k-- > 1 && l - k <= 64;) {
        const char *s = t->buf + start[k], *e = t->buf + start[k + 1];
        const char *open = NULL, *close = NULL;
        for (const char *c = s; c + 1 < e; c++) {
            if (c[0] == '/' && c[1] == '*')
                open = c;
            else if (c[0] == '*' && c[1] == '/')
                close = c;
        }
        if (close && (!open || close > open))
            return false;
        if (open)
            return true;
    }
    return false;
}

/* Returns the number of violations (reported as diagnostics). */
static unsigned check_invariant(const struct cfg_tree *t)
{
    uint32_t nlines = t->line_count;
    size_t *start = xcalloc((size_t)nlines + 2, sizeof(*start));
    uint8_t *count = xcalloc((size_t)nlines + 2, 1);
    uint8_t *excused = xcalloc((size_t)nlines + 2, 1);
    uint32_t ln = 1;
    start[1] = 0;
    for (size_t i = 0; i < t->len && ln <= nlines; i++)
        if (t->buf[i] == '\n' && ln < nlines)
            start[++ln] = i + 1;
    start[nlines + 1] = t->len;
    for (uint32_t i = 0; i < t->ndiags; i++)
        if (t->diags[i].line <= nlines)
            excused[t->diags[i].line] = 1;
    unsigned bad = 0;
#define VIOLATION(line, ...)                                                                      \
    do {                                                                                          \
        if (bad++ < INVARIANT_MAX_REPORTS)                                                        \
            diag_report(DIAG_ERROR, t->path, (line), __VA_ARGS__);                                \
    } while (0)
    /* Strict nesting of multi-line bodies: later banners cannot start inside earlier ones. */
    for (const struct cfg_node *n = t->first; n; n = cfg_next_preorder(t, n)) {
        if (n->flags & CFG_IMPLIED)
            continue;
        if (n->line < 1 || n->line > nlines) {
            VIOLATION(n->line, "invariant: node line %u outside the file", n->line);
            continue;
        }
        const char *ls = t->buf + start[n->line];
        const char *le = t->buf + start[n->line + 1];
        if (n->text < ls || n->text + n->len > le)
            VIOLATION(n->line, "invariant: node text does not lie on its line");
        if (count[n->line] < 255)
            count[n->line]++;
        if (n->flags & CFG_BANNER) {
            if (n->end_line < n->line || n->end_line > nlines)
                VIOLATION(n->line, "invariant: banner end line %u out of range", n->end_line);
            else
                for (uint32_t l = n->line + 1; l <= n->end_line; l++)
                    excused[l] = excused[l] ? excused[l] : 2;
        }
    }
    for (uint32_t l = 1; l <= nlines; l++) {
        /* Junos and SR OS put several statements on one line (`a { b; }`, flat leaves). */
        bool multi = t->dialect == DIALECT_JUNIPER_JUNOS || t->dialect == DIALECT_NOKIA_SROS;
        if (count[l] > 1 && excused[l] != 1 && !multi) {
            VIOLATION(l, "invariant: %u nodes for one line", count[l]);
            continue;
        }
        if (count[l] == 1 && excused[l] == 2) {
            VIOLATION(l, "invariant: a node inside a banner body");
            continue;
        }
        if (count[l] || excused[l])
            continue;
        const char *s = t->buf + start[l], *e = t->buf + start[l + 1];
        while (e > s && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
            e--;
        while (s < e && (*s == ' ' || *s == '\t'))
            s++;
        if (s == e || line_is_exempt(t->dialect, s, (size_t)(e - s)))
            continue;
        if (t->dialect == DIALECT_JUNIPER_JUNOS && in_block_comment(t, start, l))
            continue;
        VIOLATION(l, "invariant: line is not a node");
    }
#undef VIOLATION
    free(start);
    free(count);
    free(excused);
    return bad;
}

int cmd_parse(int argc, char **argv)
{
    bool json = false, check = false;
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
                return cli_usage_error("parse", "--vendor takes a dialect name, e.g. cisco-ios");
        } else if (strcmp(a, "--check-invariant") == 0) {
            check = true;
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
    if (check) {
        if (tree.dialect != DIALECT_UNKNOWN && check_invariant(&tree) != 0)
            status = EXIT_INPUT;
        else if (tree.dialect != DIALECT_UNKNOWN)
            status = EXIT_OK; /* diagnostics were printed; the invariant holds */
    } else if (json) {
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
