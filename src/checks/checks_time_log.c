/*
 * checks_time_log.c - time and logging checks (TIME-*, LOG-*): approved and
 * authenticated NTP sources, remote syslog collectors, login and change
 * events, and logging that has been switched off or filtered away.
 */
#include "checks/checks_int.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Public internet time services: a name under one of these domains is never
 * one of the provider's own sources (approved.ntp lists addresses). */
static const char *const public_time_domains[] = {
    "pool.ntp.org",   "time.google.com", "time.cloudflare.com", "time.windows.com",
    "time.apple.com", "time.nist.gov",   "ntp.ubuntu.com",      "time.facebook.com",
};

static bool public_time_name(const char *host)
{
    size_t hn = host ? strlen(host) : 0;
    for (size_t i = 0; i < ARRAY_SIZE(public_time_domains); i++) {
        size_t dn = strlen(public_time_domains[i]);
        if (hn >= dn && strcasecmp(host + hn - dn, public_time_domains[i]) == 0 &&
            (hn == dn || host[hn - dn - 1] == '.'))
            return true;
    }
    return false;
}

/*
 * "At least two destinations, all approved": shared by NTP and syslog.
 * field is the profile field named in messages ("approved.ntp"); public_ntp
 * says a name under a public time service's domain is known to be outside it.
 */
static void judge_hosts(const struct check_ctx *ctx, struct check_result *r,
                        const struct host_ref *h, size_t n, const struct prefix_set *approved,
                        const char *field, const char *what, bool public_ntp)
{
    struct reasons bad;
    unsigned names = 0;
    reasons_init(&bad);
    for (size_t i = 0; i < n; i++) {
        struct ip_prefix a = h[i].addr;
        if (!a.af && !host_addr(h[i].host, &a)) {
            if (public_ntp && approved->present && public_time_name(h[i].host))
                reasons_add(&bad, "%s is a public internet time service, not in %s", h[i].host,
                            field);
            else
                names++;
            ev_node(ctx, r, h[i].node);
            continue;
        }
        if (approved->present && !pset_contains(approved, &a)) {
            reasons_add(&bad, "%s is not in %s", h[i].host ? h[i].host : "?", field);
            ev_node(ctx, r, h[i].node);
        } else if (ctx->profile->corporate.present && pset_overlaps(&ctx->profile->corporate, &a)) {
            reasons_add(&bad, "%s is in a corporate range", h[i].host ? h[i].host : "?");
            ev_node(ctx, r, h[i].node);
        }
    }
    if (n < 2) {
        for (size_t i = 0; i < n; i++)
            ev_node(ctx, r, h[i].node);
        const char *more = reasons_done(ctx, &bad);
        check_set(ctx, r, VERDICT_FAIL, "%zu %s configured (at least two needed)%s%s", n, what,
                  *more ? "; " : "", more);
        return;
    }
    if (bad.n) {
        check_set(ctx, r, VERDICT_FAIL, "unapproved %s: %s", what, reasons_done(ctx, &bad));
        return;
    }
    reasons_done(ctx, &bad);
    for (size_t i = 0; i < n; i++)
        ev_node(ctx, r, h[i].node);
    if (!approved->present) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT, "%zu %s configured; needs %s in the profile", n,
                  what, field);
        return;
    }
    if (names) {
        check_set(ctx, r, VERDICT_UNKNOWN, "%u %s are given by name and cannot be matched to %s",
                  names, what, field);
        return;
    }
    check_set(ctx, r, VERDICT_PASS, "%zu %s, all in %s", n, what, field);
}

static void eval_ntp_sources(const struct check_ctx *ctx, struct check_result *r)
{
    const struct ntp_facts *ntp = &ctx->model->ntp;
    judge_hosts(ctx, r, ntp->servers, ntp->nservers, &ctx->profile->ntp, "approved.ntp",
                "NTP servers", true);
}

static void eval_ntp_auth(const struct check_ctx *ctx, struct check_result *r)
{
    const struct ntp_facts *ntp = &ctx->model->ntp;
    /* ntp_unlisted: the client is on with servers the configuration does not
     * list (FortiOS ntpsync with FortiGuard's servers), judged on the fact */
    if (ntp->nservers == 0 && !ctx->model->ntp_unlisted) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "no NTP server is configured");
        return;
    }
    const struct fact_bool *f = &ntp->auth_enabled;
    check_evidence_fact(ctx, r, &f->ev);
    if (f->state == FACT_OFF && f->is_default && f->why) {
        check_set(ctx, r, VERDICT_FAIL, "NTP authentication is not enabled: %s (platform default)",
                  f->why);
        return;
    }
    if (f->state == FACT_OFF) {
        check_set(ctx, r, VERDICT_FAIL, "NTP authentication is not enabled%s",
                  f->is_default ? " (platform default)" : "");
        return;
    }
    if (f->state == FACT_UNKNOWN) {
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell whether NTP is authenticated: %s",
                  fact_why(ctx, f));
        return;
    }
    struct reasons unkeyed;
    reasons_init(&unkeyed);
    for (size_t i = 0; i < ntp->nservers; i++)
        if (!ntp->servers[i].keyed) {
            reasons_add(&unkeyed, "%s", ntp->servers[i].host ? ntp->servers[i].host : "?");
            ev_node(ctx, r, ntp->servers[i].node);
        }
    if (unkeyed.n) {
        check_set(ctx, r, VERDICT_FAIL, "NTP servers without a key: %s",
                  reasons_done(ctx, &unkeyed));
        return;
    }
    reasons_done(ctx, &unkeyed);
    check_set(ctx, r, VERDICT_PASS, "NTP authentication is on and every server (%zu) has a key",
              ntp->nservers);
}

static void eval_remote_syslog(const struct check_ctx *ctx, struct check_result *r)
{
    const struct logging_facts *l = &ctx->model->logging;
    judge_hosts(ctx, r, l->hosts, l->nhosts, &ctx->profile->syslog, "approved.syslog",
                "syslog collectors", false);
}

static void eval_login_events(const struct check_ctx *ctx, struct check_result *r)
{
    judge_fact(ctx, r, &ctx->model->logging.login_events, FACT_OFF,
               "successful and failed logins are not both logged",
               "successful and failed logins are logged", "logins are logged");
}

/* Whether change records leave the device: a syslog collector, or command
 * accounting with an AAA server to receive it. */
static bool changes_leave_device(const struct device_model *m)
{
    return m->logging.nhosts > 0 ||
           (m->aaa.accounting_cmds.state == FACT_ON && m->aaa.nservers > 0);
}

static void eval_config_changes(const struct check_ctx *ctx, struct check_result *r)
{
    const struct fact_bool *f = &ctx->model->logging.config_changes;
    judge_fact(ctx, r, f, FACT_OFF, "configuration changes are not logged",
               "configuration changes are logged", "configuration changes are logged");
    if (r->verdict == VERDICT_FAIL && f->why)
        r->message =
            arena_printf(ctx->arena, "configuration changes are not logged centrally: %s", f->why);
    if (r->verdict == VERDICT_PASS && !changes_leave_device(ctx->model))
        check_set(ctx, r, VERDICT_FAIL,
                  "configuration changes are recorded on the device only: no syslog collector "
                  "or accounting server receives them");
}

static void eval_not_suppressed(const struct check_ctx *ctx, struct check_result *r)
{
    const struct logging_facts *l = &ctx->model->logging;
    judge_fact(ctx, r, &l->suppressed, FACT_ON,
               "logging is switched off, filtered or set to a level that drops security events",
               "logging is not switched off or filtered away", "logging is suppressed");
    if (r->verdict == VERDICT_FAIL && l->trap_level)
        r->message = arena_printf(ctx->arena, "%s (remote level '%s')", r->message, l->trap_level);
}

/* ------------------------------------------------------------ LOG-SEVERITY */

/* The console threshold CIS asks for (2.2.3: critical) and no more verbose. */
#define CONSOLE_LEVEL_MAX 2

static void ev_lines(const struct check_ctx *ctx, struct check_result *r,
                     const struct fact_lines *l)
{
    for (uint8_t i = 0; i < l->n; i++)
        ev_node(ctx, r, l->nodes[i]);
}

/* A failing console level as a reason ("" when the console is limited, off
 * or not judged on this platform). */
static const char *console_problem(const struct check_ctx *ctx, struct check_result *r)
{
    const struct log_level *c = &ctx->model->logging.console_level;
    if (!c->known || c->level <= CONSOLE_LEVEL_MAX)
        return "";
    ev_lines(ctx, r, &c->ev);
    return arena_printf(ctx->arena, "console logging at %s%s (limit it to critical)",
                        log_level_name(c->level), c->is_default ? ", the platform default" : "");
}

static void eval_log_severity(const struct check_ctx *ctx, struct check_result *r)
{
    const struct logging_facts *l = &ctx->model->logging;
    const struct log_level *rl = &l->remote_level;
    long min = ctx->profile->log_severity_min;
    const char *minsrc = ctx->profile->has_log_severity_min ? "policy.log_severity_min"
                                                            : "policy.log_severity_min, default";
    if (l->nhosts == 0) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "no remote syslog destination is configured (see LOG-REMOTE-SYSLOG)");
        return;
    }
    ev_lines(ctx, r, &rl->ev);
    const char *con = console_problem(ctx, r);
    bool low = rl->level < min; /* known, or an upper bound when unknown */
    if (low) {
        check_set(ctx, r, VERDICT_FAIL, "the collectors receive %s%s, less than %s (%s)%s%s",
                  rl->known ? "" : "at most ", log_level_name(rl->level), syslog_level_name(min),
                  minsrc, *con ? "; " : "", con);
        if (rl->why)
            r->message = arena_printf(ctx->arena, "%s: %s", r->message, rl->why);
        return;
    }
    if (*con) {
        check_set(ctx, r, VERDICT_FAIL, "%s", con);
        return;
    }
    if (!rl->known) {
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell the level the collectors receive: %s",
                  rl->why ? rl->why
                          : arena_printf(ctx->arena, "remote log levels are not read for %s",
                                         dialect_name(ctx->model->dialect)));
        return;
    }
    const struct log_level *c = &l->console_level;
    ev_lines(ctx, r, &c->ev);
    check_set(ctx, r, VERDICT_PASS, "the collectors receive %s%s (%s required: %s); console %s",
              log_level_name(rl->level), rl->is_default ? ", the platform default" : "",
              syslog_level_name(min), minsrc,
              !c->known ? "level not judged on this platform"
              : c->level == LOG_LEVEL_OFF
                  ? "logging off"
                  : arena_printf(ctx->arena, "at %s", log_level_name(c->level)));
}

/* ------------------------------------------------------------ LOG-SOURCE */

enum src_role { SRC_LOOPBACK, SRC_MGMT, SRC_OTHER, SRC_UNTAGGED };

static const struct interface *find_iface(const struct device_model *m, const char *name)
{
    for (size_t i = 0; i < m->ninterfaces; i++)
        if (str_ieq(m->interfaces[i].name, name))
            return &m->interfaces[i];
    return NULL;
}

static bool name_starts(const char *name, const char *prefix)
{
    return strncasecmp(name, prefix, strlen(prefix)) == 0;
}

/*
 * What an interface is for LOG-SOURCE: a loopback (Loopback0, lo0, SR OS
 * system), a management interface (the model says so, its name is a
 * management port's, or interfaces.management matches its name or
 * description), another one, or another one while interfaces.management is
 * not set (SRC_UNTAGGED).
 */
static enum src_role source_role(const struct check_ctx *ctx, const char *name)
{
    const struct interface *it = find_iface(ctx->model, name);
    if ((it && it->is_loopback) || name_starts(name, "loopback") || str_ieq(name, "system") ||
        (name_starts(name, "lo") && isdigit((unsigned char)name[2])))
        return SRC_LOOPBACK;
    static const char *const mgmt[] = {"mgmt", "management", "fxp",      "em0",     "me0",
                                       "meth", "vme",        "re0:mgmt", "re1:mgmt"};
    for (size_t i = 0; i < ARRAY_SIZE(mgmt); i++)
        if (name_starts(name, mgmt[i]))
            return SRC_MGMT;
    if (it && it->is_mgmt)
        return SRC_MGMT;
    const struct cfg_regex *re = ctx->profile->management_interfaces;
    if (!re)
        return SRC_UNTAGGED;
    if (cfg_regex_match(re, sv_from_cstr(name), NULL, 0) ||
        (it && it->description && cfg_regex_match(re, sv_from_cstr(it->description), NULL, 0)))
        return SRC_MGMT;
    return SRC_OTHER;
}

/* The management protocols in use, with their first destination. */
struct src_use {
    const char *service, *label;
    size_t n;
    const struct cfg_node *node;
};

static size_t source_uses(const struct device_model *m, struct src_use *u)
{
    size_t tac = 0, rad = 0;
    const struct cfg_node *tn = NULL, *rn = NULL;
    for (size_t i = 0; i < m->aaa.nservers; i++) {
        if (m->aaa.servers[i].proto == AAA_TACACS && !tac++)
            tn = m->aaa.servers[i].node;
        if (m->aaa.servers[i].proto == AAA_RADIUS && !rad++)
            rn = m->aaa.servers[i].node;
    }
    const struct src_use all[] = {
        {"syslog", "syslog", m->logging.nhosts,
         m->logging.nhosts ? m->logging.hosts[0].node : NULL},
        {"tacacs", "TACACS+", tac, tn},
        {"radius", "RADIUS", rad, rn},
        {"ntp", "NTP", m->ntp.nservers + (m->ntp_unlisted != NULL),
         m->ntp.nservers ? m->ntp.servers[0].node : m->ntp_unlisted},
        {"snmp-trap", "SNMP notifications", m->snmp.ntrap_hosts, NULL},
    };
    size_t n = 0;
    for (size_t i = 0; i < ARRAY_SIZE(all); i++)
        if (all[i].n)
            u[n++] = all[i];
    return n;
}

/* An earlier source of the same protocol names the same interface and address. */
static bool source_repeats(const struct device_model *m, size_t i)
{
    const struct mgmt_source *a = &m->mgmt_sources[i];
    for (size_t j = 0; j < i; j++) {
        const struct mgmt_source *b = &m->mgmt_sources[j];
        if (strcmp(a->service, b->service) == 0 &&
            (a->ifname == b->ifname || str_ieq(a->ifname, b->ifname)) &&
            (a->addr == b->addr || str_ieq(a->addr, b->addr)))
            return true;
    }
    return false;
}

/* Judge the sources of one protocol in use; reasons go to bad, unsure or
 * untagged, and what passes to good. */
static void judge_source(const struct check_ctx *ctx, struct check_result *r,
                         const struct src_use *u, struct reasons *bad, struct reasons *unsure,
                         struct reasons *untagged, struct reasons *good, struct fact_lines *good_ev)
{
    const struct device_model *m = ctx->model;
    size_t seen = 0;
    for (size_t i = 0; i < m->nmgmt_sources; i++) {
        const struct mgmt_source *src = &m->mgmt_sources[i];
        if (strcmp(src->service, u->service) != 0 || source_repeats(m, i))
            continue;
        seen++;
        if (!src->ifname) {
            reasons_add(unsure, "%s source address %s is on no interface in the configuration",
                        u->label, src->addr ? src->addr : "?");
            ev_node(ctx, r, src->node);
            continue;
        }
        enum src_role role = source_role(ctx, src->ifname);
        if (role == SRC_OTHER) {
            reasons_add(bad, "%s is sent from %s, neither a loopback nor a management interface",
                        u->label, src->ifname);
            ev_node(ctx, r, src->node);
        } else if (role == SRC_UNTAGGED) {
            reasons_add(untagged, "%s is sent from %s", u->label, src->ifname);
            ev_node(ctx, r, src->node);
        } else {
            reasons_add(good, "%s from %s%s", u->label, src->ifname,
                        src->by_design ? " (by design)" : "");
            fact_lines_add(good_ev, src->node);
        }
    }
    if (!seen) {
        reasons_add(bad,
                    "%s has no fixed source interface (it leaves from whichever interface "
                    "routes it)",
                    u->label);
        ev_node(ctx, r, u->node);
    }
}

static void eval_log_source(const struct check_ctx *ctx, struct check_result *r)
{
    struct src_use u[5];
    size_t nu = source_uses(ctx->model, u);
    if (!nu) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "no syslog, AAA, NTP server or SNMP trap destination is configured");
        return;
    }
    struct reasons bad, unsure, untagged, good;
    struct fact_lines good_ev = {0};
    reasons_init(&bad);
    reasons_init(&unsure);
    reasons_init(&untagged);
    reasons_init(&good);
    for (size_t i = 0; i < nu; i++)
        judge_source(ctx, r, &u[i], &bad, &unsure, &untagged, &good, &good_ev);
    const char *b = reasons_done(ctx, &bad), *un = reasons_done(ctx, &unsure),
               *ut = reasons_done(ctx, &untagged), *g = reasons_done(ctx, &good);
    if (*b)
        check_set(ctx, r, VERDICT_FAIL, "%s", b);
    else if (*un)
        check_set(ctx, r, VERDICT_UNKNOWN, "%s", un);
    else if (*ut)
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "%s: needs interfaces.management in the profile to tell whether that is a "
                  "management interface",
                  ut);
    else {
        ev_lines(ctx, r, &good_ev);
        check_set(ctx, r, VERDICT_PASS, "%s", g);
    }
}

/* --------------------------------------------------------- LOG-TRANSPORT */

/* A VRF or routing instance named as the out-of-band management one. */
static bool vrf_is_mgmt(const char *vrf)
{
    return vrf && (str_icontains(vrf, "mgmt") || str_icontains(vrf, "management") ||
                   str_icontains(vrf, "oob"));
}

/* The host's own statement names a management interface as its way out
 * (ASA "logging host mgmt A"). */
static bool host_via_mgmt_if(const struct check_ctx *ctx, const struct host_ref *h)
{
    const struct device_model *m = ctx->model;
    for (size_t i = 0; i < m->nmgmt_sources; i++) {
        const struct mgmt_source *src = &m->mgmt_sources[i];
        if (src->node == h->node && strcmp(src->service, "syslog") == 0 && src->ifname &&
            source_role(ctx, src->ifname) <= SRC_MGMT)
            return true;
    }
    return false;
}

static void eval_log_transport(const struct check_ctx *ctx, struct check_result *r)
{
    const struct logging_facts *l = &ctx->model->logging;
    if (l->nhosts == 0) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "no remote syslog destination is configured (see LOG-REMOTE-SYSLOG)");
        return;
    }
    bool tls_req = ctx->profile->log_tls_required;
    struct reasons bad, unsure;
    reasons_init(&bad);
    reasons_init(&unsure);
    size_t tls = 0, oob = 0;
    for (size_t i = 0; i < l->nhosts; i++) {
        const struct host_ref *h = &l->hosts[i];
        const char *name = h->host ? h->host : "?";
        if (h->tls) {
            tls++;
        } else if (!tls_req && (vrf_is_mgmt(h->vrf) || host_via_mgmt_if(ctx, h))) {
            oob++;
        } else if (!tls_req && ctx->model->dialect == DIALECT_NOKIA_SROS) {
            reasons_add(&unsure,
                        "%s: whether it leaves by the management port depends on the "
                        "routes ('show router management route-table')",
                        name);
            ev_node(ctx, r, h->node);
        } else {
            reasons_add(&bad, "%s%s%s: cleartext syslog%s", name, h->vrf ? " in VRF " : "",
                        h->vrf ? h->vrf : "",
                        tls_req ? " (policy.log_tls_required asks for TLS)"
                                : " outside the management VRF");
            ev_node(ctx, r, h->node);
        }
    }
    const char *b = reasons_done(ctx, &bad), *u = reasons_done(ctx, &unsure);
    if (*b) {
        check_set(ctx, r, VERDICT_FAIL, "%s", b);
        return;
    }
    if (*u) {
        check_set(ctx, r, VERDICT_UNKNOWN, "%s", u);
        return;
    }
    for (size_t i = 0; i < l->nhosts; i++)
        ev_node(ctx, r, l->hosts[i].node);
    check_set(
        ctx, r, VERDICT_PASS, "%zu collector(s) over TLS, %zu in the management VRF%s", tls, oob,
        ctx->profile->has_log_tls_required ? "" : " (policy.log_tls_required: default false)");
}

/* ---------------------------------------------------------- LOG-ACL-DENY */

/* One filter's denies: every explicit deny logs, and the filter ends with a
 * logged deny of everything rather than the silent implicit one. */
static void judge_acl_denies(const struct check_ctx *ctx, struct check_result *r,
                             const struct acl *a, struct reasons *bad, struct fact_lines *good)
{
    unsigned silent = 0;
    for (size_t i = 0; i < a->n; i++) {
        const struct acl_entry *e = &a->entries[i];
        if (!e->permit && e->log && e->src_any && (e->matches_all || !e->dst.af))
            break; /* a logged deny of everything: what follows is never reached (SR OS default) */
        if (!e->permit && !e->log && !silent++)
            ev_node(ctx, r, e->node);
    }
    const struct acl_entry *last = a->n ? &a->entries[a->n - 1] : NULL;
    bool ends_any = last && last->src_any && (last->dst_any || !last->dst.af) &&
                    (last->matches_all || !last->permit);
    if (silent)
        reasons_add(bad, "%s: %u deny %s without logging", a->name, silent,
                    silent == 1 ? "entry" : "entries");
    else if (!ends_any) {
        reasons_add(bad, "%s ends in the implicit deny, which is not logged", a->name);
        ev_node(ctx, r, a->node);
    } else
        fact_lines_add(good, last->node);
}

/* The filters guarding the management plane: vty/line access classes and
 * the management paths' filters (SSH, SNMP, lo0, MPP, SR OS MAF, ...),
 * each once. */
static const struct acl *infra_acl_at(const struct device_model *m, size_t i)
{
    if (i < m->nlines)
        return m->lines[i].acl;
    i -= m->nlines;
    if (i < m->nmgmt_paths) {
        const struct mgmt_path *p = &m->mgmt_paths[i];
        /* SNMP community filters and the ASA's ssh/http/telnet allow-lists
         * have no deny entry of their own to log */
        if (strcmp(p->service, "snmp") == 0 || (p->acl && str_icontains(p->acl->name, "-hosts")))
            return NULL;
        return p->acl;
    }
    i -= m->nmgmt_paths;
    const struct interface *it = &m->interfaces[i];
    return it->acl_in ? model_find_acl(m, it->acl_in) : NULL;
}

static size_t infra_acls(const struct device_model *m, const struct acl **out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < m->nlines + m->nmgmt_paths + m->ninterfaces; i++) {
        const struct acl *a = infra_acl_at(m, i);
        bool seen = false;
        for (size_t j = 0; j < n && !seen; j++)
            seen = out[j] == a;
        if (a && !seen && a->n && n < cap)
            out[n++] = a;
    }
    return n;
}

static void eval_log_acl_deny(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    if (m->dialect == DIALECT_FORTINET_FORTIOS) {
        /* a firewall's policy table: the extractor judged its deny
         * policies and the implicit deny; why says which */
        judge_by_why(ctx, r, &m->logging.policy_denies, "denied traffic is logged");
        return;
    }
    const struct acl *acls[64];
    size_t judged = infra_acls(m, acls, ARRAY_SIZE(acls));
    struct reasons bad;
    struct fact_lines good = {0};
    reasons_init(&bad);
    for (size_t i = 0; i < judged; i++)
        judge_acl_denies(ctx, r, acls[i], &bad, &good);
    const char *b = reasons_done(ctx, &bad);
    if (!judged)
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "no management, receive-path or interface filter is defined");
    else if (*b)
        check_set(ctx, r, VERDICT_FAIL, "%s", b);
    else {
        ev_lines(ctx, r, &good);
        check_set(ctx, r, VERDICT_PASS,
                  "%zu management, receive-path or interface filter(s) log their denies", judged);
    }
}

static const struct check_def defs[] = {
    {
        .id = "TIME-NTP-SOURCES",
        .source = "builtin",
        .title = "At least two approved, internal NTP sources",
        .category = "NTP/time",
        .severity = SEV_MEDIUM,
        .rationale = "Correlating events across the estate needs the same trusted time "
                     "everywhere; one source is a single point of failure and an unknown one "
                     "can skew clocks.",
        .measures = MEASURES("M16.10", "M15.13"),
        .context = "approved.ntp",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Configure two or more NTP servers from the approved list.",
                [DIALECT_CISCO_IOS] = "ntp server <approved-1>\nntp server <approved-2>",
                [DIALECT_CISCO_NXOS] = "ntp server <approved-1> use-vrf management\nntp server "
                                       "<approved-2> use-vrf management",
                [DIALECT_CISCO_IOSXR] = "ntp\n server <approved-1>\n server <approved-2>",
                [DIALECT_CISCO_ASA] = "ntp server <approved-1>\nntp server <approved-2>",
                [DIALECT_ARISTA_EOS] = "ntp server <approved-1>\nntp server <approved-2>",
                [DIALECT_JUNIPER_JUNOS] = "set system ntp server <approved-1>\nset system ntp "
                                          "server <approved-2>",
                [DIALECT_NOKIA_SROS] = "configure system time ntp server <approved-1>; server "
                                       "<approved-2>",
                [DIALECT_HUAWEI_VRP] = "ntp-service unicast-server <approved-1>\nntp-service "
                                       "unicast-server <approved-2>",
            },
        .eval = eval_ntp_sources,
    },
    {
        .id = "TIME-NTP-AUTH",
        .source = "builtin",
        .title = "NTP associations are authenticated",
        .category = "NTP/time",
        .severity = SEV_MEDIUM,
        .rationale = "Unauthenticated NTP can be spoofed to shift the clock, breaking log "
                     "correlation and certificate validity.",
        .measures = MEASURES("M16.10", "M10.49"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Enable NTP authentication, trust a key and bind it to "
                                    "every server.",
                [DIALECT_CISCO_IOS] = "ntp authenticate\nntp authentication-key 1 hmac-sha2-256 "
                                      "<key>\nntp trusted-key 1\nntp server <server> key 1",
                [DIALECT_CISCO_NXOS] = "ntp authenticate\nntp authentication-key 1 md5 <key>\n"
                                       "ntp trusted-key 1\nntp server <server> key 1",
                [DIALECT_CISCO_IOSXR] = "ntp\n authenticate\n authentication-key 1 md5 <key>\n "
                                        "trusted-key 1\n server <server> key 1",
                [DIALECT_CISCO_ASA] = "ntp authenticate\nntp authentication-key 1 sha256 <key>\n"
                                      "ntp trusted-key 1\nntp server <server> key 1",
                [DIALECT_ARISTA_EOS] = "ntp authenticate\nntp authentication-key 1 sha1 <key>\n"
                                       "ntp trusted-key 1\nntp server <server> key 1",
                [DIALECT_JUNIPER_JUNOS] = "set system ntp authentication-key 1 type sha256 "
                                          "value <key>\nset system ntp trusted-key 1\nset "
                                          "system ntp server <server> key 1",
                [DIALECT_NOKIA_SROS] = "configure system time ntp authentication-check; "
                                       "authentication-key 1 key <key> type message-digest; "
                                       "server <server> key 1",
                [DIALECT_HUAWEI_VRP] = "ntp-service authentication enable\nntp-service "
                                       "authentication-keyid 1 authentication-mode hmac-sha256 "
                                       "<key>\nntp-service reliable authentication-keyid 1\n"
                                       "ntp-service unicast-server <server> "
                                       "authentication-keyid 1",
            },
        .eval = eval_ntp_auth,
    },
    {
        .id = "LOG-REMOTE-SYSLOG",
        .source = "builtin",
        .title = "Logs sent to at least two approved central collectors",
        .category = "Logging & monitoring",
        .severity = SEV_HIGH,
        .rationale = "Logs kept only on the device are lost or erased with it; redirecting "
                     "logs to a foreign host is a known intrusion step.",
        .measures = MEASURES("M8.07", "M16.11", "M16.12", "M16.14", "M16.17"),
        .context = "approved.syslog",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Send logs to two or more collectors from the approved "
                                    "list and remove any other destination.",
                [DIALECT_CISCO_IOS] = "logging host <approved-1>\nlogging host <approved-2>",
                [DIALECT_CISCO_NXOS] = "logging server <approved-1> 6 use-vrf management\n"
                                       "logging server <approved-2> 6 use-vrf management",
                [DIALECT_CISCO_IOSXR] = "logging <approved-1> vrf default severity info\n"
                                        "logging <approved-2> vrf default severity info",
                [DIALECT_CISCO_ASA] = "logging host <if> <approved-1>\nlogging host <if> "
                                      "<approved-2>",
                [DIALECT_ARISTA_EOS] = "logging host <approved-1>\nlogging host <approved-2>",
                [DIALECT_JUNIPER_JUNOS] = "set system syslog host <approved-1> any info\nset "
                                          "system syslog host <approved-2> any info",
                [DIALECT_NOKIA_SROS] = "configure log syslog 1 address <approved-1>; syslog 2 "
                                       "address <approved-2>; log-id N from main security "
                                       "change to syslog 1",
                [DIALECT_HUAWEI_VRP] = "info-center loghost <approved-1>\ninfo-center loghost "
                                       "<approved-2>",
            },
        .eval = eval_remote_syslog,
    },
    {
        .id = "LOG-LOGIN-EVENTS",
        .source = "builtin",
        .title = "Successful and failed logins are logged",
        .category = "Logging & monitoring",
        .severity = SEV_MEDIUM,
        .rationale = "Failed logins are the earliest sign of password guessing, and successful "
                     "ones are needed to trace who was on the device.",
        .measures = MEASURES("M16.14", "M2.02"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Log successful and failed logins to the collectors.",
                [DIALECT_CISCO_IOS] = "login on-failure log\nlogin on-success log",
                [DIALECT_CISCO_NXOS] = "login on-failure log\nlogin on-success log\nlogging "
                                       "level authpri 6",
                [DIALECT_CISCO_ASA] = "logging trap informational",
                [DIALECT_ARISTA_EOS] = "aaa authentication policy on-success log\naaa "
                                       "authentication policy on-failure log",
                [DIALECT_JUNIPER_JUNOS] = "set system syslog host <collector> authorization "
                                          "info",
                [DIALECT_NOKIA_SROS] = "configure log log-id N from security to syslog 1",
                [DIALECT_HUAWEI_VRP] = "info-center source default channel loghost log level "
                                       "informational",
            },
        .eval = eval_login_events,
    },
    {
        .id = "LOG-CONFIG-CHANGES",
        .source = "builtin",
        .title = "Configuration changes and executed commands are logged centrally",
        .category = "Logging & monitoring",
        .severity = SEV_HIGH,
        .rationale = "Unauthorised changes (new ACL entries, AAA servers, tunnels, mirrors) are "
                     "only visible if every change is logged off the device.",
        .measures = MEASURES("M16.16", "M11.13", "M2.02", "M16.05"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Log every configuration change and command to the "
                                    "collectors.",
                [DIALECT_CISCO_IOS] = "archive\n log config\n  logging enable\n  notify syslog\n "
                                      " hidekeys",
                [DIALECT_CISCO_NXOS] = "aaa accounting default group TACACS  (the accounting "
                                       "log records changes)",
                [DIALECT_CISCO_IOSXR] = "Keep commit events logged: remove 'logging suppress' "
                                        "rules for configuration messages.",
                [DIALECT_CISCO_ASA] = "logging enable\nlogging trap notifications",
                [DIALECT_ARISTA_EOS] = "aaa accounting commands all default start-stop logging",
                [DIALECT_JUNIPER_JUNOS] = "set system syslog host <collector> change-log info\n"
                                          "set system syslog host <collector> "
                                          "interactive-commands info",
                [DIALECT_NOKIA_SROS] = "configure log log-id N from change to syslog 1",
                [DIALECT_HUAWEI_VRP] = "info-center source CFG channel loghost log level "
                                       "informational",
            },
        .eval = eval_config_changes,
    },
    {
        .id = "LOG-NOT-SUPPRESSED",
        .source = "builtin",
        .title = "Logging not disabled, filtered away or cleared by automation",
        .category = "Logging & monitoring",
        .severity = SEV_HIGH,
        .rationale = "Switching logging off, raising its level or filtering out login and "
                     "change messages blinds the monitoring; intruders do exactly that.",
        .measures = MEASURES("M16.08", "M16.11"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Re-enable logging and remove filters that drop security "
                                    "or change events.",
                [DIALECT_CISCO_IOS] = "logging on\nlogging trap informational\nno logging "
                                      "discriminator <name>",
                [DIALECT_CISCO_NXOS] = "logging server <collector> 6",
                [DIALECT_CISCO_IOSXR] = "no logging suppress rule <name>",
                [DIALECT_CISCO_ASA] = "logging enable",
                [DIALECT_ARISTA_EOS] = "logging on",
                [DIALECT_JUNIPER_JUNOS] = "delete system syslog host <collector> match  (and "
                                          "use 'any info')",
                [DIALECT_NOKIA_SROS] = "configure filter log-filter N default-action forward",
                [DIALECT_HUAWEI_VRP] = "info-center enable",
            },
        .eval = eval_not_suppressed,
    },
};

const struct check_family checks_family_time_log = {defs, ARRAY_SIZE(defs)};

/* The logging checks added after the first release come after every other
 * family in the registry, so that the built-in order of the earlier checks
 * stays stable. */
/* Is a the interface statement b, or one of them inside the other (Junos
 * units under their physical interface)? */
static bool same_interface(const struct cfg_node *a, const struct cfg_node *b)
{
    for (const struct cfg_node *p = a; p; p = p->parent)
        if (p == b)
            return true;
    for (const struct cfg_node *p = b; p; p = p->parent)
        if (p == a)
            return true;
    return false;
}

/* External interfaces with no sampling or flow monitor applied. */
static unsigned unsampled(const struct check_ctx *ctx, struct check_result *r,
                          const struct interface **ext, size_t next, struct reasons *rs)
{
    const struct flow_facts *f = &ctx->model->flow;
    unsigned n = 0;
    for (size_t i = 0; i < next && !f->all_interfaces; i++) {
        bool on = false;
        for (size_t k = 0; k < f->napplied && !on; k++)
            on = ext[i]->node && same_interface(f->applied[k], ext[i]->node);
        if (!on) {
            reasons_add(rs, "%s", ext[i]->name ? ext[i]->name : "?");
            ev_node(ctx, r, ext[i]->node);
            n++;
        }
    }
    return n;
}

/* The collectors against approved.flow_collectors: the verdict when they
 * decide it, or VERDICT_PASS when they are all approved. */
static enum verdict judge_collectors(const struct check_ctx *ctx, struct check_result *r,
                                     struct reasons *rs)
{
    const struct flow_facts *f = &ctx->model->flow;
    const struct prefix_set *ok = &ctx->profile->flow_collectors;
    unsigned names = 0, bad = 0;
    for (size_t i = 0; i < f->ncollectors; i++) {
        const struct host_ref *h = &f->collectors[i];
        ev_node(ctx, r, h->node);
        struct ip_prefix a = h->addr;
        if (!a.af && !host_addr(h->host, &a))
            names++;
        else if (ok->present && !pset_contains(ok, &a) && ++bad)
            reasons_add(rs, "%s", h->host ? h->host : "?");
    }
    if (bad)
        return VERDICT_FAIL;
    if (!ok->present)
        return VERDICT_NEEDS_CONTEXT;
    return names ? VERDICT_UNKNOWN : VERDICT_PASS;
}

static void eval_flow_telemetry(const struct check_ctx *ctx, struct check_result *r)
{
    const struct flow_facts *f = &ctx->model->flow;
    if (!ctx->profile->external_description) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "needs interfaces.external_description in the profile to know the ingress "
                  "and egress points");
        return;
    }
    const struct interface **ext;
    size_t next = external_interfaces(ctx, &ext);
    if (!next) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "no active interface matches interfaces.external_description");
        return;
    }
    if (!f->read) {
        check_set(ctx, r, VERDICT_UNKNOWN, "flow export is not read for %s",
                  dialect_name(ctx->model->dialect));
        return;
    }
    struct reasons rs;
    reasons_init(&rs);
    if (!f->ncollectors) {
        unsampled(ctx, r, ext, next, &rs);
        reasons_done(ctx, &rs);
        check_set(ctx, r, VERDICT_FAIL,
                  "no flow export (NetFlow, IPFIX, sFlow, J-Flow, cflowd, NetStream) to a "
                  "collector is configured");
        return;
    }
    if (unsampled(ctx, r, ext, next, &rs)) {
        check_set(ctx, r, VERDICT_FAIL, "external interfaces without flow sampling: %s",
                  reasons_done(ctx, &rs));
        return;
    }
    enum verdict v = judge_collectors(ctx, r, &rs);
    const char *who = reasons_done(ctx, &rs);
    if (v == VERDICT_FAIL)
        check_set(ctx, r, v, "flows are exported to collectors not in approved.flow_collectors: %s",
                  who);
    else if (v == VERDICT_NEEDS_CONTEXT)
        check_set(ctx, r, v,
                  "flows are exported to %zu collector%s; needs "
                  "approved.flow_collectors in the profile",
                  f->ncollectors, f->ncollectors == 1 ? "" : "s");
    else if (v == VERDICT_UNKNOWN)
        check_set(ctx, r, v,
                  "a flow collector is given by name and cannot be matched to "
                  "approved.flow_collectors");
    else {
        check_evidence_fact(ctx, r, &f->ev);
        check_set(ctx, r, v,
                  "every external interface (%zu) is sampled and flows go to "
                  "approved collectors",
                  next);
    }
}

static const struct check_def log_defs[] = {
    {
        .id = "LOG-SEVERITY",
        .source = "builtin",
        .title = "Remote logging level captures informational events; console logging limited",
        .category = "Logging & monitoring",
        .severity = SEV_MEDIUM,
        .rationale = "Logins, configuration and interface events are informational or notice "
                     "messages: a collector that only takes errors or worse never sees them. "
                     "Verbose console logging costs CPU and can be used to slow the device.",
        .measures = MEASURES("M8.07"),
        .context = "policy.log_severity_min",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Send informational messages to the collectors and limit "
                                    "the console to critical.",
                [DIALECT_CISCO_IOS] = "logging trap informational\nlogging console critical",
                [DIALECT_CISCO_NXOS] = "logging server <collector> 6 use-vrf management\n"
                                       "logging console 2",
                [DIALECT_CISCO_IOSXR] = "logging <collector> vrf <vrf> severity info\nlogging "
                                        "console critical",
                [DIALECT_CISCO_ASA] = "logging enable\nlogging trap informational\nlogging "
                                      "console critical",
                [DIALECT_ARISTA_EOS] = "logging trap informational\nlogging console critical",
                [DIALECT_JUNIPER_JUNOS] = "set system syslog host <collector> any info\nset "
                                          "system syslog host <collector> authorization info",
                [DIALECT_NOKIA_SROS] = "configure log syslog <id> level info",
                [DIALECT_HUAWEI_VRP] = "info-center source default channel loghost log level "
                                       "informational",
                [DIALECT_FORTINET_FORTIOS] = "config log syslogd filter\n    set severity "
                                             "information\nend",
            },
        .eval = eval_log_severity,
    },
    {
        .id = "LOG-SOURCE",
        .source = "builtin",
        .title = "Management traffic (syslog, AAA, NTP, SNMP) sourced from a fixed "
                 "loopback/management interface",
        .category = "Logging & monitoring",
        .severity = SEV_LOW,
        .rationale = "A fixed source address makes every log, AAA request and trap attributable "
                     "and lets the servers' filters name one address; a source that follows the "
                     "routing changes with it, and intruders have moved loopback addresses to "
                     "slip past filters.",
        .measures = MEASURES("M16.17"),
        .context = "interfaces.management",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Send syslog, AAA, NTP and SNMP traps from a loopback or the "
                                    "management interface.",
                [DIALECT_CISCO_IOS] = "logging source-interface Loopback0\nip tacacs "
                                      "source-interface Loopback0\nip radius source-interface "
                                      "Loopback0\nntp source Loopback0\nsnmp-server "
                                      "trap-source Loopback0",
                [DIALECT_CISCO_NXOS] = "logging source-interface loopback0\nip tacacs "
                                       "source-interface loopback0\nntp source-interface "
                                       "loopback0\nsnmp-server source-interface traps loopback0",
                [DIALECT_CISCO_IOSXR] = "logging source-interface Loopback0\ntacacs "
                                        "source-interface Loopback0 vrf default\nntp\n source "
                                        "Loopback0\nsnmp-server trap-source Loopback0",
                [DIALECT_CISCO_ASA] = "logging host management <collector>\nntp server <server> "
                                      "source management\naaa-server <group> (management) host "
                                      "<server>",
                [DIALECT_ARISTA_EOS] = "logging source-interface Loopback0\nip tacacs "
                                       "source-interface Loopback0\nntp local-interface "
                                       "Loopback0\nsnmp-server local-interface Loopback0",
                [DIALECT_JUNIPER_JUNOS] = "set system syslog source-address <lo0 address>\nset "
                                          "system ntp source-address <lo0 address>\nset system "
                                          "tacplus-server <server> source-address <lo0 "
                                          "address>\nset snmp trap-options source-address lo0",
                [DIALECT_NOKIA_SROS] = "configure system security source-address application "
                                       "syslog system",
                [DIALECT_HUAWEI_VRP] = "info-center loghost source LoopBack0\nntp-service "
                                       "source-interface LoopBack0\nsnmp-agent trap source "
                                       "LoopBack0\nhwtacacs-server source-ip <LoopBack0 address>",
                [DIALECT_FORTINET_FORTIOS] = "config log syslogd setting\n    set source-ip "
                                             "<loopback address>\nend",
            },
        .eval = eval_log_source,
    },
    {
        .id = "LOG-TRANSPORT",
        .source = "builtin",
        .title = "Remote log transport is encrypted/integrity-protected (TLS or IPsec) or "
                 "confined to OOB",
        .category = "Logging & monitoring",
        .severity = SEV_MEDIUM,
        .rationale = "Syslog over UDP across the production network can be read, dropped or "
                     "forged on the way; logs should travel over TLS or stay on the out-of-band "
                     "management network.",
        .measures = MEASURES("M16.08", "M10.10"),
        .context = "policy.log_tls_required",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Send syslog over TLS, or only through the out-of-band "
                                    "management VRF.",
                [DIALECT_CISCO_IOS] = "logging host <collector> vrf Mgmt-intf transport tls port "
                                      "6514",
                [DIALECT_CISCO_NXOS] = "logging server <collector> 6 port 6514 secure use-vrf "
                                       "management",
                [DIALECT_CISCO_IOSXR] = "logging <collector> vrf <mgmt-vrf> severity info",
                [DIALECT_CISCO_ASA] = "logging host management <collector> tcp/6514 secure",
                [DIALECT_ARISTA_EOS] = "logging vrf MGMT host <collector> 6514 protocol tls",
                [DIALECT_JUNIPER_JUNOS] = "set system syslog host <collector> transport tls\nset "
                                          "system syslog host <collector> routing-instance "
                                          "mgmt_junos",
                [DIALECT_NOKIA_SROS] = "Route syslog through the management port (management "
                                       "router instance) or protect it with IPsec.",
                [DIALECT_HUAWEI_VRP] = "info-center loghost <collector> vpn-instance <mgmt> "
                                       "transport tcp ssl-policy <policy>",
                [DIALECT_FORTINET_FORTIOS] = "config log syslogd setting\n    set mode reliable\n"
                                             "    set enc-algorithm high\nend",
            },
        .eval = eval_log_transport,
    },
    {
        .id = "LOG-ACL-DENY",
        .source = "builtin",
        .title = "Infrastructure ACL/filter denies are logged",
        .category = "Logging & monitoring",
        .severity = SEV_LOW,
        .rationale = "Denied attempts to reach the management and control plane are the trace "
                     "of scanning and password guessing; the implicit deny at the end of a "
                     "filter records nothing.",
        .measures = MEASURES("M16.14", "M8.07"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "End every management and receive-path filter with a deny "
                                    "of everything that logs.",
                [DIALECT_CISCO_IOS] = "ip access-list extended <acl>\n deny ip any any log-input",
                [DIALECT_CISCO_NXOS] = "ip access-list <acl>\n deny ip any any log",
                [DIALECT_CISCO_IOSXR] = "ipv4 access-list <acl>\n deny ipv4 any any log",
                [DIALECT_CISCO_ASA] = "access-list <acl> extended deny ip any any log",
                [DIALECT_ARISTA_EOS] = "ip access-list <acl>\n deny ip any any log",
                [DIALECT_JUNIPER_JUNOS] = "set firewall family inet filter <lo0-filter> term "
                                          "deny-rest then syslog\nset firewall family inet "
                                          "filter <lo0-filter> term deny-rest then discard",
                [DIALECT_NOKIA_SROS] = "configure system security management-access-filter "
                                       "ip-filter entry <last> action deny log",
                [DIALECT_HUAWEI_VRP] = "acl <acl>\n rule deny logging",
                [DIALECT_FORTINET_FORTIOS] = "config log setting\n    set fwpolicy-implicit-log "
                                             "enable\nend\nconfig firewall policy\n    edit "
                                             "<deny-policy>\n        set logtraffic all\n    "
                                             "next\nend",
            },
        .eval = eval_log_acl_deny,
    },
    {
        .id = "LOG-FLOW-TELEMETRY",
        .source = "builtin",
        .title = "Flow export enabled at key ingress/egress points",
        .category = "Logging & monitoring",
        .severity = SEV_MEDIUM,
        .rationale = "Flow records at the edges are how unusual traffic (exfiltration, "
                     "scanning, command-and-control) is seen and traced after the fact.",
        .measures = MEASURES("M16.13", "M16.06"),
        .context = "interfaces.external_description, approved.flow_collectors",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Export flows from every external interface to the "
                                    "approved collectors.",
                [DIALECT_CISCO_IOS] = "flow exporter EXP\n destination <collector>\n"
                                      "flow monitor MON\n exporter EXP\n record netflow "
                                      "ipv4 original-input\ninterface <external>\n ip flow "
                                      "monitor MON input",
                [DIALECT_CISCO_NXOS] = "feature netflow\nflow exporter EXP\n destination "
                                       "<collector>\nflow monitor MON\n exporter EXP\n"
                                       "interface <external>\n ip flow monitor MON input",
                [DIALECT_CISCO_IOSXR] = "flow exporter-map EXP\n destination <collector>\n"
                                        "flow monitor-map MON\n exporter EXP\ninterface "
                                        "<external>\n flow ipv4 monitor MON sampler SMP "
                                        "ingress",
                [DIALECT_CISCO_ASA] = "flow-export destination <if> <collector> 2055\n"
                                      "policy-map global_policy\n class class-default\n  "
                                      "flow-export event-type all destination <collector>",
                [DIALECT_ARISTA_EOS] = "sflow destination <collector>\nsflow run",
                [DIALECT_JUNIPER_JUNOS] = "set forwarding-options sampling instance S family "
                                          "inet output flow-server <collector> port 2055\n"
                                          "set interfaces <external> unit 0 family inet "
                                          "sampling input",
                [DIALECT_NOKIA_SROS] = "configure cflowd collector <collector>:2055; router "
                                       "interface <external> cflowd-parameters sampling "
                                       "unicast type interface",
                [DIALECT_HUAWEI_VRP] = "ip netstream export host <collector> 2055\n"
                                       "interface <external>\n ip netstream inbound",
            },
        .eval = eval_flow_telemetry,
    },
};

const struct check_family checks_family_logging = {log_defs, ARRAY_SIZE(log_defs)};
