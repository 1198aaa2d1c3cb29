/*
 * extract_vrp_rtg.c - routing-security facts of Huawei VRP for struct
 * rtg_facts: BGP peer state logging, LDP authentication, MPLS TTL
 * propagation and edge role, VRRP authentication, keychain lifetimes and
 * RPKI sessions.
 *
 * A walk of its own over the top-level views after the main extractor.
 * VRP records BGP peer state changes unless `undo peer X log-change` says
 * otherwise (Huawei: "By default, BGP records peer status changes and event
 * information in the system log files").
 */
#include "model/extract_rtg.h"

#include <string.h>

#define VR_DEPTH 4

static bool vstarts(const struct cfg_node *n, const char *words)
{
    return sv_starts_with_word(cfg_text(n), words);
}

/* "undo peer X log-change" anywhere in the bgp view (ipv4-family views too). */
static void bgp_log_walk(struct device_model *m, const struct cfg_node *b, unsigned depth)
{
    if (depth > VR_DEPTH)
        return;
    for (const struct cfg_node *c = b->child; c; c = c->next) {
        if (c->flags & CFG_INACTIVE)
            continue;
        if (vstarts(c, "undo peer") && sv_eq_cstr(model_tok(c, 3), "log-change")) {
            fact_set(&m->rtg.bgp_log, FACT_OFF, c);
            m->rtg.bgp_log.why = "undo peer ... log-change stops logging a peer's state changes";
        }
        if (c->child)
            bgp_log_walk(m, c, depth + 1);
    }
}

/* "vrrp vrid G virtual-ip A" / "vrrp vrid G authentication-mode md5|simple ..." in an interface. */
static void vrrp_interface(struct arena *a, struct device_model *m, const struct cfg_node *n)
{
    struct sv ifname = model_tok(n, 1);
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if ((c->flags & CFG_INACTIVE) || !vstarts(c, "vrrp vrid"))
            continue;
        struct sv w = model_tok(c, 3);
        bool auth = sv_eq_cstr(w, "authentication-mode");
        if (!auth && !sv_eq_cstr(w, "virtual-ip"))
            continue;
        struct fhrp_group *g = rtg_fhrp(a, m, "vrrp", ifname, model_tok(c, 2), c);
        if (g && auth) {
            g->auth = sv_eq_cstr(model_tok(c, 4), "md5") ? RTG_AUTH_MD5 : RTG_AUTH_TEXT;
            g->auth_node = c;
        }
    }
}

struct vr_mpls {
    const struct cfg_node *mpls, *ldp, *ldp_all, *ldp_some, *ttl_off, *ttl_on, *vrf;
};

/* The "mpls ldp" view: "md5-password cipher|plain PEER ..." per peer, "... all" for every peer. */
static void ldp_view(struct vr_mpls *s, const struct cfg_node *n)
{
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if ((c->flags & CFG_INACTIVE) ||
            !(vstarts(c, "md5-password") || vstarts(c, "authentication key-chain") ||
              vstarts(c, "authentication")))
            continue;
        bool all = false;
        for (size_t i = 1; i < 5; i++)
            all = all || sv_eq_cstr(model_tok(c, i), "all");
        *(all ? &s->ldp_all : &s->ldp_some) = c;
    }
}

/* TTL propagation statements, in the system view or the mpls view. "ttl
 * propagate" turns propagation (uniform mode) on and "undo ttl propagate"
 * off (Huawei, http://a10.tagan.ru/huawei/dc/ttl_propagate.html); "mpls ldp
 * ttl-mode uniform" and "mpls te ttl-mode uniform" copy the IP TTL into LDP
 * and TE labels (Huawei NetEngine 8000,
 * http://a10.tagan.ru/huawei/netengine8000f1a/command/8090/configmplsldpttlmode(mplsom).html). */
static void ttl_stmt(struct vr_mpls *s, const struct cfg_node *c)
{
    if (vstarts(c, "undo ttl propagate") ||
        (vstarts(c, "ttl propagate") && model_sv_icontains(cfg_text(c), "disable")))
        s->ttl_off = c;
    else if (vstarts(c, "ttl propagate") ||
             ((vstarts(c, "mpls ldp ttl-mode") || vstarts(c, "mpls te ttl-mode")) &&
              sv_eq_cstr(model_tok(c, 3), "uniform")))
        s->ttl_on = s->ttl_on ? s->ttl_on : c;
}

static void mpls_top(struct vr_mpls *s, const struct cfg_node *n)
{
    ttl_stmt(s, n);
    if (vstarts(n, "mpls ldp")) {
        s->ldp = s->ldp ? s->ldp : n;
        ldp_view(s, n);
    } else if (vstarts(n, "mpls") && sv_token_count(cfg_text(n)) == 1) {
        s->mpls = n;
        for (const struct cfg_node *c = n->child; c; c = c->next)
            if (!(c->flags & CFG_INACTIVE))
                ttl_stmt(s, c);
    } else if (vstarts(n, "ip vpn-instance") && !s->vrf) {
        for (const struct cfg_node *c = n->child; c && !s->vrf; c = c->next) {
            if (vstarts(c, "route-distinguisher"))
                s->vrf = c;
            for (const struct cfg_node *g = c->child; g && !s->vrf; g = g->next)
                if (vstarts(g, "route-distinguisher"))
                    s->vrf = g;
        }
    }
}

static void mpls_settle(struct device_model *m, const struct vr_mpls *s)
{
    struct rtg_facts *r = &m->rtg;
    if (!s->mpls)
        return;
    r->mpls_node = s->mpls;
    if (s->ldp) {
        r->ldp_node = s->ldp;
        if (s->ldp_all) {
            fact_set(&r->ldp_auth, FACT_ON, s->ldp_all);
        } else if (s->ldp_some) {
            fact_set(&r->ldp_auth, FACT_OFF, s->ldp_some);
            r->ldp_auth.why = "keys are set for listed peers only: sessions with any other "
                              "LDP peer run unauthenticated";
        } else {
            fact_default(&r->ldp_auth, FACT_OFF, "no LDP MD5 password or key chain");
            fact_lines_add(&r->ldp_auth.ev, s->ldp);
        }
    }
    rtg_settle_edge(m, s->vrf, NULL);
    if (s->ttl_on) {
        /* an explicit uniform mode outweighs an "undo ttl propagate": the LSPs
         * it names still copy the IP TTL */
        fact_set(&r->ttl_propagate, FACT_ON, s->ttl_on);
        r->ttl_propagate.why = "set to propagate (uniform mode) by this statement";
    } else if (s->ttl_off) {
        fact_set(&r->ttl_propagate, FACT_OFF, s->ttl_off);
    } else {
        fact_unknown(&r->ttl_propagate,
                     "no 'undo ttl propagate' and the VRP TTL mode differs by platform and "
                     "LSP type (per-VPN, LDP and TE ttl-mode settings); 'display "
                     "current-configuration all' or a traceroute through the core tells");
    }
}

/* "HH:MM YYYY-MM-DD" (either order) from token *i: the day from 1970-01-01,
 * or INT32_MIN; *i moves past both tokens. */
static long vrp_day(struct sv s, size_t *i)
{
    for (size_t k = 0; k < 2; k++) {
        struct sv d = sv_token(s, *i + k);
        if (d.n != 10 || d.p[4] != '-' || d.p[7] != '-')
            continue;
        struct sv clock = sv_token(s, *i + 1 - k);
        if (!memchr(clock.p ? clock.p : "", ':', clock.n))
            return INT32_MIN;
        *i += 2;
        return rtg_days(model_sv_long(sv_make(d.p, 4), -1), model_sv_long(sv_make(d.p + 5, 2), -1),
                        model_sv_long(sv_make(d.p + 8, 2), -1));
    }
    return INT32_MIN;
}

/* An absolute send-time/receive-time: "START { duration MINUTES | infinite | to
 * END }" (Huawei keychain command reference, send-time (absolute)). */
static long vrp_lifetime(struct sv s)
{
    size_t i = 1;
    long start = vrp_day(s, &i);
    if (start == INT32_MIN)
        return RTG_LIFE_UNREAD;
    struct sv w = sv_token(s, i);
    if (sv_eq_cstr(w, "infinite") ||
        (sv_eq_cstr(w, "duration") && sv_eq_cstr(sv_token(s, i + 1), "infinite")))
        return RTG_LIFE_INFINITE;
    if (sv_eq_cstr(w, "duration")) {
        long min = model_sv_long(sv_token(s, i + 1), -1);
        return min < 0 ? RTG_LIFE_UNREAD : (min + 1439) / 1440;
    }
    i++;
    long end = sv_eq_cstr(w, "to") ? vrp_day(s, &i) : INT32_MIN;
    return end == INT32_MIN || end < start ? RTG_LIFE_UNREAD : end - start;
}

/* "keychain K mode absolute" > "key-id N" > "send-time ..." / "receive-time
 * ...". Periodic chains repeat their windows and are left unread. */
static void vrp_keychain(struct arena *a, struct device_model *m, const struct cfg_node *n)
{
    if (!sv_eq_cstr(model_tok(n, 2), "mode") || !sv_eq_cstr(model_tok(n, 3), "absolute")) {
        rtg_unread_chain(a, m, model_tok(n, 1), n,
                         "a periodic VRP keychain repeats its send and receive windows; "
                         "'display keychain' lists them");
        return;
    }
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (c->flags & CFG_INACTIVE || !vstarts(c, "key-id"))
            continue;
        struct rtg_key *k = rtg_add_key(a, m, model_tok(n, 1), model_tok(c, 1), c);
        if (!k)
            return;
        for (const struct cfg_node *t = c->child; t; t = t->next) {
            if (t->flags & CFG_INACTIVE)
                continue;
            if (vstarts(t, "send-time")) {
                k->send_days = vrp_lifetime(cfg_text(t));
                k->send_node = t;
            } else if (vstarts(t, "receive-time")) {
                k->accept_days = vrp_lifetime(cfg_text(t));
                k->accept_node = t;
            }
        }
        /* without a window the key is idle unless it is the default send key */
        if (!k->send_node)
            k->send_days = RTG_LIFE_UNREAD;
        if (!k->accept_node)
            k->accept_days = RTG_LIFE_UNREAD;
        if (k->send_days == RTG_LIFE_UNREAD || k->accept_days == RTG_LIFE_UNREAD)
            k->why = "a key-id without an absolute send-time and receive-time range "
                     "('display keychain' shows when it is used)";
    }
}

void vrtg_extract(const struct cfg_tree *t, struct device_model *m)
{
    struct vr_mpls mp = {0};
    for (const struct cfg_node *n = t->first; n; n = n->next) {
        if (n->flags & CFG_INACTIVE)
            continue;
        if (vstarts(n, "bgp") && m->bgp.configured)
            bgp_log_walk(m, n, 0);
        else if (vstarts(n, "interface"))
            vrrp_interface(t->arena, m, n);
        mpls_top(&mp, n);
        for (const struct cfg_node *c = vstarts(n, "rpki") ? n->child : NULL; c; c = c->next)
            if (!(c->flags & CFG_INACTIVE) && vstarts(c, "session"))
                model_add_host(t->arena, &m->rtg.rpki_caches, &m->rtg.nrpki_caches, model_tok(c, 1),
                               c);
        if (vstarts(n, "keychain"))
            vrp_keychain(t->arena, m, n);
    }
    mpls_settle(m, &mp);
    if (m->bgp.configured && m->rtg.bgp_log.state == FACT_UNKNOWN)
        fact_default(&m->rtg.bgp_log, FACT_ON,
                     "VRP records BGP peer state changes by default and no peer has "
                     "'undo peer ... log-change'");
}

/* The weakest "algorithm" of the keys of "keychain NAME" (key-id N /
 * algorithm A), IGP_ALG_UNKNOWN when a key names none or the chain is not
 * defined here. */
static enum igp_alg keychain_alg(const struct cfg_tree *t, struct sv name,
                                 const struct cfg_node **at)
{
    enum igp_alg worst = IGP_ALG_UNSET;
    for (const struct cfg_node *f = t->first; f; f = f->next) {
        if ((f->flags & CFG_INACTIVE) || !vstarts(f, "keychain") || !sv_eq(model_tok(f, 1), name))
            continue;
        for (const struct cfg_node *k = f->child; k; k = k->next) {
            if ((k->flags & CFG_INACTIVE) || !vstarts(k, "key-id"))
                continue;
            enum igp_alg a = IGP_ALG_UNKNOWN;
            const struct cfg_node *an = k;
            for (const struct cfg_node *c = k->child; c; c = c->next)
                if (!(c->flags & CFG_INACTIVE) && vstarts(c, "algorithm")) {
                    struct sv w = model_tok(c, 1);
                    a = sv_starts_with(w, "hmac-sha") || sv_starts_with(w, "sha") ? IGP_ALG_SHA
                        : sv_starts_with(w, "md5") || sv_eq_cstr(w, "hmac-md5")   ? IGP_ALG_MD5
                                                                                  : IGP_ALG_UNKNOWN;
                    an = c;
                }
            if (a > worst) {
                worst = a;
                *at = an;
            }
        }
    }
    return worst == IGP_ALG_UNSET ? IGP_ALG_UNKNOWN : worst;
}

/* The algorithm an "[area-|domain-]authentication-mode M ..." statement
 * names (md5 and hmac-md5 are MD5, hmac-sha256 HMAC-SHA, keychain K its
 * keys'), kept on g when weaker than what it has. */
void vrtg_igp_alg(const struct cfg_tree *t, const struct cfg_node *n, struct igp_instance *g)
{
    struct sv mode = model_tok(n, 1);
    const struct cfg_node *at = n;
    const char *why = NULL;
    enum igp_alg a;
    if (sv_eq_cstr(mode, "keychain")) {
        a = keychain_alg(t, model_tok(n, 2), &at);
        why = "its keychain is not defined here or a key names no algorithm";
    } else if (sv_starts_with(mode, "hmac-sha")) {
        a = IGP_ALG_SHA;
    } else if (sv_eq_cstr(mode, "md5") || sv_eq_cstr(mode, "hmac-md5")) {
        a = IGP_ALG_MD5;
    } else {
        a = IGP_ALG_UNKNOWN;
        why = "the authentication mode names no algorithm known here";
    }
    if (a > g->alg) {
        g->alg = a;
        g->alg_node = at;
        g->alg_why = a == IGP_ALG_UNKNOWN ? why : NULL;
    }
}
