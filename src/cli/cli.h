/*
 * cli.h - the subcommands (one file each under src/cli/) and the small
 * helpers they share. dispatch.c maps command names to them.
 */
#ifndef TSAUDIT_CLI_H
#define TSAUDIT_CLI_H

#include "core/core.h"
#include "ingest/ingest.h"

struct profile;

/* Each returns the process exit status (INTERFACES.md: 0, 1, 2, 3). */
int cmd_scan(int argc, char **argv);
int cmd_detect(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_facts(int argc, char **argv);
int cmd_checks(int argc, char **argv);
int cmd_measures(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_history(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_plan(int argc, char **argv);
int cmd_since(int argc, char **argv);
int cmd_init(int argc, char **argv);

enum exit_status {
    EXIT_OK = 0,
    EXIT_FINDINGS = 1, /* a failed check at or above --fail-on */
    EXIT_INPUT = 2,    /* bad usage, or an input could not be read or parsed */
    EXIT_INTERNAL = 3,
};

/* The sources that may say what a device is, strongest first. */
struct reading_sources {
    enum dialect vendor;               /* --vendor, or DIALECT_UNKNOWN */
    const struct profile *profile;     /* its devices: rules (may be NULL) */
    const struct inventory *inventory; /* router.db, --inventory files (may be NULL) */
    bool warn_contradictions;          /* warn when the content says otherwise */
};

/*
 * What the file at path (relpath: relative to the scanned folder) is:
 * --vendor, else a profile rule, else an inventory entry, else the content
 * (out->source says which). Returns false, with the reason in why (cap
 * bytes), when the profile excludes the file or the inventory marks it down.
 */
bool cli_reading(const struct reading_sources *s, const char *path, const char *relpath,
                 const char *buf, size_t len, struct detect_result *out, char *why, size_t cap);

/* 'tsaudit <command> [options] [args]': argv[1] names the command
 * (dispatch.c holds the table). */
int cli_main(int argc, char **argv);

/* What decides how the file at path is read, as a short key ("content",
 * "vendor:...", the profile rule or the inventory entry that names it): with
 * the file's bytes it determines the device's results, as a result cache
 * needs. False when the file is excluded or marked down (not cached). */
bool cli_reading_key(const struct reading_sources *s, const char *path, const char *relpath,
                     char *out, size_t cap);

/* "tsaudit <cmd>: <message>" on stderr, for usage errors. Returns EXIT_INPUT. */
int cli_usage_error(const char *cmd, const char *fmt, ...) TS_PRINTF(2, 3);

/*
 * The name in names[0..n) nearest to word (case-insensitive edit distance),
 * or NULL when none is close enough to be a typing slip. NULL names skipped.
 */
const char *cli_nearest(const char *word, const char *const *names, size_t n);

struct option;
/*
 * After getopt_long() refused an option ('?', opterr = 0): name the word
 * actually given (e.g. '-profile'), or the option lacking its value (short
 * options as in shortopts), and
 * suggest the nearest long option. Returns EXIT_INPUT.
 */
int cli_bad_option(const char *cmd, int argc, char **argv, const char *shortopts,
                   const struct option *longopts);

/*
 * Can path be written as an output? Its folder must exist and be writable
 * and it must not be a folder. "-" and /dev/stdout always can. 0, or -1
 * after a "path: error: cannot write: ..." diagnostic.
 */
int cli_check_output(const char *path);

/*
 * s made safe for a terminal (term_clean() in core.h: no control
 * characters, valid UTF-8), for a printf argument: every text output passes
 * what came from an input (paths, host names, rule text, stored runs)
 * through it. The result stays valid for CLI_TERM_SLOTS more calls (one
 * thread). NULL gives "".
 */
#define CLI_TERM_SLOTS 8
const char *cli_term(const char *s);

#endif
