/*
 * extract_vrp_policy.c - Huawei VRP prefix lists and route-policies, read
 * into the shared store of extract_plist.c for what a BGP peer's import
 * filters do (RTG-BGP-BOGONS).
 *
 * "ip ip-prefix NAME [index N] permit|deny ADDR LEN [greater-equal G]
 * [less-equal L]" (and "ip ipv6-prefix"): entries are tried in ascending
 * index, the first that matches decides, and a route no entry matches is
 * denied; greater-equal alone reaches to the family's longest prefix,
 * less-equal alone starts at LEN. "route-policy NAME permit|deny node N":
 * nodes in ascending order, the if-match clauses of a node must all hold,
 * and a route no node matches is denied (Huawei ip ip-prefix and
 * route-policy command references, e.g.
 * https://support.huawei.com/enterprise/en/doc/EDOC1100064351/12986b60/ip-ip-prefix).
 * An if-match naming a list that is not configured matches every route
 * there, which the model's "undefined list: maybe" covers.
 *
 * A peer's import filters of different kinds, its group's of the kinds the
 * peer does not set, and a family-wide "filter-policy ... import" all
 * filter its routes (Huawei "filter-policy import (BGP)" and "peer
 * ip-prefix import": members inherit the group's filter; the family-wide
 * one filters the routes of every peer). The model does not combine them:
 * where more than the peer's own filter applies, what that filter accepts
 * is left undecided, what it rejects stays rejected.
 */
#include "model/extract_rtg.h"

#include <stdio.h>
#include <string.h>

#define PLX_WIDE_MAX 1000 /* family-wide filters of one device */

/* "ADDR LEN [greater-equal G] [less-equal L]" from token i into r. */
static bool vp_range(const struct cfg_node *n, size_t i, uint8_t fam, struct prefix_range *r)
{
    char buf[96];
    struct sv a = model_tok(n, i), l = model_tok(n, i + 1);
    if (!a.n || !l.n || a.n + l.n + 2 > sizeof(buf))
        return false;
    snprintf(buf, sizeof(buf), "%.*s/%.*s", (int)a.n, a.p, (int)l.n, l.p);
    memset(r, 0, sizeof(*r));
    if (!ip_prefix_parse(sv_from_cstr(buf), &r->p) || r->p.af != fam)
        return false;
    long max = fam == 4 ? 32 : 128, ge = -1, le = -1;
    for (size_t k = i + 2; model_tok(n, k).n; k += 2) {
        long v = model_sv_long(model_tok(n, k + 1), -1);
        if (v < r->p.len || v > max)
            return false; /* match-network and what else is not read */
        if (model_tok_is(n, k, "greater-equal"))
            ge = v;
        else if (model_tok_is(n, k, "less-equal"))
            le = v;
        else
            return false;
    }
    if (ge >= 0 && le < 0)
        le = max;
    if (ge >= 0 && le >= 0 && ge > le)
        return false;
    r->ge = (uint8_t)(ge < 0 ? 0 : ge);
    r->le = (uint8_t)(le < 0 ? 0 : le);
    return true;
}

/* "ip ip-prefix|ipv6-prefix NAME [index N] permit|deny ..." */
static void vp_prefix(struct plx *p, const struct cfg_node *n, long *last)
{
    uint8_t fam = model_tok_is(n, 1, "ipv6-prefix") ? 6 : 4;
    struct sv name = sv_unquote(model_tok(n, 2));
    size_t i = 3;
    long seq = *last + 10; /* unnumbered entries go on in steps of 10 */
    if (model_tok_is(n, i, "index")) {
        seq = model_sv_long(model_tok(n, i + 1), seq);
        i += 2;
    }
    bool permit = model_tok_is(n, i, "permit");
    if (!permit && !model_tok_is(n, i, "deny"))
        return; /* description */
    *last = seq;
    struct prefix_range r;
    bool ok = vp_range(n, i + 1, fam, &r);
    plx_entry(p, name, fam, seq, permit, ok ? &r : NULL, n);
}

/* One statement of a route-policy node. */
static void vp_node_stmt(struct plx_clause *c, const struct cfg_node *s)
{
    if (model_tok_is(s, 0, "if-match") && model_tok_is(s, 1, "ip-prefix"))
        plx_match_list(c, sv_unquote(model_tok(s, 2)), 4);
    else if (model_tok_is(s, 0, "if-match") && model_tok_is(s, 1, "ipv6") &&
             model_tok_is(s, 2, "address") && model_tok_is(s, 3, "prefix-list"))
        plx_match_list(c, sv_unquote(model_tok(s, 4)), 6);
    else if (model_tok_is(s, 0, "if-match"))
        plx_match_other(c); /* ACL, community, AS path, ...: not decided */
    else if (model_tok_is(s, 0, "goto") || model_tok_is(s, 0, "call"))
        plx_action_unknown(c);
}

/* "route-policy NAME permit|deny node N" and its clauses. */
static void vp_route_policy(struct plx *p, const struct cfg_node *n)
{
    bool permit = model_tok_is(n, 2, "permit");
    if ((!permit && !model_tok_is(n, 2, "deny")) || !model_tok_is(n, 3, "node"))
        return;
    struct plx_clause *c =
        plx_clause(p, sv_unquote(model_tok(n, 1)), model_sv_long(model_tok(n, 4), 0), permit, n);
    if (!c)
        return;
    for (const struct cfg_node *s = n->child; s; s = s->next)
        if (!(s->flags & CFG_INACTIVE))
            vp_node_stmt(c, s);
}

bool vpol_read(struct plx *p, const struct cfg_node *n, long *last_index)
{
    if (model_tok_is(n, 0, "ip") &&
        (model_tok_is(n, 1, "ip-prefix") || model_tok_is(n, 1, "ipv6-prefix"))) {
        vp_prefix(p, n, last_index);
        return true;
    }
    if (model_tok_is(n, 0, "route-policy")) {
        vp_route_policy(p, n);
        return true;
    }
    return false;
}

void vpol_import(struct plx_bind *b, struct sv kind, struct sv name, int fam)
{
    int f = fam == 6;
    if (sv_eq_cstr(kind, "route-policy"))
        b->map[f] = name;
    else if (sv_eq_cstr(kind, "ip-prefix") || sv_eq_cstr(kind, "ipv6-prefix"))
        b->list[f] = name;
    else
        b->unknown[f] = true; /* route-filter (XPL), ACL, AS-path filter: not read */
}

bool vpol_wide(struct arena *a, struct vpol_wide **w, size_t *n, const struct cfg_node *c,
               struct sv vrf, int fam)
{
    size_t nt = sv_token_count(cfg_text(c));
    if (!model_tok_is(c, 0, "filter-policy") || !nt || !model_tok_is(c, nt - 1, "import") || !fam)
        return false;
    if (*n < PLX_WIDE_MAX)
        *MODEL_PUSH(a, *w, *n) = (struct vpol_wide){vrf, fam, c};
    return true;
}

/* The family-wide filter-policy of the VPN for family f, or NULL. */
static const struct cfg_node *wide_for(const struct vpol_wide *w, size_t nw, struct sv vrf, int f)
{
    for (size_t i = 0; i < nw; i++)
        if (sv_eq(w[i].vrf, vrf) && (w[i].fam == 6) == (f == 1))
            return w[i].node;
    return NULL;
}

/* Name the family-wide filter (NULL: none) in nb->in_also. */
static void also_wide(struct arena *a, struct bgp_neighbor *nb, const struct cfg_node *wide)
{
    if (!wide)
        return;
    struct sv t = cfg_text(wide);
    nb->in_also = arena_printf(a, "%s%sthe family's '%.*s'", nb->in_also ? nb->in_also : "",
                               nb->in_also ? ", and " : "", (int)t.n, t.p);
}

void vpol_summary(struct arena *a, struct plx *p, const struct plx_bind *own,
                  const struct plx_bind *group, const struct vpol_wide *w, size_t nw,
                  struct bgp_neighbor *nb)
{
    struct sv vrf = sv_from_cstr(nb->vrf ? nb->vrf : "");
    if (!nb->in_policy) { /* only the family-wide filters, if any, apply */
        for (int f = 0; f < 2; f++)
            also_wide(a, nb, wide_for(w, nw, vrf, f));
        return;
    }
    struct plx_bind b = {.name = nb->in_policy, .node = nb->in_policy_node};
    bool inherits = false;
    for (int f = 0; f < 2; f++) {
        bool mine = own->map[f].n || own->list[f].n || own->unknown[f];
        const struct plx_bind *from = mine || !group ? own : group;
        b.map[f] = from->map[f];
        b.list[f] = from->list[f];
        b.unknown[f] = from->unknown[f];
        /* the group's filters of the kinds the peer does not set itself */
        bool other = mine && group &&
                     ((group->map[f].n && !own->map[f].n) ||
                      (group->list[f].n && !own->list[f].n) || group->unknown[f]);
        const struct cfg_node *wide = wide_for(w, nw, vrf, f);
        b.also[f] = wide || other;
        inherits |= other;
        also_wide(a, nb, wide);
    }
    if (inherits)
        nb->in_also = arena_printf(a, "%s%sgroup %s's filters", nb->in_also ? nb->in_also : "",
                                   nb->in_also ? ", and " : "", nb->group);
    plx_summary(p, &b, &nb->in_summary);
}
