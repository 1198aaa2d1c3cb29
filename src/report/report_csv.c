/*
 * report_csv.c - CSV for spreadsheets (RFC 4180: CRLF line ends, quoted
 * cells where needed, formula-looking cells neutralised with a leading
 * apostrophe). Two tables: `-o x.csv` holds one row per device and check
 * (plus fleet findings and rows for excluded or unreadable devices) and a
 * sibling `x.measures.csv` holds one row per Code measure. Both are written
 * atomically and appear together. On standard output only the first table
 * is written.
 */
#include "report/report_int.h"

struct csv_state {
    struct atomic_file measures;
    bool has_measures;
};

static void sep(FILE *f)
{
    fputc(',', f);
}

static void eol(FILE *f)
{
    fputs("\r\n", f);
}

static const char *const result_header[] = {
    "scope",          "file",     "hostname",    "dialect",  "check",
    "title",          "category", "severity",    "verdict",  "message",
    "evidence_lines", "evidence", "remediation", "measures", "waiver",
    "waiver_expires", NULL};

static const char *const measure_header[] = {"id",
                                             "section",
                                             "section_title",
                                             "title",
                                             "kind",
                                             "applies",
                                             "status",
                                             "assessed",
                                             "overdue",
                                             "due",
                                             "due_all",
                                             "deadline_verified",
                                             "checks",
                                             "pass",
                                             "fail",
                                             "waived",
                                             "unknown",
                                             "needs_context",
                                             "devices",
                                             "attestation_status",
                                             "attestation_evidence",
                                             "attestation_owner",
                                             "attestation_expires",
                                             "reason",
                                             NULL};

static void header(FILE *f, const char *const *h)
{
    for (size_t i = 0; h[i]; i++) {
        if (i)
            sep(f);
        fputs(h[i], f);
    }
    eol(f);
}

static char *sibling_path(const char *path)
{
    size_t n = strlen(path);
    size_t base = n >= 4 && !strcasecmp(path + n - 4, ".csv") ? n - 4 : n;
    char *out = xmalloc(base + sizeof(".measures.csv"));
    memcpy(out, path, base);
    memcpy(out + base, ".measures.csv", sizeof(".measures.csv"));
    return out;
}

static int csv_open(struct report_writer *w)
{
    struct csv_state *st = xcalloc(1, sizeof(*st));
    w->state = st;
    if (w->af.tmp) {
        char *p = sibling_path(w->af.path);
        int rc = atomic_file_open(&st->measures, p);
        free(p);
        if (rc < 0)
            return -1;
        st->has_measures = true;
    }
    header(w->f, result_header);
    return 0;
}

static void csv_release(struct report_writer *w)
{
    struct csv_state *st = w->state;
    if (st && st->has_measures) {
        atomic_file_abort(&st->measures); /* no-op once committed */
        st->has_measures = false;
    }
}

static void measures_cell(FILE *f, const struct check_def *c)
{
    struct buf b;
    buf_init(&b, 0);
    for (size_t k = 0; c && c->measures && c->measures[k]; k++)
        buf_printf(&b, "%s%s", k ? " " : "", c->measures[k]);
    rpt_csv_cell(f, b.data, b.len);
    buf_free(&b);
}

static void device_only_row(struct report_writer *w, const struct device_result *d,
                            const char *verdict, const char *message)
{
    FILE *f = w->f;
    rpt_csv_cstr(f, "device");
    sep(f);
    rpt_csv_cstr(f, d->relpath ? d->relpath : d->file);
    sep(f);
    rpt_csv_cstr(f, rpt_clean_cstr(w, 0, d, d->hostname, false));
    sep(f);
    char label[DIALECT_LABEL_MAX];
    rpt_csv_cstr(f, dialect_label(d->dialect, d->platform, label, sizeof(label)));
    fputs(",,,,,", f);
    rpt_csv_cstr(f, verdict);
    sep(f);
    rpt_csv_cstr(f, message);
    fputs(",,,,,,", f);
    eol(f);
}

static int csv_device(struct report_writer *w, const struct device_result *d)
{
    FILE *f = w->f;
    if (d->excluded) {
        device_only_row(w, d, "excluded",
                        d->excluded_reason ? rpt_clean_cstr(w, 1, d, d->excluded_reason, true)
                                           : "excluded by the provider profile");
        return 0;
    }
    if (d->not_audited) {
        device_only_row(w, d, "not_audited", rpt_clean_cstr(w, 1, d, d->not_audited, true));
        return 0;
    }
    if (d->unreadable) {
        const char *msg = d->ndiags && d->diags[0].msg
                              ? rpt_clean_cstr(w, 1, d, d->diags[0].msg, true)
                              : "could not be read or parsed";
        device_only_row(w, d, "unreadable", msg);
        return 0;
    }
    struct buf lines, text;
    buf_init(&lines, 0);
    buf_init(&text, 0);
    for (size_t i = 0; i < d->nresults; i++) {
        const struct check_result *r = &d->results[i];
        const struct check_def *c = r->check;
        if (!report_filter_result(&w->run->filter, r))
            continue;
        rpt_csv_cstr(f, "device");
        sep(f);
        rpt_csv_cstr(f, d->relpath ? d->relpath : d->file);
        sep(f);
        rpt_csv_cstr(f, rpt_clean_cstr(w, 0, d, d->hostname, false));
        sep(f);
        rpt_csv_cstr(f, dialect_name(d->dialect));
        sep(f);
        rpt_csv_cstr(f, c ? c->id : "");
        sep(f);
        rpt_csv_cstr(f, c ? c->title : "");
        sep(f);
        rpt_csv_cstr(f, c ? c->category : "");
        sep(f);
        rpt_csv_cstr(f, c ? severity_name(c->severity) : "");
        sep(f);
        rpt_csv_cstr(f, verdict_name(r->verdict));
        sep(f);
        rpt_csv_cstr(f, rpt_clean_cstr(w, 0, d, r->message, false));
        sep(f);
        buf_reset(&lines);
        buf_reset(&text);
        for (uint32_t k = 0; k < r->nevidence && k < RPT_MAX_EVIDENCE; k++) {
            const struct evidence *e = &r->evidence[k];
            buf_printf(&lines, "%s%u", k ? " " : "", (unsigned)e->line);
            buf_printf(&text, "%s%u: %s", k ? "\n" : "", (unsigned)e->line,
                       rpt_clean(w, 0, d, e->text, e->len, true));
        }
        rpt_csv_cell(f, lines.data, lines.len);
        sep(f);
        rpt_csv_cell(f, text.data, text.len);
        sep(f);
        rpt_csv_cstr(f, r->verdict == VERDICT_FAIL || r->verdict == VERDICT_WAIVED
                            ? (r->remediation ? r->remediation : rpt_remediation(c, d->dialect))
                            : NULL);
        sep(f);
        measures_cell(f, c);
        sep(f);
        rpt_csv_cstr(f, r->waiver);
        sep(f);
        rpt_csv_cstr(f, r->waiver_expires);
        eol(f);
    }
    buf_free(&lines);
    buf_free(&text);
    return 0;
}

static void fleet_rows(struct report_writer *w, const struct report_estate *e)
{
    FILE *f = w->f;
    for (size_t i = 0; i < e->nff; i++) {
        const struct fleet_finding *x = &e->ff[i];
        struct buf names, lines;
        buf_init(&names, 0);
        buf_init(&lines, 0);
        for (size_t k = 0; k < x->ndevices; k++) {
            buf_printf(&names, "%s%s", k ? " " : "", x->devices[k]);
            buf_printf(&lines, "%s%s:%u", k ? " " : "", x->devices[k],
                       x->lines ? (unsigned)x->lines[k] : 0u);
        }
        rpt_csv_cstr(f, "fleet");
        fputs(",,", f);
        rpt_csv_cell(f, names.data, names.len);
        fputs(",,", f);
        rpt_csv_cstr(f, x->check ? x->check->id : "");
        sep(f);
        rpt_csv_cstr(f, x->check ? x->check->title : "");
        sep(f);
        rpt_csv_cstr(f, x->check ? x->check->category : "");
        sep(f);
        rpt_csv_cstr(f, x->check ? severity_name(x->check->severity) : "");
        sep(f);
        rpt_csv_cstr(f, verdict_name(x->verdict));
        sep(f);
        rpt_csv_cstr(f, x->message);
        sep(f);
        rpt_csv_cell(f, lines.data, lines.len);
        fputs(",,", f);
        rpt_csv_cstr(f, x->check ? rpt_remediation(x->check, DIALECT_UNKNOWN) : NULL);
        sep(f);
        measures_cell(f, x->check);
        fputs(",,", f);
        eol(f);
        buf_free(&names);
        buf_free(&lines);
    }
}

static void measure_rows(FILE *f, const struct compliance_result *cr)
{
    header(f, measure_header);
    for (size_t i = 0; cr && i < cr->n; i++) {
        const struct measure_status *s = &cr->v[i];
        const struct measure *m = s->measure;
        char d[11], num[32];
        rpt_csv_cstr(f, m->id);
        sep(f);
        snprintf(num, sizeof(num), "%d", m->section);
        rpt_csv_cstr(f, num);
        sep(f);
        rpt_csv_cstr(f, m->section_title);
        sep(f);
        rpt_csv_cstr(f, m->title);
        sep(f);
        rpt_csv_cstr(f, measure_kind_name(s->kind_used));
        sep(f);
        rpt_csv_cstr(f, s->applies ? "yes" : "no");
        sep(f);
        rpt_csv_cstr(f, measure_status_name(s->status));
        sep(f);
        rpt_csv_cstr(f, measure_status_name(s->assessed));
        sep(f);
        rpt_csv_cstr(f, s->overdue ? "yes" : "no");
        sep(f);
        rpt_csv_cstr(f, s->due_known ? rpt_date(s->due, d) : "");
        sep(f);
        rpt_csv_cstr(f, s->due_all_known ? rpt_date(s->due_all, d) : "");
        sep(f);
        rpt_csv_cstr(f, s->deadline_verified ? "yes" : "no");
        sep(f);
        struct buf b;
        buf_init(&b, 0);
        for (size_t k = 0; k < s->nchecks; k++)
            buf_printf(&b, "%s%s", k ? " " : "", s->checks[k]->id);
        rpt_csv_cell(f, b.data, b.len);
        buf_free(&b);
        fprintf(f, ",%zu,%zu,%zu,%zu,%zu,%zu,", s->npass, s->nfail, s->nwaived, s->nunknown,
                s->nneeds_context, s->ndevices);
        const struct attestation *a = s->attestation;
        rpt_csv_cstr(f, a ? attest_status_name(a->status) : "");
        sep(f);
        rpt_csv_cstr(f, a ? a->evidence : "");
        sep(f);
        rpt_csv_cstr(f, a ? a->owner : "");
        sep(f);
        rpt_csv_cstr(f, a && a->has_expires ? rpt_date(a->expires, d) : "");
        sep(f);
        rpt_csv_cstr(f, s->reason);
        eol(f);
    }
}

static int csv_finish(struct report_writer *w, const struct report_estate *e)
{
    struct csv_state *st = w->state;
    fleet_rows(w, e);
    if (st->has_measures) {
        measure_rows(st->measures.f, e->cr);
        st->has_measures = false;
        if (atomic_file_commit(&st->measures) < 0)
            return -1;
    }
    return ferror(w->f) ? -1 : 0;
}

const struct report_ops report_ops_csv = {
    .name = "csv",
    .open = csv_open,
    .device = csv_device,
    .finish = csv_finish,
    .release = csv_release,
};
