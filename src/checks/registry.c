/*
 * registry.c - the check registry: the built-in family tables in a fixed
 * order, user rules appended after them, verdict/severity names, the
 * helpers check functions use to record a verdict and its evidence, and
 * checks_run_device(), which runs every device-scope check on one device.
 */
#include "checks/checks_int.h"

#include <ctype.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>

/* Evidence kept per result; the rest is summarised in the message. */
#define CHECK_MAX_EVIDENCE 32
/* User rules beyond the built-ins. */
#define CHECK_MAX_USER 4096

/* ------------------------------------------------------------------ names */

static const char *const verdict_names[VERDICT_COUNT] = {
    "pass", "fail", "not_applicable", "unknown", "needs_context", "waived",
};

const char *verdict_name(enum verdict v)
{
    if ((unsigned)v >= VERDICT_COUNT)
        return "unknown";
    return verdict_names[v];
}

bool verdict_from_name(const char *s, enum verdict *out)
{
    for (int i = 0; s && i < VERDICT_COUNT; i++)
        if (!strcmp(s, verdict_names[i])) {
            *out = (enum verdict)i;
            return true;
        }
    return false;
}

static const char *const severity_names[SEV_COUNT] = {
    "info", "low", "medium", "high", "critical",
};

const char *severity_name(enum severity s)
{
    if ((unsigned)s >= SEV_COUNT)
        return "info";
    return severity_names[s];
}

bool severity_from_name(const char *s, enum severity *out)
{
    for (int i = 0; s && i < SEV_COUNT; i++)
        if (!strcmp(s, severity_names[i])) {
            *out = (enum severity)i;
            return true;
        }
    return false;
}

/* --------------------------------------------------------------- registry */

static const struct check_family *const families[] = {
    &checks_family_mgmt,    &checks_family_aaa,       &checks_family_cred,
    &checks_family_crypto,  &checks_family_snmp,      &checks_family_time_log,
    &checks_family_routing, &checks_family_data,      &checks_family_svc,
    &checks_family_cloud,   &checks_family_sw,        &checks_family_routing_sec,
    &checks_family_logging, &checks_family_data_edge, &checks_family_cpp,
    &checks_family_access,  &checks_family_time,      &checks_family_crypto_more,
    &checks_family_edge,
};

static const struct check_def **all;
static size_t nall, nbuiltin, capall;
static pthread_once_t built_once = PTHREAD_ONCE_INIT;

static void build_builtin(void)
{
    size_t n = 0;
    for (size_t f = 0; f < ARRAY_SIZE(families); f++)
        n += families[f]->n;
    capall = n + 16;
    all = xcalloc(capall, sizeof(*all));
    for (size_t f = 0; f < ARRAY_SIZE(families); f++)
        for (size_t i = 0; i < families[f]->n; i++) {
            const struct check_def *c = &families[f]->defs[i];
            for (size_t j = 0; j < nall; j++)
                if (!strcmp(all[j]->id, c->id))
                    BUG("duplicate built-in check id %s", c->id);
            all[nall++] = c;
        }
    nbuiltin = nall;
}

static void ensure_built(void)
{
    pthread_once(&built_once, build_builtin);
}

const struct check_def *const *checks_all(size_t *n)
{
    ensure_built();
    if (n)
        *n = nall;
    return all;
}

const struct check_def *check_find(const char *id)
{
    ensure_built();
    if (!id)
        return NULL;
    for (size_t i = 0; i < nall; i++)
        if (!strcmp(all[i]->id, id))
            return all[i];
    /* Ids are upper case; accept any case from the command line. */
    for (size_t i = 0; i < nall; i++)
        if (!strcasecmp(all[i]->id, id))
            return all[i];
    return NULL;
}

size_t check_index(const struct check_def *c)
{
    ensure_built();
    for (size_t i = 0; i < nall; i++)
        if (all[i] == c)
            return i;
    BUG("check %s is not registered", c && c->id ? c->id : "(null)");
}

void checks_register(const struct check_def *def)
{
    ensure_built();
    if (!def || !def->id)
        BUG("checks_register without an id");
    if (nall - nbuiltin >= CHECK_MAX_USER) {
        diag_report(DIAG_ERROR, def->source, 0, "more than %d user rules; %s ignored",
                    CHECK_MAX_USER, def->id);
        return;
    }
    for (size_t i = 0; i < nall; i++)
        if (!strcmp(all[i]->id, def->id)) {
            diag_report(DIAG_ERROR, def->source, 0,
                        "rule id %s is already used by a %s check; rule ignored", def->id,
                        i < nbuiltin ? "built-in" : "loaded");
            return;
        }
    if (nall == capall) {
        capall *= 2;
        all = xrealloc(all, capall * sizeof(*all));
    }
    all[nall++] = def;
}

/* ---------------------------------------------------------------- helpers */

void check_set(const struct check_ctx *ctx, struct check_result *r, enum verdict v, const char *fmt,
               ...)
{
    va_list ap;
    char buf[1024];
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    r->verdict = v;
    r->message = arena_strdup(ctx->arena, buf);
}

static void add_evidence(const struct check_ctx *ctx, struct check_result *r, uint32_t line,
                         const char *text, uint32_t len)
{
    if (!line)
        return;
    for (uint32_t i = 0; i < r->nevidence; i++)
        if (r->evidence[i].line == line)
            return;
    if (r->nevidence >= CHECK_MAX_EVIDENCE)
        return;
    /* Grow by powers of two from 4 (capacity implied by the count). */
    uint32_t n = r->nevidence;
    if (n == 0 || (n >= 4 && (n & (n - 1)) == 0)) {
        size_t cap = n == 0 ? 4 : (size_t)n * 2;
        r->evidence = arena_grow(ctx->arena, r->evidence, n, cap, sizeof(*r->evidence));
    }
    /* Keep evidence in line order: reports read top to bottom. */
    uint32_t at = n;
    while (at > 0 && r->evidence[at - 1].line > line) {
        r->evidence[at] = r->evidence[at - 1];
        at--;
    }
    r->evidence[at] = (struct evidence){.line = line, .len = len, .text = text};
    r->nevidence++;
}

void check_evidence_node(const struct check_ctx *ctx, struct check_result *r,
                         const struct cfg_node *n)
{
    if (!n)
        return;
    /* A container implied by a set/flat path has no line of its own. */
    while (n && (n->flags & CFG_IMPLIED) && n->child)
        n = n->child;
    if (!n || (n->flags & CFG_IMPLIED))
        return;
    /* Show the whole source line, as the user wrote it: for a Junos set line
     * or an SR OS flat line the node is only the tail of the line. */
    const struct cfg_tree *t = ctx->tree;
    const char *p = n->text, *e = n->text + n->len;
    if (t && t->buf && p >= t->buf && e <= t->buf + t->len) {
        while (p > t->buf && p[-1] != '\n')
            p--;
        const char *nl = memchr(e, '\n', (size_t)(t->buf + t->len - e));
        e = nl ? nl : t->buf + t->len;
        while (p < e && isspace((unsigned char)*p))
            p++;
        while (e > p && isspace((unsigned char)e[-1]))
            e--;
        add_evidence(ctx, r, n->line, p, (size_t)(e - p));
        return;
    }
    add_evidence(ctx, r, n->line, n->text, n->len);
}

void check_evidence_line(const struct check_ctx *ctx, struct check_result *r, uint32_t line)
{
    const struct cfg_tree *t = ctx->tree;
    if (!t || !t->buf || !line)
        return;
    const char *p = t->buf, *end = t->buf + t->len;
    for (uint32_t l = 1; l < line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return;
        p = nl + 1;
    }
    if (p >= end)
        return;
    const char *e = memchr(p, '\n', (size_t)(end - p));
    if (!e)
        e = end;
    while (p < e && isspace((unsigned char)*p))
        p++;
    while (e > p && isspace((unsigned char)e[-1]))
        e--;
    add_evidence(ctx, r, line, p, (uint32_t)(e - p));
}

void check_evidence_fact(const struct check_ctx *ctx, struct check_result *r,
                         const struct fact_lines *lines)
{
    if (!lines)
        return;
    for (uint8_t i = 0; i < lines->n && i < FACT_MAX_LINES; i++)
        check_evidence_node(ctx, r, lines->nodes[i]);
}

/* --------------------------------------------------------------- running */

const char *check_remediation(const struct check_def *c, enum dialect d)
{
    if ((unsigned)d < DIALECT_COUNT && c->remediation[d])
        return c->remediation[d];
    const char *cloud = checks_cloud_remediation(c, d);
    return cloud ? cloud : c->remediation[DIALECT_UNKNOWN];
}

static void add_secret(struct arena *a, struct sv **v, size_t *n, const struct secret *s)
{
    if (!s || s->type == SECRET_NONE || s->type == SECRET_REDACTED || !s->value.p || !s->value.n)
        return;
    if (*n == 0 || (*n >= 8 && (*n & (*n - 1)) == 0))
        *v = arena_grow(a, *v, *n, *n == 0 ? 8 : *n * 2, sizeof(**v));
    (*v)[(*n)++] = s->value;
}

bool account_password_is_name(const struct account *a)
{
    if (!a->name || a->secret.type != SECRET_PLAINTEXT)
        return false;
    struct sv v = sv_unquote(sv_trim(a->secret.value));
    return v.n && sv_eq_cstr(v, a->name);
}

/* Every secret value the model knows, for the writers' scrubbing. */
static void collect_secrets(const struct check_ctx *ctx, struct device_result *out)
{
    const struct device_model *m = ctx->model;
    struct sv *v = NULL;
    size_t n = 0;
    if (!m)
        return;
    add_secret(ctx->arena, &v, &n, &m->enable);
    for (size_t i = 0; i < m->naccounts; i++) {
        /* A password equal to its user name is printed as the name anyway;
         * scrubbing it would hide the account in every message instead. */
        const struct account *ac = &m->accounts[i];
        if (!account_password_is_name(ac))
            add_secret(ctx->arena, &v, &n, &ac->secret);
    }
    for (size_t i = 0; i < m->nother_secrets; i++)
        add_secret(ctx->arena, &v, &n, &m->other_secrets[i]);
    for (size_t i = 0; i < m->aaa.nservers; i++)
        add_secret(ctx->arena, &v, &n, &m->aaa.servers[i].key);
    for (size_t i = 0; i < m->snmp.ncommunities; i++)
        add_secret(ctx->arena, &v, &n, &m->snmp.communities[i].name);
    for (size_t i = 0; i < m->bgp.nneighbors; i++)
        add_secret(ctx->arena, &v, &n, &m->bgp.neighbors[i].key);
    out->secrets = v;
    out->nsecrets = n;
}

void checks_run_device(const struct check_ctx *ctx, struct device_result *out)
{
    size_t n;
    const struct check_def *const *defs = checks_all(&n);
    enum dialect d = ctx->model ? ctx->model->dialect : DIALECT_UNKNOWN;

    out->results = arena_alloc(ctx->arena, (n ? n : 1) * sizeof(*out->results));
    out->nresults = n;
    for (size_t i = 0; i < n; i++) {
        const struct check_def *c = defs[i];
        struct check_result *r = &out->results[i];
        memset(r, 0, sizeof(*r));
        r->check = c;
        r->verdict = VERDICT_UNKNOWN;
        if (c->scope == CHECK_FLEET) {
            /* Decided across the estate by checks_fleet_evaluate(); on its own
             * a device can only say whether it has anything to compare. */
            if (c->eval)
                c->eval(ctx, r);
            else
                check_set(ctx, r, VERDICT_UNKNOWN, "decided across the estate, not per device");
        } else if (!ctx->model) {
            check_set(ctx, r, VERDICT_UNKNOWN, "the configuration could not be read");
        } else if (checks_cloud_eval(c, ctx, r)) {
            /* decided with its cloud meaning */
        } else if (c->eval) {
            c->eval(ctx, r);
        } else {
            check_set(ctx, r, VERDICT_UNKNOWN, "this check has no evaluation");
        }
        if (!r->message)
            r->message = "";
        if (r->verdict == VERDICT_FAIL || r->verdict == VERDICT_UNKNOWN)
            r->remediation = check_remediation(c, d);
        if (r->verdict == VERDICT_FAIL && !r->nevidence)
            check_anchor(ctx, r);
    }
    collect_secrets(ctx, out);
}

/* ----------------------------------------------------- shared predicates */

bool pset_contains(const struct prefix_set *s, const struct ip_prefix *p)
{
    for (size_t i = 0; s && i < s->n; i++)
        if (ip_prefix_contains(&s->v[i], p))
            return true;
    return false;
}

bool pset_overlaps(const struct prefix_set *s, const struct ip_prefix *p)
{
    for (size_t i = 0; s && i < s->n; i++)
        if (ip_prefix_overlaps(&s->v[i], p))
            return true;
    return false;
}

bool sset_contains(const struct string_set *s, const char *v)
{
    for (size_t i = 0; s && v && i < s->n; i++)
        if (!strcmp(s->v[i], v))
            return true;
    return false;
}

void ev_node(const struct check_ctx *ctx, struct check_result *r, const struct cfg_node *n)
{
    if (n)
        check_evidence_node(ctx, r, n);
}

const char *dev_name(const struct check_ctx *ctx)
{
    if (ctx->model && ctx->model->hostname && *ctx->model->hostname)
        return ctx->model->hostname;
    return "this device";
}

bool host_addr(const char *host, struct ip_prefix *out)
{
    if (!host)
        return false;
    struct sv s = sv_unquote(sv_trim(sv_from_cstr(host)));
    return ip_prefix_parse(s, out) && out->af;
}

bool str_icontains(const char *hay, const char *needle)
{
    if (!hay || !needle)
        return false;
    size_t nl = strlen(needle);
    for (const char *p = hay; *p; p++)
        if (!strncasecmp(p, needle, nl))
            return true;
    return false;
}

bool str_ieq(const char *a, const char *b)
{
    return a && b && !strcasecmp(a, b);
}

bool fact_untouched(const struct fact_bool *f)
{
    return f->state == FACT_UNKNOWN && !f->why && f->ev.n == 0;
}

enum fact_state remote_management_state(const struct device_model *m)
{
    bool unknown = m->ssh.enabled.state == FACT_UNKNOWN || m->telnet_server.state == FACT_UNKNOWN;
    if (m->ssh.enabled.state == FACT_ON || m->telnet_server.state == FACT_ON)
        return FACT_ON;
    for (size_t i = 0; i < m->nservices; i++) {
        if (m->services[i].state.state == FACT_ON)
            return FACT_ON;
        unknown |= m->services[i].state.state == FACT_UNKNOWN;
    }
    return unknown ? FACT_UNKNOWN : FACT_OFF;
}

const char *fact_why(const struct check_ctx *ctx, const struct fact_bool *f)
{
    if (f->why && *f->why)
        return f->why;
    return arena_printf(ctx->arena, "the %s model does not record it",
                        dialect_name(ctx->model ? ctx->model->dialect : DIALECT_UNKNOWN));
}

void judge_by_why(const struct check_ctx *ctx, struct check_result *r, const struct fact_bool *f,
                  const char *what)
{
    check_evidence_fact(ctx, r, &f->ev);
    if (f->state == FACT_ON)
        check_set(ctx, r, VERDICT_PASS, "%s", fact_why(ctx, f));
    else if (f->state == FACT_OFF)
        check_set(ctx, r, VERDICT_FAIL, "%s", fact_why(ctx, f));
    else
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell whether %s: %s", what, fact_why(ctx, f));
}

void judge_fact(const struct check_ctx *ctx, struct check_result *r, const struct fact_bool *f,
                enum fact_state bad, const char *fail_msg, const char *pass_msg, const char *what)
{
    if (f->state == FACT_UNKNOWN) {
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell whether %s: %s", what, fact_why(ctx, f));
        check_evidence_fact(ctx, r, &f->ev);
        return;
    }
    if (f->state == bad) {
        check_set(ctx, r, VERDICT_FAIL, "%s%s", fail_msg,
                  f->is_default ? " (the platform default, nothing configured)" : "");
    } else {
        check_set(ctx, r, VERDICT_PASS, "%s%s", pass_msg,
                  f->is_default ? " (the platform default)" : "");
    }
    check_evidence_fact(ctx, r, &f->ev);
}

/* ------------------------------------------------------------- reasons */

#define REASONS_MAX_SHOWN 6

void reasons_init(struct reasons *rs)
{
    buf_init(&rs->b, 2048);
    rs->n = rs->shown = 0;
}

void reasons_add(struct reasons *rs, const char *fmt, ...)
{
    rs->n++;
    if (rs->shown >= REASONS_MAX_SHOWN)
        return;
    if (rs->shown)
        buf_adds(&rs->b, "; ");
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&rs->b, fmt, ap);
    va_end(ap);
    rs->shown++;
}

const char *reasons_done(const struct check_ctx *ctx, struct reasons *rs)
{
    if (rs->n > rs->shown)
        buf_printf(&rs->b, "; and %u more", rs->n - rs->shown);
    const char *s = arena_strdup(ctx->arena, rs->b.len ? buf_cstr(&rs->b) : "");
    buf_free(&rs->b);
    return s;
}

bool judge_reasons(const struct check_ctx *ctx, struct check_result *r, struct reasons *bad,
                   struct reasons *unknown, const char *fail_what)
{
    const char *b = reasons_done(ctx, bad), *u = reasons_done(ctx, unknown);
    if (bad->n)
        check_set(ctx, r, VERDICT_FAIL, "%s: %s", fail_what, b);
    else if (unknown->n)
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell: %s", u);
    return bad->n || unknown->n;
}

unsigned acl_judge_sources(const struct check_ctx *ctx, struct check_result *r,
                           const struct acl *acl, const char *label,
                           const struct prefix_set *allowed_a, const struct prefix_set *allowed_b,
                           const struct prefix_set *forbidden, struct reasons *rs,
                           unsigned *unresolved)
{
    unsigned bad = 0;
    char pb[64];
    for (size_t i = 0; acl && i < acl->n; i++) {
        const struct acl_entry *e = &acl->entries[i];
        uint32_t line = e->node ? e->node->line : 0;
        if (!e->permit || e->not_mgmt)
            continue;
        if (e->src_any) {
            reasons_add(rs, "%s: '%s' entry at line %u permits any source", label, acl->name, line);
            ev_node(ctx, r, e->node);
            bad++;
            continue;
        }
        if (e->unresolved || !e->src.af) {
            (*unresolved)++;
            ev_node(ctx, r, e->node);
            continue;
        }
        ip_prefix_format(&e->src, pb, sizeof(pb));
        if (forbidden && pset_overlaps(forbidden, &e->src)) {
            reasons_add(rs, "%s: '%s' entry at line %u permits %s, a corporate range", label,
                        acl->name, line, pb);
            ev_node(ctx, r, e->node);
            bad++;
            continue;
        }
        if (!pset_contains(allowed_a, &e->src) && !pset_contains(allowed_b, &e->src)) {
            reasons_add(rs, "%s: '%s' entry at line %u permits %s, outside the approved ranges",
                        label, acl->name, line, pb);
            ev_node(ctx, r, e->node);
            bad++;
        }
    }
    return bad;
}
