/*
 * extract_junos.h - internal to the Junos extractor (extract_junos.c, the
 * system and SNMP statements in extract_junos_system.c, interfaces and
 * firewall filters in extract_junos_filter.c): its state, the small token
 * helpers and the functions the files share.
 */
#ifndef TSAUDIT_EXTRACT_JUNOS_H
#define TSAUDIT_EXTRACT_JUNOS_H

#include "model/extract.h"

#include <string.h>

#define JX_MAX_APPLY 512          /* apply-groups statements honoured */
#define JX_MAX_ITEMS 200000       /* cap on indexed lists (interfaces, users, neighbours, ...) */
#define JX_MAX_SMALL 4096         /* cap on lists of hosts, communities, classes, ... */
#define JX_MAX_LIST 64            /* SSH algorithms, trap targets */
#define JX_LO0_LIST 16            /* filters of the lo0 input-list judged */
#define JX_MAX_ACL_EXPAND 1000000 /* prefix-list entries expanded into ACL entries */

/* BGP settings that groups pass on to neighbours. */
struct jbgp_set {
    struct secret key;
    const struct cfg_node *auth_node;
    struct sv keychain;
    const struct cfg_node *maxpfx_node;
    const char *import, *export;
    const struct cfg_node *import_node, *export_node;
    int type; /* 0 unset, 1 external, 2 internal */
    long peer_as;
    long local_as;
};

struct jbgp_grp {
    struct sv name;
    struct sv inst; /* routing instance, empty for the master instance */
    const struct cfg_node *node;
    struct jbgp_set s;
};

struct jbgp_nbr {
    struct sv addr;
    struct sv group;
    struct sv inst;
    const struct cfg_node *node;
    struct jbgp_set s;
};

/* A firewall filter term, turned into ACL entries at the end. */
struct jsrc {
    struct sv addr; /* address/prefix, or a prefix-list name */
    bool is_list, except;
    const struct cfg_node *node;
};

struct jterm {
    struct sv filter, name;
    const struct cfg_node *node;
    struct jsrc *src;
    size_t nsrc;
    int action; /* 0 none, 1 accept, 2 discard/reject, 3 next term */
    bool ttl_except_255;
    bool log;          /* then syslog / then log */
    bool has_from;     /* any "from" condition */
    bool reject;       /* "then reject": answers with an ICMP unreachable */
    bool mask_request; /* matches icmp-type mask-request */
    /* protocol/port matches: all of them routing, ICMP or time traffic? */
    bool has_proto, proto_other, has_port, port_other;
    const struct cfg_node *action_node;
    /* destination-address / destination-prefix-list, and whether any other
     * match condition narrows the term (interface filter checks) */
    struct jsrc *dst;
    size_t ndst;
    bool other;
};

struct jplist {
    struct sv name;
    struct sv addr;
    const struct cfg_node *node;
    size_t next, tail; /* chain of entries with the same name (index + 1; 0 = end) */
};

#define JX_CLASS_RES 4 /* command patterns kept per class and kind */

struct jclass {
    struct sv name;
    long idle_minutes; /* -1 none */
    const struct cfg_node *node;
    bool perm_all;     /* permissions include "all" */
    bool restricts;    /* allow/deny lists, or permissions other than all */
    bool perm_network; /* permissions include network (ping, ssh, telnet) or all */
    bool perm_shell;   /* permissions include shell, maintenance (start shell) or all */
    /* permissions all or admin-control, or allow-configuration(-regexps):
     * its users may edit the login classes, their own included */
    bool perm_admin;
    const struct cfg_node *perm_node;
    /* allow-commands / deny-commands regular expressions (and the -regexps
     * lists); a count above JX_CLASS_RES means more than were kept */
    struct sv allow_re[JX_CLASS_RES], deny_re[JX_CLASS_RES];
    size_t nallow_re, ndeny_re;
    const struct cfg_node *allow_node, *deny_node;
};

struct jsnmp_clients {
    struct sv community; /* or client-list name */
    struct acl *acl;
};

struct jigp_if {
    int proto; /* 0 ospf, 1 ospf3, 2 isis */
    struct sv name;
    bool passive, authed, weak;
    bool md5; /* OSPF "authentication md5 N key V" */
    const struct cfg_node *node, *auth_node;
    struct sv keychain;                /* OSPF "authentication keychain K": its keys decide */
    const struct cfg_node *hello_type; /* IS-IS hello-authentication-type md5 */
};

/* A key of "security authentication-key-chains key-chain K key N": its
 * "algorithm" (md5 when not stated, the Junos default). */
struct jkey_alg {
    struct sv chain, key;
    enum igp_alg alg;
    const struct cfg_node *node;
};

struct japply {
    struct sv *loc; /* the hierarchy level (arena) */
    size_t nloc;
    struct sv *names; /* every group the statement names (arena) */
    size_t nnames;
};

struct jzones;

struct jx {
    struct jrtg *rtg;     /* routing-security facts (extract_junos_rtg.c) */
    struct jzones *zones; /* SRX security zones (extract_junos_zones.c) */
    /* system ports (MGMT-CONSOLE-AUX) */
    const struct cfg_node *console_insecure_node;
    const struct cfg_tree *t;
    struct arena *a;
    struct device_model *m;

    struct japply *apply;
    size_t napply;
    /* an applied group statement under "system login" with a wildcard path
     * ("class <*> ..."), which is not expanded */
    const struct cfg_node *wild_login_node;

    /* ssh and services */
    const struct cfg_node *ssh_node, *ssh_v1_node, *ssh_root_node, *ssh_version_node;
    enum fact_state root_login;
    bool saw_ciphers, saw_macs, saw_kex, ssh_port_set;
    /* cipher/MAC statements, and those naming a weak algorithm */
    struct fact_lines cipher_ev, cipher_weak_ev, mac_ev, mac_weak_ev;

    /* login */
    struct jclass *classes;
    size_t nclasses;
    const char **acct_class;                 /* parallel to m->accounts: class name */
    const struct cfg_node **acct_class_node; /* parallel: the "class" statement */
    const struct cfg_node *auth_order_node;
    bool order_central, order_password;
    const struct cfg_node *acct_node, *acct_login_node, *acct_cmd_node;
    bool acct_has_dest;
    int *log_best; /* per syslog host: most verbose level sent (-1 none) */
    const struct cfg_node **log_best_node;
    const struct cfg_node *pwpolicy_node;

    /* snmp */
    struct jsnmp_clients *snmp_cl;
    size_t nsnmp_cl;
    const struct cfg_node *snmp_node;

    /* ntp */
    const struct cfg_node *ntp_key_node, *ntp_trusted_node;
    struct ct_state *ct; /* cryptography and time service (extract_time.c) */

    /* syslog */
    const struct cfg_node *syslog_node, *log_login_node, *log_change_node;
    const struct cfg_node *log_console_node; /* most verbose "syslog console F L" */
    int log_console_best;
    /* interface addresses, to name the interface of a source-address (LOG-SOURCE) */
    struct jifaddr {
        struct sv addr, ifname;
    } * ifaddrs;
    size_t nifaddrs;

    /* bgp */
    struct jbgp_set bgp_global;
    struct jbgp_grp *groups;
    size_t ngroups;
    struct jbgp_nbr *nbrs;
    size_t nnbrs;
    const struct cfg_node *bgp_node;
    long local_as;
    struct sv cur_inst; /* routing instance of the statement being read */
    /* statements re-read without a prefix (groups, routing instances);
     * one buffer each, allocated once */
    struct model_path *scratch_group, *scratch_inst;
    struct model_walk walk;   /* the walks' statement buffer and depth stack */
    struct jplist *keychains; /* name -> first key node/secret value */
    size_t nkeychains;

    /* igp */
    struct jigp_if *igp_if;
    size_t nigp_if;
    const struct cfg_node *igp_node[3];
    const struct cfg_node *isis_level_auth, *isis_level_weak;
    const struct cfg_node *isis_level_type; /* level N authentication-type md5|simple */
    struct sv isis_level_chain;             /* level N authentication-key-chain K */
    struct jkey_alg *key_algs;              /* key chain keys and their algorithm */
    size_t nkey_algs;

    /* firewall */
    struct jterm *terms;
    size_t nterms;
    struct jplist *plists;
    size_t nplists;
    size_t acl_budget;      /* prefix-list entries still allowed to expand into ACLs */
    const char *lo0_filter; /* family inet: IPv4 traffic to the routing engine */
    const struct cfg_node *lo0_filter_node;
    const char *lo0_filter6; /* family inet6 */
    const struct cfg_node *lo0_filter6_node;
    /* every filter of the lo0 family inet input (-list), in order */
    struct sv lo0_list[JX_LO0_LIST];
    size_t nlo0_list;
    const struct cfg_node *no_redirects_node;
    /* system ports auxiliary: the port's statement and its "disable" */
    const struct cfg_node *aux_node, *aux_disable_node;
    /* web-management http (0) and https (1) interface lists, none = every interface */
    const char **web_ifs[2];
    size_t nweb_ifs[2];
    /* system management-instance (MGMT-OOB-VRF) */
    const struct cfg_node *mgmt_instance_node;
    /* interfaces interface-range R: its member and member-range statements,
     * and the ranges that say "disable" */
    struct jrange_member {
        struct sv range, first, last; /* last empty for "member X" */
    } * rmembers;
    size_t nrmembers;
    struct sv *rdisabled;
    size_t nrdisabled;

    bool in_groups;        /* handling statements inherited from groups */
    size_t secrets_before; /* other_secrets count when the current statement began */

    /* name indexes into the arrays above and in the model */
    struct model_nmap if_map, acct_map, nbr_map, term_map, igp_map, plist_map, group_map;
    struct model_nmap host_map; /* AAA/syslog/NTP hosts, communities, USM users (k2 = kind) */
};

static inline bool sv_same(struct sv a, struct sv b)
{
    return a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0);
}

/* Compare a view with quotes stripped on both sides. */
static inline bool sv_same_unq(struct sv a, struct sv b)
{
    return sv_same(sv_unquote(a), sv_unquote(b));
}

static inline const char *dup_unq(struct jx *x, struct sv s)
{
    return model_strdup_unquoted(x->a, s);
}

static inline struct secret jsecret(const struct model_path *l, size_t i)
{
    struct sv v = sv_unquote(model_path_tok(l, i));
    if (!v.p)
        return model_secret(SECRET_NONE, v, l->node);
    enum secret_type ty = secret_is_redacted(v) ? SECRET_REDACTED : secret_classify_junos(v);
    return model_secret(ty, v, l->node);
}

static inline bool jcap(size_t n)
{
    return n < JX_MAX_ITEMS;
}

static inline bool jsmall(size_t n)
{
    return n < JX_MAX_SMALL;
}

/* extract_junos.c: the model objects, found by name or created (NULL past
 * the caps), and a short list of unique names (SSH algorithms). */
struct interface *j_iface(struct jx *x, struct sv name, const struct cfg_node *n);
struct account *j_account(struct jx *x, struct sv name, const struct cfg_node *n);
struct jclass *j_class(struct jx *x, struct sv name, const struct cfg_node *n);
struct jterm *j_term(struct jx *x, struct sv filter, struct sv name, const struct cfg_node *n);
struct mgmt_service *j_service(struct jx *x, const char *name, bool cleartext,
                               const struct cfg_node *n);
void jx_add_unique_str(struct jx *x, const char ***arr, size_t *n, struct sv v);

/* extract_junos_system.c: "system ..." and "snmp ..." statement paths, a
 * prefix added to an ACL, and the finishing steps of the management
 * services, AAA and logging. */
void j_system(struct jx *x, const struct model_path *l);
void jx_acl_add_prefix(struct jx *x, struct acl *acl, struct sv addr, bool permit,
                       const struct cfg_node *n);
void j_snmp(struct jx *x, const struct model_path *l);
void jx_finish_services(struct jx *x);
void jx_finish_aaa(struct jx *x);
/* extract_junos_outbound.c: whether the login classes let users open ssh or
 * telnet sessions from the CLI (aaa.outbound_cmds). */
void jx_finish_outbound(struct jx *x);
void jx_finish_logging(struct jx *x);

/* extract_junos_filter.c: "interfaces ...", "firewall ..." and
 * "policy-options ..." statement paths, and the finishing steps that build
 * the ACLs from filter terms and judge the lo0 filters. */
void j_interfaces(struct jx *x, const struct model_path *l);
void j_firewall(struct jx *x, const struct model_path *l);
void j_policy_options(struct jx *x, const struct model_path *l);
void jx_finish_acls(struct jx *x);
void jx_finish_cpp(struct jx *x);
/* Ports covered by an interface-range that says "disable" are shut. */
void jx_finish_ranges(struct jx *x);

/* extract_junos_zones.c: "security zones ..." and "security policies ..."
 * statement paths, and the step that builds m->zones once the system
 * services are known. */
void jz_statement(struct jx *x, const struct model_path *l);
void jx_finish_zones(struct jx *x);

#endif
