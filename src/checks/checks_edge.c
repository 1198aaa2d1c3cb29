/*
 * checks_edge.c - RTG-BGP-BOGONS: what routes the device accepts from other
 * networks. A session from another AS with no inbound policy takes every
 * route it is sent, bogons, the provider's own prefixes, the default route
 * and over-specifics included, on every platform that accepts by default.
 * Where an inbound policy exists its prefix lists are not resolved by the
 * model yet, so the verdict says what to look for instead of guessing.
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
    size_t ebgp, rejected;
};

/* Where the model read the import chain (Junos, SR OS): a chain that accepts
 * routes without ever matching a prefix cannot turn bogons away, and one
 * that accepts nothing turns everything away. False when it cannot tell. */
static bool judge_import_chain(const struct bgp_neighbor *nb, struct bogon_scan *s)
{
    const struct policy_summary *p = &nb->in_summary;
    if (!p->known)
        return false;
    const char *addr = nb->addr ? nb->addr : "?";
    if (p->undefined) {
        reasons_add(&s->unfiltered, "%s (policy '%s' is not defined)", addr, p->undefined);
    } else if (!p->accepts_some && p->ends_in_reject) {
        s->rejected++;
    } else if (!p->filters_prefixes) {
        reasons_add(&s->unfiltered, "%s (%s matches no prefix)", addr, nb->in_policy);
    } else {
        return false;
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
            if (!judge_import_chain(nb, s))
                reasons_add(&s->policies, "%s (%s)", nb->addr ? nb->addr : "?", nb->in_policy);
            continue;
        }
        ev_node(ctx, r, nb->node);
        if (np == NO_POLICY_REJECTS)
            s->rejected++;
        else
            reasons_add(&s->open, "%s", nb->addr ? nb->addr : "?");
    }
}

static void eval_bgp_bogons(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    if (!m->bgp.configured || !m->bgp.nneighbors) {
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
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "no eBGP session: only routes from other networks need bogon filtering");
    } else if (s.unfiltered.n) {
        check_set(ctx, r, VERDICT_FAIL,
                  "%u eBGP neighbour%s with an import policy that accepts routes without "
                  "matching any prefix, so bogons, own prefixes, the default route and "
                  "over-specifics get in: %s",
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
    } else {
        check_set(ctx, r, VERDICT_PASS, "%zu eBGP neighbour%s without an inbound policy: %s",
                  s.rejected, s.rejected == 1 ? "" : "s", why);
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
                [DIALECT_HUAWEI_VRP] = "ip ip-prefix BOGONS-IN deny 10.0.0.0 8 "
                                       "less-equal 32\nbgp <asn>\n peer <peer> ip-prefix "
                                       "BOGONS-IN import",
            },
        .eval = eval_bgp_bogons,
    },
};

const struct check_family checks_family_edge = {defs, ARRAY_SIZE(defs)};
