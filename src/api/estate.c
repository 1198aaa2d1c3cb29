/*
 * estate.c - libtsaudit's estate assessment (tsa_scan) and the command line
 * (tsa_main).
 *
 * tsa_scan() is 'tsaudit scan' itself, run in-process on an argument vector
 * built from the context: the same walk, worker pool, fleet checks,
 * compliance and report writers, so a report written from a program is the
 * report the command writes. The JSON report goes to a private temporary
 * folder and is handed back as text. The scan command keeps process-wide
 * state while it runs (the diagnostic counts, getopt), so scans take turns.
 */
#include "api/api_int.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SCAN_MAX_ARGS 64

struct tsa_estate {
    char *json;
    size_t json_len;
    int status;
    struct buf diags;
};

static pthread_mutex_t scan_lock = PTHREAD_MUTEX_INITIALIZER;

/* A private folder for the scan's own files; NULL after a diagnostic. */
static char *temp_dir(void)
{
    const char *base = getenv("TMPDIR");
    struct buf b;
    buf_init(&b, 0);
    buf_printf(&b, "%s/tsaudit-XXXXXX", base && *base ? base : "/tmp");
    char *dir = xstrdup(buf_cstr(&b));
    buf_free(&b);
    if (!mkdtemp(dir)) {
        diag_report(DIAG_ERROR, dir, 0, "cannot create a temporary folder: %s", strerror(errno));
        free(dir);
        return NULL;
    }
    return dir;
}

static char *path_in(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = xmalloc(n);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* The scan's command line; strings live in a. Returns argc. */
static int scan_argv(const struct tsa_context *c, const char *profile, const char *report, int jobs,
                     const char *const *outputs, size_t noutputs, const char *const *paths,
                     size_t npaths, struct arena *a, char ***out)
{
    size_t cap = SCAN_MAX_ARGS + 2 * noutputs + npaths;
    char **v = arena_alloc(a, (cap + 1) * sizeof(*v));
    int n = 0;
#define ARG(s) (v[n++] = arena_strdup(a, (s)))
    ARG("scan");
    ARG("--quiet");
    ARG("--no-progress");
    ARG("--fail-on");
    ARG("never");
    char num[32], date[16];
    if (jobs > 0) {
        snprintf(num, sizeof(num), "%d", jobs > 256 ? 256 : jobs);
        ARG("--jobs");
        ARG(num);
    }
    if (profile) {
        ARG("--profile");
        ARG(profile);
    }
    if (c->attest_file) {
        ARG("--attest");
        ARG(c->attest_file);
    }
    if (c->has_as_of) {
        ARG("--as-of");
        date_format(c->as_of, date);
        ARG(date);
    }
    if (c->tier) {
        snprintf(num, sizeof(num), "%d", c->tier);
        ARG("--tier");
        ARG(num);
    }
    if (c->run.show_secrets)
        ARG("--show-secrets");
    ARG("-o");
    ARG(report);
    for (size_t i = 0; i < noutputs; i++) {
        ARG("-o");
        ARG(outputs[i]);
    }
    ARG("--");
    for (size_t i = 0; i < npaths; i++)
        ARG(paths[i]);
#undef ARG
    v[n] = NULL;
    *out = v;
    return n;
}

/* Run the scan with the context's inputs; the JSON report lands in est. */
static int run_scan(const struct tsa_context *c, const char *dir, int jobs,
                    const char *const *outputs, size_t noutputs, const char *const *paths,
                    size_t npaths, struct tsa_estate *est)
{
    struct arena a;
    arena_init(&a);
    char *profile = c->profile_file ? xstrdup(c->profile_file) : NULL;
    if (c->profile_text) {
        profile = path_in(dir, "profile.yaml");
        if (file_write_atomic(profile, c->profile_text, c->profile_len) != 0) {
            free(profile);
            arena_free(&a);
            return EXIT_INTERNAL;
        }
    }
    char *report = path_in(dir, "report.json");
    char **argv;
    int argc = scan_argv(c, profile, report, jobs, outputs, noutputs, paths, npaths, &a, &argv);
    diag_reset_counts();
    int rc = cmd_scan(argc, argv);
    if (file_read_all(report, (size_t)1 << 32, false, &est->json, &est->json_len) != 0)
        rc = EXIT_INTERNAL;
    unlink(report);
    if (c->profile_text)
        unlink(profile);
    free(report);
    free(profile);
    arena_free(&a);
    return rc;
}

struct tsa_estate *tsa_scan(const struct tsa_context *c, const char *const *paths, size_t npaths,
                            int jobs, const char *const *outputs, size_t noutputs)
{
    if (!c || (!paths && npaths) || (!outputs && noutputs))
        return NULL;
    struct tsa_estate *est = xcalloc(1, sizeof(*est));
    buf_init(&est->diags, 1u << 20);
    pthread_mutex_lock(&scan_lock);
    /* The scan's own diagnostics, and each device's as it is reported. */
    diag_capture_begin(&est->diags);
    char *dir = temp_dir();
    if (!npaths) {
        diag_report(DIAG_ERROR, NULL, 0, "no path to scan");
        est->status = EXIT_INPUT;
    } else if (!dir) {
        est->status = EXIT_INTERNAL;
    } else {
        est->status = run_scan(c, dir, jobs, outputs, noutputs, paths, npaths, est);
    }
    if (dir)
        rmdir(dir);
    free(dir);
    diag_capture_end();
    pthread_mutex_unlock(&scan_lock);
    if (!est->json) {
        est->json = xstrdup("null");
        est->json_len = 4;
    }
    return est;
}

void tsa_estate_free(struct tsa_estate *est)
{
    if (!est)
        return;
    free(est->json);
    buf_free(&est->diags);
    free(est);
}

int tsa_estate_status(const struct tsa_estate *est)
{
    return est ? est->status : EXIT_INTERNAL;
}

const char *tsa_estate_json(const struct tsa_estate *est, size_t *len)
{
    if (!est)
        return NULL;
    if (len)
        *len = est->json_len;
    return est->json;
}

const char *tsa_estate_diagnostics(const struct tsa_estate *est)
{
    return est ? buf_cstr((struct buf *)&est->diags) : "";
}

int tsa_main(int argc, char **argv)
{
    return cli_main(argc, argv);
}
