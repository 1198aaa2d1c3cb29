/*
 * checks_cpp.c - control-plane protection checks beyond CoPP (CPP-*): ICMP
 * redirects, unreachables and proxy ARP on external interfaces, the legacy
 * ICMP responders, TCP keepalives on management sessions and the receive
 * filter that guards traffic addressed to the device itself.
 *
 * The per-interface facts (struct interface) carry each platform's default
 * (checks.md section 18); the device-wide ones live in struct cpp_facts.
 */
#include "checks/checks_int.h"

#include <stdio.h>
#include <string.h>

/* checks.md lists these checks for routers only (IOS, XR, NX-OS, Junos, EOS,
 * SR OS, VRP); on the firewalls the catalogue gives no evidence. */
static bool outside_catalogue(const struct check_ctx *ctx, struct check_result *r)
{
    enum dialect d = ctx->model->dialect;
    if (d != DIALECT_CISCO_ASA && d != DIALECT_FORTINET_FORTIOS)
        return false;
    check_set(ctx, r, VERDICT_NOT_APPLICABLE,
              "checks.md defines this check for routers (IOS, IOS XR, NX-OS, Junos, EOS, "
              "SR OS, VRP), not for the %s firewall",
              dialect_name(d));
    return true;
}

static const char *if_name(const struct interface *it)
{
    return it->name ? it->name : "?";
}

/* Which per-interface fact a check judges. */
enum if_fact { IF_REDIRECTS, IF_UNREACHABLES, IF_PROXY_ARP };

static const struct fact_bool *if_fact_of(const struct interface *it, enum if_fact which)
{
    switch (which) {
    case IF_REDIRECTS:
        return &it->redirects;
    case IF_UNREACHABLES:
        return &it->unreachables;
    default:
        return &it->proxy_arp;
    }
}

/* The external, addressed interfaces a check judges; needs_context or
 * not_applicable is set (and 0 returned) when there are none to judge. */
static size_t external_l3(const struct check_ctx *ctx, struct check_result *r,
                          const struct interface ***out)
{
    if (!ctx->profile->external_description) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "needs interfaces.external_description in the profile to tell the external "
                  "interfaces");
        return 0;
    }
    const struct interface **ext;
    size_t n = external_interfaces(ctx, &ext), k = 0;
    for (size_t i = 0; i < n; i++)
        if (ext[i]->has_ip && !ext[i]->is_loopback)
            ext[k++] = ext[i];
    if (k == 0)
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "no addressed interface matches interfaces.external_description");
    *out = ext;
    return k;
}

/* The interface routes IP: it has an address, or (v6) takes IPv6 with a
 * link-local address only. */
static bool routes_ip(const struct interface *it, bool v6)
{
    return (it->has_ip || (v6 && it->has_ipv6)) && !it->is_loopback;
}

/*
 * The interfaces CPP-ICMP-REDIRECTS judges: checks.md gives its context as
 * "EXTERNAL_IFS (or all L3 interfaces)", so the external ones where the
 * profile marks some, else every addressed routed interface. *all says which.
 * v6: an interface with IPv6 link-local addressing only counts as routed.
 */
static size_t scoped_l3(const struct check_ctx *ctx, const struct interface ***out, bool *all,
                        bool v6)
{
    const struct device_model *m = ctx->model;
    size_t k = 0;
    *all = false;
    if (ctx->profile->external_description) {
        const struct interface **ext;
        size_t n = external_interfaces(ctx, &ext);
        for (size_t i = 0; i < n; i++)
            if (routes_ip(ext[i], v6))
                ext[k++] = ext[i];
        *out = ext;
        if (k)
            return k;
    }
    const struct interface **v = arena_alloc(ctx->arena, (m->ninterfaces + 1) * sizeof(*v));
    for (size_t i = 0; i < m->ninterfaces; i++) {
        const struct interface *it = &m->interfaces[i];
        if (routes_ip(it, v6) && !it->shutdown)
            v[k++] = it;
    }
    *all = true;
    *out = v;
    return k;
}

/* Per-interface tallies of one fact: the ON ones are bad. */
struct if_tally {
    struct reasons bad, unknown;
    size_t good;
    struct fact_lines good_ev; /* evidence of the good ones, shown on a pass only */
};

/* One fact into the tallies under a label; node (the interface) is added as
 * evidence when the fact is bad. */
static void tally_fact(const struct check_ctx *ctx, struct check_result *r, struct if_tally *t,
                       const char *label, const struct fact_bool *f, const struct cfg_node *node)
{
    if (f->state == FACT_ON) {
        if (f->is_default)
            reasons_add(&t->bad, "%s (default: %s)", label, f->why ? f->why : "on");
        else
            reasons_add(&t->bad, "%s", label);
        check_evidence_fact(ctx, r, &f->ev);
        ev_node(ctx, r, node);
    } else if (f->state == FACT_OFF) {
        for (uint8_t i = 0; i < f->ev.n; i++)
            fact_lines_add(&t->good_ev, f->ev.nodes[i]);
        t->good++;
    } else {
        reasons_add(&t->unknown, "%s: %s", label, fact_why(ctx, f));
    }
}

static void tally_iface(const struct check_ctx *ctx, struct check_result *r, struct if_tally *t,
                        const struct interface *it, const struct fact_bool *f)
{
    tally_fact(ctx, r, t, if_name(it), f, it->node);
}

/* The verdict from the tallies; messages name what the bad ones do. */
static void tally_verdict(const struct check_ctx *ctx, struct check_result *r, struct if_tally *t,
                          const char *bad_what, const char *good_what, const char *what)
{
    if (t->bad.n) {
        reasons_done(ctx, &t->unknown);
        check_set(ctx, r, VERDICT_FAIL, "%s: %s", bad_what, reasons_done(ctx, &t->bad));
        return;
    }
    reasons_done(ctx, &t->bad);
    if (t->unknown.n) {
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell whether %s: %s", what,
                  reasons_done(ctx, &t->unknown));
        return;
    }
    reasons_done(ctx, &t->unknown);
    check_evidence_fact(ctx, r, &t->good_ev);
    check_set(ctx, r, VERDICT_PASS, "%s (%zu)", good_what, t->good);
}

static void judge_external(const struct check_ctx *ctx, struct check_result *r, enum if_fact which,
                           const char *bad_what, const char *good_what, const char *what)
{
    if (outside_catalogue(ctx, r))
        return;
    const struct interface **ext;
    size_t n = external_l3(ctx, r, &ext);
    if (n == 0)
        return;
    struct if_tally t = {.good = 0};
    reasons_init(&t.bad);
    reasons_init(&t.unknown);
    for (size_t i = 0; i < n; i++)
        tally_iface(ctx, r, &t, ext[i], if_fact_of(ext[i], which));
    tally_verdict(ctx, r, &t, bad_what, good_what, what);
}

/* ---------------------------------------------------- CPP-ICMP-REDIRECTS */

static void eval_redirects(const struct check_ctx *ctx, struct check_result *r)
{
    if (ctx->model->dialect == DIALECT_FORTINET_FORTIOS) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "FortiOS is outside checks.md's platforms and its interface redirect setting "
                  "(icmp-send-redirect) is not read");
        return;
    }
    if (ctx->model->cpp.no_routing) {
        ev_node(ctx, r, ctx->model->cpp.no_routing);
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "the device does not route IP (no 'ip routing', or only a default gateway with "
                  "no route or routing process), so it sends no redirects");
        return;
    }
    const struct interface **ifs;
    bool all;
    size_t n = scoped_l3(ctx, &ifs, &all, false);
    if (n == 0) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "no addressed routed interface");
        return;
    }
    struct if_tally t = {.good = 0};
    reasons_init(&t.bad);
    reasons_init(&t.unknown);
    for (size_t i = 0; i < n; i++)
        tally_iface(ctx, r, &t, ifs[i], &ifs[i]->redirects);
    tally_verdict(ctx, r, &t,
                  all ? "routed interfaces send ICMP redirects (no interface is marked external, "
                        "so all are judged)"
                      : "external interfaces send ICMP redirects",
                  all ? "no routed interface sends ICMP redirects"
                      : "no external interface sends ICMP redirects",
                  "interfaces send ICMP redirects");
}

/* -------------------------------------------------------- CPP-PROXY-ARP */

static void eval_proxy_arp(const struct check_ctx *ctx, struct check_result *r)
{
    judge_external(ctx, r, IF_PROXY_ARP, "proxy ARP is on on external interfaces",
                   "proxy ARP is off on every external interface",
                   "proxy ARP is on on external interfaces");
}

/* ------------------------------------------------- ICMP types in ACLs */

/* The first deny entry of the ACL naming one of the ICMP types (tokens such
 * as "mask-reply", "unreachable"), or NULL. */
static const struct cfg_node *acl_denies_icmp(const struct acl *a, const char *const *types)
{
    for (size_t i = 0; a && i < a->n; i++) {
        const struct acl_entry *e = &a->entries[i];
        if (e->permit || !e->node)
            continue;
        struct sv t = cfg_text(e->node);
        for (size_t k = 0, nt = sv_token_count(t); k < nt; k++)
            for (size_t j = 0; types[j]; j++)
                if (sv_eq_cstr(sv_token(t, k), types[j]))
                    return e->node;
    }
    return NULL;
}

static const struct cfg_node *acl_denies_mask_reply(const struct acl *a)
{
    static const char *const types[] = {"mask-reply", NULL};
    return acl_denies_icmp(a, types);
}

/* EOS (ARST-RT-000530): an outbound ACL on the interface denying ICMP
 * unreachables stands for "no ip unreachables". */
static const struct cfg_node *eos_out_denies_unreachables(const struct check_ctx *ctx,
                                                          const struct interface *it)
{
    static const char *const types[] = {"unreachable", "host-unreachable", "net-unreachable", NULL};
    if (ctx->model->dialect != DIALECT_ARISTA_EOS || !it->acl_out)
        return NULL;
    return acl_denies_icmp(model_find_acl(ctx->model, it->acl_out), types);
}

/* ---------------------------------------------------- CPP-ICMP-UNREACH */

/* IOS Null0: unreachables for traffic discarded into it are sent unless
 * "no ip unreachables" under interface Null0; matters where a route points
 * there. Adds a reason to bad when it does. */
static void null0_unreachables(const struct check_ctx *ctx, struct check_result *r,
                               struct if_tally *t)
{
    const struct device_model *m = ctx->model;
    for (size_t i = 0; i < m->ninterfaces; i++) {
        const struct interface *it = &m->interfaces[i];
        if (!str_ieq(it->name, "Null0"))
            continue;
        tally_iface(ctx, r, t, it, &it->unreachables);
        return;
    }
    if (m->cpp.null0_route) {
        reasons_add(&t->bad, "Null0 (routes discard into it; unreachables are on by default)");
        ev_node(ctx, r, m->cpp.null0_route);
    }
}

/* Junos answers a filter's "reject" with an ICMP unreachable; "discard" is
 * silent (JUNI-RT-000170). */
static void unreach_junos(const struct check_ctx *ctx, struct check_result *r)
{
    const struct fact_bool *f = &ctx->model->cpp.filter_reject;
    if (f->state == FACT_ON) {
        check_evidence_fact(ctx, r, &f->ev);
        check_set(ctx, r, VERDICT_FAIL,
                  "an applied firewall filter term ends in 'reject', which answers with an "
                  "ICMP unreachable; use 'discard'");
    } else if (f->state == FACT_OFF) {
        check_set(ctx, r, VERDICT_PASS,
                  "applied firewall filters discard silently (no "
                  "'reject' term)");
    } else {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "no firewall filter is applied to lo0 or an interface, and whether the "
                  "routing engine sends unreachables is not visible in the configuration "
                  "(show system statistics icmp)");
    }
}

/* IOS and IOS XR: Null0 matters where a route discards into it or the
 * interface is configured (checks.md's title names Null0 apart from the
 * external interfaces). */
static bool null0_in_use(const struct device_model *m)
{
    if (m->dialect != DIALECT_CISCO_IOS && m->dialect != DIALECT_CISCO_IOSXR)
        return false;
    if (m->cpp.null0_route)
        return true;
    for (size_t i = 0; i < m->ninterfaces; i++)
        if (str_ieq(m->interfaces[i].name, "Null0"))
            return true;
    return false;
}

/* The external, addressed interfaces (none without the profile key). */
static size_t external_only(const struct check_ctx *ctx, const struct interface ***out)
{
    *out = NULL;
    if (!ctx->profile->external_description)
        return 0;
    const struct interface **ext;
    size_t n = external_interfaces(ctx, &ext), k = 0;
    for (size_t i = 0; i < n; i++)
        if (ext[i]->has_ip && !ext[i]->is_loopback)
            ext[k++] = ext[i];
    *out = ext;
    return k;
}

static void eval_unreach(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    if (outside_catalogue(ctx, r))
        return;
    const struct interface **ext;
    size_t n = external_only(ctx, &ext);
    bool null0 = null0_in_use(m);
    if (n == 0 && !null0) {
        if (!ctx->profile->external_description)
            check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                      "needs interfaces.external_description in the profile to tell the external "
                      "interfaces");
        else
            check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                      "no addressed interface matches interfaces.external_description, and "
                      "nothing is routed to Null0");
        return;
    }
    if (m->dialect == DIALECT_JUNIPER_JUNOS) {
        unreach_junos(ctx, r);
        return;
    }
    const struct fact_bool *rl = &m->cpp.unreach_rate_limit;
    if (rl->state == FACT_ON) {
        check_evidence_fact(ctx, r, &rl->ev);
        check_set(ctx, r, VERDICT_PASS, "ICMP unreachables are rate-limited%s",
                  rl->is_default && rl->why ? arena_printf(ctx->arena, " (%s)", rl->why) : "");
        return;
    }
    struct if_tally t = {.good = 0};
    reasons_init(&t.bad);
    reasons_init(&t.unknown);
    for (size_t i = 0; i < n; i++) {
        const struct cfg_node *deny = eos_out_denies_unreachables(ctx, ext[i]);
        if (deny) {
            fact_lines_add(&t.good_ev, deny);
            t.good++;
        } else {
            tally_iface(ctx, r, &t, ext[i], &ext[i]->unreachables);
        }
    }
    if (null0)
        null0_unreachables(ctx, r, &t);
    tally_verdict(ctx, r, &t, "ICMP unreachables are sent without a rate limit on",
                  null0 ? "ICMP unreachables are off on the external interfaces and Null0"
                        : "ICMP unreachables are off on every external interface",
                  "ICMP unreachables are sent on external interfaces");
}

/* ------------------------------------------------------ CPP-ICMP-LEGACY */

/* Each responder fact: ON fails, unknown is a reason, untouched is skipped
 * (the dialect has no such responder). */
static void legacy_fact(const struct check_ctx *ctx, struct check_result *r, struct if_tally *t,
                        const struct fact_bool *f, const char *label)
{
    if (!fact_untouched(f))
        tally_fact(ctx, r, t, label, f, NULL);
}

/* EOS (ARST-RT-000540): an outbound ACL on every external interface (every
 * routed one where none is marked) denies ICMP mask-reply; checks.md lists
 * EOS apart from the platforms whose responders are off by default, so a
 * missing ACL fails. */
static void legacy_eos(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    const struct interface **ifs;
    bool all;
    size_t n = scoped_l3(ctx, &ifs, &all, false);
    if (n == 0) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "no addressed routed interface");
        return;
    }
    struct reasons open;
    reasons_init(&open);
    for (size_t i = 0; i < n; i++) {
        const struct cfg_node *d =
            acl_denies_mask_reply(ifs[i]->acl_out ? model_find_acl(m, ifs[i]->acl_out) : NULL);
        if (d) {
            ev_node(ctx, r, d);
        } else {
            reasons_add(&open, "%s", if_name(ifs[i]));
            ev_node(ctx, r, ifs[i]->node);
        }
    }
    if (!open.n) {
        reasons_done(ctx, &open);
        check_set(ctx, r, VERDICT_PASS,
                  "every %s interface (%zu) has an outbound ACL denying ICMP mask-reply",
                  all ? "routed" : "external", n);
        return;
    }
    check_set(ctx, r, VERDICT_FAIL,
              "no outbound ACL denying ICMP mask-reply (ARST-RT-000540) on: %s",
              reasons_done(ctx, &open));
}

static void eval_icmp_legacy(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    if (m->dialect == DIALECT_CISCO_ASA || m->dialect == DIALECT_FORTINET_FORTIOS) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "%s is outside checks.md's platforms and no default for ICMP mask or "
                  "timestamp replies is documented",
                  dialect_name(m->dialect));
        return;
    }
    if (m->dialect == DIALECT_ARISTA_EOS) {
        legacy_eos(ctx, r);
        return;
    }
    if (m->dialect == DIALECT_HUAWEI_VRP) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "VRP: whether mask requests are answered by default is not documented per "
                  "product line (display icmp statistics)");
        return;
    }
    const struct cpp_facts *c = &m->cpp;
    struct if_tally t = {.good = 0};
    reasons_init(&t.bad);
    reasons_init(&t.unknown);
    legacy_fact(ctx, r, &t, &c->mask_reply, "ICMP mask replies");
    legacy_fact(ctx, r, &t, &c->router_discovery, "router discovery (IRDP)");
    legacy_fact(ctx, r, &t, &c->source_quench, "reaction to ICMP source quench");
    if (t.bad.n || t.unknown.n) {
        tally_verdict(ctx, r, &t, "legacy ICMP responders are on", "", "legacy responders are off");
        return;
    }
    reasons_done(ctx, &t.bad);
    reasons_done(ctx, &t.unknown);
    if (t.good == 0) {
        /* NX-OS: checks.md says these are off by default and flagged only if
         * enabled; nothing enables one here */
        check_set(ctx, r, VERDICT_PASS,
                  "no legacy ICMP responder is enabled (off by default on %s)",
                  dialect_name(m->dialect));
        return;
    }
    check_evidence_fact(ctx, r, &t.good_ev);
    check_set(ctx, r, VERDICT_PASS,
              "no legacy ICMP responder is on (mask replies, router "
              "discovery%s)",
              fact_untouched(&c->source_quench) ? "" : ", source quench");
}

/* --------------------------------------------------- CPP-TCP-KEEPALIVE */

static void eval_keepalive(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    if (m->dialect != DIALECT_CISCO_IOS) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "TCP keepalives on management sessions are a Cisco IOS service setting; "
                  "checks.md marks %s n/a",
                  dialect_name(m->dialect));
        return;
    }
    const struct fact_bool *in = &m->cpp.keepalive_in, *out = &m->cpp.keepalive_out;
    check_evidence_fact(ctx, r, &in->ev);
    check_evidence_fact(ctx, r, &out->ev);
    bool in_on = in->state == FACT_ON, out_on = out->state == FACT_ON;
    if (in_on && out_on) {
        check_set(ctx, r, VERDICT_PASS, "service tcp-keepalives-in and -out are on");
        return;
    }
    check_set(ctx, r, VERDICT_FAIL, "%s%s%s (off by default): orphaned sessions stay open",
              in_on ? "" : "service tcp-keepalives-in", in_on || out_on ? "" : " and ",
              out_on ? "" : "service tcp-keepalives-out");
}

/* -------------------------------------------------- CPP-RECEIVE-FILTER */

/* Junos lo0, EOS control-plane ACL, SR OS cpm-filter: the extractor judged
 * the filter (cpp.receive_filter); accept terms open to any source fail. */
static void receive_fact(const struct check_ctx *ctx, struct check_result *r)
{
    const struct cpp_facts *c = &ctx->model->cpp;
    const struct fact_bool *f = &c->receive_filter;
    const char *name = c->receive_filter_name ? c->receive_filter_name : "the receive filter";
    check_evidence_fact(ctx, r, &f->ev);
    if (f->state == FACT_ON && c->receive_open_terms) {
        check_evidence_fact(ctx, r, &c->receive_open_ev);
        check_set(ctx, r, VERDICT_FAIL,
                  "%s accepts traffic from any source in %u term(s) that are not limited to "
                  "ICMP or routing protocols; name the sources",
                  name, c->receive_open_terms);
    } else if (f->state == FACT_ON) {
        check_set(ctx, r, VERDICT_PASS,
                  "%s protects the device: what it does not accept from named sources is "
                  "dropped",
                  name);
    } else if (f->state == FACT_OFF) {
        check_set(ctx, r, VERDICT_FAIL, "%s", fact_why(ctx, f));
    } else {
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell whether %s protects the device: %s", name,
                  fact_why(ctx, f));
    }
}

/* IOS with no interface marked external: a vty line that takes telnet or SSH
 * with no IPv4 access-class, no management-plane protection, and a routed
 * interface with no inbound ACL let any source on that interface open a
 * management session to the device: nothing restricts the receive path
 * there. Sets the failure and returns true in that case. */
static bool ios_open_vty(const struct check_ctx *ctx, struct check_result *r,
                         const struct interface **ifs, size_t n)
{
    const struct device_model *m = ctx->model;
    if (m->dialect != DIALECT_CISCO_IOS)
        return false;
    for (size_t i = 0; i < m->nmgmt_paths; i++)
        if (m->mgmt_paths[i].service && !strcmp(m->mgmt_paths[i].service, "mpp"))
            return false;
    const struct mgmt_line *open = NULL;
    for (size_t i = 0; i < m->nlines && !open; i++) {
        const struct mgmt_line *l = &m->lines[i];
        if (l->kind == LINE_VTY && !l->acl_in &&
            (l->telnet_in.state == FACT_ON || l->ssh_in.state == FACT_ON))
            open = l;
    }
    const struct interface *bare = NULL;
    for (size_t i = 0; i < n && !bare; i++)
        if (!ifs[i]->acl_in)
            bare = ifs[i];
    if (!open || !bare)
        return false;
    ev_node(ctx, r, open->node);
    ev_node(ctx, r, bare->node);
    check_set(ctx, r, VERDICT_FAIL,
              "line %s accepts remote sessions with no IPv4 access-class and %s has no "
              "inbound ACL: any source reaching %s can open a session to the device",
              open->name ? open->name : "?", if_name(bare), if_name(bare));
    return true;
}

/* Where an inbound ACL leaves traffic to one of the device's addresses. */
enum iacl_fate { IACL_GUARDED, IACL_OPEN, IACL_MAYBE, IACL_DOUBT };

/* The entry's text after its action (past any sequence number) holds one
 * of the words (NULL-terminated). */
static bool entry_names(const struct acl_entry *e, const char *const *words)
{
    struct sv t = e->node ? cfg_text(e->node) : sv_make("", 0);
    bool after = false;
    for (size_t k = 0, n = sv_token_count(t); k < n; k++) {
        struct sv w = sv_token(t, k);
        for (size_t j = 0; after && words[j]; j++)
            if (sv_eq_cstr(w, words[j]))
                return true;
        after |= sv_eq_cstr(w, "permit") || sv_eq_cstr(w, "deny");
    }
    return false;
}

/* The entry names a port of a protocol XR management-plane protection
 * governs (SSH, Telnet, SNMP, HTTP(S), TFTP, NETCONF). */
static bool names_mpp_port(const struct acl_entry *e)
{
    static const char *const ports[] = {"22",  "ssh", "23",    "telnet", "161",  "snmp", "80",
                                        "www", "443", "https", "69",     "tftp", "830",  NULL};
    return entry_names(e, ports);
}

/* "established": TCP segments with ACK or RST only, the return traffic of
 * sessions the device opened; no session to the device can start there. */
static bool return_traffic_only(const struct acl_entry *e)
{
    static const char *const words[] = {"established", NULL};
    return e && !e->matches_all && entry_names(e, words);
}

/* IOS XR with management-plane protection: it drops management protocols
 * that arrive on interfaces (or from peers) it does not list, so an iACL
 * entry open only to a management port may be closed by it (not judged). */
static bool xr_mpp_may_close(const struct check_ctx *ctx, const struct acl_entry *e)
{
    const struct device_model *m = ctx->model;
    if (m->dialect != DIALECT_CISCO_IOSXR || !e || e->matches_all || !names_mpp_port(e))
        return false;
    for (size_t i = 0; i < m->nmgmt_paths; i++)
        if (m->mgmt_paths[i].service && !strcmp(m->mgmt_paths[i].service, "mpp"))
            return true;
    return false;
}

/* An opening to any source that something else may close: TCP return
 * traffic, or an XR management port under MPP. */
static bool doubtful_opening(const struct check_ctx *ctx, const struct acl_entry *e)
{
    return return_traffic_only(e) || xr_mpp_may_close(ctx, e);
}

/* The entry's source is any, or a range so wide it names no one: shorter
 * than /8 (IPv4) or /16 (IPv6), as "0.0.0.0 127.255.255.255" (0.0.0.0/1)
 * with its other half admits every source in two entries. */
static bool src_as_any(const struct acl_entry *e)
{
    return e->src_any || (e->src.af == 4 && e->src.len < 8) || (e->src.af == 6 && e->src.len < 16);
}

/* A named source the profile does not expect on a management port: where
 * it names the PAW or management ranges (checks.md CPP-RECEIVE-FILTER:
 * "management only from management ranges"), a source outside them (and,
 * for SNMP, outside the approved managers too). */
static bool stranger_on_mgmt_port(const struct check_ctx *ctx, const struct acl_entry *e)
{
    static const char *const snmp[] = {"161", "snmp", NULL};
    const struct profile *pr = ctx->profile;
    if ((!pr->paw.present && !pr->management.present) || e->src_any || !names_mpp_port(e))
        return false;
    return !pset_contains(&pr->paw, &e->src) && !pset_contains(&pr->management, &e->src) &&
           !(entry_names(e, snmp) && pset_contains(&pr->snmp_managers, &e->src));
}

/* The permit lets in sources the receive filter should not admit: any
 * source, a range that wide, or a stranger on a management port. */
static bool admits_unexpected(const struct check_ctx *ctx, const struct acl_entry *e)
{
    return !e->icmp_or_routing && (src_as_any(e) || stranger_on_mgmt_port(ctx, e));
}

/*
 * Walk an inbound ACL in order for traffic to own, one of the device's
 * addresses (CISC-RT-000130): a permit that names an expected source, or is
 * limited to ICMP or a routing protocol, is an allowed exception; one that
 * admits an unexpected source (admits_unexpected) opens the device; a deny
 * of every packet from any source to it, or the ACL's implicit end, guards
 * it; an entry the model cannot resolve first leaves it open to doubt, and
 * an opening something else may close (doubtful_opening) leaves a guarded
 * address in doubt. *at is the deciding entry (NULL at the end).
 */
static enum iacl_fate iacl_fate(const struct check_ctx *ctx, const struct acl *a,
                                const struct ip_prefix *own, const struct acl_entry **at)
{
    bool maybe_denied = false; /* a deny of all to an unresolved destination came first */
    const struct acl_entry *doubt = NULL, *deny = NULL;
    for (size_t i = 0; i < a->n && !deny; i++) {
        const struct acl_entry *e = &a->entries[i];
        bool dst_unres = e->dst_unresolved || (!e->dst_any && !e->dst.af);
        *at = e;
        if (!dst_unres && !e->dst_any &&
            (e->dst.af != own->af || !ip_prefix_overlaps(&e->dst, own)))
            continue;
        if (!e->permit) {
            bool full = e->matches_all && e->src_any;
            if (full && !dst_unres && (e->dst_any || ip_prefix_contains(&e->dst, own)))
                deny = e;
            maybe_denied |= full && dst_unres;
            continue; /* a narrow deny stops some packets only */
        }
        if (e->unresolved || (!e->src_any && !e->src.af))
            return IACL_MAYBE;
        if (!admits_unexpected(ctx, e))
            continue;
        if (!doubtful_opening(ctx, e))
            return dst_unres || maybe_denied ? IACL_MAYBE : IACL_OPEN;
        doubt = doubt ? doubt : e;
    }
    *at = doubt ? doubt : deny; /* NULL: the end of the ACL */
    if (!deny && a->default_permit) {
        *at = NULL;
        return IACL_OPEN;
    }
    return doubt ? IACL_DOUBT : IACL_GUARDED;
}

/*
 * The VRF an interface forwards in, NULL for the global table. NX-OS keeps
 * mgmt0 in the "management" VRF whether or not the file says so (Cisco
 * Nexus 9000 NX-OS Unicast Routing Configuration Guide, "Configuring
 * Layer 3 Virtualization": the management VRF holds mgmt0 only, and mgmt0
 * cannot leave it).
 */
static const char *own_vrf(const struct check_ctx *ctx, const struct interface *it)
{
    const struct device_model *m = ctx->model;
    bool in = m->ports.iface_vrf && it >= m->interfaces && it < m->interfaces + m->ninterfaces;
    const char *v = in ? m->ports.iface_vrf[it - m->interfaces] : NULL;
    if (!v && m->dialect == DIALECT_CISCO_NXOS && it->name && !strncmp(it->name, "mgmt", 4))
        return "management";
    return v;
}

static bool same_vrf(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

/* The device's own addresses, every interface's (loopbacks included), each
 * with the VRF it lives in: traffic entering an interface reaches only the
 * addresses of its VRF, so an ACL is walked against those alone. */
struct own_addrs {
    const struct ip_prefix **v;
    const char **vrf;
    bool *judged; /* some walked ACL guards the address's VRF */
    size_t n;
};

static struct own_addrs own_addresses(const struct check_ctx *ctx)
{
    const struct device_model *m = ctx->model;
    struct own_addrs o = {NULL, NULL, NULL, 0};
    size_t total = 0;
    for (size_t i = 0; i < m->ninterfaces; i++)
        total += m->interfaces[i].naddrs;
    o.v = arena_alloc(ctx->arena, (total + 1) * sizeof(*o.v));
    o.vrf = arena_alloc(ctx->arena, (total + 1) * sizeof(*o.vrf));
    o.judged = arena_alloc(ctx->arena, (total + 1) * sizeof(*o.judged));
    memset(o.judged, 0, (total + 1) * sizeof(*o.judged));
    for (size_t i = 0; i < m->ninterfaces; i++) {
        const struct interface *it = &m->interfaces[i];
        for (size_t k = 0; k < it->naddrs; k++) {
            o.vrf[o.n] = own_vrf(ctx, it);
            o.v[o.n++] = &it->addrs[k];
        }
    }
    return o;
}

/* An interface in one of the judged interfaces' VRFs that learns its
 * address (DHCP, negotiated): traffic to it is not judged. */
static const struct interface *unwritten_in(const struct check_ctx *ctx,
                                            const struct interface **ifs, size_t n)
{
    const struct device_model *m = ctx->model;
    for (size_t i = 0; i < m->ninterfaces; i++) {
        const struct interface *it = &m->interfaces[i];
        for (size_t j = 0; j < n && it->addr_unwritten; j++)
            if (same_vrf(own_vrf(ctx, it), own_vrf(ctx, ifs[j])))
                return it;
    }
    return NULL;
}

/* How many addresses the walked ACLs judged. */
static size_t own_judged(const struct own_addrs *o)
{
    size_t k = 0;
    for (size_t i = 0; i < o->n; i++)
        k += o->judged[i];
    return k;
}

static bool has_af(const struct interface *it, int af)
{
    for (size_t k = 0; k < it->naddrs; k++)
        if (it->addrs[k].af == af)
            return true;
    return false;
}

/* The interface's inbound ACL of one family (fam: "" or "IPv6 ") is
 * missing or undefined: a reason (IOS permits all through an undefined
 * ACL). Returns the ACL when there is one. */
static const struct acl *iacl_of(const struct check_ctx *ctx, const struct interface *it,
                                 const char *name, const char *fam, struct reasons *bad,
                                 struct reasons *unknown)
{
    const struct device_model *m = ctx->model;
    const struct acl *a = name ? model_find_acl(m, name) : NULL;
    if (!name)
        reasons_add(bad, "%s has no inbound %sACL", if_name(it), fam);
    else if (!a && m->dialect == DIALECT_CISCO_IOS)
        reasons_add(bad, "%s: %s is not defined (IOS then permits all)", if_name(it), name);
    else if (!a)
        reasons_add(unknown, "%s: %s is not defined in this file", if_name(it), name);
    return a;
}

/* What the interfaces' inbound ACLs leave open or in doubt, and the
 * entries that guard the device (evidence of a pass). */
struct iacl_tally {
    struct reasons bad, unknown;
    struct fact_lines guard;
    struct iacl_memo *memo; /* one per ACL and family walked (interfaces share ACLs) */
    size_t nmemo, capmemo;
};

/* What one ACL leaves for the device's addresses of one family: the first
 * address it does not guard (own->n when it guards them all). */
struct iacl_memo {
    const struct acl *a;
    int af;
    const char *vrf;
    size_t open_i;
    enum iacl_fate fate;
    const struct acl_entry *at;
};

/* The ACL walked once against every address of the family, the guarding
 * entries kept as evidence; later interfaces with the same ACL reuse it. */
static const struct iacl_memo *iacl_memo_of(const struct check_ctx *ctx, const struct acl *a,
                                            const struct own_addrs *own, int af, const char *vrf,
                                            struct iacl_tally *t)
{
    for (size_t k = 0; k < t->nmemo; k++)
        if (t->memo[k].a == a && t->memo[k].af == af && same_vrf(t->memo[k].vrf, vrf))
            return &t->memo[k];
    if (t->nmemo == t->capmemo) {
        size_t cap = t->capmemo ? 2 * t->capmemo : 8;
        struct iacl_memo *v = arena_alloc(ctx->arena, cap * sizeof(*v));
        if (t->nmemo)
            memcpy(v, t->memo, t->nmemo * sizeof(*v));
        t->memo = v;
        t->capmemo = cap;
    }
    struct iacl_memo *m = &t->memo[t->nmemo++];
    *m = (struct iacl_memo){.a = a, .af = af, .vrf = vrf, .open_i = own->n, .fate = IACL_GUARDED};
    for (size_t i = 0; i < own->n; i++) {
        const struct acl_entry *at;
        if (own->v[i]->af != af || !same_vrf(own->vrf[i], vrf))
            continue;
        own->judged[i] = true;
        enum iacl_fate f = iacl_fate(ctx, a, own->v[i], &at);
        if (f == IACL_GUARDED) {
            fact_lines_add(&t->guard, at ? at->node : a->node);
            continue;
        }
        m->open_i = i;
        m->fate = f;
        m->at = at;
        break;
    }
    return m;
}

/* One inbound ACL against the device's addresses of family af in the
 * interface's VRF: the first address it lets any source reach is a reason
 * in bad, the first it cannot decide one in unknown. */
static void iacl_walk(const struct check_ctx *ctx, struct check_result *r,
                      const struct interface *it, const struct acl *a, const struct own_addrs *own,
                      int af, struct iacl_tally *t)
{
    char buf[64], wide[64];
    const struct iacl_memo *m = iacl_memo_of(ctx, a, own, af, own_vrf(ctx, it), t);
    if (m->open_i == own->n)
        return;
    enum iacl_fate f = m->fate;
    const struct acl_entry *at = m->at;
    ev_node(ctx, r, at ? at->node : a->node);
    const char *p = ip_prefix_format(own->v[m->open_i], buf, sizeof(buf));
    if (f == IACL_DOUBT && return_traffic_only(at))
        reasons_add(&t->unknown,
                    "%s: %s lets TCP return traffic ('established') from any source reach "
                    "%s; whether that is only the device's own sessions is not judged",
                    if_name(it), a->name, p);
    else if (f == IACL_DOUBT)
        reasons_add(&t->unknown,
                    "%s: %s lets any source reach %s on a management port, which "
                    "management-plane protection may restrict (not judged)",
                    if_name(it), a->name, p);
    else if (f == IACL_OPEN && at && !at->src_any && src_as_any(at))
        reasons_add(&t->bad, "%s: %s lets sources as wide as %s reach the device at %s",
                    if_name(it), a->name, ip_prefix_format(&at->src, wide, sizeof(wide)), p);
    else if (f == IACL_OPEN && at && !at->src_any)
        reasons_add(&t->bad,
                    "%s: %s admits %s, outside the PAW/management ranges, to a management "
                    "port of the device at %s",
                    if_name(it), a->name, ip_prefix_format(&at->src, wide, sizeof(wide)), p);
    else if (f == IACL_OPEN)
        reasons_add(&t->bad, "%s: %s lets any source reach the device at %s%s", if_name(it),
                    a->name, p, at ? "" : " (no entry matches it)");
    else
        reasons_add(&t->unknown,
                    "%s: %s has an entry the model cannot resolve before it decides "
                    "traffic to %s",
                    if_name(it), a->name, p);
}

/* One interface's inbound ACLs: the IPv4 one where it has IPv4, the IPv6
 * one where it has IPv6 (link-local only with no IPv6 ACL is not judged). */
static void iacl_judge(const struct check_ctx *ctx, struct check_result *r,
                       const struct interface *it, const struct own_addrs *own,
                       struct iacl_tally *t)
{
    ev_node(ctx, r, it->node);
    const struct acl *a;
    if ((has_af(it, 4) || !it->has_ipv6) &&
        (a = iacl_of(ctx, it, it->acl_in, "", &t->bad, &t->unknown)))
        iacl_walk(ctx, r, it, a, own, 4, t);
    if (!it->has_ipv6)
        return;
    if (!it->acl6_in && !has_af(it, 6)) {
        reasons_add(&t->unknown, "%s has IPv6 link-local addressing only and no inbound IPv6 ACL",
                    if_name(it));
        return;
    }
    if ((a = iacl_of(ctx, it, it->acl6_in, "IPv6 ", &t->bad, &t->unknown)))
        iacl_walk(ctx, r, it, a, own, 6, t);
}

/* With no interface marked external: fails when no routed interface filters
 * inbound at all, or (IOS) when an open vty line meets an unfiltered
 * interface. Returns true when it set the verdict. */
static bool receive_unmarked(const struct check_ctx *ctx, struct check_result *r,
                             const struct interface **ifs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (ifs[i]->acl_in || ifs[i]->acl6_in)
            return ios_open_vty(ctx, r, ifs, n);
    check_set(ctx, r, VERDICT_FAIL,
              "no routed interface has an inbound ACL: nothing filters traffic addressed to the "
              "device (CISC-RT-000130)");
    return true;
}

/* The profile's management interfaces (name or description) and the ones
 * the model knows as such: a separate control guards them. */
static bool mgmt_iface(const struct check_ctx *ctx, const struct interface *it)
{
    const struct cfg_regex *re = ctx->profile->management_interfaces;
    if (it->is_mgmt)
        return true;
    return re && ((it->name && cfg_regex_match(re, sv_from_cstr(it->name), NULL, 0)) ||
                  (it->description && cfg_regex_match(re, sv_from_cstr(it->description), NULL, 0)));
}

/* Where no interface is marked external, the management interfaces leave
 * the list of those whose inbound ACLs are judged. */
static size_t drop_mgmt(const struct check_ctx *ctx, const struct interface **ifs, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!mgmt_iface(ctx, ifs[i]))
            ifs[k++] = ifs[i];
    return k;
}

/* NX-OS: checks.md pairs the interface ACLs with CoPP classes. */
static bool nxos_needs_copp(const struct check_ctx *ctx, struct check_result *r)
{
    const struct fact_bool *c = &ctx->model->copp;
    if (ctx->model->dialect != DIALECT_CISCO_NXOS || c->state == FACT_ON)
        return false;
    check_set(ctx, r, VERDICT_UNKNOWN,
              "the inbound ACLs guard the device's addresses, but checks.md wants CoPP classes "
              "with them on NX-OS: %s",
              fact_why(ctx, c));
    return true;
}

/* The verdict from the reasons gathered over the judged interfaces. */
static void iacl_verdict(const struct check_ctx *ctx, struct check_result *r, bool all, size_t n,
                         const struct own_addrs *own, struct iacl_tally *t)
{
    if (all && (t->bad.n || t->unknown.n)) {
        const char *b = reasons_done(ctx, &t->bad), *u = reasons_done(ctx, &t->unknown);
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "no interface is marked external (interfaces.external_description), so which "
                  "unguarded interface faces outside is not known: %s%s%s",
                  b, *b && *u ? "; " : "", u);
        return;
    }
    if (judge_reasons(ctx, r, &t->bad, &t->unknown, "traffic to the device is not restricted"))
        return;
    if (nxos_needs_copp(ctx, r))
        return;
    check_evidence_fact(ctx, r, &t->guard);
    size_t judged = own_judged(own);
    char other[96] = "";
    if (judged < own->n)
        snprintf(other, sizeof(other),
                 "; %zu address(es) in other VRFs are not reached through them", own->n - judged);
    check_set(ctx, r, VERDICT_PASS,
              "the inbound ACLs of every %s interface (%zu) admit traffic to the device's "
              "addresses (%zu) only from named sources or for ICMP and routing protocols, and "
              "drop the rest (CISC-RT-000130)%s",
              all ? "routed" : "external", n, judged, other);
}

/*
 * IOS, IOS XR, NX-OS: infrastructure ACLs inbound on the external
 * interfaces (every routed one but management where none is marked) that
 * admit traffic to the device's own addresses only from named sources (or
 * ICMP and routing protocols) and drop the rest (CISC-RT-000130).
 */
static void receive_iacl(const struct check_ctx *ctx, struct check_result *r)
{
    const struct interface **ifs;
    bool all;
    size_t n = scoped_l3(ctx, &ifs, &all, true);
    if (n == 0) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "no addressed routed interface");
        return;
    }
    if (all && (receive_unmarked(ctx, r, ifs, n) || !(n = drop_mgmt(ctx, ifs, n)))) {
        if (!n)
            check_set(ctx, r, VERDICT_UNKNOWN,
                      "only management interfaces are routed, and their inbound ACLs filter "
                      "management traffic the MGMT checks judge");
        return;
    }
    struct own_addrs own = own_addresses(ctx);
    struct iacl_tally t = {.guard = {.n = 0}};
    reasons_init(&t.bad);
    reasons_init(&t.unknown);
    for (size_t i = 0; i < n; i++)
        iacl_judge(ctx, r, ifs[i], &own, &t);
    const struct interface *learned = unwritten_in(ctx, ifs, n);
    if (learned) {
        reasons_add(&t.unknown,
                    "%s learns its address (DHCP or negotiated), so traffic to it is not judged",
                    if_name(learned));
        ev_node(ctx, r, learned->node);
    }
    iacl_verdict(ctx, r, all, n, &own, &t);
}

/* VRP management paths (vty lines, services) that name an ACL. */
static size_t vrp_filtered_paths(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    size_t filtered = 0;
    for (size_t i = 0; i < m->nmgmt_paths; i++)
        if (m->mgmt_paths[i].acl_name) {
            filtered++;
            ev_node(ctx, r, m->mgmt_paths[i].node);
        }
    return filtered;
}

/* VRP with a cpu-defend policy applied: the extractor judged its lists
 * (cpp.receive_filter). One without a discarding blacklist leaves the
 * management-plane ACLs, which checks.md also names, to be verified. */
static void receive_vrp_policy(const struct check_ctx *ctx, struct check_result *r)
{
    const struct fact_bool *f = &ctx->model->cpp.receive_filter;
    if (f->state != FACT_OFF) {
        receive_fact(ctx, r);
        return;
    }
    size_t filtered = vrp_filtered_paths(ctx, r);
    check_evidence_fact(ctx, r, &f->ev);
    if (filtered)
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "%s; management-plane ACLs filter %zu access path(s), but whether anything "
                  "filters the rest of the traffic addressed to the device is not judged "
                  "(checks.md: verify)",
                  fact_why(ctx, f), filtered);
    else
        check_set(ctx, r, VERDICT_FAIL, "%s, and no management-plane ACL filters the vty lines",
                  fact_why(ctx, f));
}

/* VRP: a cpu-defend policy applied (its lists judged by the extractor), or
 * management-plane ACLs (checks.md, verify: unknown); neither at all is no
 * filter. */
static void receive_vrp(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    if (!fact_untouched(&m->cpp.receive_filter)) {
        receive_vrp_policy(ctx, r);
        return;
    }
    if (m->copp.state == FACT_ON) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "a cpu-defend policy is applied; its white and black lists are not judged "
                  "(checks.md: verify): display cpu-defend policy");
        check_evidence_fact(ctx, r, &m->copp.ev);
        return;
    }
    size_t filtered = vrp_filtered_paths(ctx, r);
    if (filtered) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "no cpu-defend policy is applied; management-plane ACLs filter %zu access "
                  "path(s), but whether anything filters the rest of the traffic addressed to "
                  "the device is not judged (checks.md: verify): display cpu-defend policy",
                  filtered);
        return;
    }
    for (size_t i = 0; i < m->nmgmt_paths; i++)
        ev_node(ctx, r, m->mgmt_paths[i].node);
    check_set(ctx, r, VERDICT_FAIL,
              "no cpu-defend policy is applied and no management-plane ACL filters the vty "
              "lines: nothing restricts the traffic addressed to the device");
}

/* Whatever terminates on the ASA besides management: routing protocols and
 * VPN (IKE peers, crypto maps, the SSL VPN). */
static bool asa_other_listeners(const struct device_model *m)
{
    return m->nigps || m->bgp.nneighbors || m->nipsec || m->nvpn_peers || m->cpp.asa_webvpn;
}

/*
 * ASA (judged by its documented behaviour, outside checks.md): traffic to the
 * box itself is refused unless a 'ssh|http|telnet <net> <mask> <if>' statement
 * (or an SNMP host) admits its source, ICMP aside. Those host lists are the
 * receive filter: a source outside the PAW/management ranges (SNMP: the
 * approved managers) fails; none at all, with no routing protocol or VPN
 * terminating on the box, passes.
 */
static void receive_asa(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    const struct profile *pr = ctx->profile;
    struct reasons bad;
    unsigned unresolved = 0;
    if (m->nmgmt_paths && !pr->management.present && !pr->paw.present) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "the ASA admits management from named hosts; networks.management or "
                  "networks.paw in the profile is needed to judge them");
        return;
    }
    reasons_init(&bad);
    for (size_t i = 0; i < m->nmgmt_paths; i++) {
        const struct mgmt_path *p = &m->mgmt_paths[i];
        bool snmp = p->service && !strcmp(p->service, "snmp");
        unsigned before = bad.n;
        if (!p->acl)
            unresolved++;
        else
            acl_judge_sources(ctx, r, p->acl, p->service, &pr->paw,
                              snmp ? &pr->snmp_managers : &pr->management, &pr->corporate, &bad,
                              &unresolved);
        if (bad.n != before)
            ev_node(ctx, r, p->node);
    }
    if (bad.n) {
        check_set(ctx, r, VERDICT_FAIL,
                  "the ASA admits traffic to itself from sources outside the PAW/management "
                  "ranges: %s",
                  reasons_done(ctx, &bad));
        return;
    }
    reasons_done(ctx, &bad);
    if (unresolved || asa_other_listeners(m)) {
        check_set(ctx, r, VERDICT_UNKNOWN, "%s: their sources are not judged as a receive filter",
                  unresolved ? "some management host lists could not be resolved"
                             : "routing protocols or VPN terminate on the ASA");
        return;
    }
    for (size_t i = 0; i < m->nmgmt_paths; i++)
        ev_node(ctx, r, m->mgmt_paths[i].node);
    check_set(ctx, r, VERDICT_PASS, "%s; no routing protocol or VPN terminates on it",
              m->nmgmt_paths ? "the ASA admits management only from the PAW/management ranges"
                             : "no ssh, http or telnet host statement admits management to the "
                               "ASA, which refuses it from any other source");
}

/* FortiOS: the extractor judged what reaches the device (interface
 * allowaccess, administrators' trusted hosts, listeners, local-in
 * policies); why says how. */
static void receive_fortios(const struct check_ctx *ctx, struct check_result *r)
{
    judge_by_why(ctx, r, &ctx->model->cpp.receive_filter, "traffic to the device is restricted");
}

static void eval_receive_filter(const struct check_ctx *ctx, struct check_result *r)
{
    enum dialect d = ctx->model->dialect;
    if (d == DIALECT_CISCO_ASA) {
        receive_asa(ctx, r);
        return;
    }
    if (d == DIALECT_FORTINET_FORTIOS) {
        receive_fortios(ctx, r);
        return;
    }
    switch (ctx->model->dialect) {
    case DIALECT_JUNIPER_JUNOS:
    case DIALECT_ARISTA_EOS:
    case DIALECT_NOKIA_SROS:
        receive_fact(ctx, r);
        break;
    case DIALECT_CISCO_IOS:
    case DIALECT_CISCO_IOSXR:
    case DIALECT_CISCO_NXOS:
        receive_iacl(ctx, r);
        break;
    case DIALECT_HUAWEI_VRP:
        receive_vrp(ctx, r);
        break;
    default:
        check_set(ctx, r, VERDICT_UNKNOWN, "no receive-filter reading for %s", dialect_name(d));
        break;
    }
}

static const struct check_def defs[] = {
    {
        .id = "CPP-RECEIVE-FILTER",
        .source = "builtin",
        .title = "Traffic destined to the device is restricted to required protocols from expected "
                 "sources",
        .category = "Control plane protection",
        .severity = SEV_HIGH,
        .rationale = "A receive-path filter that admits routing protocols only from their peers "
                     "and management only from management ranges, and drops the rest, removes "
                     "most of the device's remote attack surface.",
        .measures = MEASURES("M1.05", "M11.18", "M10.49"),
        .context = "interfaces.external_description",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Filter traffic addressed to the device: permit required "
                                    "protocols from named sources and drop the rest.",
                [DIALECT_CISCO_IOS] = "ip access-list extended IACL\n permit tcp host <peer> "
                                      "host <local> eq bgp\n deny ip any <infrastructure> "
                                      "<wildcard>\n permit ip any any\ninterface <ext-if>\n ip "
                                      "access-group IACL in",
                [DIALECT_CISCO_NXOS] = "ip access-list IACL\n permit tcp <peer>/32 <local>/32 "
                                       "eq bgp\n deny ip any <infrastructure>\n permit ip any "
                                       "any\ninterface <ext-if>\n ip access-group IACL in",
                [DIALECT_CISCO_IOSXR] = "ipv4 access-list IACL\n 10 permit tcp host <peer> host "
                                        "<local> eq bgp\n 20 deny ipv4 any <infrastructure>\n "
                                        "30 permit ipv4 any any\ninterface <ext-if>\n ipv4 "
                                        "access-group IACL ingress",
                [DIALECT_ARISTA_EOS] = "ip access-list CP-ACL\n permit tcp <mgmt-net> any eq "
                                       "ssh\n permit tcp <peer> any eq bgp\n deny ip any "
                                       "any\nsystem control-plane\n ip access-group CP-ACL in",
                [DIALECT_JUNIPER_JUNOS] = "set firewall family inet filter PROTECT-RE term bgp "
                                          "from source-prefix-list BGP-PEERS\nset firewall "
                                          "family inet filter PROTECT-RE term bgp then "
                                          "accept\nset firewall family inet filter PROTECT-RE "
                                          "term final then discard\nset interfaces lo0 unit 0 "
                                          "family inet filter input PROTECT-RE",
                [DIALECT_NOKIA_SROS] = "configure system security cpm-filter default-action "
                                       "drop\nconfigure system security cpm-filter ip-filter "
                                       "entry 10 match src-ip <mgmt-net> ... action accept",
                [DIALECT_HUAWEI_VRP] = "Apply a cpu-defend policy with white and black lists, or "
                                       "management-plane ACLs (check the syntax of the product "
                                       "line).",
            },
        .eval = eval_receive_filter,
    },
    {
        .id = "CPP-ICMP-REDIRECTS",
        .source = "builtin",
        .title = "ICMP redirects disabled on external interfaces",
        .category = "Control plane protection",
        .severity = SEV_MEDIUM,
        .rationale = "Redirects can be abused to reroute traffic and reveal topology; a "
                     "provider edge has no hosts that need them.",
        .measures = MEASURES("M10.49"),
        .context = "interfaces.external_description",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Stop sending ICMP redirects on external interfaces.",
                [DIALECT_CISCO_IOS] = "interface <ext-if>\n no ip redirects\n no ipv6 redirects",
                [DIALECT_CISCO_NXOS] = "interface <ext-if>\n no ip redirects\n no ipv6 "
                                       "redirects",
                [DIALECT_CISCO_IOSXR] = "interface <ext-if>\n no ipv4 redirects",
                [DIALECT_ARISTA_EOS] = "no ip icmp redirect",
                [DIALECT_JUNIPER_JUNOS] = "set system no-redirects",
                [DIALECT_NOKIA_SROS] = "configure router interface <ext-if> icmp no redirects",
                [DIALECT_HUAWEI_VRP] = "undo icmp redirect send",
            },
        .eval = eval_redirects,
    },
    {
        .id = "CPP-ICMP-UNREACH",
        .source = "builtin",
        .title = "ICMP unreachables disabled or rate-limited on external interfaces and Null0",
        .category = "Control plane protection",
        .severity = SEV_MEDIUM,
        .rationale = "Unreachables leak filtering and topology information and cost CPU; "
                     "rate-limit them where path-MTU discovery needs them.",
        .measures = MEASURES("M10.49"),
        .context = "interfaces.external_description",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Disable or rate-limit ICMP unreachables on external "
                                    "interfaces.",
                [DIALECT_CISCO_IOS] = "interface <ext-if>\n no ip unreachables\ninterface "
                                      "Null0\n no ip unreachables",
                [DIALECT_CISCO_NXOS] = "interface <ext-if>\n no ip unreachables",
                [DIALECT_CISCO_IOSXR] = "interface <ext-if>\n ipv4 unreachables disable",
                [DIALECT_JUNIPER_JUNOS] = "replace 'then reject' with 'then discard' in the "
                                          "lo0 and interface filters",
                [DIALECT_NOKIA_SROS] = "configure router interface <ext-if> icmp unreachables "
                                       "<n> <seconds>",
                [DIALECT_HUAWEI_VRP] = "undo icmp host-unreachable send\nundo icmp "
                                       "port-unreachable send",
            },
        .eval = eval_unreach,
    },
    {
        .id = "CPP-ICMP-LEGACY",
        .source = "builtin",
        .title = "Legacy ICMP/IP responders off (mask reply, source quench, router discovery)",
        .category = "Control plane protection",
        .severity = SEV_LOW,
        .rationale = "Mask replies, router discovery and source quench leak information or "
                     "invite manipulation and have no use on carrier routers.",
        .measures = MEASURES("M10.48"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Turn off ICMP mask replies, router discovery and source "
                                    "quench handling.",
                [DIALECT_CISCO_IOS] = "interface <if>\n no ip mask-reply\n no ip irdp",
                [DIALECT_CISCO_NXOS] = "interface <if>\n no ip mask-reply",
                [DIALECT_CISCO_IOSXR] = "interface <if>\n no ipv4 mask-reply",
                [DIALECT_ARISTA_EOS] = "ip access-list <out-acl>\n deny icmp any any "
                                       "mask-reply",
                [DIALECT_JUNIPER_JUNOS] = "set system internet-options no-source-quench\ndelete "
                                          "protocols router-discovery\nset firewall family "
                                          "inet filter <lo0-filter> term mask from icmp-type "
                                          "mask-request\nset firewall family inet filter "
                                          "<lo0-filter> term mask then discard",
                [DIALECT_NOKIA_SROS] = "configure router interface <if> icmp no mask-reply",
            },
        .eval = eval_icmp_legacy,
    },
    {
        .id = "CPP-PROXY-ARP",
        .source = "builtin",
        .title = "Proxy ARP disabled on external interfaces",
        .category = "Control plane protection",
        .severity = SEV_MEDIUM,
        .rationale = "Proxy ARP extends layer-2 trust across a boundary and helps address "
                     "spoofing.",
        .measures = MEASURES("M10.49"),
        .context = "interfaces.external_description",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Disable proxy ARP on external interfaces.",
                [DIALECT_CISCO_IOS] = "ip arp proxy disable\n! or per interface:\ninterface "
                                      "<ext-if>\n no ip proxy-arp",
                [DIALECT_CISCO_NXOS] = "interface <ext-if>\n no ip proxy-arp",
                [DIALECT_CISCO_IOSXR] = "interface <ext-if>\n no proxy-arp",
                [DIALECT_ARISTA_EOS] = "interface <ext-if>\n no ip proxy-arp",
                [DIALECT_JUNIPER_JUNOS] = "delete interfaces <ext-if> unit <n> proxy-arp",
                [DIALECT_NOKIA_SROS] = "configure router interface <ext-if> no "
                                       "proxy-arp-policy",
                [DIALECT_HUAWEI_VRP] = "interface <ext-if>\n undo arp-proxy enable",
            },
        .eval = eval_proxy_arp,
    },
    {
        .id = "CPP-TCP-KEEPALIVE",
        .source = "builtin",
        .title = "TCP keepalives on management sessions (Cisco IOS)",
        .category = "Control plane protection",
        .severity = SEV_LOW,
        .rationale = "Keepalives clear orphaned management sessions that could be hijacked "
                     "or exhaust the VTY lines.",
        .measures = MEASURES("M10.49"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Enable TCP keepalives for management sessions.",
                [DIALECT_CISCO_IOS] = "service tcp-keepalives-in\nservice tcp-keepalives-out",
            },
        .eval = eval_keepalive,
    },
};

const struct check_family checks_family_cpp = {defs, ARRAY_SIZE(defs)};
