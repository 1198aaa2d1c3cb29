/*
 * extract_plist.c - named prefix lists and clause maps of the platforms
 * that write them as objects of their own (Huawei VRP "ip ip-prefix" and
 * "route-policy", FortiOS "router prefix-list" and "router route-map"),
 * collected while the configuration is read and put together as a route
 * policy (struct route_policy) for what a BGP session's inbound filters do;
 * route_policy.c answers the questions about ranges.
 *
 * A session binds its filters per address family, so the policy first
 * splits the routes by family: "if IPv4 then <the IPv4 filters> else <the
 * IPv6 filters>". A family's filter is a map (clauses in sequence order,
 * each "if its list matches then permit|deny") or a list alone ("if in the
 * list then permit"); what no clause or entry accepts is rejected. A family
 * without a filter, with both kinds (whether both apply is not read), with
 * a kind the model does not read or whose filter is not defined here is
 * "either way": what it does with those routes is not decided. Where
 * another filter applies to the family as well (bind->also), what the
 * family's filter accepts is "either way" too and what it rejects stays
 * rejected.
 */
#include "model/extract.h"

#include <stdlib.h>
#include <string.h>

#define PLX_MAX 100000 /* lists, maps, entries of one list, clauses of one map */

struct plx_list {
    struct sv name;
    uint8_t fam;
    bool bad; /* an entry that does not parse: the list is not judged */
    struct rp_entry *e;
    long *seq;
    size_t n;
    const struct cfg_node *node;
    struct rp_list *out;
};

struct plx_clause {
    long seq;
    bool permit, other, unknown;
    struct sv list; /* the prefix list it matches, if any */
    uint8_t fam;
    const struct cfg_node *node;
};

struct plx_map {
    struct sv name;
    struct plx_clause *c;
    size_t n;
};

struct plx {
    struct arena *a;
    struct plx_list *lists;
    size_t nlists;
    struct plx_map *maps;
    size_t nmaps;
    struct sv *others; /* names of lists of other kinds (access lists) */
    size_t nothers;
    struct model_nmap list_ix, map_ix;
};

static const char *const fam_key[7] = {[4] = "4", [6] = "6"};

struct plx *plx_new(struct arena *a)
{
    struct plx *p = arena_alloc(a, sizeof(*p));
    memset(p, 0, sizeof(*p));
    p->a = a;
    return p;
}

static struct plx_list *list_get(struct plx *p, struct sv name, uint8_t fam, bool add,
                                 const struct cfg_node *n)
{
    struct sv k = sv_from_cstr(fam_key[fam == 6 ? 6 : 4]);
    size_t at = model_nmap_get(&p->list_ix, name, k);
    if (at != SIZE_MAX)
        return &p->lists[at];
    if (!add || p->nlists >= PLX_MAX)
        return NULL;
    model_nmap_put(p->a, &p->list_ix, name, k, p->nlists);
    struct plx_list *l = MODEL_PUSH(p->a, p->lists, p->nlists);
    memset(l, 0, sizeof(*l));
    l->name = name;
    l->fam = fam;
    l->node = n;
    return l;
}

void plx_entry(struct plx *p, struct sv name, uint8_t fam, long seq, bool permit,
               const struct prefix_range *r, const struct cfg_node *n)
{
    struct plx_list *l = list_get(p, name, fam, true, n);
    if (!l)
        return;
    if (!r || r->p.af != fam) {
        l->bad = true;
        return;
    }
    if (l->n < PLX_MAX)
        plx_insert(p->a, &l->e, &l->seq, &l->n, seq, (struct rp_entry){*r, permit, n});
}

void plx_insert(struct arena *a, struct rp_entry **e, long **seqs, size_t *n, long seq,
                struct rp_entry entry)
{
    size_t cnt = *n;
    MODEL_PUSH(a, *seqs, cnt);
    MODEL_PUSH(a, *e, *n);
    size_t at = *n - 1;
    while (at > 0 && (*seqs)[at - 1] > seq) {
        (*seqs)[at] = (*seqs)[at - 1];
        (*e)[at] = (*e)[at - 1];
        at--;
    }
    (*seqs)[at] = seq;
    (*e)[at] = entry;
}

void plx_other_list(struct plx *p, struct sv name)
{
    if (p->nothers < PLX_MAX)
        *MODEL_PUSH(p->a, p->others, p->nothers) = name;
}

static struct plx_map *map_get(struct plx *p, struct sv name, bool add)
{
    size_t at = model_nmap_get(&p->map_ix, name, sv_make("", 0));
    if (at != SIZE_MAX)
        return &p->maps[at];
    if (!add || p->nmaps >= PLX_MAX)
        return NULL;
    model_nmap_put(p->a, &p->map_ix, name, sv_make("", 0), p->nmaps);
    struct plx_map *m = MODEL_PUSH(p->a, p->maps, p->nmaps);
    memset(m, 0, sizeof(*m));
    m->name = name;
    return m;
}

struct plx_clause *plx_clause(struct plx *p, struct sv map, long seq, bool permit,
                              const struct cfg_node *n)
{
    struct plx_map *m = map_get(p, map, true);
    if (!m || m->n >= PLX_MAX)
        return NULL;
    for (size_t i = 0; i < m->n; i++)
        if (m->c[i].seq == seq) { /* the same clause entered again */
            m->c[i].permit = permit;
            return &m->c[i];
        }
    struct plx_clause *c = MODEL_PUSH(p->a, m->c, m->n);
    memset(c, 0, sizeof(*c));
    c->seq = seq;
    c->permit = permit;
    c->node = n;
    return c;
}

void plx_match_list(struct plx_clause *c, struct sv list, uint8_t fam)
{
    if (!c)
        return;
    if (c->list.n && !(sv_eq(c->list, list) && c->fam == fam))
        c->other = true; /* two prefix matches must both hold: not read */
    c->list = list;
    c->fam = fam;
}

void plx_match_other(struct plx_clause *c)
{
    if (c)
        c->other = true;
}

void plx_action_unknown(struct plx_clause *c)
{
    if (c)
        c->unknown = true;
}

/* ------------------------------------------------------------ building */

/* A list as the model reads it; NULL where it is undefined, does not
 * parse, or its name is also another kind of list. */
static const struct rp_list *resolve(struct plx *p, struct sv name, uint8_t fam)
{
    struct plx_list *l = list_get(p, name, fam, false, NULL);
    if (!l || l->bad)
        return NULL;
    for (size_t i = 0; i < p->nothers; i++)
        if (sv_eq(p->others[i], name))
            return NULL;
    if (!l->out) {
        l->out = arena_alloc(p->a, sizeof(*l->out));
        l->out->name = model_strdup(p->a, l->name);
        l->out->e = l->e;
        l->out->n = l->n;
        l->out->node = l->node;
    }
    return l->out;
}

struct plx_build {
    struct plx *p;
    struct rp_stmt *s;
    size_t n, cap;
    bool lists; /* some condition names a prefix list */
};

static struct rp_stmt *push(struct plx_build *b, bool is_if, enum rp_act act,
                            const struct cfg_node *n)
{
    if (b->n == b->cap)
        return NULL;
    struct rp_stmt *s = &b->s[b->n++];
    memset(s, 0, sizeof(*s));
    s->is_if = is_if;
    s->act = act;
    s->node = n;
    if (is_if)
        s->nthen = 1;
    return s;
}

static void set_list(struct plx_build *b, struct rp_cond *c, struct sv name, uint8_t fam)
{
    c->has_lists = true;
    c->nlists = 1;
    c->family = fam;
    c->lists[0] = resolve(b->p, name, fam);
    b->lists = true;
}

static int by_seq(const void *x, const void *y)
{
    const struct plx_clause *a = *(const struct plx_clause *const *)x;
    const struct plx_clause *c = *(const struct plx_clause *const *)y;
    return a->seq < c->seq ? -1 : a->seq > c->seq;
}

/* A map's clauses in sequence order, each "if match then action". */
static void build_map(struct plx_build *b, const struct plx_map *m)
{
    const struct plx_clause **order = arena_alloc(b->p->a, (m->n ? m->n : 1) * sizeof(*order));
    for (size_t i = 0; i < m->n; i++)
        order[i] = &m->c[i];
    qsort(order, m->n, sizeof(*order), by_seq);
    for (size_t i = 0; i < m->n; i++) {
        const struct plx_clause *c = order[i];
        struct rp_stmt *s = push(b, true, RP_NONE, c->node);
        if (!s)
            return;
        s->cond.other = c->other;
        if (c->list.n)
            set_list(b, &s->cond, c->list, c->fam);
        enum rp_act a = c->unknown ? RP_UNKNOWN : c->permit ? RP_PERMIT : RP_DENY;
        push(b, false, a, c->node);
    }
}

/* One family's block; its length in statements. */
static size_t build_family(struct plx_build *b, const struct plx_bind *bind, int f)
{
    size_t from = b->n;
    struct sv map = bind->map[f], list = bind->list[f];
    uint8_t fam = f ? 6 : 4;
    const struct plx_map *m = map.n ? map_get(b->p, map, false) : NULL;
    const struct rp_list *l = list.n ? resolve(b->p, list, fam) : NULL;
    if ((map.n && list.n) || bind->unknown[f]) {
        push(b, false, RP_UNKNOWN, NULL); /* whether both kinds apply is not read */
    } else if (m) {
        build_map(b, m);
    } else if (l) {
        struct rp_stmt *s = push(b, true, RP_NONE, l->node);
        if (s)
            set_list(b, &s->cond, list, fam);
        push(b, false, RP_PERMIT, l->node);
    } else {
        push(b, false, RP_UNKNOWN, NULL); /* no filter, or one not defined here */
    }
    for (size_t i = from; bind->also[f] && i < b->n; i++)
        if (b->s[i].act == RP_PERMIT)
            b->s[i].act = RP_UNKNOWN; /* the other filter may still reject it */
    return b->n - from;
}

/* A list that matches every IPv4 route and no IPv6 one. */
static const struct rp_list *all_v4(struct arena *a)
{
    struct rp_list *l = arena_alloc(a, sizeof(*l));
    memset(l, 0, sizeof(*l));
    l->e = arena_alloc(a, sizeof(*l->e));
    memset(l->e, 0, sizeof(*l->e));
    l->e->permit = true;
    l->e->r.p.af = 4;
    l->e->r.le = 32;
    l->n = 1;
    l->name = "IPv4";
    return l;
}

static size_t map_clauses(struct plx *p, struct sv map)
{
    const struct plx_map *m = map.n ? map_get(p, map, false) : NULL;
    return m ? m->n : 0;
}

void plx_summary(struct plx *p, const struct plx_bind *bind, struct policy_summary *s)
{
    memset(s, 0, sizeof(*s));
    struct plx_build b = {.p = p};
    b.cap = 2 * (map_clauses(p, bind->map[0]) + map_clauses(p, bind->map[1])) + 8;
    b.s = arena_alloc(p->a, b.cap * sizeof(*b.s));
    struct rp_stmt *top = push(&b, true, RP_NONE, NULL);
    top->cond.has_lists = true;
    top->cond.nlists = 1;
    top->cond.lists[0] = all_v4(p->a);
    top->nthen = (uint32_t)build_family(&b, bind, 0);
    top->nelse = (uint32_t)build_family(&b, bind, 1);
    struct route_policy *pol = arena_alloc(p->a, sizeof(*pol));
    memset(pol, 0, sizeof(*pol));
    pol->name = bind->name;
    pol->s = b.s;
    pol->n = b.n;
    pol->node = bind->node;
    bool unknown = false;
    for (size_t i = 0; i < b.n; i++) {
        s->accepts_some |= b.s[i].act == RP_PERMIT || b.s[i].act == RP_UNKNOWN;
        unknown |= b.s[i].act == RP_UNKNOWN;
    }
    s->known = true;
    s->policy = pol;
    s->ends_in_reject = true; /* what no clause or entry accepts is rejected */
    s->filters_prefixes = b.lists || unknown;
}
