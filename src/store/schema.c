/*
 * schema.c - the history database's schema, as an ordered list of
 * migrations. PRAGMA user_version holds the number of migrations applied;
 * opening a database applies the missing ones in one transaction each, so
 * a database from any earlier version is carried forward.
 *
 * Never edit a migration that has shipped: add a new one.
 */
#include "store/store_int.h"

static const char *const migrations[] = {
    /* 1: runs, devices, verdicts with evidence, measure statuses. */
    "CREATE TABLE runs (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uuid TEXT NOT NULL UNIQUE,\n"
    "  started TEXT NOT NULL,\n"
    "  finished TEXT,\n"
    "  as_of TEXT NOT NULL,\n"
    "  tier INTEGER,\n"
    "  edition TEXT,\n"
    "  provider TEXT,\n"
    "  profile_path TEXT,\n"
    "  profile_digest TEXT,\n"
    "  catalog_digest TEXT,\n"
    "  tool_version TEXT NOT NULL,\n"
    "  complete INTEGER NOT NULL DEFAULT 0,\n"
    "  devices INTEGER NOT NULL DEFAULT 0,\n"
    "  fails INTEGER NOT NULL DEFAULT 0\n"
    ");\n"
    "CREATE TABLE devices (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,\n"
    "  file TEXT NOT NULL,\n"
    "  relpath TEXT,\n"
    "  hostname TEXT,\n"
    "  dialect TEXT,\n"
    "  os_version TEXT,\n"
    "  content_hash TEXT,\n"
    "  partial INTEGER NOT NULL DEFAULT 0,\n"
    "  excluded INTEGER NOT NULL DEFAULT 0,\n"
    "  unreadable INTEGER NOT NULL DEFAULT 0\n"
    ");\n"
    "CREATE INDEX devices_run ON devices(run_id);\n"
    "CREATE TABLE results (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,\n"
    "  check_id TEXT NOT NULL,\n"
    "  verdict TEXT NOT NULL,\n"
    "  severity TEXT NOT NULL,\n"
    "  message TEXT,\n"
    "  waiver TEXT\n"
    ");\n"
    "CREATE INDEX results_device ON results(device_id);\n"
    "CREATE TABLE evidence (\n"
    "  result_id INTEGER NOT NULL REFERENCES results(id) ON DELETE CASCADE,\n"
    "  line INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL\n"
    ");\n"
    "CREATE INDEX evidence_result ON evidence(result_id);\n"
    "CREATE TABLE measures (\n"
    "  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,\n"
    "  measure_id TEXT NOT NULL,\n"
    "  section INTEGER,\n"
    "  title TEXT,\n"
    "  status TEXT NOT NULL,\n"
    "  overdue INTEGER NOT NULL DEFAULT 0,\n"
    "  due TEXT,\n"
    "  reason TEXT,\n"
    "  PRIMARY KEY (run_id, measure_id)\n"
    ");\n",

    /* 2: attestations behind measure statuses, fleet findings, parse
     * diagnostics, and per-severity headline counts for trends. */
    "CREATE TABLE attestations (\n"
    "  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,\n"
    "  measure_id TEXT NOT NULL,\n"
    "  status TEXT NOT NULL,\n"
    "  evidence TEXT,\n"
    "  owner TEXT,\n"
    "  date TEXT,\n"
    "  expires TEXT,\n"
    "  expired INTEGER NOT NULL DEFAULT 0\n"
    ");\n"
    "CREATE INDEX attestations_run ON attestations(run_id);\n"
    "CREATE TABLE fleet (\n"
    "  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,\n"
    "  check_id TEXT NOT NULL,\n"
    "  verdict TEXT NOT NULL,\n"
    "  message TEXT,\n"
    "  devices TEXT NOT NULL\n"
    ");\n"
    "CREATE TABLE diagnostics (\n"
    "  device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,\n"
    "  level TEXT NOT NULL,\n"
    "  line INTEGER,\n"
    "  message TEXT NOT NULL\n"
    ");\n"
    "ALTER TABLE runs ADD COLUMN fails_critical INTEGER NOT NULL DEFAULT 0;\n"
    "ALTER TABLE runs ADD COLUMN fails_high INTEGER NOT NULL DEFAULT 0;\n"
    "ALTER TABLE runs ADD COLUMN fails_medium INTEGER NOT NULL DEFAULT 0;\n"
    "ALTER TABLE runs ADD COLUMN fails_low INTEGER NOT NULL DEFAULT 0;\n"
    "ALTER TABLE runs ADD COLUMN measures_met INTEGER NOT NULL DEFAULT 0;\n"
    "ALTER TABLE runs ADD COLUMN measures_total INTEGER NOT NULL DEFAULT 0;\n"
    "CREATE INDEX results_check ON results(check_id, verdict);\n",

    /* 3: what a replay needs when this build does not know a run's checks
     * (user rules) or its requirements (a framework): each check's text as
     * the run had it, the framework's id, and each requirement's section
     * title, kind and mapped checks. */
    "CREATE TABLE run_checks (\n"
    "  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,\n"
    "  position INTEGER NOT NULL,\n"
    "  check_id TEXT NOT NULL,\n"
    "  title TEXT,\n"
    "  category TEXT,\n"
    "  severity TEXT NOT NULL,\n"
    "  rationale TEXT,\n"
    "  context TEXT,\n"
    "  measures TEXT,\n"
    "  source TEXT,\n"
    "  fleet INTEGER NOT NULL DEFAULT 0,\n"
    "  PRIMARY KEY (run_id, check_id)\n"
    ");\n"
    "CREATE TABLE run_check_remediation (\n"
    "  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,\n"
    "  check_id TEXT NOT NULL,\n"
    "  dialect TEXT NOT NULL,\n"
    "  text TEXT NOT NULL\n"
    ");\n"
    "CREATE INDEX run_check_remediation_run ON run_check_remediation(run_id);\n"
    "ALTER TABLE runs ADD COLUMN framework TEXT;\n"
    "ALTER TABLE measures ADD COLUMN section_title TEXT;\n"
    "ALTER TABLE measures ADD COLUMN kind TEXT;\n"
    "ALTER TABLE measures ADD COLUMN checks TEXT;\n",

    /* 4: verdict changes found by walking a configuration repository's
     * history (scan --git): one row per device, check and commit at which the
     * verdict changed, with the commit's author, date and subject. */
    "CREATE TABLE history_walks (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  repo TEXT NOT NULL,\n"
    "  head TEXT,\n"
    "  walked TEXT,\n"
    "  commits INTEGER NOT NULL DEFAULT 0,\n"
    "  versions INTEGER NOT NULL DEFAULT 0,\n"
    "  complete INTEGER NOT NULL DEFAULT 0\n"
    ");\n"
    "CREATE TABLE history_changes (\n"
    "  walk_id INTEGER NOT NULL REFERENCES history_walks(id) ON DELETE CASCADE,\n"
    "  seq INTEGER NOT NULL,\n"
    "  device TEXT NOT NULL,\n"
    "  check_id TEXT NOT NULL,\n"
    "  verdict TEXT NOT NULL,\n"
    "  previous TEXT,\n"
    "  commit_id TEXT NOT NULL,\n"
    "  author TEXT,\n"
    "  committed TEXT,\n"
    "  subject TEXT\n"
    ");\n"
    "CREATE INDEX history_changes_device ON history_changes(walk_id, device, check_id, seq);\n",
    /* 5: devices not audited (unsupported platform or unknown dialect) say
     * why; their dialect column holds "unsupported:<platform>" or "unknown". */
    "ALTER TABLE devices ADD COLUMN not_audited TEXT;\n",

    /* 6: who is writing a run, so that the next writer can tell a run whose
     * scan was killed (and remove it) from one still being recorded. */
    "ALTER TABLE runs ADD COLUMN writer_host TEXT;\n"
    "ALTER TABLE runs ADD COLUMN writer_pid INTEGER;\n"
    "ALTER TABLE runs ADD COLUMN writer_time INTEGER;\n",
};

int store_schema_version(void)
{
    return (int)ARRAY_SIZE(migrations);
}

int store_migrate(sqlite3 *db, const char *path, int target)
{
    if (target <= 0 || target > store_schema_version())
        target = store_schema_version();
    int version = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
        return store_db_error(db, path, "cannot read the schema version");
    if (sqlite3_step(st) == SQLITE_ROW)
        version = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (version > store_schema_version()) {
        diag_report(DIAG_ERROR, path, 0,
                    "database schema version %d is newer than this tsaudit knows (%d)", version,
                    store_schema_version());
        return -1;
    }
    while (version < target) {
        char pragma[64];
        if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
            return store_db_error(db, path, "cannot start a migration");
        /* Another process may have migrated while we waited for the lock. */
        if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
            if (sqlite3_step(st) == SQLITE_ROW)
                version = sqlite3_column_int(st, 0);
            sqlite3_finalize(st);
        }
        if (version >= target) {
            sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
            break;
        }
        snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", version + 1);
        if (sqlite3_exec(db, migrations[version], NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_exec(db, pragma, NULL, NULL, NULL) != SQLITE_OK) {
            store_db_error(db, path, "schema migration failed");
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            return -1;
        }
        if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
            return store_db_error(db, path, "cannot commit a migration");
        version++;
    }
    return 0;
}
