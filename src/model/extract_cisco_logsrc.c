/*
 * extract_cisco_logsrc.c - the fixed source interfaces of management
 * protocols (LOG-SOURCE) on IOS/IOS-XE, NX-OS, IOS XR, ASA and EOS:
 * "logging source-interface", "ip tacacs|radius source-interface", server
 * group sources, "ntp source", "snmp-server trap-source" and their NX-OS,
 * XR and EOS spellings. Read in one pass over the top-level statements
 * after the main one, so that no statement row changes.
 */
#include "model/extract_cisco.h"

/* One "<words> IFNAME [vrf V]" form: the words, the service, and whether
 * the statement is a block whose children carry the source. */
struct src_form {
    const char *words;
    const char *service;
    unsigned dialects; /* DIALECT_BIT mask; 0 = every Cisco-family dialect */
};

#define B(d) DIALECT_BIT(DIALECT_##d)

static const struct src_form forms[] = {
    {"logging source-interface", "syslog", 0},
    {"ip tacacs source-interface", "tacacs", 0},
    {"ip radius source-interface", "radius", 0},
    {"tacacs source-interface", "tacacs", B(CISCO_IOSXR)},
    {"radius source-interface", "radius", B(CISCO_IOSXR)},
    {"tacacs-server source-interface", "tacacs", B(CISCO_IOSXR)},
    {"radius-server source-interface", "radius", B(CISCO_IOSXR)},
    {"ntp source-interface", "ntp", B(CISCO_NXOS)},
    {"ntp source", "ntp", B(CISCO_IOS) | B(ARISTA_EOS)},
    {"ntp local-interface", "ntp", B(ARISTA_EOS)},
    {"snmp-server trap-source", "snmp-trap", B(CISCO_IOS) | B(CISCO_IOSXR)},
    {"snmp-server source-interface traps", "snmp-trap", B(CISCO_NXOS)},
    {"snmp-server local-interface", "snmp-trap", B(ARISTA_EOS)},
};

/* The interface and VRF after the form's words: "X [vrf V]" (XR, IOS) or,
 * for EOS, "logging vrf V source-interface X" is handled by the caller. */
static void src_add(struct cx *x, const char *service, struct sv s, size_t at, struct sv vrf,
                    const struct cfg_node *n)
{
    struct sv ifn = tk(s, at);
    if (sv_eq_cstr(ifn, "vrf") && tk(s, at + 2).n) { /* XR "... source-interface vrf V X" */
        vrf = tk(s, at + 1);
        ifn = tk(s, at + 2);
    }
    if (ifn.n == 0)
        return;
    /* NX-OS and old IOS write "loopback 0" in two words */
    struct sv num = tk(s, at + 1);
    if (num.n && isdigit((unsigned char)num.p[0]) && !isdigit((unsigned char)ifn.p[ifn.n - 1]))
        ifn = sv_make(ifn.p, (size_t)(num.p + num.n - ifn.p));
    for (size_t j = at + 1; j + 1 < sv_token_count(s); j++)
        if (tk_is(s, j, "vrf"))
            vrf = tk(s, j + 1);
    bool addr = cx_sv_is_addrish(ifn);
    struct mgmt_source *src = model_add_source(x->a, x->m, service, addr ? sv_make("", 0) : ifn,
                                               addr ? ifn : sv_make("", 0), n);
    if (src && vrf.n)
        src->vrf = dup(x, vrf);
}

/* EOS puts the VRF before the keyword: "logging vrf V source-interface X",
 * "ip tacacs vrf V source-interface X", "ntp local-interface vrf V X"... */
static bool eos_vrf_form(struct cx *x, const struct cfg_node *n, struct sv s)
{
    static const struct {
        const char *words, *service;
    } f[] = {{"logging vrf", "syslog"},
             {"ip tacacs vrf", "tacacs"},
             {"ip radius vrf", "radius"},
             {"snmp-server vrf", "snmp-trap"}};
    for (size_t i = 0; i < ARRAY_SIZE(f); i++) {
        size_t w = sv_token_count(sv_from_cstr(f[i].words));
        if (!starts(s, f[i].words))
            continue;
        if (tk_is(s, w + 1, "source-interface") || tk_is(s, w + 1, "local-interface")) {
            src_add(x, f[i].service, s, w + 2, tk(s, w), n);
            return true;
        }
    }
    return false;
}

/* Sources inside blocks: IOS/NX-OS "aaa group server tacacs+|radius G" with
 * "ip tacacs|radius source-interface X" or "source-interface X", XR "ntp"
 * with "source [vrf V] X". */
static void block_sources(struct cx *x, const struct cfg_node *n, struct sv s)
{
    const char *service = NULL;
    if (starts(s, "aaa group server tacacs+"))
        service = "tacacs";
    else if (starts(s, "aaa group server radius"))
        service = "radius";
    else if (starts(s, "ntp") && sv_token_count(s) == 1)
        service = "ntp";
    if (!service)
        return;
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        bool neg;
        struct sv t = stmt(c, &neg);
        if (neg || !active(c))
            continue;
        if (starts(t, "ip tacacs source-interface") || starts(t, "ip radius source-interface"))
            src_add(x, service, t, 3, sv_make("", 0), c);
        else if (starts(t, "source-interface") ||
                 (strcmp(service, "ntp") == 0 && starts(t, "source")))
            src_add(x, service, t, 1, sv_make("", 0), c);
    }
}

/* ASA: the interface (nameif) each destination is reached through is its
 * source: "logging host IF A", "ntp server A source IF", "aaa-server G (IF)
 * host A", "snmp-server host IF A". */
static void asa_sources(struct cx *x, const struct cfg_node *n, struct sv s)
{
    if (starts(s, "logging host") && tk(s, 3).n) {
        model_add_source(x->a, x->m, "syslog", tk(s, 2), sv_make("", 0), n);
    } else if (starts(s, "ntp server")) {
        for (size_t j = 3; j + 1 < sv_token_count(s); j++)
            if (tk_is(s, j, "source"))
                model_add_source(x->a, x->m, "ntp", tk(s, j + 1), sv_make("", 0), n);
    } else if (starts(s, "snmp-server host") && tk(s, 3).n) {
        model_add_source(x->a, x->m, "snmp-trap", tk(s, 2), sv_make("", 0), n);
    } else if (starts(s, "aaa-server") && tk(s, 2).n > 2 && tk(s, 2).p[0] == '(') {
        struct sv g = tk(s, 1), ifn = tk(s, 2);
        ifn = sv_make(ifn.p + 1, ifn.n - (ifn.p[ifn.n - 1] == ')' ? 2 : 1));
        for (size_t i = 0; i < x->naaa_groups; i++)
            if (sv_same(x->aaa_groups[i].name, g))
                model_add_source(x->a, x->m,
                                 x->aaa_groups[i].proto == AAA_RADIUS ? "radius" : "tacacs", ifn,
                                 sv_make("", 0), n);
    }
}

/* NX-OS sends from mgmt0 to destinations reached in the management VRF,
 * whose only interface it is. */
static void nxos_mgmt_vrf(struct cx *x, const char *service, const struct host_ref *h, size_t n)
{
    if (n == 0)
        return;
    for (size_t i = 0; i < x->m->nmgmt_sources; i++)
        if (strcmp(x->m->mgmt_sources[i].service, service) == 0)
            return;
    for (size_t i = 0; i < n; i++)
        if (!h[i].vrf || strcmp(h[i].vrf, "management") != 0)
            return;
    struct mgmt_source *src =
        model_add_source(x->a, x->m, service, SV_LIT("mgmt0"), sv_make("", 0), h[0].node);
    if (src) {
        src->by_design = true;
        src->vrf = "management";
        src->note = "every destination is in the management VRF, whose only interface is mgmt0";
    }
}

void cx_finish_sources(struct cx *x)
{
    for (const struct cfg_node *n = x->t->first; n; n = n->next) {
        bool neg;
        struct sv s = stmt(n, &neg);
        if (neg || !active(n))
            continue;
        if (x->d == DIALECT_CISCO_ASA) {
            asa_sources(x, n, s);
            continue;
        }
        if (n->child)
            block_sources(x, n, s);
        if (x->d == DIALECT_ARISTA_EOS && eos_vrf_form(x, n, s))
            continue;
        for (size_t i = 0; i < ARRAY_SIZE(forms); i++) {
            if (forms[i].dialects && !(forms[i].dialects & DIALECT_BIT(x->d)))
                continue;
            if (starts(s, forms[i].words)) {
                src_add(x, forms[i].service, s, sv_token_count(sv_from_cstr(forms[i].words)),
                        sv_make("", 0), n);
                break;
            }
        }
    }
    if (x->d == DIALECT_CISCO_NXOS) {
        nxos_mgmt_vrf(x, "syslog", x->m->logging.hosts, x->m->logging.nhosts);
        nxos_mgmt_vrf(x, "ntp", x->m->ntp.servers, x->m->ntp.nservers);
    }
}
