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
#include "report/report_html_int.h"
#include "report_assets.h"

#include <ctype.h>
#include <errno.h>

/* The stylesheet and script are data/assets/report.css and report.js, built
 * in as asset_report_css and asset_report_js. */

/* ------------------------------------------------------------------ helpers */

void html_h(FILE *f, const char *s)
{
    rpt_xml_cstr(f, s, false);
}

void html_ha(FILE *f, const char *s)
{
    rpt_xml_cstr(f, s, true);
}

#define h html_h
#define ha html_ha

/*
 * The anchor of a device's view, from its identity (the path relative to
 * the scanned folder): the same on every run, so links to it survive
 * reruns. White space, which an id may not hold, becomes '_'.
 */
void html_device_anchor(FILE *f, const char *id)
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

void html_check_link(FILE *f, const char *id)
{
    fputs("<a class=\"ckref\" href=\"#check=", f);
    ha(f, id);
    fputs("\"><code>", f);
    h(f, id);
    fputs("</code></a>", f);
}

/* "failing since 2026-03-02" (the time in the title), and the commit. */
void html_since(FILE *f, const char *when, const char *commit)
{
    fputs("<div class=\"since\" title=\"", f);
    ha(f, when);
    fputs("\">failing since ", f);
    rpt_xml_str(f, when, strnlen(when, 10), false);
    if (commit) {
        fputs(" &middot; commit <span class=\"mono\">", f);
        rpt_xml_str(f, commit, strnlen(commit, 12), false);
        fputs("</span>", f);
    }
    fputs("</div>", f);
}

const char *const html_status_label[MEASURE_STATUS_COUNT] = {
    [MEASURE_MET] = "Met",
    [MEASURE_NOT_MET] = "Not met",
    [MEASURE_PARTIAL] = "Partly met",
    [MEASURE_ATTESTATION_REQUIRED] = "Needs attestation",
    [MEASURE_NOT_YET_DUE] = "Not yet due",
    [MEASURE_NOT_APPLICABLE] = "Not applicable",
};

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
    if (run->nsince) {
        rpt_checks(w, &st->ncheck);
        st->since_by_check = xcalloc(st->ncheck ? st->ncheck : 1, sizeof(*st->since_by_check));
    }
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
 * (then the check's for the dialect), waiver, expires, and with history
 * [failing since, commit or null]] for failed and waived
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
    /* Failing since, when the history knows: [when, commit or null]. */
    const struct report_since *since =
        r->verdict == VERDICT_FAIL && r->check
            ? report_since_find(w->run, rpt_device_name(d), r->check->id)
            : NULL;
    if (since) {
        fputs(",[", f);
        jstr(f, since->when);
        fputc(',', f);
        jstr(f, since->commit);
        fputc(']', f);
    }
    fputc(']', f);
}

static bool listed(const struct report_writer *w, const struct check_result *r)
{
    return report_filter_result(&w->run->filter, r);
}

/* Failed results, most severe first, then the waived ones. */
static void json_failed(struct report_writer *w, const struct device_result *d)
{
    bool first = true;
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
}

/* Unknown, then needs_context: with their reasons. */
static void json_open(struct report_writer *w, const struct device_result *d)
{
    FILE *f = w->f;
    bool first = true;
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
}

static void json_results(struct report_writer *w, const struct device_result *d)
{
    FILE *f = w->f;
    fputs(",\"f\":[", f);
    json_failed(w, d);
    fputs("],\"o\":[", f);
    json_open(w, d);
    /* Passes and checks that do not apply: which ones, without their messages
     * (the bulk of a device, and the JSON report has them). */
    static const struct {
        const char *key;
        enum verdict v;
    } lists[] = {{"ok", VERDICT_PASS}, {"na", VERDICT_NOT_APPLICABLE}};
    for (size_t k = 0; k < ARRAY_SIZE(lists); k++) {
        fprintf(f, "],\"%s\":[", lists[k].key);
        bool first = true;
        for (size_t i = 0; i < d->nresults; i++)
            if (d->results[i].verdict == lists[k].v && listed(w, &d->results[i])) {
                fprintf(f, "%s%zu", first ? "" : ",", rpt_check_index(w, d->results[i].check));
                first = false;
            }
    }
    fputc(']', f);
}

/* The indices of the checks with one of the verdicts (bits 1u << verdict)
 * that the filter lists, for the check pages and the measures' full lists. */
static void check_list_attr(struct report_writer *w, const struct device_result *d,
                            const char *name, unsigned verdicts)
{
    FILE *f = w->f;
    bool first = true;
    for (size_t i = 0; i < d->nresults; i++) {
        const struct check_result *r = &d->results[i];
        if (!(verdicts & (1u << r->verdict)) || !r->check || !listed(w, r))
            continue;
        if (first)
            fprintf(f, " %s=\"", name);
        fprintf(f, "%s%zu", first ? "" : " ", rpt_check_index(w, r->check));
        first = false;
    }
    if (!first)
        fputc('"', f);
}

/* The group: the first folder of the device's path (a RANCID group), or "". */
static void group_attr(FILE *f, const char *name)
{
    const char *slash = strchr(name, '/');
    fputs(" data-group=\"", f);
    if (slash)
        rpt_xml_str(f, name, (size_t)(slash - name), true);
    fputc('"', f);
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
    html_device_anchor(f, name);
    fputs("\" data-name=\"", f);
    ha(f, name);
    fputs("\" data-host=\"", f);
    ha(f, d->hostname ? rpt_clean_cstr(w, 1, d, d->hostname, false) : "");
    fprintf(f, "\" data-fail=\"%zu\" data-worst=\"%s\" data-dialect=\"%s\"", nfail,
            worst >= 0 ? severity_name((enum severity)worst) : "none", dialect_name(d->dialect));
    group_attr(f, name);
    check_list_attr(w, d, "data-fails", 1u << VERDICT_FAIL);
    check_list_attr(w, d, "data-waived", 1u << VERDICT_WAIVED);
    check_list_attr(w, d, "data-open", 1u << VERDICT_UNKNOWN | 1u << VERDICT_NEEDS_CONTEXT);
    if (d->excluded)
        fputs(" data-state=\"excluded\"", f);
    else if (d->not_audited)
        fputs(" data-state=\"not-audited\"", f);
    else if (d->unreadable)
        fputs(" data-state=\"unreadable\"", f);
    fputc('>', f);
}

/* The earliest "failing since" per check, for the measures (with history). */
static void note_since(struct report_writer *w, const struct device_result *d)
{
    struct html_state *st = w->state;
    for (size_t i = 0; st->since_by_check && i < d->nresults; i++) {
        const struct check_result *r = &d->results[i];
        if (r->verdict != VERDICT_FAIL || !r->check)
            continue;
        const struct report_since *x = report_since_find(w->run, rpt_device_name(d), r->check->id);
        size_t k = rpt_check_index(w, r->check);
        if (x && k < st->ncheck &&
            (!st->since_by_check[k] || strcmp(x->when, st->since_by_check[k]) < 0))
            st->since_by_check[k] = x->when;
    }
}

/* The device's identity and state in its block: platform, OS, path, hash,
 * why it was not assessed, its reading diagnostics. */
static void json_device_head(struct report_writer *w, const struct device_result *d)
{
    FILE *f = w->f;
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
    json_device_head(w, d);
    fputs("],\"c\":[", f);
    for (int v = 0; v < VERDICT_COUNT; v++)
        fprintf(f, "%s%zu", v ? "," : "", counts[v]);
    fputc(']', f);
    if (!d->excluded && !d->not_audited && !d->unreadable) {
        json_results(w, d);
        note_since(w, d);
    }
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
          "devices\" aria-label=\"Filter devices\"><div class=\"devfilters\"><select "
          "id=\"dev-sev\" aria-label=\"Filter by severity\"><option value=\"\">All severities"
          "</option><option value=\"critical\">Critical</option><option value=\"high\">High and "
          "above</option><option value=\"medium\">Medium and above</option><option "
          "value=\"low\">Low and above</option><option value=\"info\">Any failure</option>"
          "<option value=\"none\">No failures</option></select><select id=\"dev-group\" "
          "aria-label=\"Filter by group\"><option value=\"*\">All groups</option></select></div>"
          "<div class=\"count\" id=\"dev-count\"></div><ul id=\"dev-list\"></ul></aside>"
          "<div class=\"devpane\" id=\"dev-pane\"><div id=\"dev-none\" class=\"card empty\">"
          "Select a device to see its failed checks, evidence and remediation.</div></div>"
          "</div></section>\n<section class=\"view\" id=\"view-check\"><div class=\"card\" "
          "id=\"check-page\"></div></section>\n<section class=\"print-only\" "
          "id=\"print-findings\"></section>\n",
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
    if (st)
        free(st->since_by_check);
    free(st);
    w->state = NULL;
}

static int html_finish(struct report_writer *w, const struct report_estate *e)
{
    FILE *f = w->f;
    html_overview(w, e);
    html_measures_view(w, e->cr);
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
