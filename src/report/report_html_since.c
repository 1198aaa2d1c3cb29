/*
 * report_html_since.c - looking up when a failure began in the history the
 * CLI attached to the run (report_run.since, sorted by device then check).
 */
#include "report/report_int.h"

const struct report_since *report_since_find(const struct report_run *run, const char *device,
                                             const char *check)
{
    if (!run || !run->nsince || !device || !check)
        return NULL;
    size_t lo = 0, hi = run->nsince;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct report_since *x = &run->since[mid];
        int c = strcmp(x->device, device);
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
