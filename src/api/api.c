/*
 * api.c - libtsaudit's context and single-device assessment (tsaudit.h).
 *
 * A context holds what the CLI reads from --profile, --attest, --rules,
 * --as-of and --tier. A device is one device_assess() run (the pipeline
 * every command uses) plus what the caller reads from it, rendered on
 * first use by the same code the reports use: the device's JSON by the
 * JSON report writer, its facts by 'tsaudit facts', its text cleaned of
 * secrets by report_clean().
 */
#include "api/api_int.h"

#include <stdlib.h>
#include <string.h>

#define TSA_DIAG_CAP (1u << 20) /* diagnostics kept per object */

const char *tsa_version(void)
{
    return TSAUDIT_VERSION;
}

int tsa_api_version(void)
{
    return TSA_API_VERSION;
}

/* ------------------------------------------------------------------ context */

struct tsa_context *tsa_context_new(void)
{
    struct tsa_context *c = xcalloc(1, sizeof(*c));
    arena_init(&c->arena);
    profile_init_empty(&c->profile);
    attest_init_empty(&c->attest);
    buf_init(&c->errors, TSA_DIAG_CAP);
    pthread_mutex_init(&c->lock, NULL);
    c->as_of = date_today();
    c->run.tool_version = TSAUDIT_VERSION;
    c->run.started = "";
    c->run.fail_on = SEV_COUNT;
    snprintf(c->run.run_id, sizeof(c->run.run_id), "library");
    c->run_compact = c->run;
    c->run_compact.json_compact = true;
    return c;
}

void tsa_context_free(struct tsa_context *c)
{
    if (!c)
        return;
    api_json_slots_free(c);
    pthread_mutex_destroy(&c->lock);
    free(c->profile_file);
    free(c->checks_json);
    buf_free(&c->errors);
    arena_free(&c->arena);
    free(c);
}

const char *tsa_context_errors(const struct tsa_context *c)
{
    return c ? buf_cstr((struct buf *)&c->errors) : "";
}

/* Start a call whose diagnostics go to the context's errors. */
static void errors_begin(struct tsa_context *c)
{
    buf_reset(&c->errors);
    diag_capture_begin(&c->errors);
}

static int errors_end(struct tsa_context *c, int rc)
{
    diag_capture_end();
    return rc;
}

/* A profile that loaded without errors replaces the context's. */
static int profile_take(struct tsa_context *c, struct profile *p, int rc, char *file)
{
    if (rc != 0) {
        free(file);
        return errors_end(c, -1);
    }
    c->profile = *p;
    if (c->profile.has_as_of && !c->has_as_of)
        c->as_of = c->profile.as_of;
    free(c->profile_file);
    c->profile_file = file;
    c->profile_text = NULL;
    return errors_end(c, 0);
}

int tsa_context_load_profile(struct tsa_context *c, const char *path)
{
    if (!c || !path)
        return -1;
    errors_begin(c);
    struct profile p;
    profile_init_empty(&p);
    int rc = profile_load(&p, &c->arena, path);
    return profile_take(c, &p, rc, xstrdup(path));
}

int tsa_context_load_profile_text(struct tsa_context *c, const char *name, const char *text,
                                  size_t len)
{
    if (!c || !text)
        return -1;
    errors_begin(c);
    struct profile p;
    profile_init_empty(&p);
    /* The profile keeps views into its text: give it the context's copy. */
    char *copy = arena_alloc(&c->arena, len + 1);
    memcpy(copy, text, len);
    copy[len] = '\0';
    int rc = profile_load_buffer(&p, &c->arena, name ? name : "<profile>", copy, len);
    rc = profile_take(c, &p, rc, NULL);
    if (rc == 0) {
        /* tsa_scan() writes it to a file of its own for the scan. */
        c->profile_text = copy;
        c->profile_len = len;
    }
    return rc;
}

int tsa_context_load_attestations(struct tsa_context *c, const char *path)
{
    if (!c || !path)
        return -1;
    errors_begin(c);
    struct attestations at;
    attest_init_empty(&at);
    if (attest_load(&at, &c->arena, path) != 0)
        return errors_end(c, -1);
    c->attest = at;
    c->has_attest = true;
    c->attest_file = arena_strdup(&c->arena, path);
    return errors_end(c, 0);
}

int tsa_context_load_rules(struct tsa_context *c, const char *path)
{
    if (!c || !path)
        return -1;
    errors_begin(c);
    return errors_end(c, rules_load_path(&c->arena, path) == 0 ? 0 : -1);
}

int tsa_context_set_as_of(struct tsa_context *c, const char *date)
{
    if (!c)
        return -1;
    errors_begin(c);
    int32_t d;
    if (!date || !date_parse(date, &d)) {
        diag_report(DIAG_ERROR, NULL, 0, "as_of takes a date YYYY-MM-DD, not '%s'",
                    date ? date : "(null)");
        return errors_end(c, -1);
    }
    c->as_of = d;
    c->has_as_of = true;
    return errors_end(c, 0);
}

int tsa_context_set_tier(struct tsa_context *c, int tier)
{
    if (!c)
        return -1;
    errors_begin(c);
    if (tier < 1 || tier > 3) {
        diag_report(DIAG_ERROR, NULL, 0, "tier takes 1, 2 or 3, not %d", tier);
        return errors_end(c, -1);
    }
    c->tier = tier;
    return errors_end(c, 0);
}

void tsa_context_set_show_secrets(struct tsa_context *c, int show)
{
    if (c)
        c->run.show_secrets = c->run_compact.show_secrets = show != 0;
}

/* -------------------------------------------------------------- one device */

/* What a device is: the dialect asked for, the profile's devices: rules,
 * else its content, as a scan decides it (cli_reading). */
static bool api_reading(const void *arg, const char *path, const char *relpath, const char *data,
                        size_t len, struct detect_result *det, char *why, size_t cap)
{
    return cli_reading(arg, path, relpath, data, len, det, why, cap);
}

/* Assess path's bytes (data, or read from path when NULL) as a scan would. */
static struct tsa_device *assess(const struct tsa_context *c, const char *name, char *data,
                                 size_t len, const char *dialect)
{
    enum dialect forced = DIALECT_UNKNOWN;
    if (dialect && !dialect_from_name(dialect, &forced)) {
        free(data);
        return NULL;
    }
    struct tsa_device *d = xcalloc(1, sizeof(*d));
    d->ctx = c;
    d->name = xstrdup(name);
    buf_init(&d->diags, TSA_DIAG_CAP);
    struct reading_sources reading = {.vendor = forced, .profile = &c->profile};
    struct assess_options o = {
        .vendor = forced,
        .read_as = api_reading,
        .read_as_arg = &reading,
        .profile = &c->profile,
        .attest = c->has_attest ? &c->attest : NULL,
        .as_of = c->as_of,
    };
    diag_capture_begin(&d->diags);
    if (!data && file_read_all(d->name, 0, true, &data, &len) != 0) {
        device_assess_unreadable(&o, d->name, NULL, &d->a);
    } else {
        d->data = data;
        device_assess(&o, d->name, NULL, data, len, &d->a);
    }
    diag_capture_end();
    return d;
}

struct tsa_device *tsa_assess_text(const struct tsa_context *c, const char *text, size_t len,
                                   const char *name, const char *dialect)
{
    if (!c || (!text && len))
        return NULL;
    char *data = xmalloc(len + 1);
    if (len)
        memcpy(data, text, len);
    data[len] = '\0';
    return assess(c, name ? name : "<text>", data, len, dialect);
}

struct tsa_device *tsa_assess_file(const struct tsa_context *c, const char *path,
                                   const char *dialect)
{
    if (!c || !path)
        return NULL;
    return assess(c, path, NULL, 0, dialect);
}

void tsa_device_free(struct tsa_device *d)
{
    if (!d)
        return;
    device_assessment_free(&d->a);
    free(d->data);
    buf_free(&d->diags);
    free(d->json);
    free(d->compact);
    free(d->facts);
    free(d->results);
    free(d->name);
    free(d);
}

enum tsa_device_status tsa_device_status(const struct tsa_device *d)
{
    const struct device_result *r = &d->a.result;
    if (r->not_audited)
        return TSA_DEVICE_NOT_AUDITED;
    if (r->unreadable)
        return TSA_DEVICE_UNREADABLE;
    if (r->excluded)
        return TSA_DEVICE_EXCLUDED;
    return r->partial ? TSA_DEVICE_PARTIAL : TSA_DEVICE_OK;
}

const char *tsa_device_dialect(const struct tsa_device *d)
{
    return dialect_name(d->a.result.dialect);
}

const char *tsa_device_not_audited_reason(const struct tsa_device *d)
{
    return d->a.result.not_audited ? d->a.result.not_audited : "";
}

const char *tsa_device_diagnostics(const struct tsa_device *d)
{
    return buf_cstr((struct buf *)&d->diags);
}
