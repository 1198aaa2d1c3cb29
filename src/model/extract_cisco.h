/*
 * extract_cisco.h - internal to the Cisco-family extractor (extract_cisco*.c):
 * the extraction context, the BGP/IGP working records, token helpers and
 * the handlers each file provides.
 * See extract_cisco.c for how the extraction works.
 */

#ifndef TSAUDIT_MODEL_EXTRACT_CISCO_H
#define TSAUDIT_MODEL_EXTRACT_CISCO_H

#include "model/extract.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define CX_MAX_ITEMS 200000 /* cap on any aggregated list (users, neighbours, entries, ...) */
#define CX_MAX_PARENTS 6    /* inheritance links kept per BGP peer set */
#define CX_MAX_INHERIT 8    /* depth of BGP inheritance followed */
#define CX_HEADER_SCAN (64u * 1024u)

/* BGP settings that a neighbour, peer-group, template or XR group carries. */
struct cbgp_set {
    char kind;      /* BK_* below */
    struct sv name; /* neighbour address or group/template name */
    struct sv vrf;
    bool is_group;
    bool in_strong, out_strong; /* policy from a route-map/route-policy (not a prefix filter) */
    char in_kind, out_kind;     /* 'm' route-map/route-policy, 'p' prefix-list, 'o' other */
    bool in_more, out_more;     /* another filter applies in that direction too */
    char parent_kind[CX_MAX_PARENTS];
    const struct cfg_node *node;
    long remote_as;
    const struct cfg_node *remote_as_node;
    struct secret key;
    const struct cfg_node *auth_node;
    bool auth_disabled; /* XR password inheritance-disable */
    const struct cfg_node *gtsm_node;
    const struct cfg_node *maxpfx_node;
    const struct cfg_node *maxpfx_off; /* maximum-routes 0 */
    const char *in_policy, *out_policy;
    const struct cfg_node *in_node, *out_node; /* the statements naming them */
    const struct cfg_node *shutdown_node;
    struct sv parents[CX_MAX_PARENTS];
    size_t nparents;
    struct sv group; /* the peer-group / neighbor-group it belongs to (first parent) */
};

struct cxp_list;
struct cxp_map;

/* An AAA server group: its name and protocol. */
struct cx_aaa_group {
    struct sv name;
    enum aaa_proto proto;
};

/* "snmp-server group NAME ... access|IPv4 ACL" / a user's group. */
struct cx_snmp_group {
    struct sv name;
    const char *acl; /* NULL: a user's group record (user set) */
    size_t user;     /* index in m->snmp.users, for a user's record */
};

/* An interface as IGPs see it: bindings and authentication statements. */
struct cigp_if {
    int proto;          /* 0 ospf, 1 ospfv3, 2 isis, 3 eigrp */
    struct sv instance; /* process / tag; empty = any process */
    struct sv area;
    struct sv ifname;
    bool passive, authed, weak, bound;
    const struct cfg_node *node, *auth_node;
    size_t ifidx; /* index in m->interfaces when read under "interface", else SIZE_MAX */
};

/* A network statement of an OSPF process (IOS/EOS/NX-OS classic form). */
struct cigp_net {
    struct ip_prefix pfx;
    struct sv area;
};

/* An area with message-digest (or IPsec) authentication, and the statement. */
struct cigp_area {
    struct sv area;
    const struct cfg_node *node;
};

/* An IGP process; its lists grow in the device arena (none is truncated). */
struct cigp {
    int proto;
    struct sv name;
    const struct cfg_node *node;
    const struct cfg_node *proc_auth; /* process-level strong authentication */
    const struct cfg_node *proc_weak; /* process-level cleartext authentication */
    struct cigp_area *auth_areas;
    size_t nauth_areas;
    struct sv *weak_areas; /* areas with cleartext authentication */
    size_t nweak_areas;
    bool passive_default;
    struct sv *passive, *active; /* passive-interface X / no passive-interface X */
    size_t npassive, nactive;
    struct cigp_net *nets;
    size_t nnets;
    struct sv *alias; /* EIGRP: the autonomous-system numbers of its address families */
    size_t nalias;
};

/* A "key chain NAME": the weakest "cryptographic-algorithm" of its keys
 * (enum igp_alg; IGP_ALG_UNKNOWN when a key states none) and that line. */
struct cx_keychain {
    struct sv name;
    enum igp_alg alg;
    const struct cfg_node *node;
};

/* An open-addressing index from key hashes to positions in one array, so that
 * find-or-create stays linear on configs with many ACLs or BGP neighbours. */
struct cx_index {
    uint32_t *slot; /* position + 1; 0 = empty */
    uint64_t *hash;
    size_t cap, n;
};

struct cx {
    const struct cfg_tree *t;
    struct arena *a;
    struct device_model *m;
    enum dialect d;

    /* ssh */
    const struct cfg_node *ssh_cfg_node;   /* any statement configuring the server */
    const struct cfg_node *nxapi_vrf_node; /* NX-OS "nxapi use-vrf V" */
    /* SNMP groups' filters and users' groups: a v3 user without a filter of
     * its own is filtered by its group's (settled at the end). */
    struct cx_snmp_group *snmp_groups;
    size_t nsnmp_groups;
    const struct cfg_node *ssh_off_node; /* no feature ssh / management ssh shutdown */
    const struct cfg_node *ssh_ver_node;
    int ssh_ver;                          /* 0 unset, 1, 2, 3 = both */
    const struct cfg_node *ssh_weak_node; /* NX-OS ssh cipher-mode weak */
    bool saw_ciphers, saw_macs, saw_kex, ssh_port_set;
    const struct cfg_node *xr_disable_hmac; /* IOS XR "ssh server disable hmac ..." */
    bool ssh_lines_need_server;             /* XR: lines accept ssh only with ssh server */
    const struct cfg_node *eos_root_node;   /* EOS "aaa root secret": root account enabled */
    const char *ssh_user_ctx;               /* IOS ip ssh pubkey-chain: current username */

    /* telnet */
    const struct cfg_node *telnet_on, *telnet_off;
    bool telnet_via_lines; /* IOS/ASA-style: the lines decide */

    /* http (IOS) */
    const struct cfg_node *http_node, *https_node, *http_acl_node;
    const struct cfg_node *dhcp_pool_node; /* IOS: the first ip|ipv6 dhcp pool */
    bool http_on, https_on;
    const char *http_acl;
    long http_port, https_port;

    /* lines */
    const struct cfg_node *exec_timeout_default; /* unused placeholder for XR line default */
    struct sv *xr_templates_used;                /* grows in the device arena */
    size_t nxr_templates_used;
    const struct cfg_node *vty_pool_node;

    /* console login (MGMT-CONSOLE-AUX) */
    const struct cfg_node *con_line, *con_login, *con_login_local, *con_login_password;
    struct sv con_list;                         /* login authentication LIST on line con */
    const struct cfg_node *aaa_login_default;   /* aaa authentication login default ... */
    const struct cfg_node *aaa_login_console;   /* NX-OS/EOS aaa authentication login console */
    const struct cfg_node *aaa_serial_console;  /* ASA aaa authentication serial console */
    const struct cfg_node *eos_console_timeout; /* EOS management console idle-timeout N>0 */
    struct cx_login_list {
        struct sv name;
        const struct cfg_node *node;
        bool none_only; /* the only method is none: no login at all */
        bool line_only; /* the only method is line: the shared line password */
    } * login_lists;
    size_t nlogin_lists;

    /* aaa */
    const struct cfg_node *aaa_new_model, *aaa_login, *aaa_acct_exec, *aaa_acct_cmds,
        *aaa_authz_cmds, *asa_aaa_login;
    bool login_central, login_local_fallback;
    struct cx_login_list *authz_lists; /* named central command authorisation lists */
    size_t nauthz_lists;
    struct sv *line_authz; /* lists named by "authorization commands" on lines */
    size_t nline_authz;
    struct cx_aaa_group *aaa_groups; /* aaa server groups (for "group NAME"), arena */
    size_t naaa_groups;

    /* logging */
    const struct cfg_node *log_off, *log_on, *log_trap, *login_success, *login_failure,
        *archive_log, *log_level_aaa, *log_level_aaa_low;
    const struct cfg_node *archive_local; /* archive log config without notify syslog */

    /* LOG-SEVERITY: trap/console statements and per-destination levels
     * (NX-OS "logging server X L", XR "... severity S") */
    const struct cfg_node *trap_off, *console_node, *host_level_node;
    int console_lv, host_level_min;
    size_t nhost_levels;

    /* XR "xml agent tty": XML over the terminal session (cleartext when telnet is) */
    const struct cfg_node *xml_tty_node;
    bool trap_low;

    /* ntp */
    const struct cfg_node *ntp_auth, *ntp_trusted, *ntp_key, *ntp_block;

    /* snmp */
    const struct cfg_node *snmp_first, *snmp_off;

    /* legacy, defaults settled at the end */
    const struct cfg_node *spe_node, *secret_enc_node, *pw_policy_node, *pw_policy_off;
    const struct cfg_node *cdp_on, *cdp_off, *lldp_on, *lldp_off;

    /* bgp */
    struct cbgp_set *bsets;
    size_t nbsets;
    struct cx_index bset_ix, acl_ix, if_ix, name_ix;
    long local_as;
    const struct cfg_node *bgp_node;

    /* route-maps, XR route-policies and prefix lists (extract_cisco_policy.c) */
    struct cxp_list *plists;
    size_t nplists;
    struct cxp_map *rmaps;
    size_t nrmaps;
    struct cx_index plist_ix, rmap_ix;
    const struct cfg_node *redist_connected; /* global BGP redistributes connected routes */
    struct sv redist_map;                    /* ... through this route-map / route-policy */

    /* igp */
    struct cigp *igps;
    size_t nigps;
    struct cigp_if *igp_ifs;
    size_t nigp_ifs;
    struct sv *keychains; /* names of key chains with at least one key */
    size_t nkeychains;
    struct cx_keychain *kchains; /* key chains and their cryptographic algorithm */
    size_t nkchains;

    /* interfaces: primary IPv4 address, parallel to m->interfaces (OSPF network match) */
    struct ip_prefix *if_addr;
    struct ip_prefix *if_net; /* parallel: the primary IPv4 subnet (connected route) */
    size_t *if_ospf;          /* parallel: its OSPF entry in igp_ifs, SIZE_MAX if none */
    size_t cur_if;            /* the interface being read, SIZE_MAX outside one */

    /* control plane and management VRF */
    const struct cfg_node *copp_node;
    const struct cfg_node *copp_removed; /* EOS "no service-policy input ..." */
    const struct cfg_node *mpp_oob;
    const struct cfg_node *mgmt_vrf_node;
    const struct cfg_node *ssh_vrf_default, *ssh_vrf_other;

    /* top-level statements seen and handled by a row (coverage) */
    size_t nstatements, nunderstood;

    /* ASA "name ADDR NAME" host aliases */
    struct sv *asa_name, *asa_addr;
    size_t nasa_names;

    /* control plane (extract_cisco_cpp.c): IOS "ip arp proxy disable", EOS
     * "no ip icmp redirect" (both override every interface) */
    const struct cfg_node *arp_proxy_off, *icmp_redirect_off;
    /* IOS: "no ip routing", "ip default-gateway" and the first "ip route" */
    const struct cfg_node *no_ip_routing, *default_gateway, *ip_route;
};

/* ------------------------------------------------------------ tokens */

/* Token i of a view (empty view when absent). */
static inline struct sv tk(struct sv s, size_t i)
{
    struct sv t = sv_token(s, i);
    if (!t.p)
        t = sv_make("", 0);
    return t;
}

static inline bool tk_is(struct sv s, size_t i, const char *w)
{
    return sv_eq_cstr(tk(s, i), w);
}

/* Token i, or a collector redaction written with blanks ("<secret hidden>") joined
 * into one view; *next gets the index after it. */
static inline struct sv tk_value(struct sv s, size_t i, size_t *next)
{
    struct sv a = tk(s, i);
    size_t j = i + 1;
    if (a.n && a.p[0] == '<' && a.p[a.n - 1] != '>') {
        size_t nt = sv_token_count(s);
        for (size_t k = i + 1; k < nt && k < i + 6; k++) {
            struct sv b = tk(s, k);
            if (b.n && b.p[b.n - 1] == '>') {
                a = sv_make(a.p, (size_t)(b.p + b.n - a.p));
                j = k + 1;
                break;
            }
        }
    }
    if (next)
        *next = j;
    return a;
}

/* The text of a node with one leading "no" removed; *neg tells whether it was there. */
static inline struct sv stmt(const struct cfg_node *n, bool *neg)
{
    struct sv s = cfg_text(n);
    *neg = false;
    if (sv_starts_with_word(s, "no")) {
        *neg = true;
        s = sv_after_tokens(s, 1);
    }
    return s;
}

static inline bool starts(struct sv s, const char *words)
{
    return sv_starts_with_word(s, words);
}

static inline bool active(const struct cfg_node *n)
{
    return n && !(n->flags & CFG_INACTIVE);
}

static inline bool cap_ok(size_t n)
{
    return n < CX_MAX_ITEMS;
}

static inline const char *dup(struct cx *x, struct sv s)
{
    if (!s.p || s.n == 0)
        return NULL;
    return model_strdup_unquoted(x->a, s);
}

static inline bool sv_same(struct sv a, struct sv b)
{
    return a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0);
}

static inline uint64_t hash_sv(uint64_t h, struct sv s)
{
    for (size_t i = 0; i < s.n; i++) {
        h ^= (unsigned char)s.p[i];
        h *= 1099511628211ull;
    }
    h ^= 0xff; /* separator between joined keys */
    return h * 1099511628211ull;
}

#define HASH_SEED 14695981039346656037ull

/* ------------------------------------------------------------ sub-statement keys */

/*
 * The key of one row of a sub-statement table (statements inside a block,
 * or the words after a top-level keyword): the words, the dialects it
 * applies to, and which forms it takes. A table's rows start with their key
 * and are tried in order; cx_key_find() gives the next row that matches.
 */
enum cx_form { CX_POS, CX_BOTH, CX_NO }; /* positive only, either form, "no" form only */
enum cx_how {
    CX_WORDS, /* the statement starts with these words */
    CX_FIRST, /* its first token is this word */
    CX_WHOLE, /* it is exactly this text */
};
#define CX_IOS DIALECT_BIT(DIALECT_CISCO_IOS)
#define CX_NXOS DIALECT_BIT(DIALECT_CISCO_NXOS)
#define CX_XR DIALECT_BIT(DIALECT_CISCO_IOSXR)
#define CX_ASA DIALECT_BIT(DIALECT_CISCO_ASA)
#define CX_EOS DIALECT_BIT(DIALECT_ARISTA_EOS)
struct cx_key {
    const char *path;
    unsigned dialects; /* DIALECT_BIT mask; 0 = every dialect */
    unsigned char form, how;
};

/* The first row at or after `from` (of nrows rows of row_size bytes, each
 * starting with a struct cx_key) that matches statement s ("no" removed,
 * neg telling whether it was there); nrows when none does. */
size_t cx_key_find(const struct cx *x, const void *rows, size_t nrows, size_t row_size, size_t from,
                   struct sv s, bool neg);

/* Every row of the array `rows` matching statement s, in table order:
 *   CX_KEY_EACH(i, rows, x, s, neg) if (rows[i].fn(...)) return; */
#define CX_KEY_EACH(i, rows, x, s, neg)                                                            \
    for (size_t i = cx_key_find((x), (rows), ARRAY_SIZE(rows), sizeof((rows)[0]), 0, (s), (neg));  \
         i < ARRAY_SIZE(rows);                                                                     \
         i = cx_key_find((x), (rows), ARRAY_SIZE(rows), sizeof((rows)[0]), i + 1, (s), (neg)))

/* extract_cisco_aaa.c */
bool cx_h_aaa_server_legacy(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_aaa_server_block(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_asa_aaa_server(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_aaa(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
struct account *cx_find_account(struct cx *x, struct sv name, const struct cfg_node *n);
bool cx_h_username(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_wireless(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_enable(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
void cx_finish_aaa(struct cx *x);
/* extract_cisco_roles.c: NX-OS users' roles against ssh/telnet (aaa.outbound_cmds). */
void cx_finish_outbound_roles(struct cx *x);

/* extract_cisco_acl.c */
struct acl *cx_find_or_add_acl(struct cx *x, struct sv name, const struct cfg_node *n);
bool cx_h_asa_name(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
struct sv cx_asa_alias(const struct cx *x, struct sv a);
bool cx_h_ip_access_list(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_access_list(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);

/* extract_cisco_bgp.c */
bool cx_h_router_bgp(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
void cx_finish_bgp(struct cx *x);

/* extract_cisco_policy.c */
bool cx_h_prefix_list(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_prefix_set(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_route_map(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_route_policy(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
/* What a session's filter does: name and kind as struct cbgp_set keeps them. */
void cx_policy_summary(struct cx *x, const char *name, char kind, bool more,
                       struct policy_summary *s);
/* Outbound: whether s lets an interface's subnet out while BGP redistributes
 * connected routes (accepts_connected). */
void cx_policy_connected(struct cx *x, const struct bgp_neighbor *nb, struct policy_summary *s);

/* extract_cisco_iface.c */
bool cx_h_interface(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_access_group(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
void cx_finish_interfaces(struct cx *x);
bool cx_h_monitor(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);

/* extract_cisco_igp.c */
bool cx_h_router_igp(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
void cx_igp_if_stmt(struct cx *x, struct sv ifname, struct sv t, const struct cfg_node *c);
void cx_finish_igp(struct cx *x);
bool cx_h_key_chain(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);

/* extract_cisco_ipsec.c */
void cx_h_ip_security(struct cx *x, const struct cfg_node *n);
bool cx_h_crypto(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
/* OSPFv3 IPsec authentication or encryption on interface itf (statement c, text t). */
void cx_ospf_ipsec(struct cx *x, const struct cfg_node *itf, const struct cfg_node *c, struct sv t);
bool cx_h_tunnel_group(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_webvpn(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);

/* extract_cisco_legacy.c */
void cx_legacy_set(struct fact_bool *f, bool on, const struct cfg_node *n);
bool cx_h_service(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_ip(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_cdp(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_lldp(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_vstack(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_secret_encryption(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_password_policy(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_domain_lookup(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_ipv4_source_route(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
void cx_finish_legacy(struct cx *x);

/* extract_cisco_lines.c */
bool cx_h_line(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_vty_pool(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_passwd(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
void cx_finish_lines(struct cx *x);

/* extract_cisco_logging.c */
bool cx_h_logging(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_login(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_archive(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
void cx_finish_logging(struct cx *x);

/* extract_cisco_logsrc.c */
void cx_finish_sources(struct cx *x);

/* extract_cisco_mgmt.c */
void cx_add_unique_str(struct cx *x, const char ***arr, size_t *n, struct sv v);
/* An IOS release shown as 12.x or older ("version 12.4"). */
bool cx_ios_12_or_older(const struct cx *x);
struct mgmt_service *cx_svc(struct cx *x, const char *name, bool cleartext, enum fact_state st,
                            const struct cfg_node *n);
void cx_ssh_configured(struct cx *x, const struct cfg_node *n);
void cx_ssh_ciphers(struct cx *x, struct sv s, size_t i, const struct cfg_node *n);
void cx_ssh_macs(struct cx *x, struct sv s, size_t i, const struct cfg_node *n);
void cx_ssh_kex(struct cx *x, struct sv s, size_t i, const struct cfg_node *n);
bool cx_h_ssh(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_asa_console_timeout(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_telnet(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_http_asa(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
void cx_h_ip_http(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_feature(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_nxapi(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
const struct cfg_node *cx_eos_shutdown(const struct cfg_node *blk, bool *on);
void cx_eos_access_groups(struct cx *x, const struct cfg_node *blk, const char *service,
                          const char **first_acl);
bool cx_h_management_console(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_management(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_xr_tftp(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_netconf(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_restconf(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_gnxi(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_grpc(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_xml_agent(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_dhcp_pool(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_xr_http(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_tftp_server(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_ftp_server(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
void cx_finish_ssh(struct cx *x);
void cx_finish_services(struct cx *x);
void cx_finish_snmp_groups(struct cx *x);

/* extract_cisco_ntp.c */
bool cx_h_ntp(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);

/* extract_cisco_onbox.c */
bool cx_h_banner(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_control_plane(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_event(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_appmgr(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_iox(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_app_hosting(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_virtual_service(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_kron(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_scheduler_job(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_eos_daemon(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_eos_schedule(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_copp_profile(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_system_control_plane(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
void cx_finish_plane(struct cx *x);

/* extract_cisco_cpp.c: ICMP behaviour and TCP keepalives (struct cpp_facts) */
bool cx_h_cpp_ip(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_cpp_service(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_cpp_icmp(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_cpp_router_static(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
/* An interface statement about ICMP responders (mask reply, IRDP): handled? */
bool cx_cpp_if_stmt(struct cx *x, struct sv t, bool neg, const struct cfg_node *c);
/* After an interface block: IOS IPv6 redirects fold into f->redirects. */
void cx_cpp_if_done(struct cx *x, struct interface *f, const struct cfg_node *n);
/* Device-wide overrides applied to the interfaces, and the defaults; runs
 * before cx_finish_interfaces. */
void cx_finish_cpp(struct cx *x);

/* extract_cisco_snmp.c */
bool cx_h_rmon_event(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_snmp(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);

/* extract_cisco_crypto.c */
bool cx_h_ip_ssh_crypto(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_xr_ssh_hostkey(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_nxos_ssh_key(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
void cx_finish_ssh_hostkey(struct cx *x);

/* extract_cisco_link.c */
void cx_finish_link_crypto(struct cx *x);

/* extract_cisco_tls.c */
void cx_finish_tls(struct cx *x);

/* extract_cisco_time.c */
bool cx_h_service_timestamps(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_logging_timestamp(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_logging_format(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_clock_timezone(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
void cx_finish_log_time(struct cx *x);
bool cx_h_ntp_serve(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
bool cx_h_eos_ntp_serve(struct cx *x, const struct cfg_node *n, struct sv s, bool neg);
void cx_finish_ntp_serve(struct cx *x);

/* extract_cisco_util.c */
size_t cx_ix_next(const struct cx_index *ix, uint64_t h, size_t *it);
void cx_ix_add(struct arena *a, struct cx_index *ix, uint64_t h, size_t pos);
bool cx_sv_is_dotted(struct sv s);
bool cx_sv_is_addrish(struct sv s);
struct secret cx_cisco_secret(struct cx *x, struct sv s, size_t i, const struct cfg_node *n,
                              size_t *next);

#endif
