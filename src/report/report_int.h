/*
 * report_int.h - internal to the report layer: the table of writer
 * operations that report.c dispatches through, the state every writer
 * shares (output file, run metadata, running tallies), the escaping helpers
 * (escape.c), the cleaning of config-derived text (redact.c) and a few
 * small utilities (deterministic UUIDs, a string map, dates).
 */
#ifndef TSAUDIT_REPORT_INT_H
#define TSAUDIT_REPORT_INT_H

#include <stdlib.h>
#include <string.h>

#include "report/report.h"

/* Caps on what one report shows of untrusted input. */
#define RPT_MAX_TEXT 2000    /* bytes of one evidence line, message or name */
#define RPT_MAX_EVIDENCE 50  /* evidence lines per result */
#define RPT_MAX_SECRETS 4096 /* secret values scrubbed per device */

/* Everything a writer needs at report_finish(). */
struct report_estate {
    const struct fleet_finding *ff; /* the fleet findings the run's filter lists */
    size_t nff;
    size_t fleet_fail;                  /* failed fleet findings, listed or not (for totals) */
    const struct compliance_result *cr; /* may be NULL: no measures evaluated */
    const struct report_totals *totals; /* as passed by the caller (may be NULL) */
};

/* A device not audited (unsupported platform or unknown dialect). */
struct rpt_unaudited {
    char *device; /* relative path, else path */
    char *label;  /* "unsupported:h3c-comware" or "unknown" */
    char *reason;
};

/* Counts kept by report.c for every writer while devices stream past. */
struct report_tally {
    size_t devices, parsed, partial, unreadable, excluded;
    size_t not_audited;
    size_t not_audited_by[PLATFORM_COUNT]; /* [PLATFORM_NONE]: dialect unknown */
    struct rpt_unaudited *unaudited;       /* every device not audited, in scan order */
    struct rpt_unaudited *excluded_list;   /* excluded devices with a reason (label NULL) */
    size_t nexcluded_list;
    size_t by_verdict[VERDICT_COUNT];
    size_t fail_by_severity[SEV_COUNT];
    size_t listed_fail_by_severity[SEV_COUNT]; /* those the run's filter lists */
    size_t *fail_by_check;                     /* devices failing each check (checks_all() order) */
    size_t *context_by_check;                  /* devices where each check needs profile context */
#define RPT_TALLY_NAMES 5
    char *problem_files[RPT_TALLY_NAMES]; /* first unreadable or partial files */
    size_t nproblem_files;
    size_t ncheck;
    struct rpt_plan *plan; /* for the formats that show the fix-once plan */
};

/* ------------------------------------------------------------ the plan */

/* One action of the fix-once plan: the failures one remediation closes. */
struct rpt_plan_group {
    const struct check_def *check;
    enum dialect dialect;
    char *remediation; /* NULL when the check has none for the dialect */
    size_t devices;    /* failing results (one per device) it closes */
    size_t evidence_lines;
    char **names; /* the first devices, by path (up to the plan's name_cap) */
    size_t nnames, capnames;
};

struct rpt_plan {
    struct rpt_plan_group *groups;
    size_t n, cap;
    struct plan_bucket *buckets; /* per check index: its groups */
    size_t ncheck, name_cap, findings;
};

void rpt_plan_init(struct rpt_plan *p, size_t ncheck, size_t name_cap);
/* Add one device's failed results. */
void rpt_plan_add(struct rpt_plan *p, const struct device_result *d,
                  const struct report_filter *filter);
/* The groups ranked: severity, then devices closed, then check id and
 * dialect. An array of p->n pointers into p; free() it. */
struct rpt_plan_group **rpt_plan_rank(struct rpt_plan *p);
void rpt_plan_free(struct rpt_plan *p);
/*
 * The coverage sentence every writer shows: "412 of 430 devices audited; 18
 * not audited: 11 H3C / HPE Comware, 6 Aruba AOS-CX, 1 unknown" (excluded
 * devices are not counted; unreadable ones are not audited). Into out.
 */
const char *rpt_coverage(const struct report_tally *t, struct buf *out);
/* Devices counted as audited: not excluded, readable, of a dialect tsaudit reads. */
size_t rpt_audited(const struct report_tally *t);

struct report_writer;

/* One row per format: adding a format is one file and one row in report.c. */
struct report_ops {
    const char *name;
    int (*open)(struct report_writer *w);
    int (*device)(struct report_writer *w, const struct device_result *d);
    int (*finish)(struct report_writer *w, const struct report_estate *e);
    void (*release)(struct report_writer *w); /* free w->state (also on abort) */
};

/* Cleaned text already produced for the current device: one source line is
 * evidence for many checks. Direct-mapped by the text's address. */
#define RPT_CLEAN_CACHE 512
struct rpt_clean_entry {
    const char *text;
    size_t len;
    size_t off, n; /* the cleaned text in store */
    uint32_t gen;
    bool patterns;
};

/* A device's secret values prepared for scrubbing: trimmed, unquoted, and
 * the bytes they can start with. */
struct rpt_scrub_set {
    bool any;
    bool first[256];
    size_t n;
    struct sv *v;
};

struct rpt_clean_cache {
    struct rpt_scrub_set scrub; /* for the device of scrub_gen */
    struct sv scrub_values[RPT_MAX_SECRETS];
    uint32_t scrub_gen;
    struct rpt_clean_entry e[RPT_CLEAN_CACHE];
    struct buf store; /* the cached cleaned texts of the current device */
    uint32_t gen;     /* advanced for every device: older entries are stale */
    bool active;      /* only inside report_device(): one device, one gen */
};

struct report_writer {
    const struct report_ops *ops;
    enum report_format format;
    const struct report_run *run;
    struct atomic_file af;
    FILE *f;
    void *state; /* the format's own small state */
    struct report_tally tally;
    struct buf clean[3];           /* scratch for cleaned text (rpt_clean) */
    struct rpt_clean_cache *cache; /* NULL: no caching (report_clean()) */
    bool write_failed;             /* the output failed once: say so once */
};

extern const struct report_ops report_ops_text, report_ops_json, report_ops_sarif, report_ops_csv,
    report_ops_junit, report_ops_html, report_ops_oscal, report_ops_plan;

/* ------------------------------------------------------------- escaping */

/* UTF-8 decoding and terminal-safe text are core's (utf8_next, term_cstr). */

/* A JSON string literal (quotes included): control characters escaped,
 * invalid UTF-8 replaced by U+FFFD, and <, >, &, U+2028/9 escaped so the
 * literal is also safe inside an HTML <script> element. */
void rpt_json_str(FILE *f, const char *s, size_t n);
void rpt_json_cstr(FILE *f, const char *s); /* NULL -> null */

/* XML/HTML character data or attribute value (without quotes): & < > " '
 * escaped, invalid UTF-8 and characters XML 1.0 does not allow replaced by
 * U+FFFD; in attributes tab, CR and LF are written as references. */
void rpt_xml_str(FILE *f, const char *s, size_t n, bool attr);
void rpt_xml_cstr(FILE *f, const char *s, bool attr);

/* One CSV cell (RFC 4180): quoted when needed; a cell starting with = + - @,
 * tab or CR gets a leading apostrophe so spreadsheets do not run it as a
 * formula; invalid UTF-8 replaced by U+FFFD. */
void rpt_csv_cell(FILE *f, const char *s, size_t n);
void rpt_csv_cstr(FILE *f, const char *s);

/* Percent-encode a relative path for a URI (keeps / and unreserved). */
void rpt_uri_path(FILE *f, const char *s);

/* ----------------------------------------------------------- clean text */

/*
 * Text taken from a configuration, ready to print: secrets redacted by
 * pattern (redact_line, when patterns is set) and every secret value of the
 * device scrubbed, unless run->show_secrets; capped at RPT_MAX_TEXT bytes.
 * The result lives in w->clean[slot] until the next call with that slot.
 * d may be NULL (no per-device secrets).
 */
const char *rpt_clean(struct report_writer *w, int slot, const struct device_result *d,
                      const char *text, size_t len, bool patterns);
static inline const char *rpt_clean_cstr(struct report_writer *w, int slot,
                                         const struct device_result *d, const char *s,
                                         bool patterns)
{
    return s ? rpt_clean(w, slot, d, s, strlen(s), patterns) : NULL;
}

/* Redact into a buffer (the core of redact_line). */
void rpt_redact(struct buf *out, const char *text, size_t len);

/* ------------------------------------------------------------- utilities */

/* The run's checks (run->checks, or the registry): what results index. */
const struct check_def *const *rpt_checks(const struct report_writer *w, size_t *n);
/* A check's measure ids as a JSON array; its remediation per dialect as a
 * JSON object from dialect name to text ("" for any platform). */
void rpt_json_measures(FILE *f, const struct check_def *c);
void rpt_json_remediations(FILE *f, const struct check_def *c);
/* Index of c in rpt_checks(), SIZE_MAX when it is not there. */
size_t rpt_check_index(const struct report_writer *w, const struct check_def *c);

/* The device's identity: its path relative to the scanned folder, else the
 * file (as compliance and fleet findings name it). Hostnames are shown beside. */
const char *rpt_device_name(const struct device_result *d);
/* A UUID (version 5 layout, SHA-256 based) from the run id and the parts;
 * deterministic for the same inputs. out holds 37 bytes. */
void rpt_uuid(char out[37], const struct report_run *run, const char *a, const char *b,
              const char *c);
/* "YYYY-MM-DD" or NULL for an unknown (<= 0 never happens: 0 is 1970-01-01). */
const char *rpt_date(int32_t days, char out[11]);
/* Severity rank for sorting and the SARIF security-severity score. */
const char *rpt_security_severity(enum severity s);
/* The remediation for a dialect (falls back to the generic text). */
const char *rpt_remediation(const struct check_def *c, enum dialect d);

/* A small open-addressing map from strings (copied) to a size_t. */
struct rpt_map {
    char **keys;
    size_t *vals;
    size_t n, cap;
};
void rpt_map_init(struct rpt_map *m);
void rpt_map_free(struct rpt_map *m);
/* Pointer to the value of key, inserting 0 when absent. */
size_t *rpt_map_get(struct rpt_map *m, const char *key);
/* Pointer to the value, or NULL when absent. */
size_t *rpt_map_find(const struct rpt_map *m, const char *key);

#endif
