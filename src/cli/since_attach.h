/*
 * since_attach.h - "failing since" for the reports, from the history in --db.
 */
#ifndef TSAUDIT_CLI_SINCE_ATTACH_H
#define TSAUDIT_CLI_SINCE_ATTACH_H

#include "report/report.h"

/*
 * Fill run->since (allocated in a) with when each failure of the scanned
 * files began, as far as the history in db knows it: from the repository
 * history `scan --git` walked into db (the commit that began each failure
 * still open at the end of the walk), else, for a file the walk holds no
 * failure of, from the runs recorded there (the first run of the unbroken
 * failure). Nothing when db is NULL or does not exist yet.
 */
void since_attach(struct report_run *run, const char *db, const struct walk_list *files,
                  struct arena *a);

#endif
