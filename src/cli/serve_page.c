/*
 * serve_page.c - the frame of the dashboard's pages (serve_page.h): the
 * header every page carries, the breadcrumb trail, error pages, escaping,
 * and the bar put on a stored run's HTML report so that it too leads back.
 */
#define _GNU_SOURCE /* memmem */
#include "cli/serve_page.h"

#include "cli/cli.h"
#include "cli_assets.h"
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

void serve_html(FILE *f, const char *s)
{
    report_html_text(f, s ? s : "");
}

void serve_url(FILE *f, const char *s)
{
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~' || c == '/')
            fputc(c, f);
        else
            fprintf(f, "%%%02X", c);
    }
}

void serve_when(FILE *f, const char *iso)
{
    if (!iso || !*iso) {
        fputs("?", f);
        return;
    }
    /* "2026-12-07T18:40:02Z" -> "2026-12-07 18:40"; anything else as it is. */
    char s[17];
    size_t n = strlen(iso);
    if (n >= 16 && iso[10] == 'T') {
        memcpy(s, iso, 16);
        s[10] = ' ';
        s[16] = 0;
        serve_html(f, s);
    } else
        serve_html(f, iso);
}

/* The links of the header: every top-level page, on every page. */
static void header_links(FILE *f)
{
    fputs("<header><b>tsaudit history</b><nav class=\"top\" aria-label=\"Dashboard\">"
          "<a href=\"/\">Overview</a><a href=\"/trends\">Trends</a>"
          "<a href=\"/measures\">Measures</a><a href=\"/api/runs\">API</a></nav></header>\n",
          f);
}

static void trail(FILE *f, const struct crumb *t, size_t n, const char *cls)
{
    fprintf(f, "<nav class=\"%s\" aria-label=\"Breadcrumb\">", cls);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs("<span class=\"sep\" aria-hidden=\"true\"> &rsaquo; </span>", f);
        if (t[i].href && i + 1 < n) {
            fputs("<a href=\"", f);
            serve_html(f, t[i].href);
            fputs("\">", f);
            serve_html(f, t[i].label);
            fputs("</a>", f);
        } else {
            fputs("<span aria-current=\"page\">", f);
            serve_html(f, t[i].label);
            fputs("</span>", f);
        }
    }
    fputs("</nav>\n", f);
}

void serve_page_open(struct page *p, const char *title, const struct crumb *t, size_t nt)
{
    p->data = NULL;
    p->len = 0;
    p->status = 200;
    p->f = open_memstream(&p->data, &p->len);
    if (!p->f)
        BUG("open_memstream failed");
    if (!title)
        return;
    fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>",
          p->f);
    serve_html(p->f, title);
    fprintf(p->f, " - tsaudit history</title><style>%s</style></head><body>", asset_dashboard_css);
    header_links(p->f);
    fputs("<main>\n", p->f);
    trail(p->f, t, nt, "crumbs");
}

void serve_page_close(struct page *p, bool is_html)
{
    if (is_html)
        fputs("</main></body></html>\n", p->f);
    fclose(p->f);
    p->f = NULL;
}

void serve_page_error(struct page *p, unsigned status, const char *message)
{
    const struct crumb t[] = {{"Overview", "/"}, {"Not available", NULL}};
    serve_page_open(p, "Not available", t, 2);
    p->status = status;
    fputs("<h1>Not available</h1><p>", p->f);
    serve_html(p->f, message);
    fputs("</p><p><a href=\"/\">Back to the overview</a></p>\n", p->f);
}

/* ------------------------------------------------ the report's bar */

/* body (len bytes, malloc'd) with ins inserted at pos; body is freed. */
static char *splice(char *body, size_t *len, size_t pos, const char *ins, size_t n)
{
    char *out = xmalloc(*len + n + 1);
    memcpy(out, body, pos);
    memcpy(out + pos, ins, n);
    memcpy(out + pos + n, body + pos, *len - pos);
    *len += n;
    out[*len] = 0;
    free(body);
    return out;
}

/* Add the bar's stylesheet hash to the style-src of the report's own
 * policy (a <meta> before <body>); without one there is nothing to widen. */
static char *widen_csp(char *body, size_t *len, const char *hash)
{
    const char *body_tag = memmem(body, *len, "<body", 5);
    const char *at = memmem(body, body_tag ? (size_t)(body_tag - body) : *len, "style-src", 9);
    if (!at)
        return body;
    return splice(body, len, (size_t)(at - body) + 9, hash, strlen(hash));
}

char *serve_page_frame_report(char *body, size_t *len, const char *run)
{
    char b64[45], hash[64];
    sha256_base64(asset_dashboard_bar_css, strlen(asset_dashboard_bar_css), b64);
    snprintf(hash, sizeof(hash), " 'sha256-%s'", b64);
    body = widen_csp(body, len, hash);
    const char *tag = memmem(body, *len, "<body", 5);
    const char *gt = tag ? memchr(tag, '>', *len - (size_t)(tag - body)) : NULL;
    if (!gt)
        return body;
    char *bar = NULL;
    size_t barlen = 0;
    FILE *f = open_memstream(&bar, &barlen);
    if (!f)
        BUG("open_memstream failed");
    fprintf(f,
            "<style>%s</style><div class=\"tsd-bar\" id=\"dashboard-bar\"><b>tsaudit history</b>"
            "<a href=\"/\">Overview</a><a href=\"/trends\">Trends</a>"
            "<a href=\"/measures\">Measures</a>",
            asset_dashboard_bar_css);
    char label[64];
    snprintf(label, sizeof(label), "Run %.40s", run);
    const struct crumb t[] = {{"Overview", "/"}, {label, NULL}};
    trail(f, t, 2, "tsd-crumbs");
    fputs("</div>\n", f);
    fclose(f);
    body = splice(body, len, (size_t)(gt + 1 - body), bar, barlen);
    free(bar);
    return body;
}
