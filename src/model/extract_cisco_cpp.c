/*
 * extract_cisco_cpp.c - control-plane facts of the Cisco family (struct
 * cpp_facts): device-wide ICMP settings that override the per-interface
 * ones (IOS "ip arp proxy disable", EOS "no ip icmp redirect"), rate limits
 * on ICMP unreachables, routes into Null0, the ICMP responders of
 * CPP-ICMP-LEGACY (mask reply, IRDP) and IOS TCP keepalives.
 */
#include "model/extract_cisco.h"

#include <stddef.h>

/* Is the view the name of the Null0 interface ("Null0", "null0")? */
static bool is_null0(struct sv w)
{
    return w.n == 5 && strncasecmp(w.p, "null0", 5) == 0;
}

/*
 * Global "ip ..." statements of this area:
 *   ip arp proxy disable                       IOS: proxy ARP off everywhere
 *   ip icmp rate-limit unreachable [df] MS     IOS: unreachables rate-limited
 *   ip icmp rate-limit-unreachable N           EOS: the same (ARST-RT-000530)
 *   [no] ip icmp redirect                      EOS: redirects (global, default on)
 *   ip route ... Null0                         IOS: traffic discarded into Null0
 */
bool cx_h_cpp_ip(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct cpp_facts *cp = &x->m->cpp;
    if (starts(s, "ip arp proxy disable") && x->d == DIALECT_CISCO_IOS) {
        x->arp_proxy_off = neg ? NULL : n;
        return true;
    }
    if (starts(s, "ip icmp rate-limit unreachable") ||
        starts(s, "ip icmp rate-limit-unreachable")) {
        fact_set(&cp->unreach_rate_limit, neg ? FACT_OFF : FACT_ON, n);
        return true;
    }
    if (sv_eq_cstr(s, "ip icmp redirect") && x->d == DIALECT_ARISTA_EOS) {
        x->icmp_redirect_off = neg ? n : NULL;
        return true;
    }
    if (sv_eq_cstr(s, "ip routing")) {
        x->no_ip_routing = neg ? n : NULL;
        return true;
    }
    if (starts(s, "ip default-gateway")) {
        x->default_gateway = n;
        return true;
    }
    if (starts(s, "ip route") && !neg && !x->ip_route)
        x->ip_route = n;
    if (starts(s, "ip route") && !neg && !cp->null0_route) {
        size_t nt = sv_token_count(s);
        for (size_t i = 2; i < nt; i++)
            if (is_null0(tk(s, i)) || (tk_is(s, i, "Null") && tk_is(s, i + 1, "0"))) {
                cp->null0_route = n;
                break;
            }
    }
    return false; /* other "ip route" meanings are not read */
}

/* A block any of whose statements names Null0 (depth-first). */
static const struct cfg_node *block_names_null0(const struct cfg_node *n, int depth)
{
    for (const struct cfg_node *c = n->child; c && depth < 8; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        for (size_t i = 0, nt = sv_token_count(t); i < nt; i++)
            if (is_null0(tk(t, i)))
                return c;
        const struct cfg_node *d = block_names_null0(c, depth + 1);
        if (d)
            return d;
    }
    return NULL;
}

/* IOS XR "router static" / "address-family ..." / "PREFIX Null0": traffic
 * discarded into Null0 (its unreachables then matter). Not otherwise read. */
bool cx_h_cpp_router_static(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (!x->m->cpp.null0_route)
        x->m->cpp.null0_route = block_names_null0(n, 0);
    return false;
}

/* IOS "[no] service tcp-keepalives-in|out". */
bool cx_h_cpp_service(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct cpp_facts *cp = &x->m->cpp;
    struct sv w = tk(s, 1);
    if (sv_eq_cstr(w, "tcp-keepalives-in"))
        fact_set(&cp->keepalive_in, neg ? FACT_OFF : FACT_ON, n);
    else if (sv_eq_cstr(w, "tcp-keepalives-out"))
        fact_set(&cp->keepalive_out, neg ? FACT_OFF : FACT_ON, n);
    else
        return cx_h_service(x, n, s, neg);
    return true;
}

/* IOS XR "icmp ipv4 rate-limit unreachable [DF] MS". */
bool cx_h_cpp_icmp(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (!starts(s, "icmp ipv4 rate-limit unreachable"))
        return false;
    fact_set(&x->m->cpp.unreach_rate_limit, neg ? FACT_OFF : FACT_ON, n);
    return true;
}

/* Interface "ip mask-reply" / XR "ipv4 mask-reply" and IOS "ip irdp". */
bool cx_cpp_if_stmt(struct cx *x, struct sv t, bool neg, const struct cfg_node *c)
{
    struct cpp_facts *cp = &x->m->cpp;
    if (starts(t, "ip mask-reply") || starts(t, "ipv4 mask-reply")) {
        if (!neg)
            fact_set(&cp->mask_reply, FACT_ON, c);
        return true;
    }
    if (starts(t, "ip irdp")) {
        if (!neg && cp->router_discovery.state != FACT_ON)
            fact_set(&cp->router_discovery, FACT_ON, c);
        return true;
    }
    return false;
}

/*
 * IOS sends IPv6 redirects on an IPv6 interface unless "no ipv6 redirects"
 * (checks.md CPP-ICMP-REDIRECTS asks for both negations): an interface that
 * stops IPv4 redirects but not IPv6 ones still sends redirects.
 */
void cx_cpp_if_done(struct cx *x, struct interface *f, const struct cfg_node *n)
{
    if (x->d != DIALECT_CISCO_IOS)
        return;
    const struct cfg_node *v6 = NULL, *off = NULL;
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        if (starts(t, "ipv6 address") || starts(t, "ipv6 enable"))
            v6 = v6 ? v6 : c;
        else if (starts(t, "no ipv6 redirects"))
            off = c;
    }
    if (!v6 || f->redirects.state != FACT_OFF)
        return;
    if (off) {
        fact_lines_add(&f->redirects.ev, off);
        return;
    }
    fact_default(&f->redirects, FACT_ON, "IPv6 redirects are sent unless 'no ipv6 redirects'");
    fact_lines_add(&f->redirects.ev, v6);
}

/* One device-wide override: every interface gets state s with the global
 * statement as evidence. */
static void override_all(struct cx *x, size_t field, const struct cfg_node *n)
{
    for (size_t i = 0; i < x->m->ninterfaces; i++) {
        struct interface *f = &x->m->interfaces[i];
        struct fact_bool *fb = (struct fact_bool *)(void *)((char *)f + field);
        fb->is_default = false;
        fb->why = NULL;
        fb->state = FACT_OFF;
        fb->ev.n = 0;
        fact_lines_add(&fb->ev, n);
    }
}

bool model_acl_line_permits_all(const struct cfg_node *n)
{
    struct sv t = cfg_text(n);
    size_t i = model_sv_is_digits(tk(t, 0)) ? 1 : 0;
    return tk_is(t, i, "permit") && (tk_is(t, i + 1, "ip") || tk_is(t, i + 1, "ipv4")) &&
           tk_is(t, i + 2, "any") && tk_is(t, i + 3, "any") &&
           (tk(t, i + 4).n == 0 || tk_is(t, i + 4, "log"));
}

/* EOS "system control-plane" / "ip access-group ACL in" (ARST-RT-000340): the
 * custom control-plane ACL; without one the built-in
 * default-control-plane-acl applies. */
static void eos_receive_filter(struct cx *x)
{
    struct device_model *m = x->m;
    struct cpp_facts *cp = &m->cpp;
    const struct mgmt_path *p = NULL;
    for (size_t i = 0; i < m->nmgmt_paths && !p; i++)
        if (m->mgmt_paths[i].acl_name && !strcmp(m->mgmt_paths[i].service, "control-plane"))
            p = &m->mgmt_paths[i];
    if (!p) {
        fact_default(&cp->receive_filter, FACT_OFF,
                     "no custom control-plane ACL under 'system control-plane': the built-in "
                     "default-control-plane-acl applies");
        return;
    }
    cp->receive_filter_name = p->acl_name;
    const struct acl *a = model_find_acl(m, p->acl_name);
    if (!a || a->n == 0) {
        fact_unknown(&cp->receive_filter, "the control-plane ACL is not defined in this file");
        fact_lines_add(&cp->receive_filter.ev, p->node);
        return;
    }
    const struct acl_entry *last = &a->entries[a->n - 1];
    if (last->node && model_acl_line_permits_all(last->node)) {
        fact_set(&cp->receive_filter, FACT_OFF, last->node);
        cp->receive_filter.why = "the control-plane ACL ends by permitting all IP traffic";
        return;
    }
    fact_set(&cp->receive_filter, FACT_ON, p->node);
}

/*
 * The global overrides, then the defaults of the responders: IOS and IOS XR
 * answer mask requests and run IRDP only where configured (checks.md §18,
 * "ip mask-reply" absent = secure); NX-OS, the ASA and EOS have no such
 * interface command in the catalogue's evidence, so the facts say so.
 */
/* IOS: the device does not route IP ("no ip routing", or a default gateway
 * with no static route and no routing process): a host, not a router, so it
 * sends no ICMP redirects. */
static const struct cfg_node *not_routing(struct cx *x)
{
    if (x->d != DIALECT_CISCO_IOS)
        return NULL;
    if (x->no_ip_routing)
        return x->no_ip_routing;
    if (!x->default_gateway || x->ip_route)
        return NULL;
    for (const struct cfg_node *n = x->t->first; n; n = n->next)
        if (active(n) && starts(cfg_text(n), "router "))
            return NULL;
    return x->default_gateway;
}

void cx_finish_cpp(struct cx *x)
{
    struct cpp_facts *cp = &x->m->cpp;
    cp->no_routing = not_routing(x);
    /* "ip arp proxy disable" overrides any interface "ip proxy-arp" */
    if (x->arp_proxy_off)
        override_all(x, offsetof(struct interface, proxy_arp), x->arp_proxy_off);
    if (x->icmp_redirect_off)
        override_all(x, offsetof(struct interface, redirects), x->icmp_redirect_off);
    if (x->d == DIALECT_CISCO_IOS) {
        if (cp->keepalive_in.state == FACT_UNKNOWN)
            fact_default(&cp->keepalive_in, FACT_OFF,
                         "IOS sends no keepalives on inbound sessions unless "
                         "'service tcp-keepalives-in'");
        if (cp->keepalive_out.state == FACT_UNKNOWN)
            fact_default(&cp->keepalive_out, FACT_OFF,
                         "IOS sends no keepalives on outbound sessions unless "
                         "'service tcp-keepalives-out'");
    }
    if (x->d == DIALECT_ARISTA_EOS)
        eos_receive_filter(x);
    if (x->d == DIALECT_CISCO_IOS || x->d == DIALECT_CISCO_IOSXR) {
        if (cp->mask_reply.state == FACT_UNKNOWN)
            fact_default(&cp->mask_reply, FACT_OFF, "no interface has 'ip mask-reply'");
        if (cp->router_discovery.state == FACT_UNKNOWN)
            fact_default(&cp->router_discovery, FACT_OFF, "no interface runs IRDP");
    }
}
