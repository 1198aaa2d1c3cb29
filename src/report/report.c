/*
 * report.c - the table of report formats and the streaming driver that
 * every writer goes through: open the output atomically, keep the running
 * tallies the summaries need, dispatch to the format, commit or abort.
 * Also the small utilities the writers share (names, dates, UUIDs, a map).
 */
#include "report/report_int.h"

#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct format_row {
    const char *name;
    const char *ext; /* matched at the end of an output file name */
    const struct report_ops *ops;
    size_t plan_names; /* 0: no fix-once plan; else device names kept per action */
};

/* Longer extensions first: ".oscal.json" must win over ".json". */
static const struct format_row formats[REPORT_FORMAT_COUNT] = {
    [REPORT_TEXT] = {"text", ".txt", &report_ops_text, 0},
    [REPORT_JSON] = {"json", ".json", &report_ops_json, 50},
    [REPORT_SARIF] = {"sarif", ".sarif", &report_ops_sarif, 0},
    [REPORT_CSV] = {"csv", ".csv", &report_ops_csv, 0},
    [REPORT_JUNIT] = {"junit", ".xml", &report_ops_junit, 0},
    [REPORT_HTML] = {"html", ".html", &report_ops_html, 0},
    [REPORT_OSCAL] = {"oscal", ".oscal.json", &report_ops_oscal, 0},
    [REPORT_PLAN] = {"plan", ".plan.txt", &report_ops_plan, SIZE_MAX},
};

const char *report_format_name(enum report_format f)
{
    if ((unsigned)f >= REPORT_FORMAT_COUNT)
        return "unknown";
    return formats[f].name;
}

bool report_format_from_name(const char *name, enum report_format *out)
{
    for (size_t i = 0; name && i < REPORT_FORMAT_COUNT; i++)
        if (!strcasecmp(name, formats[i].name)) {
            *out = (enum report_format)i;
            return true;
        }
    if (name && !strcasecmp(name, "xml")) {
        *out = REPORT_JUNIT;
        return true;
    }
    return false;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcasecmp(s + n - m, suffix);
}

bool report_format_from_path(const char *path, enum report_format *out)
{
    if (!path)
        return false;
    if (ends_with(path, ".oscal.json")) {
        *out = REPORT_OSCAL;
        return true;
    }
    if (ends_with(path, ".plan.txt")) {
        *out = REPORT_PLAN;
        return true;
    }
    if (ends_with(path, ".sarif.json")) {
        *out = REPORT_SARIF;
        return true;
    }
    for (size_t i = 0; i < REPORT_FORMAT_COUNT; i++)
        if (ends_with(path, formats[i].ext)) {
            *out = (enum report_format)i;
            return true;
        }
    if (ends_with(path, ".htm")) {
        *out = REPORT_HTML;
        return true;
    }
    if (ends_with(path, ".junit")) {
        *out = REPORT_JUNIT;
        return true;
    }
    return false;
}

/* ----------------------------------------------------------------- driver */

static void writer_free(struct report_writer *w)
{
    if (w->ops->release)
        w->ops->release(w);
    free(w->state);
    free(w->tally.fail_by_check);
    free(w->tally.context_by_check);
    if (w->tally.plan) {
        rpt_plan_free(w->tally.plan);
        free(w->tally.plan);
    }
    for (size_t i = 0; i < w->tally.nproblem_files; i++)
        free(w->tally.problem_files[i]);
    for (size_t i = 0; i < w->tally.not_audited; i++) {
        free(w->tally.unaudited[i].device);
        free(w->tally.unaudited[i].label);
        free(w->tally.unaudited[i].reason);
    }
    free(w->tally.unaudited);
    for (size_t i = 0; i < w->tally.nexcluded_list; i++) {
        free(w->tally.excluded_list[i].device);
        free(w->tally.excluded_list[i].reason);
    }
    free(w->tally.excluded_list);
    for (size_t i = 0; i < ARRAY_SIZE(w->clean); i++)
        buf_free(&w->clean[i]);
    if (w->cache)
        buf_free(&w->cache->store);
    free(w->cache);
    free(w);
}

static struct report_writer *writer_new(enum report_format f, const struct report_run *run)
{
    if ((unsigned)f >= REPORT_FORMAT_COUNT || !run)
        BUG("report_open: bad arguments");
    struct report_writer *w = xcalloc(1, sizeof(*w));
    w->ops = formats[f].ops;
    w->format = f;
    w->run = run;
    for (size_t i = 0; i < ARRAY_SIZE(w->clean); i++)
        buf_init(&w->clean[i], 0);
    w->cache = xcalloc(1, sizeof(*w->cache));
    buf_init(&w->cache->store, 0);
    size_t ncheck = 0;
    rpt_checks(w, &ncheck);
    w->tally.ncheck = ncheck;
    w->tally.fail_by_check = xcalloc(ncheck ? ncheck : 1, sizeof(size_t));
    w->tally.context_by_check = xcalloc(ncheck ? ncheck : 1, sizeof(size_t));
    if (formats[f].plan_names) {
        w->tally.plan = xmalloc(sizeof(*w->tally.plan));
        rpt_plan_init(w->tally.plan, ncheck, formats[f].plan_names);
    }
    return w;
}

/* The output is open: let the format write its head. */
static struct report_writer *writer_start(struct report_writer *w)
{
    w->f = w->af.f;
    if (w->ops->open(w) < 0) {
        atomic_file_abort(&w->af);
        writer_free(w);
        return NULL;
    }
    return w;
}

struct report_writer *report_open(enum report_format f, const char *path,
                                  const struct report_run *run)
{
    if (!path)
        BUG("report_open: bad arguments");
    struct report_writer *w = writer_new(f, run);
    if (atomic_file_open(&w->af, path) < 0) {
        writer_free(w);
        return NULL;
    }
    return writer_start(w);
}

struct report_writer *report_open_stream(enum report_format f, FILE *out, const char *name,
                                         const struct report_run *run)
{
    if (!out || !name)
        BUG("report_open_stream: bad arguments");
    struct report_writer *w = writer_new(f, run);
    /* An atomic_file without a temporary: committing it only flushes. */
    w->af.f = out;
    w->af.path = xstrdup(name);
    w->af.tmp = NULL;
    return writer_start(w);
}

/* Append a device (by relative path) with its label and reason to a list. */
static void list_device(struct rpt_unaudited **list, size_t *n, const struct device_result *d,
                        const char *label, const char *reason)
{
    *list = xrealloc(*list, (*n + 1) * sizeof(**list));
    struct rpt_unaudited *u = &(*list)[(*n)++];
    u->device = xstrdup(d->relpath && *d->relpath ? d->relpath : d->file ? d->file : "?");
    u->label = label ? xstrdup(label) : NULL;
    u->reason = xstrdup(reason);
}

static void tally_not_audited(struct report_tally *t, const struct device_result *d)
{
    char label[DIALECT_LABEL_MAX];
    t->not_audited_by[(unsigned)d->platform < PLATFORM_COUNT ? d->platform : PLATFORM_NONE]++;
    list_device(&t->unaudited, &t->not_audited, d,
                dialect_label(DIALECT_UNKNOWN, d->platform, label, sizeof(label)), d->not_audited);
}

/* An excluded device (listed when a reason says why) or one not audited. */
static void tally_not_assessed(struct report_tally *t, const struct device_result *d)
{
    if (d->not_audited && !d->excluded) {
        tally_not_audited(t, d);
        return;
    }
    t->excluded++;
    if (d->excluded_reason)
        list_device(&t->excluded_list, &t->nexcluded_list, d, NULL, d->excluded_reason);
}

size_t rpt_audited(const struct report_tally *t)
{
    return t->devices - t->excluded - t->not_audited - t->unreadable;
}

const char *rpt_coverage(const struct report_tally *t, struct buf *out)
{
    buf_reset(out);
    size_t considered = t->devices - t->excluded, audited = rpt_audited(t);
    buf_printf(out, "%zu of %zu device%s audited", audited, considered, considered == 1 ? "" : "s");
    if (audited < considered) {
        buf_printf(out, "; %zu not audited:", considered - audited);
        const char *sep = " ";
        for (unsigned p = 1; p < PLATFORM_COUNT; p++)
            if (t->not_audited_by[p]) {
                buf_printf(out, "%s%zu %s", sep, t->not_audited_by[p], platform_def(p)->display);
                sep = ", ";
            }
        if (t->not_audited_by[PLATFORM_NONE])
            buf_printf(out, "%s%zu unknown", sep, t->not_audited_by[PLATFORM_NONE]);
        if (t->unreadable)
            buf_printf(out, "%s%zu unreadable", t->not_audited ? ", " : sep, t->unreadable);
    }
    if (t->excluded)
        buf_printf(out, " (%zu excluded)", t->excluded);
    return buf_cstr(out);
}

/* ---------------------------------------------------------------- filter */

bool report_filter_active(const struct report_filter *f)
{
    return f->nchecks || f->nskip || f->severity_min > SEV_INFO || f->verdicts;
}

/* Globs are matched on the upper-case id (the command line folds them too). */
static bool id_matches(char *const *globs, size_t n, const char *id)
{
    char up[128];
    size_t k = 0;
    for (; id[k] && k + 1 < sizeof(up); k++)
        up[k] = (char)toupper((unsigned char)id[k]);
    up[k] = '\0';
    for (size_t i = 0; i < n; i++)
        if (fnmatch(globs[i], up, 0) == 0)
            return true;
    return false;
}

bool report_filter_check(const struct report_filter *f, const struct check_def *c)
{
    if (!c || !c->id)
        return !f->nchecks;
    if (f->nchecks && !id_matches(f->checks, f->nchecks, c->id))
        return false;
    if (id_matches(f->skip, f->nskip, c->id))
        return false;
    return c->severity >= f->severity_min;
}

bool report_filter_result(const struct report_filter *f, const struct check_result *r)
{
    if (f->verdicts && !(f->verdicts & (1u << r->verdict)))
        return false;
    return report_filter_check(f, r->check);
}

bool report_filter_fleet(const struct report_filter *f, const struct fleet_finding *x)
{
    if (f->verdicts && !(f->verdicts & (1u << x->verdict)))
        return false;
    return report_filter_check(f, x->check);
}

static void describe_globs(struct buf *out, const char *opt, char *const *v, size_t n)
{
    if (!n)
        return;
    buf_printf(out, "%s%s ", out->len ? "; " : "", opt);
    for (size_t i = 0; i < n; i++)
        buf_printf(out, "%s%s", i ? "," : "", v[i]);
}

void report_filter_describe(const struct report_filter *f, struct buf *out)
{
    describe_globs(out, "--checks", f->checks, f->nchecks);
    describe_globs(out, "--skip-checks", f->skip, f->nskip);
    if (f->severity_min > SEV_INFO)
        buf_printf(out, "%s--severity-min %s", out->len ? "; " : "",
                   severity_name(f->severity_min));
    if (!f->verdicts)
        return;
    buf_printf(out, "%s--status ", out->len ? "; " : "");
    const char *sep = "";
    for (int v = 0; v < VERDICT_COUNT; v++)
        if (f->verdicts & (1u << v)) {
            buf_printf(out, "%s%s", sep, verdict_name((enum verdict)v));
            sep = ",";
        }
}

static void tally_device(struct report_tally *t, const struct device_result *d,
                         const struct report_filter *filter)
{
    t->devices++;
    if (d->excluded || d->not_audited) {
        tally_not_assessed(t, d);
        return;
    }
    if ((d->unreadable || d->partial) && t->nproblem_files < RPT_TALLY_NAMES)
        t->problem_files[t->nproblem_files++] = xstrdup(d->relpath && *d->relpath ? d->relpath
                                                        : d->file                 ? d->file
                                                                                  : "?");
    if (d->unreadable) {
        t->unreadable++;
        return;
    }
    if (d->partial)
        t->partial++;
    else
        t->parsed++;
    if (t->plan)
        rpt_plan_add(t->plan, d, filter);
    for (size_t i = 0; i < d->nresults; i++) {
        const struct check_result *r = &d->results[i];
        if ((unsigned)r->verdict >= VERDICT_COUNT)
            continue;
        t->by_verdict[r->verdict]++;
        if (r->verdict == VERDICT_NEEDS_CONTEXT && i < t->ncheck)
            t->context_by_check[i]++;
        if (r->verdict == VERDICT_FAIL) {
            if (r->check && (unsigned)r->check->severity < SEV_COUNT) {
                t->fail_by_severity[r->check->severity]++;
                if (report_filter_result(filter, r))
                    t->listed_fail_by_severity[r->check->severity]++;
            }
            if (i < t->ncheck)
                t->fail_by_check[i]++;
        }
    }
}

int report_device(struct report_writer *w, const struct device_result *d)
{
    if (!w || !d)
        return -1;
    tally_device(&w->tally, d, &w->run->filter);
    if (w->cache) {
        w->cache->gen++;
        buf_reset(&w->cache->store);
        w->cache->active = true;
    }
    int rc = w->ops->device(w, d);
    if (w->cache)
        w->cache->active = false;
    if (rc == 0 && ferror(w->f)) {
        /* Said once per output; report_finish() gives the system's reason. */
        if (!w->write_failed)
            diag_report(DIAG_ERROR, w->af.path, 0, "cannot write the %s report",
                        report_format_name(w->format));
        w->write_failed = true;
        rc = -1;
    }
    return rc;
}

int report_finish(struct report_writer *w, const struct fleet_finding *ff, size_t nff,
                  const struct compliance_result *cr, const struct report_totals *totals)
{
    if (!w)
        return -1;
    /* Fleet findings are listed by the same filter as device results. */
    struct fleet_finding *listed = nff ? xcalloc(nff, sizeof(*listed)) : NULL;
    size_t nlisted = 0;
    for (size_t i = 0; i < nff; i++)
        if (report_filter_fleet(&w->run->filter, &ff[i]))
            listed[nlisted++] = ff[i];
    size_t fleet_fail = 0;
    for (size_t i = 0; i < nff; i++)
        fleet_fail += ff[i].verdict == VERDICT_FAIL;
    struct report_estate e = {listed, nlisted, fleet_fail, cr, totals};
    errno = 0;
    int rc = w->ops->finish(w, &e);
    free(listed);
    if (rc == 0 && ferror(w->f))
        rc = -1;
    if (rc < 0) {
        /* Said once per output, naming it, whichever stage failed. */
        if (!w->write_failed)
            diag_report(DIAG_ERROR, w->af.path, 0, "cannot write the %s report%s%s",
                        report_format_name(w->format), errno ? ": " : "",
                        errno ? strerror(errno) : "");
        atomic_file_abort(&w->af);
        writer_free(w);
        return -1;
    }
    rc = atomic_file_commit(&w->af);
    writer_free(w);
    return rc;
}

void report_abort(struct report_writer *w)
{
    if (!w)
        return;
    atomic_file_abort(&w->af);
    writer_free(w);
}

/* -------------------------------------------------------------- utilities */

const struct check_def *const *rpt_checks(const struct report_writer *w, size_t *n)
{
    if (w->run->checks) {
        *n = w->run->nchecks;
        return w->run->checks;
    }
    return checks_all(n);
}

void rpt_json_measures(FILE *f, const struct check_def *c)
{
    fputc('[', f);
    for (size_t m = 0; c && c->measures && c->measures[m]; m++) {
        fputs(m ? "," : "", f);
        rpt_json_cstr(f, c->measures[m]);
    }
    fputc(']', f);
}

void rpt_json_remediations(FILE *f, const struct check_def *c)
{
    fputc('{', f);
    bool first = true;
    for (int d = 0; d < DIALECT_COUNT; d++) {
        /* The generic text, and each dialect's own (the cloud dialects' come
         * from the registry rather than the check's table). */
        const char *text =
            d == DIALECT_UNKNOWN ? c->remediation[d] : check_remediation(c, (enum dialect)d);
        if (!text || (d != DIALECT_UNKNOWN && text == c->remediation[DIALECT_UNKNOWN]))
            continue;
        fputs(first ? "" : ",", f);
        first = false;
        rpt_json_cstr(f, d == DIALECT_UNKNOWN ? "" : dialect_name((enum dialect)d));
        fputc(':', f);
        rpt_json_cstr(f, text);
    }
    fputc('}', f);
}

size_t rpt_check_index(const struct report_writer *w, const struct check_def *c)
{
    size_t n;
    const struct check_def *const *all = rpt_checks(w, &n);
    for (size_t i = 0; c && i < n; i++)
        if (all[i] == c)
            return i;
    return SIZE_MAX;
}

const char *rpt_device_name(const struct device_result *d)
{
    /* The same rule as compliance's measure findings and fleet findings use:
     * the path relative to the scanned folder, unique in a run and stable
     * across runs, where hostnames repeat. */
    if (d->relpath && *d->relpath)
        return d->relpath;
    if (d->file && *d->file)
        return d->file;
    return d->hostname ? d->hostname : "unknown";
}

void rpt_uuid(char out[37], const struct report_run *run, const char *a, const char *b,
              const char *c)
{
    struct buf in;
    buf_init(&in, 0);
    buf_printf(&in, "tsaudit\x1f%s\x1f%s\x1f%s\x1f%s", run->run_id, a ? a : "", b ? b : "",
               c ? c : "");
    char hex[65];
    sha256_hex(in.data, in.len, hex);
    buf_free(&in);
    /* Version 5 layout (name-based) with the version nibble and RFC 4122 variant set. */
    hex[12] = '5';
    static const char variant[] = "89ab";
    unsigned v = (unsigned)(hex[16] >= 'a' ? hex[16] - 'a' + 10 : hex[16] - '0');
    hex[16] = variant[v & 3];
    snprintf(out, 37, "%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
}

const char *rpt_date(int32_t days, char out[11])
{
    date_format(days, out);
    return out;
}

const char *rpt_security_severity(enum severity s)
{
    switch (s) {
    case SEV_CRITICAL:
        return "9.5";
    case SEV_HIGH:
        return "8.0";
    case SEV_MEDIUM:
        return "5.5";
    case SEV_LOW:
        return "3.0";
    default:
        return "1.0";
    }
}

/* The registry's answer, which knows the cloud dialects' provider commands. */
const char *rpt_remediation(const struct check_def *c, enum dialect d)
{
    return c ? check_remediation(c, d) : NULL;
}

const char *report_remediation(const struct check_def *c, enum dialect d)
{
    return rpt_remediation(c, d);
}

/* ------------------------------------------------------------------- map */

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

void rpt_map_init(struct rpt_map *m)
{
    memset(m, 0, sizeof(*m));
}

void rpt_map_free(struct rpt_map *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->vals);
    rpt_map_init(m);
}

static size_t slot_of(const struct rpt_map *m, const char *key)
{
    size_t i = hash_str(key) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], key))
        i = (i + 1) & (m->cap - 1);
    return i;
}

size_t *rpt_map_find(const struct rpt_map *m, const char *key)
{
    if (!m->cap)
        return NULL;
    size_t i = slot_of(m, key);
    return m->keys[i] ? &m->vals[i] : NULL;
}

size_t *rpt_map_get(struct rpt_map *m, const char *key)
{
    if ((m->n + 1) * 2 > m->cap) {
        struct rpt_map old = *m;
        m->cap = old.cap ? old.cap * 2 : 64;
        m->keys = xcalloc(m->cap, sizeof(char *));
        m->vals = xcalloc(m->cap, sizeof(size_t));
        for (size_t i = 0; i < old.cap; i++)
            if (old.keys[i]) {
                size_t j = slot_of(m, old.keys[i]);
                m->keys[j] = old.keys[i];
                m->vals[j] = old.vals[i];
            }
        free(old.keys);
        free(old.vals);
    }
    size_t i = slot_of(m, key);
    if (!m->keys[i]) {
        m->keys[i] = xstrdup(key);
        m->vals[i] = 0;
        m->n++;
    }
    return &m->vals[i];
}
