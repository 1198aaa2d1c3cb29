/*
 * extract_sros_rtg.c - routing-security facts of Nokia SR OS (classic CLI
 * and MD-CLI) for struct rtg_facts: BGP state-change events, LDP session
 * authentication, MPLS TTL propagation and edge role, VRRP authentication,
 * keychain lifetimes (from begin-times) and RPKI sessions.
 *
 * extract_sros.c hands every statement path here with i at the word after
 * "configure". BGP state changes are events the main log receives by default
 * (checks.md); only their suppression by event-control turns that off.
 */
#include "model/extract_rtg.h"

#include <string.h>

#define SRTG_MAX_PEERS 64 /* targeted LDP peers and keyed peers followed */

/* An LDP peer address with the statement that names it; for an SDP far-end
 * the SDP id too (its "signaling off" takes it out of LDP). */
struct srtg_peer {
    struct sv addr, sdp;
    const struct cfg_node *node;
    bool off;
};

struct srtg {
    const struct cfg_node *bgp_suppressed;
    const struct cfg_node *mpls, *ldp, *ldp_some, *ttl_off, *ttl_on, *vrf, *l2vpn;
    /* LDP sessions: link sessions (interface-parameters interface X) reach
     * neighbours the configuration does not name; targeted ones (targeted-
     * session peer X, SDP far-ends) it does. auto: targeted-session auto-rx
     * or auto-tx, sessions with peers it does not name either. unlisted:
     * targeted sessions to peers found otherwise (targeted-session
     * peer-template-map, a pw-template, BGP auto-discovery), whose keys are
     * not judged. */
    const struct cfg_node *ldp_link, *ldp_auto, *ldp_unlisted;
    struct srtg_peer targeted[SRTG_MAX_PEERS], keyed[SRTG_MAX_PEERS];
    size_t ntargeted, nkeyed;
    bool peers_capped; /* more targeted peers than followed: no pass */
};

static struct srtg *state(struct arena *a, struct srtg **st)
{
    if (!*st)
        *st = arena_alloc(a, sizeof(**st));
    return *st;
}

/* The BGP events that report a session going up or down. */
static bool bgp_state_event(struct sv e)
{
    e = sv_unquote(e);
    return model_sv_icontains(e, "established") || model_sv_icontains(e, "backwardtransition") ||
           sv_eq_cstr(e, "2001") || sv_eq_cstr(e, "2002");
}

/* "log event-control bgp EVENT suppress" (classic) / "... suppress true" (MD-CLI). */
static void log_line(struct arena *a, struct srtg **st, const struct model_path *l, size_t i)
{
    size_t k;
    if (!model_path_match(l, i, "log event-control", &k) || k + 1 >= l->n ||
        !sv_eq_cstr(sv_unquote(l->tok[k]), "bgp"))
        return;
    size_t ev = k + 1;
    if (model_path_eq(l, ev, "event"))
        ev++;
    bool suppress =
        (model_path_eq(l, l->n - 1, "suppress") ||
         (model_path_eq(l, l->n - 2, "suppress") && model_path_eq(l, l->n - 1, "true")));
    if (suppress && ev < l->n && bgp_state_event(l->tok[ev]) && l->own[l->n - 1] == l->node) {
        struct srtg *s = state(a, st);
        if (!s->bgp_suppressed)
            s->bgp_suppressed = l->node;
    }
}

/*
 * "... interface X [ipv4|ipv6] vrrp G [owner] ... authentication-key K": SR OS
 * VRRP authenticates with the VRRPv2 simple (cleartext) password only; IPv6
 * VRRP is version 3, which has no authentication.
 */
static void vrrp_line(struct arena *a, struct device_model *m, const struct model_path *l, size_t i)
{
    size_t v = 0, itf = 0;
    for (size_t k = i; k + 1 < l->n && !v; k++) {
        if (model_path_eq(l, k, "interface") && !itf)
            itf = k + 1;
        if (model_path_eq(l, k, "vrrp") && itf)
            v = k;
    }
    if (!v || !model_sv_is_digits(l->tok[v + 1]))
        return;
    bool v6 = false;
    for (size_t k = itf; k < v; k++)
        v6 = v6 || model_path_eq(l, k, "ipv6");
    struct fhrp_group *g = rtg_fhrp(a, m, v6 ? "vrrpv3" : "vrrp", l->tok[itf], l->tok[v + 1],
                                    model_path_own(l, v + 1));
    if (!g)
        return;
    if (v6) {
        g->auth = RTG_AUTH_UNSUPPORTED;
        return;
    }
    for (size_t k = v + 2; k + 1 < l->n; k++)
        if (model_path_eq(l, k, "authentication-key") && l->own[l->n - 1] == l->node) {
            g->auth = RTG_AUTH_TEXT;
            g->auth_node = l->node;
        }
}

/* "... vprn-transit|transit MODE": only "all" copies the IP TTL into the
 * transport labels; "vc-only" (the default) and "none" keep the core hidden.
 * A VPRN's own "ttl-propagate transit" overrides the router's ("inherit"
 * defers to it). */
static void ttl_mode(struct srtg *s, const struct model_path *l)
{
    if (model_path_eq(l, l->n - 1, "all"))
        s->ttl_on = s->ttl_on ? s->ttl_on : l->node;
    else if (!model_path_eq(l, l->n - 1, "inherit"))
        s->ttl_off = s->ttl_off ? s->ttl_off : l->node;
}

/*
 * One keychain entry statement; k indexes the chain's name. Classic "system
 * security keychain K direction bi|uni send|receive entry N ... begin-time
 * T", MD-CLI "system security keychains keychain K <direction> entry N
 * begin-time T". SR OS has no end time: a key is used from its begin-time
 * until the next key's (the youngest key rule, Nokia 7210 SAS/7750 SR
 * System Management Guide, keychain), so the send and receive lists of a
 * one-way chain are chains of their own. An entry with no begin-time read
 * (none, or "now"/"forever") leaves its lifetime unknown.
 */
static void keychain_line(struct arena *a, struct device_model *m, const struct model_path *l,
                          size_t k)
{
    const char *dir = NULL;
    size_t e = 0;
    for (size_t j = k + 1; j + 1 < l->n && !e; j++) {
        if (model_path_eq(l, j, "send") || model_path_eq(l, j, "receive"))
            dir = model_path_eq(l, j, "send") ? "send" : "receive";
        else if (model_path_eq(l, j, "entry"))
            e = j;
    }
    if (!e)
        return;
    struct sv name = sv_unquote(l->tok[k]);
    struct sv chain =
        dir ? sv_from_cstr(arena_printf(a, "%.*s %s", (int)name.n, name.p, dir)) : name;
    struct rtg_key *key = rtg_key(a, m, chain, l->tok[e + 1], model_path_own(l, e + 1));
    if (!key)
        return;
    if (key->since_day == INT32_MIN && !key->why)
        key->why = "no begin-time: when SR OS starts using the key is not in the configuration";
    for (size_t j = e + 2; j + 1 < l->n; j++)
        if (model_path_eq(l, j, "begin-time") && l->own[j + 1] == l->node) {
            key->since_day = rtg_ymd_day(l->tok[j + 1]);
            key->send_node = key->accept_node = l->node;
            key->why = key->since_day == INT32_MIN ? "a begin-time that names no date" : NULL;
        }
}

/* Adds a peer once; NULL when the table is full. */
static struct srtg_peer *add_peer(struct srtg_peer *arr, size_t *n, struct sv addr, struct sv sdp,
                                  const struct cfg_node *node)
{
    addr = sv_unquote(addr);
    for (size_t i = 0; i < *n; i++)
        if (sv_eq(arr[i].addr, addr) && sv_eq(arr[i].sdp, sdp))
            return &arr[i];
    if (*n >= SRTG_MAX_PEERS)
        return NULL;
    arr[*n] = (struct srtg_peer){addr, sdp, node, false};
    return &arr[(*n)++];
}

static void add_targeted(struct srtg *s, struct sv addr, struct sv sdp, const struct cfg_node *node,
                         bool off)
{
    struct srtg_peer *p = add_peer(s->targeted, &s->ntargeted, addr, sdp, node);
    if (!p)
        s->peers_capped = true;
    else if (off)
        p->off = true;
}

/*
 * One statement under "router ldp" (classic and MD-CLI), from the word after
 * "ldp" on. Keys are per peer: "session-parameters peer X authentication-key
 * K" or "tcp-session-parameters peer-transport X authentication-key K |
 * auth-keychain C" (MD-CLI authentication-keychain); by default LDP
 * authentication is off (Nokia 7705 SAR / 7210 SAS MPLS Guides,
 * config>router>ldp>tcp-session-params>peer-transport,
 * https://infocenter.nokia.com/public/7210SAS229R1A/topic/com.nokia.TSR_MPLS_Guide/tcp_session_par-ai9j75tgye.html).
 */
static void ldp_line(struct srtg *s, const struct model_path *l, size_t j, bool own)
{
    size_t peer = 0;
    for (size_t k = j + 1; k + 1 < l->n; k++) {
        if (model_path_eq(l, k, "interface-parameters") && model_path_eq(l, k + 1, "interface") &&
            !s->ldp_link)
            s->ldp_link = model_path_own(l, k + 1);
        else if (model_path_eq(l, k, "targeted-session") &&
                 (model_path_eq(l, k + 1, "auto-rx") || model_path_eq(l, k + 1, "auto-tx")) &&
                 !s->ldp_auto)
            s->ldp_auto = model_path_own(l, k + 1);
        else if (model_path_eq(l, k, "targeted-session") &&
                 model_path_eq(l, k + 1, "peer-template-map") && !s->ldp_unlisted)
            s->ldp_unlisted = model_path_own(l, k + 1);
        else if (model_path_eq(l, k, "targeted-session") && model_path_eq(l, k + 1, "peer") &&
                 k + 2 < l->n)
            add_targeted(s, l->tok[k + 2], sv_make("", 0), model_path_own(l, k + 2), false);
        else if (model_path_eq(l, k, "peer") || model_path_eq(l, k, "peer-transport"))
            peer = k + 1;
        else if (own && (model_path_eq(l, k, "authentication-key") ||
                         model_path_eq(l, k, "auth-keychain") ||
                         model_path_eq(l, k, "authentication-keychain"))) {
            s->ldp_some = s->ldp_some ? s->ldp_some : l->node;
            if (peer && peer < k)
                add_peer(s->keyed, &s->nkeyed, l->tok[peer], sv_make("", 0), l->node);
        }
    }
}

/* "service sdp N ... far-end X" (classic) / "far-end ip-address X" (MD-CLI):
 * the far end of an SDP is a targeted LDP peer for its pseudowires unless
 * the SDP says "signaling off" (the default is tldp). */
static void sdp_line(struct srtg *s, const struct model_path *l, size_t i)
{
    struct sv id = l->tok[i + 2];
    for (size_t k = i + 3; k + 1 < l->n; k++) {
        if (model_path_eq(l, k, "far-end")) {
            size_t a = model_path_eq(l, k + 1, "ip-address") ? k + 2 : k + 1;
            if (a < l->n)
                add_targeted(s, l->tok[a], id, l->node, false);
        } else if (model_path_eq(l, k, "signaling") && model_path_eq(l, k + 1, "off")) {
            add_targeted(s, sv_make("", 0), id, l->node, true);
        }
    }
}

/* "router [Base] mpls|ldp|ttl-propagate ...": j is the word after the router name. */
static void router_line(struct arena *a, struct device_model *m, struct srtg *s,
                        const struct model_path *l, size_t j)
{
    bool own = l->own[l->n - 1] == l->node;
    if (model_path_match(l, j, "origin-validation rpki-session", NULL) && j + 2 < l->n &&
        l->own[j + 2] == l->node) {
        model_add_host(a, &m->rtg.rpki_caches, &m->rtg.nrpki_caches, sv_unquote(l->tok[j + 2]),
                       l->node);
    } else if (model_path_eq(l, j, "mpls")) {
        s->mpls = s->mpls ? s->mpls : model_path_own(l, j);
    } else if (model_path_eq(l, j, "ldp")) {
        s->ldp = s->ldp ? s->ldp : model_path_own(l, j);
        ldp_line(s, l, j, own);
    } else if (model_path_eq(l, j, "ttl-propagate") && own && l->n >= j + 3 &&
               model_path_eq(l, l->n - 2, "vprn-transit")) {
        ttl_mode(s, l);
    }
}

void srtg_line(struct arena *a, struct device_model *m, struct srtg **st,
               const struct model_path *l, size_t i)
{
    size_t k;
    if (model_path_eq(l, i, "log"))
        log_line(a, st, l, i);
    if ((model_path_match(l, i, "system security keychain", &k) ||
         model_path_match(l, i, "system security keychains keychain", &k)) &&
        k < l->n)
        keychain_line(a, m, l, k);
    if (model_path_eq(l, i, "router") && i + 1 < l->n) {
        size_t j = i + 1;
        if (l->tok[j].p[0] == '"' || sv_eq_cstr(l->tok[j], "Base"))
            j++;
        if (j < l->n)
            router_line(a, m, state(a, st), l, j);
    } else if (model_path_eq(l, i, "service") && i + 2 < l->n) {
        struct srtg *s = state(a, st);
        if (model_path_eq(l, i + 1, "vprn") && !s->vrf)
            s->vrf = model_path_own(l, i + 1);
        if (model_path_eq(l, i + 1, "vprn") && l->own[l->n - 1] == l->node && l->n >= i + 5 &&
            model_path_eq(l, l->n - 3, "ttl-propagate") && model_path_eq(l, l->n - 2, "transit"))
            ttl_mode(s, l);
        else if ((model_path_eq(l, i + 1, "epipe") || model_path_eq(l, i + 1, "vpls")) && !s->l2vpn)
            s->l2vpn = model_path_own(l, i + 1);
        else if (model_path_eq(l, i + 1, "sdp"))
            sdp_line(s, l, i);
        /* pseudowires to peers BGP auto-discovers, built from a pw-template */
        for (size_t w = i + 1; w < l->n && !s->ldp_unlisted; w++)
            if (model_path_eq(l, w, "pw-template") || model_path_eq(l, w, "bgp-ad") ||
                model_path_eq(l, w, "pw-template-binding"))
                s->ldp_unlisted = model_path_own(l, w);
    }
    if (model_path_eq(l, i, "router") || model_path_eq(l, i, "service"))
        vrrp_line(a, m, l, i);
}

/* Is an SDP's far end taken out of LDP by its "signaling off"? */
static bool sdp_off(const struct srtg *s, const struct srtg_peer *p)
{
    for (size_t i = 0; p->sdp.n && i < s->ntargeted; i++)
        if (s->targeted[i].off && sv_eq(s->targeted[i].sdp, p->sdp))
            return true;
    return false;
}

/* With no link sessions and no automatic targeted sessions, the LDP peers
 * are the targeted ones: the first keyed peer's statement when every one has
 * a key, else NULL with *open the first that has none. */
static const struct cfg_node *targeted_all_keyed(const struct srtg *s, const struct cfg_node **open)
{
    const struct cfg_node *first = NULL;
    size_t peers = 0;
    for (size_t i = 0; i < s->ntargeted && !*open; i++) {
        const struct srtg_peer *p = &s->targeted[i];
        if (p->off || sdp_off(s, p))
            continue;
        peers++;
        const struct cfg_node *key = NULL;
        for (size_t k = 0; k < s->nkeyed && !key; k++)
            if (sv_eq(s->keyed[k].addr, p->addr))
                key = s->keyed[k].node;
        if (!key)
            *open = p->node;
        else if (!first)
            first = key;
    }
    if (s->ldp_link || s->ldp_auto || s->peers_capped || *open || !peers)
        return NULL;
    return first;
}

static void finish_mpls(struct device_model *m, const struct srtg *s)
{
    struct rtg_facts *r = &m->rtg;
    if (!s || !(s->mpls || s->ldp))
        return;
    r->mpls_node = s->mpls ? s->mpls : s->ldp;
    if (s->ldp) {
        r->ldp_node = s->ldp;
        const struct cfg_node *open = NULL, *all = targeted_all_keyed(s, &open);
        if ((all || (s->ldp_some && !open)) && s->ldp_unlisted && !s->ldp_link && !s->ldp_auto) {
            fact_unknown(&r->ldp_auth, "targeted LDP sessions also go to peers the "
                                       "configuration does not list (peer-template-map, a "
                                       "pw-template or BGP auto-discovery), whose keys are not "
                                       "judged here");
            fact_lines_add(&r->ldp_auth.ev, s->ldp_unlisted);
        } else if (all) {
            fact_set(&r->ldp_auth, FACT_ON, all);
            r->ldp_auth.why = "LDP runs targeted sessions only (no interface-parameters "
                              "interface), and every targeted peer has a key";
        } else if (open && s->ldp_some && !s->ldp_link && !s->ldp_auto) {
            fact_set(&r->ldp_auth, FACT_OFF, open);
            r->ldp_auth.why = "a targeted LDP peer has no authentication key";
        } else if (s->ldp_some) {
            fact_set(&r->ldp_auth, FACT_OFF, s->ldp_some);
            r->ldp_auth.why = "keys are set for listed peers only: sessions with any other "
                              "LDP peer run unauthenticated";
        } else {
            fact_default(&r->ldp_auth, FACT_OFF, "no LDP peer has an authentication key");
            fact_lines_add(&r->ldp_auth.ev, s->ldp);
        }
    }
    rtg_settle_edge(m, s->vrf, s->l2vpn);
    if (s->ttl_on) {
        fact_set(&r->ttl_propagate, FACT_ON, s->ttl_on);
    } else if (s->ttl_off) {
        fact_set(&r->ttl_propagate, FACT_OFF, s->ttl_off);
    } else {
        /* Nokia 7750 SR Layer 3 Services Guide, "Configuration of TTL
         * propagation for VPRN routes": vc-only is the default, the IP TTL
         * goes into the VC label only, not the transport labels. */
        fact_default(&r->ttl_propagate, FACT_OFF,
                     "no 'ttl-propagate vprn-transit': the SR OS default is vc-only (the IP TTL "
                     "is copied into the VPN label only, never the transport labels)");
    }
}

void srtg_finish(struct arena *a, struct device_model *m, struct srtg *st)
{
    (void)a;
    rtg_settle_start_times(m);
    finish_mpls(m, st);
    if (m->bgp.configured) {
        if (st && st->bgp_suppressed) {
            fact_set(&m->rtg.bgp_log, FACT_OFF, st->bgp_suppressed);
            m->rtg.bgp_log.why = "BGP session state events are suppressed by event-control";
        } else {
            fact_default(&m->rtg.bgp_log, FACT_ON,
                         "SR OS sends BGP session state events to the main event log by "
                         "default and no event-control suppresses them");
        }
    }
}
