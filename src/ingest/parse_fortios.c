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
    const char *p, *end; /* the rest of the buffer */
    uint32_t line;       /* of the line last taken */
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

/* One line of the file: [ls, le) as it is, [s, s + n) without the blanks
 * around it. */
struct forti_line {
    const char *ls, *le, *s, *e;
    size_t n;
};

/* Take the next line. False when there is nothing in it to read: blank, a
 * comment, or over the length limit (an error). */
static bool forti_take_line(struct forti_parser *fp, struct forti_line *l)
{
    struct cfg_tree *t = fp->t;
    const char *nl = memchr(fp->p, '\n', (size_t)(fp->end - fp->p));
    l->le = nl ? nl : fp->end;
    l->ls = fp->p;
    fp->p = nl ? nl + 1 : fp->end;
    fp->line++;
    if ((size_t)(l->le - l->ls) > t->limits.max_line_len) {
        cfg_diag(t, DIAG_ERROR, fp->line, "line of %zu bytes exceeds the limit of %zu; skipped",
                 (size_t)(l->le - l->ls), t->limits.max_line_len);
        return false;
    }
    const char *e = l->le, *s = l->ls;
    while (e > s && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
        e--;
    while (s < e && (*s == ' ' || *s == '\t'))
        s++;
    l->s = s;
    l->e = e;
    l->n = (size_t)(e - s);
    return l->n != 0 && s[0] != '#';
}

/* 'next' and 'end': close containers (or levels counted past the depth
 * limit). False when the line is neither. */
static bool forti_close(struct forti_parser *fp, const char *s, size_t n)
{
    bool is_next = n == 4 && memcmp(s, "next", 4) == 0;
    bool is_end = n == 3 && memcmp(s, "end", 3) == 0;
    if (!is_next && !is_end)
        return false;
    if (fp->overflow) {
        fp->overflow--;
        return true;
    }
    if (is_next) {
        if (fp->nstk && fp->stk[fp->nstk - 1].kind == FK_EDIT)
            forti_pop(fp);
        else
            cfg_diag(fp->t, DIAG_WARNING, fp->line, "'next' without an open 'edit'");
        return true;
    }
    while (fp->nstk && fp->stk[fp->nstk - 1].kind == FK_EDIT)
        forti_pop(fp);
    if (fp->nstk)
        forti_pop(fp);
    else
        cfg_diag(fp->t, DIAG_ERROR, fp->line, "'end' without an open 'config'");
    return true;
}

/* Where a statement continued in state st closes: the newline after the
 * close, or NULL when nothing closes it. A failed search is remembered, so
 * that a file of unclosed quotes is read once, not once per quote. */
static const char *forti_find_close(struct forti_parser *fp, enum forti_lex st)
{
    size_t from = (size_t)(fp->p - fp->t->buf);
    if (from >= fp->fail_from[st])
        return NULL;
    enum forti_lex st2 = st;
    const char *o2 = NULL;
    const char *close = forti_lex(fp->p, fp->end, &st2, &o2);
    if (close == fp->end && st2 != FL_NONE) {
        fp->fail_from[st] = from;
        return NULL;
    }
    return close;
}

/*
 * A statement that goes on past its line (st: the quote still open, or
 * FL_NONE after a trailing backslash; open: where that quote opened): its
 * body runs to the line holding the close, where reading resumes. Without
 * a close, an error and the body is the rest of the line.
 */
static void forti_continued(struct forti_parser *fp, struct cfg_node *node,
                            const struct forti_line *l, enum forti_lex st, const char *open)
{
    const char *p = fp->p;
    const char *body = open && st != FL_NONE ? open + 1 : l->s;
    const char *close = forti_find_close(fp, st);
    node->body = body;
    if (!close) {
        cfg_diag(fp->t, DIAG_ERROR, fp->line, "unterminated quoted value: no closing quote");
        node->body_len = (uint32_t)(l->e - body);
        return;
    }
    /* the body ends before the closing quote and line end */
    const char *be = close;
    while (be > p && (be[-1] == '\r' || be[-1] == ' ' || be[-1] == '\t'))
        be--;
    if (be > p && (be[-1] == '"' || be[-1] == '\'') && st != FL_NONE)
        be--;
    node->body_len = (uint32_t)(be > body ? be - body : 0);
    for (const char *c = p; c < close; c++)
        fp->line += *c == '\n';
    fp->line++; /* the line holding the close */
    node->end_line = fp->line;
    fp->p = close < fp->end ? close + 1 : fp->end;
}

/* Inside a container a limit dropped: keep the nesting, add nothing; past
 * twice the depth limit only count the levels. */
static void forti_dropped(struct forti_parser *fp, bool opens, enum forti_kind kind)
{
    if (opens && fp->nstk >= 2u * fp->t->limits.max_depth)
        fp->overflow++;
    else if (opens)
        forti_push(fp, NULL, fp->line, kind);
}

/* Does the statement go on past its line (an open quote or a trailing
 * backslash)? *st and *open as forti_lex() leaves them. */
static bool forti_goes_on(const struct forti_parser *fp, const struct forti_line *l,
                          enum forti_lex *st, const char **open)
{
    const char *s = l->s, *le = l->le;
    *st = FL_NONE;
    *open = NULL;
    const char *stop = forti_lex(s, le, st, open);
    return stop == le && le < fp->end && (*st != FL_NONE || (le > s && le[-1] == '\\'));
}

/* Any other line: a statement of the innermost container, which opens one
 * itself when it is 'config' or 'edit'. */
static void forti_statement(struct forti_parser *fp, const struct forti_line *l)
{
    struct cfg_tree *t = fp->t;
    struct cfg_node *parent = fp->nstk ? fp->stk[fp->nstk - 1].node : NULL;
    bool is_config = word_is(l->s, l->n, "config"), is_edit = word_is(l->s, l->n, "edit");
    enum forti_kind kind = is_config ? FK_CONFIG : FK_EDIT;
    if (fp->ndropped) {
        forti_dropped(fp, is_config || is_edit, kind);
        return;
    }
    if (is_edit && (!fp->nstk || fp->stk[fp->nstk - 1].kind != FK_CONFIG))
        cfg_diag(t, DIAG_WARNING, fp->line, "'edit' outside a 'config' block");
    enum forti_lex st;
    const char *open;
    bool continued = forti_goes_on(fp, l, &st, &open);
    struct cfg_node *node =
        cfg_node_add(t, parent, l->s, l->n, fp->line, continued ? CFG_BANNER : 0);
    if (node && continued)
        forti_continued(fp, node, l, st, open);
    if (is_config || is_edit)
        forti_push(fp, node, fp->line, kind);
}

/* One warning for the outermost 'config' left open at the end. */
static void forti_unclosed(struct forti_parser *fp)
{
    for (uint32_t i = 0; i < fp->nstk; i++) {
        if (fp->stk[i].kind != FK_CONFIG)
            continue;
        const struct cfg_node *n = fp->stk[i].node;
        if (n)
            cfg_diag(fp->t, DIAG_WARNING, fp->stk[i].line, "'%.*s' is not closed by 'end'",
                     (int)(n->len > 60 ? 60 : n->len), n->text);
        break; /* one diagnostic for the outermost open block is enough */
    }
}

int parse_fortios(struct cfg_tree *t)
{
    uint32_t errors_before = cfg_error_count(t);
    struct forti_parser fp;
    memset(&fp, 0, sizeof(fp));
    fp.t = t;
    fp.p = t->buf;
    fp.end = t->buf + t->len;
    for (unsigned i = 0; i < FL_COUNT; i++)
        fp.fail_from[i] = SIZE_MAX;
    while (fp.p < fp.end) {
        struct forti_line l;
        if (forti_take_line(&fp, &l) && !forti_close(&fp, l.s, l.n))
            forti_statement(&fp, &l);
    }
    forti_unclosed(&fp);
    return (int)(cfg_error_count(t) - errors_before);
}
