/*
 * extract_cisco_time.c - how log messages are time-stamped and the clock's
 * zone (IOS/IOS-XE and IOS XR "service timestamps log", NX-OS and ASA
 * "logging timestamp", EOS "logging format timestamp", "clock timezone"),
 * and the platform defaults where a vendor documents them.
 */
#include "model/extract_cisco.h"

/*
 * service timestamps log datetime [msec] [localtime] [show-timezone] [year]
 * service timestamps log [uptime]      no service timestamps [log]
 * Without localtime the stamp is UTC (Cisco command reference); with it,
 * only show-timezone says which zone.
 */
bool cx_h_service_timestamps(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct log_time_facts *lt = &x->m->log_time;
    struct sv kind = tk(s, 2);
    if (!kind.n && !neg)
        return true; /* "service timestamps" alone: debug uptime */
    if (kind.n && !sv_eq_cstr(kind, "log"))
        return true; /* debug messages: not what the check judges */
    if (neg || !tk_is(s, 3, "datetime")) {
        fact_set(&lt->datetime, FACT_OFF, n);
        lt->datetime.why = neg ? "log messages carry no time stamp" : "uptime, not date and time";
        return true;
    }
    bool msec = false, local = false, showtz = false;
    size_t nt = sv_token_count(s);
    for (size_t i = 4; i < nt; i++) {
        msec |= tk_is(s, i, "msec");
        local |= tk_is(s, i, "localtime");
        showtz |= tk_is(s, i, "show-timezone");
    }
    fact_set(&lt->datetime, FACT_ON, n);
    fact_set(&lt->subsecond, msec ? FACT_ON : FACT_OFF, n);
    if (!msec)
        lt->subsecond.why = "no msec";
    /* checks.md asks for show-timezone: without it the stamp names no zone
     * (UTC, or local time with localtime) */
    fact_set(&lt->zone, showtz ? FACT_ON : FACT_OFF, n);
    if (!showtz)
        lt->zone.why = local ? "local time without show-timezone"
                             : "no show-timezone: the stamp does not name its zone (UTC)";
    return true;
}

/* NX-OS: logging timestamp {seconds|milliseconds|microseconds|nanoseconds};
 * ASA: [no] logging timestamp [legacy|rfc5424]. */
bool cx_h_logging_timestamp(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct log_time_facts *lt = &x->m->log_time;
    struct sv u = tk(s, 2);
    if (x->d == DIALECT_CISCO_NXOS) {
        if (neg || !u.n)
            return true;
        bool fine = sv_eq_cstr(u, "milliseconds") || sv_eq_cstr(u, "microseconds") ||
                    sv_eq_cstr(u, "nanoseconds");
        fact_set(&lt->subsecond, fine ? FACT_ON : FACT_OFF, n);
        if (!fine)
            lt->subsecond.why = "logging timestamp in seconds";
        return true;
    }
    if (x->d != DIALECT_CISCO_ASA)
        return false;
    if (neg) {
        fact_set(&lt->datetime, FACT_OFF, n);
        lt->datetime.why = "log messages carry no time stamp";
        return true;
    }
    /* Neither form has a unit below the second (Cisco ASA syslog guide: the
     * RFC 5424 stamp is "2018-06-27T12:17:46Z", in UTC; the legacy one
     * "MMM dd yyyy HH:mm:ss" in the clock's zone, which it does not show). */
    fact_set(&lt->datetime, FACT_ON, n);
    fact_set(&lt->subsecond, FACT_OFF, n);
    lt->no_subsecond_form = true;
    if (sv_eq_cstr(u, "rfc5424"))
        fact_set(&lt->zone, FACT_ON, n);
    return true;
}

/* EOS: logging format timestamp {high-resolution | traditional [timezone] [year]} */
bool cx_h_logging_format(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct log_time_facts *lt = &x->m->log_time;
    if (neg || !tk_is(s, 2, "timestamp"))
        return false;
    if (tk_is(s, 3, "high-resolution")) {
        /* RFC 3339 with microseconds and the UTC offset */
        fact_set(&lt->datetime, FACT_ON, n);
        fact_set(&lt->subsecond, FACT_ON, n);
        fact_set(&lt->zone, FACT_ON, n);
        return true;
    }
    if (!tk_is(s, 3, "traditional"))
        return false;
    bool tz = false;
    size_t nt = sv_token_count(s);
    for (size_t i = 4; i < nt; i++)
        tz |= tk_is(s, i, "timezone");
    fact_set(&lt->datetime, FACT_ON, n);
    fact_set(&lt->subsecond, FACT_OFF, n);
    lt->subsecond.why = "the traditional stamp is to the second";
    if (tz)
        fact_set(&lt->zone, FACT_ON, n);
    return true;
}

/* clock timezone NAME [HOURS [MINUTES]] (EOS: clock timezone ZONE) */
bool cx_h_clock_timezone(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (neg || !tk(s, 2).n)
        return true;
    x->m->log_time.clock_zone = dup(x, tk(s, 2));
    x->m->log_time.clock_node = n;
    return true;
}

/* A zone name (and offset) that means UTC; no zone at all is UTC. */
static bool zone_is_utc(const char *z, long hours)
{
    return !z || (hours == 0 && model_zone_is_utc(sv_make(z, strlen(z))));
}

/* The clock's offset as written after the zone name (0 when absent). */
static long clock_hours(const struct log_time_facts *lt)
{
    if (!lt->clock_node)
        return 0;
    bool neg;
    struct sv s = stmt(lt->clock_node, &neg);
    return model_sv_long(tk(s, 3), 0);
}

/* Zone left unset by a statement: UTC unless the clock has another zone. */
static void zone_from_clock(struct log_time_facts *lt, const char *local_note)
{
    if (lt->zone.state != FACT_UNKNOWN || lt->zone.ev.n)
        return;
    if (zone_is_utc(lt->clock_zone, clock_hours(lt))) {
        fact_default(&lt->zone, FACT_ON, lt->clock_zone ? NULL : "no clock timezone: UTC");
        fact_lines_add(&lt->zone.ev, lt->clock_node);
        return;
    }
    fact_set(&lt->zone, local_note ? FACT_ON : FACT_OFF, lt->clock_node);
    lt->zone.why = local_note ? local_note : "local time, and the stamp does not show the zone";
}

static void finish_ios(struct log_time_facts *lt)
{
    if (lt->datetime.state == FACT_UNKNOWN && !lt->datetime.ev.n)
        fact_default(&lt->datetime, FACT_OFF,
                     "no 'service timestamps log datetime': IOS stamps log messages with the "
                     "date only when configured (command reference default: no time stamps)");
}

static void finish_xr(struct log_time_facts *lt)
{
    static const char why[] = "no 'service timestamps log': the IOS XR default stamp is not "
                              "documented in the catalogue (op: show logging)";
    if (lt->datetime.state == FACT_UNKNOWN && !lt->datetime.ev.n)
        fact_unknown(&lt->datetime, why);
    if (lt->subsecond.state == FACT_UNKNOWN && !lt->subsecond.ev.n)
        fact_unknown(&lt->subsecond, why);
    if (lt->zone.state == FACT_UNKNOWN && !lt->zone.ev.n)
        fact_unknown(&lt->zone, why);
}

static void finish_nxos(struct log_time_facts *lt)
{
    if (lt->datetime.state == FACT_UNKNOWN)
        fact_default(&lt->datetime, FACT_ON, "NX-OS stamps log messages with the date and time");
    if (lt->subsecond.state == FACT_UNKNOWN && !lt->subsecond.ev.n) {
        /* checks.md TIME-TIMESTAMPS: "NXOS clock timezone + default timestamps" */
        fact_default(&lt->subsecond, FACT_OFF,
                     "no 'logging timestamp milliseconds': the NX-OS default unit is seconds");
    }
    lt->no_subsecond_form = lt->subsecond.state != FACT_ON;
    /* checks.md: NX-OS clock timezone with the default stamps */
    zone_from_clock(lt, "the clock's zone is configured");
}

static void finish_asa(struct log_time_facts *lt)
{
    if (lt->datetime.state == FACT_UNKNOWN && !lt->datetime.ev.n)
        fact_default(&lt->datetime, FACT_OFF,
                     "no 'logging timestamp': ASA syslog messages carry no time stamp");
    zone_from_clock(lt, NULL);
}

static void finish_eos(struct log_time_facts *lt)
{
    if (lt->datetime.state == FACT_UNKNOWN && !lt->datetime.ev.n) {
        fact_default(&lt->datetime, FACT_ON, "EOS stamps log messages with the date and time");
        fact_default(&lt->subsecond, FACT_OFF,
                     "no 'logging format timestamp high-resolution': the EOS default "
                     "(traditional) stamp is to the second");
    }
    zone_from_clock(lt, NULL);
}

void cx_finish_log_time(struct cx *x)
{
    struct log_time_facts *lt = &x->m->log_time;
    switch (x->d) {
    case DIALECT_CISCO_IOS:
        finish_ios(lt);
        break;
    case DIALECT_CISCO_IOSXR:
        finish_xr(lt);
        break;
    case DIALECT_CISCO_NXOS:
        finish_nxos(lt);
        break;
    case DIALECT_CISCO_ASA:
        finish_asa(lt);
        break;
    case DIALECT_ARISTA_EOS:
        finish_eos(lt);
        break;
    default:
        break;
    }
}

/* ----------------------------------------------------------- NTP service */

static void ntp_access_add(struct cx *x, struct sv kind, struct sv acl, const struct cfg_node *n)
{
    struct ntp_serve_facts *ns = &x->m->ntp_serve;
    if (!kind.n || !acl.n || !cap_ok(ns->naccess))
        return;
    struct ntp_access *a = MODEL_PUSH(x->a, ns->access, ns->naccess);
    a->kind = dup(x, kind);
    a->acl_name = dup(x, acl);
    a->node = n;
}

/* access-group [vrf V] [ipv4|ipv6] {peer|serve|serve-only|query-only} ACL; i at the word after
 * access-group */
static void ntp_access_group(struct cx *x, struct sv s, size_t i, const struct cfg_node *n)
{
    if (tk_is(s, i, "vrf"))
        i += 2;
    if (tk_is(s, i, "ipv4") || tk_is(s, i, "ipv6"))
        i++;
    ntp_access_add(x, tk(s, i), tk(s, i + 1), n);
}

static void ntp_master(struct cx *x, const struct cfg_node *n)
{
    struct fact_bool *f = &x->m->ntp_serve.serves;
    fact_set(f, FACT_ON, n);
    f->why = "ntp master: an authoritative time source for others";
}

/* IOS, NX-OS: ntp access-group ...; ntp master [stratum] */
bool cx_h_ntp_serve(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (neg)
        return true;
    if (tk_is(s, 1, "access-group"))
        ntp_access_group(x, s, 2, n);
    else if (tk_is(s, 1, "master"))
        ntp_master(x, n);
    x->m->ntp_serve.configured = true;
    return true;
}

/* EOS: ntp serve all | ntp serve ip|ipv6 access-group ACL in */
bool cx_h_eos_ntp_serve(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct ntp_serve_facts *ns = &x->m->ntp_serve;
    if (tk_is(s, 2, "all")) {
        fact_set(&ns->serves, neg ? FACT_OFF : FACT_ON, n);
        ns->serves.why = neg ? "no ntp serve all" : "ntp serve all: every interface";
    } else if (!neg && (tk_is(s, 2, "ip") || tk_is(s, 2, "ipv6")) && tk_is(s, 3, "access-group")) {
        ntp_access_add(x, sv_make("serve", 5), tk(s, 4), n);
    }
    ns->configured = true;
    return true;
}

/* IOS XR: the statements of the ntp block; EOS: "ntp serve" on interfaces. */
static void ntp_serve_children(struct cx *x)
{
    if (x->d == DIALECT_CISCO_IOSXR && x->ntp_block) {
        x->m->ntp_serve.configured = true;
        for (const struct cfg_node *c = x->ntp_block->child; c; c = c->next) {
            bool neg;
            struct sv s = stmt(c, &neg);
            if (!active(c) || neg)
                continue;
            if (tk_is(s, 0, "access-group"))
                ntp_access_group(x, s, 1, c);
            else if (tk_is(s, 0, "master"))
                ntp_master(x, c);
        }
    }
    if (x->d != DIALECT_ARISTA_EOS)
        return;
    struct ntp_serve_facts *ns = &x->m->ntp_serve;
    for (size_t i = 0; i < x->m->ninterfaces; i++) {
        const struct interface *ifc = &x->m->interfaces[i];
        for (const struct cfg_node *c = ifc->node ? ifc->node->child : NULL; c; c = c->next) {
            bool neg;
            struct sv s = stmt(c, &neg);
            if (!active(c) || neg || !starts(s, "ntp serve") || sv_token_count(s) != 2 ||
                !cap_ok(ns->ninterfaces))
                continue;
            const char **slot = MODEL_PUSH(x->a, ns->interfaces, ns->ninterfaces);
            *slot = ifc->name;
            fact_lines_add(&ns->serves.ev, c);
        }
    }
}

void cx_finish_ntp_serve(struct cx *x)
{
    struct ntp_serve_facts *ns = &x->m->ntp_serve;
    ntp_serve_children(x);
    if (x->m->ntp.nservers)
        ns->configured = true;
    if (!ns->configured) {
        fact_default(&ns->serves, FACT_OFF, "NTP is not configured");
        return;
    }
    if (x->d == DIALECT_CISCO_ASA) {
        fact_default(&ns->serves, FACT_OFF, "the ASA is an NTP client only");
        return;
    }
    if (x->d == DIALECT_ARISTA_EOS) {
        if (ns->serves.state == FACT_UNKNOWN && ns->ninterfaces) {
            ns->serves.state = FACT_ON;
            ns->serves.why = "ntp serve on interfaces";
        } else if (ns->serves.state == FACT_UNKNOWN)
            fact_default(&ns->serves, FACT_OFF,
                         "EOS answers NTP requests only where 'ntp serve' is configured");
        if (ns->naccess)
            fact_set(&ns->open, FACT_OFF, ns->access[0].node);
        else if (ns->serves.state == FACT_ON && !ns->ninterfaces)
            fact_default(&ns->open, FACT_ON, "ntp serve all without an access group");
        return;
    }
    if (ns->serves.state == FACT_UNKNOWN)
        fact_default(&ns->serves, FACT_ON,
                     "a device running NTP answers client requests unless an access group "
                     "limits them");
    if (ns->naccess)
        fact_set(&ns->open, FACT_OFF, ns->access[0].node);
    else
        fact_default(&ns->open, FACT_ON, "no ntp access-group: every host may query and peer");
}
