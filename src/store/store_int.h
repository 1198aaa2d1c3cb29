/*
 * store_int.h - internal to the store layer: opening and migrating the
 * database, and error reporting.
 */
#ifndef TSAUDIT_STORE_INT_H
#define TSAUDIT_STORE_INT_H

#include "store/store.h"

#include <sqlite3.h>

/* Number of migrations this build knows (the newest user_version). */
int store_schema_version(void);
/* Apply migrations up to target (<= 0: all). 0 or -1 after a diagnostic. */
int store_migrate(sqlite3 *db, const char *path, int target);
/* Report "path: error: what: sqlite message" and return -1. */
int store_db_error(sqlite3 *db, const char *path, const char *what);
/*
 * Open the database. For writing it is created if missing, put in WAL mode
 * and migrated to migrate_to (<= 0: newest). For reading it must exist; an
 * older schema is first migrated through a short writable connection, then
 * the database is opened read-only. NULL after a diagnostic.
 */
sqlite3 *store_open(const char *path, bool write, int migrate_to);

#endif
