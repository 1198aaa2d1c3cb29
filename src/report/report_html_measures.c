/*
 * report_html_measures.c - the measures view of the HTML report: one row per
 * measure of the Code with its section (the Code's own section title), status,
 * due date, the checks that evidence it and where they fail, since when (with
 * history), and the provider's attestation with its owner and expiry.
 */
#include "report/report_html_int.h"

#define h html_h
#define ha html_ha

static void toolbar(FILE *f, const struct compliance_result *cr)
{
    fputs("<div class=\"toolbar\"><select id=\"status-filter\" aria-label=\"Filter by status\">"
          "<option value=\"\">All statuses</option><option value=\"overdue\">Overdue</option>",
          f);
    for (int k = 0; k < MEASURE_STATUS_COUNT; k++)
        fprintf(f, "<option value=\"%s\">%s</option>",
                measure_status_name((enum measure_status_kind)k), html_status_label[k]);
    fputs("</select><select id=\"reg-filter\" aria-label=\"Filter by Regulation\"><option "
          "value=\"\">All Regulations</option>",
          f);
    for (size_t i = 0; cr && i < cr->nregulations; i++)
        fprintf(f, "<option value=\"%d\">Regulation %d</option>", cr->regulations[i].regulation,
                cr->regulations[i].regulation);
    fputs("</select><input id=\"measure-search\" type=\"search\" placeholder=\"Search id, title, "
          "check\" aria-label=\"Search measures\"><span class=\"count\" id=\"measure-count\">"
          "</span></div>\n<div class=\"tablewrap\"><table id=\"measures-table\"><thead><tr>"
          "<th>Measure</th><th>Title</th><th>Status</th><th>Due</th><th>Evidence</th>"
          "<th>Attestation</th></tr></thead><tbody>\n",
          f);
}

/* Since when the measure has not been met: from the recorded runs when they
 * show it unbroken, else the earliest "failing since" of the devices failing
 * a check of the measure now (it has not been met at least since then). */
static const char *measure_since(const struct report_writer *w, const struct measure_status *s)
{
    const struct report_since *runs = report_measure_since_find(w->run, s->measure->id);
    if (runs)
        return runs->when;
    const struct html_state *st = w->state;
    const char *first = NULL;
    for (size_t k = 0; st->since_by_check && k < s->nchecks; k++) {
        size_t i = rpt_check_index(w, s->checks[k]);
        const char *when = i < st->ncheck ? st->since_by_check[i] : NULL;
        if (when && (!first || strcmp(when, first) < 0))
            first = when;
    }
    return first;
}

/* The first cell: id and the section of the Code it sits in. */
static void measure_head(FILE *f, const struct measure_status *s)
{
    const struct measure *m = s->measure;
    fprintf(f, "<tr id=\"m/");
    ha(f, m->id);
    fprintf(f, "\" data-status=\"%s\" data-overdue=\"%d\" data-regs=\"",
            measure_status_name(s->status), s->overdue);
    for (size_t r = 0; r < m->nregulations; r++)
        fprintf(f, "%s%d", r ? " " : "", regulation_number(m->regulations[r]));
    fputs("\"><td><b>", f);
    h(f, m->id);
    fprintf(f, "</b><div class=\"muted sect\">&sect;%d", m->section);
    if (m->section_title) {
        fputc(' ', f);
        h(f, m->section_title);
    }
    fputs("</div></td><td>", f);
    h(f, m->title);
    if (s->reason) {
        fputs("<div class=\"muted\">", f);
        h(f, s->reason);
        fputs("</div>", f);
    }
}

static void status_cell(struct report_writer *w, const struct measure_status *s)
{
    FILE *f = w->f;
    const char *sn = measure_status_name(s->status);
    fprintf(f, "</td><td><span class=\"badge st-%s\">%s</span>", sn, html_status_label[s->status]);
    if (s->overdue)
        fputs("<span class=\"overdue\">OVERDUE</span>", f);
    const char *since =
        s->status == MEASURE_NOT_MET || s->status == MEASURE_PARTIAL ? measure_since(w, s) : NULL;
    if (since)
        html_since(f, since, NULL);
    fputs("</td><td class=\"mono\">", f);
    char d[11];
    if (s->due_known) {
        fputs(rpt_date(s->due, d), f);
        if (!s->deadline_verified)
            fputs("<div class=\"muted\">unverified</div>", f);
    } else {
        fputs(s->applies ? "unknown" : "n/a", f);
    }
}

/* Where it fails: links into the device view; the rest on demand. */
static void failing_devices(FILE *f, const struct measure_status *s)
{
    size_t shown = 0;
    for (size_t k = 0; k < s->nfindings && shown < 6; k++) {
        const struct measure_finding *x = &s->findings[k];
        if (x->fleet || !x->device || (x->verdict != VERDICT_FAIL && x->verdict != VERDICT_WAIVED))
            continue;
        fputs(shown ? " " : "<div class=\"fails\">", f);
        fputs("<a class=\"devref\" href=\"#device=", f);
        html_device_anchor(f, x->device);
        fputs("\">", f);
        h(f, x->device);
        fputs(" &middot; ", f);
        h(f, x->check);
        fputs("</a>", f);
        shown++;
    }
    if (shown && s->total_findings > shown) {
        /* The script counts and lists every failing pair from the devices. */
        fprintf(f, " <button type=\"button\" class=\"more\" data-measure=\"");
        ha(f, s->measure->id);
        fprintf(f, "\" data-shown=\"%zu\">+%zu more</button>", shown, s->total_findings - shown);
    }
    if (shown)
        fputs("</div>", f);
}

static void evidence_cell(FILE *f, const struct measure_status *s)
{
    fputs("</td><td>", f);
    for (size_t k = 0; k < s->nchecks && k < 12; k++)
        html_check_link(f, s->checks[k]->id);
    if (s->nchecks > 12)
        fprintf(f, " <span class=\"muted\">and %zu more checks</span>", s->nchecks - 12);
    if (s->nchecks) {
        fprintf(f, "<div class=\"muted\">%zu pass, %zu fail", s->npass, s->nfail);
        if (s->nwaived)
            fprintf(f, ", %zu waived", s->nwaived);
        fputs("</div>", f);
    }
    failing_devices(f, s);
}

/* Who attested, and until when it counts. */
static void attestation_who(FILE *f, const struct attestation *a, bool lapsed)
{
    char d[11];
    fputs("<div class=\"attest muted\">", f);
    if (a->owner) {
        fputs("<span class=\"owner\">Owner ", f);
        h(f, a->owner);
        fputs("</span>", f);
    }
    if (a->has_date)
        fprintf(f, "<span>attested %s</span>", rpt_date(a->date, d));
    if (a->has_expires)
        fprintf(f, "<span class=\"expires%s\">%s %s</span>", lapsed ? " overdue" : "",
                lapsed ? "expired" : "expires", rpt_date(a->expires, d));
    else
        fputs("<span class=\"expires\">does not expire</span>", f);
    fputs("</div>", f);
}

static void attestation_cell(FILE *f, const struct measure_status *s)
{
    fputs("</td><td>", f);
    if (s->attestation) {
        h(f, attest_status_name(s->attestation->status));
        if (s->attestation->evidence) {
            fputs("<div class=\"muted\">", f);
            h(f, s->attestation->evidence);
            fputs("</div>", f);
        }
        attestation_who(f, s->attestation, false);
    } else if (s->expired_attestation) {
        fputs("<span class=\"overdue\">expired</span>", f);
        attestation_who(f, s->expired_attestation, true);
    } else {
        fputs("<span class=\"muted\">&mdash;</span>", f);
    }
    fputs("</td></tr>\n", f);
}

void html_measures_view(struct report_writer *w, const struct compliance_result *cr)
{
    FILE *f = w->f;
    fputs("<section class=\"view\" id=\"view-measures\"><div class=\"card\"><h2>Code of Practice "
          "measures",
          f);
    if (cr)
        fprintf(f, "<small>tier %d, %s edition</small>", cr->tier, cr->edition ? cr->edition : "");
    fputs("</h2>\n", f);
    toolbar(f, cr);
    /* Overdue first, then not met, then the catalogue order. */
    for (int pass = 0; cr && pass < 3; pass++)
        for (size_t i = 0; i < cr->n; i++) {
            const struct measure_status *s = &cr->v[i];
            int group = s->overdue ? 0 : s->status == MEASURE_NOT_MET ? 1 : 2;
            if (group != pass)
                continue;
            measure_head(f, s);
            status_cell(w, s);
            evidence_cell(f, s);
            attestation_cell(f, s);
        }
    fputs("</tbody></table></div>", f);
    if (!cr || !cr->n)
        fputs("<p class=\"empty\">No measure catalogue was evaluated in this run.</p>", f);
    fputs("</div></section>\n", f);
}
