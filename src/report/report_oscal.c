/*
 * report_oscal.c - OSCAL 1.1.3 assessment results for GRC tools. One
 * result: an observation per check per device for fail, waived and pass
 * (streamed, with relevant-evidence pointing at file#Lline), then a finding
 * per Code measure (target objective-id = the measure id, satisfied or
 * not-satisfied) and reviewed-controls listing every measure.
 *
 * UUIDs are derived from the run id and what they name (rpt_uuid), so a
 * finding can point at its observations without keeping them in memory.
 * import-ap must reference an assessment plan; tsaudit has none, so the
 * href is a fragment naming a generated plan uuid (see docs/report-formats.md).
 */
#include "report/report_int.h"

#define OSCAL_NS "urn:tsaudit:oscal"

struct oscal_state {
    size_t nobs;
    struct rpt_map seen; /* device name -> devices seen with it (uuid disambiguation) */
};

static int oscal_open(struct report_writer *w)
{
    struct oscal_state *st = xcalloc(1, sizeof(*st));
    rpt_map_init(&st->seen);
    w->state = st;
    const struct report_run *run = w->run;
    FILE *f = w->f;
    char u[37], ap[37];
    rpt_uuid(u, run, "assessment-results", NULL, NULL);
    rpt_uuid(ap, run, "assessment-plan", NULL, NULL);
    fprintf(f, "{\"assessment-results\":{\"uuid\":\"%s\",\"metadata\":{\"title\":", u);
    struct buf t;
    buf_init(&t, 0);
    buf_printf(&t, "Telecoms Security Code of Practice assessment%s%s",
               run->provider_name ? ": " : "", run->provider_name ? run->provider_name : "");
    rpt_json_str(f, t.data, t.len);
    buf_free(&t);
    fputs(",\"last-modified\":", f);
    rpt_json_cstr(f, run->started ? run->started : "1970-01-01T00:00:00Z");
    fputs(",\"version\":", f);
    rpt_json_cstr(f, run->run_id[0] ? run->run_id : "1");
    fputs(",\"oscal-version\":\"1.1.3\",\"props\":[{\"name\":\"tool\",\"ns\":\"" OSCAL_NS
          "\",\"value\":",
          f);
    struct buf tool;
    buf_init(&tool, 0);
    buf_printf(&tool, "tsaudit %s", run->tool_version ? run->tool_version : "");
    rpt_json_str(f, tool.data, tool.len);
    buf_free(&tool);
    fputs("}]", f);
    if (run->provider_name && *run->provider_name) {
        char party[37];
        rpt_uuid(party, run, "party", run->provider_name, NULL);
        fprintf(f, ",\"parties\":[{\"uuid\":\"%s\",\"type\":\"organization\",\"name\":", party);
        rpt_json_cstr(f, run->provider_name);
        fputs("}]", f);
    }
    fprintf(f,
            "},\"import-ap\":{\"href\":\"#%s\",\"remarks\":\"The assessment plan is the "
            "scan itself, described by the back-matter resource this fragment names.\"},"
            "\"results\":[{",
            ap);
    char r[37];
    rpt_uuid(r, run, "result", NULL, NULL);
    fprintf(f, "\"uuid\":\"%s\",\"title\":\"Configuration assessment\",\"description\":", r);
    struct buf desc;
    buf_init(&desc, 0);
    char d[11];
    buf_printf(&desc, "Automated assessment of network device configurations against the "
                      "Telecommunications Security Code of Practice");
    if (run->code_edition)
        buf_printf(&desc, " (%s edition)", run->code_edition);
    if (run->tier)
        buf_printf(&desc, " for a tier %d provider", run->tier);
    buf_printf(&desc, ", as of %s.", rpt_date(run->as_of, d));
    rpt_json_str(f, desc.data, desc.len);
    buf_free(&desc);
    fputs(",\"start\":", f);
    rpt_json_cstr(f, run->started ? run->started : "1970-01-01T00:00:00Z");
    return 0;
}

static void oscal_release(struct report_writer *w)
{
    struct oscal_state *st = w->state;
    if (st)
        rpt_map_free(&st->seen);
}

/* The observation uuid for (device name, occurrence, check): findings recompute it. */
static void obs_uuid(char out[37], const struct report_run *run, const char *device,
                     size_t occurrence, const char *check)
{
    char occ[32];
    snprintf(occ, sizeof(occ), "%zu", occurrence);
    rpt_uuid(out, run, device, occ, check);
}

/* OSCAL strings must not start or end with blanks, nor be empty. */
static void ostr(FILE *f, const char *s)
{
    struct sv v = sv_trim(sv_from_cstr(s ? s : ""));
    if (!v.n)
        rpt_json_cstr(f, "-");
    else
        rpt_json_str(f, v.p, v.n);
}

static void prop(FILE *f, bool first, const char *name, const char *value)
{
    fprintf(f, "%s{\"name\":\"%s\",\"ns\":\"" OSCAL_NS "\",\"value\":", first ? "" : ",", name);
    ostr(f, value);
    fputc('}', f);
}

/* A device not audited is an observation too: the assessment did not
 * cover it, and says why. */
static void not_audited_observation(struct report_writer *w, const struct device_result *d,
                                    const char *name, size_t occurrence, const char *subject)
{
    struct oscal_state *st = w->state;
    FILE *f = w->f;
    fputs(st->nobs++ ? ",\n{" : ",\"observations\":[\n{", f);
    char u[37], label[DIALECT_LABEL_MAX];
    obs_uuid(u, w->run, name, occurrence, "not-audited");
    fprintf(f, "\"uuid\":\"%s\",\"title\":", u);
    struct buf t;
    buf_init(&t, 0);
    buf_printf(&t, "%s not audited", rpt_clean_cstr(w, 1, d, name, false));
    rpt_json_str(f, t.data, t.len);
    buf_free(&t);
    fputs(",\"description\":", f);
    ostr(f, rpt_clean_cstr(w, 0, d, d->not_audited, true));
    fputs(",\"props\":[", f);
    prop(f, true, "verdict", "not-audited");
    prop(f, false, "dialect", dialect_label(d->dialect, d->platform, label, sizeof(label)));
    fprintf(f,
            "],\"methods\":[\"EXAMINE\"],\"types\":[\"finding\"],"
            "\"subjects\":[{\"subject-uuid\":\"%s\",\"type\":\"inventory-item\",\"title\":",
            subject);
    ostr(f, rpt_clean_cstr(w, 1, d, name, false));
    fputs("}],\"collected\":", f);
    rpt_json_cstr(f, w->run->started ? w->run->started : "1970-01-01T00:00:00Z");
    fputc('}', f);
}

static int oscal_device(struct report_writer *w, const struct device_result *d)
{
    struct oscal_state *st = w->state;
    FILE *f = w->f;
    const char *name = rpt_device_name(d);
    size_t *seen = rpt_map_get(&st->seen, name);
    size_t occurrence = (*seen)++;
    const char *rel = d->relpath && *d->relpath ? d->relpath : d->file;
    char subject[37];
    rpt_uuid(subject, w->run, "subject", rel, NULL);
    if (d->not_audited)
        not_audited_observation(w, d, name, occurrence, subject);
    for (size_t i = 0; i < d->nresults; i++) {
        const struct check_result *r = &d->results[i];
        const struct check_def *c = r->check;
        if (!c ||
            (r->verdict != VERDICT_FAIL && r->verdict != VERDICT_WAIVED &&
             r->verdict != VERDICT_PASS) ||
            !report_filter_result(&w->run->filter, r))
            continue;
        fputs(st->nobs++ ? ",\n{" : ",\"observations\":[\n{", f);
        char u[37];
        obs_uuid(u, w->run, name, occurrence, c->id);
        fprintf(f, "\"uuid\":\"%s\",\"title\":", u);
        struct buf t;
        buf_init(&t, 0);
        buf_printf(&t, "%s on %s", c->id, rpt_clean_cstr(w, 1, d, name, false));
        rpt_json_str(f, t.data, t.len);
        buf_free(&t);
        fputs(",\"description\":", f);
        ostr(f, rpt_clean_cstr(w, 0, d, r->message ? r->message : c->title, false));
        fputs(",\"props\":[", f);
        prop(f, true, "verdict", verdict_name(r->verdict));
        prop(f, false, "severity", severity_name(c->severity));
        prop(f, false, "dialect", dialect_name(d->dialect));
        if (r->waiver)
            prop(f, false, "waiver", r->waiver);
        fprintf(f, "],\"methods\":[\"TEST\"],\"types\":[\"%s\"],",
                r->verdict == VERDICT_PASS ? "control-objective" : "finding");
        fprintf(f, "\"subjects\":[{\"subject-uuid\":\"%s\",\"type\":\"inventory-item\",\"title\":",
                subject);
        ostr(f, rpt_clean_cstr(w, 1, d, name, false));
        fputs("}]", f);
        uint32_t nev = r->nevidence < RPT_MAX_EVIDENCE ? r->nevidence : RPT_MAX_EVIDENCE;
        if (nev)
            fputs(",\"relevant-evidence\":[", f);
        for (uint32_t k = 0; k < nev; k++) {
            const struct evidence *e = &r->evidence[k];
            fputs(k ? ",{\"href\":\"" : "{\"href\":\"", f);
            rpt_uri_path(f, rel);
            fprintf(f, "#L%u\",\"description\":", (unsigned)e->line);
            struct buf ev;
            buf_init(&ev, 0);
            buf_printf(&ev, "%s:%u: %s", rel, (unsigned)e->line,
                       rpt_clean(w, 0, d, e->text, e->len, true));
            rpt_json_str(f, ev.data, ev.len);
            buf_free(&ev);
            fputc('}', f);
        }
        if (nev)
            fputc(']', f);
        fputs(",\"collected\":", f);
        rpt_json_cstr(f, w->run->started ? w->run->started : "1970-01-01T00:00:00Z");
        fputc('}', f);
    }
    return 0;
}

static void finding(struct report_writer *w, const struct measure_status *s, bool first)
{
    FILE *f = w->f;
    struct oscal_state *st = w->state;
    const struct measure *m = s->measure;
    char u[37], d[11];
    rpt_uuid(u, w->run, "finding", m->id, NULL);
    fprintf(f, "%s{\"uuid\":\"%s\",\"title\":", first ? "\n" : ",\n", u);
    struct buf t;
    buf_init(&t, 0);
    buf_printf(&t, "%s %s", m->id, m->title ? m->title : "");
    ostr(f, t.data);
    buf_reset(&t);
    buf_printf(&t, "Status %s", measure_status_name(s->status));
    if (s->overdue)
        buf_adds(&t, " (overdue)");
    if (s->due_known)
        buf_printf(&t, "; due %s", rpt_date(s->due, d));
    if (s->reason)
        buf_printf(&t, ": %s", s->reason);
    fputs(",\"description\":", f);
    ostr(f, t.data);
    buf_free(&t);
    fputs(",\"props\":[", f);
    prop(f, true, "status", measure_status_name(s->status));
    prop(f, false, "assessed", measure_status_name(s->assessed));
    prop(f, false, "overdue", s->overdue ? "true" : "false");
    prop(f, false, "applies", s->applies ? "true" : "false");
    if (s->due_known)
        prop(f, false, "due", rpt_date(s->due, d));
    prop(f, false, "kind", measure_kind_name(s->kind_used));
    fputs("],\"target\":{\"type\":\"objective-id\",\"target-id\":", f);
    rpt_json_cstr(f, m->id);
    /* The status the measure has on its own merits decides satisfied. */
    enum measure_status_kind k = s->assessed;
    const char *state = (k == MEASURE_MET || k == MEASURE_NOT_APPLICABLE) && !s->overdue
                            ? "satisfied"
                            : "not-satisfied";
    const char *reason = k == MEASURE_MET ? "pass" : k == MEASURE_NOT_MET ? "fail" : "other";
    fprintf(f, ",\"status\":{\"state\":\"%s\",\"reason\":\"%s\"}}", state, reason);
    /* Related observations: the failed (device, check) pairs compliance kept. */
    bool any = false;
    for (size_t i = 0; i < s->nfindings; i++) {
        const struct measure_finding *x = &s->findings[i];
        /* A name several devices share cannot say which one failed: no link then. */
        size_t *seen = x->device ? rpt_map_find(&st->seen, x->device) : NULL;
        if (x->fleet || (x->verdict != VERDICT_FAIL && x->verdict != VERDICT_WAIVED) || !seen ||
            *seen != 1)
            continue;
        char ou[37];
        obs_uuid(ou, w->run, x->device, 0, x->check);
        fprintf(f, "%s{\"observation-uuid\":\"%s\"}", any ? "," : ",\"related-observations\":[",
                ou);
        any = true;
    }
    if (any)
        fputc(']', f);
    fputc('}', f);
}

/*
 * The assessment plan import-ap names: a back-matter resource of this
 * document (OSCAL resolves "#uuid" there), saying what the scan assessed,
 * against which catalogue and profile, with which tool.
 */
static void back_matter(struct report_writer *w)
{
    const struct report_run *run = w->run;
    FILE *f = w->f;
    char ap[37];
    rpt_uuid(ap, run, "assessment-plan", NULL, NULL);
    struct buf d;
    buf_init(&d, 0);
    buf_printf(&d, "tsaudit %s scan of", run->tool_version ? run->tool_version : "");
    for (size_t i = 0; i < run->nscan_roots; i++)
        buf_printf(&d, "%s %s", i ? "," : "", run->scan_roots[i]);
    buf_printf(&d,
               ": every configuration audited by the built-in checks%s against the "
               "Telecommunications Security Code of Practice",
               run->nchecks ? " and any user rules" : "");
    if (run->code_edition)
        buf_printf(&d, " (%s edition)", run->code_edition);
    if (run->profile_path)
        buf_printf(&d, ", with the provider profile %s", run->profile_path);
    buf_printf(&d, ". The run's inputs and their SHA-256 are in the JSON report's manifest.");
    fprintf(f,
            ",\"back-matter\":{\"resources\":[{\"uuid\":\"%s\",\"title\":"
            "\"Assessment plan: automated configuration audit\",\"description\":",
            ap);
    rpt_json_str(f, d.data, d.len);
    fputs("}]}", f);
    buf_free(&d);
}

static int oscal_finish(struct report_writer *w, const struct report_estate *e)
{
    struct oscal_state *st = w->state;
    FILE *f = w->f;
    const struct compliance_result *cr = e->cr;
    if (st->nobs)
        fputs("\n]", f);
    fputs(",\"end\":", f);
    rpt_json_cstr(f, w->run->finished ? w->run->finished : w->run->started);
    fputs(",\"reviewed-controls\":{\"control-selections\":[{", f);
    if (!cr || !cr->n) {
        fputs("\"description\":\"No measure catalogue was evaluated.\",\"include-all\":{}", f);
    } else {
        fputs("\"description\":\"Telecommunications Security Code of Practice measures\","
              "\"include-controls\":[",
              f);
        for (size_t i = 0; i < cr->n; i++) {
            fputs(i ? ",{\"control-id\":" : "{\"control-id\":", f);
            rpt_json_cstr(f, cr->v[i].measure->id);
            fputc('}', f);
        }
        fputc(']', f);
    }
    fputs("}]}", f);
    if (cr && cr->n) {
        fputs(",\"findings\":[", f);
        for (size_t i = 0; i < cr->n; i++)
            finding(w, &cr->v[i], i == 0);
        fputs("\n]", f);
    }
    fputs("}]", f);
    back_matter(w);
    fputs("}}\n", f);
    return ferror(f) ? -1 : 0;
}

const struct report_ops report_ops_oscal = {
    .name = "oscal",
    .open = oscal_open,
    .device = oscal_device,
    .finish = oscal_finish,
    .release = oscal_release,
};
