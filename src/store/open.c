/*
 * open.c - opening the history database: telling a tsaudit history from an
 * empty file and from some other program's database, migrating, and
 * reading where the database cannot be written.
 *
 * A history is marked with an application id (PRAGMA application_id, set
 * when tsaudit creates or first writes it); one written before that is
 * recognised by its runs table. A database holding other tables is never
 * written: '--db' on the wrong file must not add tables to it.
 *
 * Readers open read-only. A database in WAL mode needs its -shm file even
 * to be read; where the folder cannot be written that fails, and the
 * database is opened again as immutable (what the last checkpoint holds).
 */
#include "store/store_int.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define STORE_BUSY_MS 60000
#define STORE_APP_ID 0x54534155 /* "TSAU" */

int store_db_error(sqlite3 *db, const char *path, const char *what)
{
    diag_report(DIAG_ERROR, path, 0, "%s: %s", what, db ? sqlite3_errmsg(db) : "out of memory");
    return -1;
}

static sqlite3 *open_raw(const char *name, const char *path, int flags)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(name, &db, flags, NULL) != SQLITE_OK) {
        store_db_error(db, path, "cannot open the history database");
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, STORE_BUSY_MS);
    sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
    return db;
}

/* One integer from a query, or -1 when it fails. */
static long long query_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    long long v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    return v;
}

enum db_kind { DB_UNREADABLE, DB_EMPTY, DB_HISTORY, DB_FOREIGN };

/* What the database is; for a foreign one, its first tables' names in what. */
static enum db_kind db_kind(sqlite3 *db, char *what, size_t n)
{
    long long app = query_int(db, "PRAGMA application_id");
    long long tables = query_int(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' "
                                     "AND name NOT LIKE 'sqlite_%'");
    if (app < 0 || tables < 0)
        return DB_UNREADABLE;
    if (app == STORE_APP_ID)
        return DB_HISTORY;
    if (app == 0 && tables == 0)
        return DB_EMPTY;
    /* Written before the application id: a runs table with tsaudit's columns. */
    if (app == 0 && query_int(db, "SELECT COUNT(*) FROM pragma_table_info('runs') WHERE name IN "
                                  "('uuid', 'tool_version', 'complete')") == 3)
        return DB_HISTORY;
    sqlite3_stmt *st;
    *what = 0;
    if (sqlite3_prepare_v2(db,
                           "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                           "LIKE 'sqlite_%' ORDER BY name LIMIT 4",
                           -1, &st, NULL) == SQLITE_OK) {
        size_t len = 0;
        for (int i = 0; sqlite3_step(st) == SQLITE_ROW && len < n; i++)
            len += (size_t)snprintf(what + len, n - len, "%s%s", i ? ", " : "",
                                    (const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
    }
    return DB_FOREIGN;
}

/* Refuse anything but a tsaudit history or an empty database. */
static bool check_kind(sqlite3 *db, const char *path, bool empty_ok)
{
    char tables[200];
    switch (db_kind(db, tables, sizeof(tables))) {
    case DB_HISTORY:
        return true;
    case DB_EMPTY:
        if (empty_ok)
            return true;
        diag_report(DIAG_ERROR, path, 0, "not a tsaudit history database: it is empty");
        return false;
    case DB_FOREIGN:
        diag_report(DIAG_ERROR, path, 0,
                    "not a tsaudit history database: it holds other tables (%s); give --db a "
                    "new file",
                    tables);
        return false;
    case DB_UNREADABLE:
    default:
        store_db_error(db, path, "cannot read the history database");
        return false;
    }
}

static sqlite3 *open_write(const char *path, int migrate_to)
{
    sqlite3 *db = open_raw(path, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!db)
        return NULL;
    /* Before anything is written: journal mode and migrations change the file. */
    if (!check_kind(db, path, true)) {
        sqlite3_close(db);
        return NULL;
    }
    char *mode = NULL;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "PRAGMA journal_mode = WAL", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
            mode = xstrdup((const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
    }
    if (!mode) {
        store_db_error(db, path, "cannot use the history database");
        sqlite3_close(db);
        return NULL;
    }
    free(mode);
    sqlite3_exec(db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
    char sql[64];
    snprintf(sql, sizeof(sql), "PRAGMA application_id = %d", STORE_APP_ID);
    if (query_int(db, "PRAGMA application_id") != STORE_APP_ID &&
        sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
        store_db_error(db, path, "cannot write the history database");
        sqlite3_close(db);
        return NULL;
    }
    if (store_migrate(db, path, migrate_to) != 0) {
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

/* Whether the database and its folder can be written (for a migration). */
static bool writable(const char *path)
{
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash)
        slash[slash == dir ? 1 : 0] = 0;
    bool ok = access(path, W_OK) == 0 && access(slash ? dir : ".", W_OK) == 0;
    free(dir);
    return ok;
}

/* "file:PATH?immutable=1" with the characters a URI reserves escaped. */
static char *immutable_uri(const char *path)
{
    struct buf b;
    buf_init(&b, 0);
    buf_adds(&b, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++)
        if (*p == '%' || *p == '?' || *p == '#' || *p < 0x21 || *p >= 0x7f)
            buf_printf(&b, "%%%02X", *p);
        else
            buf_addc(&b, (char)*p);
    buf_adds(&b, "?immutable=1");
    char *s = xstrdup(buf_cstr(&b));
    buf_free(&b);
    return s;
}

/* A read-only open that failed because the WAL index cannot be created. */
static bool wal_needs_write(sqlite3 *db)
{
    int rc = sqlite3_extended_errcode(db) & 0xff;
    return rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN;
}

static sqlite3 *open_immutable(const char *path)
{
    static atomic_bool said;
    char *uri = immutable_uri(path);
    sqlite3 *db = open_raw(uri, path, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    free(uri);
    char wal[4096];
    struct stat st;
    snprintf(wal, sizeof(wal), "%s-wal", path);
    if (db && stat(wal, &st) == 0 && st.st_size > 0 && !atomic_exchange(&said, true))
        diag_report(DIAG_WARNING, path, 0,
                    "read without its write-ahead log (its folder cannot be written): runs "
                    "recorded since the last checkpoint are not shown");
    return db;
}

/* Oldest schema the readers understand without migrating. */
#define STORE_READ_MIN 2

static sqlite3 *open_read(const char *path)
{
    if (access(path, R_OK) != 0) {
        diag_report(DIAG_ERROR, path, 0, "cannot read the history database: %s", strerror(errno));
        return NULL;
    }
    sqlite3 *db = open_raw(path, path, SQLITE_OPEN_READONLY);
    int v = db ? (int)query_int(db, "PRAGMA user_version") : -1;
    if (db && v < 0 && wal_needs_write(db)) {
        sqlite3_close(db);
        db = open_immutable(path);
        v = db ? (int)query_int(db, "PRAGMA user_version") : -1;
    }
    if (!db)
        return NULL;
    if (v < 0 || !check_kind(db, path, v < store_schema_version() && writable(path))) {
        if (v < 0)
            store_db_error(db, path, "cannot read the history database");
        sqlite3_close(db);
        return NULL;
    }
    if (v > store_schema_version()) {
        diag_report(DIAG_ERROR, path, 0,
                    "database schema version %d is newer than this tsaudit knows (%d)", v,
                    store_schema_version());
        sqlite3_close(db);
        return NULL;
    }
    if (v < store_schema_version() && writable(path)) {
        /* Carry it forward through a short writable connection. */
        sqlite3_close(db);
        sqlite3 *rw = open_write(path, 0);
        if (!rw)
            return NULL;
        sqlite3_close(rw);
        return open_raw(path, path, SQLITE_OPEN_READONLY);
    }
    if (v < STORE_READ_MIN) {
        diag_report(DIAG_ERROR, path, 0,
                    "database schema version %d must be upgraded before it can be read, "
                    "which needs write access to it and its folder",
                    v);
        sqlite3_close(db);
        return NULL;
    }
    return db; /* an older schema read as it is: what it lacks reads as absent */
}

sqlite3 *store_open(const char *path, bool write, int migrate_to)
{
    return write ? open_write(path, migrate_to) : open_read(path);
}
