/*
 * parse_junos.c - Junos configurations, brace form and set form, into the
 * common config tree (the same tree for both).
 *
 * Brace form: `name {` opens a block, `}` closes it, `stmt;` is a leaf.
 * Comments are `#` to end of line (including `## Last changed ...`) and
 * `/ * ... * /` (possibly multi-line). Quoted strings and `[ a b ]` lists
 * are kept whole inside a statement and may contain braces and semicolons.
 * `inactive:` (CFG_INACTIVE), `protect:` (CFG_PROTECT) and `replace:`
 * annotations are stripped from the text. The scanner is a single iterative
 * pass: nesting is tracked through parent pointers, never the C stack.
 *
 * Set form: `set <path>` lines are split into levels with a table of Junos
 * hierarchy knowledge (see junos_kw below and docs/parsing-junos-sros.md) so
 * that they build the tree the brace form would. Each set line gives exactly
 * one non-implied node, its leaf; the containers it passes through are
 * found again (by parent and text) or created CFG_IMPLIED. `deactivate`,
 * `activate`, `delete`, `protect` and `unprotect` lines act on an existing
 * node and produce no node of their own; `annotate` lines are comments.
 * Junos prints some containers holding a single statement on one line
 * (`route P next-hop H;`, `then accept;`, `community C members M;`): such
 * table entries are marked one-liners and, when a set line created the
 * container and its only leaf, the two are merged into one node at the end.
 * The brace parser keeps whatever shape the file has; cfg_path() matches
 * both because a node may consume several path tokens.
 *
 * Line invariant and its exceptions: every statement line gives one
 * non-implied node with its line number. A brace line holding several
 * statements (`a; b;`, `x { y; }`) gives one node per statement, all with
 * that line. Lines that are only `}`, comments, `{master:0}`-style prompt
 * markers, and deactivate/activate/delete/protect lines give none; a quoted
 * string spanning lines gives one node with end_line set to its last line.
 */
#include "ingest/ingest.h"
#include "ingest/parsers.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------- hierarchy table */

enum jx_kind {
    JK_LEAF,      /* the rest of the line is one statement */
    JK_CONTAINER, /* the keyword alone is a node; more levels follow */
    JK_KEYED,     /* the keyword and its name(s) form one node ("unit 0") */
    JK_NAMES,     /* container whose children are bare names (interfaces) */
};

enum { JK_ONELINER = 1u << 0 };

/*
 * One row: inside context ctx ("*" = anywhere), keyword kw is of kind kind,
 * takes nkeys names (JK_KEYED), and its children are looked up in context
 * child (NULL = kw itself). For JK_NAMES, child is the context of the named
 * children. Exact contexts win over "*". The contexts are keyword names or
 * "@..." pseudo-contexts (the body of an interface, of a routing instance).
 */
struct junos_kw {
    const char *ctx;
    const char *kw;
    unsigned char kind;
    unsigned char nkeys;
    unsigned char flags;
    const char *child;
};

#define C_(ctx, kw)                                                                                \
    {                                                                                              \
        ctx, kw, JK_CONTAINER, 0, 0, NULL                                                          \
    }
#define CX(ctx, kw, child)                                                                         \
    {                                                                                              \
        ctx, kw, JK_CONTAINER, 0, 0, child                                                         \
    }
#define C1(ctx, kw)                                                                                \
    {                                                                                              \
        ctx, kw, JK_CONTAINER, 0, JK_ONELINER, NULL                                                \
    }
#define C1X(ctx, kw, child)                                                                        \
    {                                                                                              \
        ctx, kw, JK_CONTAINER, 0, JK_ONELINER, child                                               \
    }
#define K_(ctx, kw)                                                                                \
    {                                                                                              \
        ctx, kw, JK_KEYED, 1, 0, NULL                                                              \
    }
#define KX(ctx, kw, child)                                                                         \
    {                                                                                              \
        ctx, kw, JK_KEYED, 1, 0, child                                                             \
    }
#define K1(ctx, kw)                                                                                \
    {                                                                                              \
        ctx, kw, JK_KEYED, 1, JK_ONELINER, NULL                                                    \
    }
#define N_(ctx, kw, child)                                                                         \
    {                                                                                              \
        ctx, kw, JK_NAMES, 0, 0, child                                                             \
    }
#define L_(ctx, kw)                                                                                \
    {                                                                                              \
        ctx, kw, JK_LEAF, 0, 0, NULL                                                               \
    }

static const struct junos_kw junos_kw[] = {
    /* top level (also the body of groups, routing instances, logical systems) */
    C_("@top", "system"),
    C_("@top", "chassis"),
    C_("@top", "services"),
    C_("@top", "security"),
    N_("@top", "interfaces", "@interface"),
    C_("@top", "snmp"),
    C_("@top", "forwarding-options"),
    C_("@top", "event-options"),
    C_("@top", "routing-options"),
    C_("@top", "protocols"),
    C_("@top", "policy-options"),
    C_("@top", "class-of-service"),
    C_("@top", "firewall"),
    N_("@top", "routing-instances", "@top"),
    N_("@top", "groups", "@top"),
    N_("@top", "logical-systems", "@top"),
    N_("@top", "vlans", "@vlan"),
    N_("@top", "bridge-domains", "@vlan"),
    C_("@top", "access"),
    C_("@top", "applications"),
    C_("@top", "switch-options"),
    C_("@top", "virtual-chassis"),
    C_("@top", "ethernet-switching-options"),
    C_("@top", "multi-chassis"),
    C_("@top", "accounting-options"),
    C_("@top", "poe"),
    C_("@top", "multicast-snooping-options"),
    C_("@top", "system-services"),
    /* interfaces */
    KX("interfaces", "interface-range", "@interface"),
    K_("interfaces", "interface-set"),
    C_("interfaces", "traceoptions"),
    K_("@interface", "unit"),
    C_("@interface", "gigether-options"),
    C_("@interface", "ether-options"),
    C_("@interface", "aggregated-ether-options"),
    C_("@interface", "esi"),
    C_("aggregated-ether-options", "lacp"),
    K_("unit", "family"),
    C_("unit", "vrrp-group"),
    KX("family", "address", "address"),
    C_("family", "filter"),
    C_("family", "vlan"),
    C_("family", "rpf-check"),
    C_("family", "dhcp"),
    C_("family", "output"),
    K_("output", "flow-server"),
    K_("address", "vrrp-group"),
    K_("address", "vrrp-inet6-group"),
    /* vlans, bridge domains */
    C_("@vlan", "vxlan"),
    C_("@vlan", "interface"),
    C_("@vlan", "forwarding-options"),
    /* system */
    C_("system", "login"),
    C_("system", "services"),
    C_("system", "syslog"),
    C_("system", "ntp"),
    C_("system", "root-authentication"),
    C_("system", "ports"),
    C_("system", "archival"),
    C_("system", "accounting"),
    C_("system", "scripts"),
    C_("system", "commit"),
    C_("system", "extensions"),
    C_("system", "license"),
    K_("system", "radius-server"),
    K_("system", "tacplus-server"),
    C_("system", "internet-options"),
    C_("system", "ddos-protection"),
    C_("system", "static-host-mapping"),
    C_("system", "name-server"),
    K_("system", "security-profile"),
    N_("extensions", "providers", "@provider"),
    C_("license", "autoupdate"),
    C_("archival", "configuration"),
    C_("configuration", "archive-sites"),
    C_("ports", "console"),
    C_("ports", "auxiliary"),
    K_("login", "user"),
    K_("login", "class"),
    C_("login", "retry-options"),
    C_("login", "password"),
    C_("user", "authentication"),
    C_("user", "authentication-md5"),
    C_("user", "authentication-sha"),
    C_("user", "authentication-sha224"),
    C_("user", "authentication-sha256"),
    C_("user", "authentication-sha384"),
    C_("user", "authentication-sha512"),
    C_("user", "privacy-aes128"),
    C_("user", "privacy-des"),
    C_("user", "privacy-3des"),
    C_("root-authentication", "ssh-rsa"),
    C_("services", "ssh"),
    C_("services", "netconf"),
    C_("services", "web-management"),
    C_("services", "rest"),
    C_("services", "telnet"),
    C_("services", "ftp"),
    C_("services", "dhcp-local-server"),
    C_("services", "extension-service"),
    C_("services", "xnm-clear-text"),
    C_("services", "xnm-ssl"),
    C_("services", "dns"),
    C_("services", "outbound-ssh"),
    C_("netconf", "ssh"),
    C_("netconf", "rfc-compliant"),
    C_("web-management", "http"),
    C_("web-management", "https"),
    K_("syslog", "host"),
    K_("syslog", "file"),
    K_("syslog", "user"),
    C_("syslog", "console"),
    K1("ntp", "server"),
    K1("ntp", "authentication-key"),
    K1("ntp", "peer"),
    /* snmp */
    K_("snmp", "community"),
    K_("snmp", "client-list"),
    K_("snmp", "trap-group"),
    C_("snmp", "trap-options"),
    C_("snmp", "v3"),
    K_("snmp", "view"),
    C_("community", "clients"),
    C_("trap-group", "targets"),
    C_("trap-group", "categories"),
    C_("v3", "usm"),
    C_("v3", "vacm"),
    K_("v3", "target-address"),
    K_("v3", "target-parameters"),
    K_("v3", "notify"),
    K_("v3", "notify-filter"),
    C_("usm", "local-engine"),
    K_("usm", "remote-engine"),
    K_("local-engine", "user"),
    K_("remote-engine", "user"),
    C_("vacm", "security-to-group"),
    C_("vacm", "access"),
    K_("security-to-group", "security-model"),
    K_("security-model", "security-name"),
    K_("access", "group"),
    C_("group", "default-context-prefix"),
    K_("group", "context-prefix"),
    K_("default-context-prefix", "security-model"),
    K_("context-prefix", "security-model"),
    K_("security-model", "security-level"),
    C_("target-parameters", "parameters"),
    /* chassis */
    K_("chassis", "fpc"),
    C_("chassis", "aggregated-devices"),
    C_("chassis", "redundancy"),
    C_("chassis", "cluster"),
    C_("chassis", "alarm"),
    C_("alarm", "management-ethernet"),
    C_("alarm", "ethernet"),
    C_("ethernet-switching-options", "storm-control"),
    C_("system", "location"),
    K_("community", "routing-instance"),
    K_("trap-options", "routing-instance"),
    C_("family", "dhcpv6-client"),
    C1("neighbor", "multipath"),
    K_("cluster", "redundancy-group"),
    C_("redundancy-group", "interface-monitor"),
    K_("virtual-chassis", "member"),
    C_("services", "dhcp"),
    K_("dhcp", "pool"),
    K_("forwarding-options", "analyzer"),
    C_("analyzer", "input"),
    C_("analyzer", "output"),
    C_("input", "ingress"),
    C_("input", "egress"),
    C_("forwarding-options", "port-mirroring"),
    C_("port-mirroring", "input"),
    C_("route", "as-path"),
    C_("routing-options", "resolution"),
    K_("resolution", "rib"),
    C_("protocols", "uplink-failure-detection"),
    C_("class-of-service", "forwarding-policy"),
    K_("forwarding-policy", "next-hop-map"),
    K_("syn-flood", "white-list"),
    K_("fpc", "pic"),
    C_("aggregated-devices", "ethernet"),
    /* routing options */
    C_("routing-options", "static"),
    C_("routing-options", "aggregate"),
    C_("routing-options", "generate"),
    K_("routing-options", "rib"),
    C_("routing-options", "forwarding-table"),
    C_("routing-options", "graceful-restart"),
    C_("routing-options", "multipath"),
    C_("routing-options", "bmp"),
    C_("routing-options", "interface-routes"),
    N_("routing-options", "rib-groups", "@rib-group"),
    K_("bmp", "station"),
    K_("route", "qualified-next-hop"),
    C_("rib", "static"),
    C_("rib", "aggregate"),
    C_("rib", "generate"),
    K1("static", "route"),
    K1("aggregate", "route"),
    K1("generate", "route"),
    /* protocols */
    C_("protocols", "bgp"),
    C_("protocols", "ospf"),
    C_("protocols", "ospf3"),
    C_("protocols", "isis"),
    C_("protocols", "ldp"),
    C_("protocols", "mpls"),
    C_("protocols", "rsvp"),
    C_("protocols", "lldp"),
    C_("protocols", "lldp-med"),
    C_("protocols", "pim"),
    C_("protocols", "evpn"),
    C_("protocols", "l2vpn"),
    C_("protocols", "l2circuit"),
    C_("protocols", "vrrp"),
    C_("protocols", "bfd"),
    C_("protocols", "rstp"),
    C_("protocols", "mstp"),
    C_("protocols", "igmp-snooping"),
    C_("protocols", "igmp"),
    C_("protocols", "router-advertisement"),
    C_("protocols", "sflow"),
    C_("protocols", "lacp"),
    C_("protocols", "rip"),
    C_("protocols", "msdp"),
    C_("protocols", "layer2-control"),
    C_("protocols", "vstp"),
    K_("bgp", "group"),
    K_("bgp", "neighbor"),
    K_("bgp", "family"),
    K_("group", "neighbor"),
    K_("group", "family"),
    C_("group", "bfd-liveness-detection"),
    C1("group", "multipath"),
    C_("group", "graceful-restart"),
    K_("neighbor", "family"),
    C_("neighbor", "bfd-liveness-detection"),
    C_("bgp", "bfd-liveness-detection"),
    C1("bgp", "multipath"),
    C_("bgp", "graceful-restart"),
    C_("family", "unicast"),
    C_("family", "labeled-unicast"),
    C_("family", "signaling"),
    C_("family", "multicast"),
    C_("family", "flow"),
    C_("unicast", "prefix-limit"),
    C_("unicast", "add-path"),
    C_("add-path", "send"),
    C_("ospf", "spf-options"),
    C_("mpls", "statistics"),
    C_("label-switched-path", "auto-bandwidth"),
    C_("unicast", "accepted-prefix-limit"),
    K_("ospf", "area"),
    K_("ospf3", "area"),
    C_("ospf", "traceoptions"),
    C_("ospf3", "traceoptions"),
    K_("area", "interface"),
    C_("area", "stub"),
    C_("area", "nssa"),
    K1("area", "area-range"),
    C_("area", "virtual-link"),
    C_("interface", "authentication"),
    C_("interface", "bfd-liveness-detection"),
    K_("interface", "level"),
    K1("authentication", "md5"),
    K_("isis", "interface"),
    K_("isis", "level"),
    C_("isis", "traceoptions"),
    K_("ldp", "interface"),
    K_("mpls", "interface"),
    K_("mpls", "label-switched-path"),
    K_("mpls", "path"),
    K_("rsvp", "interface"),
    K_("lldp", "interface"),
    K_("lldp-med", "interface"),
    K_("pim", "interface"),
    K_("pim", "rp"),
    C_("evpn", "vni-options"),
    C_("evpn", "ip-prefix-routes"),
    C_("evpn", "irb-symmetric-routing"),
    K_("vni-options", "vni"),
    K_("vni", "vrf-target"),
    K_("rstp", "interface"),
    K_("mstp", "interface"),
    K_("igmp-snooping", "vlan"),
    K_("router-advertisement", "interface"),
    K_("l2circuit", "neighbor"),
    K_("vrrp", "interface"),
    K_("sflow", "interface"),
    K_("sflow", "collector"),
    /* routing instances */
    C1("@top", "vrf-target"),
    /* policy options */
    KX("policy-options", "policy-statement", "policy-statement"),
    K_("policy-options", "prefix-list"),
    K1("policy-options", "community"),
    L_("policy-options", "as-path"),
    K_("policy-options", "as-path-group"),
    K_("policy-options", "condition"),
    K_("policy-options", "route-filter-list"),
    K_("policy-options", "tunnel-attribute"),
    C_("condition", "if-route-exists"),
    KX("policy-statement", "term", "pterm"),
    C1X("policy-statement", "from", "pfrom"),
    C1X("policy-statement", "then", "pthen"),
    C1X("policy-statement", "to", "pfrom"),
    C1X("pterm", "from", "pfrom"),
    C1X("pterm", "then", "pthen"),
    C1X("pterm", "to", "pfrom"),
    L_("pthen", "community"),
    L_("pfrom", "community"),
    L_("pthen", "as-path-prepend"),
    /* firewall */
    KX("firewall", "family", "ffamily"),
    KX("firewall", "filter", "ffilter"),
    K_("firewall", "policer"),
    K_("firewall", "three-color-policer"),
    KX("ffamily", "filter", "ffilter"),
    KX("ffilter", "term", "fterm"),
    CX("fterm", "from", "ffrom"),
    C1X("fterm", "then", "fthen"),
    C_("ffrom", "source-address"),
    C_("ffrom", "destination-address"),
    C_("ffrom", "address"),
    C_("ffrom", "prefix-list"),
    C_("ffrom", "source-prefix-list"),
    C_("ffrom", "destination-prefix-list"),
    C_("policer", "if-exceeding"),
    C_("policer", "then"),
    /* security (SRX) */
    C_("security", "zones"),
    C_("security", "policies"),
    C_("security", "nat"),
    C_("security", "screen"),
    C_("security", "ike"),
    C_("security", "ipsec"),
    C_("security", "flow"),
    C_("flow", "tcp-mss"),
    C_("tcp-mss", "ipsec-vpn"),
    C_("tcp-mss", "all-tcp"),
    K_("security", "address-book"),
    C_("security", "log"),
    C_("security", "ssh-known-hosts"),
    K_("zones", "security-zone"),
    K_("zones", "functional-zone"),
    N_("security-zone", "interfaces", "@zoneif"),
    C_("security-zone", "host-inbound-traffic"),
    C_("security-zone", "address-book"),
    C_("functional-zone", "host-inbound-traffic"),
    N_("functional-zone", "interfaces", "@zoneif"),
    C_("@zoneif", "host-inbound-traffic"),
    C_("host-inbound-traffic", "system-services"),
    C_("host-inbound-traffic", "protocols"),
    K1("address-book", "address"),
    K_("address-book", "address-set"),
    {"policies", "from-zone", JK_KEYED, 3, 0, NULL},
    C_("policies", "global"),
    C_("policies", "default-policy"),
    K_("from-zone", "policy"),
    K_("global", "policy"),
    CX("policy", "match", "smatch"),
    CX("policy", "then", "sthen"),
    C_("sthen", "permit"),
    C_("sthen", "log"),
    C_("sthen", "count"),
    C_("nat", "source"),
    C_("nat", "destination"),
    C_("nat", "static"),
    K_("source", "pool"),
    K_("destination", "pool"),
    K_("source", "rule-set"),
    K_("destination", "rule-set"),
    K_("static", "rule-set"),
    K_("rule-set", "rule"),
    C1("rule-set", "from"),
    C1("rule-set", "to"),
    CX("rule", "match", "nmatch"),
    CX("rule", "then", "nthen"),
    C_("nthen", "source-nat"),
    C_("nthen", "destination-nat"),
    C_("nthen", "static-nat"),
    C_("source-nat", "pool"),
    C_("pool", "address"),
    K_("ike", "proposal"),
    K_("ike", "policy"),
    K_("ike", "gateway"),
    K_("ipsec", "proposal"),
    K_("ipsec", "policy"),
    K_("ipsec", "vpn"),
    C_("vpn", "ike"),
    C_("gateway", "dead-peer-detection"),
    C_("policy", "perfect-forward-secrecy"),
    K_("screen", "ids-option"),
    C_("ids-option", "icmp"),
    C_("ids-option", "ip"),
    C_("ids-option", "tcp"),
    C_("ids-option", "udp"),
    C_("tcp", "syn-flood"),
    C_("security", "authentication-key-chains"),
    K_("authentication-key-chains", "key-chain"),
    K_("key-chain", "key"),
    C_("nat", "proxy-arp"),
    C_("source", "pool-utilization-alarm"),
    C_("static", "defaults"),
    K_("forwarding-options", "storm-control-profiles"),
    /* class of service, event options, forwarding options */
    N_("class-of-service", "interfaces", "@cosif"),
    K_("@cosif", "unit"),
    C_("class-of-service", "classifiers"),
    C_("class-of-service", "forwarding-classes"),
    N_("class-of-service", "schedulers", "@scheduler"),
    N_("class-of-service", "scheduler-maps", "@scheduler-map"),
    CX("class-of-service", "rewrite-rules", "classifiers"),
    C_("class-of-service", "host-outbound-traffic"),
    C_("class-of-service", "code-point-aliases"),
    KX("classifiers", "dscp", "classifier"),
    KX("classifiers", "dscp-ipv6", "classifier"),
    KX("classifiers", "exp", "classifier"),
    KX("classifiers", "ieee-802.1", "classifier"),
    KX("classifiers", "inet-precedence", "classifier"),
    K_("classifier", "forwarding-class"),
    C_("code-point-aliases", "dscp"),
    C_("code-point-aliases", "exp"),
    C_("code-point-aliases", "ieee-802.1"),
    C_("code-point-aliases", "inet-precedence"),
    C_("unit", "rewrite-rules"),
    C_("unit", "classifiers"),
    K_("class-of-service", "cos-next-hop-map"),
    K_("cos-next-hop-map", "forwarding-class"),
    K_("event-options", "policy"),
    C_("forwarding-options", "dhcp-relay"),
    C_("forwarding-options", "sampling"),
    C_("forwarding-options", "helpers"),
    C_("forwarding-options", "hash-key"),
    C_("helpers", "bootp"),
    K_("sampling", "instance"),
    C_("sampling", "input"),
    C_("instance", "input"),
    K_("applications", "application"),
    K_("applications", "application-set"),
    K_("dhcp-relay", "server-group"),
    K_("dhcp-relay", "group"),
    /* anywhere */
    C_("*", "traceoptions"),
    L_("traceoptions", "file"),
    K_("*", "unit"),
    K_("*", "family"),
    K_("*", "interface"),
    K_("*", "term"),
    K_("*", "group"),
    K_("*", "neighbor"),
    K_("*", "policy-statement"),
    K_("*", "filter"),
    K_("*", "apply-macro"),
    C_("*", "bfd-liveness-detection"),
};

/*
 * A keyword index over junos_kw, built per parse (no shared mutable state
 * between threads): hash buckets whose chains keep table order, so the first
 * exact-context row and the first "*" row are found as in a linear scan.
 */
#define JX_KW_BUCKETS 1024

struct jx_kwindex {
    int16_t head[JX_KW_BUCKETS];
    int16_t next[ARRAY_SIZE(junos_kw)];
    uint8_t len[ARRAY_SIZE(junos_kw)];
};

static unsigned jx_kwhash(const char *p, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= 16777619u;
    }
    return (h ^ (h >> 15)) & (JX_KW_BUCKETS - 1);
}

static void jx_kwindex_build(struct jx_kwindex *kx)
{
    for (size_t i = 0; i < JX_KW_BUCKETS; i++)
        kx->head[i] = -1;
    for (size_t i = ARRAY_SIZE(junos_kw); i-- > 0;) {
        size_t n = strlen(junos_kw[i].kw);
        unsigned h = jx_kwhash(junos_kw[i].kw, n);
        kx->len[i] = (uint8_t)n;
        kx->next[i] = kx->head[h];
        kx->head[h] = (int16_t)i;
    }
}

/* The table row for kw in ctx (exact context first, then "*"), or NULL. */
static const struct junos_kw *jx_lookup(const struct jx_kwindex *kx, const char *ctx, struct sv kw,
                                        bool exact_only)
{
    const struct junos_kw *wild = NULL;
    for (int i = kx->head[jx_kwhash(kw.p, kw.n)]; i >= 0; i = kx->next[i]) {
        const struct junos_kw *k = &junos_kw[i];
        if (kx->len[i] != kw.n || memcmp(k->kw, kw.p, kw.n) != 0)
            continue;
        if (strcmp(k->ctx, ctx) == 0)
            return k;
        if (!wild && k->ctx[0] == '*')
            wild = k;
    }
    return exact_only ? NULL : wild;
}

/* -------------------------------------------------------------- the parser */

struct jx_parser {
    struct cfg_tree *t;
    struct cfg_index ix;
    struct jx_kwindex kw;
    struct jx_deferred *deferred; /* path actions whose statement came later */
    size_t ndeferred, deferred_cap;
    struct cfg_node **oneliners; /* containers that may fold onto one line */
    size_t noneliners, oneliners_cap;
    bool depth_reported;
    /* the brace scanner (parse_junos()) */
    const char *p, *end;
    uint32_t line;
    struct cfg_node *parent; /* the open block */
    uint32_t skip;           /* open braces whose contents are ignored */
    uint32_t skip_line;      /* line of the outermost ignored '{' */
    const char *stmt;        /* start of the pending statement */
    uint32_t stmt_line;
    bool line_start;
};

/* Add a node and index it; NULL when a limit was hit (already reported). */
static struct cfg_node *jx_add(struct jx_parser *ps, struct cfg_node *parent, const char *text,
                               size_t len, uint32_t line, unsigned flags)
{
    return cfg_index_add(ps->t, &ps->ix, &ps->depth_reported, parent, text, len, line, flags);
}

/* Strip leading `inactive:`, `protect:`, `replace:` annotations. */
static struct sv jx_annotations(struct sv s, unsigned *flags)
{
    for (;;) {
        if (sv_starts_with(s, "inactive:")) {
            *flags |= CFG_INACTIVE;
            s = cfg_trim(s.p + 9, s.p + s.n);
        } else if (sv_starts_with(s, "protect:")) {
            *flags |= CFG_PROTECT;
            s = cfg_trim(s.p + 8, s.p + s.n);
        } else if (sv_starts_with(s, "replace:")) {
            s = cfg_trim(s.p + 8, s.p + s.n);
        } else {
            return s;
        }
    }
}

/*
 * Next set-form token from *pos (< end): blank-separated, "quoted" strings
 * (with backslash escapes) and `[ ... ]` lists kept whole. Returns an empty
 * view at the end.
 */
static struct sv jx_token(const char *end, const char **pos)
{
    const char *p = *pos;
    while (p < end && cfg_blank(*p))
        p++;
    const char *s = p;
    if (p < end && *p == '[') {
        while (p < end && *p != ']') {
            if (*p == '"') {
                for (p++; p < end && *p != '"'; p++)
                    if (*p == '\\' && p + 1 < end)
                        p++;
            }
            if (p < end)
                p++;
        }
        if (p < end)
            p++;
    } else {
        while (p < end && !cfg_blank(*p)) {
            if (*p == '"') {
                for (p++; p < end && *p != '"'; p++)
                    if (*p == '\\' && p + 1 < end)
                        p++;
            }
            if (p < end)
                p++;
        }
    }
    *pos = p;
    return sv_make(s, (size_t)(p - s));
}

enum jx_verb {
    JV_SET,
    JV_DEACTIVATE,
    JV_ACTIVATE,
    JV_DELETE,
    JV_PROTECT,
    JV_UNPROTECT,
    JV_ANNOTATE, /* a comment on a statement: no effect on the tree */
};

struct jx_deferred {
    enum jx_verb verb;
    const char *p, *end;
    uint32_t line;
};

static void jx_defer(struct jx_parser *ps, enum jx_verb verb, const char *p, const char *end,
                     uint32_t line)
{
    if (ps->ndeferred == ps->deferred_cap) {
        ps->deferred_cap = ps->deferred_cap ? ps->deferred_cap * 2 : 16;
        ps->deferred = xrealloc(ps->deferred, ps->deferred_cap * sizeof(*ps->deferred));
    }
    ps->deferred[ps->ndeferred++] = (struct jx_deferred){verb, p, end, line};
}

/* Set a flag on node and every node below it (iteratively). */
static void jx_flag_subtree(struct cfg_node *n, unsigned flag, bool on)
{
    struct cfg_node *top = n;
    for (;;) {
        if (on)
            n->flags |= (uint16_t)flag;
        else
            n->flags &= (uint16_t)~flag;
        if (n->child) {
            n = n->child;
            continue;
        }
        while (n != top && !n->next)
            n = n->parent;
        if (n == top)
            return;
        n = n->next;
    }
}

static void jx_note_oneliner(struct jx_parser *ps, struct cfg_node *n)
{
    if (ps->noneliners == ps->oneliners_cap) {
        ps->oneliners_cap = ps->oneliners_cap ? ps->oneliners_cap * 2 : 64;
        ps->oneliners = xrealloc(ps->oneliners, ps->oneliners_cap * sizeof(*ps->oneliners));
    }
    ps->oneliners[ps->noneliners++] = n;
}

/*
 * One set-form line: verb and path [p, end). Walks the path through the
 * hierarchy table, finding or creating each level. Returns the leaf a `set`
 * line gave (NULL for the other verbs, or when a limit was hit).
 */
static struct cfg_node *jx_set_line(struct jx_parser *ps, enum jx_verb verb, const char *p,
                                    const char *end, uint32_t line, bool final)
{
    struct cfg_tree *t = ps->t;
    struct cfg_node *parent = NULL;
    const char *ctx = "@top";
    const char *names_ctx = NULL; /* set when parent is a JK_NAMES container */
    const char *pos = p;
    for (;;) {
        const char *save = pos;
        struct sv tok = jx_token(end, &pos);
        if (!tok.n)
            return NULL; /* nothing after the verb (or after a container): ignore */
        const struct junos_kw *k = NULL;
        size_t nkeys = 0;
        unsigned kind = JK_LEAF;
        const char *child_ctx = NULL;
        if (names_ctx) {
            k = jx_lookup(&ps->kw, ctx, tok, true);
            if (!k) {
                kind = JK_KEYED; /* the bare name alone is the node */
                child_ctx = names_ctx;
            }
        } else {
            k = jx_lookup(&ps->kw, ctx, tok, false);
        }
        if (k) {
            kind = k->kind;
            nkeys = k->kind == JK_KEYED ? k->nkeys : 0;
            child_ctx = k->child ? k->child : k->kw;
        }
        const char *node_end = pos;
        if (kind == JK_LEAF) {
            node_end = end;
        } else {
            for (size_t i = 0; i < nkeys; i++) {
                const char *before = pos;
                struct sv key = jx_token(end, &pos);
                if (!key.n) {
                    pos = before;
                    break;
                }
                node_end = pos;
            }
        }
        struct sv text = cfg_trim(save, node_end);
        const char *rest = pos;
        while (rest < end && cfg_blank(*rest))
            rest++;
        bool last = kind == JK_LEAF || rest >= end;
        struct cfg_node *found = cfg_index_find(&ps->ix, parent, text.p, text.n);
        if (verb != JV_SET) {
            if (!found) {
                if (!final) {
                    /* The statement may come later (`protect system` before
                     * the system lines): try again at the end. */
                    jx_defer(ps, verb, p, end, line);
                    return NULL;
                }
                cfg_diag(t, DIAG_WARNING, line, "%s: no statement '%.*s' to act on",
                         verb == JV_DEACTIVATE ? "deactivate"
                         : verb == JV_ACTIVATE ? "activate"
                         : verb == JV_DELETE   ? "delete"
                                               : "protect",
                         (int)(end - p > 200 ? 200 : end - p), p);
                return NULL;
            }
            if (!last) {
                parent = found;
                goto next;
            }
            switch (verb) {
            case JV_DEACTIVATE:
                jx_flag_subtree(found, CFG_INACTIVE, true);
                break;
            case JV_ACTIVATE:
                /* Below an inactive statement it stays inactive. */
                if (!found->parent || !(found->parent->flags & CFG_INACTIVE))
                    jx_flag_subtree(found, CFG_INACTIVE, false);
                break;
            case JV_PROTECT:
                found->flags |= CFG_PROTECT;
                break;
            case JV_UNPROTECT:
                found->flags &= (uint16_t)~CFG_PROTECT;
                break;
            case JV_DELETE:
                cfg_subtree_unlink(ps->t, &ps->ix, found);
                break;
            case JV_SET:
            case JV_ANNOTATE:
                break;
            }
            return NULL;
        }
        if (last)
            return cfg_index_leaf(t, &ps->ix, &ps->depth_reported, parent, found, text.p, text.n,
                                  line);
        if (!found) {
            found = jx_add(ps, parent, text.p, text.n, line, CFG_IMPLIED);
            if (!found)
                return NULL;
            if (k && (k->flags & JK_ONELINER))
                jx_note_oneliner(ps, found);
        }
        parent = found;
    next:
        names_ctx = kind == JK_NAMES ? child_ctx : NULL;
        ctx = kind == JK_NAMES ? (k ? k->kw : ctx) : child_ctx;
    }
}

/*
 * Fold one-liner containers that a single set line created together with
 * their only leaf (`route P` + `next-hop H` -> `route P next-hop H`), the
 * way Junos prints them. Newest first, so inner folds happen before outer.
 */
static void jx_fold_oneliners(struct jx_parser *ps)
{
    for (size_t i = ps->noneliners; i-- > 0;) {
        struct cfg_node *c = ps->oneliners[i];
        struct cfg_node *leaf = c->child;
        if (!(c->flags & CFG_IMPLIED) || c->nchildren != 1 || !leaf || leaf->child ||
            (leaf->flags & CFG_IMPLIED) || leaf->line != c->line || leaf->text <= c->text)
            continue;
        bool detached = false;
        for (const struct cfg_node *a = c; a && !detached; a = a->parent)
            detached = (a->flags & CFG_DETACHED) != 0;
        if (detached)
            continue;
        /* Objects that Junos keeps in a block even when alone. */
        struct sv lt = cfg_text(leaf);
        if (sv_starts_with_word(lt, "route-filter") ||
            sv_starts_with_word(lt, "prefix-list-filter") ||
            sv_starts_with_word(lt, "route-filter-list") ||
            sv_starts_with_word(lt, "source-address-filter") || sv_starts_with_word(lt, "import") ||
            sv_starts_with_word(lt, "export"))
            continue;
        /* Both are slices of the same set line, so the fold is one slice too. */
        const char *nl = memchr(c->text, '\n', (size_t)(leaf->text - c->text));
        if (nl)
            continue;
        c->len = (uint32_t)(leaf->text + leaf->len - c->text);
        c->end_line = leaf->end_line;
        c->flags = (uint16_t)((c->flags & ~CFG_IMPLIED) | leaf->flags);
        c->child = c->last = NULL;
        c->nchildren = 0;
        if (ps->t->node_count)
            ps->t->node_count--;
    }
}

/* Is [p, end) a `{master:0}` / `{primary:node0}` style prompt marker? */
static bool jx_prompt_marker(const char *p, const char *end)
{
    struct sv s = cfg_trim(p, end);
    if (s.n < 3 || s.p[0] != '{' || s.p[s.n - 1] != '}')
        return false;
    for (size_t i = 1; i + 1 < s.n; i++) {
        char c = s.p[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == ':' || c == '-' || c == '_'))
            return false;
    }
    return true;
}

/* The verb of a top-level set-form line, or -1. */
static int jx_verb_of(const char *p, const char *end, const char **after)
{
    static const struct {
        const char *word;
        enum jx_verb verb;
    } verbs[] = {
        {"set", JV_SET},           {"deactivate", JV_DEACTIVATE}, {"activate", JV_ACTIVATE},
        {"delete", JV_DELETE},     {"protect", JV_PROTECT},       {"unprotect", JV_UNPROTECT},
        {"annotate", JV_ANNOTATE},
    };
    for (size_t i = 0; i < ARRAY_SIZE(verbs); i++) {
        size_t n = strlen(verbs[i].word);
        if ((size_t)(end - p) > n && memcmp(p, verbs[i].word, n) == 0 && cfg_blank(p[n])) {
            *after = p + n;
            return (int)verbs[i].verb;
        }
    }
    return -1;
}

/*
 * Emit a statement [s, e) found by the brace scanner. Returns the node (NULL
 * if it was ignored). open: it is followed by '{'.
 */
static struct cfg_node *jx_emit(struct jx_parser *ps, struct cfg_node *parent, const char *s,
                                const char *e, uint32_t line, uint32_t end_line, bool open)
{
    unsigned flags = 0;
    struct sv text = jx_annotations(cfg_trim(s, e), &flags);
    if (!text.n) {
        if (open)
            cfg_diag(ps->t, DIAG_ERROR, line, "'{' without a statement name; block ignored");
        return NULL;
    }
    struct cfg_node *n = jx_add(ps, parent, text.p, text.n, line, flags);
    if (n)
        n->end_line = end_line;
    return n;
}

/* From the opening quote at p: the closing quote (or end), counting the
 * newlines on the way in *line. A backslash escapes the next byte except a
 * newline. */
static const char *jx_quoted_end(const char *p, const char *end, uint32_t *line)
{
    for (p++; p < end && *p != '"'; p++) {
        if (*p == '\\' && p + 1 < end && p[1] != '\n')
            p++;
        else if (*p == '\n')
            (*line)++;
    }
    return p;
}

/*
 * A top-level set-form line (q: its start, after: past its verb). A quoted
 * string may run onto further lines; one never closed is text to the end
 * of its line. Reading goes on after it.
 */
static void jx_set_form(struct jx_parser *ps, const char *q, const char *after, int verb)
{
    struct cfg_tree *t = ps->t;
    const char *e = after, *end = ps->end;
    uint32_t l2 = ps->line;
    while (e < end && *e != '\n') {
        if (*e == '"') {
            const char *qs = e;
            uint32_t ql = l2;
            e = jx_quoted_end(e, end, &l2);
            if (e >= end) {
                cfg_diag(t, DIAG_ERROR, ql, "quoted string is never closed");
                e = cfg_eol(qs, end);
                l2 = ql;
                break;
            }
        }
        e++;
    }
    struct sv body = cfg_trim(after, e);
    if (body.n && body.p[body.n - 1] == ';') /* tolerate `set a b;` */
        body.n--;
    if (!body.n)
        cfg_diag(t, DIAG_WARNING, ps->line, "'%.*s' without a statement; ignored", (int)(after - q),
                 q);
    else if (verb != JV_ANNOTATE) {
        struct cfg_node *leaf =
            jx_set_line(ps, (enum jx_verb)verb, body.p, body.p + body.n, ps->line, false);
        if (leaf)
            leaf->end_line = l2;
    }
    ps->line = l2;
    ps->p = e;
}

/* At the start of a line: one too long, a set-form line or a prompt marker
 * is dealt with whole (true); anything else is scanned (false). */
static bool jx_line_start(struct jx_parser *ps)
{
    struct cfg_tree *t = ps->t;
    ps->line_start = false;
    const char *p = ps->p, *eol = cfg_eol(p, ps->end);
    if ((size_t)(eol - p) > t->limits.max_line_len && !ps->stmt) {
        cfg_diag(t, DIAG_ERROR, ps->line, "line longer than %zu bytes; ignored",
                 t->limits.max_line_len);
        ps->p = eol;
        return true;
    }
    if (ps->stmt)
        return false;
    const char *q = p;
    while (q < eol && cfg_blank(*q))
        q++;
    const char *after;
    int verb;
    if (!ps->parent && !ps->skip && (verb = jx_verb_of(q, eol, &after)) >= 0) {
        jx_set_form(ps, q, after, verb);
        return true;
    }
    if (q < eol && *q == '{' && jx_prompt_marker(q, eol)) {
        ps->p = eol;
        return true;
    }
    return false;
}

/* A newline. A pending statement without ';' continues only if '{' comes
 * next. */
static void jx_newline(struct jx_parser *ps)
{
    if (ps->stmt) {
        const char *q = ps->p;
        while (q < ps->end && (cfg_blank(*q) || *q == '\n'))
            q++;
        if (q >= ps->end || *q != '{') {
            cfg_diag(ps->t, DIAG_WARNING, ps->stmt_line, "statement without ';'");
            if (!ps->skip)
                jx_emit(ps, ps->parent, ps->stmt, ps->p, ps->stmt_line, ps->line, false);
            ps->stmt = NULL;
        }
    }
    ps->line++;
    ps->line_start = true;
    ps->p++;
}

enum jx_step {
    JX_NEXT, /* go on scanning */
    JX_STOP, /* the rest of the file cannot be read */
    JX_STMT, /* a statement starts here */
};

/* A '/' '*' comment; never closed, it ends the file. */
static enum jx_step jx_comment(struct jx_parser *ps)
{
    uint32_t open_line = ps->line;
    const char *p = ps->p + 2, *end = ps->end;
    while (p < end && !(p[0] == '*' && p + 1 < end && p[1] == '/')) {
        if (*p == '\n')
            ps->line++;
        p++;
    }
    ps->p = p;
    if (p >= end) {
        cfg_diag(ps->t, DIAG_ERROR, open_line, "comment '/*' is never closed");
        return JX_STOP;
    }
    ps->p += 2;
    return JX_NEXT;
}

/* Character c between statements: comments, block closes, stray ';' and
 * '{', or the start of a statement. */
static enum jx_step jx_between(struct jx_parser *ps, char c)
{
    switch (c) {
    case '#':
        ps->p = cfg_eol(ps->p, ps->end);
        return JX_NEXT;
    case '/':
        if (ps->p + 1 < ps->end && ps->p[1] == '*')
            return jx_comment(ps);
        break;
    case '}':
        cfg_close_block(ps->t, &ps->parent, &ps->skip, ps->line);
        ps->p++;
        return JX_NEXT;
    case ';':
        ps->p++;
        return JX_NEXT;
    case '{':
        if (!ps->skip) {
            cfg_diag(ps->t, DIAG_ERROR, ps->line, "'{' without a statement name; block ignored");
            ps->skip_line = ps->line;
        }
        ps->skip++;
        ps->p++;
        return JX_NEXT;
    }
    ps->stmt = ps->p;
    ps->stmt_line = ps->line;
    return JX_STMT;
}

/* A `[ ... ]` list inside a statement, kept whole; one never closed is an
 * error and its '[' an ordinary character. */
static void jx_list(struct jx_parser *ps)
{
    const char *end = ps->end, *q = ps->p + 1;
    uint32_t l2 = ps->line;
    while (q < end && *q != ']' && *q != ';' && *q != '{' && *q != '}') {
        if (*q == '"')
            q = jx_quoted_end(q, end, &l2);
        if (q < end) {
            if (*q == '\n')
                l2++;
            q++;
        }
    }
    if (q >= end || *q != ']') {
        cfg_diag(ps->t, DIAG_ERROR, ps->line, "'[' list is never closed");
        ps->p++; /* treat '[' as an ordinary character */
        return;
    }
    ps->line = l2;
    ps->p = q + 1;
}

/* '{' after a statement: the statement opens a block (or, ignored, the
 * block is skipped). */
static void jx_open_block(struct jx_parser *ps)
{
    struct cfg_node *n = NULL;
    if (!ps->skip) {
        n = jx_emit(ps, ps->parent, ps->stmt, ps->p, ps->stmt_line, ps->stmt_line, true);
        if (n) {
            /* end_line stays the statement's own line; the block follows. */
            n->end_line = ps->stmt_line;
            ps->parent = n;
        } else {
            ps->skip_line = ps->stmt_line;
        }
    }
    if (!n)
        ps->skip++;
    ps->stmt = NULL;
    ps->p++;
}

/* Character c inside a statement. JX_STOP after a quote never closed. */
static enum jx_step jx_inside(struct jx_parser *ps, char c)
{
    switch (c) {
    case '"': {
        uint32_t open_line = ps->line;
        ps->p = jx_quoted_end(ps->p, ps->end, &ps->line);
        if (ps->p >= ps->end) {
            cfg_diag(ps->t, DIAG_ERROR, open_line, "quoted string is never closed");
            ps->stmt = NULL;
            return JX_STOP;
        }
        ps->p++;
        return JX_NEXT;
    }
    case '[':
        if (ps->p == ps->stmt || cfg_blank(ps->p[-1])) {
            jx_list(ps);
            return JX_NEXT;
        }
        break;
    case ';':
    case '}':
        if (!ps->skip)
            jx_emit(ps, ps->parent, ps->stmt, ps->p, ps->stmt_line, ps->line, false);
        ps->stmt = NULL;
        if (c == ';')
            ps->p++;
        return JX_NEXT; /* '}' is handled as a close on the next round */
    case '{':
        jx_open_block(ps);
        return JX_NEXT;
    }
    ps->p++;
    return JX_NEXT;
}

/* After the last byte: a statement left pending, blocks left open, the
 * path actions that waited for their statements, the one-liner folds. */
static void jx_finish(struct jx_parser *ps)
{
    if (ps->stmt && !ps->skip) {
        cfg_diag(ps->t, DIAG_WARNING, ps->stmt_line, "statement without ';' at end of file");
        jx_emit(ps, ps->parent, ps->stmt, ps->end, ps->stmt_line, ps->line, false);
    }
    cfg_report_unclosed(ps->t, ps->parent, ps->skip, ps->skip_line);
    for (size_t i = 0; i < ps->ndeferred; i++)
        jx_set_line(ps, ps->deferred[i].verb, ps->deferred[i].p, ps->deferred[i].end,
                    ps->deferred[i].line, true);
    jx_fold_oneliners(ps);
    cfg_index_free(&ps->ix);
    free(ps->oneliners);
    free(ps->deferred);
}

int parse_junos(struct cfg_tree *t)
{
    struct jx_parser ps = {.t = t};
    jx_kwindex_build(&ps.kw);
    uint32_t errors_before = cfg_error_count(t);
    ps.p = t->buf;
    ps.end = t->buf + t->len;
    ps.line = 1;
    ps.line_start = true;
    while (ps.p < ps.end) {
        if (ps.line_start && jx_line_start(&ps))
            continue;
        char c = *ps.p;
        if (c == '\n') {
            jx_newline(&ps);
            continue;
        }
        if (cfg_blank(c)) {
            ps.p++;
            continue;
        }
        enum jx_step step = ps.stmt ? JX_STMT : jx_between(&ps, c);
        if (step == JX_STMT)
            step = jx_inside(&ps, c);
        if (step == JX_STOP)
            break;
    }
    jx_finish(&ps);
    return (int)(cfg_error_count(t) - errors_before);
}
