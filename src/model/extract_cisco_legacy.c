/*
 * extract_cisco_legacy.c - legacy services (small servers, finger,
 * BOOTP, PAD, source routing, ...), 'ip' statements and their
 * per-platform defaults.
 */
#include "model/extract_cisco.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ legacy */

/* Set a legacy fact from a statement; an explicit ON is not undone by a
 * later OFF of a sibling statement (tcp/udp small servers). */
void cx_legacy_set(struct fact_bool *f, bool on, const struct cfg_node *n)
{
    if (f->state == FACT_ON && !f->is_default && !on) {
        fact_lines_add(&f->ev, n);
        return;
    }
    fact_set(f, on ? FACT_ON : FACT_OFF, n);
}

bool cx_h_service(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct legacy_facts *lg = &x->m->legacy;
    struct sv w = tk(s, 1);
    if (sv_eq_cstr(w, "ipv4") || sv_eq_cstr(w, "ipv6"))
        w = tk(s, 2); /* XR service ipv4 tcp-small-servers */
    if (sv_eq_cstr(w, "password-encryption")) {
        x->spe_node = neg ? NULL : n;
        fact_set(&lg->service_password_encryption, neg ? FACT_OFF : FACT_ON, n);
    } else if (sv_eq_cstr(w, "tcp-small-servers") || sv_eq_cstr(w, "udp-small-servers") ||
               sv_eq_cstr(w, "small-servers")) {
        cx_legacy_set(&lg->small_servers, !neg, n);
    } else if (sv_eq_cstr(w, "finger")) {
        cx_legacy_set(&lg->finger, !neg, n);
    } else if (sv_eq_cstr(w, "pad")) {
        cx_legacy_set(&lg->pad, !neg, n);
    } else if (sv_eq_cstr(w, "dhcp")) {
        cx_legacy_set(&lg->dhcp_server, !neg, n);
    } else if (sv_eq_cstr(w, "config")) {
        cx_legacy_set(&lg->config_service, !neg, n);
    } else {
        return false;
    }
    return true;
}

/* IOS "ip ssh pubkey-chain" / " username U" / "  key-string|key-hash ...":
 * the user may log in with that public key. */
static void ssh_pubkey_chain(struct cx *x, const struct cfg_node *n)
{
    for (const struct cfg_node *u = n->child; u; u = u->next) {
        if (!active(u) || !starts(cfg_text(u), "username"))
            continue;
        const struct cfg_node *key = NULL;
        for (const struct cfg_node *k = u->child; k && !key; k = k->next)
            if (active(k) && (starts(cfg_text(k), "key-string") || starts(cfg_text(k), "key-hash")))
                key = k;
        if (!key)
            continue;
        struct account *ac = cx_find_account(x, tk(cfg_text(u), 1), u);
        if (ac) {
            ac->has_ssh_key = true;
            if (!ac->ssh_key_node)
                ac->ssh_key_node = key;
        }
    }
}

bool cx_h_ip(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct legacy_facts *lg = &x->m->legacy;
    struct sv w = tk(s, 1);
    if (sv_eq_cstr(s, "ip security") && !neg && x->d == DIALECT_ARISTA_EOS) {
        cx_h_ip_security(x, n);
    } else if (sv_eq_cstr(w, "access-list")) {
        if (!neg)
            cx_h_ip_access_list(x, n, s, neg);
    } else if (sv_eq_cstr(w, "http")) {
        cx_h_ip_http(x, n, s, neg);
    } else if (sv_eq_cstr(w, "ssh")) {
        if (neg)
            return true;
        cx_ssh_configured(x, n);
        if (tk_is(s, 2, "version")) {
            struct sv v = tk(s, 3);
            x->ssh_ver = sv_eq_cstr(v, "2") ? 2 : sv_eq_cstr(v, "1") ? 1 : 3;
            x->ssh_ver_node = n;
        } else if (starts(s, "ip ssh server algorithm encryption")) {
            cx_ssh_ciphers(x, s, 5, n);
        } else if (starts(s, "ip ssh server algorithm mac")) {
            cx_ssh_macs(x, s, 5, n);
        } else if (starts(s, "ip ssh server algorithm kex")) {
            cx_ssh_kex(x, s, 5, n);
        } else if (starts(s, "ip ssh time-out")) {
            fact_lines_add(&x->m->ssh.ev, n);
        } else if (starts(s, "ip ssh port")) {
            /* reverse SSH to a rotary group of lines: another SSH listener */
            long port = model_sv_long(tk(s, 3), -1);
            struct mgmt_service *v = cx_svc(x, "ssh-rotary", false, FACT_ON, n);
            if (v && port > 0)
                v->port = port;
        } else if (starts(s, "ip ssh pubkey-chain")) {
            ssh_pubkey_chain(x, n);
        }
    } else if (sv_eq_cstr(w, "finger")) {
        cx_legacy_set(&lg->finger, !neg, n);
        if (!neg)
            cx_svc(x, "finger", true, FACT_ON, n);
    } else if (starts(s, "ip bootp server")) {
        cx_legacy_set(&lg->bootp_server, !neg, n);
    } else if (sv_eq_cstr(w, "source-route")) {
        cx_legacy_set(&lg->source_route, !neg, n);
    } else if (starts(s, "ip domain lookup") || sv_eq_cstr(w, "domain-lookup")) {
        cx_legacy_set(&lg->ip_domain_lookup, !neg, n);
    } else if (sv_eq_cstr(w, "gratuitous-arps")) {
        cx_legacy_set(&lg->gratuitous_arps, !neg, n);
    } else if (sv_eq_cstr(w, "identd")) {
        cx_legacy_set(&lg->identd, !neg, n);
    } else if (starts(s, "ip scp server enable")) {
        cx_svc(x, "scp-server", false, neg ? FACT_OFF : FACT_ON, n);
    } else if (starts(s, "ip ftp server") || starts(s, "ip ftp-server")) {
        cx_svc(x, "ftp-server", true, neg ? FACT_OFF : FACT_ON, n);
    } else {
        return false;
    }
    return true;
}

/* IOS "ip dhcp pool NAME" / "ipv6 dhcp pool NAME": the device hands out
 * leases unless "no service dhcp" (settled with the defaults). */
bool cx_h_dhcp_pool(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (!x->dhcp_pool_node)
        x->dhcp_pool_node = n;
    return true;
}

/* Discovery protocols: "cdp run" (IOS, EOS), NX-OS "cdp enable", XR "cdp". */
bool cx_h_cdp(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (!(starts(s, "cdp run") || (sv_eq_cstr(s, "cdp enable") && x->d == DIALECT_CISCO_NXOS) ||
          (sv_eq_cstr(s, "cdp") && x->d == DIALECT_CISCO_IOSXR)))
        return false;
    if (neg)
        x->cdp_off = n;
    else
        x->cdp_on = n;
    return true;
}

/* "lldp run" (IOS), XR "lldp". */
bool cx_h_lldp(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (!(starts(s, "lldp run") || (sv_eq_cstr(s, "lldp") && x->d == DIALECT_CISCO_IOSXR)))
        return false;
    if (neg)
        x->lldp_off = n;
    else
        x->lldp_on = n;
    return true;
}

/* Smart Install. */
bool cx_h_vstack(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    fact_set(&x->m->legacy.smart_install, neg ? FACT_OFF : FACT_ON, n);
    return true;
}

/* "password encryption aes" / "key config-key": stored secrets encrypted. */
bool cx_h_secret_encryption(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    x->secret_enc_node = n;
    return true;
}

/* "security passwords min-length N" (IOS), "password strength-check" (NX-OS). */
bool cx_h_password_policy(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (neg)
        x->pw_policy_off = n;
    else
        x->pw_policy_node = n;
    return true;
}

/* XR "domain lookup disable". */
bool cx_h_domain_lookup(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    cx_legacy_set(&x->m->legacy.ip_domain_lookup, neg, n);
    return true;
}

/* An IOS release before 12.2, which predates Smart Install (12.2(52)SE). */
static bool release_before_12_2(const char *v)
{
    if (!v)
        return false;
    char *end;
    long major = strtol(v, &end, 10);
    long minor = *end == '.' ? strtol(end + 1, NULL, 10) : -1;
    return major > 0 && minor >= 0 && (major < 12 || (major == 12 && minor < 2));
}

/* Does the configuration show a switch (switch ports, spanning tree, VTP,
 * stack members)? Smart Install is a client of Catalyst switches only. */
static bool shows_switch(const struct cx *x)
{
    /* not "spanning-tree extend system-id": IOS-XE routers print it too */
    static const char *const global[] = {"spanning-tree mode ", "vtp ", "switch "};
    for (const struct cfg_node *n = x->t->first; n; n = n->next) {
        const char *t = cfg_text(n).p;
        size_t len = cfg_text(n).n;
        for (size_t i = 0; i < ARRAY_SIZE(global); i++)
            if (len > strlen(global[i]) && !strncmp(t, global[i], strlen(global[i])))
                return true;
        if (len > 10 && !strncmp(t, "interface ", 10))
            for (const struct cfg_node *c = n->child; c; c = c->next)
                if (cfg_text(c).n >= 10 && !strncmp(cfg_text(c).p, "switchport", 10))
                    return true;
    }
    return false;
}

static bool smi_capable(const struct cx *x)
{
    return !release_before_12_2(x->m->os_version) && shows_switch(x);
}

static const char *smi_absent_why(const struct cx *x)
{
    return release_before_12_2(x->m->os_version)
               ? "the release predates Smart Install (12.2(52)SE)"
               : "no switch port, spanning tree or VTP: Smart Install is a Catalyst switch "
                 "feature, absent from routers";
}

/* XR "ipv4 source-route". */
bool cx_h_ipv4_source_route(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    cx_legacy_set(&x->m->legacy.source_route, !neg, n);
    return true;
}

void cx_finish_legacy(struct cx *x)
{
    struct legacy_facts *lg = &x->m->legacy;
    bool ios = x->d == DIALECT_CISCO_IOS;
#define DFLT(f, st, note)                                                                          \
    do {                                                                                           \
        if ((f).state == FACT_UNKNOWN && !(f).why && (f).ev.n == 0)                                \
            fact_default(&(f), (st), (note));                                                      \
    } while (0)
    if (ios) {
        DFLT(lg->small_servers, FACT_OFF, "TCP/UDP small servers are off by default since 11.3");
        DFLT(lg->finger, FACT_OFF, "finger is off by default on current images");
        DFLT(lg->bootp_server, FACT_ON, "the BOOTP server is on unless 'no ip bootp server'");
        /* a configured pool makes the server one the configuration sets up */
        if (x->dhcp_pool_node && lg->dhcp_server.state != FACT_OFF)
            fact_set(&lg->dhcp_server, FACT_ON, x->dhcp_pool_node);
        DFLT(lg->dhcp_server, FACT_ON, "the DHCP service is on unless 'no service dhcp'");
        DFLT(lg->pad, FACT_ON, "PAD is on unless 'no service pad' (older images)");
        DFLT(lg->source_route, FACT_ON, "source routing is on unless 'no ip source-route'");
        DFLT(lg->identd, FACT_OFF, "identd is off by default");
        DFLT(lg->ip_domain_lookup, FACT_ON, "DNS lookup is on unless 'no ip domain lookup'");
        DFLT(lg->gratuitous_arps, FACT_ON, "gratuitous ARPs are sent unless disabled");
        DFLT(lg->config_service, FACT_OFF, "'service config' is off by default");
        DFLT(lg->directed_broadcast, FACT_OFF, "directed broadcast is off since 12.0");
        DFLT(lg->service_password_encryption, FACT_OFF,
             "no 'service password-encryption': type 0 passwords stay in cleartext");
        if (lg->smart_install.state == FACT_UNKNOWN && !lg->smart_install.ev.n && !smi_capable(x))
            fact_default(&lg->smart_install, FACT_OFF, smi_absent_why(x));
        else if (lg->smart_install.state == FACT_UNKNOWN && !lg->smart_install.ev.n)
            fact_unknown(&lg->smart_install, "no 'no vstack': Smart Install is on by default on "
                                             "older images of SMI-capable switches");
    } else {
        DFLT(lg->service_password_encryption, FACT_ON,
             "local passwords are always stored hashed or encrypted on this platform");
        static const char *const none = "not a service of this platform";
        DFLT(lg->small_servers, FACT_OFF, none);
        DFLT(lg->finger, FACT_OFF, none);
        DFLT(lg->pad, FACT_OFF, none);
        DFLT(lg->bootp_server, FACT_OFF, none);
        DFLT(lg->identd, FACT_OFF, none);
        DFLT(lg->config_service, FACT_OFF, none);
        DFLT(lg->dhcp_server, FACT_OFF, "no DHCP server configured");
        DFLT(lg->directed_broadcast, FACT_OFF, "directed broadcast is off by default");
        if (x->d == DIALECT_CISCO_IOSXR)
            DFLT(lg->source_route, FACT_OFF,
                 "source-routed packets are dropped unless 'ipv4 source-route'");
        else if (x->d == DIALECT_CISCO_ASA)
            DFLT(lg->source_route, FACT_OFF,
                 "the ASA drops packets with source-route options by default");
        else if (x->d == DIALECT_CISCO_NXOS)
            DFLT(lg->source_route, FACT_ON,
                 "NX-OS forwards source-routed packets unless 'no ip source-route' (DISA "
                 "CISC-RT-000350)");
        else if (lg->source_route.state == FACT_UNKNOWN && !lg->source_route.ev.n)
            fact_unknown(&lg->source_route,
                         "the handling of source-routed packets is not shown in the config");
        if (x->d == DIALECT_CISCO_IOSXR) {
            DFLT(lg->small_servers, FACT_OFF, "small servers are off unless configured");
            DFLT(lg->redirects, FACT_OFF, "IOS XR sends no redirects unless 'ipv4 redirects'");
        } else if (x->d == DIALECT_ARISTA_EOS) {
            DFLT(lg->redirects, FACT_ON, "EOS sends ICMP redirects by default");
        }
        lg->smart_install.state = FACT_OFF;
        lg->smart_install.is_default = true;
        lg->smart_install.why = "Smart Install exists on IOS switches only";
    }

    /* CDP/LLDP globally */
    if (x->cdp_on || x->lldp_on) {
        fact_set(&lg->discovery, FACT_ON, x->cdp_on ? x->cdp_on : x->lldp_on);
        fact_lines_add(&lg->discovery.ev, x->lldp_on);
    } else if (x->d == DIALECT_ARISTA_EOS) {
        if (x->lldp_off)
            fact_set(&lg->discovery, FACT_OFF, x->lldp_off);
        else
            fact_default(&lg->discovery, FACT_ON, "LLDP is on by default on EOS");
    } else if (x->d == DIALECT_CISCO_NXOS) {
        if (x->cdp_off) {
            fact_set(&lg->discovery, FACT_OFF, x->cdp_off);
            fact_lines_add(&lg->discovery.ev, x->lldp_off);
        } else
            fact_default(&lg->discovery, FACT_ON, "CDP is on by default on NX-OS");
    } else if (x->d == DIALECT_CISCO_IOSXR) {
        fact_default(&lg->discovery, FACT_OFF, "CDP and LLDP are off unless configured on IOS XR");
        model_discovery_from_interfaces(x->m);
    } else if (x->d == DIALECT_CISCO_ASA) {
        fact_default(&lg->discovery, FACT_OFF, "the ASA runs no CDP or LLDP");
    } else if (x->cdp_off) {
        fact_set(&lg->discovery, FACT_OFF, x->cdp_off);
        fact_lines_add(&lg->discovery.ev, x->lldp_off);
    } else {
        fact_unknown(&lg->discovery, "no 'cdp run' or 'no cdp run': CDP is on by default on "
                                     "switches and off on many IOS-XE routers");
    }

    /* type 6 / master-key encryption of shared secrets */
    if (x->secret_enc_node) {
        fact_set(&lg->secret_encryption, FACT_ON, x->secret_enc_node);
    } else {
        bool has6 = false;
        for (size_t i = 0; i < x->m->nother_secrets; i++)
            if (x->m->other_secrets[i].type == SECRET_CISCO6) {
                has6 = true;
                fact_set(&lg->secret_encryption, FACT_ON, x->m->other_secrets[i].node);
                lg->secret_encryption.why = "type 6 keys are present";
                break;
            }
        if (!has6)
            fact_default(&lg->secret_encryption, FACT_OFF,
                         "no 'password encryption aes' (or platform equivalent): shared keys are "
                         "stored in cleartext or type 7");
    }
#undef DFLT
}
