/*
 * checks_svc.c - services, banner and control-plane checks: legacy network
 * services (SVC-LEGACY), on-box automation (SVC-ONBOX-SCRIPTS), the login
 * banner (BANNER-LOGIN) and control-plane policing (CPP-COPP).
 */
#include "checks/checks_int.h"

#include <string.h>

/* ------------------------------------------------------------ SVC-LEGACY */

/*
 * Cleartext servers that checks.md lists as legacy services on each dialect
 * (besides the legacy_facts every dialect shares). On IOS and ASA telnet is
 * a property of the VTY lines, judged by MGMT-TELNET alone.
 */
static const enum svc_kind legacy_servers[DIALECT_COUNT][6] = {
    [DIALECT_CISCO_IOSXR] = {SVC_TELNET},
    [DIALECT_CISCO_NXOS] = {SVC_TELNET},
    [DIALECT_JUNIPER_JUNOS] = {SVC_TELNET, SVC_FTP_SERVER, SVC_XML_AGENT, SVC_RLOGIN, SVC_RSH},
    [DIALECT_ARISTA_EOS] = {SVC_TELNET},
    [DIALECT_NOKIA_SROS] = {SVC_TELNET, SVC_FTP_SERVER, SVC_TFTP_SERVER},
    [DIALECT_HUAWEI_VRP] = {SVC_TELNET, SVC_FTP_SERVER, SVC_HTTP},
    [DIALECT_FORTINET_FORTIOS] = {SVC_TELNET},
};

struct legacy_tally {
    struct reasons on, unknown;
    size_t known;
};

static void legacy_fact(const struct check_ctx *ctx, struct check_result *r, struct legacy_tally *t,
                        const struct fact_bool *f, const char *name)
{
    if (f->state == FACT_ON) {
        reasons_add(&t->on, "%s%s", name, f->is_default ? " (on by default)" : "");
        check_evidence_fact(ctx, r, &f->ev);
        t->known++;
    } else if (f->state == FACT_OFF) {
        check_evidence_fact(ctx, r, &f->ev);
        t->known++;
    } else if (!fact_untouched(f)) {
        reasons_add(&t->unknown, "%s: %s", name, fact_why(ctx, f));
    }
}

/* The dialect's legacy servers: telnet from the global telnet fact, the
 * others from the services the extractor recorded (absent = off). */
static void legacy_servers_judge(const struct check_ctx *ctx, struct check_result *r,
                                 struct legacy_tally *t)
{
    const struct device_model *m = ctx->model;
    if ((unsigned)m->dialect >= DIALECT_COUNT)
        return;
    const enum svc_kind *kinds = legacy_servers[m->dialect];
    for (size_t i = 0; i < ARRAY_SIZE(legacy_servers[0]) && kinds[i] != SVC_UNKNOWN; i++) {
        if (kinds[i] == SVC_TELNET) {
            legacy_fact(ctx, r, t, &m->telnet_server, "telnet server");
            continue;
        }
        for (size_t k = 0; k < m->nservices; k++)
            if (m->services[k].kind == kinds[i])
                legacy_fact(ctx, r, t, &m->services[k].state, svc_info(kinds[i])->name);
    }
}

/* A DHCP server the configuration sets up (not a platform default that
 * serves nothing): allowed only where the device has a DHCP role, which the
 * provider states with policy.dhcp_on_device (checks.md SVC-LEGACY context;
 * no key at all is a missing parameter). True when it needs that key; a
 * server the profile forbids is added to t->on. */
static bool legacy_dhcp(const struct check_ctx *ctx, struct check_result *r, struct legacy_tally *t)
{
    const struct fact_bool *f = &ctx->model->legacy.dhcp_server;
    const struct profile *pr = ctx->profile;
    if (f->state != FACT_ON || f->is_default)
        return false;
    check_evidence_fact(ctx, r, &f->ev);
    if (pr->has_dhcp_on_device && !pr->dhcp_on_device)
        reasons_add(&t->on, "DHCP server (policy.dhcp_on_device: false)");
    return !pr->has_dhcp_on_device;
}

static void eval_legacy(const struct check_ctx *ctx, struct check_result *r)
{
    const struct legacy_facts *l = &ctx->model->legacy;
    const struct {
        const struct fact_bool *f;
        const char *name;
    } svc[] = {
        {&l->small_servers, "TCP/UDP small servers"},
        {&l->finger, "finger"},
        {&l->bootp_server, "BOOTP server"},
        {&l->pad, "PAD"},
        {&l->identd, "identd"},
        {&l->config_service, "network configuration loading (service config)"},
        {&l->mop, "MOP"},
        {&l->http_client_insecure, "cleartext HTTP client"},
    };
    struct legacy_tally t = {0};
    reasons_init(&t.on);
    reasons_init(&t.unknown);
    for (size_t i = 0; i < ARRAY_SIZE(svc); i++)
        legacy_fact(ctx, r, &t, svc[i].f, svc[i].name);
    legacy_servers_judge(ctx, r, &t);
    bool dhcp_ctx = legacy_dhcp(ctx, r, &t);
    if (t.on.n) {
        reasons_done(ctx, &t.unknown);
        check_set(ctx, r, VERDICT_FAIL, "legacy services enabled: %s", reasons_done(ctx, &t.on));
    } else if (t.unknown.n) {
        reasons_done(ctx, &t.on);
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell: %s", reasons_done(ctx, &t.unknown));
    } else if (dhcp_ctx) {
        reasons_done(ctx, &t.on);
        reasons_done(ctx, &t.unknown);
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "no other legacy service is enabled, but a DHCP server is configured; needs "
                  "policy.dhcp_on_device in the profile to say whether the device has a DHCP "
                  "role");
    } else if (t.known == 0) {
        reasons_done(ctx, &t.on);
        reasons_done(ctx, &t.unknown);
        check_set(ctx, r, VERDICT_UNKNOWN, "the %s model records no legacy service",
                  dialect_name(ctx->model->dialect));
    } else {
        reasons_done(ctx, &t.on);
        reasons_done(ctx, &t.unknown);
        check_set(ctx, r, VERDICT_PASS, "no legacy network service is enabled");
    }
}

/* ---------------------------------------------------------- BANNER-LOGIN */

static bool is_login_banner(const char *kind)
{
    return kind && (!strcmp(kind, "login") || !strcmp(kind, "motd") || !strcmp(kind, "pre-login") ||
                    !strcmp(kind, "message"));
}

static bool sv_icontains_cstr(struct sv hay, const char *needle)
{
    size_t nl = needle ? strlen(needle) : 0;
    if (!nl || hay.n < nl)
        return false;
    for (size_t i = 0; i + nl <= hay.n; i++)
        if (!strncasecmp(hay.p + i, needle, nl))
            return true;
    return false;
}

static void eval_banner(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    const struct profile *pr = ctx->profile;
    const struct banner *found = NULL;
    bool matches = false;
    for (size_t i = 0; i < m->nbanners; i++) {
        const struct banner *b = &m->banners[i];
        if (!is_login_banner(b->kind))
            continue;
        if (!found)
            found = b;
        struct sv text = b->text.p ? b->text : SV_LIT("");
        if (pr->banner_regex && cfg_regex_match(pr->banner_regex, text, NULL, 0)) {
            found = b;
            matches = true;
            break;
        }
    }
    if (!found) {
        check_set(ctx, r, VERDICT_FAIL, "no login banner is shown before authentication");
        return;
    }
    ev_node(ctx, r, found->node);
    if (pr->banner_regex && !matches) {
        check_set(ctx, r, VERDICT_FAIL,
                  "the login banner does not contain the text required by "
                  "policy.banner_regex");
        return;
    }
    bool leaks = m->hostname && *m->hostname && sv_icontains_cstr(found->text, m->hostname);
    check_set(ctx, r, VERDICT_PASS, "a login banner is shown before authentication%s%s",
              pr->banner_regex ? " and matches policy.banner_regex" : "",
              leaks ? " (it names the device: consider removing the hostname)" : "");
}

/* --------------------------------------------------------------- CPP-COPP */

static void eval_copp(const struct check_ctx *ctx, struct check_result *r)
{
    enum dialect d = ctx->model->dialect;
    if ((d == DIALECT_CISCO_ASA || d == DIALECT_FORTINET_FORTIOS) &&
        ctx->model->copp.state == FACT_UNKNOWN) {
        /* firewalls: no control-plane policing construct in checks.md */
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "%s has no control-plane policing construct, and no control-plane filter "
                  "is configured",
                  dialect_name(d));
        return;
    }
    const struct fact_bool *f = &ctx->model->copp;
    if (d == DIALECT_CISCO_NXOS && f->state == FACT_OFF && f->is_default && f->why) {
        /* decided by the release, which shows whether the profile would be printed */
        check_set(ctx, r, VERDICT_FAIL, "no control-plane policing: %s", f->why);
        if (ctx->model->software.release_line)
            check_evidence_line(ctx, r, ctx->model->software.release_line);
        return;
    }
    judge_fact(ctx, r, f, FACT_OFF, "no control-plane policing or routing-engine protection filter",
               "traffic to the control plane is policed or filtered",
               "control-plane protection is configured");
}

static const struct check_def defs[] = {
    {
        .id = "SVC-LEGACY",
        .source = "builtin",
        .title = "Legacy/unused network services disabled",
        .category = "Unused services",
        .severity = SEV_HIGH,
        .rationale = "Small servers, finger, BOOTP, PAD, identd, network config loading and, "
                     "where the platform has a switch for them, cleartext telnet, FTP, rlogin "
                     "and rsh servers are listening attack surface with no use on a modern "
                     "network.",
        .measures = MEASURES("M2.04", "M10.48", "M8.06"),
        .context = "policy.dhcp_on_device",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Disable the legacy services listed.",
                [DIALECT_CISCO_IOS] = "no service tcp-small-servers\nno service "
                                      "udp-small-servers\nno ip finger\nno service pad\nno ip "
                                      "bootp server\nno ip identd\nno service config",
                [DIALECT_CISCO_NXOS] = "no feature telnet\nno feature <legacy-feature>",
                [DIALECT_CISCO_IOSXR] = "no telnet vrf default ipv4 server\nno service ipv4 "
                                        "tcp-small-servers\nno service ipv4 udp-small-servers",
                [DIALECT_ARISTA_EOS] = "management telnet\n   shutdown",
                [DIALECT_JUNIPER_JUNOS] = "delete system services telnet\ndelete system services "
                                          "ftp\ndelete system services finger\ndelete system "
                                          "services rlogin\ndelete system services rsh",
                [DIALECT_NOKIA_SROS] = "configure system security no telnet-server\nconfigure "
                                       "system security no ftp-server",
                [DIALECT_HUAWEI_VRP] = "undo telnet server enable\nundo ftp server enable\nundo "
                                       "http server enable",
                [DIALECT_FORTINET_FORTIOS] = "config system interface\n    edit <port>\n        "
                                             "unselect allowaccess telnet\n    next\nend\nconfig "
                                             "system dhcp server\n    delete <id>\nend",
            },
        .eval = eval_legacy,
    },
    {
        .id = "SVC-ONBOX-SCRIPTS",
        .source = "builtin",
        .title = "On-box automation (EEM/event/commit/op scripts, schedulers) limited to "
                 "approved items",
        .category = "Unused services / automation",
        .severity = SEV_MEDIUM,
        .rationale = "On-box scripts run with full privilege, survive reboots and can change "
                     "configuration, clear logs or copy data out; only approved ones should "
                     "exist.",
        .measures = MEASURES("M16.16", "M11.01", "M17.01"),
        .context = "approved.onbox_apps",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Remove on-box scripts and schedulers that are not in the "
                                    "approved list.",
                [DIALECT_CISCO_IOS] = "no event manager applet <name>\nno kron policy-list "
                                      "<name>",
                [DIALECT_CISCO_NXOS] = "no event manager applet <name>\nno scheduler job name "
                                       "<name>",
                [DIALECT_CISCO_IOSXR] = "no event manager policy <name>",
                [DIALECT_ARISTA_EOS] = "no event-handler <name>\nno schedule <name>",
                [DIALECT_JUNIPER_JUNOS] = "delete system scripts op file <name>\ndelete "
                                          "event-options policy <name>",
                [DIALECT_NOKIA_SROS] = "configure system script-control no script-policy "
                                       "<name>\nconfigure system cron no schedule <name>",
                [DIALECT_HUAWEI_VRP] = "ops\n undo script-assistant python <name>",
            },
        .eval = check_eval_onbox_scripts,
    },
    {
        .id = "BANNER-LOGIN",
        .source = "builtin",
        .title = "Authorised-use banner shown before login, without disclosing device details",
        .category = "Banners",
        .severity = SEV_LOW,
        .rationale = "A warning before login supports legal action against misuse; it should "
                     "not tell a visitor what the device is.",
        .measures = MEASURES(NULL),
        .context = "policy.banner_regex",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Configure a pre-login banner stating that access is for "
                                    "authorised users only.",
                [DIALECT_CISCO_IOS] = "banner login ^ Authorised access only. Activity is "
                                      "monitored. ^",
                [DIALECT_CISCO_NXOS] = "banner motd # Authorised access only. #",
                [DIALECT_CISCO_IOSXR] = "banner login ^ Authorised access only. ^",
                [DIALECT_CISCO_ASA] = "banner login Authorised access only.",
                [DIALECT_ARISTA_EOS] = "banner login\nAuthorised access only.\nEOF",
                [DIALECT_JUNIPER_JUNOS] = "set system login message \"Authorised access "
                                          "only.\"",
                [DIALECT_NOKIA_SROS] = "configure system login-control pre-login-message "
                                       "\"Authorised access only.\"",
                [DIALECT_HUAWEI_VRP] = "header login information \"Authorised access only.\"",
            },
        .eval = eval_banner,
    },
    {
        .id = "CPP-COPP",
        .source = "builtin",
        .title = "Control-plane policing / routing-engine protection configured",
        .category = "Control plane protection",
        .severity = SEV_HIGH,
        .rationale = "Traffic punted to the CPU must be classified and rate-limited, or a "
                     "flood or scan can starve routing and management.",
        .measures = MEASURES("M10.49", "M10.48"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Apply a control-plane policing policy or a protection "
                                    "filter on traffic to the device.",
                [DIALECT_CISCO_IOS] = "control-plane\n service-policy input COPP",
                [DIALECT_CISCO_NXOS] = "copp profile strict",
                [DIALECT_CISCO_IOSXR] = "LPTS polices by default; review 'lpts pifib hardware "
                                        "police' overrides.",
                [DIALECT_ARISTA_EOS] = "system control-plane\n ip access-group CPP-ACL in",
                [DIALECT_JUNIPER_JUNOS] = "set interfaces lo0 unit 0 family inet filter input "
                                          "PROTECT-RE  (with policer terms)",
                [DIALECT_NOKIA_SROS] = "configure system security cpm-filter ip-filter "
                                       "default-action drop; entries for required protocols",
                [DIALECT_HUAWEI_VRP] = "cpu-defend policy 1\ncpu-defend-policy 1 global",
            },
        .eval = eval_copp,
    },
};

const struct check_family checks_family_svc = {defs, ARRAY_SIZE(defs)};
