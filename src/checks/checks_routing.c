/*
 * checks_routing.c - routing-protocol checks (RTG-*): BGP session
 * authentication, GTSM, prefix limits and route policies per eBGP
 * neighbour, and IGP authentication; BGP neighbour logging, LDP
 * authentication, MPLS TTL propagation at the edge, first-hop redundancy
 * authentication, routing key lifetimes and RPKI origin validation (the
 * facts of struct rtg_facts).
 */
#include "checks/checks_int.h"

#include <stdint.h>
#include <string.h>

static bool active_neighbor(const struct bgp_neighbor *n, bool ebgp_only)
{
    return !ebgp_only || n->ebgp; /* shut neighbours too (rulings.md) */
}

static size_t count_neighbors(const struct device_model *m, bool ebgp_only)
{
    size_t k = 0;
    for (size_t i = 0; i < m->bgp.nneighbors; i++)
        if (active_neighbor(&m->bgp.neighbors[i], ebgp_only))
            k++;
    return k;
}

bool bgp_unclassified(const struct check_ctx *ctx, struct check_result *r)
{
    const struct bgp_facts *b = &ctx->model->bgp;
    if (!b->unclassified)
        return false;
    ev_node(ctx, r, b->unclassified_node);
    check_set(ctx, r, VERDICT_UNKNOWN,
              "not every eBGP session can be judged: %s; op: show bgp neighbors", b->unclassified);
    return true;
}

static bool no_bgp(const struct check_ctx *ctx, struct check_result *r, bool ebgp_only)
{
    const struct device_model *m = ctx->model;
    if (ebgp_only && count_neighbors(m, true) == 0 && bgp_unclassified(ctx, r))
        return true;
    if (!m->bgp.configured || m->bgp.nneighbors == 0) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "BGP is not configured");
        return true;
    }
    if (count_neighbors(m, ebgp_only) == 0) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "no %sBGP neighbour", ebgp_only ? "e" : "");
        ev_node(ctx, r, m->bgp.node);
        return true;
    }
    return false;
}

/* Judge one per-neighbour fact over the (e)BGP neighbours. */
static void judge_neighbors(const struct check_ctx *ctx, struct check_result *r, bool ebgp_only,
                            size_t fact_off, const char *fail_what, const char *pass_what)
{
    const struct device_model *m = ctx->model;
    if (no_bgp(ctx, r, ebgp_only))
        return;
    struct reasons bad, unknown;
    size_t n = 0;
    reasons_init(&bad);
    reasons_init(&unknown);
    for (size_t i = 0; i < m->bgp.nneighbors; i++) {
        const struct bgp_neighbor *nb = &m->bgp.neighbors[i];
        if (!active_neighbor(nb, ebgp_only))
            continue;
        n++;
        const struct fact_bool *f = (const struct fact_bool *)((const char *)nb + fact_off);
        const char *who = nb->addr ? nb->addr : "?";
        if (f->state == FACT_OFF) {
            reasons_add(&bad, "%s%s%s%s", who, nb->group ? " (group " : "",
                        nb->group ? nb->group : "", nb->group ? ")" : "");
            ev_node(ctx, r, nb->node);
            check_evidence_fact(ctx, r, &f->ev);
        } else if (f->state == FACT_UNKNOWN) {
            reasons_add(&unknown, "%s: %s", who, fact_why(ctx, f));
            ev_node(ctx, r, nb->node);
        } else {
            check_evidence_fact(ctx, r, &f->ev);
        }
    }
    if (bad.n) {
        reasons_done(ctx, &unknown);
        check_set(ctx, r, VERDICT_FAIL, "%u of %zu %sBGP neighbours %s: %s", bad.n, n,
                  ebgp_only ? "e" : "", fail_what, reasons_done(ctx, &bad));
    } else if (unknown.n) {
        reasons_done(ctx, &bad);
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell for some neighbours: %s",
                  reasons_done(ctx, &unknown));
    } else {
        reasons_done(ctx, &bad);
        reasons_done(ctx, &unknown);
        if (!ebgp_only || !bgp_unclassified(ctx, r))
            check_set(ctx, r, VERDICT_PASS, "all %zu %sBGP neighbours %s", n, ebgp_only ? "e" : "",
                      pass_what);
    }
}

static void eval_bgp_auth(const struct check_ctx *ctx, struct check_result *r)
{
    judge_neighbors(ctx, r, false, offsetof(struct bgp_neighbor, auth),
                    "have no session authentication", "are authenticated");
}

static void eval_bgp_gtsm(const struct check_ctx *ctx, struct check_result *r)
{
    judge_neighbors(ctx, r, true, offsetof(struct bgp_neighbor, gtsm),
                    "have no TTL security (GTSM)", "use TTL security (GTSM)");
}

static void eval_bgp_maxprefix(const struct check_ctx *ctx, struct check_result *r)
{
    judge_neighbors(ctx, r, true, offsetof(struct bgp_neighbor, max_prefix),
                    "have no maximum-prefix limit", "have a maximum-prefix limit");
}

/*
 * IOS-XR applies RFC 8212: an eBGP neighbour without a policy exchanges no
 * routes at all, so a missing policy cannot leak or accept anything.
 */
/* What is wrong with a session's chain where the model read its terms
 * (Junos, SR OS), or NULL. Inbound only an undefined policy counts here
 * (what it filters is RTG-BGP-BOGONS'); outbound, a chain must filter:
 * checks.md wants only own and customer prefixes sent, infrastructure denied. */
static const char *policy_problem(const struct check_ctx *ctx, struct check_result *r,
                                  const struct policy_summary *s, bool in)
{
    if (!s->known)
        return NULL;
    if (s->undefined)
        return arena_printf(ctx->arena, "policy '%s' is not defined", s->undefined);
    if (in)
        return NULL;
    if (s->accepts_connected) {
        ev_node(ctx, r, s->connected_node);
        return "advertises connected (interface and loopback) routes, the infrastructure "
               "prefixes that must be denied";
    }
    if (s->accepts_all) {
        ev_node(ctx, r, s->accepts_all_node);
        return "a term accepts every route";
    }
    if (!s->ends_in_reject)
        return "the chain does not end in a reject, so BGP routes no term matches are "
               "advertised by the default BGP export policy";
    return NULL;
}

/* An eBGP session without an import policy of its own but with a filter
 * that applies to every session of its family (VRP filter-policy import):
 * whether that counts as the session's inbound policy is not decided. */
static bool shared_only(const struct bgp_neighbor *nb, bool in, struct reasons *shared)
{
    if (!in || nb->in_policy || !nb->in_also)
        return false;
    reasons_add(shared, "%s (%s)", nb->addr ? nb->addr : "?", nb->in_also);
    return true;
}

static void judge_policy(const struct check_ctx *ctx, struct check_result *r, bool in)
{
    const struct device_model *m = ctx->model;
    if (no_bgp(ctx, r, true))
        return;
    bool rfc8212 = m->dialect == DIALECT_CISCO_IOSXR;
    struct reasons bad, weak, shared;
    size_t n = 0, without = 0;
    reasons_init(&bad);
    reasons_init(&weak);
    reasons_init(&shared);
    for (size_t i = 0; i < m->bgp.nneighbors; i++) {
        const struct bgp_neighbor *nb = &m->bgp.neighbors[i];
        if (!active_neighbor(nb, true))
            continue;
        n++;
        const char *pol = in ? nb->in_policy : nb->out_policy;
        ev_node(ctx, r, nb->node);
        ev_node(ctx, r, in ? nb->in_policy_node : nb->out_policy_node);
        if (!pol)
            without++;
        if (!pol && !rfc8212 && !shared_only(nb, in, &shared))
            reasons_add(&bad, "%s", nb->addr ? nb->addr : "?");
        const char *why = policy_problem(ctx, r, in ? &nb->in_summary : &nb->out_summary, in);
        if (why)
            reasons_add(&weak, "%s (%s): %s", nb->addr ? nb->addr : "?", pol, why);
    }
    if (bad.n) {
        reasons_done(ctx, &weak);
        reasons_done(ctx, &shared);
        check_set(ctx, r, VERDICT_FAIL, "%u of %zu eBGP neighbours have no %s policy: %s", bad.n, n,
                  in ? "import (inbound)" : "export (outbound)", reasons_done(ctx, &bad));
        return;
    }
    reasons_done(ctx, &bad);
    if (weak.n) {
        reasons_done(ctx, &shared);
        check_set(ctx, r, VERDICT_FAIL,
                  "%u of %zu eBGP neighbours have a %s policy that does not "
                  "filter: %s",
                  weak.n, n, in ? "import" : "export", reasons_done(ctx, &weak));
        return;
    }
    reasons_done(ctx, &weak);
    if (shared.n) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "%u of %zu eBGP neighbours have no import policy of their own, only a filter "
                  "their address family applies to every session; check that it is the "
                  "intended inbound policy: %s",
                  shared.n, n, reasons_done(ctx, &shared));
        return;
    }
    reasons_done(ctx, &shared);
    if (bgp_unclassified(ctx, r))
        return;
    check_set(ctx, r, VERDICT_PASS, "%s",
              rfc8212 && without
                  ? "eBGP neighbours without a policy exchange no routes on this platform "
                    "(RFC 8212); the others have one"
                  : (in ? "every eBGP neighbour has an inbound route policy"
                        : "every eBGP neighbour has an outbound route policy"));
}

static void eval_bgp_in(const struct check_ctx *ctx, struct check_result *r)
{
    judge_policy(ctx, r, true);
}

static void eval_bgp_out(const struct check_ctx *ctx, struct check_result *r)
{
    judge_policy(ctx, r, false);
}

static void eval_igp_auth(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    if (m->nigps == 0) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "no OSPF, IS-IS or EIGRP instance is configured");
        return;
    }
    size_t idle = 0;
    for (size_t i = 0; i < m->nigps; i++)
        idle += m->igps[i].no_interface;
    if (idle == m->nigps) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "no IGP process takes in an interface (its network statements match no "
                  "interface address), so no adjacency can form");
        ev_node(ctx, r, m->igps[0].node);
        return;
    }
    struct reasons bad, unknown;
    size_t sha = 0;
    reasons_init(&bad);
    reasons_init(&unknown);
    for (size_t i = 0; i < m->nigps; i++) {
        const struct igp_instance *g = &m->igps[i];
        const char *label = g->proto ? g->proto : "igp";
        if (g->no_interface)
            continue;
        if (g->auth.state == FACT_OFF) {
            reasons_add(&bad, "%s %s", label, g->name ? g->name : "");
            ev_node(ctx, r, g->node);
            check_evidence_fact(ctx, r, &g->auth.ev);
        } else if (g->auth.state == FACT_ON && g->alg == IGP_ALG_MD5) {
            /* rulings: MD5 fails, the title asks for HMAC-SHA */
            reasons_add(&bad, "%s %s authenticates with MD5 (checks.md: HMAC-SHA expected)", label,
                        g->name ? g->name : "");
            ev_node(ctx, r, g->alg_node);
        } else if (g->auth.state == FACT_ON && g->alg == IGP_ALG_UNKNOWN) {
            reasons_add(&unknown, "%s %s: %s", label, g->name ? g->name : "",
                        g->alg_why ? g->alg_why : "the authentication algorithm is not visible");
            ev_node(ctx, r, g->alg_node);
        } else if (g->auth.state == FACT_UNKNOWN) {
            reasons_add(&unknown, "%s %s: %s", label, g->name ? g->name : "",
                        fact_why(ctx, &g->auth));
            ev_node(ctx, r, g->node);
        } else {
            check_evidence_fact(ctx, r, &g->auth.ev);
            ev_node(ctx, r, g->alg_node);
            sha += g->alg == IGP_ALG_SHA;
        }
    }
    if (bad.n) {
        reasons_done(ctx, &unknown);
        check_set(ctx, r, VERDICT_FAIL,
                  "IGP adjacencies without HMAC-SHA authentication (none, cleartext or MD5): %s",
                  reasons_done(ctx, &bad));
    } else if (unknown.n) {
        reasons_done(ctx, &bad);
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell IGP authentication: %s",
                  reasons_done(ctx, &unknown));
    } else {
        reasons_done(ctx, &bad);
        reasons_done(ctx, &unknown);
        check_set(ctx, r, VERDICT_PASS, "every IGP instance (%zu) authenticates its adjacencies%s",
                  m->nigps, sha == m->nigps - idle ? " with HMAC-SHA" : "");
    }
}

/* ------------------------------------------------ routing security facts */

/* A fact with its reason in both messages: fail/pass text, then the why. */
static void judge_with_why(const struct check_ctx *ctx, struct check_result *r,
                           const struct fact_bool *f, const char *fail_msg, const char *pass_msg,
                           const char *what)
{
    const char *why = f->why && *f->why ? f->why : NULL;
    if (f->state == FACT_UNKNOWN)
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell whether %s: %s", what, fact_why(ctx, f));
    else if (f->state == FACT_OFF)
        check_set(ctx, r, VERDICT_FAIL, "%s%s%s", fail_msg, why ? ": " : "", why ? why : "");
    else
        check_set(ctx, r, VERDICT_PASS, "%s%s%s", pass_msg, why ? ": " : "", why ? why : "");
    check_evidence_fact(ctx, r, &f->ev);
}

static void eval_bgp_logging(const struct check_ctx *ctx, struct check_result *r)
{
    if (no_bgp(ctx, r, false))
        return;
    judge_with_why(ctx, r, &ctx->model->rtg.bgp_log, "BGP neighbour state changes are not logged",
                   "BGP neighbour state changes are logged",
                   "BGP neighbour state changes are logged");
}

static const struct check_def defs[] = {
    {
        .id = "RTG-BGP-AUTH",
        .source = "builtin",
        .title = "Every BGP session is authenticated (TCP-AO preferred, MD5 acceptable)",
        .category = "Routing protocol security",
        .severity = SEV_HIGH,
        .rationale = "An unauthenticated BGP session can be reset or fed routes by anyone "
                     "able to spoof the peer's address.",
        .measures = MEASURES("M10.49", "M3.15"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Configure TCP-AO (or MD5) authentication on every BGP "
                                    "neighbour, with a different key per peer AS.",
                [DIALECT_CISCO_IOS] = "router bgp <asn>\n neighbor <peer> password <key>  (or "
                                      "neighbor <peer> ao <keychain>)",
                [DIALECT_CISCO_NXOS] = "router bgp <asn>\n neighbor <peer>\n  password <key>",
                [DIALECT_CISCO_IOSXR] = "router bgp <asn>\n neighbor <peer>\n  password "
                                        "<key>  (or ao <keychain>)",
                [DIALECT_CISCO_ASA] = "router bgp <asn>\n address-family ipv4 unicast\n  "
                                      "neighbor <peer> password <key>",
                [DIALECT_ARISTA_EOS] = "router bgp <asn>\n neighbor <peer> password <key>",
                [DIALECT_JUNIPER_JUNOS] = "set protocols bgp group <group> authentication-key "
                                          "<key>",
                [DIALECT_NOKIA_SROS] = "configure router bgp group <group> authentication-key "
                                       "<key>",
                [DIALECT_HUAWEI_VRP] = "bgp <asn>\n peer <peer> password cipher <key>",
            },
        .eval = eval_bgp_auth,
    },
    {
        .id = "RTG-BGP-GTSM",
        .source = "builtin",
        .title = "eBGP sessions use GTSM (TTL security)",
        .category = "Routing protocol security",
        .severity = SEV_MEDIUM,
        .rationale = "Accepting only packets with TTL 255 from a directly connected peer stops "
                     "remote spoofed attacks on the BGP session.",
        .measures = MEASURES("M10.49"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Enable TTL security (GTSM) on directly connected eBGP "
                                    "sessions.",
                [DIALECT_CISCO_IOS] = "router bgp <asn>\n neighbor <peer> ttl-security hops 1",
                [DIALECT_CISCO_NXOS] = "router bgp <asn>\n neighbor <peer>\n  ttl-security "
                                       "hops 1",
                [DIALECT_CISCO_IOSXR] = "router bgp <asn>\n neighbor <peer>\n  ttl-security",
                [DIALECT_ARISTA_EOS] = "router bgp <asn>\n neighbor <peer> ttl maximum-hops 1",
                [DIALECT_JUNIPER_JUNOS] = "Add a firewall term on eBGP-facing interfaces: from "
                                          "protocol tcp port bgp ttl-except 255 then discard",
                [DIALECT_NOKIA_SROS] = "configure router bgp group <group> neighbor <peer> "
                                       "ttl-security 255",
                [DIALECT_HUAWEI_VRP] = "bgp <asn>\n peer <peer> valid-ttl-hops 1",
            },
        .eval = eval_bgp_gtsm,
    },
    {
        .id = "RTG-BGP-MAXPREFIX",
        .source = "builtin",
        .title = "Maximum-prefix limits on every eBGP session",
        .category = "Routing protocol security",
        .severity = SEV_MEDIUM,
        .rationale = "A prefix limit stops a leaking or misbehaving peer from flooding the "
                     "routing table.",
        .measures = MEASURES("M3.12", "M3.15"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Set a maximum-prefix limit on every eBGP neighbour and "
                                    "address family.",
                [DIALECT_CISCO_IOS] = "router bgp <asn>\n address-family ipv4\n  neighbor "
                                      "<peer> maximum-prefix <n> 90 restart 30",
                [DIALECT_CISCO_NXOS] = "router bgp <asn>\n neighbor <peer>\n  address-family "
                                       "ipv4 unicast\n   maximum-prefix <n> 90",
                [DIALECT_CISCO_IOSXR] = "router bgp <asn>\n neighbor <peer>\n  address-family "
                                        "ipv4 unicast\n   maximum-prefix <n> 75",
                [DIALECT_ARISTA_EOS] = "router bgp <asn>\n neighbor <peer> maximum-routes <n>",
                [DIALECT_JUNIPER_JUNOS] = "set protocols bgp group <group> family inet unicast "
                                          "prefix-limit maximum <n> teardown",
                [DIALECT_NOKIA_SROS] = "configure router bgp group <group> prefix-limit ipv4 "
                                       "<n>",
                [DIALECT_HUAWEI_VRP] = "bgp <asn>\n peer <peer> route-limit <n>",
            },
        .eval = eval_bgp_maxprefix,
    },
    {
        .id = "RTG-BGP-IN-POLICY",
        .source = "builtin",
        .title = "Inbound route filtering on every eBGP session",
        .category = "Routing protocol security",
        .severity = SEV_HIGH,
        .rationale = "Without an import policy an eBGP session accepts hijacked and leaked "
                     "routes.",
        .measures = MEASURES("M3.15", "M3.18", "M3.12"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Apply an inbound route policy to every eBGP neighbour.",
                [DIALECT_CISCO_IOS] = "router bgp <asn>\n address-family ipv4\n  neighbor "
                                      "<peer> route-map <PEER-IN> in",
                [DIALECT_CISCO_NXOS] = "router bgp <asn>\n neighbor <peer>\n  address-family "
                                       "ipv4 unicast\n   route-map <PEER-IN> in",
                [DIALECT_CISCO_IOSXR] = "router bgp <asn>\n neighbor <peer>\n  address-family "
                                        "ipv4 unicast\n   route-policy <PEER-IN> in",
                [DIALECT_CISCO_ASA] = "router bgp <asn>\n address-family ipv4 unicast\n  "
                                      "neighbor <peer> route-map <PEER-IN> in",
                [DIALECT_ARISTA_EOS] = "router bgp <asn>\n neighbor <peer> route-map <PEER-IN> "
                                       "in",
                [DIALECT_JUNIPER_JUNOS] = "set protocols bgp group <group> import <PEER-IN>",
                [DIALECT_NOKIA_SROS] = "configure router bgp group <group> import policy "
                                       "<PEER-IN>",
                [DIALECT_HUAWEI_VRP] = "bgp <asn>\n peer <peer> route-policy <PEER-IN> import",
            },
        .eval = eval_bgp_in,
    },
    {
        .id = "RTG-BGP-OUT-POLICY",
        .source = "builtin",
        .title = "Outbound route filtering on every eBGP session",
        .category = "Routing protocol security",
        .severity = SEV_HIGH,
        .rationale = "Without an export policy the device can leak infrastructure, customer "
                     "or third-party routes to its peers.",
        .measures = MEASURES("M3.15", "M3.09"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Apply an outbound route policy to every eBGP neighbour "
                                    "that permits only your own and customer prefixes.",
                [DIALECT_CISCO_IOS] = "router bgp <asn>\n address-family ipv4\n  neighbor "
                                      "<peer> route-map <PEER-OUT> out",
                [DIALECT_CISCO_NXOS] = "router bgp <asn>\n neighbor <peer>\n  address-family "
                                       "ipv4 unicast\n   route-map <PEER-OUT> out",
                [DIALECT_CISCO_IOSXR] = "router bgp <asn>\n neighbor <peer>\n  address-family "
                                        "ipv4 unicast\n   route-policy <PEER-OUT> out",
                [DIALECT_CISCO_ASA] = "router bgp <asn>\n address-family ipv4 unicast\n  "
                                      "neighbor <peer> route-map <PEER-OUT> out",
                [DIALECT_ARISTA_EOS] = "router bgp <asn>\n neighbor <peer> route-map "
                                       "<PEER-OUT> out",
                [DIALECT_JUNIPER_JUNOS] = "set protocols bgp group <group> export <PEER-OUT>",
                [DIALECT_NOKIA_SROS] = "configure router bgp group <group> export policy "
                                       "<PEER-OUT>",
                [DIALECT_HUAWEI_VRP] = "bgp <asn>\n peer <peer> route-policy <PEER-OUT> export",
            },
        .eval = eval_bgp_out,
    },
    {
        .id = "RTG-IGP-AUTH",
        .source = "builtin",
        .title = "OSPF/IS-IS adjacencies authenticated with HMAC-SHA; never cleartext",
        .category = "Routing protocol security",
        .severity = SEV_HIGH,
        .rationale = "An unauthenticated (or cleartext-authenticated) IGP lets anyone on a "
                     "link form an adjacency and inject routes.",
        .measures = MEASURES("M10.49", "M11.34"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Authenticate every OSPF/IS-IS adjacency with HMAC-SHA "
                                    "keys (MD5 does not meet the check; never cleartext).",
                [DIALECT_CISCO_IOS] = "key chain IGP\n key 1\n  key-string <key>\n  "
                                      "cryptographic-algorithm hmac-sha-256\ninterface <if>\n "
                                      "ip ospf authentication key-chain IGP",
                [DIALECT_CISCO_NXOS] = "key chain IGP\n key 1\n  key-string <key>\n  "
                                       "cryptographic-algorithm HMAC-SHA-256\ninterface <if>\n "
                                       "ip ospf authentication key-chain IGP",
                [DIALECT_CISCO_IOSXR] = "key chain IGP\n key 1\n  key-string <key>\n  "
                                        "cryptographic-algorithm HMAC-SHA-256\nrouter ospf "
                                        "<id>\n authentication keychain IGP",
                [DIALECT_CISCO_ASA] = "ASA OSPF authentication is MD5 only: keep the adjacency "
                                      "off the firewall or carry it over IPsec",
                [DIALECT_ARISTA_EOS] = "interface <if>\n ip ospf authentication message-digest\n "
                                       "ip ospf message-digest-key 1 sha256 <key>",
                [DIALECT_JUNIPER_JUNOS] = "set security authentication-key-chains key-chain IGP "
                                          "key 1 algorithm hmac-sha-1\nset protocols isis level 2 "
                                          "authentication-key-chain IGP",
                [DIALECT_NOKIA_SROS] = "configure system security keychain IGP direction bi "
                                       "entry 1 key <key> algorithm hmac-sha-256\nconfigure "
                                       "router isis auth-keychain IGP",
                [DIALECT_HUAWEI_VRP] = "ospf <id>\n area <area>\n  authentication-mode "
                                       "hmac-sha256 1 cipher <key>",
            },
        .eval = eval_igp_auth,
    },
};

const struct check_family checks_family_routing = {defs, ARRAY_SIZE(defs)};

static void eval_fhrp_auth(const struct check_ctx *ctx, struct check_result *r)
{
    const struct rtg_facts *f = &ctx->model->rtg;
    if (f->nfhrp == 0) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "%s",
                  ctx->model->dialect == DIALECT_FORTINET_FORTIOS
                      ? "not assessed on FortiOS: checks.md gives no FortiOS evidence for "
                        "first-hop redundancy"
                      : "no HSRP, VRRP or GLBP group is configured");
        return;
    }
    struct reasons bad, unknown;
    reasons_init(&bad);
    reasons_init(&unknown);
    for (size_t i = 0; i < f->nfhrp; i++) {
        const struct fhrp_group *g = &f->fhrp[i];
        const char *itf = g->ifname ? g->ifname : "?", *grp = g->group ? g->group : "?";
        ev_node(ctx, r, g->auth_node ? g->auth_node : g->node);
        if (g->auth == RTG_AUTH_MD5)
            continue;
        if (g->auth == RTG_AUTH_UNKNOWN)
            reasons_add(&unknown, "%s %s group %s: %s", g->proto, itf, grp,
                        g->why ? g->why : "authentication not read");
        else
            reasons_add(&bad, "%s %s group %s %s", g->proto, itf, grp,
                        g->auth == RTG_AUTH_TEXT          ? "uses a cleartext password"
                        : g->auth == RTG_AUTH_UNSUPPORTED ? "(VRRPv3 defines no authentication)"
                                                          : "is not authenticated");
    }
    const char *what =
        arena_printf(ctx->arena, "%u of %zu first-hop redundancy groups lack MD5 authentication",
                     bad.n, f->nfhrp);
    if (!judge_reasons(ctx, r, &bad, &unknown, what))
        check_set(ctx, r, VERDICT_PASS,
                  "every first-hop redundancy group (%zu) is "
                  "authenticated with MD5 or a key chain",
                  f->nfhrp);
}

static void eval_ldp_auth(const struct check_ctx *ctx, struct check_result *r)
{
    const struct rtg_facts *f = &ctx->model->rtg;
    if (!f->ldp_node) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "%s",
                  f->mpls_node ? "MPLS runs without LDP (no LDP sessions)"
                               : "MPLS/LDP is not configured");
        ev_node(ctx, r, f->mpls_node);
        return;
    }
    judge_with_why(ctx, r, &f->ldp_auth, "LDP sessions are not authenticated",
                   "LDP sessions are authenticated", "every LDP session is authenticated");
    ev_node(ctx, r, f->ldp_node);
}

static void eval_mpls_ttl(const struct check_ctx *ctx, struct check_result *r)
{
    const struct rtg_facts *f = &ctx->model->rtg;
    if (!f->mpls_node) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "MPLS is not configured");
        return;
    }
    if (!f->pe_why) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "an MPLS core (P) router: no VRF/VPRN with a route distinguisher, no L2VPN "
                  "service and no eBGP session, so customer traffic does not enter the label "
                  "core here");
        ev_node(ctx, r, f->mpls_node);
        return;
    }
    const struct fact_bool *t = &f->ttl_propagate;
    const char *why = t->why && *t->why ? t->why : NULL;
    if (t->state == FACT_UNKNOWN)
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "MPLS edge (%s), but cannot tell whether the IP TTL "
                  "is copied into labels: %s",
                  f->pe_why, fact_why(ctx, t));
    else if (t->state == FACT_ON)
        check_set(ctx, r, VERDICT_FAIL,
                  "MPLS edge (%s) copies the IP TTL into labels, so a "
                  "traceroute shows the core hop by hop%s%s",
                  f->pe_why, why ? ": " : "", why ? why : "");
    else
        check_set(ctx, r, VERDICT_PASS,
                  "MPLS edge (%s) does not propagate the IP TTL into "
                  "labels%s%s",
                  f->pe_why, why ? ": " : "", why ? why : "");
    ev_node(ctx, r, f->pe_node);
    check_evidence_fact(ctx, r, &t->ev);
}

/* Routing keys outside key chains: the routing kinds of the device's secrets. */
static bool routing_secret_kind(const char *k)
{
    static const char *const kinds[] = {"bgp-key",  "ospf-key", "isis-key", "ldp-key",
                                        "rsvp-key", "vrrp-key", "bfd-key",  "eigrp-key"};
    for (size_t i = 0; k && i < ARRAY_SIZE(kinds); i++)
        if (strcmp(k, kinds[i]) == 0)
            return true;
    return false;
}

/* One lifetime of a key against the policy; adds a reason when it is not bounded. */
static void judge_lifetime(const struct check_ctx *ctx, const struct rtg_key *k, long span,
                           const char *what, long max, struct reasons *bad, struct reasons *unk)
{
    const char *c = k->chain ? k->chain : "?", *id = k->id && *k->id ? k->id : "";
    if (span == RTG_LIFE_NONE)
        reasons_add(bad, "%s key %s has no %s lifetime", c, id, what);
    else if (span == RTG_LIFE_INFINITE)
        reasons_add(bad, "%s key %s: %s lifetime never ends", c, id, what);
    else if (span == RTG_LIFE_UNREAD)
        reasons_add(unk, "%s %s: %s", c, id, k->why ? k->why : "lifetime not read");
    else if (span == RTG_LIFE_OPEN) {
        long age = k->since_day == INT32_MIN ? -1 : (long)check_as_of(ctx) - k->since_day;
        if (age > max)
            reasons_add(bad, "%s key %s has been in use for %ld days with no successor", c, id,
                        age);
    } else if (span > max) {
        reasons_add(bad, "%s key %s: %s lifetime of %ld days", c, id, what, span);
    }
}

static void eval_key_lifetime(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    const struct profile *p = ctx->profile;
    long max = p && p->has_key_lifetime_days ? p->key_lifetime_days : 180;
    size_t nstatic = 0;
    struct reasons bad, unk;
    reasons_init(&bad);
    reasons_init(&unk);
    for (size_t i = 0; i < m->nother_secrets; i++) {
        if (!routing_secret_kind(m->other_secret_kinds ? m->other_secret_kinds[i] : NULL))
            continue;
        if (!nstatic++)
            ev_node(ctx, r, m->other_secrets[i].node);
    }
    for (size_t i = 0; i < m->rtg.nkeys; i++) {
        const struct rtg_key *k = &m->rtg.keys[i];
        unsigned before = bad.n + unk.n;
        judge_lifetime(ctx, k, k->send_days, "send", max, &bad, &unk);
        if (k->accept_days != k->send_days || k->send_days == RTG_LIFE_NONE)
            judge_lifetime(ctx, k, k->accept_days, "accept", max, &bad, &unk);
        if (bad.n + unk.n != before || i < 4)
            ev_node(ctx, r, k->send_node ? k->send_node : k->node);
    }
    if (m->rtg.nkeys == 0 && nstatic == 0) {
        reasons_done(ctx, &bad);
        reasons_done(ctx, &unk);
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "no routing-protocol keys (no key chain and "
                  "no BGP, IGP, LDP or VRRP key)");
        return;
    }
    if (nstatic)
        reasons_add(&bad,
                    "%zu routing key%s outside any key chain (neighbour or interface "
                    "passwords) cannot expire or rotate",
                    nstatic, nstatic == 1 ? "" : "s");
    const char *lim = p && p->has_key_lifetime_days ? ""
                                                    : " (policy.key_lifetime_days unset: "
                                                      "180, the STIG's limit)";
    if (bad.n) {
        reasons_done(ctx, &unk);
        check_set(ctx, r, VERDICT_FAIL, "routing keys not bounded to %ld days%s: %s", max, lim,
                  reasons_done(ctx, &bad));
    } else if (unk.n) {
        reasons_done(ctx, &bad);
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell key lifetimes: %s",
                  reasons_done(ctx, &unk));
    } else {
        reasons_done(ctx, &bad);
        reasons_done(ctx, &unk);
        check_set(ctx, r, VERDICT_PASS,
                  "every key-chain key (%zu) has send and accept "
                  "lifetimes of at most %ld days%s",
                  m->rtg.nkeys, max, lim);
    }
}

/* Whether the device is an eBGP edge is a matter of its sessions that are
 * up: with every eBGP neighbour shut it exchanges no routes with another AS. */
static bool all_ebgp_shut(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    for (size_t i = 0; i < m->bgp.nneighbors; i++)
        if (m->bgp.neighbors[i].ebgp && !m->bgp.neighbors[i].shutdown)
            return false;
    check_set(ctx, r, VERDICT_NOT_APPLICABLE, "every eBGP neighbour is shut: not an eBGP edge");
    ev_node(ctx, r, m->bgp.node);
    return true;
}

/*
 * RPKI: caches must be configured, approved (approved.rpki_caches) and the
 * inbound policies must reject invalid routes (rtg.rov_reject, read by
 * extract_rov.c from each eBGP session's import policy).
 */
static void eval_rpki_rov(const struct check_ctx *ctx, struct check_result *r)
{
    const struct rtg_facts *f = &ctx->model->rtg;
    const struct profile *p = ctx->profile;
    enum dialect d = ctx->model->dialect;
    if (d == DIALECT_CISCO_ASA || d == DIALECT_FORTINET_FORTIOS) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "checks.md lists no RPKI evidence for %s",
                  dialect_name(d));
        return;
    }
    if (no_bgp(ctx, r, true) || all_ebgp_shut(ctx, r))
        return;
    if (f->nrpki_caches == 0) {
        check_set(ctx, r, VERDICT_FAIL,
                  "eBGP edge router with no RPKI cache configured: route "
                  "origins are not validated");
        ev_node(ctx, r, ctx->model->bgp.node);
        return;
    }
    for (size_t i = 0; i < f->nrpki_caches; i++)
        ev_node(ctx, r, f->rpki_caches[i].node);
    if (!p || !p->rpki_caches.present) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "%zu RPKI cache%s configured; set "
                  "approved.rpki_caches to judge them",
                  f->nrpki_caches, f->nrpki_caches == 1 ? "" : "s");
        return;
    }
    struct reasons bad;
    reasons_init(&bad);
    for (size_t i = 0; i < f->nrpki_caches; i++) {
        const struct host_ref *h = &f->rpki_caches[i];
        if (!h->addr.af)
            reasons_add(&bad, "%s (a name, not an approved address)", h->host);
        else if (!pset_contains(&p->rpki_caches, &h->addr))
            reasons_add(&bad, "%s", h->host);
    }
    if (bad.n) {
        check_set(ctx, r, VERDICT_FAIL, "RPKI caches outside approved.rpki_caches: %s",
                  reasons_done(ctx, &bad));
        return;
    }
    reasons_done(ctx, &bad);
    const struct fact_bool *rov = &f->rov_reject;
    check_evidence_fact(ctx, r, &rov->ev);
    if (rov->state == FACT_ON)
        check_set(ctx, r, VERDICT_PASS,
                  "%zu approved RPKI cache%s, and every eBGP import policy rejects RPKI-invalid "
                  "routes before it can accept them",
                  f->nrpki_caches, f->nrpki_caches == 1 ? "" : "s");
    else if (rov->state == FACT_OFF)
        check_set(ctx, r, VERDICT_FAIL, "RPKI-invalid routes are not rejected: %s",
                  fact_why(ctx, rov));
    else
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "%zu approved RPKI cache%s configured, but whether every eBGP import policy "
                  "rejects invalid routes is open: %s; the import policies and 'show bgp ... "
                  "origin-validation' (or the platform's equivalent) tell",
                  f->nrpki_caches, f->nrpki_caches == 1 ? "" : "s",
                  rov->why ? rov->why : "the policies were not read");
}

/* The checks added after the first release come after every other family in
 * the registry, so that the built-in order of the earlier checks stays stable. */
static const struct check_def sec_defs[] = {
    {
        .id = "RTG-BGP-LOGGING",
        .source = "builtin",
        .title = "BGP neighbour state changes logged",
        .category = "Routing protocol security",
        .severity = SEV_LOW,
        .rationale = "Session resets and flaps recorded in the log are how a provider notices "
                     "an attack on, or misuse of, its BGP sessions.",
        .measures = MEASURES("M3.11", "M8.07"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Log every BGP neighbour's up/down state changes.",
                [DIALECT_CISCO_IOS] = "router bgp <asn>\n bgp log-neighbor-changes",
                [DIALECT_CISCO_NXOS] = "router bgp <asn>\n log-neighbor-changes\n vrf <vrf>\n  "
                                       "log-neighbor-changes",
                [DIALECT_CISCO_IOSXR] = "router bgp <asn>\n no bgp log neighbor changes disable",
                [DIALECT_CISCO_ASA] = "router bgp <asn>\n bgp log-neighbor-changes",
                [DIALECT_ARISTA_EOS] = "router bgp <asn>\n bgp log-neighbor-changes",
                [DIALECT_JUNIPER_JUNOS] = "set protocols bgp log-updown",
                [DIALECT_NOKIA_SROS] = "Remove the suppression of BGP events: configure log "
                                       "event-control bgp <event> generate",
                [DIALECT_HUAWEI_VRP] = "bgp <asn>\n peer <peer> log-change",
                [DIALECT_FORTINET_FORTIOS] = "config router bgp\n set log-neighbour-changes "
                                             "enable\nend",
            },
        .eval = eval_bgp_logging,
    },
    {
        .id = "RTG-FHRP-AUTH",
        .source = "builtin",
        .title = "First-hop redundancy protocols authenticated (where used)",
        .category = "Routing protocol security",
        .severity = SEV_LOW,
        .rationale = "A rogue HSRP/VRRP/GLBP speaker on a segment can take over the virtual "
                     "gateway and capture its traffic unless the groups authenticate.",
        .measures = MEASURES("M10.49"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Authenticate every HSRP/VRRP/GLBP group with MD5 or a "
                                    "key chain (never a cleartext password).",
                [DIALECT_CISCO_IOS] = "interface <if>\n standby <g> authentication md5 "
                                      "key-chain <chain>",
                [DIALECT_CISCO_NXOS] = "interface <if>\n hsrp <g>\n  authentication md5 "
                                       "key-chain <chain>",
                [DIALECT_CISCO_IOSXR] = "router hsrp\n interface <if>\n  address-family ipv4\n "
                                        "  hsrp <g>\n    authentication <key>  (cleartext "
                                        "only: prefer filtering the group's traffic)",
                [DIALECT_ARISTA_EOS] = "interface <if>\n vrrp <g> authentication ietf-md5 "
                                       "key-string <key>",
                [DIALECT_JUNIPER_JUNOS] = "set interfaces <if> unit <u> family inet address <a> "
                                          "vrrp-group <g> authentication-type md5 "
                                          "authentication-key <key>",
                [DIALECT_NOKIA_SROS] = "SR OS VRRP offers only a cleartext password: filter "
                                       "VRRP (protocol 112) on the segment and set "
                                       "authentication-key as a minimum",
                [DIALECT_HUAWEI_VRP] = "interface <if>\n vrrp vrid <g> authentication-mode md5 "
                                       "<key>",
            },
        .eval = eval_fhrp_auth,
    },
    {
        .id = "RTG-LDP-AUTH",
        .source = "builtin",
        .title = "LDP (esp. targeted LDP for L2VPN) sessions authenticated",
        .category = "Routing protocol security",
        .severity = SEV_MEDIUM,
        .rationale = "Unauthenticated LDP lets a spoofed peer inject label bindings and hijack "
                     "pseudowires.",
        .measures = MEASURES("M10.49"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Authenticate every LDP session (TCP MD5 or a key chain), "
                                    "with a default password that covers every neighbour.",
                [DIALECT_CISCO_IOS] = "mpls ldp password fallback <key>\nmpls ldp password "
                                      "required",
                [DIALECT_CISCO_NXOS] = "mpls ldp configuration\n  password required\n  "
                                       "password fallback <key>",
                [DIALECT_CISCO_IOSXR] = "mpls ldp\n neighbor\n  password encrypted <key>",
                [DIALECT_ARISTA_EOS] = "mpls ldp\n   neighbor <peer> password <key>",
                [DIALECT_JUNIPER_JUNOS] = "set protocols ldp session-group 0.0.0.0/0 "
                                          "authentication-key <key>",
                [DIALECT_NOKIA_SROS] = "configure router ldp session-parameters peer <peer> "
                                       "authentication-key <key>",
                [DIALECT_HUAWEI_VRP] = "mpls ldp\n md5-password cipher <peer> <key>",
            },
        .eval = eval_ldp_auth,
    },
    {
        .id = "RTG-MPLS-TTL",
        .source = "builtin",
        .title = "MPLS TTL propagation disabled at the edge (hide core topology)",
        .category = "Routing protocol security",
        .severity = SEV_LOW,
        .rationale = "When a PE copies the IP TTL into labels, customers and outsiders can "
                     "trace the provider core hop by hop.",
        .measures = MEASURES("M7.02", "M18.06", "M10.49"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Disable IP TTL propagation into MPLS labels on edge "
                                    "(PE) routers.",
                [DIALECT_CISCO_IOS] = "no mpls ip propagate-ttl forwarded",
                [DIALECT_CISCO_NXOS] = "no mpls ip propagate-ttl",
                [DIALECT_CISCO_IOSXR] = "mpls ip-ttl-propagate disable forwarded",
                [DIALECT_ARISTA_EOS] = "no mpls icmp ttl-exceeded tunneling",
                [DIALECT_JUNIPER_JUNOS] = "set protocols mpls no-propagate-ttl",
                [DIALECT_NOKIA_SROS] = "configure router ttl-propagate vprn-transit none",
                [DIALECT_HUAWEI_VRP] = "mpls\n undo ttl propagate",
            },
        .eval = eval_mpls_ttl,
    },
    {
        .id = "RTG-KEY-LIFETIME",
        .source = "builtin",
        .title = "Routing-protocol keys have bounded lifetimes and rotation",
        .category = "Routing protocol security",
        .severity = SEV_LOW,
        .rationale = "Keys that never expire are never rotated: a leaked routing key stays "
                     "valid for as long as the session runs.",
        .measures = MEASURES("M10.49"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Put routing keys in key chains whose keys carry send and "
                                    "accept lifetimes no longer than policy.key_lifetime_days, "
                                    "with overlapping successor keys.",
                [DIALECT_CISCO_IOS] = "key chain <chain>\n key 1\n  key-string <key>\n  "
                                      "accept-lifetime 00:00:00 Jan 1 2027 00:00:00 Jul 1 2027\n"
                                      "  send-lifetime 00:00:00 Jan 1 2027 00:00:00 Jun 30 2027",
                [DIALECT_CISCO_NXOS] = "key chain <chain>\n  key 1\n    key-string <key>\n    "
                                       "accept-lifetime 00:00:00 Jan 01 2027 00:00:00 Jul 01 "
                                       "2027\n    send-lifetime 00:00:00 Jan 01 2027 00:00:00 "
                                       "Jun 30 2027",
                [DIALECT_CISCO_IOSXR] = "key chain <chain>\n key 1\n  accept-lifetime 00:00:00 "
                                        "january 01 2027 00:00:00 july 01 2027\n  "
                                        "send-lifetime 00:00:00 january 01 2027 00:00:00 june 30 "
                                        "2027",
                [DIALECT_JUNIPER_JUNOS] = "set security authentication-key-chains key-chain "
                                          "<chain> key 1 start-time 2027-1-1.00:00:00 (and a "
                                          "successor key within the policy's days)",
                [DIALECT_NOKIA_SROS] = "configure system security keychain <chain> direction bi "
                                       "entry <n> begin-time <date> (successor entries within "
                                       "the policy's days)",
                [DIALECT_HUAWEI_VRP] = "keychain <chain> mode absolute\n key-id 1\n  send-time "
                                       "<start> to <end>\n  receive-time <start> to <end>",
            },
        .eval = eval_key_lifetime,
    },
    {
        .id = "RTG-RPKI-ROV",
        .source = "builtin",
        .title = "RPKI route-origin validation configured and invalid routes rejected",
        .category = "Routing protocol security",
        .severity = SEV_MEDIUM,
        .rationale = "Without origin validation an eBGP edge accepts hijacked prefixes that "
                     "RPKI already marks invalid.",
        .measures = MEASURES("M7.04", "M7.03", "M3.11"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Configure sessions to the approved RPKI caches and reject "
                                    "RPKI-invalid routes in every eBGP import policy.",
                [DIALECT_CISCO_IOS] = "router bgp <asn>\n bgp rpki server tcp <cache> port 3323 "
                                      "refresh 600\nroute-map PEER-IN deny 5\n match rpki invalid",
                [DIALECT_CISCO_NXOS] = "router bgp <asn>\n  rpki server <cache>\nroute-map "
                                       "PEER-IN deny 5\n  match rpki invalid",
                [DIALECT_CISCO_IOSXR] = "router bgp <asn>\n rpki server <cache>\n  transport "
                                        "tcp port 3323\nroute-policy PEER-IN\n  if "
                                        "validation-state is invalid then drop endif",
                [DIALECT_ARISTA_EOS] = "router bgp <asn>\n   rpki cache C\n      host <cache> "
                                       "port 3323\n   rpki origin-validation\n      ebgp local",
                [DIALECT_JUNIPER_JUNOS] = "set routing-options validation group RPKI session "
                                          "<cache> port 3323\nset policy-options "
                                          "policy-statement PEER-IN term rpki from "
                                          "validation-database invalid then reject",
                [DIALECT_NOKIA_SROS] = "configure router origin-validation rpki-session <cache>; "
                                       "enable-origin-validation in BGP; import policy rejecting "
                                       "origin-validation-state invalid",
                [DIALECT_HUAWEI_VRP] = "rpki\n session <cache>\n  tcp port 3323\nbgp <asn>\n "
                                       "prefix origin-validation enable",
            },
        .eval = eval_rpki_rov,
    },
};

const struct check_family checks_family_routing_sec = {sec_defs, ARRAY_SIZE(sec_defs)};
