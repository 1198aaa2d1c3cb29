/*
 * tsaudit.h - libtsaudit, the public C API of tsaudit.
 *
 * Audit network device configurations against the UK Telecommunications
 * Security Code of Practice from a program: open a context (provider
 * profile, attestations and waivers, user rules, assessment date), assess
 * one configuration from memory or from a file, or a whole estate, read the
 * results, free them. The command-line tool and the Python package are built
 * on this library; a device gets the same verdicts whichever way it is
 * audited.
 *
 * This header is the whole API and the only header installed. It is C99,
 * self-contained and stable: within one soname (libtsaudit.so.0) functions
 * are only ever added, never changed or removed. TSA_API_VERSION counts the
 * additions. Everything not declared here is internal.
 *
 * Conventions:
 *  - Every object is opaque and freed by its own tsa_*_free() (NULL is fine).
 *  - Strings returned by the library are NUL-terminated UTF-8 owned by the
 *    object they came from; they stay valid until that object is freed.
 *  - Functions returning int return 0 on success and -1 on failure; a
 *    failure's diagnostics ("file:line: error: message" lines) are kept by
 *    the object (tsa_context_errors(), tsa_device_diagnostics(),
 *    tsa_estate_diagnostics()); nothing is printed to stderr.
 *  - Secrets found in configurations (passwords, hashes, keys, communities)
 *    are redacted as "<redacted:TYPE>" in every returned string unless
 *    tsa_context_set_show_secrets() said otherwise.
 *  - Threads: a context may be shared by several threads assessing devices
 *    once it is set up (the tsa_context_load_* and tsa_context_set_*
 *    calls are not thread-safe); devices and estates belong to one thread
 *    at a time. tsa_scan() calls are serialised inside the library.
 */
#ifndef TSAUDIT_PUBLIC_H
#define TSAUDIT_PUBLIC_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define TSA_API __attribute__((visibility("default")))
#else
#define TSA_API
#endif

/* The API level this header describes; tsa_api_version() says the library's. */
#define TSA_API_VERSION 1

/* The library's version ("0.1.0") and API level. */
TSA_API const char *tsa_version(void);
TSA_API int tsa_api_version(void);

/* ------------------------------------------------------------------ context */

/* Everything that shapes an assessment besides the configuration itself. */
struct tsa_context;

/* A context with no profile (checks that need one say needs_context), no
 * attestations, the built-in checks, today's date and the newest Code. */
TSA_API struct tsa_context *tsa_context_new(void);
TSA_API void tsa_context_free(struct tsa_context *ctx);

/*
 * The provider profile (YAML, docs/profile.md), from a file or from text
 * (name stands for the text in diagnostics; JSON is YAML too). A profile
 * with errors is not used: the context keeps its previous profile.
 */
TSA_API int tsa_context_load_profile(struct tsa_context *ctx, const char *path);
TSA_API int tsa_context_load_profile_text(struct tsa_context *ctx, const char *name,
                                          const char *text, size_t len);
/* Attestations and waivers (YAML, the --attest format). Waivers apply to
 * every device assessed afterwards; attestations count in tsa_scan(). */
TSA_API int tsa_context_load_attestations(struct tsa_context *ctx, const char *path);
/*
 * User rules (a YAML file or a folder of them, docs/rules.md). Rules join
 * the process's check registry: once loaded they run in every context, and
 * loading the same rule id twice is an error.
 */
TSA_API int tsa_context_load_rules(struct tsa_context *ctx, const char *path);
/* The assessment date, "YYYY-MM-DD" (waiver expiry, measure deadlines). */
TSA_API int tsa_context_set_as_of(struct tsa_context *ctx, const char *date);
/* The provider's tier (1, 2 or 3), overriding the profile's. */
TSA_API int tsa_context_set_tier(struct tsa_context *ctx, int tier);
/* Non-zero: do not redact secrets in returned text and written reports. */
TSA_API void tsa_context_set_show_secrets(struct tsa_context *ctx, int show);
/* The diagnostics of the last tsa_context_* call that failed ("" if none). */
TSA_API const char *tsa_context_errors(const struct tsa_context *ctx);

/* -------------------------------------------------------------- one device */

/* One configuration, assessed. */
struct tsa_device;

/*
 * Assess a configuration held in memory (len bytes; it is copied). name
 * stands for the device in diagnostics and results (NULL: "<text>").
 * dialect forces a dialect ("cisco-ios", "juniper-junos", ...; the names
 * of 'tsaudit detect'); NULL detects it. Returns NULL only when dialect is
 * not a dialect name or memory runs out; a configuration that cannot be
 * read or parsed still gives a device whose status says so.
 */
TSA_API struct tsa_device *tsa_assess_text(const struct tsa_context *ctx, const char *text,
                                           size_t len, const char *name, const char *dialect);
/* The same for a file. */
TSA_API struct tsa_device *tsa_assess_file(const struct tsa_context *ctx, const char *path,
                                           const char *dialect);
TSA_API void tsa_device_free(struct tsa_device *dev);

/* How far a device got. */
enum tsa_device_status {
    TSA_DEVICE_OK = 0,          /* parsed and checked */
    TSA_DEVICE_PARTIAL = 1,     /* checked, but the parser hit an error or a limit */
    TSA_DEVICE_UNREADABLE = 2,  /* could not be read (missing, binary, too large, empty) */
    TSA_DEVICE_NOT_AUDITED = 3, /* a platform or dialect tsaudit does not audit */
    TSA_DEVICE_EXCLUDED = 4,    /* the profile's devices: rules exclude it */
};
TSA_API enum tsa_device_status tsa_device_status(const struct tsa_device *dev);
/* "cisco-ios", ..., or "unknown". */
TSA_API const char *tsa_device_dialect(const struct tsa_device *dev);
/* The configured hostname, or the file's base name. */
TSA_API const char *tsa_device_hostname(const struct tsa_device *dev);
/* Why a device was not audited ("" otherwise). */
TSA_API const char *tsa_device_not_audited_reason(const struct tsa_device *dev);
/* The diagnostics the device produced, one "file:line: level: message\n" each. */
TSA_API const char *tsa_device_diagnostics(const struct tsa_device *dev);

/* One check's result on a device. Strings belong to the device. */
struct tsa_result {
    const char *check;       /* "MGMT-TELNET" */
    const char *verdict;     /* pass, fail, not_applicable, unknown, needs_context, waived */
    const char *severity;    /* info, low, medium, high, critical */
    const char *message;     /* why (never a secret) */
    const char *remediation; /* for the device's dialect; "" when none */
    size_t nevidence;        /* evidence lines: tsa_device_evidence() */
};

/* Results in check registry order, one per check. */
TSA_API size_t tsa_device_result_count(const struct tsa_device *dev);
TSA_API int tsa_device_result(const struct tsa_device *dev, size_t i, struct tsa_result *out);
/* Evidence line j of result i: its line number and its (redacted) text. */
TSA_API int tsa_device_evidence(const struct tsa_device *dev, size_t i, size_t j, unsigned *line,
                                const char **text);

/*
 * The device as one JSON object, exactly as it appears in the "devices"
 * array of the JSON report (docs/report.schema.json): file, hostname,
 * dialect, diagnostics, counts and results with evidence and measures.
 * *len (may be NULL) receives its length.
 */
TSA_API const char *tsa_device_json(struct tsa_device *dev, size_t *len);
/*
 * The same object with each result reduced to what is its own, as the
 * JSON report's --json-compact form writes it: check, verdict, message,
 * evidence, waiver, and remediation only when it is not the check's for the
 * device's dialect. The rest of a result (title, category, severity,
 * measures, the check's remediation) is in tsa_checks_json(). Smaller and
 * faster to read for a caller that keeps the check table.
 */
TSA_API const char *tsa_device_results_json(struct tsa_device *dev, size_t *len);
/* The extracted security model as JSON, as 'tsaudit facts' prints it
 * ("null" for a device that was not parsed). */
TSA_API const char *tsa_device_facts_json(struct tsa_device *dev, size_t *len);

/*
 * Every check the process runs (built-in, then loaded rules), in result
 * order, as a JSON array of {check, title, category, severity, scope
 * ("device", or "fleet" for a check whose verdict depends on the other
 * devices of an estate), source ("builtin" or a rules file), measures,
 * remediation: {dialect name: text or null, ...}}. The text belongs to ctx
 * until the next call or tsa_context_free().
 */
TSA_API const char *tsa_checks_json(struct tsa_context *ctx, size_t *len);

/* ------------------------------------------------------------------ estate */

/* An estate, assessed: every device, fleet findings, measure statuses. */
struct tsa_estate;

/*
 * Assess files and folders (RANCID/Oxidized trees, plain folders) as
 * 'tsaudit scan' does, with jobs worker threads (0: one per core), and
 * write a report to each of outputs (the format from the extension, as
 * scan's -o: .json .sarif .csv .xml .html .oscal.json .txt .plan.txt).
 * Returns NULL only when memory runs out; bad inputs are diagnostics and
 * the status says so.
 */
TSA_API struct tsa_estate *tsa_scan(const struct tsa_context *ctx, const char *const *paths,
                                    size_t npaths, int jobs, const char *const *outputs,
                                    size_t noutputs);
TSA_API void tsa_estate_free(struct tsa_estate *est);
/* What 'tsaudit scan --fail-on never' would exit with: 0 done, 2 an input
 * could not be read or parsed (the rest was assessed), 3 an output could
 * not be written or an internal error. */
TSA_API int tsa_estate_status(const struct tsa_estate *est);
/* The whole JSON report of the run (docs/report.schema.json). */
TSA_API const char *tsa_estate_json(const struct tsa_estate *est, size_t *len);
TSA_API const char *tsa_estate_diagnostics(const struct tsa_estate *est);

/* ------------------------------------------------------------ the programme */

/* The tsaudit command line: tsa_main(argc, argv) is 'tsaudit argv[1] ...'. */
TSA_API int tsa_main(int argc, char **argv);

#ifdef __cplusplus
}
#endif

#endif
