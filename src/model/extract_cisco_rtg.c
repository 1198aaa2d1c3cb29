/*
 * extract_cisco_rtg.c - routing-security facts of the Cisco family (IOS,
 * IOS XR, NX-OS, ASA, EOS) for struct rtg_facts: BGP neighbour logging, LDP
 * authentication, MPLS TTL propagation and edge role, HSRP/VRRP/GLBP
 * authentication, key-chain lifetimes and RPKI.
 *
 * Runs after the statement-table pass (the BGP neighbours are known then)
 * as a walk of its own over the top-level blocks it needs. Defaults follow
 * checks.md: IOS and IOS XR log BGP neighbour changes unless told not to
 * (section 18); NX-OS only with log-neighbor-changes (CIS NX-OS benchmark:
 * "Default Value: Not enabled"); EOS and ASA defaults are not documented
 * there, so absence is unknown.
 */
#include "model/extract_cisco.h"
#include "model/extract_rtg.h"

#define RTG_DEPTH 6 /* nesting followed inside one block */

/* Does block b hold a direct child whose text (after any "no") starts with words? */
static const struct cfg_node *child_stmt(const struct cfg_node *b, const char *words, bool *neg)
{
    for (const struct cfg_node *c = b ? b->child : NULL; c; c = c->next) {
        if (!active(c))
            continue;
        bool ng;
        struct sv s = stmt(c, &ng);
        if (starts(s, words)) {
            if (neg)
                *neg = ng;
            return c;
        }
    }
    return NULL;
}

/* ------------------------------------------------------------ BGP logging */

struct bgp_log_walk {
    const struct cfg_node *on, *off;
};

static void bgp_log_walk(struct cx *x, const struct cfg_node *b, struct bgp_log_walk *w,
                         unsigned depth)
{
    if (depth > RTG_DEPTH)
        return;
    for (const struct cfg_node *c = b->child; c; c = c->next) {
        if (!active(c))
            continue;
        bool neg;
        struct sv s = stmt(c, &neg);
        bool xr_off =
            x->d == DIALECT_CISCO_IOSXR && (starts(s, "bgp log neighbor changes disable") ||
                                            starts(s, "log neighbor changes disable"));
        if (xr_off && !neg)
            w->off = w->off ? w->off : c;
        else if (starts(s, "bgp log-neighbor-changes"))
            *(neg ? &w->off : &w->on) = c;
        if (c->child)
            bgp_log_walk(x, c, w, depth + 1);
    }
}

/* NX-OS: a neighbour logs when it, its VRF (or the default VRF's router
 * level) or an inherited peer template says log-neighbor-changes. */
static const struct cfg_node *nxos_nbr_logs(const struct cfg_node *rb,
                                            const struct bgp_neighbor *nb)
{
    const struct cfg_node *n = nb->node, *hit;
    bool neg = false;
    if ((hit = child_stmt(n, "log-neighbor-changes", &neg)))
        return neg ? NULL : hit;
    const struct cfg_node *up = n ? n->parent : NULL;
    if (up && (up == rb || starts(cfg_text(up), "vrf")) &&
        (hit = child_stmt(up, "log-neighbor-changes", &neg)) && !neg)
        return hit;
    const struct cfg_node *inh = child_stmt(n, "inherit peer", NULL);
    if (!inh)
        return NULL;
    struct sv t = tk(cfg_text(inh), 2);
    for (const struct cfg_node *c = rb->child; c; c = c->next) {
        struct sv s = cfg_text(c);
        if (active(c) && starts(s, "template peer") && sv_same(tk(s, 2), t))
            return (hit = child_stmt(c, "log-neighbor-changes", &neg)) && !neg ? hit : NULL;
    }
    return NULL;
}

static void nxos_bgp_log(struct cx *x, const struct cfg_node *rb)
{
    struct device_model *m = x->m;
    struct fact_bool *f = &m->rtg.bgp_log;
    size_t without = 0;
    const char *first = NULL;
    for (size_t i = 0; i < m->bgp.nneighbors; i++) {
        const struct bgp_neighbor *nb = &m->bgp.neighbors[i];
        if (nb->shutdown)
            continue;
        const struct cfg_node *hit = nxos_nbr_logs(rb, nb);
        if (hit) {
            fact_lines_add(&f->ev, hit);
        } else {
            if (!without++)
                first = nb->addr;
            fact_lines_add(&f->ev, nb->node);
        }
    }
    if (!without) {
        f->state = FACT_ON;
        return;
    }
    f->state = FACT_OFF;
    f->why = arena_printf(x->a,
                          "%zu neighbour%s (first %s) without log-neighbor-changes at the "
                          "neighbour, its VRF or router level or an inherited template (NX-OS "
                          "does not log neighbour changes by default)",
                          without, without == 1 ? "" : "s", first ? first : "?");
}

static void bgp_logging(struct cx *x, const struct cfg_node *rb)
{
    struct fact_bool *f = &x->m->rtg.bgp_log;
    if (x->d == DIALECT_CISCO_NXOS) {
        nxos_bgp_log(x, rb);
        return;
    }
    struct bgp_log_walk w = {0};
    bgp_log_walk(x, rb, &w, 0);
    if (w.off) {
        fact_set(f, FACT_OFF, w.off);
    } else if (w.on) {
        fact_set(f, FACT_ON, w.on);
    } else if (x->d == DIALECT_CISCO_IOS) {
        fact_default(f, FACT_ON, "IOS logs BGP neighbour changes by default (since 12.1)");
    } else if (x->d == DIALECT_CISCO_IOSXR) {
        fact_default(f, FACT_ON, "IOS XR logs BGP neighbour changes by default");
    } else {
        fact_unknown(f, x->d == DIALECT_ARISTA_EOS
                            ? "no bgp log-neighbor-changes statement and the EOS default is not "
                              "documented here; 'show running-config all | section router bgp' "
                              "tells"
                            : "no bgp log-neighbor-changes statement and the ASA default is not "
                              "documented here; 'show running-config all router bgp' tells");
    }
}

/* ------------------------------------------------------------ entry */

void cx_extract_rtg(struct cx *x)
{
    const struct cfg_node *rb = x->bgp_node;
    if (rb && x->m->bgp.configured)
        bgp_logging(x, rb);
}
