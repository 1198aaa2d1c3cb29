/*
 * extract_policy_build.c - a Junos or SR OS import chain as a route policy
 * (struct route_policy), so route_policy.c can say what it does with the
 * ranges RTG-BGP-BOGONS asks about, as it does for Cisco route-maps.
 *
 * Each term becomes "if its conditions then its action". Its route-filters
 * are one list matched longest prefix first: a route inside a filter's
 * prefix whose length the filter's type does not take matches no shorter
 * filter. Named lists, several kinds of match in one term and conditions
 * the model does not read (communities, AS paths, neighbours) make the
 * condition maybe; "next policy" puts the rest of its policy in an else
 * block. After the chain comes BGP's default import policy, which accepts.
 */
#include "model/extract.h"

#include <stdlib.h>
#include <string.h>

#define PB_MAX_STMTS 2048

struct pb {
    struct arena *a;
    const struct policy_terms *pt;
    struct rp_stmt *s;
    size_t n;
};

/* A named list as rp_list entries; NULL where it is unread or undefined. */
static const struct rp_list *pb_named(struct pb *b, struct sv name, uint8_t ty)
{
    if (ty == PL_UNREAD || b->pt->group_lists)
        return NULL;
    const struct pt_plist *pl = NULL;
    for (size_t i = 0; i < b->pt->nplists && !pl; i++)
        if (sv_eq(b->pt->plists[i].name, name))
            pl = &b->pt->plists[i];
    if (!pl || pl->unread || (ty == PL_LONGER && pl->n > 1))
        return NULL; /* nested prefixes: how "longer" combines is not read */
    struct rp_list *l = arena_alloc(b->a, sizeof(*l));
    memset(l, 0, sizeof(*l));
    l->e = arena_alloc(b->a, (pl->n ? pl->n : 1) * sizeof(*l->e));
    for (size_t i = 0; i < pl->n; i++) {
        struct rp_entry *e = &l->e[l->n++];
        unsigned max = pl->v[i].af == 4 ? 32 : 128;
        memset(e, 0, sizeof(*e));
        e->permit = true;
        e->r.p = pl->v[i];
        e->r.ge = (uint8_t)(pl->v[i].len + (ty == PL_LONGER));
        e->r.le = (uint8_t)(ty == PL_EXACT ? pl->v[i].len : max);
    }
    return l;
}

/* Longest prefix first; equal prefixes side by side. */
static int by_len_desc(const void *x, const void *y)
{
    const struct ip_prefix *a = &((const struct rp_entry *)x)->r.p;
    const struct ip_prefix *b = &((const struct rp_entry *)y)->r.p;
    if (a->len != b->len)
        return (int)b->len - (int)a->len;
    if (a->af != b->af)
        return (int)a->af - (int)b->af;
    return memcmp(a->addr, b->addr, sizeof(a->addr));
}

static bool same_prefix(const struct ip_prefix *a, const struct ip_prefix *b)
{
    return by_len_desc(&(struct rp_entry){.r.p = *a}, &(struct rp_entry){.r.p = *b}) == 0;
}

/* The route-filters, longest prefix first, each followed by a deny of the
 * rest of its prefix: a route inside it matches no shorter filter. */
static const struct rp_list *pb_filters(struct pb *b, const struct policy_term *t)
{
    if (t->rf_unread)
        return NULL;
    struct rp_list *l = arena_alloc(b->a, sizeof(*l));
    memset(l, 0, sizeof(*l));
    l->e = arena_alloc(b->a, 2 * t->rf.n * sizeof(*l->e));
    struct rp_entry *sorted = arena_alloc(b->a, t->rf.n * sizeof(*sorted));
    memcpy(sorted, t->rf.e, t->rf.n * sizeof(*sorted));
    qsort(sorted, t->rf.n, sizeof(*sorted), by_len_desc);
    for (size_t i = 0; i < t->rf.n; i++) {
        l->e[l->n++] = sorted[i];
        bool last = i + 1 == t->rf.n || !same_prefix(&sorted[i + 1].r.p, &sorted[i].r.p);
        if (!last)
            continue;
        struct rp_entry *rest = &l->e[l->n++];
        *rest = sorted[i];
        rest->permit = false;
        rest->r.ge = sorted[i].r.p.len;
        rest->r.le = (uint8_t)(sorted[i].r.p.af == 4 ? 32 : 128);
    }
    return l;
}

/* The term's conditions; no condition at all is always true. */
static void pb_cond(struct pb *b, const struct policy_term *t, struct rp_cond *c)
{
    memset(c, 0, sizeof(*c));
    if (!t->from_any)
        return;
    size_t kinds = t->nlists + (t->rf.n || t->rf_unread);
    c->other = t->from_unread || kinds > 1;
    if (t->lists_over || kinds > RP_MAX_LISTS) {
        c->other = true; /* lists left out: maybe, whatever the others say */
        return;
    }
    if (t->rf.n || t->rf_unread)
        c->lists[c->nlists++] = pb_filters(b, t);
    for (size_t i = 0; i < t->nlists && c->nlists < RP_MAX_LISTS; i++)
        c->lists[c->nlists++] = pb_named(b, t->lists[i], t->list_type[i]);
    c->has_lists = c->nlists > 0;
}

static struct rp_stmt *pb_add(struct pb *b)
{
    if (b->n == PB_MAX_STMTS)
        return NULL;
    struct rp_stmt *s = &b->s[b->n++];
    memset(s, 0, sizeof(*s));
    return s;
}

/* One term; false when the statements run out. open[] collects the "next
 * policy" ifs whose else block is the rest of the policy. */
static bool pb_term(struct pb *b, const struct policy_term *t, size_t *open, size_t *nopen)
{
    enum rp_act act = RP_NONE;
    if (t->accepts + t->rejects + t->next_policy > 1 || t->own_action)
        act = RP_UNKNOWN;
    else if (t->accepts)
        act = RP_PERMIT;
    else if (t->rejects)
        act = RP_DENY;
    else if (!t->next_policy)
        return true; /* it only sets attributes: the route goes on */
    const struct cfg_node *at = t->accept_node && act == RP_PERMIT ? t->accept_node : t->node;
    struct rp_stmt *s = pb_add(b);
    if (!s)
        return false;
    s->node = at;
    pb_cond(b, t, &s->cond);
    if (act == RP_UNKNOWN || act == RP_PERMIT || act == RP_DENY) {
        if (!t->from_any) {
            s->act = act;
            return true;
        }
        s->is_if = true;
        s->nthen = 1;
        struct rp_stmt *then = pb_add(b);
        if (!then)
            return false;
        then->act = act;
        then->node = at;
        return true;
    }
    s->is_if = true; /* next policy: nothing in then, the rest in else */
    open[(*nopen)++] = b->n - 1;
    return true;
}

struct route_policy *model_policy_build(struct arena *a, const struct policy_terms *pt,
                                        const char *chain)
{
    struct pb b = {.a = a, .pt = pt};
    b.s = arena_alloc(a, PB_MAX_STMTS * sizeof(*b.s));
    struct sv all = sv_from_cstr(chain);
    for (size_t i = 0, nt = sv_token_count(all); i < nt; i++) {
        struct sv tok = sv_unquote(sv_token(all, i));
        if (tok.n == 0 || sv_eq_cstr(tok, "[") || sv_eq_cstr(tok, "]"))
            continue;
        const struct policy_term *order[256];
        size_t open[256], nopen = 0;
        size_t n = model_policy_order(pt, tok, true, order, ARRAY_SIZE(order));
        if (n == SIZE_MAX)
            return NULL;
        for (size_t k = 0; k < n; k++)
            if (!pb_term(&b, order[k], open, &nopen))
                return NULL;
        for (size_t k = 0; k < nopen; k++)
            b.s[open[k]].nelse = (uint32_t)(b.n - open[k] - 1);
    }
    struct rp_stmt *dflt = pb_add(&b);
    if (!dflt)
        return NULL;
    dflt->act = RP_PERMIT; /* BGP's default import policy */
    struct route_policy *p = arena_alloc(a, sizeof(*p));
    memset(p, 0, sizeof(*p));
    p->name = chain;
    p->s = b.s;
    p->n = b.n;
    return p;
}
