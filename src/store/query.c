/*
 * query.c - reading the history: runs with their headline figures, and the
 * difference between two runs (devices added and removed, new failures,
 * fixed, still failing, measures whose status changed). Only complete runs
 * are ever read.
 */
#include "store/store_int.h"

#include <stdlib.h>
#include <string.h>

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

/* The one-pass comparison (compare.c) answers it; the verdict changes that
 * involve no failure, which it also lists, are not part of this answer. */
int store_diff_runs(const char *db_path, const char *a, const char *b, struct store_diff *out)
{
    struct store_change *other = NULL;
    size_t nother = 0;
    int rc = store_compare_runs(db_path, a, b, out, &other, &nother);
    store_changes_free(other, nother);
    return rc;
}

void store_changes_free(struct store_change *c, size_t n)
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
    store_changes_free(d->added, d->nadded);
    store_changes_free(d->removed, d->nremoved);
    store_changes_free(d->new_fail, d->nnew_fail);
    store_changes_free(d->fixed, d->nfixed);
    store_changes_free(d->still_failing, d->nstill_failing);
    store_changes_free(d->measures, d->nmeasures);
    memset(d, 0, sizeof(*d));
}
