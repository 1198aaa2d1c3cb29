/*
 * assess.c - one device's pipeline (see assess.h).
 */
#include "assess/assess.h"

#include <stdlib.h>
#include <string.h>

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static void collect_secret(struct sv **v, size_t *n, size_t *cap, struct arena *a,
                           const struct secret *s)
{
    if (s->type == SECRET_NONE || s->type == SECRET_REDACTED || s->value.n < 3)
        return;
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        *v = arena_grow(a, *v, *n, nc, sizeof(**v));
        *cap = nc;
    }
    (*v)[(*n)++] = s->value;
}

/* Every secret value the model found, for exact scrubbing by the writers. */
static void collect_secrets(const struct device_model *m, struct arena *a, struct device_result *r)
{
    struct sv *v = NULL;
    size_t n = 0, cap = 0;
    collect_secret(&v, &n, &cap, a, &m->enable);
    for (size_t i = 0; i < m->naccounts; i++)
        collect_secret(&v, &n, &cap, a, &m->accounts[i].secret);
    for (size_t i = 0; i < m->nother_secrets; i++)
        collect_secret(&v, &n, &cap, a, &m->other_secrets[i]);
    for (size_t i = 0; i < m->snmp.ncommunities; i++)
        collect_secret(&v, &n, &cap, a, &m->snmp.communities[i].name);
    for (size_t i = 0; i < m->aaa.nservers; i++)
        collect_secret(&v, &n, &cap, a, &m->aaa.servers[i].key);
    for (size_t i = 0; i < m->bgp.nneighbors; i++)
        collect_secret(&v, &n, &cap, a, &m->bgp.neighbors[i].key);
    r->secrets = v;
    r->nsecrets = n;
}

/* What a device is: the forced dialect when given, else its content. */
static void detect_device(const struct assess_options *o, const char *data, size_t len,
                          struct detect_result *det)
{
    if (o->vendor != DIALECT_UNKNOWN)
        detect_named(o->vendor, PLATFORM_NONE, data, len, "--vendor", "forced by --vendor", det);
    else
        detect_dialect(data, len, det);
}

static void begin(const char *path, const char *relpath, struct device_assessment *d)
{
    memset(d, 0, sizeof(*d));
    arena_init(&d->arena);
    d->result.file = path;
    d->result.relpath = relpath;
    /* The caller's strings outlive the summary's use of them. */
    d->summary.file = (char *)path;
    d->summary.relpath = (char *)relpath;
}

/* The summary a scan keeps after the device's arena is freed. */
static void summarise(const struct assess_options *o, struct device_assessment *d)
{
    struct device_result *r = &d->result;
    struct device_summary *sum = &d->summary;
    if (!o->summary)
        return;
    sum->hostname = xstrdup(r->hostname ? r->hostname : "");
    sum->dialect = (uint8_t)r->dialect;
    sum->excluded = r->excluded;
    sum->unreadable = r->unreadable;
    sum->not_audited = r->not_audited != NULL;
    sum->partial = r->partial;
    size_t nchecks;
    checks_all(&nchecks);
    sum->nverdicts = (uint32_t)nchecks;
    sum->verdicts = xcalloc(nchecks ? nchecks : 1, 1);
    for (size_t i = 0; i < nchecks; i++)
        sum->verdicts[i] = VERDICT_NOT_APPLICABLE;
    for (size_t i = 0; i < r->nresults && i < nchecks; i++)
        sum->verdicts[i] = (uint8_t)r->results[i].verdict;
}

void device_assess_unreadable(const struct assess_options *o, const char *path, const char *relpath,
                              struct device_assessment *d)
{
    begin(path, relpath, d);
    d->result.unreadable = true;
    d->result.hostname = base_name(path);
    summarise(o, d);
}

/* Detect and parse; false when the device is excluded or not audited (a
 * scan's unknown dialect). */
static bool parse_stage(const struct assess_options *o, char *data, size_t len,
                        struct device_assessment *d)
{
    struct device_result *r = &d->result;
    char why[512];
    if (o->read_as) {
        if (!o->read_as(o->read_as_arg, r->file, r->relpath, data, len, &d->det, why,
                        sizeof(why))) {
            r->excluded = true;
            r->excluded_reason = arena_strdup(&d->arena, why);
            r->hostname = base_name(r->file);
            return false;
        }
    } else {
        detect_device(o, data, len, &d->det);
    }
    r->detect_signal = d->det.signal;
    r->detect_source = d->det.source;
    if (d->det.dialect == DIALECT_UNKNOWN && o->profile) {
        /* Not a dialect tsaudit reads: listed as not audited, not an error. */
        r->platform = d->det.platform;
        r->not_audited = arena_strdup(&d->arena, detect_reason(&d->det, why, sizeof(why)));
        r->hostname = base_name(r->file);
        return false;
    }
    struct cfg_tree *t = arena_alloc(&d->arena, sizeof(*t));
    cfg_tree_init(t, &d->arena, r->file, data, len, d->det.dialect, d->det.form);
    if (o->limits)
        t->limits = *o->limits;
    d->parse_errors = cfg_parse(t);
    d->tree = t;
    r->dialect = t->dialect;
    r->form = t->form;
    r->diags = t->diags;
    r->ndiags = t->ndiags;
    r->partial = t->partial;
    return true;
}

/* Profile exclusion, checks, waivers and fingerprints. */
static void check_stage(const struct assess_options *o, struct device_assessment *d)
{
    struct device_result *r = &d->result;
    const struct profile_device_rule *rule =
        profile_device_rule(o->profile, r->hostname, r->relpath);
    if (rule && rule->exclude) {
        r->excluded = true;
        r->excluded_reason =
            arena_printf(&d->arena, "excluded by the profile (devices: match '%s')", rule->match);
        return;
    }
    if (o->fingerprints_only) {
        if (o->salt)
            checks_device_fingerprints(d->model, o->salt, &d->summary);
        return;
    }
    struct check_ctx ctx = {.tree = d->tree,
                            .model = d->model,
                            .profile = o->profile,
                            .arena = &d->arena,
                            .fleet = o->fleet,
                            .as_of = o->as_of};
    checks_run_device(&ctx, r);
    waivers_apply(o->attest, o->as_of, r);
    if (o->salt)
        checks_device_fingerprints(d->model, o->salt, &d->summary);
}

void device_assess(const struct assess_options *o, const char *path, const char *relpath,
                   char *data, size_t len, struct device_assessment *d)
{
    begin(path, relpath, d);
    struct device_result *r = &d->result;
    if (!o->fingerprints_only) /* the first pass of a scan reports nothing */
        sha256_hex(data, len, r->content_hash);
    if (cfg_fix_cr_only(data, len))
        diag_report(DIAG_NOTE, path, 0, "line ends are CR only; each CR read as a line end");
    if (len == 0 && o->profile) {
        diag_report(DIAG_ERROR, path, 0, "the file is empty");
        r->unreadable = true;
        r->hostname = base_name(path);
    } else if (parse_stage(o, data, len, d)) {
        d->model = arena_alloc(&d->arena, sizeof(*d->model));
        model_extract(d->tree, d->model);
        r->hostname = d->model->hostname ? d->model->hostname : base_name(path);
        r->os_version = d->model->os_version;
        r->statements = d->model->coverage.statements;
        r->understood = d->model->coverage.understood;
        collect_secrets(d->model, &d->arena, r);
        if (o->profile)
            check_stage(o, d);
    }
    summarise(o, d);
}

void device_assess_begin(const char *path, const char *relpath, struct device_assessment *d)
{
    begin(path, relpath, d);
}

void device_assess_restored(const struct assess_options *o, struct device_assessment *d)
{
    waivers_apply(o->attest, o->as_of, &d->result);
    summarise(o, d);
}

void device_assessment_free(struct device_assessment *d)
{
    arena_free(&d->arena);
}
