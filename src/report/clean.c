/*
 * clean.c - report_clean(): the writers' cleaning of config-derived text,
 * for other layers that print or store such text (the history database).
 */
#include "report/report_int.h"

static const char *clean_as_writers(const struct report_run *run, const struct device_result *d,
                                    const char *text, size_t len, struct buf *out, bool patterns)
{
    struct report_writer w;
    memset(&w, 0, sizeof(w));
    w.run = run;
    w.clean[0] = *out; /* reuse the caller's storage */
    const char *r = rpt_clean(&w, 0, d, text, len, patterns);
    *out = w.clean[0];
    return r;
}

const char *report_clean(const struct report_run *run, const struct device_result *d,
                         const char *text, size_t len, struct buf *out)
{
    return clean_as_writers(run, d, text, len, out, true);
}

const char *report_scrub(const struct report_run *run, const struct device_result *d,
                         const char *text, size_t len, struct buf *out)
{
    return clean_as_writers(run, d, text, len, out, false);
}
