/*
 * parse_fortios.c - the parser for FortiOS (`show` / `show full-configuration`).
 *
 * Structure comes from keywords, not indentation: `config X` and `edit NAME`
 * open containers, `next` closes an `edit`, `end` closes a `config` (and any
 * `edit` left open inside it); neither closing word is a node. Everything
 * else (`set`, `unset`, `append`, `select`, `rename`, ...) is a statement of
 * the innermost container. `#config-version=...` and other `#` lines are
 * comments. A value whose double quotes do not close on its line (PEM keys
 * and certificates, replacement messages) runs on to the line holding the
 * closing quote: one CFG_BANNER node whose body is the quoted text.
 */
#include "ingest/parsers.h"

#include <string.h>

enum forti_kind { FK_CONFIG, FK_EDIT };
enum forti_lex { FL_NONE, FL_DQ, FL_SQ, FL_COUNT };

struct forti_ent {
    struct cfg_node *node; /* NULL when a limit dropped the container */
    uint32_t line;
    uint8_t kind;
};

struct forti_parser {
    struct cfg_tree *t;
    struct forti_ent *stk;
    uint32_t nstk, capstk;
    uint32_t ndropped;          /* entries on the stack whose node is NULL */
    uint64_t overflow;          /* levels opened beyond the stack cap (closed by any next/end) */
    size_t fail_from[FL_COUNT]; /* a continued statement from here on never ends */
};

static bool word_is(const char *s, size_t n, const char *w)
{
    size_t m = strlen(w);
    return n >= m && memcmp(s, w, m) == 0 && (n == m || s[m] == ' ' || s[m] == '\t');
}

static void forti_push(struct forti_parser *fp, struct cfg_node *node, uint32_t line,
                       enum forti_kind kind)
{
    if (fp->nstk == fp->capstk) {
        uint32_t cap = fp->capstk ? fp->capstk * 2 : 32;
        fp->stk = arena_grow(fp->t->arena, fp->stk, fp->nstk, cap, sizeof(*fp->stk));
        fp->capstk = cap;
    }
    fp->stk[fp->nstk].node = node;
    fp->stk[fp->nstk].line = line;
    fp->stk[fp->nstk].kind = (uint8_t)kind;
    fp->nstk++;
    if (!node)
        fp->ndropped++;
}

static void forti_pop(struct forti_parser *fp)
{
    fp->nstk--;
    if (!fp->stk[fp->nstk].node)
        fp->ndropped--;
}

/*
 * FortiOS quoting: outside quotes a backslash escapes the next byte (a
 * backslash before the newline continues the statement); "double quotes"
 * take backslash escapes; 'single quotes' are literal.
 */

/*
 * Lex [p, end) from state st. Stops at a newline seen in FL_NONE and returns
 * its position (end if none); *st is the state there. *open gets the
 * position of the last quote that opened a still-open string (or NULL).
 */
static const char *forti_lex(const char *p, const char *end, enum forti_lex *st, const char **open)
{
    for (; p < end; p++) {
        char c = *p;
        switch (*st) {
        case FL_NONE:
            if (c == '\\' && p + 1 < end)
                p++;
            else if (c == '\n')
                return p;
            else if (c == '"' || c == '\'') {
                *st = c == '"' ? FL_DQ : FL_SQ;
                *open = p;
            }
            break;
        case FL_DQ:
            if (c == '\\' && p + 1 < end)
                p++;
            else if (c == '"')
                *st = FL_NONE;
            break;
        case FL_SQ:
            if (c == '\'')
                *st = FL_NONE;
            break;
        case FL_COUNT:
            break;
        }
    }
    return end;
}

int parse_fortios(struct cfg_tree *t)
{
    uint32_t errors_before = cfg_error_count(t);
    struct forti_parser fp;
    memset(&fp, 0, sizeof(fp));
    fp.t = t;
    for (unsigned i = 0; i < FL_COUNT; i++)
        fp.fail_from[i] = SIZE_MAX;
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
        const char *s = ls;
        while (s < e && (*s == ' ' || *s == '\t'))
            s++;
        size_t n = (size_t)(e - s);
        if (n == 0 || s[0] == '#')
            continue;
        bool is_next = n == 4 && memcmp(s, "next", 4) == 0;
        if ((is_next || (n == 3 && memcmp(s, "end", 3) == 0)) && fp.overflow) {
            fp.overflow--;
            continue;
        }
        if (is_next) {
            if (fp.nstk && fp.stk[fp.nstk - 1].kind == FK_EDIT)
                forti_pop(&fp);
            else
                cfg_diag(t, DIAG_WARNING, line, "'next' without an open 'edit'");
            continue;
        }
        if (n == 3 && memcmp(s, "end", 3) == 0) {
            while (fp.nstk && fp.stk[fp.nstk - 1].kind == FK_EDIT)
                forti_pop(&fp);
            if (fp.nstk)
                forti_pop(&fp);
            else
                cfg_diag(t, DIAG_ERROR, line, "'end' without an open 'config'");
            continue;
        }
        struct cfg_node *parent = fp.nstk ? fp.stk[fp.nstk - 1].node : NULL;
        bool is_config = word_is(s, n, "config"), is_edit = word_is(s, n, "edit");
        if (fp.ndropped) {
            /* inside a container a limit dropped: keep the nesting, add nothing;
             * past twice the depth limit only count the levels */
            if ((is_config || is_edit) && fp.nstk >= 2u * t->limits.max_depth)
                fp.overflow++;
            else if (is_config || is_edit)
                forti_push(&fp, NULL, line, is_config ? FK_CONFIG : FK_EDIT);
            continue;
        }
        if (is_edit && (!fp.nstk || fp.stk[fp.nstk - 1].kind != FK_CONFIG))
            cfg_diag(t, DIAG_WARNING, line, "'edit' outside a 'config' block");
        /* Does the statement go on past this line (open quote or trailing backslash)? */
        enum forti_lex st = FL_NONE;
        const char *open = NULL;
        const char *stop = forti_lex(s, le, &st, &open);
        bool continued = stop == le && le < end && (st != FL_NONE || (le > s && le[-1] == '\\'));
        struct cfg_node *node = cfg_node_add(t, parent, s, n, line, continued ? CFG_BANNER : 0);
        if (node && continued) {
            const char *body = open && st != FL_NONE ? open + 1 : s;
            size_t from = (size_t)(p - t->buf);
            const char *close = NULL;
            if (from < fp.fail_from[st]) {
                enum forti_lex st2 = st;
                const char *o2 = NULL;
                close = forti_lex(p, end, &st2, &o2);
                if (close == end && st2 != FL_NONE) {
                    fp.fail_from[st] = from;
                    close = NULL;
                }
            }
            node->body = body;
            if (!close) {
                cfg_diag(t, DIAG_ERROR, line, "unterminated quoted value: no closing quote");
                node->body_len = (uint32_t)(e - body);
            } else {
                /* the body ends before the closing quote and line end */
                const char *be = close;
                while (be > p && (be[-1] == '\r' || be[-1] == ' ' || be[-1] == '\t'))
                    be--;
                if (be > p && (be[-1] == '"' || be[-1] == '\'') && st != FL_NONE)
                    be--;
                node->body_len = (uint32_t)(be > body ? be - body : 0);
                for (const char *c = p; c < close; c++)
                    line += *c == '\n';
                line++; /* the line holding the close */
                node->end_line = line;
                p = close < end ? close + 1 : end;
            }
        }
        if (is_config || is_edit)
            forti_push(&fp, node, line, is_config ? FK_CONFIG : FK_EDIT);
    }
    for (uint32_t i = 0; i < fp.nstk; i++) {
        if (fp.stk[i].kind != FK_CONFIG)
            continue;
        const struct cfg_node *n = fp.stk[i].node;
        if (n)
            cfg_diag(t, DIAG_WARNING, fp.stk[i].line, "'%.*s' is not closed by 'end'",
                     (int)(n->len > 60 ? 60 : n->len), n->text);
        break; /* one diagnostic for the outermost open block is enough */
    }
    return (int)(cfg_error_count(t) - errors_before);
}
