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

struct forti_ent {
    struct cfg_node *node; /* NULL when a limit dropped the container */
    uint32_t line;
    uint8_t kind;
};

struct forti_parser {
    struct cfg_tree *t;
    struct forti_ent *stk;
    uint32_t nstk, capstk;
    uint32_t ndropped; /* entries on the stack whose node is NULL */
    size_t quote_fail_from;
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

/* Position of a double quote left open at the end of s (NULL if balanced). */
static const char *forti_open_quote(const char *s, size_t n)
{
    const char *open = NULL;
    for (size_t i = 0; i < n; i++) {
        if (open && s[i] == '\\' && i + 1 < n) {
            i++;
            continue;
        }
        if (s[i] == '"')
            open = open ? NULL : s + i;
    }
    return open;
}

/* The closing quote of a value that began before from (NULL if none). */
static const char *forti_close_quote(struct forti_parser *fp, const char *from)
{
    const char *buf = fp->t->buf, *end = buf + fp->t->len;
    if ((size_t)(from - buf) >= fp->quote_fail_from)
        return NULL;
    for (const char *c = from; c < end; c++) {
        if (*c == '\\' && c + 1 < end) {
            c++;
            continue;
        }
        if (*c == '"')
            return c;
    }
    fp->quote_fail_from = (size_t)(from - buf);
    return NULL;
}

int parse_fortios(struct cfg_tree *t)
{
    uint32_t errors_before = cfg_error_count(t);
    struct forti_parser fp;
    memset(&fp, 0, sizeof(fp));
    fp.t = t;
    fp.quote_fail_from = SIZE_MAX;
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
        if (n == 4 && memcmp(s, "next", 4) == 0) {
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
            /* inside a container a limit dropped: keep the nesting, add nothing */
            if (is_config || is_edit)
                forti_push(&fp, NULL, line, is_config ? FK_CONFIG : FK_EDIT);
            continue;
        }
        if (is_edit && (!fp.nstk || fp.stk[fp.nstk - 1].kind != FK_CONFIG))
            cfg_diag(t, DIAG_WARNING, line, "'edit' outside a 'config' block");
        const char *q = forti_open_quote(s, n);
        struct cfg_node *node = cfg_node_add(t, parent, s, n, line, q ? CFG_BANNER : 0);
        if (node && q) {
            const char *close = p < end ? forti_close_quote(&fp, p) : NULL;
            node->body = q + 1;
            if (!close) {
                cfg_diag(t, DIAG_ERROR, line, "unterminated quoted value: no closing '\"'");
                node->body_len = (uint32_t)(e - (q + 1));
            } else {
                node->body_len = (uint32_t)(close - (q + 1));
                for (const char *c = p; c < close; c++)
                    line += *c == '\n';
                node->end_line = line;
                const char *cnl = memchr(close, '\n', (size_t)(end - close));
                p = cnl ? cnl + 1 : end;
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
