/*
 * serve_page.h - building the dashboard's HTML pages ('tsaudit serve'):
 * the frame every page shares (header links back to the overview, a
 * breadcrumb trail), escaping, and the pages themselves. A page is built
 * into memory; the server (serve.c) sends it with its security headers.
 *
 * Every value that comes from the database (so from configurations,
 * repositories and profiles) is written through serve_html() or
 * serve_url(); none reaches a page raw.
 */
#ifndef TSAUDIT_CLI_SERVE_PAGE_H
#define TSAUDIT_CLI_SERVE_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* A body being built in memory. */
struct page {
    char *data;
    size_t len;
    FILE *f;
    unsigned status; /* the HTTP status to answer with (200 unless an error page) */
};

/* One step of the breadcrumb trail; href NULL for the page itself. */
struct crumb {
    const char *label;
    const char *href; /* built by the page, already a safe URL */
};

/* Start an HTML page: head, stylesheet, the header with links to every
 * top-level page, and the trail (which always starts at the overview).
 * title NULL starts a bare body (JSON). */
void serve_page_open(struct page *p, const char *title, const struct crumb *trail, size_t ntrail);
/* Close the page (the HTML tail when is_html) and the stream. */
void serve_page_close(struct page *p, bool is_html);
/* An HTML error page with the same header: status and a one-line message. */
void serve_page_error(struct page *p, unsigned status, const char *message);

/* Text from the database, cleaned and escaped as the HTML report does it. */
void serve_html(FILE *f, const char *s);
/* s percent-encoded for a query string value. */
void serve_url(FILE *f, const char *s);
/* A date "YYYY-MM-DD HH:MM" (UTC) from an ISO 8601 time; escaped. */
void serve_when(FILE *f, const char *iso);

/* A stored run rendered as the HTML report, given the dashboard's bar (the
 * same links back, a trail to the run) just inside its body; the report's
 * own Content-Security-Policy is widened by the bar's stylesheet hash only.
 * Takes and returns a malloc'd body. */
char *serve_page_frame_report(char *body, size_t *len, const char *run);

/* The pages. Each fills p (an error page on failure, with p->status set). */
void serve_page_runs(const char *db, struct page *p);
void serve_page_trends(const char *db, struct page *p);
void serve_page_device(const char *db, const char *path, struct page *p);
void serve_page_measures(const char *db, struct page *p);
void serve_page_diff(const char *db, const char *a, const char *b, struct page *p);

#endif
