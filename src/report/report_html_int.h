/*
 * report_html_int.h - shared by the parts of the HTML writer: report_html.c
 * (page head, device blocks, the devices and check views), report_html_overview.c
 * (the overview: figures, charts, roll-ups) and report_html_measures.c (the
 * measures table).
 */
#ifndef TSAUDIT_REPORT_HTML_INT_H
#define TSAUDIT_REPORT_HTML_INT_H

#include "report/report_int.h"

struct html_state {
    size_t ndevices;
    FILE *devf; /* the devices' data, written after the summary (a temporary file) */
    /* Per check index: the earliest "failing since" among the devices failing
     * it now (run->since), or NULL. */
    const char **since_by_check;
    size_t ncheck;
};

extern const char *const html_status_label[MEASURE_STATUS_COUNT];

/* Element text and attribute values, escaped. */
void html_h(FILE *f, const char *s);
void html_ha(FILE *f, const char *s);
/* The id of a device's block (d/ and its path), as links name it. */
void html_device_anchor(FILE *f, const char *id);
/* A check id as a link to its page (every device failing it). */
void html_check_link(FILE *f, const char *id);
/* "failing since" text for an ISO 8601 time and an optional commit. */
void html_since(FILE *f, const char *when, const char *commit);

/* The overview view (figures, charts, due dates, top checks, regulations, fleet). */
void html_overview(struct report_writer *w, const struct report_estate *e);
/* The measures view. */
void html_measures_view(struct report_writer *w, const struct compliance_result *cr);

#endif
