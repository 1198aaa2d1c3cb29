/*
 * store.h - the SQLite history of runs: recording a scan as it streams,
 * listing runs, comparing two runs, and the read-only dashboard's queries.
 *
 * A run is written in one transaction per batch of devices plus a completion
 * mark; readers only ever see runs whose mark is set, so a run killed half-way
 * never looks complete and never corrupts earlier runs. Sits above report
 * (it records the same normalised results the writers render).
 */
#ifndef TSAUDIT_STORE_H
#define TSAUDIT_STORE_H

#include "report/report.h"

struct store_run;

/* Open (creating or migrating) the database and start recording a run.
 * NULL after a diagnostic naming the file on error. */
struct store_run *store_run_begin(const char *db_path, const struct report_run *run,
                                  const struct profile *profile);
/* Record one device (verdicts, evidence with secrets redacted unless
 * run->show_secrets). 0 or -1. */
int store_run_device(struct store_run *s, const struct device_result *d);
/* Record estate-wide results, set the completion mark, close. Frees s. 0 or -1. */
int store_run_finish(struct store_run *s, const struct fleet_finding *ff, size_t nff,
                     const struct compliance_result *cr, const struct report_totals *totals);
/* Give up without marking the run complete. Frees s. */
void store_run_abort(struct store_run *s);

/* ------------------------------------------------------------- reading */

/* One complete run with its headline figures. */
struct store_run_row {
    int64_t id;
    char *uuid, *started, *finished, *as_of, *edition, *provider, *tool_version;
    int tier; /* 0 = not set */
    long devices, fails;
    long fails_by_severity[4]; /* critical, high, medium, low */
    long measures_met, measures_total;
};

/* Complete runs, oldest first. 0 or -1 after a diagnostic. */
int store_list_runs(const char *db_path, struct store_run_row **rows, size_t *n);
void store_run_rows_free(struct store_run_row *rows, size_t n);

/* A (device, check) pair, or a measure (device NULL), that differs between runs. */
struct store_change {
    char *device; /* relative path of the device's file */
    char *hostname;
    char *item;      /* check id, or measure id */
    char *severity;  /* checks only */
    char *from, *to; /* verdicts or measure statuses */
};

struct store_diff {
    struct store_run_row a, b;
    struct store_change *added, *removed; /* devices: item = dialect, from/to unused */
    size_t nadded, nremoved;
    struct store_change *new_fail, *fixed, *still_failing;
    size_t nnew_fail, nfixed, nstill_failing;
    struct store_change *measures; /* status changes */
    size_t nmeasures;
};

/*
 * Compare two complete runs, named by id or uuid; NULL for a means the run
 * before b, NULL for b the latest. 0 or -1 after a diagnostic.
 */
int store_diff_runs(const char *db_path, const char *a, const char *b, struct store_diff *out);
void store_diff_free(struct store_diff *d);

/*
 * Replay a complete run (by id or uuid) as the writers saw it: fills run
 * (strings in a) and calls open_cb(ctx, run, &catalog) - where the caller
 * opens its writers and picks the catalogue of the run's edition - then
 * device_cb once per device with a device_result rebuilt from the database
 * (checks this build does not know get a stand-in definition), then rebuilds
 * the measure statuses into cr against that catalogue (measures missing from
 * it are skipped; none without one). Used by 'serve' to render a stored run
 * with the same writers as 'scan'. 0, or -1 after a diagnostic or when a
 * callback returned non-zero.
 */
int store_replay_run(const char *db_path, const char *run_spec, struct arena *a,
                     struct report_run *run,
                     int (*open_cb)(void *ctx, const struct report_run *run,
                                    const struct catalog **catalog),
                     int (*device_cb)(void *ctx, const struct device_result *d), void *ctx,
                     struct compliance_result *cr);

/*
 * Render a complete run (by id or uuid) into out_path with the writer of
 * format, as 'scan' would have written it (the catalogue of the run's
 * edition; checks and requirements as the run recorded them). Never stops
 * the process on what the database holds. 0, or -1 after a diagnostic.
 */
int store_render_run(const char *db_path, const char *run_spec, enum report_format format,
                     const char *out_path);

/* One run's view of one device (by relative path), oldest run first. */
struct store_device_row {
    int64_t run_id;
    char *started;
    char *hostname;
    long fails, passes, unknowns;
    char *failing; /* failing check ids, comma-separated */
};
int store_device_history(const char *db_path, const char *device, struct store_device_row **rows,
                         size_t *n);
void store_device_rows_free(struct store_device_row *rows, size_t n);

struct store_device_ref {
    char *path;
    char *hostname;
    long fails;
};
/* Devices of the latest complete run, most failures first. */
int store_latest_devices(const char *db_path, struct store_device_ref **rows, size_t *n);
void store_device_refs_free(struct store_device_ref *rows, size_t n);

#endif
