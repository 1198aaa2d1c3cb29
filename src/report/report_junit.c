/*
 * report_junit.c - JUnit XML for CI systems: a <testsuite> per device (named
 * by its path relative to the scanned folder) with a <testcase> per check
 * (classname the device's path, name the check id, so every testcase is
 * unique and stays the same across runs): failure for fail, skipped (with
 * the reason) for not_applicable and waived; unknown and needs_context are
 * skipped too unless --junit-unknown makes them failures or errors. Then a
 * "fleet" suite (a testcase per shared secret, named by its kind and the
 * devices sharing it) and a "measures" suite (a testcase per measure, named
 * by its id and title; failure when not met or overdue). Valid against the
 * Apache Ant JUnit schema (JUnit.xsd).
 */
#include "report/report_int.h"

struct junit_state {
    size_t nsuites;
    struct rpt_map fleet_names; /* fleet testcase names given so far */
    char timestamp[20];         /* YYYY-MM-DDTHH:MM:SS, no zone (the schema's pattern) */
};

static int junit_open(struct report_writer *w)
{
    struct junit_state *st = xcalloc(1, sizeof(*st));
    rpt_map_init(&st->fleet_names);
    w->state = st;
    const char *s = w->run->started;
    if (s && strlen(s) >= 19)
        snprintf(st->timestamp, sizeof(st->timestamp), "%.19s", s);
    else
        snprintf(st->timestamp, sizeof(st->timestamp), "1970-01-01T00:00:00");
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n", w->f);
    return 0;
}

static void suite_open(struct report_writer *w, const char *name, const char *package, size_t tests,
                       size_t failures, size_t errors, size_t skipped)
{
    struct junit_state *st = w->state;
    FILE *f = w->f;
    fputs("<testsuite name=\"", f);
    /* xs:token with minLength 1: blank names collapse to nothing. */
    bool blank = !name || sv_trim(sv_from_cstr(name)).n == 0;
    rpt_xml_cstr(f, blank ? "unnamed" : name, true);
    fputs("\" package=\"", f);
    rpt_xml_cstr(f, package, true);
    fprintf(f,
            "\" id=\"%zu\" timestamp=\"%s\" hostname=\"tsaudit\" tests=\"%zu\" failures=\"%zu\" "
            "errors=\"%zu\" skipped=\"%zu\" time=\"0\">\n",
            st->nsuites++, st->timestamp, tests, failures, errors, skipped);
}

static void property(FILE *f, const char *name, const char *value)
{
    fputs("  <property name=\"", f);
    rpt_xml_cstr(f, name, true);
    fputs("\" value=\"", f);
    rpt_xml_cstr(f, value ? value : "", true);
    fputs("\"/>\n", f);
}

static void testcase_open(FILE *f, const char *classname, const char *name)
{
    fputs(" <testcase classname=\"", f);
    rpt_xml_cstr(f, classname, true);
    fputs("\" name=\"", f);
    rpt_xml_cstr(f, name, true);
    fputs("\" time=\"0\"", f);
}

enum junit_outcome { JUNIT_PASSED, JUNIT_FAILURE, JUNIT_ERROR, JUNIT_SKIPPED };

/* How a verdict shows in JUnit (the mapping docs/report-formats.md gives). */
static enum junit_outcome outcome(const struct report_writer *w, enum verdict v)
{
    switch (v) {
    case VERDICT_PASS:
        return JUNIT_PASSED;
    case VERDICT_FAIL:
        return JUNIT_FAILURE;
    case VERDICT_UNKNOWN:
    case VERDICT_NEEDS_CONTEXT:
        return w->run->junit_unknown == REPORT_JUNIT_UNKNOWN_ERROR     ? JUNIT_ERROR
               : w->run->junit_unknown == REPORT_JUNIT_UNKNOWN_FAILURE ? JUNIT_FAILURE
                                                                       : JUNIT_SKIPPED;
    default:
        return JUNIT_SKIPPED;
    }
}

struct junit_counts {
    size_t tests, failures, errors, skipped;
};

/* The suite's counts: one testcase for a device not assessed, else one per
 * listed result. */
static struct junit_counts junit_count(struct report_writer *w, const struct device_result *d)
{
    struct junit_counts n = {0};
    if (d->excluded || d->unreadable || d->not_audited) {
        n.tests = 1;
        n.errors = d->unreadable ? 1 : 0;
        n.skipped = d->excluded || d->not_audited ? 1 : 0;
        return n;
    }
    for (size_t i = 0; i < d->nresults; i++) {
        if (!report_filter_result(&w->run->filter, &d->results[i]))
            continue;
        n.tests++;
        enum junit_outcome o = outcome(w, d->results[i].verdict);
        n.failures += o == JUNIT_FAILURE;
        n.errors += o == JUNIT_ERROR;
        n.skipped += o == JUNIT_SKIPPED;
    }
    return n;
}

static void junit_properties(struct report_writer *w, const struct device_result *d)
{
    FILE *f = w->f;
    fputs(" <properties>\n", f);
    property(f, "file", d->relpath ? d->relpath : d->file);
    if (d->hostname)
        property(f, "hostname", rpt_clean_cstr(w, 0, d, d->hostname, false));
    property(f, "dialect", dialect_name(d->dialect));
    property(f, "form", dialect_form_name(d->form));
    if (d->os_version)
        property(f, "os_version", rpt_clean_cstr(w, 0, d, d->os_version, false));
    if (d->content_hash[0])
        property(f, "content_hash", d->content_hash);
    property(f, "partial", d->partial ? "true" : "false");
    fputs(" </properties>\n", f);
}

/* The one testcase of a device excluded, not audited or unreadable. */
static void junit_not_assessed(struct report_writer *w, const struct device_result *d,
                               const char *cls)
{
    FILE *f = w->f;
    if (d->excluded) {
        testcase_open(f, cls, "excluded");
        fputs("><skipped message=\"", f);
        rpt_xml_cstr(f,
                     d->excluded_reason ? rpt_clean_cstr(w, 0, d, d->excluded_reason, true)
                                        : "excluded by the provider profile",
                     true);
        fputs("\"/></testcase>\n", f);
    } else if (d->not_audited) {
        testcase_open(f, cls, "not-audited");
        fputs("><skipped message=\"not audited: ", f);
        rpt_xml_cstr(f, rpt_clean_cstr(w, 0, d, d->not_audited, true), true);
        fputs("\"/></testcase>\n", f);
    } else if (d->unreadable) {
        testcase_open(f, cls, "parse");
        fputs("><error type=\"unreadable\" message=\"", f);
        const char *msg =
            d->ndiags && d->diags[0].msg ? d->diags[0].msg : "could not be read or parsed";
        rpt_xml_cstr(f, rpt_clean_cstr(w, 0, d, msg, true), true);
        fputs("\"/></testcase>\n", f);
    }
}

/* A result shown as a failure or an error (o): its message, the check's
 * title, the evidence lines and the remediation. */
static void junit_fault(struct report_writer *w, const struct device_result *d,
                        const struct check_result *r, enum junit_outcome o, const char *msg)
{
    FILE *f = w->f;
    const struct check_def *c = r->check;
    if (r->verdict == VERDICT_FAIL)
        fprintf(f, "><failure type=\"%s\" message=\"", c ? severity_name(c->severity) : "info");
    else
        fprintf(f, "><%s type=\"%s\" message=\"", o == JUNIT_ERROR ? "error" : "failure",
                verdict_name(r->verdict));
    rpt_xml_cstr(f, msg, true);
    fputs("\">", f);
    if (c && c->title) {
        rpt_xml_cstr(f, c->title, false);
        fputc('\n', f);
    }
    for (uint32_t k = 0; k < r->nevidence && k < RPT_MAX_EVIDENCE; k++) {
        const struct evidence *e = &r->evidence[k];
        rpt_xml_cstr(f, d->relpath ? d->relpath : d->file, false);
        fprintf(f, ":%u: ", (unsigned)e->line);
        rpt_xml_cstr(f, rpt_clean(w, 1, d, e->text, e->len, true), false);
        fputc('\n', f);
    }
    const char *rem = r->remediation ? r->remediation : rpt_remediation(c, d->dialect);
    if (rem) {
        fputs("Remediation: ", f);
        rpt_xml_cstr(f, rem, false);
        fputc('\n', f);
    }
    fprintf(f, "</%s></testcase>\n", o == JUNIT_ERROR ? "error" : "failure");
}

/* A result shown as skipped: waived (by which waiver, until when) or the
 * verdict and its message. */
static void junit_skipped(FILE *f, const struct check_result *r, const char *msg)
{
    struct buf why;
    buf_init(&why, 0);
    if (r->verdict == VERDICT_WAIVED)
        buf_printf(&why, "waived: %s%s%s", r->waiver ? r->waiver : "",
                   r->waiver_expires ? " (expires " : "",
                   r->waiver_expires ? r->waiver_expires : "");
    else
        buf_printf(&why, "%s: %s", verdict_name(r->verdict), msg);
    if (r->verdict == VERDICT_WAIVED && r->waiver_expires)
        buf_addc(&why, ')');
    fputs("><skipped message=\"", f);
    rpt_xml_str(f, why.data, why.len, true);
    fputs("\"/></testcase>\n", f);
    buf_free(&why);
}

/* One listed result as a testcase. */
static void junit_result(struct report_writer *w, const struct device_result *d, const char *cls,
                         const struct check_result *r)
{
    FILE *f = w->f;
    const struct check_def *c = r->check;
    testcase_open(f, cls, c ? c->id : "unknown");
    const char *msg = rpt_clean_cstr(w, 0, d, r->message ? r->message : "", false);
    if (r->verdict == VERDICT_PASS) {
        fputs("/>\n", f);
        return;
    }
    enum junit_outcome o = outcome(w, r->verdict);
    if (o == JUNIT_FAILURE || o == JUNIT_ERROR)
        junit_fault(w, d, r, o, msg);
    else
        junit_skipped(f, r, msg);
}

/* The device's diagnostics (the first 200) as the suite's system-err. */
static void junit_diags(struct report_writer *w, const struct device_result *d)
{
    FILE *f = w->f;
    fputs(" <system-out/>\n <system-err>", f);
    for (uint32_t i = 0; i < d->ndiags && i < 200; i++) {
        static const char *const lv[] = {"note", "warning", "error"};
        fprintf(f, "%u: %s: ", (unsigned)d->diags[i].line,
                (unsigned)d->diags[i].level < 3 ? lv[d->diags[i].level] : "error");
        rpt_xml_cstr(f, rpt_clean_cstr(w, 0, d, d->diags[i].msg, true), false);
        fputc('\n', f);
    }
    fputs("</system-err>\n</testsuite>\n", f);
}

static int junit_device(struct report_writer *w, const struct device_result *d)
{
    const char *id = rpt_clean_cstr(w, 2, d, rpt_device_name(d), false);
    struct buf cls;
    buf_init(&cls, 0);
    buf_adds(&cls, id);
    struct junit_counts n = junit_count(w, d);
    struct buf pkg;
    buf_init(&pkg, 0);
    buf_printf(&pkg, "tsaudit.%s", dialect_name(d->dialect));
    suite_open(w, id, pkg.data, n.tests, n.failures, n.errors, n.skipped);
    buf_free(&pkg);
    junit_properties(w, d);
    junit_not_assessed(w, d, cls.data);
    for (size_t i = 0; !d->excluded && !d->unreadable && i < d->nresults; i++)
        if (report_filter_result(&w->run->filter, &d->results[i]))
            junit_result(w, d, cls.data, &d->results[i]);
    junit_diags(w, d);
    buf_free(&cls);
    return 0;
}

/*
 * A fleet testcase's name: what is shared and by which devices, at which
 * lines ("ntp-key: core/a.cfg:55 + core/b.cfg:30"), so each is told apart
 * and keeps its name on the next run; a repeat gets " (2)", " (3)", ...
 */
static void fleet_case_name(struct report_writer *w, const struct fleet_finding *x, struct buf *b)
{
    struct junit_state *st = w->state;
    if (x->kind)
        buf_printf(b, "%s: ", x->kind);
    for (size_t k = 0; k < x->ndevices; k++)
        buf_printf(b, "%s%s:%u", k ? " + " : "", x->devices[k],
                   x->lines ? (unsigned)x->lines[k] : 0u);
    if (!x->ndevices)
        buf_adds(b, x->message ? x->message : "finding");
    size_t *seen = rpt_map_get(&st->fleet_names, buf_cstr(b));
    if ((*seen)++)
        buf_printf(b, " (%zu)", *seen);
}

static void fleet_suite(struct report_writer *w, const struct report_estate *e)
{
    FILE *f = w->f;
    size_t failures = 0, skipped = 0;
    for (size_t i = 0; i < e->nff; i++) {
        if (e->ff[i].verdict == VERDICT_FAIL)
            failures++;
        else if (e->ff[i].verdict != VERDICT_PASS)
            skipped++;
    }
    suite_open(w, "fleet", "tsaudit.fleet", e->nff, failures, 0, skipped);
    fputs(" <properties/>\n", f);
    for (size_t i = 0; i < e->nff; i++) {
        const struct fleet_finding *x = &e->ff[i];
        struct buf cls, name;
        buf_init(&cls, 0);
        buf_init(&name, 0);
        buf_printf(&cls, "fleet.%s", x->check ? x->check->id : "unknown");
        fleet_case_name(w, x, &name);
        testcase_open(f, cls.data, name.data);
        buf_free(&cls);
        buf_free(&name);
        if (x->verdict == VERDICT_PASS) {
            fputs("/>\n", f);
            continue;
        }
        if (x->verdict == VERDICT_FAIL) {
            fprintf(f, "><failure type=\"%s\" message=\"",
                    x->check ? severity_name(x->check->severity) : "info");
            rpt_xml_cstr(f, x->message, true);
            fputs("\">", f);
            for (size_t k = 0; k < x->ndevices; k++) {
                rpt_xml_cstr(f, x->devices[k], false);
                fprintf(f, ":%u\n", x->lines ? (unsigned)x->lines[k] : 0u);
            }
            fputs("</failure></testcase>\n", f);
        } else {
            fputs("><skipped message=\"", f);
            rpt_xml_cstr(f, verdict_name(x->verdict), true);
            fputs(": ", f);
            rpt_xml_cstr(f, x->message, true);
            fputs("\"/></testcase>\n", f);
        }
    }
    fputs(" <system-out/>\n <system-err/>\n</testsuite>\n", f);
}

static void measures_suite(struct report_writer *w, const struct compliance_result *cr)
{
    FILE *f = w->f;
    size_t failures = 0, skipped = 0;
    for (size_t i = 0; i < cr->n; i++) {
        const struct measure_status *s = &cr->v[i];
        if (s->status == MEASURE_NOT_MET || s->overdue)
            failures++;
        else if (s->status != MEASURE_MET)
            skipped++;
    }
    suite_open(w, "measures", "tsaudit.measures", cr->n, failures, 0, skipped);
    fputs(" <properties>\n", f);
    char num[16];
    snprintf(num, sizeof(num), "%d", cr->tier);
    property(f, "tier", num);
    property(f, "edition", cr->edition);
    char d[11];
    property(f, "as_of", rpt_date(cr->as_of, d));
    fputs(" </properties>\n", f);
    for (size_t i = 0; i < cr->n; i++) {
        const struct measure_status *s = &cr->v[i];
        struct buf cls;
        buf_init(&cls, 0);
        buf_printf(&cls, "measures.section%02d", s->measure->section);
        struct buf name;
        buf_init(&name, 0);
        buf_printf(&name, "%s %s", s->measure->id, s->measure->title ? s->measure->title : "");
        testcase_open(f, cls.data, name.data);
        buf_free(&name);
        buf_free(&cls);
        struct buf msg;
        buf_init(&msg, 0);
        buf_printf(&msg, "%s%s", measure_status_name(s->status), s->overdue ? ", overdue" : "");
        if (s->due_known)
            buf_printf(&msg, " (due %s)", rpt_date(s->due, d));
        if (s->reason)
            buf_printf(&msg, ": %s", s->reason);
        if (s->status == MEASURE_MET) {
            fputs("/>\n", f);
        } else if (s->status == MEASURE_NOT_MET || s->overdue) {
            fprintf(f, "><failure type=\"%s\" message=\"", s->overdue ? "overdue" : "not_met");
            rpt_xml_str(f, msg.data, msg.len, true);
            fputs("\">", f);
            rpt_xml_cstr(f, s->measure->title, false);
            fputc('\n', f);
            for (size_t k = 0; k < s->nfindings; k++) {
                rpt_xml_cstr(f, s->findings[k].device, false);
                fputs(" ", f);
                rpt_xml_cstr(f, s->findings[k].check, false);
                fprintf(f, " %s\n", verdict_name(s->findings[k].verdict));
            }
            fputs("</failure></testcase>\n", f);
        } else {
            fputs("><skipped message=\"", f);
            rpt_xml_str(f, msg.data, msg.len, true);
            fputs("\"/></testcase>\n", f);
        }
        buf_free(&msg);
    }
    fputs(" <system-out/>\n <system-err/>\n</testsuite>\n", f);
}

static int junit_finish(struct report_writer *w, const struct report_estate *e)
{
    fleet_suite(w, e);
    if (e->cr)
        measures_suite(w, e->cr);
    fputs("</testsuites>\n", w->f);
    return ferror(w->f) ? -1 : 0;
}

static void junit_release(struct report_writer *w)
{
    struct junit_state *st = w->state;
    if (st)
        rpt_map_free(&st->fleet_names);
}

const struct report_ops report_ops_junit = {
    .name = "junit",
    .open = junit_open,
    .device = junit_device,
    .finish = junit_finish,
    .release = junit_release,
};
