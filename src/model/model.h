/*
 * model.h - the vendor-independent security model of one device.
 *
 * One extractor per dialect family (model_extract_*) reads the config tree
 * and fills the same struct device_model, so that checks never look at
 * vendor syntax. Every fact keeps the statements that prove it (struct
 * fact_lines). Inactive statements count as absent. Where a statement is
 * absent the extractor records the platform default only when it is known
 * (reference: checks.md section 18); otherwise the fact is FACT_UNKNOWN with
 * a reason. Everything is allocated in the device arena.
 *
 * Secrets: fields named `secret` hold a view of the secret value for fleet
 * fingerprints only. They are never printed by anything but --show-secrets.
 */
#ifndef TSAUDIT_MODEL_H
#define TSAUDIT_MODEL_H

#include "ingest/ingest.h"

/* The statements that prove a fact (first few; evidence for reports). */
#define FACT_MAX_LINES 6
struct fact_lines {
    const struct cfg_node *nodes[FACT_MAX_LINES];
    uint8_t n;
};
void fact_lines_add(struct fact_lines *l, const struct cfg_node *n);

enum fact_state {
    FACT_UNKNOWN = 0, /* the config cannot tell (see why) */
    FACT_OFF,
    FACT_ON,
};

/* A yes/no property of the device. */
struct fact_bool {
    enum fact_state state;
    bool is_default; /* not configured: state is the documented platform default */
    const char *why; /* reason when FACT_UNKNOWN (or a note about the default) */
    struct fact_lines ev;
};
void fact_set(struct fact_bool *f, enum fact_state s, const struct cfg_node *n);
void fact_default(struct fact_bool *f, enum fact_state s, const char *note);
void fact_unknown(struct fact_bool *f, const char *why);

/* ------------------------------------------------------------ secrets */

enum secret_type {
    SECRET_NONE = 0,          /* no secret configured */
    SECRET_PLAINTEXT,         /* cleartext (Cisco type 0, VRP simple, quoted plain) */
    SECRET_CISCO7,            /* Cisco type 7 (reversible) */
    SECRET_CISCO6,            /* Cisco type 6 (AES, reversible with the master key) */
    SECRET_MD5,               /* Cisco type 5 / $1$ md5-crypt / ASA encrypted (md5) */
    SECRET_SHA256_CRYPT,      /* $5$ */
    SECRET_SHA512_CRYPT,      /* $6$ / sha512 */
    SECRET_CISCO8,            /* PBKDF2-SHA256 */
    SECRET_CISCO9,            /* scrypt */
    SECRET_PBKDF2,            /* ASA pbkdf2 and similar strong KDFs */
    SECRET_JUNOS9,            /* Junos $9$ reversible obfuscation */
    SECRET_JUNOS8,            /* Junos $8$ AES with master password */
    SECRET_VRP_CIPHER,        /* Huawei cipher (reversible) */
    SECRET_VRP_IRREVERSIBLE,  /* Huawei irreversible-cipher (hash) */
    SECRET_SROS_HASH,         /* SR OS hash */
    SECRET_SROS_HASH2,        /* SR OS hash2 */
    SECRET_FORTI_ENC,         /* FortiOS ENC (reversible) */
    SECRET_REDACTED,          /* removed by the collector (RANCID FILTER_PWDS, Oxidized) */
    SECRET_OTHER_HASH,        /* a one-way hash of an unidentified scheme */
    SECRET_CISCO4,            /* Cisco type 4 (unsalted SHA-256, broken) */
    SECRET_FORTI_SH2,         /* FortiOS admin "ENC SH2...": salted SHA-256, one round */
    SECRET_FORTI_ENC_PRIVATE, /* FortiOS ENC under private-data-encryption (AES, own key) */
    SECRET_COUNT
};
/* "plaintext", "cisco-type7", ... used in <redacted:...> and messages. */
const char *secret_type_name(enum secret_type t);
/* Strong one-way storage (type 8/9, sha512-crypt, pbkdf2, scrypt, hash2...). */
bool secret_type_is_strong_hash(enum secret_type t);
/* Reversible or cleartext storage. */
bool secret_type_is_reversible(enum secret_type t);

struct secret {
    enum secret_type type;
    struct sv value; /* the stored value (for fingerprints only) */
    const struct cfg_node *node;
};

/* --------------------------------------------------------- access lists */

struct acl_entry {
    bool permit;
    bool src_any;         /* any / 0.0.0.0/0 / ::/0 */
    struct ip_prefix src; /* valid when !src_any && src.af */
    bool unresolved;      /* object-group or name the extractor could not resolve */
    /* The entry only matches traffic that is not management (a term limited
     * to BGP/OSPF/LDP/BFD/ICMP/NTP ports or protocols on a receive filter
     * such as the Junos lo0 filter); allow-list checks skip it. */
    bool not_mgmt;
    /* Interface filters (Cisco-family ACLs, Junos firewall filters, VRP ACL
     * rules, SR OS ip-filters) also record the destination and whether the
     * entry matches every packet between its addresses (no protocol, port,
     * flag, fragment or other condition). Left false/zero elsewhere, which
     * reads as "narrower or unknown". */
    bool matches_all;
    bool dst_any;         /* any / 0.0.0.0/0 / ::/0 */
    struct ip_prefix dst; /* valid when !dst_any && dst.af */
    bool dst_unresolved;  /* object-group, prefix list or name not resolved */
    /* Cisco family and VRP rules: the protocol is ICMP or a routing
     * protocol carried straight over IP (model_proto_icmp_or_routing). */
    bool icmp_or_routing;
    /* Matches are logged (Cisco "log"/"log-input", Junos "then syslog|log",
     * VRP "logging", SR OS "log N"; LOG-ACL-DENY). */
    bool log;
    const struct cfg_node *node;
};

struct acl {
    const char *name;
    struct acl_entry *entries;
    size_t n;
    /* Packets no entry matches pass (SR OS "default-action forward");
     * false: the platform's implicit end applies. */
    bool default_permit;
    /* The family it filters where the dialect keeps IPv4 and IPv6 lists
     * apart under the same name (VRP "acl number 3999" and "acl ipv6 number
     * 3999"): 4 or 6; 0 where the model does not tell. */
    uint8_t af;
    const struct cfg_node *node; /* the definition */
};

/* A way to reach the management plane and the filter that guards it. */
struct mgmt_path {
    const char *service;   /* "vty", "ssh", "http", "snmp", "netconf", "mpp", "lo0-filter", ... */
    const char *acl_name;  /* NULL = no filter on this path */
    const struct acl *acl; /* resolved definition, NULL if missing/undefined */
    bool acl_undefined;    /* named but not defined in the config */
    const struct cfg_node *node;
};

/* --------------------------------------------------------------- lines */

enum line_kind { LINE_VTY, LINE_CONSOLE, LINE_AUX, LINE_OTHER };

struct mgmt_line {
    const char *name; /* "vty 0 4", "console 0", "user-interface vty 0 4" */
    enum line_kind kind;
    struct fact_bool telnet_in; /* inbound telnet accepted */
    struct fact_bool ssh_in;
    struct fact_bool any_out;        /* outbound transport other than none/ssh (MGMT-OUTBOUND) */
    struct fact_bool login_disabled; /* no login / no exec (console/aux hardening) */
    long timeout_seconds;            /* effective idle timeout; -1 unknown; 0 = never */
    bool timeout_is_default;
    const char *acl_in; /* access-class in */
    const struct acl *acl;
    const struct cfg_node *node;
    const struct cfg_node *timeout_node;
    const struct cfg_node *transport_node;
};

/* -------------------------------------------------------------- services */

struct ssh_facts {
    struct fact_bool enabled;
    struct fact_bool v1_allowed; /* SSHv1 or compatibility mode */
    long port;                   /* 22 unless configured; -1 unknown */
    const char **ciphers;        /* explicit list, NULL/0 = platform default */
    size_t nciphers;
    const char **macs;
    size_t nmacs;
    const char **kex;
    size_t nkex;
    struct fact_lines algo_ev;
    struct fact_bool weak_ciphers; /* CBC/3DES/arcfour in effect */
    struct fact_bool weak_macs;    /* MD5/SHA1-96 etc. in effect */
    /* the default list above is the one this platform's release offers:
     * the configuration's version line is its evidence */
    bool ciphers_cite_release, macs_cite_release;
    struct fact_bool root_login; /* Junos/SR OS root/admin login over SSH permitted */
    long idle_timeout_seconds;   /* service-level idle timeout; -1 unknown */
    struct fact_lines ev;
};

/*
 * The management services the extractors record, one row each in the table
 * of src/model/vocab.c with the properties checks test (a check never
 * compares service names). Adding a service is one enum value and one row.
 */
enum svc_kind {
    SVC_UNKNOWN = 0, /* a name not in the table (tests/unit/test_vocab.c) */
    SVC_TELNET,
    SVC_SSH_ROTARY,
    SVC_HTTP,
    SVC_HTTPS,
    SVC_NETCONF,
    SVC_RESTCONF,
    SVC_REST,
    SVC_REST_HTTPS,
    SVC_GNMI,
    SVC_GRPC,
    SVC_GRPC_TLS,
    SVC_EAPI,
    SVC_NXAPI,
    SVC_XML_AGENT,
    SVC_XML_AGENT_TLS,
    SVC_XML_AGENT_TTY,
    SVC_FTP_SERVER,
    SVC_TFTP_SERVER,
    SVC_SCP_SERVER,
    SVC_SFTP_SERVER,
    SVC_FINGER,
    SVC_RLOGIN,
    SVC_RSH,
    SVC_XR_HTTP, /* IOS XR 'http server': the HTTP transport of its XML/CORBA APIs */
    SVC_KIND_COUNT
};

/* Properties of a service kind (bits of svc_kind_info.props). */
enum {
    SVCP_WEB = 1u << 0,       /* a web (HTTP/HTTPS) management server: MGMT-WEB */
    SVCP_API = 1u << 1,       /* a programmable interface: MGMT-API-TRANSPORT */
    SVCP_FILE_XFER = 1u << 2, /* moves files in clear (FTP/TFTP/RCP family): MGMT-FILE-XFER */
    SVCP_TLS = 1u << 3,       /* speaks TLS when not marked cleartext: CRYPTO-TLS */
    SVCP_GRPC = 1u << 4,      /* gRPC family, whose "no TLS" mode is a finding: CRYPTO-TLS */
};

struct svc_kind_info {
    const char *name;  /* the name reports print and extractors pass */
    unsigned props;    /* SVCP_* bits */
    long default_port; /* the port it listens on unless moved; -1 none */
};

/* The row of a kind (SVC_UNKNOWN's row for out-of-range values). */
const struct svc_kind_info *svc_info(enum svc_kind k);
/* The kind of a service name; SVC_UNKNOWN when no row has it. */
enum svc_kind svc_kind_of(const char *name);
/* Whether a service's kind has every property in props. */
#define SVC_HAS(s, p) ((svc_info((s)->kind)->props & (p)) == (p))

struct mgmt_service {
    enum svc_kind kind;   /* set from name by model_add_service */
    const char *name;     /* the kind's name, as reports print it */
    bool cleartext;       /* carries credentials or data unencrypted */
    long port;            /* -1 = default */
    const char *acl_name; /* filter bound to the service, NULL = none */
    const char *vrf;
    struct fact_bool state;
};

/*
 * What runs on the box besides the network OS: one row per kind in
 * src/model/vocab.c with the class checks test (a shell or hosted
 * application for MGMT-ONBOX-SHELL, a script or scheduler for
 * SVC-ONBOX-SCRIPTS).
 */
enum onbox_kind {
    ONBOX_UNKNOWN = 0, /* a name not in the table */
    ONBOX_GUESTSHELL,
    ONBOX_BASH,
    ONBOX_SHELL, /* a user whose login shell is a Linux shell */
    ONBOX_APP_HOSTING,
    ONBOX_PYTHON,
    ONBOX_DAEMON,
    ONBOX_EXTENSION, /* Junos SDK/JET provider */
    ONBOX_EEM,
    ONBOX_KRON,
    ONBOX_EVENT_HANDLER,
    ONBOX_SCHEDULER,
    ONBOX_CRON,
    ONBOX_OPS_ASSISTANT,
    ONBOX_JUNOS_OP_SCRIPT,
    ONBOX_JUNOS_COMMIT_SCRIPT,
    ONBOX_JUNOS_EVENT_SCRIPT,
    ONBOX_FORTI_STITCH,      /* FortiOS automation stitch */
    ONBOX_FORTI_AUTO_SCRIPT, /* FortiOS auto-script */
    ONBOX_KIND_COUNT
};

enum {
    ONBOXP_HOSTED = 1u << 0,      /* a shell or hosted application (else a script/scheduler) */
    ONBOXP_LINUX_SHELL = 1u << 1, /* an interactive Linux shell outside CLI authorisation */
};

struct onbox_kind_info {
    const char *name; /* as reports print it and extractors pass it */
    unsigned props;   /* ONBOXP_* bits */
};

const struct onbox_kind_info *onbox_info(enum onbox_kind k);
enum onbox_kind onbox_kind_of(const char *name);
#define ONBOX_HAS(o, p) ((onbox_info((o)->type)->props & (p)) == (p))

struct onbox_item {
    enum onbox_kind type; /* set from kind by model_add_onbox */
    const char *kind;     /* the kind's name */
    const char *name;
    bool risky; /* actions that change config, clear logs, copy files out */
    const struct cfg_node *node;
};

/* -------------------------------------------------------------------- AAA */

enum aaa_proto { AAA_TACACS, AAA_RADIUS, AAA_LDAP, AAA_OTHER };

struct aaa_server {
    enum aaa_proto proto;
    const char *host;      /* address or name as written */
    struct ip_prefix addr; /* when host is an address */
    struct secret key;
    const struct cfg_node *node;
};

struct aaa_facts {
    struct fact_bool central_login;   /* login authenticated by a central server */
    struct fact_bool local_fallback;  /* local accounts used when the servers are down */
    struct fact_bool accounting_exec; /* session accounting */
    struct fact_bool accounting_cmds; /* command accounting */
    struct fact_bool authz_cmds;      /* per-command authorisation */
    /* Outbound ssh/telnet from the CLI as the local roles or login classes
     * decide it (MGMT-OUTBOUND): ON an account that is not an administrator
     * may run them; OFF every account is denied them; UNKNOWN with why when
     * only administrators or an authorisation server may, which site policy
     * or the server decides; untouched where the extractor does not judge. */
    struct fact_bool outbound_cmds;
    struct aaa_server *servers;
    size_t nservers;
    struct fact_lines ev;
};

struct account {
    const char *name;
    int privilege;    /* 0-15 scale where known, -1 unknown */
    const char *role; /* class/role/level text as written */
    bool root_group;  /* IOS XR: in root-system or root-lr, the groups with every right */
    struct secret secret;
    bool has_ssh_key;
    const struct cfg_node *ssh_key_node; /* the statement binding the key, when not node */
    /* The account logs in with an empty password: no secret, no key and no
     * certificate stand in for one (a FortiOS administrator without "set
     * password"). */
    bool blank_password;
    /* Not in the file: the platform's factory account, present because no
     * configuration replaces it (FortiOS "admin" without "config system
     * admin"); node is NULL. */
    bool factory;
    const struct cfg_node *node;
};

/* ------------------------------------------------------------------- SNMP */

struct snmp_community {
    struct secret name;   /* the community string is a secret */
    bool write;           /* RW access */
    const char *acl_name; /* NULL = unrestricted */
    const struct acl *acl;
    const struct cfg_node *node;
    const struct cfg_node *access_node; /* the statement granting read or write, if not node */
};

struct snmp_user {
    const char *name;
    const char *auth; /* "none", "md5", "sha", "sha-256", ... ; NULL unknown */
    const char *priv; /* "none", "des", "3des", "aes128", ... ; NULL unknown */
    const char *acl_name;
    const struct cfg_node *node;
    struct fact_lines ev; /* the statements that set auth and priv (when not node) */
    const char *role;     /* NX-OS: the role named on the user line; NULL none */
};

struct snmp_facts {
    struct fact_bool enabled;
    struct snmp_community *communities;
    size_t ncommunities;
    struct snmp_user *users;
    size_t nusers;
    const char **trap_hosts;
    size_t ntrap_hosts;
    /* Communities only sent with notifications (IOS/NX-OS "rmon event ...
     * trap C"): no access, but a string SNMP-DEFAULT-COMMUNITY judges. */
    struct snmp_community *trap_communities;
    size_t ntrap_communities;
    struct fact_lines v3_write; /* SNMPv3 groups with a write view */
};

/* -------------------------------------------------------------- time, logs */

struct host_ref {
    const char *host;      /* as written */
    struct ip_prefix addr; /* af=0 when a name */
    bool keyed;            /* NTP: key bound to this server */
    bool tls;              /* syslog: sent over TLS (LOG-TRANSPORT) */
    const char *vrf;
    const struct cfg_node *node;
};

struct ntp_facts {
    struct host_ref *servers;
    size_t nservers;
    struct fact_bool auth_enabled; /* authentication on and keys trusted */
    struct fact_lines ev;
};

/*
 * A syslog severity threshold: messages at this level or more severe pass
 * (0 emergencies .. 7 debugging), or LOG_LEVEL_OFF when nothing is sent.
 * known = false: the config cannot tell (why), or the extractor does not
 * read it on this platform (no why, no lines); level is then the most
 * verbose it can be given what is configured (7 = no bound).
 */
#define LOG_LEVEL_OFF (-1)
struct log_level {
    bool known;
    int level;
    bool is_default; /* not configured: the documented platform default */
    const char *why; /* reason when unknown, or a note on the default */
    struct fact_lines ev;
};
void log_level_set(struct log_level *l, int level, const struct cfg_node *n);
void log_level_default(struct log_level *l, int level, const char *note);
void log_level_unknown(struct log_level *l, const char *why);
/* Severity of a level word ("informational", "info", "notice", "6", Junos
 * "any" = 7, FortiOS "information") or -1 when it is not one. */
int log_level_parse(struct sv w);
/* "emergencies" .. "debugging", "off". */
const char *log_level_name(int level);

struct logging_facts {
    struct host_ref *hosts;
    size_t nhosts;
    struct fact_bool login_events;   /* successful/failed logins recorded */
    struct fact_bool config_changes; /* configuration changes recorded */
    struct fact_bool suppressed;     /* logging switched off or trap level too low */
    const char *trap_level;
    struct fact_lines ev;
    /* LOG-SEVERITY: what the remote collectors receive (of several
     * destinations, the least verbose), and the console threshold. */
    struct log_level remote_level;
    struct log_level console_level;
    /* A firewall's policy table (FortiOS): its deny policies and the
     * implicit deny at its end log what they drop; why says which does
     * not, or what is not known. Untouched where filters are ACLs. */
    struct fact_bool policy_denies;
};

/* ------------------------- logging: source interfaces, transport, flows */

/*
 * A fixed source for the packets of a management protocol (LOG-SOURCE):
 * "logging source-interface Loopback0", "system syslog source-address A",
 * or the platform's own choice where it is documented (by_design: SR OS
 * sends from the system address, NX-OS from mgmt0 in the management VRF).
 */
struct mgmt_source {
    const char *service; /* "syslog", "tacacs", "radius", "ntp", "snmp-trap" */
    const char *ifname;  /* the interface named, or resolved from addr; NULL unresolved */
    const char *addr;    /* the source address as written, when given as one */
    const char *vrf;     /* the VRF it applies to; NULL = global or every VRF */
    bool by_design;      /* not configured: the documented platform behaviour */
    const char *note;    /* why, for by_design */
    const struct cfg_node *node;
};

/* ---------------------------------------------------------------- routing */

/* Routes for prefixes inside p whose length is ge..le (a prefix-list entry's
 * reach, or a range of routes a check asks about). */
struct prefix_range {
    struct ip_prefix p;
    uint8_t ge, le;
};

/* One entry of a prefix list (IOS/NX-OS/EOS ip and ipv6 prefix-list, IOS XR
 * prefix-set, whose entries all permit); the first entry that matches decides. */
struct rp_entry {
    struct prefix_range r;
    bool permit;
    const struct cfg_node *node;
};

struct rp_list {
    const char *name;
    struct rp_entry *e;
    size_t n;
    const struct cfg_node *node;
};

/* A condition: the route is in one of lists (an undefined name is NULL and
 * may match anything), and "other" conditions (community, AS path, an ACL)
 * the model does not decide. family 4 or 6 restricts the lists to routes of
 * that family (a route-map's "match ip" / "match ipv6"): other routes may
 * match or not, the platforms differ. No list and no other: always true. */
#define RP_MAX_LISTS 4
struct rp_cond {
    const struct rp_list *lists[RP_MAX_LISTS];
    uint8_t nlists, family;
    bool has_lists, other, negate;
};

enum rp_act {
    RP_NONE,    /* set, and other statements without effect on acceptance */
    RP_PERMIT,  /* route-map permit clause, XR done: accepted, evaluation ends */
    RP_DENY,    /* route-map deny clause, XR drop: rejected, evaluation ends */
    RP_PASS,    /* XR pass, route-map permit with continue: accepted unless later rejected */
    RP_UNKNOWN, /* XR apply and what the model does not read: either way */
};

/* One statement of a route policy. An "if" is followed by its then-block
 * (nthen statements, nested blocks counted in) and its else-block (nelse). */
struct rp_stmt {
    bool is_if;
    enum rp_act act;
    struct rp_cond cond;
    uint32_t nthen, nelse;
    const struct cfg_node *node;
};

/* A route-map (clauses as "if match then permit|deny"), a prefix list used
 * as a session's filter (one "if in list then permit"), or an IOS XR
 * route-policy. Every kind rejects what falls off its end. */
struct route_policy {
    const char *name;
    struct rp_stmt *s;
    size_t n;
    bool route_map; /* a deny after a continue: the platforms differ */
    const struct cfg_node *node;
};

/* What a session's chain of export or import policies does, where the model
 * reads policy terms (Junos, SR OS: extract_bgp_policy.c), route-maps and
 * route-policies (Cisco family, EOS: extract_cisco_policy.c) or prefix lists
 * and clause maps (VRP, FortiOS inbound: extract_plist.c); known false
 * elsewhere or without a policy. */
struct policy_summary {
    bool known;
    bool ends_in_reject;    /* an unconditional reject ends the chain: nothing falls through */
    bool accepts_all;       /* a term accepts with no condition (or only "protocol bgp") */
    bool accepts_connected; /* a term accepts "protocol direct": interface and loopback routes */
    bool accepts_some;      /* some term accepts */
    bool filters_prefixes;  /* some term matches on prefixes (route-filter, prefix-list) */
    const char *undefined;  /* the first policy of the chain not defined here */
    const struct cfg_node *accepts_all_node, *connected_node;
    const struct route_policy *policy; /* its clauses, where read */
};

enum policy_verdict { POLICY_UNSURE, POLICY_DENIES, POLICY_PERMITS };

/* What the session's policy does with the routes of r, where its clauses
 * are read (s->policy): POLICY_DENIES when it rejects every one of them,
 * POLICY_PERMITS when it surely accepts one (*witness; node[0] the statement
 * that accepts it, node[1] the list entry it matched, either NULL), and
 * POLICY_UNSURE otherwise (route_policy.c). */
enum policy_verdict model_policy_range(const struct policy_summary *s, const struct prefix_range *r,
                                       struct ip_prefix *witness, const struct cfg_node *node[2]);

struct bgp_neighbor {
    const char *addr;  /* neighbour address or interface as written */
    const char *group; /* peer-group / template / Junos group, NULL if none */
    long remote_as;    /* -1 unknown */
    bool ebgp;         /* remote AS differs from local (or declared external) */
    bool shutdown;
    struct fact_bool auth; /* password / TCP-AO / key-chain, inherited included */
    enum secret_type auth_type;
    struct secret key;
    struct fact_bool gtsm; /* ttl-security / ttl-security hops / ttl check */
    struct fact_bool max_prefix;
    const char *in_policy; /* route-map / route-policy / import policy, inherited included */
    /* other import filters that apply to the session too and are not part of
     * in_policy (VRP: a family-wide filter-policy, the group's filters of
     * other kinds), in words for messages; NULL when none */
    const char *in_also;
    struct policy_summary in_summary, out_summary; /* what the chains do, where read */
    const char *out_policy;
    const struct cfg_node *in_policy_node, *out_policy_node; /* the statements that bind them */
    const struct cfg_node *node;
    /* Routing instance / VRF / VPRN the session belongs to; NULL = the
     * global (base) instance. Added for PE configs with per-VRF BGP. */
    const char *vrf;
};

struct bgp_facts {
    bool configured;
    long local_as;
    struct bgp_neighbor *neighbors;
    size_t nneighbors;
    const struct cfg_node *node;
    /* Sessions the configuration accepts without saying whether they are
     * eBGP (a FortiOS neighbor-range whose group filters remote ASes, or
     * names a group not configured here): why, and where. No eBGP check can
     * pass while they are there. */
    const char *unclassified;
    const struct cfg_node *unclassified_node;
};

/* The algorithm of an IGP's authentication (checks.md RTG-IGP-AUTH wants
 * HMAC-SHA). IGP_ALG_UNSET: the extractor does not grade it. */
enum igp_alg { IGP_ALG_UNSET = 0, IGP_ALG_SHA, IGP_ALG_UNKNOWN, IGP_ALG_MD5 };

struct igp_instance {
    const char *proto; /* "ospf", "ospfv3", "isis" */
    const char *name;
    struct fact_bool auth; /* authentication on every adjacency that carries routes */
    /* The weakest algorithm among the authenticated adjacencies (MD5 worse
     * than not visible, worse than HMAC-SHA), the statement that shows it and,
     * for IGP_ALG_UNKNOWN, why it is not visible. */
    enum igp_alg alg;
    const struct cfg_node *alg_node;
    const char *alg_why;
    const struct cfg_node *node;
    bool no_interface; /* its network statements take in no interface: no adjacency can form */
};

/* ------------------------------------------------------------ interfaces */

struct interface {
    const char *name;
    const char *description; /* view text, NULL if none */
    bool shutdown;
    bool is_loopback, is_tunnel, is_mgmt;
    bool has_ip;
    /* Its own addresses (Cisco family): IPv4 and IPv6 hosts, primary and
     * secondary; an EUI-64 IPv6 address stands as its prefix; link-local
     * ones are left out. addr_unwritten: an address is learned (DHCP,
     * negotiated, autoconfig) or built from a general prefix. has_ipv6: an
     * IPv6 address of any kind. */
    struct ip_prefix *addrs;
    size_t naddrs;
    bool addr_unwritten, has_ipv6;
    struct fact_bool urpf;
    const char *acl_in, *acl_out;
    /* Cisco family: the inbound IPv6 ACL (ipv6 traffic-filter NAME in, XR
     * ipv6 access-group NAME ingress), NULL if none. */
    const char *acl6_in;
    struct fact_bool proxy_arp, redirects, unreachables, directed_broadcast;
    /* CDP/LLDP on this interface: OFF when disabled here (no cdp enable, lldp
     * transmit/receive disabled, lldp interface X disable); left untouched
     * when nothing is configured on the interface (the global setting applies). */
    struct fact_bool discovery;
    const char *tunnel_dest; /* tunnels */
    const char *tunnel_mode;
    const struct cfg_node *tunnel_dest_node; /* the statement naming tunnel_dest, if not node */
    const struct cfg_node *node;
};

/*
 * A security zone of a Junos SRX in flow mode. Traffic to the device itself
 * is first limited by the host-inbound-traffic of the zone of the interface
 * it arrives on (nothing is admitted unless listed), then by the active
 * policies from that zone to junos-host, when there are any.
 */
struct zone_member {
    const char *name;     /* the logical interface as written ("ge-0/0/0.0") */
    const char *admitted; /* management services admitted and running ("ssh telnet"), NULL none */
    const struct cfg_node *node;       /* the zone's "interfaces NAME" statement */
    const struct cfg_node *admit_node; /* the system-services statement admitting the first */
};

struct security_zone {
    const char *name;
    struct zone_member *members;
    size_t nmembers;
    /* ON: an active policy from this zone to junos-host that matches any
     * source, destination and application denies (or rejects) before any
     * policy permits; OFF: no active policy there, so host-inbound-traffic
     * alone decides; UNKNOWN: policies that allow or drop only part */
    struct fact_bool self_denied;
    const struct cfg_node *node;
};

struct mirror_session {
    const char *kind;        /* "span", "rspan", "erspan", "port-mirroring", "analyzer", "mirror" */
    const char *destination; /* remote address or port, as written */
    bool remote;             /* leaves the device (ERSPAN/RSPAN/remote) */
    const struct cfg_node *node;
};

struct ipsec_policy {
    const char *name;
    const char *encryption; /* as written */
    const char *integrity;
    const char *dh_group;
    bool weak; /* DES/3DES/MD5/SHA1/DH < 14 */
    const struct cfg_node *node;
    const char *unknown; /* not weak, but an algorithm is left to a release default (why) */
};

/* A policy-based VPN peer: an IKE/IPsec endpoint with no tunnel interface
 * (Cisco crypto map "set peer"). */
struct vpn_peer {
    const char *name; /* the map or policy naming the peer, as written */
    const char *peer; /* address or name as written */
    const struct cfg_node *node;
};

struct banner {
    const char *kind; /* "login", "motd", "exec", "pre-login" */
    struct sv text;
    const struct cfg_node *node;
};

/* Legacy or risky services; each a fact_bool. */
struct legacy_facts {
    struct fact_bool small_servers, finger, bootp_server, dhcp_server, pad, source_route, identd,
        http_client_insecure, ip_domain_lookup, gratuitous_arps, config_service, mop,
        directed_broadcast, proxy_arp, redirects;
    struct fact_bool smart_install; /* Cisco vstack */
    struct fact_bool discovery;     /* CDP/LLDP globally on */
    struct fact_bool service_password_encryption;
    struct fact_bool secret_encryption; /* type 6 / master password / key encryption */
    struct fact_bool password_policy;   /* min length / strength */
};

/* ------------------------------------------------------------------ cloud */

/*
 * Public cloud network security (AWS security groups and network ACLs, Azure
 * NSGs, Google Cloud firewall rules, and the same from Terraform), read from
 * the JSON exports by model_extract_cloud(). A group is the thing rules
 * belong to; every rule is one direction, action, protocol and port range
 * with its peers (sources for ingress, destinations for egress).
 */
enum cloud_group_kind {
    CLOUD_SECURITY_GROUP, /* AWS security group: allow-only, stateful */
    CLOUD_NETWORK_ACL,    /* AWS network ACL: numbered allow/deny, stateless, per subnet */
    CLOUD_NSG,            /* Azure network security group: prioritised allow/deny */
    CLOUD_FIREWALL,       /* Google Cloud VPC firewall rule: prioritised, per network */
};
/* "security-group", "network-acl", "nsg", "firewall-rule". */
const char *cloud_group_kind_name(enum cloud_group_kind k);

struct cloud_peer {
    bool any;              /* 0.0.0.0/0, ::/0, "*", "Internet", "Any" */
    struct ip_prefix addr; /* af != 0 when the peer is an address or prefix */
    const char *ref;       /* otherwise: a group id, service tag, network tag or prefix list */
    const struct cfg_node *node;
};

#define CLOUD_PROTO_ALL (-1)
#define CLOUD_PRIORITY_NONE (-1)

struct cloud_rule {
    size_t group;     /* index into cloud.groups */
    const char *name; /* rule name or number as written; NULL when rules have none */
    bool ingress;
    bool allow;
    bool provider_default; /* a rule the provider adds itself (Azure default rules) */
    bool disabled;         /* present but not enforced (GCP "disabled": true) */
    long priority;         /* evaluation order, lowest first; CLOUD_PRIORITY_NONE = unordered */
    int proto;             /* IANA protocol number, CLOUD_PROTO_ALL for every protocol */
    long port_lo, port_hi; /* 0..65535 when the rule names no ports */
    struct cloud_peer *peers;
    size_t npeers;
    bool log;                    /* the rule's matches are logged (GCP logConfig) */
    const struct cfg_node *node; /* the rule object (its text is the JSON path) */
};

struct cloud_group {
    enum cloud_group_kind kind;
    const char *provider; /* "aws", "azure", "gcp" (Terraform exports name the provider) */
    const char *id;       /* sg-..., acl-..., the NSG's resource id, the rule's name */
    const char *name;     /* GroupName, NSG name, firewall rule name, Terraform address */
    const char *network;  /* VPC id / VNet / network the group belongs to; NULL unknown */
    bool is_default;      /* the VPC's default security group or NACL, GCP default-allow-* */
    const char **tags;    /* GCP target tags, the Name tag, Terraform address */
    size_t ntags;
    const char **attached; /* subnets, interfaces or instances it is attached to, as written */
    size_t nattached;
    const struct cfg_node *node;
};

/* A VPC, VNet, subnet or NSG whose traffic should be recorded in flow logs. */
struct cloud_network {
    const char *kind; /* "vpc", "vnet", "subnet", "nsg" */
    const char *id;
    const char *name;
    struct fact_bool flow_logs; /* an enabled flow log covers it */
    size_t group;               /* 1 + index of the group it stands for (an NSG), 0 none */
    const struct cfg_node *node;
};

struct cloud_facts {
    bool present;        /* this device is a cloud export */
    const char *account; /* OwnerId, subscription or project, when the export names it */
    struct cloud_group *groups;
    size_t ngroups;
    struct cloud_rule *rules;
    size_t nrules;
    struct cloud_network *networks;
    size_t nnetworks;
    /* What the export holds, so a check can say which export is missing. */
    bool has_groups, has_flow_log_list, has_network_list;
    const char *flow_log_source; /* the export that says what is logged ("describe-flow-logs") */
};

/* ---------------------------------------------------- software, archive */

/*
 * Where the device copies its configuration on its own (IOS `archive path`,
 * XR `configuration commit auto-save`, NX-OS scheduler `copy running-config`,
 * Junos `archive-sites`, SR OS `rollback-location`, VRP
 * `set save-configuration backup-to-server`). Credentials in a URL are
 * never kept: only the scheme and the server.
 */
enum archive_trigger {
    ARCHIVE_MANUAL = 0, /* nothing makes the device write it on its own */
    ARCHIVE_ON_CHANGE,  /* on every commit or save */
    ARCHIVE_PERIODIC,   /* on a timer */
    ARCHIVE_TRIGGER_UNKNOWN,
};

struct config_archive {
    const char *scheme;    /* lower case: "scp", "sftp", "ftp", "tftp", "http", "https", ... */
    const char *host;      /* server as written; NULL for local storage */
    struct ip_prefix addr; /* af != 0 when host is an address */
    bool remote;
    bool encrypted; /* scp, sftp, https */
    enum archive_trigger trigger;
    const struct cfg_node *node;         /* the destination statement */
    const struct cfg_node *trigger_node; /* the statement that schedules it, if any */
};

/* A boot image location (IOS `boot system`, NX-OS `boot nxos`, SR OS BOF
 * `primary-image`). */
struct boot_image {
    const char *scheme; /* "flash", "bootflash", "disk0", "cf3", "tftp", "ftp", ... */
    bool remote;        /* loaded over the network */
    const struct cfg_node *node;
};

struct software_facts {
    uint32_t release_line; /* line of the file naming the release; 0 when none */
    struct config_archive *archives;
    size_t narchives;
    struct boot_image *boots;
    size_t nboots;
    struct fact_bool image_protect;  /* IOS secure boot-image; Junos veriexec */
    struct fact_bool config_protect; /* IOS secure boot-config */
};

/* ---------------------------------------- routing: RPKI, BGP logging, keys, LDP, MPLS, FHRP */

/* How a first-hop redundancy group or an LDP session authenticates. */
enum rtg_auth {
    RTG_AUTH_UNKNOWN = 0, /* the config cannot tell (why) */
    RTG_AUTH_NONE,        /* nothing configured */
    RTG_AUTH_TEXT,        /* a cleartext password (HSRP/VRRP text, VRRP simple) */
    RTG_AUTH_MD5,         /* MD5, a key chain or IPsec AH */
    RTG_AUTH_UNSUPPORTED, /* the protocol version defines none (VRRPv3) */
};
/* "unknown", "none", "text", "md5", "unsupported". */
const char *rtg_auth_name(enum rtg_auth a);

/* An HSRP, VRRP or GLBP group on an interface. */
struct fhrp_group {
    const char *proto;  /* "hsrp", "vrrp", "vrrpv3", "glbp" */
    const char *ifname; /* interface as written */
    const char *group;  /* group number / VRID as written */
    enum rtg_auth auth;
    const char *why; /* reason when RTG_AUTH_UNKNOWN */
    const struct cfg_node *node, *auth_node;
};

/* Lifetime spans of a routing key, in days, or one of these. */
#define RTG_LIFE_NONE (-1L)     /* no lifetime configured: the key is valid for ever */
#define RTG_LIFE_INFINITE (-2L) /* a lifetime that ends "infinite" */
#define RTG_LIFE_UNREAD (-3L)   /* a lifetime the extractor could not read (why) */
#define RTG_LIFE_OPEN (-4L)     /* the newest key of a chain of start times: until a successor */

/* One key of a routing key chain (IOS key chain, Junos authentication-key-chains,
 * SR OS keychain, VRP keychain). */
struct rtg_key {
    const char *chain;
    const char *id;
    long send_days, accept_days; /* span of each lifetime, or RTG_LIFE_* */
    long since_day;              /* RTG_LIFE_OPEN: the day (from 1970-01-01) the key took effect */
    const char *why;
    const struct cfg_node *node, *send_node, *accept_node;
};

struct rtg_facts {
    /* BGP neighbour up/down changes reach the log: OFF with the statements
     * that switch it off (or the why naming the sessions not covered). */
    struct fact_bool bgp_log;
    /* MPLS and LDP */
    const struct cfg_node *mpls_node; /* MPLS forwarding or signalling enabled; NULL = none */
    const struct cfg_node *ldp_node;  /* LDP enabled; NULL = none */
    struct fact_bool ldp_auth;        /* every LDP session authenticated */
    /* Why the device is an MPLS edge (VRFs/VPRNs/L2VPN, eBGP), NULL when no
     * sign of it; pe_node the statement that shows it. */
    const char *pe_why;
    const struct cfg_node *pe_node;
    /* The IP TTL is copied into the label at ingress (traceroute sees the
     * core): OFF when switched off. */
    struct fact_bool ttl_propagate;
    /* first-hop redundancy */
    struct fhrp_group *fhrp;
    size_t nfhrp;
    /* routing keys in key chains (keys outside chains are the routing kinds
     * of other_secrets: bgp-key, ospf-key, isis-key, ldp-key, ...) */
    struct rtg_key *keys;
    size_t nkeys;
    /* RPKI */
    struct host_ref *rpki_caches;
    size_t nrpki_caches;
    /* Inbound policies reject RPKI-invalid routes (ON), do not (OFF), or
     * cannot be resolved (UNKNOWN with why). */
    struct fact_bool rov_reject;
};

/* ------------------------------------ anti-spoofing, unused ports, bogons */

/* A physical port that nothing configured puts in use: no description, no
 * address, no switchport, service, channel or other statement beyond speed
 * and negotiation, and no other statement naming it
 * (DATA-UNUSED-INTERFACES). */
struct idle_port {
    const char *name;
    /* ON: administratively up (by a statement or the platform default);
     * UNKNOWN: the config leaves the admin state to a default it does not
     * show (why). Shut ports are not listed. */
    enum fact_state up;
    const char *why;
    const struct cfg_node *node;
};

struct port_facts {
    bool judged;      /* the extractor looked at the physical ports */
    size_t nphysical; /* physical ports listed in the configuration */
    struct idle_port *idle;
    size_t nidle;
    /* Why ports the configuration does not list cannot be judged (Junos
     * leaves them enabled and unlisted); NULL when every port is listed or
     * unlisted ports are shut by default. */
    const char *unlisted;
    /* NX-OS: the statement showing the admin state of ports in the default
     * layer mode (a sibling port's 'shutdown' or 'no shutdown'); NULL when
     * none shows it. */
    const struct cfg_node *default_state_ev;
    /* Parallel to interfaces: the VRF, VPRN or routing instance the
     * interface forwards in (Cisco "vrf forwarding|member", XR/EOS "vrf",
     * VRP "ip binding vpn-instance", Junos routing-instances ... interface);
     * NULL in the global table or where the model does not read it. */
    const char **iface_vrf;
};

/* ---------------------------------------------------------- control plane */

/* ICMP behaviour, receive filters and TCP keepalives (CPP-*). Per-interface
 * redirects, unreachables and proxy ARP live in struct interface. */
struct cpp_facts {
    /* IOS "service tcp-keepalives-in" / "-out": off unless configured. */
    struct fact_bool keepalive_in, keepalive_out;
    /* A device-wide rate limit on ICMP unreachables (IOS "ip icmp rate-limit
     * unreachable", XR "icmp ipv4 rate-limit unreachable"); untouched when
     * none is configured. */
    struct fact_bool unreach_rate_limit;
    /* IOS: the statement showing the device does not route IP ("no ip
     * routing", or "ip default-gateway" with no route or routing process). */
    const struct cfg_node *no_routing;
    /* IOS: a static route discards into Null0 (so Null0 unreachables matter). */
    const struct cfg_node *null0_route;
    /* Junos: a firewall filter term answers with "reject" (an ICMP
     * unreachable) instead of a silent "discard"; OFF when filters exist and
     * none rejects, untouched without filters. */
    struct fact_bool filter_reject;
    /* Legacy responders: an interface answers ICMP mask requests; router
     * discovery (IRDP, Junos router-discovery) runs; the device acts on ICMP
     * source quench (Junos without internet-options no-source-quench). */
    struct fact_bool mask_reply, router_discovery, source_quench;
    /* The receive-path filter protecting the device itself (Junos lo0 input
     * filter, EOS/IOS XR control-plane ACL, SR OS cpm-filter, ...): ON when
     * one is applied and ends by dropping what it did not accept, OFF when
     * none is applied or it ends by accepting; why says which. */
    struct fact_bool receive_filter;
    const char *receive_filter_name; /* the filter judged, NULL if none */
    /* ASA: a 'webvpn' block enabling an interface (an SSL VPN listener on the
     * box); NULL when none. */
    const struct cfg_node *asa_webvpn;
    /* Accept terms of the receive filter that name no source (any source),
     * counted by the extractor; evidence in receive_open_ev. */
    unsigned receive_open_terms;
    struct fact_lines receive_open_ev;
};
/* A Cisco-family ACL line "[SEQ] permit ip|ipv4 any any [log]" (admits
 * everything). */
bool model_acl_line_permits_all(const struct cfg_node *n);
/* An ACL protocol word naming ICMP or a routing protocol carried straight
 * over IP (OSPF, EIGRP, PIM, VRRP, IGMP, RSVP), by name or number: what a
 * receive filter may admit from any source (CPP-RECEIVE-FILTER). */
bool model_proto_icmp_or_routing(struct sv w);

/* ---------------------------------------------------------------- access */

/* A number a statement sets (a session cap, a lockout threshold, a minimum
 * password length): value -1 = not set; is_default = no statement sets it
 * and value is the platform's documented default. */
struct access_num {
    long value;
    bool is_default;
    const struct cfg_node *node;
};

/* The lockout of a failed-login mechanism that only cuts the session. */
#define ACCESS_DISCONNECT_ONLY 0L
/* The lockout of a mechanism that holds the account until it is cleared. */
#define ACCESS_UNTIL_CLEARED (-2L)

/* Session limits, auto-configuration, failed-login lockout and password
 * policy (checks_access.c). Out-of-band management is mgmt_vrf, privilege
 * the accounts' privilege and role. */
struct access_facts {
    /* Configuration or software fetched from the network at boot (service
     * config, boot poap enable, autoinstallation, zerotouch, ...): ON with
     * the statements; OFF when none is configured and the platform does not
     * do it by default, or it is disabled; UNKNOWN where the state is kept
     * outside the configuration (why names the command that shows it). */
    struct fact_bool ztp;
    /* Management sessions: the lowest concurrent cap and a new-connection
     * rate limit (per minute) that a statement or the default sets;
     * sessions_why: why the configuration cannot tell, NULL when it can. */
    struct access_num max_sessions, session_rate;
    bool max_sessions_from_lines; /* IOS: the vty lines that accept a protocol */
    const char *sessions_why;
    /* Failed logins: tries before the session is cut or the user or source
     * is blocked, and for how long (seconds; ACCESS_DISCONNECT_ONLY,
     * ACCESS_UNTIL_CLEARED); lockout_why as sessions_why. */
    struct access_num lockout_attempts, lockout_seconds;
    const char *lockout_why;
    /* Local password policy: the minimum length it enforces, and whether it
     * requires character classes (upper, lower, digits, specials); the
     * policy's existence is legacy.password_policy. */
    struct access_num pwd_min_length;
    struct fact_bool pwd_complexity;
    const char *pwd_why;
};

/* ------------------------- SSH key exchange, TLS, link encryption, time service */

/*
 * How log messages are time-stamped (TIME-TIMESTAMPS): each part is ON,
 * OFF or, where the platform default is not documented, UNKNOWN with a why.
 */
struct log_time_facts {
    struct fact_bool datetime;  /* date and time of day (not uptime, not none) */
    struct fact_bool subsecond; /* milliseconds (or hundredths) of a second */
    struct fact_bool zone;      /* in UTC, or the zone shown or configured */
    /* Sub-second precision is not demanded: the platform's stamp has no unit
     * below the second (ASA), or checks.md accepts its default (NX-OS). */
    bool no_subsecond_form;
    const char *clock_zone; /* the clock's configured zone as written; NULL = default */
    const struct cfg_node *clock_node;
};

/* An access group or filter that limits who may use the NTP service. */
struct ntp_access {
    const char *kind; /* "peer", "serve", "serve-only", "query-only", "server", ... */
    const char *acl_name;
    const struct cfg_node *node;
};

/*
 * The device as an NTP server (TIME-NTP-SERVE). serves: ON when it answers
 * time requests from other hosts, OFF when NTP is off or the platform is a
 * client unless told otherwise. open: ON when nothing limits who may ask,
 * OFF when a filter does (the access groups then are in access[]).
 */
struct ntp_serve_facts {
    bool configured; /* any NTP statement: servers, peers, master, serving */
    struct fact_bool serves;
    struct fact_bool open;
    struct ntp_access *access;
    size_t naccess;
    const char **interfaces; /* where serving is limited to named interfaces */
    size_t ninterfaces;
};

/*
 * SSH host keys and key-exchange limits beyond ssh_facts' KEX list
 * (CRYPTO-SSH-KEX-HOSTKEY). The RSA modulus is usually made by an exec
 * command and is not in the configuration: rsa_bits 0.
 */
struct ssh_hostkey_facts {
    const char **algos; /* host-key algorithms offered (explicit list), NULL = platform default */
    size_t nalgos;
    const char **off; /* host-key algorithms explicitly refused (Junos no-ssh-dss) */
    size_t noff;
    struct fact_lines ev;
    long dh_min_bits; /* smallest group-exchange modulus accepted; 0 not configured */
    const struct cfg_node *dh_min_node;
    long rsa_bits; /* the RSA host key's modulus when the configuration says; 0 */
    const struct cfg_node *rsa_node;
    const struct cfg_node *dsa_node; /* a DSA host key is configured */
};

/*
 * The TLS server behind HTTPS, RESTCONF, NX-API, eAPI and gNMI (CRYPTO-TLS).
 * min_version: the lowest version accepted, 10/11/12/13 for TLS 1.0-1.3,
 * 0 when the release's default applies. ca_cert: ON for a certificate from
 * the provider's PKI (an installed, named certificate), OFF for a
 * self-signed or system-generated one, UNKNOWN otherwise.
 */
struct tls_facts {
    int min_version;
    const struct cfg_node *version_node;
    const char *weak_cipher; /* a weak suite named (3DES, RC4, NULL, DES), NULL none */
    const struct cfg_node *cipher_node;
    struct fact_bool ca_cert;
    const char *not_read; /* why this platform's TLS settings are not read, NULL when they are */
    /* No TLS service is known to run, but the configuration cannot say that
     * none does (why); NULL when the services listed are the whole story. */
    const char *service_unknown;
};

/* Encryption bound to one interface (CRYPTO-LINK-ENCRYPTION). */
struct link_crypto {
    const char *ifname;
    const char *kind;   /* "macsec" or "ipsec" */
    const char *policy; /* MACsec policy/profile/association, crypto map or IPsec profile */
    /* MACsec: ON for a 256-bit GCM suite, OFF for a weaker one, UNKNOWN when
     * the release's default suite applies (why); IPsec: ON (its suites are
     * CRYPTO-IPSEC's to judge). */
    struct fact_bool strong;
    const char *suite; /* as written, NULL = default */
    const struct cfg_node *node;
};

struct link_crypto_facts {
    struct link_crypto *links;
    size_t nlinks;
    const char *not_read; /* why this platform's link encryption is not read */
};

/* Flow telemetry: where flows are exported and which interfaces sample. */
struct flow_facts {
    bool read; /* the dialect's flow statements were looked for */
    struct host_ref *collectors;
    size_t ncollectors;
    const struct cfg_node **applied; /* interface statements with sampling or a monitor */
    size_t napplied;
    const struct cfg_node *all_interfaces; /* a statement sampling every interface */
    struct fact_lines ev;
};

/* --------------------------------------------------------------- device */

struct device_model {
    enum dialect dialect;
    const char *hostname;
    const struct cfg_node *hostname_node;
    const char *os_version;
    const char *platform;
    /* Top-level statements the extractor read and those one of its statement
     * table's rows understood; statements == 0: not measured (the extractor
     * has no table yet). */
    struct {
        uint32_t statements, understood;
    } coverage;

    struct fact_bool telnet_server; /* the telnet service itself (global) */
    struct ssh_facts ssh;
    struct mgmt_service *services;
    size_t nservices;
    struct onbox_item *onbox;
    size_t nonbox;

    struct mgmt_line *lines;
    size_t nlines;
    struct acl *acls;
    size_t nacls;
    struct mgmt_path *mgmt_paths;
    size_t nmgmt_paths;
    struct fact_bool mgmt_vrf;   /* management confined to an out-of-band VRF/port */
    struct security_zone *zones; /* Junos SRX security zones */
    size_t nzones;

    struct aaa_facts aaa;
    struct account *accounts;
    size_t naccounts;
    struct secret enable;         /* enable secret/password; type NONE if absent */
    struct secret *other_secrets; /* keys: routing, NTP, AAA, VPN PSK ... (redaction, fleet) */
    size_t nother_secrets;
    const char **other_secret_kinds; /* parallel: "bgp-key", "ntp-key", "ipsec-psk", ... */

    struct snmp_facts snmp;
    struct ntp_facts ntp;
    struct logging_facts logging;

    struct bgp_facts bgp;
    struct igp_instance *igps;
    size_t nigps;

    struct interface *interfaces;
    size_t ninterfaces;
    struct mirror_session *mirrors;
    size_t nmirrors;
    struct ipsec_policy *ipsec;
    size_t nipsec;
    struct vpn_peer *vpn_peers;
    size_t nvpn_peers;
    struct banner *banners;
    size_t nbanners;
    struct legacy_facts legacy;
    struct fact_bool copp; /* control-plane policing / RE protection filter */
    /* The serial console asks for an authenticated login as checks.md
     * MGMT-CONSOLE-AUX wants it on this platform (an AAA login list, the
     * console timeout where the platform needs one, Junos ports statements);
     * untouched where the extractor does not judge it. */
    struct fact_bool console_auth;
    /* ASA: the serial console's idle timeout ("console timeout", 0 = never,
     * the default); -1 where the console is a line of its own or unknown */
    long console_timeout_seconds;
    const struct cfg_node *console_timeout_node;
    struct cloud_facts cloud; /* cloud exports only */

    /* Session limits, out-of-band management, auto-configuration, lockout,
     * privilege and password policy. */
    struct access_facts access;
    /* SSH key exchange and host keys, TLS, link encryption, NTP service. */
    struct log_time_facts log_time;
    struct ntp_serve_facts ntp_serve;
    struct ssh_hostkey_facts ssh_hostkey;
    struct tls_facts tls;
    struct link_crypto_facts link_crypto;
    /* Log levels, transport, source interfaces, denied-packet logging, flows. */
    struct mgmt_source *mgmt_sources; /* LOG-SOURCE */
    size_t nmgmt_sources;
    /* NTP client on with servers the configuration does not list (FortiOS
     * ntpsync with FortiGuard's servers): NTP is in use all the same. */
    const struct cfg_node *ntp_unlisted;
    /* ICMP behaviour, receive filters and TCP keepalives. */
    struct cpp_facts cpp;
    /* Anti-spoofing, core protection, unused interfaces, BGP bogon filters. */
    struct port_facts ports;
    /* RPKI, BGP logging, key lifetimes, LDP, MPLS TTL, first-hop redundancy. */
    struct rtg_facts rtg;
    /* Software release, image integrity, configuration archive. */
    struct software_facts software;
    struct flow_facts flow; /* LOG-FLOW-TELEMETRY */
};

/*
 * Fill m from a parsed tree. Dispatches on t->dialect to the family
 * extractor. Never fails: what cannot be read stays FACT_UNKNOWN with a why.
 */
void model_extract(const struct cfg_tree *t, struct device_model *m);

/* Family extractors (one file each). */
void model_extract_cisco(const struct cfg_tree *t,
                         struct device_model *m); /* IOS, NX-OS, XR, ASA, EOS */
void model_extract_junos(const struct cfg_tree *t, struct device_model *m);
void model_extract_sros(const struct cfg_tree *t, struct device_model *m);
void model_extract_vrp(const struct cfg_tree *t, struct device_model *m);
/* Flow export and sampling, every router dialect (extract_flow.c). */
void model_extract_flow(const struct cfg_tree *t, struct device_model *m);
void model_extract_fortios(const struct cfg_tree *t, struct device_model *m);
void model_extract_cloud(const struct cfg_tree *t,
                         struct device_model *m); /* AWS, Azure, GCP, TF */
/* Release line, configuration archives and boot images, every router
 * dialect (extract_software.c); run by model_extract() after the family. */
void model_extract_software(const struct cfg_tree *t, struct device_model *m);

/* Find an ACL by name in the model (NULL if undefined); where an IPv4 and
 * an IPv6 list share the name, the IPv4 one. */
const struct acl *model_find_acl(const struct device_model *m, const char *name);
/* The ACL of that name filtering family af (4 or 6), or one whose family
 * the model does not tell; NULL if there is none. */
const struct acl *model_find_acl_af(const struct device_model *m, const char *name, int af);

/* Print the model as JSON (tsaudit facts). Secrets appear as
 * "<redacted:type>" unless show_secrets. */
void model_print_json(const struct device_model *m, const struct cfg_tree *t, bool show_secrets,
                      FILE *out);

#endif
