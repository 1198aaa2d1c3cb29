/*
 * extract_junos_system.c - the Junos extractor's system and SNMP statements
 * (services, login classes and users, AAA servers, syslog, NTP, accounting,
 * scripts, ports) and their finishing steps (management services, AAA,
 * logging).
 */
#include "model/extract_junos.h"

/* ------------------------------------------------------------ system */

static void j_sv_telnet(struct jx *x, const struct model_path *l, size_t i, size_t k)
{
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
            jx_add_unique_str(x, &ssh->macs, &ssh->nmacs, l->tok[k]);
            if (model_ssh_mac_is_weak(l->tok[k]))
                fact_lines_add(&x->mac_weak_ev, l->node);
        } else {
            jx_add_unique_str(x, &ssh->ciphers, &ssh->nciphers, l->tok[k]);
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
            jx_add_unique_str(x, &m->ssh.kex, &m->ssh.nkex, l->tok[k]);
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
    if (model_path_eq(l, k, "clear-text"))
        j_service(x, "grpc", true, model_path_own(l, k));
    else if (model_path_eq(l, k, "ssl"))
        j_service(x, "grpc-tls", false, model_path_own(l, k));
}

/* web-management http|https interface I...: J-Web answers on those
 * interfaces only (what an SRX zone's host-inbound-traffic lets through
 * elsewhere reaches no web server). */
static void j_sv_web(struct jx *x, const struct model_path *l, size_t i, size_t k)
{
    size_t tls = model_path_eq(l, k - 1, "https") ? 1 : 0;
    if (!model_path_eq(l, k, "interface"))
        return;
    for (size_t j = k + 1; j < l->n; j++)
        jx_add_unique_str(x, &x->web_ifs[tls], &x->nweb_ifs[tls], l->tok[j]);
}

static void j_sv_finger(struct jx *x, const struct model_path *l, size_t i, size_t k)
{
    struct device_model *m = x->m;
    if (m->legacy.finger.is_default || m->legacy.finger.state != FACT_ON)
        fact_set(&m->legacy.finger, FACT_ON, model_path_own(l, i));
}

static void j_sv_dhcp(struct jx *x, const struct model_path *l, size_t i, size_t k)
{
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
    {"web-management http", "http", true, j_sv_web},
    {"web-management https", "https", false, j_sv_web},
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
    struct sv w = model_path_tok(l, i);
    for (size_t r = 0; r < ARRAY_SIZE(service_rows); r++) {
        const struct j_svc_row *row = &service_rows[r];
        size_t k;
        if (!w.n || w.p[0] != row->words[0] || !model_path_match(l, i, row->words, &k))
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

/* "allow-commands RE", "deny-commands-regexps [ RE ... ]" of a class (k: the
 * keyword): the operational-command patterns, kept for MGMT-OUTBOUND. */
static void j_class_commands(struct jclass *c, const struct model_path *l, size_t k)
{
    bool allow =
        model_path_eq(l, k, "allow-commands") || model_path_eq(l, k, "allow-commands-regexps");
    bool deny =
        model_path_eq(l, k, "deny-commands") || model_path_eq(l, k, "deny-commands-regexps");
    if (!allow && !deny)
        return;
    struct sv *res = allow ? c->allow_re : c->deny_re;
    size_t *n = allow ? &c->nallow_re : &c->ndeny_re;
    if (allow && !c->allow_node)
        c->allow_node = l->node;
    if (deny && !c->deny_node)
        c->deny_node = l->node;
    if (l->tok[k].n < 8 || memcmp(l->tok[k].p + l->tok[k].n - 8, "-regexps", 8) != 0)
        *n = 0; /* one pattern: a later statement replaces it */
    for (size_t j = k + 1; j < l->n; j++) {
        struct sv v = l->tok[j];
        if (sv_eq_cstr(v, "[") || sv_eq_cstr(v, "]"))
            continue;
        if (*n >= JX_CLASS_RES) {
            *n = JX_CLASS_RES + 1; /* more than kept: not judged */
            return;
        }
        res[(*n)++] = sv_unquote(v);
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
            x->acct_class_node[ai] = l->node;
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
            for (size_t j = i + 3; j < l->n; j++) {
                if (sv_eq_cstr(l->tok[j], "all"))
                    c->perm_all = true;
                if (sv_eq_cstr(l->tok[j], "all") || sv_eq_cstr(l->tok[j], "admin-control"))
                    c->perm_admin = true;
                if (sv_eq_cstr(l->tok[j], "all") || sv_eq_cstr(l->tok[j], "network"))
                    c->perm_network = true;
                /* maintenance starts a local shell too (and su root) */
                if (sv_eq_cstr(l->tok[j], "all") || sv_eq_cstr(l->tok[j], "shell") ||
                    sv_eq_cstr(l->tok[j], "maintenance"))
                    c->perm_shell = true;
            }
            if (!c->perm_node)
                c->perm_node = l->node;
        } else if (i + 3 < l->n && l->tok[i + 2].n > 6 &&
                   (sv_starts_with(l->tok[i + 2], "allow-") ||
                    sv_starts_with(l->tok[i + 2], "deny-"))) {
            /* allow-commands, deny-configuration-regexps, ... */
            c->restricts = true;
            if (sv_starts_with(l->tok[i + 2], "allow-configuration"))
                c->perm_admin = true;
            if (!c->perm_node)
                c->perm_node = l->node;
            j_class_commands(c, l, i + 2);
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

void j_system(struct jx *x, const struct model_path *l)
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
        x->mgmt_instance_node = l->node;
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

void jx_acl_add_prefix(struct jx *x, struct acl *acl, struct sv addr, bool permit,
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

void j_snmp(struct jx *x, const struct model_path *l)
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
            jx_acl_add_prefix(x, acl, l->tok[k + 2], !restrict_, l->node);
        } else if (model_path_eq(l, k + 1, "client-list-name") && k + 2 < l->n) {
            c->acl_name = dup_unq(x, l->tok[k + 2]);
        }
    } else if (model_path_match(l, 1, "client-list", &k) && k + 1 < l->n) {
        const char *nm = dup_unq(x, l->tok[k]);
        struct acl *acl = j_snmp_acl(x, l->tok[k], nm, model_path_own(l, k));
        bool restrict_ = model_path_eq(l, k + 2, "restrict");
        jx_acl_add_prefix(x, acl, l->tok[k + 1], !restrict_, l->node);
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
        jx_add_unique_str(x, &m->snmp.trap_hosts, &m->snmp.ntrap_hosts, l->tok[k]);
    }
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

/* Telnet, finger, DHCP and the SSH server: defaults and the algorithm lists. */
static void j_finish_ssh(struct jx *x)
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
}

/* The SSH idle timeout: the worst login class among configured users. */
static void j_finish_idle(struct jx *x)
{
    struct device_model *m = x->m;
    struct ssh_facts *ssh = &m->ssh;
    /* 0 = never */
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
}

static void j_finish_aux(struct jx *x)
{
    struct device_model *m = x->m;
    struct ssh_facts *ssh = &m->ssh;
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
}

static void j_finish_lo0(struct jx *x)
{
    struct device_model *m = x->m;
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
}

/*
 * MGMT-OOB-VRF: system management-instance moves fxp0 into mgmt_junos, but
 * the services keep listening on the in-band interfaces and lo0 in inet.0;
 * checks.md's Junos pass needs the lo0 input filter that keeps them off too.
 * The filter's terms are MGMT-ACCESS-ACL's and MGMT-EXTERNAL-EXPOSURE's.
 */
static void j_finish_mgmt_instance(struct jx *x)
{
    struct fact_bool *f = &x->m->mgmt_vrf;
    if (!x->mgmt_instance_node) {
        fact_default(f, FACT_OFF, "no system management-instance");
    } else if (x->lo0_filter) {
        fact_set(f, FACT_ON, x->mgmt_instance_node);
        fact_lines_add(&f->ev, x->lo0_filter_node);
    } else {
        fact_set(f, FACT_OFF, x->mgmt_instance_node);
        f->why = "system management-instance puts fxp0 in mgmt_junos, but with no lo0 input "
                 "filter the management services still answer on the in-band interfaces "
                 "(inet.0)";
    }
}

void jx_finish_services(struct jx *x)
{
    j_finish_ssh(x);
    j_finish_idle(x);
    j_finish_aux(x);
    j_finish_lo0(x);
    j_finish_mgmt_instance(x);
}

void jx_finish_aaa(struct jx *x)
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

void jx_finish_logging(struct jx *x)
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
