/*
 * compare.c - two runs compared in one pass over their verdicts, for the
 * dashboard's comparison page and its JSON API.
 *
 * The result has store_diff_runs()'s shape and meaning; the verdicts are
 * paired by device and check in a single join (each device's results are
 * reached through the results_device index), where the per-failure
 * subqueries of the older comparison take minutes on a thousand-device
 * estate. It also gives the verdict changes that involve no failure.
 */
#include "store/store_int.h"

#include <stdlib.h>
#include <string.h>

#define COMPARE_MAX_ROWS 400000

/* Index of the run named spec (id or uuid) in rows; -1 when none. */
static ptrdiff_t run_index(const struct store_run_row *rows, size_t n, const char *spec)
{
    for (size_t i = 0; i < n; i++) {
        char id[24];
        snprintf(id, sizeof(id), "%lld", (long long)rows[i].id);
        if (!strcmp(spec, id) || (rows[i].uuid && !strcmp(spec, rows[i].uuid)))
            return (ptrdiff_t)i;
    }
    return -1;
}

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

static void run_copy(struct store_run_row *to, const struct store_run_row *from)
{
    *to = *from;
    to->uuid = dup_or_null(from->uuid);
    to->started = dup_or_null(from->started);
    to->finished = dup_or_null(from->finished);
    to->as_of = dup_or_null(from->as_of);
    to->edition = dup_or_null(from->edition);
    to->provider = dup_or_null(from->provider);
    to->tool_version = dup_or_null(from->tool_version);
}

/* Fill out->a and out->b as store_diff_runs() picks them. 0 or -1 after a
 * diagnostic. */
static int pick_runs(const char *db_path, const char *a, const char *b, struct store_diff *out)
{
    struct store_run_row *rows;
    size_t n;
    if (store_list_runs(db_path, &rows, &n) != 0)
        return -1;
    ptrdiff_t ib = b ? run_index(rows, n, b) : (ptrdiff_t)n - 1;
    ptrdiff_t ia = a ? run_index(rows, n, a) : ib - 1;
    int rc = -1;
    if (ib < 0)
        diag_report(DIAG_ERROR, db_path, 0, b ? "no complete run '%s'" : "no complete run%s",
                    b ? b : " recorded yet");
    else if (ia < 0 && a)
        diag_report(DIAG_ERROR, db_path, 0, "no complete run '%s'", a);
    else if (ia < 0)
        diag_report(DIAG_ERROR, db_path, 0,
                    "only one complete run is recorded; nothing to compare with");
    else {
        run_copy(&out->a, &rows[ia]);
        run_copy(&out->b, &rows[ib]);
        rc = 0;
    }
    store_run_rows_free(rows, n);
    return rc;
}

/* Device keys of each run, then every (device, check) of a device in both
 * runs whose verdict changed or that fails in b; then the failures in a of
 * checks b has no verdict for. */
#define KEYED(run)                                                                                 \
    "SELECT id, COALESCE(relpath, file) AS k, hostname FROM devices WHERE run_id = " run
static const char *const sql_pairs = "WITH da AS (" KEYED("?1") "), db AS (" KEYED(
    "?2") ") "
          "SELECT db.k, db.hostname, xb.check_id, xb.severity, COALESCE(xa.verdict, 'absent'), "
          " xb.verdict FROM db JOIN da ON da.k = db.k JOIN results xb ON xb.device_id = db.id "
          "LEFT JOIN results xa ON xa.device_id = da.id AND xa.check_id = xb.check_id "
          "WHERE xb.verdict = 'fail' OR (xa.verdict IS NOT NULL AND xa.verdict != xb.verdict) "
          "UNION ALL "
          "SELECT da.k, da.hostname, xa.check_id, xa.severity, xa.verdict, 'absent' "
          "FROM da JOIN db ON db.k = da.k JOIN results xa ON xa.device_id = da.id "
          "WHERE xa.verdict = 'fail' AND NOT EXISTS (SELECT 1 FROM results xb "
          " WHERE xb.device_id = db.id AND xb.check_id = xa.check_id)";
static const char *const sql_devices =
    "SELECT COALESCE(relpath, file), hostname, dialect FROM devices WHERE run_id = ?2 AND "
    "COALESCE(relpath, file) NOT IN (SELECT COALESCE(relpath, file) FROM devices WHERE "
    "run_id = ?1) ORDER BY 1";
static const char *const sql_measure_changes =
    "SELECT mb.measure_id, ma.status || CASE ma.overdue WHEN 1 THEN ' (overdue)' ELSE '' END, "
    "mb.status || CASE mb.overdue WHEN 1 THEN ' (overdue)' ELSE '' END FROM measures ma JOIN "
    "measures mb ON ma.measure_id = mb.measure_id WHERE ma.run_id = ?1 AND mb.run_id = ?2 AND "
    "(ma.status != mb.status OR ma.overdue != mb.overdue) ORDER BY mb.section, mb.measure_id";

struct change_list {
    struct store_change *v;
    size_t n, cap;
};

static struct store_change *change_add(struct change_list *l)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 32;
        l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
    }
    struct store_change *c = &l->v[l->n++];
    memset(c, 0, sizeof(*c));
    return c;
}

static char *text_at(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? xstrdup((const char *)t) : NULL;
}

/* Run sql with ?1 = a and ?2 = b, each row through add(). */
static int each_row(sqlite3 *db, const char *sql, int64_t a, int64_t b,
                    void (*add)(sqlite3_stmt *, void *), void *ctx)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(st, 1, a);
    sqlite3_bind_int64(st, 2, b);
    int rc;
    size_t rows = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && rows++ < COMPARE_MAX_ROWS)
        add(st, ctx);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

static void add_device(sqlite3_stmt *st, void *ctx)
{
    struct store_change *c = change_add(ctx);
    c->device = text_at(st, 0);
    c->hostname = text_at(st, 1);
    c->item = text_at(st, 2);
}

static void add_measure(sqlite3_stmt *st, void *ctx)
{
    struct store_change *c = change_add(ctx);
    c->item = text_at(st, 0);
    c->from = text_at(st, 1);
    c->to = text_at(st, 2);
}

/* The four kinds a pair of verdicts falls in. */
enum { NEW_FAIL, FIXED, STILL, OTHER };

static void add_pair(sqlite3_stmt *st, void *ctx)
{
    struct change_list *kinds = ctx;
    const char *from = (const char *)sqlite3_column_text(st, 4);
    const char *to = (const char *)sqlite3_column_text(st, 5);
    if (!from || !to)
        return;
    bool was = !strcmp(from, "fail"), is = !strcmp(to, "fail");
    struct store_change *c = change_add(&kinds[was && is ? STILL
                                               : is      ? NEW_FAIL
                                               : was     ? FIXED
                                                         : OTHER]);
    c->device = text_at(st, 0);
    c->hostname = text_at(st, 1);
    c->item = text_at(st, 2);
    c->severity = text_at(st, 3);
    c->from = xstrdup(from);
    c->to = xstrdup(to);
}

static int severity_rank(const char *s)
{
    static const char *const order[] = {"critical", "high", "medium", "low"};
    for (int i = 0; i < 4; i++)
        if (s && !strcmp(s, order[i]))
            return i;
    return 4;
}

static int by_device(const void *a, const void *b)
{
    const struct store_change *x = a, *y = b;
    int c = strcmp(x->device ? x->device : "", y->device ? y->device : "");
    return c ? c : strcmp(x->item ? x->item : "", y->item ? y->item : "");
}

static int by_severity(const void *a, const void *b)
{
    int c = severity_rank(((const struct store_change *)a)->severity) -
            severity_rank(((const struct store_change *)b)->severity);
    return c ? c : by_device(a, b);
}

/* Hand l's rows to (*v, *n), sorted by order unless it is NULL (kept in
 * the order the query gave). */
static void take(struct change_list *l, struct store_change **v, size_t *n,
                 int (*order)(const void *, const void *))
{
    if (l->n && order)
        qsort(l->v, l->n, sizeof(*l->v), order);
    *v = l->v;
    *n = l->n;
}

static int compare_rows(sqlite3 *db, struct store_diff *out, struct store_change **changed,
                        size_t *nchanged)
{
    int64_t a = out->a.id, b = out->b.id;
    struct change_list added = {0}, removed = {0}, measures = {0}, kinds[4] = {{0}};
    int rc = each_row(db, sql_devices, a, b, add_device, &added);
    if (rc == 0)
        rc = each_row(db, sql_devices, b, a, add_device, &removed);
    if (rc == 0)
        rc = each_row(db, sql_measure_changes, a, b, add_measure, &measures);
    if (rc == 0)
        rc = each_row(db, sql_pairs, a, b, add_pair, kinds);
    take(&added, &out->added, &out->nadded, by_device);
    take(&removed, &out->removed, &out->nremoved, by_device);
    take(&measures, &out->measures, &out->nmeasures, NULL);
    take(&kinds[NEW_FAIL], &out->new_fail, &out->nnew_fail, by_device);
    take(&kinds[FIXED], &out->fixed, &out->nfixed, by_device);
    take(&kinds[STILL], &out->still_failing, &out->nstill_failing, by_severity);
    take(&kinds[OTHER], changed, nchanged, by_device);
    return rc;
}

int store_compare_runs(const char *db_path, const char *a, const char *b, struct store_diff *out,
                       struct store_change **changed, size_t *nchanged)
{
    memset(out, 0, sizeof(*out));
    *changed = NULL;
    *nchanged = 0;
    if (pick_runs(db_path, a, b, out) != 0)
        return -1;
    sqlite3 *db = store_open(db_path, false, 0);
    if (!db) {
        store_diff_free(out);
        return -1;
    }
    if (compare_rows(db, out, changed, nchanged) != 0) {
        store_db_error(db, db_path, "cannot compare runs");
        store_diff_free(out);
        store_changes_free(*changed, *nchanged);
        *changed = NULL;
        *nchanged = 0;
        sqlite3_close(db);
        return -1;
    }
    sqlite3_close(db);
    return 0;
}
