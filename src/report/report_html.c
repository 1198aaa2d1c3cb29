/*
 * report_html.c - a single self-contained HTML dashboard that works offline:
 * inline CSS, a small inline script, charts drawn here as inline SVG, no
 * external fonts, scripts or images. A strict Content-Security-Policy allows
 * only this file's own style and script (by hash).
 *
 * Streaming: the page head and one hidden <article> per device (its failed
 * checks with evidence and remediation, the other verdicts folded away) are
 * written as devices arrive; the overview (charts, measures table, fleet
 * findings, top failing checks) is written at report_finish(). The script
 * switches views and builds the device list from the articles' data
 * attributes, always through textContent. Everything taken from configs is
 * redacted and HTML-escaped before it is written.
 */
#include "report/report_int.h"
#include "report_assets.h"

#include <ctype.h>
#include <errno.h>

struct html_state {
    size_t ndevices;
    FILE *devf; /* the devices' data, written after the summary (a temporary file) */
};

/* The stylesheet and script are data/assets/report.css and report.js, built
 * in as asset_report_css and asset_report_js. */

/* ------------------------------------------------------------------ helpers */

static void h(FILE *f, const char *s)
{
    rpt_xml_cstr(f, s, false);
}

static void ha(FILE *f, const char *s)
{
    rpt_xml_cstr(f, s, true);
}

/*
 * The anchor of a device's view, from its identity (the path relative to
 * the scanned folder): the same on every run, so links to it survive
 * reruns. White space, which an id may not hold, becomes '_'.
 */
static void device_anchor(FILE *f, const char *id)
{
    fputs("d/", f);
    for (const char *p = id; *p; p++) {
        char one[2] = {(char)(isspace((unsigned char)*p) ? '_' : *p), 0};
        ha(f, one);
    }
}

static void csp_hash(const char *text, char out[64])
{
    sha256_base64(text, strlen(text), out);
}

static const char *const status_label[MEASURE_STATUS_COUNT] = {
    [MEASURE_MET] = "Met",
    [MEASURE_NOT_MET] = "Not met",
    [MEASURE_PARTIAL] = "Partly met",
    [MEASURE_ATTESTATION_REQUIRED] = "Needs attestation",
    [MEASURE_NOT_YET_DUE] = "Not yet due",
    [MEASURE_NOT_APPLICABLE] = "Not applicable",
};

static const char *const status_colour[MEASURE_STATUS_COUNT] = {
    [MEASURE_MET] = "#1a7f37",         [MEASURE_NOT_MET] = "#cf222e",
    [MEASURE_PARTIAL] = "#bf8700",     [MEASURE_ATTESTATION_REQUIRED] = "#8250df",
    [MEASURE_NOT_YET_DUE] = "#0969da", [MEASURE_NOT_APPLICABLE] = "#afb8c1",
};

static const char *const severity_colour[SEV_COUNT] = {[SEV_INFO] = "#59636e",
                                                       [SEV_LOW] = "#9a6700",
                                                       [SEV_MEDIUM] = "#bc4c00",
                                                       [SEV_HIGH] = "#cf222e",
                                                       [SEV_CRITICAL] = "#8b1538"};

/* ------------------------------------------------------------------- open */

static int html_open(struct report_writer *w)
{
    w->state = xcalloc(1, sizeof(struct html_state));
    FILE *f = w->f;
    const struct report_run *run = w->run;
    char sh[64], jh[64], d[11];
    csp_hash(asset_report_css, sh);
    csp_hash(asset_report_js, jh);
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", f);
    fprintf(f,
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'sha256-%s'; script-src 'sha256-%s'; img-src data:; base-uri 'none'; "
            "form-action 'none'\">\n",
            sh, jh);
    fputs("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"referrer\" content=\"no-referrer\">\n<title>",
          f);
    fputs("Telecoms Security compliance", f);
    if (run->provider_name) {
        fputs(" \xe2\x80\x94 ", f);
        h(f, run->provider_name);
    }
    fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n", asset_report_css);
    fputs("<header class=\"top\"><div class=\"brand\"><h1>", f);
    h(f, run->provider_name ? run->provider_name : "Network estate");
    fputs("</h1><span class=\"sub\">Telecoms Security Code of Practice &middot; configuration "
          "assessment</span></div>\n<div class=\"facts\">",
          f);
    if (run->tier)
        fprintf(f, "<span><b>Tier</b>%d</span>", run->tier);
    else
        fputs("<span><b>Tier</b>not set</span>", f);
    fputs("<span><b>Code</b>", f);
    h(f, run->code_edition ? run->code_edition : "?");
    fprintf(f, " edition</span><span><b>As of</b>%s</span>", rpt_date(run->as_of, d));
    fputs("<span><b>Run</b><span class=\"mono\">", f);
    h(f, run->run_id);
    fputs("</span></span><span><b>Generated</b>", f);
    h(f, run->started);
    fputs("</span>", f);
    if (run->profile_digest && *run->profile_digest) {
        fputs("<span><b>Profile</b><span class=\"mono\">", f);
        fprintf(f, "%.12s", run->profile_digest);
        fputs("</span></span>", f);
    }
    fputs("</div>\n<nav class=\"tabs\"><a href=\"#overview\" data-view=\"overview\" "
          "class=\"active\">Overview</a><a href=\"#measures\" data-view=\"measures\">Measures</a>"
          "<a href=\"#devices\" data-view=\"devices\">Devices</a></nav></header>\n<main>\n",
          f);
    struct html_state *st = w->state;
    st->devf = tmpfile();
    if (!st->devf) {
        diag_report(DIAG_ERROR, w->af.path, 0, "cannot create a temporary file: %s",
                    strerror(errno));
        return -1;
    }
    return 0;
}

/* ----------------------------------------------------------------- device */

/*
 * A device is one <script type="application/json"> block: the page lists the
 * devices from the blocks' data- attributes and renders a device's details
 * from its block only when it is opened, so the browser builds no elements
 * for the thousands of devices nobody opens. The blocks follow the summary
 * in the file, so the summary shows while the rest is still loading.
 *
 * The block: {"dl": platform label, "os", "p": path, "h": hash, "why":
 * reason not assessed, "dg": [[line, message]], "c": [count per verdict],
 * "f": [[check index, verdict, message, [[line, text]], remediation or null
 * (then the check's for the dialect), waiver, expires]] for failed and waived
 * results, most severe first, "o": [[check index, verdict, message]] for
 * unknown and needs_context, "ok" and "na": the check indices that passed and
 * that do not apply}. Check text is in the "checks" block, once.
 */
static void jstr(FILE *f, const char *s)
{
    rpt_json_cstr(f, s);
}

static void json_evidence(struct report_writer *w, const struct device_result *d,
                          const struct check_result *r)
{
    FILE *f = w->f;
    fputc('[', f);
    for (uint32_t k = 0; k < r->nevidence && k < RPT_MAX_EVIDENCE; k++) {
        const struct evidence *e = &r->evidence[k];
        fprintf(f, "%s[%u,", k ? "," : "", (unsigned)e->line);
        jstr(f, rpt_clean(w, 0, d, e->text, e->len, true));
        fputc(']', f);
    }
    fputc(']', f);
}

static void json_finding(struct report_writer *w, const struct device_result *d,
                         const struct check_result *r, bool *first)
{
    FILE *f = w->f;
    const char *own = r->check ? rpt_remediation(r->check, d->dialect) : NULL;
    fprintf(f, "%s[%zu,%d,", *first ? "" : ",", rpt_check_index(w, r->check), (int)r->verdict);
    *first = false;
    jstr(f, rpt_clean_cstr(w, 0, d, r->message, false));
    fputc(',', f);
    json_evidence(w, d, r);
    fputc(',', f);
    jstr(f, r->remediation && (!own || strcmp(r->remediation, own) != 0) ? r->remediation : NULL);
    fputc(',', f);
    jstr(f, r->waiver);
    fputc(',', f);
    jstr(f, r->waiver_expires);
    fputc(']', f);
}

static bool listed(const struct report_writer *w, const struct check_result *r)
{
    return report_filter_result(&w->run->filter, r);
}

static void json_results(struct report_writer *w, const struct device_result *d)
{
    FILE *f = w->f;
    bool first = true;
    fputs(",\"f\":[", f);
    for (int s = SEV_CRITICAL; s >= SEV_INFO; s--)
        for (size_t i = 0; i < d->nresults; i++) {
            const struct check_result *r = &d->results[i];
            if (r->verdict == VERDICT_FAIL && r->check && (int)r->check->severity == s &&
                listed(w, r))
                json_finding(w, d, r, &first);
        }
    for (size_t i = 0; i < d->nresults; i++)
        if (d->results[i].verdict == VERDICT_WAIVED && listed(w, &d->results[i]))
            json_finding(w, d, &d->results[i], &first);
    fputs("],\"o\":[", f);
    first = true;
    static const enum verdict order[] = {VERDICT_UNKNOWN, VERDICT_NEEDS_CONTEXT};
    for (size_t o = 0; o < ARRAY_SIZE(order); o++)
        for (size_t i = 0; i < d->nresults; i++) {
            const struct check_result *r = &d->results[i];
            if (r->verdict != order[o] || !listed(w, r))
                continue;
            fprintf(f, "%s[%zu,%d,", first ? "" : ",", rpt_check_index(w, r->check),
                    (int)r->verdict);
            first = false;
            jstr(f, rpt_clean_cstr(w, 0, d, r->message, false));
            fputc(']', f);
        }
    /* Passes and checks that do not apply: which ones, without their messages
     * (the bulk of a device, and the JSON report has them). */
    static const struct {
        const char *key;
        enum verdict v;
    } lists[] = {{"ok", VERDICT_PASS}, {"na", VERDICT_NOT_APPLICABLE}};
    for (size_t k = 0; k < ARRAY_SIZE(lists); k++) {
        fprintf(f, "],\"%s\":[", lists[k].key);
        first = true;
        for (size_t i = 0; i < d->nresults; i++)
            if (d->results[i].verdict == lists[k].v && listed(w, &d->results[i])) {
                fprintf(f, "%s%zu", first ? "" : ",", rpt_check_index(w, d->results[i].check));
                first = false;
            }
    }
    fputc(']', f);
}

/* The device's attributes for the list: name, failures, worst severity, state. */
static void device_attrs(struct report_writer *w, const struct device_result *d, size_t nfail,
                         int worst)
{
    FILE *f = w->f;
    struct html_state *st = w->state;
    const char *name = rpt_clean_cstr(w, 2, d, rpt_device_name(d), false);
    st->ndevices++;
    fputs("<script type=\"application/json\" class=\"dd\" id=\"", f);
    device_anchor(f, name);
    fputs("\" data-name=\"", f);
    ha(f, name);
    fputs("\" data-host=\"", f);
    ha(f, d->hostname ? rpt_clean_cstr(w, 1, d, d->hostname, false) : "");
    fprintf(f, "\" data-fail=\"%zu\" data-worst=\"%s\" data-dialect=\"%s\"", nfail,
            worst >= 0 ? severity_name((enum severity)worst) : "none", dialect_name(d->dialect));
    if (d->excluded)
        fputs(" data-state=\"excluded\"", f);
    else if (d->not_audited)
        fputs(" data-state=\"not-audited\"", f);
    else if (d->unreadable)
        fputs(" data-state=\"unreadable\"", f);
    fputc('>', f);
}

static int html_device(struct report_writer *w, const struct device_result *d)
{
    struct html_state *st = w->state;
    size_t counts[VERDICT_COUNT] = {0};
    int worst = -1;
    for (size_t i = 0; i < d->nresults; i++) {
        const struct check_result *r = &d->results[i];
        if ((unsigned)r->verdict < VERDICT_COUNT)
            counts[r->verdict]++;
        if (r->verdict == VERDICT_FAIL && r->check && (int)r->check->severity > worst)
            worst = (int)r->check->severity;
    }
    FILE *out = w->f;
    w->f = st->devf; /* the blocks go after the summary */
    FILE *f = w->f;
    device_attrs(w, d, counts[VERDICT_FAIL], worst);
    char label[DIALECT_LABEL_MAX];
    fputs("{\"dl\":", f);
    jstr(f, dialect_label(d->dialect, d->platform, label, sizeof(label)));
    fputs(",\"fm\":", f);
    jstr(f, d->form != FORM_DEFAULT ? dialect_form_name(d->form) : NULL);
    fputs(",\"os\":", f);
    jstr(f, rpt_clean_cstr(w, 0, d, d->os_version, false));
    fputs(",\"p\":", f);
    jstr(f, d->relpath ? d->relpath : d->file);
    fprintf(f, ",\"h\":\"%.12s\",\"why\":", d->content_hash);
    jstr(f, d->excluded ? (d->excluded_reason ? rpt_clean_cstr(w, 0, d, d->excluded_reason, true)
                                              : "excluded by the provider profile")
            : d->not_audited ? rpt_clean_cstr(w, 0, d, d->not_audited, true)
                             : NULL);
    fprintf(f, ",\"bad\":%d,\"dg\":[", d->unreadable ? 2 : d->partial ? 1 : 0);
    for (uint32_t i = 0; i < d->ndiags && i < 20 && (d->unreadable || d->partial); i++) {
        fprintf(f, "%s[%u,", i ? "," : "", (unsigned)d->diags[i].line);
        jstr(f, rpt_clean_cstr(w, 0, d, d->diags[i].msg, true));
        fputc(']', f);
    }
    fputs("],\"c\":[", f);
    for (int v = 0; v < VERDICT_COUNT; v++)
        fprintf(f, "%s%zu", v ? "," : "", counts[v]);
    fputc(']', f);
    if (!d->excluded && !d->not_audited && !d->unreadable)
        json_results(w, d);
    fputs("}</script>\n", f);
    w->f = out;
    return ferror(st->devf) ? -1 : 0;
}

/* The checks the device blocks refer to by index: id, title, severity,
 * measures, remediation per dialect. */
static void checks_block(struct report_writer *w)
{
    FILE *f = w->f;
    size_t n;
    const struct check_def *const *all = rpt_checks(w, &n);
    fputs("<script type=\"application/json\" id=\"checks\">[", f);
    for (size_t i = 0; i < n; i++) {
        const struct check_def *c = all[i];
        fputs(i ? ",\n[" : "[", f);
        jstr(f, c->id);
        fputc(',', f);
        jstr(f, c->title);
        fputc(',', f);
        jstr(f, severity_name(c->severity));
        fputc(',', f);
        rpt_json_measures(f, c);
        fputc(',', f);
        rpt_json_remediations(f, c);
        fputc(']', f);
    }
    fputs("]</script>\n", f);
}

/* The devices view: the list and the pane, then every device's block. */
static int devices_view(struct report_writer *w)
{
    FILE *f = w->f;
    struct html_state *st = w->state;
    fputs("<section class=\"view\" id=\"view-devices\"><div class=\"devices\">"
          "<aside class=\"devnav\"><input id=\"dev-search\" type=\"search\" placeholder=\"Filter "
          "devices\" aria-label=\"Filter devices\"><ul id=\"dev-list\"></ul></aside>"
          "<div class=\"devpane\" id=\"dev-pane\"><div id=\"dev-none\" class=\"card empty\">"
          "Select a device to see its failed checks, evidence and remediation.</div></div>"
          "</div></section>\n",
          f);
    checks_block(w);
    if (fflush(st->devf) != 0 || fseek(st->devf, 0, SEEK_SET) != 0)
        return -1;
    char buf[1 << 16];
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), st->devf)) > 0)
        if (fwrite(buf, 1, n, f) != n)
            return -1;
    return ferror(st->devf) ? -1 : 0;
}

static void html_release(struct report_writer *w)
{
    struct html_state *st = w->state;
    if (st && st->devf)
        fclose(st->devf);
    free(st);
    w->state = NULL;
}

/* ----------------------------------------------------------------- charts */

static void legend(FILE *f)
{
    fputs("<div class=\"legend\">", f);
    for (int k = 0; k < MEASURE_STATUS_COUNT; k++)
        fprintf(f, "<span><i class=\"st-%s\"></i>%s</span>",
                measure_status_name((enum measure_status_kind)k), status_label[k]);
    fputs("<span><b class=\"overdue\">!n</b> overdue</span></div>", f);
}

/* Horizontal stacked bars: one row per section, segments per status. */
static void section_chart(FILE *f, const struct compliance_result *cr)
{
    const int row = 24, left = 250, width = 520, top = 6;
    int height = top + (int)cr->nsections * row + 6;
    fprintf(f,
            "<svg viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" aria-label=\"Measures by "
            "section and status\" xmlns=\"http://www.w3.org/2000/svg\">",
            left + width + 50, height);
    for (size_t i = 0; i < cr->nsections; i++) {
        const struct section_counts *s = &cr->sections[i];
        int y = top + (int)i * row;
        fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\" fill=\"#1f2328\">",
                left - 8, y + 15);
        struct buf t;
        buf_init(&t, 0);
        buf_printf(&t, "%d. %s", s->section, s->title ? s->title : "");
        if (t.len > 38) {
            t.len = 36;
            while (t.len && ((unsigned char)t.data[t.len] & 0xc0) == 0x80)
                t.len--;
            buf_adds(&t, "\xe2\x80\xa6");
        }
        fputs("<title>", f);
        h(f, s->title);
        fputs("</title>", f);
        rpt_xml_str(f, t.data, t.len, false);
        buf_free(&t);
        fputs("</text>", f);
        double x = left;
        size_t total = s->counts.total ? s->counts.total : 1;
        fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" fill=\"#eef1f4\" rx=\"3\"/>",
                left, y + 3, width);
        for (int k = 0; k < MEASURE_STATUS_COUNT; k++) {
            size_t n = s->counts.by_status[k];
            if (!n)
                continue;
            double wd = (double)width * (double)n / (double)total;
            fprintf(f,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"><title>%s: "
                    "%zu</title></rect>",
                    x, y + 3, wd, status_colour[k], status_label[k], n);
            x += wd;
        }
        fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#59636e\">%zu</text>",
                left + width + 8, y + 15, s->counts.total);
        if (s->counts.overdue)
            fprintf(f,
                    "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#cf222e\" "
                    "font-weight=\"700\">!%zu</text>",
                    left + width + 28, y + 15, s->counts.overdue);
    }
    fputs("</svg>", f);
}

/* A donut of measures by status. */
static void donut(FILE *f, const struct status_counts *c)
{
    const double r = 70, cx = 90, cy = 90, circ = 2 * 3.14159265358979 * r;
    fputs("<svg viewBox=\"0 0 180 180\" width=\"180\" height=\"180\" role=\"img\" "
          "aria-label=\"Measures by status\" xmlns=\"http://www.w3.org/2000/svg\">",
          f);
    fprintf(f,
            "<circle cx=\"%.0f\" cy=\"%.0f\" r=\"%.0f\" fill=\"none\" stroke=\"#eef1f4\" "
            "stroke-width=\"26\"/>",
            cx, cy, r);
    double off = 0;
    size_t total = c->total ? c->total : 1;
    for (int k = 0; k < MEASURE_STATUS_COUNT; k++) {
        size_t n = c->by_status[k];
        if (!n)
            continue;
        double len = circ * (double)n / (double)total;
        fprintf(f,
                "<circle cx=\"%.0f\" cy=\"%.0f\" r=\"%.0f\" fill=\"none\" stroke=\"%s\" "
                "stroke-width=\"26\" stroke-dasharray=\"%.2f %.2f\" stroke-dashoffset=\"%.2f\" "
                "transform=\"rotate(-90 %.0f %.0f)\"><title>%s: %zu</title></circle>",
                cx, cy, r, status_colour[k], len, circ - len, -off, cx, cy, status_label[k], n);
        off += len;
    }
    size_t met = c->by_status[MEASURE_MET];
    size_t due =
        c->total - c->by_status[MEASURE_NOT_YET_DUE] - c->by_status[MEASURE_NOT_APPLICABLE];
    fprintf(f,
            "<text x=\"90\" y=\"88\" text-anchor=\"middle\" font-size=\"26\" font-weight=\"700\" "
            "fill=\"#1f2328\">%zu%%</text><text x=\"90\" y=\"108\" text-anchor=\"middle\" "
            "font-size=\"10\" fill=\"#59636e\">of due measures met</text></svg>",
            due ? met * 100 / due : 0);
}

/* Vertical bars: failed checks by severity. */
static void severity_chart(FILE *f, const struct report_tally *t)
{
    size_t max = 1;
    for (int s = 0; s < SEV_COUNT; s++)
        if (t->fail_by_severity[s] > max)
            max = t->fail_by_severity[s];
    const int bw = 56, gap = 22, hgt = 130, base = 150;
    fprintf(f,
            "<svg viewBox=\"0 0 %d 180\" width=\"100%%\" role=\"img\" aria-label=\"Failed "
            "checks by severity\" xmlns=\"http://www.w3.org/2000/svg\">",
            SEV_COUNT * (bw + gap) + gap);
    fprintf(f, "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d1d9e0\"/>", base,
            SEV_COUNT * (bw + gap) + gap, base);
    int i = 0;
    for (int s = SEV_CRITICAL; s >= SEV_INFO; s--, i++) {
        size_t n = t->fail_by_severity[s];
        int bh = (int)((double)hgt * (double)n / (double)max);
        int x = gap + i * (bw + gap);
        fprintf(f,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\" fill=\"%s\">"
                "<title>%s: %zu</title></rect>",
                x, base - bh, bw, bh, severity_colour[s], severity_name((enum severity)s), n);
        fprintf(f,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"13\" "
                "font-weight=\"700\" fill=\"#1f2328\">%zu</text>",
                x + bw / 2, base - bh - 6, n);
        fprintf(f,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\" "
                "fill=\"#59636e\">%s</text>",
                x + bw / 2, base + 16, severity_name((enum severity)s));
    }
    fputs("</svg>", f);
}

/* ----------------------------------------------------------------- finish */

static void kpi(FILE *f, const char *cls, const char *label, size_t value, const char *sub)
{
    fprintf(f, "<div class=\"kpi %s\"><div class=\"l\">%s</div><div class=\"v\">%zu</div>", cls,
            label, value);
    if (sub)
        fprintf(f, "<div class=\"s\">%s</div>", sub);
    fputs("</div>", f);
}

static void measures_view(struct report_writer *w, const struct compliance_result *cr)
{
    FILE *f = w->f;
    fputs("<section class=\"view\" id=\"view-measures\"><div class=\"card\"><h2>Code of Practice "
          "measures",
          f);
    if (cr)
        fprintf(f, "<small>tier %d, %s edition</small>", cr->tier, cr->edition ? cr->edition : "");
    fputs("</h2>\n<div class=\"toolbar\"><select id=\"status-filter\" aria-label=\"Filter by "
          "status\"><option value=\"\">All statuses</option><option value=\"overdue\">Overdue"
          "</option>",
          f);
    for (int k = 0; k < MEASURE_STATUS_COUNT; k++)
        fprintf(f, "<option value=\"%s\">%s</option>",
                measure_status_name((enum measure_status_kind)k), status_label[k]);
    fputs("</select><input id=\"measure-search\" type=\"search\" placeholder=\"Search id, title, "
          "check\" aria-label=\"Search measures\"><span class=\"count\" id=\"measure-count\">"
          "</span></div>\n<div class=\"tablewrap\"><table id=\"measures-table\"><thead><tr>"
          "<th>Measure</th><th>Title</th><th>Status</th><th>Due</th><th>Evidence</th>"
          "<th>Attestation</th></tr></thead><tbody>\n",
          f);
    /* Overdue first, then not met, then the catalogue order. */
    for (int pass = 0; cr && pass < 3; pass++)
        for (size_t i = 0; i < cr->n; i++) {
            const struct measure_status *s = &cr->v[i];
            int group = s->overdue ? 0 : s->status == MEASURE_NOT_MET ? 1 : 2;
            if (group != pass)
                continue;
            char d[11];
            const char *sn = measure_status_name(s->status);
            fprintf(f, "<tr data-status=\"%s\" data-overdue=\"%d\"><td><b>", sn, s->overdue);
            h(f, s->measure->id);
            fprintf(f, "</b><div class=\"muted\">&sect;%d</div></td><td>", s->measure->section);
            h(f, s->measure->title);
            if (s->reason) {
                fputs("<div class=\"muted\">", f);
                h(f, s->reason);
                fputs("</div>", f);
            }
            fprintf(f, "</td><td><span class=\"badge st-%s\">%s</span>", sn,
                    status_label[s->status]);
            if (s->overdue)
                fputs("<span class=\"overdue\">OVERDUE</span>", f);
            fputs("</td><td class=\"mono\">", f);
            if (s->due_known) {
                fputs(rpt_date(s->due, d), f);
                if (!s->deadline_verified)
                    fputs("<div class=\"muted\">unverified</div>", f);
            } else {
                fputs(s->applies ? "unknown" : "n/a", f);
            }
            fputs("</td><td>", f);
            for (size_t k = 0; k < s->nchecks && k < 12; k++) {
                fputs("<span class=\"tag\">", f);
                h(f, s->checks[k]->id);
                fputs("</span>", f);
            }
            if (s->nchecks)
                fprintf(f, "<div class=\"muted\">%zu pass, %zu fail", s->npass, s->nfail);
            if (s->nchecks && s->nwaived)
                fprintf(f, ", %zu waived", s->nwaived);
            if (s->nchecks)
                fputs("</div>", f);
            /* Where it fails: links into the device view. */
            size_t shown = 0;
            for (size_t k = 0; k < s->nfindings && shown < 6; k++) {
                const struct measure_finding *x = &s->findings[k];
                if (x->fleet || !x->device ||
                    (x->verdict != VERDICT_FAIL && x->verdict != VERDICT_WAIVED))
                    continue;
                fputs(shown ? " " : "<div class=\"fails\">", f);
                fputs("<a class=\"devref\" href=\"#device=", f);
                device_anchor(f, x->device);
                fputs("\">", f);
                h(f, x->device);
                fputs(" &middot; ", f);
                h(f, x->check);
                fputs("</a>", f);
                shown++;
            }
            if (shown && s->total_findings > shown)
                fprintf(f, " <span class=\"muted\">+%zu more</span>", s->total_findings - shown);
            if (shown)
                fputs("</div>", f);
            fputs("</td><td>", f);
            if (s->attestation) {
                h(f, attest_status_name(s->attestation->status));
                if (s->attestation->evidence) {
                    fputs("<div class=\"muted\">", f);
                    h(f, s->attestation->evidence);
                    fputs("</div>", f);
                }
            } else if (s->expired_attestation) {
                fputs("<span class=\"overdue\">expired</span>", f);
            } else {
                fputs("<span class=\"muted\">&mdash;</span>", f);
            }
            fputs("</td></tr>\n", f);
        }
    fputs("</tbody></table></div>", f);
    if (!cr || !cr->n)
        fputs("<p class=\"empty\">No measure catalogue was evaluated in this run.</p>", f);
    fputs("</div></section>\n", f);
}

/* The coverage sentence and a table of every device not audited, with why. */
static void write_coverage(struct report_writer *w)
{
    FILE *f = w->f;
    const struct report_tally *t = &w->tally;
    struct buf b;
    buf_init(&b, 0);
    fputs("<p class=\"lead\" id=\"coverage\">Coverage: ", f);
    h(f, rpt_coverage(t, &b));
    fputs(".</p>\n", f);
    buf_free(&b);
    if (!t->not_audited)
        return;
    fputs("<div class=\"card\" id=\"not-audited\"><b>Not audited</b><table><thead><tr>"
          "<th>Device</th><th>Reading</th><th>Reason</th></tr></thead><tbody>\n",
          f);
    for (size_t i = 0; i < t->not_audited; i++) {
        fputs("<tr><td class=\"mono\">", f);
        h(f, t->unaudited[i].device);
        fputs("</td><td>", f);
        h(f, t->unaudited[i].label);
        fputs("</td><td>", f);
        h(f, t->unaudited[i].reason);
        fputs("</td></tr>\n", f);
    }
    fputs("</tbody></table></div>\n", f);
}

static int html_finish(struct report_writer *w, const struct report_estate *e)
{
    FILE *f = w->f;
    const struct report_tally *t = &w->tally;
    const struct compliance_result *cr = e->cr;

    fputs("<section class=\"view active\" id=\"view-overview\">\n", f);
    /* One sentence a compliance lead can read out. */
    fputs("<p class=\"lead\">", f);
    fprintf(f, "%zu device%s assessed", t->devices - t->excluded,
            t->devices - t->excluded == 1 ? "" : "s");
    if (cr) {
        char d[11];
        fprintf(f,
                " against %zu measures of the %s Code of Practice%s: <b>%zu met</b>, "
                "<b class=\"bad\">%zu not met</b>",
                cr->totals.total, cr->edition ? cr->edition : "", "",
                cr->totals.by_status[MEASURE_MET], cr->totals.by_status[MEASURE_NOT_MET]);
        if (cr->totals.overdue)
            fprintf(f, ", <b class=\"bad\">%zu overdue</b> for tier %d", cr->totals.overdue,
                    cr->tier);
        fprintf(f, ", %zu awaiting the provider&rsquo;s attestation",
                cr->totals.by_status[MEASURE_ATTESTATION_REQUIRED]);
        if (cr->ndue_next)
            fprintf(f, "; next deadline %s (%zu measure%s)", rpt_date(cr->due_next[0].date, d),
                    cr->due_next[0].nmeasures, cr->due_next[0].nmeasures == 1 ? "" : "s");
    }
    fprintf(f, ". %zu failed check%s across the estate.</p>\n", t->by_verdict[VERDICT_FAIL],
            t->by_verdict[VERDICT_FAIL] == 1 ? "" : "s");
    write_coverage(w);
    fputs("<div class=\"kpis\">", f);
    char sub[160];
    snprintf(sub, sizeof(sub), "%zu parsed, %zu partial, %zu unreadable, %zu excluded", t->parsed,
             t->partial, t->unreadable, t->excluded);
    kpi(f, "", "Devices", t->devices, sub);
    snprintf(sub, sizeof(sub), "%zu critical, %zu high", t->fail_by_severity[SEV_CRITICAL],
             t->fail_by_severity[SEV_HIGH]);
    kpi(f, t->by_verdict[VERDICT_FAIL] ? "bad" : "good", "Failed checks",
        t->by_verdict[VERDICT_FAIL], sub);
    if (cr) {
        snprintf(sub, sizeof(sub), "of %zu measures", cr->totals.total);
        kpi(f, "good", "Measures met", cr->totals.by_status[MEASURE_MET], sub);
        kpi(f, cr->totals.by_status[MEASURE_NOT_MET] ? "bad" : "", "Measures not met",
            cr->totals.by_status[MEASURE_NOT_MET], "from configuration evidence");
        kpi(f, cr->totals.overdue ? "bad" : "good", "Overdue", cr->totals.overdue,
            "due for this tier and not met");
        kpi(f, "", "Need attestation", cr->totals.by_status[MEASURE_ATTESTATION_REQUIRED],
            "no configuration can show them");
    }
    fputs("</div>\n<div class=\"grid2\"><div class=\"card\"><h2>Compliance by section<small>"
          "measures of the Code by status</small></h2>",
          f);
    if (cr && cr->nsections) {
        section_chart(f, cr);
        legend(f);
    } else {
        fputs("<p class=\"empty\">No measure catalogue was evaluated in this run.</p>", f);
    }
    fputs("</div><div>", f);
    if (cr) {
        fputs("<div class=\"card\"><h2>Measures by status</h2><div "
              "class=\"donutrow\">",
              f);
        donut(f, &cr->totals);
        fputs("<table>", f);
        for (int k = 0; k < MEASURE_STATUS_COUNT; k++)
            fprintf(f,
                    "<tr><td><span class=\"badge st-%s\" data-goto-status=\"%s\" "
                    "role=\"button\">%s</span></td><td>%zu</td></tr>",
                    measure_status_name((enum measure_status_kind)k),
                    measure_status_name((enum measure_status_kind)k), status_label[k],
                    cr->totals.by_status[k]);
        fputs("</table></div></div>", f);
    }
    fputs("<div class=\"card\"><h2>Failed checks by severity</h2>", f);
    severity_chart(f, t);
    fputs("</div></div></div>\n", f);

    if (cr && cr->ndue_next) {
        fputs("<div class=\"card\"><h2>Falling due next</h2><table><thead><tr><th>Date</th>"
              "<th>Measures</th><th>First</th></tr></thead><tbody>",
              f);
        for (size_t i = 0; i < cr->ndue_next; i++) {
            char d[11];
            fprintf(f, "<tr><td class=\"mono\">%s%s</td><td>%zu</td><td>",
                    rpt_date(cr->due_next[i].date, d),
                    cr->due_next[i].verified ? "" : " <span class=\"muted\">(unverified)</span>",
                    cr->due_next[i].nmeasures);
            h(f, cr->due_next[i].first);
            fputs("</td></tr>", f);
        }
        fputs("</tbody></table></div>\n", f);
    }

    /* Top failing checks. */
    size_t ncheck = 0;
    const struct check_def *const *all = rpt_checks(w, &ncheck);
    bool *done = xcalloc(t->ncheck ? t->ncheck : 1, 1);
    bool header = false;
    for (int k = 0; k < 10; k++) {
        size_t best = SIZE_MAX;
        for (size_t i = 0; i < t->ncheck && i < ncheck; i++) {
            if (done[i] || !t->fail_by_check[i])
                continue;
            if (best == SIZE_MAX || all[i]->severity > all[best]->severity ||
                (all[i]->severity == all[best]->severity &&
                 t->fail_by_check[i] > t->fail_by_check[best]))
                best = i;
        }
        if (best == SIZE_MAX)
            break;
        done[best] = true;
        if (!header) {
            fputs("<div class=\"card\"><h2>Top failing checks</h2><table><thead><tr><th>Severity"
                  "</th><th>Check</th><th>Title</th><th>Devices</th><th>Measures</th></tr></thead>"
                  "<tbody>",
                  f);
            header = true;
        }
        const struct check_def *c = all[best];
        fprintf(f, "<tr><td><span class=\"sev sev-%s\">%s</span></td><td><code>",
                severity_name(c->severity), severity_name(c->severity));
        h(f, c->id);
        fputs("</code></td><td>", f);
        h(f, c->title);
        fprintf(f, "</td><td>%zu</td><td>", t->fail_by_check[best]);
        for (size_t m = 0; c->measures && c->measures[m]; m++) {
            /* A link to the measure in the measures view. */
            fputs("<a class=\"tag\" href=\"#measure=", f);
            ha(f, c->measures[m]);
            fputs("\">", f);
            h(f, c->measures[m]);
            fputs("</a>", f);
        }
        fputs("</td></tr>", f);
    }
    free(done);
    if (header)
        fputs("</tbody></table></div>\n", f);

    if (e->nff) {
        fputs("<div class=\"card\"><h2>Across the estate</h2><table><thead><tr><th>Check</th>"
              "<th>Verdict</th><th>Finding</th><th>Devices</th></tr></thead><tbody>",
              f);
        for (size_t i = 0; i < e->nff; i++) {
            const struct fleet_finding *x = &e->ff[i];
            fputs("<tr><td><code>", f);
            h(f, x->check ? x->check->id : "?");
            fputs("</code></td><td>", f);
            h(f, verdict_name(x->verdict));
            fputs("</td><td>", f);
            h(f, x->message);
            fputs("</td><td>", f);
            for (size_t k = 0; k < x->ndevices && k < 30; k++) {
                fputs("<span class=\"tag\">", f);
                h(f, x->devices[k]);
                if (x->lines)
                    fprintf(f, ":%u", (unsigned)x->lines[k]);
                fputs("</span>", f);
            }
            fputs("</td></tr>", f);
        }
        fputs("</tbody></table></div>\n", f);
    }
    if (cr && (cr->nexpired_waivers || cr->nexpired_attestations)) {
        fputs("<div class=\"card\"><h2>Expired waivers and attestations</h2><ul>", f);
        for (size_t i = 0; i < cr->nexpired_waivers; i++) {
            fputs("<li>Waiver for <code>", f);
            h(f, cr->expired_waivers[i]->check);
            fputs("</code> on ", f);
            h(f, cr->expired_waivers[i]->devices);
            fputs(" expired ", f);
            h(f, cr->expired_waivers[i]->expires_text);
            fputs("</li>", f);
        }
        for (size_t i = 0; i < cr->nexpired_attestations; i++) {
            char d[11];
            const struct attestation *a = cr->expired_attestations[i];
            fputs("<li>Attestation for ", f);
            h(f, a->measure);
            if (a->has_expires)
                fprintf(f, " expired %s", rpt_date(a->expires, d));
            fputs("</li>", f);
        }
        fputs("</ul></div>\n", f);
    }
    if (cr && cr->warnings.n) {
        fputs("<div class=\"card\"><h2>Warnings about the attestations file</h2><ul>", f);
        for (size_t i = 0; i < cr->warnings.n; i++) {
            fputs("<li>", f);
            h(f, cr->warnings.v[i]);
            fputs("</li>", f);
        }
        fputs("</ul></div>\n", f);
    }
    fputs("</section>\n", f);
    measures_view(w, cr);
    if (devices_view(w) != 0)
        return -1;
    fputs("</main>\n<footer>Generated by tsaudit ", f);
    h(f, w->run->tool_version);
    fputs(" &middot; secrets in configuration text are redacted", f);
    if (w->run->show_secrets)
        fputs(" <b>except in this report (--show-secrets)</b>", f);
    fprintf(f, "</footer>\n<script>%s</script>\n</body>\n</html>\n", asset_report_js);
    return ferror(f) ? -1 : 0;
}

const struct report_ops report_ops_html = {
    .name = "html",
    .open = html_open,
    .device = html_device,
    .finish = html_finish,
    .release = html_release,
};
