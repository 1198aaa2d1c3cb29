/*
 * serve_trends.c - the dashboard's trends: inline SVG line charts with a
 * date axis. Fail, pass and unknown totals by commit date when a
 * repository's history was walked (scan --git), by run date over the
 * recorded runs, failed checks by severity and measures met per run.
 *
 * Points sit at their time on the axis when the dates only go forward;
 * otherwise (author dates out of order after a rebase, say) one after
 * another, in recorded order. Date labels are thinned so that they never
 * overlap; every point carries its date and value as a tooltip.
 */
#define _GNU_SOURCE /* strptime, timegm */
#include "cli/cli.h"
#include "cli/serve_page.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CHART_W 900
#define CHART_H 320
#define PAD_L 56
#define PAD_R 44
#define PAD_T 16
#define PAD_B 56
#define LABEL_GAP 86 /* pixels between two date labels */
#define MAX_SERIES 4

struct series {
    const char *name, *colour;
    long *v;
};

struct chart {
    const char *id, *title, *axis; /* axis: what the dates are */
    const char *const *when;       /* n ISO 8601 times */
    const char *const *what;       /* n point names ("run 3", a commit id) */
    size_t n;
    struct series s[MAX_SERIES];
    size_t ns;
};

static bool parse_iso(const char *s, time_t *t)
{
    struct tm tm;
    memset(&tm, 0, sizeof(tm));
    if (!s || !strptime(s, "%Y-%m-%dT%H:%M:%S", &tm))
        return false;
    *t = timegm(&tm);
    return true;
}

/* x of each point: by time when every date parses and none goes back. */
static bool x_positions(const struct chart *c, double *x)
{
    const double left = PAD_L, right = CHART_W - PAD_R;
    time_t *t = xcalloc(c->n, sizeof(*t));
    bool timed = c->n > 1;
    for (size_t i = 0; i < c->n && timed; i++)
        timed = parse_iso(c->when[i], &t[i]) && (!i || t[i] >= t[i - 1]);
    if (timed && t[c->n - 1] == t[0])
        timed = false;
    for (size_t i = 0; i < c->n; i++) {
        if (timed)
            x[i] = left + (double)(t[i] - t[0]) * (right - left) / (double)(t[c->n - 1] - t[0]);
        else
            x[i] = c->n > 1 ? left + (double)i * (right - left) / (double)(c->n - 1)
                            : (left + right) / 2;
    }
    bool short_span = !timed || t[c->n - 1] - t[0] < 2 * 86400;
    free(t);
    return short_span;
}

static double y_of(long v, long max)
{
    return CHART_H - PAD_B - (max ? (double)v * (CHART_H - PAD_T - PAD_B) / (double)max : 0);
}

static void axes(FILE *f, const struct chart *c, long max)
{
    fprintf(f,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#99a\"/>"
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#99a\"/>\n",
            PAD_L, CHART_H - PAD_B, CHART_W - PAD_R, CHART_H - PAD_B, PAD_L, PAD_T, PAD_L,
            CHART_H - PAD_B);
    long ticks[3] = {0, max / 2, max};
    for (int i = 0; i < 3; i++) {
        double y = y_of(ticks[i], max);
        if (i && ticks[i] == ticks[i - 1])
            continue;
        fprintf(f,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e3e8ef\"/>"
                "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%ld</text>\n",
                PAD_L + 1, y, CHART_W - PAD_R, y, PAD_L - 6, y + 4, ticks[i]);
    }
    fprintf(f,
            "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" "
            "fill=\"#66707d\">%s</text>\n",
            (PAD_L + CHART_W - PAD_R) / 2, CHART_H - 6, c->axis);
}

/* The date (and, over a short span, the time) under a point. */
static void date_label(FILE *f, double x, const char *when, bool with_time)
{
    char date[11] = "?", hm[6] = "";
    if (when && strlen(when) >= 10)
        snprintf(date, sizeof(date), "%.10s", when);
    if (with_time && when && strlen(when) >= 16)
        snprintf(hm, sizeof(hm), "%.5s", when + 11);
    fprintf(f, "<text class=\"date\" x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">",
            x, CHART_H - PAD_B + 16);
    serve_html(f, date);
    fputs("</text>", f);
    if (*hm) {
        fprintf(f,
                "<text class=\"time\" x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\" "
                "fill=\"#66707d\">",
                x, CHART_H - PAD_B + 29);
        serve_html(f, hm);
        fputs("</text>", f);
    }
    fputc('\n', f);
}

static void date_labels(FILE *f, const struct chart *c, const double *x, bool with_time)
{
    double last = -1e9;
    for (size_t i = 0; i < c->n; i++) {
        if (x[i] - last < LABEL_GAP)
            continue;
        date_label(f, x[i], c->when[i], with_time);
        last = x[i];
    }
}

static void series_line(FILE *f, const struct chart *c, const struct series *s, const double *x,
                        long max)
{
    fprintf(f,
            "<polyline class=\"series\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\" "
            "points=\"",
            s->colour);
    for (size_t i = 0; i < c->n; i++)
        fprintf(f, "%.1f,%.1f ", x[i], y_of(s->v[i], max));
    fputs("\"/>\n", f);
    for (size_t i = 0; i < c->n; i++) {
        fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>", x[i],
                y_of(s->v[i], max), s->colour);
        serve_when(f, c->when[i]);
        fputs(" (", f);
        serve_html(f, c->what[i]);
        fprintf(f, "): %s %ld</title></circle>\n", s->name, s->v[i]);
    }
}

static void legend(FILE *f, const struct chart *c)
{
    fputs("<p class=\"legend\">", f);
    for (size_t k = 0; k < c->ns; k++)
        fprintf(f,
                "<span><svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" "
                "height=\"12\" fill=\"%s\"/></svg> %s</span>",
                c->s[k].colour, c->s[k].name);
    fputs("</p>\n", f);
}

static void chart_svg(FILE *f, const struct chart *c)
{
    long max = 1;
    for (size_t k = 0; k < c->ns; k++)
        for (size_t i = 0; i < c->n; i++)
            max = c->s[k].v[i] > max ? c->s[k].v[i] : max;
    double *x = xcalloc(c->n ? c->n : 1, sizeof(*x));
    bool with_time = x_positions(c, x);
    fprintf(f,
            "<svg id=\"%s\" class=\"chart\" role=\"img\" aria-label=\"%s, by date\" width=\"%d\" "
            "height=\"%d\" viewBox=\"0 0 %d %d\">\n",
            c->id, c->title, CHART_W, CHART_H, CHART_W, CHART_H);
    axes(f, c, max);
    date_labels(f, c, x, with_time);
    for (size_t k = 0; k < c->ns; k++)
        series_line(f, c, &c->s[k], x, max);
    fputs("</svg>\n", f);
    legend(f, c);
    free(x);
}

/* ---------------------------------------------------------------- charts */

/* Fail, pass and unknown totals of rows as a chart. */
static void totals_chart(FILE *f, const char *id, const char *title, const char *axis,
                         const struct store_totals_row *rows, size_t n)
{
    const char **when = xcalloc(n, sizeof(*when)), **what = xcalloc(n, sizeof(*what));
    long *v = xcalloc(3 * n, sizeof(*v));
    for (size_t i = 0; i < n; i++) {
        when[i] = rows[i].when;
        what[i] = rows[i].label;
        v[i] = rows[i].fail;
        v[n + i] = rows[i].pass;
        v[2 * n + i] = rows[i].unknown;
    }
    struct chart c = {id, title, axis, when, what, n, {{0}}, 3};
    c.s[0] = (struct series){"fail", "#c0392b", v};
    c.s[1] = (struct series){"pass", "#1e8449", v + n};
    c.s[2] = (struct series){"unknown", "#7d6608", v + 2 * n};
    chart_svg(f, &c);
    free(when);
    free(what);
    free(v);
}

static void commit_chart(const char *db, FILE *f)
{
    char *repo;
    struct store_totals_row *rows;
    size_t n;
    if (store_walk_totals(db, &repo, &rows, &n) != 0 || !n) {
        free(repo);
        return;
    }
    /* Commit ids are long: the tooltip names a commit by its first 12. */
    for (size_t i = 0; i < n; i++)
        if (rows[i].label && strlen(rows[i].label) > 12)
            rows[i].label[12] = 0;
    fputs("<div class=\"card\"><h2>Verdicts by commit date</h2><p class=\"muted\">Every device "
          "and check of the repository <code>",
          f);
    serve_html(f, repo);
    fputs("</code> as they stood after each commit that changed a verdict (scan --git); "
          "dates are the commits' author dates.</p>\n",
          f);
    totals_chart(f, "chart-commits", "Fail, pass and unknown verdicts per commit",
                 "commit date (UTC)", rows, n);
    fputs("</div>\n", f);
    store_totals_rows_free(rows, n);
    free(repo);
}

static void run_chart(const char *db, FILE *f)
{
    struct store_totals_row *rows;
    size_t n;
    if (store_run_totals(db, &rows, &n) != 0 || !n)
        return;
    fputs("<div class=\"card\"><h2>Verdicts by run date</h2><p class=\"muted\">Every device and "
          "check of each recorded run, by the date the run started.</p>\n",
          f);
    totals_chart(f, "chart-verdicts", "Fail, pass and unknown verdicts per run", "run date (UTC)",
                 rows, n);
    fputs("</div>\n", f);
    store_totals_rows_free(rows, n);
}

/* Failed checks by severity, and measures met, per run. */
static void severity_charts(FILE *f, const struct store_run_row *rows, size_t n)
{
    const char **when = xcalloc(n, sizeof(*when)), **what = xcalloc(n, sizeof(*what));
    char(*names)[32] = xcalloc(n, sizeof(*names));
    long *v = xcalloc(5 * n, sizeof(*v));
    for (size_t i = 0; i < n; i++) {
        when[i] = rows[i].started;
        snprintf(names[i], sizeof(names[i]), "run %lld", (long long)rows[i].id);
        what[i] = names[i];
        for (size_t k = 0; k < 4; k++)
            v[k * n + i] = rows[i].fails_by_severity[k];
        v[4 * n + i] = rows[i].measures_met;
    }
    static const char *const sev[] = {"critical", "high", "medium", "low"};
    static const char *const colours[] = {"#8b0000", "#c0392b", "#d68910", "#2e86c1"};
    struct chart c = {"chart-failures",
                      "Failed checks by severity per run",
                      "run date (UTC)",
                      when,
                      what,
                      n,
                      {{0}},
                      4};
    for (size_t k = 0; k < 4; k++)
        c.s[k] = (struct series){sev[k], colours[k], v + k * n};
    fputs("<div class=\"card\"><h2>Failed checks by severity</h2>\n", f);
    chart_svg(f, &c);
    struct chart m = {"chart-measures",
                      "Measures met per run",
                      "run date (UTC)",
                      when,
                      what,
                      n,
                      {{"measures met", "#1e8449", v + 4 * n}},
                      1};
    fputs("</div>\n<div class=\"card\"><h2>Measures met</h2>\n", f);
    chart_svg(f, &m);
    fputs("</div>\n", f);
    free(when);
    free(what);
    free(names);
    free(v);
}

void serve_page_trends(const char *db, struct page *p)
{
    struct store_run_row *rows;
    size_t n;
    if (store_list_runs(db, &rows, &n) != 0) {
        serve_page_error(p, 500, "cannot read the database");
        return;
    }
    const struct crumb t[] = {{"Overview", "/"}, {"Trends", NULL}};
    serve_page_open(p, "Trends", t, 2);
    fputs("<h1>Trends</h1>\n", p->f);
    commit_chart(db, p->f);
    if (n) {
        run_chart(db, p->f);
        severity_charts(p->f, rows, n);
    } else
        fputs("<p class=\"muted\">No complete run is recorded yet.</p>", p->f);
    store_run_rows_free(rows, n);
}
