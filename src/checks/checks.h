/*
 * checks.h - the provider profile, the check registry, verdicts and the
 * per-device result set that every later stage (compliance, reports, store)
 * reads.
 *
 * A check is one row of a const table (struct check_def): a stable id, its
 * text, the Code measures it evidences and an evaluation function over the
 * vendor-independent model (model/model.h) and the profile. Sits above model.
 */
#ifndef TSAUDIT_CHECKS_H
#define TSAUDIT_CHECKS_H

#include "model/model.h"

/* ---------------------------------------------------------------- verdicts */

enum verdict {
    VERDICT_PASS,
    VERDICT_FAIL,
    VERDICT_NOT_APPLICABLE,
    VERDICT_UNKNOWN,
    VERDICT_NEEDS_CONTEXT,
    VERDICT_WAIVED, /* a fail covered by a current waiver (set by compliance) */
    VERDICT_COUNT
};
/* "pass", "fail", "not_applicable", "unknown", "needs_context", "waived". */
const char *verdict_name(enum verdict v);
bool verdict_from_name(const char *s, enum verdict *out);

enum severity { SEV_INFO, SEV_LOW, SEV_MEDIUM, SEV_HIGH, SEV_CRITICAL, SEV_COUNT };
/* "info", "low", "medium", "high", "critical". */
const char *severity_name(enum severity s);
bool severity_from_name(const char *s, enum severity *out);

/* ----------------------------------------------------------------- profile */

struct prefix_set {
    struct ip_prefix *v;
    size_t n;
    bool present; /* the key was in the profile (an empty list is still present) */
};

struct string_set {
    const char **v;
    size_t n;
    bool present;
};

/*
 * golden: the intended configuration of a group of devices (SW-CONFIG-DRIFT):
 * a template (a rendered configuration of the same dialect), and/or lines
 * that must be present (require) or absent (forbid), as regular
 * expressions on a statement's path (its parents' texts and its own).
 */
struct golden_rule {
    const char *match;         /* glob on hostname, file name or path */
    const char *template_path; /* NULL: no template */
    const char *template_text; /* NULL when it could not be read */
    size_t template_len;
    struct cfg_regex **require, **forbid;
    const char **require_src, **forbid_src;
    size_t nrequire, nforbid;
    uint32_t line; /* in the profile */
};

struct profile_device_rule {
    const char *match; /* glob on hostname, file name or path relative to the scanned folder */
    bool exclude;
    int tier; /* 0 = inherit */
    /* dialect: what the matching files are (a dialect, or a platform not
     * audited by its name); decides before inventories and the content. */
    enum dialect dialect;
    enum platform platform;
};

/*
 * Software support data (software_data.c): one row per release train, from
 * the built-in table (data/releases/releases.yaml) or the provider's file
 * (software.releases), which is looked up first.
 */
struct release_row {
    enum dialect dialect;
    const char *train;     /* release prefix ("4.26") or glob ("V800R021*") */
    int32_t end;           /* end of software maintenance, days (date_parse) */
    bool end_bound;        /* end is only the day by which the train had ended (a vendor list
                              read that day, or a bound from the vendor's policy): ended by
                              then, unknown before */
    const char *milestone; /* the vendor's name for that date */
    const char *source;    /* the vendor document the date comes from */
    const char *file;      /* where the row was read ("built-in" or a path) */
    uint32_t line;
};

struct release_table {
    struct release_row *v;
    size_t n;
};

/*
 * Read rows ("releases: [{platform, train, end_of_maintenance (or
 * ended_by), milestone, source}]") from YAML text into t (memory in arena). A bad row is a
 * "file:line:column: error: ..." diagnostic and is skipped; the others load.
 * Returns the number of errors.
 */
int release_table_load(struct release_table *t, struct arena *arena, const char *path,
                       const char *data, size_t len);
/* The built-in table, read once (thread-safe). */
const struct release_table *release_table_builtin(void);
/* Does the release as the configuration names it belong to the train? */
bool release_in_train(const char *release, const char *train);
/* The row for a release: the provider's table first, then the built-in. */
const struct release_row *release_lookup(const struct release_table *provider, enum dialect d,
                                         const char *release);

/*
 * Security advisories (advisory.c) for SW-VULN-FEATURE, read from CSAF 2.0
 * JSON (the OASIS format vendors publish) or a small YAML form. An advisory
 * is one vulnerability on one platform: the releases it affects, those that
 * fix it, and the configuration statements that turn the vulnerable feature
 * on (regular expressions on a statement's path: its own text after its
 * parents' texts, one space apart).
 */
#define ADVISORY_MAX_FEATURES 8

struct advisory {
    const char *id;    /* vendor advisory id (cisco-sa-..., JSA..., the CSAF tracking id) */
    const char *cve;   /* CVE id, or NULL */
    const char *title; /* or NULL */
    enum dialect dialect;
    const char **affected; /* trains or exact releases (release_in_train()) */
    size_t naffected;
    const char **fixed; /* releases that carry the fix */
    size_t nfixed;
    struct cfg_regex *feature[ADVISORY_MAX_FEATURES];
    const char *feature_src[ADVISORY_MAX_FEATURES];
    size_t nfeatures; /* 0: the advisory names no statement */
    const char *file;
    uint32_t line;
};

struct advisory_set {
    struct advisory *v;
    size_t n;
    bool present; /* software.advisories was given */
};

/*
 * Read one advisory file into set (memory and compiled patterns in arena):
 * CSAF 2.0 JSON when it starts with '{', else YAML ("advisories: [{id, cve,
 * platform, affected, fixed, feature}]", or entries with only id or cve and
 * feature, which add the statement to the CSAF advisory of that id). A
 * broken file or entry is one "file:line: error: ..." diagnostic and is
 * skipped. Returns the number of errors.
 */
int advisory_load(struct advisory_set *set, struct arena *arena, const char *path, const char *data,
                  size_t len);

/*
 * The provider profile (format: INTERFACES.md). Everything is optional: a
 * missing section leaves present=false and the checks that need it say
 * needs_context naming the field (e.g. "networks.paw").
 */
struct profile {
    const char *path; /* NULL when no profile was given */
    char digest[65];  /* sha256 of the file, "" without a file */
    /* sha256 over the files the profile names (release tables, advisories,
     * golden templates: path and bytes, in order); "" when it names none.
     * What a result depends on besides the profile itself (result cache). */
    char data_digest[65];
    const char *provider_name;
    int tier;      /* 1..3, 0 = not set */
    int32_t as_of; /* days (date_parse), valid when has_as_of */
    bool has_as_of;
    const char *code; /* "2022" / "2026" or NULL */
    struct prefix_set paw, management, corporate;
    struct prefix_set ntp, syslog, aaa, snmp_managers, tunnels;
    long *mgmt_ports;
    size_t nmgmt_ports;
    bool has_mgmt_ports;
    struct string_set onbox_apps, breakglass, allowed_accounts;
    struct prefix_set own_prefixes;
    long *own_asns;
    size_t nown_asns;
    struct cfg_regex *external_description; /* NULL = not set */
    const char *external_description_src;
    long idle_timeout_minutes; /* valid when has_idle_timeout */
    bool has_idle_timeout;
    struct cfg_regex *banner_regex; /* NULL = any banner */
    const char *banner_regex_src;
    struct profile_device_rule *devices;
    size_t ndevices;
    /* approved.mirrors: approved mirror/analyser destinations (addresses,
     * prefixes or port names as written); DATA-UNEXPECTED-MIRRORING. */
    struct string_set mirrors;
    /* cloud.management_groups: globs on the id, name or tags of the cloud
     * security groups, NSGs and firewall rules that guard management hosts;
     * CLOUD-MGMT-EGRESS and MGMT-WEB on cloud exports. */
    struct string_set cloud_mgmt_groups;

    /* networks.infrastructure and networks.customer: core and customer
     * address space (anti-spoofing, core protection). */
    struct prefix_set infrastructure, customer;
    /* approved.*: flow collectors, RPKI caches, configuration archives, and
     * a bogon list replacing the built-in one. */
    struct prefix_set flow_collectors, rpki_caches, backup_destinations, bgp_bogons;
    /* interfaces.management (name or description), customer_description,
     * encrypt_description (links that must be encrypted); NULL = not set. */
    struct cfg_regex *management_interfaces, *customer_description, *encrypt_description;
    const char *management_interfaces_src, *customer_description_src, *encrypt_description_src;

    /* policy.*: thresholds. Those with a default in the check catalogue hold
     * it until the profile sets them; has_* says the profile did. */
    long max_sessions; /* no default */
    bool has_max_sessions;
    bool oob_required; /* no default */
    bool has_oob_required;
    bool webui_allowed; /* an HTTPS web UI is wanted (no default) */
    bool has_webui_allowed;
    bool offbox_collection; /* configurations collected off the device (RANCID, Oxidized) */
    bool has_offbox_collection;
    bool dhcp_on_device; /* the device may serve DHCP (SVC-LEGACY); no default */
    bool has_dhcp_on_device;
    long lockout_attempts, lockout_minutes; /* 3 tries, 15 minutes */
    bool has_lockout_attempts, has_lockout_minutes;
    long password_min_length; /* 15 */
    bool has_password_min_length;
    long ssh_min_rsa_bits, ssh_min_dh_group; /* 3072, group 16 */
    bool has_ssh_min_rsa_bits, has_ssh_min_dh_group;
    const char *tls_min; /* "1.2" or "1.3"; default "1.2" */
    bool has_tls_min;
    long log_severity_min; /* syslog level 0-7; default 6 (informational) */
    bool has_log_severity_min;
    bool log_tls_required; /* default false: an out-of-band path is enough */
    bool has_log_tls_required;
    long bgp_max_prefix_len_v4, bgp_max_prefix_len_v6; /* 24, 48 */
    bool has_bgp_max_prefix_len_v4, has_bgp_max_prefix_len_v6;
    long key_lifetime_days; /* 180 */
    bool has_key_lifetime_days;

    /* software.*: the provider's release-support rows (software.releases,
     * looked up before the built-in table) and its approved releases
     * (software.approved: trains as release_in_train() reads them). Files
     * named in the profile are read relative to the profile's folder; a
     * broken one is reported and the run goes on without its bad rows. */
    struct release_table releases;
    bool has_releases;
    struct string_set approved_releases;
    /* software.advisories: CSAF or YAML advisory files (SW-VULN-FEATURE). */
    struct advisory_set advisories;
    /* golden: intended configurations by device group (SW-CONFIG-DRIFT). */
    struct golden_rule *golden;
    size_t ngolden;
    bool has_golden;
};

/* "emergencies".."debugging" for a syslog level 0-7. */
const char *syslog_level_name(long level);

/*
 * Load a profile from YAML into memory owned by arena (compiled regexes
 * included: they are released by arena_free()). Errors are reported
 * as "file:line:column: error: field 'x': ..." and counted; returns 0 when
 * the file loaded without errors, -1 otherwise (p is then still usable with
 * the fields that did load).
 */
int profile_load(struct profile *p, struct arena *arena, const char *path);
/* Same, from a buffer (tests, fuzzing); path is used in diagnostics. */
int profile_load_buffer(struct profile *p, struct arena *arena, const char *path, const char *data,
                        size_t len);
void profile_init_empty(struct profile *p);
/* First golden rule for a hostname or file (name or path), or NULL. */
const struct golden_rule *profile_golden_rule(const struct profile *p, const char *hostname,
                                              const char *file);
/* First matching devices: rule for a hostname or file name, or NULL. */
const struct profile_device_rule *profile_device_rule(const struct profile *p, const char *hostname,
                                                      const char *file);

/* ----------------------------------------------------------------- results */

/* One config line shown as evidence. text is a view into the device buffer
 * (valid while the device arena lives); writers redact secrets in it. */
struct evidence {
    uint32_t line;
    uint32_t len;
    const char *text;
};

struct check_def;

struct check_result {
    const struct check_def *check;
    enum verdict verdict;
    const char *message; /* never holds a secret value */
    struct evidence *evidence;
    uint32_t nevidence;
    const char *remediation; /* for this device's dialect; NULL if none */
    const char *waiver;      /* set by compliance when waived: reason */
    const char *waiver_expires;
    /* A fail without evidence: where the missing setting belongs
     * (check_anchor()). anchor_line is the line of the nearest enclosing
     * section the configuration has, anchor_section its path ("system
     * services"); line 1 with no section: it belongs at top level. 0: no
     * anchor. Not evidence: the line is not wrong. */
    uint32_t anchor_line;
    const char *anchor_section;
};

/* What a check evaluation sees. */
struct fleet_view;

struct check_ctx {
    const struct cfg_tree *tree;
    const struct device_model *model;
    const struct profile *profile;
    struct arena *arena; /* the device arena: allocate messages/evidence here */
    /* The estate's reuse decision when the device is scanned with others
     * (NULL otherwise); the device is found in it by its path. */
    const struct fleet_view *fleet;
    /* The assessment date (days, date_parse()) for checks that compare with
     * a calendar (software end of maintenance); 0: the profile's
     * assessment.as_of, else today (check_as_of()). */
    int32_t as_of;
};

/*
 * Helpers for check functions: set the verdict and a printf-style message
 * (allocated in ctx->arena), add evidence lines by node or by line number.
 */
void check_set(const struct check_ctx *ctx, struct check_result *r, enum verdict v, const char *fmt,
               ...) TS_PRINTF(4, 5);
void check_evidence_node(const struct check_ctx *ctx, struct check_result *r,
                         const struct cfg_node *n);
void check_evidence_line(const struct check_ctx *ctx, struct check_result *r, uint32_t line);
void check_evidence_fact(const struct check_ctx *ctx, struct check_result *r,
                         const struct fact_lines *lines);

/*
 * Set r's anchor when it failed without evidence (anchors.c): the section of
 * the configuration its setting belongs in, from a table of (check, dialect,
 * section path) rows, else top level. Not for cloud exports.
 */
void check_anchor(const struct check_ctx *ctx, struct check_result *r);
/* The table's section paths for a check on a dialect ('|' between
 * alternatives, '/' between levels), or NULL when it belongs at top level. */
const char *check_anchor_sections(const char *check, enum dialect d);

/* ----------------------------------------------------------------- registry */

enum check_scope {
    CHECK_DEVICE, /* evaluated per device */
    CHECK_FLEET,  /* evaluated across the estate from device summaries */
};

struct check_def {
    const char *id; /* stable, e.g. "MGMT-TELNET"; never reused */
    const char *title;
    const char *category;
    enum severity severity;
    const char *rationale;
    const char *const *measures; /* Code measure ids, NULL-terminated */
    const char *context;         /* profile fields it needs, e.g. "networks.paw", or NULL */
    const char *remediation[DIALECT_COUNT]; /* per dialect; [DIALECT_UNKNOWN] = generic */
    enum check_scope scope;
    void (*eval)(const struct check_ctx *ctx, struct check_result *r);
    const char *source; /* "builtin" or the rules file that defined it */
};

/* All checks: built-in first (stable order), then registered user rules. */
const struct check_def *const *checks_all(size_t *n);
const struct check_def *check_find(const char *id);
/* The check's remediation for a dialect (the generic one when it has none). */
const char *check_remediation(const struct check_def *c, enum dialect d);
/* Index of a check in checks_all() order (for compact per-device verdict arrays). */
size_t check_index(const struct check_def *c);
/* Add checks defined outside the built-in table (user rules). Not thread-safe:
 * call before any scan starts. The defs must outlive the run. */
void checks_register(const struct check_def *def);

/* -------------------------------------------------------- per-device result */

/*
 * Everything a report needs about one device. Produced per device by
 * checks_run_device(); lives in the device arena and is handed to the
 * writers, then freed with the arena. Its summary (below) is kept.
 */
struct device_result {
    const char *file;    /* path as found */
    const char *relpath; /* relative to the scan root (SARIF) */
    const char *hostname;
    enum dialect dialect;
    enum dialect_form form;
    const char *detect_signal;
    const char
        *detect_source; /* what decided: content, --vendor, profile devices, inventory, ... */
    const char *os_version;
    uint32_t statements, understood; /* the model's coverage; statements 0: not measured */
    char content_hash[65];
    const struct cfg_diag *diags;
    uint32_t ndiags;
    bool partial;                /* parse hit a limit or was malformed */
    bool excluded;               /* the profile excluded it: no results */
    const char *excluded_reason; /* why (NULL: a profile rule on the hostname) */
    bool unreadable;             /* could not be read or parsed at all */
    /* Not audited because its dialect is not one tsaudit reads: a platform
     * recognised but not audited (platform set), or unknown. The reason
     * names the deciding signal or the competing candidates. No results. */
    const char *not_audited;
    enum platform platform;
    struct check_result *results; /* one per check in checks_all() order */
    size_t nresults;
    /* The device's secret values (views), so writers can scrub them from any
     * text taken from the config in addition to pattern-based redaction. */
    const struct sv *secrets;
    size_t nsecrets;
};

/* Run every device-scope check on one parsed device. */
void checks_run_device(const struct check_ctx *ctx, struct device_result *out);

/* -------------------------------------------------------------- fleet data */

/*
 * Fingerprints of secrets, kept per device for fleet checks without keeping
 * the secret: kind ("local-user-hash", "snmp-community", "bgp-key", ...) and a
 * sha256 of the value (salted per run, never printed).
 */
/*
 * 16 bytes, because every device keeps its fingerprints for the whole run.
 * 88 bits of the salted hash leave a false match among a million secrets at
 * about one chance in 10^14.
 */
struct secret_fp {
    uint32_t line;
    uint8_t kind;   /* index for fleet_kind_name() */
    uint8_t fp[11]; /* the first 88 bits of the salted SHA-256 */
};

/* The name of a fingerprint kind ("snmp-community", "bgp-key", ...). */
const char *fleet_kind_name(unsigned kind);

/*
 * The small per-device summary kept for the whole run (one per device of
 * the estate, so it is kept small). While a device is checked, hostname,
 * verdicts and fps are malloc'd; `tsaudit scan` then moves them into its run
 * arena.
 */
struct device_summary {
    char *file;
    char *relpath;
    char *hostname;
    uint8_t *verdicts;     /* enum verdict per check index */
    struct secret_fp *fps; /* salted fingerprints of reusable secrets */
    uint32_t nverdicts;
    uint32_t nfps;
    uint32_t nredacted; /* secrets the collector removed (fleet verdict: unknown) */
    uint8_t dialect;    /* enum dialect */
    bool excluded, unreadable, partial;
    bool not_audited; /* unsupported platform or unknown dialect */
};

/*
 * A cross-device finding: secrets of one kind shared by a pair of devices
 * (or, for a secret on more than FLEET_MAX_PAIR_DEVICES devices, by all of
 * them at once).
 */
struct fleet_finding {
    const struct check_def *check;
    enum verdict verdict;
    char *message;     /* names the kind and the devices, never the value */
    char **devices;    /* device paths relative to the scanned folder (else files) */
    uint32_t *lines;   /* the line on each device */
    size_t *dev_index; /* index of each device in the summaries */
    size_t ndevices;
    const char *kind;     /* fleet_kind_name() of the shared secrets */
    char fingerprint[33]; /* stable across runs: check, kind and the devices' paths */
};

/* Larger reuse groups are one finding rather than one per pair. */
#define FLEET_MAX_PAIR_DEVICES 16

/* The name fleet results give a device: its relative path, else its file. */
const char *fleet_device_name(const struct device_summary *d);

/*
 * Fill s->fps (malloc'd, replacing nothing: s->fps must be NULL) with salted
 * fingerprints of the device's reusable secrets: local-user hashes and
 * reversible passwords, the enable secret, SNMP communities, routing keys
 * (BGP, OSPF, IS-IS), TACACS+/RADIUS keys and the other keys the model lists.
 * fp = sha256(run_salt NUL kind NUL value). Redacted and empty values are
 * skipped. The value itself is never kept.
 */
void checks_device_fingerprints(const struct device_model *m, const char *run_salt,
                                struct device_summary *s);

/*
 * Compare fingerprints across devices (excluded/unreadable ones are
 * ignored). Returns the number of findings and sets *out (malloc'd; free with
 * fleet_findings_free): for each secret seen on more than one device, one
 * finding per pair of those devices and kind of secret (all of them in one
 * finding when more than FLEET_MAX_PAIR_DEVICES share it), naming the
 * devices and the line on each, in a stable order. Also writes the per-device
 * verdict of every CHECK_FLEET check into devs[i].verdicts (when that array
 * is long enough): fail for a device involved, pass for a device with
 * fingerprints none of which is shared, unknown when every secret of the
 * device was redacted by the collector, not_applicable with no secrets.
 */
size_t checks_fleet_evaluate(const struct device_summary *devs, size_t n,
                             struct fleet_finding **out);

/*
 * The reuse decision for every device, built from the summaries of a first
 * pass over the estate (fingerprints only) so that each device's
 * CRED-UNIQUE-PER-DEVICE result is a verdict when the device is reported:
 * fail naming the other devices and the kind of secret, pass, unknown
 * (every secret redacted) or not_applicable. devs must outlive the view.
 */
struct fleet_view *fleet_view_build(const struct device_summary *devs, size_t n);
void fleet_view_free(struct fleet_view *v);
/* The index of the device read from file `path` in the view, or SIZE_MAX. */
size_t fleet_view_index(const struct fleet_view *v, const char *path);
/*
 * A device whose results were kept from an earlier run (a result cache):
 * decide again, from this estate's reuse view, the results that depend on
 * the other devices (CRED-UNIQUE-PER-DEVICE). t names the device (path) and
 * holds at least the lines of its secrets, which the finding cites.
 */
void checks_refresh_fleet(const struct fleet_view *v, const struct cfg_tree *t, struct arena *a,
                          const struct profile *p, struct device_result *d);
void fleet_findings_free(struct fleet_finding *f, size_t n);

#endif
