/*
 * route_policy.c - what a route-map, prefix list or IOS XR route-policy
 * (struct route_policy, read by extract_cisco_policy.c) does with a range
 * of routes, for the checks that judge a BGP session's filters.
 *
 * Conditions are three-valued over the range: true for every route of it,
 * false for every one, or maybe. Where a condition is maybe both branches
 * are followed, so "denies" means every path rejects every route of the
 * range. "Permits" is only said of one route (a witness) whose every
 * condition is decided and whose every path accepts it.
 */
#include "model/model.h"

#include <string.h>

enum tri { T_FALSE, T_TRUE, T_MAYBE };

/* Outcomes of one walk: accepted, rejected, or fallen off the end of a
 * block with or without an earlier pass. */
enum { O_PERMIT = 1, O_DENY = 2, O_FALL = 4, O_FALL_PASS = 8 };

#define RP_BUDGET 4096 /* statements walked per question; beyond it, unsure */

struct rp_walk {
    const struct route_policy *pol;
    const struct prefix_range *r;
    unsigned budget;
    const struct cfg_node *permit_node; /* the last statement that accepted */
    const struct cfg_node *entry_node;  /* the last list entry that matched */
};

static unsigned max_len(uint8_t af)
{
    return af == 4 ? 32 : 128;
}

/* The lengths an entry matches: exact without ge/le (stored as ge = le = 0). */
static void entry_lengths(const struct prefix_range *e, unsigned *lo, unsigned *hi)
{
    *lo = e->ge ? e->ge : e->p.len;
    *hi = e->le ? e->le : (e->ge ? max_len(e->p.af) : e->p.len);
}

/* Whether entry e matches every route of r (T_TRUE), none (T_FALSE) or some. */
static enum tri entry_reach(const struct prefix_range *e, const struct prefix_range *r)
{
    unsigned elo, ehi;
    entry_lengths(e, &elo, &ehi);
    if (e->p.af != r->p.af || !ip_prefix_overlaps(&e->p, &r->p))
        return T_FALSE;
    unsigned lo = r->ge, hi = r->le;
    unsigned deepest = e->p.len > r->p.len ? e->p.len : r->p.len;
    unsigned from = lo > elo ? lo : elo;
    if (from < deepest)
        from = deepest;
    if (from > (hi < ehi ? hi : ehi))
        return T_FALSE;
    if (ip_prefix_contains(&e->p, &r->p) && elo <= lo && ehi >= hi)
        return T_TRUE;
    return T_MAYBE;
}

/* Whether list l permits every route of r, none, or some; *at gets the
 * entry that permits them all. */
static enum tri list_reach(const struct rp_list *l, const struct prefix_range *r,
                           const struct cfg_node **at)
{
    bool some_permit = false, some_deny = false;
    for (size_t i = 0; i < l->n; i++) {
        enum tri t = entry_reach(&l->e[i].r, r);
        if (t == T_FALSE)
            continue;
        if (t == T_TRUE && l->e[i].permit && !some_deny)
            *at = l->e[i].node;
        if (t == T_TRUE && l->e[i].permit)
            return some_deny ? T_MAYBE : T_TRUE;
        if (t == T_TRUE)
            return some_permit ? T_MAYBE : T_FALSE;
        if (l->e[i].permit)
            some_permit = true;
        else
            some_deny = true;
    }
    return some_permit ? T_MAYBE : T_FALSE;
}

static enum tri cond_value(struct rp_walk *w, const struct rp_cond *c, const struct prefix_range *r)
{
    enum tri v = T_TRUE;
    if (c->has_lists) {
        if (c->family && c->family != r->p.af) {
            v = T_MAYBE;
        } else {
            v = T_FALSE;
            for (size_t i = 0; i < c->nlists && v != T_TRUE; i++) {
                enum tri t = c->lists[i] ? list_reach(c->lists[i], r, &w->entry_node) : T_MAYBE;
                if (t != T_FALSE)
                    v = t;
            }
        }
    }
    if (c->other && v != T_FALSE)
        v = T_MAYBE;
    if (c->negate && v != T_MAYBE)
        v = v == T_TRUE ? T_FALSE : T_TRUE;
    return v;
}

/* The length of statement i with its blocks. */
static size_t stmt_span(const struct rp_stmt *s)
{
    return 1 + (s->is_if ? (size_t)s->nthen + s->nelse : 0);
}

static unsigned walk_block(struct rp_walk *w, size_t from, size_t end, bool pass);

/* The outcomes of statement i given the state, before what follows it. */
static unsigned walk_stmt(struct rp_walk *w, size_t i, bool pass)
{
    const struct rp_stmt *s = &w->pol->s[i];
    if (!s->is_if) {
        switch (s->act) {
        case RP_PERMIT:
            w->permit_node = s->node;
            return O_PERMIT;
        case RP_DENY:
            return pass && w->pol->route_map ? O_PERMIT | O_DENY : O_DENY;
        case RP_PASS:
            w->permit_node = s->node;
            return O_FALL_PASS;
        case RP_UNKNOWN:
            return O_PERMIT | O_DENY;
        default:
            return pass ? O_FALL_PASS : O_FALL;
        }
    }
    enum tri v = cond_value(w, &s->cond, w->r);
    size_t then0 = i + 1, else0 = then0 + s->nthen, end = else0 + s->nelse;
    unsigned out = 0;
    if (v != T_FALSE)
        out |= walk_block(w, then0, else0, pass);
    if (v != T_TRUE)
        out |= walk_block(w, else0, end, pass);
    return out;
}

static unsigned walk_block(struct rp_walk *w, size_t from, size_t end, bool pass)
{
    if (from >= end)
        return pass ? O_FALL_PASS : O_FALL;
    if (w->budget == 0)
        return O_PERMIT | O_DENY;
    w->budget--;
    unsigned got = walk_stmt(w, from, pass), out = got & (O_PERMIT | O_DENY);
    size_t next = from + stmt_span(&w->pol->s[from]);
    if (got & O_FALL)
        out |= walk_block(w, next, end, false);
    if (got & O_FALL_PASS)
        out |= walk_block(w, next, end, true);
    return out;
}

/* Accepted, rejected or both, for the routes of r. */
static unsigned run(struct rp_walk *w, const struct prefix_range *r)
{
    w->r = r;
    w->budget = RP_BUDGET;
    w->permit_node = w->entry_node = NULL;
    unsigned got = walk_block(w, 0, w->pol->n, false);
    unsigned out = got & (O_PERMIT | O_DENY);
    if (got & O_FALL)
        out |= O_DENY; /* what falls off the end is rejected */
    if (got & O_FALL_PASS)
        out |= O_PERMIT;
    return out;
}

/* The one route where entry e and range r meet first, if they do. */
static bool witness_for(const struct prefix_range *e, const struct prefix_range *r,
                        struct prefix_range *out)
{
    unsigned elo, ehi;
    entry_lengths(e, &elo, &ehi);
    if (e->p.af != r->p.af || !ip_prefix_overlaps(&e->p, &r->p))
        return false;
    const struct ip_prefix *deeper = e->p.len > r->p.len ? &e->p : &r->p;
    unsigned len = deeper->len;
    if (len < elo)
        len = elo;
    if (len < r->ge)
        len = r->ge;
    if (len > ehi || len > r->le)
        return false;
    out->p = *deeper;
    out->p.len = (uint8_t)len;
    out->ge = out->le = (uint8_t)len;
    return true;
}

/* Try one route: true when every path accepts it. */
static bool try_route(struct rp_walk *w, const struct prefix_range *q, struct ip_prefix *witness,
                      const struct cfg_node **node)
{
    if (run(w, q) != O_PERMIT)
        return false;
    *witness = q->p;
    node[0] = w->permit_node;
    node[1] = w->entry_node;
    return true;
}

/* Look for a route of r the policy surely accepts: the range's own first
 * route, then where each permitting entry of a list it names meets r. */
static bool find_permitted(struct rp_walk *w, const struct prefix_range *r,
                           struct ip_prefix *witness, const struct cfg_node **node)
{
    struct prefix_range q = *r;
    q.ge = q.le = r->ge > r->p.len ? r->ge : r->p.len;
    if (try_route(w, &q, witness, node))
        return true;
    const struct route_policy *pol = w->pol;
    for (size_t i = 0; i < pol->n; i++) {
        const struct rp_cond *c = &pol->s[i].cond;
        for (size_t k = 0; pol->s[i].is_if && k < c->nlists; k++) {
            const struct rp_list *l = c->lists[k];
            for (size_t j = 0; l && j < l->n; j++)
                if (l->e[j].permit && witness_for(&l->e[j].r, r, &q) &&
                    try_route(w, &q, witness, node))
                    return true;
        }
    }
    return false;
}

enum policy_verdict model_policy_range(const struct policy_summary *s, const struct prefix_range *r,
                                       struct ip_prefix *witness, const struct cfg_node *node[2])
{
    node[0] = node[1] = NULL;
    memset(witness, 0, sizeof(*witness));
    if (!s->known || !s->policy || s->undefined || r->p.af == 0)
        return POLICY_UNSURE;
    struct rp_walk w = {.pol = s->policy};
    unsigned all = run(&w, r);
    if (all == O_DENY)
        return POLICY_DENIES;
    if (find_permitted(&w, r, witness, node))
        return POLICY_PERMITS;
    return POLICY_UNSURE;
}
