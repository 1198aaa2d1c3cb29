/*
 * githistory.h - walking a configuration repository's git history into the
 * history database (scan --git; read back by `tsaudit since`).
 */
#ifndef TSAUDIT_CLI_GITHISTORY_H
#define TSAUDIT_CLI_GITHISTORY_H

#include "checks/checks.h"

struct git_walk_options {
    const char *repo;    /* a work tree or a bare repository */
    const char *since;   /* NULL, a date YYYY-MM-DD or a revision */
    const char *until;   /* NULL (HEAD) or a revision */
    const char *db_path; /* the history database (required) */
    const struct profile *profile;
    enum dialect vendor; /* DIALECT_UNKNOWN: detect */
    size_t max_file_size;
};

struct git_walk_result {
    size_t commits, versions, devices;
    char *workdir; /* the repository's work tree, NULL when bare (free it) */
};

/* Walk and record. 0, or -1 after a diagnostic (what was walked is kept
 * only when the whole walk succeeds). */
int git_history_walk(const struct git_walk_options *opt, struct git_walk_result *res);

#endif
