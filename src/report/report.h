/*
 * report.h - writers that render one normalised result set in every format:
 * terminal text, JSON, SARIF 2.1.0, CSV, JUnit XML, HTML and OSCAL assessment
 * results; and the redaction of secrets in anything taken from configs.
 *
 * Writers stream: report_device() is called once per device, in scan order,
 * while the device's arena is alive; only report_finish() sees the estate-wide
 * parts (fleet findings, measure statuses, summary). Files are written through
 * atomic_file (temporary + rename) so an interrupted run never leaves a
 * half-written report. Sits above compliance.
 */
#ifndef TSAUDIT_REPORT_H
#define TSAUDIT_REPORT_H

#include "compliance/compliance.h"

/* How JUnit shows unknown and needs_context verdicts (--junit-unknown). */
enum report_junit_unknown {
    REPORT_JUNIT_UNKNOWN_SKIPPED, /* the default: skipped, with the reason */
    REPORT_JUNIT_UNKNOWN_FAILURE,
    REPORT_JUNIT_UNKNOWN_ERROR,
};

/*
 * What the outputs list (--checks, --skip-checks, --severity-min, --status,
 * --hide-passes). Every result is still counted in the totals, the measures
 * and the history; only the lists of results are shortened.
 */
struct report_filter {
    char *const *checks; /* globs on upper-case check ids; none: every check */
    size_t nchecks;
    char *const *skip; /* globs on check ids left out */
    size_t nskip;
    enum severity severity_min; /* SEV_INFO: every severity */
    unsigned verdicts;          /* bits (1u << verdict); 0: every verdict */
};
/* Anything set. */
bool report_filter_active(const struct report_filter *f);
/* The check is listed by its id and severity (verdict aside). */
bool report_filter_check(const struct report_filter *f, const struct check_def *c);
/* The result is listed. */
bool report_filter_result(const struct report_filter *f, const struct check_result *r);
/* The fleet finding is listed. */
bool report_filter_fleet(const struct report_filter *f, const struct fleet_finding *x);
/* What the filter keeps, in the words of the options ("--status fail"). */
void report_filter_describe(const struct report_filter *f, struct buf *out);

/* Metadata of one run, shared by every writer. */
/* One file that shaped the run, listed in the report's manifest. */
struct report_input {
    const char *role; /* "profile", "attestations", "rules", "framework", "catalog" */
    const char *path;
    char sha256[65]; /* empty when the file could not be read */
};

/*
 * When a device's current failure of a check began, from the history the run
 * was given (--db, and the repository history `scan --git` records there).
 * The report layer only reads these; the CLI fills them before the devices
 * stream. Only the HTML report shows them.
 */
struct report_since {
    const char *device; /* path relative to the scanned folder */
    const char *check;  /* check id */
    const char *when;   /* ISO 8601: the commit's date, or the first failing run's start */
    const char *commit; /* the commit that brought the failure in (scan --git), else NULL */
};

struct report_run {
    const char *tool_version;
    char run_id[40];          /* unique per run (uuid-like) */
    const char *started;      /* ISO 8601 UTC */
    const char *finished;     /* ISO 8601 UTC, set before report_finish() */
    int32_t as_of;            /* days */
    int tier;                 /* 1..3, 0 unknown */
    const char *code_edition; /* "2022" / "2026" */
    const char *provider_name;
    const char *profile_path;
    const char *profile_digest;
    const char *catalog_digest;
    char *const *scan_roots; /* the PATH arguments */
    const char *sarif_base;  /* absolute folder SARIF URIs are relative to, or NULL */
    size_t nscan_roots;
    bool show_secrets;
    bool json_compact;     /* JSON: check text once in "checks", not in each result */
    bool color;            /* terminal writer: ANSI colour allowed */
    enum severity fail_on; /* for the terminal summary's gate line; SEV_COUNT = never */
    enum report_junit_unknown junit_unknown;
    struct report_filter filter; /* what the lists of results show */
    size_t sarif_max_results;    /* SARIF keeps the most severe this many; 0 = all */
    /* --help-base-url: where docs/checks.md is published (an absolute URI,
     * report_help_url_error()); SARIF rules get helpUri URL#<id in lower
     * case>, or the URL with "{id}" replaced. NULL: no helpUri. */
    const char *help_base_url;
    /* The manifest: what a re-run needs to give the same report. */
    const struct report_input *inputs;
    size_t ninputs;
    /* The run's checks in result order, when they are not the registry's:
     * a stored run replayed with rules this process has not loaded. NULL:
     * checks_all(). Every writer takes its list of checks from here. */
    const struct check_def *const *checks;
    size_t nchecks;          /* checks in the run (with checks NULL: the registry's) */
    char checks_digest[65];  /* SHA-256 of the check ids and titles, in order */
    char devices_digest[65]; /* set before report_finish(): SHA-256 over each device's
                                path and content hash, in report order */
    /* Failing since, sorted by device then check (strcmp); NULL without history. */
    const struct report_since *since;
    size_t nsince;
    /* Measures not met or partly met without a break since a recorded run:
     * device NULL, check the measure id, sorted by it; NULL without runs. */
    const struct report_since *measure_since;
    size_t nmeasure_since;
};

/* The entry for (device, check) in run->since, or NULL. */
const struct report_since *report_since_find(const struct report_run *run, const char *device,
                                             const char *check);
/* The entry for a measure id in run->measure_since, or NULL. */
const struct report_since *report_measure_since_find(const struct report_run *run,
                                                     const char *measure);

/* Estate-wide counts collected while streaming (the scan keeps them). */
struct report_totals {
    size_t devices, devices_unreadable, devices_partial, devices_excluded;
    size_t devices_not_audited; /* unsupported platform or unknown dialect */
    size_t by_verdict[VERDICT_COUNT];
    size_t fail_by_severity[SEV_COUNT];
    size_t listed_fail_by_severity[SEV_COUNT]; /* the failures the filter lists */
    /* per check index: fail counts, for "top failing checks" */
    size_t *fail_by_check;
    size_t ncheck;
};

enum report_format {
    REPORT_TEXT,
    REPORT_JSON,
    REPORT_SARIF,
    REPORT_CSV,
    REPORT_JUNIT,
    REPORT_HTML,
    REPORT_OSCAL,
    REPORT_PLAN,
    REPORT_FORMAT_COUNT
};

/* Why url cannot be --help-base-url (not an absolute URI, a character a URI
 * cannot hold, a fragment already), or NULL when it can. */
const char *report_help_url_error(const char *url);

/* "text", "json", "sarif", "csv", "junit", "html", "oscal". */
const char *report_format_name(enum report_format f);
bool report_format_from_name(const char *name, enum report_format *out);
/* From an output file name: .json .sarif .csv .xml .html .oscal.json .txt */
bool report_format_from_path(const char *path, enum report_format *out);

struct report_writer;

/* Open a writer for path ("-" = stdout). NULL after a diagnostic on error. */
struct report_writer *report_open(enum report_format f, const char *path,
                                  const struct report_run *run);
/*
 * Open a writer on a stream the caller owns (a memory stream, a pipe); name
 * stands for it in diagnostics. report_finish() flushes out and leaves it
 * open; report_abort() leaves it as it is.
 */
struct report_writer *report_open_stream(enum report_format f, FILE *out, const char *name,
                                         const struct report_run *run);
/* Stream one device (results already waived by compliance). Returns 0 or -1. */
int report_device(struct report_writer *w, const struct device_result *d);
/* Write the estate-wide parts, close and commit the file. Frees w. 0 or -1. */
int report_finish(struct report_writer *w, const struct fleet_finding *ff, size_t nff,
                  const struct compliance_result *cr, const struct report_totals *totals);
/* Give up: remove the temporary, leave any existing file untouched. Frees w. */
void report_abort(struct report_writer *w);

/* A check's remediation for a dialect exactly as every writer prints it
 * (the generic one when the dialect has none); NULL when the check has none. */
const char *report_remediation(const struct check_def *c, enum dialect d);

/*
 * Text for HTML (element content or a quoted attribute) cleaned exactly as
 * the HTML report cleans it: markup characters escaped, invalid UTF-8 and
 * characters XML does not allow (escape and the other C0 controls) as
 * U+FFFD. NULL writes nothing. For pages built outside the writers (serve).
 */
void report_html_text(FILE *f, const char *s);

/*
 * Redaction of secrets in one line of configuration text (any dialect):
 * passwords, secrets, hashes, reversible secrets, keys, SNMP communities,
 * pre-shared keys and PEM blocks become "<redacted:TYPE>" (TYPE as in
 * secret_type_name(), e.g. "cisco-type7"). Returns a NUL-terminated string
 * in out (truncated to cap). Used by every writer for evidence text and by
 * anything else that prints config text.
 */
const char *redact_line(const char *text, size_t len, char *out, size_t cap);

/*
 * Text taken from a configuration made safe to print or store, exactly as
 * the writers do it: secrets redacted by pattern and every secret value of
 * device d (may be NULL) scrubbed, unless run->show_secrets; capped in
 * length. The result lives in out (reset first) until its next use.
 */
const char *report_clean(const struct report_run *run, const struct device_result *d,
                         const char *text, size_t len, struct buf *out);
/* The same with the device's secret values scrubbed but no pattern applied:
 * what the writers do to messages, hostnames and versions. */
const char *report_scrub(const struct report_run *run, const struct device_result *d,
                         const char *text, size_t len, struct buf *out);

#endif
