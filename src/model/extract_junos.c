/*
 * extract_junos.c - the Juniper Junos extractor: fills struct device_model
 * from a Junos config tree (brace or set form).
 *
 * The tree is read as "display set" lines: one walk over the statements
 * keeps a stack of the tokens of every enclosing statement, and each
 * statement is handed to the handler as its full path (e.g. "system services
 * ssh protocol-version v2"). This makes the extractor independent of how a
 * parser split a path into nodes, so brace and set forms give the same
 * facts. Handlers are idempotent (find-or-create), because every prefix of
 * a path is seen once per node that holds it.
 *
 * Inactive statements (CFG_INACTIVE or an "inactive:" prefix) and their
 * subtrees are skipped. Configuration groups are expanded for `apply-groups`
 * at any hierarchy level: a group statement "groups G <path>" is inherited
 * when G is applied at a level that <path> lies under (top level covers
 * everything: system, snmp, protocols bgp, interfaces, ...). Group lines are
 * applied before local ones so that local single-valued statements win; of
 * several groups naming the host (re0, re1) the first one read is kept.
 * Not expanded: wildcard group paths ("<*>", "<ge-*>"), groups applied
 * inside groups, and apply-groups-except (its groups are still inherited).
 *
 * BGP: settings at the bgp level pass to groups and at group level to
 * neighbours unless overridden; `routing-instances X protocols bgp` gives
 * sessions with vrf X (the master bgp-level settings do not reach them).
 * GTSM has no per-peer knob in Junos: it is ON when the lo0 input filter has
 * a `ttl-except 255` term. Large configs stay linear: names are indexed,
 * lists searched linearly are capped, prefix-list expansion is bounded.
 */
#include "model/extract_rtg.h"

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

struct jclass {
    struct sv name;
    long idle_minutes; /* -1 none */
    const struct cfg_node *node;
    bool perm_all;  /* permissions include "all" */
    bool restricts; /* allow/deny lists, or permissions other than all */
    const struct cfg_node *perm_node;
};

struct jsnmp_clients {
    struct sv community; /* or client-list name */
    struct acl *acl;
};

struct jigp_if {
    int proto; /* 0 ospf, 1 ospf3, 2 isis */
    struct sv name;
    bool passive, authed, weak;
    const struct cfg_node *node, *auth_node;
};

struct japply {
    struct sv *loc; /* the hierarchy level (arena) */
    size_t nloc;
    struct sv *names; /* every group the statement names (arena) */
    size_t nnames;
};

struct jx {
    struct jrtg *rtg; /* routing-security facts (extract_junos_rtg.c) */
    /* system ports (MGMT-CONSOLE-AUX) */
    const struct cfg_node *console_insecure_node;
    const struct cfg_tree *t;
    struct arena *a;
    struct device_model *m;

    struct japply *apply;
    size_t napply;

    /* ssh and services */
    const struct cfg_node *ssh_node, *ssh_v1_node, *ssh_root_node, *ssh_version_node;
    enum fact_state root_login;
    bool saw_ciphers, saw_macs, saw_kex, ssh_port_set;
    /* cipher/MAC statements, and those naming a weak algorithm */
    struct fact_lines cipher_ev, cipher_weak_ev, mac_ev, mac_weak_ev;

    /* login */
    struct jclass *classes;
    size_t nclasses;
    const char **acct_class; /* parallel to m->accounts: class name */
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

    bool in_groups;        /* handling statements inherited from groups */
    size_t secrets_before; /* other_secrets count when the current statement began */

    /* name indexes into the arrays above and in the model */
    struct model_nmap if_map, acct_map, nbr_map, term_map, igp_map, plist_map, group_map;
    struct model_nmap host_map; /* AAA/syslog/NTP hosts, communities, USM users (k2 = kind) */
};

static void j_lo0_list(struct jx *x, const struct model_path *l, size_t k);

/* ------------------------------------------------------------ tokens */

static bool sv_same(struct sv a, struct sv b)
{
    return a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0);
}

/* Compare a view with quotes stripped on both sides. */
static bool sv_same_unq(struct sv a, struct sv b)
{
    return sv_same(sv_unquote(a), sv_unquote(b));
}

/*
 * Append the tokens of one statement to l. Quoted strings stay whole; brace
 * and list punctuation is dropped; a "#" token starts a comment. Returns
 * true when the statement is marked inactive in its text.
 */
static bool jl_push_node(struct model_path *l, const struct cfg_node *nd)
{
    const char *p = nd->text, *end = nd->text + nd->len;
    bool inactive = false;
    struct sv t;
    while ((p = model_path_token(p, end, &t)) != NULL) {
        if (t.p[0] == '#' || (t.n >= 2 && t.p[0] == '/' && t.p[1] == '*'))
            break;
        t = model_path_strip(t);
        if (t.n == 0)
            continue;
        if (sv_eq_cstr(t, "inactive:") || sv_eq_cstr(t, "deactivate")) {
            inactive = true;
            continue;
        }
        if (sv_eq_cstr(t, "protect:") || (l->n == 0 && sv_eq_cstr(t, "set")))
            continue;
        model_path_add(l, t, nd);
    }
    return inactive;
}

/* ------------------------------------------------------------ helpers */

static const char *dup_unq(struct jx *x, struct sv s)
{
    return model_strdup_unquoted(x->a, s);
}

static struct secret jsecret(const struct model_path *l, size_t i)
{
    struct sv v = sv_unquote(model_path_tok(l, i));
    if (!v.p)
        return model_secret(SECRET_NONE, v, l->node);
    enum secret_type ty = secret_is_redacted(v) ? SECRET_REDACTED : secret_classify_junos(v);
    return model_secret(ty, v, l->node);
}

/* Append the policy names of one statement to a chain ("A B"): brace form
 * lists them in one statement, set form one per line. */
static const char *chain_add(struct jx *x, const char *cur, const struct cfg_node **cur_node,
                             const struct model_path *l, size_t from)
{
    if (from >= l->n)
        return cur;
    struct sv first = l->tok[from], last = l->tok[l->n - 1];
    struct sv all = first;
    if (l->own[from] == l->own[l->n - 1])
        all = sv_make(first.p, (size_t)(last.p + last.n - first.p));
    const char *add = model_strdup(x->a, all);
    *cur_node = l->node;
    if (!cur)
        return add;
    return arena_printf(x->a, "%s %s", cur, add);
}

static bool jcap(size_t n)
{
    return n < JX_MAX_ITEMS;
}

static bool jsmall(size_t n)
{
    return n < JX_MAX_SMALL;
}

/* ------------------------------------------------------------ objects */

static struct interface *j_iface(struct jx *x, struct sv name, const struct cfg_node *n)
{
    struct device_model *m = x->m;
    size_t at = model_nmap_get(&x->if_map, name, sv_make(NULL, 0));
    if (at != SIZE_MAX)
        return &m->interfaces[at];
    if (!jcap(m->ninterfaces))
        return NULL;
    struct interface *f = model_add_interface(x->a, m, name, n);
    model_nmap_put(x->a, &x->if_map, name, sv_make(NULL, 0), m->ninterfaces - 1);
    f->is_loopback = sv_starts_with(name, "lo");
    f->is_tunnel = sv_starts_with(name, "gr-") || sv_starts_with(name, "ip-") ||
                   sv_starts_with(name, "st0") || sv_starts_with(name, "lt-") ||
                   sv_starts_with(name, "fti");
    f->is_mgmt = sv_starts_with(name, "fxp") || sv_starts_with(name, "em0") ||
                 sv_starts_with(name, "me0") || sv_starts_with(name, "re0:mgmt") ||
                 sv_starts_with(name, "re1:mgmt") || sv_starts_with(name, "vme");
    if (f->is_tunnel)
        f->tunnel_mode = sv_starts_with(name, "gr-")   ? "gre"
                         : sv_starts_with(name, "ip-") ? "ipip"
                         : sv_starts_with(name, "st0") ? "ipsec"
                                                       : "other";
    fact_default(&f->urpf, FACT_OFF, "no family inet rpf-check");
    fact_default(&f->proxy_arp, FACT_OFF, "proxy-arp is off unless configured");
    fact_default(&f->directed_broadcast, FACT_OFF, "targeted-broadcast is off unless configured");
    if (x->no_redirects_node)
        fact_set(&f->redirects, FACT_OFF, x->no_redirects_node);
    else
        fact_default(&f->redirects, FACT_ON, "Junos sends ICMP redirects unless no-redirects");
    fact_unknown(&f->unreachables, "ICMP unreachable generation is not visible in the config");
    return f;
}

static struct account *j_account(struct jx *x, struct sv name, const struct cfg_node *n)
{
    size_t old = x->m->naccounts;
    struct account *ac = model_account_indexed(x->a, x->m, &x->acct_map, name, n, JX_MAX_ITEMS);
    if (ac && x->m->naccounts > old) { /* a new account: no login class yet */
        x->acct_class = model_grow(x->a, (void *)x->acct_class, old, sizeof(*x->acct_class));
        x->acct_class[old] = NULL;
    }
    return ac;
}

static struct jclass *j_class(struct jx *x, struct sv name, const struct cfg_node *n)
{
    for (size_t i = 0; i < x->nclasses; i++)
        if (sv_same(x->classes[i].name, name))
            return &x->classes[i];
    if (!jsmall(x->nclasses))
        return NULL;
    struct jclass *c = MODEL_PUSH(x->a, x->classes, x->nclasses);
    c->name = name;
    c->idle_minutes = -1;
    c->node = n;
    return c;
}

static struct jbgp_grp *j_group(struct jx *x, struct sv name, const struct cfg_node *n)
{
    size_t at = model_nmap_get(&x->group_map, name, x->cur_inst);
    if (at != SIZE_MAX)
        return &x->groups[at];
    if (!jcap(x->ngroups))
        return NULL;
    model_nmap_put(x->a, &x->group_map, name, x->cur_inst, x->ngroups);
    struct jbgp_grp *g = MODEL_PUSH(x->a, x->groups, x->ngroups);
    g->name = name;
    g->inst = x->cur_inst;
    g->node = n;
    g->s.peer_as = -1;
    g->s.local_as = -1;
    return g;
}

static struct jbgp_nbr *j_nbr(struct jx *x, struct sv group, struct sv addr,
                              const struct cfg_node *n)
{
    size_t at = model_nmap_get3(&x->nbr_map, addr, group, x->cur_inst);
    if (at != SIZE_MAX)
        return &x->nbrs[at];
    if (!jcap(x->nnbrs))
        return NULL;
    struct jbgp_nbr *b = MODEL_PUSH(x->a, x->nbrs, x->nnbrs);
    b->addr = addr;
    b->group = group;
    b->inst = x->cur_inst;
    b->node = n;
    b->s.peer_as = -1;
    b->s.local_as = -1;
    model_nmap_put3(x->a, &x->nbr_map, addr, group, x->cur_inst, x->nnbrs - 1);
    return b;
}

static struct jterm *j_term(struct jx *x, struct sv filter, struct sv name,
                            const struct cfg_node *n)
{
    size_t at = model_nmap_get(&x->term_map, filter, name);
    if (at != SIZE_MAX)
        return &x->terms[at];
    if (!jcap(x->nterms))
        return NULL;
    struct jterm *tm = MODEL_PUSH(x->a, x->terms, x->nterms);
    tm->filter = filter;
    tm->name = name;
    tm->node = n;
    model_nmap_put(x->a, &x->term_map, filter, name, x->nterms - 1);
    return tm;
}

static struct mgmt_service *j_service(struct jx *x, const char *name, bool cleartext,
                                      const struct cfg_node *n)
{
    struct mgmt_service *s = model_find_service(x->m, name, NULL);
    if (s)
        return s;
    return model_add_service(x->a, x->m, name, cleartext, FACT_ON, n);
}

/* Append v unless present; lists searched this way stay short (cap). */
static void add_unique_str(struct jx *x, const char ***arr, size_t *n, struct sv v)
{
    if (*n >= JX_MAX_LIST)
        return;
    for (size_t i = 0; i < *n; i++)
        if (sv_eq_cstr(v, (*arr)[i]))
            return;
    const char **slot = MODEL_PUSH(x->a, *arr, *n);
    *slot = model_strdup(x->a, v);
}

/* ------------------------------------------------------------ system */

static void j_sv_telnet(struct jx *x, const struct model_path *l, size_t i, size_t k)
{
    (void)k;
    struct device_model *m = x->m;
    if (m->telnet_server.state != FACT_ON || m->telnet_server.is_default)
        fact_set(&m->telnet_server, FACT_ON, model_path_own(l, i));
}

/* ssh ciphers|macs A...: the algorithms, and the statement as evidence of a weak one */
static void j_ssh_algos(struct jx *x, const struct model_path *l, size_t k, bool mac)
{
    struct ssh_facts *ssh = &x->m->ssh;
    for (; k < l->n; k++) {
        if (mac) {
            add_unique_str(x, &ssh->macs, &ssh->nmacs, l->tok[k]);
            if (model_ssh_mac_is_weak(l->tok[k]))
                fact_lines_add(&x->mac_weak_ev, l->node);
        } else {
            add_unique_str(x, &ssh->ciphers, &ssh->nciphers, l->tok[k]);
            if (model_ssh_cipher_is_weak(l->tok[k]))
                fact_lines_add(&x->cipher_weak_ev, l->node);
        }
    }
    *(mac ? &x->saw_macs : &x->saw_ciphers) = true;
    fact_lines_add(mac ? &x->mac_ev : &x->cipher_ev, l->node);
    fact_lines_add(&ssh->algo_ev, l->node);
}

/* One statement of the ssh service from i (after "ssh"). */
static void j_ssh_stmt(struct jx *x, const struct model_path *l, size_t i)
{
    struct device_model *m = x->m;
    size_t k;
    if (model_path_match(l, i, "protocol-version", &k)) {
        x->ssh_version_node = l->node;
        for (size_t j = k; j < l->n; j++)
            if (sv_eq_cstr(l->tok[j], "v1"))
                x->ssh_v1_node = l->node;
        fact_lines_add(&m->ssh.ev, l->node);
    } else if (model_path_match(l, i, "root-login", &k) && k < l->n) {
        x->ssh_root_node = l->node;
        x->root_login = sv_eq_cstr(l->tok[k], "allow") ? FACT_ON : FACT_OFF;
    } else if (model_path_match(l, i, "port", &k) && k < l->n) {
        m->ssh.port = model_sv_long(l->tok[k], -1);
        x->ssh_port_set = true;
        fact_lines_add(&m->ssh.ev, l->node);
    } else if (model_path_match(l, i, "ciphers", &k)) {
        j_ssh_algos(x, l, k, false);
    } else if (model_path_match(l, i, "macs", &k)) {
        j_ssh_algos(x, l, k, true);
    } else if (model_path_match(l, i, "key-exchange", &k)) {
        for (; k < l->n; k++)
            add_unique_str(x, &m->ssh.kex, &m->ssh.nkex, l->tok[k]);
        x->saw_kex = true;
        fact_lines_add(&m->ssh.algo_ev, l->node);
    }
}

static void j_sv_ssh(struct jx *x, const struct model_path *l, size_t i, size_t k)
{
    struct device_model *m = x->m;
    const struct cfg_node *own = model_path_own(l, i);
    if (!x->ssh_node) {
        x->ssh_node = own;
        fact_set(&m->ssh.enabled, FACT_ON, own);
        fact_lines_add(&m->ssh.ev, own);
    }
    j_ssh_stmt(x, l, k);
}

static void j_sv_netconf(struct jx *x, const struct model_path *l, size_t i, size_t k)
{
    struct mgmt_service *s = j_service(x, "netconf", false, model_path_own(l, i + 1));
    if (model_path_eq(l, k, "port") && k + 1 < l->n)
        s->port = model_sv_long(l->tok[k + 1], -1);
}

static void j_sv_grpc(struct jx *x, const struct model_path *l, size_t i, size_t k)
{
    (void)i;
    if (model_path_eq(l, k, "clear-text"))
        j_service(x, "grpc", true, model_path_own(l, k));
    else if (model_path_eq(l, k, "ssl"))
        j_service(x, "grpc-tls", false, model_path_own(l, k));
}

static void j_sv_finger(struct jx *x, const struct model_path *l, size_t i, size_t k)
{
    (void)k;
    struct device_model *m = x->m;
    if (m->legacy.finger.is_default || m->legacy.finger.state != FACT_ON)
        fact_set(&m->legacy.finger, FACT_ON, model_path_own(l, i));
}

static void j_sv_dhcp(struct jx *x, const struct model_path *l, size_t i, size_t k)
{
    (void)k;
    struct device_model *m = x->m;
    if (m->legacy.dhcp_server.is_default || m->legacy.dhcp_server.state != FACT_ON)
        fact_set(&m->legacy.dhcp_server, FACT_ON, model_path_own(l, i));
}

/*
 * system services ...: a row's handler (when set) runs first, then the
 * service (when named) is recorded at the row's last word.
 */
struct j_svc_row {
    const char *words;
    const char *service;
    bool cleartext;
    void (*fn)(struct jx *x, const struct model_path *l, size_t i, size_t k);
};

static const struct j_svc_row service_rows[] = {
    {"telnet", "telnet", true, j_sv_telnet},
    {"ssh", NULL, false, j_sv_ssh},
    {"web-management http", "http", true, NULL},
    {"web-management https", "https", false, NULL},
    {"netconf ssh", NULL, false, j_sv_netconf},
    {"rest http", "rest", true, NULL},
    {"rest https", "rest-https", false, NULL},
    {"extension-service request-response grpc", NULL, false, j_sv_grpc},
    {"ftp", "ftp-server", true, NULL},
    {"tftp-server", "tftp-server", true, NULL},
    {"finger", "finger", true, j_sv_finger},
    {"rlogin", "rlogin", true, NULL},
    {"rsh", "rsh", true, NULL},
    {"xnm-clear-text", "xml-agent", true, NULL},
    {"xnm-ssl", "xml-agent-tls", false, NULL},
    {"dhcp", NULL, false, j_sv_dhcp},
    {"dhcp-local-server", NULL, false, j_sv_dhcp},
};

static void j_services(struct jx *x, const struct model_path *l, size_t i)
{
    for (size_t r = 0; r < ARRAY_SIZE(service_rows); r++) {
        const struct j_svc_row *row = &service_rows[r];
        size_t k;
        if (!model_path_match(l, i, row->words, &k))
            continue;
        if (row->fn)
            row->fn(x, l, i, k);
        if (row->service)
            j_service(x, row->service, row->cleartext, model_path_own(l, k - 1));
        return;
    }
}

static int class_privilege(struct sv cls)
{
    cls = sv_unquote(cls);
    if (sv_eq_cstr(cls, "super-user"))
        return 15;
    if (sv_eq_cstr(cls, "operator"))
        return 5;
    if (sv_eq_cstr(cls, "read-only"))
        return 1;
    if (sv_eq_cstr(cls, "unauthorized"))
        return 0;
    return -1;
}

static void j_auth_statement(struct jx *x, struct account *ac, const struct model_path *l, size_t k)
{
    if (model_path_eq(l, k, "encrypted-password") && k + 1 < l->n) {
        ac->secret = jsecret(l, k + 1);
        /* Junos stores only crypt strings here; anything else is a stand-in
         * left by whoever published or sanitised the file. */
        if (ac->secret.type == SECRET_PLAINTEXT)
            ac->secret.type = SECRET_REDACTED;
    } else if (model_path_eq(l, k, "plain-text-password")) {
        ac->secret = model_secret(SECRET_PLAINTEXT, sv_make(NULL, 0), l->node);
    } else if (k < l->n && (sv_starts_with(l->tok[k], "ssh-") && k + 1 < l->n)) {
        ac->has_ssh_key = true;
    }
}

static void j_login(struct jx *x, const struct model_path *l, size_t i)
{
    struct device_model *m = x->m;
    size_t k;
    if (model_path_eq(l, i, "user") && i + 1 < l->n) {
        struct account *ac = j_account(x, l->tok[i + 1], model_path_own(l, i + 1));
        if (!ac)
            return;
        size_t ai = (size_t)(ac - m->accounts);
        if (model_path_eq(l, i + 2, "class") && i + 3 < l->n) {
            ac->role = dup_unq(x, l->tok[i + 3]);
            ac->privilege = class_privilege(l->tok[i + 3]);
            x->acct_class[ai] = ac->role;
        } else if (model_path_eq(l, i + 2, "authentication")) {
            j_auth_statement(x, ac, l, i + 3);
        }
    } else if (model_path_eq(l, i, "class") && i + 1 < l->n) {
        struct jclass *c = j_class(x, l->tok[i + 1], model_path_own(l, i + 1));
        if (!c)
            return;
        if (model_path_eq(l, i + 2, "idle-timeout") && i + 3 < l->n) {
            c->idle_minutes = model_sv_long(l->tok[i + 3], -1);
            c->node = l->node;
        } else if (model_path_eq(l, i + 2, "permissions") && i + 3 < l->n) {
            for (size_t j = i + 3; j < l->n; j++)
                if (sv_eq_cstr(l->tok[j], "all"))
                    c->perm_all = true;
            if (!c->perm_node)
                c->perm_node = l->node;
        } else if (i + 3 < l->n && l->tok[i + 2].n > 6 &&
                   (sv_starts_with(l->tok[i + 2], "allow-") ||
                    sv_starts_with(l->tok[i + 2], "deny-"))) {
            /* allow-commands, deny-configuration-regexps, ... */
            c->restricts = true;
            if (!c->perm_node)
                c->perm_node = l->node;
        }
    } else if (model_path_match(l, i, "message", &k) && k < l->n) {
        struct banner *b = model_add_banner(x->a, m, "login", l->node);
        b->text = sv_unquote(l->tok[k]);
    } else if (model_path_match(l, i, "announcement", &k) && k < l->n) {
        struct banner *b = model_add_banner(x->a, m, "motd", l->node);
        b->text = sv_unquote(l->tok[k]);
    } else if (model_path_eq(l, i, "password") && i + 2 < l->n) {
        if (!x->pwpolicy_node)
            x->pwpolicy_node = l->node;
    }
}

static void j_root_auth(struct jx *x, const struct model_path *l, size_t i)
{
    struct account *ac = j_account(x, SV_LIT("root"), model_path_own(l, i - 1));
    if (!ac)
        return;
    ac->privilege = 15;
    if (!ac->role)
        ac->role = "root";
    j_auth_statement(x, ac, l, i);
}

static void j_aaa_server(struct jx *x, const struct model_path *l, size_t i, enum aaa_proto proto)
{
    struct device_model *m = x->m;
    if (i >= l->n)
        return;
    struct sv host = l->tok[i];
    struct sv pk = proto == AAA_TACACS ? SV_LIT("tacplus") : SV_LIT("radius");
    size_t at = model_nmap_get(&x->host_map, host, pk);
    struct aaa_server *s = at == SIZE_MAX ? NULL : &m->aaa.servers[at];
    if (!s) {
        if (!jsmall(m->aaa.nservers))
            return;
        model_nmap_put(x->a, &x->host_map, host, pk, m->aaa.nservers);
        s = MODEL_PUSH(x->a, m->aaa.servers, m->aaa.nservers);
        s->proto = proto;
        s->host = model_strdup(x->a, host);
        s->addr = model_parse_addr(host);
        s->node = model_path_own(l, i);
    }
    if (model_path_eq(l, i + 1, "secret") && i + 2 < l->n) {
        s->key = jsecret(l, i + 2);
        model_add_secret(x->a, m, proto == AAA_TACACS ? "tacacs-key" : "radius-key", s->key);
    }
}

/* Junos syslog levels from most to least severe; "any" is the most verbose. */
static const char *const syslog_levels[] = {"emergency", "alert",  "critical", "error",
                                            "warning",   "notice", "info",     "any"};

static int syslog_rank(struct sv lev)
{
    for (int i = 0; i < (int)ARRAY_SIZE(syslog_levels); i++)
        if (sv_eq_cstr(lev, syslog_levels[i]))
            return i;
    return -1;
}

static void j_syslog(struct jx *x, const struct model_path *l, size_t i)
{
    struct device_model *m = x->m;
    if (!x->syslog_node)
        x->syslog_node = model_path_own(l, i - 1);
    size_t fac = 0, host = SIZE_MAX;
    if (model_path_eq(l, i, "host") && i + 1 < l->n) {
        struct sv h = l->tok[i + 1];
        host = model_nmap_get(&x->host_map, h, SV_LIT("syslog"));
        if (host == SIZE_MAX && jsmall(m->logging.nhosts)) {
            host = m->logging.nhosts;
            model_nmap_put(x->a, &x->host_map, h, SV_LIT("syslog"), host);
            model_add_host(x->a, &m->logging.hosts, &m->logging.nhosts, h,
                           model_path_own(l, i + 1));
            fact_lines_add(&m->logging.ev, model_path_own(l, i + 1));
            x->log_best = model_grow(x->a, x->log_best, host, sizeof(*x->log_best));
            x->log_best_node =
                model_grow(x->a, (void *)x->log_best_node, host, sizeof(*x->log_best_node));
            x->log_best[host] = -1;
            x->log_best_node[host] = NULL;
        }
        fac = i + 2;
    } else if ((model_path_eq(l, i, "file") || model_path_eq(l, i, "user")) && i + 1 < l->n) {
        fac = i + 2;
    } else if (model_path_eq(l, i, "console")) {
        fac = i + 1;
    } else {
        return;
    }
    /* "<facility> <level>" statements */
    if (fac + 1 >= l->n || fac + 2 != l->n)
        return;
    struct sv f = l->tok[fac], lev = l->tok[fac + 1];
    if (sv_eq_cstr(lev, "none"))
        return;
    int rank = syslog_rank(lev);
    if (model_path_eq(l, i, "console") && (!x->log_console_node || rank > x->log_console_best)) {
        x->log_console_best = rank;
        x->log_console_node = l->node;
    }
    if (host != SIZE_MAX && rank > x->log_best[host]) {
        x->log_best[host] = rank;
        x->log_best_node[host] = l->node;
    }
    bool info_or_more = sv_eq_cstr(lev, "any") || sv_eq_cstr(lev, "info");
    bool notice_or_more = info_or_more || sv_eq_cstr(lev, "notice");
    if (host == SIZE_MAX)
        return; /* a local file or terminal: the events never reach a collector */
    if (((sv_eq_cstr(f, "authorization") || sv_eq_cstr(f, "any")) && info_or_more) &&
        !x->log_login_node)
        x->log_login_node = l->node;
    if (((sv_eq_cstr(f, "change-log") || sv_eq_cstr(f, "interactive-commands") ||
          sv_eq_cstr(f, "any")) &&
         notice_or_more) &&
        !x->log_change_node)
        x->log_change_node = l->node;
}

static void j_ntp(struct jx *x, const struct model_path *l, size_t i)
{
    struct device_model *m = x->m;
    fact_lines_add(&m->ntp.ev, model_path_own(l, i - 1));
    if (model_path_eq(l, i, "server") && i + 1 < l->n) {
        struct sv h = l->tok[i + 1];
        size_t at = model_nmap_get(&x->host_map, h, SV_LIT("ntp"));
        struct host_ref *r = at == SIZE_MAX ? NULL : &m->ntp.servers[at];
        if (!r) {
            if (!jsmall(m->ntp.nservers))
                return;
            model_nmap_put(x->a, &x->host_map, h, SV_LIT("ntp"), m->ntp.nservers);
            r = model_add_host(x->a, &m->ntp.servers, &m->ntp.nservers, h,
                               model_path_own(l, i + 1));
        }
        for (size_t j = i + 2; j + 1 < l->n; j++)
            if (sv_eq_cstr(l->tok[j], "key"))
                r->keyed = true;
        for (size_t j = i + 2; j + 1 < l->n; j++)
            if (sv_eq_cstr(l->tok[j], "routing-instance"))
                r->vrf = dup_unq(x, l->tok[j + 1]);
    } else if (model_path_eq(l, i, "authentication-key") && i + 1 < l->n) {
        if (!x->ntp_key_node)
            x->ntp_key_node = model_path_own(l, i + 1);
        for (size_t j = i + 2; j + 1 < l->n; j++)
            if (sv_eq_cstr(l->tok[j], "value"))
                model_add_secret(x->a, m, "ntp-key", jsecret(l, j + 1));
    } else if (model_path_eq(l, i, "trusted-key") && i + 1 < l->n) {
        if (!x->ntp_trusted_node)
            x->ntp_trusted_node = l->node;
    }
}

static void j_accounting(struct jx *x, const struct model_path *l, size_t i)
{
    if (!x->acct_node)
        x->acct_node = model_path_own(l, i - 1);
    if (model_path_eq(l, i, "events")) {
        for (size_t j = i + 1; j < l->n; j++) {
            if (sv_eq_cstr(l->tok[j], "login") && !x->acct_login_node)
                x->acct_login_node = l->node;
            if ((sv_eq_cstr(l->tok[j], "interactive-commands") ||
                 sv_eq_cstr(l->tok[j], "change-log")) &&
                !x->acct_cmd_node)
                x->acct_cmd_node = l->node;
        }
    } else if (model_path_eq(l, i, "destination") && i + 1 < l->n) {
        x->acct_has_dest = true;
    }
}

/* One on-box item per kind and name (a script or provider named on many lines). */
static void j_onbox_once(struct jx *x, const char *kind, struct sv name, const struct cfg_node *n)
{
    if (!jsmall(x->m->nonbox))
        return;
    for (size_t j = 0; j < x->m->nonbox; j++)
        if (strcmp(x->m->onbox[j].kind, kind) == 0 && sv_eq_cstr(name, x->m->onbox[j].name))
            return;
    model_add_onbox(x->a, x->m, kind, model_strdup(x->a, name), false, n);
}

static void j_scripts(struct jx *x, const struct model_path *l, size_t i)
{
    /* system scripts op|commit|event file NAME */
    const char *kind = NULL;
    if (model_path_eq(l, i, "op"))
        kind = "junos-op-script";
    else if (model_path_eq(l, i, "commit"))
        kind = "junos-commit-script";
    else if (model_path_eq(l, i, "event"))
        kind = "junos-event-script";
    else if (model_path_eq(l, i, "language") && model_path_eq(l, i + 1, "python") &&
             i + 2 == l->n) {
        model_add_onbox(x->a, x->m, "python", "python", false, l->node);
        return;
    }
    if (!kind || !model_path_eq(l, i + 1, "file") || i + 2 >= l->n)
        return;
    j_onbox_once(x, kind, sv_unquote(l->tok[i + 2]), model_path_own(l, i + 2));
}

static void j_system(struct jx *x, const struct model_path *l)
{
    struct device_model *m = x->m;
    size_t k;
    if (model_path_match(l, 1, "host-name", &k) && k < l->n) {
        /* of several applied groups (re0, re1) the first names the device;
         * a local host-name, read later, wins over all of them */
        if (x->in_groups && m->hostname)
            return;
        m->hostname = dup_unq(x, l->tok[k]);
        m->hostname_node = l->node;
    } else if (model_path_match(l, 1, "services", &k)) {
        j_services(x, l, k);
    } else if (model_path_match(l, 1, "login", &k)) {
        j_login(x, l, k);
    } else if (model_path_match(l, 1, "root-authentication", &k)) {
        j_root_auth(x, l, k);
    } else if (model_path_match(l, 1, "ports console insecure", &k)) {
        x->console_insecure_node = l->node;
    } else if (model_path_match(l, 1, "authentication-order", &k) && k < l->n) {
        x->auth_order_node = l->node;
        for (size_t j = k; j < l->n; j++) {
            if (sv_eq_cstr(l->tok[j], "tacplus") || sv_eq_cstr(l->tok[j], "radius") ||
                sv_eq_cstr(l->tok[j], "ldaps"))
                x->order_central = true;
            if (sv_eq_cstr(l->tok[j], "password"))
                x->order_password = true;
        }
    } else if (model_path_match(l, 1, "tacplus-server", &k)) {
        j_aaa_server(x, l, k, AAA_TACACS);
    } else if (model_path_match(l, 1, "radius-server", &k)) {
        j_aaa_server(x, l, k, AAA_RADIUS);
    } else if (model_path_match(l, 1, "accounting", &k)) {
        j_accounting(x, l, k);
    } else if (model_path_match(l, 1, "syslog", &k)) {
        j_syslog(x, l, k);
    } else if (model_path_match(l, 1, "ntp", &k)) {
        j_ntp(x, l, k);
    } else if (model_path_match(l, 1, "scripts", &k)) {
        j_scripts(x, l, k);
    } else if (model_path_match(l, 1, "extensions providers", &k) && k < l->n) {
        j_onbox_once(x, "extension", sv_unquote(l->tok[k]), model_path_own(l, k));
    } else if (model_path_match(l, 1, "master-password", &k)) {
        if (m->legacy.secret_encryption.state != FACT_ON)
            fact_set(&m->legacy.secret_encryption, FACT_ON, model_path_own(l, 1));
    } else if (model_path_match(l, 1, "no-redirects", &k) && k == l->n) {
        x->no_redirects_node = l->node;
        fact_set(&m->legacy.redirects, FACT_OFF, l->node);
    } else if (model_path_match(l, 1, "ports auxiliary", &k)) {
        if (!x->aux_node)
            x->aux_node = model_path_own(l, k - 1);
        if (model_path_eq(l, k, "disable") && k + 1 == l->n)
            x->aux_disable_node = l->node;
    } else if (model_path_match(l, 1, "management-instance", &k) && k == l->n) {
        fact_set(&m->mgmt_vrf, FACT_ON, l->node);
    }
}

/* ------------------------------------------------------------ snmp */

static struct acl *j_snmp_acl(struct jx *x, struct sv key, const char *name,
                              const struct cfg_node *n)
{
    for (size_t i = 0; i < x->nsnmp_cl; i++)
        if (sv_same_unq(x->snmp_cl[i].community, key))
            return x->snmp_cl[i].acl;
    if (!jsmall(x->nsnmp_cl))
        return NULL;
    struct jsnmp_clients *c = MODEL_PUSH(x->a, x->snmp_cl, x->nsnmp_cl);
    c->community = key;
    c->acl = model_add_acl(x->a, x->m, name, n);
    return c->acl;
}

static void acl_add_prefix(struct jx *x, struct acl *acl, struct sv addr, bool permit,
                           const struct cfg_node *n)
{
    if (!acl || !jcap(acl->n))
        return;
    struct acl_entry *e = model_acl_add_entry(x->a, acl, n);
    e->permit = permit;
    struct ip_prefix p = model_parse_addr(sv_unquote(addr));
    if (sv_eq_cstr(addr, "0/0")) {
        e->src_any = true;
    } else if (!p.af) {
        e->unresolved = true;
    } else if (ip_prefix_is_any(&p)) {
        e->src_any = true;
    } else {
        e->src = p;
    }
}

static void j_snmp(struct jx *x, const struct model_path *l)
{
    struct device_model *m = x->m;
    size_t k;
    if (!x->snmp_node) {
        x->snmp_node = l->own[0];
    }
    if (model_path_match(l, 1, "community", &k) && k < l->n) {
        struct sv name = l->tok[k];
        struct sv un = sv_unquote(name);
        size_t at = model_nmap_get(&x->host_map, un, SV_LIT("community"));
        struct snmp_community *c = at == SIZE_MAX ? NULL : &m->snmp.communities[at];
        if (!c) {
            if (!jsmall(m->snmp.ncommunities))
                return;
            model_nmap_put(x->a, &x->host_map, un, SV_LIT("community"), m->snmp.ncommunities);
            c = MODEL_PUSH(x->a, m->snmp.communities, m->snmp.ncommunities);
            enum secret_type ty = secret_is_redacted(un) ? SECRET_REDACTED : SECRET_PLAINTEXT;
            c->name = model_secret(ty, un, model_path_own(l, k));
            c->node = model_path_own(l, k);
            if (m->snmp.enabled.state != FACT_ON || m->snmp.enabled.is_default)
                fact_set(&m->snmp.enabled, FACT_ON, c->node);
        }
        if (model_path_eq(l, k + 1, "authorization") && k + 2 < l->n) {
            c->write = sv_eq_cstr(l->tok[k + 2], "read-write");
            c->access_node = l->node;
        } else if (model_path_eq(l, k + 1, "clients") && k + 2 < l->n) {
            char nm[48];
            snprintf(nm, sizeof(nm), "snmp-clients-%zu", (size_t)(c - m->snmp.communities) + 1);
            struct acl *acl = j_snmp_acl(x, name, arena_strdup(x->a, nm), model_path_own(l, k + 1));
            if (!c->acl_name && acl)
                c->acl_name = acl->name;
            bool restrict_ = model_path_eq(l, k + 3, "restrict");
            acl_add_prefix(x, acl, l->tok[k + 2], !restrict_, l->node);
        } else if (model_path_eq(l, k + 1, "client-list-name") && k + 2 < l->n) {
            c->acl_name = dup_unq(x, l->tok[k + 2]);
        }
    } else if (model_path_match(l, 1, "client-list", &k) && k + 1 < l->n) {
        const char *nm = dup_unq(x, l->tok[k]);
        struct acl *acl = j_snmp_acl(x, l->tok[k], nm, model_path_own(l, k));
        bool restrict_ = model_path_eq(l, k + 2, "restrict");
        acl_add_prefix(x, acl, l->tok[k + 1], !restrict_, l->node);
    } else if (model_path_match(l, 1, "v3 usm local-engine user", &k) && k < l->n) {
        struct sv un = sv_unquote(l->tok[k]);
        size_t at = model_nmap_get(&x->host_map, un, SV_LIT("usm"));
        struct snmp_user *u = at == SIZE_MAX ? NULL : &m->snmp.users[at];
        if (!u) {
            if (!jsmall(m->snmp.nusers))
                return;
            model_nmap_put(x->a, &x->host_map, un, SV_LIT("usm"), m->snmp.nusers);
            u = MODEL_PUSH(x->a, m->snmp.users, m->snmp.nusers);
            u->name = model_strdup(x->a, un);
            u->node = model_path_own(l, k);
            u->auth = "none";
            u->priv = "none";
            if (m->snmp.enabled.state != FACT_ON || m->snmp.enabled.is_default)
                fact_set(&m->snmp.enabled, FACT_ON, u->node);
        }
        if (k + 1 < l->n) {
            struct sv w = l->tok[k + 1];
            if (sv_starts_with(w, "authentication-")) {
                u->auth = model_strdup(x->a, sv_make(w.p + 15, w.n - 15));
                for (size_t j = k + 2; j + 1 < l->n; j++)
                    if (sv_eq_cstr(l->tok[j], "authentication-key"))
                        model_add_secret(x->a, m, "snmp-auth", jsecret(l, j + 1));
            } else if (sv_starts_with(w, "privacy-")) {
                u->priv = model_strdup(x->a, sv_make(w.p + 8, w.n - 8));
                for (size_t j = k + 2; j + 1 < l->n; j++)
                    if (sv_eq_cstr(l->tok[j], "privacy-key"))
                        model_add_secret(x->a, m, "snmp-priv", jsecret(l, j + 1));
            }
        }
    } else if ((model_path_match(l, 1, "trap-group * targets", &k) ||
                model_path_match(l, 1, "v3 target-address * address", &k)) &&
               k < l->n) {
        add_unique_str(x, &m->snmp.trap_hosts, &m->snmp.ntrap_hosts, l->tok[k]);
    }
}

/* ------------------------------------------------------------ bgp */

static void j_bgp_setting(struct jx *x, struct jbgp_set *s, const struct model_path *l, size_t k)
{
    struct device_model *m = x->m;
    size_t n;
    if (model_path_eq(l, k, "authentication-key") && k + 1 < l->n) {
        s->key = jsecret(l, k + 1);
        s->auth_node = l->node;
        model_add_secret(x->a, m, "bgp-key", s->key);
    } else if (model_path_eq(l, k, "authentication-key-chain") && k + 1 < l->n) {
        s->keychain = l->tok[k + 1];
        s->auth_node = l->node;
    } else if (model_path_eq(l, k, "type") && k + 1 < l->n) {
        s->type = sv_eq_cstr(l->tok[k + 1], "external") ? 1 : 2;
    } else if (model_path_eq(l, k, "peer-as") && k + 1 < l->n) {
        s->peer_as = model_sv_long(l->tok[k + 1], -1);
    } else if (model_path_eq(l, k, "local-as") && k + 1 < l->n) {
        s->local_as = model_sv_long(l->tok[k + 1], -1);
    } else if (model_path_eq(l, k, "import")) {
        s->import = chain_add(x, s->import, &s->import_node, l, k + 1);
    } else if (model_path_eq(l, k, "export")) {
        s->export = chain_add(x, s->export, &s->export_node, l, k + 1);
    } else if (model_path_match(l, k, "family * *", &n) &&
               (model_path_match(l, n, "prefix-limit maximum", NULL) ||
                model_path_match(l, n, "accepted-prefix-limit maximum", NULL))) {
        if (n + 2 < l->n && !s->maxpfx_node)
            s->maxpfx_node = l->node;
    }
}

static void j_bgp(struct jx *x, const struct model_path *l, size_t i)
{
    if (!x->bgp_node)
        x->bgp_node = model_path_own(l, i - 1);
    x->m->bgp.configured = true;
    if (model_path_eq(l, i, "group") && i + 1 < l->n) {
        struct jbgp_grp *g = j_group(x, l->tok[i + 1], model_path_own(l, i + 1));
        if (!g)
            return;
        if (model_path_eq(l, i + 2, "neighbor") && i + 3 < l->n) {
            struct jbgp_nbr *b = j_nbr(x, l->tok[i + 1], l->tok[i + 3], model_path_own(l, i + 3));
            if (b)
                j_bgp_setting(x, &b->s, l, i + 4);
        } else {
            j_bgp_setting(x, &g->s, l, i + 2);
        }
    } else if (model_path_eq(l, i, "neighbor") && i + 1 < l->n) {
        struct jbgp_nbr *b = j_nbr(x, sv_make(NULL, 0), l->tok[i + 1], model_path_own(l, i + 1));
        if (b)
            j_bgp_setting(x, &b->s, l, i + 2);
    } else if (!x->cur_inst.p) {
        j_bgp_setting(x, &x->bgp_global, l, i);
    }
}

/* ------------------------------------------------------------ igp */

static struct jigp_if *j_igp_if(struct jx *x, int proto, struct sv name, const struct cfg_node *n)
{
    static const char *const protos[3] = {"ospf", "ospf3", "isis"};
    struct sv pk = sv_from_cstr(protos[proto]);
    size_t at = model_nmap_get(&x->igp_map, name, pk);
    if (at != SIZE_MAX)
        return &x->igp_if[at];
    if (!jcap(x->nigp_if))
        return NULL;
    model_nmap_put(x->a, &x->igp_map, name, pk, x->nigp_if);
    struct jigp_if *f = MODEL_PUSH(x->a, x->igp_if, x->nigp_if);
    f->proto = proto;
    f->name = name;
    f->node = n;
    return f;
}

static void j_ospf(struct jx *x, const struct model_path *l, size_t i, int proto)
{
    size_t k;
    if (!x->igp_node[proto])
        x->igp_node[proto] = model_path_own(l, i - 1);
    if (!model_path_match(l, i, "area * interface", &k) || k >= l->n)
        return;
    struct jigp_if *f = j_igp_if(x, proto, l->tok[k], model_path_own(l, k));
    if (!f)
        return;
    k++;
    if (model_path_eq(l, k, "passive") && k + 1 == l->n) {
        f->passive = true;
    } else if (model_path_eq(l, k, "authentication") && k + 1 < l->n) {
        if (model_path_eq(l, k + 1, "simple-password")) {
            f->weak = true;
            if (k + 2 < l->n)
                model_add_secret(x->a, x->m, "ospf-key", jsecret(l, k + 2));
        } else {
            f->authed = true;
            for (size_t j = k + 1; j + 1 < l->n; j++)
                if (sv_eq_cstr(l->tok[j], "key"))
                    model_add_secret(x->a, x->m, "ospf-key", jsecret(l, j + 1));
        }
        f->auth_node = l->node;
    } else if (model_path_match(l, k, "interface-type", NULL) &&
               model_path_eq(l, k + 1, "loopback")) {
        f->passive = true;
    }
    if (sv_starts_with(f->name, "lo0"))
        f->passive = true;
}

static void j_isis(struct jx *x, const struct model_path *l, size_t i)
{
    size_t k;
    if (!x->igp_node[2])
        x->igp_node[2] = model_path_own(l, i - 1);
    if (model_path_match(l, i, "level *", &k) && k < l->n) {
        if (model_path_eq(l, k, "authentication-key") && k + 1 < l->n) {
            model_add_secret(x->a, x->m, "isis-key", jsecret(l, k + 1));
            if (!x->isis_level_auth)
                x->isis_level_auth = l->node;
        } else if (model_path_eq(l, k, "authentication-key-chain") && k + 1 < l->n) {
            if (!x->isis_level_auth)
                x->isis_level_auth = l->node;
        } else if (model_path_eq(l, k, "authentication-type") && k + 1 < l->n &&
                   sv_eq_cstr(l->tok[k + 1], "simple")) {
            x->isis_level_weak = l->node;
        }
    } else if (model_path_match(l, i, "interface", &k) && k < l->n) {
        struct jigp_if *f = j_igp_if(x, 2, l->tok[k], model_path_own(l, k));
        if (!f)
            return;
        if (model_path_eq(l, k + 1, "passive") && k + 2 == l->n)
            f->passive = true;
        for (size_t j = k + 1; j + 1 < l->n; j++)
            if (sv_eq_cstr(l->tok[j], "hello-authentication-key")) {
                f->authed = true;
                f->auth_node = l->node;
                model_add_secret(x->a, x->m, "isis-key", jsecret(l, j + 1));
            }
        if (sv_starts_with(f->name, "lo0"))
            f->passive = true;
    }
}

static void j_protocols(struct jx *x, const struct model_path *l)
{
    size_t k;
    if (model_path_match(l, 1, "bgp", &k))
        j_bgp(x, l, k);
    else if (model_path_match(l, 1, "ospf", &k))
        j_ospf(x, l, k, 0);
    else if (model_path_match(l, 1, "ospf3", &k))
        j_ospf(x, l, k, 1);
    else if (model_path_match(l, 1, "isis", &k))
        j_isis(x, l, k);
    else if (model_path_match(l, 1, "lldp", &k)) {
        if (model_path_eq(l, k, "interface") && k + 1 < l->n && !model_path_eq(l, k + 1, "all")) {
            /* per-interface setting: "disable" switches LLDP off there */
            struct interface *f = j_iface(x, l->tok[k + 1], l->own[k + 1]);
            if (f && model_path_eq(l, k + 2, "disable"))
                fact_set(&f->discovery, FACT_OFF, l->node);
            else if (f && f->discovery.state == FACT_UNKNOWN)
                fact_set(&f->discovery, FACT_ON, l->own[k + 1]);
        } else if (model_path_eq(l, k, "disable") && k + 1 == l->n)
            fact_set(&x->m->legacy.discovery, FACT_OFF, l->node);
        else if (x->m->legacy.discovery.state == FACT_UNKNOWN)
            fact_set(&x->m->legacy.discovery, FACT_ON, model_path_own(l, 1));
    }
}

/* ------------------------------------------------------------ interfaces */

/* family inet|inet6 ... from i (after the family name). */
static void j_if_family_stmt(struct jx *x, struct interface *f, const struct model_path *l,
                             size_t i)
{
    size_t k;
    if (model_path_eq(l, i, "address") && i + 1 < l->n) {
        f->has_ip = true;
    } else if (model_path_eq(l, i, "rpf-check")) {
        if (f->urpf.is_default)
            fact_set(&f->urpf, FACT_ON, model_path_own(l, i));
    } else if (model_path_eq(l, i, "no-redirects")) {
        fact_set(&f->redirects, FACT_OFF, l->node);
    } else if (model_path_match(l, i, "filter input", &k) && k < l->n) {
        if (!f->acl_in)
            f->acl_in = dup_unq(x, l->tok[k]);
    } else if (model_path_match(l, i, "filter input-list", &k) && k < l->n) {
        if (!f->acl_in)
            f->acl_in = dup_unq(x, l->tok[k]);
    } else if (model_path_match(l, i, "filter output", &k) && k < l->n) {
        if (!f->acl_out)
            f->acl_out = dup_unq(x, l->tok[k]);
    }
}

/* Each family has its own lo0 filter: one on inet6 leaves IPv4 to the
 * routing engine unfiltered. */
static void j_if_lo0_filter(struct jx *x, const struct model_path *l, size_t i, bool inet6)
{
    size_t k = 0;
    struct sv in = sv_make(NULL, 0);
    if (model_path_match(l, i, "filter input", &k) ||
        model_path_match(l, i, "filter input-list", &k))
        in = model_path_tok(l, k);
    if (!in.p)
        return;
    if (!inet6)
        j_lo0_list(x, l, k);
    const char **slot = inet6 ? &x->lo0_filter6 : &x->lo0_filter;
    const struct cfg_node **at = inet6 ? &x->lo0_filter6_node : &x->lo0_filter_node;
    if (!*slot) {
        *slot = dup_unq(x, in);
        *at = l->node;
    }
}

/* interfaces I [unit N] family F ... (i: "family") */
static void j_if_family(struct jx *x, struct interface *f, const struct model_path *l, size_t i)
{
    bool inet6 = sv_eq_cstr(l->tok[i + 1], "inet6");
    bool inet = sv_eq_cstr(l->tok[i + 1], "inet") || inet6;
    i += 2;
    if (!inet)
        return;
    j_if_family_stmt(x, f, l, i);
    if (f->is_loopback && sv_eq_cstr(l->tok[1], "lo0"))
        j_if_lo0_filter(x, l, i, inet6);
}

/* Statements of an interface the extractor does not read. */
static bool j_if_skipped(const struct model_path *l)
{
    return l->n < 2 || sv_eq_cstr(l->tok[1], "interface-range") || sv_starts_with(l->tok[1], "<") ||
           sv_eq_cstr(l->tok[1], "traceoptions") || sv_eq_cstr(l->tok[1], "apply-groups");
}

/* A statement of an interface or its unit from i. */
static void j_if_stmt(struct jx *x, struct interface *f, const struct model_path *l, size_t i)
{
    size_t k;
    if (model_path_eq(l, i, "description") && i + 1 < l->n && !f->description) {
        f->description = dup_unq(x, l->tok[i + 1]);
    } else if (model_path_match(l, i, "tunnel destination", &k) && k < l->n) {
        f->tunnel_dest = model_strdup(x->a, l->tok[k]);
    } else if (model_path_eq(l, i, "family") && i + 1 < l->n) {
        j_if_family(x, f, l, i);
    } else if (model_path_eq(l, i, "proxy-arp")) {
        fact_set(&f->proxy_arp, FACT_ON, l->node);
    } else if (model_path_eq(l, i, "targeted-broadcast")) {
        fact_set(&f->directed_broadcast, FACT_ON, l->node);
    }
}

static void j_interfaces(struct jx *x, const struct model_path *l)
{
    if (j_if_skipped(l))
        return;
    struct interface *f = j_iface(x, l->tok[1], l->own[1]);
    if (!f)
        return;
    size_t i = 2;
    if (model_path_eq(l, i, "description") && i + 1 < l->n) {
        f->description = dup_unq(x, l->tok[i + 1]);
        return;
    }
    if ((model_path_eq(l, i, "disable") || model_path_eq(l, i, "shutdown")) && i + 1 == l->n) {
        f->shutdown = true;
        return;
    }
    if (model_path_eq(l, i, "unit") && i + 1 < l->n)
        i += 2;
    j_if_stmt(x, f, l, i);
}

/* ------------------------------------------------------------ firewall */

/* Protocols and ports that carry routing, ICMP or time traffic, never a
 * management session (for acl_entry.not_mgmt on receive filters). */
static bool proto_not_mgmt(struct sv p)
{
    static const char *const names[] = {"ospf", "icmp", "icmp6", "icmpv6", "vrrp",
                                        "pim",  "igmp", "rsvp",  "89",     "1",
                                        "58",   "112",  "103",   "2",      "46"};
    for (size_t i = 0; i < ARRAY_SIZE(names); i++)
        if (sv_eq_cstr(p, names[i]))
            return true;
    return false;
}

static bool port_not_mgmt(struct sv p)
{
    static const char *const names[] = {"bgp",  "179",  "ldp",  "646",  "ntp",  "123", "bfd",
                                        "3784", "3785", "4784", "6784", "msdp", "639"};
    for (size_t i = 0; i < ARRAY_SIZE(names); i++)
        if (sv_eq_cstr(p, names[i]))
            return true;
    return false;
}

/* The filter names of lo0's family inet input or input-list statement
 * (tokens from k; brace form lists them in one statement, set form one per
 * line). */
static void j_lo0_list(struct jx *x, const struct model_path *l, size_t k)
{
    for (; k < l->n && x->nlo0_list < JX_LO0_LIST; k++) {
        struct sv name = sv_unquote(l->tok[k]);
        bool seen = false;
        for (size_t i = 0; i < x->nlo0_list && !seen; i++)
            seen = sv_same(x->lo0_list[i], name);
        if (!seen)
            x->lo0_list[x->nlo0_list++] = name;
    }
}

/* "from destination-address|destination-prefix-list X [except]" at k. */
static bool j_term_dst(struct jx *x, struct jterm *tm, const struct model_path *l, size_t k)
{
    struct sv w = l->tok[k];
    if ((!sv_eq_cstr(w, "destination-address") && !sv_eq_cstr(w, "destination-prefix-list")) ||
        k + 1 >= l->n)
        return false;
    if (!jcap(tm->ndst))
        return true;
    struct jsrc *d = MODEL_PUSH(x->a, tm->dst, tm->ndst);
    d->addr = l->tok[k + 1];
    d->is_list = sv_eq_cstr(w, "destination-prefix-list");
    d->except = model_path_eq(l, k + 2, "except");
    d->node = l->node;
    return true;
}

static void j_filter_term(struct jx *x, const struct model_path *l, size_t fi)
{
    /* fi: index of the filter name; "<name> term <t> from|then ..." */
    size_t k;
    if (!model_path_match(l, fi + 1, "term", &k) || k >= l->n)
        return;
    struct jterm *tm = j_term(x, l->tok[fi], l->tok[k], model_path_own(l, k));
    if (!tm)
        return;
    k++;
    if (model_path_eq(l, k, "from") && k + 1 < l->n) {
        struct sv w = l->tok[k + 1];
        tm->has_from = true;
        bool list = sv_eq_cstr(w, "source-prefix-list") || sv_eq_cstr(w, "prefix-list");
        bool addr = sv_eq_cstr(w, "source-address") || sv_eq_cstr(w, "address");
        /* "address"/"prefix-list" match either end: narrower than a source */
        if (!sv_eq_cstr(w, "source-address") && !sv_eq_cstr(w, "source-prefix-list") &&
            !sv_eq_cstr(w, "destination-address") && !sv_eq_cstr(w, "destination-prefix-list"))
            tm->other = true;
        if ((list || addr) && k + 2 < l->n) {
            struct sv v = l->tok[k + 2];
            bool except = model_path_eq(l, k + 3, "except");
            if (!jcap(tm->nsrc))
                return;
            struct jsrc *s = MODEL_PUSH(x->a, tm->src, tm->nsrc);
            s->addr = v;
            s->is_list = list;
            s->except = except;
            s->node = l->node;
        } else if (j_term_dst(x, tm, l, k + 1)) {
        } else if (sv_eq_cstr(w, "ttl-except") && model_path_eq(l, k + 2, "255")) {
            tm->ttl_except_255 = true;
            tm->other = true;
        } else if ((sv_eq_cstr(w, "protocol") || sv_eq_cstr(w, "next-header")) && k + 2 < l->n) {
            tm->has_proto = true;
            for (size_t j = k + 2; j < l->n; j++)
                tm->proto_other |= !proto_not_mgmt(l->tok[j]);
        } else if ((sv_eq_cstr(w, "port") || sv_eq_cstr(w, "destination-port") ||
                    sv_eq_cstr(w, "source-port")) &&
                   k + 2 < l->n) {
            tm->has_port = true;
            for (size_t j = k + 2; j < l->n; j++)
                tm->port_other |= !port_not_mgmt(l->tok[j]);
        } else if (sv_eq_cstr(w, "icmp-type") || sv_eq_cstr(w, "icmp6-type")) {
            tm->has_proto = true;
            for (size_t j = k + 2; j < l->n; j++)
                tm->mask_request |= sv_eq_cstr(l->tok[j], "mask-request");
        }
    } else if (model_path_eq(l, k, "then") && k + 1 < l->n) {
        struct sv w = l->tok[k + 1];
        if (sv_eq_cstr(w, "accept")) {
            tm->action = 1;
            tm->action_node = l->node;
        } else if (sv_eq_cstr(w, "discard") || sv_eq_cstr(w, "reject")) {
            tm->action = 2;
            tm->action_node = l->node;
            tm->reject = sv_eq_cstr(w, "reject");
        } else if (sv_eq_cstr(w, "next") && tm->action == 0) {
            tm->action = 3;
        } else if (sv_eq_cstr(w, "syslog") || sv_eq_cstr(w, "log")) {
            tm->log = true; /* LOG-ACL-DENY */
        }
    }
}

static void j_firewall(struct jx *x, const struct model_path *l)
{
    size_t k;
    if (model_path_match(l, 1, "family * filter", &k) && k < l->n)
        j_filter_term(x, l, k);
    else if (model_path_match(l, 1, "filter", &k) && k < l->n)
        j_filter_term(x, l, k);
}

static void j_policy_options(struct jx *x, const struct model_path *l)
{
    size_t k;
    if (model_path_match(l, 1, "prefix-list", &k) && k + 1 < l->n) {
        struct sv v = l->tok[k + 1];
        if (sv_eq_cstr(v, "apply-path"))
            return;
        if (!jcap(x->nplists))
            return;
        size_t head = model_nmap_get(&x->plist_map, l->tok[k], sv_make(NULL, 0));
        size_t idx = x->nplists;
        struct jplist *p = MODEL_PUSH(x->a, x->plists, x->nplists);
        p->name = l->tok[k];
        p->addr = v;
        p->node = l->node;
        if (head == SIZE_MAX) {
            model_nmap_put(x->a, &x->plist_map, l->tok[k], sv_make(NULL, 0), idx);
            p->tail = idx + 1;
        } else {
            x->plists[x->plists[head].tail - 1].next = idx + 1;
            x->plists[head].tail = idx + 1;
        }
    }
}

/* ------------------------------------------------------------ others */

/* The IKE or IPsec proposal or policy "<kind> <name>", added on first use. */
static struct ipsec_policy *j_ipsec_policy(struct jx *x, const struct model_path *l, size_t k,
                                           const char *kind)
{
    const char *name =
        arena_printf(x->a, "%s %.*s", kind, (int)sv_unquote(l->tok[k]).n, sv_unquote(l->tok[k]).p);
    for (size_t j = 0; j < x->m->nipsec; j++)
        if (strcmp(x->m->ipsec[j].name, name) == 0)
            return &x->m->ipsec[j];
    if (!jsmall(x->m->nipsec))
        return NULL;
    struct ipsec_policy *p = MODEL_PUSH(x->a, x->m->ipsec, x->m->nipsec);
    p->name = name;
    p->node = model_path_own(l, k);
    return p;
}

/*
 * A policy using one of Junos's predefined proposal sets. basic, compatible
 * and standard offer only DES/3DES or AES-128 with SHA-1/MD5 and DH group
 * 1 or 2; the Suite B sets use AES-GCM with groups 19/20.
 */
static void j_proposal_set(struct jx *x, struct ipsec_policy *p, const struct model_path *l,
                           struct sv set)
{
    p->encryption = arena_printf(x->a, "proposal-set %.*s", (int)set.n, set.p);
    p->node = l->node;
    if (!sv_starts_with(set, "suiteb"))
        p->weak = true;
}

static void j_security(struct jx *x, const struct model_path *l)
{
    size_t k;
    bool ike = model_path_match(l, 1, "ike policy", &k);
    if ((ike || model_path_match(l, 1, "ipsec policy", &k)) && k + 2 < l->n &&
        (model_path_eq(l, k + 1, "proposal-set") ||
         model_path_eq(l, k + 1, "perfect-forward-secrecy"))) {
        struct ipsec_policy *p = j_ipsec_policy(x, l, k, ike ? "ike policy" : "ipsec policy");
        if (!p)
            return;
        if (model_path_eq(l, k + 1, "proposal-set")) {
            j_proposal_set(x, p, l, l->tok[k + 2]);
        } else if (model_path_eq(l, k + 2, "keys") && k + 3 < l->n) {
            /* Perfect forward secrecy with a weak group weakens the policy. */
            struct sv g = l->tok[k + 3];
            if (sv_starts_with(g, "group"))
                g = sv_make(g.p + 5, g.n - 5);
            p->dh_group = arena_printf(x->a, "%.*s (PFS)", (int)g.n, g.p);
            p->weak |= model_ipsec_group_is_weak(l->tok[k + 3]);
            if (!p->encryption)
                p->node = l->node;
        }
        return;
    }
    ike = model_path_match(l, 1, "ike proposal", &k);
    if (ike || model_path_match(l, 1, "ipsec proposal", &k)) {
        if (k + 1 >= l->n)
            return;
        struct ipsec_policy *p = j_ipsec_policy(x, l, k, ike ? "ike" : "ipsec");
        if (!p)
            return;
        struct sv w = l->tok[k + 1], v = model_path_tok(l, k + 2);
        if (!v.p)
            return;
        if (sv_eq_cstr(w, "encryption-algorithm")) {
            p->encryption = model_strdup(x->a, v);
            p->weak |= model_ipsec_enc_is_weak(v);
        } else if (sv_eq_cstr(w, "authentication-algorithm")) {
            p->integrity = model_strdup(x->a, v);
            p->weak |= model_ipsec_integ_is_weak(v);
        } else if (sv_eq_cstr(w, "dh-group")) {
            p->dh_group = model_strdup(x->a, v);
            p->weak |= model_ipsec_group_is_weak(v);
        }
    } else if (model_path_match(l, 1, "ike policy * pre-shared-key", &k) && k + 1 < l->n) {
        model_add_secret(x->a, x->m, "ipsec-psk", jsecret(l, k + 1));
    } else if (model_path_match(l, 1, "authentication-key-chains key-chain", &k) && k < l->n) {
        for (size_t j = k + 1; j + 1 < l->n; j++)
            if (sv_eq_cstr(l->tok[j], "secret")) {
                struct secret s = jsecret(l, j + 1);
                model_add_secret(x->a, x->m, "key-chain", s);
                if (jsmall(x->nkeychains)) {
                    struct jplist *c = MODEL_PUSH(x->a, x->keychains, x->nkeychains);
                    c->name = l->tok[k];
                    c->addr = sv_unquote(l->tok[j + 1]);
                    c->node = l->node;
                }
            }
    }
}

static void j_event_options(struct jx *x, const struct model_path *l)
{
    size_t k;
    if (!jsmall(x->m->nonbox))
        return;
    if (model_path_match(l, 1, "policy", &k) && k < l->n) {
        struct sv name = sv_unquote(l->tok[k]);
        struct onbox_item *it = NULL;
        for (size_t j = 0; j < x->m->nonbox; j++)
            if (strcmp(x->m->onbox[j].kind, "event-handler") == 0 &&
                sv_eq_cstr(name, x->m->onbox[j].name))
                it = &x->m->onbox[j];
        if (!it)
            it = model_add_onbox(x->a, x->m, "event-handler", model_strdup(x->a, name), false,
                                 model_path_own(l, k));
        if (model_path_eq(l, k + 1, "then") && k + 2 < l->n &&
            (sv_eq_cstr(l->tok[k + 2], "change-configuration") ||
             sv_eq_cstr(l->tok[k + 2], "upload") || sv_eq_cstr(l->tok[k + 2], "execute-commands")))
            it->risky = it->risky || sv_eq_cstr(l->tok[k + 2], "change-configuration") ||
                        sv_eq_cstr(l->tok[k + 2], "upload");
    } else if (model_path_match(l, 1, "event-script file", &k) && k < l->n) {
        struct sv name = sv_unquote(l->tok[k]);
        for (size_t j = 0; j < x->m->nonbox; j++)
            if (strcmp(x->m->onbox[j].kind, "junos-event-script") == 0 &&
                sv_eq_cstr(name, x->m->onbox[j].name))
                return;
        model_add_onbox(x->a, x->m, "junos-event-script", model_strdup(x->a, name), false,
                        model_path_own(l, k));
    }
}

static struct mirror_session *j_mirror(struct jx *x, const char *kind, struct sv name,
                                       const struct cfg_node *n)
{
    const char *nm = arena_printf(x->a, "%s %.*s", kind, (int)name.n, name.p);
    for (size_t j = 0; j < x->m->nmirrors; j++)
        if (x->m->mirrors[j].node == n || strcmp(x->m->mirrors[j].kind, nm) == 0)
            return &x->m->mirrors[j];
    if (!jsmall(x->m->nmirrors))
        return NULL;
    struct mirror_session *s = MODEL_PUSH(x->a, x->m->mirrors, x->m->nmirrors);
    s->kind = nm; /* replaced by the plain kind at the end */
    s->node = n;
    return s;
}

static void j_forwarding(struct jx *x, const struct model_path *l, size_t i)
{
    size_t k;
    if (model_path_match(l, i, "port-mirroring", &k)) {
        struct sv name = SV_LIT("default");
        const struct cfg_node *n = model_path_own(l, i);
        if (model_path_eq(l, k, "instance") && k + 1 < l->n) {
            name = l->tok[k + 1];
            n = model_path_own(l, k + 1);
            k += 2;
        }
        bool out = false;
        for (size_t j = k; j < l->n; j++)
            if (sv_eq_cstr(l->tok[j], "output"))
                out = true;
        if (!out)
            return;
        struct mirror_session *s = j_mirror(x, "port-mirroring", name, n);
        if (!s)
            return;
        for (size_t j = k; j + 1 < l->n; j++) {
            if (sv_eq_cstr(l->tok[j], "interface") && !s->destination)
                s->destination = model_strdup(x->a, l->tok[j + 1]);
            if (sv_eq_cstr(l->tok[j], "ip-address") || sv_eq_cstr(l->tok[j], "next-hop")) {
                s->destination = model_strdup(x->a, l->tok[j + 1]);
                s->remote = true;
            }
        }
    } else if (model_path_match(l, i, "analyzer", &k) && k + 1 < l->n) {
        bool out = false;
        for (size_t j = k + 1; j < l->n; j++)
            if (sv_eq_cstr(l->tok[j], "output"))
                out = true;
        if (!out)
            return;
        struct mirror_session *s = j_mirror(x, "analyzer", l->tok[k], model_path_own(l, k));
        if (!s)
            return;
        for (size_t j = k + 1; j + 1 < l->n; j++) {
            if ((sv_eq_cstr(l->tok[j], "interface") || sv_eq_cstr(l->tok[j], "vlan")) &&
                !s->destination)
                s->destination = model_strdup(x->a, l->tok[j + 1]);
            if (sv_eq_cstr(l->tok[j], "ip-address")) {
                s->destination = model_strdup(x->a, l->tok[j + 1]);
                s->remote = true;
            }
        }
    }
}

/* ------------------------------------------------------------ dispatch */

static void j_dispatch(struct jx *x, const struct model_path *l);
static void j_protocols(struct jx *x, const struct model_path *l);

/* "routing-instances <name> protocols bgp ...": read as the master BGP with
 * the instance recorded (per-VRF sessions of a PE). */
static void j_instance_bgp(struct jx *x, const struct model_path *l)
{
    if (!x->scratch_inst)
        x->scratch_inst = arena_alloc(x->a, sizeof(*x->scratch_inst));
    struct model_path *sub = x->scratch_inst;
    sub->n = l->n - 2;
    memmove(sub->tok, l->tok + 2, sub->n * sizeof(sub->tok[0]));
    memmove(sub->own, l->own + 2, sub->n * sizeof(sub->own[0]));
    sub->node = l->node;
    x->cur_inst = sv_unquote(l->tok[1]);
    j_protocols(x, sub);
    x->cur_inst = sv_make(NULL, 0);
}

/* The kind of a $9$/$8$ secret no handler claimed, from its path. */
static const char *secret_kind_from_path(const struct model_path *l)
{
    static const struct {
        const char *word, *kind;
    } kinds[] = {
        {"key-chain", "key-chain"},
        {"ldp", "ldp-key"},
        {"rsvp", "rsvp-key"},
        {"vrrp-group", "vrrp-key"},
        {"ospf", "ospf-key"},
        {"ospf3", "ospf-key"},
        {"isis", "isis-key"},
        {"bgp", "bgp-key"},
        {"ike", "ipsec-psk"},
        {"radius-server", "radius-key"},
        {"tacplus-server", "tacacs-key"},
        {"snmp", "snmp-auth"},
        {"ntp", "ntp-key"},
        {"bfd-liveness-detection", "bfd-key"},
    };
    for (size_t i = 0; i < l->n; i++)
        for (size_t j = 0; j < ARRAY_SIZE(kinds); j++)
            if (sv_eq_cstr(l->tok[i], kinds[j].word))
                return kinds[j].kind;
    return "other";
}

/*
 * Reversible Junos secrets ($9$, $8$) anywhere else in the config (LDP,
 * RSVP, VRRP, BFD, RADIUS for dot1x, ...) are recorded too, so that reports
 * can redact them and fleets can compare them. A value a handler already
 * recorded for this statement is not recorded twice.
 */
static void j_catch_secrets(struct jx *x, const struct model_path *l)
{
    if (l->own[l->n - 1] != l->node || model_path_match(l, 0, "system login", NULL) ||
        model_path_match(l, 0, "system root-authentication", NULL))
        return;
    for (size_t i = 1; i < l->n; i++) {
        struct sv v = sv_unquote(l->tok[i]);
        if (v.n < 4 || !(sv_starts_with(v, "$9$") || sv_starts_with(v, "$8$")))
            continue;
        bool seen = false;
        for (size_t j = x->secrets_before; j < x->m->nother_secrets && !seen; j++)
            seen = x->m->other_secrets[j].node == l->node;
        if (!seen)
            model_add_secret(x->a, x->m, secret_kind_from_path(l), jsecret(l, i));
    }
}

/* ------------------------------------------------------------ log paths */

/* A source-address statement of a management protocol (LOG-SOURCE). */
static void j_source(struct jx *x, const struct model_path *l, const char *service, size_t at)
{
    if (at >= l->n)
        return;
    struct sv a = sv_unquote(l->tok[at]);
    bool addr = model_parse_addr(a).af != 0;
    struct mgmt_source *src = model_add_source(x->a, x->m, service, addr ? sv_make("", 0) : a,
                                               addr ? a : sv_make("", 0), l->node);
    for (size_t j = at + 1; src && j + 1 < l->n; j++)
        if (sv_eq_cstr(l->tok[j], "routing-instance"))
            src->vrf = dup_unq(x, l->tok[j + 1]);
}

/* Paths read for the logging checks, beside the main dispatch. */
static void j_log_paths(struct jx *x, const struct model_path *l)
{
    size_t k;
    if (model_path_match(l, 0, "system syslog source-address", &k))
        j_source(x, l, "syslog", k);
    else if (model_path_match(l, 0, "system syslog host", &k) &&
             model_path_eq(l, k + 1, "source-address"))
        j_source(x, l, "syslog", k + 2);
    else if (model_path_match(l, 0, "system ntp source-address", &k))
        j_source(x, l, "ntp", k);
    else if (model_path_match(l, 0, "snmp trap-options source-address", &k))
        j_source(x, l, "snmp-trap", k);
    else if (model_path_match(l, 0, "system tacplus-server", &k) &&
             model_path_eq(l, k + 1, "source-address"))
        j_source(x, l, "tacacs", k + 2);
    else if (model_path_match(l, 0, "system radius-server", &k) &&
             model_path_eq(l, k + 1, "source-address"))
        j_source(x, l, "radius", k + 2);
    else if (sv_eq_cstr(l->tok[0], "interfaces") && l->n >= 7 && model_path_eq(l, 2, "unit") &&
             model_path_eq(l, 4, "family") && model_path_eq(l, 6, "address") && l->n > 7 &&
             jsmall(x->nifaddrs)) {
        struct jifaddr *ia = MODEL_PUSH(x->a, x->ifaddrs, x->nifaddrs);
        struct sv a = sv_unquote(l->tok[7]);
        const char *slash = memchr(a.p, '/', a.n);
        ia->addr = slash ? sv_make(a.p, (size_t)(slash - a.p)) : a;
        ia->ifname = l->tok[1];
    }
}

/* Name the interface of each source given as an address, where one holds it. */
static void finish_sources(struct jx *x)
{
    for (size_t i = 0; i < x->m->nmgmt_sources; i++) {
        struct mgmt_source *src = &x->m->mgmt_sources[i];
        for (size_t j = 0; src->addr && !src->ifname && j < x->nifaddrs; j++)
            if (sv_eq_cstr(x->ifaddrs[j].addr, src->addr))
                src->ifname = model_strdup(x->a, x->ifaddrs[j].ifname);
    }
}

/* A syslog host's transport and routing instance (LOG-TRANSPORT), once the
 * main dispatch has created the host. */
static void j_syslog_host_attrs(struct jx *x, const struct model_path *l)
{
    size_t k;
    if (!model_path_match(l, 0, "system syslog host", &k) || k + 2 >= l->n)
        return;
    size_t at = model_nmap_get(&x->host_map, l->tok[k], SV_LIT("syslog"));
    if (at == SIZE_MAX)
        return;
    struct host_ref *h = &x->m->logging.hosts[at];
    if (model_path_eq(l, k + 1, "transport") && model_path_eq(l, k + 2, "tls"))
        h->tls = true;
    else if (model_path_eq(l, k + 1, "routing-instance"))
        h->vrf = dup_unq(x, l->tok[k + 2]);
}

static void j_line(struct jx *x, const struct model_path *l)
{
    x->secrets_before = x->m->nother_secrets;
    j_log_paths(x, l);
    j_dispatch(x, l);
    j_syslog_host_attrs(x, l);
    jrtg_line(x->a, x->m, &x->rtg, l);
    model_ct_junos_line(&x->ct, x->a, x->m, l);
    j_catch_secrets(x, l);
    model_access_path(x->m, l);
}

/* Control-plane statements (struct cpp_facts): ICMP source quench and
 * router discovery. */
static void j_cpp_line(struct jx *x, const struct model_path *l)
{
    struct cpp_facts *cp = &x->m->cpp;
    size_t k;
    if (model_path_match(l, 0, "system internet-options", &k) && k + 1 == l->n) {
        if (model_path_eq(l, k, "no-source-quench"))
            fact_set(&cp->source_quench, FACT_OFF, l->node);
        else if (model_path_eq(l, k, "source-quench"))
            fact_set(&cp->source_quench, FACT_ON, l->node);
    } else if (model_path_match(l, 0, "protocols router-discovery", &k) &&
               cp->router_discovery.state != FACT_ON) {
        fact_set(&cp->router_discovery, FACT_ON, model_path_own(l, k - 1));
    }
}

static void j_dispatch(struct jx *x, const struct model_path *l)
{
    struct sv t0 = l->tok[0];
    size_t k;
    j_cpp_line(x, l);
    if (sv_eq_cstr(t0, "system"))
        j_system(x, l);
    else if (sv_eq_cstr(t0, "snmp"))
        j_snmp(x, l);
    else if (sv_eq_cstr(t0, "protocols"))
        j_protocols(x, l);
    else if (sv_eq_cstr(t0, "interfaces"))
        j_interfaces(x, l);
    else if (sv_eq_cstr(t0, "firewall"))
        j_firewall(x, l);
    else if (sv_eq_cstr(t0, "policy-options"))
        j_policy_options(x, l);
    else if (sv_eq_cstr(t0, "security"))
        j_security(x, l);
    else if (sv_eq_cstr(t0, "event-options"))
        j_event_options(x, l);
    else if (sv_eq_cstr(t0, "forwarding-options"))
        j_forwarding(x, l, 1);
    else if (model_path_match(l, 0, "ethernet-switching-options", &k))
        j_forwarding(x, l, k);
    else if (sv_eq_cstr(t0, "routing-instances") && model_path_match(l, 2, "protocols bgp", NULL))
        j_instance_bgp(x, l);
    else if (model_path_match(l, 0, "routing-options autonomous-system", &k) && k < l->n)
        x->local_as = model_sv_long(l->tok[k], -1);
    else if (sv_eq_cstr(t0, "version") && l->n >= 2 && l->own[1] == l->node)
        x->m->os_version = dup_unq(x, l->tok[1]);
}

/* Local lines: everything except the groups definitions. */
static void j_local_line(void *ctx, const struct model_path *l)
{
    struct jx *x = ctx;
    if (sv_eq_cstr(l->tok[0], "groups"))
        return;
    j_line(x, l);
}

/* Pass 1: record apply-groups statements with their hierarchy level. */
static void j_apply_line(void *ctx, const struct model_path *l)
{
    struct jx *x = ctx;
    if (sv_eq_cstr(l->tok[0], "groups"))
        return;
    size_t at = l->n;
    for (size_t i = 0; i < l->n; i++)
        if (sv_eq_cstr(l->tok[i], "apply-groups")) {
            at = i;
            break;
        }
    if (at == l->n || at + 1 >= l->n || l->own[l->n - 1] != l->node)
        return;
    if (x->napply >= JX_MAX_APPLY)
        return;
    struct japply *ap = MODEL_PUSH(x->a, x->apply, x->napply);
    ap->nloc = at;
    ap->loc = arena_alloc(x->a, (at ? at : 1) * sizeof(*ap->loc));
    for (size_t i = 0; i < at; i++)
        ap->loc[i] = l->tok[i];
    ap->nnames = 0;
    ap->names = arena_alloc(x->a, (l->n - at - 1) * sizeof(*ap->names));
    for (size_t i = at + 1; i < l->n; i++)
        ap->names[ap->nnames++] = sv_unquote(l->tok[i]);
}

/* Pass 2: statements inside applied groups, as if written at the top. */
static void j_group_line(void *ctx, const struct model_path *l)
{
    struct jx *x = ctx;
    if (!sv_eq_cstr(l->tok[0], "groups") || l->n < 3)
        return;
    struct sv g = sv_unquote(l->tok[1]);
    bool applied = false;
    for (size_t i = 0; i < x->napply && !applied; i++) {
        const struct japply *ap = &x->apply[i];
        bool named = false;
        for (size_t j = 0; j < ap->nnames; j++)
            if (sv_same(ap->names[j], g))
                named = true;
        if (!named || ap->nloc > l->n - 2)
            continue;
        bool under = true;
        for (size_t j = 0; j < ap->nloc; j++)
            if (!sv_same(ap->loc[j], l->tok[j + 2]))
                under = false;
        applied = under;
    }
    if (!applied)
        return;
    for (size_t i = 2; i < l->n; i++)
        if (l->tok[i].n && l->tok[i].p[0] == '<')
            return; /* wildcard paths are not expanded */
    struct model_path *sub = x->scratch_group;
    sub->n = l->n - 2;
    memcpy(sub->tok, l->tok + 2, sub->n * sizeof(sub->tok[0]));
    memcpy(sub->own, l->own + 2, sub->n * sizeof(sub->own[0]));
    sub->node = l->node;
    j_line(x, sub);
}

/* ------------------------------------------------------------ finish */

static const struct jbgp_grp *find_group(const struct jx *x, struct sv name, struct sv inst)
{
    size_t at = model_nmap_get(&x->group_map, name, inst);
    return at == SIZE_MAX ? NULL : &x->groups[at];
}

static enum secret_type keychain_type(const struct jx *x, struct sv name)
{
    for (size_t i = 0; i < x->nkeychains; i++)
        if (sv_same_unq(x->keychains[i].name, name))
            return secret_is_redacted(x->keychains[i].addr)
                       ? SECRET_REDACTED
                       : secret_classify_junos(x->keychains[i].addr);
    return SECRET_NONE;
}

static bool lo0_has_ttl_check(const struct jx *x, const struct cfg_node **ev)
{
    if (!x->lo0_filter)
        return false;
    for (size_t i = 0; i < x->nterms; i++)
        if (x->terms[i].ttl_except_255 &&
            sv_eq_cstr(sv_unquote(x->terms[i].filter), x->lo0_filter)) {
            *ev = x->terms[i].node;
            return true;
        }
    return false;
}

static void finish_bgp(struct jx *x)
{
    struct device_model *m = x->m;
    m->bgp.local_as = x->local_as;
    m->bgp.node = x->bgp_node;
    const struct cfg_node *gtsm_ev = NULL;
    bool gtsm = lo0_has_ttl_check(x, &gtsm_ev);
    for (size_t i = 0; i < x->nnbrs; i++) {
        const struct jbgp_nbr *b = &x->nbrs[i];
        static const struct jbgp_set none = {.peer_as = -1, .local_as = -1};
        const struct jbgp_grp *g = b->group.p ? find_group(x, b->group, b->inst) : NULL;
        /* bgp-level settings of a routing instance are not read: none apply */
        const struct jbgp_set *gs = g ? &g->s : NULL, *os = b->inst.p ? &none : &x->bgp_global;
        struct bgp_neighbor *nb = MODEL_PUSH(x->a, m->bgp.neighbors, m->bgp.nneighbors);
        nb->addr = model_strdup(x->a, b->addr);
        nb->group = b->group.p ? dup_unq(x, b->group) : NULL;
        nb->node = b->node;
        nb->vrf = b->inst.p ? dup_unq(x, b->inst) : NULL;
        /* neighbour overrides group overrides the bgp level */
#define PICK(field) (b->s.field ? b->s.field : gs && gs->field ? gs->field : os->field)
        long peer_as = b->s.peer_as >= 0        ? b->s.peer_as
                       : gs && gs->peer_as >= 0 ? gs->peer_as
                                                : os->peer_as;
        long local_as = b->s.local_as >= 0        ? b->s.local_as
                        : gs && gs->local_as >= 0 ? gs->local_as
                        : os->local_as >= 0       ? os->local_as
                                                  : x->local_as;
        int type = b->s.type ? b->s.type : gs && gs->type ? gs->type : os->type;
        nb->remote_as = peer_as;
        if (type)
            nb->ebgp = type == 1;
        else
            nb->ebgp = peer_as >= 0 && local_as >= 0 && peer_as != local_as;
        const struct jbgp_set *as = b->s.auth_node ? &b->s : gs && gs->auth_node ? gs : os;
        if (as->auth_node) {
            fact_set(&nb->auth, FACT_ON, as->auth_node);
            if (as->keychain.p) {
                nb->auth_type = keychain_type(x, as->keychain);
            } else {
                nb->key = as->key;
                nb->auth_type = as->key.type;
            }
        } else {
            fact_default(&nb->auth, FACT_OFF,
                         "no authentication-key at neighbour, group or bgp level");
        }
        const struct cfg_node *mp = PICK(maxpfx_node);
        if (mp)
            fact_set(&nb->max_prefix, FACT_ON, mp);
        else
            fact_default(&nb->max_prefix, FACT_OFF, "no prefix-limit at neighbour or group level");
        nb->in_policy = PICK(import);
        nb->out_policy = PICK(export);
        /* the statements that bind them, from the level the policy came from */
        nb->in_policy_node = b->s.import        ? b->s.import_node
                             : gs && gs->import ? gs->import_node
                                                : os->import_node;
        nb->out_policy_node = b->s.export        ? b->s.export_node
                              : gs && gs->export ? gs->export_node
                                                 : os->export_node;
        if (gtsm) {
            fact_set(&nb->gtsm, FACT_ON, gtsm_ev);
        } else {
            fact_default(&nb->gtsm, FACT_OFF,
                         x->lo0_filter ? "no ttl-except 255 term in the lo0 input filter"
                                       : "no lo0 input filter enforcing TTL 255 for BGP");
        }
#undef PICK
    }
}

static void finish_igp(struct jx *x)
{
    static const char *const names[3] = {"ospf", "ospfv3", "isis"};
    for (int p = 0; p < 3; p++) {
        if (!x->igp_node[p])
            continue;
        struct igp_instance *g = MODEL_PUSH(x->a, x->m->igps, x->m->nigps);
        g->proto = names[p];
        g->name = names[p];
        g->node = x->igp_node[p];
        size_t need = 0, have = 0;
        const struct cfg_node *miss = NULL;
        bool weak = false;
        for (size_t i = 0; i < x->nigp_if; i++) {
            const struct jigp_if *f = &x->igp_if[i];
            if (f->proto != p || f->passive)
                continue;
            need++;
            if (f->weak)
                weak = true;
            bool ok = f->authed || (p == 2 && x->isis_level_auth && !x->isis_level_weak);
            if (ok) {
                have++;
                if (f->auth_node)
                    fact_lines_add(&g->auth.ev, f->auth_node);
            } else if (!miss) {
                miss = f->node;
            }
        }
        if (p == 2 && x->isis_level_auth)
            fact_lines_add(&g->auth.ev, x->isis_level_auth);
        if (need == 0) {
            if (p == 2 && x->isis_level_auth && !x->isis_level_weak)
                fact_set(&g->auth, FACT_ON, x->isis_level_auth);
            else
                fact_unknown(&g->auth, "no active (non-passive) interfaces found");
        } else if (have == need) {
            g->auth.state = FACT_ON;
        } else {
            fact_set(&g->auth, FACT_OFF, miss);
            g->auth.why = weak ? "simple-password (cleartext) or no authentication on an interface"
                               : "an interface without authentication";
        }
    }
}

/* The prefixes a term's destination conditions name (prefix lists
 * expanded); false when one cannot be read or is an "except". */
static bool term_dst_prefixes(struct jx *x, const struct jterm *tm, struct ip_prefix *out,
                              size_t cap, size_t *n)
{
    *n = 0;
    for (size_t j = 0; j < tm->ndst; j++) {
        const struct jsrc *d = &tm->dst[j];
        if (d->except)
            return false;
        if (!d->is_list) {
            struct ip_prefix p = model_parse_addr(sv_unquote(d->addr));
            if (!p.af || *n >= cap)
                return false;
            out[(*n)++] = p;
            continue;
        }
        size_t q = model_nmap_get(&x->plist_map, d->addr, sv_make(NULL, 0));
        if (q == SIZE_MAX)
            return false;
        for (; q != SIZE_MAX; q = x->plists[q].next ? x->plists[q].next - 1 : SIZE_MAX) {
            struct ip_prefix p = model_parse_addr(sv_unquote(x->plists[q].addr));
            if (!p.af || *n >= cap)
                return false;
            out[(*n)++] = p;
        }
    }
    return true;
}

/*
 * The destination and "matches every packet" of the entries [first, n) a
 * term made: with several destinations each source entry is repeated once
 * per destination, so every entry names one.
 */
static void term_destinations(struct jx *x, const struct jterm *tm, struct acl *acl, size_t first)
{
    bool all = !tm->other && !tm->has_proto && !tm->has_port;
    size_t last = acl->n;
    for (size_t j = first; j < last; j++) {
        acl->entries[j].matches_all = all;
        acl->entries[j].dst_any = tm->ndst == 0;
    }
    if (tm->ndst == 0)
        return;
    struct ip_prefix d[32];
    size_t nd;
    if (!term_dst_prefixes(x, tm, d, ARRAY_SIZE(d), &nd) || nd == 0) {
        for (size_t j = first; j < last; j++)
            acl->entries[j].dst_unresolved = true;
        return;
    }
    for (size_t k = 1; k < nd; k++)
        for (size_t j = first; j < last && jcap(acl->n); j++) {
            struct acl_entry copy = acl->entries[j];
            struct acl_entry *e = model_acl_add_entry(x->a, acl, copy.node);
            *e = copy;
            e->dst = d[k];
        }
    for (size_t j = first; j < last; j++)
        acl->entries[j].dst = d[0];
}

static void finish_acls(struct jx *x)
{
    struct model_nmap filters = {0};
    for (size_t i = 0; i < x->nterms; i++) {
        const struct jterm *tm = &x->terms[i];
        size_t at = model_nmap_get(&filters, tm->filter, sv_make(NULL, 0));
        struct acl *acl;
        if (at != SIZE_MAX) {
            acl = &x->m->acls[at];
        } else {
            acl = model_add_acl(x->a, x->m, dup_unq(x, tm->filter), tm->node);
            model_nmap_put(x->a, &filters, tm->filter, sv_make(NULL, 0), x->m->nacls - 1);
        }
        if (tm->action == 3)
            continue; /* "next term": not a decision */
        bool permit = tm->action != 2;
        const struct cfg_node *ev = tm->action_node ? tm->action_node : tm->node;
        /* tcp/udp with only routing ports, or only routing/ICMP protocols */
        bool ports_routing = tm->has_port && !tm->port_other;
        bool not_mgmt = (tm->has_proto && !tm->proto_other) || ports_routing;
        size_t first = acl->n;
        if (tm->nsrc == 0) {
            struct acl_entry *e = model_acl_add_entry(x->a, acl, ev);
            e->permit = permit;
            e->src_any = true;
            e->not_mgmt = not_mgmt;
            e->log = tm->log;
            term_destinations(x, tm, acl, first);
            continue;
        }
        /* except entries first: they carve holes in the term's match */
        for (int pass = 0; pass < 2; pass++) {
            for (size_t j = 0; j < tm->nsrc; j++) {
                const struct jsrc *s = &tm->src[j];
                if (s->except != (pass == 0))
                    continue;
                bool p = s->except ? !permit : permit;
                if (!s->is_list) {
                    acl_add_prefix(x, acl, s->addr, p, s->node);
                    continue;
                }
                bool any = false;
                size_t q = model_nmap_get(&x->plist_map, s->addr, sv_make(NULL, 0));
                for (; q != SIZE_MAX && x->acl_budget && jcap(acl->n);
                     q = x->plists[q].next ? x->plists[q].next - 1 : SIZE_MAX) {
                    acl_add_prefix(x, acl, x->plists[q].addr, p, s->node);
                    x->acl_budget--;
                    any = true;
                }
                if (!any) {
                    struct acl_entry *e = model_acl_add_entry(x->a, acl, s->node);
                    e->permit = p;
                    e->unresolved = true;
                }
            }
        }
        for (size_t j = first; j < acl->n; j++) {
            acl->entries[j].not_mgmt = not_mgmt;
            acl->entries[j].log = tm->log;
        }
        term_destinations(x, tm, acl, first);
    }
}

/* ------------------------------------------------------------ control plane */

/* Is the filter applied to lo0 or as an interface input/output filter? */
static bool filter_applied(const struct jx *x, struct sv name)
{
    name = sv_unquote(name);
    if ((x->lo0_filter && sv_eq_cstr(name, x->lo0_filter)) ||
        (x->lo0_filter6 && sv_eq_cstr(name, x->lo0_filter6)))
        return true;
    for (size_t i = 0; i < x->m->ninterfaces; i++) {
        const struct interface *f = &x->m->interfaces[i];
        if ((f->acl_in && sv_eq_cstr(name, f->acl_in)) ||
            (f->acl_out && sv_eq_cstr(name, f->acl_out)))
            return true;
    }
    return false;
}

/* Firewall terms that answer with "reject" (an ICMP unreachable, checks.md
 * CPP-ICMP-UNREACH: JUNI-RT-000170 wants discard), and the lo0 term that
 * drops ICMP mask requests (JUNI-RT-000180). */
static void finish_cpp_filters(struct jx *x)
{
    struct cpp_facts *cp = &x->m->cpp;
    bool applied = false;
    const struct cfg_node *mask_drop = NULL;
    for (size_t i = 0; i < x->nterms; i++) {
        const struct jterm *tm = &x->terms[i];
        if (!filter_applied(x, tm->filter))
            continue;
        applied = true;
        if (tm->reject) {
            if (cp->filter_reject.state != FACT_ON)
                fact_set(&cp->filter_reject, FACT_ON, tm->action_node);
            else
                fact_lines_add(&cp->filter_reject.ev, tm->action_node);
        }
        if (tm->mask_request && tm->action == 2 && x->lo0_filter &&
            sv_eq_cstr(sv_unquote(tm->filter), x->lo0_filter) && !mask_drop)
            mask_drop = tm->action_node;
    }
    if (applied && cp->filter_reject.state == FACT_UNKNOWN)
        fact_default(&cp->filter_reject, FACT_OFF, "no applied filter term rejects");
    if (mask_drop)
        fact_set(&cp->mask_reply, FACT_OFF, mask_drop);
    else
        fact_unknown(&cp->mask_reply, x->lo0_filter
                                          ? "the lo0 input filter has no term discarding "
                                            "icmp-type mask-request"
                                          : "no lo0 input filter discards icmp-type mask-request");
}

/* Accept terms that name no source and are not limited to ICMP or routing
 * protocols (checks.md CPP-RECEIVE-FILTER: "accept terms must name sources"). */
static bool term_open(const struct jterm *tm)
{
    return tm->action == 1 && tm->nsrc == 0 &&
           !(tm->has_proto && !tm->proto_other && !tm->has_port);
}

/* One filter's terms in order; *accept_all gets the first term that accepts
 * everything still unmatched. Returns the number of terms. */
static size_t receive_terms(struct jx *x, struct sv filter, const struct jterm **accept_all)
{
    struct cpp_facts *cp = &x->m->cpp;
    size_t n = 0;
    for (size_t i = 0; i < x->nterms; i++) {
        const struct jterm *tm = &x->terms[i];
        if (!sv_same(sv_unquote(tm->filter), filter))
            continue;
        n++;
        if (*accept_all)
            continue; /* never reached */
        if (tm->action == 1 && !tm->has_from) {
            *accept_all = tm;
        } else if (term_open(tm)) {
            cp->receive_open_terms++;
            fact_lines_add(&cp->receive_open_ev, tm->action_node ? tm->action_node : tm->node);
        }
    }
    return n;
}

/* The routing-engine filter (JUNI-RT-000130): lo0's family inet input
 * filters, read in order; the implicit final discard counts as the drop. */
static void finish_cpp_receive(struct jx *x)
{
    struct cpp_facts *cp = &x->m->cpp;
    if (!x->lo0_filter) {
        fact_default(&cp->receive_filter, FACT_OFF,
                     x->lo0_filter6 ? "lo0 filters inet6 only: IPv4 traffic to the routing "
                                      "engine is not filtered"
                                    : "no lo0 input filter: the routing engine accepts all "
                                      "traffic");
        fact_lines_add(&cp->receive_filter.ev, x->lo0_filter6_node);
        return;
    }
    cp->receive_filter_name = x->lo0_filter;
    const struct jterm *accept_all = NULL;
    size_t nterms = 0;
    for (size_t i = 0; i < x->nlo0_list; i++)
        nterms += receive_terms(x, x->lo0_list[i], &accept_all);
    if (nterms == 0) {
        fact_unknown(&cp->receive_filter, "the lo0 input filter is not defined in this file");
        fact_lines_add(&cp->receive_filter.ev, x->lo0_filter_node);
    } else if (accept_all) {
        fact_set(&cp->receive_filter, FACT_OFF, accept_all->action_node);
        cp->receive_filter.why = "a term without match conditions accepts everything not "
                                 "matched before it";
    } else {
        fact_set(&cp->receive_filter, FACT_ON, x->lo0_filter_node);
    }
}

static void finish_cpp(struct jx *x)
{
    struct device_model *m = x->m;
    struct cpp_facts *cp = &m->cpp;
    /* "system no-redirects" also covers interfaces read before it */
    for (size_t i = 0; x->no_redirects_node && i < m->ninterfaces; i++)
        if (m->interfaces[i].redirects.is_default)
            fact_set(&m->interfaces[i].redirects, FACT_OFF, x->no_redirects_node);
    if (cp->source_quench.state == FACT_UNKNOWN)
        fact_default(&cp->source_quench, FACT_ON,
                     "Junos acts on ICMP source quench unless 'system internet-options "
                     "no-source-quench'");
    if (cp->router_discovery.state == FACT_UNKNOWN)
        fact_default(&cp->router_discovery, FACT_OFF, "no 'protocols router-discovery'");
    finish_cpp_filters(x);
    finish_cpp_receive(x);
}

/*
 * No local user names a login class: remote users log in through the
 * classes defined here or the predefined ones, none of which times out.
 * The worst defined class decides; with none, sessions never time out
 * (Junos has no default idle timeout).
 */
static void j_idle_without_users(struct jx *x)
{
    struct ssh_facts *ssh = &x->m->ssh;
    ssh->idle_timeout_seconds = 0;
    long worst = -1;
    const struct cfg_node *why = NULL;
    for (size_t j = 0; j < x->nclasses; j++) {
        long secs = x->classes[j].idle_minutes >= 0 ? x->classes[j].idle_minutes * 60 : 0;
        if (worst < 0 || secs == 0 || (worst > 0 && secs > worst)) {
            if (worst != 0) {
                worst = secs;
                why = x->classes[j].node;
            }
        }
    }
    if (worst > 0)
        ssh->idle_timeout_seconds = worst;
    if (why)
        fact_lines_add(&ssh->ev, why);
}

static void finish_services(struct jx *x)
{
    struct device_model *m = x->m;
    struct ssh_facts *ssh = &m->ssh;
    if (m->telnet_server.state == FACT_UNKNOWN)
        fact_default(&m->telnet_server, FACT_OFF, "telnet is off unless under system services");
    if (m->legacy.finger.state == FACT_UNKNOWN)
        fact_default(&m->legacy.finger, FACT_OFF, "finger is off unless under system services");
    if (m->legacy.dhcp_server.state == FACT_UNKNOWN)
        fact_default(&m->legacy.dhcp_server, FACT_OFF, "no DHCP server configured");
    if (!x->ssh_node)
        fact_default(&ssh->enabled, FACT_OFF, "ssh is off unless under system services");
    if (!x->ssh_port_set)
        ssh->port = 22;
    if (x->ssh_v1_node)
        fact_set(&ssh->v1_allowed, FACT_ON, x->ssh_v1_node);
    else if (x->ssh_version_node)
        fact_set(&ssh->v1_allowed, FACT_OFF, x->ssh_version_node);
    else if (m->os_version)
        fact_default(&ssh->v1_allowed, FACT_OFF, "SSH protocol version 2 only by default");
    else /* checks.md: v2 is the default on current releases */
        fact_unknown(&ssh->v1_allowed, "no protocol-version and no release shown: only current "
                                       "releases default to version 2 alone");
    if (x->ssh_root_node)
        fact_set(&ssh->root_login, x->root_login, x->ssh_root_node);
    else if (!x->ssh_node)
        fact_default(&ssh->root_login, FACT_OFF, "SSH is off unless under system services");
    else
        /* The default has changed between releases: only an explicit deny
         * (or deny-password) is known to keep root out (checks.md). */
        fact_default(&ssh->root_login, FACT_ON,
                     "no ssh root-login statement: root may log in on releases that "
                     "allow it by default");
    if (x->saw_ciphers)
        model_ssh_list_weak(&ssh->weak_ciphers, ssh->ciphers, ssh->nciphers,
                            model_ssh_cipher_is_weak, x->cipher_ev, x->cipher_weak_ev);
    else
        fact_unknown(&ssh->weak_ciphers,
                     "no ssh ciphers list: the default list is release-dependent");
    if (x->saw_macs)
        model_ssh_list_weak(&ssh->weak_macs, ssh->macs, ssh->nmacs, model_ssh_mac_is_weak,
                            x->mac_ev, x->mac_weak_ev);
    else
        fact_unknown(&ssh->weak_macs, "no ssh macs list: the default list is release-dependent");
    /* idle timeout: the worst login class among configured users (0 = never) */
    ssh->idle_timeout_seconds = -1;
    for (size_t i = 0; i < m->naccounts; i++) {
        const char *cls = x->acct_class[i];
        if (!cls)
            continue;
        long secs = 0;
        const struct cfg_node *why = m->accounts[i].node;
        for (size_t j = 0; j < x->nclasses; j++)
            if (sv_eq_cstr(sv_unquote(x->classes[j].name), cls) &&
                x->classes[j].idle_minutes >= 0) {
                secs = x->classes[j].idle_minutes * 60;
                why = x->classes[j].node;
            }
        if (ssh->idle_timeout_seconds < 0 || secs == 0 ||
            (ssh->idle_timeout_seconds > 0 && secs > ssh->idle_timeout_seconds)) {
            if (ssh->idle_timeout_seconds != 0)
                fact_lines_add(&ssh->ev, why); /* the statement that decides the worst */
            ssh->idle_timeout_seconds = secs;
        }
    }
    if (ssh->idle_timeout_seconds < 0)
        j_idle_without_users(x);
    /* the auxiliary port gives a CLI login (login class timeouts) unless disabled */
    if (x->aux_node) {
        struct mgmt_line *ln = MODEL_PUSH(x->a, m->lines, m->nlines);
        ln->name = "system ports auxiliary";
        ln->kind = LINE_AUX;
        ln->node = x->aux_node;
        ln->timeout_seconds = ssh->idle_timeout_seconds;
        if (x->aux_disable_node)
            fact_set(&ln->login_disabled, FACT_ON, x->aux_disable_node);
        else
            fact_default(&ln->login_disabled, FACT_OFF,
                         "the auxiliary port accepts a login unless disabled");
    }
    /* The lo0 input filters guard every management service, one per family. */
    model_add_mgmt_path(x->a, m, "lo0-filter", x->lo0_filter,
                        x->lo0_filter ? x->lo0_filter_node : x->lo0_filter6_node);
    if (x->lo0_filter6)
        model_add_mgmt_path(x->a, m, "lo0-filter-inet6", x->lo0_filter6, x->lo0_filter6_node);
    if (x->lo0_filter)
        fact_set(&m->copp, FACT_ON, x->lo0_filter_node);
    else if (x->lo0_filter6)
        fact_set(&m->copp, FACT_OFF, x->lo0_filter6_node); /* IPv4 is not protected */
    else
        fact_default(&m->copp, FACT_OFF, "no lo0 input filter: the routing engine accepts all");
    if (m->mgmt_vrf.state == FACT_UNKNOWN)
        fact_default(&m->mgmt_vrf, FACT_OFF, "no system management-instance");
}

static void finish_aaa(struct jx *x)
{
    struct aaa_facts *aaa = &x->m->aaa;
    if (x->auth_order_node && x->order_central) {
        fact_set(&aaa->central_login, FACT_ON, x->auth_order_node);
        fact_lines_add(&aaa->ev, x->auth_order_node);
        /* Junos falls back to local passwords when no server answers, and
         * also on rejection when "password" is in the order. */
        fact_set(&aaa->local_fallback, FACT_ON, x->auth_order_node);
        if (!x->order_password)
            aaa->local_fallback.why = "local accounts are used only when no server answers";
    } else if (x->auth_order_node) {
        fact_set(&aaa->central_login, FACT_OFF, x->auth_order_node);
        fact_set(&aaa->local_fallback, FACT_ON, x->auth_order_node);
    } else {
        fact_default(&aaa->central_login, FACT_OFF,
                     "no system authentication-order: local passwords only");
        fact_default(&aaa->local_fallback, FACT_ON, "local passwords are the only method");
    }
    if (x->acct_login_node && x->acct_has_dest)
        fact_set(&aaa->accounting_exec, FACT_ON, x->acct_login_node);
    else
        fact_default(&aaa->accounting_exec, FACT_OFF, "no system accounting of login events");
    if (x->acct_cmd_node && x->acct_has_dest)
        fact_set(&aaa->accounting_cmds, FACT_ON, x->acct_cmd_node);
    else
        fact_default(&aaa->accounting_cmds, FACT_OFF,
                     "no system accounting of interactive-commands/change-log");
    /* role-based control: a login class that limits commands (permissions
     * other than all, or allow/deny lists; remote TACACS+ users map onto
     * such classes), or a user in operator/read-only; none when every user
     * may run everything */
    const struct cfg_node *limited = NULL;
    for (size_t j = 0; j < x->nclasses && !limited; j++)
        if (x->classes[j].perm_node && (!x->classes[j].perm_all || x->classes[j].restricts))
            limited = x->classes[j].perm_node;
    size_t users = 0;
    struct fact_lines open = {0};
    for (size_t i = 0; i < x->m->naccounts; i++) {
        const char *cls = x->acct_class[i];
        if (!cls)
            continue;
        users++;
        const struct cfg_node *ev = x->m->accounts[i].node;
        bool all = strcmp(cls, "super-user") == 0;
        bool predefined = all || strcmp(cls, "operator") == 0 || strcmp(cls, "read-only") == 0 ||
                          strcmp(cls, "unauthorized") == 0;
        for (size_t j = 0; j < x->nclasses && !predefined; j++)
            if (sv_eq_cstr(sv_unquote(x->classes[j].name), cls)) {
                all = x->classes[j].perm_all && !x->classes[j].restricts;
                /* a class of its own: super-user's rank when it permits every
                 * command with no deny list, operator's otherwise */
                x->m->accounts[i].privilege = all ? 15 : 5;
                if (x->classes[j].perm_node)
                    ev = x->classes[j].perm_node;
            }
        if (!all && !limited)
            limited = ev;
        else if (all)
            fact_lines_add(&open, ev);
    }
    if (limited) {
        fact_set(&aaa->authz_cmds, FACT_ON, limited);
    } else if (users) {
        aaa->authz_cmds.state = FACT_OFF;
        aaa->authz_cmds.ev = open;
        aaa->authz_cmds.why = "every login class permits all commands";
    } else if (aaa->nservers == 0) {
        /* no login users and no TACACS+/RADIUS server: only root, whose
         * super-user class runs every command */
        fact_default(&aaa->authz_cmds, FACT_OFF,
                     "no login classes or users and no authentication server: only root, "
                     "which may run every command");
    } else {
    }
    if (x->pwpolicy_node)
        fact_set(&x->m->legacy.password_policy, FACT_ON, x->pwpolicy_node);
    else
        fact_default(&x->m->legacy.password_policy, FACT_OFF, "no system login password policy");
}

/* LOG-SEVERITY: the least verbose host (a host with no facility line gets
 * nothing) and the console file, which is not written unless configured. */
static void j_log_levels(struct jx *x)
{
    struct logging_facts *lg = &x->m->logging;
    for (size_t i = 0; i < lg->nhosts; i++) {
        int lv = x->log_best[i] < 0 ? LOG_LEVEL_OFF : x->log_best[i];
        if (!lg->remote_level.known || lv < lg->remote_level.level) {
            lg->remote_level = (struct log_level){0};
            log_level_set(&lg->remote_level, lv,
                          x->log_best_node[i] ? x->log_best_node[i] : lg->hosts[i].node);
        }
    }
    if (lg->remote_level.known && lg->remote_level.level == LOG_LEVEL_OFF)
        lg->remote_level.why = "a syslog host without a facility and level receives nothing";
    if (x->log_console_node)
        log_level_set(&lg->console_level, x->log_console_best, x->log_console_node);
    else
        log_level_default(&lg->console_level, LOG_LEVEL_OFF,
                          "no 'system syslog console': nothing is logged to the console");
}

static void finish_logging(struct jx *x)
{
    struct device_model *m = x->m;
    struct logging_facts *lg = &m->logging;
    if (x->log_login_node)
        fact_set(&lg->login_events, FACT_ON, x->log_login_node);
    else
        fact_default(&lg->login_events, FACT_OFF,
                     "no syslog host receives the authorization facility at info");
    if (x->log_change_node)
        fact_set(&lg->config_changes, FACT_ON, x->log_change_node);
    else
        fact_default(&lg->config_changes, FACT_OFF,
                     "no syslog host receives change-log or interactive-commands");
    /* remote hosts that only take critical or worse drop most events */
    int best = -1;
    for (size_t i = 0; i < lg->nhosts; i++)
        if (x->log_best[i] > best)
            best = x->log_best[i];
    if (best >= 0)
        lg->trap_level = syslog_levels[best];
    j_log_levels(x);
    if (lg->nhosts && best <= 2) {
        fact_set(&lg->suppressed, FACT_ON, NULL);
        for (size_t i = 0; i < lg->nhosts; i++)
            fact_lines_add(&lg->suppressed.ev,
                           x->log_best_node[i] ? x->log_best_node[i] : lg->hosts[i].node);
        lg->suppressed.why = "syslog hosts receive critical messages or worse only";
    } else if (x->syslog_node) {
        fact_set(&lg->suppressed, FACT_OFF, x->syslog_node);
    } else {
        /* nothing filters or disables logging; where the logs go is LOG-REMOTE-SYSLOG's */
        fact_default(&lg->suppressed, FACT_OFF,
                     "no system syslog configuration: no statement filters or disables logging");
    }

    struct ntp_facts *ntp = &m->ntp;
    if (x->ntp_key_node && x->ntp_trusted_node) {
        fact_set(&ntp->auth_enabled, FACT_ON, x->ntp_key_node);
        fact_lines_add(&ntp->auth_enabled.ev, x->ntp_trusted_node);
    } else if (x->ntp_key_node) {
        fact_set(&ntp->auth_enabled, FACT_OFF, x->ntp_key_node);
        ntp->auth_enabled.why = "authentication-key without trusted-key";
    } else {
        fact_default(&ntp->auth_enabled, FACT_OFF, "no ntp authentication-key");
    }
    if (m->snmp.enabled.state == FACT_UNKNOWN) {
        if (x->snmp_node)
            fact_set(&m->snmp.enabled, FACT_ON, x->snmp_node);
        else
            fact_default(&m->snmp.enabled, FACT_OFF, "no snmp configuration");
    }
}

static void finish_mirrors(struct jx *x)
{
    for (size_t i = 0; i < x->m->nmirrors; i++) {
        struct mirror_session *s = &x->m->mirrors[i];
        s->kind = strncmp(s->kind, "analyzer", 8) == 0 ? "analyzer" : "port-mirroring";
    }
}

void model_extract_junos(const struct cfg_tree *t, struct device_model *m)
{
    struct jx *x = arena_alloc(t->arena, sizeof(*x));
    x->t = t;
    x->a = t->arena;
    x->m = m;
    x->local_as = -1;
    x->bgp_global.peer_as = -1;
    x->bgp_global.local_as = -1;
    x->acl_budget = JX_MAX_ACL_EXPAND;
    m->dialect = t->dialect;
    m->ssh.idle_timeout_seconds = -1;

    const struct cfg_node *groups = NULL;
    bool any_apply = false;
    for (const struct cfg_node *n = t->first; n; n = n->next) {
        struct sv s = cfg_text(n);
        if (sv_starts_with_word(s, "groups") || sv_starts_with_word(s, "set groups"))
            groups = n;
        if (sv_starts_with_word(s, "apply-groups") || sv_starts_with_word(s, "set apply-groups"))
            any_apply = true;
    }
    if (groups || any_apply)
        model_path_walk(x->a, &x->walk, t->first, true, jl_push_node, j_apply_line, x);
    if (x->napply) {
        x->scratch_group = arena_alloc(t->arena, sizeof(*x->scratch_group));
        x->in_groups = true;
        model_path_walk(x->a, &x->walk, t->first, true, jl_push_node, j_group_line, x);
        x->in_groups = false;
    }
    model_path_walk(x->a, &x->walk, t->first, true, jl_push_node, j_local_line, x);

    finish_services(x);
    finish_aaa(x);
    finish_logging(x);
    finish_sources(x);
    finish_acls(x);
    finish_bgp(x);
    finish_igp(x);
    finish_mirrors(x);
    jrtg_finish(x->a, m, x->rtg);
    finish_cpp(x);
    model_ct_junos_finish(x->ct, m);
    if (m->legacy.secret_encryption.state == FACT_UNKNOWN)
        fact_default(&m->legacy.secret_encryption, FACT_OFF,
                     "no system master-password: $9$ secrets are reversible obfuscation");
    if (m->legacy.redirects.state == FACT_UNKNOWN)
        fact_default(&m->legacy.redirects, FACT_ON, "Junos sends ICMP redirects by default");
    if (x->console_insecure_node && x->aux_disable_node) {
        fact_set(&m->console_auth, FACT_ON, x->console_insecure_node);
        fact_lines_add(&m->console_auth.ev, x->aux_disable_node);
    } else {
        fact_default(&m->console_auth, FACT_OFF,
                     !x->console_insecure_node
                         ? "no 'system ports console insecure': root may log in at the console"
                         : "no 'system ports auxiliary disable': the auxiliary port is open");
        fact_lines_add(&m->console_auth.ev,
                       x->console_insecure_node ? x->console_insecure_node : x->aux_disable_node);
    }
    if (m->legacy.discovery.state == FACT_UNKNOWN)
        fact_default(&m->legacy.discovery, FACT_OFF,
                     "no 'protocols lldp': LLDP runs only where the configuration enables it "
                     "(the EX/QFX factory configuration does so with 'protocols lldp')");
}
