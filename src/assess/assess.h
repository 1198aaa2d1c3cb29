/*
 * assess.h - one device's pipeline, the same for every command that audits
 * configurations ('scan', 'facts', the git history walk, the fuzz targets):
 *
 *   bytes -> detect (or --vendor) -> parse -> model -> [profile exclusion,
 *   checks, waivers, secret fingerprints] -> result and summary
 *
 * The caller reads the file (each command has its own size limit and error
 * wording) and owns the bytes; everything else lives in the assessment's
 * arena until device_assessment_free(). Diagnostics go through diag_report(),
 * so a caller that runs devices on several threads captures them per device
 * (diag_capture_begin) and prints them in input order.
 */
#ifndef TSAUDIT_ASSESS_H
#define TSAUDIT_ASSESS_H

#include "compliance/compliance.h"

struct assess_options {
    enum dialect vendor; /* DIALECT_UNKNOWN: detect from the content */
    /* What the device is when the caller has more sources than `vendor` and
     * the content (a scan's inventories and profile rules): fills det and
     * returns true, or returns false with the reason (why, cap bytes) the
     * device is excluded. NULL: `vendor`, else the content. */
    bool (*read_as)(const void *arg, const char *path, const char *relpath, const char *data,
                    size_t len, struct detect_result *det, char *why, size_t cap);
    const void *read_as_arg;
    /* NULL: stop after the model ('facts'): the model is extracted even for
     * an unknown dialect (it is then all unknown), and an empty file is
     * parsed like any other. Otherwise an unknown dialect is "not audited"
     * and an empty file unreadable, as in a scan. */
    const struct profile *profile;
    const struct attestations *attest; /* waivers; NULL: none */
    int32_t as_of;                     /* for waiver expiry */
    const char *salt;                  /* secret fingerprints into the summary; NULL: none */
    const struct cfg_limits *limits;   /* NULL: cfg_default_limits */
    bool summary;                      /* fill the summary (verdict bytes, hostname) */
    /* A scan's first pass: after the profile exclusion, only the secret
     * fingerprints (salt) into the summary; no checks. */
    bool fingerprints_only;
    /* The estate's reuse view for CRED-UNIQUE-PER-DEVICE (a scan's second
     * pass). NULL: decided by the device alone. */
    const struct fleet_view *fleet;
};

struct device_assessment {
    struct arena arena;
    struct detect_result det;
    struct cfg_tree *tree;      /* NULL: not parsed */
    struct device_model *model; /* NULL: not extracted */
    int parse_errors;           /* cfg_parse()'s count */
    struct device_result result;
    struct device_summary summary; /* heap parts: the caller frees or keeps them */
};

/*
 * Assess the bytes of one file (path for messages and the result, relpath
 * for the profile's device rules and reports). data must stay valid and
 * writable (CR-only line ends are rewritten in place) until the assessment
 * is freed.
 */
void device_assess(const struct assess_options *o, const char *path, const char *relpath,
                   char *data, size_t len, struct device_assessment *d);

/* Mark d unreadable (the caller could not read the file) with no other stage. */
void device_assess_unreadable(const struct assess_options *o, const char *path, const char *relpath,
                              struct device_assessment *d);

/* Begin an assessment whose result the caller fills itself (a result kept
 * from an earlier run): zeroed, the arena ready, file and relpath set. */
void device_assess_begin(const char *path, const char *relpath, struct device_assessment *d);
/* Finish an assessment the caller filled: waivers as device_assess() applies
 * them, and the summary (fingerprints, if any, must already be in it). */
void device_assess_restored(const struct assess_options *o, struct device_assessment *d);

/* Free the arena (not the summary's heap parts, nor the bytes). */
void device_assessment_free(struct device_assessment *d);

#endif
