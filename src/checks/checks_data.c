/*
 * checks_data.c - data-plane checks (DATA-*): uRPF on external interfaces,
 * unexpected tunnels and traffic mirroring (indicators of compromise), and
 * legacy IP behaviours.
 */
#include "checks/checks_int.h"

#include <string.h>

/* ------------------------------------------------------------- DATA-URPF */

static void eval_urpf(const struct check_ctx *ctx, struct check_result *r)
{
    if (!ctx->profile->external_description) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "needs interfaces.external_description in the profile");
        return;
    }
    const struct interface **ext;
    size_t n = external_interfaces(ctx, &ext), judged = 0;
    struct reasons bad, unknown;
    reasons_init(&bad);
    reasons_init(&unknown);
    for (size_t i = 0; i < n; i++) {
        const struct interface *it = ext[i];
        if (!it->has_ip || it->is_loopback || it->is_tunnel)
            continue;
        judged++;
        /* No platform runs uRPF unless told to, so a fact the extractor never
         * set means no statement, i.e. off. */
        if (it->urpf.state == FACT_ON) {
            check_evidence_fact(ctx, r, &it->urpf.ev);
        } else if (it->urpf.state == FACT_OFF || fact_untouched(&it->urpf)) {
            reasons_add(&bad, "%s", it->name ? it->name : "?");
            ev_node(ctx, r, it->node);
        } else {
            reasons_add(&unknown, "%s: %s", it->name ? it->name : "?", fact_why(ctx, &it->urpf));
        }
    }
    if (bad.n) {
        reasons_done(ctx, &unknown);
        check_set(ctx, r, VERDICT_FAIL, "external interfaces without uRPF: %s",
                  reasons_done(ctx, &bad));
    } else if (unknown.n) {
        reasons_done(ctx, &bad);
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell uRPF: %s", reasons_done(ctx, &unknown));
    } else if (judged == 0) {
        reasons_done(ctx, &bad);
        reasons_done(ctx, &unknown);
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "no routed interface matches interfaces.external_description");
    } else {
        reasons_done(ctx, &bad);
        reasons_done(ctx, &unknown);
        check_set(ctx, r, VERDICT_PASS, "uRPF is on for every external interface (%zu)", judged);
    }
}

/* ------------------------------------------------ DATA-UNEXPECTED-TUNNELS */

/* Traffic-engineering tunnels are signalling constructs, not encapsulation. */
static bool is_te_tunnel(const struct interface *it)
{
    return str_icontains(it->tunnel_mode, "mpls") || str_ieq(it->tunnel_mode, "te") ||
           str_icontains(it->tunnel_mode, "traffic-eng") || str_icontains(it->name, "tunnel-te");
}

static void eval_tunnels(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    const struct profile *pr = ctx->profile;
    struct reasons bad, unknown;
    size_t ntun = 0;
    reasons_init(&bad);
    reasons_init(&unknown);
    for (size_t i = 0; i < m->ninterfaces; i++) {
        const struct interface *it = &m->interfaces[i];
        if (!it->is_tunnel || it->shutdown || is_te_tunnel(it))
            continue;
        ntun++;
        ev_node(ctx, r, it->tunnel_dest_node);
        const char *name = it->name ? it->name : "?";
        struct ip_prefix a;
        if (!it->tunnel_dest) {
            reasons_add(&bad, "%s has no fixed destination (accepts any endpoint)", name);
            ev_node(ctx, r, it->node);
        } else if (!host_addr(it->tunnel_dest, &a)) {
            reasons_add(&unknown, "%s (destination '%s' is a name)", name, it->tunnel_dest);
            ev_node(ctx, r, it->node);
        } else if (!pr->tunnels.present) {
            reasons_add(&unknown, "%s to %s", name, it->tunnel_dest);
            ev_node(ctx, r, it->node);
        } else if (!pset_contains(&pr->tunnels, &a)) {
            reasons_add(&bad, "%s to %s", name, it->tunnel_dest);
            ev_node(ctx, r, it->node);
        } else {
            ev_node(ctx, r, it->node);
        }
    }
    /* Policy-based VPN peers (crypto maps) are tunnel endpoints too. */
    for (size_t i = 0; i < m->nvpn_peers; i++) {
        const struct vpn_peer *p = &m->vpn_peers[i];
        const char *name = p->name ? p->name : "?";
        struct ip_prefix a;
        ntun++;
        ev_node(ctx, r, p->node);
        if (!p->peer || !host_addr(p->peer, &a))
            reasons_add(&unknown, "%s (peer '%s' is a name)", name, p->peer ? p->peer : "?");
        else if (!pr->tunnels.present)
            reasons_add(&unknown, "%s to %s", name, p->peer);
        else if (!pset_contains(&pr->tunnels, &a))
            reasons_add(&bad, "%s to %s", name, p->peer);
    }
    if (ntun == 0) {
        reasons_done(ctx, &bad);
        reasons_done(ctx, &unknown);
        check_set(ctx, r, VERDICT_PASS, "no GRE/IP-in-IP/IPsec tunnel or VPN peer is configured");
        return;
    }
    if (bad.n) {
        reasons_done(ctx, &unknown);
        check_set(ctx, r, VERDICT_FAIL, "tunnels to endpoints not in approved.tunnels: %s",
                  reasons_done(ctx, &bad));
        return;
    }
    if (!pr->tunnels.present) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "needs approved.tunnels in the profile to judge: %s",
                  reasons_done(ctx, &unknown));
        reasons_done(ctx, &bad);
        return;
    }
    if (unknown.n) {
        reasons_done(ctx, &bad);
        check_set(ctx, r, VERDICT_UNKNOWN, "tunnel endpoints that cannot be matched: %s",
                  reasons_done(ctx, &unknown));
        return;
    }
    reasons_done(ctx, &bad);
    reasons_done(ctx, &unknown);
    check_set(ctx, r, VERDICT_PASS, "every tunnel (%zu) ends at an approved endpoint", ntun);
}

/* ---------------------------------------------- DATA-UNEXPECTED-MIRRORING */

static bool mirror_approved(const struct profile *pr, const char *dest)
{
    if (!dest)
        return false;
    struct ip_prefix d, a;
    bool dest_is_addr = host_addr(dest, &d);
    for (size_t i = 0; i < pr->mirrors.n; i++) {
        if (!strcmp(pr->mirrors.v[i], dest))
            return true;
        if (dest_is_addr && host_addr(pr->mirrors.v[i], &a) && ip_prefix_contains(&a, &d))
            return true;
    }
    return false;
}

static void eval_mirroring(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    const struct profile *pr = ctx->profile;
    if (m->nmirrors == 0) {
        check_set(ctx, r, VERDICT_PASS, "no traffic mirroring session is configured");
        return;
    }
    struct reasons bad;
    reasons_init(&bad);
    for (size_t i = 0; i < m->nmirrors; i++) {
        const struct mirror_session *s = &m->mirrors[i];
        ev_node(ctx, r, s->node);
        if (pr->mirrors.present && mirror_approved(pr, s->destination))
            continue;
        reasons_add(&bad, "%s%s to %s", s->remote ? "remote " : "", s->kind ? s->kind : "mirror",
                    s->destination ? s->destination : "an unnamed destination");
    }
    if (!bad.n) {
        reasons_done(ctx, &bad);
        check_set(ctx, r, VERDICT_PASS,
                  "every mirroring session (%zu) goes to an approved "
                  "destination",
                  m->nmirrors);
        return;
    }
    if (!pr->mirrors.present) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "needs approved.mirrors in the profile to judge: %s", reasons_done(ctx, &bad));
        return;
    }
    check_set(ctx, r, VERDICT_FAIL, "traffic mirrored to destinations not in approved.mirrors: %s",
              reasons_done(ctx, &bad));
}

/* ---------------------------------------------------------- DATA-IP-LEGACY */

/* Platforms on which source-routed and IP-options packets are a matter of
 * a perimeter filter (checks.md DATA-IP-LEGACY), not of a device-wide
 * switch: the filter is needed only where an interface faces outside. */
static bool options_filter_at_perimeter(enum dialect d)
{
    return d == DIALECT_ARISTA_EOS || d == DIALECT_JUNIPER_JUNOS || d == DIALECT_NOKIA_SROS ||
           d == DIALECT_HUAWEI_VRP;
}

/* The source-routing part: bad, unknown (with its reason) or fine. */
static void ip_legacy_source_route(const struct check_ctx *ctx, struct check_result *r,
                                   struct reasons *bad, struct reasons *unknown)
{
    const struct device_model *m = ctx->model;
    const struct fact_bool *sr = &m->legacy.source_route;
    if (sr->state == FACT_ON) {
        reasons_add(bad, "IP source routing is on%s", sr->is_default ? " (platform default)" : "");
        check_evidence_fact(ctx, r, &sr->ev);
        return;
    }
    if (sr->state == FACT_OFF)
        return;
    if (options_filter_at_perimeter(m->dialect) && ctx->profile->external_description) {
        const struct interface **ext;
        if (external_interfaces(ctx, &ext) == 0)
            return; /* no perimeter interface to filter on */
        reasons_add(unknown, "IP options: whether the external interfaces drop them is not "
                             "judged (an input filter matching IP options)");
        return;
    }
    if (fact_untouched(sr))
        reasons_add(unknown, "source routing: the %s model does not record it",
                    dialect_name(m->dialect));
    else
        reasons_add(unknown, "source routing: %s", fact_why(ctx, sr));
}

static void eval_ip_legacy(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    struct reasons bad, unknown;
    reasons_init(&bad);
    reasons_init(&unknown);
    const struct fact_bool *sr = &m->legacy.source_route, *db = &m->legacy.directed_broadcast;
    ip_legacy_source_route(ctx, r, &bad, &unknown);
    if (db->state == FACT_ON) {
        reasons_add(&bad, "directed broadcast is forwarded");
        check_evidence_fact(ctx, r, &db->ev);
    } else if (db->state == FACT_UNKNOWN && !fact_untouched(db)) {
        reasons_add(&unknown, "directed broadcast: %s", fact_why(ctx, db));
    }
    for (size_t i = 0; i < m->ninterfaces; i++) {
        const struct interface *it = &m->interfaces[i];
        if (it->shutdown)
            continue;
        if (it->directed_broadcast.state == FACT_ON) {
            reasons_add(&bad, "%s forwards directed broadcasts", it->name ? it->name : "?");
            check_evidence_fact(ctx, r, &it->directed_broadcast.ev);
            ev_node(ctx, r, it->node);
        } else if (it->directed_broadcast.state == FACT_UNKNOWN && fact_untouched(db) &&
                   !fact_untouched(&it->directed_broadcast)) {
            reasons_add(&unknown, "directed broadcast on %s: %s", it->name ? it->name : "?",
                        fact_why(ctx, &it->directed_broadcast));
        }
    }
    if (bad.n) {
        reasons_done(ctx, &unknown);
        check_set(ctx, r, VERDICT_FAIL, "%s", reasons_done(ctx, &bad));
        return;
    }
    reasons_done(ctx, &bad);
    if (unknown.n) {
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell: %s", reasons_done(ctx, &unknown));
        return;
    }
    reasons_done(ctx, &unknown);
    check_evidence_fact(ctx, r, &sr->ev);
    check_evidence_fact(ctx, r, &db->ev);
    check_set(ctx, r, VERDICT_PASS, "%s, and directed broadcast is off",
              sr->state == FACT_OFF
                  ? "IP source routing is off"
                  : "no interface faces outside, so no IP-options filter is needed");
}

/* ------------------------------------------------- DATA-UNUSED-INTERFACES */

/*
 * checks.md: a physical port with no description, address or switchport
 * membership and no shutdown fails. The model lists such ports (extract_ports.c:
 * nothing in their block puts them in service and no other statement names
 * them); a port whose admin state the config leaves to an unprinted default
 * is unknown, and so are ports a platform leaves out of the configuration.
 */
static void eval_unused_interfaces(const struct check_ctx *ctx, struct check_result *r)
{
    const struct port_facts *pf = &ctx->model->ports;
    if (!pf->judged) {
        check_set(ctx, r, VERDICT_UNKNOWN, "the %s model does not record port use",
                  dialect_name(ctx->model->dialect));
        return;
    }
    struct reasons bad, unknown;
    reasons_init(&bad);
    reasons_init(&unknown);
    const char *why = NULL;
    for (size_t i = 0; i < pf->nidle; i++) {
        const struct idle_port *ip = &pf->idle[i];
        ev_node(ctx, r, ip->node);
        if (ip->up == FACT_ON) {
            reasons_add(&bad, "%s", ip->name);
        } else {
            reasons_add(&unknown, "%s", ip->name);
            why = ip->why;
        }
    }
    if (bad.n) {
        reasons_done(ctx, &unknown);
        const struct cfg_node *dev = pf->default_state_ev;
        const char *ports = reasons_done(ctx, &bad);
        if (dev) {
            /* NX-OS: the default was read from a sibling port (extract_ports.c) */
            ev_node(ctx, r, dev);
            check_set(ctx, r, VERDICT_FAIL,
                      "physical ports with nothing configured and not shut down: %s (NX-OS "
                      "prints 'shutdown' only where a port's admin state differs from its "
                      "mode's default, as at line %u: the default is up)",
                      ports, dev->line);
            return;
        }
        check_set(ctx, r, VERDICT_FAIL,
                  "physical ports with nothing configured and not shut down: %s", ports);
        return;
    }
    reasons_done(ctx, &bad);
    if (unknown.n) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "ports with nothing configured and no shutdown statement: %s (%s)",
                  reasons_done(ctx, &unknown), why ? why : "admin state not shown");
        return;
    }
    reasons_done(ctx, &unknown);
    if (pf->unlisted) {
        check_set(ctx, r, VERDICT_UNKNOWN, "every listed port (%zu) is in use or shut, but %s",
                  pf->nphysical, pf->unlisted);
        return;
    }
    if (pf->nphysical == 0 && ctx->model->dialect == DIALECT_FORTINET_FORTIOS) {
        /* a FortiGate always has ports: without them listed they are at the
         * model's factory defaults, which depend on the model */
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "no physical port is listed (no config system interface): the ports are at "
                  "factory defaults; op: get system interface physical");
        return;
    }
    if (pf->nphysical == 0 && ctx->model->dialect != DIALECT_CISCO_IOSXR) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "no physical port in the configuration");
        return;
    }
    if (ctx->model->dialect == DIALECT_CISCO_IOSXR || ctx->model->dialect == DIALECT_NOKIA_SROS)
        check_set(ctx, r, VERDICT_PASS,
                  "every listed physical port (%zu) is in use or shut; ports not listed are "
                  "shut by default",
                  pf->nphysical);
    else
        check_set(ctx, r, VERDICT_PASS, "every physical port (%zu) is in use or shut down",
                  pf->nphysical);
}

static const struct check_def defs[] = {
    {
        .id = "DATA-URPF",
        .source = "builtin",
        .title = "Unicast RPF on customer- and peer-facing interfaces",
        .category = "Data plane (anti-spoofing)",
        .severity = SEV_HIGH,
        .rationale = "Reverse-path checks drop packets with forged source addresses at the "
                     "edge, the standard anti-spoofing control (BCP 38).",
        .measures = MEASURES("M3.16", "M3.19"),
        .context = "interfaces.external_description",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Enable uRPF (strict for single-homed customers, loose for "
                                    "peers) on every external interface.",
                [DIALECT_CISCO_IOS] = "interface <ext-if>\n ip verify unicast source "
                                      "reachable-via rx",
                [DIALECT_CISCO_NXOS] = "interface <ext-if>\n ip verify unicast source "
                                       "reachable-via rx",
                [DIALECT_CISCO_IOSXR] = "interface <ext-if>\n ipv4 verify unicast source "
                                        "reachable-via rx",
                [DIALECT_CISCO_ASA] = "ip verify reverse-path interface <ext-if>",
                [DIALECT_ARISTA_EOS] = "interface <ext-if>\n ip verify unicast source "
                                       "reachable-via rx",
                [DIALECT_JUNIPER_JUNOS] = "set interfaces <ext-if> unit 0 family inet "
                                          "rpf-check",
                [DIALECT_NOKIA_SROS] = "configure router interface <ext-if> urpf-check mode "
                                       "strict",
                [DIALECT_HUAWEI_VRP] = "interface <ext-if>\n urpf strict",
            },
        .eval = eval_urpf,
    },
    {
        .id = "DATA-UNEXPECTED-TUNNELS",
        .source = "builtin",
        .title = "No unapproved GRE/IP-in-IP/IPsec tunnels or tunnel endpoints",
        .category = "Data plane (IoC)",
        .severity = SEV_HIGH,
        .rationale = "Intruders build GRE and IPsec tunnels from routers to carry copied "
                     "traffic out of the network; every tunnel should end at a known "
                     "endpoint.",
        .measures = MEASURES("M16.16", "M16.21", "M11.18"),
        .context = "approved.tunnels",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Remove tunnels to unapproved endpoints and investigate how "
                                    "they were added.",
                [DIALECT_CISCO_IOS] = "no interface Tunnel<n>",
                [DIALECT_CISCO_NXOS] = "no interface Tunnel<n>",
                [DIALECT_CISCO_IOSXR] = "no interface tunnel-ip<n>",
                [DIALECT_CISCO_ASA] = "no interface Tunnel<n>",
                [DIALECT_ARISTA_EOS] = "no interface Tunnel<n>",
                [DIALECT_JUNIPER_JUNOS] = "delete interfaces gr-<fpc/pic/port> unit <n>",
                [DIALECT_NOKIA_SROS] = "configure router interface <name> shutdown; remove the "
                                       "gre-tunnel/ip-tunnel",
                [DIALECT_HUAWEI_VRP] = "undo interface Tunnel<n>",
            },
        .eval = eval_tunnels,
    },
    {
        .id = "DATA-UNEXPECTED-MIRRORING",
        .source = "builtin",
        .title = "No unapproved SPAN/RSPAN/ERSPAN or port-mirroring",
        .category = "Data plane (IoC)",
        .severity = SEV_HIGH,
        .rationale = "Mirroring sessions copy subscriber and management traffic, including "
                     "AAA exchanges; intruders add them to collect credentials.",
        .measures = MEASURES("M16.16", "M16.21", "M10.05"),
        .context = "approved.mirrors",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Remove mirroring sessions that are not approved and "
                                    "investigate how they were added.",
                [DIALECT_CISCO_IOS] = "no monitor session <n>",
                [DIALECT_CISCO_NXOS] = "no monitor session <n>",
                [DIALECT_CISCO_IOSXR] = "no monitor-session <name>",
                [DIALECT_ARISTA_EOS] = "no monitor session <name>",
                [DIALECT_JUNIPER_JUNOS] = "delete forwarding-options port-mirroring\ndelete "
                                          "forwarding-options analyzer <name>",
                [DIALECT_NOKIA_SROS] = "configure mirror no mirror-dest <id>",
                [DIALECT_HUAWEI_VRP] = "undo port-mirroring to observe-port <n>\nundo "
                                       "observe-port <n>",
            },
        .eval = eval_mirroring,
    },
    {
        .id = "DATA-IP-LEGACY",
        .source = "builtin",
        .title = "IP source routing and directed broadcast disabled",
        .category = "Data plane",
        .severity = SEV_MEDIUM,
        .rationale = "Source-routed packets steer around controls and directed broadcasts "
                     "enable amplification; neither has a legitimate use on a provider "
                     "network.",
        .measures = MEASURES("M10.48", "M10.49"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Disable IP source routing and directed broadcast.",
                [DIALECT_CISCO_IOS] = "no ip source-route\ninterface <if>\n no ip "
                                      "directed-broadcast",
                [DIALECT_CISCO_NXOS] = "no ip source-route\ninterface <if>\n no ip "
                                       "directed-broadcast",
                [DIALECT_CISCO_IOSXR] = "interface <if>\n no ipv4 directed-broadcast",
                [DIALECT_ARISTA_EOS] = "interface <if>\n no ip directed-broadcast",
                [DIALECT_JUNIPER_JUNOS] = "delete interfaces <if> unit 0 family inet "
                                          "targeted-broadcast",
                [DIALECT_HUAWEI_VRP] = "interface <if>\n undo ip forward-broadcast",
            },
        .eval = eval_ip_legacy,
    },
};

const struct check_family checks_family_data = {defs, ARRAY_SIZE(defs)};

/* ------------------------------------------------ interface filter walks */

enum fate { FATE_DENIED, FATE_PERMITTED, FATE_MAYBE };

/* One end of an entry: the address it matches, or any, or unresolved. */
struct entry_end {
    bool any, unresolved;
    const struct ip_prefix *p;
};

static struct entry_end end_of(const struct acl_entry *e, bool src)
{
    if (src)
        return (struct entry_end){e->src_any, e->unresolved || (!e->src_any && !e->src.af),
                                  &e->src};
    return (struct entry_end){e->dst_any, e->dst_unresolved || (!e->dst_any && !e->dst.af),
                              &e->dst};
}

/* Packets that pass an interface filter when no entry matches them: Cisco
 * ACLs and Junos filters end in an implicit deny, SR OS filters in their
 * default-action (drop unless forward), and a VRP traffic-filter lets
 * unmatched packets through (Huawei: "If no rule is matched, IPv4 packets
 * are allowed to pass through"). */
static bool filter_ends_permit(enum dialect d, const struct acl *acl)
{
    return acl->default_permit || d == DIALECT_HUAWEI_VRP;
}

/*
 * What a filter does to the packets whose source (by_src) or destination
 * lies in p, walking its entries in order: denied when an entry matching
 * every such packet (all protocols, the other end any) drops them before
 * any entry lets some through; permitted when a permit entry overlapping p
 * comes first (permits limited to protocols or ports are skipped when
 * skip_narrow); maybe when an entry the
 * model could not resolve comes first. *at is the deciding entry (NULL at
 * the filter's end).
 */
static enum fate filter_fate(const struct check_ctx *ctx, const struct acl *acl,
                             const struct ip_prefix *p, bool by_src, bool skip_narrow,
                             const struct acl_entry **at)
{
    const struct acl_entry *maybe = NULL; /* an unresolved deny that may drop them */
    const struct acl_entry *permitted = NULL;
    for (size_t i = 0; i < acl->n; i++) {
        const struct acl_entry *e = &acl->entries[i];
        struct entry_end me = end_of(e, by_src), other = end_of(e, !by_src);
        bool full = e->matches_all && other.any;
        *at = e;
        if (!e->permit && !full)
            continue; /* a narrow deny stops some packets only */
        if (e->permit && skip_narrow && !e->matches_all)
            continue; /* a permit limited to protocols or ports is an allowed exception */
        if (me.unresolved && e->permit)
            return FATE_MAYBE;
        if (me.unresolved) {
            maybe = maybe ? maybe : e;
            continue;
        }
        if (!me.any && (me.p->af != p->af || !ip_prefix_overlaps(me.p, p)))
            continue;
        if (e->permit) {
            permitted = e;
            break;
        }
        if (me.any || ip_prefix_contains(me.p, p))
            return FATE_DENIED;
    }
    /* a permit, or the filter's end */
    *at = maybe ? maybe : permitted;
    if (permitted || filter_ends_permit(ctx->model->dialect, acl))
        return maybe ? FATE_MAYBE : FATE_PERMITTED;
    return FATE_DENIED;
}

/* The address family a filter is for: IPv6 when it names IPv6 addresses
 * only, IPv4 otherwise. */
static int filter_family(const struct acl *acl)
{
    bool v4 = false, v6 = false;
    for (size_t i = 0; i < acl->n; i++) {
        const struct acl_entry *e = &acl->entries[i];
        for (int end = 0; end < 2; end++) {
            const struct ip_prefix *p = end ? &e->dst : &e->src;
            v4 |= p->af == 4;
            v6 |= p->af == 6;
        }
    }
    return v6 && !v4 ? 6 : 4;
}

/* A range the checks require a filter to drop, with its label. */
struct required {
    struct ip_prefix p;
    const char *label; /* "RFC 1918", "own.prefixes", ... */
};

struct required_set {
    struct required *v;
    size_t n;
};

static void required_add(const struct check_ctx *ctx, struct required_set *rs,
                         const struct ip_prefix *p, const char *label, int family)
{
    if (p->af != family)
        return;
    rs->v = arena_grow(ctx->arena, rs->v, rs->n, rs->n + 1, sizeof(*rs->v));
    rs->v[rs->n++] = (struct required){*p, label};
}

static void required_add_set(const struct check_ctx *ctx, struct required_set *rs,
                             const struct prefix_set *ps, const char *label, int family)
{
    for (size_t i = 0; i < ps->n; i++)
        required_add(ctx, rs, &ps->v[i], label, family);
}

/*
 * Judge one interface filter against the ranges it must drop (by source or
 * destination): the first range it lets through goes to bad with the
 * deciding line as evidence, the first it cannot decide to unknown.
 * Returns false when the filter is not defined.
 */
static bool judge_filter(const struct check_ctx *ctx, struct check_result *r,
                         const struct interface *it, const char *acl_name,
                         const struct required_set *need, bool by_src, struct reasons *bad,
                         struct reasons *unknown)
{
    const struct acl *acl = model_find_acl(ctx->model, acl_name);
    const char *name = it->name ? it->name : "?";
    if (!acl) {
        reasons_add(unknown, "%s: filter %s is not defined in the configuration", name, acl_name);
        ev_node(ctx, r, it->node);
        return false;
    }
    char buf[64];
    for (size_t i = 0; i < need->n; i++) {
        const struct acl_entry *at;
        enum fate f = filter_fate(ctx, acl, &need->v[i].p, by_src, !by_src, &at);
        if (f == FATE_DENIED)
            continue;
        ev_node(ctx, r, at ? at->node : acl->node);
        ev_node(ctx, r, it->node);
        const char *pfx = ip_prefix_format(&need->v[i].p, buf, sizeof(buf));
        if (f == FATE_PERMITTED)
            reasons_add(bad, "%s: %s lets %s %s (%s) through%s", name, acl_name,
                        by_src ? "sources in" : "traffic to", pfx, need->v[i].label,
                        at ? "" : " (no entry matches it)");
        else
            reasons_add(unknown,
                        "%s: %s has an entry the model cannot resolve before it "
                        "decides %s",
                        name, acl_name, pfx);
        return true;
    }
    ev_node(ctx, r, it->node);
    return true;
}

/* ------------------------------------------------- DATA-INGRESS-ANTISPOOF */

/* The source ranges an external interface's inbound filter must drop:
 * bogons, the provider's own space and its infrastructure. */
static struct required_set antispoof_sources(const struct check_ctx *ctx, int family)
{
    const struct profile *pr = ctx->profile;
    struct required_set rs = {0};
    const struct bogon *b;
    size_t nb = bogons_for(ctx, &b);
    for (size_t i = 0; i < nb; i++)
        required_add(ctx, &rs, &b[i].prefix, b[i].source, family);
    required_add_set(ctx, &rs, &pr->own_prefixes, "own.prefixes", family);
    required_add_set(ctx, &rs, &pr->infrastructure, "networks.infrastructure", family);
    return rs;
}

/* Active routed interfaces (not loopbacks or tunnels) whose description
 * matches re. */
static size_t described_interfaces(const struct check_ctx *ctx, const struct cfg_regex *re,
                                   const struct interface ***out)
{
    const struct device_model *m = ctx->model;
    const struct interface **v = arena_alloc(ctx->arena, (m->ninterfaces + 1) * sizeof(*v));
    size_t n = 0;
    for (size_t i = 0; i < m->ninterfaces; i++) {
        const struct interface *it = &m->interfaces[i];
        if (!it->description || it->shutdown || !it->has_ip || it->is_loopback || it->is_tunnel)
            continue;
        if (cfg_regex_match(re, sv_from_cstr(it->description), NULL, 0))
            v[n++] = it;
    }
    *out = v;
    return n;
}

/* Interfaces facing outside that carry traffic. */
static size_t edge_interfaces(const struct check_ctx *ctx, const struct interface ***out)
{
    return described_interfaces(ctx, ctx->profile->external_description, out);
}

/* FortiOS filters in firewall policies, not interface access lists. */
static bool no_interface_acls(const struct check_ctx *ctx, struct check_result *r)
{
    if (ctx->model->dialect != DIALECT_FORTINET_FORTIOS)
        return false;
    check_set(ctx, r, VERDICT_NOT_APPLICABLE,
              "FortiOS has no interface access list; it filters in firewall policies and drops "
              "spoofed sources with its reverse-path check");
    return true;
}

static const char *missing_antispoof_keys(const struct profile *pr)
{
    if (!pr->own_prefixes.present && !pr->infrastructure.present)
        return "own.prefixes and networks.infrastructure";
    if (!pr->own_prefixes.present)
        return "own.prefixes";
    if (!pr->infrastructure.present)
        return "networks.infrastructure";
    return NULL;
}

static void eval_ingress_antispoof(const struct check_ctx *ctx, struct check_result *r)
{
    if (no_interface_acls(ctx, r))
        return;
    if (!ctx->profile->external_description) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "needs interfaces.external_description in the profile");
        return;
    }
    const struct interface **ext;
    size_t n = edge_interfaces(ctx, &ext);
    if (n == 0) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "no routed interface matches interfaces.external_description");
        return;
    }
    struct reasons bad, unknown;
    reasons_init(&bad);
    reasons_init(&unknown);
    for (size_t i = 0; i < n; i++) {
        const struct interface *it = ext[i];
        if (!it->acl_in) {
            reasons_add(&bad, "%s has no inbound filter", it->name ? it->name : "?");
            ev_node(ctx, r, it->node);
            continue;
        }
        const struct acl *acl = model_find_acl(ctx->model, it->acl_in);
        struct required_set need = antispoof_sources(ctx, acl ? filter_family(acl) : 4);
        judge_filter(ctx, r, it, it->acl_in, &need, true, &bad, &unknown);
    }
    const char *missing = missing_antispoof_keys(ctx->profile);
    if (judge_reasons(ctx, r, &bad, &unknown, "spoofed sources are not dropped on entry"))
        return;
    if (missing) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "the inbound filters drop bogon sources; needs %s in the profile to judge "
                  "the provider's own and infrastructure space",
                  missing);
    } else {
        check_set(ctx, r, VERDICT_PASS,
                  "the inbound filter of every external interface (%zu) drops bogon, own and "
                  "infrastructure sources before it permits anything",
                  n);
    }
}

/* ------------------------------------------------------ DATA-CORE-PROTECT */

/* The VRF the interface forwards in, NULL for the global table. */
static const char *interface_vrf(const struct check_ctx *ctx, const struct interface *it)
{
    const struct device_model *m = ctx->model;
    if (!m->ports.iface_vrf || it < m->interfaces || it >= m->interfaces + m->ninterfaces)
        return NULL;
    return m->ports.iface_vrf[it - m->interfaces];
}

/* Needs both the customer interface pattern and the infrastructure space. */
static bool core_protect_context(const struct check_ctx *ctx, struct check_result *r)
{
    const struct profile *pr = ctx->profile;
    const char *missing = !pr->customer_description && !pr->infrastructure.present
                              ? "interfaces.customer_description and networks.infrastructure"
                          : !pr->customer_description   ? "interfaces.customer_description"
                          : !pr->infrastructure.present ? "networks.infrastructure"
                                                        : NULL;
    if (missing)
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT, "needs %s in the profile", missing);
    return missing == NULL;
}

/*
 * checks.md: every customer-facing interface has an ingress filter whose
 * early entries deny destinations in INFRA_PREFIXES before any broad
 * permit. Permits limited to a protocol or port (BGP from the customer's
 * router, ICMP) before the deny are the usual infrastructure-ACL exceptions
 * and are allowed; a permit of every protocol is broad whatever its source.
 */
static void eval_core_protect(const struct check_ctx *ctx, struct check_result *r)
{
    if (no_interface_acls(ctx, r) || !core_protect_context(ctx, r))
        return;
    const struct interface **ce;
    size_t n = described_interfaces(ctx, ctx->profile->customer_description, &ce);
    if (n == 0) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "no routed interface matches interfaces.customer_description");
        return;
    }
    struct reasons bad, unknown;
    reasons_init(&bad);
    reasons_init(&unknown);
    for (size_t i = 0; i < n; i++) {
        const struct interface *it = ce[i];
        const char *vrf = interface_vrf(ctx, it);
        /* in a VRF, a filter that lets traffic to the infrastructure through
         * matters only if the VRF has routes to it (leaked or shared) */
        struct reasons *open = vrf ? &unknown : &bad;
        if (!it->acl_in) {
            reasons_add(open, "%s has no inbound filter%s%s%s", it->name ? it->name : "?",
                        vrf ? " (in VRF " : "", vrf ? vrf : "",
                        vrf ? ": the infrastructure is reachable only if the VRF has routes to "
                              "it; op: show route vrf <name> <infrastructure prefix>)"
                            : "");
            ev_node(ctx, r, it->node);
            continue;
        }
        const struct acl *acl = model_find_acl(ctx->model, it->acl_in);
        struct required_set need = {0};
        required_add_set(ctx, &need, &ctx->profile->infrastructure, "networks.infrastructure",
                         acl ? filter_family(acl) : 4);
        judge_filter(ctx, r, it, it->acl_in, &need, false, open, &unknown);
    }
    if (!judge_reasons(ctx, r, &bad, &unknown, "customers can reach infrastructure addresses"))
        check_set(ctx, r, VERDICT_PASS,
                  "the inbound filter of every customer interface (%zu) drops traffic to "
                  "networks.infrastructure before any broad permit",
                  n);
}

/* -------------------------------------------------- DATA-EGRESS-ANTISPOOF */

static bool legit_source(const struct profile *pr, const struct acl_entry *e)
{
    return !e->src_any && e->src.af &&
           (pset_contains(&pr->own_prefixes, &e->src) || pset_contains(&pr->customer, &e->src));
}

/*
 * Does the filter let only own and customer sources through? FATE_DENIED:
 * yes (every permit names legitimate sources, up to a deny of every
 * source); FATE_PERMITTED: a permit of other sources, or unmatched packets
 * pass at the end; FATE_MAYBE: a permit the model cannot resolve. *at is
 * the deciding entry.
 */
static enum fate source_limited(const struct check_ctx *ctx, const struct acl *acl,
                                const struct acl_entry **at)
{
    for (size_t i = 0; i < acl->n; i++) {
        const struct acl_entry *e = &acl->entries[i];
        *at = e;
        if (!e->permit) {
            if (e->src_any && e->dst_any && e->matches_all)
                return FATE_DENIED; /* nothing after it is reached */
            continue;
        }
        if (e->unresolved)
            return FATE_MAYBE;
        if (!legit_source(ctx->profile, e))
            return FATE_PERMITTED;
    }
    *at = NULL;
    return filter_ends_permit(ctx->model->dialect, acl) ? FATE_PERMITTED : FATE_DENIED;
}

/* Judge the filter named on an interface; adds to bad or unknown. */
static void judge_source_filter(const struct check_ctx *ctx, struct check_result *r,
                                const struct interface *it, const char *acl_name,
                                struct reasons *bad, struct reasons *unknown)
{
    const char *name = it->name ? it->name : "?";
    const struct acl *acl = model_find_acl(ctx->model, acl_name);
    const struct acl_entry *at = NULL;
    enum fate f = acl ? source_limited(ctx, acl, &at) : FATE_MAYBE;
    ev_node(ctx, r, it->node);
    if (f == FATE_DENIED)
        return;
    ev_node(ctx, r, at ? at->node : acl ? acl->node : NULL);
    if (!acl)
        reasons_add(unknown, "%s: filter %s is not defined in the configuration", name, acl_name);
    else if (f == FATE_MAYBE)
        reasons_add(unknown, "%s: %s permits sources the model cannot resolve", name, acl_name);
    else if (at)
        reasons_add(bad, "%s: %s permits sources outside own.prefixes and networks.customer", name,
                    acl_name);
    else
        reasons_add(bad, "%s: %s lets packets no entry matches through", name, acl_name);
}

/*
 * Without an outbound filter, checks.md accepts source checks where the
 * traffic enters: uRPF or a source-limited inbound filter on every customer
 * interface. Returns how many customer interfaces there are; unprotected
 * ones go to bad.
 */
static size_t customer_sources_checked(const struct check_ctx *ctx, struct check_result *r,
                                       struct reasons *bad, struct reasons *unknown)
{
    if (!ctx->profile->customer_description)
        return 0;
    const struct interface **ce;
    size_t n = described_interfaces(ctx, ctx->profile->customer_description, &ce);
    for (size_t i = 0; i < n; i++) {
        const struct interface *it = ce[i];
        if (it->urpf.state == FACT_ON) {
            check_evidence_fact(ctx, r, &it->urpf.ev);
            continue;
        }
        if (it->acl_in) {
            judge_source_filter(ctx, r, it, it->acl_in, bad, unknown);
            continue;
        }
        reasons_add(bad, "customer interface %s checks no source (no uRPF, no inbound filter)",
                    it->name ? it->name : "?");
        ev_node(ctx, r, it->node);
    }
    return n;
}

static void egress_verdict(const struct check_ctx *ctx, struct check_result *r, struct reasons *bad,
                           struct reasons *unknown, size_t unfiltered, size_t ncust)
{
    if (bad->n) {
        reasons_done(ctx, unknown);
        check_set(ctx, r, VERDICT_FAIL, "illegitimate sources can leave the network: %s",
                  reasons_done(ctx, bad));
        return;
    }
    reasons_done(ctx, bad);
    if (unknown->n) {
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell: %s", reasons_done(ctx, unknown));
        return;
    }
    reasons_done(ctx, unknown);
    if (unfiltered && !ncust)
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "%zu external interface(s) have no outbound source filter, and no customer "
                  "interface on this device checks sources; whether traffic was source-checked "
                  "where it entered the network is decided on the devices with customer ports",
                  unfiltered);
    else if (unfiltered)
        check_set(ctx, r, VERDICT_PASS,
                  "every customer interface (%zu) checks sources (uRPF or a source-limited "
                  "inbound filter)",
                  ncust);
    else
        check_set(ctx, r, VERDICT_PASS,
                  "the outbound filter of every external interface lets only own and customer "
                  "sources out");
}

static void eval_egress_antispoof(const struct check_ctx *ctx, struct check_result *r)
{
    const struct profile *pr = ctx->profile;
    if (no_interface_acls(ctx, r))
        return;
    if (!pr->external_description || !pr->own_prefixes.present || !pr->customer.present) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "needs interfaces.external_description, own.prefixes and networks.customer "
                  "in the profile");
        return;
    }
    const struct interface **ext;
    size_t n = edge_interfaces(ctx, &ext), unfiltered = 0, ncust = 0;
    if (n == 0) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "no routed interface matches interfaces.external_description");
        return;
    }
    struct reasons bad, unknown;
    reasons_init(&bad);
    reasons_init(&unknown);
    for (size_t i = 0; i < n; i++) {
        if (ext[i]->acl_out)
            judge_source_filter(ctx, r, ext[i], ext[i]->acl_out, &bad, &unknown);
        else
            unfiltered++;
    }
    if (unfiltered)
        ncust = customer_sources_checked(ctx, r, &bad, &unknown);
    egress_verdict(ctx, r, &bad, &unknown, unfiltered, ncust);
}

/* The data-plane checks added later: a family of their own, registered after
 * the others, so that the built-in order of the earlier checks stays as it
 * was. */
static const struct check_def edge_defs[] = {
    {
        .id = "DATA-UNUSED-INTERFACES",
        .source = "builtin",
        .title = "Unused interfaces administratively shut",
        .category = "Data plane",
        .severity = SEV_LOW,
        .rationale = "A port that is shut and unconfigured cannot be used to attach an "
                     "unauthorised device to the network.",
        .measures = MEASURES("M10.48"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Shut down every physical port that is not in use.",
                [DIALECT_CISCO_IOS] = "interface <port>\n shutdown",
                [DIALECT_CISCO_NXOS] = "interface <port>\n shutdown",
                [DIALECT_CISCO_IOSXR] = "interface <port>\n shutdown",
                [DIALECT_CISCO_ASA] = "interface <port>\n shutdown",
                [DIALECT_ARISTA_EOS] = "interface <port>\n shutdown",
                [DIALECT_JUNIPER_JUNOS] = "set interfaces <port> disable",
                [DIALECT_NOKIA_SROS] = "configure port <port> shutdown",
                [DIALECT_HUAWEI_VRP] = "interface <port>\n shutdown",
                [DIALECT_FORTINET_FORTIOS] = "config system interface\n edit <port>\n  set "
                                             "status down\n next\nend",
            },
        .eval = eval_unused_interfaces,
    },
    {
        .id = "DATA-INGRESS-ANTISPOOF",
        .source = "builtin",
        .title = "Edge ingress filters drop spoofed, bogon and own-space sources",
        .category = "Data plane (ACLs)",
        .severity = SEV_HIGH,
        .rationale = "Packets arriving from outside with private, reserved or the provider's "
                     "own source addresses are forged; a default-deny boundary filter drops "
                     "them before anything else is permitted.",
        .measures = MEASURES("M3.16", "M1.05"),
        .context = "interfaces.external_description, own.prefixes, networks.infrastructure, "
                   "approved.bgp_bogons (optional)",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Apply an inbound filter on every external interface whose "
                                    "first entries deny bogon, own and infrastructure sources.",
                [DIALECT_CISCO_IOS] = "ip access-list extended EDGE-IN\n deny ip 10.0.0.0 "
                                      "0.255.255.255 any\n deny ip <own-prefix> <wildcard> any\n "
                                      "permit ip any any\ninterface <ext-if>\n ip access-group "
                                      "EDGE-IN in",
                [DIALECT_CISCO_NXOS] = "ip access-list EDGE-IN\n deny ip 10.0.0.0/8 any\n deny ip "
                                       "<own-prefix> any\n permit ip any any\ninterface "
                                       "<ext-if>\n ip access-group EDGE-IN in",
                [DIALECT_CISCO_IOSXR] = "ipv4 access-list EDGE-IN\n 10 deny ipv4 10.0.0.0/8 any\n "
                                        "20 deny ipv4 <own-prefix> any\n 100 permit ipv4 any "
                                        "any\ninterface <ext-if>\n ipv4 access-group EDGE-IN "
                                        "ingress",
                [DIALECT_CISCO_ASA] = "access-list OUTSIDE-IN extended deny ip 10.0.0.0 255.0.0.0 "
                                      "any\naccess-group OUTSIDE-IN in interface outside",
                [DIALECT_ARISTA_EOS] = "ip access-list EDGE-IN\n deny ip 10.0.0.0/8 any\n deny ip "
                                       "<own-prefix> any\n permit ip any any\ninterface "
                                       "<ext-if>\n ip access-group EDGE-IN in",
                [DIALECT_JUNIPER_JUNOS] = "set firewall family inet filter EDGE-IN term bogons "
                                          "from source-prefix-list BOGONS\nset firewall family "
                                          "inet filter EDGE-IN term bogons then discard\nset "
                                          "interfaces <ext-if> unit 0 family inet filter input "
                                          "EDGE-IN",
                [DIALECT_NOKIA_SROS] = "configure filter ip-filter 10 entry 10 match src-ip "
                                       "10.0.0.0/8\nconfigure filter ip-filter 10 entry 10 action "
                                       "drop\nconfigure router interface <ext-if> ingress filter "
                                       "ip 10",
                [DIALECT_HUAWEI_VRP] = "acl number 3000\n rule 5 deny ip source 10.0.0.0 "
                                       "0.255.255.255\ninterface <ext-if>\n traffic-filter "
                                       "inbound acl 3000",
            },
        .eval = eval_ingress_antispoof,
    },
    {
        .id = "DATA-CORE-PROTECT",
        .source = "builtin",
        .title = "Customer-facing interfaces cannot reach core infrastructure addresses",
        .category = "Data plane (ACLs)",
        .severity = SEV_HIGH,
        .rationale = "An infrastructure filter on customer ports stops customers, or their "
                     "compromised equipment, from reaching the core routers' control and "
                     "management planes.",
        .measures = MEASURES("M1.04", "M1.05", "M1.06", "M11.14"),
        .context = "interfaces.customer_description, networks.infrastructure",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Apply an inbound filter on every customer interface that "
                                    "denies traffic to the infrastructure ranges before any "
                                    "broad permit.",
                [DIALECT_CISCO_IOS] = "ip access-list extended CUST-IN\n permit tcp host <ce> host "
                                      "<pe> eq bgp\n deny ip any <infra> <wildcard>\n permit ip "
                                      "any any\ninterface <ce-if>\n ip access-group CUST-IN in",
                [DIALECT_CISCO_NXOS] = "ip access-list CUST-IN\n deny ip any <infra>\n permit ip "
                                       "any any\ninterface <ce-if>\n ip access-group CUST-IN in",
                [DIALECT_CISCO_IOSXR] = "ipv4 access-list CUST-IN\n 10 deny ipv4 any <infra>\n 100 "
                                        "permit ipv4 any any\ninterface <ce-if>\n ipv4 "
                                        "access-group CUST-IN ingress",
                [DIALECT_CISCO_ASA] = "access-list CUST-IN extended deny ip any <infra> "
                                      "<mask>\naccess-group CUST-IN in interface <ce>",
                [DIALECT_ARISTA_EOS] = "ip access-list CUST-IN\n deny ip any <infra>\n permit ip "
                                       "any any\ninterface <ce-if>\n ip access-group CUST-IN in",
                [DIALECT_JUNIPER_JUNOS] = "set firewall family inet filter CUST-IN term infra "
                                          "from destination-prefix-list INFRA\nset firewall "
                                          "family inet filter CUST-IN term infra then discard\nset "
                                          "interfaces <ce-if> unit 0 family inet filter input "
                                          "CUST-IN",
                [DIALECT_NOKIA_SROS] = "configure filter ip-filter 20 entry 10 match dst-ip "
                                       "<infra>\nconfigure filter ip-filter 20 entry 10 action "
                                       "drop\nconfigure service ies|vprn ... interface <ce-if> "
                                       "sap <sap> ingress filter ip 20",
                [DIALECT_HUAWEI_VRP] = "acl number 3001\n rule 5 deny ip destination <infra> "
                                       "<wildcard>\ninterface <ce-if>\n traffic-filter inbound acl "
                                       "3001",
            },
        .eval = eval_core_protect,
    },
    {
        .id = "DATA-EGRESS-ANTISPOOF",
        .source = "builtin",
        .title = "Traffic leaving towards peers and transit carries only legitimate source "
                 "addresses",
        .category = "Data plane (ACLs)",
        .severity = SEV_MEDIUM,
        .rationale = "Packets whose source is not the provider's or its customers' should "
                     "never leave the network (BCP 38 egress filtering); an outbound filter "
                     "on external interfaces, or source checks where customers connect, "
                     "stops them.",
        .measures = MEASURES("M3.09", "M3.16", "M3.19"),
        .context = "interfaces.external_description, own.prefixes, networks.customer, "
                   "interfaces.customer_description (optional)",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Apply an outbound filter on every external interface "
                                    "permitting only own and customer source ranges, or uRPF "
                                    "on every customer interface.",
                [DIALECT_CISCO_IOS] = "ip access-list extended EDGE-OUT\n permit ip <own-prefix> "
                                      "<wildcard> any\n permit ip <customer-prefix> <wildcard> "
                                      "any\n deny ip any any\ninterface <ext-if>\n ip "
                                      "access-group EDGE-OUT out",
                [DIALECT_CISCO_NXOS] = "ip access-list EDGE-OUT\n permit ip <own-prefix> any\n "
                                       "deny ip any any\ninterface <ext-if>\n ip access-group "
                                       "EDGE-OUT out",
                [DIALECT_CISCO_IOSXR] = "ipv4 access-list EDGE-OUT\n 10 permit ipv4 <own-prefix> "
                                        "any\n 100 deny ipv4 any any\ninterface <ext-if>\n ipv4 "
                                        "access-group EDGE-OUT egress",
                [DIALECT_CISCO_ASA] = "access-list EDGE-OUT extended permit ip <own-prefix> <mask> "
                                      "any\naccess-group EDGE-OUT out interface outside",
                [DIALECT_ARISTA_EOS] = "ip access-list EDGE-OUT\n permit ip <own-prefix> any\n "
                                       "deny ip any any\ninterface <ext-if>\n ip access-group "
                                       "EDGE-OUT out",
                [DIALECT_JUNIPER_JUNOS] = "set firewall family inet filter EDGE-OUT term ours "
                                          "from source-prefix-list OURS\nset firewall family inet "
                                          "filter EDGE-OUT term ours then accept\nset interfaces "
                                          "<ext-if> unit 0 family inet filter output EDGE-OUT",
                [DIALECT_NOKIA_SROS] = "configure filter ip-filter 30 default-action "
                                       "drop\nconfigure filter ip-filter 30 entry 10 match src-ip "
                                       "<own-prefix>\nconfigure filter ip-filter 30 entry 10 "
                                       "action forward\nconfigure router interface <ext-if> "
                                       "egress filter ip 30",
                [DIALECT_HUAWEI_VRP] = "acl number 3002\n rule 5 permit ip source <own-prefix> "
                                       "<wildcard>\n rule 100 deny ip\ninterface <ext-if>\n "
                                       "traffic-filter outbound acl 3002",
            },
        .eval = eval_egress_antispoof,
    },
};

const struct check_family checks_family_data_edge = {edge_defs, ARRAY_SIZE(edge_defs)};
