/*
 * extract_cisco_logging.c - syslog hosts and levels, login event
 * logging, archive logging and the platform logging defaults.
 */
#include "model/extract_cisco.h"

/* ------------------------------------------------------------ logging */

#define CX_CONSOLE_DEFAULT (-2) /* "logging console" without a level */

/* Syslog severity of a level word or number (-1 unknown). */
static int log_level(struct sv w)
{
    static const char *const names[] = {"emergencies",   "alerts",   "critical",
                                        "errors",        "warnings", "notifications",
                                        "informational", "debugging"};
    static const char *const alt[] = {"emergency", "alert",  "critical", "error",
                                      "warning",   "notice", "info",     "debug"};
    if (model_sv_is_digits(w) && w.n == 1)
        return w.p[0] - '0' <= 7 ? w.p[0] - '0' : -1;
    for (int i = 0; i < 8; i++)
        if (model_sv_ieq(w, names[i]) || model_sv_ieq(w, alt[i]))
            return i;
    return -1;
}

/* The statement sends over TLS: IOS-XE "transport tls", NX-OS and ASA
 * "secure", EOS "protocol tls" (checks.md LOG-TRANSPORT). */
static bool log_host_tls(struct sv s)
{
    size_t nt = sv_token_count(s);
    for (size_t j = 2; j < nt; j++)
        if (tk_is(s, j, "secure") ||
            ((tk_is(s, j, "transport") || tk_is(s, j, "protocol")) && tk_is(s, j + 1, "tls")))
            return true;
    return false;
}

static void log_host(struct cx *x, struct sv host, struct sv vrf, const struct cfg_node *n)
{
    struct logging_facts *lg = &x->m->logging;
    if (host.n == 0 || !cap_ok(lg->nhosts))
        return;
    struct host_ref *h = model_add_host(x->a, &lg->hosts, &lg->nhosts, host, n);
    h->vrf = dup(x, vrf);
    h->tls = log_host_tls(cfg_text(n));
    fact_lines_add(&lg->ev, n);
}

/* A per-destination severity (NX-OS "logging server X L", XR "... severity S"). */
static void log_host_level(struct cx *x, struct sv level, const struct cfg_node *n)
{
    int lv = log_level(level);
    if (lv < 0)
        return;
    if (!x->nhost_levels++ || lv < x->host_level_min) {
        x->host_level_min = lv;
        x->host_level_node = n;
    }
    if (!x->m->logging.trap_level)
        x->m->logging.trap_level = dup(x, level);
    if (lv <= 2 && !x->trap_low) {
        x->trap_low = true;
        x->log_trap = n;
    }
}

/*
 * "logging console L" / "no logging console" / XR "logging console disable",
 * and the ways to stop the trap level: "no logging trap", "logging trap
 * disable". Returns false for other statements.
 */
static bool log_console_trap(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct sv w = tk(s, 1), l = tk(s, 2);
    if (sv_eq_cstr(w, "console")) {
        if (neg || sv_eq_cstr(l, "disable")) {
            x->console_node = n;
            x->console_lv = LOG_LEVEL_OFF;
        } else if (log_level(l) >= 0) {
            x->console_node = n;
            x->console_lv = log_level(l);
        } else if (l.n == 0) {
            x->console_node = n; /* "logging console": the platform's default level */
            x->console_lv = CX_CONSOLE_DEFAULT;
        }
        return true;
    }
    if (sv_eq_cstr(w, "trap") && (neg || sv_eq_cstr(l, "disable")))
        x->trap_off = n; /* recorded; the statement goes on to the trap handling */
    return false;
}

bool cx_h_logging(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct logging_facts *lg = &x->m->logging;
    struct sv w = tk(s, 1);
    size_t nt = sv_token_count(s);
    if (log_console_trap(x, n, s, neg))
        return true;
    if (sv_eq_cstr(w, "on") || (sv_eq_cstr(w, "enable") && x->d == DIALECT_CISCO_ASA)) {
        if (neg)
            x->log_off = n;
        else
            x->log_on = n;
        return true;
    }
    if (neg)
        return true;
    if (sv_eq_cstr(w, "host") || sv_eq_cstr(w, "server")) {
        struct sv h = tk(s, 2), vrf = sv_make("", 0);
        size_t j = 3;
        if (x->d == DIALECT_CISCO_ASA) {
            h = tk(s, 3); /* logging host IFC ADDR */
            j = 4;
        }
        if (sv_eq_cstr(h, "vrf") || sv_eq_cstr(h, "ipv6")) {
            if (sv_eq_cstr(h, "vrf")) {
                vrf = tk(s, 3);
                h = tk(s, 4);
                j = 5;
            } else {
                h = tk(s, 3);
                j = 4;
            }
        }
        if (x->d == DIALECT_CISCO_NXOS && model_sv_is_digits(tk(s, j)))
            log_host_level(x, tk(s, j), n); /* logging server X L */
        for (; j < nt; j++)
            if ((tk_is(s, j, "vrf") || tk_is(s, j, "use-vrf")) && tk(s, j + 1).n)
                vrf = tk(s, j + 1);
        log_host(x, h, vrf, n);
    } else if (sv_eq_cstr(w, "vrf") && tk_is(s, 3, "host")) {
        log_host(x, tk(s, 4), tk(s, 2), n); /* EOS logging vrf V host X */
    } else if (sv_eq_cstr(w, "trap")) {
        x->log_trap = n;
        lg->trap_level = dup(x, tk(s, 2));
        int lv = log_level(tk(s, 2));
        x->trap_low = lv >= 0 && lv <= 2;
    } else if (cx_sv_is_addrish(w)) {
        /* IOS "logging A.B.C.D", XR "logging A.B.C.D vrf V severity S" */
        struct sv vrf = sv_make("", 0);
        for (size_t j = 2; j + 1 < nt; j++) {
            if (tk_is(s, j, "vrf"))
                vrf = tk(s, j + 1);
            else if (tk_is(s, j, "severity"))
                log_host_level(x, tk(s, j + 1), n);
        }
        log_host(x, w, vrf, n);
    } else if (sv_eq_cstr(w, "level") && (tk_is(s, 2, "authpri") || tk_is(s, 2, "authpriv"))) {
        int lv = log_level(tk(s, 3));
        if (lv >= 5)
            x->log_level_aaa = n;
        else if (lv >= 0)
            x->log_level_aaa_low = n;
    } else {
        return false;
    }
    return true;
}

/* IOS "login on-success log" / "login on-failure log" (also NX-OS). */
bool cx_h_login(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (neg)
        return true;
    if (starts(s, "login on-success log") || starts(s, "login on-success"))
        x->login_success = n;
    else if (starts(s, "login on-failure log") || starts(s, "login on-failure"))
        x->login_failure = n;
    else
        return false;
    return true;
}

/* IOS "archive" / "log config" / "logging enable". */
bool cx_h_archive(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    const struct cfg_node *lc = cfg_child(x->t, n, "log config");
    if (!lc)
        return true;
    const struct cfg_node *le = cfg_child(x->t, lc, "logging enable");
    if (!le)
        return true;
    /* Without "notify syslog" the records stay in the device's archive log
     * (CIS 2.2.1 asks for both). */
    if (cfg_child(x->t, lc, "notify syslog"))
        x->archive_log = le;
    else
        x->archive_local = le;
    return true;
}

/* An event IOS XR logs by default: on, unless logging is suppressed (then
 * off, with the suppressing statement as evidence). */
static void xr_logged_by_default(struct fact_bool *f, const struct fact_bool *suppressed,
                                 const char *on_why, const char *off_why)
{
    bool sup = suppressed->state == FACT_ON;
    fact_default(f, sup ? FACT_OFF : FACT_ON, sup ? off_why : on_why);
    if (sup)
        f->ev = suppressed->ev;
}
/*
 * The level the collectors receive where destinations carry their own
 * (NX-OS, IOS XR): the least verbose of them, capped by the trap level. A
 * destination without a level leaves it unknown (the default is not in
 * checks.md), but what is known still bounds it.
 */
static void cx_host_levels(struct cx *x, struct log_level *r, int trap)
{
    size_t nhosts = x->m->logging.nhosts;
    size_t bare = nhosts > x->nhost_levels ? nhosts - x->nhost_levels : 0;
    int lv = x->nhost_levels ? x->host_level_min : 7;
    const struct cfg_node *ev = x->nhost_levels ? x->host_level_node : NULL;
    if (trap >= 0 && trap < lv) {
        lv = trap;
        ev = x->log_trap;
    }
    /* IOS XR: 'logging trap' is the level of the external syslog servers (IOS XR
     * Getting Started Guide, logging locations), so a host without its own
     * severity receives the trap level */
    bool xr_trap = x->d == DIALECT_CISCO_IOSXR && trap >= 0;
    if (nhosts && (bare == 0 || xr_trap)) {
        if (bare && trap < lv) {
            lv = trap;
            ev = x->log_trap;
        }
        log_level_set(r, lv, ev);
        fact_lines_add(&r->ev, x->log_trap);
        return;
    }
    log_level_unknown(r, x->d == DIALECT_CISCO_NXOS
                             ? "a logging server without a level: its default is not in the "
                               "configuration ('show logging server' tells)"
                             : "a logging host without a severity: its default is not in the "
                               "configuration ('show logging' tells)");
    r->level = lv; /* what is known still bounds it */
    fact_lines_add(&r->ev, ev);
}

static void cx_finish_log_levels(struct cx *x)
{
    struct logging_facts *lg = &x->m->logging;
    struct log_level *r = &lg->remote_level, *c = &lg->console_level;
    int trap = x->log_trap ? log_level(sv_from_cstr(lg->trap_level ? lg->trap_level : "")) : -1;
    bool asa = x->d == DIALECT_CISCO_ASA;

    if (x->log_off || x->trap_off)
        log_level_set(r, LOG_LEVEL_OFF, x->log_off ? x->log_off : x->trap_off);
    else if (asa && !x->log_on)
        log_level_default(r, LOG_LEVEL_OFF, "ASA logging is off unless 'logging enable'");
    else if (x->d == DIALECT_CISCO_NXOS || x->d == DIALECT_CISCO_IOSXR)
        cx_host_levels(x, r, trap);
    else if (trap >= 0)
        log_level_set(r, trap, x->log_trap);
    else if (asa)
        log_level_default(r, LOG_LEVEL_OFF,
                          "no 'logging trap': the ASA sends its syslog hosts "
                          "nothing");
    else
        log_level_default(r, 6, "the trap level is informational by default");

    int clv = x->console_lv;
    if (clv == CX_CONSOLE_DEFAULT)
        clv = x->d == DIALECT_CISCO_NXOS ? 2 : x->d == DIALECT_CISCO_IOS ? 7 : -3;
    if (x->console_node && clv >= LOG_LEVEL_OFF)
        log_level_set(c, clv, x->console_node);
    else if (x->console_node)
        log_level_unknown(c, "'logging console' without a level: the default level is not in "
                             "checks.md for this platform");
    else if (x->d == DIALECT_CISCO_IOS)
        log_level_default(c, 7, "IOS logs debugging messages to the console by default");
    else if (x->d == DIALECT_CISCO_NXOS)
        log_level_default(c, 2, "NX-OS logs critical messages to the console by default");
    else if (asa)
        log_level_default(c, LOG_LEVEL_OFF,
                          "ASA console logging is off unless 'logging "
                          "console'");
}

static void log_suppressed(struct cx *x)
{
    struct logging_facts *lg = &x->m->logging;
    if (x->log_off) {
        fact_set(&lg->suppressed, FACT_ON, x->log_off);
        lg->suppressed.why = "logging is switched off";
    } else if (x->trap_low) {
        fact_set(&lg->suppressed, FACT_ON, x->log_trap);
        lg->suppressed.why = "the syslog trap level drops most messages";
    } else if (x->d == DIALECT_CISCO_ASA && !x->log_on) {
        fact_default(&lg->suppressed, FACT_ON, "ASA logging is off unless 'logging enable'");
    } else if (x->log_trap) {
        fact_set(&lg->suppressed, FACT_OFF, x->log_trap);
        fact_lines_add(&lg->suppressed.ev, x->log_on);
    } else if (x->log_on) {
        fact_set(&lg->suppressed, FACT_OFF, x->log_on);
    } else if (x->d == DIALECT_CISCO_ASA) {
        fact_unknown(&lg->suppressed, "no 'logging trap' level: nothing is sent to syslog hosts");
    } else {
        fact_default(&lg->suppressed, FACT_OFF,
                     "logging is on with an informational trap level by default");
    }
}

/* Why login events and configuration changes are not logged where nothing
 * configures them (IOS XR and a logging ASA are decided apart); the last
 * row serves every other dialect. */
static const struct {
    enum dialect d;
    const char *login_events, *config_changes;
} log_off_why[] = {
    {DIALECT_ARISTA_EOS, "no 'aaa authentication policy on-failure log'",
     "no 'aaa accounting commands ... logging|group'"},
    {DIALECT_CISCO_NXOS,
     "no 'logging level authpri 5|6' or 'login on-failure log': the authpri facility is not "
     "raised to log logins",
     "the local accounting log is not sent anywhere"},
    {DIALECT_UNKNOWN, "no 'login on-failure log' / 'login on-success log'",
     "no 'archive / log config / logging enable' or command accounting"},
};

static size_t log_off_row(const struct cx *x)
{
    size_t i = 0;
    while (i + 1 < ARRAY_SIZE(log_off_why) && log_off_why[i].d != x->d)
        i++;
    return i;
}

/* "login on-failure|on-success log" (IOS), EOS/NX-OS equivalents */
static void log_login_statements(struct cx *x)
{
    struct logging_facts *lg = &x->m->logging;
    const struct cfg_node *ev = x->login_failure ? x->login_failure : x->login_success;
    bool both = x->login_failure && x->login_success;
    fact_set(&lg->login_events, both ? FACT_ON : FACT_OFF, ev);
    fact_lines_add(&lg->login_events.ev, x->login_success);
    if (!both)
        lg->login_events.why = x->login_failure ? "failed logins only" : "successful logins only";
}

static void log_login_events(struct cx *x, int trap, bool asa_logs)
{
    struct logging_facts *lg = &x->m->logging;
    if (x->login_failure || x->login_success) {
        log_login_statements(x);
    } else if (x->log_level_aaa) {
        fact_set(&lg->login_events, FACT_ON, x->log_level_aaa);
    } else if (x->log_level_aaa_low) {
        fact_set(&lg->login_events, FACT_OFF, x->log_level_aaa_low);
        lg->login_events.why = "the authpriv facility logs below notifications only: login "
                               "messages are dropped";
    } else if (x->d == DIALECT_CISCO_IOSXR) {
        xr_logged_by_default(&lg->login_events, &lg->suppressed, "IOS XR logs logins by default",
                             "IOS XR logs logins by default, but logging is suppressed");
    } else if (asa_logs) {
        if (trap >= 6)
            fact_set(&lg->login_events, FACT_ON, x->log_trap);
        else
            fact_set(&lg->login_events, FACT_OFF, x->log_trap ? x->log_trap : x->log_on);
        lg->login_events.why = "ASA login messages are at the informational level";
    } else {
        fact_default(&lg->login_events, FACT_OFF, log_off_why[log_off_row(x)].login_events);
    }
}

static void log_config_changes(struct cx *x, int trap, bool asa_logs)
{
    struct logging_facts *lg = &x->m->logging;
    if (x->archive_log) {
        fact_set(&lg->config_changes, FACT_ON, x->archive_log);
    } else if (x->aaa_acct_cmds) {
        fact_set(&lg->config_changes, FACT_ON, x->aaa_acct_cmds);
    } else if (x->archive_local) {
        fact_set(&lg->config_changes, FACT_OFF, x->archive_local);
        lg->config_changes.why = "'archive / log config' keeps the records in the device's own "
                                 "archive log: no 'notify syslog' sends them to the collectors";
    } else if (x->d == DIALECT_CISCO_IOSXR) {
        xr_logged_by_default(&lg->config_changes, &lg->suppressed, "IOS XR logs commits by default",
                             "IOS XR logs commits by default, but logging is suppressed");
    } else if (asa_logs) {
        fact_set(&lg->config_changes, trap >= 5 ? FACT_ON : FACT_OFF,
                 x->log_trap ? x->log_trap : x->log_on);
        lg->config_changes.why = "ASA command messages are at the notification level";
    } else {
        fact_default(&lg->config_changes, FACT_OFF, log_off_why[log_off_row(x)].config_changes);
    }
}

static void ntp_auth(struct cx *x)
{
    struct ntp_facts *ntp = &x->m->ntp;
    if (x->ntp_auth && x->ntp_trusted && x->ntp_key) {
        fact_set(&ntp->auth_enabled, FACT_ON, x->ntp_auth);
        fact_lines_add(&ntp->auth_enabled.ev, x->ntp_key);
        fact_lines_add(&ntp->auth_enabled.ev, x->ntp_trusted);
    } else if (x->ntp_auth || x->ntp_key || x->ntp_trusted) {
        const struct cfg_node *ev = x->ntp_auth  ? x->ntp_auth
                                    : x->ntp_key ? x->ntp_key
                                                 : x->ntp_trusted;
        fact_set(&ntp->auth_enabled, FACT_OFF, ev);
        ntp->auth_enabled.why = !x->ntp_auth  ? "keys without 'ntp authenticate'"
                                : !x->ntp_key ? "'ntp authenticate' without a key"
                                              : "no 'ntp trusted-key'";
    } else {
        fact_default(&ntp->auth_enabled, FACT_OFF, "no 'ntp authenticate'");
    }
    for (size_t i = 0; i < 3; i++)
        fact_lines_add(&ntp->ev, i == 0 ? x->ntp_auth : i == 1 ? x->ntp_key : x->ntp_trusted);
}

static void snmp_enabled(struct cx *x)
{
    struct device_model *m = x->m;
    struct snmp_facts *sn = &m->snmp;
    cx_finish_snmp_groups(x);
    if (x->d == DIALECT_CISCO_ASA && model_find_acl(m, "snmp-hosts")) {
        const struct acl *h = model_find_acl(m, "snmp-hosts");
        for (size_t i = 0; i < sn->ncommunities; i++)
            if (!sn->communities[i].acl_name)
                sn->communities[i].acl_name = h->name;
        model_add_mgmt_path(x->a, m, "snmp", h->name, h->node);
    }
    if (x->snmp_off)
        fact_set(&sn->enabled, FACT_OFF, x->snmp_off);
    else if (x->snmp_first)
        fact_set(&sn->enabled, FACT_ON, x->snmp_first);
    else if (x->d == DIALECT_CISCO_NXOS)
        fact_unknown(&sn->enabled, "NX-OS runs the SNMP agent by default; its users follow the "
                                   "local accounts, which SNMP may accept");
    else
        fact_default(&sn->enabled, FACT_OFF, "no community or user: the agent does not answer");
}

void cx_finish_logging(struct cx *x)
{
    struct logging_facts *lg = &x->m->logging;
    int trap = lg->trap_level ? log_level(sv_from_cstr(lg->trap_level)) : -1;
    log_suppressed(x);
    bool asa_logs = x->d == DIALECT_CISCO_ASA && x->log_on;
    cx_finish_log_levels(x);
    cx_finish_sources(x);
    log_login_events(x, trap, asa_logs);
    log_config_changes(x, trap, asa_logs);
    ntp_auth(x);
    snmp_enabled(x);
}
