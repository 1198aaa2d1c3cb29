/*
 * parse_invariant.c - the test oracle of the parsers' line invariant
 * (docs/parsing.md, "The line invariant"): parse FILE as 'tsaudit parse'
 * does and check that the number of nodes (CFG_IMPLIED ones aside) carrying
 * each line's number equals the number of statements that begin on that
 * line, as counted here with an independent reading of the dialect's
 * syntax: one for a statement line of the line-oriented dialects, none for
 * blank, comment, closing and prompt lines and lines inside a multi-line
 * body (up to a node's end_line); for Junos braces one per `;`-terminated
 * leaf and `{`-opened block beginning on the line; for SR OS MD-CLI one per
 * non-blank piece between braces, and at least one for a flat line that does
 * not delete. Each node's text must start on its line and end by its
 * end_line, and nodes of one line must not share text. Lines with an error
 * diagnostic and lines whose statements a later `delete` removed
 * (cfg_tree.removed_lines) are excused. A violation is reported as
 * "path:line: error: invariant: ..." and gives exit 2.
 *
 * usage: parse_invariant [--vendor DIALECT] FILE
 * Exit status: 0 the invariant holds (or the dialect is unknown and the file
 * was otherwise parsed cleanly), 2 a violation, a parse error or an
 * unreadable file. Built with the tests; not part of tsaudit.
 */
#include "ingest/ingest.h"

#include <stdlib.h>
#include <string.h>

#define PARSE_READ_LIMIT (64u * 1024u * 1024u)
#define INVARIANT_MAX_REPORTS 20

/*
 * The check counts, for every line, the statements that begin on it, with
 * its own reading of each dialect's syntax (not the parsers' code), and
 * compares that with the number of nodes carrying the line's number.
 */

/* Expected node count of a line; EXP_SOME: one or more (SR OS flat lines). */
#define EXP_SOME (-1)

struct inv_ctx {
    const struct cfg_tree *t;
    const size_t *start; /* start[l] = offset of line l; start[nlines + 1] = len */
    int32_t *exp;        /* expected nodes per line */
};

static bool inv_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
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

/* Lines of the line-oriented dialects that are rightly not nodes. */
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
    default:
        return false;
    }
}

static const char *inv_eol(const char *p, const char *end)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    return nl ? nl : end;
}

/* Skip a quoted string opening at *p; counts newlines into *line. False if never closed. */
static bool inv_skip_quote(const char **pp, const char *end, uint32_t *line)
{
    const char *p = *pp + 1;
    uint32_t l = *line;
    for (; p < end && *p != '"'; p++) {
        if (*p == '\\' && p + 1 < end && p[1] != '\n')
            p++;
        else if (*p == '\n')
            l++;
    }
    if (p >= end)
        return false;
    *pp = p + 1;
    *line = l;
    return true;
}

/* `{master:0}`, `{primary:node0}`: Junos prompt markers. */
static bool junos_prompt_marker(const char *s, const char *e)
{
    while (e > s && inv_blank(e[-1]))
        e--;
    if (e - s < 3 || s[0] != '{' || e[-1] != '}')
        return false;
    for (const char *c = s + 1; c < e - 1; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
              *c == ':' || *c == '-' || *c == '_'))
            return false;
    return true;
}

/* The set-form verb starting at s (0 none, 1 `set`, 2 a verb that adds no statement). */
static int junos_verb(const char *s, const char *e)
{
    static const char *const verbs[] = {"set",     "deactivate", "activate", "delete",
                                        "protect", "unprotect",  "annotate"};
    for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++) {
        size_t n = strlen(verbs[i]);
        if ((size_t)(e - s) > n && memcmp(s, verbs[i], n) == 0 && inv_blank(s[n]))
            return i == 0 ? 1 : 2;
    }
    return 0;
}

/*
 * Junos: a statement begins at the first character that is not a blank,
 * comment, `;`, `{` or `}` while no statement is pending, and ends at `;`,
 * `{`, `}`, or a line end not followed by `{`. Quoted strings and `[ ]` lists
 * are inside their statement; `#` and `/ * * /` comments (which may span
 * lines) only count between statements. At the top level, a `set` line is
 * one statement and deactivate/activate/delete/protect/unprotect/annotate
 * lines none. Statements inside a `{` without a name are ignored.
 */
static void expect_junos(struct inv_ctx *c)
{
    const struct cfg_tree *t = c->t;
    const char *p = t->buf, *end = t->buf + t->len;
    uint32_t line = 1, stmt_line = 0;
    size_t depth = 0, skip = 0;
    bool pending = false, line_start = true;
    const char *stmt = NULL;
    while (p < end) {
        if (line_start && !pending) {
            line_start = false;
            const char *eol = inv_eol(p, end);
            if ((size_t)(eol - p) > t->limits.max_line_len) {
                p = eol; /* reported by the parser; the line is excused */
                continue;
            }
            const char *q = p;
            while (q < eol && inv_blank(*q))
                q++;
            int verb = !depth && !skip ? junos_verb(q, eol) : 0;
            if (verb) {
                /* `set` with a path is one statement; a quote never closed
                 * ends at the end of its line */
                uint32_t first = line;
                bool path = false;
                for (const char *w = q; w < eol && !inv_blank(*w); w++)
                    q = w + 1;
                while (p < end && *p != '\n') {
                    if (p >= q && !inv_blank(*p) && *p != ';')
                        path = true;
                    if (*p != '"')
                        p++;
                    else if (!inv_skip_quote(&p, end, &line))
                        p = inv_eol(p, end);
                }
                if (verb == 1 && path)
                    c->exp[first] = 1;
                continue;
            }
            if (q < eol && *q == '{' && junos_prompt_marker(q, eol)) {
                p = eol;
                continue;
            }
        }
        line_start = false;
        char ch = *p;
        if (ch == '\n') {
            if (pending) {
                const char *q = p;
                while (q < end && (inv_blank(*q) || *q == '\n'))
                    q++;
                if (q >= end || *q != '{') {
                    if (!skip)
                        c->exp[stmt_line]++;
                    pending = false;
                }
            }
            line++;
            line_start = true;
            p++;
            continue;
        }
        if (inv_blank(ch)) {
            p++;
            continue;
        }
        if (!pending) {
            if (ch == '#') {
                p = inv_eol(p, end);
                continue;
            }
            if (ch == '/' && p + 1 < end && p[1] == '*') {
                for (p += 2; p < end && !(p[0] == '*' && p + 1 < end && p[1] == '/'); p++)
                    if (*p == '\n')
                        line++;
                p = p < end ? p + 2 : end;
                continue;
            }
            if (ch == '}' || ch == ';' || ch == '{') {
                if (ch == '}') {
                    if (skip)
                        skip--;
                    else if (depth)
                        depth--;
                } else if (ch == '{') {
                    skip++;
                }
                p++;
                continue;
            }
            pending = true;
            stmt = p;
            stmt_line = line;
        }
        if (ch == '"') {
            if (!inv_skip_quote(&p, end, &line)) {
                pending = false; /* never closed: reported at its line */
                break;
            }
            continue;
        }
        if (ch == '[' && (p == stmt || inv_blank(p[-1]))) {
            const char *q = p + 1;
            uint32_t l2 = line;
            while (q < end && *q != ']' && *q != ';' && *q != '{' && *q != '}') {
                if (*q == '"') {
                    if (!inv_skip_quote(&q, end, &l2))
                        q = end;
                    continue;
                }
                if (*q == '\n')
                    l2++;
                q++;
            }
            if (q < end && *q == ']') {
                line = l2;
                p = q + 1;
            } else {
                p++;
            }
            continue;
        }
        if (ch == ';' || ch == '}' || ch == '{') {
            if (!skip)
                c->exp[stmt_line]++;
            if (ch == '{') {
                if (skip)
                    skip++;
                else
                    depth++;
            }
            pending = false;
            if (ch != '}')
                p++;
            continue;
        }
        p++;
    }
    if (pending && !skip)
        c->exp[stmt_line]++;
}

/* `[ex:/configure]`, `[/]`, `A:admin@node#`, `*A:node>config#`: SR OS prompts. */
static bool sros_prompt(const char *s, size_t n)
{
    if (n >= 2 && s[0] == '[' && s[n - 1] == ']')
        return memchr(s, '/', n) != NULL;
    size_t i = n && s[0] == '*' ? 1 : 0;
    if (i + 2 < n && (s[i] == 'A' || s[i] == 'B') && s[i + 1] == ':')
        for (size_t j = i + 2; j < n && !inv_blank(s[j]); j++)
            if (s[j] == '#' || s[j] == '>')
                return true;
    return false;
}

/*
 * SR OS: the end of the statement at p. Quoted strings and `[ ]` lists may
 * run onto later lines (counted into *line); one never closed ends at the
 * end of the line it opened on. With braces, `{` and `}` outside them end
 * the statement too.
 */
static const char *sros_scan(const char *p, const char *end, bool braces, uint32_t *line)
{
    int bracket = 0;
    uint32_t open_line = *line;
    const char *open_at = p;
    while (p < end) {
        if (*p == '"') {
            if (!inv_skip_quote(&p, end, line))
                return inv_eol(p, end);
            continue;
        }
        if (*p == '\n') {
            if (!bracket)
                return p;
            (*line)++;
        } else if (*p == '[') {
            if (!bracket++) {
                open_line = *line;
                open_at = p;
            }
        } else if (*p == ']' && bracket) {
            bracket--;
        } else if (braces && !bracket && (*p == '{' || *p == '}')) {
            return p;
        }
        p++;
    }
    if (bracket) { /* never closed: text to the end of the line it opened on */
        *line = open_line;
        return inv_eol(open_at, end);
    }
    return p;
}

/* Does the flat line [s, e) (after its '/') hold a `delete` token followed
 * by a path (outside quotes)? */
static bool sros_flat_deletes(const char *s, const char *e)
{
    const char *p = s;
    bool deleting = false;
    while (p < e) {
        while (p < e && inv_blank(*p))
            p++;
        const char *w = p;
        while (p < e && !inv_blank(*p)) {
            if (*p == '"') {
                for (p++; p < e && *p != '"'; p++)
                    if (*p == '\\' && p + 1 < e)
                        p++;
            }
            if (p < e)
                p++;
        }
        if (deleting && p > w)
            return true;
        if (p - w == 6 && memcmp(w, "delete", 6) == 0)
            deleting = true;
    }
    return false;
}

/*
 * SR OS: `#` lines and prompts hold no statement in any form. A flat
 * `/configure ...` line holds one or more (a hand-written line may set
 * several leaves), none when it deletes. Classic: one per line except
 * `exit`, `exit all` and `echo`. MD-CLI braces: each piece of a line
 * between `{` and `}` that is not blank is one statement.
 */
static void expect_sros(struct inv_ctx *c)
{
    const struct cfg_tree *t = c->t;
    const char *p = t->buf, *end = t->buf + t->len;
    bool classic = t->form == FORM_SROS_CLASSIC;
    size_t skip = 0, depth = 0;
    for (uint32_t line = 1; p < end; line++) {
        const char *eol = inv_eol(p, end);
        const char *next = eol < end ? eol + 1 : end;
        const char *s = p, *e = eol;
        while (s < e && inv_blank(*s))
            s++;
        while (e > s && inv_blank(e[-1]))
            e--;
        size_t n = (size_t)(e - s);
        if ((size_t)(eol - p) > t->limits.max_line_len || !n || s[0] == '#' || sros_prompt(s, n)) {
            p = next;
            continue;
        }
        if (s[0] == '/' || classic) {
            if (classic &&
                (word_eq(s, n, "exit") || word_eq(s, n, "exit all") || word_eq(s, n, "echo") ||
                 word_pfx(s, n, "echo ") || word_pfx(s, n, "echo\t"))) {
                p = next;
                continue;
            }
            uint32_t first = line;
            const char *se = sros_scan(s, end, false, &line);
            const char *b = s + 1;
            while (b < se && (inv_blank(*b) || *b == '\n'))
                b++;
            if (s[0] == '/')
                c->exp[first] = b == se || sros_flat_deletes(b, se) ? 0 : EXP_SOME;
            else
                c->exp[first] = 1;
            p = se < end ? se + 1 : end;
            continue;
        }
        const char *q = s, *stop = e;
        while (q < stop) {
            while (q < stop && inv_blank(*q))
                q++;
            if (q >= stop)
                break;
            if (*q == '}') {
                if (skip)
                    skip--;
                else if (depth)
                    depth--;
                q++;
                continue;
            }
            uint32_t first = line;
            const char *se = sros_scan(q, end, true, &line);
            if (se > stop) {
                stop = inv_eol(se, end);
                next = stop < end ? stop + 1 : end;
            }
            const char *ts = q, *te = se;
            while (ts < te && (inv_blank(*ts) || *ts == '\n'))
                ts++;
            while (te > ts && (inv_blank(te[-1]) || te[-1] == '\n'))
                te--;
            if (se < end && *se == '{') {
                if (!skip && te > ts) {
                    c->exp[first]++;
                    depth++;
                } else {
                    skip++;
                }
                q = se + 1;
                continue;
            }
            if (te > ts && !skip)
                c->exp[first]++;
            q = se;
        }
        p = next;
    }
}

/* Cisco family, VRP, FortiOS: one statement per line outside multi-line bodies. */
static void expect_lines(struct inv_ctx *c, const uint8_t *covered)
{
    const struct cfg_tree *t = c->t;
    for (uint32_t l = 1; l <= t->line_count; l++) {
        const char *s = t->buf + c->start[l], *e = t->buf + c->start[l + 1];
        while (e > s && (e[-1] == '\n' || inv_blank(e[-1])))
            e--;
        while (s < e && inv_blank(*s))
            s++;
        c->exp[l] = !covered[l] && s < e && !line_is_exempt(t->dialect, s, (size_t)(e - s));
    }
}

/* Returns the number of violations (reported as diagnostics). */
static unsigned check_invariant(const struct cfg_tree *t)
{
    uint32_t nlines = t->line_count;
    size_t *start = xcalloc((size_t)nlines + 2, sizeof(*start));
    uint32_t *count = xcalloc((size_t)nlines + 2, sizeof(*count));
    int32_t *exp = xcalloc((size_t)nlines + 2, sizeof(*exp));
    uint8_t *excused = xcalloc((size_t)nlines + 2, 1);
    uint8_t *covered = xcalloc((size_t)nlines + 2, 1);
    const char **seen_end = xcalloc((size_t)nlines + 2, sizeof(*seen_end));
    uint32_t ln = 1;
    for (size_t i = 0; i < t->len && ln < nlines; i++)
        if (t->buf[i] == '\n')
            start[++ln] = i + 1;
    start[nlines + 1] = t->len;
    for (uint32_t i = 0; i < t->ndiags; i++)
        if (t->diags[i].level == DIAG_ERROR && t->diags[i].line <= nlines)
            excused[t->diags[i].line] = 1;
    for (uint32_t i = 0; i < t->nremoved; i++)
        if (t->removed_lines[i] <= nlines)
            excused[t->removed_lines[i]] = 1;
    unsigned bad = 0;
#define VIOLATION(line, ...)                                                                       \
    do {                                                                                           \
        if (bad++ < INVARIANT_MAX_REPORTS)                                                         \
            diag_report(DIAG_ERROR, t->path, (line), __VA_ARGS__);                                 \
    } while (0)
    for (const struct cfg_node *n = t->first; n; n = cfg_next_preorder(t, n)) {
        if (n->flags & CFG_IMPLIED)
            continue;
        if (n->line < 1 || n->line > nlines) {
            VIOLATION(n->line, "invariant: node line %u outside the file", n->line);
            continue;
        }
        if (n->end_line < n->line || n->end_line > nlines) {
            VIOLATION(n->line, "invariant: end line %u out of range", n->end_line);
            continue;
        }
        const char *ls = t->buf + start[n->line];
        const char *le = t->buf + start[n->end_line + 1];
        if (n->text < ls || n->text >= t->buf + start[n->line + 1] || n->text + n->len > le)
            VIOLATION(n->line, "invariant: node text does not lie on its lines");
        else if (seen_end[n->line] && n->text < seen_end[n->line])
            VIOLATION(n->line, "invariant: two nodes share text on one line");
        else
            seen_end[n->line] = n->text + n->len;
        count[n->line]++;
        for (uint32_t l = n->line + 1; l <= n->end_line; l++)
            covered[l] = 1;
    }
    struct inv_ctx c = {.t = t, .start = start, .exp = exp};
    if (t->dialect == DIALECT_JUNIPER_JUNOS)
        expect_junos(&c);
    else if (t->dialect == DIALECT_NOKIA_SROS)
        expect_sros(&c);
    else
        expect_lines(&c, covered);
    for (uint32_t l = 1; l <= nlines; l++) {
        if (excused[l])
            continue;
        if (exp[l] == EXP_SOME ? count[l] > 0 : count[l] == (uint32_t)exp[l])
            continue;
        if (!count[l])
            VIOLATION(l, "invariant: line is not a node");
        else if (!exp[l] && covered[l])
            VIOLATION(l, "invariant: a node inside a multi-line body");
        else if (!exp[l])
            VIOLATION(l, "invariant: a node on a line without a statement");
        else
            VIOLATION(l, "invariant: %u nodes for a line holding %d statements", count[l], exp[l]);
    }
#undef VIOLATION
    free(start);
    free(count);
    free(exp);
    free(excused);
    free(covered);
    free(seen_end);
    return bad;
}

int main(int argc, char **argv)
{
    enum dialect forced = DIALECT_UNKNOWN;
    const char *file = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--vendor") == 0 && i + 1 < argc) {
            if (!dialect_from_name(argv[++i], &forced)) {
                fprintf(stderr, "parse_invariant: unknown dialect '%s'\n", argv[i]);
                return 2;
            }
        } else if (!file) {
            file = argv[i];
        } else {
            fputs("usage: parse_invariant [--vendor DIALECT] FILE\n", stderr);
            return 2;
        }
    }
    if (!file) {
        fputs("usage: parse_invariant [--vendor DIALECT] FILE\n", stderr);
        return 2;
    }
    char *data = NULL;
    size_t len = 0;
    if (file_read_all(file, PARSE_READ_LIMIT, true, &data, &len) != 0)
        return 2;
    cfg_fix_cr_only(data, len);
    struct arena arena;
    arena_init(&arena);
    struct cfg_tree tree;
    int status = cfg_parse_buffer(&tree, &arena, file, data, len, forced) ? 2 : 0;
    if (tree.dialect != DIALECT_UNKNOWN)
        status = check_invariant(&tree) != 0 ? 2 : 0; /* diagnostics were printed */
    arena_free(&arena);
    free(data);
    return status;
}
