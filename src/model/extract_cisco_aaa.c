/*
 * extract_cisco_aaa.c - AAA: servers and groups, login methods,
 * accounting and authorisation, local accounts and enable secrets.
 */
#include "model/extract_cisco.h"

/* ------------------------------------------------------------ AAA */

static bool is_aaa_group(const struct cx *x, struct sv name)
{
    for (size_t i = 0; i < x->naaa_groups; i++)
        if (sv_same(x->aaa_groups[i].name, name))
            return true;
    return false;
}

/* Methods of an AAA list from token i: central (group/tacacs+/radius/a
 * server group name) and a local method after it. */
static void aaa_methods(const struct cx *x, struct sv s, size_t i, bool *central, bool *local)
{
    size_t nt = sv_token_count(s);
    *central = *local = false;
    for (; i < nt; i++) {
        struct sv w = tk(s, i);
        if (sv_eq_cstr(w, "group")) {
            *central = true;
            i++;
        } else if (sv_eq_cstr(w, "tacacs+") || sv_eq_cstr(w, "radius") || sv_eq_cstr(w, "ldap") ||
                   is_aaa_group(x, w)) {
            *central = true;
        } else if (model_sv_ieq(w, "local") || sv_eq_cstr(w, "local-case") ||
                   sv_eq_cstr(w, "enable") || sv_eq_cstr(w, "line") || sv_eq_cstr(w, "none") ||
                   sv_eq_cstr(w, "LOCAL")) {
            *local = true;
        }
    }
}

static struct aaa_server *aaa_add_server(struct cx *x, enum aaa_proto proto, struct sv host,
                                         const struct cfg_node *n)
{
    struct aaa_facts *aaa = &x->m->aaa;
    host = sv_unquote(host);
    for (size_t i = 0; i < aaa->nservers; i++)
        if (aaa->servers[i].proto == proto && aaa->servers[i].host &&
            sv_eq_cstr(host, aaa->servers[i].host))
            return &aaa->servers[i];
    if (!cap_ok(aaa->nservers))
        return NULL;
    struct aaa_server *sv = MODEL_PUSH(x->a, aaa->servers, aaa->nservers);
    sv->proto = proto;
    sv->host = dup(x, host);
    sv->addr = model_parse_addr(host);
    sv->node = n;
    return sv;
}

static const char *aaa_key_kind(enum aaa_proto p)
{
    return p == AAA_TACACS ? "tacacs-key" : p == AAA_RADIUS ? "radius-key" : "aaa-key";
}

/* "key [T] V" anywhere in s from token i on; records the secret. */
static void aaa_key_in(struct cx *x, struct aaa_server *sv, enum aaa_proto proto, struct sv s,
                       size_t i, const struct cfg_node *n)
{
    size_t nt = sv_token_count(s);
    for (; i < nt; i++) {
        if (!tk_is(s, i, "key"))
            continue;
        struct secret k = cx_cisco_secret(x, s, i + 1, n, NULL);
        if (sv)
            sv->key = k;
        model_add_secret(x->a, x->m, aaa_key_kind(proto), k);
        return;
    }
}

/* "tacacs-server ..." / "radius-server ..." (IOS, NX-OS, EOS, XR). */
bool cx_h_aaa_server_legacy(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    enum aaa_proto proto = starts(s, "tacacs-server") ? AAA_TACACS : AAA_RADIUS;
    if (tk_is(s, 1, "host") && tk(s, 2).n) {
        struct aaa_server *sv = aaa_add_server(x, proto, tk(s, 2), n);
        aaa_key_in(x, sv, proto, s, 3, n);
        for (const struct cfg_node *c = n->child; c; c = c->next)
            if (active(c))
                aaa_key_in(x, sv, proto, cfg_text(c), 0, c);
    } else if (tk_is(s, 1, "key")) {
        model_add_secret(x->a, x->m, aaa_key_kind(proto), cx_cisco_secret(x, s, 2, n, NULL));
    }
    return true;
}

/* "tacacs server NAME" / "radius server NAME" blocks (IOS-XE). */
bool cx_h_aaa_server_block(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    enum aaa_proto proto = starts(s, "tacacs") ? AAA_TACACS : AAA_RADIUS;
    struct aaa_server *sv = NULL;
    struct secret key = {0};
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        if (starts(t, "address") && tk(t, 2).n)
            sv = aaa_add_server(x, proto, tk(t, 2), c);
        else if (starts(t, "key"))
            key = cx_cisco_secret(x, t, 1, c, NULL);
    }
    if (key.type != SECRET_NONE) {
        model_add_secret(x->a, x->m, aaa_key_kind(proto), key);
        if (sv)
            sv->key = key;
    }
    return true;
}

static enum aaa_proto proto_of(struct sv w)
{
    return sv_starts_with(w, "tacacs") ? AAA_TACACS
           : sv_eq_cstr(w, "radius")   ? AAA_RADIUS
           : sv_eq_cstr(w, "ldap")     ? AAA_LDAP
                                       : AAA_OTHER;
}

/* "aaa group server tacacs+|radius NAME" with server / server-private children. */
static void h_aaa_group(struct cx *x, const struct cfg_node *n, struct sv s)
{
    struct sv name = tk(s, 4);
    enum aaa_proto proto = proto_of(tk(s, 3));
    if (name.n)
        *MODEL_PUSH(x->a, x->aaa_groups, x->naaa_groups) = (struct cx_aaa_group){name, proto};
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        if (starts(t, "server-private") && tk(t, 1).n) {
            struct aaa_server *sv = aaa_add_server(x, proto, tk(t, 1), c);
            aaa_key_in(x, sv, proto, t, 2, c);
        } else if (starts(t, "server") && !starts(t, "server name") && cx_sv_is_addrish(tk(t, 1))) {
            aaa_add_server(x, proto, tk(t, 1), c);
        }
    }
}

/* ASA "aaa-server NAME protocol P" and "aaa-server NAME (ifc) host X [key K]". */
bool cx_h_asa_aaa_server(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct sv name = tk(s, 1);
    if (tk_is(s, 2, "protocol")) {
        if (name.n)
            *MODEL_PUSH(x->a, x->aaa_groups, x->naaa_groups) =
                (struct cx_aaa_group){name, proto_of(tk(s, 3))};
        return true;
    }
    size_t nt = sv_token_count(s);
    for (size_t i = 2; i + 1 < nt; i++) {
        if (!tk_is(s, i, "host"))
            continue;
        enum aaa_proto proto = AAA_OTHER; /* from the group's "protocol" statement */
        for (size_t g = 0; g < x->naaa_groups; g++)
            if (sv_same(x->aaa_groups[g].name, name))
                proto = x->aaa_groups[g].proto;
        struct aaa_server *sv = aaa_add_server(x, proto, tk(s, i + 1), n);
        aaa_key_in(x, sv, proto, s, i + 2, n);
        for (const struct cfg_node *c = n->child; c; c = c->next)
            if (active(c))
                aaa_key_in(x, sv, proto, cfg_text(c), 0, c);
        return true;
    }
    return true;
}

/* "aaa authentication login NAME METHODS": the lists a console line may use. */
static void cx_login_list(struct cx *x, const struct cfg_node *n, struct sv s)
{
    if (!starts(s, "aaa authentication login"))
        return;
    struct sv name = tk(s, 3);
    if (sv_eq_cstr(name, "default"))
        x->aaa_login_default = n;
    else if (sv_eq_cstr(name, "console"))
        x->aaa_login_console = n;
    struct cx_login_list *l = MODEL_PUSH(x->a, x->login_lists, x->nlogin_lists);
    l->name = name;
    l->node = n;
    l->none_only = model_sv_ieq(tk(s, 4), "none") && sv_token_count(s) == 5;
    l->line_only = model_sv_ieq(tk(s, 4), "line") && sv_token_count(s) == 5;
}

/* A central "aaa authorization commands" list: the default list applies to
 * every line; a named one (IOS "commands 15 NAME", XR "commands NAME") only
 * where a line names it with "authorization commands" (Cisco IOS/XR AAA
 * configuration guides), settled in cx_finish_aaa. */
static void authz_list(struct cx *x, const struct cfg_node *n, struct sv s)
{
    struct sv name = tk(s, 3);
    if (model_sv_long(name, -1) >= 0 || sv_eq_cstr(name, "all"))
        name = tk(s, 4); /* IOS level, EOS "all" */
    if (x->d == DIALECT_CISCO_ASA || sv_eq_cstr(name, "default")) {
        x->aaa_authz_cmds = n;
        return;
    }
    struct cx_login_list *l = MODEL_PUSH(x->a, x->authz_lists, x->nauthz_lists);
    l->name = name;
    l->node = n;
}

/* The first named command authorisation list that a line applies. */
static const struct cfg_node *applied_authz_list(const struct cx *x)
{
    for (size_t i = 0; i < x->nauthz_lists; i++)
        for (size_t j = 0; j < x->nline_authz; j++)
            if (sv_eq(x->authz_lists[i].name, x->line_authz[j]))
                return x->authz_lists[i].node;
    return NULL;
}

/* Statements after "aaa" (positive form): the node and its text. */
typedef void cx_aaa_fn(struct cx *x, const struct cfg_node *n, struct sv s);

static void aaa_serial_console(struct cx *x, const struct cfg_node *n, struct sv s)
{
    x->aaa_serial_console = n;
    fact_lines_add(&x->m->aaa.ev, n);
}

static void aaa_new_model(struct cx *x, const struct cfg_node *n, struct sv s)
{
    x->aaa_new_model = n;
    fact_lines_add(&x->m->aaa.ev, n);
}

static void aaa_group_server(struct cx *x, const struct cfg_node *n, struct sv s)
{
    h_aaa_group(x, n, s);
}

/* aaa authentication login LIST METHODS; ASA aaa authentication ssh|telnet|http console ... */
static void aaa_login(struct cx *x, const struct cfg_node *n, struct sv s)
{
    bool central, local;
    aaa_methods(x, s, 4, &central, &local);
    cx_login_list(x, n, s);
    if (x->d == DIALECT_CISCO_ASA) {
        /* "aaa authentication ssh console GROUP [LOCAL]" */
        central = !model_sv_ieq(tk(s, 4), "LOCAL") && tk(s, 4).n;
        local = model_sv_ieq(tk(s, 4), "LOCAL") || model_sv_ieq(tk(s, 5), "LOCAL");
        x->asa_aaa_login = n;
    }
    fact_lines_add(&x->m->aaa.ev, n);
    if (central) {
        if (!x->login_central || !x->aaa_login)
            x->aaa_login = n;
        x->login_central = true;
        if (local)
            x->login_local_fallback = true;
    } else if (!x->aaa_login) {
        x->aaa_login = n;
    }
}

/* Does an accounting statement send to syslog ("logging", not "broadcast")? */
static bool acct_to_logging(struct sv s)
{
    bool logging = false;
    size_t nt = sv_token_count(s);
    for (size_t i = 2; i < nt; i++)
        if (tk_is(s, i, "logging") || tk_is(s, i, "broadcast"))
            logging = logging || tk_is(s, i, "logging");
    return logging;
}

/* aaa accounting exec|commands|... METHODS */
static void aaa_accounting(struct cx *x, const struct cfg_node *n, struct sv s)
{
    bool central, local;
    aaa_methods(x, s, 2, &central, &local);
    if (!central && !acct_to_logging(s))
        return;
    struct sv what = tk(s, 2);
    if (sv_eq_cstr(what, "exec") || sv_eq_cstr(what, "ssh") || sv_eq_cstr(what, "telnet") ||
        sv_eq_cstr(what, "connection")) {
        if (central)
            x->aaa_acct_exec = n;
    } else if (sv_eq_cstr(what, "commands") || sv_eq_cstr(what, "command")) {
        x->aaa_acct_cmds = n;
        if (!central)
            x->archive_log = x->archive_log ? x->archive_log : n; /* EOS accounting to syslog */
    } else if (sv_eq_cstr(what, "default") && x->d == DIALECT_CISCO_NXOS && central) {
        /* NX-OS: one accounting list for sessions and commands */
        x->aaa_acct_exec = n;
        x->aaa_acct_cmds = n;
    }
}

/* aaa authorization commands ...; ASA aaa authorization command ... */
static void aaa_authz_commands(struct cx *x, const struct cfg_node *n, struct sv s)
{
    bool central, local;
    aaa_methods(x, s, 3, &central, &local);
    /* ASA: LOCAL is local command authorisation by privilege level,
     * a role-based control too (ASA CLI configuration guide,
     * "Configuring Local Command Authorization") */
    if (x->d == DIALECT_CISCO_ASA)
        central = tk(s, 3).n != 0;
    if (central)
        authz_list(x, n, s);
}

/* EOS aaa authentication policy on-success|on-failure log */
static void aaa_auth_policy(struct cx *x, const struct cfg_node *n, struct sv s)
{
    if (starts(s, "aaa authentication policy on-success log"))
        x->login_success = n;
    else if (starts(s, "aaa authentication policy on-failure log"))
        x->login_failure = n;
}

/* EOS aaa root secret: the root (bash) account */
static void aaa_root_secret(struct cx *x, const struct cfg_node *n, struct sv s)
{
    struct account *ac = cx_find_account(x, SV_LIT("root"), n);
    if (ac) {
        ac->privilege = 15;
        ac->role = "root";
        ac->secret = cx_cisco_secret(x, s, 3, n, NULL);
        if (ac->secret.type != SECRET_NONE)
            x->eos_root_node = n;
    }
}

static void aaa_password_policy(struct cx *x, const struct cfg_node *n, struct sv s)
{
    x->pw_policy_node = n;
}

static const struct {
    struct cx_key key;
    cx_aaa_fn *fn;
} aaa_rows[] = {
    {{"aaa authentication serial console", 0, CX_POS, CX_WORDS}, aaa_serial_console},
    {{"aaa new-model", 0, CX_POS, CX_WORDS}, aaa_new_model},
    {{"aaa group server", 0, CX_POS, CX_WORDS}, aaa_group_server},
    {{"aaa authentication login", 0, CX_POS, CX_WORDS}, aaa_login},
    {{"aaa authentication ssh", CX_ASA, CX_POS, CX_WORDS}, aaa_login},
    {{"aaa authentication telnet", CX_ASA, CX_POS, CX_WORDS}, aaa_login},
    {{"aaa authentication http", CX_ASA, CX_POS, CX_WORDS}, aaa_login},
    {{"aaa accounting", 0, CX_POS, CX_WORDS}, aaa_accounting},
    {{"aaa authorization commands", 0, CX_POS, CX_WORDS}, aaa_authz_commands},
    {{"aaa authorization command", CX_ASA, CX_POS, CX_WORDS}, aaa_authz_commands},
    {{"aaa authentication policy", CX_EOS, CX_POS, CX_WORDS}, aaa_auth_policy},
    {{"aaa root secret", CX_EOS, CX_POS, CX_WORDS}, aaa_root_secret},
    {{"aaa password-policy", 0, CX_POS, CX_WORDS}, aaa_password_policy},
};

bool cx_h_aaa(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (neg)
        return true;
    CX_KEY_EACH(i, aaa_rows, x, s, false)
    {
        aaa_rows[i].fn(x, n, s);
        return true;
    }
    return false;
}

/* ------------------------------------------------------------ accounts */

struct account *cx_find_account(struct cx *x, struct sv name, const struct cfg_node *n)
{
    struct device_model *m = x->m;
    name = sv_unquote(name);
    for (size_t i = m->naccounts; i-- > 0;)
        if (sv_eq_cstr(name, m->accounts[i].name))
            return &m->accounts[i];
    if (!cap_ok(m->naccounts))
        return NULL;
    struct account *ac = MODEL_PUSH(x->a, m->accounts, m->naccounts);
    ac->name = dup(x, name);
    ac->privilege = -1;
    ac->node = n;
    return ac;
}

static int role_privilege(struct sv role)
{
    if (sv_eq_cstr(role, "network-admin") || sv_eq_cstr(role, "vdc-admin") ||
        sv_eq_cstr(role, "root-lr") || sv_eq_cstr(role, "root-system") ||
        sv_eq_cstr(role, "netadmin") || sv_eq_cstr(role, "sysadmin") || sv_eq_cstr(role, "admin"))
        return 15;
    if (sv_eq_cstr(role, "network-operator") || sv_eq_cstr(role, "vdc-operator") ||
        sv_eq_cstr(role, "operator") || sv_eq_cstr(role, "read-only"))
        return 1;
    if (sv_starts_with(role, "priv-")) {
        long v = model_sv_long(sv_make(role.p + 5, role.n - 5), -1);
        return v >= 0 && v <= 15 ? (int)v : -1;
    }
    return -1;
}

/* Account attributes from token i of s (one statement or one XR child). */
static void account_attrs(struct cx *x, struct account *ac, struct sv s, size_t i,
                          const struct cfg_node *n)
{
    size_t nt = sv_token_count(s);
    while (i < nt) {
        struct sv w = tk(s, i);
        if (sv_eq_cstr(w, "privilege") && i + 1 < nt) {
            ac->privilege = (int)model_sv_long(tk(s, i + 1), -1);
            i += 2;
        } else if ((sv_eq_cstr(w, "secret") || sv_eq_cstr(w, "password")) && i + 1 < nt) {
            size_t next;
            struct secret sec = cx_cisco_secret(x, s, i + 1, n, &next);
            /* a secret wins over a password on the same account */
            if (sec.type != SECRET_NONE &&
                (ac->secret.type == SECRET_NONE || sv_eq_cstr(w, "secret")))
                ac->secret = sec;
            i = next;
        } else if (sv_eq_cstr(w, "role") || sv_eq_cstr(w, "group")) {
            struct sv r = tk(s, i + 1);
            if (r.n) {
                int p = role_privilege(r);
                /* XR root-system outranks root-lr at the same level: keep it visible */
                if (!ac->role || (p >= 0 && p > ac->privilege) || sv_eq_cstr(r, "root-system"))
                    ac->role = dup(x, r);
                /* root-system runs every command in the system, root-lr every command in
                 * its logical router, the highest rights there (IOS XR Getting Started
                 * Guide, predefined user groups) */
                if (sv_eq_cstr(r, "root-system") || sv_eq_cstr(r, "root-lr"))
                    ac->root_group = true;
                if (p >= 0 && (ac->privilege < 0 || p > ac->privilege))
                    ac->privilege = p;
            }
            i += 2;
        } else if (sv_eq_cstr(w, "sshkey") || sv_eq_cstr(w, "ssh-key") ||
                   sv_eq_cstr(w, "ssh_key")) {
            ac->has_ssh_key = true;
            if (!ac->ssh_key_node)
                ac->ssh_key_node = n;
            break;
        } else if (sv_eq_cstr(w, "algorithm-type") || sv_eq_cstr(w, "view") ||
                   sv_eq_cstr(w, "expire") || sv_eq_cstr(w, "shell")) {
            i += 2;
        } else if (sv_eq_cstr(w, "nopassword")) {
            /* logs in with no password at all (checks.md EOS: FAIL) */
            ac->secret = model_secret(SECRET_NONE, sv_make("", 0), n);
            ac->blank_password = true;
            i++;
        } else {
            i++;
        }
    }
}

bool cx_h_username(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct sv name = tk(s, 1);
    if (name.n == 0)
        return true;
    if (x->d == DIALECT_CISCO_ASA && tk_is(s, 2, "attributes")) {
        /* "ssh authentication publickey KEY" / "ssh authentication pkf": key login */
        for (const struct cfg_node *c = n->child; c; c = c->next) {
            if (!active(c) || !(starts(cfg_text(c), "ssh authentication publickey") ||
                                starts(cfg_text(c), "ssh authentication pkf")))
                continue;
            struct account *ac = cx_find_account(x, name, n);
            if (ac) {
                ac->has_ssh_key = true;
                if (!ac->ssh_key_node)
                    ac->ssh_key_node = c;
            }
        }
        return true;
    }
    struct account *ac = cx_find_account(x, name, n);
    if (!ac)
        return true;
    if (x->d == DIALECT_ARISTA_EOS) {
        /* "username X shell /bin/bash": the user logs in to a Linux shell, not the CLI */
        size_t nt = sv_token_count(s);
        for (size_t i = 2; i + 1 < nt; i++)
            if (tk_is(s, i, "shell") && !model_sv_icontains(tk(s, i + 1), "Cli"))
                model_add_onbox(x->a, x->m, "shell", dup(x, name), true, n);
    }
    account_attrs(x, ac, s, 2, n);
    for (const struct cfg_node *c = n->child; c; c = c->next) /* XR block form */
        if (active(c))
            account_attrs(x, ac, cfg_text(c), 0, c);
    if (ac->privilege < 0) {
        if (x->d == DIALECT_CISCO_IOS || x->d == DIALECT_ARISTA_EOS)
            ac->privilege = 1; /* the documented default */
        else if (x->d == DIALECT_CISCO_ASA)
            ac->privilege = 2;
    }
    return true;
}

bool cx_h_enable(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    bool secret = tk_is(s, 1, "secret");
    if (!secret && !tk_is(s, 1, "password"))
        return true;
    size_t i = 2;
    if (tk_is(s, i, "level"))
        i += 2;
    struct secret sec = cx_cisco_secret(x, s, i, n, NULL);
    if (sec.type == SECRET_NONE)
        return true;
    if (secret || x->m->enable.type == SECRET_NONE ||
        !starts(cfg_text(x->m->enable.node), "enable secret"))
        x->m->enable = sec;
    return true;
}

void cx_finish_aaa(struct cx *x)
{
    struct device_model *m = x->m;
    struct aaa_facts *aaa = &m->aaa;
    if (x->d == DIALECT_CISCO_IOS && !x->aaa_new_model) {
        fact_default(&aaa->central_login, FACT_OFF,
                     "no 'aaa new-model': line passwords and local accounts only");
        fact_default(&aaa->local_fallback, FACT_ON, "local accounts are the only method");
    } else if (x->login_central) {
        fact_set(&aaa->central_login, FACT_ON, x->aaa_login);
        fact_set(&aaa->local_fallback, x->login_local_fallback ? FACT_ON : FACT_OFF, x->aaa_login);
        if (!x->login_local_fallback && x->d == DIALECT_CISCO_NXOS) {
            aaa->local_fallback.state = FACT_ON;
            aaa->local_fallback.why = "NX-OS falls back to local accounts when no server answers";
        }
    } else if (x->aaa_login) {
        fact_set(&aaa->central_login, FACT_OFF, x->aaa_login);
        fact_set(&aaa->local_fallback, FACT_ON, x->aaa_login);
    } else {
        fact_default(&aaa->central_login, FACT_OFF,
                     "no login authentication list names a server group: local accounts only");
        fact_default(&aaa->local_fallback, FACT_ON, "local accounts are the only method");
    }
    if (x->aaa_acct_exec)
        fact_set(&aaa->accounting_exec, FACT_ON, x->aaa_acct_exec);
    else
        fact_default(&aaa->accounting_exec, FACT_OFF, "no session (exec) accounting to a server");
    if (x->aaa_acct_cmds)
        fact_set(&aaa->accounting_cmds, FACT_ON, x->aaa_acct_cmds);
    else
        fact_default(&aaa->accounting_cmds, FACT_OFF,
                     x->d == DIALECT_CISCO_NXOS
                         ? "no 'aaa accounting default group': commands stay in the local "
                           "accounting log"
                         : "no command accounting");
    if (!x->aaa_authz_cmds)
        x->aaa_authz_cmds = applied_authz_list(x);
    if (x->aaa_authz_cmds) {
        fact_set(&aaa->authz_cmds, FACT_ON, x->aaa_authz_cmds);
    } else if (x->nauthz_lists) {
        fact_set(&aaa->authz_cmds, FACT_OFF, x->authz_lists[0].node);
        aaa->authz_cmds.why = "the named command authorisation list is applied to no line";
    } else {
        fact_default(&aaa->authz_cmds, FACT_OFF, "no per-command authorisation by a server");
    }

    struct legacy_facts *lg = &m->legacy;
    if (x->pw_policy_node)
        fact_set(&lg->password_policy, FACT_ON, x->pw_policy_node);
    else if (x->pw_policy_off)
        fact_set(&lg->password_policy, FACT_OFF, x->pw_policy_off);
    else if (x->d == DIALECT_CISCO_NXOS)
        fact_default(&lg->password_policy, FACT_ON, "password strength-check is on by default");
    else
        fact_default(&lg->password_policy, FACT_OFF, "no password length or strength policy");
}

/*
 * Catalyst 9800 (IOS-XE) wireless: "wlan NAME ID SSID" blocks hold the WPA
 * pre-shared key ("security wpa psk set-key ascii|hex [0|8] KEY") and "ap
 * profile NAME" blocks the credentials every AP gets ("mgmtuser username U
 * password [0|8] P secret [0|8] S"). Type 0 is cleartext.
 */
bool cx_h_wireless(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    bool wlan = starts(s, "wlan");
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        if (wlan && starts(t, "security wpa psk set-key")) {
            model_add_secret(x->a, x->m, "wpa-psk", cx_cisco_secret(x, t, 5, c, NULL));
        } else if (!wlan && starts(t, "mgmtuser")) {
            size_t nt = sv_token_count(t);
            for (size_t i = 1; i + 1 < nt; i++)
                if (tk_is(t, i, "password") || tk_is(t, i, "secret"))
                    model_add_secret(x->a, x->m, "ap-mgmtuser",
                                     cx_cisco_secret(x, t, i + 1, c, NULL));
        }
    }
    return true;
}
