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

/* ------------------------------------------------------------ first-hop redundancy */

/* The authentication words after "authentication": md5 / ietf-md5 / text / a bare string. */
static enum rtg_auth auth_kind(struct sv w)
{
    if (sv_eq_cstr(w, "md5") || sv_eq_cstr(w, "ietf-md5"))
        return RTG_AUTH_MD5;
    return w.n ? RTG_AUTH_TEXT : RTG_AUTH_NONE;
}

static void fhrp_auth(struct fhrp_group *g, enum rtg_auth a, const struct cfg_node *n)
{
    if (!g)
        return;
    g->auth = a;
    g->auth_node = n;
}

/* IOS/EOS one-line forms: "standby [G] ip|authentication ...", "vrrp G ...", "glbp G ...". */
static void fhrp_line(struct cx *x, struct sv ifname, struct sv s, const struct cfg_node *c)
{
    static const char *const protos[] = {"standby", "vrrp", "glbp"};
    static const char *const names[] = {"hsrp", "vrrp", "glbp"};
    for (size_t p = 0; p < 3; p++) {
        if (!starts(s, protos[p]))
            continue;
        struct sv g = tk(s, 1);
        size_t k = 2;
        if (!model_sv_is_digits(g)) {
            if (p != 0)
                return; /* vrrp/glbp always name the group */
            g = sv_make("0", 1);
            k = 1;
        }
        struct sv w = tk(s, k);
        if (sv_eq_cstr(w, "address-family") || (sv_eq_cstr(w, "version") && tk_is(s, k + 1, "3"))) {
            struct fhrp_group *f = rtg_fhrp(x->a, x->m, "vrrpv3", ifname, g, c);
            if (f)
                f->auth = RTG_AUTH_UNSUPPORTED;
            return;
        }
        bool defines = sv_eq_cstr(w, "ip") || sv_eq_cstr(w, "ipv4") || sv_eq_cstr(w, "ipv6");
        if (sv_eq_cstr(w, "authentication"))
            fhrp_auth(rtg_fhrp(x->a, x->m, names[p], ifname, g, c), auth_kind(tk(s, k + 1)), c);
        else if (defines)
            (void)rtg_fhrp(x->a, x->m, names[p], ifname, g, c);
        return;
    }
}

/* NX-OS blocks "hsrp G" / "vrrp G" / "vrrpv3 G address-family ..." under an interface. */
static void fhrp_block(struct cx *x, struct sv ifname, struct sv s, const struct cfg_node *c)
{
    bool v3 = starts(s, "vrrpv3");
    const char *proto = v3 ? "vrrpv3" : starts(s, "hsrp") ? "hsrp" : "vrrp";
    struct sv g = tk(s, 1);
    if (!model_sv_is_digits(g))
        return;
    struct fhrp_group *f = rtg_fhrp(x->a, x->m, proto, ifname, g, c);
    if (!f)
        return;
    if (v3) {
        f->auth = RTG_AUTH_UNSUPPORTED;
        return;
    }
    bool neg;
    const struct cfg_node *a = child_stmt(c, "authentication", &neg);
    if (a && !neg)
        fhrp_auth(f, auth_kind(tk(cfg_text(a), 1)), a);
}

static void fhrp_interface(struct cx *x, const struct cfg_node *n)
{
    struct sv ifname = tk(cfg_text(n), 1);
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        bool neg;
        struct sv s = stmt(c, &neg);
        if (!active(c) || neg)
            continue;
        if (c->child && (starts(s, "hsrp") || starts(s, "vrrp") || starts(s, "vrrpv3")))
            fhrp_block(x, ifname, s, c);
        else
            fhrp_line(x, ifname, s, c);
    }
}

/* IOS XR "router hsrp|vrrp" > interface X > address-family > hsrp|vrrp G [version N]. */
static void xr_fhrp_group(struct cx *x, struct sv ifname, const struct cfg_node *c, bool hsrp)
{
    struct sv s = cfg_text(c);
    struct sv g = tk(s, 1);
    if (!model_sv_is_digits(g))
        return;
    bool v3 = !hsrp && tk_is(s, 2, "version") && tk_is(s, 3, "3");
    struct fhrp_group *f = rtg_fhrp(x->a, x->m,
                                    hsrp ? "hsrp"
                                    : v3 ? "vrrpv3"
                                         : "vrrp",
                                    ifname, g, c);
    if (!f)
        return;
    if (v3) {
        f->auth = RTG_AUTH_UNSUPPORTED;
        return;
    }
    const struct cfg_node *a = child_stmt(c, hsrp ? "authentication" : "text-authentication", NULL);
    if (a)
        fhrp_auth(f, hsrp ? auth_kind(tk(cfg_text(a), 1)) : RTG_AUTH_TEXT, a);
}

static void xr_fhrp(struct cx *x, const struct cfg_node *n, bool hsrp)
{
    for (const struct cfg_node *i = n->child; i; i = i->next) {
        if (!active(i) || !starts(cfg_text(i), "interface"))
            continue;
        struct sv ifname = tk(cfg_text(i), 1);
        for (const struct cfg_node *af = i->child; af; af = af->next)
            for (const struct cfg_node *g = af->child; active(af) && g; g = g->next)
                if (active(g) && starts(cfg_text(g), hsrp ? "hsrp" : "vrrp"))
                    xr_fhrp_group(x, ifname, g, hsrp);
    }
}

/* ------------------------------------------------------------ entry */

void cx_extract_rtg(struct cx *x)
{
    const struct cfg_node *rb = x->bgp_node;
    if (rb && x->m->bgp.configured)
        bgp_logging(x, rb);
    for (const struct cfg_node *n = x->t->first; n; n = n->next) {
        if (!active(n))
            continue;
        struct sv s = cfg_text(n);
        if (starts(s, "interface"))
            fhrp_interface(x, n);
        else if (x->d == DIALECT_CISCO_IOSXR &&
                 (starts(s, "router hsrp") || starts(s, "router vrrp")))
            xr_fhrp(x, n, starts(s, "router hsrp"));
    }
}
