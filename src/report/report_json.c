/*
 * report_json.c - the JSON report (the contract scripts rely on; schema in
 * docs/report.schema.json). One object: "tool" first, then "devices"
 * streamed one per line as they are scanned, then the estate-wide "run",
 * "fleet", "measures" and "summary" at the end.
 */
#include "report/report_int.h"

/* The parts of a result that depend only on its check (and the device's
 * dialect), escaped once and then copied for every device. */
struct json_piece {
    char *s;
    size_t n;
};

struct json_check_text {
    struct json_piece head;                /* {"check":...,"title":...,"category":...,"verdict": */
    struct json_piece severity;            /* ,"severity":"..." */
    struct json_piece tail[DIALECT_COUNT]; /* "remediation":...,"measures":[...] */
};

struct json_state {
    size_t ndevices;
    struct json_check_text *checks; /* by check index */
    size_t nchecks;
};

static void key(FILE *f, const char *k)
{
    fputc('"', f);
    fputs(k, f);
    fputs("\":", f);
}

static void uint_out(FILE *f, unsigned long long v)
{
    char b[24];
    size_t i = sizeof(b);
    do
        b[--i] = (char)('0' + v % 10);
    while (v /= 10);
    fwrite(b + i, 1, sizeof(b) - i, f);
}

static void kstr(FILE *f, const char *k, const char *v)
{
    key(f, k);
    rpt_json_cstr(f, v);
}

static void kdate(FILE *f, const char *k, bool known, int32_t days)
{
    char d[11];
    key(f, k);
    if (known)
        rpt_json_cstr(f, rpt_date(days, d));
    else
        fputs("null", f);
}

static int json_open(struct report_writer *w)
{
    struct json_state *st = xcalloc(1, sizeof(*st));
    rpt_checks(w, &st->nchecks);
    st->checks = xcalloc(st->nchecks ? st->nchecks : 1, sizeof(*st->checks));
    w->state = st;
    fputs("{\"tool\":{\"name\":\"tsaudit\",\"version\":", w->f);
    rpt_json_cstr(w->f, w->run->tool_version);
    fputs(",\"report_schema\":1},\n\"devices\":[\n", w->f);
    return 0;
}

static void write_head(FILE *f, const struct check_def *c)
{
    fputs("{", f);
    kstr(f, "check", c ? c->id : "unknown");
    fputc(',', f);
    kstr(f, "title", c ? c->title : NULL);
    fputc(',', f);
    kstr(f, "category", c ? c->category : NULL);
    fputc(',', f);
    key(f, "verdict");
}

static void write_severity(FILE *f, const struct check_def *c)
{
    fputc(',', f);
    kstr(f, "severity", c ? severity_name(c->severity) : "info");
}

static void write_tail(FILE *f, const struct check_def *c, const char *remediation)
{
    kstr(f, "remediation", remediation);
    fputs(",\"measures\":", f);
    rpt_json_measures(f, c);
}

/* Build a piece once with fn, then write it. */
static void piece_write(FILE *f, struct json_piece *p,
                        void (*fn)(FILE *, const struct check_def *, const char *),
                        const struct check_def *c, const char *arg)
{
    if (!p->s) {
        FILE *m = open_memstream(&p->s, &p->n);
        if (!m)
            BUG("out of memory");
        fn(m, c, arg);
        if (fclose(m) != 0)
            BUG("out of memory");
    }
    fwrite(p->s, 1, p->n, f);
}

static void head_fn(FILE *f, const struct check_def *c, const char *unused)
{
    (void)unused;
    write_head(f, c);
}

static void severity_fn(FILE *f, const struct check_def *c, const char *unused)
{
    (void)unused;
    write_severity(f, c);
}

/* "message" and "evidence" of a result, cleaned. */
static void write_findings(struct report_writer *w, const struct device_result *d,
                           const struct check_result *r)
{
    FILE *f = w->f;
    kstr(f, "message", rpt_clean_cstr(w, 0, d, r->message, false));
    fputs(",\"evidence\":[", f);
    for (uint32_t i = 0; i < r->nevidence && i < RPT_MAX_EVIDENCE; i++) {
        const struct evidence *e = &r->evidence[i];
        fputs(i ? ",{\"line\":" : "{\"line\":", f);
        uint_out(f, e->line);
        fputs(",\"text\":", f);
        const char *t = rpt_clean(w, 0, d, e->text, e->len, true);
        rpt_json_cstr(f, t);
        fputc('}', f);
    }
    fputc(']', f);
    /* A fail without evidence: where the missing setting belongs, not evidence. */
    if (r->anchor_line) {
        fputs(",\"anchor\":{\"line\":", f);
        uint_out(f, r->anchor_line);
        fputc(',', f);
        kstr(f, "section", r->anchor_section);
        fputc('}', f);
    }
}

static void write_waiver(FILE *f, const struct check_result *r)
{
    if (r->waiver || r->verdict == VERDICT_WAIVED) {
        fputs(",\"waiver\":{", f);
        kstr(f, "reason", r->waiver);
        fputc(',', f);
        kstr(f, "expires", r->waiver_expires);
        fputc('}', f);
    }
}

static void write_result(struct report_writer *w, const struct device_result *d,
                         const struct check_result *r)
{
    FILE *f = w->f;
    struct json_state *st = w->state;
    const struct check_def *c = r->check;
    size_t ci = rpt_check_index(w, c);
    struct json_check_text *ct = ci < st->nchecks ? &st->checks[ci] : NULL;
    if (ct)
        piece_write(f, &ct->head, head_fn, c, NULL);
    else
        write_head(f, c);
    rpt_json_cstr(f, verdict_name(r->verdict));
    if (ct)
        piece_write(f, &ct->severity, severity_fn, c, NULL);
    else
        write_severity(f, c);
    fputc(',', f);
    write_findings(w, d, r);
    fputc(',', f);
    if (ct && !r->remediation && (unsigned)d->dialect < DIALECT_COUNT)
        piece_write(f, &ct->tail[d->dialect], write_tail, c, rpt_remediation(c, d->dialect));
    else
        write_tail(f, c, r->remediation ? r->remediation : rpt_remediation(c, d->dialect));
    write_waiver(f, r);
    fputs("}", f);
}

/*
 * --json-compact: what the check says of itself (title, category,
 * severity, measures, remediation) is written once, in the top-level
 * "checks" object; a result keeps what is its own, and a remediation only
 * when it is not the check's for the device's dialect.
 */
static void write_result_compact(struct report_writer *w, const struct device_result *d,
                                 const struct check_result *r)
{
    FILE *f = w->f;
    const struct check_def *c = r->check;
    fputc('{', f);
    kstr(f, "check", c ? c->id : "unknown");
    fputc(',', f);
    kstr(f, "verdict", verdict_name(r->verdict));
    fputc(',', f);
    write_findings(w, d, r);
    const char *own = c ? rpt_remediation(c, d->dialect) : NULL;
    if (r->remediation && (!own || strcmp(r->remediation, own) != 0)) {
        fputc(',', f);
        kstr(f, "remediation", r->remediation);
    }
    write_waiver(f, r);
    fputc('}', f);
}

/* "checks": each check of the run once, with its remediation per dialect. */
static void write_checks(struct report_writer *w)
{
    FILE *f = w->f;
    size_t n;
    const struct check_def *const *all = rpt_checks(w, &n);
    fputs("\"checks\":{", f);
    for (size_t i = 0; i < n; i++) {
        const struct check_def *c = all[i];
        if (i)
            fputs(",\n", f);
        rpt_json_cstr(f, c->id);
        fputs(":{", f);
        kstr(f, "title", c->title);
        fputc(',', f);
        kstr(f, "category", c->category);
        fputc(',', f);
        kstr(f, "severity", severity_name(c->severity));
        fputs(",\"measures\":", f);
        rpt_json_measures(f, c);
        fputs(",\"remediation\":", f);
        rpt_json_remediations(f, c);
        fputc('}', f);
    }
    fputs("}", f);
}

static int json_device_locked(struct report_writer *w, const struct device_result *d);

/* One lock for the whole device instead of one per stdio call. */
static int json_device(struct report_writer *w, const struct device_result *d)
{
    flockfile(w->f);
    int rc = json_device_locked(w, d);
    funlockfile(w->f);
    return rc;
}

static int json_device_locked(struct report_writer *w, const struct device_result *d)
{
    struct json_state *st = w->state;
    FILE *f = w->f;
    if (st->ndevices++)
        fputs(",\n", f);
    fputc('{', f);
    kstr(f, "file", d->file);
    fputc(',', f);
    kstr(f, "relpath", d->relpath ? d->relpath : d->file);
    fputc(',', f);
    kstr(f, "hostname", rpt_clean_cstr(w, 0, d, d->hostname, false));
    fputc(',', f);
    kstr(f, "dialect", dialect_name(d->dialect));
    fputc(',', f);
    kstr(f, "form", dialect_form_name(d->form));
    fputc(',', f);
    kstr(f, "detect_signal", d->detect_signal);
    if (d->detect_source) {
        fputc(',', f);
        kstr(f, "detect_source", d->detect_source);
    }
    fputc(',', f);
    kstr(f, "os_version", rpt_clean_cstr(w, 0, d, d->os_version, false));
    fputc(',', f);
    kstr(f, "content_hash", d->content_hash[0] ? d->content_hash : NULL);
    if (d->statements)
        fprintf(f, ",\"coverage\":{\"statements\":%u,\"understood\":%u}", (unsigned)d->statements,
                (unsigned)d->understood);
    else
        fputs(",\"coverage\":null", f);
    fprintf(f, ",\"partial\":%s,\"excluded\":%s,\"unreadable\":%s", d->partial ? "true" : "false",
            d->excluded ? "true" : "false", d->unreadable ? "true" : "false");
    if (d->excluded && d->excluded_reason) {
        fputs(",\"excluded_reason\":", f);
        rpt_json_cstr(f, rpt_clean_cstr(w, 0, d, d->excluded_reason, true));
    }
    if (d->not_audited) {
        char label[DIALECT_LABEL_MAX];
        fputs(",\"not_audited\":{\"reading\":", f);
        rpt_json_cstr(f, dialect_label(DIALECT_UNKNOWN, d->platform, label, sizeof(label)));
        fputs(",\"reason\":", f);
        rpt_json_cstr(f, d->not_audited);
        fputc('}', f);
    }
    fputs(",\"diagnostics\":[", f);
    for (uint32_t i = 0; i < d->ndiags && i < 200; i++) {
        const struct cfg_diag *g = &d->diags[i];
        static const char *const lv[] = {"note", "warning", "error"};
        fprintf(f, "%s{\"level\":\"%s\",\"line\":%u,\"message\":", i ? "," : "",
                (unsigned)g->level < 3 ? lv[g->level] : "error", (unsigned)g->line);
        rpt_json_cstr(f, rpt_clean_cstr(w, 0, d, g->msg ? g->msg : "", true));
        fputc('}', f);
    }
    fputs("],\"counts\":{", f);
    size_t counts[VERDICT_COUNT] = {0};
    for (size_t i = 0; i < d->nresults; i++)
        if ((unsigned)d->results[i].verdict < VERDICT_COUNT)
            counts[d->results[i].verdict]++;
    for (int v = 0; v < VERDICT_COUNT; v++) {
        if (v)
            fputc(',', f);
        key(f, verdict_name((enum verdict)v));
        uint_out(f, counts[v]);
    }
    fputs("},\"results\":[", f);
    for (size_t i = 0, n = 0; i < d->nresults; i++) {
        if (!report_filter_result(&w->run->filter, &d->results[i]))
            continue;
        fputs(n++ ? ",\n " : "\n ", f);
        if (w->run->json_compact)
            write_result_compact(w, d, &d->results[i]);
        else
            write_result(w, d, &d->results[i]);
    }
    fputs("]}", f);
    return 0;
}

/* --------------------------------------------------------------- finish */

/* What the report was made from: enough to re-create it (tsaudit verify). */
static void write_manifest(FILE *f, const struct report_run *run)
{
    fputs("\"manifest\":{", f);
    kstr(f, "tool_version", run->tool_version);
    fputs(",\"inputs\":[", f);
    for (size_t i = 0; i < run->ninputs; i++) {
        const struct report_input *in = &run->inputs[i];
        fputs(i ? ",{" : "{", f);
        kstr(f, "role", in->role);
        fputc(',', f);
        kstr(f, "path", in->path);
        fputc(',', f);
        kstr(f, "sha256", in->sha256[0] ? in->sha256 : NULL);
        fputc('}', f);
    }
    fputs("],\"checks\":{\"count\":", f);
    uint_out(f, run->nchecks);
    fputc(',', f);
    kstr(f, "sha256", run->checks_digest[0] ? run->checks_digest : NULL);
    fputs("},", f);
    kstr(f, "devices_sha256", run->devices_digest[0] ? run->devices_digest : NULL);
    fputc('}', f);
}

static void write_run(struct report_writer *w)
{
    const struct report_run *run = w->run;
    FILE *f = w->f;
    char d[11];
    fputs("\"run\":{", f);
    kstr(f, "id", run->run_id);
    fputc(',', f);
    kstr(f, "started", run->started);
    fputc(',', f);
    kstr(f, "finished", run->finished);
    fputc(',', f);
    kstr(f, "as_of", rpt_date(run->as_of, d));
    fputs(",\"tier\":", f);
    if (run->tier >= 1 && run->tier <= 3)
        fprintf(f, "%d", run->tier);
    else
        fputs("null", f);
    fputc(',', f);
    kstr(f, "code_edition", run->code_edition);
    fputc(',', f);
    kstr(f, "provider", run->provider_name);
    fputs(",\"profile\":{", f);
    kstr(f, "path", run->profile_path);
    fputc(',', f);
    kstr(f, "digest", run->profile_digest && *run->profile_digest ? run->profile_digest : NULL);
    fputs("},", f);
    kstr(f, "catalog_digest", run->catalog_digest);
    fputs(",\"scan_roots\":[", f);
    for (size_t i = 0; i < run->nscan_roots; i++) {
        if (i)
            fputc(',', f);
        rpt_json_cstr(f, run->scan_roots[i]);
    }
    fprintf(f, "],\"show_secrets\":%s,", run->show_secrets ? "true" : "false");
    /* What the results lists hold ("listed": null when everything is). */
    fputs("\"listed\":", f);
    if (report_filter_active(&run->filter)) {
        struct buf b;
        buf_init(&b, 0);
        report_filter_describe(&run->filter, &b);
        rpt_json_cstr(f, buf_cstr(&b));
        buf_free(&b);
    } else {
        fputs("null", f);
    }
    fputc(',', f);
    write_manifest(f, run);
    fputc('}', f);
}

static void write_fleet(struct report_writer *w, const struct report_estate *e)
{
    FILE *f = w->f;
    fputs("\"fleet\":[", f);
    for (size_t i = 0; i < e->nff; i++) {
        const struct fleet_finding *x = &e->ff[i];
        fputs(i ? ",\n{" : "\n{", f);
        kstr(f, "check", x->check ? x->check->id : "unknown");
        fputc(',', f);
        kstr(f, "title", x->check ? x->check->title : NULL);
        fputc(',', f);
        kstr(f, "verdict", verdict_name(x->verdict));
        fputc(',', f);
        kstr(f, "severity", x->check ? severity_name(x->check->severity) : "info");
        fputc(',', f);
        kstr(f, "message", x->message);
        fputs(",\"measures\":", f);
        rpt_json_measures(f, x->check);
        fputc(',', f);
        kstr(f, "kind", x->kind);
        fputc(',', f);
        kstr(f, "fingerprint", x->fingerprint[0] ? x->fingerprint : NULL);
        fputs(",\"devices\":[", f);
        for (size_t k = 0; k < x->ndevices; k++)
            fprintf(f, "%s{\"name\":", k ? "," : ""), rpt_json_cstr(f, x->devices[k]),
                fprintf(f, ",\"line\":%u}", x->lines ? (unsigned)x->lines[k] : 0u);
        fputs("]}", f);
    }
    fputs("]", f);
}

static void write_attestation(FILE *f, const char *k, const struct attestation *a)
{
    char d[11];
    key(f, k);
    if (!a) {
        fputs("null", f);
        return;
    }
    fputc('{', f);
    kstr(f, "status", attest_status_name(a->status));
    fputc(',', f);
    kstr(f, "evidence", a->evidence);
    fputc(',', f);
    kstr(f, "owner", a->owner);
    fputc(',', f);
    kstr(f, "date", a->has_date ? rpt_date(a->date, d) : NULL);
    fputc(',', f);
    kstr(f, "expires", a->has_expires ? rpt_date(a->expires, d) : NULL);
    fputc('}', f);
}

static void write_measures(struct report_writer *w, const struct compliance_result *cr)
{
    FILE *f = w->f;
    fputs("\"measures\":[", f);
    for (size_t i = 0; cr && i < cr->n; i++) {
        const struct measure_status *s = &cr->v[i];
        const struct measure *m = s->measure;
        fputs(i ? ",\n{" : "\n{", f);
        kstr(f, "id", m->id);
        fprintf(f, ",\"section\":%d,", m->section);
        kstr(f, "section_title", m->section_title);
        fputc(',', f);
        kstr(f, "title", m->title);
        fputc(',', f);
        kstr(f, "kind", measure_kind_name(s->kind_used));
        fputs(",\"regulations\":[", f);
        for (size_t k = 0; k < m->nregulations; k++) {
            if (k)
                fputc(',', f);
            rpt_json_cstr(f, m->regulations[k]);
        }
        fprintf(f, "],\"applies\":%s,", s->applies ? "true" : "false");
        kdate(f, "due", s->due_known, s->due);
        fputc(',', f);
        kdate(f, "due_all", s->due_all_known, s->due_all);
        fprintf(f, ",\"deadline_verified\":%s,", s->deadline_verified ? "true" : "false");
        kstr(f, "deadline_source", s->deadline_source);
        fputc(',', f);
        kstr(f, "deadline_trigger", s->deadline_trigger);
        fputc(',', f);
        kstr(f, "status", measure_status_name(s->status));
        fputc(',', f);
        kstr(f, "assessed", measure_status_name(s->assessed));
        fprintf(f, ",\"overdue\":%s,\"checks\":[", s->overdue ? "true" : "false");
        for (size_t k = 0; k < s->nchecks; k++) {
            if (k)
                fputc(',', f);
            rpt_json_cstr(f, s->checks[k]->id);
        }
        fprintf(f,
                "],\"counts\":{\"pass\":%zu,\"fail\":%zu,\"waived\":%zu,\"unknown\":%zu,"
                "\"needs_context\":%zu,\"not_applicable\":%zu},\"devices\":%zu,",
                s->npass, s->nfail, s->nwaived, s->nunknown, s->nneeds_context, s->nnot_applicable,
                s->ndevices);
        fputs("\"findings\":[", f);
        for (size_t k = 0; k < s->nfindings; k++) {
            const struct measure_finding *x = &s->findings[k];
            fputs(k ? ",{" : "{", f);
            kstr(f, "device", x->device);
            fputc(',', f);
            kstr(f, "check", x->check);
            fputc(',', f);
            kstr(f, "verdict", verdict_name(x->verdict));
            fprintf(f, ",\"fleet\":%s}", x->fleet ? "true" : "false");
        }
        fprintf(f, "],\"findings_total\":%zu,", s->total_findings);
        write_attestation(f, "attestation", s->attestation);
        fputc(',', f);
        write_attestation(f, "expired_attestation", s->expired_attestation);
        fputc(',', f);
        kstr(f, "reason", s->reason);
        fputc('}', f);
    }
    fputs("]", f);
}

static void write_status_counts(FILE *f, const struct status_counts *c)
{
    fprintf(f, "{\"total\":%zu,\"overdue\":%zu", c->total, c->overdue);
    for (int k = 0; k < MEASURE_STATUS_COUNT; k++)
        fprintf(f, ",\"%s\":%zu", measure_status_name((enum measure_status_kind)k),
                c->by_status[k]);
    fputc('}', f);
}

/* "coverage": the sentence, the counts by reading and every device not audited. */
static void write_coverage(struct report_writer *w)
{
    FILE *f = w->f;
    const struct report_tally *t = &w->tally;
    struct buf b;
    buf_init(&b, 0);
    fputs("\"coverage\":{\"text\":", f);
    rpt_json_cstr(f, rpt_coverage(t, &b));
    buf_free(&b);
    fputs(",\"not_audited_by\":{", f);
    const char *sep = "";
    for (unsigned p = 0; p < PLATFORM_COUNT; p++) {
        if (!t->not_audited_by[p])
            continue;
        char label[DIALECT_LABEL_MAX];
        fputs(sep, f);
        rpt_json_cstr(f, dialect_label(DIALECT_UNKNOWN, (enum platform)p, label, sizeof(label)));
        fprintf(f, ":%zu", t->not_audited_by[p]);
        sep = ",";
    }
    fputs("},\"not_audited\":[", f);
    for (size_t i = 0; i < t->not_audited; i++) {
        fputs(i ? ",{\"device\":" : "{\"device\":", f);
        rpt_json_cstr(f, t->unaudited[i].device);
        fputs(",\"reading\":", f);
        rpt_json_cstr(f, t->unaudited[i].label);
        fputs(",\"reason\":", f);
        rpt_json_cstr(f, t->unaudited[i].reason);
        fputc('}', f);
    }
    fputs("]}", f);
}

static void write_summary(struct report_writer *w, const struct report_estate *e)
{
    FILE *f = w->f;
    const struct report_tally *t = &w->tally;
    const struct compliance_result *cr = e->cr;
    fprintf(f,
            "\"summary\":{\"devices\":{\"total\":%zu,\"parsed\":%zu,\"partial\":%zu,"
            "\"unreadable\":%zu,\"excluded\":%zu,\"not_audited\":%zu,\"audited\":%zu},",
            t->devices, t->parsed, t->partial, t->unreadable, t->excluded, t->not_audited,
            rpt_audited(t));
    write_coverage(w);
    fputs(",\"verdicts\":{", f);
    for (int v = 0; v < VERDICT_COUNT; v++)
        fprintf(f, "%s\"%s\":%zu", v ? "," : "", verdict_name((enum verdict)v), t->by_verdict[v]);
    fputs("},\"fail_by_severity\":{", f);
    for (int s = 0; s < SEV_COUNT; s++)
        fprintf(f, "%s\"%s\":%zu", s ? "," : "", severity_name((enum severity)s),
                t->fail_by_severity[s]);
    fprintf(f, "},\"fleet_fail\":%zu,\"measures\":", e->fleet_fail);
    struct status_counts none = {0};
    write_status_counts(f, cr ? &cr->totals : &none);
    fprintf(f, ",\"unknown_deadlines\":%zu,\"sections\":[", cr ? cr->unknown_deadlines : 0);
    for (size_t i = 0; cr && i < cr->nsections; i++) {
        fprintf(f, "%s{\"section\":%d,\"title\":", i ? "," : "", cr->sections[i].section);
        rpt_json_cstr(f, cr->sections[i].title);
        fputs(",\"counts\":", f);
        write_status_counts(f, &cr->sections[i].counts);
        fputc('}', f);
    }
    fputs("],\"regulations\":[", f);
    for (size_t i = 0; cr && i < cr->nregulations; i++) {
        fprintf(f, "%s{\"regulation\":%d,\"counts\":", i ? "," : "", cr->regulations[i].regulation);
        write_status_counts(f, &cr->regulations[i].counts);
        fputc('}', f);
    }
    fputs("],\"due_next\":[", f);
    for (size_t i = 0; cr && i < cr->ndue_next; i++) {
        char d[11];
        fprintf(f, "%s{\"date\":\"%s\",\"measures\":%zu,\"verified\":%s,\"first\":", i ? "," : "",
                rpt_date(cr->due_next[i].date, d), cr->due_next[i].nmeasures,
                cr->due_next[i].verified ? "true" : "false");
        rpt_json_cstr(f, cr->due_next[i].first);
        fputc('}', f);
    }
    fputs("],\"expired_waivers\":[", f);
    for (size_t i = 0; cr && i < cr->nexpired_waivers; i++) {
        const struct waiver *x = cr->expired_waivers[i];
        fputs(i ? ",{" : "{", f);
        kstr(f, "check", x->check);
        fputc(',', f);
        kstr(f, "devices", x->devices);
        fputc(',', f);
        kstr(f, "reason", x->reason);
        fputc(',', f);
        kstr(f, "expires", x->expires_text);
        fputc('}', f);
    }
    fputs("],\"expired_attestations\":[", f);
    for (size_t i = 0; cr && i < cr->nexpired_attestations; i++) {
        const struct attestation *a = cr->expired_attestations[i];
        char d[11];
        fputs(i ? ",{" : "{", f);
        kstr(f, "measure", a->measure);
        fputc(',', f);
        kstr(f, "expires", a->has_expires ? rpt_date(a->expires, d) : NULL);
        fputc('}', f);
    }
    fputs("],\"input_warnings\":[", f);
    for (size_t i = 0; cr && i < cr->warnings.n; i++) {
        if (i)
            fputc(',', f);
        rpt_json_cstr(f, cr->warnings.v[i]);
    }
    fputs("],\"top_failing\":[", f);
    size_t ncheck = 0;
    const struct check_def *const *all = rpt_checks(w, &ncheck);
    bool *done = xcalloc(t->ncheck ? t->ncheck : 1, 1);
    for (int k = 0; k < 10; k++) {
        size_t best = SIZE_MAX;
        for (size_t i = 0; i < t->ncheck && i < ncheck; i++)
            if (!done[i] && t->fail_by_check[i] &&
                (best == SIZE_MAX || t->fail_by_check[i] > t->fail_by_check[best]))
                best = i;
        if (best == SIZE_MAX)
            break;
        done[best] = true;
        fprintf(f, "%s{\"check\":", k ? "," : "");
        rpt_json_cstr(f, all[best]->id);
        fprintf(f, ",\"severity\":\"%s\",\"devices\":%zu}", severity_name(all[best]->severity),
                t->fail_by_check[best]);
    }
    free(done);
    fputs("]}", f);
}

/* The fix-once plan (plan.c): one action per check and remediation, ranked. */
static void write_plan(struct report_writer *w)
{
    FILE *f = w->f;
    struct rpt_plan *p = w->tally.plan;
    struct rpt_plan_group **ranked = rpt_plan_rank(p);
    fputs("\"plan\":[", f);
    for (size_t i = 0; i < p->n; i++) {
        const struct rpt_plan_group *g = ranked[i];
        fputs(i ? ",\n{" : "\n{", f);
        fputs("\"rank\":", f);
        uint_out(f, i + 1);
        fputc(',', f);
        kstr(f, "check", g->check->id);
        fputc(',', f);
        kstr(f, "dialect", dialect_name(g->dialect));
        fputc(',', f);
        kstr(f, "severity", severity_name(g->check->severity));
        fputs(",\"devices_closed\":", f);
        uint_out(f, g->devices);
        fputs(",\"evidence_lines\":", f);
        uint_out(f, g->evidence_lines);
        fputc(',', f);
        kstr(f, "remediation", g->remediation);
        fputs(",\"devices\":[", f);
        for (size_t k = 0; k < g->nnames; k++) {
            if (k)
                fputc(',', f);
            rpt_json_cstr(f, g->names[k]);
        }
        fputs("]}", f);
    }
    fputs("]", f);
    free(ranked);
}

static int json_finish(struct report_writer *w, const struct report_estate *e)
{
    FILE *f = w->f;
    fputs("\n],\n", f);
    if (w->run->json_compact) {
        write_checks(w);
        fputs(",\n", f);
    }
    write_run(w);
    fputs(",\n", f);
    write_plan(w);
    fputs(",\n", f);
    write_fleet(w, e);
    fputs(",\n", f);
    write_measures(w, e->cr);
    fputs(",\n", f);
    write_summary(w, e);
    fputs("}\n", f);
    return ferror(f) ? -1 : 0;
}

static void json_release(struct report_writer *w)
{
    struct json_state *st = w->state;
    if (!st)
        return;
    for (size_t i = 0; i < st->nchecks; i++) {
        free(st->checks[i].head.s);
        free(st->checks[i].severity.s);
        for (size_t k = 0; k < DIALECT_COUNT; k++)
            free(st->checks[i].tail[k].s);
    }
    free(st->checks);
}

const struct report_ops report_ops_json = {
    .name = "json",
    .open = json_open,
    .device = json_device,
    .finish = json_finish,
    .release = json_release,
};
