/*
 * query.c - reading the history: runs with their headline figures, and the
 * difference between two runs (devices added and removed, new failures,
 * fixed, still failing, measures whose status changed). Only complete runs
 * are ever read.
 */
#include "store/store_int.h"

#include <stdlib.h>
#include <string.h>

#define DIFF_MAX_ROWS 100000

static char *col_str(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? xstrdup((const char *)t) : NULL;
}

static const char *const run_columns =
    "id, uuid, started, finished, as_of, edition, provider, tool_version, tier, devices, "
    "fails, fails_critical, fails_high, fails_medium, fails_low, measures_met, measures_total";

static void read_run_row(sqlite3_stmt *st, struct store_run_row *r)
{
    memset(r, 0, sizeof(*r));
    r->id = sqlite3_column_int64(st, 0);
    r->uuid = col_str(st, 1);
    r->started = col_str(st, 2);
    r->finished = col_str(st, 3);
    r->as_of = col_str(st, 4);
    r->edition = col_str(st, 5);
    r->provider = col_str(st, 6);
    r->tool_version = col_str(st, 7);
    r->tier = sqlite3_column_int(st, 8);
    r->devices = sqlite3_column_int64(st, 9);
    r->fails = sqlite3_column_int64(st, 10);
    for (int i = 0; i < 4; i++)
        r->fails_by_severity[i] = sqlite3_column_int64(st, 11 + i);
    r->measures_met = sqlite3_column_int64(st, 15);
    r->measures_total = sqlite3_column_int64(st, 16);
}

static void run_row_free(struct store_run_row *r)
{
    free(r->uuid);
    free(r->started);
    free(r->finished);
    free(r->as_of);
    free(r->edition);
    free(r->provider);
    free(r->tool_version);
}

void store_run_rows_free(struct store_run_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        run_row_free(&rows[i]);
    free(rows);
}

int store_list_runs(const char *db_path, struct store_run_row **rows, size_t *n)
{
    *rows = NULL;
    *n = 0;
    sqlite3 *db = store_open(db_path, false, 0);
    if (!db)
        return -1;
    char sql[512];
    snprintf(sql, sizeof(sql), "SELECT %s FROM runs WHERE complete = 1 ORDER BY id", run_columns);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        store_db_error(db, db_path, "cannot read runs");
        sqlite3_close(db);
        return -1;
    }
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            *rows = xrealloc(*rows, cap * sizeof(**rows));
        }
        read_run_row(st, &(*rows)[(*n)++]);
    }
    sqlite3_finalize(st);
    int result = 0;
    if (rc != SQLITE_DONE)
        result = store_db_error(db, db_path, "cannot read runs");
    sqlite3_close(db);
    return result;
}

/* Find a complete run by id or uuid; before = true gives the complete run
 * preceding `of` instead. */
static bool find_run(sqlite3 *db, const char *spec, int64_t before_id, struct store_run_row *r)
{
    char sql[640];
    sqlite3_stmt *st;
    if (spec)
        snprintf(sql, sizeof(sql),
                 "SELECT %s FROM runs WHERE complete = 1 AND (uuid = ?1 OR CAST(id AS TEXT) = ?1)",
                 run_columns);
    else if (before_id)
        snprintf(sql, sizeof(sql),
                 "SELECT %s FROM runs WHERE complete = 1 AND id < ?2 ORDER BY id DESC LIMIT 1",
                 run_columns);
    else
        snprintf(sql, sizeof(sql),
                 "SELECT %s FROM runs WHERE complete = 1 ORDER BY id DESC LIMIT 1", run_columns);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return false;
    if (spec)
        sqlite3_bind_text(st, 1, spec, -1, SQLITE_TRANSIENT);
    if (before_id)
        sqlite3_bind_int64(st, 2, before_id);
    bool found = sqlite3_step(st) == SQLITE_ROW;
    if (found)
        read_run_row(st, r);
    sqlite3_finalize(st);
    return found;
}

static bool collect(sqlite3 *db, const char *sql, int64_t a, int64_t b, struct store_change **out,
                    size_t *n)
{
    sqlite3_stmt *st;
    *out = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_int64(st, 1, a);
    sqlite3_bind_int64(st, 2, b);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < DIFF_MAX_ROWS) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 32;
            *out = xrealloc(*out, cap * sizeof(**out));
        }
        struct store_change *c = &(*out)[(*n)++];
        c->device = col_str(st, 0);
        c->hostname = col_str(st, 1);
        c->item = col_str(st, 2);
        c->severity = col_str(st, 3);
        c->from = col_str(st, 4);
        c->to = col_str(st, 5);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

/* Fails per device key in a run, as a CTE usable by every diff query. */
#define FAILS(run)                                                                                 \
    "SELECT COALESCE(d.relpath, d.file) AS k, d.hostname AS host, r.check_id AS check_id, "        \
    "r.severity AS severity, r.verdict AS verdict FROM results r JOIN devices d ON d.id = "        \
    "r.device_id WHERE d.run_id = " run " AND r.verdict = 'fail'"
#define KEYS(run) "SELECT COALESCE(relpath, file) FROM devices WHERE run_id = " run

static const char *const sql_added =
    "SELECT COALESCE(relpath, file), hostname, dialect, NULL, NULL, NULL FROM devices "
    "WHERE run_id = ?2 AND COALESCE(relpath, file) NOT IN (" KEYS("?1") ") ORDER BY 1";
static const char *const sql_removed =
    "SELECT COALESCE(relpath, file), hostname, dialect, NULL, NULL, NULL FROM devices "
    "WHERE run_id = ?1 AND COALESCE(relpath, file) NOT IN (" KEYS("?2") ") ORDER BY 1";
static const char *const sql_new = "WITH fa AS (" FAILS("?1") "), fb AS (" FAILS(
    "?2") ") "
          "SELECT fb.k, fb.host, fb.check_id, fb.severity, "
          " COALESCE((SELECT r.verdict FROM results r JOIN devices d ON d.id = r.device_id "
          "   WHERE d.run_id = ?1 AND COALESCE(d.relpath, d.file) = fb.k AND r.check_id = "
          "fb.check_id), "
          "   'absent'), 'fail' FROM fb "
          "WHERE fb.k IN (" KEYS("?1") ") AND NOT EXISTS (SELECT 1 FROM fa WHERE fa.k = fb.k AND "
                                       "fa.check_id = fb.check_id) ORDER BY 1, 3";
static const char *const sql_fixed = "WITH fa AS (" FAILS("?1") "), fb AS (" FAILS(
    "?2") ") "
          "SELECT fa.k, fa.host, fa.check_id, fa.severity, 'fail', "
          " COALESCE((SELECT r.verdict FROM results r JOIN devices d ON d.id = r.device_id "
          "   WHERE d.run_id = ?2 AND COALESCE(d.relpath, d.file) = fa.k AND r.check_id = "
          "fa.check_id), "
          "   'absent') FROM fa "
          "WHERE fa.k IN (" KEYS("?2") ") AND NOT EXISTS (SELECT 1 FROM fb WHERE fb.k = fa.k AND "
                                       "fb.check_id = fa.check_id) ORDER BY 1, 3";
static const char *const sql_still = "WITH fa AS (" FAILS("?1") "), fb AS (" FAILS(
    "?2") ") "
          "SELECT fb.k, fb.host, fb.check_id, fb.severity, 'fail', 'fail' FROM fb "
          "WHERE EXISTS (SELECT 1 FROM fa WHERE fa.k = fb.k AND fa.check_id = fb.check_id) "
          "ORDER BY CASE fb.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN "
          "2 "
          "WHEN 'low' THEN 3 ELSE 4 END, 1, 3";
static const char *const sql_measures =
    "SELECT NULL, NULL, mb.measure_id, NULL, ma.status || CASE ma.overdue WHEN 1 THEN ' (overdue)' "
    "ELSE '' END, mb.status || CASE mb.overdue WHEN 1 THEN ' (overdue)' ELSE '' END "
    "FROM measures ma JOIN measures mb ON ma.measure_id = mb.measure_id "
    "WHERE ma.run_id = ?1 AND mb.run_id = ?2 AND (ma.status != mb.status OR ma.overdue != "
    "mb.overdue) ORDER BY mb.section, mb.measure_id";

int store_diff_runs(const char *db_path, const char *a, const char *b, struct store_diff *out)
{
    memset(out, 0, sizeof(*out));
    sqlite3 *db = store_open(db_path, false, 0);
    if (!db)
        return -1;
    int rc = -1;
    if (!find_run(db, b, 0, &out->b)) {
        diag_report(DIAG_ERROR, db_path, 0, b ? "no complete run '%s'" : "no complete run%s",
                    b ? b : " recorded yet");
        goto done;
    }
    if (!find_run(db, a, a ? 0 : out->b.id, &out->a)) {
        if (a)
            diag_report(DIAG_ERROR, db_path, 0, "no complete run '%s'", a);
        else
            diag_report(DIAG_ERROR, db_path, 0,
                        "only one complete run is recorded; nothing to compare with");
        goto done;
    }
    int64_t ia = out->a.id, ib = out->b.id;
    if (!collect(db, sql_added, ia, ib, &out->added, &out->nadded) ||
        !collect(db, sql_removed, ia, ib, &out->removed, &out->nremoved) ||
        !collect(db, sql_new, ia, ib, &out->new_fail, &out->nnew_fail) ||
        !collect(db, sql_fixed, ia, ib, &out->fixed, &out->nfixed) ||
        !collect(db, sql_still, ia, ib, &out->still_failing, &out->nstill_failing) ||
        !collect(db, sql_measures, ia, ib, &out->measures, &out->nmeasures)) {
        store_db_error(db, db_path, "cannot compare runs");
        goto done;
    }
    rc = 0;
done:
    sqlite3_close(db);
    if (rc != 0)
        store_diff_free(out);
    return rc;
}

static void changes_free(struct store_change *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(c[i].device);
        free(c[i].hostname);
        free(c[i].item);
        free(c[i].severity);
        free(c[i].from);
        free(c[i].to);
    }
    free(c);
}

void store_diff_free(struct store_diff *d)
{
    run_row_free(&d->a);
    run_row_free(&d->b);
    changes_free(d->added, d->nadded);
    changes_free(d->removed, d->nremoved);
    changes_free(d->new_fail, d->nnew_fail);
    changes_free(d->fixed, d->nfixed);
    changes_free(d->still_failing, d->nstill_failing);
    changes_free(d->measures, d->nmeasures);
    memset(d, 0, sizeof(*d));
}
