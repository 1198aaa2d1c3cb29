/*
 * dashboard.c - the history read for the dashboard's trends and "failing
 * since" columns: verdict totals per run and per commit of a walked
 * repository, the findings of a device with the run their failure began in,
 * the measures of the latest run with the run they stopped being met in,
 * and the commit that began each failure a repository walk saw last.
 *
 * Only complete runs and complete walks are read. A streak of failures is
 * counted over the runs that hold the device (or the measure): a run where
 * the check has no verdict on the device neither extends nor ends it.
 */
#define _GNU_SOURCE /* strverscmp */
#include "store/store_int.h"

#include <stdlib.h>
#include <string.h>

#define DASH_MAX_ROWS 200000 /* a cap on any one answer */

static char *col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? xstrdup((const char *)t) : NULL;
}

static void *grow(void *v, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return v;
    *cap = *cap ? *cap * 2 : 32;
    return xrealloc(v, *cap * size);
}

/* Prepare sql on a read-only connection; NULL (and *db closed) after a
 * diagnostic. */
static sqlite3_stmt *prepare(const char *db_path, sqlite3 **db, const char *sql)
{
    *db = store_open(db_path, false, 0);
    if (!*db)
        return NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(*db, sql, -1, &st, NULL) != SQLITE_OK) {
        store_db_error(*db, db_path, "cannot read the history");
        sqlite3_close(*db);
        *db = NULL;
        return NULL;
    }
    return st;
}

/* Finish a read: 0 when the last step was the end, else -1 after a diagnostic. */
static int finish(const char *db_path, sqlite3 *db, sqlite3_stmt *st, int rc)
{
    int out = rc == SQLITE_DONE || rc == SQLITE_ROW
                  ? 0
                  : store_db_error(db, db_path, "cannot read the history");
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

/* ------------------------------------------------------------ totals */

void store_totals_rows_free(struct store_totals_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(rows[i].when);
        free(rows[i].label);
    }
    free(rows);
}

int store_run_totals(const char *db_path, struct store_totals_row **rows, size_t *n)
{
    *rows = NULL;
    *n = 0;
    sqlite3 *db;
    sqlite3_stmt *st =
        prepare(db_path, &db,
                "SELECT r.id, r.started, SUM(x.verdict = 'fail'), SUM(x.verdict = 'pass'), "
                "SUM(x.verdict = 'unknown') FROM runs r LEFT JOIN devices d ON d.run_id = r.id "
                "LEFT JOIN results x ON x.device_id = d.id WHERE r.complete = 1 GROUP BY r.id "
                "ORDER BY r.id");
    if (!st)
        return -1;
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < DASH_MAX_ROWS) {
        *rows = grow(*rows, *n, &cap, sizeof(**rows));
        struct store_totals_row *r = &(*rows)[(*n)++];
        r->run_id = sqlite3_column_int64(st, 0);
        r->when = col_text(st, 1);
        char label[32];
        snprintf(label, sizeof(label), "run %lld", (long long)r->run_id);
        r->label = xstrdup(label);
        r->fail = sqlite3_column_int64(st, 2);
        r->pass = sqlite3_column_int64(st, 3);
        r->unknown = sqlite3_column_int64(st, 4);
    }
    return finish(db_path, db, st, rc);
}

/* Move one verdict between the totals: -1 for the verdict a change left,
 * +1 for the one it reached. */
static void count_verdict(struct store_totals_row *t, const char *verdict, long by)
{
    if (!verdict)
        return;
    if (!strcmp(verdict, "fail"))
        t->fail += by;
    else if (!strcmp(verdict, "pass"))
        t->pass += by;
    else if (!strcmp(verdict, "unknown"))
        t->unknown += by;
}

int store_walk_totals(const char *db_path, char **repo, struct store_totals_row **rows, size_t *n)
{
    *rows = NULL;
    *n = 0;
    *repo = NULL;
    sqlite3 *db;
    sqlite3_stmt *st = prepare(
        db_path, &db,
        "SELECT c.verdict, c.previous, c.commit_id, c.committed, w.repo FROM history_changes c "
        "JOIN history_walks w ON w.id = c.walk_id WHERE w.id = (SELECT MAX(id) FROM "
        "history_walks WHERE complete = 1) ORDER BY c.seq");
    if (!st)
        return -1;
    struct store_totals_row now = {0};
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < DASH_MAX_ROWS) {
        const char *commit = (const char *)sqlite3_column_text(st, 2);
        if (!*n || strcmp((*rows)[*n - 1].label, commit ? commit : "") != 0) {
            *rows = grow(*rows, *n, &cap, sizeof(**rows));
            struct store_totals_row *r = &(*rows)[(*n)++];
            *r = now;
            r->when = col_text(st, 3);
            r->label = xstrdup(commit ? commit : "");
            if (!*repo)
                *repo = col_text(st, 4);
        }
        struct store_totals_row *r = &(*rows)[*n - 1];
        count_verdict(r, (const char *)sqlite3_column_text(st, 1), -1);
        count_verdict(r, (const char *)sqlite3_column_text(st, 0), +1);
        now.fail = r->fail;
        now.pass = r->pass;
        now.unknown = r->unknown;
    }
    return finish(db_path, db, st, rc);
}

/* ---------------------------------------------------- device findings */

void store_finding_rows_free(struct store_finding_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(rows[i].check);
        free(rows[i].verdict);
        free(rows[i].severity);
        free(rows[i].message);
        free(rows[i].since_started);
    }
    free(rows);
}

/* Verdicts of one device in every complete run holding it, by check then
 * run; the run ids of the device's newest run come first in each row. */
static const char *const sql_device_verdicts =
    "WITH dev AS (SELECT d.id, d.run_id, r.started FROM devices d JOIN runs r ON r.id = d.run_id "
    " WHERE r.complete = 1 AND COALESCE(d.relpath, d.file) = ?1) "
    "SELECT (SELECT MAX(run_id) FROM dev), dev.run_id, dev.started, x.check_id, x.verdict, "
    " x.severity, x.message FROM results x JOIN dev ON dev.id = x.device_id "
    "ORDER BY x.check_id, dev.run_id";

/* Whether row `st` (a device's verdict for one check in one run) extends the
 * failing streak f, starts one, or ends it. */
static void streak_step(struct store_finding_row *f, sqlite3_stmt *st)
{
    bool fail = !strcmp((const char *)sqlite3_column_text(st, 4), "fail");
    if (!fail) {
        f->since_run = 0;
        free(f->since_started);
        f->since_started = NULL;
    } else if (!f->since_run) {
        f->since_run = sqlite3_column_int64(st, 1);
        f->since_started = col_text(st, 2);
    }
}

static void finding_set(struct store_finding_row *f, sqlite3_stmt *st)
{
    free(f->verdict);
    free(f->severity);
    free(f->message);
    f->verdict = col_text(st, 4);
    f->severity = col_text(st, 5);
    f->message = col_text(st, 6);
    f->run_id = sqlite3_column_int64(st, 1);
}

int store_device_findings(const char *db_path, const char *device, struct store_finding_row **rows,
                          size_t *n)
{
    *rows = NULL;
    *n = 0;
    sqlite3 *db;
    sqlite3_stmt *st = prepare(db_path, &db, sql_device_verdicts);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, device, -1, SQLITE_TRANSIENT);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < DASH_MAX_ROWS) {
        const char *check = (const char *)sqlite3_column_text(st, 3);
        if (!check || !sqlite3_column_text(st, 4))
            continue;
        if (!*n || strcmp((*rows)[*n - 1].check, check) != 0) {
            *rows = grow(*rows, *n, &cap, sizeof(**rows));
            memset(&(*rows)[*n], 0, sizeof(**rows));
            (*rows)[(*n)++].check = xstrdup(check);
        }
        struct store_finding_row *f = &(*rows)[*n - 1];
        streak_step(f, st);
        finding_set(f, st);
        f->latest = sqlite3_column_int64(st, 0) == f->run_id;
    }
    return finish(db_path, db, st, rc);
}

/* --------------------------------------------------------- measures */

static void measure_row_free(struct store_measure_row *m)
{
    free(m->id);
    free(m->title);
    free(m->status);
    free(m->due);
    free(m->checks);
    free(m->since_started);
}

void store_measure_rows_free(struct store_measure_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        measure_row_free(&rows[i]);
    free(rows);
}

static bool status_failing(const char *s)
{
    return s && (!strcmp(s, "not_met") || !strcmp(s, "partial"));
}

static void measure_set(struct store_measure_row *m, sqlite3_stmt *st)
{
    free(m->title);
    free(m->status);
    free(m->due);
    free(m->checks);
    m->run_id = sqlite3_column_int64(st, 0);
    m->title = col_text(st, 3);
    m->status = col_text(st, 4);
    m->overdue = sqlite3_column_int(st, 5) != 0;
    m->due = col_text(st, 6);
    m->checks = col_text(st, 7);
    m->section = sqlite3_column_int(st, 8);
    if (!status_failing(m->status)) {
        m->since_run = 0;
        free(m->since_started);
        m->since_started = NULL;
    } else if (!m->since_run) {
        m->since_run = m->run_id;
        m->since_started = col_text(st, 1);
    }
}

static int measure_order(const void *a, const void *b)
{
    const struct store_measure_row *x = a, *y = b;
    if (x->section != y->section)
        return x->section < y->section ? -1 : 1;
    return strverscmp(x->id, y->id);
}

/* Drop the measures the latest run does not hold (free them), keep order. */
static size_t keep_latest(struct store_measure_row *rows, size_t n, int64_t latest)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (rows[i].run_id == latest)
            rows[k++] = rows[i];
        else
            measure_row_free(&rows[i]);
    }
    return k;
}

int store_measures_since(const char *db_path, struct store_measure_row **rows, size_t *n)
{
    *rows = NULL;
    *n = 0;
    sqlite3 *db;
    sqlite3_stmt *st = prepare(
        db_path, &db,
        "SELECT m.run_id, r.started, m.measure_id, m.title, m.status, m.overdue, m.due, "
        "m.checks, m.section, (SELECT MAX(id) FROM runs WHERE complete = 1) FROM measures m "
        "JOIN runs r ON r.id = m.run_id WHERE r.complete = 1 ORDER BY m.measure_id, m.run_id");
    if (!st)
        return -1;
    size_t cap = 0;
    int64_t latest = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < DASH_MAX_ROWS) {
        const char *id = (const char *)sqlite3_column_text(st, 2);
        if (!id || !sqlite3_column_text(st, 4))
            continue;
        latest = sqlite3_column_int64(st, 9);
        if (!*n || strcmp((*rows)[*n - 1].id, id) != 0) {
            *rows = grow(*rows, *n, &cap, sizeof(**rows));
            memset(&(*rows)[*n], 0, sizeof(**rows));
            (*rows)[(*n)++].id = xstrdup(id);
        }
        measure_set(&(*rows)[*n - 1], st);
    }
    int out = finish(db_path, db, st, rc);
    *n = keep_latest(*rows, *n, latest);
    if (*n)
        qsort(*rows, *n, sizeof(**rows), measure_order);
    return out;
}

/* ------------------------------------------------ repository failures */

static void failing_clear(struct store_failing_row *f)
{
    free(f->commit);
    free(f->author);
    free(f->when);
    free(f->subject);
    f->commit = f->author = f->when = f->subject = NULL;
}

void store_failing_rows_free(struct store_failing_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        failing_clear(&rows[i]);
        free(rows[i].device);
        free(rows[i].check);
    }
    free(rows);
}

/* One change of a (device, check): a failure begins, goes on, or ends. */
static void failing_step(struct store_failing_row *f, sqlite3_stmt *st)
{
    if (strcmp((const char *)sqlite3_column_text(st, 2), "fail") != 0)
        failing_clear(f);
    else if (!f->commit) {
        f->commit = col_text(st, 3);
        f->author = col_text(st, 4);
        f->when = col_text(st, 5);
        f->subject = col_text(st, 6);
    }
}

/* Keep only the rows whose failure goes on to the end of the walk. */
static size_t keep_failing(struct store_failing_row *rows, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (rows[i].commit)
            rows[k++] = rows[i];
        else {
            free(rows[i].device);
            free(rows[i].check);
        }
    }
    return k;
}

int store_walk_failing(const char *db_path, const char *device, struct store_failing_row **rows,
                       size_t *n)
{
    *rows = NULL;
    *n = 0;
    sqlite3 *db;
    sqlite3_stmt *st = prepare(
        db_path, &db,
        "SELECT c.device, c.check_id, c.verdict, c.commit_id, c.author, c.committed, c.subject "
        "FROM history_changes c JOIN history_walks w ON w.id = c.walk_id WHERE w.complete = 1 "
        "AND (?1 IS NULL OR c.device = ?1) ORDER BY c.walk_id, c.device, c.check_id, c.seq");
    if (!st)
        return -1;
    if (device)
        sqlite3_bind_text(st, 1, device, -1, SQLITE_TRANSIENT);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < DASH_MAX_ROWS) {
        const char *dev = (const char *)sqlite3_column_text(st, 0);
        const char *check = (const char *)sqlite3_column_text(st, 1);
        if (!dev || !check || !sqlite3_column_text(st, 2))
            continue;
        struct store_failing_row *f = *n ? &(*rows)[*n - 1] : NULL;
        if (!f || strcmp(f->device, dev) != 0 || strcmp(f->check, check) != 0) {
            *rows = grow(*rows, *n, &cap, sizeof(**rows));
            f = &(*rows)[(*n)++];
            memset(f, 0, sizeof(*f));
            f->device = xstrdup(dev);
            f->check = xstrdup(check);
        }
        failing_step(f, st);
    }
    int out = finish(db_path, db, st, rc);
    *n = keep_failing(*rows, *n);
    return out;
}
