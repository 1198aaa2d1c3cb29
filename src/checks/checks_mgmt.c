/*
 * checks_mgmt.c - management-plane access checks (MGMT-*): cleartext and
 * legacy access services, who may reach the management plane and from
 * where, session hygiene and on-box shells.
 *
 * Every predicate reads the vendor-independent model (model/model.h) and the
 * profile; the vendor syntax lives in the extractors and in the per-dialect
 * remediation text of each row.
 */
#include "checks/checks_int.h"

#include <string.h>

/* ------------------------------------------------------ access paths */

/* One way into the management plane: an extractor's mgmt_path or a
 * terminal line that accepts sessions. */
struct access_path {
    const char *label;
    const char *acl_name;
    const struct acl *acl;
    bool undefined; /* an ACL is named but not defined */
    const struct cfg_node *node;
};

/* Does a line accept inbound sessions (SSH or telnet not known to be off)? */
static bool line_accepts_input(const struct mgmt_line *l)
{
    return l->telnet_in.state != FACT_OFF || l->ssh_in.state != FACT_OFF;
}

static size_t collect_paths(const struct check_ctx *ctx, struct access_path **out)
{
    const struct device_model *m = ctx->model;
    size_t cap = m->nmgmt_paths + m->nlines, n = 0;
    struct access_path *v = arena_alloc(ctx->arena, (cap ? cap : 1) * sizeof(*v));
    for (size_t i = 0; i < m->nmgmt_paths; i++) {
        const struct mgmt_path *p = &m->mgmt_paths[i];
        v[n++] = (struct access_path){
            .label = p->service ? p->service : "management path",
            .acl_name = p->acl_name,
            .acl = p->acl,
            .undefined = p->acl_name && (p->acl_undefined || !p->acl),
            .node = p->node,
        };
    }
    for (size_t i = 0; i < m->nlines; i++) {
        const struct mgmt_line *l = &m->lines[i];
        if (l->kind != LINE_VTY || !line_accepts_input(l))
            continue;
        /* The same statement may already be a mgmt_path from the extractor. */
        bool dup = false;
        for (size_t j = 0; j < n; j++)
            if (v[j].node && v[j].node == l->node)
                dup = true;
        if (dup)
            continue;
        const struct acl *acl = l->acl ? l->acl : model_find_acl(m, l->acl_in);
        v[n++] = (struct access_path){
            .label = l->name ? l->name : "vty",
            .acl_name = l->acl_in,
            .acl = acl,
            .undefined = l->acl_in && !acl,
            .node = l->node,
        };
    }
    *out = v;
    return n;
}

/* ------------------------------------------------------------ MGMT-TELNET */

static void eval_telnet(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    struct reasons fails, unknowns;
    reasons_init(&fails);
    reasons_init(&unknowns);
    unsigned nlines = 0;

    if (m->telnet_server.state == FACT_ON) {
        reasons_add(&fails, "the telnet server is enabled");
        check_evidence_fact(ctx, r, &m->telnet_server.ev);
    }
    for (size_t i = 0; i < m->nservices; i++) {
        const struct mgmt_service *s = &m->services[i];
        if (s->kind == SVC_TELNET && s->state.state == FACT_ON) {
            reasons_add(&fails, "the telnet service is enabled%s%s", s->vrf ? " in VRF " : "",
                        s->vrf ? s->vrf : "");
            check_evidence_fact(ctx, r, &s->state.ev);
        }
    }
    for (size_t i = 0; i < m->nlines; i++) {
        const struct mgmt_line *l = &m->lines[i];
        if (l->kind == LINE_CONSOLE)
            continue;
        nlines++;
        if (l->telnet_in.state == FACT_ON) {
            reasons_add(&fails, "%s accepts telnet", l->name ? l->name : "a line");
            check_evidence_fact(ctx, r, &l->telnet_in.ev);
            ev_node(ctx, r, l->transport_node ? l->transport_node : l->node);
        } else if (l->telnet_in.state == FACT_UNKNOWN && l->kind != LINE_AUX) {
            reasons_add(&unknowns, "%s: %s", l->name ? l->name : "a line",
                        fact_why(ctx, &l->telnet_in));
            ev_node(ctx, r, l->node);
        }
    }
    /* The global server fact only matters when it was decided or no line can
     * decide; with every remote line refusing telnet a listening server gives
     * no session (VRP: vty "protocol inbound ssh"). */
    bool lines_refuse = nlines > 0 && fails.n == 0 && unknowns.n == 0;
    if (m->telnet_server.state == FACT_UNKNOWN && !lines_refuse &&
        (!fact_untouched(&m->telnet_server) || nlines == 0))
        reasons_add(&unknowns, "telnet server: %s", fact_why(ctx, &m->telnet_server));

    if (fails.n) {
        const char *msg = reasons_done(ctx, &fails);
        reasons_done(ctx, &unknowns);
        check_set(ctx, r, VERDICT_FAIL, "telnet is accepted: %s", msg);
    } else if (unknowns.n) {
        reasons_done(ctx, &fails);
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell whether telnet is accepted: %s",
                  reasons_done(ctx, &unknowns));
    } else {
        reasons_done(ctx, &fails);
        reasons_done(ctx, &unknowns);
        check_set(ctx, r, VERDICT_PASS, "telnet is off%s and no line accepts it",
                  m->telnet_server.is_default ? " (platform default)" : "");
        check_evidence_fact(ctx, r, &m->telnet_server.ev);
    }
}

/* ------------------------------------------------------------ MGMT-SSH-V2 */

static void eval_ssh_v2(const struct check_ctx *ctx, struct check_result *r)
{
    const struct ssh_facts *s = &ctx->model->ssh;
    enum dialect d = ctx->model->dialect;
    if (d == DIALECT_CISCO_NXOS || d == DIALECT_ARISTA_EOS) {
        /* checks.md: n/a, the platform has no SSH protocol 1 to turn off */
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "the %s SSH server speaks protocol version 2 only", dialect_name(d));
        return;
    }
    if (s->enabled.state == FACT_OFF) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "the SSH server is off");
        check_evidence_fact(ctx, r, &s->enabled.ev);
        return;
    }
    judge_fact(ctx, r, &s->v1_allowed, FACT_ON,
               "the SSH server accepts protocol version 1 (or 1.99 compatibility)",
               "the SSH server accepts protocol version 2 only",
               "the SSH server still accepts protocol version 1");
}

/* -------------------------------------------------------- MGMT-ACCESS-ACL */

/* An ASA with no ssh, telnet or http statement accepts management from no host. */
static bool asa_closed(const struct check_ctx *ctx, struct check_result *r, size_t npaths)
{
    if (npaths || ctx->model->dialect != DIALECT_CISCO_ASA)
        return false;
    check_set(ctx, r, VERDICT_NOT_APPLICABLE,
              "no 'ssh|telnet|http ADDR MASK IF' statement: the ASA accepts remote "
              "management from no host");
    return true;
}

/* IOS XR with the SSH server on and no line, vty pool or other filtered path:
 * the default line template takes SSH sessions from anywhere. */
static bool xr_open_ssh(const struct check_ctx *ctx, struct check_result *r, size_t npaths)
{
    const struct device_model *m = ctx->model;
    if (npaths || m->dialect != DIALECT_CISCO_IOSXR || m->ssh.enabled.state != FACT_ON)
        return false;
    check_evidence_fact(ctx, r, &m->ssh.enabled.ev);
    check_set(ctx, r, VERDICT_FAIL,
              "the SSH server is on and no line access-class, SSH access-list or "
              "management-plane filter restricts its sources");
    return true;
}

/* FortiOS: the administrators' and API users' trusted hosts filter only
 * what the interfaces' allowaccess opens (tests/labelled/rulings.md R6).
 * ON: something listens (and on every other platform); OFF: the interfaces
 * are shown and none opens an administrative protocol; UNKNOWN: they are
 * not shown, so the ports keep the model's factory defaults. */
static enum fact_state paths_exposed(const struct device_model *m)
{
    if (m->dialect != DIALECT_FORTINET_FORTIOS || m->snmp.enabled.state == FACT_ON)
        return FACT_ON;
    return remote_management_state(m);
}

static const char exposure_unshown[] =
    "whether any port allows administrative access is not shown (no system interface "
    "configuration: the ports keep the model's factory defaults)";

/* Nothing listens to filter: not applicable (true when it set the verdict). */
static bool nothing_exposed(const struct check_ctx *ctx, struct check_result *r)
{
    if (paths_exposed(ctx->model) != FACT_OFF)
        return false;
    check_set(ctx, r, VERDICT_NOT_APPLICABLE,
              "no interface allows an administrative protocol (allowaccess): no management path "
              "is reachable");
    return true;
}

static void eval_access_acl(const struct check_ctx *ctx, struct check_result *r)
{
    struct access_path *p;
    size_t n = collect_paths(ctx, &p);
    if (asa_closed(ctx, r, n) || xr_open_ssh(ctx, r, n) || nothing_exposed(ctx, r))
        return;
    if (n == 0) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "the model lists no management access paths, so their filters cannot be "
                  "checked");
        return;
    }
    struct reasons rs;
    reasons_init(&rs);
    for (size_t i = 0; i < n; i++) {
        if (!p[i].acl_name) {
            reasons_add(&rs, "%s has no source filter", p[i].label);
            ev_node(ctx, r, p[i].node);
        } else if (p[i].undefined) {
            reasons_add(&rs,
                        "%s refers to '%s', which is not defined (on most platforms an "
                        "undefined filter permits everything)",
                        p[i].label, p[i].acl_name);
            ev_node(ctx, r, p[i].node);
        }
    }
    if (rs.n && paths_exposed(ctx->model) == FACT_UNKNOWN) {
        check_set(ctx, r, VERDICT_UNKNOWN, "%s, but %s", reasons_done(ctx, &rs), exposure_unshown);
        return;
    }
    if (rs.n) {
        unsigned bad = rs.n;
        check_set(ctx, r, VERDICT_FAIL, "%u of %zu management access paths are unfiltered: %s", bad,
                  n, reasons_done(ctx, &rs));
        return;
    }
    reasons_done(ctx, &rs);
    for (size_t i = 0; i < n; i++)
        ev_node(ctx, r, p[i].node);
    check_set(ctx, r, VERDICT_PASS, "all %zu management access paths have a source filter", n);
}

/* ------------------------------------------------------- MGMT-PAW-SOURCES */

/* The sources an SNMP filter may admit: the management ranges and the
 * approved SNMP managers (empty when the profile names no managers). */
static struct prefix_set snmp_sources(const struct check_ctx *ctx)
{
    const struct profile *pr = ctx->profile;
    struct prefix_set ok = {0};
    if (!pr->snmp_managers.present)
        return ok;
    ok.n = pr->management.n + pr->snmp_managers.n;
    ok.v = arena_alloc(ctx->arena, (ok.n ? ok.n : 1) * sizeof(*ok.v));
    for (size_t i = 0; i < pr->management.n; i++)
        ok.v[i] = pr->management.v[i];
    for (size_t i = 0; i < pr->snmp_managers.n; i++)
        ok.v[pr->management.n + i] = pr->snmp_managers.v[i];
    ok.present = true;
    return ok;
}

static void eval_paw_sources(const struct check_ctx *ctx, struct check_result *r)
{
    const struct profile *pr = ctx->profile;
    if (!pr->paw.present && !pr->management.present) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "needs networks.paw (or networks.management) in the profile");
        return;
    }
    struct access_path *p;
    size_t n = collect_paths(ctx, &p);
    if (asa_closed(ctx, r, n) || xr_open_ssh(ctx, r, n) || nothing_exposed(ctx, r))
        return;
    if (n == 0) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "the model lists no management access paths, so their sources cannot be "
                  "resolved");
        return;
    }
    struct prefix_set snmp_ok = snmp_sources(ctx);
    /* an open path is a finding only where something may listen on it */
    struct reasons rs, open;
    reasons_init(&rs);
    reasons_init(&open);
    struct reasons *dst = paths_exposed(ctx->model) == FACT_UNKNOWN ? &open : &rs;
    unsigned unresolved = 0;
    for (size_t i = 0; i < n; i++) {
        if (!p[i].acl_name) {
            reasons_add(dst, "%s has no filter, so any source reaches it", p[i].label);
            ev_node(ctx, r, p[i].node);
        } else if (p[i].undefined) {
            reasons_add(dst, "%s uses '%s', which is not defined (permits any source)", p[i].label,
                        p[i].acl_name);
            ev_node(ctx, r, p[i].node);
        } else {
            unsigned before = rs.n;
            const struct prefix_set *mgmt = &pr->management;
            if (snmp_ok.n && p[i].label && !strcmp(p[i].label, "snmp"))
                mgmt = &snmp_ok;
            acl_judge_sources(ctx, r, p[i].acl, p[i].label, &pr->paw, mgmt, &pr->corporate, &rs,
                              &unresolved);
            if (rs.n != before)
                ev_node(ctx, r, p[i].node);
        }
    }
    if (rs.n) {
        reasons_done(ctx, &open);
        check_set(ctx, r, VERDICT_FAIL, "management sources outside the PAW/management ranges: %s",
                  reasons_done(ctx, &rs));
        return;
    }
    reasons_done(ctx, &rs);
    if (open.n) {
        check_set(ctx, r, VERDICT_UNKNOWN, "%s, but %s", reasons_done(ctx, &open),
                  exposure_unshown);
        return;
    }
    reasons_done(ctx, &open);
    if (unresolved) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "%u filter entries use object groups or names the model could not resolve",
                  unresolved);
        return;
    }
    for (size_t i = 0; i < n; i++)
        ev_node(ctx, r, p[i].node);
    check_set(ctx, r, VERDICT_PASS,
              "every management path (%zu) only permits sources inside the PAW/management "
              "ranges",
              n);
}

/* ---------------------------------------------------------- MGMT-OUTBOUND */

/* How a platform stops its CLI from opening sessions to other devices
 * (checks.md MGMT-OUTBOUND), when no line of the configuration decides it. */
enum outbound_control {
    OUTBOUND_UNDECIDED, /* no setting known: unknown */
    OUTBOUND_LINES,     /* per line; the default lines (con, vty) allow it */
    OUTBOUND_AUTHZ,     /* only command authorisation or an egress filter */
    OUTBOUND_NO_CLIENT, /* the CLI has no telnet/ssh client */
};

static enum outbound_control outbound_control(enum dialect d)
{
    switch (d) {
    case DIALECT_CISCO_IOS:
    case DIALECT_CISCO_IOSXR:
        return OUTBOUND_LINES;
    case DIALECT_CISCO_NXOS:
    case DIALECT_ARISTA_EOS:
    case DIALECT_JUNIPER_JUNOS:
    case DIALECT_HUAWEI_VRP:
    case DIALECT_FORTINET_FORTIOS:
        return OUTBOUND_AUTHZ;
    case DIALECT_CISCO_ASA:
        return OUTBOUND_NO_CLIENT;
    default:
        return OUTBOUND_UNDECIDED;
    }
}

/* The verdict when no line allows outbound sessions and some could not be
 * judged (unknowns.n) or none was (judged == 0). */
static void outbound_undecided(const struct check_ctx *ctx, struct check_result *r,
                               struct reasons *unknowns, size_t judged)
{
    const char *why = reasons_done(ctx, unknowns);
    switch (outbound_control(ctx->model->dialect)) {
    case OUTBOUND_AUTHZ:
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "outbound ssh/telnet on %s can only be denied by command authorisation "
                  "(roles, login classes) or an egress filter: the profile has no field for the "
                  "operator roles that must deny them%s%s",
                  dialect_name(ctx->model->dialect), *why ? "; " : "", why);
        return;
    case OUTBOUND_NO_CLIENT:
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "the %s CLI has no telnet or ssh client to open onward sessions",
                  dialect_name(ctx->model->dialect));
        return;
    case OUTBOUND_LINES:
        if (judged == 0) {
            check_set(ctx, r, VERDICT_FAIL,
                      "the device can be used as a jump host: no line sets 'transport output "
                      "none', and the default console and vty lines allow outbound sessions");
            return;
        }
        break;
    case OUTBOUND_UNDECIDED:
        break;
    }
    if (*why)
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell whether outbound sessions are blocked: %s",
                  why);
    else
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "no line-level outbound setting on this device: outbound ssh/telnet can only "
                  "be denied by command authorisation or an egress filter, which the "
                  "configuration alone does not show");
}

/* The roles or login classes, where the extractor judged them
 * (aaa.outbound_cmds): one more reason to fail, pass or leave undecided. */
static size_t outbound_roles(const struct check_ctx *ctx, struct check_result *r,
                             struct reasons *fails, struct reasons *unknowns)
{
    const struct fact_bool *f = &ctx->model->aaa.outbound_cmds;
    if (fact_untouched(f))
        return 0;
    check_evidence_fact(ctx, r, &f->ev);
    if (f->state == FACT_ON)
        reasons_add(fails, "%s", f->why ? f->why : "a role may run ssh or telnet");
    else if (f->state == FACT_UNKNOWN)
        reasons_add(unknowns, "%s", fact_why(ctx, f));
    return 1;
}

static void eval_outbound(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    struct reasons fails, unknowns;
    size_t judged = 0;
    reasons_init(&fails);
    reasons_init(&unknowns);
    for (size_t i = 0; i < m->nlines; i++) {
        const struct mgmt_line *l = &m->lines[i];
        const char *name = l->name ? l->name : "a line";
        if (l->any_out.state == FACT_ON) {
            reasons_add(&fails, "%s allows outbound sessions%s", name,
                        l->any_out.is_default ? " (no 'transport output': the default)" : "");
            check_evidence_fact(ctx, r, &l->any_out.ev);
            ev_node(ctx, r, l->node);
        } else if (l->any_out.state == FACT_UNKNOWN) {
            if (fact_untouched(&l->any_out))
                continue;
            reasons_add(&unknowns, "%s: %s", name, fact_why(ctx, &l->any_out));
            check_evidence_fact(ctx, r, &l->any_out.ev);
            ev_node(ctx, r, l->node);
        } else {
            check_evidence_fact(ctx, r, &l->any_out.ev);
        }
        judged++;
    }
    judged += outbound_roles(ctx, r, &fails, &unknowns);
    if (fails.n) {
        reasons_done(ctx, &unknowns);
        check_set(ctx, r, VERDICT_FAIL, "the device can be used as a jump host: %s",
                  reasons_done(ctx, &fails));
        return;
    }
    reasons_done(ctx, &fails);
    if (unknowns.n || judged == 0) {
        outbound_undecided(ctx, r, &unknowns, judged);
        return;
    }
    reasons_done(ctx, &unknowns);
    if (ctx->model->aaa.outbound_cmds.state == FACT_OFF)
        check_set(ctx, r, VERDICT_PASS, "outbound sessions are denied: %s",
                  ctx->model->aaa.outbound_cmds.why);
    else
        check_set(ctx, r, VERDICT_PASS, "outbound sessions are disabled on every line (%zu)",
                  judged);
}

/* ------------------------------------------------------- MGMT-IDLE-TIMEOUT */

/* IOS and IOS XR always have vty lines; with none configured they keep the
 * default exec-timeout of 10 minutes (Cisco IOS Configuration Fundamentals
 * and IOS XR System Management command references, exec-timeout). */
static bool implicit_vty_timeout(const struct device_model *m)
{
    return m->dialect == DIALECT_CISCO_IOS || m->dialect == DIALECT_CISCO_IOSXR;
}

/* ASA: the serial console's own timeout (0, never, unless set). */
static size_t asa_console_timeout(const struct check_ctx *ctx, struct check_result *r, long limit,
                                  struct reasons *never, struct reasons *over)
{
    long ct = ctx->model->console_timeout_seconds;
    const struct cfg_node *ev = ctx->model->console_timeout_node;
    if (ct < 0)
        return 0;
    if (ct == 0)
        reasons_add(never, "the console never times out%s", ev ? "" : " (default)");
    else if (limit > 0 && ct > limit)
        reasons_add(over, "the console times out after %ld min", ct / 60);
    ev_node(ctx, r, ev);
    return 1;
}

static void eval_idle_timeout(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    const struct profile *pr = ctx->profile;
    long limit = pr->has_idle_timeout ? pr->idle_timeout_minutes * 60 : -1;
    struct reasons never, over, unknowns;
    size_t judged = 0;
    reasons_init(&never);
    reasons_init(&over);
    reasons_init(&unknowns);

    for (size_t i = 0; i < m->nlines; i++) {
        const struct mgmt_line *l = &m->lines[i];
        const char *name = l->name ? l->name : "a line";
        const struct cfg_node *ev = l->timeout_node ? l->timeout_node : l->node;
        if (l->kind == LINE_VTY && !line_accepts_input(l))
            continue;
        if (l->kind == LINE_AUX && l->login_disabled.state == FACT_ON)
            continue; /* a disabled auxiliary port holds no session */
        judged++;
        if (l->timeout_seconds == 0) {
            reasons_add(&never, "%s never times out", name);
            ev_node(ctx, r, ev);
        } else if (l->timeout_seconds < 0) {
            reasons_add(&unknowns, "%s", name);
        } else if (limit > 0 && l->timeout_seconds > limit) {
            reasons_add(&over, "%s times out after %ld min%s", name, l->timeout_seconds / 60,
                        l->timeout_is_default ? " (default)" : "");
            ev_node(ctx, r, ev);
        }
    }
    judged += asa_console_timeout(ctx, r, limit, &never, &over);
    long st = m->ssh.idle_timeout_seconds;
    if (st < 0 && m->nlines == 0 && implicit_vty_timeout(m))
        st = 600;
    if (st >= 0 || m->nlines == 0) {
        judged++;
        if (st == 0) {
            reasons_add(&never, "SSH sessions never time out");
            check_evidence_fact(ctx, r, &m->ssh.ev);
        } else if (st < 0) {
            reasons_add(&unknowns, "SSH sessions");
        } else if (limit > 0 && st > limit) {
            reasons_add(&over, "SSH sessions time out after %ld min", st / 60);
            check_evidence_fact(ctx, r, &m->ssh.ev);
        }
    }
    if (never.n) {
        reasons_done(ctx, &over);
        reasons_done(ctx, &unknowns);
        check_set(ctx, r, VERDICT_FAIL, "idle sessions stay open: %s", reasons_done(ctx, &never));
        return;
    }
    if (limit < 0) {
        reasons_done(ctx, &never);
        reasons_done(ctx, &over);
        reasons_done(ctx, &unknowns);
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "needs policy.idle_timeout_minutes in the profile (no session is left without "
                  "a timeout)");
        return;
    }
    if (over.n) {
        reasons_done(ctx, &never);
        reasons_done(ctx, &unknowns);
        check_set(ctx, r, VERDICT_FAIL, "idle timeout longer than the policy's %ld min: %s",
                  pr->idle_timeout_minutes, reasons_done(ctx, &over));
        return;
    }
    reasons_done(ctx, &never);
    reasons_done(ctx, &over);
    if (unknowns.n || judged == 0) {
        const char *u = reasons_done(ctx, &unknowns);
        check_set(ctx, r, VERDICT_UNKNOWN, "the effective idle timeout is not known for: %s",
                  *u ? u : "any management session");
        return;
    }
    reasons_done(ctx, &unknowns);
    for (size_t i = 0; i < m->nlines; i++)
        ev_node(ctx, r, m->lines[i].timeout_node);
    if (st > 0)
        check_evidence_fact(ctx, r, &m->ssh.ev);
    check_set(ctx, r, VERDICT_PASS, "every management session times out within %ld min",
              pr->idle_timeout_minutes);
}

/* ------------------------------------------------------- MGMT-CONSOLE-AUX */

static void eval_console_aux(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    struct reasons fails;
    size_t naux = 0;
    reasons_init(&fails);
    for (size_t i = 0; i < m->nlines; i++) {
        const struct mgmt_line *l = &m->lines[i];
        if (l->kind != LINE_AUX)
            continue;
        naux++;
        bool input_off = l->telnet_in.state == FACT_OFF && l->ssh_in.state == FACT_OFF;
        bool reverse = (l->telnet_in.state == FACT_ON && !l->telnet_in.is_default) ||
                       (l->ssh_in.state == FACT_ON && !l->ssh_in.is_default);
        if (reverse) {
            /* 'no exec' stops a login on the port, not a session through it */
            reasons_add(&fails, "%s accepts %s sessions (transport input), 'no exec' or not",
                        l->name ? l->name : "aux",
                        l->telnet_in.state == FACT_ON ? "telnet" : "ssh");
            ev_node(ctx, r, l->node);
            ev_node(ctx, r, l->transport_node);
        } else if (l->login_disabled.state != FACT_ON && !input_off) {
            reasons_add(&fails, "%s still gives an exec session", l->name ? l->name : "aux");
            ev_node(ctx, r, l->node);
            check_evidence_fact(ctx, r, &l->login_disabled.ev);
        } else {
            check_evidence_fact(ctx, r, &l->login_disabled.ev);
            if (input_off) {
                check_evidence_fact(ctx, r, &l->telnet_in.ev);
                check_evidence_fact(ctx, r, &l->ssh_in.ev);
            }
        }
    }
    const struct fact_bool *con = &m->console_auth;
    if (con->state == FACT_OFF) {
        reasons_add(&fails, "the console does not ask for an authenticated login: %s",
                    fact_why(ctx, con));
        check_evidence_fact(ctx, r, &con->ev);
    }
    if (fails.n) {
        check_set(ctx, r, VERDICT_FAIL, "console or auxiliary port not secured: %s",
                  reasons_done(ctx, &fails));
        return;
    }
    reasons_done(ctx, &fails);
    if (con->state == FACT_UNKNOWN && !fact_untouched(con)) {
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell whether the console asks for a login: %s",
                  fact_why(ctx, con));
        return;
    }
    if (con->state == FACT_ON) {
        bool note = con->is_default && con->why;
        check_evidence_fact(ctx, r, &con->ev);
        check_set(ctx, r, VERDICT_PASS, "the console asks for an authenticated login%s%s%s%s",
                  note ? " (" : "", note ? con->why : "", note ? ")" : "",
                  naux ? "; the auxiliary port is disabled" : "");
        return;
    }
    if (naux == 0) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "no auxiliary/modem port in the configuration, and the console is not judged "
                  "on this platform");
        return;
    }
    check_set(ctx, r, VERDICT_PASS, "the auxiliary port is disabled");
}

/* --------------------------------------------------------------- MGMT-WEB */

/* Dialects whose web server is off unless configured (checks.md §18); on the
 * others an absent statement leaves the state to the image's factory default. */
static bool web_default_off(enum dialect d)
{
    switch (d) {
    case DIALECT_CISCO_NXOS:
    case DIALECT_CISCO_IOSXR:
    case DIALECT_CISCO_ASA:
    case DIALECT_ARISTA_EOS:
    case DIALECT_JUNIPER_JUNOS:
    case DIALECT_NOKIA_SROS:
        return true;
    default:
        return false;
    }
}

static void eval_web(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    struct reasons fails, unknowns;
    size_t seen = 0, on = 0, https_on = 0;
    reasons_init(&fails);
    reasons_init(&unknowns);
    for (size_t i = 0; i < m->nservices; i++) {
        const struct mgmt_service *s = &m->services[i];
        /* NX-API is an HTTP(S) server with a web sandbox (checks.md): over HTTP
         * cleartext web management, over HTTPS only in the management VRF. */
        bool nxapi = s->kind == SVC_NXAPI;
        if (!SVC_HAS(s, SVCP_WEB) && !nxapi)
            continue;
        seen++;
        on += s->state.state == FACT_ON;
        if (s->state.state == FACT_ON && nxapi && !s->cleartext) {
            if (!s->vrf || strcmp(s->vrf, "management"))
                reasons_add(&fails, "NX-API (HTTPS) is not confined to the management VRF "
                                    "('nxapi use-vrf management')");
            check_evidence_fact(ctx, r, &s->state.ev);
        } else if (s->state.state == FACT_ON) {
            if (s->cleartext || s->kind == SVC_HTTP) {
                reasons_add(&fails, "cleartext web management (%s) is on", s->name);
                check_evidence_fact(ctx, r, &s->state.ev);
            } else if (!s->acl_name) {
                reasons_add(&fails, "HTTPS web management is on with no source filter");
                check_evidence_fact(ctx, r, &s->state.ev);
            } else {
                https_on++;
                const struct acl *acl = model_find_acl(m, s->acl_name);
                bool any = false;
                for (size_t j = 0; acl && j < acl->n; j++)
                    if (acl->entries[j].permit && acl->entries[j].src_any && !any) {
                        any = true;
                        ev_node(ctx, r, acl->entries[j].node);
                    }
                if (!acl)
                    reasons_add(&fails,
                                "HTTPS web management uses filter '%s', which is not defined",
                                s->acl_name);
                else if (any)
                    reasons_add(&fails, "HTTPS web management is open to any source ('%s')",
                                s->acl_name);
                check_evidence_fact(ctx, r, &s->state.ev);
            }
        } else if (s->state.state == FACT_UNKNOWN) {
            reasons_add(&unknowns, "%s: %s", s->name, fact_why(ctx, &s->state));
            check_evidence_fact(ctx, r, &s->state.ev);
        } else {
            check_evidence_fact(ctx, r, &s->state.ev);
        }
    }
    if (!fails.n && https_on && ctx->profile->has_webui_allowed && !ctx->profile->webui_allowed)
        reasons_add(&fails, "the HTTPS web UI is on and policy.webui_allowed is false");
    if (fails.n) {
        reasons_done(ctx, &unknowns);
        check_set(ctx, r, VERDICT_FAIL, "%s", reasons_done(ctx, &fails));
    } else if (unknowns.n) {
        reasons_done(ctx, &fails);
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell whether web management is on: %s",
                  reasons_done(ctx, &unknowns));
    } else if (https_on && !ctx->profile->has_webui_allowed) {
        /* checks.md: the HTTPS UI is allowed only if required (POLICY.webui_allowed) */
        reasons_done(ctx, &fails);
        reasons_done(ctx, &unknowns);
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "a filtered HTTPS web UI is on; needs policy.webui_allowed in the profile to "
                  "say whether it is required");
    } else if (seen == 0 && m->dialect == DIALECT_NOKIA_SROS) {
        reasons_done(ctx, &fails);
        reasons_done(ctx, &unknowns);
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "SR OS routers have no embedded web management server (gRPC and NETCONF are "
                  "judged by MGMT-API-TRANSPORT)");
    } else if (seen == 0 &&
               (m->dialect == DIALECT_CISCO_IOSXR || m->dialect == DIALECT_ARISTA_EOS)) {
        reasons_done(ctx, &fails);
        reasons_done(ctx, &unknowns);
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "%s has no classic web management interface (its HTTP-based APIs are judged "
                  "by MGMT-API-TRANSPORT)",
                  dialect_name(m->dialect));
    } else if (seen == 0 && !web_default_off(m->dialect)) {
        reasons_done(ctx, &fails);
        reasons_done(ctx, &unknowns);
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "the configuration does not say whether the web server is on, and its "
                  "factory default differs by image (check the running state)");
    } else {
        reasons_done(ctx, &fails);
        reasons_done(ctx, &unknowns);
        check_set(ctx, r, VERDICT_PASS, "%s",
                  on     ? "no cleartext web management; any HTTPS interface is filtered"
                  : seen ? "the web management servers are off"
                         : "no web management server is configured");
    }
}

/* ---------------------------------------------------- MGMT-SMART-INSTALL */

static void eval_smart_install(const struct check_ctx *ctx, struct check_result *r)
{
    const struct fact_bool *f = &ctx->model->legacy.smart_install;
    if (ctx->model->dialect != DIALECT_CISCO_IOS) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "Smart Install exists only on Cisco IOS/IOS-XE");
        return;
    }
    if (f->state == FACT_OFF && f->is_default) {
        /* the extractor found no Smart Install client on this device */
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "no Smart Install client here: %s",
                  fact_why(ctx, f));
        return;
    }
    judge_fact(ctx, r, f, FACT_ON, "Smart Install (vstack) is enabled",
               "Smart Install (vstack) is disabled", "Smart Install (vstack) is enabled");
}

/* ------------------------------------------- MGMT-ONBOX-SHELL / scripts */

/* What an unapproved item can do, for the message. */
static const char *onbox_why(const struct onbox_item *o)
{
    if (ONBOX_HAS(o, ONBOXP_LINUX_SHELL))
        return " (a Linux shell on the device, outside the CLI's command authorisation and "
               "accounting)";
    return o->risky ? " (changes config, clears logs or copies files out)" : "";
}

/* Judge on-box items of one class against approved.onbox_apps. */
static void judge_onbox(const struct check_ctx *ctx, struct check_result *r, bool shells,
                        const char *what)
{
    const struct device_model *m = ctx->model;
    const struct profile *pr = ctx->profile;
    struct reasons bad;
    size_t found = 0;
    reasons_init(&bad);
    for (size_t i = 0; i < m->nonbox; i++) {
        const struct onbox_item *o = &m->onbox[i];
        if (ONBOX_HAS(o, ONBOXP_HOSTED) != shells)
            continue;
        found++;
        if (pr->onbox_apps.present && sset_contains(&pr->onbox_apps, o->name))
            continue;
        reasons_add(&bad, "%s '%s'%s", o->kind ? o->kind : "item", o->name ? o->name : "",
                    onbox_why(o));
        ev_node(ctx, r, o->node);
    }
    if (found == 0) {
        reasons_done(ctx, &bad);
        check_set(ctx, r, VERDICT_PASS, "no %s configured", what);
        return;
    }
    if (!bad.n) {
        reasons_done(ctx, &bad);
        for (size_t i = 0; i < m->nonbox; i++)
            if (ONBOX_HAS(&m->onbox[i], ONBOXP_HOSTED) == shells)
                ev_node(ctx, r, m->onbox[i].node);
        check_set(ctx, r, VERDICT_PASS, "all %zu %s are in approved.onbox_apps", found, what);
        return;
    }
    if (!pr->onbox_apps.present) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "needs approved.onbox_apps in the profile to judge: %s", reasons_done(ctx, &bad));
        return;
    }
    check_set(ctx, r, VERDICT_FAIL, "not in approved.onbox_apps: %s", reasons_done(ctx, &bad));
}

static void eval_onbox_shell(const struct check_ctx *ctx, struct check_result *r)
{
    judge_onbox(ctx, r, true, "on-box shells or hosted applications");
    if (r->verdict != VERDICT_PASS)
        return;
    if (ctx->model->dialect == DIALECT_CISCO_IOSXR && strncmp(r->message, "no ", 3) != 0) {
        /* approved hosted apps say nothing of the host shell (checks.md: op-only) */
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "the hosted applications are approved, but the IOS XR host shell (its sshd "
                  "and Linux users) is not in the running configuration (op: run the host 'ps' "
                  "and check the third-party sshd)");
        return;
    }
    if (strncmp(r->message, "no ", 3) != 0)
        return;
    /* nothing configured: what that means depends on the platform */
    enum dialect d = ctx->model->dialect;
    if (d == DIALECT_CISCO_ASA || d == DIALECT_FORTINET_FORTIOS)
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "%s offers no on-box Linux shell or application hosting", dialect_name(d));
    else if (d == DIALECT_CISCO_IOSXR)
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "the IOS XR host shell (its sshd and Linux users) is not in the running "
                  "configuration: 'show running-config' cannot show it (op: run the host "
                  "'ps' and check the third-party sshd)");
}

void check_eval_onbox_scripts(const struct check_ctx *ctx, struct check_result *r)
{
    judge_onbox(ctx, r, false, "on-box scripts or schedulers");
}

/* -------------------------------------------------- MGMT-NONSTD-LISTENERS */

/* Standard port of a management service, -1 if it has none of its own. */
static bool port_approved(const struct profile *pr, long port)
{
    for (size_t i = 0; i < pr->nmgmt_ports; i++)
        if (pr->mgmt_ports[i] == port)
            return true;
    return false;
}

/*
 * A listener is expected on its service's standard port or on a port in
 * approved.mgmt_ports. Services left on their standard port are judged by
 * their own checks (MGMT-TELNET, MGMT-WEB, MGMT-API-TRANSPORT...); this one
 * looks for listeners moved elsewhere, a known way to hide a back door.
 */
static void judge_listener(const struct check_ctx *ctx, struct check_result *r, const char *name,
                           long port, long std, const struct fact_lines *ev, struct reasons *bad,
                           struct reasons *nonstd)
{
    const struct profile *pr = ctx->profile;
    if (port <= 0 || port == std)
        return;
    /* HTTP-based services are standard on either web port. */
    if ((std == 80 || std == 443) && (port == 80 || port == 443))
        return;
    if (pr->has_mgmt_ports && port_approved(pr, port))
        return;
    reasons_add(pr->has_mgmt_ports ? bad : nonstd, "%s on port %ld", name, port);
    check_evidence_fact(ctx, r, ev);
}

/* IOS XR: the telnet server and the HTTP server of the XML agents are
 * listeners to approve even on their standard ports (checks.md XR: "any
 * grpc port, telnet ... server not approved"). */
static bool xr_port_listed(const struct device_model *m, const struct mgmt_service *s)
{
    return m->dialect == DIALECT_CISCO_IOSXR && (s->kind == SVC_TELNET || s->kind == SVC_XR_HTTP);
}

static void eval_nonstd_listeners(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    struct reasons bad, nonstd;
    reasons_init(&bad);
    reasons_init(&nonstd);

    if (m->ssh.enabled.state != FACT_OFF)
        judge_listener(ctx, r, "SSH", m->ssh.port, 22, &m->ssh.ev, &bad, &nonstd);
    for (size_t i = 0; i < m->nservices; i++) {
        const struct mgmt_service *s = &m->services[i];
        if (s->state.state == FACT_ON && xr_port_listed(m, s)) {
            long port = s->port > 0 ? s->port : svc_info(s->kind)->default_port;
            judge_listener(ctx, r, s->name, port, -1, &s->state.ev, &bad, &nonstd);
            continue;
        }
        if (s->state.state != FACT_ON || s->port <= 0)
            continue;
        judge_listener(ctx, r, s->name ? s->name : "service", s->port,
                       svc_info(s->kind)->default_port, &s->state.ev, &bad, &nonstd);
    }
    if (bad.n) {
        reasons_done(ctx, &nonstd);
        check_set(ctx, r, VERDICT_FAIL,
                  "management listeners on ports not in approved.mgmt_ports: %s",
                  reasons_done(ctx, &bad));
    } else if (nonstd.n) {
        reasons_done(ctx, &bad);
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "needs approved.mgmt_ports in the profile to judge non-standard ports: %s",
                  reasons_done(ctx, &nonstd));
    } else {
        reasons_done(ctx, &bad);
        reasons_done(ctx, &nonstd);
        if (m->ssh.port < 0 && m->ssh.enabled.state == FACT_ON) {
            check_set(ctx, r, VERDICT_UNKNOWN, "the SSH port is not known");
            return;
        }
        check_set(ctx, r, VERDICT_PASS,
                  "every management listener is on its standard port or an approved one");
    }
}

/* ---------------------------------------------------- MGMT-API-TRANSPORT */

static void eval_api_transport(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    struct reasons fails, unknowns;
    size_t on = 0;
    reasons_init(&fails);
    reasons_init(&unknowns);
    for (size_t i = 0; i < m->nservices; i++) {
        const struct mgmt_service *s = &m->services[i];
        if (!SVC_HAS(s, SVCP_API))
            continue;
        if (s->state.state == FACT_ON) {
            on++;
            check_evidence_fact(ctx, r, &s->state.ev);
            if (s->cleartext)
                reasons_add(&fails, "%s runs without encryption", s->name);
        } else if (s->state.state == FACT_UNKNOWN) {
            reasons_add(&unknowns, "%s: %s", s->name, fact_why(ctx, &s->state));
            check_evidence_fact(ctx, r, &s->state.ev);
        }
    }
    if (fails.n) {
        reasons_done(ctx, &unknowns);
        check_set(ctx, r, VERDICT_FAIL, "programmable interface over a cleartext transport: %s",
                  reasons_done(ctx, &fails));
    } else if (unknowns.n) {
        reasons_done(ctx, &fails);
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell the API transport: %s",
                  reasons_done(ctx, &unknowns));
    } else if (on == 0) {
        reasons_done(ctx, &fails);
        reasons_done(ctx, &unknowns);
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "no programmable management interface is enabled");
    } else {
        reasons_done(ctx, &fails);
        reasons_done(ctx, &unknowns);
        check_set(ctx, r, VERDICT_PASS,
                  "every enabled programmable interface (%zu) uses an encrypted transport", on);
    }
}

/* ------------------------------------------------ MGMT-EXTERNAL-EXPOSURE */

/* Interfaces whose description marks them external (profile regex). */
size_t external_interfaces(const struct check_ctx *ctx, const struct interface ***out)
{
    const struct device_model *m = ctx->model;
    const struct interface **v = arena_alloc(ctx->arena, (m->ninterfaces + 1) * sizeof(*v));
    size_t n = 0;
    for (size_t i = 0; i < m->ninterfaces; i++) {
        const struct interface *it = &m->interfaces[i];
        if (!it->description || it->shutdown)
            continue;
        if (cfg_regex_match(ctx->profile->external_description, sv_from_cstr(it->description), NULL,
                            0))
            v[n++] = it;
    }
    *out = v;
    return n;
}

/*
 * Junos SRX security zones whose name says they face outside. "untrust" is
 * the zone the SRX factory configuration points at the internet and the one
 * checks.md's SRX FAIL pattern names (`security-zone <untrust>`); the labelled
 * set's rulings take it as external. The others say the same in plain words.
 */
static bool zone_external_name(const char *name)
{
    static const char *const names[] = {"untrust", "outside", "external", "internet"};
    for (size_t i = 0; i < ARRAY_SIZE(names); i++)
        if (name && strcasecmp(name, names[i]) == 0)
            return true;
    return false;
}

/* The configured interface of a zone member ("ge-0/0/0.0" is on "ge-0/0/0"). */
static const struct interface *member_interface(const struct device_model *m, const char *member)
{
    size_t n = strcspn(member, ".");
    for (size_t i = 0; i < m->ninterfaces; i++) {
        const char *nm = m->interfaces[i].name;
        if (nm && strlen(nm) == n && strncmp(nm, member, n) == 0)
            return &m->interfaces[i];
    }
    return NULL;
}

static bool in_a_zone(const struct device_model *m, const struct interface *it)
{
    for (size_t i = 0; i < m->nzones; i++)
        for (size_t j = 0; j < m->zones[i].nmembers; j++)
            if (member_interface(m, m->zones[i].members[j].name) == it)
                return true;
    return false;
}

/* External members of security zones, sorted by what reaches the device. */
struct zone_exposure {
    struct reasons open, shut, unknown;
    const struct cfg_node **ev; /* evidence of the open members */
    size_t nev;
    const struct cfg_node **shut_ev; /* evidence of the shielded ones */
    size_t nshut_ev;
};

/*
 * One external zone member. Traffic to the device that the zone's (or the
 * interface's) host-inbound-traffic does not list is dropped by default
 * (Juniper, "Understanding How to Control Inbound Traffic Based on Traffic
 * Types", SRX zones); an active policy to junos-host is checked on top.
 */
static void zone_member_judge(const struct check_ctx *ctx, const struct security_zone *z,
                              const struct zone_member *mb, struct zone_exposure *zx)
{
    const struct fact_bool *d = &z->self_denied;
    if (!mb->admitted) {
        reasons_add(&zx->shut,
                    "%s in zone %s (its host-inbound-traffic admits no management service running "
                    "there, and the SRX drops other traffic to itself by default)",
                    mb->name, z->name);
        zx->shut_ev[zx->nshut_ev++] = mb->node;
    } else if (d->state == FACT_ON) {
        reasons_add(&zx->shut,
                    "%s in zone %s (host-inbound-traffic admits %s, but an active "
                    "policy from %s to junos-host denies all traffic to the device)",
                    mb->name, z->name, mb->admitted, z->name);
        zx->shut_ev[zx->nshut_ev++] = mb->node;
        zx->shut_ev[zx->nshut_ev++] = mb->admit_node;
        for (size_t k = 0; k < d->ev.n; k++)
            zx->shut_ev[zx->nshut_ev++] = d->ev.nodes[k];
    } else if (d->state == FACT_UNKNOWN) {
        reasons_add(&zx->unknown, "%s in zone %s admits %s: %s", mb->name, z->name, mb->admitted,
                    fact_why(ctx, d));
    } else {
        reasons_add(&zx->open, "%s in zone %s, whose host-inbound-traffic admits %s", mb->name,
                    z->name, mb->admitted);
        zx->ev[zx->nev++] = mb->node;
        zx->ev[zx->nev++] = mb->admit_node;
    }
}

/* Zone members that are external: in a zone named so, or described so. */
static void judge_zones(const struct check_ctx *ctx, struct zone_exposure *zx)
{
    const struct device_model *m = ctx->model;
    size_t cap = 2;
    for (size_t i = 0; i < m->nzones; i++)
        cap += m->zones[i].nmembers * (4 + m->zones[i].self_denied.ev.n);
    zx->ev = arena_alloc(ctx->arena, cap * sizeof(*zx->ev));
    zx->shut_ev = arena_alloc(ctx->arena, cap * sizeof(*zx->shut_ev));
    for (size_t i = 0; i < m->nzones; i++) {
        const struct security_zone *z = &m->zones[i];
        for (size_t j = 0; j < z->nmembers; j++) {
            const struct interface *it = member_interface(m, z->members[j].name);
            if (!it || it->shutdown)
                continue;
            bool described =
                it->description && cfg_regex_match(ctx->profile->external_description,
                                                   sv_from_cstr(it->description), NULL, 0);
            if (zone_external_name(z->name) || described)
                zone_member_judge(ctx, z, &z->members[j], zx);
        }
    }
}

/* No described interface outside the zones and no open zone member. */
static void exposure_by_zones(const struct check_ctx *ctx, struct check_result *r,
                              struct zone_exposure *zx)
{
    if (zx->unknown.n) {
        reasons_done(ctx, &zx->shut);
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "cannot tell whether management reaches the device from the external "
                  "security zones: %s",
                  reasons_done(ctx, &zx->unknown));
    } else if (zx->shut.n) {
        reasons_done(ctx, &zx->unknown);
        for (size_t i = 0; i < zx->nshut_ev; i++)
            ev_node(ctx, r, zx->shut_ev[i]);
        check_set(ctx, r, VERDICT_PASS,
                  "no management service reaches the device from an external interface: %s",
                  reasons_done(ctx, &zx->shut));
    } else {
        reasons_done(ctx, &zx->unknown);
        reasons_done(ctx, &zx->shut);
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "no active interface has a description matching "
                  "interfaces.external_description%s",
                  ctx->model->nzones ? " or sits in an external security zone" : "");
    }
}

/* Are the management paths open to any source? Fails or passes on the
 * external interfaces ext (described ones outside any zone) and the open
 * zone members. */
static void exposure_by_paths(const struct check_ctx *ctx, struct check_result *r,
                              const struct interface **ext, size_t next, struct zone_exposure *zx)
{
    size_t nzone = zx->open.n;
    struct access_path *p;
    size_t n = collect_paths(ctx, &p);
    const char *zones = reasons_done(ctx, &zx->open);
    if (n == 0) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "the model lists no management access paths, so exposure on %zu external "
                  "interfaces cannot be judged",
                  next + nzone);
        return;
    }
    struct reasons open_paths;
    reasons_init(&open_paths);
    unsigned unresolved = 0;
    for (size_t i = 0; i < n; i++) {
        bool open = !p[i].acl_name || p[i].undefined;
        for (size_t j = 0; !open && p[i].acl && j < p[i].acl->n; j++) {
            const struct acl_entry *e = &p[i].acl->entries[j];
            if (!e->permit || e->not_mgmt)
                continue;
            if (e->src_any)
                open = true;
            else if (e->unresolved || !e->src.af)
                unresolved++;
        }
        if (open) {
            reasons_add(&open_paths, "%s", p[i].label);
            ev_node(ctx, r, p[i].node);
        }
    }
    if (open_paths.n) {
        for (size_t j = 0; j < next; j++)
            ev_node(ctx, r, ext[j]->node);
        for (size_t j = 0; j < zx->nev; j++)
            ev_node(ctx, r, zx->ev[j]);
        if (nzone)
            check_set(ctx, r, VERDICT_FAIL,
                      "management reachable from any source on %zu external interfaces (%s%s%s), "
                      "with no active policy to junos-host that denies it, via: %s",
                      next + nzone, zones, next ? "; also " : "",
                      next ? (ext[0]->name ? ext[0]->name : "?") : "",
                      reasons_done(ctx, &open_paths));
        else
            check_set(ctx, r, VERDICT_FAIL,
                      "management reachable from any source, including %zu external interfaces "
                      "(first: %s), via: %s",
                      next, ext[0]->name ? ext[0]->name : "?", reasons_done(ctx, &open_paths));
        return;
    }
    reasons_done(ctx, &open_paths);
    if (unresolved) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "%u management filter entries could not be resolved to sources", unresolved);
        return;
    }
    check_set(ctx, r, VERDICT_PASS,
              "every management path is limited to listed sources, so the %zu external "
              "interfaces cannot reach it",
              next + nzone);
}

static void eval_external_exposure(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    if (!ctx->profile->external_description) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "needs interfaces.external_description in the profile");
        return;
    }
    const struct interface **ext;
    size_t next = external_interfaces(ctx, &ext), kept = 0;
    /* on an SRX the zone of an interface decides what reaches the device */
    for (size_t i = 0; i < next; i++)
        if (!m->nzones || !in_a_zone(m, ext[i]))
            ext[kept++] = ext[i];
    struct zone_exposure zx = {0};
    reasons_init(&zx.open);
    reasons_init(&zx.shut);
    reasons_init(&zx.unknown);
    judge_zones(ctx, &zx);
    if (kept == 0 && zx.open.n == 0) {
        reasons_done(ctx, &zx.open);
        exposure_by_zones(ctx, r, &zx);
        return;
    }
    reasons_done(ctx, &zx.shut);
    reasons_done(ctx, &zx.unknown);
    exposure_by_paths(ctx, r, ext, kept, &zx);
}

/* --------------------------------------------------------- MGMT-DISCOVERY */

/* External interfaces on which CDP/LLDP is not known to be off: named in rs,
 * with their lines as evidence. */
static void discovery_on_external(const struct check_ctx *ctx, struct check_result *r,
                                  const struct interface **ext, size_t next, struct reasons *rs)
{
    for (size_t i = 0; i < next; i++) {
        /* Without a per-interface statement the global setting applies. */
        if (ext[i]->discovery.state != FACT_OFF) {
            reasons_add(rs, "%s", ext[i]->name ? ext[i]->name : "?");
            ev_node(ctx, r, ext[i]->node);
            check_evidence_fact(ctx, r, &ext[i]->discovery.ev);
        }
    }
}

static void eval_discovery(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    const struct fact_bool *g = &m->legacy.discovery;
    check_evidence_fact(ctx, r, &g->ev);
    if (m->dialect == DIALECT_CISCO_ASA) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "the ASA has no CDP or LLDP");
        return;
    }
    if (g->state == FACT_OFF) {
        check_set(ctx, r, VERDICT_PASS, "CDP/LLDP are off globally%s",
                  g->is_default ? " (platform default)" : "");
        return;
    }
    if (!ctx->profile->external_description) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "CDP/LLDP %s; needs interfaces.external_description in the profile to tell "
                  "which interfaces face outside",
                  g->state == FACT_ON ? "run globally" : "may run");
        return;
    }
    const struct interface **ext;
    size_t next = external_interfaces(ctx, &ext);
    if (next == 0) {
        /* What remains to judge is per external interface, and there is none. */
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "CDP/LLDP %s, but no interface is marked external",
                  g->state == FACT_ON ? "run" : "may run");
        return;
    }
    struct reasons rs;
    reasons_init(&rs);
    discovery_on_external(ctx, r, ext, next, &rs);
    if (rs.n && g->state == FACT_UNKNOWN) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "cannot tell whether CDP/LLDP run on the external interfaces (%s): %s",
                  reasons_done(ctx, &rs), fact_why(ctx, g));
    } else if (rs.n) {
        check_set(ctx, r, VERDICT_FAIL,
                  "CDP/LLDP run globally and are not disabled on external interfaces: %s",
                  reasons_done(ctx, &rs));
    } else {
        reasons_done(ctx, &rs);
        check_set(ctx, r, VERDICT_PASS, "CDP/LLDP are disabled on every external interface (%zu)",
                  next);
    }
}

/* --------------------------------------------------------- MGMT-FILE-XFER */

static bool cleartext_scheme(const char *scheme)
{
    static const char *const x[] = {"ftp", "tftp", "http", "rcp"};
    for (size_t i = 0; scheme && i < ARRAY_SIZE(x); i++)
        if (!strcmp(scheme, x[i]))
            return true;
    return false;
}

/* The device's own transfers over cleartext protocols: configuration archives
 * and boot images fetched over FTP/TFTP/HTTP/RCP (checks.md: IOS `archive path
 * ftp:`, `boot system tftp`, Junos `archive-sites "ftp://..."`). */
static void cleartext_transfers(const struct check_ctx *ctx, struct check_result *r,
                                struct reasons *fails)
{
    const struct software_facts *sw = &ctx->model->software;
    for (size_t i = 0; i < sw->narchives; i++) {
        const struct config_archive *a = &sw->archives[i];
        if (!a->remote || !cleartext_scheme(a->scheme))
            continue;
        reasons_add(fails, "the configuration is archived over %s%s%s", a->scheme,
                    a->host ? " to " : "", a->host ? a->host : "");
        ev_node(ctx, r, a->node);
    }
    for (size_t i = 0; i < sw->nboots; i++) {
        const struct boot_image *b = &sw->boots[i];
        if (!b->remote || !cleartext_scheme(b->scheme))
            continue;
        reasons_add(fails, "the boot image is fetched over %s", b->scheme);
        ev_node(ctx, r, b->node);
    }
}

static void eval_file_xfer(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    struct reasons fails, unknowns;
    reasons_init(&fails);
    reasons_init(&unknowns);
    cleartext_transfers(ctx, r, &fails);
    for (size_t i = 0; i < m->nservices; i++) {
        const struct mgmt_service *s = &m->services[i];
        if (!SVC_HAS(s, SVCP_FILE_XFER))
            continue;
        if (s->state.state == FACT_ON) {
            reasons_add(&fails, "%s is enabled", s->name);
            check_evidence_fact(ctx, r, &s->state.ev);
        } else if (s->state.state == FACT_UNKNOWN) {
            reasons_add(&unknowns, "%s: %s", s->name, fact_why(ctx, &s->state));
        }
    }
    if (fails.n) {
        reasons_done(ctx, &unknowns);
        check_set(ctx, r, VERDICT_FAIL, "cleartext file transfer: %s", reasons_done(ctx, &fails));
    } else if (unknowns.n) {
        reasons_done(ctx, &fails);
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell: %s", reasons_done(ctx, &unknowns));
    } else {
        reasons_done(ctx, &fails);
        reasons_done(ctx, &unknowns);
        check_set(ctx, r, VERDICT_PASS,
                  "no cleartext file-transfer service is enabled and "
                  "nothing is archived or booted over one");
    }
}

/* ------------------------------------------------------------------ table */

static const struct check_def defs[] = {
    {
        .id = "MGMT-TELNET",
        .source = "builtin",
        .title = "Telnet (cleartext CLI) disabled",
        .category = "Management plane access",
        .severity = SEV_HIGH,
        .rationale = "Telnet carries passwords and whole sessions in clear text; anyone on the "
                     "path can read or hijack them. Only SSH should reach the CLI.",
        .measures = MEASURES("M2.03", "M2.04", "M8.06", "M11.32", "M10.48"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Disable the telnet server and allow only SSH on every "
                                    "remote-access line.",
                [DIALECT_CISCO_IOS] = "line vty 0 15\n transport input ssh",
                [DIALECT_CISCO_NXOS] = "no feature telnet",
                [DIALECT_CISCO_IOSXR] = "no telnet vrf default ipv4 server\nline default\n "
                                        "transport input ssh",
                [DIALECT_CISCO_ASA] = "no telnet 0.0.0.0 0.0.0.0 <interface>  (use ssh "
                                      "<prefix> <interface> instead)",
                [DIALECT_ARISTA_EOS] = "management telnet\n shutdown",
                [DIALECT_JUNIPER_JUNOS] = "delete system services telnet",
                [DIALECT_NOKIA_SROS] = "configure system security no telnet-server  (MD-CLI: "
                                       "/configure system security telnet-server false)",
                [DIALECT_HUAWEI_VRP] = "undo telnet server enable\nuser-interface vty 0 4\n "
                                       "protocol inbound ssh",
            },
        .eval = eval_telnet,
    },
    {
        .id = "MGMT-SSH-V2",
        .source = "builtin",
        .title = "SSH protocol version 2 only",
        .category = "Management plane access",
        .severity = SEV_HIGH,
        .rationale = "SSH version 1 has broken key exchange and integrity protection; a "
                     "server that still offers it can be downgraded.",
        .measures = MEASURES("M2.03", "M11.32", "M11.34"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Configure the SSH server to accept protocol version 2 "
                                    "only.",
                [DIALECT_CISCO_IOS] = "ip ssh version 2",
                [DIALECT_CISCO_IOSXR] = "ssh server v2",
                [DIALECT_CISCO_ASA] = "ssh version 2",
                [DIALECT_JUNIPER_JUNOS] = "set system services ssh protocol-version v2",
                [DIALECT_NOKIA_SROS] = "configure system security ssh version 2",
                [DIALECT_HUAWEI_VRP] = "undo ssh server compatible-ssh1x enable",
            },
        .eval = eval_ssh_v2,
    },
    {
        .id = "MGMT-ACCESS-ACL",
        .source = "builtin",
        .title = "Every management service has a source restriction",
        .category = "Management plane access",
        .severity = SEV_HIGH,
        .rationale = "A management service without a source filter answers the whole network; "
                     "filters keep the management plane reachable only from where it is "
                     "administered.",
        .measures = MEASURES("M11.14", "M11.18", "M9.03"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Bind a source filter (ACL) to every management line and "
                                    "service.",
                [DIALECT_CISCO_IOS] = "ip access-list standard MGMT\n permit <paw-prefix> "
                                      "<wildcard>\n deny any log\nline vty 0 15\n access-class "
                                      "MGMT in",
                [DIALECT_CISCO_NXOS] = "line vty\n access-class MGMT in\ninterface mgmt0\n ip "
                                       "access-group MGMT in",
                [DIALECT_CISCO_IOSXR] = "control-plane management-plane out-of-band interface "
                                        "<mgmt-if> allow SSH peer address ipv4 <paw-prefix>",
                [DIALECT_CISCO_ASA] = "ssh <paw-prefix> <mask> <mgmt-interface>  (and remove "
                                      "broader ssh/http/telnet entries)",
                [DIALECT_ARISTA_EOS] = "management ssh\n ip access-group MGMT in",
                [DIALECT_JUNIPER_JUNOS] = "set interfaces lo0 unit 0 family inet filter input "
                                          "PROTECT-RE  (terms accept management from a "
                                          "prefix-list, final term discard)",
                [DIALECT_NOKIA_SROS] = "configure system security management-access-filter "
                                       "ip-filter default-action deny; entry N match src-ip "
                                       "<paw-prefix> action permit",
                [DIALECT_HUAWEI_VRP] = "acl number 2000\n rule permit source <paw-prefix> "
                                       "<wildcard>\nuser-interface vty 0 4\n acl 2000 inbound",
            },
        .eval = eval_access_acl,
    },
    {
        .id = "MGMT-PAW-SOURCES",
        .source = "builtin",
        .title = "Management allow-lists only contain approved PAW / jump-host / EMS ranges",
        .category = "Management plane access",
        .severity = SEV_HIGH,
        .rationale = "Privileged access must come from Privileged Access Workstations and "
                     "management networks, never from corporate or user ranges; attackers add "
                     "their own addresses to management filters, so the content of every "
                     "allow-list matters, not only its presence.",
        .measures = MEASURES("M11.14", "M11.15", "M11.18", "M15.07", "M10.22", "M11.24", "M11.25",
                             "M11.26", "M11.27", "M11.28", "M11.29", "M11.30", "M11.31"),
        .context = "networks.paw, networks.management, networks.corporate",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Replace every management filter entry outside the PAW and "
                                    "management ranges (and any 'permit any') with entries for "
                                    "the approved ranges only, ending in an explicit deny.",
                [DIALECT_CISCO_IOS] = "ip access-list standard MGMT\n no <offending entry>\n "
                                      "permit <paw-prefix> <wildcard>\n deny any log",
                [DIALECT_CISCO_NXOS] = "ip access-list MGMT\n no <seq>\n permit ip "
                                       "<paw-prefix> any\n deny ip any any log",
                [DIALECT_CISCO_IOSXR] = "ipv4 access-list MGMT\n no <seq>\n permit ipv4 "
                                        "<paw-prefix> any\n deny ipv4 any any log",
                [DIALECT_CISCO_ASA] = "no ssh <offending-prefix> <mask> <interface>\nssh "
                                      "<paw-prefix> <mask> <mgmt-interface>",
                [DIALECT_ARISTA_EOS] = "ip access-list MGMT\n no <seq>\n permit ip "
                                       "<paw-prefix> any\n deny ip any any log",
                [DIALECT_JUNIPER_JUNOS] = "set policy-options prefix-list PAW <paw-prefix>  "
                                          "(remove other prefixes from the lists the lo0 "
                                          "filter accepts)",
                [DIALECT_NOKIA_SROS] = "configure system security management-access-filter "
                                       "ip-filter entry N match src-ip <paw-prefix>  (remove "
                                       "entries for other sources)",
                [DIALECT_HUAWEI_VRP] = "acl number <n>\n undo rule <id>\n rule permit source "
                                       "<paw-prefix> <wildcard>",
            },
        .eval = eval_paw_sources,
    },
    {
        .id = "MGMT-OUTBOUND",
        .source = "builtin",
        .title = "Device cannot be used as a jump host (outbound sessions disabled)",
        .category = "Management plane access",
        .severity = SEV_MEDIUM,
        .rationale = "A device that can open SSH or telnet sessions to other devices lets an "
                     "intruder hop across the estate; management connections should only come "
                     "from management systems.",
        .measures = MEASURES("M11.16", "M11.18"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Disable outbound sessions from device lines, or deny the "
                                    "ssh/telnet commands by command authorisation.",
                [DIALECT_CISCO_IOS] = "line vty 0 15\n transport output none\nline con 0\n "
                                      "transport output none",
                [DIALECT_CISCO_IOSXR] = "line default\n transport output none",
                [DIALECT_CISCO_NXOS] = "role name OPERATOR\n rule 1 deny command ssh *\n rule 2 "
                                       "deny command telnet *",
                [DIALECT_ARISTA_EOS] = "role OPERATOR\n 10 deny mode exec command "
                                       "ssh|telnet|bash",
                [DIALECT_JUNIPER_JUNOS] = "set system login class OPERATOR deny-commands "
                                          "\"^(ssh|telnet|start shell)\"",
                [DIALECT_NOKIA_SROS] = "configure system security profile OPERATOR entry 10 "
                                       "match \"ssh\" action deny\nconfigure system security "
                                       "profile OPERATOR entry 20 match \"telnet\" action deny",
                [DIALECT_HUAWEI_VRP] = "command-privilege level 4 view user telnet\n"
                                       "command-privilege level 4 view user stelnet",
                [DIALECT_FORTINET_FORTIOS] = "config system accprofile\n    edit OPERATOR\n"
                                             "        set system-execute-ssh disable\n"
                                             "        set system-execute-telnet disable\n"
                                             "    next\nend",
            },
        .eval = eval_outbound,
    },
    {
        .id = "MGMT-IDLE-TIMEOUT",
        .source = "builtin",
        .title = "Idle management sessions time out",
        .category = "Management plane access",
        .severity = SEV_MEDIUM,
        .rationale = "An unattended logged-in session is an open door; every console and "
                     "remote session should close itself after the policy's idle time.",
        .measures = MEASURES("M11.13", "M10.49"),
        .context = "policy.idle_timeout_minutes",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Set an idle timeout no longer than the policy on console "
                                    "and remote sessions.",
                [DIALECT_CISCO_IOS] = "line con 0\n exec-timeout 10 0\nline vty 0 15\n "
                                      "exec-timeout 10 0",
                [DIALECT_CISCO_NXOS] = "line console\n exec-timeout 10\nline vty\n "
                                       "exec-timeout 10",
                [DIALECT_CISCO_IOSXR] = "line console\n exec-timeout 10 0\nline default\n "
                                        "exec-timeout 10 0",
                [DIALECT_CISCO_ASA] = "ssh timeout 10\nconsole timeout 10",
                [DIALECT_ARISTA_EOS] = "management ssh\n idle-timeout 10\nmanagement console\n "
                                       "idle-timeout 10",
                [DIALECT_JUNIPER_JUNOS] = "set system login class <class> idle-timeout 10",
                [DIALECT_NOKIA_SROS] = "configure system login-control idle-timeout 10",
                [DIALECT_HUAWEI_VRP] = "user-interface vty 0 4\n idle-timeout 10 0\n"
                                       "user-interface con 0\n idle-timeout 10 0",
            },
        .eval = eval_idle_timeout,
    },
    {
        .id = "MGMT-CONSOLE-AUX",
        .source = "builtin",
        .title = "Console authenticated, auxiliary/modem ports disabled",
        .category = "Management plane access",
        .severity = SEV_MEDIUM,
        .rationale = "Serial and modem ports bypass every network filter; an auxiliary port "
                     "left able to start a session is a classic back door.",
        .measures = MEASURES("M2.03", "M10.48"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Disable the auxiliary port and require AAA login on the "
                                    "console.",
                [DIALECT_CISCO_IOS] = "line aux 0\n no exec\n transport input none\n "
                                      "transport output none",
                [DIALECT_CISCO_IOSXR] = "line console\n login authentication default",
                [DIALECT_JUNIPER_JUNOS] = "set system ports auxiliary disable\nset system ports "
                                          "console insecure",
                [DIALECT_HUAWEI_VRP] = "user-interface con 0\n authentication-mode aaa",
            },
        .eval = eval_console_aux,
    },
    {
        .id = "MGMT-WEB",
        .source = "builtin",
        .title = "Cleartext web management off; HTTPS web UI off unless required and hardened",
        .category = "Management plane access",
        .severity = SEV_HIGH,
        .rationale = "Embedded web servers have been the entry point of mass exploitation of "
                     "network devices; HTTP sends credentials in clear, and an HTTPS interface "
                     "that is not needed is pure attack surface.",
        .measures = MEASURES("M2.03", "M2.04", "M8.06", "M11.32", "M9.04"),
        .context = "policy.webui_allowed",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Turn the HTTP server off; turn HTTPS off too unless it is "
                                    "needed, and then filter its sources.",
                [DIALECT_CISCO_IOS] = "no ip http server\nno ip http secure-server  (or, if "
                                      "needed: ip http access-class ipv4 MGMT)",
                [DIALECT_CISCO_NXOS] = "no nxapi http\nno feature nxapi  (if unused)",
                [DIALECT_CISCO_ASA] = "no http server enable  (or restrict: http <paw-prefix> "
                                      "<mask> <mgmt-interface>)",
                [DIALECT_ARISTA_EOS] = "management api http-commands\n no protocol http",
                [DIALECT_JUNIPER_JUNOS] = "delete system services web-management http\ndelete "
                                          "system services web-management https  (if unused)",
                [DIALECT_HUAWEI_VRP] = "undo http server enable\nundo http secure-server enable",
            },
        .eval = eval_web,
    },
    {
        .id = "MGMT-SMART-INSTALL",
        .source = "builtin",
        .title = "Cisco Smart Install (vstack) disabled",
        .category = "Management plane access",
        .severity = SEV_HIGH,
        .rationale = "Smart Install is an unauthenticated provisioning protocol that lets "
                     "anyone who can reach TCP 4786 read or replace the configuration and "
                     "image.",
        .measures = MEASURES("M2.04", "M8.06", "M10.48"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Disable Smart Install.",
                [DIALECT_CISCO_IOS] = "no vstack",
            },
        .eval = eval_smart_install,
    },
    {
        .id = "MGMT-ONBOX-SHELL",
        .source = "builtin",
        .title = "On-box Linux shells / app hosting disabled unless approved",
        .category = "Management plane access",
        .severity = SEV_HIGH,
        .rationale = "Guest shells, bash access and hosted containers run outside the CLI's "
                     "accounting and have been used for stealthy persistence on routers.",
        .measures = MEASURES("M10.48", "M11.15", "M16.16"),
        .context = "approved.onbox_apps",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Remove on-box shells and hosted applications that are not "
                                    "in the approved list.",
                [DIALECT_CISCO_IOS] = "no app-hosting appid <name>\nno iox  (and 'guestshell "
                                      "destroy' in exec mode)",
                [DIALECT_CISCO_NXOS] = "no feature bash-shell",
                [DIALECT_CISCO_IOSXR] = "no app-hosting appid <name>",
                [DIALECT_ARISTA_EOS] = "no daemon <name>",
                [DIALECT_JUNIPER_JUNOS] = "delete system scripts language\ndelete system "
                                          "extensions",
                [DIALECT_NOKIA_SROS] = "configure system script-control no script-policy "
                                       "<name>",
                [DIALECT_HUAWEI_VRP] = "ops\n undo script-assistant python <name>",
            },
        .eval = eval_onbox_shell,
    },
    {
        .id = "MGMT-NONSTD-LISTENERS",
        .source = "builtin",
        .title = "No management listeners on unexpected ports",
        .category = "Management plane access",
        .severity = SEV_HIGH,
        .rationale = "SSH or API listeners moved to high or unusual ports escape port-based "
                     "monitoring and have been used to keep covert access.",
        .measures = MEASURES("M11.22", "M16.16"),
        .context = "approved.mgmt_ports",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Move management listeners back to approved ports and "
                                    "remove unexpected ones.",
                [DIALECT_CISCO_IOS] = "no ip ssh port <n> rotary <g>\nno ip http port <n>",
                [DIALECT_CISCO_NXOS] = "no nxapi https port <n>",
                [DIALECT_CISCO_IOSXR] = "no ssh server port <n>\ngrpc\n no port <n>",
                [DIALECT_ARISTA_EOS] = "management api http-commands\n no protocol https port "
                                       "<n>",
                [DIALECT_JUNIPER_JUNOS] = "delete system services ssh port\ndelete system "
                                          "services netconf ssh port",
                [DIALECT_NOKIA_SROS] = "configure system grpc no port  (remove non-standard "
                                       "port overrides)",
                [DIALECT_HUAWEI_VRP] = "undo ssh server port\nundo telnet server port",
            },
        .eval = eval_nonstd_listeners,
    },
    {
        .id = "MGMT-API-TRANSPORT",
        .source = "builtin",
        .title = "Programmable interfaces only over authenticated, encrypted transports",
        .category = "Management plane access (automation & APIs)",
        .severity = SEV_HIGH,
        .rationale = "NETCONF, RESTCONF, gNMI/gRPC and vendor APIs give full control of the "
                     "device; over a cleartext transport they leak credentials and "
                     "configurations.",
        .measures = MEASURES("M2.03", "M11.32", "M17.01"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Run every API over SSH or TLS only and remove cleartext "
                                    "listeners.",
                [DIALECT_CISCO_IOS] = "no gnxi server\ngnxi secure-server  (with a trustpoint); "
                                      "no ip http server (RESTCONF over HTTPS only)",
                [DIALECT_CISCO_NXOS] = "no nxapi http\nnxapi https port 443\nnxapi use-vrf "
                                       "management",
                [DIALECT_CISCO_IOSXR] = "no xml agent tty\nno xml agent\ngrpc\n tls  (remove "
                                        "no-tls)",
                [DIALECT_ARISTA_EOS] = "management api http-commands\n no protocol http\n "
                                       "protocol https",
                [DIALECT_JUNIPER_JUNOS] = "delete system services xnm-clear-text\ndelete system "
                                          "services rest http\ndelete system services "
                                          "extension-service request-response grpc clear-text",
                [DIALECT_NOKIA_SROS] = "configure system grpc no allow-unsecure-connection; "
                                       "tls-server-profile <profile>",
                [DIALECT_HUAWEI_VRP] = "Bind NETCONF/gRPC to SSH or an SSL policy and remove "
                                       "cleartext listeners.",
            },
        .eval = eval_api_transport,
    },
    {
        .id = "MGMT-EXTERNAL-EXPOSURE",
        .source = "builtin",
        .title = "No management service reachable on external/customer-facing interfaces",
        .category = "Management plane access",
        .severity = SEV_HIGH,
        .rationale = "Management services reachable from the internet or customer networks "
                     "are the first thing attackers scan for and exploit.",
        .measures = MEASURES("M1.01", "M1.02", "M11.22", "M9.03"),
        .context = "interfaces.external_description",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Filter every management path to the management ranges, "
                                    "or drop management ports inbound on external interfaces.",
                [DIALECT_CISCO_IOS] = "line vty 0 15\n access-class MGMT in  (and ip "
                                      "access-group EDGE-IN in on external interfaces)",
                [DIALECT_CISCO_IOSXR] = "control-plane management-plane inband interface "
                                        "<internal-if> allow SSH peer address ipv4 "
                                        "<paw-prefix>",
                [DIALECT_JUNIPER_JUNOS] = "set interfaces lo0 unit 0 family inet filter input "
                                          "PROTECT-RE\n(SRX) delete security zones security-zone "
                                          "untrust host-inbound-traffic system-services ssh",
                [DIALECT_NOKIA_SROS] = "configure system security management-access-filter "
                                       "ip-filter default-action deny",
                [DIALECT_HUAWEI_VRP] = "ssh server permit interface <internal-if>  (exclude "
                                       "external interfaces)",
            },
        .eval = eval_external_exposure,
    },
    {
        .id = "MGMT-DISCOVERY",
        .source = "builtin",
        .title = "CDP/LLDP disabled globally or on all external interfaces",
        .category = "Management plane access",
        .severity = SEV_MEDIUM,
        .rationale = "Discovery protocols tell any neighbour the platform, software version "
                     "and addressing of the device.",
        .measures = MEASURES("M2.04", "M10.48"),
        .context = "interfaces.external_description",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Disable CDP/LLDP globally, or on every external "
                                    "interface.",
                [DIALECT_CISCO_IOS] = "no cdp run\nno lldp run  (or per external interface: no "
                                      "cdp enable, no lldp transmit, no lldp receive)",
                [DIALECT_CISCO_NXOS] = "no cdp enable\nno feature lldp",
                [DIALECT_CISCO_IOSXR] = "no cdp\nno lldp  (or per interface: lldp transmit "
                                        "disable, lldp receive disable)",
                [DIALECT_ARISTA_EOS] = "no lldp run",
                [DIALECT_JUNIPER_JUNOS] = "set protocols lldp interface <external-if> disable",
                [DIALECT_NOKIA_SROS] = "configure port <external-port> ethernet lldp "
                                       "dest-mac nearest-bridge admin-status disabled",
                [DIALECT_HUAWEI_VRP] = "undo lldp enable  (or per external interface)",
            },
        .eval = eval_discovery,
    },
    {
        .id = "MGMT-FILE-XFER",
        .source = "builtin",
        .title = "Cleartext file-transfer services off; transfers use SCP/SFTP/HTTPS",
        .category = "Management plane access",
        .severity = SEV_MEDIUM,
        .rationale = "FTP, TFTP and r-commands move configurations and images without "
                     "authentication or encryption.",
        .measures = MEASURES("M2.03", "M2.04", "M8.06"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Disable FTP/TFTP/rcp servers; use SCP or SFTP.",
                [DIALECT_CISCO_IOS] = "no tftp-server <file>\nno ip rcmd rcp-enable\nno ip rcmd "
                                      "rsh-enable",
                [DIALECT_CISCO_NXOS] = "no feature tftp",
                [DIALECT_CISCO_IOSXR] = "no tftp vrf default ipv4 server\nno ftp vrf default "
                                        "ipv4 server",
                [DIALECT_ARISTA_EOS] = "Remove the TFTP/FTP server configuration.",
                [DIALECT_JUNIPER_JUNOS] = "delete system services ftp\ndelete system services "
                                          "tftp-server",
                [DIALECT_NOKIA_SROS] = "configure system security no ftp-server",
                [DIALECT_HUAWEI_VRP] = "undo ftp server enable\nundo tftp-server enable",
            },
        .eval = eval_file_xfer,
    },
};

const struct check_family checks_family_mgmt = {defs, ARRAY_SIZE(defs)};
