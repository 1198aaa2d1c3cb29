/*
 * report_html_since.c - looking up when a failure began in the history the
 * CLI attached to the run (report_run.since, sorted by device then check).
 */
#include "report/report_int.h"

/* Binary search of a table sorted by device (when given) then check. */
static const struct report_since *since_search(const struct report_since *v, size_t n,
                                               const char *device, const char *check)
{
    if (!v || !check)
        return NULL;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct report_since *x = &v[mid];
        int c = device ? strcmp(x->device, device) : 0;
        if (!c)
            c = strcmp(x->check, check);
        if (!c)
            return x;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const struct report_since *report_since_find(const struct report_run *run, const char *device,
                                             const char *check)
{
    return run && device ? since_search(run->since, run->nsince, device, check) : NULL;
}

const struct report_since *report_measure_since_find(const struct report_run *run,
                                                     const char *measure)
{
    return run ? since_search(run->measure_since, run->nmeasure_since, NULL, measure) : NULL;
}
