/*
 * parse_sros.c - Nokia SR OS configurations into the common config tree:
 * MD-CLI braces, flat MD-CLI `/configure ...` lines and the classic CLI.
 *
 * MD-CLI braces: `name {` opens a block, `}` closes it, any other line is one
 * statement (no terminator). `x { }` on one line is an empty block. Quoted
 * strings (which may hold braces) and `[a b]` leaf-lists are kept whole and
 * may run onto following lines (end_line is then the last line).
 *
 * Flat MD-CLI: `/configure router "Base" bgp group "g" peer-as 1` lines are
 * split into the levels the brace form prints, with a small table of keyed
 * lists whose keys are not obvious (enum keys, multi-key lists such as
 * `prefix P type T` and `route P route-type T`) and a rule for the rest: a
 * keyword followed by one token is a leaf; followed by more, it is a keyed
 * list when the next token is quoted or starts with a digit, else a
 * container (`key "..." hash2` is one encrypted leaf). Each flat line gives
 * one non-implied node (its leaf); the levels it passes through are found
 * again or created CFG_IMPLIED, so the result is the tree of the brace form
 * (and both may be mixed in one file). `delete` inside a flat path removes
 * the named subtree. A hand-written line setting several single-value
 * leaves (`card-type X level Y`) gives one node per leaf, all on that line.
 *
 * Classic CLI: blocks by indentation, closed by `exit` (and `exit all`);
 * `echo "..."` lines, `#` comments and `#----` separators are not
 * statements; `no shutdown` is a statement like any other. Output of `info`
 * that starts mid-tree simply gives several top-level statements.
 *
 * The form comes from t->form, or from content when it is FORM_DEFAULT (the
 * guess is then stored in t->form). The (parent, text) index, leaf claiming
 * and `delete` are the helpers of parsers.h shared with the Junos set form.
 * Line invariant: every statement line gives one non-implied node with its
 * line number; `}` lines, comments, echo/exit lines, `[ex:/configure]` and
 * `A:node#` prompt lines, and flat `delete` lines give none. Nesting is
 * tracked without recursion (parent pointers, a capped indentation stack).
 */
#include "ingest/ingest.h"
#include "ingest/parsers.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------- MD-CLI keyed lists */

/*
 * Keywords the generic rule would get wrong. SK_KEYED: keyed lists whose keys
 * are bare words (enum values, names like lag-1:100) or that have several
 * keys; ntoks is the number of tokens after the keyword that belong to the
 * node. SK_CONTAINER: containers whose children are empty leaves; when
 * `when` is set, only if the next token is one of its words (a filter
 * entry's `action accept` is action { accept }, a profile entry's
 * `action permit` is a leaf). SK_LEAF: single-value leaves, so that a
 * hand-written line setting several (`card-type X level Y`) gives one leaf
 * each. SK_REST: the rest of the line is one statement (list entries the
 * device prints keys and values on one line, as in persistent-indices).
 * ctx is the keyword of the parent node, or "*".
 */
enum sx_kind { SK_KEYED, SK_CONTAINER, SK_LEAF, SK_REST };

struct sros_kw {
    const char *ctx;
    const char *kw;
    unsigned char kind;
    unsigned char ntoks;
    const char *when; /* SK_CONTAINER: space-separated next tokens, or NULL */
};

#define SK(ctx, kw, n)                                                                             \
    {                                                                                              \
        ctx, kw, SK_KEYED, n, NULL                                                                 \
    }
#define SC(ctx, kw, when)                                                                          \
    {                                                                                              \
        ctx, kw, SK_CONTAINER, 0, when                                                             \
    }
#define SL(ctx, kw)                                                                                \
    {                                                                                              \
        ctx, kw, SK_LEAF, 1, NULL                                                                  \
    }
#define SR(ctx, kw)                                                                                \
    {                                                                                              \
        ctx, kw, SK_REST, 0, NULL                                                                  \
    }

static const struct sros_kw sros_kw[] = {
    SK("prefix-list", "prefix", 3),
    SK("static-routes", "route", 3),
    SK("ntp", "server", 3),
    SK("ingress", "dscp", 1),
    SK("sap-ingress", "dscp", 1),
    SK("*", "router", 1),
    SK("*", "interface", 1),
    SK("*", "port", 1),
    SK("*", "sap", 1),
    SK("*", "lag", 1),
    SK("*", "cipher", 1),
    SK("*", "mac", 1),
    SK("*", "neighbor", 1),
    SK("*", "group", 1),
    SK("*", "user", 1),
    SK("*", "entry", 1),
    SK("*", "named-entry", 1),
    SK("*", "policy-statement", 1),
    SK("*", "prefix-list", 1),
    SK("*", "vprn", 1),
    SK("*", "vpls", 1),
    SK("*", "epipe", 1),
    SK("*", "ies", 1),
    SK("*", "customer", 1),
    SK("*", "sdp", 1),
    SK("*", "spoke-sdp", 1),
    SK("*", "mesh-sdp", 1),
    SK("*", "card", 1),
    SK("*", "mda", 1),
    SK("*", "fc", 1),
    SK("*", "forwarding-class", 1),
    SK("*", "ip-filter", 1),
    SK("*", "ipv6-filter", 1),
    SK("*", "mac-filter", 1),
    SK("*", "lsp", 1),
    SK("*", "ethernet-segment", 1),
    SK("*", "to-prefix", 1),
    SK("*", "next-hop", 1),
    SK("*", "queue", 1),
    SK("*", "hop", 1),
    SC("*", "action", "accept drop"),
    SC("*", "prefix-sid-range", NULL),
    SR("vrtr-if-id", "router-name"),
    SR("vrtr-id", "router-name"),
    SR("chassis-mac", "client"),
    SR("mpls-lsp-index", "lsp-name"),
    SR("mpls-path-index", "router-id"),
    SL("*", "admin-state"),
    SL("*", "description"),
    SL("*", "card-type"),
    SL("*", "mda-type"),
    SL("card", "level"),
    SK("*", "level", 1),
};

/* Is tok one of the space-separated words (any token when words is NULL)? */
static bool sx_word_in(struct sv tok, const char *words)
{
    if (!words)
        return true;
    for (const char *w = words; *w;) {
        size_t n = strcspn(w, " ");
        if (n == tok.n && memcmp(w, tok.p, n) == 0)
            return true;
        w += n;
        while (*w == ' ')
            w++;
    }
    return false;
}

/* Does tok look like a list key (quoted, a number, an address, a port)? */
static bool sx_keyish(struct sv tok)
{
    return tok.n && (tok.p[0] == '"' || (tok.p[0] >= '0' && tok.p[0] <= '9'));
}

static const struct sros_kw *sx_lookup(struct sv parent_kw, struct sv kw)
{
    const struct sros_kw *wild = NULL;
    for (size_t i = 0; i < ARRAY_SIZE(sros_kw); i++) {
        const struct sros_kw *k = &sros_kw[i];
        /* Cheap first-byte test before the full comparison. */
        if (!kw.n || k->kw[0] != kw.p[0] || !sv_eq_cstr(kw, k->kw))
            continue;
        if (k->ctx[0] == '*') {
            if (!wild)
                wild = k;
        } else if (sv_eq_cstr(parent_kw, k->ctx)) {
            return k;
        }
    }
    return wild;
}

/* -------------------------------------------------------------- the parser */

struct sx_parser {
    struct cfg_tree *t;
    struct cfg_index ix;
    bool depth_reported;
    const char *end; /* of the buffer */
    uint32_t line;
    struct cfg_node *parent; /* MD-CLI: the open block */
    uint32_t skip, skip_line;
    /* Classic: a stack of (indent, node); NULL nodes stand for ignored blocks. */
    size_t *indents;
    struct cfg_node **nodes;
    size_t sp, cap;
};

static struct cfg_node *sx_add(struct sx_parser *ps, struct cfg_node *parent, struct sv text,
                               uint32_t line, unsigned flags)
{
    /* A block removed by a flat `delete` line may still be the open block
     * (classic indentation or MD-CLI braces): what follows in it is gone too. */
    for (const struct cfg_node *a = parent; a; a = a->parent)
        if (a->flags & CFG_DETACHED) {
            cfg_diag(ps->t, DIAG_WARNING, line,
                     "statement inside a block deleted on an earlier line; ignored");
            return NULL;
        }
    return cfg_index_add(ps->t, &ps->ix, &ps->depth_reported, parent, text.p, text.n, line, flags);
}

/* Next token of a flat line: quoted strings and [lists] kept whole. */
static struct sv sx_token(const char *end, const char **pos)
{
    const char *p = *pos;
    while (p < end && cfg_blank(*p))
        p++;
    const char *s = p;
    char close = 0;
    while (p < end && (close || !cfg_blank(*p))) {
        if (*p == '"') {
            for (p++; p < end && *p != '"'; p++)
                if (*p == '\\' && p + 1 < end)
                    p++;
        } else if (*p == '[' && !close) {
            close = ']';
        } else if (*p == close) {
            close = 0;
        }
        if (p < end)
            p++;
    }
    *pos = p;
    return sv_make(s, (size_t)(p - s));
}

/* The first word of a node's text (its keyword). */
static struct sv sx_keyword(const struct cfg_node *n)
{
    if (!n)
        return sv_make("", 0);
    size_t i = 0;
    while (i < n->len && !cfg_blank(n->text[i]))
        i++;
    return sv_make(n->text, i);
}

/* sx_take() once the words after the keyword say nothing on their own:
 * what the keyword table says of k (NULL: not in it), t1 and t2 being
 * the next two tokens. */
static size_t sx_take_kw(const struct sros_kw *k, struct sv t1, struct sv t2, bool *last,
                         bool *leaf)
{
    if (k && k->kind == SK_LEAF) {
        *leaf = true;
        return 1;
    }
    if (k && k->kind == SK_REST)
        return SIZE_MAX;
    *last = false;
    if (k && k->kind == SK_CONTAINER && sx_word_in(t1, k->when))
        return 0;
    if (!t2.n && !(k && k->ntoks > 1)) {
        *last = true;
        return 1; /* `leaf value` */
    }
    if (k)
        return k->ntoks;
    return sx_keyish(t1) ? 1 : 0;
}

/*
 * How many tokens after keyword kw (at pos) belong to its node (SIZE_MAX:
 * the rest of the line); *last: the path ends with it; *leaf: it is a leaf
 * the keyword table knows, which another may follow on the same line.
 */
static size_t sx_take(const struct cfg_node *parent, struct sv kw, const char *pos, const char *end,
                      bool *last, bool *leaf)
{
    struct sv t1 = sx_token(end, &pos);
    struct sv t2 = sx_token(end, &pos);
    struct sv t3 = sx_token(end, &pos);
    if (sv_eq_cstr(t2, "}"))
        t2 = sv_make(NULL, 0);
    if (sv_eq_cstr(t3, "}"))
        t3 = sv_make(NULL, 0);
    const struct sros_kw *k = sx_lookup(sx_keyword(parent), kw);
    *leaf = false;
    *last = true;
    if (!t1.n || sv_eq_cstr(t1, "}"))
        return 0;
    if (t2.n && !t3.n &&
        (sv_eq_cstr(t2, "hash") || sv_eq_cstr(t2, "hash2") || sv_eq_cstr(t2, "custom")))
        return 2; /* an encrypted leaf: `authentication-key "..." hash2` */
    return sx_take_kw(k, t1, t2, last, leaf);
}

/* Past take tokens from *pos (SIZE_MAX: to end): where the node's text
 * ends; *pos is left after them. */
static const char *sx_skip_tokens(const char *end, const char **pos, size_t take)
{
    const char *node_end = *pos;
    if (take == SIZE_MAX) {
        *pos = end;
        return end;
    }
    for (size_t i = 0; i < take; i++) {
        struct sv tk = sx_token(end, pos);
        if (!tk.n)
            break;
        node_end = *pos;
    }
    return node_end;
}

/* Is there nothing but blanks and '}' from r on? */
static bool sx_rest_empty(const char *r, const char *end)
{
    while (r < end && (cfg_blank(*r) || *r == '}'))
        r++;
    return r >= end;
}

/* One level of a flat `delete` path: true when the line is done (the
 * statement removed, or not there), else *parent steps down. */
static bool sx_delete_level(struct sx_parser *ps, struct cfg_node **parent, struct cfg_node *found,
                            struct sv text, bool last, uint32_t line)
{
    if (!found) {
        cfg_diag(ps->t, DIAG_WARNING, line, "delete: no statement '%.*s'",
                 (int)(text.n > 200 ? 200 : text.n), text.p);
        return true;
    }
    if (last) {
        cfg_subtree_unlink(ps->t, &ps->ix, found);
        return true;
    }
    *parent = found;
    return false;
}

/* One level of a flat path that sets: the last one is the leaf (true: the
 * line is done), the others are found or created and *parent steps down
 * (true when a limit stopped it). */
static bool sx_set_level(struct sx_parser *ps, struct cfg_node **parent, struct cfg_node *found,
                         struct sv text, bool last, uint32_t line)
{
    if (last) {
        cfg_index_leaf(ps->t, &ps->ix, &ps->depth_reported, *parent, found, text.p, text.n, line);
        return true;
    }
    if (!found && !(found = sx_add(ps, *parent, text, line, CFG_IMPLIED)))
        return true;
    *parent = found;
    return false;
}

/*
 * One flat line; [p, end) is the path after the leading '/'. Levels are
 * found or created below parent (NULL = top level).
 */
static void sx_flat_line(struct sx_parser *ps, struct cfg_node *parent, const char *p,
                         const char *end, uint32_t line)
{
    struct cfg_tree *t = ps->t;
    const char *pos = p;
    bool deleting = false;
    for (;;) {
        const char *start = pos;
        struct sv kw = sx_token(end, &pos);
        if (!kw.n) {
            if (deleting)
                cfg_diag(t, DIAG_WARNING, line, "delete without a path");
            return;
        }
        if (!deleting && sv_eq_cstr(kw, "delete")) {
            deleting = true;
            continue;
        }
        if (sv_eq_cstr(kw, "{") || sv_eq_cstr(kw, "}"))
            continue; /* `/configure { a b }`: braces around a path */
        bool last, leaf;
        size_t take = sx_take(parent, kw, pos, end, &last, &leaf);
        const char *node_end = sx_skip_tokens(end, &pos, take);
        bool at_end = sx_rest_empty(pos, end);
        if (leaf && !at_end && !deleting) {
            /* Several leaves set on one line: this one, then the rest. */
            sx_add(ps, parent, cfg_trim(start, node_end), line, 0);
            continue;
        }
        last = last || at_end;
        struct sv text = cfg_trim(start, node_end);
        struct cfg_node *found = cfg_index_find(&ps->ix, parent, text.p, text.n);
        if (deleting) {
            if (sx_delete_level(ps, &parent, found, text, last, line))
                return;
            continue;
        }
        if (sx_set_level(ps, &parent, found, text, last, line))
            return;
    }
}

/* `[ex:/configure]`, `[/]`, `A:admin@pe1#`, `*A:pe1>config#` prompt lines. */
static bool sx_prompt_line(struct sv s)
{
    if (s.n >= 2 && s.p[0] == '[' && s.p[s.n - 1] == ']') {
        for (size_t i = 1; i + 1 < s.n; i++)
            if (s.p[i] == '/')
                return true;
        return false;
    }
    size_t i = s.n && s.p[0] == '*' ? 1 : 0;
    if (i + 2 < s.n && (s.p[i] == 'A' || s.p[i] == 'B') && s.p[i + 1] == ':') {
        for (size_t j = i + 2; j < s.n && !cfg_blank(s.p[j]); j++)
            if (s.p[j] == '#' || s.p[j] == '>')
                return true;
    }
    return false;
}

/*
 * Where does the statement starting at p end? Scans quotes and [lists]
 * (which may span lines) and stops at '{', '}' (when braces is set) or the
 * end of the line. *line is advanced over newlines inside quotes or lists.
 * Classic CLI prints every quoted string on one line: there a quote still
 * open at the end of its line is an error, and the line ends the statement
 * (one stray quote must not swallow the statements after it).
 */
static const char *sx_scan(struct sx_parser *ps, const char *p, const char *end, bool braces,
                           uint32_t *line)
{
    bool one_line_quotes = ps->t->form == FORM_SROS_CLASSIC;
    uint32_t open_line = *line; /* of the outermost '[' */
    const char *open_at = p;
    int bracket = 0;
    while (p < end) {
        char c = *p;
        if (c == '"') {
            uint32_t quote_line = *line;
            const char *q = p + 1;
            uint32_t l = *line;
            while (q < end && *q != '"' && !(one_line_quotes && *q == '\n')) {
                if (*q == '\\' && q + 1 < end && q[1] != '\n')
                    q++;
                else if (*q == '\n')
                    l++;
                q++;
            }
            if (q >= end || *q == '\n') {
                cfg_diag(ps->t, DIAG_ERROR, quote_line,
                         one_line_quotes ? "quoted string is not closed on its line"
                                         : "quoted string is never closed");
                return cfg_eol(p, end); /* treat the quote as text to the end of its line */
            }
            *line = l;
            p = q + 1;
            continue;
        }
        if (c == '\n') {
            if (!bracket)
                return p;
            (*line)++;
        } else if (c == '[') {
            if (!bracket) {
                open_line = *line;
                open_at = p;
            }
            bracket++;
        } else if (c == ']' && bracket) {
            bracket--;
        } else if (braces && !bracket && (c == '{' || c == '}')) {
            return p;
        }
        p++;
    }
    if (bracket) {
        /* Like a quote never closed: text to the end of the line it opened on. */
        cfg_diag(ps->t, DIAG_ERROR, open_line, "'[' list is never closed");
        *line = open_line;
        return cfg_eol(open_at, end);
    }
    return p;
}

static enum dialect_form sx_guess_form(const char *buf, size_t len)
{
    const char *p = buf, *end = buf + len;
    bool flat = false, classic = false;
    for (unsigned n = 0; p < end && n < 5000; n++) {
        const char *eol = cfg_eol(p, end);
        struct sv s = cfg_trim(p, eol);
        p = eol < end ? eol + 1 : end;
        if (!s.n || s.p[0] == '#')
            continue;
        if (s.p[s.n - 1] == '{')
            return FORM_SROS_MDCLI;
        if (s.p[0] == '/')
            flat = true;
        else if (sv_eq_cstr(s, "exit") || sv_eq_cstr(s, "exit all") ||
                 sv_starts_with_word(s, "echo"))
            classic = true;
    }
    return flat ? FORM_SROS_MDCLI_FLAT : classic ? FORM_SROS_CLASSIC : FORM_SROS_MDCLI;
}

/* A flat MD-CLI line (s starts with '/'): always from the root, whatever
 * block is open. Returns where reading goes on. */
static const char *sx_flat(struct sx_parser *ps, struct sv s)
{
    uint32_t first = ps->line;
    const char *e = sx_scan(ps, s.p, ps->end, false, &ps->line);
    struct sv body = cfg_trim(s.p + 1, e);
    if (body.n)
        sx_flat_line(ps, NULL, body.p, body.p + body.n, first);
    else
        cfg_diag(ps->t, DIAG_WARNING, first, "'/' without a path; ignored");
    return e < ps->end ? e + 1 : ps->end;
}

/* A classic statement at indent: closes the blocks indented as deep or
 * deeper, then opens its own. Returns where reading goes on. */
static const char *sx_classic_stmt(struct sx_parser *ps, struct sv s, size_t indent)
{
    uint32_t first = ps->line;
    const char *e = sx_scan(ps, s.p, ps->end, false, &ps->line);
    struct sv text = cfg_trim(s.p, e);
    while (ps->sp && ps->indents[ps->sp - 1] >= indent)
        ps->sp--;
    bool ignored = ps->sp && !ps->nodes[ps->sp - 1];
    struct cfg_node *n = NULL;
    if (!ignored) {
        n = sx_add(ps, ps->sp ? ps->nodes[ps->sp - 1] : NULL, text, first, 0);
        if (n)
            n->end_line = ps->line;
    }
    if (ps->sp < ps->cap) {
        ps->indents[ps->sp] = indent;
        ps->nodes[ps->sp] = n;
        ps->sp++;
    }
    return e < ps->end ? e + 1 : ps->end;
}

/* A classic line [p, ...) (s: trimmed): blocks by indentation, closed by
 * 'exit'. Returns where reading goes on (next, unless a quote ran on). */
static const char *sx_classic(struct sx_parser *ps, const char *p, struct sv s, const char *next)
{
    size_t indent = 0;
    for (const char *q = p; q < s.p; q++)
        indent += *q == '\t' ? 8 : 1;
    if (sv_eq_cstr(s, "exit all")) {
        ps->sp = 0;
    } else if (sv_eq_cstr(s, "exit")) {
        while (ps->sp && ps->indents[ps->sp - 1] > indent)
            ps->sp--;
        if (ps->sp)
            ps->sp--;
        else
            cfg_diag(ps->t, DIAG_WARNING, ps->line, "'exit' with no open block");
    } else if (!sv_starts_with_word(s, "echo")) { /* echo: section markers printed by the device */
        return sx_classic_stmt(ps, s, indent);
    }
    return next;
}

/* MD-CLI: `text {` opens a block (or, ignored, skips one). */
static void sx_md_open(struct sx_parser *ps, struct sv text, uint32_t first)
{
    struct cfg_node *n = NULL;
    if (!ps->skip) {
        if (!text.n)
            cfg_diag(ps->t, DIAG_ERROR, first, "'{' without a statement name; block ignored");
        else
            n = sx_add(ps, ps->parent, text, first, 0);
    }
    if (n) {
        ps->parent = n;
        return;
    }
    if (!ps->skip)
        ps->skip_line = first;
    ps->skip++;
}

/* An MD-CLI line with braces: it may hold `x {`, `}`, `x { }` or a
 * statement. Returns where reading goes on (next, unless a quote or list
 * ran onto later lines). */
static const char *sx_mdcli(struct sx_parser *ps, struct sv s, const char *next)
{
    const char *q = s.p, *stop = s.p + s.n, *end = ps->end;
    while (q < stop) {
        while (q < stop && cfg_blank(*q))
            q++;
        if (q >= stop)
            break;
        if (*q == '}') {
            cfg_close_block(ps->t, &ps->parent, &ps->skip, ps->line);
            q++;
            continue;
        }
        uint32_t first = ps->line;
        const char *e = sx_scan(ps, q, end, true, &ps->line);
        if (e > stop) {
            /* A quote or list ran onto later lines. */
            stop = cfg_eol(e, end);
            next = stop < end ? stop + 1 : end;
        }
        struct sv text = cfg_trim(q, e);
        if (e < end && *e == '{') {
            sx_md_open(ps, text, first);
            q = e + 1;
            continue;
        }
        if (text.n && !ps->skip) {
            struct cfg_node *n = sx_add(ps, ps->parent, text, first, 0);
            if (n)
                n->end_line = ps->line;
        }
        q = e;
    }
    return next;
}

int parse_sros(struct cfg_tree *t)
{
    struct sx_parser ps = {.t = t};
    uint32_t errors_before = cfg_error_count(t);
    enum dialect_form form = t->form;
    if (form != FORM_SROS_CLASSIC && form != FORM_SROS_MDCLI && form != FORM_SROS_MDCLI_FLAT)
        t->form = form = sx_guess_form(t->buf, t->len);
    bool classic = form == FORM_SROS_CLASSIC;

    const char *end = t->buf + t->len;
    const char *p = t->buf;
    ps.end = end;
    ps.line = 1;
    ps.cap = (size_t)t->limits.max_depth + 1;
    ps.indents = classic ? xcalloc(ps.cap, sizeof(*ps.indents)) : NULL;
    ps.nodes = classic ? xcalloc(ps.cap, sizeof(*ps.nodes)) : NULL;

    for (; p < end; ps.line++) {
        const char *eol = cfg_eol(p, end);
        const char *next = eol < end ? eol + 1 : end;
        if ((size_t)(eol - p) > t->limits.max_line_len) {
            cfg_diag(t, DIAG_ERROR, ps.line, "line longer than %zu bytes; ignored",
                     t->limits.max_line_len);
            p = next;
            continue;
        }
        struct sv s = cfg_trim(p, eol);
        if (!s.n || s.p[0] == '#' || sx_prompt_line(s))
            p = next;
        else if (s.p[0] == '/')
            p = sx_flat(&ps, s);
        else if (classic)
            p = sx_classic(&ps, p, s, next);
        else
            p = sx_mdcli(&ps, s, next);
    }
    cfg_report_unclosed(t, ps.parent, ps.skip, ps.skip_line);
    free(ps.indents);
    free(ps.nodes);
    cfg_index_free(&ps.ix);
    return (int)(cfg_error_count(t) - errors_before);
}
