/*
 * report_html_overview.c - the overview of the HTML report: the sentence a
 * compliance lead can read out, the figures, inline SVG charts, the dates
 * measures fall due, the most failed checks, the roll-up per Regulation, the
 * findings across devices and what lapsed. Written at report_finish().
 */
#include "report/report_html_int.h"

#define h html_h
#define ha html_ha
#define status_label html_status_label

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
    const int row = 24, left = 300, width = 470, top = 6;
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
        /* The Code's own section title, after its number ("Â§" 2). */
        buf_printf(&t, "\xc2\xa7%d %s", s->section, s->title ? s->title : "");
        if (t.len > 50) {
            t.len = 48;
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

static void kpi(FILE *f, const char *cls, const char *label, size_t value, const char *sub)
{
    fprintf(f, "<div class=\"kpi %s\"><div class=\"l\">%s</div><div class=\"v\">%zu</div>", cls,
            label, value);
    if (sub)
        fprintf(f, "<div class=\"s\">%s</div>", sub);
    fputs("</div>", f);
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

/* A measure id as a link to its row in the measures view. */
static void measure_link(FILE *f, const char *id)
{
    fputs("<a class=\"tag\" href=\"#measure=", f);
    ha(f, id);
    fputs("\">", f);
    h(f, id);
    fputs("</a>", f);
}

/* One sentence a compliance lead can read out. */
static void lead(FILE *f, const struct report_tally *t, const struct compliance_result *cr)
{
    size_t assessed = t->devices - t->excluded;
    fprintf(f, "<p class=\"lead\">%zu device%s assessed", assessed, assessed == 1 ? "" : "s");
    if (cr) {
        char d[11];
        fprintf(f,
                " against %zu measures of the %s Code of Practice: <b>%zu met</b>, "
                "<b class=\"bad\">%zu not met</b>",
                cr->totals.total, cr->edition ? cr->edition : "", cr->totals.by_status[MEASURE_MET],
                cr->totals.by_status[MEASURE_NOT_MET]);
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
}

static void kpis(FILE *f, const struct report_tally *t, const struct compliance_result *cr)
{
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
    fputs("</div>\n", f);
}

static void status_table(FILE *f, const struct compliance_result *cr)
{
    fputs("<div class=\"card\"><h2>Measures by status</h2><div class=\"donutrow\">", f);
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

/* The charts: sections, statuses and severities. */
static void charts(FILE *f, const struct report_tally *t, const struct compliance_result *cr)
{
    fputs("<div class=\"grid2\"><div class=\"card\"><h2>Compliance by section<small>"
          "measures in each section of the Code, by status</small></h2>",
          f);
    if (cr && cr->nsections) {
        section_chart(f, cr);
        legend(f);
    } else {
        fputs("<p class=\"empty\">No measure catalogue was evaluated in this run.</p>", f);
    }
    fputs("</div><div>", f);
    if (cr)
        status_table(f, cr);
    fputs("<div class=\"card\"><h2>Failed checks by severity</h2>", f);
    severity_chart(f, t);
    fputs("</div></div></div>\n", f);
}

static void due_next(FILE *f, const struct compliance_result *cr)
{
    if (!cr || !cr->ndue_next)
        return;
    fputs("<div class=\"card\"><h2>Falling due next</h2><table><thead><tr><th>Date</th>"
          "<th>Measures</th><th>First</th></tr></thead><tbody>",
          f);
    for (size_t i = 0; i < cr->ndue_next; i++) {
        char d[11];
        fprintf(f, "<tr><td class=\"mono\">%s%s</td><td>%zu</td><td>",
                rpt_date(cr->due_next[i].date, d),
                cr->due_next[i].verified ? "" : " <span class=\"muted\">(unverified)</span>",
                cr->due_next[i].nmeasures);
        measure_link(f, cr->due_next[i].first);
        fputs("</td></tr>", f);
    }
    fputs("</tbody></table></div>\n", f);
}

/* Measure ids as links to the measures view. */
static void measure_links(FILE *f, const struct check_def *c)
{
    for (size_t m = 0; c->measures && c->measures[m]; m++)
        measure_link(f, c->measures[m]);
}

/* The next most failed check not yet shown: most severe, then most devices. */
static size_t next_top(const struct report_tally *t, const struct check_def *const *all,
                       size_t ncheck, const bool *done)
{
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < t->ncheck && i < ncheck; i++) {
        if (done[i] || !t->fail_by_check[i])
            continue;
        if (best == SIZE_MAX || all[i]->severity > all[best]->severity ||
            (all[i]->severity == all[best]->severity &&
             t->fail_by_check[i] > t->fail_by_check[best]))
            best = i;
    }
    return best;
}

static void top_failing(struct report_writer *w)
{
    FILE *f = w->f;
    const struct report_tally *t = &w->tally;
    size_t ncheck = 0;
    const struct check_def *const *all = rpt_checks(w, &ncheck);
    bool *done = xcalloc(t->ncheck ? t->ncheck : 1, 1);
    for (int k = 0; k < 10; k++) {
        size_t best = next_top(t, all, ncheck, done);
        if (best == SIZE_MAX)
            break;
        done[best] = true;
        if (!k)
            fputs("<div class=\"card\" id=\"top-checks\"><h2>Top failing checks</h2><table>"
                  "<thead><tr><th>Severity</th><th>Check</th><th>Title</th><th>Devices</th>"
                  "<th>Measures</th></tr></thead><tbody>",
                  f);
        const struct check_def *c = all[best];
        fprintf(f, "<tr><td><span class=\"sev sev-%s\">%s</span></td><td>",
                severity_name(c->severity), severity_name(c->severity));
        html_check_link(f, c->id);
        fputs("</td><td>", f);
        h(f, c->title);
        fprintf(f, "</td><td>%zu</td><td>", t->fail_by_check[best]);
        measure_links(f, c);
        fputs("</td></tr>", f);
        if (k == 9 || next_top(t, all, ncheck, done) == SIZE_MAX)
            fputs("</tbody></table></div>\n", f);
    }
    free(done);
}

/* Measures per Regulation of the Security Measures Regulations, by status:
 * the compliance layer's roll-up (the JSON report's "regulations"). */
static void regulations(FILE *f, const struct compliance_result *cr)
{
    if (!cr || !cr->nregulations)
        return;
    fputs("<div class=\"card\" id=\"regulations\"><h2>Compliance by Regulation<small>the "
          "Electronic Communications (Security Measures) Regulations 2022: measures mapped to "
          "each, by status</small></h2><div class=\"tablewrap\"><table id=\"regulations-table\">"
          "<thead><tr><th>Regulation</th><th>Measures</th>",
          f);
    for (int k = 0; k < MEASURE_STATUS_COUNT; k++)
        fprintf(f, "<th>%s</th>", status_label[k]);
    fputs("<th>Overdue</th></tr></thead><tbody>", f);
    for (size_t i = 0; i < cr->nregulations; i++) {
        const struct regulation_counts *r = &cr->regulations[i];
        fprintf(f,
                "<tr data-regulation=\"%d\"><td><a href=\"#regulation=%d\">Regulation %d</a>"
                "</td><td>%zu</td>",
                r->regulation, r->regulation, r->regulation, r->counts.total);
        for (int k = 0; k < MEASURE_STATUS_COUNT; k++)
            fprintf(f, "<td class=\"n-%s\">%zu</td>",
                    measure_status_name((enum measure_status_kind)k), r->counts.by_status[k]);
        fprintf(f, "<td%s>%zu</td></tr>", r->counts.overdue ? " class=\"bad\"" : "",
                r->counts.overdue);
    }
    fputs("</tbody></table></div></div>\n", f);
}

static void fleet(FILE *f, const struct report_estate *e)
{
    if (!e->nff)
        return;
    fputs("<div class=\"card\"><h2>Across the estate</h2><table><thead><tr><th>Check</th>"
          "<th>Verdict</th><th>Finding</th><th>Devices</th></tr></thead><tbody>",
          f);
    for (size_t i = 0; i < e->nff; i++) {
        const struct fleet_finding *x = &e->ff[i];
        fputs("<tr><td>", f);
        html_check_link(f, x->check ? x->check->id : "?");
        fputs("</td><td>", f);
        h(f, verdict_name(x->verdict));
        fputs("</td><td>", f);
        h(f, x->message);
        fputs("</td><td>", f);
        for (size_t k = 0; k < x->ndevices && k < 30; k++) {
            fputs("<a class=\"tag\" href=\"#device=", f);
            html_device_anchor(f, x->devices[k]);
            fputs("\">", f);
            h(f, x->devices[k]);
            if (x->lines)
                fprintf(f, ":%u", (unsigned)x->lines[k]);
            fputs("</a>", f);
        }
        fputs("</td></tr>", f);
    }
    fputs("</tbody></table></div>\n", f);
}

static void lapsed(FILE *f, const struct compliance_result *cr)
{
    if (!cr || !(cr->nexpired_waivers || cr->nexpired_attestations))
        return;
    fputs("<div class=\"card\"><h2>Expired waivers and attestations</h2><ul>", f);
    for (size_t i = 0; i < cr->nexpired_waivers; i++) {
        fputs("<li>Waiver for ", f);
        html_check_link(f, cr->expired_waivers[i]->check);
        fputs(" on ", f);
        h(f, cr->expired_waivers[i]->devices);
        fputs(" expired ", f);
        h(f, cr->expired_waivers[i]->expires_text);
        fputs("</li>", f);
    }
    for (size_t i = 0; i < cr->nexpired_attestations; i++) {
        char d[11];
        const struct attestation *a = cr->expired_attestations[i];
        fputs("<li>Attestation for ", f);
        measure_link(f, a->measure);
        if (a->has_expires)
            fprintf(f, " expired %s", rpt_date(a->expires, d));
        if (a->owner) {
            fputs(" (owner ", f);
            h(f, a->owner);
            fputs(")", f);
        }
        fputs("</li>", f);
    }
    fputs("</ul></div>\n", f);
}

static void warnings(FILE *f, const struct compliance_result *cr)
{
    if (!cr || !cr->warnings.n)
        return;
    fputs("<div class=\"card\"><h2>Warnings about the attestations file</h2><ul>", f);
    for (size_t i = 0; i < cr->warnings.n; i++) {
        fputs("<li>", f);
        h(f, cr->warnings.v[i]);
        fputs("</li>", f);
    }
    fputs("</ul></div>\n", f);
}

void html_overview(struct report_writer *w, const struct report_estate *e)
{
    FILE *f = w->f;
    const struct compliance_result *cr = e->cr;
    fputs("<section class=\"view active\" id=\"view-overview\">\n", f);
    lead(f, &w->tally, cr);
    write_coverage(w);
    kpis(f, &w->tally, cr);
    charts(f, &w->tally, cr);
    due_next(f, cr);
    top_failing(w);
    regulations(f, cr);
    fleet(f, e);
    lapsed(f, cr);
    warnings(f, cr);
    fputs("</section>\n", f);
}
