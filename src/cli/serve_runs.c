/*
 * serve_runs.c - the dashboard's overview (the runs, newest first, a form
 * to compare any two, the devices of the latest run) and the comparison of
 * two runs as a page: new failures, fixes and other verdict changes per
 * device and check, with counts (the same comparison /api/diff answers in
 * JSON, plus the changes that involve no failure).
 */
#include "cli/cli.h"
#include "cli/serve_page.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

#define DIFF_ROWS_SHOWN 2000 /* rows of one kind on the page; the JSON has all */

/* -------------------------------------------------------------- overview */

static void device_link(FILE *f, const char *path)
{
    fputs("<a href=\"/devices?path=", f);
    serve_url(f, path);
    fputs("\">", f);
    serve_html(f, path);
    fputs("</a>", f);
}

static void run_row(FILE *f, const struct store_run_row *r, bool has_previous)
{
    fprintf(f, "<tr><td><a href=\"/runs/%lld\">%lld</a></td><td class=\"d\">", (long long)r->id,
            (long long)r->id);
    serve_when(f, r->started);
    fputs("</td><td class=\"d\">", f);
    serve_html(f, r->as_of);
    fprintf(f, "</td><td>%s%c</td><td>", r->tier ? "" : "-", r->tier ? '0' + r->tier : ' ');
    serve_html(f, r->edition);
    fprintf(f,
            "</td><td class=n>%ld</td><td class=n>%ld</td><td class=\"n crit\">%ld</td>"
            "<td class=\"n high\">%ld</td><td class=\"n med\">%ld</td>"
            "<td class=\"n low\">%ld</td><td class=n>%ld / %ld</td><td>",
            r->devices, r->fails, r->fails_by_severity[0], r->fails_by_severity[1],
            r->fails_by_severity[2], r->fails_by_severity[3], r->measures_met, r->measures_total);
    if (has_previous)
        fprintf(f, "<a href=\"/diff?b=%lld\">changes</a>", (long long)r->id);
    fputs("</td></tr>\n", f);
}

/* A run as an <option>, selected when it is `pick`. */
static void run_option(FILE *f, const struct store_run_row *r, int64_t pick)
{
    fprintf(f, "<option value=\"%lld\"%s>run %lld, ", (long long)r->id,
            r->id == pick ? " selected" : "", (long long)r->id);
    serve_when(f, r->started);
    fputs("</option>", f);
}

/* Pick two runs: a GET form to /diff (form-action 'self'). */
static void compare_form(FILE *f, const struct store_run_row *rows, size_t n)
{
    fputs("<form class=\"card compare\" id=\"compare\" method=\"get\" action=\"/diff\">"
          "<h2>Compare two runs</h2><label>From <select name=\"a\">",
          f);
    for (size_t i = n; i-- > 0;)
        run_option(f, &rows[i], rows[n - 2].id);
    fputs("</select></label> <label>to <select name=\"b\">", f);
    for (size_t i = n; i-- > 0;)
        run_option(f, &rows[i], rows[n - 1].id);
    fputs("</select></label> <button type=\"submit\">Compare</button></form>\n", f);
}

static void latest_devices(const char *db, FILE *f)
{
    struct store_device_ref *devs;
    size_t nd;
    if (store_latest_devices(db, &devs, &nd) != 0)
        return;
    fputs("<h2 id=\"devices\">Devices in the latest "
          "run</h2>\n<table><tr><th>Device</th><th>Hostname</th>"
          "<th>Failed checks</th></tr>\n",
          f);
    for (size_t i = 0; i < nd; i++) {
        fputs("<tr><td>", f);
        device_link(f, devs[i].path);
        fputs("</td><td>", f);
        serve_html(f, devs[i].hostname);
        fprintf(f, "</td><td class=\"n high\">%ld</td></tr>\n", devs[i].fails);
    }
    fputs("</table>\n", f);
    store_device_refs_free(devs, nd);
}

/* With no run recorded (a bare repository was walked), the devices that
 * fail something at the end of the walk. */
static void walked_devices(const char *db, FILE *f)
{
    struct store_failing_row *w;
    size_t nw;
    if (store_walk_failing(db, NULL, &w, &nw) != 0 || !nw)
        return;
    fputs("<h2 id=\"devices\">Devices failing at the end of the repository history</h2>\n"
          "<table><tr><th>Device</th><th>Failed checks</th></tr>\n",
          f);
    for (size_t i = 0, k; i < nw; i = k) {
        for (k = i + 1; k < nw && !strcmp(w[k].device, w[i].device);)
            k++;
        fputs("<tr><td>", f);
        device_link(f, w[i].device);
        fprintf(f, "</td><td class=\"n high\">%zu</td></tr>\n", k - i);
    }
    fputs("</table>\n", f);
    store_failing_rows_free(w, nw);
}

void serve_page_runs(const char *db, struct page *p)
{
    struct store_run_row *rows;
    size_t n;
    if (store_list_runs(db, &rows, &n) != 0) {
        serve_page_error(p, 500, "cannot read the database");
        return;
    }
    const struct crumb t[] = {{"Overview", NULL}};
    serve_page_open(p, "Overview", t, 1);
    fputs("<h1>Runs</h1>\n", p->f);
    if (!n)
        fputs("<p class=\"muted\">No complete run is recorded yet. Record one with "
              "<code>tsaudit scan &hellip; --db FILE</code>.</p>",
              p->f);
    if (n >= 2)
        compare_form(p->f, rows, n);
    if (n)
        fputs("<table id=\"runs\"><tr><th>Run</th><th>Started (UTC)</th><th>As of</th>"
              "<th>Tier</th><th>Edition</th><th>Devices</th><th>Failed checks</th>"
              "<th>Critical</th><th>High</th><th>Medium</th><th>Low</th><th>Measures met</th>"
              "<th>Against the run before</th></tr>\n",
              p->f);
    for (size_t i = n; i-- > 0;)
        run_row(p->f, &rows[i], i > 0);
    if (n)
        fputs("</table>\n", p->f);
    store_run_rows_free(rows, n);
    if (n)
        latest_devices(db, p->f);
    else
        walked_devices(db, p->f);
}

/* ------------------------------------------------------------------ diff */

/* A section's heading with its count; false (the section closed, saying
 * so) when it has nothing to list. */
static bool section_head(FILE *f, const char *id, const char *title, size_t n)
{
    fprintf(f, "<section id=\"%s\"><h2>%s <span class=\"count\">%zu</span></h2>\n", id, title, n);
    if (!n)
        fputs("<p class=\"muted\">None.</p></section>\n", f);
    return n > 0;
}

/* One section of the comparison: a heading with its count and a table. */
static void change_table(FILE *f, const char *id, const char *title, const struct store_change *v,
                         size_t n, bool devices_only)
{
    if (!section_head(f, id, title, n))
        return;
    fputs(devices_only ? "<table><tr><th>Device</th><th>Hostname</th><th>Dialect</th></tr>\n"
                       : "<table><tr><th>Device</th><th>Hostname</th><th>Check</th>"
                         "<th>Severity</th><th>Before</th><th>After</th></tr>\n",
          f);
    size_t shown = n < DIFF_ROWS_SHOWN ? n : DIFF_ROWS_SHOWN;
    for (size_t i = 0; i < shown; i++) {
        fputs("<tr><td>", f);
        device_link(f, v[i].device);
        fputs("</td><td>", f);
        serve_html(f, v[i].hostname);
        fputs("</td><td>", f);
        serve_html(f, v[i].item);
        if (!devices_only) {
            fputs("</td><td>", f);
            serve_html(f, v[i].severity);
            fputs("</td><td class=\"v\">", f);
            serve_html(f, v[i].from);
            fputs("</td><td class=\"v\">", f);
            serve_html(f, v[i].to);
        }
        fputs("</td></tr>\n", f);
    }
    fputs("</table>", f);
    if (shown < n)
        fprintf(f, "<p class=\"muted\">The first %zu of %zu; the JSON comparison has them all.</p>",
                shown, n);
    fputs("</section>\n", f);
}

static void measure_table(FILE *f, const struct store_change *v, size_t n)
{
    if (!section_head(f, "measures-changed", "Measures whose status changed", n))
        return;
    fputs("<table><tr><th>Measure</th><th>Before</th><th>After</th></tr>\n", f);
    for (size_t i = 0; i < n; i++) {
        fputs("<tr><td>", f);
        serve_html(f, v[i].item);
        fputs("</td><td>", f);
        serve_html(f, v[i].from);
        fputs("</td><td>", f);
        serve_html(f, v[i].to);
        fputs("</td></tr>\n", f);
    }
    fputs("</table></section>\n", f);
}

/* One change of a device: 0 a new failure, 1 a fix, 2 another change. */
struct device_change {
    const char *device, *hostname;
    int kind;
};

static size_t add_changes(struct device_change *out, size_t n, const struct store_change *v,
                          size_t nv, int kind)
{
    for (size_t i = 0; i < nv; i++)
        out[n++] = (struct device_change){v[i].device ? v[i].device : "", v[i].hostname, kind};
    return n;
}

static int change_order(const void *a, const void *b)
{
    return strcmp(((const struct device_change *)a)->device,
                  ((const struct device_change *)b)->device);
}

static void device_counts_row(FILE *f, const struct device_change *c, const size_t counts[3])
{
    fputs("<tr><td>", f);
    device_link(f, c->device);
    fputs("</td><td>", f);
    serve_html(f, c->hostname);
    fprintf(f,
            "</td><td class=\"n high\">%zu</td><td class=\"n ok\">%zu</td>"
            "<td class=n>%zu</td></tr>\n",
            counts[0], counts[1], counts[2]);
}

/* The counts of each device's changes, devices in path order. */
static void per_device(FILE *f, const struct store_diff *d, const struct store_change *ch,
                       size_t nch)
{
    size_t total = d->nnew_fail + d->nfixed + nch, n = 0, devices = 0;
    struct device_change *all = xcalloc(total ? total : 1, sizeof(*all));
    n = add_changes(all, n, d->new_fail, d->nnew_fail, 0);
    n = add_changes(all, n, d->fixed, d->nfixed, 1);
    n = add_changes(all, n, ch, nch, 2);
    qsort(all, n, sizeof(*all), change_order);
    for (size_t i = 0; i < n; i++)
        devices += !i || strcmp(all[i].device, all[i - 1].device) != 0;
    fprintf(f, "<section id=\"by-device\"><h2>By device <span class=\"count\">%zu</span></h2>\n",
            devices);
    if (n)
        fputs("<table><tr><th>Device</th><th>Hostname</th><th>New failures</th><th>Fixed</th>"
              "<th>Other changes</th></tr>\n",
              f);
    size_t counts[3] = {0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        counts[all[i].kind]++;
        if (i + 1 == n || strcmp(all[i].device, all[i + 1].device) != 0) {
            device_counts_row(f, &all[i], counts);
            counts[0] = counts[1] = counts[2] = 0;
        }
    }
    fputs(n ? "</table></section>\n"
            : "<p class=\"muted\">No device's verdicts changed.</p></section>\n",
          f);
    free(all);
}

static void diff_summary(FILE *f, const struct store_diff *d, size_t nchanged)
{
    fprintf(f,
            "<div class=\"tiles\" id=\"diff-counts\">"
            "<div class=\"tile\"><b class=\"high\">%zu</b>new failures</div>"
            "<div class=\"tile\"><b class=\"ok\">%zu</b>fixed</div>"
            "<div class=\"tile\"><b>%zu</b>other verdict changes</div>"
            "<div class=\"tile\"><b>%zu</b>still failing</div>"
            "<div class=\"tile\"><b>%zu / %zu</b>devices added / removed</div>"
            "<div class=\"tile\"><b>%zu</b>measures changed</div></div>\n",
            d->nnew_fail, d->nfixed, nchanged, d->nstill_failing, d->nadded, d->nremoved,
            d->nmeasures);
}

static void diff_body(FILE *f, const struct store_diff *d, const struct store_change *ch,
                      size_t nch)
{
    fprintf(f, "<h1>Run %lld &rarr; run %lld</h1>\n<p class=\"muted\">From run %lld (",
            (long long)d->a.id, (long long)d->b.id, (long long)d->a.id);
    serve_when(f, d->a.started);
    fprintf(f, ") to run %lld (", (long long)d->b.id);
    serve_when(f, d->b.started);
    fprintf(f, "). <a href=\"/api/diff?a=%lld&amp;b=%lld\">The same comparison as JSON</a>.</p>\n",
            (long long)d->a.id, (long long)d->b.id);
    diff_summary(f, d, nch);
    per_device(f, d, ch, nch);
    change_table(f, "new-failures", "New failures", d->new_fail, d->nnew_fail, false);
    change_table(f, "fixed", "Fixed", d->fixed, d->nfixed, false);
    change_table(f, "changed", "Other verdict changes", ch, nch, false);
    change_table(f, "devices-added", "Devices added", d->added, d->nadded, true);
    change_table(f, "devices-removed", "Devices removed", d->removed, d->nremoved, true);
    measure_table(f, d->measures, d->nmeasures);
    fputs("<details><summary>", f);
    fprintf(f, "Still failing (%zu)</summary>\n", d->nstill_failing);
    change_table(f, "still-failing", "Still failing", d->still_failing, d->nstill_failing, false);
    fputs("</details>\n", f);
}

void serve_page_diff(const char *db, const char *a, const char *b, struct page *p)
{
    struct store_diff d;
    struct store_change *ch;
    size_t nch;
    if (store_compare_runs(db, a && *a ? a : NULL, b && *b ? b : NULL, &d, &ch, &nch) != 0) {
        serve_page_error(p, 404,
                         "Those runs cannot be compared: one of them is not recorded "
                         "(or only one run is).");
        return;
    }
    char label[64];
    snprintf(label, sizeof(label), "Run %lld \xe2\x86\x92 run %lld", (long long)d.a.id,
             (long long)d.b.id);
    const struct crumb t[] = {{"Overview", "/"}, {label, NULL}};
    serve_page_open(p, label, t, 2);
    diff_body(p->f, &d, ch, nch);
    store_changes_free(ch, nch);
    store_diff_free(&d);
}
