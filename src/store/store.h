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

/* ------------------------------------------------- repository history */

/* A commit as the history records it. */
struct store_commit {
    const char *id;      /* full hex object id */
    const char *author;  /* "Name <email>" */
    const char *when;    /* ISO 8601 UTC */
    const char *subject; /* first line of the message */
};

struct store_walk;
/* Start recording a walk of repo (its path as given) whose newest commit is
 * head. A walk replaces earlier walks of the same repository when it
 * completes. NULL after a diagnostic. */
struct store_walk *store_walk_begin(const char *db_path, const char *repo, const char *head);
/* One device's verdict for one check changed at commit c (previous NULL:
 * first seen; verdict "removed": the file was deleted). 0 or -1. */
int store_walk_change(struct store_walk *w, const char *device, const char *check,
                      const char *verdict, const char *previous, const struct store_commit *c);
/* Mark the walk complete (and drop the repository's older walks). Frees w. */
int store_walk_finish(struct store_walk *w, size_t commits, size_t versions);
void store_walk_abort(struct store_walk *w);

/* One verdict change of a device, from the newest complete walk holding it. */
struct store_change_row {
    char *check, *verdict, *previous;
    char *commit, *author, *when, *subject;
};
/* The changes of device (path relative to the repository), oldest first;
 * only those of check when it is not NULL. *repo gets the walked
 * repository's path (free it). 0, or -1 after a diagnostic. */
int store_device_changes(const char *db_path, const char *device, const char *check, char **repo,
                         struct store_change_row **rows, size_t *n);
void store_change_rows_free(struct store_change_row *rows, size_t n);

/* ------------------------------------------------------- dashboard */

/* Verdict totals at one point in time: a complete run, or a commit of a
 * walked repository (the totals once that commit's changes are counted). */
struct store_totals_row {
    int64_t run_id; /* 0 for a commit */
    char *when;     /* the run's start, or the commit's author date (ISO 8601 UTC) */
    char *label;    /* "run ID", or the commit's full id */
    long fail, pass, unknown;
};
/* Complete runs, oldest first. 0, or -1 after a diagnostic. */
int store_run_totals(const char *db_path, struct store_totals_row **rows, size_t *n);
/* The commits of the newest complete repository walk that changed a
 * verdict, oldest first (none when nothing was walked); *repo gets the
 * walked repository's path (free it). 0, or -1 after a diagnostic. */
int store_walk_totals(const char *db_path, char **repo, struct store_totals_row **rows, size_t *n);
void store_totals_rows_free(struct store_totals_row *rows, size_t n);

/* One check's verdict on a device in the newest complete run holding the
 * device, and where its failure began. */
struct store_finding_row {
    char *check, *verdict, *severity, *message;
    int64_t run_id;      /* the run of this verdict */
    bool latest;         /* run_id is the device's newest run */
    int64_t since_run;   /* failing: the first run of the unbroken failure; else 0 */
    char *since_started; /* that run's start */
};
/* A device's verdicts by check (relative path, as store_device_history);
 * keep the rows with latest set for its current findings. */
int store_device_findings(const char *db_path, const char *device, struct store_finding_row **rows,
                          size_t *n);
void store_finding_rows_free(struct store_finding_row *rows, size_t n);

/* A measure of the newest complete run, and the run since which it has
 * been not met or partial without a break. */
struct store_measure_row {
    char *id, *title, *status, *due;
    char *checks; /* the check ids evidencing it, one a line */
    int section;
    bool overdue;
    int64_t run_id;
    int64_t since_run; /* 0 unless not met or partial */
    char *since_started;
};
/* The newest run's measures by section and id. 0, or -1 after a diagnostic. */
int store_measures_since(const char *db_path, struct store_measure_row **rows, size_t *n);
void store_measure_rows_free(struct store_measure_row *rows, size_t n);

/* A check failing on a device at the end of a complete repository walk, and
 * the commit that began that failure. */
struct store_failing_row {
    char *device, *check;
    char *commit, *author, *when, *subject;
};
/* Every such failure (of device only, when not NULL). 0, or -1 after a diagnostic. */
int store_walk_failing(const char *db_path, const char *device, struct store_failing_row **rows,
                       size_t *n);
void store_failing_rows_free(struct store_failing_row *rows, size_t n);

/* Free a list of changes (store_compare_runs). */
void store_changes_free(struct store_change *c, size_t n);

/*
 * store_diff_runs() in one pass over the two runs' verdicts (the same runs
 * picked, the same lists filled; fast on large estates), plus in *changed
 * the verdict changes that involve no failure (pass to unknown, ...), by
 * device and check. Free with store_diff_free()
 * and store_changes_free(). 0, or -1 after a diagnostic.
 */
int store_compare_runs(const char *db_path, const char *a, const char *b, struct store_diff *out,
                       struct store_change **changed, size_t *nchanged);

/* ------------------------------------------------------- result cache */

struct result_cache;
/*
 * Open (creating) the cache DIR/results.sqlite for results made under
 * run_key (the digest of tool version, check set, profile, rules and forced
 * dialect: anything else is a miss, and older keys' rows are dropped). salt
 * gets the cache's fingerprint salt, which the run must use. NULL, after a
 * note, when the cache cannot be used: the scan goes on without it.
 */
struct result_cache *result_cache_open(const char *dir, const char *run_key, char salt[65]);
struct device_assessment;
/* Keys (key: 64 hex characters) name a device's bytes and how it is read;
 * the caller makes them. A cached result for this key into an assessment begun with
 * device_assess_begin(): the result (strings in its arena) and the summary's
 * fingerprints (malloc'd); the caller then calls device_assess_restored().
 * False on a miss or a record that does not decode. Thread-safe. */
bool result_cache_get(struct result_cache *c, const char *key, struct device_assessment *d);
/* Only the summary's fingerprints (what a first pass over the estate needs):
 * a small column read without the record. Same contract otherwise. */
bool result_cache_get_summary(struct result_cache *c, const char *key, struct device_assessment *d);
/* Keep an audited device's result (evidence cleaned as the reports print it;
 * nothing with --show-secrets), its secrets' lines cleaned, and what its
 * assessment wrote to stderr, which a hit says again. Thread-safe. A hit
 * sets d->tree to a tree holding only those cleaned lines. */
struct cache_input {
    const char *data; /* the file's bytes (the secrets' lines are kept cleaned) */
    size_t len;
    const char *err; /* what the assessment wrote to stderr (captured) */
    size_t errlen;
};
void result_cache_put(struct result_cache *c, const struct report_run *run, const char *key,
                      const struct device_result *d, const struct device_summary *sum,
                      const struct cache_input *in);
/* Save and close. */
void result_cache_close(struct result_cache *c);

#endif
