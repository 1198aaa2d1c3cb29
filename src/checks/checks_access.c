/*
 * checks_access.c - access hardening checks: network auto-configuration
 * (MGMT-ZTP), failed-login lockout (AAA-LOCKOUT), the local password policy
 * (CRED-PWD-POLICY), management session caps (MGMT-SESSION-LIMIT), least
 * privilege of local accounts (AAA-LEAST-PRIV) and out-of-band management
 * (MGMT-OOB-VRF). The facts are struct access_facts, the accounts and
 * mgmt_vrf of the model; the thresholds come from the
 * profile's policy.* keys, with the catalogue's defaults where it gives one.
 */
#include "checks/checks_int.h"

#include <string.h>

/* " (the catalogue's default)" when the profile did not set the key. */
static const char *dflt_note(bool has)
{
    return has ? "" : " (the catalogue's default; policy.* in the profile sets it)";
}

static void ev_num(const struct check_ctx *ctx, struct check_result *r, const struct access_num *v)
{
    ev_node(ctx, r, v->node);
}

/* No remote login service listens: SSH and telnet are off and no other
 * management service is on (only where the extractor knows both). */
static bool no_remote_management(const struct device_model *m)
{
    return remote_management_state(m) == FACT_OFF;
}

/* ---------------------------------------------------------------- MGMT-ZTP */

static void eval_ztp(const struct check_ctx *ctx, struct check_result *r)
{
    judge_fact(ctx, r, &ctx->model->access.ztp, FACT_ON,
               "configuration or software is fetched from the network at boot "
               "(auto-install / zero-touch provisioning is enabled)",
               "no network auto-configuration at boot is enabled",
               "network auto-configuration at boot is enabled");
}

/* ------------------------------------------------------------- AAA-LOCKOUT */

/* "a 900-second block", "a lock until an administrator clears it", ... */
static const char *lock_text(const struct check_ctx *ctx, long secs)
{
    if (secs == ACCESS_UNTIL_CLEARED)
        return "the account stays locked until an administrator clears it";
    if (secs == ACCESS_DISCONNECT_ONLY)
        return "the session is cut, with no lockout period";
    return arena_printf(ctx->arena, "logins are blocked for %ld seconds", secs);
}

/* No statement sets a lockout: fail, or unknown where the config cannot tell. */
static void lockout_absent(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    if (m->access.lockout_why) {
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell whether failed logins lock out: %s",
                  m->access.lockout_why);
        return;
    }
    if (m->dialect == DIALECT_CISCO_IOSXR && m->aaa.central_login.state == FACT_ON) {
        /* checks.md: no native lockout; the STIG accepts the AAA server's */
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "no 'aaa password-policy' lockout for local users; logins are checked by "
                  "the AAA server, whose lockout policy the configuration does not show");
        check_evidence_fact(ctx, r, &m->aaa.central_login.ev);
        return;
    }
    check_set(ctx, r, VERDICT_FAIL, "no failed-login lockout or throttling is configured");
}

static void eval_lockout(const struct check_ctx *ctx, struct check_result *r)
{
    const struct access_facts *a = &ctx->model->access;
    const struct profile *pr = ctx->profile;
    long tries = a->lockout_attempts.value, secs = a->lockout_seconds.value;
    if (tries < 0) {
        lockout_absent(ctx, r);
        return;
    }
    ev_num(ctx, r, &a->lockout_attempts);
    ev_num(ctx, r, &a->lockout_seconds);
    const char *dflt = a->lockout_attempts.is_default ? " (the platform default)" : "";
    if (tries == 0) {
        check_set(ctx, r, VERDICT_FAIL, "the failed-login limit is 0, which sets no limit%s", dflt);
        return;
    }
    if (tries > pr->lockout_attempts) {
        check_set(ctx, r, VERDICT_FAIL,
                  "%ld failed logins are allowed before %s%s; the policy allows %ld%s", tries,
                  lock_text(ctx, secs), dflt, pr->lockout_attempts,
                  dflt_note(pr->has_lockout_attempts));
        return;
    }
    /* checks.md accepts a mechanism that only cuts the session (NX-OS ssh
     * login-attempts, IOS ip ssh authentication-retries); a block must last
     * policy.lockout_minutes */
    if (secs > 0 && secs < pr->lockout_minutes * 60) {
        check_set(ctx, r, VERDICT_FAIL,
                  "after %ld failed logins, %s%s; the policy asks for %ld "
                  "minutes (policy.lockout_minutes)",
                  tries, lock_text(ctx, secs), a->lockout_seconds.is_default ? " (default)" : "",
                  pr->lockout_minutes);
        return;
    }
    check_set(ctx, r, VERDICT_PASS,
              "after %ld failed logins, %s%s (policy: %ld tries, %ld "
              "minutes%s)",
              tries, lock_text(ctx, secs), dflt, pr->lockout_attempts, pr->lockout_minutes,
              pr->has_lockout_attempts ? "" : ", the catalogue's default");
}

/* --------------------------------------------------------- CRED-PWD-POLICY */

static void eval_pwd_policy(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    const struct access_facts *a = &m->access;
    const struct profile *pr = ctx->profile;
    long len = a->pwd_min_length.value;
    if (!m->naccounts) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "no local accounts are configured: no password is checked on the device");
        return;
    }
    if (m->dialect == DIALECT_CISCO_NXOS && a->pwd_complexity.state == FACT_OFF) {
        check_evidence_fact(ctx, r, &a->pwd_complexity.ev);
        check_set(ctx, r, VERDICT_FAIL, "the password strength check is switched off");
        return;
    }
    if (len < 0) {
        if (a->pwd_why) {
            check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell the minimum password length: %s",
                      a->pwd_why);
            check_evidence_fact(ctx, r, &m->legacy.password_policy.ev);
            return;
        }
        check_evidence_fact(ctx, r, &m->legacy.password_policy.ev);
        check_set(ctx, r, VERDICT_FAIL, "no minimum password length is enforced%s%s",
                  m->legacy.password_policy.why ? ": " : "",
                  m->legacy.password_policy.why ? m->legacy.password_policy.why : "");
        return;
    }
    ev_num(ctx, r, &a->pwd_min_length);
    check_evidence_fact(ctx, r, &a->pwd_complexity.ev);
    const char *dflt = a->pwd_min_length.is_default ? " (the platform default)" : "";
    if (len < pr->password_min_length) {
        check_set(ctx, r, VERDICT_FAIL,
                  "passwords need only %ld characters%s; the policy asks for %ld%s", len, dflt,
                  pr->password_min_length, dflt_note(pr->has_password_min_length));
        return;
    }
    check_set(ctx, r, VERDICT_PASS, "passwords need at least %ld characters%s%s", len, dflt,
              a->pwd_complexity.state == FACT_ON ? ", with character classes"
                                                 : " (no character-class rule)");
}

/* ------------------------------------------------------ MGMT-SESSION-LIMIT */

static void session_limit(const struct check_ctx *ctx, struct check_result *r);

/* A cap that would fail is a finding only if a remote management service
 * listens. On FortiOS, where the interfaces' allowaccess opens every one,
 * a capture without interfaces leaves them at the model's factory defaults
 * (rulings R6): with none known on, the verdict is unknown. (Elsewhere the
 * lines of a platform are listeners the services do not show.) */
static void eval_session_limit(const struct check_ctx *ctx, struct check_result *r)
{
    session_limit(ctx, r);
    const struct device_model *m = ctx->model;
    if (r->verdict != VERDICT_FAIL || m->dialect != DIALECT_FORTINET_FORTIOS ||
        remote_management_state(m) != FACT_UNKNOWN)
        return;
    const char *why = m->ssh.enabled.state == FACT_UNKNOWN ? fact_why(ctx, &m->ssh.enabled)
                                                           : fact_why(ctx, &m->telnet_server);
    check_set(ctx, r, VERDICT_UNKNOWN,
              "%s, but whether any remote management service listens is not known: %s", r->message,
              why);
}

static void session_limit(const struct check_ctx *ctx, struct check_result *r)
{
    const struct access_facts *a = &ctx->model->access;
    const struct profile *pr = ctx->profile;
    long cap = a->max_sessions.value, rate = a->session_rate.value;
    if (no_remote_management(ctx->model)) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "no remote management service is enabled");
        return;
    }
    if (cap < 0 && rate < 0) {
        if (a->sessions_why)
            check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell the management session limit: %s",
                      a->sessions_why);
        else
            check_set(ctx, r, VERDICT_FAIL,
                      "no limit on concurrent or new management sessions is configured");
        return;
    }
    ev_num(ctx, r, &a->max_sessions);
    ev_num(ctx, r, &a->session_rate);
    const char *what = a->max_sessions_from_lines   ? " (vty lines that accept a protocol)"
                       : a->max_sessions.is_default ? " (the platform default)"
                                                    : "";
    if (cap < 0) {
        if (pr->has_max_sessions)
            check_set(ctx, r, VERDICT_FAIL,
                      "new sessions are rate-limited (%ld a minute) but their number is not "
                      "capped; the policy allows %ld (policy.max_sessions)",
                      rate, pr->max_sessions);
        else
            check_set(ctx, r, VERDICT_PASS,
                      "new management sessions are rate-limited (%ld a "
                      "minute)",
                      rate);
        return;
    }
    if (cap == 0 && a->max_sessions_from_lines) {
        check_set(ctx, r, VERDICT_PASS, "no vty line accepts a management protocol");
        return;
    }
    if (!pr->has_max_sessions) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "at most %ld concurrent management sessions%s; needs policy.max_sessions in "
                  "the profile to judge the cap",
                  cap, what);
        return;
    }
    if (cap == 0 || cap > pr->max_sessions) {
        check_set(ctx, r, VERDICT_FAIL,
                  "up to %ld concurrent management sessions%s; the policy allows %ld", cap, what,
                  pr->max_sessions);
        return;
    }
    check_set(ctx, r, VERDICT_PASS, "at most %ld concurrent management sessions%s (policy: %ld)",
              cap, what, pr->max_sessions);
}

/* ---------------------------------------------------------- AAA-LEAST-PRIV */

/* 1: the account holds full administrative rights; 0: it does not; -1: unknown. */
static int full_admin(enum dialect d, const struct account *a)
{
    if (a->privilege >= 0)
        return a->privilege >= (d == DIALECT_HUAWEI_VRP ? 3 : 15);
    /* SR OS and FortiOS name the profile: only "administrative" and
     * "super_admin" were ranked, every other profile is narrower */
    if (d == DIALECT_NOKIA_SROS || d == DIALECT_FORTINET_FORTIOS)
        return 0;
    return -1;
}

/* Sort the local accounts other than break-glass into full administrators
 * and those whose privilege is unknown; returns the local accounts counted
 * (built-in root accounts left out). */
static size_t sort_accounts(const struct check_ctx *ctx, struct check_result *r,
                            struct reasons *admins, struct reasons *unknown)
{
    const struct device_model *m = ctx->model;
    const struct profile *pr = ctx->profile;
    size_t local = 0;
    for (size_t i = 0; i < m->naccounts; i++) {
        const struct account *a = &m->accounts[i];
        if (a->role && !strcmp(a->role, "root"))
            continue; /* the built-in root account: AAA-ROOT-REMOTE */
        local++;
        if (a->name && pr->breakglass.present && sset_contains(&pr->breakglass, a->name))
            continue;
        int adm = full_admin(m->dialect, a);
        if (adm == 1) {
            reasons_add(admins, "%s (%s)", a->name ? a->name : "?",
                        a->role ? a->role : "privilege 15");
            ev_node(ctx, r, a->node);
        } else if (adm < 0) {
            reasons_add(unknown, "%s", a->name ? a->name : "?");
        }
    }
    return local;
}

static void eval_least_priv(const struct check_ctx *ctx, struct check_result *r)
{
    const struct profile *pr = ctx->profile;
    struct reasons admins, unknown;
    reasons_init(&admins);
    reasons_init(&unknown);
    size_t local = sort_accounts(ctx, r, &admins, &unknown);
    if (!local) {
        reasons_done(ctx, &admins);
        reasons_done(ctx, &unknown);
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "no local accounts are configured");
        return;
    }
    const char *u = reasons_done(ctx, &unknown);
    if (admins.n && !pr->breakglass.present) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "local accounts with full privilege: %s; needs accounts.breakglass in the "
                  "profile to tell the break-glass account from the others",
                  reasons_done(ctx, &admins));
        return;
    }
    if (admins.n) {
        check_set(ctx, r, VERDICT_FAIL,
                  "local accounts other than break-glass hold full "
                  "administrative privilege: %s",
                  reasons_done(ctx, &admins));
        return;
    }
    reasons_done(ctx, &admins);
    if (unknown.n) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "the privilege of these local accounts is not in the "
                  "configuration: %s",
                  u);
        return;
    }
    check_set(ctx, r, VERDICT_PASS,
              "no local account other than break-glass holds full "
              "administrative privilege (%zu local accounts)",
              local);
}

/* ----------------------------------------------------------- MGMT-OOB-VRF */

static void eval_oob_vrf(const struct check_ctx *ctx, struct check_result *r)
{
    const struct fact_bool *f = &ctx->model->mgmt_vrf;
    const struct profile *pr = ctx->profile;
    check_evidence_fact(ctx, r, &f->ev);
    if (f->state == FACT_ON) {
        check_set(ctx, r, VERDICT_PASS,
                  "management services are bound to a management VRF or out-of-band port");
        return;
    }
    if (f->state == FACT_UNKNOWN) {
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell whether management is out of band: %s",
                  fact_why(ctx, f));
        return;
    }
    if (no_remote_management(ctx->model)) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "no remote management service is enabled");
        return;
    }
    const char *why = f->why ? f->why : "management is reachable in the global routing table";
    if (!pr->has_oob_required) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "%s; needs policy.oob_required in the profile to say whether out-of-band "
                  "management is mandated",
                  why);
        return;
    }
    if (!pr->oob_required) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "%s; the profile does not mandate out-of-band management "
                  "(policy.oob_required: false)",
                  why);
        return;
    }
    check_set(ctx, r, VERDICT_FAIL, "%s, and the profile mandates out-of-band management", why);
}

/* ------------------------------------------------------------ the table */

static const struct check_def defs[] = {
    {
        .id = "MGMT-ZTP",
        .source = "builtin",
        .title = "Zero-touch / auto-configuration from network disabled in production",
        .category = "Management plane access",
        .severity = SEV_MEDIUM,
        .rationale = "Auto-install features take a configuration or image from whoever answers "
                     "DHCP or TFTP first; on an operational network that is a way in.",
        .measures = MEASURES("M10.48", "M11.32"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Disable network auto-configuration and auto-install on "
                                    "production devices.",
                [DIALECT_CISCO_IOS] = "no service config\nno boot network <url>\nno boot host "
                                      "<url>\nno cns config initial\nno pnp profile <name>",
                [DIALECT_CISCO_NXOS] = "no boot poap enable",
                [DIALECT_CISCO_IOSXR] = "ztp terminate (exec), and confirm with 'show ztp "
                                        "information'",
                [DIALECT_ARISTA_EOS] = "zerotouch disable (exec; reloads), then 'show "
                                       "zerotouch' must say Disabled",
                [DIALECT_JUNIPER_JUNOS] = "delete system autoinstallation\ndelete chassis "
                                          "auto-image-upgrade\ndelete system phone-home",
                [DIALECT_NOKIA_SROS] = "Remove auto-provisioning from the BOF and save it "
                                       "(show bof to confirm).",
                [DIALECT_HUAWEI_VRP] = "set ztp disable (user view), then 'display ztp status'",
            },
        .eval = eval_ztp,
    },
    {
        .id = "AAA-LOCKOUT",
        .source = "builtin",
        .title = "Failed-login throttling / lockout",
        .category = "Authentication/AAA",
        .severity = SEV_MEDIUM,
        .rationale = "Limiting failed logins and locking out for a while slows password "
                     "guessing against the management plane.",
        .measures = MEASURES("M10.49"),
        .context = "policy.lockout_attempts, policy.lockout_minutes",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Lock out or block logins after three failures for at least "
                                    "15 minutes.",
                [DIALECT_CISCO_IOS] = "login block-for 900 attempts 3 within 120\naaa local "
                                      "authentication attempts max-fail 3",
                [DIALECT_CISCO_NXOS] = "ssh login-attempts 3",
                [DIALECT_CISCO_IOSXR] = "aaa password-policy LOCKOUT\n authen-max-attempts 3\n "
                                        "lockout-time minutes 15\nusername <user> "
                                        "password-policy LOCKOUT secret <secret>",
                [DIALECT_CISCO_ASA] = "aaa local authentication attempts max-fail 3",
                [DIALECT_ARISTA_EOS] = "aaa authentication policy lockout failure 3 duration "
                                       "900",
                [DIALECT_JUNIPER_JUNOS] = "set system login retry-options "
                                          "tries-before-disconnect 3\nset system login "
                                          "retry-options lockout-period 15",
                [DIALECT_NOKIA_SROS] = "configure system security password attempts 3 time 5 "
                                       "lockout 15",
                [DIALECT_HUAWEI_VRP] = "aaa\n local-aaa-user wrong-password retry-interval 5 "
                                       "retry-time 3 block-time 15",
                [DIALECT_FORTINET_FORTIOS] = "config system global\n    set "
                                             "admin-lockout-threshold 3\n    set "
                                             "admin-lockout-duration 900\nend",
            },
        .eval = eval_lockout,
    },
    {
        .id = "CRED-PWD-POLICY",
        .source = "builtin",
        .title = "On-device password policy (length/complexity/reuse)",
        .category = "Credentials & password storage",
        .severity = SEV_MEDIUM,
        .rationale = "The few local accounts that must remain (break-glass) need long, complex "
                     "passwords that the device itself enforces.",
        .measures = MEASURES("M11.35"),
        .context = "policy.password_min_length",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Enforce a minimum password length of 15 with character "
                                    "classes for local accounts.",
                [DIALECT_CISCO_IOS] = "security passwords min-length 15\naaa common-criteria "
                                      "policy PW\n min-length 15\n upper-case 1\n lower-case 1\n "
                                      "numeric-count 1\n special-case 1",
                [DIALECT_CISCO_NXOS] = "password strength-check\nuserpassphrase min-length 15",
                [DIALECT_CISCO_IOSXR] = "aaa password-policy PW\n min-length 15\n upper-case 1\n "
                                        "lower-case 1\n numeric 1\n special-char 1",
                [DIALECT_CISCO_ASA] = "password-policy minimum-length 15\npassword-policy "
                                      "minimum-uppercase 1\npassword-policy minimum-numeric 1\n"
                                      "password-policy minimum-special 1",
                [DIALECT_ARISTA_EOS] = "management security\n password minimum length 15",
                [DIALECT_JUNIPER_JUNOS] = "set system login password minimum-length 15\nset "
                                          "system login password minimum-upper-cases 1\nset "
                                          "system login password minimum-numerics 1\nset system "
                                          "login password minimum-punctuations 1",
                [DIALECT_NOKIA_SROS] = "configure system security password minimum-length 15",
                [DIALECT_HUAWEI_VRP] = "aaa\n local-aaa-user password policy administrator\n  "
                                       "password history record number 5",
                [DIALECT_FORTINET_FORTIOS] = "config system password-policy\n    set status "
                                             "enable\n    set minimum-length 15\n    set "
                                             "min-upper-case-letter 1\n    set "
                                             "min-number 1\n    set min-non-alphanumeric 1\nend",
            },
        .eval = eval_pwd_policy,
    },
    {
        .id = "MGMT-SESSION-LIMIT",
        .source = "builtin",
        .title = "Concurrent/rate limits on management sessions",
        .category = "Management plane access",
        .severity = SEV_LOW,
        .rationale = "A cap on concurrent and new management sessions limits resource "
                     "exhaustion and parallel password guessing.",
        .measures = MEASURES("M10.49"),
        .context = "policy.max_sessions",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Cap concurrent management sessions at the policy's "
                                    "number.",
                [DIALECT_CISCO_IOS] = "line vty 0 4\n session-limit <n>\nline vty 5 15\n "
                                      "transport input none",
                [DIALECT_CISCO_NXOS] = "line vty\n session-limit <n>",
                [DIALECT_CISCO_IOSXR] = "ssh server session-limit <n>\nssh server rate-limit "
                                        "<per-minute>",
                [DIALECT_ARISTA_EOS] = "management ssh\n connection limit <n>",
                [DIALECT_JUNIPER_JUNOS] = "set system services ssh connection-limit <n>\nset "
                                          "system services ssh rate-limit <per-minute>",
                [DIALECT_NOKIA_SROS] = "configure system login-control ssh "
                                       "inbound-max-sessions <n>",
                [DIALECT_HUAWEI_VRP] = "user-interface maximum-vty <n>",
            },
        .eval = eval_session_limit,
    },
    {
        .id = "AAA-LEAST-PRIV",
        .source = "builtin",
        .title = "Local users and classes follow least privilege",
        .category = "Authentication/AAA",
        .severity = SEV_MEDIUM,
        .rationale = "Local accounts other than break-glass should start with few rights and "
                     "escalate through AAA, so that one stolen login does less damage.",
        .measures = MEASURES("M11.04", "M11.08", "M2.01"),
        .context = "accounts.breakglass",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Give local accounts other than break-glass a limited "
                                    "role; escalate through AAA.",
                [DIALECT_CISCO_IOS] = "username <user> privilege 1 secret <secret>",
                [DIALECT_CISCO_NXOS] = "username <user> role network-operator",
                [DIALECT_CISCO_IOSXR] = "username <user>\n group operator\n no group root-lr\n "
                                        "no group root-system",
                [DIALECT_CISCO_ASA] = "username <user> password <password> privilege 2",
                [DIALECT_ARISTA_EOS] = "username <user> role network-operator secret <secret>",
                [DIALECT_JUNIPER_JUNOS] = "set system login user <user> class operator",
                [DIALECT_NOKIA_SROS] = "configure system security user <user> console member "
                                       "<limited-profile>",
                [DIALECT_HUAWEI_VRP] = "aaa\n local-user <user> privilege level 1",
                [DIALECT_FORTINET_FORTIOS] = "config system admin\n    edit <user>\n        set "
                                             "accprofile <limited-profile>\n    next\nend",
            },
        .eval = eval_least_priv,
    },
    {
        .id = "MGMT-OOB-VRF",
        .source = "builtin",
        .title = "Management services bound to a dedicated management VRF / OOB interface",
        .category = "Management plane architecture",
        .severity = SEV_HIGH,
        .rationale = "A separate out-of-band management network keeps management traffic out "
                     "of the data plane and stops lateral device-to-device management.",
        .measures = MEASURES("M11.14", "M11.16", "M11.17", "M11.18", "M11.23", "M15.09"),
        .context = "policy.oob_required",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Put the management interface in a management VRF and bind "
                                    "every management service to it.",
                [DIALECT_CISCO_IOS] = "vrf definition Mgmt-intf\ninterface <mgmt>\n vrf "
                                      "forwarding Mgmt-intf\nip ssh source-interface <mgmt>\n"
                                      "control-plane host\n management-interface <mgmt> allow "
                                      "ssh snmp",
                [DIALECT_CISCO_NXOS] = "vrf context management\nntp server <ntp> use-vrf "
                                       "management\nlogging server <syslog> 6 use-vrf management",
                [DIALECT_CISCO_IOSXR] = "ssh server vrf <MGMT>\nno ssh server vrf default\n"
                                        "control-plane\n management-plane\n  out-of-band\n   vrf "
                                        "<MGMT>",
                [DIALECT_ARISTA_EOS] = "management ssh\n vrf MGMT\n  no shutdown\n shutdown",
                [DIALECT_JUNIPER_JUNOS] =
                    "set system management-instance\nset interfaces lo0 unit 0 "
                    "family inet filter input <PROTECT-RE>",
                [DIALECT_NOKIA_SROS] = "Manage the router through the out-of-band port and "
                                       "the management router instance.",
                [DIALECT_HUAWEI_VRP] = "interface MEth0/0/0\n ip binding vpn-instance "
                                       "__MGMT_VPN__",
            },
        .eval = eval_oob_vrf,
    },
};

const struct check_family checks_family_access = {defs, ARRAY_SIZE(defs)};
