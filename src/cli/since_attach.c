/*
 * since_attach.c - when each failure the history knows of began, per
 * (device, check), for the reports (report_run.since), read with the same
 * store queries the dashboard uses: the failures a walked repository sees
 * at its end with the commit that began each (store_walk_failing), and for
 * a device the walk does not hold, the first run of the unbroken failure in
 * the recorded runs (store_device_findings).
 */
#include "cli/since_attach.h"

#include "store/store.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct since_list {
    struct report_since *v;
    size_t n, cap;
    struct arena *a;
};

static void since_add(struct since_list *l, const char *device, const char *check, const char *when,
                      const char *commit)
{
    if (!device || !check || !when)
        return;
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
    }
    l->v[l->n++] = (struct report_since){
        .device = arena_strdup(l->a, device),
        .check = arena_strdup(l->a, check),
        .when = arena_strdup(l->a, when),
        .commit = commit ? arena_strdup(l->a, commit) : NULL,
    };
}

static int cmp_measure(const void *a, const void *b)
{
    return strcmp(((const struct report_since *)a)->check, ((const struct report_since *)b)->check);
}

static int cmp_since(const void *a, const void *b)
{
    const struct report_since *x = a, *y = b;
    int c = strcmp(x->device, y->device);
    return c ? c : strcmp(x->check, y->check);
}

/* Is device among the walk's failing rows (sorted by device)? */
static bool in_walk(const struct store_failing_row *rows, size_t n, const char *device)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(rows[mid].device, device);
        if (!c)
            return true;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

static int cmp_failing(const void *a, const void *b)
{
    const struct store_failing_row *x = a, *y = b;
    return strcmp(x->device, y->device);
}

/* The device's current failures in the recorded runs, with the run each began in. */
static void from_runs(struct since_list *l, const char *db, const char *device)
{
    struct store_finding_row *rows;
    size_t n;
    if (store_device_findings(db, device, &rows, &n) != 0)
        return;
    for (size_t i = 0; i < n; i++)
        if (rows[i].latest && rows[i].since_run)
            since_add(l, device, rows[i].check, rows[i].since_started, NULL);
    store_finding_rows_free(rows, n);
}

/* Measures of the newest recorded run not met or partly met, and since which run. */
static void measures_since(struct report_run *run, const char *db, struct arena *a)
{
    struct store_measure_row *rows;
    size_t n, k = 0;
    if (store_measures_since(db, &rows, &n) != 0)
        return;
    struct report_since *v = arena_alloc(a, (n ? n : 1) * sizeof(*v));
    for (size_t i = 0; i < n; i++)
        if (rows[i].since_run && rows[i].since_started && rows[i].id)
            v[k++] = (struct report_since){.check = arena_strdup(a, rows[i].id),
                                           .when = arena_strdup(a, rows[i].since_started)};
    store_measure_rows_free(rows, n);
    if (k > 1)
        qsort(v, k, sizeof(*v), cmp_measure);
    run->measure_since = k ? v : NULL;
    run->nmeasure_since = k;
}

void since_attach(struct report_run *run, const char *db, const struct walk_list *files,
                  struct arena *a)
{
    if (!db || access(db, R_OK) != 0)
        return;
    struct since_list l = {.a = a};
    struct store_failing_row *walk = NULL;
    size_t nwalk = 0;
    if (store_walk_failing(db, NULL, &walk, &nwalk) != 0)
        nwalk = 0;
    if (nwalk > 1)
        qsort(walk, nwalk, sizeof(*walk), cmp_failing);
    for (size_t i = 0; i < nwalk; i++)
        since_add(&l, walk[i].device, walk[i].check, walk[i].when, walk[i].commit);
    for (size_t i = 0; i < files->n; i++) {
        const struct walk_entry *e = &files->items[i];
        const char *device = e->relpath && e->relpath[0] ? e->relpath : e->path;
        if (!in_walk(walk, nwalk, device))
            from_runs(&l, db, device);
    }
    store_failing_rows_free(walk, nwalk);
    measures_since(run, db, a);
    if (l.n > 1)
        qsort(l.v, l.n, sizeof(*l.v), cmp_since);
    if (l.n) {
        struct report_since *v = arena_alloc(a, l.n * sizeof(*v));
        memcpy(v, l.v, l.n * sizeof(*v));
        run->since = v;
        run->nsince = l.n;
    }
    free(l.v);
}
