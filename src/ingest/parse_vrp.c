/*
 * parse_vrp.c - the parser for Huawei VRP (`display current-configuration`).
 *
 * VRP prints views (`interface X`, `aaa`, `user-interface vty 0 4`, `bgp 65000`)
 * at column 0 with their commands indented below, and separates sections
 * with `#` lines; the file ends with `return`. A statement's parent is the
 * nearest previous statement with a smaller indentation; a `#` line closes
 * every open view. Not nodes: `#` separators, `return`, `!` comments (e.g.
 * `!Software Version V800R...`), CLI prompts (`<HUAWEI>display ...`,
 * `[~HUAWEI]`) and separator lines of `=`/`-`/`*`. `undo ...` lines are
 * ordinary statements. `header ... information "..."` texts may span lines:
 * the statement becomes one CFG_BANNER node with the quoted text as body.
 */
#include "ingest/parsers.h"

#include <string.h>

struct vrp_ent {
    uint32_t indent;
    struct cfg_node *node;
};

static bool vrp_is_prompt(const char *s, size_t n)
{
    if (n >= 3 && s[0] == '<') {
        const char *gt = memchr(s, '>', n);
        return gt && gt > s + 1;
    }
    if (n >= 3 && s[0] == '[') {
        const char *rb = memchr(s, ']', n);
        return rb && rb > s + 1 && (size_t)(rb - s) + 1 == n;
    }
    return false;
}

static bool vrp_is_rule(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != '=' && s[i] != '-' && s[i] != '*')
            return false;
    return n >= 3;
}

static bool vrp_is_skipped(const char *s, size_t n)
{
    if (s[0] == '#' || s[0] == '!')
        return true;
    if (n == 6 && memcmp(s, "return", 6) == 0)
        return true;
    return vrp_is_prompt(s, n) || vrp_is_rule(s, n);
}

/* Position of an unclosed double quote in s (NULL if quotes balance). */
static const char *open_quote(const char *s, size_t n)
{
    const char *open = NULL;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && open && i + 1 < n) {
            i++;
            continue;
        }
        if (s[i] == '"')
            open = open ? NULL : s + i;
    }
    return open;
}

int parse_vrp(struct cfg_tree *t)
{
    uint32_t errors_before = cfg_error_count(t);
    struct vrp_ent *stk = NULL;
    uint32_t nstk = 0, capstk = 0;
    size_t quote_fail_from = SIZE_MAX;
    const char *p = t->buf, *end = t->buf + t->len;
    uint32_t line = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *ls = p;
        p = nl ? nl + 1 : end;
        line++;
        if ((size_t)(le - ls) > t->limits.max_line_len) {
            cfg_diag(t, DIAG_ERROR, line, "line of %zu bytes exceeds the limit of %zu; skipped",
                     (size_t)(le - ls), t->limits.max_line_len);
            continue;
        }
        const char *e = le;
        while (e > ls && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
            e--;
        uint32_t indent = 0;
        const char *s = ls;
        while (s < e && (*s == ' ' || *s == '\t')) {
            indent++; /* a tab is one step, like a space */
            s++;
        }
        size_t n = (size_t)(e - s);
        if (n == 0)
            continue;
        if (vrp_is_skipped(s, n)) {
            if (s[0] == '#' || s[0] == 'r')
                nstk = 0; /* a separator or `return` closes every view */
            continue;
        }
        while (nstk && stk[nstk - 1].indent >= indent)
            nstk--;
        struct cfg_node *parent = nstk ? stk[nstk - 1].node : NULL;
        const char *q = (n > 7 && memcmp(s, "header ", 7) == 0) ? open_quote(s, n) : NULL;
        struct cfg_node *node = cfg_node_add(t, parent, s, n, line, q ? CFG_BANNER : 0);
        if (!node)
            continue;
        if (q) {
            /* The quoted text goes on until the next line holding a quote. */
            const char *close = NULL;
            if ((size_t)(p - t->buf) < quote_fail_from && p < end) {
                close = memchr(p, '"', (size_t)(end - p));
                if (!close)
                    quote_fail_from = (size_t)(p - t->buf);
            }
            node->body = q + 1;
            if (!close) {
                cfg_diag(t, DIAG_ERROR, line, "unterminated quoted text: no closing '\"'");
                node->body_len = (uint32_t)(e - (q + 1));
            } else {
                node->body_len = (uint32_t)(close - (q + 1));
                for (const char *c = p; c < close; c++)
                    line += *c == '\n';
                line++; /* the line holding the close */
                node->end_line = line;
                const char *cnl = memchr(close, '\n', (size_t)(end - close));
                p = cnl ? cnl + 1 : end;
            }
        }
        if (nstk == capstk) {
            uint32_t cap = capstk ? capstk * 2 : 32;
            stk = arena_grow(t->arena, stk, nstk, cap, sizeof(*stk));
            capstk = cap;
        }
        stk[nstk].indent = indent;
        stk[nstk].node = node;
        nstk++;
    }
    return (int)(cfg_error_count(t) - errors_before);
}
