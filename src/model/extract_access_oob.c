/*
 * extract_access_oob.c - whether management is confined to an out-of-band
 * VRF or port (mgmt_vrf, for MGMT-OOB-VRF), where the family extractors
 * leave it to the access pass: IOS management-plane protection bound to an
 * interface in a VRF, NX-OS services sourced from the management VRF, ASA
 * access rules naming only management-only interfaces, FortiOS
 * administrative access only on management ports; and, on IOS, NX-OS and
 * EOS, NTP servers or syslog collectors still reached through the global
 * table (checks.md: "FAIL if services are reachable in the global table
 * too"). Called by model_extract_access() after the family extractor.
 */
#include "model/extract.h"

#include <string.h>

#define OOB_MAX_NAMES 64 /* interfaces and nameifs remembered */

struct oob {
    struct sv vrf_ifs[OOB_MAX_NAMES]; /* IOS: interfaces in a VRF */
    size_t nvrf_ifs;
    struct sv mgmt_ifs[OOB_MAX_NAMES]; /* ASA: nameifs of management-only interfaces */
    size_t nmgmt_ifs;
    const struct cfg_node *mpp;     /* IOS: management-interface bound to a VRF interface */
    const struct cfg_node *mpp_any; /* IOS: any management-interface statement */
    const char *mpp_if;
    const struct cfg_node *bad;  /* a service outside the management VRF or port */
    const struct cfg_node *good; /* a service inside it */
    size_t aaa_groups, aaa_mgmt; /* NX-OS AAA server groups, those using VRF management */
};

static struct sv word(struct sv s, size_t i)
{
    struct sv t = sv_token(s, i);
    return t.p ? t : sv_make("", 0);
}

static bool live(const struct cfg_node *n)
{
    return n && !(n->flags & CFG_INACTIVE);
}

static bool in_list(const struct sv *v, size_t n, struct sv s)
{
    for (size_t i = 0; i < n; i++)
        if (sv_eq(v[i], s))
            return true;
    return false;
}

static void remember(struct sv *v, size_t *n, struct sv s)
{
    if (*n < OOB_MAX_NAMES && s.n)
        v[(*n)++] = s;
}

/* IOS "interface X" with "vrf forwarding V", ASA "management-only" + nameif. */
static void oob_interface(struct oob *o, enum dialect d, const struct cfg_node *n)
{
    struct sv name = word(cfg_text(n), 1), nameif = sv_make("", 0);
    bool vrf = false, mgmt_only = false;
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        struct sv t = cfg_text(c);
        if (!live(c))
            continue;
        if (sv_starts_with_word(t, "vrf forwarding") || sv_starts_with_word(t, "ip vrf forwarding"))
            vrf = true;
        else if (sv_starts_with_word(t, "management-only"))
            mgmt_only = true;
        else if (sv_starts_with_word(t, "nameif"))
            nameif = word(t, 1);
    }
    if (d == DIALECT_CISCO_IOS && vrf)
        remember(o->vrf_ifs, &o->nvrf_ifs, name);
    if (d == DIALECT_CISCO_ASA && mgmt_only)
        remember(o->mgmt_ifs, &o->nmgmt_ifs, nameif);
}

/* IOS "control-plane host" / "management-interface X allow ...". */
static void oob_mpp(struct oob *o, const struct cfg_node *n)
{
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        struct sv t = cfg_text(c);
        if (!live(c) || !sv_starts_with_word(t, "management-interface"))
            continue;
        o->mpp_any = c;
        if (in_list(o->vrf_ifs, o->nvrf_ifs, word(t, 1)) && !o->mpp)
            o->mpp = c;
    }
}

/* ASA "ssh|http|telnet ADDR MASK IFNAME": an access rule on an interface. */
static void oob_asa_access(struct oob *o, const struct cfg_node *n, struct sv s)
{
    struct sv w = word(s, 0);
    if (!sv_eq_cstr(w, "ssh") && !sv_eq_cstr(w, "http") && !sv_eq_cstr(w, "telnet"))
        return;
    if (sv_token_count(s) != 4 || !model_parse_addr(word(s, 1)).af)
        return;
    if (in_list(o->mgmt_ifs, o->nmgmt_ifs, word(s, 3))) {
        if (!o->good)
            o->good = n;
    } else if (!o->bad) {
        o->bad = n;
    }
}

/* NX-OS "aaa group server tacacs+|radius G" / "use-vrf V". */
static void oob_nxos_aaa(struct oob *o, const struct cfg_node *n)
{
    o->aaa_groups++;
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        struct sv t = cfg_text(c);
        if (live(c) && sv_starts_with_word(t, "use-vrf") && sv_eq_cstr(word(t, 1), "management")) {
            o->aaa_mgmt++;
            if (!o->good)
                o->good = c;
            return;
        }
    }
    if (!o->bad)
        o->bad = n;
}

static void oob_cisco_walk(struct oob *o, const struct cfg_tree *t)
{
    enum dialect d = t->dialect;
    /* interfaces first: MPP may come before or after them */
    for (const struct cfg_node *n = t->first; n; n = n->next)
        if (live(n) && sv_starts_with_word(cfg_text(n), "interface"))
            oob_interface(o, d, n);
    for (const struct cfg_node *n = t->first; n; n = n->next) {
        struct sv s = cfg_text(n);
        if (!live(n))
            continue;
        if (d == DIALECT_CISCO_IOS && sv_starts_with_word(s, "control-plane host"))
            oob_mpp(o, n);
        else if (d == DIALECT_CISCO_ASA)
            oob_asa_access(o, n, s);
        else if (d == DIALECT_CISCO_NXOS && (sv_starts_with_word(s, "aaa group server tacacs+") ||
                                             sv_starts_with_word(s, "aaa group server radius")))
            oob_nxos_aaa(o, n);
    }
}

/* An NTP server or syslog collector reached through the global table, or
 * (NX-OS) through a VRF other than management; NULL when none. */
static const struct cfg_node *global_service(const struct device_model *m, bool nxos)
{
    const struct host_ref *lists[2] = {m->ntp.servers, m->logging.hosts};
    size_t counts[2] = {m->ntp.nservers, m->logging.nhosts};
    for (size_t k = 0; k < 2; k++)
        for (size_t i = 0; i < counts[k]; i++) {
            const char *v = lists[k][i].vrf;
            if (!v || !*v || !strcmp(v, "default") || (nxos && strcmp(v, "management")))
                return lists[k][i].node;
        }
    return NULL;
}

static bool any_service(const struct device_model *m)
{
    return m->ntp.nservers || m->logging.nhosts;
}

static void settle_ios(struct device_model *m, const struct oob *o)
{
    if (o->mpp) {
        fact_set(&m->mgmt_vrf, FACT_ON, o->mpp);
    } else {
        fact_default(&m->mgmt_vrf, FACT_OFF,
                     o->mpp_any ? "the management-interface (MPP) statements name no interface "
                                  "in a VRF: management answers in the global table"
                                : "no management-interface (MPP) binds management to an "
                                  "interface in the management VRF: management answers in the "
                                  "global table");
        fact_lines_add(&m->mgmt_vrf.ev, o->mpp_any);
    }
}

static void settle_nxos(struct device_model *m, struct oob *o)
{
    const struct cfg_node *g = global_service(m, true);
    if (g && !o->bad)
        o->bad = g;
    if (!o->good && any_service(m) && !g)
        o->good = m->ntp.nservers ? m->ntp.servers[0].node : m->logging.hosts[0].node;
    if (o->bad) {
        fact_set(&m->mgmt_vrf, FACT_OFF, o->bad);
        m->mgmt_vrf.why = "a management service (NTP, syslog or AAA) is not sourced from VRF "
                          "management";
    } else if (o->good) {
        fact_set(&m->mgmt_vrf, FACT_ON, o->good);
    } else {
        fact_default(&m->mgmt_vrf, FACT_OFF,
                     "no NTP, syslog or AAA service uses VRF management (use-vrf management)");
    }
}

static void settle_asa(struct device_model *m, const struct oob *o)
{
    if (o->bad) {
        fact_set(&m->mgmt_vrf, FACT_OFF, o->bad);
        m->mgmt_vrf.why = "an ssh, http or telnet access rule names an interface that is not "
                          "management-only";
    } else if (o->good) {
        fact_set(&m->mgmt_vrf, FACT_ON, o->good);
    }
}

/* A confined management plane that still sends NTP or syslog through the
 * global table is not confined (IOS, EOS). */
static void global_services_too(struct device_model *m)
{
    const struct cfg_node *g = global_service(m, false);
    if (m->mgmt_vrf.state != FACT_ON || !g)
        return;
    fact_set(&m->mgmt_vrf, FACT_OFF, g);
    m->mgmt_vrf.why = "management is bound to a VRF, but an NTP server or syslog collector is "
                      "reached through the global table";
}

/* A FortiOS interface ("edit X"): the allowaccess statement that opens an
 * administrative protocol (NULL if none), and whether it is a management
 * port (name mgmt*, or dedicated-to management). */
static const struct cfg_node *fortios_admin_access(const struct cfg_node *e, bool *mgmt)
{
    static const char *const admin[] = {"ssh", "https", "http", "telnet", "snmp"};
    const struct cfg_node *aa = NULL;
    *mgmt = sv_starts_with(sv_unquote(word(cfg_text(e), 1)), "mgmt");
    for (const struct cfg_node *c = e->child; c; c = c->next) {
        struct sv u = cfg_text(c);
        if (!live(c))
            continue;
        if (sv_starts_with_word(u, "set dedicated-to") && sv_eq_cstr(word(u, 2), "management"))
            *mgmt = true;
        else if (sv_starts_with_word(u, "set allowaccess"))
            for (size_t i = 2; i < sv_token_count(u) && !aa; i++)
                for (size_t k = 0; k < ARRAY_SIZE(admin); k++)
                    if (sv_eq_cstr(word(u, i), admin[k]))
                        aa = c;
    }
    return aa;
}

/* FortiOS: management is out of band when only management ports allow
 * administrative protocols. With the interfaces shown and none allowing
 * one, nothing listens (off, by default); without them the ports keep the
 * model's factory defaults, which the capture does not show. */
static void oob_fortios(const struct cfg_tree *t, struct device_model *m)
{
    const struct cfg_node *bad = NULL, *good = NULL;
    bool shown = false;
    for (const struct cfg_node *n = t->first; n; n = n->next) {
        if (!live(n) || !sv_starts_with_word(cfg_text(n), "config system interface"))
            continue;
        shown = true;
        for (const struct cfg_node *e = n->child; e; e = e->next) {
            bool mgmt;
            if (!live(e) || !sv_starts_with_word(cfg_text(e), "edit"))
                continue;
            const struct cfg_node *aa = fortios_admin_access(e, &mgmt);
            if (aa && mgmt && !good)
                good = aa;
            else if (aa && !mgmt && !bad)
                bad = aa;
        }
    }
    if (bad) {
        fact_set(&m->mgmt_vrf, FACT_OFF, bad);
        m->mgmt_vrf.why = "administrative access is allowed on a port that is not a management "
                          "port";
    } else if (good) {
        fact_set(&m->mgmt_vrf, FACT_ON, good);
    } else if (shown) {
        fact_default(&m->mgmt_vrf, FACT_OFF,
                     "no interface allows administrative access (allowaccess)");
    } else {
        fact_unknown(&m->mgmt_vrf, "no system interface configuration: which ports allow "
                                   "administrative access is the model's factory default");
    }
}

void model_access_oob(const struct cfg_tree *t, struct device_model *m)
{
    struct oob o;
    memset(&o, 0, sizeof(o));
    switch (t->dialect) {
    case DIALECT_CISCO_IOS:
        oob_cisco_walk(&o, t);
        if (m->mgmt_vrf.state != FACT_ON)
            settle_ios(m, &o);
        global_services_too(m);
        break;
    case DIALECT_CISCO_NXOS:
        oob_cisco_walk(&o, t);
        settle_nxos(m, &o);
        break;
    case DIALECT_CISCO_ASA:
        oob_cisco_walk(&o, t);
        settle_asa(m, &o);
        break;
    case DIALECT_ARISTA_EOS:
        global_services_too(m);
        break;
    case DIALECT_FORTINET_FORTIOS:
        oob_fortios(t, m);
        break;
    case DIALECT_NOKIA_SROS:
        if (m->mgmt_vrf.state == FACT_UNKNOWN && !m->mgmt_vrf.why)
            m->mgmt_vrf.why = "the out-of-band port is set in the BOF and the services name the "
                              "management router instance outside what is read here (checks.md: "
                              "verify; op: show bof)";
        break;
    default:
        break;
    }
}
