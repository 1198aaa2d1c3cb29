/*
 * compliance.h - the Code of Practice as data (the measure catalogue, built
 * into the binary and overridable with --catalog), the provider's
 * attestations and waivers, and the per-measure evaluation for a tier on an
 * assessment date. Sits above checks: it reads check verdicts and the check
 * table (checks_all()), never configurations.
 *
 * Rules of the evaluation are written down in docs/compliance.md.
 */
#ifndef TSAUDIT_COMPLIANCE_H
#define TSAUDIT_COMPLIANCE_H

#include "checks/checks.h"

/* ---------------------------------------------------------------- catalogue */

/* How a measure can be assessed. */
enum measure_kind {
    MEASURE_AUTOMATED,   /* configuration checks decide it */
    MEASURE_HYBRID,      /* checks show part; an attestation covers the rest */
    MEASURE_ATTESTATION, /* no configuration can show it: the provider attests */
    MEASURE_KIND_COUNT
};
/* "automated", "hybrid", "attestation". */
const char *measure_kind_name(enum measure_kind k);
bool measure_kind_from_name(const char *s, enum measure_kind *out);

#define COMPLIANCE_TIERS 3 /* tiers 1..3; arrays below are indexed tier - 1 */

/*
 * When a tier is expected to have a measure in place. A date that no source
 * confirms is stored as unknown (known = false), never guessed. For
 * contract-based measures (trigger "contract") `date` is when new contracts
 * must carry the measure and `date_all` when every contract must.
 */
struct deadline {
    bool applies;   /* false: the tier is not expected to follow the measure (Tier 3) */
    bool known;     /* date is valid */
    int32_t date;   /* days since 1970-01-01 (date_parse) */
    bool all_known; /* date_all is valid (contract-based only) */
    int32_t date_all;
    bool verified;       /* the date is backed by a cited source */
    const char *trigger; /* NULL, or "contract" */
    const char *source;  /* short citation, or NULL */
    const char *note;    /* e.g. a conflict between sources, or why it is unknown */
};

/* Something an edition says (or is reported to say) about a measure or the Code. */
struct edition_note {
    const char *edition; /* "2022", "2026", or the override file */
    const char *topic;   /* short label, e.g. "deadline-horizon" */
    const char *text;
    const char *when; /* a date as stated by the source ("2028-03", "end of 2029"), or NULL */
    bool verified;
    const char *source;
    const char **measures; /* measure ids it concerns (may be empty) */
    size_t nmeasures;
};

struct measure {
    const char *id; /* "M11.14" */
    int section;    /* 1..21 for the 2022 Code */
    int serial;     /* the number after the dot */
    const char *section_title;
    const char *title;        /* one line, our own words */
    const char *summary;      /* same as title unless the catalogue gives both */
    const char **regulations; /* regulation paragraphs, e.g. "8(5)(e)" */
    size_t nregulations;
    const char *mapping_note; /* a known gap or anomaly in the regulation mapping, or NULL */
    const char **tags;        /* scope tags, e.g. "management-plane", "PAW" */
    size_t ntags;
    enum measure_kind kind;
    struct deadline deadlines[COMPLIANCE_TIERS];
    struct edition_note *notes; /* edition notes about this measure */
    size_t nnotes;
    const char *origin; /* "2022", "2026" or the override file that last changed it */
};

struct catalog_section {
    int number;
    const char *title;
    size_t nmeasures;
};

struct catalog {
    const char *edition; /* "2022" or "2026" */
    const char *version; /* "1.0" / "1.1" */
    const char *title;
    const char *status;       /* e.g. "in force", "laid in Parliament" */
    struct measure *measures; /* sorted by section, then serial */
    size_t nmeasures;
    struct catalog_section *sections; /* sorted by number */
    size_t nsections;
    struct edition_note *notes; /* edition-level facts (themes, horizons, softened items) */
    size_t nnotes;
    const char *override_path; /* --catalog file, or NULL */
};

/*
 * Load the built-in catalogue for `edition` ("2022", "2026", NULL = newest)
 * into memory owned by `a`, then apply `override_path` (a provider-maintained
 * YAML that adds or overrides measures, sections and deadlines), if given.
 * Errors are reported as "file:line:column: error: field 'x': ..." and
 * counted; an entry with errors is skipped whole. Returns 0, or -1 after
 * diagnostics: *out is then the catalogue with the entries that did load, or
 * NULL when the edition itself could not be loaded (unknown edition).
 */
int catalog_load(struct catalog **out, struct arena *a, const char *edition,
                 const char *override_path);
/* Same, with the override taken from a buffer (tests, fuzzing). */
int catalog_load_buffer(struct catalog **out, struct arena *a, const char *edition,
                        const char *override_name, const char *data, size_t len);
/* Editions built in, oldest first; NULL-terminated. */
const char *const *catalog_editions(void);

size_t catalog_count(const struct catalog *c);
const struct measure *catalog_measure(const struct catalog *c, size_t i);
const struct measure *catalog_find(const struct catalog *c, const char *id);
/* Index of m in the catalogue (for arrays parallel to it). */
size_t catalog_index(const struct catalog *c, const struct measure *m);
size_t catalog_section_count(const struct catalog *c);
const struct catalog_section *catalog_section(const struct catalog *c, size_t i);
const struct catalog_section *catalog_find_section(const struct catalog *c, int number);
/* Is s a well-formed measure id ("M<1-99>.<01-99>")? Fills section/serial when not NULL. */
bool measure_id_parse(const char *s, int *section, int *serial);
/* The leading regulation number of a paragraph ("8(5)(e)" -> 8), 0 if none. */
int regulation_number(const char *paragraph);

/* ---------------------------------------------------- attestations, waivers */

enum attest_status {
    ATTEST_IMPLEMENTED,
    ATTEST_PARTIAL,
    ATTEST_NOT_IMPLEMENTED,
    ATTEST_NOT_APPLICABLE,
    ATTEST_STATUS_COUNT
};
/* "implemented", "partial", "not_implemented", "not_applicable". */
const char *attest_status_name(enum attest_status s);
bool attest_status_from_name(const char *s, enum attest_status *out);

struct attestation {
    const char *measure;
    enum attest_status status;
    const char *evidence;
    const char *owner;
    int32_t date; /* valid when has_date */
    bool has_date;
    int32_t expires; /* valid when has_expires; absent = does not lapse */
    bool has_expires;
    const char *file;
    uint32_t line;
};

struct waiver {
    const char *check;   /* check id */
    const char *devices; /* glob on hostname, file path or file name */
    const char *reason;
    int32_t expires;          /* required: a waiver always lapses */
    const char *expires_text; /* "YYYY-MM-DD" as shown in reports */
    const char *file;
    uint32_t line;
};

struct attestations {
    const char *path; /* NULL when none was loaded */
    struct attestation *v;
    size_t n;
    struct waiver *waivers;
    size_t nwaivers;
};

void attest_init_empty(struct attestations *at);
/*
 * Load attestations and waivers (format: INTERFACES.md). Errors are reported
 * as "file:line:column: error: field 'x': ..." and counted; entries with
 * errors are skipped, the rest load. Returns 0 without errors, -1 otherwise.
 */
int attest_load(struct attestations *out, struct arena *a, const char *path);
int attest_load_buffer(struct attestations *out, struct arena *a, const char *path,
                       const char *data, size_t len);

/*
 * The attestation that counts for a measure on as_of: the latest-dated one
 * that has not expired (expires >= as_of). When none counts but one exists
 * that has expired, returns NULL and sets *expired to the latest expired one.
 */
const struct attestation *attest_current(const struct attestations *at, const char *measure,
                                         int32_t as_of, const struct attestation **expired);

/* Is the waiver current on as_of (expires >= as_of)? */
bool waiver_current(const struct waiver *w, int32_t as_of);
/* The first current waiver for (check id, device), or NULL. device_file may be NULL. */
const struct waiver *waiver_find(const struct attestations *at, const char *check_id,
                                 const char *hostname, const char *device_file, int32_t as_of);

/*
 * Turn each failed result covered by a current waiver into VERDICT_WAIVED,
 * setting result.waiver (reason) and result.waiver_expires. Called per device
 * before it is reported; safe to call from several threads on different
 * devices. at may be NULL (nothing happens).
 */
void waivers_apply(const struct attestations *at, int32_t as_of, struct device_result *d);

/* Problems with how an attestations file fits this run, as "file:line: text". */
struct attest_warnings {
    const char **v;
    size_t n;
};

/*
 * Warn (on stderr, and into out for the reports) about attestations for
 * measures the catalogue lacks, waivers for unknown checks and waivers whose
 * devices glob matched none of devs. None of these changes a verdict.
 */
void attest_check_usage(const struct attestations *at, const struct catalog *c,
                        const struct device_summary *devs, size_t ndevs, struct arena *a,
                        struct attest_warnings *out);

/* --------------------------------------------------------------- evaluation */

enum measure_status_kind {
    MEASURE_MET,
    MEASURE_NOT_MET,
    MEASURE_PARTIAL,
    MEASURE_ATTESTATION_REQUIRED,
    MEASURE_NOT_YET_DUE,
    MEASURE_NOT_APPLICABLE,
    MEASURE_STATUS_COUNT
};
/* "met", "not_met", "partial", "attestation_required", "not_yet_due", "not_applicable". */
const char *measure_status_name(enum measure_status_kind s);
bool measure_status_from_name(const char *s, enum measure_status_kind *out);

#define COMPLIANCE_MAX_FINDINGS 50 /* (device, check) pairs kept per measure */

/* One device/check pair behind a status that is not met. */
struct measure_finding {
    const char *device;   /* path relative to the scanned folder (or the file) */
    const char *check;    /* check id */
    enum verdict verdict; /* fail, waived, unknown or needs_context */
    bool fleet;           /* from a fleet finding */
};

struct measure_status {
    const struct measure *measure;
    enum measure_status_kind status;
    /* What the status is on its own merits; differs from status when the
     * measure is not yet due or does not apply to the tier. */
    enum measure_status_kind assessed;
    bool overdue; /* due on as_of and not met (never claimed when due is unknown) */
    bool applies; /* the tier is expected to follow the measure */
    bool due_known;
    int32_t due;
    bool due_all_known; /* contract-based: all contracts */
    int32_t due_all;
    const char *deadline_source;
    bool deadline_verified;
    const char *deadline_trigger;
    enum measure_kind
        kind_used; /* the kind evaluated (see docs when it differs from the catalogue) */
    const struct check_def **checks; /* checks mapped to the measure */
    size_t nchecks;
    struct measure_finding *findings; /* capped at COMPLIANCE_MAX_FINDINGS */
    size_t nfindings;
    size_t total_findings; /* all pairs, beyond the cap */
    size_t npass, nfail, nwaived, nunknown, nneeds_context, nnot_applicable;
    size_t ndevices; /* devices that gave a verdict on at least one mapped check */
    const struct attestation *attestation;         /* the one used, or NULL */
    const struct attestation *expired_attestation; /* lapsed, shown but not counted */
    const char *reason;                            /* short text */
};

struct status_counts {
    size_t total;
    size_t by_status[MEASURE_STATUS_COUNT];
    size_t overdue;
};

struct section_counts {
    int section;
    const char *title;
    struct status_counts counts;
};

struct regulation_counts {
    int regulation; /* 1..15 */
    struct status_counts counts;
};

/* A date on which measures fall due for the tier, after as_of. */
struct due_date {
    int32_t date;
    size_t nmeasures;
    bool verified;     /* every deadline on this date is verified */
    const char *first; /* the first measure id due on it */
};

struct compliance_result {
    const char *edition;
    int tier; /* 0 = not set: deadlines are unknown */
    int32_t as_of;
    struct measure_status *v; /* parallel to the catalogue */
    size_t n;
    struct status_counts totals;
    size_t unknown_deadlines; /* measures whose due date for the tier is unknown */
    struct section_counts *sections;
    size_t nsections;
    struct regulation_counts *regulations; /* only regulations that have measures */
    size_t nregulations;
    struct due_date *due_next; /* at most 5, soonest first */
    size_t ndue_next;
    const struct waiver **expired_waivers; /* listed in every report */
    size_t nexpired_waivers;
    const struct attestation **expired_attestations;
    size_t nexpired_attestations;
    struct attest_warnings warnings; /* set by the caller; listed in every report */
    size_t ndevices;                 /* devices evaluated (not excluded, not unreadable) */
};

/*
 * Give every catalogue measure a status for `tier` on `as_of`.
 * devs[i].verdicts[j] is the verdict of checks_all()[j]; fleet findings count
 * as fails (or waived, when a waiver covers them) for the devices they name.
 * Excluded and unreadable devices are skipped. Everything is allocated in a.
 */
void compliance_evaluate(const struct catalog *c, const struct attestations *at, int tier,
                         int32_t as_of, const struct device_summary *devs, size_t ndevs,
                         const struct fleet_finding *ff, size_t nff, struct arena *a,
                         struct compliance_result *out);

/*
 * The same over an explicit check table (checks[j] is the check of
 * verdicts[j]); compliance_evaluate() passes checks_all().
 */
void compliance_evaluate_checks(const struct catalog *c, const struct attestations *at, int tier,
                                int32_t as_of, const struct check_def *const *checks,
                                size_t nchecks, const struct device_summary *devs, size_t ndevs,
                                const struct fleet_finding *ff, size_t nff, struct arena *a,
                                struct compliance_result *out);

/*
 * Checks mapped to measure m (from the measures lists of the check table),
 * allocated in a. Returns the count.
 */
size_t compliance_checks_for(const struct measure *m, const struct check_def *const *checks,
                             size_t nchecks, struct arena *a, const struct check_def ***out);

#endif
