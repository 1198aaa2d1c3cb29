/*
 * checks_time.c - time checks beside the NTP sources and authentication of
 * checks_time_log.c: log time stamps that can be correlated across the
 * estate (TIME-TIMESTAMPS) and whether the device serves time to anyone
 * who asks (TIME-NTP-SERVE).
 */
#include "checks/checks_int.h"

#include <string.h>

/* One part of a log time stamp and what it is called in messages. */
struct stamp_part {
    const struct fact_bool *f;
    const char *label;
};

static void eval_timestamps(const struct check_ctx *ctx, struct check_result *r)
{
    const struct log_time_facts *lt = &ctx->model->log_time;
    const struct stamp_part parts[] = {
        {&lt->datetime, "the date and time"},
        {&lt->subsecond, "milliseconds"},
        {&lt->zone, "the time zone"},
    };
    /* Without a date and time the other parts mean nothing. */
    size_t nparts = lt->datetime.state == FACT_OFF ? 1 : ARRAY_SIZE(parts);
    /* A platform whose stamp has no unit below the second is judged on the
     * rest (the STIGs ask for one-second granularity). */
    bool skip_sub = lt->no_subsecond_form;
    const char *last_why = NULL;
    struct reasons missing, unknown;
    reasons_init(&missing);
    reasons_init(&unknown);
    for (size_t i = 0; i < nparts; i++) {
        const struct fact_bool *f = parts[i].f;
        check_evidence_fact(ctx, r, &f->ev);
        if (skip_sub && f == &lt->subsecond)
            continue;
        if (f->state == FACT_OFF)
            reasons_add(&missing, "%s (%s)", parts[i].label, f->why ? f->why : "not configured");
        else if (f->state == FACT_UNKNOWN && (!last_why || strcmp(last_why, fact_why(ctx, f))))
            reasons_add(&unknown, "%s: %s", unknown.n ? parts[i].label : "the stamp",
                        last_why = fact_why(ctx, f));
    }
    if (missing.n) {
        reasons_done(ctx, &unknown);
        check_set(ctx, r, VERDICT_FAIL, "log time stamps lack %s", reasons_done(ctx, &missing));
        return;
    }
    reasons_done(ctx, &missing);
    if (unknown.n) {
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell what log time stamps carry: %s",
                  reasons_done(ctx, &unknown));
        return;
    }
    reasons_done(ctx, &unknown);
    check_evidence_node(ctx, r, lt->clock_node);
    if (skip_sub)
        check_set(ctx, r, VERDICT_PASS,
                  "log time stamps carry the date, the time and the zone (sub-second precision "
                  "is not demanded here: %s)",
                  lt->subsecond.why ? lt->subsecond.why : "no unit below the second");
    else if (!lt->zone.is_default && lt->zone.why && lt->clock_zone)
        check_set(ctx, r, VERDICT_PASS,
                  "log time stamps carry the date, the time to fractions of a second and the "
                  "zone (%s: %s; UTC is preferred)",
                  lt->clock_zone, lt->zone.why);
    else
        check_set(ctx, r, VERDICT_PASS,
                  "log time stamps carry the date, the time to fractions of a second and the "
                  "zone%s",
                  lt->datetime.is_default && lt->subsecond.is_default ? " (platform default)" : "");
}

/* The access groups that limit the NTP service: fail on one that permits
 * any source, unknown on one the model cannot read. */
static void judge_ntp_access(const struct check_ctx *ctx, struct check_result *r,
                             const struct ntp_serve_facts *ns)
{
    struct reasons open, unread, names;
    reasons_init(&open);
    reasons_init(&unread);
    reasons_init(&names);
    for (size_t i = 0; i < ns->naccess; i++) {
        const struct ntp_access *a = &ns->access[i];
        const struct acl *acl = model_find_acl(ctx->model, a->acl_name);
        ev_node(ctx, r, a->node);
        reasons_add(&names, "%s %s", a->kind, a->acl_name);
        if (!acl) {
            reasons_add(&unread, "%s list '%s' is not defined here", a->kind, a->acl_name);
            continue;
        }
        for (size_t j = 0; j < acl->n; j++) {
            const struct acl_entry *e = &acl->entries[j];
            if (e->permit && e->src_any) {
                reasons_add(&open, "%s list '%s' permits any source (line %u)", a->kind,
                            a->acl_name, e->node ? e->node->line : 0);
                ev_node(ctx, r, e->node);
                break;
            }
            if (e->permit && e->unresolved)
                reasons_add(&unread, "%s list '%s' names sources not resolved here", a->kind,
                            a->acl_name);
        }
    }
    const char *nm = reasons_done(ctx, &names);
    if (open.n) {
        reasons_done(ctx, &unread);
        check_set(ctx, r, VERDICT_FAIL, "the NTP service is open to any host: %s",
                  reasons_done(ctx, &open));
    } else if (unread.n) {
        reasons_done(ctx, &open);
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell who may use the NTP service: %s",
                  reasons_done(ctx, &unread));
    } else {
        reasons_done(ctx, &open);
        reasons_done(ctx, &unread);
        check_set(ctx, r, VERDICT_PASS, "the NTP service is limited to listed sources (%s)", nm);
    }
}

/* Serving limited to named interfaces (EOS per-interface ntp serve,
 * FortiOS server-mode): none of them may face outside. */
static void judge_ntp_interfaces(const struct check_ctx *ctx, struct check_result *r,
                                 const struct ntp_serve_facts *ns)
{
    check_evidence_fact(ctx, r, &ns->serves.ev);
    if (!ctx->profile->external_description) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "the device serves time on %zu named interfaces; needs "
                  "interfaces.external_description in the profile to tell whether any faces "
                  "outside",
                  ns->ninterfaces);
        return;
    }
    const struct interface **ext;
    size_t next = external_interfaces(ctx, &ext);
    struct reasons bad, all;
    reasons_init(&bad);
    reasons_init(&all);
    for (size_t i = 0; i < ns->ninterfaces; i++) {
        reasons_add(&all, "%s", ns->interfaces[i]);
        for (size_t j = 0; j < next; j++)
            if (str_ieq(ext[j]->name, ns->interfaces[i])) {
                reasons_add(&bad, "%s", ns->interfaces[i]);
                ev_node(ctx, r, ext[j]->node);
            }
    }
    const char *names = reasons_done(ctx, &all);
    if (bad.n)
        check_set(ctx, r, VERDICT_FAIL, "the device serves time on external interfaces: %s",
                  reasons_done(ctx, &bad));
    else {
        reasons_done(ctx, &bad);
        check_set(ctx, r, VERDICT_PASS,
                  "the device serves time only on internal interfaces (%s), none matching "
                  "interfaces.external_description",
                  names);
    }
}

static void eval_ntp_serve(const struct check_ctx *ctx, struct check_result *r)
{
    const struct ntp_serve_facts *ns = &ctx->model->ntp_serve;
    const struct fact_bool *sv = &ns->serves;
    if (!ns->configured && sv->state != FACT_ON) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "NTP is not configured");
        return;
    }
    if (sv->state == FACT_OFF) {
        check_evidence_fact(ctx, r, &sv->ev);
        check_set(ctx, r, VERDICT_PASS, "the device does not serve time: %s",
                  sv->why ? sv->why : "NTP server function off");
        return;
    }
    if (ns->naccess) {
        judge_ntp_access(ctx, r, ns);
        return;
    }
    if (sv->state == FACT_UNKNOWN) {
        check_evidence_fact(ctx, r, &sv->ev);
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell whether the device serves time: %s",
                  fact_why(ctx, sv));
        return;
    }
    if (ns->ninterfaces) {
        judge_ntp_interfaces(ctx, r, ns);
        return;
    }
    const struct fact_bool *op = &ns->open;
    check_evidence_fact(ctx, r, &sv->ev);
    check_evidence_fact(ctx, r, &op->ev);
    if (op->state == FACT_ON)
        check_set(ctx, r, VERDICT_FAIL, "the device answers NTP from any host: %s",
                  fact_why(ctx, op));
    else if (op->state == FACT_OFF)
        check_set(ctx, r, VERDICT_PASS, "the NTP service is limited: %s", fact_why(ctx, op));
    else
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell who may use the NTP service: %s",
                  fact_why(ctx, op));
}

static const struct check_def defs[] = {
    {
        .id = "TIME-TIMESTAMPS",
        .source = "builtin",
        .title = "Log timestamps carry date, time, ms and zone (UTC preferred)",
        .category = "NTP/time",
        .severity = SEV_LOW,
        .rationale = "Events from many devices can only be put in order, and matched with "
                     "other records, when every log line says exactly when it happened and in "
                     "which zone.",
        .measures = MEASURES("M16.10", "M16.17"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Stamp log messages with the date, the time in "
                                    "milliseconds and the zone (preferably UTC).",
                [DIALECT_CISCO_IOS] = "service timestamps log datetime msec show-timezone year\n"
                                      "service timestamps debug datetime msec show-timezone year",
                [DIALECT_CISCO_IOSXR] = "service timestamps log datetime msec show-timezone year",
                [DIALECT_CISCO_NXOS] = "logging timestamp milliseconds\nclock timezone UTC 0 0",
                [DIALECT_CISCO_ASA] = "logging timestamp rfc5424",
                [DIALECT_ARISTA_EOS] = "logging format timestamp high-resolution",
                [DIALECT_JUNIPER_JUNOS] = "set system syslog time-format year millisecond\n"
                                          "set system time-zone UTC",
                [DIALECT_NOKIA_SROS] = "configure system time zone UTC",
                [DIALECT_HUAWEI_VRP] = "info-center timestamp log format-date precision-time "
                                       "millisecond",
            },
        .eval = eval_timestamps,
    },
    {
        .id = "TIME-NTP-SERVE",
        .source = "builtin",
        .title = "Device does not serve time/accept NTP control from arbitrary hosts",
        .category = "NTP/time",
        .severity = SEV_MEDIUM,
        .rationale = "An NTP service that answers anyone can be used to amplify attacks and to "
                     "feed false time to the clients that trust it.",
        .measures = MEASURES("M11.18", "M10.48"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Limit NTP to the approved servers and the clients that "
                                    "need time, or stop serving time.",
                [DIALECT_CISCO_IOS] = "access-list 10 permit <ntp-server>\naccess-list 11 "
                                      "permit <client-range>\nntp access-group peer 10\nntp "
                                      "access-group serve-only 11",
                [DIALECT_CISCO_NXOS] = "ntp access-group peer <acl-servers>\nntp access-group "
                                       "serve-only <acl-clients>",
                [DIALECT_CISCO_IOSXR] = "ntp\n access-group ipv4 peer <acl-servers>\n "
                                        "access-group ipv4 serve-only <acl-clients>",
                [DIALECT_ARISTA_EOS] = "no ntp serve all\nntp serve ip access-group "
                                       "<acl-clients> in",
                [DIALECT_JUNIPER_JUNOS] =
                    "set firewall family inet filter PROTECT-RE term NTP from source-prefix-list "
                    "NTP-PEERS\nset firewall family inet filter PROTECT-RE term NTP from "
                    "protocol udp\nset firewall family inet filter PROTECT-RE term NTP from port "
                    "ntp\nset firewall family inet filter PROTECT-RE term NTP then accept  (with "
                    "a final discard term; bound with set interfaces lo0 unit 0 family inet "
                    "filter input PROTECT-RE)",
                [DIALECT_NOKIA_SROS] = "configure system time ntp no ntp-server  (or a "
                                       "cpm-filter ip-filter entry matching udp dst-port 123 "
                                       "from the approved sources only)",
                [DIALECT_HUAWEI_VRP] = "acl number 2001\n rule permit source <client-range> "
                                       "<wildcard>\nntp-service access server 2001",
                [DIALECT_FORTINET_FORTIOS] = "config system ntp\n set server-mode disable\nend",
            },
        .eval = eval_ntp_serve,
    },
};

const struct check_family checks_family_time = {defs, ARRAY_SIZE(defs)};
