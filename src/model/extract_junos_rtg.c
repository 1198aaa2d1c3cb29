/*
 * extract_junos_rtg.c - routing-security facts of Junos for struct
 * rtg_facts: BGP log-updown, LDP session authentication, MPLS TTL
 * propagation and edge role, VRRP authentication, key-chain rotation and
 * RPKI validation sessions.
 *
 * extract_junos.c hands every statement path here (configuration groups
 * already expanded), so brace and set forms give the same facts; the
 * verdict-shaping work is done in jrtg_finish once the BGP neighbours are
 * known. Paths under "routing-instances R" are read as the instance's.
 */
#include "model/extract_rtg.h"

#include <stdint.h>
#include <string.h>

#define JR_MAX 4096 /* statements of one kind kept */

/* A level that says log-updown: instance, group, neighbour (empty = any). */
struct jr_log {
    struct sv inst, group, nbr;
    const struct cfg_node *node;
};

struct jrtg {
    struct jr_log *logs;
    size_t nlogs;
    const struct cfg_node *vrrp_v3; /* protocols vrrp version-3 */
    const struct cfg_node *mpls, *ldp, *ldp_all, *ldp_some, *ttl_off, *vrf, *l2vpn;
};

static struct jrtg *state(struct arena *a, struct jrtg **st)
{
    if (!*st)
        *st = arena_alloc(a, sizeof(**st));
    return *st;
}

static bool last_is(const struct model_path *l, const char *w)
{
    return l->n > 0 && sv_eq_cstr(l->tok[l->n - 1], w) && l->own[l->n - 1] == l->node;
}

/* "protocols bgp [group G [neighbor N]] log-updown" from token i. */
static void bgp_line(struct arena *a, struct jrtg *s, const struct model_path *l, size_t i,
                     struct sv inst)
{
    if (!last_is(l, "log-updown") || s->nlogs >= JR_MAX)
        return;
    struct jr_log g = {.inst = inst, .node = l->node};
    if (model_path_eq(l, i, "group") && i + 1 < l->n) {
        g.group = sv_unquote(l->tok[i + 1]);
        i += 2;
    }
    if (model_path_eq(l, i, "neighbor") && i + 1 < l->n) {
        g.nbr = sv_unquote(l->tok[i + 1]);
        i += 2;
    }
    if (i + 1 != l->n)
        return;
    *MODEL_PUSH(a, s->logs, s->nlogs) = g;
}

/* "interfaces IF unit U family inet|inet6 address A vrrp-group|vrrp-inet6-group G ...". */
static void vrrp_line(struct arena *a, struct device_model *m, const struct model_path *l)
{
    size_t v = 0;
    for (size_t i = 2; i + 1 < l->n && !v; i++)
        if (model_path_eq(l, i, "vrrp-group") || model_path_eq(l, i, "vrrp-inet6-group"))
            v = i;
    if (!v || !model_path_eq(l, 2, "unit"))
        return;
    struct sv ifn = sv_unquote(l->tok[1]), unit = l->tok[3];
    const char *name = arena_printf(a, "%.*s.%.*s", (int)ifn.n, ifn.p, (int)unit.n, unit.p);
    bool v6 = model_path_eq(l, v, "vrrp-inet6-group");
    struct fhrp_group *g = rtg_fhrp(a, m, v6 ? "vrrpv3" : "vrrp", sv_from_cstr(name), l->tok[v + 1],
                                    model_path_own(l, v + 1));
    if (!g)
        return;
    if (v6) {
        g->auth = RTG_AUTH_UNSUPPORTED; /* IPv6 VRRP is version 3: no authentication */
        return;
    }
    if (model_path_eq(l, v + 2, "authentication-type") && v + 3 < l->n) {
        g->auth = sv_eq_cstr(l->tok[v + 3], "md5") ? RTG_AUTH_MD5 : RTG_AUTH_TEXT;
        g->auth_node = l->node;
    }
}

/* "protocols mpls|ldp ...": MPLS, LDP sessions and their keys, TTL propagation. */
static void mpls_line(struct jrtg *s, const struct model_path *l)
{
    size_t k;
    if (model_path_eq(l, 1, "mpls")) {
        s->mpls = s->mpls ? s->mpls : model_path_own(l, 1);
        if (last_is(l, "no-propagate-ttl"))
            s->ttl_off = l->node;
        return;
    }
    s->ldp = s->ldp ? s->ldp : model_path_own(l, 1);
    bool keyed =
        l->own[l->n - 1] == l->node && (model_path_eq(l, l->n - 2, "authentication-key") ||
                                        model_path_eq(l, l->n - 2, "authentication-key-chain"));
    if (!keyed)
        return;
    /* a session-group covering every address authenticates every session */
    if (model_path_match(l, 2, "session-group", &k) && k < l->n &&
        (sv_eq_cstr(sv_unquote(l->tok[k]), "0.0.0.0/0") ||
         sv_eq_cstr(sv_unquote(l->tok[k]), "::/0")))
        s->ldp_all = l->node;
    else
        s->ldp_some = s->ldp_some ? s->ldp_some : l->node;
}

/* "routing-instances R instance-type vrf|l2vpn|vpls|evpn", "protocols l2circuit". */
static void edge_line(struct jrtg *s, const struct model_path *l)
{
    if (model_path_eq(l, 0, "routing-instances") && model_path_eq(l, 2, "instance-type") &&
        l->n == 4 && !s->vrf && sv_eq_cstr(l->tok[3], "vrf"))
        s->vrf = l->node;
    else if (model_path_eq(l, 0, "routing-instances") && model_path_eq(l, 2, "instance-type") &&
             l->n == 4 && !s->l2vpn &&
             (sv_eq_cstr(l->tok[3], "l2vpn") || sv_eq_cstr(l->tok[3], "vpls") ||
              sv_eq_cstr(l->tok[3], "evpn")))
        s->l2vpn = l->node;
    else if (model_path_match(l, 0, "protocols l2circuit", NULL) && !s->l2vpn)
        s->l2vpn = model_path_own(l, 1);
}

/* "security authentication-key-chains key-chain K key N start-time T | secret S". */
static void keychain_line(struct arena *a, struct device_model *m, const struct model_path *l)
{
    if (!model_path_eq(l, 4, "key") || l->n < 7 || l->own[l->n - 1] != l->node)
        return;
    struct rtg_key *k = rtg_key(a, m, sv_unquote(l->tok[3]), l->tok[5], model_path_own(l, 5));
    if (k && model_path_eq(l, 6, "start-time") && l->n >= 8) {
        k->since_day = rtg_ymd_day(l->tok[7]);
        k->send_node = k->accept_node = l->node;
        if (k->since_day == INT32_MIN)
            k->why = "a start-time in a form not read";
    }
}

void jrtg_line(struct arena *a, struct device_model *m, struct jrtg **st,
               const struct model_path *l)
{
    size_t k;
    if (model_path_match(l, 0, "routing-options validation group * session", &k) && k < l->n &&
        l->own[k] == l->node) {
        model_add_host(a, &m->rtg.rpki_caches, &m->rtg.nrpki_caches, sv_unquote(l->tok[k]),
                       l->node);
        return;
    }
    if (model_path_match(l, 0, "security authentication-key-chains key-chain", NULL) && l->n > 3) {
        keychain_line(a, m, l);
        return;
    }
    if (l->n >= 2 && model_path_eq(l, 0, "protocols") &&
        (model_path_eq(l, 1, "mpls") || model_path_eq(l, 1, "ldp")))
        mpls_line(state(a, st), l);
    if (model_path_eq(l, 0, "routing-instances") ||
        model_path_match(l, 0, "protocols l2circuit", NULL))
        edge_line(state(a, st), l);
    k = 0;
    if (model_path_eq(l, 0, "interfaces") && l->n > 5) {
        vrrp_line(a, m, l);
        return;
    }
    if (model_path_match(l, 0, "protocols vrrp version-3", NULL) && last_is(l, "version-3")) {
        state(a, st)->vrrp_v3 = l->node;
        return;
    }
    struct sv inst = sv_make(NULL, 0);
    if (model_path_eq(l, 0, "routing-instances") && l->n > 2) {
        inst = sv_unquote(l->tok[1]);
        k = 2;
    }
    if (model_path_match(l, k, "protocols bgp", &k))
        bgp_line(a, state(a, st), l, k, inst);
}

/* ------------------------------------------------------------ finish */

static bool sv_is(struct sv v, const char *c)
{
    if (!c)
        return v.n == 0;
    return strlen(c) == v.n && memcmp(c, v.p, v.n) == 0;
}

static const struct cfg_node *nbr_logged(const struct jrtg *s, const struct bgp_neighbor *nb)
{
    for (size_t i = 0; s && i < s->nlogs; i++) {
        const struct jr_log *g = &s->logs[i];
        if (!sv_is(g->inst, nb->vrf))
            continue;
        if (g->group.n && !sv_is(g->group, nb->group))
            continue;
        if (g->nbr.n && !sv_is(g->nbr, nb->addr ? nb->addr : ""))
            continue;
        return g->node;
    }
    return NULL;
}

static void finish_bgp_log(struct arena *a, struct device_model *m, const struct jrtg *s)
{
    struct fact_bool *f = &m->rtg.bgp_log;
    size_t without = 0;
    const char *first = NULL;
    for (size_t i = 0; i < m->bgp.nneighbors; i++) {
        const struct bgp_neighbor *nb = &m->bgp.neighbors[i];
        const struct cfg_node *hit = nbr_logged(s, nb);
        fact_lines_add(&f->ev, hit ? hit : nb->node);
        if (!hit && !without++)
            first = nb->addr;
    }
    f->state = without ? FACT_OFF : FACT_ON;
    if (without)
        f->why = arena_printf(a,
                              "%zu neighbour%s (first %s) without log-updown at the bgp, group "
                              "or neighbour level",
                              without, without == 1 ? "" : "s", first ? first : "?");
}

/* With "protocols vrrp version-3" every group speaks VRRPv3, which has no authentication. */
static void finish_vrrp(struct device_model *m, const struct jrtg *s)
{
    for (size_t i = 0; s && s->vrrp_v3 && i < m->rtg.nfhrp; i++) {
        m->rtg.fhrp[i].proto = "vrrpv3";
        m->rtg.fhrp[i].auth = RTG_AUTH_UNSUPPORTED;
        m->rtg.fhrp[i].auth_node = s->vrrp_v3;
    }
}

static void finish_mpls(struct device_model *m, const struct jrtg *s)
{
    struct rtg_facts *r = &m->rtg;
    if (!s || !(s->mpls || s->ldp))
        return;
    r->mpls_node = s->mpls ? s->mpls : s->ldp;
    if (s->ldp) {
        r->ldp_node = s->ldp;
        if (s->ldp_all) {
            fact_set(&r->ldp_auth, FACT_ON, s->ldp_all);
        } else if (s->ldp_some) {
            fact_set(&r->ldp_auth, FACT_OFF, s->ldp_some);
            r->ldp_auth.why = "keys are set for listed sessions or session groups only: "
                              "sessions with any other LDP peer run unauthenticated";
        } else {
            fact_default(&r->ldp_auth, FACT_OFF, "no LDP session has an authentication key");
            fact_lines_add(&r->ldp_auth.ev, s->ldp);
        }
    }
    rtg_settle_edge(m, s->vrf, s->l2vpn);
    if (s->ttl_off)
        fact_set(&r->ttl_propagate, FACT_OFF, s->ttl_off);
    else if (s->mpls)
        fact_default(&r->ttl_propagate, FACT_ON,
                     "Junos copies the IP TTL into the label unless 'protocols mpls "
                     "no-propagate-ttl' is set");
}

void jrtg_finish(struct arena *a, struct device_model *m, struct jrtg *st)
{
    rtg_settle_start_times(m);
    finish_vrrp(m, st);
    finish_mpls(m, st);
    if (m->bgp.configured && m->bgp.nneighbors)
        finish_bgp_log(a, m, st);
}
