/*
 * attest.c - the provider's attestations (status of measures no
 * configuration can show) and waivers (accepted risks for a check on some
 * devices), loaded from YAML (format: INTERFACES.md), and applying waivers to
 * a device's results.
 */
#include "compliance/compliance_int.h"

#include <stdlib.h>
#include <string.h>

#define MAX_ENTRIES 20000

static const char *const attest_names[ATTEST_STATUS_COUNT] = {"implemented", "partial",
                                                              "not_implemented", "not_applicable"};

const char *attest_status_name(enum attest_status s)
{
    return (unsigned)s < ATTEST_STATUS_COUNT ? attest_names[s] : "?";
}

bool attest_status_from_name(const char *s, enum attest_status *out)
{
    for (int i = 0; i < ATTEST_STATUS_COUNT; i++)
        if (s && strcmp(s, attest_names[i]) == 0) {
            *out = (enum attest_status)i;
            return true;
        }
    return false;
}

void attest_init_empty(struct attestations *at)
{
    memset(at, 0, sizeof(*at));
}

static void parse_attestation(struct cydoc *d, yaml_node_t *n, struct attestation *out, bool *ok)
{
    memset(out, 0, sizeof(*out));
    out->file = d->y.path;
    out->line = (uint32_t)n->start_mark.line + 1;
    int before = d->y.errors;
    struct cy_map_iter it;
    if (!cy_map_begin(d, n, "attestations", &it)) {
        *ok = false;
        return;
    }
    const char *key;
    yaml_node_t *k, *v, *date_node = NULL, *exp_node = NULL;
    bool has_status = false;
    while (cy_map_next(d, &it, &key, &k, &v)) {
        if (strcmp(key, "measure") == 0) {
            const char *s = cy_str(d, v, key);
            if (s && !measure_id_parse(s, NULL, NULL))
                cy_diag(d, DIAG_ERROR, v, key, "'%.40s' is not a measure id (M<section>.<nn>)", s);
            else
                out->measure = s;
        } else if (strcmp(key, "status") == 0) {
            const char *s = cy_str(d, v, key);
            if (s && !attest_status_from_name(s, &out->status))
                cy_diag(d, DIAG_ERROR, v, key,
                        "expected implemented, partial, not_implemented or not_applicable, "
                        "found '%.40s'",
                        s);
            else if (s)
                has_status = true;
        } else if (strcmp(key, "evidence") == 0)
            out->evidence = cy_str(d, v, key);
        else if (strcmp(key, "owner") == 0)
            out->owner = cy_str(d, v, key);
        else if (strcmp(key, "date") == 0) {
            date_node = v;
            out->has_date = cy_date(d, v, key, false, &out->date, NULL);
        } else if (strcmp(key, "expires") == 0) {
            exp_node = v;
            out->has_expires = cy_date(d, v, key, false, &out->expires, NULL);
        } else
            cy_diag(d, DIAG_WARNING, k, key, "unknown field in an attestation, ignored");
    }
    if (d->y.errors == before) {
        if (!out->measure)
            cy_diag(d, DIAG_ERROR, n, "measure", "an attestation needs a measure");
        else if (!has_status)
            cy_diag(d, DIAG_ERROR, n, "status", "an attestation needs a status");
        else if (out->has_date && out->has_expires && out->expires < out->date)
            cy_diag(d, DIAG_ERROR, exp_node, "expires", "is before the attestation's date");
    }
    (void)date_node;
    *ok = d->y.errors == before;
}

static void parse_waiver(struct cydoc *d, yaml_node_t *n, struct waiver *out, bool *ok)
{
    memset(out, 0, sizeof(*out));
    out->file = d->y.path;
    out->line = (uint32_t)n->start_mark.line + 1;
    int before = d->y.errors;
    struct cy_map_iter it;
    if (!cy_map_begin(d, n, "waivers", &it)) {
        *ok = false;
        return;
    }
    const char *key;
    yaml_node_t *k, *v;
    bool has_expires = false;
    while (cy_map_next(d, &it, &key, &k, &v)) {
        if (strcmp(key, "check") == 0)
            out->check = cy_str(d, v, key);
        else if (strcmp(key, "devices") == 0)
            out->devices = cy_str(d, v, key);
        else if (strcmp(key, "reason") == 0)
            out->reason = cy_str(d, v, key);
        else if (strcmp(key, "expires") == 0) {
            has_expires = cy_date(d, v, key, false, &out->expires, NULL);
            if (has_expires) {
                char *t = arena_alloc(d->y.arena, 11);
                date_format(out->expires, t);
                out->expires_text = t;
            }
        } else
            cy_diag(d, DIAG_WARNING, k, key, "unknown field in a waiver, ignored");
    }
    if (d->y.errors == before) {
        if (!out->check)
            cy_diag(d, DIAG_ERROR, n, "check", "a waiver needs a check id");
        else if (!out->devices)
            cy_diag(d, DIAG_ERROR, n, "devices",
                    "a waiver needs a devices glob (use \"*\" for every device)");
        else if (!out->reason)
            cy_diag(d, DIAG_ERROR, n, "reason", "a waiver needs a reason");
        else if (!has_expires)
            cy_diag(d, DIAG_ERROR, n, "expires", "a waiver needs an expiry date");
    }
    *ok = d->y.errors == before;
}

/* The top-level sections of a provider profile (INTERFACES.md). */
static bool looks_like_profile(const char *key)
{
    static const char *const sections[] = {"provider",   "assessment", "networks",
                                           "approved",   "accounts",   "own",
                                           "interfaces", "policy",     "devices"};
    for (size_t i = 0; i < ARRAY_SIZE(sections); i++)
        if (strcmp(key, sections[i]) == 0)
            return true;
    return false;
}

int attest_load_buffer(struct attestations *out, struct arena *a, const char *path,
                       const char *data, size_t len)
{
    attest_init_empty(out);
    path = path ? path : "-";
    out->path = arena_strdup(a, path);
    struct cydoc d;
    if (cy_open(&d, a, out->path, data, len) != 0)
        return -1;
    yaml_node_t *root = cy_root(&d);
    struct cy_map_iter it;
    if (root && cy_map_begin(&d, root, NULL, &it)) {
        const char *key;
        yaml_node_t *k, *v;
        int said_profile = 0;
        while (cy_map_next(&d, &it, &key, &k, &v)) {
            bool is_att = strcmp(key, "attestations") == 0;
            bool is_wai = strcmp(key, "waivers") == 0;
            if (!is_att && !is_wai) {
                if (looks_like_profile(key) && !said_profile++)
                    cy_diag(&d, DIAG_ERROR, k, key,
                            "this looks like a provider profile, not an attestations file "
                            "(give it to --profile)");
                else if (!looks_like_profile(key))
                    cy_diag(&d, DIAG_WARNING, k, key, "unknown field, ignored");
                continue;
            }
            if (ydoc_is_null(v))
                continue; /* "waivers:" with nothing under it */
            struct cy_seq_iter si;
            if (!cy_seq_begin(&d, v, key, &si))
                continue;
            size_t cnt = (size_t)(si.end - si.p);
            if (cnt > MAX_ENTRIES) {
                cy_diag(&d, DIAG_ERROR, v, key, "more than %d entries", MAX_ENTRIES);
                continue;
            }
            yaml_node_t *item;
            if (is_att) {
                struct attestation *arr = arena_grow(a, out->v, out->n, out->n + cnt, sizeof(*arr));
                out->v = arr;
                while (cy_seq_next(&d, &si, &item)) {
                    bool ok;
                    parse_attestation(&d, item, &out->v[out->n], &ok);
                    if (ok)
                        out->n++;
                }
            } else {
                struct waiver *arr =
                    arena_grow(a, out->waivers, out->nwaivers, out->nwaivers + cnt, sizeof(*arr));
                out->waivers = arr;
                while (cy_seq_next(&d, &si, &item)) {
                    bool ok;
                    parse_waiver(&d, item, &out->waivers[out->nwaivers], &ok);
                    if (ok)
                        out->nwaivers++;
                }
            }
        }
    }
    int rc = d.y.errors ? -1 : 0;
    cy_close(&d);
    return rc;
}

int attest_load(struct attestations *out, struct arena *a, const char *path)
{
    char *data;
    size_t len;
    attest_init_empty(out);
    if (file_read_all(path, CY_MAX_BYTES, true, &data, &len) != 0)
        return -1;
    int rc = attest_load_buffer(out, a, path, data, len);
    free(data);
    return rc;
}

const struct attestation *attest_current(const struct attestations *at, const char *measure,
                                         int32_t as_of, const struct attestation **expired)
{
    const struct attestation *best = NULL, *lapsed = NULL;
    if (expired)
        *expired = NULL;
    if (!at || !measure)
        return NULL;
    for (size_t i = 0; i < at->n; i++) {
        const struct attestation *x = &at->v[i];
        if (strcmp(x->measure, measure) != 0)
            continue;
        /* An attestation dated after the assessment date did not exist yet. */
        if (x->has_date && x->date > as_of)
            continue;
        int32_t dx = x->has_date ? x->date : INT32_MIN;
        if (x->has_expires && x->expires < as_of) {
            if (!lapsed || x->expires >= lapsed->expires)
                lapsed = x;
            continue;
        }
        /* The latest-dated current one wins; on a tie, the later in the file. */
        if (!best || dx >= (best->has_date ? best->date : INT32_MIN))
            best = x;
    }
    if (!best && expired)
        *expired = lapsed;
    return best;
}

bool waiver_current(const struct waiver *w, int32_t as_of)
{
    return w && w->expires >= as_of;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static bool waiver_matches(const struct waiver *w, const char *hostname, const char *file)
{
    if (hostname && compliance_glob(w->devices, hostname))
        return true;
    if (file && (compliance_glob(w->devices, file) || compliance_glob(w->devices, base_name(file))))
        return true;
    return false;
}

const struct waiver *waiver_find(const struct attestations *at, const char *check_id,
                                 const char *hostname, const char *device_file, int32_t as_of)
{
    if (!at || !check_id)
        return NULL;
    for (size_t i = 0; i < at->nwaivers; i++) {
        const struct waiver *w = &at->waivers[i];
        if (strcmp(w->check, check_id) == 0 && waiver_current(w, as_of) &&
            waiver_matches(w, hostname, device_file))
            return w;
    }
    return NULL;
}

void waivers_apply(const struct attestations *at, int32_t as_of, struct device_result *d)
{
    if (!at || !at->nwaivers || !d || d->excluded || d->unreadable || d->not_audited)
        return;
    for (size_t i = 0; i < d->nresults; i++) {
        struct check_result *r = &d->results[i];
        if (r->verdict != VERDICT_FAIL || !r->check)
            continue;
        const struct waiver *w = waiver_find(at, r->check->id, d->hostname, d->file, as_of);
        if (!w && d->relpath)
            w = waiver_find(at, r->check->id, NULL, d->relpath, as_of);
        if (!w)
            continue;
        r->verdict = VERDICT_WAIVED;
        r->waiver = w->reason;
        r->waiver_expires = w->expires_text;
    }
}

static void usage_warning(struct arena *a, struct attest_warnings *out, const char *file,
                          uint32_t line, const char *fmt, ...) TS_PRINTF(5, 6);

static void usage_warning(struct arena *a, struct attest_warnings *out, const char *file,
                          uint32_t line, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    diag_report(DIAG_WARNING, file, line, "%s", msg);
    char *where = arena_printf(a, "%s:%u: %s", file ? file : "-", line, msg);
    out->v = arena_grow(a, out->v, out->n, out->n + 1, sizeof(*out->v));
    out->v[out->n++] = where;
}

static bool waiver_matches_any(const struct waiver *w, const struct device_summary *devs,
                               size_t ndevs)
{
    for (size_t i = 0; i < ndevs; i++)
        if (waiver_matches(w, devs[i].hostname, devs[i].file) ||
            waiver_matches(w, NULL, devs[i].relpath))
            return true;
    return false;
}

void attest_check_usage(const struct attestations *at, const struct catalog *c,
                        const struct device_summary *devs, size_t ndevs, struct arena *a,
                        struct attest_warnings *out)
{
    memset(out, 0, sizeof(*out));
    if (!at)
        return;
    for (size_t i = 0; c && i < at->n; i++)
        if (!catalog_find(c, at->v[i].measure))
            usage_warning(a, out, at->v[i].file, at->v[i].line,
                          "attestation for %s, which is not a measure of edition %s of the Code",
                          at->v[i].measure, c->edition);
    for (size_t i = 0; i < at->nwaivers; i++) {
        const struct waiver *w = &at->waivers[i];
        if (!check_find(w->check))
            usage_warning(a, out, w->file, w->line, "waiver for unknown check %s", w->check);
        else if (!waiver_matches_any(w, devs, ndevs))
            usage_warning(a, out, w->file, w->line, "waiver for %s matched no device ('%s')",
                          w->check, w->devices);
    }
}
