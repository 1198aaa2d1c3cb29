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

/* ------------------------------------------------------------ MPLS, LDP, edge role */

struct cx_mpls {
    const struct cfg_node *mpls, *ldp, *tdp;
    const struct cfg_node *ldp_all;  /* password fallback / required / XR global password */
    const struct cfg_node *ldp_some; /* per-neighbour or per-ACL passwords */
    const struct cfg_node *ttl_off, *ttl_local_only;
    const struct cfg_node *vrf_rd, *l2vpn;
    const struct cfg_node *vrf_if; /* an interface in a customer (non-management) VRF */
};

/* IOS/NX-OS "mpls ldp password|neighbor ..." (global statements). */
static void ios_mpls_global(struct cx_mpls *s, struct sv t, bool neg, const struct cfg_node *c)
{
    if (starts(t, "mpls ip propagate-ttl") && neg) {
        if (tk_is(t, 3, "local"))
            s->ttl_local_only = c;
        else
            s->ttl_off = c;
    } else if (neg) {
        return;
    } else if (starts(t, "mpls label protocol tdp")) {
        s->tdp = c;
    } else if (starts(t, "mpls ldp password fallback") ||
               (starts(t, "mpls ldp password required") && !tk_is(t, 4, "for"))) {
        s->ldp_all = c;
    } else if (starts(t, "mpls ldp password option") ||
               (starts(t, "mpls ldp neighbor") && tk_is(t, 4, "password")) ||
               starts(t, "mpls ldp password required")) {
        s->ldp_some = s->ldp_some ? s->ldp_some : c;
    } else if (starts(t, "mpls ldp") && !s->ldp) {
        s->ldp = c;
    }
}

/* NX-OS "mpls ldp configuration" / EOS "mpls ldp" / XR "mpls ldp" blocks. */
static void ldp_block(struct cx_mpls *s, const struct cfg_node *b, unsigned depth)
{
    if (depth > RTG_DEPTH)
        return;
    for (const struct cfg_node *c = b->child; c; c = c->next) {
        bool neg;
        struct sv t = stmt(c, &neg);
        if (!active(c) || neg)
            continue;
        bool nbr = starts(t, "neighbor");
        bool global_pw = starts(t, "password") || starts(t, "neighbor password") ||
                         (nbr && depth > 0 && starts(t, "password"));
        if (global_pw && !tk_is(t, nbr ? 2 : 1, "disable") && !tk_is(t, nbr ? 2 : 1, "option"))
            s->ldp_all = c;
        else if (starts(t, "password option") || (nbr && tk_is(t, 2, "password")))
            s->ldp_some = s->ldp_some ? s->ldp_some : c;
        if (c->child && nbr && tk(t, 1).n == 0) {
            /* XR "neighbor" block: its password applies to every neighbour */
            bool n2;
            const struct cfg_node *p = child_stmt(c, "password", &n2);
            if (p && !n2 && !tk_is(cfg_text(p), 1, "disable"))
                s->ldp_all = p;
        } else if (c->child) {
            ldp_block(s, c, depth + 1);
        }
    }
}

/* A VRF with a route distinguisher ("rd" anywhere in the block). */
static const struct cfg_node *vrf_rd(const struct cfg_node *b, unsigned depth)
{
    for (const struct cfg_node *c = b->child; c && depth <= RTG_DEPTH; c = c->next) {
        if (!active(c))
            continue;
        if (starts(cfg_text(c), "rd") && tk(cfg_text(c), 1).n)
            return c;
        const struct cfg_node *r = c->child ? vrf_rd(c, depth + 1) : NULL;
        if (r)
            return r;
    }
    return NULL;
}

/* An interface bound to a VRF that is not a management VRF: a customer or
 * service attachment ("vrf forwarding X", "ip vrf forwarding X", "vrf member X", "vrf X"). */
static bool customer_vrf(const struct cx *x, const struct cfg_node *itf, struct sv t)
{
    struct sv v;
    if (starts(t, "vrf forwarding") || starts(t, "vrf member"))
        v = tk(t, 2);
    else if (starts(t, "ip vrf forwarding"))
        v = tk(t, 3);
    else if (starts(t, "vrf") && (x->d == DIALECT_CISCO_IOSXR || x->d == DIALECT_ARISTA_EOS))
        v = tk(t, 1);
    else
        return false;
    struct sv name = tk(cfg_text(itf), 1);
    return v.n && !model_sv_icontains(v, "mgmt") && !model_sv_icontains(v, "management") &&
           !model_sv_icontains(name, "mgmt") && !model_sv_icontains(name, "management");
}

static bool ipsec_ospf_key(struct sv t)
{
    return starts(t, "ospfv3 authentication ipsec") || starts(t, "ospfv3 encryption ipsec") ||
           starts(t, "ipv6 ospf authentication ipsec") || starts(t, "ipv6 ospf encryption ipsec");
}

static void mpls_interface(struct cx *x, struct cx_mpls *s, const struct cfg_node *n)
{
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        bool neg;
        struct sv t = stmt(c, &neg);
        if (!active(c) || neg)
            continue;
        if (starts(t, "mpls ip") || starts(t, "mpls traffic-eng tunnels") ||
            starts(t, "mpls bgp forwarding")) {
            s->mpls = s->mpls ? s->mpls : c;
            if (starts(t, "mpls ip") && !s->ldp)
                s->ldp = c;
        } else if ((starts(t, "xconnect") || starts(t, "l2transport")) && !s->l2vpn) {
            s->l2vpn = c;
        } else if (!s->vrf_if && customer_vrf(x, n, t)) {
            s->vrf_if = c;
        } else if (ipsec_ospf_key(t)) {
            /* OSPFv3 IPsec authentication/encryption: a static key outside any chain */
            size_t nt = sv_token_count(t);
            struct sv v = tk(t, nt - 1);
            model_add_secret(x->a, x->m, "ospf-key",
                             model_secret(secret_classify_cisco(tk(t, nt - 2), v), v, c));
            cx_ospf_ipsec(x, n, c, t);
        }
    }
}

static void mpls_top(struct cx *x, struct cx_mpls *s, const struct cfg_node *n)
{
    bool neg;
    struct sv t = stmt(n, &neg);
    if (starts(t, "interface")) {
        mpls_interface(x, s, n);
    } else if (starts(t, "vrf") || starts(t, "ip vrf") || starts(t, "router bgp")) {
        const struct cfg_node *rd = s->vrf_rd ? NULL : vrf_rd(n, 0);
        if (rd && (!starts(t, "router bgp") || rd->parent != n))
            s->vrf_rd = rd;
    } else if (starts(t, "l2vpn") || starts(t, "l2 vfi") || starts(t, "pseudowire-class")) {
        s->l2vpn = s->l2vpn ? s->l2vpn : n;
    } else if (starts(t, "mpls ip-ttl-propagate disable") && !neg) {
        /* IOS XR: "disable" alone or "forwarded" hides the core; "local" does not */
        *(tk_is(t, 3, "local") ? &s->ttl_local_only : &s->ttl_off) = n;
    } else if (starts(t, "mpls ldp") && n->child) {
        s->ldp = s->ldp ? s->ldp : n;
        s->mpls = s->mpls ? s->mpls : n;
        ldp_block(s, n, 0);
    } else if ((starts(t, "mpls traffic-eng") || starts(t, "mpls ip")) && !neg && !s->mpls &&
               x->d != DIALECT_CISCO_IOS) {
        s->mpls = n; /* global "mpls ip" is the IOS default and enables nothing by itself */
    } else if (starts(t, "feature mpls") && !neg) {
        s->mpls = s->mpls ? s->mpls : n;
        if (starts(t, "feature mpls ldp"))
            s->ldp = s->ldp ? s->ldp : n;
    } else if (starts(t, "mpls")) {
        ios_mpls_global(s, t, neg, n);
    }
}

static void mpls_settle(struct cx *x, const struct cx_mpls *s)
{
    struct rtg_facts *r = &x->m->rtg;
    if (!s->mpls)
        return;
    r->mpls_node = s->mpls;
    if (s->ldp && !s->tdp) {
        r->ldp_node = s->ldp;
        if (s->ldp_all) {
            fact_set(&r->ldp_auth, FACT_ON, s->ldp_all);
        } else if (s->ldp_some) {
            fact_set(&r->ldp_auth, FACT_OFF, s->ldp_some);
            r->ldp_auth.why = "passwords are set for listed neighbours only, with no fallback or "
                              "required password: sessions with any other LDP peer are "
                              "accepted unauthenticated";
        } else {
            fact_default(&r->ldp_auth, FACT_OFF, "no LDP password is configured");
            fact_lines_add(&r->ldp_auth.ev, s->ldp);
        }
    }
    rtg_settle_edge(x->m, s->vrf_rd ? s->vrf_rd : s->vrf_if, s->l2vpn);
    if (s->ttl_off) {
        fact_set(&r->ttl_propagate, FACT_OFF, s->ttl_off);
    } else if (x->d == DIALECT_CISCO_IOS || x->d == DIALECT_CISCO_IOSXR ||
               x->d == DIALECT_CISCO_NXOS) {
        /* NX-OS too: its Switch RTR STIG (CISC-RT-000620, V-221116, checks.md
         * [S10]) states that propagation is the default and makes a switch
         * without "no mpls ip propagate-ttl" a finding */
        fact_default(&r->ttl_propagate, FACT_ON,
                     s->ttl_local_only ? "TTL propagation is disabled for locally generated "
                                         "traffic only; forwarded traffic still copies the IP TTL"
                                       : "the IP TTL is copied into the label by default");
        fact_lines_add(&r->ttl_propagate.ev, s->ttl_local_only);
    } else {
        fact_unknown(&r->ttl_propagate,
                     "checks.md marks the EOS TTL-propagation setting (verify) and no "
                     "statement here changes it; a traceroute through the core tells");
    }
}

/* ------------------------------------------------------------ key chains */

/* "key chain K" > "key N" > "send-lifetime ..." / "accept-lifetime ..." (IOS, XR, NX-OS,
 * EOS); MACsec and tunnel-encryption chains are not routing keys. */
static void key_chain(struct cx *x, const struct cfg_node *n, struct sv s)
{
    struct sv chain = tk(s, 2);
    if (chain.n == 0 || tk(s, 3).n)
        return;
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        struct sv t = cfg_text(c);
        if (!active(c) || !starts(t, "key") || !model_sv_is_digits(tk(t, 1)))
            continue;
        struct rtg_key *k = rtg_key(x->a, x->m, chain, tk(t, 1), c);
        for (const struct cfg_node *l = c->child; k && l; l = l->next) {
            struct sv u = cfg_text(l);
            bool send = starts(u, "send-lifetime"), acc = starts(u, "accept-lifetime");
            if (!active(l) || !(send || acc))
                continue;
            long d = rtg_cisco_lifetime(u, 1);
            *(send ? &k->send_days : &k->accept_days) = d;
            *(send ? &k->send_node : &k->accept_node) = l;
            if (d == RTG_LIFE_UNREAD)
                k->why = "a lifetime in a form not read";
        }
    }
}

/* An EOS lifetime point, "MM/DD/YYYY hh:mm:ss" or "YYYY-MM-DD hh:mm:ss", from
 * token *i; the day, or INT32_MIN when it is neither. */
static long eos_date(struct sv s, size_t *i)
{
    struct sv d = tk(s, *i), t = tk(s, *i + 1);
    long day = INT32_MIN;
    if (d.n != 10 || t.n == 0 || !memchr(t.p, ':', t.n))
        return day;
    if (d.p[4] == '-')
        day = rtg_ymd_day(d);
    else if (d.p[2] == '/' && d.p[5] == '/')
        day = rtg_days(model_sv_long(sv_make(d.p + 6, 4), -1), model_sv_long(sv_make(d.p, 2), -1),
                       model_sv_long(sv_make(d.p + 3, 2), -1));
    if (day != INT32_MIN)
        *i += 2;
    return day;
}

/* The lifetime after the keyword at token i: "infinite" or "START END". */
static long eos_lifetime(struct sv s, size_t i)
{
    if (sv_eq_cstr(tk(s, i + 1), "infinite"))
        return RTG_LIFE_INFINITE;
    size_t j = i + 1;
    long start = eos_date(s, &j), end = start == INT32_MIN ? INT32_MIN : eos_date(s, &j);
    return end == INT32_MIN || end < start ? RTG_LIFE_UNREAD : end - start;
}

/* "secret NAME TYPE VALUE receive-lifetime L transmit-lifetime L [local-time]",
 * L being "infinite" or a start and an end (EOS shared-secret profiles, the
 * key chains of BGP TCP-AO). The secret joins the device's other secrets. */
static void eos_secret(struct cx *x, struct sv profile, const struct cfg_node *c)
{
    struct sv t = cfg_text(c);
    model_add_secret(x->a, x->m, "key-chain", cx_cisco_secret(x, t, 2, c, NULL));
    struct rtg_key *k = rtg_key(x->a, x->m, profile, tk(t, 1), c);
    if (!k)
        return;
    k->send_node = k->accept_node = c;
    k->send_days = k->accept_days = RTG_LIFE_UNREAD;
    for (size_t i = 3; i < 32 && tk(t, i).n; i++) {
        if (sv_eq_cstr(tk(t, i), "receive-lifetime"))
            k->accept_days = eos_lifetime(t, i);
        else if (sv_eq_cstr(tk(t, i), "transmit-lifetime"))
            k->send_days = eos_lifetime(t, i);
    }
    if (k->send_days == RTG_LIFE_UNREAD || k->accept_days == RTG_LIFE_UNREAD)
        k->why = "a secret lifetime in a form not read ('show management security session "
                 "shared-secret profile' lists them)";
}

/* "management security" > "session shared-secret profile P" > "secret ...". */
static void eos_shared_secret(struct cx *x, const struct cfg_node *n)
{
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c) || !starts(cfg_text(c), "session shared-secret profile"))
            continue;
        for (const struct cfg_node *l = c->child; l; l = l->next)
            if (active(l) && starts(cfg_text(l), "secret"))
                eos_secret(x, tk(cfg_text(c), 3), l);
    }
}

/* ------------------------------------------------------------ RPKI */

/* RPKI caches under router bgp: IOS "bgp rpki server tcp X ...", XR/NX-OS "rpki server X",
 * EOS "rpki cache C" > "host X". */
static void rpki_walk(struct cx *x, const struct cfg_node *b, unsigned depth)
{
    for (const struct cfg_node *c = b->child; c && depth <= RTG_DEPTH; c = c->next) {
        bool neg;
        struct sv t = stmt(c, &neg);
        if (!active(c) || neg)
            continue;
        struct sv h = sv_make("", 0);
        if (starts(t, "bgp rpki server tcp"))
            h = tk(t, 4);
        else if (starts(t, "rpki server"))
            h = tk(t, 2);
        else if (starts(t, "host") && starts(cfg_text(b), "rpki cache"))
            h = tk(t, 1);
        if (h.n)
            model_add_host(x->a, &x->m->rtg.rpki_caches, &x->m->rtg.nrpki_caches, h, c);
        if (c->child)
            rpki_walk(x, c, depth + 1);
    }
}

/* ------------------------------------------------------------ entry */

void cx_extract_rtg(struct cx *x)
{
    const struct cfg_node *rb = x->bgp_node;
    struct cx_mpls mp = {0};
    if (rb && x->m->bgp.configured) {
        bgp_logging(x, rb);
        rpki_walk(x, rb, 0);
    }
    for (const struct cfg_node *n = x->t->first; n; n = n->next) {
        if (!active(n))
            continue;
        struct sv s = cfg_text(n);
        mpls_top(x, &mp, n);
        if (starts(s, "interface"))
            fhrp_interface(x, n);
        else if (starts(s, "key chain") && n->child)
            key_chain(x, n, s);
        else if (x->d == DIALECT_ARISTA_EOS && starts(s, "management security"))
            eos_shared_secret(x, n);
        else if (x->d == DIALECT_CISCO_IOSXR &&
                 (starts(s, "router hsrp") || starts(s, "router vrrp")))
            xr_fhrp(x, n, starts(s, "router hsrp"));
    }
    mpls_settle(x, &mp);
}
