/*
 * query.c - ciscoconfparse-style queries over any config tree: PCRE2 regexes
 * on node texts, parent/child searches, word-prefix lookups and token paths.
 *
 * Patterns are compiled without UTF mode, so invalid UTF-8 in a config is
 * just bytes; JIT is used when the library has it. A compiled pattern is
 * read-only after compilation and each match uses its own match data, so
 * one pattern may be shared by every worker thread. Results are arrays of
 * node pointers in the tree's arena (its owner must not be shared between
 * threads while querying).
 */
#include "ingest/ingest.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#define QUERY_MAX_PATH_TOKENS 64

struct cfg_regex {
    pcre2_code *code;
    uint32_t ovec_pairs;
};

struct cfg_regex *cfg_regex_compile(const char *pattern, char *err, size_t errlen)
{
    int code = 0;
    PCRE2_SIZE off = 0;
    pcre2_code *re =
        pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, 0, &code, &off, NULL);
    if (!re) {
        if (err && errlen) {
            PCRE2_UCHAR msg[256];
            if (pcre2_get_error_message(code, msg, sizeof(msg)) < 0)
                snprintf((char *)msg, sizeof(msg), "invalid pattern");
            snprintf(err, errlen, "offset %zu: %s", (size_t)off, (const char *)msg);
        }
        return NULL;
    }
    /* JIT is an optimisation only: without it pcre2_match() interprets. */
    (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    uint32_t caps = 0;
    pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &caps);
    struct cfg_regex *r = xcalloc(1, sizeof(*r));
    r->code = re;
    r->ovec_pairs = caps + 1;
    return r;
}

void cfg_regex_free(struct cfg_regex *re)
{
    if (!re)
        return;
    pcre2_code_free(re->code);
    free(re);
}

static bool regex_exec(const struct cfg_regex *re, pcre2_match_data *md, struct sv text,
                       struct sv *caps, size_t ncaps)
{
    static const char empty[1] = "";
    const char *subject = text.p ? text.p : empty;
    int rc = pcre2_match(re->code, (PCRE2_SPTR)subject, text.n, 0, 0, md, NULL);
    if (rc < 0)
        return false;
    if (caps && ncaps) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        uint32_t have = pcre2_get_ovector_count(md);
        for (size_t i = 0; i < ncaps; i++) {
            if (i < have && ov[2 * i] != PCRE2_UNSET && ov[2 * i + 1] >= ov[2 * i])
                caps[i] = sv_make(subject + ov[2 * i], ov[2 * i + 1] - ov[2 * i]);
            else
                caps[i] = sv_make(NULL, 0);
        }
    }
    return true;
}

bool cfg_regex_match(const struct cfg_regex *re, struct sv text, struct sv *caps, size_t ncaps)
{
    if (!re)
        return false;
    pcre2_match_data *md = pcre2_match_data_create(re->ovec_pairs, NULL);
    if (!md) {
        fprintf(stderr, "tsaudit: out of memory\n");
        abort();
    }
    bool ok = regex_exec(re, md, text, caps, ncaps);
    pcre2_match_data_free(md);
    return ok;
}

int cfg_regex_match_once(const char *pattern, struct sv text)
{
    struct cfg_regex *c = cfg_regex_compile(pattern, NULL, 0);
    if (!c)
        return -1;
    bool hit = cfg_regex_match(c, text, NULL, 0);
    cfg_regex_free(c);
    return hit;
}

/* ---------------------------------------------------------------- results */

struct node_list {
    struct cfg_node **v;
    size_t n, cap;
};

static void list_add(const struct cfg_tree *t, struct node_list *l, struct cfg_node *node)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        l->v = arena_grow(t->arena, l->v, l->n, cap, sizeof(*l->v));
        l->cap = cap;
    }
    l->v[l->n++] = node;
}

static struct cfg_node **list_done(struct node_list *l, size_t *n)
{
    *n = l->n;
    return l->v;
}

static bool skip_node(const struct cfg_node *n, unsigned flags)
{
    return (n->flags & CFG_INACTIVE) && !(flags & CFG_Q_INACTIVE);
}

static struct cfg_node *first_child(const struct cfg_tree *t, const struct cfg_node *scope)
{
    return scope ? scope->child : t->first;
}

/* Pre-order successor of n that stays inside scope (NULL = whole tree). */
static struct cfg_node *next_within(const struct cfg_node *n, const struct cfg_node *scope)
{
    if (n->child)
        return n->child;
    while (n && n != scope) {
        if (n->next)
            return n->next;
        n = n->parent;
        if (n == scope)
            return NULL;
    }
    return NULL;
}

/* Pre-order successor that does not enter n's children. */
static struct cfg_node *next_skip_children(const struct cfg_node *n, const struct cfg_node *scope)
{
    while (n && n != scope) {
        if (n->next)
            return n->next;
        n = n->parent;
        if (n == scope)
            return NULL;
    }
    return NULL;
}

struct cfg_node **cfg_find(const struct cfg_tree *t, const struct cfg_node *scope,
                           const struct cfg_regex *re, unsigned flags, size_t *n)
{
    struct node_list l = {0};
    *n = 0;
    if (!re)
        return NULL;
    pcre2_match_data *md = pcre2_match_data_create(re->ovec_pairs, NULL);
    if (!md)
        abort();
    struct cfg_node *c = first_child(t, scope);
    while (c) {
        if (skip_node(c, flags)) {
            c = (flags & CFG_Q_ANY_DEPTH) ? next_skip_children(c, scope) : c->next;
            continue;
        }
        if (regex_exec(re, md, cfg_text(c), NULL, 0))
            list_add(t, &l, c);
        c = (flags & CFG_Q_ANY_DEPTH) ? next_within(c, scope) : c->next;
    }
    pcre2_match_data_free(md);
    return list_done(&l, n);
}

static bool has_matching_child(const struct cfg_node *p, const struct cfg_regex *child_re,
                               pcre2_match_data *md, unsigned flags)
{
    const struct cfg_node *c = p->child;
    while (c) {
        if (skip_node(c, flags)) {
            c = (flags & CFG_Q_ANY_DEPTH) ? next_skip_children(c, p) : c->next;
            continue;
        }
        if (regex_exec(child_re, md, cfg_text(c), NULL, 0))
            return true;
        c = (flags & CFG_Q_ANY_DEPTH) ? next_within(c, p) : c->next;
    }
    return false;
}

struct cfg_node **cfg_find_parents(const struct cfg_tree *t, const struct cfg_regex *parent_re,
                                   const struct cfg_regex *child_re, bool want_child,
                                   unsigned flags, size_t *n)
{
    struct node_list l = {0};
    *n = 0;
    if (!parent_re || !child_re)
        return NULL;
    uint32_t pairs =
        parent_re->ovec_pairs > child_re->ovec_pairs ? parent_re->ovec_pairs : child_re->ovec_pairs;
    pcre2_match_data *md = pcre2_match_data_create(pairs, NULL);
    if (!md)
        abort();
    struct cfg_node *c = t->first;
    while (c) {
        if (skip_node(c, flags)) {
            c = next_skip_children(c, NULL);
            continue;
        }
        if (regex_exec(parent_re, md, cfg_text(c), NULL, 0) &&
            has_matching_child(c, child_re, md, flags) == want_child)
            list_add(t, &l, c);
        c = next_within(c, NULL);
    }
    pcre2_match_data_free(md);
    return list_done(&l, n);
}

/* ------------------------------------------------------- word-prefix lookup */

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Does text begin with the words of prefix (any run of blanks between words)? */
static bool starts_with_words(struct sv text, const char *prefix)
{
    size_t i = 0;
    const char *q = prefix;
    while (*q && is_blank(*q))
        q++;
    while (i < text.n && is_blank(text.p[i]))
        i++;
    while (*q) {
        if (is_blank(*q)) {
            if (i >= text.n || !is_blank(text.p[i]))
                return false;
            while (*q && is_blank(*q))
                q++;
            while (i < text.n && is_blank(text.p[i]))
                i++;
            continue;
        }
        if (i >= text.n || text.p[i] != *q)
            return false;
        i++;
        q++;
    }
    return i == text.n || is_blank(text.p[i]) || (q > prefix && is_blank(q[-1]));
}

struct cfg_node *cfg_child(const struct cfg_tree *t, const struct cfg_node *scope,
                           const char *prefix)
{
    for (struct cfg_node *c = first_child(t, scope); c; c = c->next)
        if (!(c->flags & CFG_INACTIVE) && starts_with_words(cfg_text(c), prefix))
            return c;
    return NULL;
}

struct cfg_node **cfg_children(const struct cfg_tree *t, const struct cfg_node *scope,
                               const char *prefix, size_t *n)
{
    struct node_list l = {0};
    for (struct cfg_node *c = first_child(t, scope); c; c = c->next)
        if (!(c->flags & CFG_INACTIVE) && starts_with_words(cfg_text(c), prefix))
            list_add(t, &l, c);
    return list_done(&l, n);
}

/* ------------------------------------------------------------- path lookup */

struct path_query {
    const struct cfg_tree *t;
    struct sv tok[QUERY_MAX_PATH_TOKENS];
    size_t ntok;
    struct node_list *all; /* NULL: stop at the first match */
    struct cfg_node *found;
};

/* A node token compared with a path token: quotes and a trailing ';' or '{' aside. */
static struct sv norm_token(struct sv s)
{
    while (s.n && (s.p[s.n - 1] == ';' || s.p[s.n - 1] == '{'))
        s.n--;
    return sv_unquote(s);
}

/*
 * How many path tokens from i the node consumes: all of its tokens when they
 * match, or the rest of the path when the path ends inside the node. 0 = no match.
 */
static size_t node_consumes(const struct path_query *q, const struct cfg_node *n, size_t i)
{
    struct sv text = cfg_text(n);
    size_t k = 0, pos = i;
    for (;;) {
        struct sv nt = sv_token(text, k);
        if (!nt.p)
            break;
        nt = norm_token(nt);
        if (nt.n == 0 && k > 0) { /* a lone "{" or ";" */
            k++;
            continue;
        }
        if (pos == q->ntok)
            break; /* path ends inside the node */
        if (!sv_eq(nt, norm_token(q->tok[pos])))
            return 0;
        k++;
        pos++;
    }
    return pos - i;
}

static bool path_walk(struct path_query *q, const struct cfg_node *scope, size_t i)
{
    for (struct cfg_node *c = first_child(q->t, scope); c; c = c->next) {
        if (c->flags & CFG_INACTIVE)
            continue;
        size_t used = node_consumes(q, c, i);
        if (used == 0)
            continue;
        if (i + used == q->ntok) {
            if (!q->all) {
                q->found = c;
                return true;
            }
            list_add(q->t, q->all, c);
            continue;
        }
        if (path_walk(q, c, i + used))
            return true;
    }
    return false;
}

static bool path_prepare(struct path_query *q, const struct cfg_tree *t, const char *path)
{
    memset(q, 0, sizeof(*q));
    q->t = t;
    struct sv p = sv_from_cstr(path ? path : "");
    size_t count = sv_token_count(p);
    if (count == 0 || count > QUERY_MAX_PATH_TOKENS)
        return false;
    for (size_t i = 0; i < count; i++)
        q->tok[i] = sv_token(p, i);
    q->ntok = count;
    return true;
}

struct cfg_node *cfg_path(const struct cfg_tree *t, const struct cfg_node *scope, const char *path)
{
    struct path_query q;
    if (!path_prepare(&q, t, path))
        return NULL;
    path_walk(&q, scope, 0);
    return q.found;
}

struct cfg_node **cfg_path_all(const struct cfg_tree *t, const struct cfg_node *scope,
                               const char *path, size_t *n)
{
    struct node_list l = {0};
    struct path_query q;
    *n = 0;
    if (!path_prepare(&q, t, path))
        return NULL;
    q.all = &l;
    path_walk(&q, scope, 0);
    return list_done(&l, n);
}
