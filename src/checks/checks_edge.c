/*
 * checks_edge.c - RTG-BGP-BOGONS: what routes the device accepts from other
 * networks. A session from another AS with no inbound policy takes every
 * route it is sent, bogons, the provider's own prefixes, the default route
 * and over-specifics included, on every platform that accepts by default.
 * Where the model reads an inbound route-map or route-policy and its prefix
 * lists (Cisco family with the ASA, EOS, VRP, FortiOS), or a Junos or SR OS
 * import chain with its route filters and prefix lists, each range that
 * must be rejected is put to it:
 * one route it surely accepts fails the session, and it passes only when
 * every range is rejected on every path. Elsewhere (route-filter-lists,
 * ACLs, community matches) the verdict says what to look for instead of
 * guessing.
 */
#include "checks/checks_int.h"

/* How a platform treats an eBGP session with no import policy. */
enum no_policy {
    NO_POLICY_ACCEPTS, /* every route is accepted */
    NO_POLICY_REJECTS, /* RFC 8212: nothing is accepted */
    NO_POLICY_DEPENDS, /* the release decides */
};

static enum no_policy no_policy_default(enum dialect d, const char **why)
{
    switch (d) {
    case DIALECT_CISCO_IOSXR:
        *why = "IOS XR accepts no route from an eBGP neighbour without a route-policy (RFC 8212)";
        return NO_POLICY_REJECTS;
    case DIALECT_NOKIA_SROS:
        *why = "SR OS 16.0 and later reject routes from eBGP peers without an import policy "
               "(ebgp-default-reject-policy), earlier releases accept them; the release is not "
               "known here";
        return NO_POLICY_DEPENDS;
    default:
        *why = "the platform accepts every route from a neighbour without an import policy";
        return NO_POLICY_ACCEPTS;
    }
}

struct bogon_scan {
    struct reasons open, policies, unfiltered;
    size_t ebgp, rejected, closed, filtered; /* no policy (RFC 8212), accepts nothing, filters */
};

/* A range a session's inbound policy must reject and why. */
struct must_reject {
    struct prefix_range r;
    const char *what;
    bool lenient; /* accepted is not a failure (a default route may be expected) */
};

#define MUST_MAX 160

/* Every range RTG-BGP-BOGONS wants rejected: the bogons, own prefixes and
 * what they contain, prefixes longer than the profile's maximum, the default
 * route. Returns how many; *no_own when the profile gives no own.prefixes. */
static size_t must_reject(const struct check_ctx *ctx, struct must_reject *v, bool *no_own)
{
    const struct bogon *b;
    size_t nb = bogons_for(ctx, &b), n = 0;
    for (size_t i = 0; i < nb && n < MUST_MAX - 6; i++) {
        unsigned max = b[i].prefix.af == 4 ? 32 : 128;
        v[n++] = (struct must_reject){{b[i].prefix, b[i].prefix.len, (uint8_t)max}, "bogon", false};
    }
    const struct prefix_set *own = &ctx->profile->own_prefixes;
    *no_own = !own->present;
    for (size_t i = 0; i < own->n && n < MUST_MAX - 4; i++) {
        unsigned max = own->v[i].af == 4 ? 32 : 128;
        v[n++] =
            (struct must_reject){{own->v[i], own->v[i].len, (uint8_t)max}, "own prefix", false};
    }
    struct ip_prefix any4 = {.af = 4}, any6 = {.af = 6};
    long l4 = ctx->profile->bgp_max_prefix_len_v4, l6 = ctx->profile->bgp_max_prefix_len_v6;
    if (l4 >= 0 && l4 < 32)
        v[n++] = (struct must_reject){{any4, (uint8_t)(l4 + 1), 32}, "over-specific", false};
    if (l6 >= 0 && l6 < 128)
        v[n++] = (struct must_reject){{any6, (uint8_t)(l6 + 1), 128}, "over-specific", false};
    v[n++] = (struct must_reject){{any4, 0, 0}, "default route", true};
    v[n++] = (struct must_reject){{any6, 0, 0}, "default route", true};
    return n;
}

/* Put every must-reject range to a policy the model read. True when the
 * session is decided: it accepts one (unfiltered) or rejects all (filtered). */
static bool judge_ranges(const struct check_ctx *ctx, struct check_result *r,
                         const struct bgp_neighbor *nb, struct bogon_scan *s)
{
    const struct policy_summary *p = &nb->in_summary;
    struct must_reject v[MUST_MAX];
    bool no_own, all = true;
    size_t n = must_reject(ctx, v, &no_own);
    for (size_t i = 0; i < n; i++) {
        struct ip_prefix w;
        const struct cfg_node *at[2];
        enum policy_verdict pv = model_policy_range(p, &v[i].r, &w, at);
        if (pv == POLICY_PERMITS && !v[i].lenient) {
            char buf[64], rb[64];
            ev_node(ctx, r, at[0]);
            ev_node(ctx, r, at[1]);
            reasons_add(&s->unfiltered, "%s (%s accepts %s, within %s %s)",
                        nb->addr ? nb->addr : "?", nb->in_policy,
                        ip_prefix_format(&w, buf, sizeof(buf)), v[i].what,
                        ip_prefix_format(&v[i].r.p, rb, sizeof(rb)));
            return true;
        }
        all &= pv == POLICY_DENIES;
    }
    if (!all || no_own)
        return false;
    s->filtered++;
    return true;
}

/* Where the model read the import chain (Junos, SR OS, Cisco family, EOS,
 * VRP, FortiOS): a
 * chain that accepts routes without ever matching a prefix cannot turn bogons
 * away, and one that accepts nothing turns everything away. Where its clauses
 * are read, the ranges decide. False when it cannot tell. */
static bool judge_import_chain(const struct check_ctx *ctx, struct check_result *r,
                               const struct bgp_neighbor *nb, struct bogon_scan *s)
{
    const struct policy_summary *p = &nb->in_summary;
    if (!p->known)
        return false;
    const char *addr = nb->addr ? nb->addr : "?";
    if (p->undefined) {
        reasons_add(&s->unfiltered, "%s (policy '%s' is not defined)", addr, p->undefined);
    } else if (!p->accepts_some && p->ends_in_reject) {
        s->closed++;
    } else if (!p->filters_prefixes) {
        reasons_add(&s->unfiltered, "%s (%s matches no prefix, so it filters none)", addr,
                    nb->in_policy);
    } else {
        return p->policy && judge_ranges(ctx, r, nb, s);
    }
    return true;
}

static void scan_neighbours(const struct check_ctx *ctx, struct check_result *r, enum no_policy np,
                            struct bogon_scan *s)
{
    const struct bgp_facts *b = &ctx->model->bgp;
    for (size_t i = 0; i < b->nneighbors; i++) {
        const struct bgp_neighbor *nb = &b->neighbors[i];
        if (!nb->ebgp)
            continue;
        s->ebgp++;
        if (nb->in_policy) {
            ev_node(ctx, r, nb->in_policy_node);
            if (!judge_import_chain(ctx, r, nb, s))
                reasons_add(&s->policies, "%s (%s%s%s)", nb->addr ? nb->addr : "?", nb->in_policy,
                            nb->in_also ? ", and " : "", nb->in_also ? nb->in_also : "");
            continue;
        }
        ev_node(ctx, r, nb->node);
        if (nb->in_also) /* no policy of its own, but a filter for every session */
            reasons_add(&s->policies, "%s (no import policy of its own; %s)",
                        nb->addr ? nb->addr : "?", nb->in_also);
        else if (np == NO_POLICY_REJECTS)
            s->rejected++;
        else
            reasons_add(&s->open, "%s", nb->addr ? nb->addr : "?");
    }
}

/* Every eBGP session is filtered, closed, or without a policy on a platform
 * that then accepts nothing: say which, in that order. */
static const char *pass_message(const struct check_ctx *ctx, const struct bogon_scan *s,
                                size_t nbogons, const char *why)
{
    const struct profile *pr = ctx->profile;
    const char *m = "";
    if (s->filtered)
        m = arena_printf(ctx->arena,
                         "the inbound policies of %zu eBGP neighbour%s reject the %zu bogon "
                         "prefixes (%s), own.prefixes, the default route and prefixes longer "
                         "than /%ld (IPv4) or /%ld (IPv6)",
                         s->filtered, s->filtered == 1 ? "" : "s", nbogons,
                         pr->bgp_bogons.present ? "approved.bgp_bogons" : "built-in table",
                         pr->bgp_max_prefix_len_v4, pr->bgp_max_prefix_len_v6);
    if (s->closed)
        m = arena_printf(ctx->arena,
                         "%s%s%zu eBGP neighbour%s with an inbound policy that accepts "
                         "no route",
                         m, *m ? "; " : "", s->closed, s->closed == 1 ? "" : "s");
    if (s->rejected)
        m = arena_printf(ctx->arena, "%s%s%zu eBGP neighbour%s without an inbound policy: %s", m,
                         *m ? "; " : "", s->rejected, s->rejected == 1 ? "" : "s", why);
    return m;
}

static void eval_bgp_bogons(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    if (!m->bgp.configured || !m->bgp.nneighbors) {
        if (!bgp_unclassified(ctx, r))
            check_set(ctx, r, VERDICT_NOT_APPLICABLE, "no BGP neighbour is configured");
        return;
    }
    const char *why;
    enum no_policy np = no_policy_default(m->dialect, &why);
    struct bogon_scan s = {0};
    reasons_init(&s.open);
    reasons_init(&s.policies);
    reasons_init(&s.unfiltered);
    scan_neighbours(ctx, r, np, &s);
    const struct bogon *bogons;
    size_t nbogons = bogons_for(ctx, &bogons);
    if (!s.ebgp) {
        if (!bgp_unclassified(ctx, r))
            check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                      "no eBGP session: only routes from other networks need bogon filtering");
    } else if (s.unfiltered.n) {
        check_set(ctx, r, VERDICT_FAIL,
                  "%u eBGP neighbour%s with an import policy that lets in routes it must "
                  "reject (bogons, own prefixes, the default route, over-specifics): %s",
                  s.unfiltered.n, s.unfiltered.n == 1 ? "" : "s", reasons_done(ctx, &s.unfiltered));
    } else if (s.open.n) {
        check_set(ctx, r, np == NO_POLICY_DEPENDS ? VERDICT_UNKNOWN : VERDICT_FAIL,
                  "%u eBGP neighbour%s without an inbound policy (%s): %s", s.open.n,
                  s.open.n == 1 ? "" : "s", why, reasons_done(ctx, &s.open));
    } else if (s.policies.n) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "inbound policies are not resolved to their prefix lists: check that %s "
                  "reject the %zu bogon prefixes (%s), own.prefixes, the default route and "
                  "prefixes longer than /%ld (IPv4) or /%ld (IPv6)",
                  reasons_done(ctx, &s.policies), nbogons,
                  ctx->profile->bgp_bogons.present ? "approved.bgp_bogons" : "built-in table",
                  ctx->profile->bgp_max_prefix_len_v4, ctx->profile->bgp_max_prefix_len_v6);
    } else if (!bgp_unclassified(ctx, r)) {
        check_set(ctx, r, VERDICT_PASS, "%s", pass_message(ctx, &s, nbogons, why));
    }
    reasons_done(ctx, &s.open);
    reasons_done(ctx, &s.policies);
    reasons_done(ctx, &s.unfiltered);
}

static const struct check_def defs[] = {
    {
        .id = "RTG-BGP-BOGONS",
        .source = "builtin",
        .title = "Inbound filters reject bogons, own prefixes, default route and over-specifics",
        .category = "Routing protocol security",
        .severity = SEV_MEDIUM,
        .rationale = "Routes for unallocated or special-purpose space, for the provider's own "
                     "prefixes or a default route from a peer are hijacks or leaks; "
                     "over-specifics are how they win.",
        .measures = MEASURES("M3.15", "M3.18"),
        .context = "own.prefixes",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Apply an inbound policy to every eBGP session that denies "
                                    "bogons, own prefixes, the default route and prefixes "
                                    "longer than /24 (/48 for IPv6).",
                [DIALECT_CISCO_IOS] = "ip prefix-list BOGONS-IN deny 10.0.0.0/8 le 32\n"
                                      "ip prefix-list BOGONS-IN deny 0.0.0.0/0\n"
                                      "ip prefix-list BOGONS-IN permit 0.0.0.0/0 le 24\n"
                                      "router bgp <asn>\n neighbor <peer> prefix-list "
                                      "BOGONS-IN in",
                [DIALECT_CISCO_NXOS] = "ip prefix-list BOGONS-IN deny 10.0.0.0/8 le 32\n"
                                       "router bgp <asn>\n neighbor <peer>\n  address-family "
                                       "ipv4 unicast\n   prefix-list BOGONS-IN in",
                [DIALECT_CISCO_IOSXR] = "route-policy EBGP-IN\n  if destination in BOGONS "
                                        "then drop endif\n  pass\nend-policy\nrouter bgp "
                                        "<asn> neighbor <peer> address-family ipv4 unicast "
                                        "route-policy EBGP-IN in",
                [DIALECT_ARISTA_EOS] = "ip prefix-list BOGONS-IN seq 10 deny 10.0.0.0/8 le 32\n"
                                       "route-map EBGP-IN deny 10\n match ip address "
                                       "prefix-list BOGONS-IN\nrouter bgp <asn>\n neighbor "
                                       "<peer> route-map EBGP-IN in",
                [DIALECT_JUNIPER_JUNOS] = "set policy-options policy-statement EBGP-IN term "
                                          "bogons from route-filter-list BOGONS\nset "
                                          "policy-options policy-statement EBGP-IN term bogons "
                                          "then reject\nset protocols bgp group <ext> import "
                                          "EBGP-IN",
                [DIALECT_NOKIA_SROS] = "configure router policy-options prefix-list BOGONS; "
                                       "policy-statement EBGP-IN entry 10 from prefix-list "
                                       "BOGONS action reject; bgp group <ext> import EBGP-IN",
                [DIALECT_CISCO_ASA] = "prefix-list BOGONS-IN seq 5 deny 10.0.0.0/8 le 32\n"
                                      "prefix-list BOGONS-IN seq 10 permit 0.0.0.0/0 ge 8 "
                                      "le 24\nrouter bgp <asn>\n address-family ipv4 "
                                      "unicast\n  neighbor <peer> prefix-list BOGONS-IN in",
                [DIALECT_FORTINET_FORTIOS] =
                    "config router prefix-list\n edit BOGONS-IN\n  config rule\n   edit 1\n"
                    "    set action deny\n    set prefix 10.0.0.0 255.0.0.0\n    set le 32\n"
                    "   next\n   edit 99\n    set prefix 0.0.0.0 0.0.0.0\n    set ge 8\n"
                    "    set le 24\n   next\n  end\n next\nend\n"
                    "config router prefix-list6\n edit BOGONS6-IN\n  config rule\n   edit 1\n"
                    "    set action deny\n    set prefix6 fc00::/7\n    set le 128\n"
                    "   next\n   edit 99\n    set prefix6 2000::/3\n    set ge 16\n"
                    "    set le 48\n   next\n  end\n next\nend\n"
                    "config router bgp\n config neighbor\n  edit <peer>\n"
                    "   set prefix-list-in BOGONS-IN\n   set prefix-list-in6 BOGONS6-IN\n"
                    "  next\n end\nend",
                [DIALECT_HUAWEI_VRP] = "ip ip-prefix BOGONS-IN deny 10.0.0.0 8 "
                                       "less-equal 32\nbgp <asn>\n peer <peer> ip-prefix "
                                       "BOGONS-IN import",
            },
        .eval = eval_bgp_bogons,
    },
};

const struct check_family checks_family_edge = {defs, ARRAY_SIZE(defs)};
