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

#endif
