/*
 * history.c - verdict changes found by walking a configuration repository's
 * history (scan --git), and the reading side behind `tsaudit since`.
 *
 * A walk is written in transactions of a few thousand rows and marked
 * complete at the end, when the repository's earlier walks are dropped; a
 * walk killed half-way is never read (and is dropped by the next one).
 */
#include "store/store_int.h"

#include <stdlib.h>
#include <string.h>

#define WALK_BATCH 4096 /* rows per transaction */

struct store_walk {
    sqlite3 *db;
    const char *path;
    int64_t id;
    char *repo;
    sqlite3_stmt *insert;
    size_t seq, in_batch;
    bool failed;
};

static void bind_opt(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

static void walk_free(struct store_walk *w)
{
    sqlite3_finalize(w->insert);
    sqlite3_close(w->db);
    free(w->repo);
    free(w);
}

struct store_walk *store_walk_begin(const char *db_path, const char *repo, const char *head)
{
    sqlite3 *db = store_open(db_path, true, 0);
    if (!db)
        return NULL;
    struct store_walk *w = xcalloc(1, sizeof(*w));
    w->db = db;
    w->path = db_path;
    w->repo = xstrdup(repo);
    sqlite3_stmt *st = NULL;
    if (sqlite3_exec(db, "DELETE FROM history_walks WHERE complete = 0", NULL, NULL, NULL) ||
        sqlite3_prepare_v2(db,
                           "INSERT INTO history_walks (repo, head, walked) VALUES "
                           "(?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
                           -1, &st, NULL) != SQLITE_OK) {
        store_db_error(db, db_path, "cannot record the repository walk");
        sqlite3_finalize(st);
        walk_free(w);
        return NULL;
    }
    bind_opt(st, 1, repo);
    bind_opt(st, 2, head);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE ||
        sqlite3_prepare_v2(db,
                           "INSERT INTO history_changes (walk_id, seq, device, check_id, "
                           "verdict, previous, commit_id, author, committed, subject) VALUES "
                           "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                           -1, &w->insert, NULL) != SQLITE_OK ||
        sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
        store_db_error(db, db_path, "cannot record the repository walk");
        walk_free(w);
        return NULL;
    }
    w->id = sqlite3_last_insert_rowid(db);
    return w;
}

int store_walk_change(struct store_walk *w, const char *device, const char *check,
                      const char *verdict, const char *previous, const struct store_commit *c)
{
    if (w->failed)
        return -1;
    sqlite3_stmt *st = w->insert;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, w->id);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)w->seq++);
    bind_opt(st, 3, device);
    bind_opt(st, 4, check);
    bind_opt(st, 5, verdict);
    bind_opt(st, 6, previous);
    bind_opt(st, 7, c->id);
    bind_opt(st, 8, c->author);
    bind_opt(st, 9, c->when);
    bind_opt(st, 10, c->subject);
    if (sqlite3_step(st) != SQLITE_DONE) {
        w->failed = true;
        return store_db_error(w->db, w->path, "cannot record a verdict change");
    }
    if (++w->in_batch == WALK_BATCH) {
        w->in_batch = 0;
        if (sqlite3_exec(w->db, "COMMIT; BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
            w->failed = true;
            return store_db_error(w->db, w->path, "cannot record a verdict change");
        }
    }
    return 0;
}

int store_walk_finish(struct store_walk *w, size_t commits, size_t versions)
{
    int rc = w->failed ? -1 : 0;
    sqlite3_stmt *st = NULL;
    if (rc == 0 &&
        (sqlite3_prepare_v2(w->db,
                            "UPDATE history_walks SET complete = 1, commits = ?2, versions = ?3 "
                            "WHERE id = ?1",
                            -1, &st, NULL) != SQLITE_OK ||
         (sqlite3_bind_int64(st, 1, w->id), sqlite3_bind_int64(st, 2, (sqlite3_int64)commits),
          sqlite3_bind_int64(st, 3, (sqlite3_int64)versions), sqlite3_step(st)) != SQLITE_DONE))
        rc = store_db_error(w->db, w->path, "cannot complete the repository walk");
    sqlite3_finalize(st);
    st = NULL;
    if (rc == 0 &&
        (sqlite3_prepare_v2(w->db, "DELETE FROM history_walks WHERE repo = ?1 AND id != ?2", -1,
                            &st, NULL) != SQLITE_OK ||
         (bind_opt(st, 1, w->repo), sqlite3_bind_int64(st, 2, w->id), sqlite3_step(st)) !=
             SQLITE_DONE))
        rc = store_db_error(w->db, w->path, "cannot drop the repository's older walk");
    sqlite3_finalize(st);
    if (rc == 0 && sqlite3_exec(w->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        rc = store_db_error(w->db, w->path, "cannot complete the repository walk");
    if (rc != 0)
        sqlite3_exec(w->db, "ROLLBACK", NULL, NULL, NULL);
    walk_free(w);
    return rc;
}

void store_walk_abort(struct store_walk *w)
{
    if (!w)
        return;
    sqlite3_exec(w->db, "ROLLBACK", NULL, NULL, NULL);
    walk_free(w);
}

static char *col_dup(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? xstrdup((const char *)t) : NULL;
}

int store_device_changes(const char *db_path, const char *device, const char *check, char **repo,
                         struct store_change_row **rows, size_t *n)
{
    *rows = NULL;
    *n = 0;
    *repo = NULL;
    sqlite3 *db = store_open(db_path, false, 0);
    if (!db)
        return -1;
    sqlite3_stmt *st = NULL;
    const char *sql =
        "SELECT c.check_id, c.verdict, c.previous, c.commit_id, c.author, c.committed, "
        "c.subject, w.repo FROM history_changes c JOIN history_walks w ON w.id = c.walk_id "
        "WHERE w.complete = 1 AND c.device = ?1 AND (?2 IS NULL OR c.check_id = ?2) AND "
        "w.id = (SELECT MAX(w2.id) FROM history_walks w2 JOIN history_changes c2 ON "
        "c2.walk_id = w2.id WHERE w2.complete = 1 AND c2.device = ?1) ORDER BY c.seq";
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        int rc = store_db_error(db, db_path, "no repository history in the database");
        sqlite3_close(db);
        return rc;
    }
    bind_opt(st, 1, device);
    bind_opt(st, 2, check);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 32;
            *rows = xrealloc(*rows, cap * sizeof(**rows));
        }
        struct store_change_row *r = &(*rows)[(*n)++];
        r->check = col_dup(st, 0);
        r->verdict = col_dup(st, 1);
        r->previous = col_dup(st, 2);
        r->commit = col_dup(st, 3);
        r->author = col_dup(st, 4);
        r->when = col_dup(st, 5);
        r->subject = col_dup(st, 6);
        if (!*repo)
            *repo = col_dup(st, 7);
    }
    int out = rc == SQLITE_DONE ? 0 : store_db_error(db, db_path, "cannot read the history");
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

void store_change_rows_free(struct store_change_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(rows[i].check);
        free(rows[i].verdict);
        free(rows[i].previous);
        free(rows[i].commit);
        free(rows[i].author);
        free(rows[i].when);
        free(rows[i].subject);
    }
    free(rows);
}
