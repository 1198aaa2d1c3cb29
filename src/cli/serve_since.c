/*
 * serve_since.c - the dashboard's device page (its current findings, each
 * with when it began failing, and its history across runs) and measures
 * page (the latest run's measures, each not met with when that began).
 *
 * "Failing since" comes from two records. When a repository's history was
 * walked (scan --git), the commit that began the failure: its date, id,
 * author and subject. From the recorded runs, the first run of the unbroken
 * failure. A page shows each that the database holds.
 */
#include "cli/cli.h"
#include "cli/serve_page.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

/* The commit that began a failure: "2025-03-02 18:00, commit abc by X: subject". */
static void commit_since(FILE *f, const struct store_failing_row *r, bool name_check)
{
    fputs("<span class=\"since-commit\"><time>", f);
    serve_when(f, r->when);
    fputs("</time>", f);
    if (name_check) {
        fputs(": ", f);
        serve_html(f, r->check);
        fputs(" on ", f);
        serve_html(f, r->device);
    }
    fputs(", commit <code>", f);
    char id[13];
    snprintf(id, sizeof(id), "%.12s", r->commit ? r->commit : "?");
    serve_html(f, id);
    fputs("</code> by ", f);
    serve_html(f, r->author);
    fputs(" <q>", f);
    serve_html(f, r->subject);
    fputs("</q></span>", f);
}

static void run_since(FILE *f, int64_t run, const char *started, const char *lead)
{
    fprintf(f, "<span class=\"since-run\">%s<a href=\"/runs/%lld\">run %lld</a> (<time>", lead,
            (long long)run, (long long)run);
    serve_when(f, started);
    fputs("</time>)</span>", f);
}

/* ---------------------------------------------------------------- device */

static bool is_finding(const struct store_finding_row *r)
{
    return r->latest && r->verdict &&
           (!strcmp(r->verdict, "fail") || !strcmp(r->verdict, "unknown") ||
            !strcmp(r->verdict, "needs_context"));
}

static int finding_order(const void *a, const void *b)
{
    const struct store_finding_row *x = a, *y = b;
    bool fx = !strcmp(x->verdict, "fail"), fy = !strcmp(y->verdict, "fail");
    if (fx != fy)
        return fx ? -1 : 1;
    return strcmp(x->check, y->check);
}

static const struct store_failing_row *walk_entry(const struct store_failing_row *w, size_t nw,
                                                  const char *check)
{
    for (size_t i = 0; i < nw; i++)
        if (!strcmp(w[i].check, check))
            return &w[i];
    return NULL;
}

static void finding_row(FILE *f, const struct store_finding_row *r,
                        const struct store_failing_row *w, size_t nw)
{
    fprintf(f, "<tr class=\"finding %s\"><td>", !strcmp(r->verdict, "fail") ? "fail" : "open");
    serve_html(f, r->check);
    fputs("</td><td>", f);
    serve_html(f, r->severity);
    fputs("</td><td class=\"v\">", f);
    serve_html(f, r->verdict);
    fputs("</td><td class=\"since\">", f);
    const struct store_failing_row *c = r->since_run ? walk_entry(w, nw, r->check) : NULL;
    if (c)
        commit_since(f, c, false);
    if (r->since_run)
        run_since(f, r->since_run, r->since_started, c ? "<br>in the recorded runs since " : "");
    fputs("</td><td>", f);
    serve_html(f, r->message);
    fputs("</td></tr>\n", f);
}

/* The device's current findings: failures first, each with its start. */
static void device_findings(const char *db, const char *path, FILE *f)
{
    struct store_finding_row *rows;
    struct store_failing_row *w = NULL;
    size_t n, nw = 0, k = 0, passes = 0;
    if (store_device_findings(db, path, &rows, &n) != 0)
        return;
    if (store_walk_failing(db, path, &w, &nw) != 0)
        nw = 0;
    for (size_t i = 0; i < n; i++) {
        passes += rows[i].latest && rows[i].verdict && !strcmp(rows[i].verdict, "pass");
        if (is_finding(&rows[i])) {
            struct store_finding_row t = rows[k];
            rows[k++] = rows[i];
            rows[i] = t;
        }
    }
    if (k)
        qsort(rows, k, sizeof(*rows), finding_order);
    fprintf(f,
            "<section id=\"findings\"><h2>Current findings <span class=\"count\">%zu</span></h2>"
            "<p class=\"muted\">From the device's newest run (%zu checks pass). Failing since: "
            "the commit that began the failure when the repository's history was walked, and "
            "the first of the recorded runs it has failed in without a break.</p>\n",
            k, passes);
    if (k)
        fputs("<table><tr><th>Check</th><th>Severity</th><th>Verdict</th><th>Failing since</th>"
              "<th>Why</th></tr>\n",
              f);
    for (size_t i = 0; i < k; i++)
        finding_row(f, &rows[i], w, nw);
    fputs(k ? "</table></section>\n" : "</section>\n", f);
    store_finding_rows_free(rows, n);
    store_failing_rows_free(w, nw);
}

static void history_table(FILE *f, const struct store_device_row *rows, size_t n)
{
    fputs("<section id=\"history\"><h2>History</h2>\n", f);
    if (!n) {
        fputs("<p class=\"muted\">This device is in no complete run.</p></section>\n", f);
        return;
    }
    fputs("<table><tr><th>Run</th><th>Started (UTC)</th><th>Hostname</th><th>Failed</th>"
          "<th>Passed</th><th>Unknown</th><th>Failing checks</th></tr>\n",
          f);
    for (size_t i = n; i-- > 0;) {
        fprintf(f, "<tr><td><a href=\"/runs/%lld\">%lld</a></td><td class=\"d\">",
                (long long)rows[i].run_id, (long long)rows[i].run_id);
        serve_when(f, rows[i].started);
        fputs("</td><td>", f);
        serve_html(f, rows[i].hostname);
        fprintf(f, "</td><td class=\"n high\">%ld</td><td class=n>%ld</td><td class=n>%ld</td><td>",
                rows[i].fails, rows[i].passes, rows[i].unknowns);
        serve_html(f, rows[i].failing);
        fputs("</td></tr>\n", f);
    }
    fputs("</table></section>\n", f);
}

/* A device no run holds (a bare repository was walked): its failures at the
 * end of the walk, each with the commit that began it. */
static void walk_findings(const char *db, const char *path, FILE *f)
{
    struct store_failing_row *w;
    size_t nw;
    if (store_walk_failing(db, path, &w, &nw) != 0 || !nw)
        return;
    fprintf(f,
            "<section id=\"findings\"><h2>Failing in the repository history <span "
            "class=\"count\">%zu</span></h2><p class=\"muted\">No recorded run holds this "
            "device; these are the checks it fails at the end of the walked history, each with "
            "the commit that began the failure.</p>\n<table><tr><th>Check</th>"
            "<th>Failing since</th></tr>\n",
            nw);
    for (size_t i = 0; i < nw; i++) {
        fputs("<tr class=\"finding fail\"><td>", f);
        serve_html(f, w[i].check);
        fputs("</td><td class=\"since\">", f);
        commit_since(f, &w[i], false);
        fputs("</td></tr>\n", f);
    }
    fputs("</table></section>\n", f);
    store_failing_rows_free(w, nw);
}

void serve_page_device(const char *db, const char *path, struct page *p)
{
    if (!path || !*path) {
        serve_page_error(p, 400, "Which device? The path parameter is required.");
        return;
    }
    struct store_device_row *rows;
    size_t n;
    if (store_device_history(db, path, &rows, &n) != 0) {
        serve_page_error(p, 500, "cannot read the database");
        return;
    }
    const struct crumb t[] = {{"Overview", "/"}, {"Devices", "/#devices"}, {path, NULL}};
    serve_page_open(p, "Device history", t, 3);
    fputs("<h1>Device history: ", p->f);
    serve_html(p->f, path);
    if (n && rows[n - 1].hostname) {
        fputs(" <span class=\"muted\">(", p->f);
        serve_html(p->f, rows[n - 1].hostname);
        fputs(")</span>", p->f);
    }
    fputs("</h1>\n", p->f);
    if (n)
        device_findings(db, path, p->f);
    else
        walk_findings(db, path, p->f);
    history_table(p->f, rows, n);
    store_device_rows_free(rows, n);
}

/* -------------------------------------------------------------- measures */

/* Whether id is one of the lines of list. */
static bool in_lines(const char *list, const char *id)
{
    size_t n = strlen(id);
    for (const char *p = list; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (len == n && !strncmp(p, id, n))
            return true;
        p = nl ? nl + 1 : p + len;
    }
    return false;
}

/* Of the failures the walk sees now, the oldest of a check of measure m. */
static const struct store_failing_row *oldest_failure(const struct store_measure_row *m,
                                                      const struct store_failing_row *w, size_t nw)
{
    const struct store_failing_row *best = NULL;
    for (size_t i = 0; i < nw; i++)
        if (w[i].when && in_lines(m->checks, w[i].check) &&
            (!best || strcmp(w[i].when, best->when) < 0))
            best = &w[i];
    return best;
}

static void measure_row(FILE *f, const struct store_measure_row *m,
                        const struct store_failing_row *w, size_t nw)
{
    fprintf(f, "<tr class=\"measure %s\"><td>", m->since_run ? "failing" : "steady");
    serve_html(f, m->id);
    fputs("</td><td>", f);
    serve_html(f, m->title);
    fputs("</td><td class=\"v\">", f);
    serve_html(f, m->status);
    fputs(m->overdue ? " <b class=\"high\">overdue</b>" : "", f);
    fputs("</td><td class=\"d\">", f);
    serve_html(f, m->due);
    fputs("</td><td class=\"since\">", f);
    if (m->since_run) {
        run_since(f, m->since_run, m->since_started, "");
        const struct store_failing_row *c = oldest_failure(m, w, nw);
        if (c) {
            fputs("<br>oldest failure of its checks: ", f);
            commit_since(f, c, true);
        }
    }
    fputs("</td></tr>\n", f);
}

void serve_page_measures(const char *db, struct page *p)
{
    struct store_measure_row *rows;
    struct store_failing_row *w = NULL;
    size_t n, nw = 0;
    if (store_measures_since(db, &rows, &n) != 0) {
        serve_page_error(p, 500, "cannot read the database");
        return;
    }
    if (store_walk_failing(db, NULL, &w, &nw) != 0)
        nw = 0;
    const struct crumb t[] = {{"Overview", "/"}, {"Measures", NULL}};
    serve_page_open(p, "Measures", t, 2);
    if (n)
        fprintf(p->f, "<h1>Measures in run %lld</h1>\n", (long long)rows[0].run_id);
    else
        fputs("<h1>Measures</h1><p class=\"muted\">No complete run is recorded yet.</p>\n", p->f);
    if (n)
        fputs("<p class=\"muted\">Failing since: the first of the recorded runs in which the "
              "measure has been not met or partial without a break and, when a repository's "
              "history was walked, the oldest commit that began a failure of one of its checks "
              "that goes on now.</p>\n<table id=\"measures\"><tr><th>Measure</th><th>Title</th>"
              "<th>Status</th><th>Due</th><th>Failing since</th></tr>\n",
              p->f);
    for (size_t i = 0; i < n; i++)
        measure_row(p->f, &rows[i], w, nw);
    if (n)
        fputs("</table>\n", p->f);
    store_measure_rows_free(rows, n);
    store_failing_rows_free(w, nw);
}
