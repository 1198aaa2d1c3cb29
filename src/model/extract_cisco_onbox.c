/*
 * extract_cisco_onbox.c - banners, control-plane policing, on-box
 * automation (EEM, kron, schedulers, app hosting), discovery protocols,
 * programmatic interfaces and the other single statements.
 */
#include "model/extract_cisco.h"

#include <ctype.h>
#include <stdlib.h>
#include <strings.h>

/* ------------------------------------------------------------ banners, CoPP, on-box */

bool cx_h_banner(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct sv kind = tk(s, 1);
    const char *k = sv_eq_cstr(kind, "login")      ? "login"
                    : sv_eq_cstr(kind, "motd")     ? "motd"
                    : sv_eq_cstr(kind, "exec")     ? "exec"
                    : sv_eq_cstr(kind, "incoming") ? "incoming"
                    : sv_eq_cstr(kind, "asdm")     ? "asdm"
                                                   : "other";
    struct banner *b = model_add_banner(x->a, x->m, k, n);
    if (!(n->flags & CFG_BANNER))
        b->text = sv_after_tokens(s, 2); /* ASA: one line per statement */
    return true;
}

bool cx_h_control_plane(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct device_model *m = x->m;
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        if (starts(t, "service-policy input")) {
            x->copp_node = c;
        } else if (starts(t, "management-plane")) {
            /* XR MPP: inband|out-of-band / interface X|all / allow PROTO [peer / address ipv4 X] */
            for (const struct cfg_node *band = c->child; band; band = band->next) {
                if (!active(band))
                    continue;
                bool oob = starts(cfg_text(band), "out-of-band");
                if (oob)
                    x->mpp_oob = band;
                for (const struct cfg_node *itf = band->child; itf; itf = itf->next) {
                    if (!active(itf) || !starts(cfg_text(itf), "interface"))
                        continue;
                    for (const struct cfg_node *al = itf->child; al; al = al->next) {
                        struct sv at = cfg_text(al);
                        if (!active(al) || !starts(at, "allow"))
                            continue;
                        const char *name =
                            arena_printf(x->a, "mpp-%s-%.*s-%.*s", oob ? "oob" : "inband",
                                         (int)tk(cfg_text(itf), 1).n, tk(cfg_text(itf), 1).p,
                                         (int)tk(at, 1).n, tk(at, 1).p);
                        struct acl *acl = cx_find_or_add_acl(x, sv_from_cstr(name), al);
                        if (!acl)
                            continue;
                        bool peers = false;
                        for (const struct cfg_node *pe = al->child; pe; pe = pe->next) {
                            if (!active(pe))
                                continue;
                            /* "allow X peer" + "address ..." children, or "peer" + children */
                            const struct cfg_node *first =
                                starts(cfg_text(pe), "address") ? pe : pe->child;
                            for (const struct cfg_node *ad = first; ad;
                                 ad = first == pe ? NULL : ad->next) {
                                struct sv adt = cfg_text(ad);
                                if (!active(ad) || !starts(adt, "address") || !cap_ok(acl->n))
                                    continue;
                                struct acl_entry *e = model_acl_add_entry(x->a, acl, ad);
                                e->permit = true;
                                struct sv a = tk(adt, 2);
                                e->src = model_parse_addr(a);
                                e->unresolved = e->src.af == 0;
                                peers = true;
                            }
                        }
                        /* "allow SSH peer address ipv4 X" written on one line */
                        size_t nt = sv_token_count(at);
                        for (size_t i = 2; i + 2 < nt; i++)
                            if (tk_is(at, i, "address") && cap_ok(acl->n)) {
                                struct acl_entry *e = model_acl_add_entry(x->a, acl, al);
                                e->permit = true;
                                e->src = model_parse_addr(tk(at, i + 2));
                                e->unresolved = e->src.af == 0;
                                peers = true;
                            }
                        if (!peers) {
                            struct acl_entry *e = model_acl_add_entry(x->a, acl, al);
                            e->permit = true;
                            e->src_any = true;
                        }
                        model_add_mgmt_path(x->a, m, "mpp", acl->name, al);
                    }
                }
            }
        }
    }
    return true;
}

static bool risky_command(struct sv cmd)
{
    static const char *const words[] = {"conf",  "clear log", "copy",    "tftp",       "ftp:",
                                        "scp:",  "delete",    "erase",   "no logging", "username",
                                        "write", "reload",    "archive", "more ",      "bash",
                                        "run ",  "http:",     "format"};
    for (size_t i = 0; i < ARRAY_SIZE(words); i++)
        if (model_sv_icontains(cmd, words[i]))
            return true;
    return false;
}

/* EEM applets, kron policy lists, NX-OS scheduler jobs, EOS event handlers. */
static void h_onbox_block(struct cx *x, const struct cfg_node *n, const char *kind, struct sv name)
{
    bool risky = false;
    for (const struct cfg_node *c = n->child; c && !risky; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        if (starts(t, "action") || starts(t, "cli") || starts(t, "command") || starts(t, "exec") ||
            risky_command(t))
            risky = risky_command(t);
    }
    model_add_onbox(x->a, x->m, kind, dup(x, name), risky, n);
}

bool cx_h_event(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (starts(s, "event manager applet"))
        h_onbox_block(x, n, "eem", tk(s, 3));
    else if (starts(s, "event manager policy"))
        model_add_onbox(x->a, x->m, "eem", dup(x, tk(s, 3)), true, n); /* a Tcl script */
    else if (starts(s, "event-handler"))
        h_onbox_block(x, n, "event-handler", tk(s, 1));
    return true;
}

/* XR application manager: each "application NAME" is a hosted container. */
bool cx_h_appmgr(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (!sv_eq_cstr(s, "appmgr"))
        return false;
    for (const struct cfg_node *c = n->child; c; c = c->next)
        if (active(c) && starts(cfg_text(c), "application") && tk(cfg_text(c), 1).n)
            model_add_onbox(x->a, x->m, "app-hosting", dup(x, tk(cfg_text(c), 1)), false, c);
    return true;
}

bool cx_h_iox(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    model_add_onbox(x->a, x->m, "app-hosting", "iox", false, n);
    return true;
}

bool cx_h_app_hosting(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct sv id = tk(s, 2);
    model_add_onbox(x->a, x->m, sv_eq_cstr(id, "guestshell") ? "guestshell" : "app-hosting",
                    dup(x, id), false, n);
    return true;
}

bool cx_h_virtual_service(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (tk(s, 1).n)
        model_add_onbox(x->a, x->m, "app-hosting", dup(x, tk(s, 1)), false, n);
    return true;
}

bool cx_h_kron(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    h_onbox_block(x, n, "kron", tk(s, 2));
    return true;
}

bool cx_h_scheduler_job(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    h_onbox_block(x, n, "scheduler", tk(s, 3));
    return true;
}

/* EOS "daemon NAME": an agent the switch runs, unless shut down. */
bool cx_h_eos_daemon(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    bool on = true;
    cx_eos_shutdown(n, &on);
    if (on)
        model_add_onbox(x->a, x->m, "daemon", dup(x, tk(s, 1)), true, n);
    return true;
}

/* EOS "schedule NAME ... command CMD". */
bool cx_h_eos_schedule(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    size_t nt = sv_token_count(s), i;
    for (i = 2; i < nt; i++)
        if (tk_is(s, i, "command"))
            break;
    model_add_onbox(x->a, x->m, "scheduler", dup(x, tk(s, 1)),
                    i < nt && risky_command(sv_after_tokens(s, i + 1)), n);
    return true;
}

bool cx_h_copp_profile(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    x->copp_node = n;
    return true;
}

/* EOS "system control-plane": its ACLs and CoPP policy. */
bool cx_h_system_control_plane(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    const char *acl = NULL;
    cx_eos_access_groups(x, n, "control-plane", &acl);
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c))
            continue;
        if (starts(cfg_text(c), "ip access-group") || starts(cfg_text(c), "service-policy"))
            x->copp_node = c;
        else if (starts(cfg_text(c), "no service-policy input"))
            x->copp_removed = c;
    }
    return true;
}

/* The VRF an interface is in ("vrf X" on IOS XR, "vrf forwarding X" and
 * "ip vrf forwarding X" on IOS, "vrf member X" on NX-OS); empty when none. */
static struct sv iface_vrf(struct cx *x, const struct cfg_node *ifn)
{
    static const char *const forms[] = {"vrf forwarding", "ip vrf forwarding", "vrf member", "vrf"};
    for (size_t i = 0; i < ARRAY_SIZE(forms); i++) {
        const struct cfg_node *c = cfg_child(x->t, ifn, forms[i]);
        if (c)
            return tk(cfg_text(c), sv_token_count(sv_from_cstr(forms[i])));
    }
    return sv_make(NULL, 0);
}

/* A VRF that is for management: its name says so, or it holds the
 * management port (MgmtEth, mgmt0, Management1). "ssh server vrf X" with X
 * a data VRF serves SSH in band (checks.md MGMT-OOB-VRF, XR). */
static bool management_vrf(struct cx *x, const struct cfg_node *ssh_vrf)
{
    struct sv vrf = tk(cfg_text(ssh_vrf), 3);
    if (model_sv_icontains(vrf, "mgmt") || model_sv_icontains(vrf, "management"))
        return true;
    /* "OOB", "oob-net", "NOC_OOB", not "FOOBAR" */
    for (size_t i = 0; i + 3 <= vrf.n; i++)
        if (strncasecmp(vrf.p + i, "oob", 3) == 0 &&
            (i == 0 || !isalnum((unsigned char)vrf.p[i - 1])) &&
            (i + 3 == vrf.n || !isalnum((unsigned char)vrf.p[i + 3])))
            return true;
    for (size_t i = 0; i < x->m->ninterfaces; i++) {
        const struct interface *it = &x->m->interfaces[i];
        if (it->is_mgmt && it->node && sv_same(iface_vrf(x, it->node), vrf))
            return true;
    }
    return false;
}

static void ssh_in_data_vrf(struct cx *x)
{
    fact_set(&x->m->mgmt_vrf, FACT_OFF, x->ssh_vrf_other);
    x->m->mgmt_vrf.why = "SSH is served in a VRF that holds no management port and is not named "
                         "for management, so it is reachable in band";
}

/* NX-OS with neither 'copp profile' nor a control-plane service-policy. From
 * release 9 the running configuration prints the CoPP profile in force
 * ('copp profile strict' after the setup default), so its absence means none
 * is applied: the setup utility's 'skip' choice and POAP leave the supervisor
 * unpoliced (Cisco Nexus 9000 NX-OS Security Configuration Guide, Configuring
 * Control Plane Policing: default policing policies). Older releases and
 * captures that show no release stay unknown. */
static void nxos_copp_absent(struct cx *x)
{
    const char *v = x->m->os_version;
    long major = v && isdigit((unsigned char)v[0]) ? strtol(v, NULL, 10) : -1;
    if (major >= 9) {
        fact_default(&x->m->copp, FACT_OFF,
                     "no 'copp profile' and no control-plane service-policy: NX-OS 9 and "
                     "later show the CoPP profile in force in the running configuration, so "
                     "none is applied (as after the setup utility's 'skip' or POAP)");
        return;
    }
    fact_unknown(&x->m->copp, "no 'copp profile' in the configuration: NX-OS applies one at "
                              "first setup, but this release may not show it");
}

void cx_finish_plane(struct cx *x)
{
    struct device_model *m = x->m;
    if (x->copp_node && x->d == DIALECT_CISCO_NXOS &&
        starts(cfg_text(x->copp_node), "copp profile lenient")) {
        fact_set(&m->copp, FACT_OFF, x->copp_node);
        m->copp.why = "the lenient CoPP profile lets high rates through to the supervisor";
    } else if (x->copp_node) {
        fact_set(&m->copp, FACT_ON, x->copp_node);
    } else if (x->copp_removed && x->d == DIALECT_ARISTA_EOS) {
        fact_set(&m->copp, FACT_OFF, x->copp_removed);
        m->copp.why = "the default CoPP policy (copp-system-policy) was removed";
    } else {
        switch (x->d) {
        case DIALECT_CISCO_IOS:
            fact_default(&m->copp, FACT_OFF, "no 'control-plane' service-policy");
            break;
        case DIALECT_CISCO_NXOS:
            nxos_copp_absent(x);
            break;
        case DIALECT_CISCO_IOSXR:
            fact_default(&m->copp, FACT_ON,
                         "LPTS polices traffic to the route processor by "
                         "default");
            break;
        case DIALECT_ARISTA_EOS:
            /* not given as secure by checks.md: it depends on the hardware */
            fact_unknown(&m->copp, "no CoPP customisation: the default copp-system-policy exists "
                                   "on hardware platforms only, with platform rates (op: show "
                                   "policy-map type copp copp-system-policy)");
            break;
        default:
            fact_unknown(&m->copp, "the ASA has no control-plane policing in this sense; "
                                   "'access-group ... control-plane' was not found");
            break;
        }
    }
    if (x->mpp_oob)
        fact_set(&m->mgmt_vrf, FACT_ON, x->mpp_oob);
    else if (x->ssh_vrf_other && !x->ssh_vrf_default && !management_vrf(x, x->ssh_vrf_other))
        ssh_in_data_vrf(x);
    else if (x->ssh_vrf_other && !x->ssh_vrf_default)
        fact_set(&m->mgmt_vrf, FACT_ON, x->ssh_vrf_other);
    else if (x->mgmt_vrf_node)
        fact_set(&m->mgmt_vrf, FACT_ON, x->mgmt_vrf_node);
    else if (x->ssh_vrf_default)
        fact_set(&m->mgmt_vrf, FACT_OFF, x->ssh_vrf_default);
    else
        fact_default(&m->mgmt_vrf, FACT_OFF,
                     "no management service is confined to a management VRF or port");
}
