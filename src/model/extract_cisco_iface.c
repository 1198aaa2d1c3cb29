/*
 * extract_cisco_iface.c - interfaces (addresses, filters, proxy ARP,
 * redirects, ...), their per-platform defaults, and traffic mirroring.
 */
#include "model/extract_cisco.h"

/* ------------------------------------------------------------ interfaces */

static bool name_is(struct sv name, const char *prefix)
{
    size_t n = strlen(prefix);
    if (name.n < n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)name.p[i]) != tolower((unsigned char)prefix[i]))
            return false;
    return true;
}

/* Interface defaults that differ by dialect (checks.md section 18). */
static void iface_defaults(struct cx *x, struct interface *f)
{
    switch (x->d) {
    case DIALECT_CISCO_IOS:
        fact_default(&f->proxy_arp, FACT_ON, "proxy ARP is on unless 'no ip proxy-arp'");
        fact_default(&f->redirects, FACT_ON, "ICMP redirects are sent unless 'no ip redirects'");
        fact_default(&f->unreachables, FACT_ON,
                     "ICMP unreachables are sent unless "
                     "'no ip unreachables'");
        fact_default(&f->directed_broadcast, FACT_OFF, "directed broadcast is off since 12.0");
        break;
    case DIALECT_CISCO_NXOS:
        fact_default(&f->proxy_arp, FACT_OFF, "proxy ARP is off unless 'ip proxy-arp'");
        fact_default(&f->redirects, FACT_ON, "ICMP redirects are sent unless 'no ip redirects'");
        fact_default(&f->unreachables, FACT_OFF, "unreachables are off unless 'ip unreachables'");
        fact_default(&f->directed_broadcast, FACT_OFF, "directed broadcast is off by default");
        break;
    case DIALECT_CISCO_IOSXR:
        fact_default(&f->proxy_arp, FACT_OFF, "proxy ARP is off unless 'proxy-arp'");
        fact_default(&f->redirects, FACT_OFF, "redirects are off unless 'ipv4 redirects'");
        fact_default(&f->unreachables, FACT_ON,
                     "unreachables are sent unless "
                     "'ipv4 unreachables disable'");
        fact_default(&f->directed_broadcast, FACT_OFF, "directed broadcast is off by default");
        break;
    case DIALECT_ARISTA_EOS:
        fact_default(&f->proxy_arp, FACT_OFF, "proxy ARP is off unless 'ip proxy-arp'");
        fact_default(&f->redirects, FACT_ON, "EOS sends ICMP redirects by default");
        fact_unknown(&f->unreachables, "the EOS default for ICMP unreachables is not "
                                       "documented per interface");
        fact_default(&f->directed_broadcast, FACT_OFF, "directed broadcast is off by default");
        break;
    default:
        fact_unknown(&f->proxy_arp, "not configurable per interface on this platform");
        fact_default(&f->redirects, FACT_OFF, "the ASA sends no ICMP redirects");
        fact_unknown(&f->unreachables, "ICMP unreachables follow 'icmp unreachable' rate limits");
        fact_default(&f->directed_broadcast, FACT_OFF, "the ASA forwards no directed broadcasts");
        break;
    }
    fact_default(&f->urpf, FACT_OFF, "no unicast reverse-path verification");
}

/* ASA 5505 switch ports: "switchport monitor SRC [tx|rx|both]" under the
 * destination port copies the source port's traffic to it (local SPAN). */
static void asa_switchport_monitor(struct cx *x, struct sv dest, const struct cfg_node *c)
{
    struct device_model *m = x->m;
    if (!cap_ok(m->nmirrors))
        return;
    struct mirror_session *ms = MODEL_PUSH(x->a, m->mirrors, m->nmirrors);
    ms->kind = "span";
    ms->destination = dup(x, dest);
    ms->node = c;
}

static void iface_stmt(struct cx *x, struct interface *f, size_t idx, const struct cfg_node *c)
{
    bool neg;
    struct sv t = stmt(c, &neg);
    struct sv w = tk(t, 0);
    struct sv ifn = sv_from_cstr(f->name);
    if (sv_eq_cstr(w, "description") && !neg) {
        f->description = dup(x, sv_after_tokens(t, 1));
    } else if (sv_eq_cstr(w, "shutdown")) {
        f->shutdown = !neg;
    } else if ((starts(t, "ip address") || starts(t, "ipv4 address") ||
                starts(t, "ipv6 address")) &&
               !neg) {
        f->has_ip = true;
        if (!starts(t, "ipv6") && x->if_addr && x->if_addr[idx].af == 0 &&
            !tk_is(t, 3, "secondary") && !tk_is(t, 4, "secondary")) {
            struct sv a = tk(t, 2);
            const char *sl = memchr(a.p, '/', a.n);
            if (sl)
                a.n = (size_t)(sl - a.p);
            struct ip_prefix ip = model_parse_addr(a);
            if (ip.af == 4)
                x->if_addr[idx] = ip;
        }
    } else if (starts(t, "ip verify unicast") || starts(t, "ipv4 verify unicast") ||
               starts(t, "ip verify reverse-path")) {
        if (!neg)
            fact_set(&f->urpf, FACT_ON, c);
    } else if ((starts(t, "ip access-group") || starts(t, "ipv4 access-group")) && !neg) {
        struct sv name = tk(t, 2), dir = tk(t, 3);
        if (sv_eq_cstr(dir, "in") || sv_eq_cstr(dir, "ingress"))
            f->acl_in = dup(x, name);
        else if (sv_eq_cstr(dir, "out") || sv_eq_cstr(dir, "egress"))
            f->acl_out = dup(x, name);
    } else if (starts(t, "ip proxy-arp") || (sv_eq_cstr(w, "proxy-arp"))) {
        fact_set(&f->proxy_arp, neg ? FACT_OFF : FACT_ON, c);
    } else if (starts(t, "ip redirects") || starts(t, "ipv4 redirects")) {
        fact_set(&f->redirects, neg ? FACT_OFF : FACT_ON, c);
    } else if (starts(t, "ip unreachables")) {
        fact_set(&f->unreachables, neg ? FACT_OFF : FACT_ON, c);
    } else if (starts(t, "ipv4 unreachables disable")) {
        fact_set(&f->unreachables, neg ? FACT_ON : FACT_OFF, c);
    } else if (starts(t, "ip directed-broadcast") || starts(t, "ipv4 directed-broadcast")) {
        fact_set(&f->directed_broadcast, neg ? FACT_OFF : FACT_ON, c);
    } else if (starts(t, "cdp enable") || (sv_eq_cstr(t, "cdp") && x->d == DIALECT_CISCO_IOSXR)) {
        fact_set(&f->discovery, neg ? FACT_OFF : FACT_ON, c);
    } else if ((starts(t, "lldp transmit") || starts(t, "lldp receive")) && neg) {
        fact_set(&f->discovery, FACT_OFF, c);
    } else if (sv_eq_cstr(w, "lldp") && c->child) {
        for (const struct cfg_node *d = c->child; d; d = d->next)
            if (active(d) &&
                (starts(cfg_text(d), "transmit disable") ||
                 starts(cfg_text(d), "receive disable") || starts(cfg_text(d), "disable")))
                fact_set(&f->discovery, FACT_OFF, d);
    } else if (starts(t, "tunnel destination") && !neg) {
        f->tunnel_dest = dup(x, tk(t, 2));
        f->is_tunnel = true;
    } else if (starts(t, "tunnel mode") && !neg) {
        f->tunnel_mode = dup(x, sv_after_tokens(t, 2));
    } else if (starts(t, "destination") && f->is_tunnel && !neg) {
        f->tunnel_dest = dup(x, tk(t, 1)); /* XR tunnel-ip / EOS */
    } else if ((starts(t, "vrf forwarding") || starts(t, "ip vrf forwarding") ||
                starts(t, "vrf member") || sv_eq_cstr(w, "vrf")) &&
               !neg) {
        struct sv v = sv_eq_cstr(w, "vrf") && !tk_is(t, 1, "forwarding") && !tk_is(t, 1, "member")
                          ? tk(t, 1)
                      : starts(t, "ip vrf") ? tk(t, 3)
                                            : tk(t, 2);
        if (name_is(v, "mgmt") || name_is(v, "management") || name_is(v, "oob"))
            f->is_mgmt = true;
    } else if (sv_eq_cstr(w, "management-only") && !neg) {
        f->is_mgmt = true;
    } else if (starts(t, "mop enabled") && !neg) {
        cx_legacy_set(&x->m->legacy.mop, true, c);
    } else if (x->d == DIALECT_CISCO_ASA && starts(t, "switchport monitor") && !neg) {
        asa_switchport_monitor(x, ifn, c);
    } else if (!cx_cpp_if_stmt(x, t, neg, c)) {
        cx_igp_if_stmt(x, ifn, t, c);
    }
}

bool cx_h_interface(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct device_model *m = x->m;
    struct sv name = tk(s, 1);
    if (name.n == 0 || !cap_ok(m->ninterfaces))
        return true;
    if (tk(s, 2).n && !sv_eq_cstr(tk(s, 2), "point-to-point") &&
        !sv_eq_cstr(tk(s, 2), "multipoint"))
        name = sv_make(name.p, (size_t)(tk(s, sv_token_count(s) - 1).p +
                                        tk(s, sv_token_count(s) - 1).n - name.p));
    size_t idx = m->ninterfaces;
    struct interface *f = model_add_interface(x->a, m, name, n);
    cx_ix_add(x->a, &x->if_ix, hash_sv(HASH_SEED, name), idx);
    x->if_addr = model_grow(x->a, x->if_addr, idx, sizeof(*x->if_addr));
    memset(&x->if_addr[idx], 0, sizeof(x->if_addr[idx]));
    x->if_ospf = model_grow(x->a, x->if_ospf, idx, sizeof(*x->if_ospf));
    x->if_ospf[idx] = SIZE_MAX;
    f->is_loopback = name_is(name, "loopback") || name_is(name, "lo");
    f->is_tunnel =
        name_is(name, "tunnel") || name_is(name, "tunnel-ip") || name_is(name, "tunnel-te");
    f->is_mgmt = name_is(name, "mgmt") || name_is(name, "management") || name_is(name, "MgmtEth");
    if (f->is_tunnel && x->d == DIALECT_CISCO_IOS)
        f->tunnel_mode = "gre ip"; /* the IOS default mode */
    iface_defaults(x, f);
    /* NX-OS Ethernet ports start shut (switchport), EOS and IOS do not */
    x->cur_if = idx;
    for (const struct cfg_node *c = n->child; c; c = c->next)
        if (active(c))
            iface_stmt(x, f, idx, c);
    cx_cpp_if_done(x, f, n);
    x->cur_if = SIZE_MAX;
    return true;
}

/* ASA "access-group NAME in|out interface IFC": bind to the interface with that nameif. */
bool cx_h_access_group(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct sv acl = tk(s, 1), dir = tk(s, 2), ifc = tk(s, 4);
    if (!tk_is(s, 3, "interface") || ifc.n == 0)
        return true;
    struct device_model *m = x->m;
    for (size_t i = 0; i < m->ninterfaces; i++) {
        const struct cfg_node *nm = cfg_child(x->t, m->interfaces[i].node, "nameif");
        if (!nm || !sv_same(tk(cfg_text(nm), 1), ifc))
            continue;
        if (sv_eq_cstr(dir, "in"))
            m->interfaces[i].acl_in = dup(x, acl);
        else if (sv_eq_cstr(dir, "out"))
            m->interfaces[i].acl_out = dup(x, acl);
    }
    return true;
}

/* Global proxy-arp/redirects: on when any addressed, active interface has it on. */
void cx_finish_interfaces(struct cx *x)
{
    struct device_model *m = x->m;
    struct legacy_facts *lg = &m->legacy;
    bool any = false;
    for (size_t i = 0; i < m->ninterfaces; i++) {
        const struct interface *f = &m->interfaces[i];
        if (!f->has_ip || f->shutdown || f->is_loopback)
            continue;
        any = true;
        if (f->proxy_arp.state == FACT_ON && lg->proxy_arp.state != FACT_ON) {
            fact_set(&lg->proxy_arp, FACT_ON, f->node);
            lg->proxy_arp.why = f->proxy_arp.is_default ? "on by default on an interface" : NULL;
        }
        if (f->redirects.state == FACT_ON && lg->redirects.state != FACT_ON) {
            fact_set(&lg->redirects, FACT_ON, f->node);
            lg->redirects.why = f->redirects.is_default ? "on by default on an interface" : NULL;
        }
        if (f->directed_broadcast.state == FACT_ON && lg->directed_broadcast.state != FACT_ON)
            fact_set(&lg->directed_broadcast, FACT_ON, f->node);
    }
    if (any) {
        if (lg->proxy_arp.state == FACT_UNKNOWN)
            fact_default(&lg->proxy_arp, FACT_OFF, "off on every addressed interface");
        if (lg->redirects.state == FACT_UNKNOWN)
            fact_default(&lg->redirects, FACT_OFF, "off on every addressed interface");
    }
}

/* ------------------------------------------------------------ mirroring */

static struct mirror_session *mirror(struct cx *x, struct sv id, const struct cfg_node *n)
{
    struct device_model *m = x->m;
    for (size_t i = 0; i < m->nmirrors; i++) {
        struct mirror_session *s = &m->mirrors[i];
        if (s->node && sv_same(tk(cfg_text(s->node), 2), id) &&
            (starts(cfg_text(s->node), "monitor session") ||
             starts(cfg_text(s->node), "monitor-session")))
            return s;
    }
    if (!cap_ok(m->nmirrors))
        return NULL;
    struct mirror_session *s = MODEL_PUSH(x->a, m->mirrors, m->nmirrors);
    s->kind = "span";
    s->node = n;
    return s;
}

static void mirror_dest(struct cx *x, struct mirror_session *s, struct sv t, size_t i)
{
    /* destination interface X | remote vlan N | ip X | tunnel mode gre source A destination B */
    struct sv a = tk(t, i);
    if (sv_eq_cstr(a, "remote")) {
        s->kind = "rspan";
        s->remote = true;
        s->destination = dup(x, sv_after_tokens(t, i + 1));
    } else if (sv_eq_cstr(a, "ip") || (sv_eq_cstr(a, "ip") && tk_is(t, i + 1, "address"))) {
        s->kind = "erspan";
        s->remote = true;
        s->destination = dup(x, tk(t, tk_is(t, i + 1, "address") ? i + 2 : i + 1));
    } else if (sv_eq_cstr(a, "tunnel")) {
        s->kind = "erspan";
        s->remote = true;
        size_t nt = sv_token_count(t);
        for (size_t j = i; j + 1 < nt; j++)
            if (tk_is(t, j, "destination"))
                s->destination = dup(x, tk(t, j + 1));
    } else if (sv_eq_cstr(a, "interface")) {
        if (!s->destination)
            s->destination = dup(x, sv_after_tokens(t, i + 1));
    } else if (a.n && !s->destination) {
        s->destination = dup(x, sv_after_tokens(t, i));
    }
}

bool cx_h_monitor(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    /* IOS/NX-OS/EOS "monitor session ID ...", XR "monitor-session NAME" */
    bool xr = starts(s, "monitor-session");
    if (!xr && !starts(s, "monitor session"))
        return true;
    struct sv id = xr ? tk(s, 1) : tk(s, 2);
    size_t k = xr ? 2 : 3;
    struct mirror_session *ms = mirror(x, id, n);
    if (!ms)
        return true;
    if (tk_is(s, k, "type")) {
        struct sv ty = tk(s, k + 1);
        if (sv_starts_with(ty, "erspan")) {
            ms->kind = "erspan";
            ms->remote = sv_eq_cstr(ty, "erspan-source");
        } else if (sv_starts_with(ty, "rspan")) {
            ms->kind = "rspan";
            ms->remote = sv_eq_cstr(ty, "rspan-source");
        }
    } else if (tk_is(s, k, "destination")) {
        mirror_dest(x, ms, s, k + 1);
    }
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        if (starts(t, "destination")) {
            if (tk(t, 1).n) {
                mirror_dest(x, ms, t, 1);
            }
            for (const struct cfg_node *d = c->child; d;
                 d = d->next) /* IOS erspan destination block */
                if (active(d) && starts(cfg_text(d), "ip address")) {
                    ms->destination = dup(x, tk(cfg_text(d), 2));
                    ms->remote = true;
                }
        } else if (starts(t, "erspan-id") || starts(t, "erspan")) {
            ms->kind = "erspan";
        }
    }
    return true;
}
