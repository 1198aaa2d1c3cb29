/*
 * extract_vrp.c - the Huawei VRP extractor: fills struct device_model from
 * a VRP5/VRP8 config tree (`#`-separated views, indented children).
 *
 * One pass over the top-level statements dispatches on the first words;
 * views (aaa, user-interface, interface, bgp, ospf, acl, ...) are read
 * through their children. `undo X` is an explicit negation of X. Defaults
 * differ between product lines (AR, NE, CE, S), so an absent statement is
 * FACT_UNKNOWN with a reason unless checks.md section 18 (or the check's own
 * evidence) names a default: vty idle-timeout 10 minutes, SNMP agent and
 * uRPF off until configured, SSHv1 compatibility off on VRP8.
 */
#include "model/extract_rtg.h"

#include <pthread.h>
#include <string.h>

#define VX_MAX_ITEMS 200000 /* cap on indexed lists (accounts, peers, ...) */
#define VX_MAX_SMALL 4096   /* cap on lists searched linearly (SNMP users) */
#define VX_MAX_LIST 64      /* SSH algorithms */

struct vpeer {
    struct sv name; /* address or group name */
    struct sv vrf;  /* vpn-instance, empty for the public network */
    bool is_group;
    struct sv group; /* group of an address peer */
    int type;        /* 0 unset, 1 external, 2 internal (groups) */
    long as;
    struct secret key;
    const struct cfg_node *auth_node, *ttl_node, *limit_node, *in_node, *out_node;
    const char *in_policy, *out_policy;
    struct plx_bind imp; /* import filters per family */
    bool ignore;
    const struct cfg_node *node;
};

struct vx {
    const struct cfg_tree *t;
    struct arena *a;
    struct device_model *m;
    bool vrp8;

    const struct cfg_node *telnet_node, *stelnet_node, *v1_node;
    const struct cfg_node *ssh_source_node; /* "ssh server-source ..." */
    enum fact_state telnet_state, stelnet_state, v1_state;
    bool saw_ciphers, saw_macs;
    struct fact_lines cipher_ev, mac_ev; /* the cipher and hmac statements */

    /* aaa */
    const struct cfg_node *central_node, *fallback_node, *local_only_node;
    const struct cfg_node *acct_node, *cmd_acct_node, *authz_node;
    const struct cfg_node *pwpolicy_node;

    /* logging */
    const struct cfg_node *ic_off_node, *ic_on_node;
    /* "info-center source CFG|SHELL|default channel loghost ...": whether the
     * module's events reach the loghost channel (explicit module, default) */
    const struct cfg_node *cfg_log_node, *dflt_log_node;
    bool cfg_log_on, dflt_log_on;
    int dflt_level; /* level of "info-center source default channel loghost log level L" */

    /* ntp */
    const struct cfg_node *ntp_auth_node, *ntp_key_node;

    /* snmp */
    const struct cfg_node *snmp_on_node, *snmp_off_node;
    const struct cfg_node *snmp_version_node; /* sys-info version without v1/v2c */

    /* bgp */
    struct vpeer *peers;
    size_t npeers;
    struct sv cur_vrf; /* vpn-instance of the address family being read */
    int cur_fam;       /* 4 or 6 in a unicast (or vpn-instance) family, 0 in others */
    struct plx *plx;   /* ip-prefix lists and route-policies */
    long plx_index;
    struct vpol_wide *wide; /* family-wide "filter-policy ... import" */
    size_t nwide;

    /* igp */
    const struct cfg_node *ospf_if_auth, *isis_if_auth;
    /* interface addresses and "ospf enable PID" process ids, read once on
     * the first OSPF process (v_if_scan) */
    struct ip_prefix *if_hosts;
    size_t nif_hosts;
    struct sv *ospf_enabled;
    size_t nospf_enabled;
    bool if_scanned;

    /* copp */
    const struct cfg_node *cpu_defend_def, *cpu_defend_applied;

    struct model_nmap acct_map, peer_map, server_map;
};

/* ------------------------------------------------------------ helpers */

static struct sv tk(const struct cfg_node *n, size_t i)
{
    return model_tok(n, i);
}

/* Does the statement (after `skip` tokens) start with these words? */
static bool starts(const struct cfg_node *n, size_t skip, const char *words)
{
    struct sv s = skip ? sv_after_tokens(cfg_text(n), skip) : cfg_text(n);
    return sv_starts_with_word(s, words);
}

static size_t ntok(const struct cfg_node *n)
{
    return sv_token_count(cfg_text(n));
}

static bool vcap(size_t n)
{
    return n < VX_MAX_ITEMS;
}

/* Index of the first token equal to w at or after from, or 0 when none
 * (one pass over the text, whatever the number of tokens). */
static size_t find_tok(const struct cfg_node *n, size_t from, const char *w)
{
    struct sv rest = cfg_text(n);
    for (size_t i = 0; rest.n; i++) {
        struct sv t = sv_token(rest, 0);
        if (!t.p)
            break;
        if (i >= from && sv_eq_cstr(t, w))
            return i;
        rest = sv_after_tokens(rest, 1);
    }
    return 0;
}

/* A VRP secret: mode word ("cipher", "simple", ...) then the value. */
static struct secret vsecret(const struct cfg_node *n, size_t mode_idx)
{
    struct sv mode = tk(n, mode_idx), val = tk(n, mode_idx + 1);
    if (!val.p) {
        /* the value follows the keyword directly */
        val = mode;
        mode = sv_make(NULL, 0);
    }
    val = sv_unquote(val);
    enum secret_type ty =
        secret_is_redacted(val) ? SECRET_REDACTED : secret_classify_vrp(mode, val);
    return model_secret(ty, val, n);
}

/* Append the tokens from index `from` on to a short list (SSH algorithms). */
static void add_list(struct vx *x, const char ***arr, size_t *n, const struct cfg_node *node,
                     size_t from)
{
    struct sv rest = sv_after_tokens(cfg_text(node), from);
    while (rest.n && *n < VX_MAX_LIST) {
        struct sv v = sv_token(rest, 0);
        if (!v.p)
            break;
        rest = sv_after_tokens(rest, 1);
        bool dup = false;
        for (size_t j = 0; j < *n && !dup; j++)
            dup = sv_eq_cstr(v, (*arr)[j]);
        if (dup)
            continue;
        const char **slot = MODEL_PUSH(x->a, *arr, *n);
        *slot = model_strdup(x->a, v);
    }
}

static struct mgmt_service *v_service(struct vx *x, const char *name, bool cleartext,
                                      enum fact_state st, const struct cfg_node *n)
{
    struct mgmt_service *s = model_find_service(x->m, name, NULL);
    if (s) {
        fact_set(&s->state, st, n);
        return s;
    }
    return model_add_service(x->a, x->m, name, cleartext, st, n);
}

/* ------------------------------------------------------------ services */

static struct account *v_account(struct vx *x, struct sv name, const struct cfg_node *n);

/* One statement of an OPS assistant: a Python task, or a CLI task that changes state. */
static void ops_task(const struct cfg_node *c, bool *python, bool *risky)
{
    static const char *const changes[] = {"reset", "undo", "save",   "delete", "copy",
                                          "tftp",  "ftp",  "format", "rmdir",  "move"};
    if (starts(c, 0, "script-assistant python") ||
        (starts(c, 0, "execute") && model_tok_is(c, 2, "python")))
        *python = true;
    if (starts(c, 0, "execute") && model_tok_is(c, 2, "command"))
        for (size_t i = 0; i < ARRAY_SIZE(changes); i++)
            *risky |= model_sv_ieq(tk(c, 3), changes[i]);
}

/*
 * An OPS maintenance assistant: a command assistant runs CLI commands on a
 * trigger (a scheduler); a script assistant or "execute N python" runs a
 * Python program on the device. Tasks stand in the assistant view or, on
 * VRP8 routers, in its "task" view.
 */
static void v_ops_assistant(struct vx *x, const struct cfg_node *a)
{
    bool python = false, risky = false;
    for (const struct cfg_node *c = a->child; c; c = c->next) {
        if (c->flags & CFG_INACTIVE)
            continue;
        ops_task(c, &python, &risky);
        if (starts(c, 0, "task") && ntok(c) == 1)
            for (const struct cfg_node *t = c->child; t; t = t->next)
                if (!(t->flags & CFG_INACTIVE))
                    ops_task(t, &python, &risky);
    }
    model_add_onbox(x->a, x->m, python ? "python" : "ops-assistant", model_strdup(x->a, tk(a, 1)),
                    risky, a);
}

/* The NETCONF view: "protocol inbound ssh [ipv4|ipv6] [port N]". */
static void v_netconf(struct vx *x, const struct cfg_node *n)
{
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if ((c->flags & CFG_INACTIVE) || !starts(c, 0, "protocol inbound"))
            continue;
        bool ssh = model_tok_is(c, 2, "ssh");
        struct mgmt_service *sv =
            model_add_service(x->a, x->m, "netconf", false, ssh ? FACT_ON : FACT_UNKNOWN, c);
        if (!ssh)
            sv->state.why = "NETCONF inbound transport other than SSH not evaluated";
        size_t p = find_tok(c, 3, "port");
        if (p)
            sv->port = model_sv_long(tk(c, p + 1), -1);
    }
}

/* "info-center source MODULE channel loghost|2 log [level L] [state on|off]" */
static void v_info_source(struct vx *x, const struct cfg_node *n)
{
    struct sv mod = tk(n, 2);
    bool cfg = model_sv_ieq(mod, "CFG") || model_sv_ieq(mod, "SHELL");
    if (!cfg && !model_sv_ieq(mod, "default"))
        return;
    size_t lg = find_tok(n, 5, "log");
    if (!lg)
        return;
    size_t st = find_tok(n, lg + 1, "state"), lv = find_tok(n, lg + 1, "level");
    bool on = !(st && model_tok_is(n, st + 1, "off"));
    if (on && lv) {
        /* configuration and command records are logged at notification (5) */
        struct sv l = tk(n, lv + 1);
        long num = model_sv_long(l, -1);
        on = num >= 5 || model_sv_ieq(l, "notification") || model_sv_ieq(l, "notifications") ||
             model_sv_ieq(l, "informational") || model_sv_ieq(l, "debugging");
    }
    if (cfg) {
        if (!x->cfg_log_node || on) {
            x->cfg_log_node = n;
            x->cfg_log_on = on;
        }
    } else {
        x->dflt_log_node = n;
        x->dflt_log_on = on;
        x->dflt_level = st && model_tok_is(n, st + 1, "off") ? LOG_LEVEL_OFF
                        : lv                                 ? log_level_parse(tk(n, lv + 1))
                                                             : -2;
    }
}

/* LOG-SEVERITY: the loghost channel's level for all modules, when set. */
static void v_log_levels(struct vx *x)
{
    struct log_level *r = &x->m->logging.remote_level;
    if (x->ic_off_node)
        log_level_set(r, LOG_LEVEL_OFF, x->ic_off_node);
    else if (x->dflt_log_node && x->dflt_level >= LOG_LEVEL_OFF)
        log_level_set(r, x->dflt_level, x->dflt_log_node);
    else
        log_level_unknown(r, "no 'info-center source default channel loghost log level': the "
                             "loghost channel's default level is not in checks.md ('display "
                             "info-center' tells)");
}

/* ------------------------------------------------------------ statement tables */

/* Which forms of a statement a row reads: the positive one only (POS), both
 * (BOTH: the handler is told whether "undo" stood first) or "undo" only. */
enum { POS, BOTH, UNDO };

/* A handler returns false when the statement is not a form it reads (the
 * next candidate row is tried). */
typedef bool v_fn(struct vx *x, const struct cfg_node *n, bool undo);

struct v_row {
    const char *words; /* leading words of the statement (after any "undo") */
    int forms;         /* POS, BOTH or UNDO */
    v_fn *fn;
};

/*
 * Hand statement n to the first candidate row of the table (indexed by ix)
 * whose words and form match and whose handler reads it, in table order.
 */
static void v_dispatch(struct vx *x, const struct v_row *rows, const struct stmt_index *ix,
                       const struct cfg_node *n)
{
    bool undo = model_tok_is(n, 0, "undo");
    size_t s = undo ? 1 : 0;
    for (size_t c = stmt_index_first(ix, tk(n, s)); c; c = stmt_index_next(ix, c)) {
        const struct v_row *r = &rows[c - 1];
        if ((r->forms == POS && undo) || (r->forms == UNDO && !undo))
            continue;
        if (starts(n, s, r->words) && r->fn(x, n, undo))
            return;
    }
}

static enum fact_state v_on(bool undo)
{
    return undo ? FACT_OFF : FACT_ON;
}

/* ------------------------------------------------------------ global statements */

static bool v_g_telnet_enable(struct vx *x, const struct cfg_node *n, bool undo)
{
    if (!(undo && x->telnet_state == FACT_ON)) {
        x->telnet_node = n;
        x->telnet_state = v_on(undo);
    }
    return true;
}

static bool v_g_telnet_disable(struct vx *x, const struct cfg_node *n, bool undo)
{
    x->telnet_node = n;
    x->telnet_state = FACT_OFF;
    return true;
}

/* A statement read for what it does not do (a telnet port or source does
 * not switch telnet on; snmp-agent statements are read by v_snmp). */
static bool v_g_inert(struct vx *x, const struct cfg_node *n, bool undo)
{
    return true;
}

/* "ssh server-source -i IF | all-interface": where the SSH server listens. */
static bool v_g_ssh_source(struct vx *x, const struct cfg_node *n, bool undo)
{
    if (!undo)
        x->ssh_source_node = n;
    return true;
}

static bool v_g_stelnet(struct vx *x, const struct cfg_node *n, bool undo)
{
    x->stelnet_node = n;
    x->stelnet_state = v_on(undo);
    return true;
}

static bool v_g_ssh1x(struct vx *x, const struct cfg_node *n, bool undo)
{
    x->v1_node = n;
    x->v1_state = v_on(undo);
    return true;
}

static bool v_g_ssh_cipher(struct vx *x, const struct cfg_node *n, bool undo)
{
    struct ssh_facts *ssh = &x->m->ssh;
    fact_lines_add(&x->cipher_ev, n);
    add_list(x, &ssh->ciphers, &ssh->nciphers, n, 3);
    x->saw_ciphers = true;
    fact_lines_add(&ssh->algo_ev, n);
    return true;
}

static bool v_g_ssh_hmac(struct vx *x, const struct cfg_node *n, bool undo)
{
    struct ssh_facts *ssh = &x->m->ssh;
    add_list(x, &ssh->macs, &ssh->nmacs, n, 3);
    x->saw_macs = true;
    fact_lines_add(&ssh->algo_ev, n);
    fact_lines_add(&x->mac_ev, n);
    return true;
}

static bool v_g_ssh_kex(struct vx *x, const struct cfg_node *n, bool undo)
{
    struct ssh_facts *ssh = &x->m->ssh;
    add_list(x, &ssh->kex, &ssh->nkex, n, 3);
    fact_lines_add(&ssh->algo_ev, n);
    return true;
}

static bool v_g_ssh_port(struct vx *x, const struct cfg_node *n, bool undo)
{
    x->m->ssh.port = model_sv_long(tk(n, 3), -1);
    fact_lines_add(&x->m->ssh.ev, n);
    return true;
}

/* ssh user U assign rsa-key|dsa-key|ecc-key|sm2-key KEY: a public key for U */
static bool v_g_ssh_user(struct vx *x, const struct cfg_node *n, bool undo)
{
    struct sv kind = tk(n, 4);
    if (!model_tok_is(n, 3, "assign") || kind.n <= 4 ||
        memcmp(kind.p + kind.n - 4, "-key", 4) != 0 || ntok(n) <= 5)
        return false;
    struct account *ac = v_account(x, tk(n, 2), n);
    if (ac) {
        ac->has_ssh_key = true;
        if (!ac->ssh_key_node)
            ac->ssh_key_node = n;
    }
    return true;
}

/* ssh server acl [ipv6] A */
static bool v_g_ssh_acl(struct vx *x, const struct cfg_node *n, bool undo)
{
    struct sv name = tk(n, ntok(n) - 1);
    model_add_mgmt_path(x->a, x->m, "ssh", model_strdup(x->a, name), n);
    return true;
}

static bool v_g_http(struct vx *x, const struct cfg_node *n, bool undo)
{
    v_service(x, "http", true, v_on(undo), n);
    return true;
}

static bool v_g_https(struct vx *x, const struct cfg_node *n, bool undo)
{
    v_service(x, "https", false, v_on(undo), n);
    return true;
}

static bool v_g_http_acl(struct vx *x, const struct cfg_node *n, bool undo)
{
    model_add_mgmt_path(x->a, x->m, "http", model_strdup(x->a, tk(n, 2)), n);
    return true;
}

static bool v_g_ftp(struct vx *x, const struct cfg_node *n, bool undo)
{
    v_service(x, "ftp-server", true, v_on(undo), n);
    return true;
}

static bool v_g_sftp(struct vx *x, const struct cfg_node *n, bool undo)
{
    v_service(x, "sftp-server", false, v_on(undo), n);
    return true;
}

static bool v_g_tftp(struct vx *x, const struct cfg_node *n, bool undo)
{
    v_service(x, "tftp-server", true, FACT_ON, n);
    return true;
}

static bool v_g_snetconf(struct vx *x, const struct cfg_node *n, bool undo)
{
    v_service(x, "netconf", false, v_on(undo), n);
    return true;
}

static bool v_g_lldp(struct vx *x, const struct cfg_node *n, bool undo)
{
    fact_set(&x->m->legacy.discovery, v_on(undo), n);
    return true;
}

static bool v_g_dhcp(struct vx *x, const struct cfg_node *n, bool undo)
{
    fact_set(&x->m->legacy.dhcp_server, v_on(undo), n);
    return true;
}

static bool v_g_info_center(struct vx *x, const struct cfg_node *n, bool undo)
{
    if (undo)
        x->ic_off_node = n;
    else
        x->ic_on_node = n;
    return true;
}

/* info-center loghost [ipv6] H [vpn-instance V] [transport tcp ssl-policy P] */
static bool v_g_loghost(struct vx *x, const struct cfg_node *n, bool undo)
{
    struct device_model *m = x->m;
    if (ntok(n) <= 2 || model_tok_is(n, 2, "source"))
        return false;
    struct sv h = tk(n, 2);
    size_t at = 2;
    if (sv_eq_cstr(h, "ipv6")) {
        h = tk(n, 3);
        at = 3;
    }
    struct host_ref *r = model_add_host(x->a, &m->logging.hosts, &m->logging.nhosts, h, n);
    size_t v = find_tok(n, at + 1, "vpn-instance");
    if (v)
        r->vrf = model_strdup(x->a, tk(n, v + 1));
    r->tls = find_tok(n, at + 1, "ssl-policy") != 0; /* transport tcp ssl-policy P */
    fact_lines_add(&m->logging.ev, n);
    return true;
}

static bool v_g_ntp_server(struct vx *x, const struct cfg_node *n, bool undo)
{
    struct device_model *m = x->m;
    struct sv h = tk(n, 2);
    if (sv_eq_cstr(h, "ipv6"))
        h = tk(n, 3);
    struct host_ref *r = model_add_host(x->a, &m->ntp.servers, &m->ntp.nservers, h, n);
    r->keyed = find_tok(n, 3, "authentication-keyid") != 0;
    size_t v = find_tok(n, 3, "vpn-instance");
    if (v)
        r->vrf = model_strdup(x->a, tk(n, v + 1));
    fact_lines_add(&m->ntp.ev, n);
    return true;
}

static bool v_g_ntp_auth(struct vx *x, const struct cfg_node *n, bool undo)
{
    x->ntp_auth_node = undo ? NULL : n;
    return true;
}

static bool v_g_ntp_key(struct vx *x, const struct cfg_node *n, bool undo)
{
    if (!x->ntp_key_node)
        x->ntp_key_node = n;
    size_t c = find_tok(n, 3, "cipher");
    if (!c)
        c = find_tok(n, 3, "simple");
    if (c)
        model_add_secret(x->a, x->m, "ntp-key", vsecret(n, c));
    return true;
}

/* undo snmp-agent */
static bool v_g_snmp_off(struct vx *x, const struct cfg_node *n, bool undo)
{
    if (ntok(n) != 2)
        return false;
    x->snmp_off_node = n;
    return true;
}

static bool v_g_cpu_defend_applied(struct vx *x, const struct cfg_node *n, bool undo)
{
    x->cpu_defend_applied = n;
    return true;
}

static bool v_g_cpu_defend_policy(struct vx *x, const struct cfg_node *n, bool undo)
{
    x->cpu_defend_def = n;
    for (const struct cfg_node *c = n->child; c; c = c->next)
        if (!(c->flags & CFG_INACTIVE) && starts(c, 0, "applied") && !x->cpu_defend_applied)
            x->cpu_defend_applied = c;
    return true;
}

/* header login|shell: the banner's text (kind: "login" or "motd") */
static void v_header(struct vx *x, const struct cfg_node *n, const char *kind)
{
    struct banner *b = model_add_banner(x->a, x->m, kind, n);
    if (n->flags & CFG_BANNER)
        b->text = sv_make(n->body, n->body_len);
    else
        b->text = sv_unquote(sv_after_tokens(cfg_text(n), 3));
}

static bool v_g_header_login(struct vx *x, const struct cfg_node *n, bool undo)
{
    v_header(x, n, "login");
    return true;
}

static bool v_g_header_shell(struct vx *x, const struct cfg_node *n, bool undo)
{
    v_header(x, n, "motd");
    return true;
}

static bool v_g_observe_port(struct vx *x, const struct cfg_node *n, bool undo)
{
    struct device_model *m = x->m;
    struct mirror_session *ms = MODEL_PUSH(x->a, m->mirrors, m->nmirrors);
    ms->kind = "mirror";
    ms->node = n;
    size_t i = find_tok(n, 1, "interface");
    size_t d = find_tok(n, 1, "destination-ip");
    if (d) {
        ms->destination = model_strdup(x->a, tk(n, d + 1));
        ms->remote = true;
    } else if (i) {
        ms->destination = model_strdup(x->a, tk(n, i + 1));
    }
    return true;
}

static bool v_g_ops(struct vx *x, const struct cfg_node *n, bool undo)
{
    for (const struct cfg_node *c = n->child; c; c = c->next)
        if (!(c->flags & CFG_INACTIVE) && starts(c, 0, "assistant") && vcap(x->m->nonbox))
            v_ops_assistant(x, c);
    return true;
}

static bool v_g_netconf(struct vx *x, const struct cfg_node *n, bool undo)
{
    if (ntok(n) != 1)
        return false;
    v_netconf(x, n);
    return true;
}

/* info-center source M channel loghost|2 ... */
static bool v_g_info_source(struct vx *x, const struct cfg_node *n, bool undo)
{
    if (!model_tok_is(n, 3, "channel") ||
        !(model_tok_is(n, 4, "loghost") || model_tok_is(n, 4, "2")))
        return false;
    v_info_source(x, n);
    return true;
}

static bool v_g_maintenance(struct vx *x, const struct cfg_node *n, bool undo)
{
    model_add_onbox(x->a, x->m, "scheduler", model_strdup(x->a, tk(n, 1)), false, n);
    return true;
}

/* super password [level N] cipher|irreversible-cipher|simple V */
static bool v_g_super_password(struct vx *x, const struct cfg_node *n, bool undo)
{
    struct device_model *m = x->m;
    size_t c = find_tok(n, 2, "irreversible-cipher");
    if (!c)
        c = find_tok(n, 2, "cipher");
    if (!c)
        c = find_tok(n, 2, "simple");
    if (c && (!m->enable.node || model_tok_is(n, 3, "15") || !model_tok_is(n, 2, "level")))
        m->enable = vsecret(n, c);
    return true;
}

static bool v_g_sysname(struct vx *x, const struct cfg_node *n, bool undo)
{
    x->m->hostname = model_strdup_unquoted(x->a, sv_after_tokens(cfg_text(n), 1));
    x->m->hostname_node = n;
    return true;
}

/* The top-level statements not read by a view of their own. */
static const struct v_row global_rows[] = {
    {"telnet server enable", BOTH, v_g_telnet_enable},
    {"telnet ipv6 server enable", BOTH, v_g_telnet_enable},
    {"telnet server disable", BOTH, v_g_telnet_disable},
    {"telnet server port", BOTH, v_g_inert},
    {"telnet server-source", BOTH, v_g_inert},
    {"stelnet server enable", BOTH, v_g_stelnet},
    {"stelnet ipv4 server enable", BOTH, v_g_stelnet},
    {"ssh server enable", BOTH, v_g_stelnet},
    {"ssh server-source", BOTH, v_g_ssh_source},
    {"ssh server compatible-ssh1x", BOTH, v_g_ssh1x},
    {"ssh server cipher", POS, v_g_ssh_cipher},
    {"ssh server hmac", POS, v_g_ssh_hmac},
    {"ssh server key-exchange", POS, v_g_ssh_kex},
    {"ssh server port", POS, v_g_ssh_port},
    {"ssh user", POS, v_g_ssh_user},
    {"ssh server acl", POS, v_g_ssh_acl},
    {"http server enable", BOTH, v_g_http},
    {"http secure-server enable", BOTH, v_g_https},
    {"http acl", POS, v_g_http_acl},
    {"ftp server enable", BOTH, v_g_ftp},
    {"ftp ipv6 server enable", BOTH, v_g_ftp},
    {"sftp server enable", BOTH, v_g_sftp},
    {"tftp-server", POS, v_g_tftp},
    {"snetconf server enable", BOTH, v_g_snetconf},
    {"lldp enable", BOTH, v_g_lldp},
    {"dhcp enable", BOTH, v_g_dhcp},
    {"info-center enable", BOTH, v_g_info_center},
    {"info-center loghost", POS, v_g_loghost},
    {"ntp-service unicast-server", POS, v_g_ntp_server},
    {"ntp-service authentication enable", BOTH, v_g_ntp_auth},
    {"ntp-service authentication-keyid", POS, v_g_ntp_key},
    {"snmp-agent", POS, v_g_inert},
    {"snmp-agent", UNDO, v_g_snmp_off},
    {"cpu-defend-policy", POS, v_g_cpu_defend_applied},
    {"cpu-defend policy", POS, v_g_cpu_defend_policy},
    {"header login", POS, v_g_header_login},
    {"header shell", POS, v_g_header_shell},
    {"observe-port", POS, v_g_observe_port},
    {"ops", POS, v_g_ops},
    {"netconf", POS, v_g_netconf},
    {"info-center source", POS, v_g_info_source},
    {"maintenance-assistant", POS, v_g_maintenance},
    {"super password", POS, v_g_super_password},
    {"sysname", POS, v_g_sysname},
};

static struct stmt_index global_index, aaa_index;
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void v_global(struct vx *x, const struct cfg_node *n)
{
    v_dispatch(x, global_rows, &global_index, n);
}

/* ------------------------------------------------------------ user-interface */

/* The console's authentication-mode: aaa asks for an account; password is a
 * shared line password and none asks for nothing (checks.md MGMT-CONSOLE-AUX). */
static void vrp_console(struct device_model *m, const char *mode, const struct cfg_node *n)
{
    if (!mode)
        fact_unknown(&m->console_auth, "no authentication-mode on the console: the default "
                                       "differs by product line");
    else if (strcmp(mode, "aaa") == 0)
        fact_set(&m->console_auth, FACT_ON, n);
    else
        fact_set(&m->console_auth, FACT_OFF, n);
    if (mode && strcmp(mode, "aaa") != 0)
        m->console_auth.why = strcmp(mode, "none") == 0
                                  ? "authentication-mode none: the console asks for nothing"
                                  : "authentication-mode password: a shared line password only";
}

static enum line_kind v_line_kind(struct sv kind)
{
    return sv_eq_cstr(kind, "vty")                                  ? LINE_VTY
           : sv_eq_cstr(kind, "con") || sv_eq_cstr(kind, "console") ? LINE_CONSOLE
           : sv_eq_cstr(kind, "aux")                                ? LINE_AUX
                                                                    : LINE_OTHER;
}

/* set authentication password cipher|simple|irreversible-cipher V */
static void v_line_password(struct vx *x, const struct cfg_node *c)
{
    size_t i = find_tok(c, 3, "cipher");
    if (!i)
        i = find_tok(c, 3, "simple");
    if (!i)
        i = find_tok(c, 3, "irreversible-cipher");
    if (i)
        model_add_secret(x->a, x->m, "line-password", vsecret(c, i));
}

/* protocol inbound all|telnet|ssh */
static void v_line_protocol(struct mgmt_line *l, const struct cfg_node *c)
{
    struct sv p = tk(c, 2);
    l->transport_node = c;
    bool all = sv_eq_cstr(p, "all");
    fact_set(&l->telnet_in, all || sv_eq_cstr(p, "telnet") ? FACT_ON : FACT_OFF, c);
    fact_set(&l->ssh_in, all || sv_eq_cstr(p, "ssh") ? FACT_ON : FACT_OFF, c);
}

/* One statement of a user-interface view (*saw_proto, *auth_mode: what it said). */
static void v_line_stmt(struct vx *x, struct mgmt_line *l, const struct cfg_node *c,
                        bool *saw_proto, const char **auth_mode)
{
    if (starts(c, 0, "protocol inbound")) {
        *saw_proto = true;
        v_line_protocol(l, c);
    } else if (starts(c, 0, "authentication-mode")) {
        *auth_mode = model_strdup(x->a, tk(c, 1));
        if (sv_eq_cstr(tk(c, 1), "password") && l->kind == LINE_VTY)
            x->local_only_node = c;
    } else if (starts(c, 0, "idle-timeout")) {
        long mins = model_sv_long(tk(c, 1), -1);
        long secs = model_sv_long(tk(c, 2), 0);
        l->timeout_seconds = mins < 0 ? -1 : mins * 60 + secs;
        l->timeout_is_default = false;
        l->timeout_node = c;
    } else if (starts(c, 0, "acl") && find_tok(c, 1, "inbound")) {
        size_t i = model_tok_is(c, 1, "ipv6") ? 2 : 1;
        if (!l->acl_in)
            l->acl_in = model_strdup(x->a, tk(c, i));
    } else if (starts(c, 0, "set authentication password")) {
        v_line_password(x, c);
    } else if (starts(c, 0, "undo shell")) {
        fact_set(&l->login_disabled, FACT_ON, c);
    } else if (starts(c, 0, "shell")) {
        fact_set(&l->login_disabled, FACT_OFF, c);
    }
}

/* The defaults of a user-interface once its statements are read. */
static void v_line_settle(struct vx *x, struct mgmt_line *l, const struct cfg_node *n,
                          bool saw_proto, const char *auth_mode)
{
    struct device_model *m = x->m;
    if (l->login_disabled.state == FACT_UNKNOWN)
        fact_default(&l->login_disabled, FACT_OFF, "the shell is enabled unless undo shell");
    if (l->kind == LINE_CONSOLE)
        vrp_console(m, auth_mode, n);
    if (auth_mode && strcmp(auth_mode, "none") == 0 && l->login_disabled.state != FACT_ON) {
        /* no authentication: record it as the line's role in the name */
        l->name = arena_printf(x->a, "%s (authentication-mode none)", l->name);
    }
    if (!saw_proto && l->kind == LINE_VTY) {
        fact_unknown(&l->telnet_in, "no protocol inbound: the default differs by VRP release");
        fact_unknown(&l->ssh_in, "no protocol inbound: the default differs by VRP release");
    } else if (!saw_proto) {
        fact_default(&l->telnet_in, FACT_OFF, "not a vty");
        fact_default(&l->ssh_in, FACT_OFF, "not a vty");
    }
    fact_unknown(&l->any_out, "VRP has no per-vty outbound transport control");
    if (l->kind == LINE_VTY)
        model_add_mgmt_path(x->a, m, "vty", l->acl_in, n);
}

static void v_user_interface(struct vx *x, const struct cfg_node *n)
{
    struct device_model *m = x->m;
    struct sv kind = tk(n, 1);
    if (sv_eq_cstr(kind, "maximum-vty") || sv_eq_cstr(kind, "current"))
        return;
    struct mgmt_line *l = MODEL_PUSH(x->a, m->lines, m->nlines);
    l->name = model_strdup(x->a, cfg_text(n));
    l->node = n;
    l->kind = v_line_kind(kind);
    l->timeout_seconds = 600;
    l->timeout_is_default = true;
    bool saw_proto = false;
    const char *auth_mode = NULL;
    for (const struct cfg_node *c = n->child; c; c = c->next)
        if (!(c->flags & CFG_INACTIVE))
            v_line_stmt(x, l, c, &saw_proto, &auth_mode);
    v_line_settle(x, l, n, saw_proto, auth_mode);
}

/* ------------------------------------------------------------ acl */

/* The address after "source"/"destination" at token s (0: absent = any). */
static void v_rule_addr(const struct cfg_node *c, size_t s, bool *any, struct ip_prefix *p,
                        bool *unresolved)
{
    if (!s) {
        *any = true;
        return;
    }
    struct sv addr = tk(c, s + 1), wild = tk(c, s + 2);
    if (sv_eq_cstr(addr, "any")) {
        *any = true;
    } else if (sv_eq_cstr(wild, "0")) {
        *p = model_parse_addr(addr);
        if (p->af == 4)
            p->len = 32;
        *unresolved = p->af == 0;
    } else if (wild.p && ip_prefix_from_mask(addr, wild, true, p)) {
        *any = ip_prefix_is_any(p);
    } else {
        *p = model_parse_addr(addr);
        *unresolved = p->af == 0;
    }
}

/*
 * "rule [N] permit|deny [protocol] [source A W] [destination B W] ...":
 * addresses, and whether nothing but addresses and logging narrows the
 * rule (no protocol other than ip, no ports, fragments, VPN or time range).
 */
static void v_rule_match(const struct cfg_node *c, size_t a, struct acl_entry *e)
{
    size_t s = find_tok(c, a + 1, "source"), d = find_tok(c, a + 1, "destination");
    v_rule_addr(c, s, &e->src_any, &e->src, &e->unresolved);
    v_rule_addr(c, d, &e->dst_any, &e->dst, &e->dst_unresolved);
    e->icmp_or_routing = model_proto_icmp_or_routing(tk(c, a + 1));
    bool all = true;
    for (size_t i = a + 1; all && tk(c, i).n; i++) {
        struct sv w = tk(c, i);
        if ((s && (i == s + 1 || i == s + 2)) || (d && (i == d + 1 || i == d + 2)))
            continue; /* an address or its wildcard */
        all = (i == a + 1 && sv_eq_cstr(w, "ip")) || i == s || i == d || sv_eq_cstr(w, "logging") ||
              sv_eq_cstr(w, "counting");
    }
    e->matches_all = all;
}

static void v_acl(struct vx *x, const struct cfg_node *n)
{
    /* acl number N | acl name X [N] | acl ipv6 number N | acl N */
    uint8_t af = model_tok_is(n, 1, "ipv6") ? 6 : 4; /* the two families are numbered apart */
    size_t i = af == 6 ? 2 : 1;
    if (model_tok_is(n, i, "number") || model_tok_is(n, i, "name"))
        i++;
    struct sv name = tk(n, i);
    if (!name.p)
        return;
    /* "acl name X 3001": referenced by either; the number gets a twin below */
    struct sv number = model_tok_is(n, i - 1, "name") ? tk(n, i + 1) : sv_make(NULL, 0);
    struct acl *acl = model_add_acl(x->a, x->m, model_strdup_unquoted(x->a, name), n);
    acl->af = af;
    size_t acl_index = x->m->nacls - 1;
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if ((c->flags & CFG_INACTIVE) || !starts(c, 0, "rule") || !vcap(acl->n))
            continue;
        size_t a = model_tok_is(c, 1, "permit") || model_tok_is(c, 1, "deny") ? 1 : 2;
        struct acl_entry *e = model_acl_add_entry(x->a, acl, c);
        e->permit = model_tok_is(c, a, "permit");
        e->log = find_tok(c, a + 1, "logging") != 0; /* LOG-ACL-DENY */
        v_rule_match(c, a, e);
    }
    if (number.p && model_sv_long(number, -1) >= 0) {
        struct acl *twin = model_add_acl(x->a, x->m, model_strdup(x->a, number), n);
        twin->af = af;
        acl = &x->m->acls[acl_index]; /* the array may have moved */
        twin->entries = acl->entries;
        twin->n = acl->n;
    }
}

/* ------------------------------------------------------------ aaa */

static struct account *v_account(struct vx *x, struct sv name, const struct cfg_node *n)
{
    return model_account_indexed(x->a, x->m, &x->acct_map, name, n, VX_MAX_ITEMS);
}

/* local-user U password|privilege level|cipher ... */
static bool v_a_local_user(struct vx *x, const struct cfg_node *c, bool undo)
{
    if (ntok(c) <= 2)
        return false;
    struct account *ac = v_account(x, tk(c, 1), c);
    if (!ac)
        return true;
    if (model_tok_is(c, 2, "password")) {
        size_t i = 3;
        ac->secret = ntok(c) > 3 ? vsecret(c, i) : model_secret(SECRET_NONE, tk(c, 9), c);
    } else if (starts(c, 2, "privilege level")) {
        ac->privilege = (int)model_sv_long(tk(c, 4), -1);
        ac->role = arena_printf(x->a, "level %d", ac->privilege);
    } else if (model_tok_is(c, 2, "cipher") || model_tok_is(c, 2, "irreversible-cipher")) {
        ac->secret = vsecret(c, 2);
    }
    return true;
}

static bool v_a_password_policy(struct vx *x, const struct cfg_node *c, bool undo)
{
    x->pwpolicy_node = c;
    return true;
}

/* authentication-mode M...: central (hwtacacs, radius, ldap), local, or both */
static void v_authn_mode(struct vx *x, const struct cfg_node *d)
{
    bool central = false, local = false;
    for (size_t i = 1; i < ntok(d); i++) {
        central |= model_tok_is(d, i, "hwtacacs") || model_tok_is(d, i, "radius") ||
                   model_tok_is(d, i, "ldap");
        local |= model_tok_is(d, i, "local");
    }
    if (central && !x->central_node)
        x->central_node = d;
    if (central && local && !x->fallback_node)
        x->fallback_node = d;
    if (!central && local && !x->local_only_node)
        x->local_only_node = d;
}

static bool v_a_authn_scheme(struct vx *x, const struct cfg_node *c, bool undo)
{
    for (const struct cfg_node *d = c->child; d; d = d->next)
        if (!(d->flags & CFG_INACTIVE) && starts(d, 0, "authentication-mode"))
            v_authn_mode(x, d);
    return true;
}

static bool v_a_acct_scheme(struct vx *x, const struct cfg_node *c, bool undo)
{
    for (const struct cfg_node *d = c->child; d; d = d->next)
        if (!(d->flags & CFG_INACTIVE) && starts(d, 0, "accounting-mode") &&
            (model_tok_is(d, 1, "hwtacacs") || model_tok_is(d, 1, "radius")) && !x->acct_node)
            x->acct_node = d;
    return true;
}

/* per-command (authorization-cmd) or per-user (authorization-mode)
 * authorisation by the HWTACACS server */
static bool v_a_authz_scheme(struct vx *x, const struct cfg_node *c, bool undo)
{
    for (const struct cfg_node *d = c->child; d; d = d->next)
        if (!(d->flags & CFG_INACTIVE) &&
            (starts(d, 0, "authorization-cmd") || starts(d, 0, "authorization-mode")) &&
            find_tok(d, 1, "hwtacacs") && (!x->authz_node || starts(d, 0, "authorization-cmd")))
            x->authz_node = d;
    return true;
}

static bool v_a_recording_scheme(struct vx *x, const struct cfg_node *c, bool undo)
{
    for (const struct cfg_node *d = c->child; d; d = d->next)
        if (!(d->flags & CFG_INACTIVE) && starts(d, 0, "recording-mode") && !x->cmd_acct_node)
            x->cmd_acct_node = d;
    return true;
}

static bool v_a_cmd_recording(struct vx *x, const struct cfg_node *c, bool undo)
{
    if (!x->cmd_acct_node)
        x->cmd_acct_node = c;
    return true;
}

/* The statements of the aaa view. */
static const struct v_row aaa_rows[] = {
    {"local-user", POS, v_a_local_user},
    {"local-aaa-user password policy", POS, v_a_password_policy},
    {"local-user password policy", POS, v_a_password_policy},
    {"authentication-scheme", POS, v_a_authn_scheme},
    {"accounting-scheme", POS, v_a_acct_scheme},
    {"authorization-scheme", POS, v_a_authz_scheme},
    {"recording-scheme", POS, v_a_recording_scheme},
    {"cmd recording-scheme", POS, v_a_cmd_recording},
};

static void build_indexes(void)
{
    stmt_index_build(&global_index, global_rows, ARRAY_SIZE(global_rows), sizeof(global_rows[0]));
    stmt_index_build(&aaa_index, aaa_rows, ARRAY_SIZE(aaa_rows), sizeof(aaa_rows[0]));
}

/* One statement of the aaa view. */
static void v_aaa_stmt(struct vx *x, const struct cfg_node *c)
{
    v_dispatch(x, aaa_rows, &aaa_index, c);
}

static void v_aaa(struct vx *x, const struct cfg_node *n)
{
    for (const struct cfg_node *c = n->child; c; c = c->next)
        if (!(c->flags & CFG_INACTIVE))
            v_aaa_stmt(x, c);
}

/* Statements that exist only inside the aaa view; met at the top level when
 * a " #" separator inside the view ended it early. */
static bool is_aaa_stmt(const struct cfg_node *n)
{
    return starts(n, 0, "authentication-scheme") || starts(n, 0, "authorization-scheme") ||
           starts(n, 0, "accounting-scheme") || starts(n, 0, "recording-scheme") ||
           starts(n, 0, "cmd recording-scheme") || starts(n, 0, "local-user") ||
           starts(n, 0, "local-aaa-user");
}

static void v_aaa_template(struct vx *x, const struct cfg_node *n, enum aaa_proto proto)
{
    /* hwtacacs-server template T / radius-server template T */
    struct device_model *m = x->m;
    struct secret key = {0};
    size_t first = m->aaa.nservers;
    const char *kw = proto == AAA_TACACS ? "hwtacacs-server" : "radius-server";
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if ((c->flags & CFG_INACTIVE) || !starts(c, 0, kw))
            continue;
        if (model_tok_is(c, 1, "authentication") || model_tok_is(c, 1, "authorization") ||
            model_tok_is(c, 1, "accounting")) {
            struct sv h = tk(c, 2);
            if (sv_eq_cstr(h, "ipv6") || sv_eq_cstr(h, "vpn-instance"))
                continue;
            /* one server per address and template */
            struct sv tmpl = tk(n, 2);
            struct sv key2 = sv_make(tmpl.p, tmpl.n);
            if (m->aaa.nservers >= VX_MAX_SMALL ||
                model_nmap_get(&x->server_map, h, key2) != SIZE_MAX)
                continue;
            model_nmap_put(x->a, &x->server_map, h, key2, m->aaa.nservers);
            struct aaa_server *s = MODEL_PUSH(x->a, m->aaa.servers, m->aaa.nservers);
            s->proto = proto;
            s->host = model_strdup(x->a, h);
            s->addr = model_parse_addr(h);
            s->node = c;
        } else if (model_tok_is(c, 1, "shared-key")) {
            key = vsecret(c, 2);
            model_add_secret(x->a, m, proto == AAA_TACACS ? "tacacs-key" : "radius-key", key);
        }
    }
    for (size_t i = first; i < m->aaa.nservers; i++)
        m->aaa.servers[i].key = key;
}

/* ------------------------------------------------------------ snmp */

static void v_snmp(struct vx *x, const struct cfg_node *n)
{
    struct device_model *m = x->m;
    if (ntok(n) == 1) {
        x->snmp_on_node = n;
        return;
    }
    if (!x->snmp_on_node)
        x->snmp_on_node = n;
    if (starts(n, 0, "snmp-agent community") && ntok(n) > 3) {
        bool write = model_tok_is(n, 2, "write");
        size_t i = 3;
        struct sv mode = sv_make(NULL, 0);
        if (model_tok_is(n, i, "cipher") || model_tok_is(n, i, "simple")) {
            mode = tk(n, i);
            i++;
        }
        struct sv val = sv_unquote(tk(n, i));
        if (!val.p || !vcap(m->snmp.ncommunities))
            return;
        struct snmp_community *c = MODEL_PUSH(x->a, m->snmp.communities, m->snmp.ncommunities);
        /* Without a mode word the value's own prefix says how it is stored
         * ("%^%#...%^%#", "%@%@...%@%@" are cipher text). */
        enum secret_type ty = secret_classify_vrp(mode, val);
        c->name = model_secret(ty, val, n);
        c->write = write;
        c->node = n;
        size_t a = find_tok(n, i + 1, "acl");
        if (a)
            c->acl_name = model_strdup(x->a, tk(n, a + 1));
        model_add_mgmt_path(x->a, m, "snmp", c->acl_name, n);
    } else if (starts(n, 0, "snmp-agent usm-user")) {
        size_t i = 2;
        if (model_tok_is(n, i, "v3"))
            i++;
        struct sv name = tk(n, i);
        if (!name.p)
            return;
        struct snmp_user *u = NULL;
        for (size_t j = 0; j < m->snmp.nusers; j++)
            if (sv_eq_cstr(name, m->snmp.users[j].name))
                u = &m->snmp.users[j];
        if (!u) {
            if (m->snmp.nusers >= VX_MAX_SMALL)
                return;
            u = MODEL_PUSH(x->a, m->snmp.users, m->snmp.nusers);
            u->name = model_strdup(x->a, name);
            u->auth = "none";
            u->priv = "none";
            u->node = n;
        }
        size_t a = find_tok(n, i + 1, "authentication-mode");
        if (a) {
            u->auth = model_strdup(x->a, tk(n, a + 1));
            fact_lines_add(&u->ev, n);
            size_t c = find_tok(n, a + 2, "cipher");
            if (c)
                model_add_secret(x->a, m, "snmp-auth", vsecret(n, c));
        }
        size_t p = find_tok(n, i + 1, "privacy-mode");
        if (p) {
            u->priv = model_strdup(x->a, tk(n, p + 1));
            fact_lines_add(&u->ev, n);
            size_t c = find_tok(n, p + 2, "cipher");
            if (c)
                model_add_secret(x->a, m, "snmp-priv", vsecret(n, c));
        }
        size_t acl = find_tok(n, i + 1, "acl");
        if (acl)
            u->acl_name = model_strdup(x->a, tk(n, acl + 1));
    } else if (starts(n, 0, "snmp-agent sys-info version")) {
        bool v12 = false;
        for (size_t i = 3; i < ntok(n); i++)
            v12 |=
                model_tok_is(n, i, "v1") || model_tok_is(n, i, "v2c") || model_tok_is(n, i, "all");
        x->snmp_version_node = v12 ? NULL : n;
    } else if (starts(n, 0, "snmp-agent acl")) {
        model_add_mgmt_path(x->a, m, "snmp", model_strdup(x->a, tk(n, 2)), n);
    } else if (starts(n, 0, "snmp-agent target-host")) {
        size_t a = find_tok(n, 2, "udp-domain");
        if (a && vcap(m->snmp.ntrap_hosts)) {
            const char **slot = MODEL_PUSH(x->a, m->snmp.trap_hosts, m->snmp.ntrap_hosts);
            *slot = model_strdup(x->a, tk(n, a + 1));
        }
    }
}

/* ------------------------------------------------------------ bgp */

static struct vpeer *v_peer(struct vx *x, struct sv name, const struct cfg_node *n)
{
    size_t at = model_nmap_get(&x->peer_map, name, x->cur_vrf);
    if (at != SIZE_MAX)
        return &x->peers[at];
    if (!vcap(x->npeers))
        return NULL;
    model_nmap_put(x->a, &x->peer_map, name, x->cur_vrf, x->npeers);
    struct vpeer *p = MODEL_PUSH(x->a, x->peers, x->npeers);
    p->vrf = x->cur_vrf;
    p->name = name;
    p->as = -1;
    p->node = n;
    struct ip_prefix a = model_parse_addr(name);
    p->is_group = a.af == 0;
    return p;
}

static void v_bgp_stmt(struct vx *x, const struct cfg_node *c)
{
    if (starts(c, 0, "group") && ntok(c) >= 2) {
        struct vpeer *g = v_peer(x, tk(c, 1), c);
        if (!g)
            return;
        g->is_group = true;
        g->node = c;
        g->type = model_tok_is(c, 2, "external") ? 1 : model_tok_is(c, 2, "internal") ? 2 : g->type;
        return;
    }
    if (vpol_wide(x->a, &x->wide, &x->nwide, c, x->cur_vrf, x->cur_fam))
        return;
    if (!starts(c, 0, "peer") || ntok(c) < 3)
        return;
    struct vpeer *p = v_peer(x, tk(c, 1), c);
    if (!p)
        return;
    struct sv w = tk(c, 2);
    if (sv_eq_cstr(w, "as-number")) {
        p->as = model_sv_long(tk(c, 3), -1);
    } else if (sv_eq_cstr(w, "group")) {
        p->group = tk(c, 3);
    } else if (sv_eq_cstr(w, "password")) {
        p->key = vsecret(c, 3);
        p->auth_node = c;
        model_add_secret(x->a, x->m, "bgp-key", p->key);
    } else if (sv_eq_cstr(w, "keychain") || sv_eq_cstr(w, "tcp-ao")) {
        p->auth_node = c;
    } else if (sv_eq_cstr(w, "valid-ttl-hops")) {
        p->ttl_node = c;
    } else if (sv_eq_cstr(w, "route-limit")) {
        p->limit_node = c;
    } else if (sv_eq_cstr(w, "route-policy") || sv_eq_cstr(w, "ip-prefix") ||
               sv_eq_cstr(w, "ipv6-prefix") || sv_eq_cstr(w, "route-filter") ||
               sv_eq_cstr(w, "filter-policy") || sv_eq_cstr(w, "as-path-filter")) {
        struct sv dir = tk(c, ntok(c) - 1);
        size_t at = sv_starts_with(tk(c, 3), "acl") ? 4 : 3; /* filter-policy acl-name N */
        const char *name = model_strdup(x->a, tk(c, at));
        if (sv_eq_cstr(dir, "import") && x->cur_fam)
            vpol_import(&p->imp, w, sv_unquote(tk(c, at)), x->cur_fam);
        if (sv_eq_cstr(dir, "import") && !p->in_policy) {
            p->in_policy = name;
            p->in_node = c;
        } else if (sv_eq_cstr(dir, "export") && !p->out_policy) {
            p->out_policy = name;
            p->out_node = c;
        }
    } else if (sv_eq_cstr(w, "ignore")) {
        p->ignore = true;
    }
}

/* An address family view: peer policies and limits live here. Families
 * other than unicast (vpnv4, vpn-instance) are read too. */
static void v_bgp_family(struct vx *x, const struct cfg_node *n)
{
    /* "ipv4-family vpn-instance X": sessions of that VPN, kept apart */
    x->cur_vrf = model_tok_is(n, 1, "vpn-instance") ? tk(n, 2) : sv_make(NULL, 0);
    bool unicast =
        ntok(n) < 2 || model_tok_is(n, 1, "unicast") || model_tok_is(n, 1, "vpn-instance");
    x->cur_fam = !unicast ? 0 : starts(n, 0, "ipv6-family") ? 6 : 4;
    for (const struct cfg_node *d = n->child; d; d = d->next)
        if (!(d->flags & CFG_INACTIVE))
            v_bgp_stmt(x, d);
    x->cur_vrf = sv_make(NULL, 0);
    x->cur_fam = 4; /* the bgp view itself is IPv4 unicast */
}

static void v_bgp(struct vx *x, const struct cfg_node *n)
{
    struct device_model *m = x->m;
    m->bgp.configured = true;
    m->bgp.node = n;
    m->bgp.local_as = model_sv_long(tk(n, 1), -1);
    x->cur_fam = 4; /* the bgp view itself is IPv4 unicast */
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (c->flags & CFG_INACTIVE)
            continue;
        if (starts(c, 0, "ipv4-family") || starts(c, 0, "ipv6-family"))
            v_bgp_family(x, c);
        else
            v_bgp_stmt(x, c);
    }
}

static void finish_bgp(struct vx *x)
{
    struct device_model *m = x->m;
    for (size_t i = 0; i < x->npeers; i++) {
        const struct vpeer *p = &x->peers[i];
        if (p->is_group)
            continue;
        const struct vpeer *g = NULL;
        size_t gi = p->group.p ? model_nmap_get(&x->peer_map, p->group, p->vrf) : SIZE_MAX;
        if (gi != SIZE_MAX && x->peers[gi].is_group)
            g = &x->peers[gi];
        struct bgp_neighbor *nb = MODEL_PUSH(x->a, m->bgp.neighbors, m->bgp.nneighbors);
        nb->addr = model_strdup(x->a, p->name);
        nb->group = p->group.p ? model_strdup(x->a, p->group) : NULL;
        nb->node = p->node;
        nb->vrf = p->vrf.p ? model_strdup(x->a, p->vrf) : NULL;
        nb->shutdown = p->ignore;
        nb->remote_as = p->as >= 0 ? p->as : g ? g->as : -1;
        if (g && g->type)
            nb->ebgp = g->type == 1;
        else
            nb->ebgp =
                nb->remote_as >= 0 && m->bgp.local_as >= 0 && nb->remote_as != m->bgp.local_as;
        const struct vpeer *au = p->auth_node ? p : g && g->auth_node ? g : NULL;
        if (au) {
            fact_set(&nb->auth, FACT_ON, au->auth_node);
            nb->key = au->key;
            nb->auth_type = au->key.type;
        } else {
            fact_default(&nb->auth, FACT_OFF, "no peer password, keychain or tcp-ao");
        }
        const struct cfg_node *ttl = p->ttl_node ? p->ttl_node : g ? g->ttl_node : NULL;
        if (ttl)
            fact_set(&nb->gtsm, FACT_ON, ttl);
        else
            fact_default(&nb->gtsm, FACT_OFF, "no peer valid-ttl-hops");
        const struct cfg_node *lim = p->limit_node ? p->limit_node : g ? g->limit_node : NULL;
        if (lim)
            fact_set(&nb->max_prefix, FACT_ON, lim);
        else
            fact_default(&nb->max_prefix, FACT_OFF, "no peer route-limit");
        nb->in_policy = p->in_policy ? p->in_policy : g ? g->in_policy : NULL;
        nb->out_policy = p->out_policy ? p->out_policy : g ? g->out_policy : NULL;
        nb->in_policy_node = p->in_policy ? p->in_node : g ? g->in_node : NULL;
        vpol_summary(x->a, x->plx, &p->imp, g ? &g->imp : NULL, x->wide, x->nwide, nb);
    }
}

/* ------------------------------------------------------------ igp */

static bool auth_mode_strong(const struct cfg_node *n, size_t at)
{
    struct sv mode = tk(n, at);
    return mode.p && !sv_eq_cstr(mode, "simple") && !sv_eq_cstr(mode, "null");
}

/* Read every active interface's "ip address" and "ospf enable PID" once. */
static void v_if_scan(struct vx *x)
{
    x->if_scanned = true;
    for (const struct cfg_node *f = x->t->first; f; f = f->next) {
        if ((f->flags & CFG_INACTIVE) || !starts(f, 0, "interface"))
            continue;
        for (const struct cfg_node *c = f->child; c; c = c->next) {
            if (c->flags & CFG_INACTIVE)
                continue;
            if (starts(c, 0, "ospf enable")) {
                *MODEL_PUSH(x->a, x->ospf_enabled, x->nospf_enabled) = tk(c, 2);
            } else if (starts(c, 0, "ip address")) {
                struct ip_prefix host = model_parse_addr(tk(c, 2));
                if (host.af)
                    *MODEL_PUSH(x->a, x->if_hosts, x->nif_hosts) = host;
            }
        }
    }
}

/* Whether an interface address falls in p. */
static bool v_addr_in(const struct vx *x, const struct ip_prefix *p)
{
    for (size_t i = 0; i < x->nif_hosts; i++)
        if (ip_prefix_contains(p, &x->if_hosts[i]))
            return true;
    return false;
}

/* Whether an interface enables process pid itself ("ospf enable PID"). */
static bool v_ospf_enabled(const struct vx *x, struct sv pid)
{
    for (size_t i = 0; i < x->nospf_enabled; i++)
        if (!pid.n || sv_eq(x->ospf_enabled[i], pid))
            return true;
    return false;
}

/* An OSPF process whose area network statements take in no interface address
 * (and that no interface enables) forms no adjacency. */
static bool v_ospf_idle(struct vx *x, const struct cfg_node *n)
{
    size_t nets = 0;
    if (!x->if_scanned)
        v_if_scan(x);
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if ((c->flags & CFG_INACTIVE) || !starts(c, 0, "area"))
            continue;
        for (const struct cfg_node *d = c->child; d; d = d->next) {
            struct ip_prefix p;
            if ((d->flags & CFG_INACTIVE) || !starts(d, 0, "network") ||
                !ip_prefix_from_mask(tk(d, 1), tk(d, 2), true, &p))
                continue;
            nets++;
            if (v_addr_in(x, &p))
                return false;
        }
    }
    return nets > 0 && !v_ospf_enabled(x, tk(n, 1));
}

static void v_ospf(struct vx *x, const struct cfg_node *n)
{
    struct igp_instance *g = MODEL_PUSH(x->a, x->m->igps, x->m->nigps);
    g->proto = starts(n, 0, "ospfv3") ? "ospfv3" : "ospf";
    g->name = model_strdup(x->a, tk(n, 1).p ? tk(n, 1) : SV_LIT("1"));
    g->node = n;
    g->no_interface = v_ospf_idle(x, n);
    size_t areas = 0, authed = 0;
    const struct cfg_node *miss = NULL;
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if ((c->flags & CFG_INACTIVE) || !starts(c, 0, "area"))
            continue;
        areas++;
        const struct cfg_node *au = NULL;
        for (const struct cfg_node *d = c->child; d; d = d->next)
            if (!(d->flags & CFG_INACTIVE) && starts(d, 0, "authentication-mode") &&
                auth_mode_strong(d, 1))
                au = d;
        if (au) {
            authed++;
            fact_lines_add(&g->auth.ev, au);
            vrtg_igp_alg(x->t, au, g);
        } else if (!miss) {
            miss = c;
        }
    }
    if (areas && authed == areas)
        g->auth.state = FACT_ON;
    else if (x->ospf_if_auth)
        fact_unknown(&g->auth, "authentication is set per interface; interface-to-area "
                               "membership is not resolved");
    else if (areas)
        fact_set(&g->auth, FACT_OFF, miss);
    else
        fact_unknown(&g->auth, "no areas configured");
}

static void v_isis(struct vx *x, const struct cfg_node *n)
{
    struct igp_instance *g = MODEL_PUSH(x->a, x->m->igps, x->m->nigps);
    g->proto = "isis";
    g->name = model_strdup(x->a, tk(n, 1).p ? tk(n, 1) : SV_LIT("1"));
    g->node = n;
    const struct cfg_node *au = NULL;
    for (const struct cfg_node *c = n->child; c; c = c->next)
        if (!(c->flags & CFG_INACTIVE) &&
            (starts(c, 0, "area-authentication-mode") ||
             starts(c, 0, "domain-authentication-mode")) &&
            auth_mode_strong(c, 1))
            au = c;
    if (au) {
        fact_set(&g->auth, FACT_ON, au);
        vrtg_igp_alg(x->t, au, g);
    } else if (x->isis_if_auth)
        fact_unknown(&g->auth, "authentication is set per interface only");
    else
        fact_set(&g->auth, FACT_OFF, n);
}

/* ------------------------------------------------------------ interfaces */

/* "undo icmp host-unreachable send" and "undo icmp port-unreachable send":
 * unreachables count as off once both kinds are (checks.md CPP-ICMP-UNREACH). */
static void v_unreach_off(struct fact_bool *f, const struct cfg_node *c)
{
    if (f->state == FACT_OFF)
        return;
    bool other = false;
    for (size_t i = 0; i < f->ev.n; i++)
        other |= !sv_eq(tk(f->ev.nodes[i], 2), tk(c, 2));
    if (other)
        fact_set(f, FACT_OFF, c);
    else
        fact_lines_add(&f->ev, c);
}

/* An interface's "[undo] icmp redirect send" / "[undo] icmp host-unreachable|
 * port-unreachable send": handled? */
static bool v_if_icmp(struct interface *f, const struct cfg_node *c)
{
    bool undo = starts(c, 0, "undo");
    size_t k = undo ? 1 : 0;
    if (starts(c, k, "icmp redirect send")) {
        fact_set(&f->redirects, undo ? FACT_OFF : FACT_ON, c);
    } else if (starts(c, k, "icmp host-unreachable send") ||
               starts(c, k, "icmp port-unreachable send")) {
        if (undo)
            v_unreach_off(&f->unreachables, c);
        else
            fact_set(&f->unreachables, FACT_ON, c);
    } else {
        return false;
    }
    return true;
}

/* Device-wide "undo icmp redirect send" / "undo icmp host|port-unreachable
 * send" (system view) cover every interface that does not say otherwise. */
static void v_finish_cpp(struct vx *x)
{
    const struct cfg_node *redir_off = NULL;
    const struct cfg_node *unreach[2] = {NULL, NULL};
    for (const struct cfg_node *n = x->t->first; n; n = n->next) {
        if (n->flags & CFG_INACTIVE)
            continue;
        if (starts(n, 0, "undo icmp redirect send"))
            redir_off = n;
        else if (starts(n, 0, "undo icmp host-unreachable send"))
            unreach[0] = n;
        else if (starts(n, 0, "undo icmp port-unreachable send"))
            unreach[1] = n;
    }
    for (size_t i = 0; i < x->m->ninterfaces; i++) {
        struct interface *f = &x->m->interfaces[i];
        if (redir_off && f->redirects.state == FACT_UNKNOWN)
            fact_set(&f->redirects, FACT_OFF, redir_off);
        for (int k = 0; k < 2; k++)
            if (unreach[k])
                v_unreach_off(&f->unreachables, unreach[k]);
    }
}

/* traffic-filter inbound|outbound [ipv6] [acl] [name] A */
static void v_if_filter(struct vx *x, struct interface *f, const struct cfg_node *c)
{
    bool in = model_tok_is(c, 1, "inbound");
    size_t i = 2;
    if (model_tok_is(c, i, "ipv6"))
        i++;
    if (model_tok_is(c, i, "acl"))
        i++;
    if (model_tok_is(c, i, "name"))
        i++;
    const char *acl = model_strdup(x->a, tk(c, i));
    if (in && !f->acl_in)
        f->acl_in = acl;
    else if (!in && !f->acl_out)
        f->acl_out = acl;
}

/* The interface's identity, state, addresses, filters and tunnel; false when c is none of these. */
static bool v_if_basic(struct vx *x, struct interface *f, const struct cfg_node *c)
{
    if (starts(c, 0, "description"))
        f->description = model_strdup_unquoted(x->a, sv_after_tokens(cfg_text(c), 1));
    else if (starts(c, 0, "shutdown"))
        f->shutdown = true;
    else if (starts(c, 0, "undo shutdown"))
        f->shutdown = false;
    else if (starts(c, 0, "ip address") || starts(c, 0, "ipv6 address"))
        f->has_ip = true;
    else if (starts(c, 0, "urpf") || starts(c, 0, "ip urpf") || starts(c, 0, "ipv6 urpf"))
        fact_set(&f->urpf, FACT_ON, c);
    else if (starts(c, 0, "traffic-filter inbound") || starts(c, 0, "traffic-filter outbound"))
        v_if_filter(x, f, c);
    else if (starts(c, 0, "tunnel-protocol")) {
        f->tunnel_mode = model_strdup(x->a, tk(c, 1));
        f->is_tunnel = !model_tok_is(c, 1, "none");
    } else if (starts(c, 0, "destination") && f->is_tunnel)
        f->tunnel_dest = model_strdup(x->a, tk(c, ntok(c) - 1));
    else
        return false;
    return true;
}

/* LLDP, directed broadcast and proxy ARP; false when c is none of these. */
static bool v_if_services(struct interface *f, const struct cfg_node *c)
{
    if (starts(c, 0, "undo lldp enable") || starts(c, 0, "lldp admin-status disable"))
        fact_set(&f->discovery, FACT_OFF, c);
    else if (starts(c, 0, "lldp enable") || starts(c, 0, "lldp admin-status"))
        fact_set(&f->discovery, FACT_ON, c);
    else if (starts(c, 0, "ip forward-broadcast"))
        fact_set(&f->directed_broadcast, FACT_ON, c);
    else if (starts(c, 0, "arp-proxy enable"))
        fact_set(&f->proxy_arp, FACT_ON, c);
    else
        return false;
    return true;
}

/* IGP authentication, port mirroring and the management VPN binding. */
static void v_if_other(struct vx *x, struct interface *f, const struct cfg_node *c)
{
    if (starts(c, 0, "ospf authentication-mode") && auth_mode_strong(c, 2)) {
        x->ospf_if_auth = c;
    } else if (starts(c, 0, "isis authentication-mode") && auth_mode_strong(c, 2)) {
        x->isis_if_auth = c;
    } else if (starts(c, 0, "port-mirroring to observe-port")) {
        struct mirror_session *ms = MODEL_PUSH(x->a, x->m->mirrors, x->m->nmirrors);
        ms->kind = "port-mirroring";
        ms->destination = model_strdup(x->a, tk(c, 3));
        ms->node = c;
    } else if (starts(c, 0, "ip binding vpn-instance") && f->is_mgmt) {
        fact_set(&x->m->mgmt_vrf, FACT_ON, c);
    }
}

static void v_interface(struct vx *x, const struct cfg_node *n)
{
    struct sv name = sv_after_tokens(cfg_text(n), 1);
    struct interface *f = model_add_interface(x->a, x->m, name, n);
    f->is_loopback = sv_starts_with(name, "LoopBack");
    f->is_tunnel = sv_starts_with(name, "Tunnel");
    f->is_mgmt = sv_starts_with(name, "MEth") || sv_starts_with(name, "Meth");
    fact_default(&f->urpf, FACT_OFF, "uRPF is off unless configured");
    fact_default(&f->proxy_arp, FACT_OFF, "arp-proxy is off unless enabled");
    fact_unknown(&f->redirects, "ICMP redirect default differs by VRP product line");
    fact_unknown(&f->unreachables, "ICMP unreachable default differs by VRP product line");
    fact_default(&f->directed_broadcast, FACT_OFF, "no 'ip forward-broadcast' on the interface");
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (c->flags & CFG_INACTIVE)
            continue;
        if (!v_if_basic(x, f, c) && !v_if_services(f, c) && !v_if_icmp(f, c))
            v_if_other(x, f, c);
    }
}

/* ------------------------------------------------------------ ipsec */

static void v_proposal(struct vx *x, const struct cfg_node *n, const char *kind)
{
    struct ipsec_policy *p = MODEL_PUSH(x->a, x->m->ipsec, x->m->nipsec);
    p->name = arena_printf(x->a, "%s %.*s", kind, (int)tk(n, 2).n, tk(n, 2).p);
    p->node = n;
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (c->flags & CFG_INACTIVE)
            continue;
        struct sv v = tk(c, ntok(c) - 1);
        if (starts(c, 0, "encryption-algorithm") || starts(c, 0, "esp encryption-algorithm")) {
            p->encryption = model_strdup(x->a, v);
            p->weak |= model_ipsec_enc_is_weak(v);
        } else if (starts(c, 0, "authentication-algorithm") ||
                   starts(c, 0, "esp authentication-algorithm") ||
                   starts(c, 0, "integrity-algorithm")) {
            p->integrity = model_strdup(x->a, v);
            p->weak |= model_ipsec_integ_is_weak(v);
        } else if (starts(c, 0, "dh")) {
            p->dh_group = model_strdup(x->a, v);
            p->weak |= model_ipsec_group_is_weak(v);
        }
    }
}

/* ------------------------------------------------------------ finish */

static void v_finish_ssh(struct vx *x)
{
    struct device_model *m = x->m;
    struct ssh_facts *ssh = &m->ssh;
    if (x->telnet_node) {
        fact_set(&m->telnet_server, x->telnet_state, x->telnet_node);
        if (x->telnet_state == FACT_ON)
            v_service(x, "telnet", true, FACT_ON, x->telnet_node);
    } else {
        fact_unknown(&m->telnet_server, "no telnet server statement: the default differs by "
                                        "VRP release and product line");
    }
    if (x->stelnet_node) {
        fact_set(&ssh->enabled, x->stelnet_state, x->stelnet_node);
        fact_lines_add(&ssh->ev, x->stelnet_node);
    } else {
        fact_unknown(&ssh->enabled, "no stelnet server statement: the default differs by "
                                    "VRP release and product line");
    }
    if (x->v1_node)
        fact_set(&ssh->v1_allowed, x->v1_state, x->v1_node);
    else if (x->vrp8)
        fact_default(&ssh->v1_allowed, FACT_OFF, "SSHv1 compatibility is off by default on VRP8");
    else
        fact_unknown(&ssh->v1_allowed, "no compatible-ssh1x statement and the release is not "
                                       "known to be VRP8");
    if (ssh->port <= 0)
        ssh->port = 22;
    if (x->saw_ciphers)
        model_ssh_list_weak(&ssh->weak_ciphers, ssh->ciphers, ssh->nciphers,
                            model_ssh_cipher_is_weak, x->cipher_ev, x->cipher_ev);
    else
        fact_unknown(&ssh->weak_ciphers, "no ssh server cipher list: default is release-dependent");
    if (x->saw_macs)
        model_ssh_list_weak(&ssh->weak_macs, ssh->macs, ssh->nmacs, model_ssh_mac_is_weak,
                            x->mac_ev, x->mac_ev);
    else
        fact_unknown(&ssh->weak_macs, "no ssh server hmac list: default is release-dependent");
    fact_unknown(&ssh->root_login, "VRP has no separate root login");
}

static void v_finish_aaa(struct vx *x)
{
    struct device_model *m = x->m;
    struct aaa_facts *aaa = &m->aaa;
    if (x->central_node) {
        fact_set(&aaa->central_login, FACT_ON, x->central_node);
        fact_lines_add(&aaa->ev, x->central_node);
        if (x->fallback_node)
            fact_set(&aaa->local_fallback, FACT_ON, x->fallback_node);
        else
            fact_set(&aaa->local_fallback, FACT_OFF, x->central_node);
    } else if (x->local_only_node) {
        fact_set(&aaa->central_login, FACT_OFF, x->local_only_node);
        fact_set(&aaa->local_fallback, FACT_ON, x->local_only_node);
    } else if (aaa->nservers == 0) {
        /* No server to ask: whatever the schemes say, logins are local. */
        fact_default(&aaa->central_login, FACT_OFF,
                     "no HWTACACS or RADIUS server template: logins are checked against local "
                     "users");
        fact_unknown(&aaa->local_fallback, "no authentication-scheme found");
    } else {
        fact_unknown(&aaa->central_login, "no authentication-scheme with hwtacacs or radius");
        fact_unknown(&aaa->local_fallback, "no authentication-scheme found");
    }
    if (x->acct_node)
        fact_set(&aaa->accounting_exec, FACT_ON, x->acct_node);
    else
        fact_default(&aaa->accounting_exec, FACT_OFF, "no accounting-scheme to a server");
    if (x->cmd_acct_node)
        fact_set(&aaa->accounting_cmds, FACT_ON, x->cmd_acct_node);
    else
        fact_default(&aaa->accounting_cmds, FACT_OFF, "no command recording-scheme");
    if (x->authz_node)
        fact_set(&aaa->authz_cmds, FACT_ON, x->authz_node);
    else
        fact_default(&aaa->authz_cmds, FACT_OFF, "no authorization-cmd to hwtacacs");
    if (x->pwpolicy_node)
        fact_set(&m->legacy.password_policy, FACT_ON, x->pwpolicy_node);
    else
        fact_unknown(&m->legacy.password_policy, "no password policy statement; the default "
                                                 "differs by release");
}

static void v_finish_snmp_ntp(struct vx *x)
{
    struct device_model *m = x->m;
    if (x->snmp_version_node && m->snmp.ncommunities) {
        /* only SNMPv3 answers: the communities cannot be used, but their
         * values are still secrets to scrub and compare */
        for (size_t i = 0; i < m->snmp.ncommunities; i++)
            model_add_secret(x->a, m, "snmp-community", m->snmp.communities[i].name);
        m->snmp.ncommunities = 0;
    }
    if (x->snmp_off_node)
        fact_set(&m->snmp.enabled, FACT_OFF, x->snmp_off_node);
    else if (x->snmp_on_node)
        fact_set(&m->snmp.enabled, FACT_ON, x->snmp_on_node);
    else
        fact_default(&m->snmp.enabled, FACT_OFF, "the SNMP agent is off until configured");

    if (x->ntp_auth_node && x->ntp_key_node) {
        fact_set(&m->ntp.auth_enabled, FACT_ON, x->ntp_auth_node);
        fact_lines_add(&m->ntp.auth_enabled.ev, x->ntp_key_node);
    } else if (x->ntp_key_node) {
        fact_set(&m->ntp.auth_enabled, FACT_OFF, x->ntp_key_node);
        m->ntp.auth_enabled.why = "keys without ntp-service authentication enable";
    } else {
        fact_default(&m->ntp.auth_enabled, FACT_OFF, "no ntp-service authentication");
    }
}

/* Configuration changes reach the loghost when the CFG/SHELL (or default)
 * source sends them to its channel at notification level. */
static void v_finish_log_changes(struct vx *x)
{
    struct logging_facts *lg = &x->m->logging;
    const struct cfg_node *src = x->cfg_log_node ? x->cfg_log_node : x->dflt_log_node;
    bool src_on = x->cfg_log_node ? x->cfg_log_on : x->dflt_log_on;
    if (src && !lg->nhosts) {
        fact_default(&lg->config_changes, FACT_OFF, "no info-center loghost");
    } else if (src) {
        fact_set(&lg->config_changes, src_on ? FACT_ON : FACT_OFF, src);
        if (src_on)
            fact_lines_add(&lg->config_changes.ev, lg->hosts[0].node);
        else
            lg->config_changes.why = "configuration-change events are not sent to the "
                                     "loghost channel at notification level";
    } else if (!lg->nhosts && x->m->aaa.accounting_cmds.state != FACT_ON) {
        fact_default(&lg->config_changes, FACT_OFF,
                     "no info-center loghost and no command accounting: changes are recorded on "
                     "the device only");
    } else {
        fact_unknown(&lg->config_changes, "configuration-change log routing is not visible "
                                          "in the config");
    }
}

static void v_finish_log(struct vx *x)
{
    struct logging_facts *lg = &x->m->logging;
    v_log_levels(x);
    if (x->ic_off_node) {
        fact_set(&lg->suppressed, FACT_ON, x->ic_off_node);
        fact_set(&lg->login_events, FACT_OFF, x->ic_off_node);
        fact_set(&lg->config_changes, FACT_OFF, x->ic_off_node);
        return;
    }
    if (x->ic_on_node)
        fact_set(&lg->suppressed, FACT_OFF, x->ic_on_node);
    else
        fact_default(&lg->suppressed, FACT_OFF, "info-center is enabled by default");
    if (lg->nhosts) {
        fact_default(&lg->login_events, FACT_ON, "security logs go to the loghost by default");
        fact_lines_add(&lg->login_events.ev, lg->hosts[0].node);
    } else {
        fact_default(&lg->login_events, FACT_OFF, "no info-center loghost");
    }
    v_finish_log_changes(x);
}

/* The first vty line that takes SSH or telnet sessions, if any. */
static const struct mgmt_line *v_vty_open(const struct device_model *m)
{
    for (size_t i = 0; i < m->nlines; i++)
        if (m->lines[i].kind == LINE_VTY &&
            (m->lines[i].ssh_in.state == FACT_ON || m->lines[i].telnet_in.state == FACT_ON))
            return &m->lines[i];
    return NULL;
}

/* MGMT-OOB-VRF: a management interface bound to a vpn-instance passes (read
 * with the interface); an SSH server confined to a management (MEth)
 * interface passes; vty sessions with neither are served in band. */
static void v_finish_oob(struct vx *x)
{
    struct device_model *m = x->m;
    if (m->mgmt_vrf.state != FACT_UNKNOWN)
        return;
    const struct cfg_node *src = x->ssh_source_node;
    if (src) {
        struct sv itf = tk(src, 3);
        bool mgmt = model_tok_is(src, 2, "-i") &&
                    (sv_starts_with(itf, "MEth") || sv_starts_with(itf, "meth"));
        fact_set(&m->mgmt_vrf, mgmt ? FACT_ON : FACT_OFF, src);
        if (!mgmt)
            m->mgmt_vrf.why = "the SSH server listens on an in-band interface";
    } else if (v_vty_open(m)) {
        fact_default(&m->mgmt_vrf, FACT_OFF,
                     "no management interface bound to a vpn-instance and no 'ssh server-source': "
                     "the vty lines take sessions on every interface");
        fact_lines_add(&m->mgmt_vrf.ev, v_vty_open(m)->node);
    } else {
        m->mgmt_vrf.why = "no management interface bound to a vpn-instance";
    }
}

static void finish(struct vx *x)
{
    struct device_model *m = x->m;
    v_finish_ssh(x);
    v_finish_aaa(x);
    model_vrp_outbound(x->a, m, x->t);
    /* the lines have no outbound control of their own: when the users'
     * command levels keep everyone from telnet and stelnet, none opens one */
    for (size_t i = 0; i < m->nlines && m->aaa.outbound_cmds.state == FACT_OFF; i++)
        if (m->lines[i].any_out.state == FACT_UNKNOWN)
            m->lines[i].any_out.state = FACT_OFF;
    v_finish_snmp_ntp(x);
    v_finish_log(x);
    if (x->cpu_defend_applied)
        fact_set(&m->copp, FACT_ON, x->cpu_defend_applied);
    else if (x->cpu_defend_def)
        fact_set(&m->copp, FACT_OFF, x->cpu_defend_def);
    else
        fact_unknown(&m->copp, "no cpu-defend policy: the built-in default policy differs by "
                               "product line");
    v_finish_oob(x);
    if (m->console_auth.state == FACT_UNKNOWN && !m->console_auth.why)
        fact_unknown(&m->console_auth, "no 'user-interface con 0': the console's default "
                                       "authentication differs by product line");
    if (m->legacy.discovery.state == FACT_UNKNOWN)
        m->legacy.discovery.why = "no lldp enable statement; the default differs by product line";
    fact_default(&m->legacy.secret_encryption, FACT_OFF,
                 "VRP cipher secrets are reversible; there is no master key");
}

/* The release from a `!Software Version V...` comment near the top. */
static void v_version(struct vx *x)
{
    const char *p = x->t->buf, *end = x->t->buf + (x->t->len < 8192 ? x->t->len : 8192);
    static const char key[] = "Software Version ";
    for (; p && p + sizeof(key) < end; p++) {
        if (*p != 'S' || memcmp(p, key, sizeof(key) - 1) != 0)
            continue;
        const char *v = p + sizeof(key) - 1, *e = v;
        while (e < end && *e != '\n' && *e != '\r' && *e != ' ')
            e++;
        x->m->os_version = model_strdup(x->a, sv_make(v, (size_t)(e - v)));
        x->vrp8 = e - v >= 2 && v[0] == 'V' && (v[1] == '8' || v[1] == '3');
        return;
    }
}

/* ------------------------------------------------------------ sources */

/* A "... source-ip A" statement: the interface holding A names it. */
static void v_source_ip(struct vx *x, const char *service, const struct cfg_node *n, size_t at)
{
    struct sv a = tk(n, at);
    struct mgmt_source *src = model_add_source(x->a, x->m, service, sv_make("", 0), a, n);
    for (const struct cfg_node *f = x->t->first; src && f && !src->ifname; f = f->next) {
        if ((f->flags & CFG_INACTIVE) || !starts(f, 0, "interface"))
            continue;
        for (const struct cfg_node *c = f->child; c; c = c->next)
            if (!(c->flags & CFG_INACTIVE) && starts(c, 0, "ip address") &&
                sv_eq_cstr(tk(c, 2), src->addr))
                src->ifname = model_strdup(x->a, tk(f, 1));
    }
}

/*
 * LOG-SOURCE: "info-center loghost source IF", "ntp-service
 * source-interface IF", "snmp-agent trap source IF", "hwtacacs-server
 * source-ip A" (globally or in a template).
 */
static void v_sources(struct vx *x)
{
    for (const struct cfg_node *n = x->t->first; n; n = n->next) {
        if (n->flags & CFG_INACTIVE)
            continue;
        if (starts(n, 0, "info-center loghost source"))
            model_add_source(x->a, x->m, "syslog", tk(n, 3), sv_make("", 0), n);
        else if (starts(n, 0, "ntp-service source-interface"))
            model_add_source(x->a, x->m, "ntp", tk(n, 2), sv_make("", 0), n);
        else if (starts(n, 0, "snmp-agent trap source"))
            model_add_source(x->a, x->m, "snmp-trap", tk(n, 3), sv_make("", 0), n);
        else if (starts(n, 0, "hwtacacs-server source-ip"))
            v_source_ip(x, "tacacs", n, 2);
        else if (starts(n, 0, "hwtacacs-server template"))
            for (const struct cfg_node *c = n->child; c; c = c->next)
                if (!(c->flags & CFG_INACTIVE) && starts(c, 0, "hwtacacs-server source-ip"))
                    v_source_ip(x, "tacacs", c, 2);
    }
}

void model_extract_vrp(const struct cfg_tree *t, struct device_model *m)
{
    struct vx *x = arena_alloc(t->arena, sizeof(*x));
    x->t = t;
    x->a = t->arena;
    x->m = m;
    m->dialect = t->dialect;
    m->ssh.idle_timeout_seconds = -1;
    x->plx = plx_new(t->arena);
    pthread_once(&index_once, build_indexes);
    v_version(x);
    for (const struct cfg_node *n = t->first; n; n = n->next) {
        if (n->flags & CFG_INACTIVE)
            continue;
        if (starts(n, 0, "user-interface"))
            v_user_interface(x, n);
        else if (starts(n, 0, "acl"))
            v_acl(x, n);
        else if (starts(n, 0, "aaa"))
            v_aaa(x, n);
        else if (is_aaa_stmt(n))
            v_aaa_stmt(x, n);
        else if (starts(n, 0, "hwtacacs-server template"))
            v_aaa_template(x, n, AAA_TACACS);
        else if (starts(n, 0, "radius-server template"))
            v_aaa_template(x, n, AAA_RADIUS);
        else if (starts(n, 0, "snmp-agent"))
            v_snmp(x, n);
        else if (starts(n, 0, "bgp"))
            v_bgp(x, n);
        else if ((starts(n, 0, "ipv4-family") || starts(n, 0, "ipv6-family")) &&
                 x->m->bgp.configured)
            v_bgp_family(x, n); /* a " #" inside the bgp view ended it early */
        else if (vpol_read(x->plx, n, &x->plx_index))
            continue;
        else if (starts(n, 0, "interface"))
            v_interface(x, n);
        else if (starts(n, 0, "ike proposal"))
            v_proposal(x, n, "ike");
        else if (starts(n, 0, "ipsec proposal"))
            v_proposal(x, n, "ipsec");
        else
            v_global(x, n);
    }
    v_sources(x);
    /* IGPs after interfaces: interface-level authentication is known then */
    for (const struct cfg_node *n = t->first; n; n = n->next) {
        if (n->flags & CFG_INACTIVE)
            continue;
        if (starts(n, 0, "ospf") || starts(n, 0, "ospfv3"))
            v_ospf(x, n);
        else if (starts(n, 0, "isis"))
            v_isis(x, n);
    }
    finish_bgp(x);
    finish(x);
    vrtg_extract(t, m);
    v_finish_cpp(x);
    model_vrp_log_time(x->a, m, t);
    model_vrp_receive_filter(x->a, m, t);
}
