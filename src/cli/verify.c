/*
 * verify.c - `tsaudit verify REPORT.json DIR`: does a JSON report still hold?
 *
 * It reads the report's manifest, checks that the profile, attestations,
 * rules, framework and catalogue it names are still the files it hashed and
 * that this tsaudit has the same version and check set, re-runs the scan of
 * DIR with the report's own settings (tier, date, edition, inputs) and
 * compares, device by device (by path relative to the scanned folder), the
 * configuration's content hash and every check's verdict. Exit 0 when the
 * report holds, 1 when it does not (each difference is listed), 2 when the
 * report cannot be read.
 */
#include "cli/cli.h"
#include "cli/manifest.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define VERIFY_MAX_DIFFS 50 /* differences listed; the rest are counted */

struct verify_state {
    size_t diffs;
    size_t devices, results;
};

static void differ(struct verify_state *v, const char *fmt, ...) TS_PRINTF(2, 3);
static void differ(struct verify_state *v, const char *fmt, ...)
{
    if (v->diffs++ < VERIFY_MAX_DIFFS) {
        char line[2048]; /* names from the report and the folder: cleaned for the terminal */
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(line, sizeof(line), fmt, ap);
        va_end(ap);
        printf("differs: %s\n", cli_term(line));
    }
}

static json_t *load_report(const char *path)
{
    json_error_t err;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        if (err.line > 0)
            diag_report(DIAG_ERROR, path, (uint32_t)err.line, "not a JSON report: %s", err.text);
        else
            diag_report(DIAG_ERROR, path, 0, "cannot read the report: %s", err.text);
        return NULL;
    }
    json_t *run = json_object_get(root, "run");
    if (!json_is_object(json_object_get(root, "tool")) || !json_is_object(run) ||
        !json_is_array(json_object_get(root, "devices"))) {
        diag_report(DIAG_ERROR, path, 0, "not a tsaudit JSON report (no tool, run or devices)");
        json_decref(root);
        return NULL;
    }
    if (!json_is_object(json_object_get(run, "manifest"))) {
        diag_report(DIAG_ERROR, path, 0,
                    "the report has no manifest (written by an older tsaudit)");
        json_decref(root);
        return NULL;
    }
    return root;
}

static const char *jstr(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

/* The inputs the report names must be the files it hashed. */
static void check_inputs(struct verify_state *v, json_t *manifest)
{
    size_t i;
    json_t *in;
    json_array_foreach(json_object_get(manifest, "inputs"), i, in)
    {
        const char *path = jstr(in, "path"), *want = jstr(in, "sha256");
        if (!path)
            continue;
        char now[65];
        if (!manifest_hash_path(path, now))
            differ(v, "%s %s can no longer be read", jstr(in, "role"), path);
        else if (!want || strcmp(now, want) != 0)
            differ(v, "%s %s has changed since the report", jstr(in, "role"), path);
    }
    const char *ver = jstr(manifest, "tool_version");
    if (!ver || strcmp(ver, TSAUDIT_VERSION) != 0)
        differ(v, "the report was written by tsaudit %s, this is %s", ver ? ver : "(unknown)",
               TSAUDIT_VERSION);
}

/* Run `tsaudit scan` again with the report's settings, writing JSON to out. */
static int rescan(json_t *report, const char *dir, const char *out)
{
    json_t *run = json_object_get(report, "run");
    const char *argv[96];
    size_t n = 0;
    argv[n++] = "tsaudit";
    argv[n++] = "scan";
    size_t i;
    json_t *in;
    json_array_foreach(json_object_get(json_object_get(run, "manifest"), "inputs"), i, in)
    {
        static const char *const flag[][2] = {{"profile", "--profile"},
                                              {"attestations", "--attest"},
                                              {"rules", "--rules"},
                                              {"framework", "--framework"},
                                              {"catalog", "--catalog"}};
        const char *role = jstr(in, "role"), *path = jstr(in, "path");
        for (size_t k = 0; role && path && k < sizeof(flag) / sizeof(flag[0]); k++)
            if (strcmp(role, flag[k][0]) == 0 && n + 2 < 80) {
                argv[n++] = flag[k][1];
                argv[n++] = path;
            }
    }
    char tier[8];
    if (json_is_integer(json_object_get(run, "tier"))) {
        snprintf(tier, sizeof(tier), "%d", (int)json_integer_value(json_object_get(run, "tier")));
        argv[n++] = "--tier";
        argv[n++] = tier;
    }
    if (jstr(run, "as_of")) {
        argv[n++] = "--as-of";
        argv[n++] = jstr(run, "as_of");
    }
    if (jstr(run, "code_edition")) {
        argv[n++] = "--code";
        argv[n++] = jstr(run, "code_edition");
    }
    const char *tail[] = {"--quiet", "--no-progress", "--fail-on", "never", "-o", out, dir, NULL};
    for (size_t k = 0; tail[k]; k++)
        argv[n++] = tail[k];
    argv[n] = NULL;

    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        execv("/proc/self/exe", (char *const *)argv);
        _exit(127);
    }
    int status;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status))
        return -1;
    /* 0, 1 (findings) and 2 (some input unreadable: still reported) all wrote it. */
    return WEXITSTATUS(status) <= 2 ? 0 : -1;
}

static const char *device_key(json_t *d)
{
    const char *k = jstr(d, "relpath");
    return k ? k : jstr(d, "file");
}

static json_t *find_device(json_t *devices, const char *key)
{
    size_t i;
    json_t *d;
    json_array_foreach(devices, i, d)
    {
        const char *k = device_key(d);
        if (k && strcmp(k, key) == 0)
            return d;
    }
    return NULL;
}

static void compare_results(struct verify_state *v, const char *key, json_t *was, json_t *now)
{
    size_t i;
    json_t *r;
    json_array_foreach(json_object_get(was, "results"), i, r)
    {
        const char *check = jstr(r, "check"), *verdict = jstr(r, "verdict");
        const char *got = NULL;
        size_t j;
        json_t *q;
        json_array_foreach(json_object_get(now, "results"), j, q)
        {
            const char *c = jstr(q, "check");
            if (c && check && strcmp(c, check) == 0) {
                got = jstr(q, "verdict");
                break;
            }
        }
        v->results++;
        if (!got)
            differ(v, "%s: %s is no longer evaluated", key, check ? check : "?");
        else if (!verdict || strcmp(got, verdict) != 0)
            differ(v, "%s: %s was %s, is now %s", key, check ? check : "?", verdict ? verdict : "?",
                   got);
    }
}

static void compare_devices(struct verify_state *v, json_t *was, json_t *now)
{
    size_t i;
    json_t *d;
    json_array_foreach(json_object_get(was, "devices"), i, d)
    {
        const char *key = device_key(d);
        if (!key)
            continue;
        v->devices++;
        json_t *e = find_device(json_object_get(now, "devices"), key);
        if (!e) {
            differ(v, "%s is in the report but not in the folder", key);
            continue;
        }
        const char *h1 = jstr(d, "content_hash"), *h2 = jstr(e, "content_hash");
        if (h1 && h2 && strcmp(h1, h2) != 0)
            differ(v, "%s: the configuration has changed (content hash)", key);
        compare_results(v, key, d, e);
    }
    json_array_foreach(json_object_get(now, "devices"), i, d)
    {
        const char *key = device_key(d);
        if (key && !find_device(json_object_get(was, "devices"), key))
            differ(v, "%s is in the folder but not in the report", key);
    }
}

int cmd_verify(int argc, char **argv)
{
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        puts("usage: tsaudit verify REPORT.json DIR\n"
             "Re-run the scan of DIR with the settings and inputs named in the report's\n"
             "manifest and say whether the report still holds: same inputs, same tool\n"
             "version and check set, same configurations, same verdict for every check.\n"
             "Exit 0 it holds, 1 it does not (differences listed), 2 bad usage or report.");
        return EXIT_OK;
    }
    if (argc != 3)
        return cli_usage_error("verify", "usage: tsaudit verify REPORT.json DIR");
    json_t *was = load_report(argv[1]);
    if (!was)
        return EXIT_INPUT;
    struct verify_state v = {0};
    check_inputs(&v, json_object_get(json_object_get(was, "run"), "manifest"));

    char tmp[] = "/tmp/tsaudit-verify-XXXXXX";
    int fd = mkstemp(tmp);
    if (fd < 0) {
        perror("tsaudit verify: temporary file");
        json_decref(was);
        return EXIT_INTERNAL;
    }
    close(fd);
    char out[sizeof(tmp) + 8];
    snprintf(out, sizeof(out), "%s.json", tmp);
    unlink(tmp);
    json_t *now = NULL;
    if (rescan(was, argv[2], out) != 0 || !(now = load_report(out))) {
        fprintf(stderr, "tsaudit verify: the re-run of the scan of %s failed\n", cli_term(argv[2]));
        unlink(out);
        json_decref(was);
        return EXIT_INTERNAL;
    }
    unlink(out);
    compare_devices(&v, was, now);
    json_decref(was);
    json_decref(now);
    if (v.diffs > VERIFY_MAX_DIFFS)
        printf("... and %zu more differences\n", v.diffs - VERIFY_MAX_DIFFS);
    if (v.diffs) {
        printf("the report does NOT hold: %zu differences over %zu devices and %zu results\n",
               v.diffs, v.devices, v.results);
        return EXIT_FINDINGS;
    }
    printf("the report holds: %zu devices and %zu results are the same\n", v.devices, v.results);
    return EXIT_OK;
}
