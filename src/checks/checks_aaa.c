/*
 * checks_aaa.c - authentication, authorisation and accounting checks
 * (AAA-*): central login, approved servers, local and default accounts,
 * remote root, command authorisation and accounting.
 */
#include "checks/checks_int.h"

#include <string.h>

/* ------------------------------------------------------------ AAA-CENTRAL */

static void eval_central(const struct check_ctx *ctx, struct check_result *r)
{
    const struct aaa_facts *a = &ctx->model->aaa;
    judge_fact(ctx, r, &a->central_login, FACT_OFF,
               "administrative logins are not authenticated by a central AAA service",
               "administrative logins are authenticated by a central AAA service",
               "logins are authenticated centrally");
    check_evidence_fact(ctx, r, &a->ev);
}

/* --------------------------------------------------- AAA-SERVERS-APPROVED */

static const char *proto_name(enum aaa_proto p)
{
    switch (p) {
    case AAA_TACACS:
        return "TACACS+";
    case AAA_RADIUS:
        return "RADIUS";
    case AAA_LDAP:
        return "LDAP";
    default:
        return "AAA";
    }
}

static void eval_servers_approved(const struct check_ctx *ctx, struct check_result *r)
{
    const struct aaa_facts *a = &ctx->model->aaa;
    const struct profile *pr = ctx->profile;
    struct reasons bad;
    unsigned names = 0;
    reasons_init(&bad);

    if (a->nservers == 0 && a->central_login.state == FACT_OFF) {
        reasons_done(ctx, &bad);
        check_set(ctx, r, VERDICT_FAIL, "no AAA server is configured");
        check_evidence_fact(ctx, r, &a->central_login.ev);
        return;
    }
    for (size_t i = 0; i < a->nservers; i++) {
        const struct aaa_server *s = &a->servers[i];
        const struct ip_prefix *addr = &s->addr;
        struct ip_prefix tmp;
        if (!addr->af && host_addr(s->host, &tmp))
            addr = &tmp;
        if (!addr->af) {
            names++;
            continue;
        }
        if (pr->corporate.present && pset_overlaps(&pr->corporate, addr)) {
            reasons_add(&bad, "%s server %s is in a corporate range", proto_name(s->proto),
                        s->host ? s->host : "?");
            ev_node(ctx, r, s->node);
        } else if (pr->aaa.present && !pset_contains(&pr->aaa, addr)) {
            reasons_add(&bad, "%s server %s is not in approved.aaa", proto_name(s->proto),
                        s->host ? s->host : "?");
            ev_node(ctx, r, s->node);
        }
    }
    if (a->nservers < 2) {
        for (size_t i = 0; i < a->nservers; i++)
            ev_node(ctx, r, a->servers[i].node);
        const char *more = reasons_done(ctx, &bad);
        check_set(ctx, r, VERDICT_FAIL, "only %zu AAA server configured (at least two needed)%s%s",
                  a->nservers, *more ? "; " : "", more);
        return;
    }
    if (bad.n) {
        check_set(ctx, r, VERDICT_FAIL, "%s", reasons_done(ctx, &bad));
        return;
    }
    reasons_done(ctx, &bad);
    for (size_t i = 0; i < a->nservers; i++)
        ev_node(ctx, r, a->servers[i].node);
    if (!pr->aaa.present) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "%zu AAA servers configured; needs approved.aaa in the profile to check them",
                  a->nservers);
        return;
    }
    if (names) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "%u AAA servers are given by name and cannot be matched to approved.aaa", names);
        return;
    }
    check_set(ctx, r, VERDICT_PASS, "%zu AAA servers, all in approved.aaa", a->nservers);
}

/* Junos' root account is built in and cannot be removed: its secret is
 * judged by CRED-LOCAL-HASH and its remote use by AAA-ROOT-REMOTE. */
static bool builtin_account(const struct check_ctx *ctx, const struct account *a)
{
    return ctx->model->dialect == DIALECT_JUNIPER_JUNOS && a->name && !strcmp(a->name, "root");
}

/* --------------------------------------------------------- AAA-BREAKGLASS */

static void eval_breakglass(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    const struct profile *pr = ctx->profile;
    size_t nlocal = 0;
    for (size_t i = 0; i < m->naccounts; i++)
        if (!builtin_account(ctx, &m->accounts[i]))
            nlocal++;
    if (nlocal == 0) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "no local accounts are configured");
        return;
    }
    if (!pr->breakglass.present) {
        for (size_t i = 0; i < m->naccounts; i++)
            if (!builtin_account(ctx, &m->accounts[i]))
                ev_node(ctx, r, m->accounts[i].node);
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "%zu local accounts; needs accounts.breakglass in the profile", nlocal);
        return;
    }
    struct reasons extra;
    size_t nbreak = 0;
    reasons_init(&extra);
    for (size_t i = 0; i < m->naccounts; i++) {
        const struct account *a = &m->accounts[i];
        if (builtin_account(ctx, a))
            continue;
        if (sset_contains(&pr->breakglass, a->name)) {
            nbreak++;
            ev_node(ctx, r, a->node);
        } else if (!sset_contains(&pr->allowed_accounts, a->name)) {
            reasons_add(&extra, "'%s'", a->name ? a->name : "?");
            ev_node(ctx, r, a->node);
        }
    }
    if (extra.n) {
        check_set(ctx, r, VERDICT_FAIL,
                  "local accounts beyond the break-glass account and accounts.allowed: %s",
                  reasons_done(ctx, &extra));
        return;
    }
    reasons_done(ctx, &extra);
    if (nbreak > 1) {
        check_set(ctx, r, VERDICT_FAIL, "%zu break-glass accounts on one device (one expected)",
                  nbreak);
        return;
    }
    check_set(ctx, r, VERDICT_PASS, "local accounts are limited to the break-glass account%s",
              pr->allowed_accounts.n ? " and accounts.allowed" : "");
}

/* ---------------------------------------------------------- AAA-CMD-AUTHZ */

static void eval_cmd_authz(const struct check_ctx *ctx, struct check_result *r)
{
    judge_fact(ctx, r, &ctx->model->aaa.authz_cmds, FACT_OFF,
               "commands are not authorised per user or role",
               "commands are authorised per user or role", "commands are authorised");
}

/* --------------------------------------------------------- AAA-ACCOUNTING */

static void eval_accounting(const struct check_ctx *ctx, struct check_result *r)
{
    const struct aaa_facts *a = &ctx->model->aaa;
    const struct fact_bool *ex = &a->accounting_exec, *cmd = &a->accounting_cmds;
    check_evidence_fact(ctx, r, &ex->ev);
    check_evidence_fact(ctx, r, &cmd->ev);
    if (ex->state == FACT_OFF || cmd->state == FACT_OFF) {
        check_set(ctx, r, VERDICT_FAIL, "%s%s%s",
                  ex->state == FACT_OFF ? "no session (exec/login) accounting" : "",
                  ex->state == FACT_OFF && cmd->state == FACT_OFF ? "; " : "",
                  cmd->state == FACT_OFF ? "no command accounting" : "");
        return;
    }
    if (ex->state == FACT_UNKNOWN || cmd->state == FACT_UNKNOWN) {
        const struct fact_bool *u = ex->state == FACT_UNKNOWN ? ex : cmd;
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell whether %s accounting is sent: %s",
                  u == ex ? "session" : "command", fact_why(ctx, u));
        return;
    }
    check_set(ctx, r, VERDICT_PASS, "session and command accounting are configured");
}

/* --------------------------------------------------- AAA-DEFAULT-ACCOUNTS */

static bool default_account_name(const char *n)
{
    static const char *const names[] = {"cisco",  "admin", "administrator", "root",     "manager",
                                        "huawei", "super", "guest",         "operator", "test"};
    for (size_t i = 0; n && i < ARRAY_SIZE(names); i++)
        if (!strcasecmp(n, names[i]))
            return true;
    return false;
}

/* Junos: root must have a strong secret; a configuration without
 * 'system root-authentication' leaves it with none (checks.md). */
static bool junos_root_unset(const struct device_model *m)
{
    if (m->dialect != DIALECT_JUNIPER_JUNOS)
        return false;
    for (size_t i = 0; i < m->naccounts; i++)
        if (m->accounts[i].name && !strcmp(m->accounts[i].name, "root"))
            return false;
    return true;
}

static void eval_default_accounts(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    struct reasons bad;
    reasons_init(&bad);
    for (size_t i = 0; i < m->naccounts; i++) {
        const struct account *a = &m->accounts[i];
        if (!default_account_name(a->name) || builtin_account(ctx, a))
            continue;
        if (sset_contains(&ctx->profile->breakglass, a->name))
            continue;
        reasons_add(&bad, "'%s'%s%s", a->name,
                    a->secret.type == SECRET_NONE && !a->has_ssh_key ? " (no password)" : "",
                    a->factory ? " (the factory account: no administrator is configured)" : "");
        ev_node(ctx, r, a->node);
    }
    if (junos_root_unset(m))
        reasons_add(&bad, "'root' (no 'system root-authentication': root has no secret)");
    if (bad.n) {
        check_set(ctx, r, VERDICT_FAIL, "vendor default or well-known account names in use: %s",
                  reasons_done(ctx, &bad));
        return;
    }
    reasons_done(ctx, &bad);
    check_set(ctx, r, VERDICT_PASS, "no vendor default or well-known account name is configured");
}

/* -------------------------------------------------------- AAA-ROOT-REMOTE */

/* Platforms with a separate root login reachable over SSH (checks.md). */
static bool has_root_login(enum dialect d)
{
    return d == DIALECT_JUNIPER_JUNOS || d == DIALECT_ARISTA_EOS || d == DIALECT_CISCO_IOSXR;
}

/* IOS XR: the local members of root-system or root-lr other than the break-glass
 * account. checks.md names root-system here and both groups under AAA-BREAKGLASS;
 * root-lr holds every right in its logical router, which on a router with one
 * logical router is the whole router. False when the generic judgement applies. */
static bool xr_root_system(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    if (m->dialect != DIALECT_CISCO_IOSXR || m->ssh.root_login.state != FACT_ON)
        return false;
    struct reasons bad;
    size_t breakglass = 0;
    reasons_init(&bad);
    for (size_t i = 0; i < m->naccounts; i++) {
        const struct account *a = &m->accounts[i];
        if (!a->root_group)
            continue;
        ev_node(ctx, r, a->node);
        if (a->name && sset_contains(&ctx->profile->breakglass, a->name))
            breakglass++;
        else
            reasons_add(&bad, "'%s'", a->name ? a->name : "?");
    }
    if (bad.n) {
        check_set(ctx, r, VERDICT_FAIL,
                  "local users in root-system or root-lr (remote root logins): %s",
                  reasons_done(ctx, &bad));
        return true;
    }
    reasons_done(ctx, &bad);
    if (!breakglass)
        return false;
    check_set(ctx, r, VERDICT_PASS, "only the break-glass account is in root-system or root-lr");
    return true;
}

static void eval_root_remote(const struct check_ctx *ctx, struct check_result *r)
{
    const struct fact_bool *f = &ctx->model->ssh.root_login;
    if (xr_root_system(ctx, r))
        return;
    if (f->state == FACT_UNKNOWN && !has_root_login(ctx->model->dialect)) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "no separate root login on this platform (see AAA-DEFAULT-ACCOUNTS)");
        return;
    }
    if (f->state == FACT_OFF && f->is_default && ctx->model->ssh.enabled.state == FACT_OFF) {
        check_set(ctx, r, VERDICT_PASS, "no SSH server is enabled, so root cannot log in over SSH");
        return;
    }
    judge_fact(ctx, r, f, FACT_ON, "root (shell) login over SSH is permitted",
               "root login over SSH is denied", "remote root login is permitted");
}

/* ------------------------------------------------------------------ table */

static const struct check_def defs[] = {
    {
        .id = "AAA-CENTRAL",
        .source = "builtin",
        .title = "Administrative login authenticated by central AAA (TACACS+/RADIUS)",
        .category = "Authentication/AAA",
        .severity = SEV_HIGH,
        .rationale = "Central AAA gives each administrator their own identity, MFA at the "
                     "server, instant revocation and a log of who did what; local accounts "
                     "should only be an emergency fallback.",
        .measures = MEASURES("M6.01", "M6.02", "M6.03", "M11.15"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Authenticate logins against TACACS+ or RADIUS servers, "
                                    "with local accounts only as a fallback.",
                [DIALECT_CISCO_IOS] = "aaa new-model\naaa authentication login default group "
                                      "tacacs+ local",
                [DIALECT_CISCO_NXOS] = "aaa authentication login default group TACACS",
                [DIALECT_CISCO_IOSXR] = "aaa authentication login default group tacacs+ local",
                [DIALECT_CISCO_ASA] = "aaa authentication ssh console TACACS LOCAL",
                [DIALECT_ARISTA_EOS] = "aaa authentication login default group tacacs+ local",
                [DIALECT_JUNIPER_JUNOS] = "set system authentication-order [ tacplus password ]",
                [DIALECT_NOKIA_SROS] = "configure system security password "
                                       "authentication-order tacplus local",
                [DIALECT_HUAWEI_VRP] = "aaa\n authentication-scheme ADMIN\n  "
                                       "authentication-mode hwtacacs local",
            },
        .eval = eval_central,
    },
    {
        .id = "AAA-SERVERS-APPROVED",
        .source = "builtin",
        .title = "At least two AAA servers, all approved and inside the trusted management "
                 "domain",
        .category = "Authentication/AAA",
        .severity = SEV_HIGH,
        .rationale = "One server is a single point of failure; a server outside the approved "
                     "list (or in corporate IT) may harvest credentials, and re-pointing AAA "
                     "is a known intrusion step.",
        .measures = MEASURES("M11.19", "M11.20", "M15.13", "M6.03"),
        .context = "approved.aaa, networks.corporate",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Configure two or more AAA servers from the approved list "
                                    "and remove any other.",
                [DIALECT_CISCO_IOS] = "tacacs server AAA1\n address ipv4 <approved-1>\ntacacs "
                                      "server AAA2\n address ipv4 <approved-2>",
                [DIALECT_CISCO_NXOS] = "tacacs-server host <approved-1>\ntacacs-server host "
                                       "<approved-2>",
                [DIALECT_CISCO_IOSXR] = "tacacs-server host <approved-1>\ntacacs-server host "
                                        "<approved-2>",
                [DIALECT_CISCO_ASA] = "aaa-server TACACS (mgmt) host <approved-1>\naaa-server "
                                      "TACACS (mgmt) host <approved-2>",
                [DIALECT_ARISTA_EOS] = "tacacs-server host <approved-1>\ntacacs-server host "
                                       "<approved-2>",
                [DIALECT_JUNIPER_JUNOS] = "set system tacplus-server <approved-1>\nset system "
                                          "tacplus-server <approved-2>",
                [DIALECT_NOKIA_SROS] = "configure system security tacplus server 1 address "
                                       "<approved-1>; server 2 address <approved-2>",
                [DIALECT_HUAWEI_VRP] = "hwtacacs-server template ADMIN\n hwtacacs-server "
                                       "authentication <approved-1>\n hwtacacs-server "
                                       "authentication <approved-2> secondary",
            },
        .eval = eval_servers_approved,
    },
    {
        .id = "AAA-BREAKGLASS",
        .source = "builtin",
        .title = "Local accounts limited to one break-glass account, used only as fallback",
        .category = "Authentication/AAA",
        .severity = SEV_MEDIUM,
        .rationale = "Local accounts bypass central control and logging; one emergency account "
                     "per device, with its own secret, is the most that should exist.",
        .measures = MEASURES("M6.04", "M11.02", "M11.11", "M11.12", "M6.02"),
        .context = "accounts.breakglass, accounts.allowed",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Remove local accounts other than the break-glass account "
                                    "and approved service accounts.",
                [DIALECT_CISCO_IOS] = "no username <name>",
                [DIALECT_CISCO_NXOS] = "no username <name>",
                [DIALECT_CISCO_IOSXR] = "no username <name>",
                [DIALECT_CISCO_ASA] = "no username <name>",
                [DIALECT_ARISTA_EOS] = "no username <name>",
                [DIALECT_JUNIPER_JUNOS] = "delete system login user <name>",
                [DIALECT_NOKIA_SROS] = "configure system security no user <name>",
                [DIALECT_HUAWEI_VRP] = "aaa\n undo local-user <name>",
            },
        .eval = eval_breakglass,
    },
    {
        .id = "AAA-ACCOUNTING",
        .source = "builtin",
        .title = "Session and command accounting to the AAA/logging service",
        .category = "Authentication/AAA",
        .severity = SEV_HIGH,
        .rationale = "Every privileged session and command should leave a record off the "
                     "device, so changes can be attributed and investigated.",
        .measures = MEASURES("M2.02", "M11.13", "M16.14"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Send session (exec) and command accounting to the AAA "
                                    "servers.",
                [DIALECT_CISCO_IOS] = "aaa accounting exec default start-stop group "
                                      "tacacs+\naaa accounting commands 15 default start-stop "
                                      "group tacacs+",
                [DIALECT_CISCO_NXOS] = "aaa accounting default group TACACS",
                [DIALECT_CISCO_IOSXR] = "aaa accounting exec default start-stop group "
                                        "tacacs+\naaa accounting commands default start-stop "
                                        "group tacacs+",
                [DIALECT_CISCO_ASA] = "aaa accounting ssh console TACACS\naaa accounting "
                                      "command TACACS",
                [DIALECT_ARISTA_EOS] = "aaa accounting exec default start-stop group "
                                       "tacacs+\naaa accounting commands all default "
                                       "start-stop group tacacs+",
                [DIALECT_JUNIPER_JUNOS] = "set system accounting events [ login change-log "
                                          "interactive-commands ]\nset system accounting "
                                          "destination tacplus",
                [DIALECT_NOKIA_SROS] = "configure system security tacplus accounting "
                                       "record-type start-stop",
                [DIALECT_HUAWEI_VRP] = "aaa\n accounting-scheme ADMIN\n  accounting-mode "
                                       "hwtacacs\n recording-scheme CMD\n cmd recording-scheme "
                                       "CMD",
            },
        .eval = eval_accounting,
    },
    {
        .id = "AAA-DEFAULT-ACCOUNTS",
        .source = "builtin",
        .title = "Vendor default / well-known accounts removed, renamed or locked",
        .category = "Authentication/AAA",
        .severity = SEV_HIGH,
        .rationale = "Default and well-known account names are the first guesses of every "
                     "password-spraying attack, and often keep factory passwords.",
        .measures = MEASURES("M2.05", "M6.05", "M8.06", "M11.35"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Remove or rename default and well-known accounts.",
                [DIALECT_CISCO_IOS] = "no username cisco  (use personal accounts via AAA)",
                [DIALECT_CISCO_NXOS] = "username admin password 0 <strong>  (admin cannot be "
                                       "deleted: give it a strong secret)",
                [DIALECT_CISCO_IOSXR] = "no username <default-name>",
                [DIALECT_CISCO_ASA] = "no username <default-name>",
                [DIALECT_ARISTA_EOS] = "no username admin",
                [DIALECT_JUNIPER_JUNOS] = "delete system login user <default-name>",
                [DIALECT_NOKIA_SROS] = "configure system security no user \"admin\"  (after "
                                       "creating a named break-glass user)",
                [DIALECT_HUAWEI_VRP] = "aaa\n undo local-user admin",
            },
        .eval = eval_default_accounts,
    },
    {
        .id = "AAA-ROOT-REMOTE",
        .source = "builtin",
        .title = "Remote root/shell login disabled",
        .category = "Authentication/AAA",
        .severity = SEV_HIGH,
        .rationale = "Root is a shared, unattributable account with shell access; logging in "
                     "as root remotely defeats AAA accounting.",
        .measures = MEASURES("M6.02", "M6.05"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Deny root login over SSH.",
                [DIALECT_JUNIPER_JUNOS] = "set system services ssh root-login deny",
                [DIALECT_ARISTA_EOS] = "no aaa root",
                [DIALECT_CISCO_IOSXR] = "Remove remote-capable users from the root-system "
                                        "and root-lr groups except the break-glass "
                                        "account.",
                [DIALECT_NOKIA_SROS] = "Deny SSH access to the admin profile; use named "
                                       "accounts via AAA.",
            },
        .eval = eval_root_remote,
    },
    {
        .id = "AAA-CMD-AUTHZ",
        .source = "builtin",
        .title = "Command authorisation / role-based control enforced",
        .category = "Authentication/AAA",
        .severity = SEV_MEDIUM,
        .rationale = "Per-command authorisation keeps a stolen low-privilege login from "
                     "reconfiguring the device and enforces least privilege.",
        .measures = MEASURES("M11.04", "M11.08", "M6.01"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Authorise commands through the AAA servers or local "
                                    "roles.",
                [DIALECT_CISCO_IOS] = "aaa authorization exec default group tacacs+ local\naaa "
                                      "authorization commands 15 default group tacacs+ local",
                [DIALECT_CISCO_NXOS] = "aaa authorization commands default group TACACS local\n"
                                       "aaa authorization config-commands default group "
                                       "TACACS local",
                [DIALECT_CISCO_IOSXR] = "aaa authorization commands default group tacacs+ "
                                        "local",
                [DIALECT_CISCO_ASA] = "aaa authorization command TACACS LOCAL",
                [DIALECT_ARISTA_EOS] = "aaa authorization commands all default group tacacs+ "
                                       "local",
                [DIALECT_JUNIPER_JUNOS] = "set system login class <class> permissions [ view ] "
                                          "deny-commands <pattern>",
                [DIALECT_NOKIA_SROS] = "configure system security tacplus authorization",
                [DIALECT_HUAWEI_VRP] = "aaa\n authorization-scheme ADMIN\n  "
                                       "authorization-mode hwtacacs local\n  "
                                       "authorization-cmd 3 hwtacacs",
            },
        .eval = eval_cmd_authz,
    },
};

const struct check_family checks_family_aaa = {defs, ARRAY_SIZE(defs)};
