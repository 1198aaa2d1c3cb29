/*
 * extract_cisco.c - the Cisco-family extractor: fills struct device_model
 * from an IOS/IOS-XE, NX-OS, IOS-XR, ASA or Arista EOS config tree.
 *
 * One pass over the top-level statements, each dispatched through the
 * statement table below (leading words after any "no", dialects, whether
 * the "no" form applies, handler); blocks (lines, ACLs, router bgp,
 * interfaces, ...) read their own children. The handlers live in one file
 * per subject (extract_cisco_<subject>.c) and share extract_cisco.h. Statements whose meaning
 * depends on others (transport defaults that need the telnet server state, ACL names bound before
 * they are defined, BGP inheritance from peer-groups, templates and neighbor-groups) are recorded
 * during the pass and settled by the finish_* functions. Syntax that differs between the dialects
 * is switched on x->d where it is read. Absence is a pass only where checks.md section 18 names the
 * default as secure; otherwise the fact is FACT_UNKNOWN with a why. A fact left untouched (unknown,
 * no why, no evidence) means the platform has no such switch, e.g. the IOS telnet server, which its
 * vty lines decide. Word-prefix matching only: no regex and no per-line allocation beyond the facts
 * themselves; find-or-create lookups that can grow large (ACLs, BGP peers, interfaces, ASA names)
 * go through hashed indexes.
 */
#include "model/extract_cisco.h"
#include "model/extract_rtg.h"

#include <pthread.h>

/* ------------------------------------------------------------ identity */

static bool view_find(struct sv s, const char *needle, size_t *at)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= s.n; i++)
        if (memcmp(s.p + i, needle, n) == 0) {
            *at = i;
            return true;
        }
    return false;
}

/* Version and platform from comment headers the parser dropped. */
static void scan_headers(struct cx *x)
{
    struct device_model *m = x->m;
    size_t len = x->t->len < CX_HEADER_SCAN ? x->t->len : CX_HEADER_SCAN;
    const char *p = x->t->buf, *end = x->t->buf + len;
    while (p && p < end) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        if (!e)
            e = end;
        struct sv l = sv_trim(sv_make(p, (size_t)(e - p)));
        p = e + 1;
        if (l.n == 0 || l.p[0] != '!')
            continue;
        size_t at;
        if (!m->os_version && view_find(l, "IOS XR Configuration", &at)) {
            /* "IOS XR Configuration 7.9.2" or "... Configuration version = 6.2.2" */
            struct sv rest = sv_make(l.p + at, l.n - at), v = tk(rest, 3);
            for (size_t i = 3; i < 6 && v.n && !isdigit((unsigned char)v.p[0]); i++)
                v = tk(rest, i + 1);
            if (v.n && isdigit((unsigned char)v.p[0]))
                m->os_version = dup(x, v);
            if (!m->platform)
                m->platform = "IOS XR";
        } else if (view_find(l, "device:", &at) && view_find(l, ", EOS-", &at)) {
            /* "! device: name (vEOS-lab, EOS-4.31.2F)" */
            const char *v = l.p + at + 6, *ve = v;
            while (ve < l.p + l.n && *ve != ')' && *ve != ',' && *ve != ' ')
                ve++;
            if (!m->os_version && ve > v)
                m->os_version = dup(x, sv_make(v, (size_t)(ve - v)));
            size_t po;
            if (!m->platform && view_find(l, "(", &po)) {
                const char *q = l.p + po + 1, *qe = q;
                while (qe < l.p + l.n && *qe != ',' && *qe != ')')
                    qe++;
                if (qe > q)
                    m->platform = dup(x, sv_trim(sv_make(q, (size_t)(qe - q))));
            }
        } else if (!m->os_version && view_find(l, "NXOS:", &at)) {
            struct sv v = tk(sv_make(l.p + at, l.n - at), 1);
            if (v.n)
                m->os_version = dup(x, v);
        }
    }
}

static bool h_identity(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct device_model *m = x->m;
    if ((starts(s, "hostname") || starts(s, "switchname")) && tk(s, 1).n) {
        m->hostname = dup(x, tk(s, 1));
        m->hostname_node = n;
    } else if (starts(s, "version") && tk(s, 1).n) {
        m->os_version = dup(x, tk(s, 1));
    } else if (starts(s, "ASA Version") || starts(s, "FTD Version")) {
        m->os_version = dup(x, tk(s, 2));
        m->platform = starts(s, "ASA") ? "ASA" : "FTD";
    }
    return true;
}

/* ------------------------------------------------------------ statements */

/* Dialect masks of the rows. */
#define ALL 0u
#define IOS DIALECT_BIT(DIALECT_CISCO_IOS)
#define NXOS DIALECT_BIT(DIALECT_CISCO_NXOS)
#define XR DIALECT_BIT(DIALECT_CISCO_IOSXR)
#define ASA DIALECT_BIT(DIALECT_CISCO_ASA)
#define EOS DIALECT_BIT(DIALECT_ARISTA_EOS)

/* Whether a row applies to the statement's "no" form too (the handler is
 * told which it got) or to the positive form only. */
enum { POS = 0, NEG = 1 };

/* A handler returns whether it understood the statement (coverage). */
typedef bool cx_handler(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);

struct cx_row {
    const char *path;  /* leading words of the statement (after any "no") */
    unsigned dialects; /* DIALECT_BIT mask; ALL = every Cisco-family dialect */
    bool neg;          /* NEG: the "no" form is handled too */
    cx_handler *fn;
};

/*
 * The top-level statements understood, one row each. Rows sharing a first
 * word are tried in this order and the first whose words, dialect and
 * negation match handles the statement. Blocks read their own children.
 */
static const struct cx_row rows[] = {
    /* identity */
    {"hostname", ALL, POS, h_identity},
    {"switchname", ALL, POS, h_identity},
    {"version", ALL, POS, h_identity},
    {"ASA Version", ALL, POS, h_identity},
    {"FTD Version", ALL, POS, h_identity},
    /* access lists */
    {"access-list", ALL, POS, cx_h_access_list},
    {"access-group", ALL, POS, cx_h_access_group},
    {"ipv4 access-list", ALL, POS, cx_h_ip_access_list},
    {"ipv6 access-list", ALL, POS, cx_h_ip_access_list},
    {"name", ASA, POS, cx_h_asa_name},
    /* management services and lines */
    {"ip arp proxy disable", IOS, NEG, cx_h_cpp_ip},
    {"ip icmp", ALL, NEG, cx_h_cpp_ip},
    {"ip route", IOS, POS, cx_h_cpp_ip},
    {"ip routing", IOS, NEG, cx_h_cpp_ip},
    {"ip default-gateway", IOS, POS, cx_h_cpp_ip},
    {"ip ssh server algorithm hostkey", IOS, NEG, cx_h_ip_ssh_crypto},
    {"ip ssh dh min size", IOS, NEG, cx_h_ip_ssh_crypto},
    {"ip dhcp pool", IOS, POS, cx_h_dhcp_pool},
    {"ipv6 dhcp pool", IOS, POS, cx_h_dhcp_pool},
    {"ip prefix-list", IOS | NXOS | EOS, POS, cx_h_prefix_list},
    {"ipv6 prefix-list", IOS | NXOS | EOS | ASA, POS, cx_h_prefix_list},
    {"prefix-list", ASA, POS, cx_h_prefix_list},
    {"ip", ALL, NEG, cx_h_ip},
    {"ssh server algorithms host-key", XR, NEG, cx_h_xr_ssh_hostkey},
    {"ssh key", NXOS, NEG, cx_h_nxos_ssh_key},
    {"ssh", ALL, NEG, cx_h_ssh},
    {"console timeout", ASA, POS, cx_h_asa_console_timeout},
    {"telnet", ALL, NEG, cx_h_telnet},
    {"http", ASA, NEG, cx_h_http_asa},
    {"feature", ALL, NEG, cx_h_feature},
    {"nxapi", ALL, NEG, cx_h_nxapi},
    {"management console", ALL, POS, cx_h_management_console},
    {"management", ALL, POS, cx_h_management},
    {"ftp-server enable", ALL, NEG, cx_h_ftp_server},
    {"tftp-server", ALL, POS, cx_h_tftp_server},
    {"tftp", XR, NEG, cx_h_xr_tftp},
    {"netconf-yang", ALL, NEG, cx_h_netconf},
    {"netconf", ALL, NEG, cx_h_netconf},
    {"restconf", ALL, NEG, cx_h_restconf},
    {"gnxi", ALL, NEG, cx_h_gnxi},
    {"grpc", ALL, POS, cx_h_grpc},
    {"xml agent", ALL, POS, cx_h_xml_agent},
    {"http server", XR, NEG, cx_h_xr_http},
    {"line", ALL, POS, cx_h_line},
    {"vty-pool", ALL, POS, cx_h_vty_pool},
    {"passwd", ALL, POS, cx_h_passwd},
    /* AAA and accounts */
    {"aaa", ALL, NEG, cx_h_aaa},
    {"aaa-server", ALL, POS, cx_h_asa_aaa_server},
    {"tacacs-server", ALL, POS, cx_h_aaa_server_legacy},
    {"radius-server", ALL, POS, cx_h_aaa_server_legacy},
    {"tacacs server", ALL, POS, cx_h_aaa_server_block},
    {"radius server", ALL, POS, cx_h_aaa_server_block},
    {"username", ALL, POS, cx_h_username},
    {"wlan", IOS, POS, cx_h_wireless},
    {"ap profile", IOS, POS, cx_h_wireless},
    {"enable", ALL, POS, cx_h_enable},
    {"password encryption aes", ALL, POS, cx_h_secret_encryption},
    {"key config-key", ALL, POS, cx_h_secret_encryption},
    {"security passwords min-length", ALL, POS, cx_h_password_policy},
    {"password strength-check", ALL, NEG, cx_h_password_policy},
    /* SNMP, NTP, logging */
    {"snmp-server", ALL, NEG, cx_h_snmp},
    {"rmon event", IOS | NXOS, POS, cx_h_rmon_event},
    {"ntp access-group", IOS | NXOS, NEG, cx_h_ntp_serve},
    {"ntp master", IOS | NXOS, NEG, cx_h_ntp_serve},
    {"ntp serve", EOS, NEG, cx_h_eos_ntp_serve},
    {"ntp", ALL, NEG, cx_h_ntp},
    {"logging timestamp", NXOS | ASA, NEG, cx_h_logging_timestamp},
    {"logging format timestamp", EOS, POS, cx_h_logging_format},
    {"logging", ALL, NEG, cx_h_logging},
    {"login", ALL, NEG, cx_h_login},
    {"archive", ALL, POS, cx_h_archive},
    /* legacy services, discovery */
    {"service tcp-keepalives-in", IOS, NEG, cx_h_cpp_service},
    {"service tcp-keepalives-out", IOS, NEG, cx_h_cpp_service},
    {"service timestamps", IOS | XR, NEG, cx_h_service_timestamps},
    {"service", ALL, NEG, cx_h_service},
    {"icmp ipv4 rate-limit unreachable", XR, NEG, cx_h_cpp_icmp},
    {"ipv4 source-route", ALL, NEG, cx_h_ipv4_source_route},
    {"domain lookup disable", ALL, NEG, cx_h_domain_lookup},
    {"cdp", ALL, NEG, cx_h_cdp},
    {"lldp", ALL, NEG, cx_h_lldp},
    {"vstack", ALL, NEG, cx_h_vstack},
    {"clock timezone", ALL, POS, cx_h_clock_timezone},
    /* routing */
    {"router bgp", ALL, POS, cx_h_router_bgp},
    {"router static", XR, POS, cx_h_cpp_router_static},
    {"route-map", IOS | NXOS | EOS | ASA, POS, cx_h_route_map},
    {"route-policy", XR, POS, cx_h_route_policy},
    {"prefix-set", XR, POS, cx_h_prefix_set},
    {"router ospf", ALL, POS, cx_h_router_igp},
    {"router ospfv3", ALL, POS, cx_h_router_igp},
    {"router isis", ALL, POS, cx_h_router_igp},
    {"ipv6 router ospf", ALL, POS, cx_h_router_igp},
    {"router eigrp", ALL, POS, cx_h_router_igp},
    {"key chain", ALL, POS, cx_h_key_chain},
    /* interfaces and mirroring */
    {"interface", ALL, POS, cx_h_interface},
    {"monitor", ALL, POS, cx_h_monitor},
    {"monitor-session", ALL, POS, cx_h_monitor},
    /* crypto */
    {"crypto", ALL, POS, cx_h_crypto},
    {"tunnel-group", ALL, POS, cx_h_tunnel_group},
    {"webvpn", ASA, POS, cx_h_webvpn},
    /* banners, control plane, on-box automation and hosting */
    {"banner", ALL, POS, cx_h_banner},
    {"control-plane", ALL, POS, cx_h_control_plane},
    {"copp profile", ALL, POS, cx_h_copp_profile},
    {"system control-plane", ALL, POS, cx_h_system_control_plane},
    {"event", ALL, POS, cx_h_event},
    {"event-handler", ALL, POS, cx_h_event},
    {"kron policy-list", ALL, POS, cx_h_kron},
    {"scheduler job name", ALL, POS, cx_h_scheduler_job},
    {"schedule", EOS, POS, cx_h_eos_schedule},
    {"daemon", EOS, POS, cx_h_eos_daemon},
    {"appmgr", ALL, POS, cx_h_appmgr},
    {"iox", ALL, POS, cx_h_iox},
    {"app-hosting appid", ALL, POS, cx_h_app_hosting},
    {"virtual-service", ALL, POS, cx_h_virtual_service},
};

static struct stmt_index row_index;
static pthread_once_t row_index_once = PTHREAD_ONCE_INIT;

static void build_row_index(void)
{
    stmt_index_build(&row_index, rows, ARRAY_SIZE(rows), sizeof(rows[0]));
}

/* The row that handles a statement (text s after any "no"), or NULL. */
static const struct cx_row *row_for(const struct cx *x, struct sv s, bool neg)
{
    for (size_t c = stmt_index_first(&row_index, tk(s, 0)); c; c = stmt_index_next(&row_index, c)) {
        const struct cx_row *r = &rows[c - 1];
        if ((neg && !r->neg) || (r->dialects && !(r->dialects & DIALECT_BIT(x->d))))
            continue;
        if (starts(s, r->path))
            return r;
    }
    return NULL;
}

static void top_statement(struct cx *x, const struct cfg_node *n)
{
    bool neg;
    struct sv s = stmt(n, &neg);
    if (tk(s, 0).n == 0)
        return;
    x->nstatements++;
    const struct cx_row *r = row_for(x, s, neg);
    if (r && r->fn(x, n, s, neg))
        x->nunderstood++;
}

/* ------------------------------------------------------------ entry */

void model_extract_cisco(const struct cfg_tree *t, struct device_model *m)
{
    struct cx *x = arena_alloc(t->arena, sizeof(*x));
    x->t = t;
    x->a = t->arena;
    x->m = m;
    x->d = t->dialect;
    x->local_as = -1;
    x->http_port = x->https_port = -1;
    x->cur_if = SIZE_MAX;
    m->dialect = t->dialect;
    m->ssh.port = -1;
    m->ssh.idle_timeout_seconds = -1;
    m->bgp.local_as = -1;

    pthread_once(&row_index_once, build_row_index);
    scan_headers(x);
    for (const struct cfg_node *n = t->first; n; n = n->next)
        if (active(n))
            top_statement(x, n);

    m->coverage.statements = (uint32_t)x->nstatements;
    m->coverage.understood = (uint32_t)x->nunderstood;
    cx_finish_cpp(x);
    cx_finish_interfaces(x);
    cx_finish_bgp(x);
    cx_finish_igp(x);
    cx_finish_ssh(x);
    cx_finish_services(x);
    cx_finish_lines(x);
    cx_finish_aaa(x);
    cx_finish_outbound_roles(x);
    cx_finish_logging(x);
    cx_finish_legacy(x);
    cx_finish_plane(x);
    cx_extract_rtg(x);
    cx_finish_log_time(x);
    cx_finish_ntp_serve(x);
    cx_finish_ssh_hostkey(x);
    cx_finish_tls(x);
    cx_finish_link_crypto(x);
}
