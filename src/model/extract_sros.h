/*
 * extract_sros.h - internal to the SR OS extractor (extract_sros.c and
 * extract_sros_system.c): its state, the small token helpers and the path
 * tables its statements are dispatched through.
 */
#ifndef TSAUDIT_EXTRACT_SROS_H
#define TSAUDIT_EXTRACT_SROS_H

#include "model/extract.h"

/* BGP settings that groups (and the bgp level) pass on to neighbours. */
struct sbgp_set {
    struct secret key;
    const struct cfg_node *auth_node, *ttl_node, *limit_node;
    const char *import, *export;
    int type; /* 0 unset, 1 external, 2 internal */
    long peer_as, local_as;
    bool shutdown;
};

struct sbgp_grp {
    struct sv name;
    struct sv inst; /* VPRN, empty for the base router */
    const struct cfg_node *node;
    struct sbgp_set s;
};

struct sbgp_nbr {
    struct sv addr, group, inst;
    const struct cfg_node *node;
    struct sbgp_set s;
};

struct sigp_if {
    int proto; /* 0 ospf, 1 ospf3, 2 isis */
    struct sv name;
    bool passive, authed, weak;
    const struct cfg_node *node, *auth_node, *weak_node; /* weak_node: type password */
    const struct cfg_node *md5_node; /* authentication-type message-digest, md5 keys */
    struct sv chain;                 /* authentication-keychain K: its entries decide */
};

/* A keychain entry's "algorithm" (system security keychain K ... entry N). */
struct skey_alg {
    struct sv chain;
    enum igp_alg alg;
    const struct cfg_node *node;
};

/* A syslog destination (config>log>syslog N) and its threshold level. */
struct ssyslog {
    struct sv id;
    bool has_addr;
    bool tls;    /* tls-client-profile: sent over TLS */
    size_t host; /* its entry in logging.hosts, SIZE_MAX before the address */
    int level;   /* -1: none configured */
    const struct cfg_node *level_node;
};

struct slogid {
    struct sv id;
    bool security, change, to_syslog;
    const struct cfg_node *node, *src_node;
    const struct cfg_node *shut_node; /* shutdown / admin-state disable */
};

/* One entry of a local profile: its match string and action are separate
 * statements, tied by the entry number. */
struct sentry {
    struct sv id, match;
    bool deny;
    const struct cfg_node *node;
};

/* A local profile (command authorisation for local users). */
struct sprofile {
    struct sv name;
    const struct cfg_node *default_node;
    bool permit_all, deny_all, deny_entry;
    bool none_default; /* default-action none: on to the next profile, deny-all after the last */
    struct sentry *entries;
    size_t nentries;
};

/* A local user's CLI access and profiles ("access console", "console member
 * P ..."), in the order given. */
#define SX_USER_PROFILES 8 /* SR OS allows up to eight profiles per user */
struct suser {
    size_t acct; /* index in m->accounts */
    bool console;
    struct sv prof[SX_USER_PROFILES];
    size_t nprof;
    const struct cfg_node *member_node;
};

struct sapply;

struct sx {
    struct srtg *rtg;   /* routing-security facts (extract_sros_rtg.c) */
    struct sfilt *filt; /* IP filters (extract_sros_filter.c) */
    const struct cfg_tree *t;
    struct arena *a;
    struct device_model *m;
    struct ct_state *ct; /* cryptography and time service (extract_time.c) */

    const struct cfg_node *telnet_node, *ssh_off_node, *ssh_v1_node, *ssh_v2_node, *preserve_node;
    enum fact_state telnet_state;
    bool saw_ciphers, saw_macs;
    /* cipher/MAC statements, and those naming a weak algorithm */
    struct fact_lines cipher_ev, cipher_weak_ev, mac_ev, mac_weak_ev;
    const struct cfg_node *idle_node;
    long idle_minutes;

    struct acl *maf;
    const struct cfg_node *maf_default;
    bool maf_default_permit;
    /* per entry of maf (same index): what MGMT-OOB-VRF needs beyond the
     * ACL entry; the ipv6-filter and IPv6 addressing are not judged */
    struct smaf_match {
        bool oob;                   /* src-port cpm, or router "management" */
        bool proto_seen, proto_any; /* a protocol; one not of routing/ICMP */
        bool port_seen, port_any;   /* a dst-port; one not of routing/NTP */
    } * maf_match;
    size_t nmaf_match;
    const struct cfg_node *maf6_node, *ipv6_node;
    const struct cfg_node *cpm_node;
    const struct cfg_node *cpm_default; /* cpm-filter default-action */
    bool cpm_default_drop;
    /* router interfaces (index in m->interfaces) with "no mask-reply" */
    size_t *mask_off;
    size_t nmask_off;

    const struct cfg_node *order_node;
    bool order_central, order_local;
    const struct cfg_node *acct_node, *authz_node;

    const struct cfg_node *snmp_on_node, *snmp_off_node;
    const struct cfg_node *ntp_key_node, *ntp_check_node;
    bool ntp_check_off;

    struct slogid *logids;
    size_t nlogids;
    struct ssyslog *syslogs;
    size_t nsyslogs;

    struct sprofile *profiles;
    size_t nprofiles;
    struct suser *users;
    size_t nusers;

    /* system grpc: the block, its admin state and transport statements */
    const struct cfg_node *grpc_node, *grpc_on_node, *grpc_off_node, *grpc_tls_node,
        *grpc_clear_node, *grpc_port_node;
    const struct cfg_node *netconf_on_node, *netconf_off_node; /* NETCONF (over SSH only) */
    long grpc_port;

    struct sbgp_set bgp_global;
    struct sv cur_inst; /* VPRN of the statement being read */
    struct sbgp_grp *groups;
    size_t ngroups;
    struct sbgp_nbr *nbrs;
    size_t nnbrs;
    long local_as;

    struct sigp_if *igp_if;
    size_t nigp_if;
    const struct cfg_node *igp_node[3];
    const struct cfg_node *isis_auth;
    const struct cfg_node *isis_cleartext; /* instance/level authentication-type password */
    const struct cfg_node *isis_md5;       /* instance/level authentication-type message-digest */
    struct sv isis_chain;                  /* instance/level auth-keychain K */
    struct skey_alg *key_algs;
    size_t nkey_algs;

    struct model_nmap if_map, acct_map, nbr_map, group_map, igp_map;
    struct model_nmap obj_map; /* communities, NTP servers, log-ids, SNMP users (k2 = kind) */
    struct sapply *apply;      /* apply-groups statements (MD-CLI groups) */
    size_t napply;
    struct model_path *scratch; /* a group statement re-read without its prefix */
    struct model_walk walk;     /* the walks' statement buffer and depth stack */
};

/* extract_sros_outbound.c: aaa.outbound_cmds from the local users with CLI
 * access and their profiles; false (fact untouched) when they do not decide. */
bool sx_users_outbound(struct sx *x);
/* A profile that denies ssh and telnet yet lets its users edit the profiles
 * ("configure system security"), or NULL. */
const struct sprofile *sx_self_editing_profile(const struct sx *x);

#define SX_MAX_ITEMS 200000 /* cap on indexed lists (interfaces, users, neighbours) */
#define SX_MAX_SMALL 4096   /* cap on lists searched linearly (servers, communities) */
#define SX_MAX_LIST 64      /* SSH algorithms */

static inline bool scap(size_t n)
{
    return n < SX_MAX_ITEMS;
}

static inline bool ssmall(size_t n)
{
    return n < SX_MAX_SMALL;
}

static inline const char *dup_unq(struct sx *x, struct sv s)
{
    return model_strdup_unquoted(x->a, s);
}

/* Value at i, classified with the optional "hash"/"hash2" word after it. */
static inline struct secret ssecret(const struct model_path *l, size_t i)
{
    struct sv v = sv_unquote(model_path_tok(l, i));
    if (!v.p)
        return model_secret(SECRET_NONE, v, l->node);
    return model_secret(secret_classify_sros(v, model_path_tok(l, i + 1)), v, l->node);
}

/* Index of token w at or after from (0 = none). */
static inline size_t find_w(const struct model_path *l, size_t from, const char *w)
{
    for (size_t i = from; i < l->n; i++)
        if (sv_eq_cstr(l->tok[i], w))
            return i;
    return 0;
}

/* true/enable/no value = on; false/disable = off (MD-CLI booleans). */
static inline bool is_true(const struct model_path *l, size_t i)
{
    struct sv v = model_path_tok(l, i);
    return !v.p || sv_eq_cstr(v, "true") || sv_eq_cstr(v, "enable");
}
/*
 * A handler of a path table: i indexes the statement's keyword, k the token
 * after the row's words, no says whether a "no" stood before the keyword.
 * It returns false when the statement is not a form it reads, and the next
 * row is tried.
 */
typedef bool sx_fn(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no);

struct sx_row {
    const char *words; /* model_path_match() words from i; NULL: any statement */
    sx_fn *fn;
};

/* Hand the statement at i to the first row whose words match and whose
 * handler reads it, in table order. */
void sx_dispatch(struct sx *x, const struct sx_row *rows, size_t nrows, const struct model_path *l,
                 size_t i, bool no);

/* configure system ... (i: the index after "system"; extract_sros_system.c). */
void sx_system(struct sx *x, const struct model_path *l, size_t i);

#endif
