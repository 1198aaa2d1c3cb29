/*
 * Report layer: every writer over a hand-built estate (one device per
 * fixture in tests/fixtures/report/, plus unreadable, excluded, partial and
 * hostile devices), with the real check table and a real compliance
 * evaluation of the built-in catalogue. Asserts that no planted secret
 * reaches any output, that hostile text is escaped, that files appear only
 * on commit, and validates every output with tests/tools/report_validate.py
 * (JSON Schema for JSON/SARIF/OSCAL, xmllint for JUnit, a strict CSV reader).
 *
 * With TSAUDIT_REPORT_OUT=DIR the outputs are written there and kept (the
 * browser test uses the HTML); otherwise a temporary folder is used.
 */
#include "testutil.h"

#include "report/report.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_DEV 24

struct estate {
    struct arena arena;
    struct device_result devs[MAX_DEV];
    struct device_summary sums[MAX_DEV];
    size_t ndev;
    const char *secrets[512]; /* every planted value, to look for in outputs */
    size_t nsecrets;
    struct fleet_finding ff[2];
    size_t nff;
    struct catalog *cat;
    struct compliance_result cr;
    struct report_run run;
    char *roots[1];
};

static char outdir[4096];
static bool keep_out;

static char *arena_file(struct arena *a, const char *rel, size_t *len)
{
    char *data = tu_read(rel, len);
    char *copy = arena_strndup(a, data, *len);
    free(data);
    return copy;
}

/* Split text into evidence lines (views into text). */
static struct evidence *lines_of(struct arena *a, const char *text, uint32_t *n)
{
    uint32_t cap = 64, k = 0;
    struct evidence *ev = arena_alloc(a, cap * sizeof(*ev));
    uint32_t line = 1;
    for (const char *p = text; *p && k < cap; line++) {
        const char *e = strchr(p, '\n');
        if (!e)
            e = p + strlen(p);
        ev[k++] = (struct evidence){line, (uint32_t)(e - p), p};
        p = *e ? e + 1 : e;
    }
    *n = k;
    return ev;
}

static const char *hostname_of(const char *text, struct arena *a)
{
    static const char *const keys[] = {"set hostname \"", "set system host-name ",
                                       "hostname ",       "host-name ",
                                       "sysname ",        "name \""};
    for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
        const char *p = strstr(text, keys[i]);
        if (!p)
            continue;
        p += strlen(keys[i]);
        size_t n = strcspn(p, "\";\n");
        return arena_strndup(a, p, n);
    }
    return NULL;
}

/* Verdicts cycle so every writer sees every verdict; failing results carry evidence. */
static void fill_results(struct estate *es, struct device_result *d, struct evidence *ev,
                         uint32_t nev, const char *message_secret)
{
    size_t n;
    const struct check_def *const *all = checks_all(&n);
    d->results = arena_alloc(&es->arena, n * sizeof(*d->results));
    d->nresults = n;
    for (size_t i = 0; i < n; i++) {
        struct check_result *r = &d->results[i];
        r->check = all[i];
        r->verdict = (enum verdict)((i + es->ndev) % 5); /* pass..needs_context */
        r->message = arena_printf(
            &es->arena, "%s on %s: %s", all[i]->id, d->hostname ? d->hostname : d->file,
            r->verdict == VERDICT_FAIL ? "not configured as required" : verdict_name(r->verdict));
        if (r->verdict == VERDICT_FAIL) {
            r->evidence = ev;
            r->nevidence = nev;
            if (message_secret && i % 2 == 0)
                /* Messages never should carry secrets; if one does, scrubbing catches it. */
                r->message = arena_printf(&es->arena, "community %s is guessable", message_secret);
        }
        if (r->verdict == VERDICT_UNKNOWN)
            r->message = "the collector removed the secret; cannot tell the storage type";
    }
    /* One waived result per device. */
    for (size_t i = 0; i < n; i++)
        if (d->results[i].verdict == VERDICT_FAIL) {
            d->results[i].verdict = VERDICT_WAIVED;
            d->results[i].waiver = "vendor CPE needs the web UI; compensating ACL (RISK-231)";
            d->results[i].waiver_expires = "2027-03-31";
            break;
        }
}

static void add_device(struct estate *es, const char *name)
{
    char rel[512];
    snprintf(rel, sizeof(rel), "tests/fixtures/report/%s.cfg", name);
    size_t len;
    char *text = arena_file(&es->arena, rel, &len);
    struct device_result *d = &es->devs[es->ndev];
    memset(d, 0, sizeof(*d));
    d->file = arena_printf(&es->arena, "estate/%s.cfg", name);
    d->relpath = arena_printf(&es->arena, "%s.cfg", name);
    d->hostname = hostname_of(text, &es->arena);
    char dn[64];
    snprintf(dn, sizeof(dn), "%s", name);
    /* "juniper-junos-set", "nokia-sros-md": a second form of the same dialect. */
    char *dash = strstr(dn, "-set");
    if (!dash)
        dash = strstr(dn, "-md");
    if (dash)
        *dash = 0;
    enum dialect dl = DIALECT_UNKNOWN;
    dialect_from_name(dn, &dl);
    d->dialect = dl;
    d->form = strstr(name, "-set")          ? FORM_JUNOS_SET
              : strstr(name, "-md")         ? FORM_SROS_MDCLI_FLAT
              : dl == DIALECT_JUNIPER_JUNOS ? FORM_JUNOS_BRACE
                                            : FORM_DEFAULT;
    d->os_version = "15.2(4)M";
    sha256_hex(text, len, d->content_hash);
    /* Secrets: the planted values, as the model would hand them over. */
    snprintf(rel, sizeof(rel), "tests/fixtures/report/%s.secrets", name);
    size_t slen;
    char *sec = arena_file(&es->arena, rel, &slen);
    struct sv *sv = arena_alloc(&es->arena, 64 * sizeof(*sv));
    size_t ns = 0;
    const char *first_secret = NULL;
    for (char *s = strtok(sec, "\n"); s && ns < 64; s = strtok(NULL, "\n")) {
        sv[ns++] = sv_from_cstr(s + 2);
        es->secrets[es->nsecrets++] = s + 2;
        if (!first_secret)
            first_secret = s + 2;
    }
    d->secrets = sv;
    d->nsecrets = ns;
    uint32_t nev;
    struct evidence *ev = lines_of(&es->arena, text, &nev);
    fill_results(es, d, ev, nev, first_secret);
    es->ndev++;
}

/* Devices no fixture covers: unreadable, excluded, partial and hostile text. */
static void add_special(struct estate *es)
{
    /* A second device with the same host name as the first (backups of one box, or a
     * reused name): identifiers must stay unique and links must stay valid. */
    struct device_result *twin = &es->devs[es->ndev];
    *twin = es->devs[0];
    twin->file = "estate/old/twin.cfg";
    twin->relpath = "old/twin.cfg";
    const struct check_result *fr = NULL;
    for (size_t i = 0; i < es->devs[0].nresults && !fr; i++)
        if (es->devs[0].results[i].nevidence)
            fr = &es->devs[0].results[i];
    assert_non_null(fr);
    /* Different verdicts from its namesake (the cycle depends on the device index). */
    fill_results(es, twin, fr->evidence, fr->nevidence, NULL);
    es->ndev++;

    struct device_result *d = &es->devs[es->ndev];
    memset(d, 0, sizeof(*d));
    d->file = "estate/broken.cfg";
    d->relpath = "broken.cfg";
    d->unreadable = true;
    struct cfg_diag *g = arena_alloc(&es->arena, sizeof(*g));
    *g = (struct cfg_diag){DIAG_ERROR, 0, "binary file (contains NUL bytes)"};
    d->diags = g;
    d->ndiags = 1;
    es->ndev++;

    d = &es->devs[es->ndev];
    memset(d, 0, sizeof(*d));
    d->file = "estate/lab-1.cfg";
    d->relpath = "lab-1.cfg";
    d->hostname = "lab-1";
    d->dialect = DIALECT_CISCO_IOS;
    d->excluded = true;
    es->ndev++;

    /* Hostile: markup in the hostname, formula and control characters in evidence. */
    static const char hostile[] =
        "hostname evil</textarea><script>window.__pwned=2</script>\n"
        " description =cmd|' /C calc'!A0\n"
        " description +SUM(1,2) @HYPERLINK(\"http://x\") -2+3\n"
        " description ctl\x01\x1b[31mred\x7f tab\there \xff\xfe bad utf8 \xe2\x80\xa8 ls\n"
        " description \"quoted\", comma; <b>bold</b> & amp ]]> --> \xef\xbf\xbe\n"
        " description </script><script>window.__pwned=3</script>\n";
    d = &es->devs[es->ndev];
    memset(d, 0, sizeof(*d));
    d->file = "estate/sub dir/evil #1.cfg";
    d->relpath = "sub dir/evil #1.cfg";
    d->hostname = "evil</textarea><script>window.__pwned=2</script>";
    d->dialect = DIALECT_CISCO_IOS;
    d->partial = true;
    d->os_version = "<img src=x onerror=window.__pwned=4>";
    struct cfg_diag *gg = arena_alloc(&es->arena, sizeof(*gg));
    *gg = (struct cfg_diag){DIAG_WARNING, 3, "line too long; truncated <script>"};
    d->diags = gg;
    d->ndiags = 1;
    char *text = arena_strdup(&es->arena, hostile);
    uint32_t nev;
    struct evidence *ev = lines_of(&es->arena, text, &nev);
    fill_results(es, d, ev, nev, NULL);
    /* Cells that start like spreadsheet formulas. */
    static const char *const formulas[] = {
        "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1)", "\t=1", "\r=1"};
    for (size_t k = 0; k < ARRAY_SIZE(formulas) && k < d->nresults; k++)
        d->results[k].message = formulas[k];
    es->ndev++;
}

static void summarise(struct estate *es)
{
    for (size_t i = 0; i < es->ndev; i++) {
        const struct device_result *d = &es->devs[i];
        struct device_summary *s = &es->sums[i];
        memset(s, 0, sizeof(*s));
        s->file = (char *)d->file;
        s->relpath = (char *)d->relpath;
        s->hostname = (char *)d->hostname;
        s->dialect = d->dialect;
        s->excluded = d->excluded;
        s->unreadable = d->unreadable;
        s->partial = d->partial;
        s->verdicts = arena_alloc(&es->arena, d->nresults ? d->nresults : 1);
        s->nverdicts = d->nresults;
        for (size_t k = 0; k < d->nresults; k++)
            s->verdicts[k] = (uint8_t)d->results[k].verdict;
    }
}

static void build_estate(struct estate *es)
{
    memset(es, 0, sizeof(*es));
    arena_init(&es->arena);
    diag_set_quiet(true);
    DIR *dir = opendir(tu_src("tests/fixtures/report"));
    assert_non_null(dir);
    char *names[32];
    size_t nn = 0;
    struct dirent *de;
    while ((de = readdir(dir)) && nn < 32) {
        size_t n = strlen(de->d_name);
        if (n > 4 && !strcmp(de->d_name + n - 4, ".cfg"))
            names[nn++] = arena_strndup(&es->arena, de->d_name, n - 4);
    }
    closedir(dir);
    /* Scan order is sorted; keep it stable for the outputs. */
    for (size_t i = 0; i < nn; i++)
        for (size_t j = i + 1; j < nn; j++)
            if (strcmp(names[i], names[j]) > 0) {
                char *t = names[i];
                names[i] = names[j];
                names[j] = t;
            }
    for (size_t i = 0; i < nn; i++)
        add_device(es, names[i]);
    add_special(es);
    summarise(es);

    /* A fleet finding on a fleet-scope check, naming two devices. */
    size_t n;
    const struct check_def *const *all = checks_all(&n);
    const struct check_def *fleet = NULL;
    for (size_t i = 0; i < n; i++)
        if (all[i]->scope == CHECK_FLEET)
            fleet = all[i];
    assert_non_null(fleet);
    static char *fdev[] = {"ios-core-1", "eos-leaf-1"};
    static uint32_t flines[] = {3, 2};
    es->ff[0] = (struct fleet_finding){.check = fleet,
                                       .verdict = VERDICT_FAIL,
                                       .message = "the same local-user hash is used on 2 devices",
                                       .devices = fdev,
                                       .lines = flines,
                                       .ndevices = 2,
                                       .kind = "local-user-secret",
                                       .fingerprint = "0123456789abcdef0123456789abcdef"};
    es->nff = 1;

    assert_int_equal(catalog_load(&es->cat, &es->arena, "2026", NULL), 0);
    int32_t as_of;
    assert_true(date_parse("2026-11-29", &as_of));
    struct attestations at;
    attest_init_empty(&at);
    compliance_evaluate(es->cat, &at, 2, as_of, es->sums, es->ndev, es->ff, es->nff, &es->arena,
                        &es->cr);

    struct report_run *run = &es->run;
    run->tool_version = "0.1.0";
    snprintf(run->run_id, sizeof(run->run_id), "5f0c7a4e-1d2b-4c3d-8e9f-0a1b2c3d4e5f");
    run->started = "2026-11-29T07:00:00Z";
    run->finished = "2026-11-29T07:00:05Z";
    run->as_of = as_of;
    run->tier = 2;
    run->code_edition = "2026";
    run->provider_name = "Example Telecom Ltd <script>window.__pwned=5</script>";
    run->profile_path = "examples/profile.yaml";
    run->profile_digest = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
    run->catalog_digest = NULL;
    es->roots[0] = "estate";
    run->scan_roots = es->roots;
    run->nscan_roots = 1;
    run->show_secrets = false;
    run->color = false;
    run->fail_on = SEV_HIGH;
}

static void free_estate(struct estate *es)
{
    arena_free(&es->arena);
}

static const char *const outputs[] = {"report.txt", "report.json", "report.sarif",     "report.csv",
                                      "report.xml", "report.html", "report.oscal.json"};

static const char *out_path(const char *name)
{
    static char p[4200];
    snprintf(p, sizeof(p), "%s/%s", outdir, name);
    return p;
}

static void write_all(struct estate *es)
{
    struct report_writer *w[ARRAY_SIZE(outputs)];
    for (size_t i = 0; i < ARRAY_SIZE(outputs); i++)
        unlink(out_path(outputs[i])); /* a kept folder from an earlier run */
    unlink(out_path("report.measures.csv"));
    for (size_t i = 0; i < ARRAY_SIZE(outputs); i++) {
        enum report_format f;
        assert_true(report_format_from_path(outputs[i], &f));
        w[i] = report_open(f, out_path(outputs[i]), &es->run);
        assert_non_null(w[i]);
    }
    for (size_t k = 0; k < es->ndev; k++)
        for (size_t i = 0; i < ARRAY_SIZE(outputs); i++)
            assert_int_equal(report_device(w[i], &es->devs[k]), 0);
    /* Nothing is visible before the commit. */
    struct stat st;
    for (size_t i = 0; i < ARRAY_SIZE(outputs); i++)
        assert_int_not_equal(stat(out_path(outputs[i]), &st), 0);
    for (size_t i = 0; i < ARRAY_SIZE(outputs); i++)
        assert_int_equal(report_finish(w[i], es->ff, es->nff, &es->cr, NULL), 0);
    for (size_t i = 0; i < ARRAY_SIZE(outputs); i++)
        assert_int_equal(stat(out_path(outputs[i]), &st), 0);
    assert_int_equal(stat(out_path("report.measures.csv"), &st), 0);
}

static char *slurp(const char *name)
{
    char *data;
    size_t len;
    if (file_read_all(out_path(name), 0, false, &data, &len) != 0)
        fail_msg("cannot read %s", name);
    return data;
}

static int setup(void **state)
{
    const char *env = getenv("TSAUDIT_REPORT_OUT");
    if (env && *env) {
        snprintf(outdir, sizeof(outdir), "%s", env);
        mkdir(outdir, 0755);
        keep_out = true;
    } else {
        snprintf(outdir, sizeof(outdir), "/tmp/tsaudit-report-XXXXXX");
        if (!mkdtemp(outdir))
            return -1;
    }
    struct estate *es = xcalloc(1, sizeof(*es));
    build_estate(es);
    write_all(es);
    *state = es;
    return 0;
}

static int teardown(void **state)
{
    struct estate *es = *state;
    free_estate(es);
    free(es);
    if (!keep_out) {
        char cmd[4300];
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", outdir);
        if (system(cmd) != 0)
            return -1;
    }
    return 0;
}

static void test_no_secret_in_any_output(void **state)
{
    struct estate *es = *state;
    assert_true(es->nsecrets > 50);
    const char *files[ARRAY_SIZE(outputs) + 1];
    for (size_t i = 0; i < ARRAY_SIZE(outputs); i++)
        files[i] = outputs[i];
    files[ARRAY_SIZE(outputs)] = "report.measures.csv";
    for (size_t i = 0; i < ARRAY_SIZE(files); i++) {
        char *data = slurp(files[i]);
        for (size_t k = 0; k < es->nsecrets; k++)
            if (strstr(data, es->secrets[k]))
                fail_msg("%s contains the planted secret %s", files[i], es->secrets[k]);
        free(data);
    }
}

static void test_show_secrets_keeps_them(void **state)
{
    struct estate *es = *state;
    struct report_run run = es->run;
    run.show_secrets = true;
    struct report_writer *w = report_open(REPORT_JSON, out_path("shown.json"), &run);
    assert_non_null(w);
    for (size_t k = 0; k < es->ndev; k++)
        assert_int_equal(report_device(w, &es->devs[k]), 0);
    assert_int_equal(report_finish(w, es->ff, es->nff, &es->cr, NULL), 0);
    char *data = slurp("shown.json");
    assert_non_null(strstr(data, "Pl4ntedRoComm"));
    free(data);
    unlink(out_path("shown.json"));
}

static void test_hostile_text_is_escaped(void **state)
{
    (void)state;
    char *html = slurp("report.html");
    bool html_bad = strstr(html, "<script>window.__pwned") || strstr(html, "</textarea><script>") ||
                    strstr(html, "<img") || strstr(html, "<link") || strstr(html, "href=\"http") ||
                    strstr(html, "src=\"");
    /* In markup it is escaped as markup; in a device's JSON data block, as JSON. */
    bool html_escaped =
        (strstr(html, "&lt;script&gt;window.__pwned=1&lt;/script&gt;") ||
         strstr(html, "\\u003cscript\\u003ewindow.__pwned=1\\u003c/script\\u003e")) &&
        strstr(html, "Content-Security-Policy");
    free(html);
    assert_false(html_bad);
    assert_true(html_escaped);
    char *xml = slurp("report.xml");
    bool xml_bad = strstr(xml, "<script>") || strstr(xml, "\x01") || strstr(xml, "\x1b");
    free(xml);
    assert_false(xml_bad);
    char *json = slurp("report.json");
    bool json_bad = strstr(json, "<script>") || strstr(json, "\x1b");
    bool json_escaped = strstr(json, "\\u003cscript\\u003e") != NULL;
    free(json);
    assert_false(json_bad);
    assert_true(json_escaped);
    char *csv = slurp("report.csv");
    bool raw = strstr(csv, ",=cmd") || strstr(csv, "\"=cmd") || strstr(csv, ",+1+1") ||
               strstr(csv, ",-2+3") || strstr(csv, ",@SUM") || strstr(csv, "\"\t=1");
    bool neutral = strstr(csv, "\"'=cmd|") && strstr(csv, "\"'+1+1\"") &&
                   strstr(csv, "\"'-2+3\"") && strstr(csv, "\"'@SUM(1)\"");
    free(csv);
    assert_false(raw);
    assert_true(neutral);
}

static void test_terminal_summary(void **state)
{
    struct estate *es = *state;
    char *txt = slurp("report.txt");
    assert_non_null(strstr(txt, "Devices"));
    char want[128];
    snprintf(want, sizeof(want), "%zu: ", es->ndev);
    assert_non_null(strstr(txt, want));
    assert_non_null(strstr(txt, "1 unreadable"));
    assert_non_null(strstr(txt, "1 excluded"));
    assert_non_null(strstr(txt, "Gate"));
    assert_non_null(strstr(txt, "--fail-on high"));
    assert_non_null(strstr(txt, "Measures"));
    assert_null(strstr(txt, "\033[")); /* colour off */
    free(txt);
}

static void test_abort_leaves_nothing(void **state)
{
    struct estate *es = *state;
    for (int f = 0; f < REPORT_FORMAT_COUNT; f++) {
        struct report_writer *w =
            report_open((enum report_format)f, out_path("aborted.out"), &es->run);
        assert_non_null(w);
        assert_int_equal(report_device(w, &es->devs[0]), 0);
        report_abort(w);
        struct stat st;
        assert_int_not_equal(stat(out_path("aborted.out"), &st), 0);
        assert_int_not_equal(stat(out_path("aborted.out.measures.csv"), &st), 0);
    }
    char mine[32];
    snprintf(mine, sizeof(mine), ".tmp.%ld", (long)getpid());
    DIR *dir = opendir(outdir);
    struct dirent *de;
    bool left = false;
    while ((de = readdir(dir)))
        left = left || strstr(de->d_name, mine) != NULL;
    closedir(dir);
    assert_false(left);
}

static void test_format_names(void **state)
{
    (void)state;
    enum report_format f;
    assert_true(report_format_from_path("x.oscal.json", &f));
    assert_int_equal(f, REPORT_OSCAL);
    assert_true(report_format_from_path("x.json", &f));
    assert_int_equal(f, REPORT_JSON);
    assert_true(report_format_from_path("X.SARIF", &f));
    assert_int_equal(f, REPORT_SARIF);
    assert_true(report_format_from_path("a/b.xml", &f));
    assert_int_equal(f, REPORT_JUNIT);
    assert_false(report_format_from_path("x.pdf", &f));
    for (int i = 0; i < REPORT_FORMAT_COUNT; i++) {
        assert_true(report_format_from_name(report_format_name((enum report_format)i), &f));
        assert_int_equal(f, i);
    }
    assert_false(report_format_from_name("yaml", &f));
}

/* The structural validation lives in one script shared with the shell tests. */
static void test_outputs_validate(void **state)
{
    (void)state;
    char cmd[8400];
    snprintf(cmd, sizeof(cmd), "python3 '%s' '%s'", tu_src("tests/tools/report_validate.py"),
             outdir);
    int rc = system(cmd);
    assert_int_equal(rc, 0);
}

/* Variations of the run: colour, several scan roots, an unwritable path. */
static void test_run_variants(void **state)
{
    struct estate *es = *state;
    struct report_run run = es->run;
    run.color = true;
    static char *roots[] = {"estate", "more"};
    run.scan_roots = roots;
    run.nscan_roots = 2;
    char txt[4300], sarif[4300];
    snprintf(txt, sizeof(txt), "%s/colour.txt", outdir);
    snprintf(sarif, sizeof(sarif), "%s/roots.sarif", outdir);
    struct report_writer *t = report_open(REPORT_TEXT, txt, &run);
    struct report_writer *s = report_open(REPORT_SARIF, sarif, &run);
    assert_non_null(t);
    assert_non_null(s);
    for (size_t k = 0; k < es->ndev; k++) {
        assert_int_equal(report_device(t, &es->devs[k]), 0);
        assert_int_equal(report_device(s, &es->devs[k]), 0);
    }
    assert_int_equal(report_finish(t, es->ff, es->nff, &es->cr, NULL), 0);
    assert_int_equal(report_finish(s, es->ff, es->nff, &es->cr, NULL), 0);
    char *data = slurp("colour.txt");
    bool ansi = strstr(data, "\033[31m") != NULL;
    bool raw_escape_from_config = strstr(data, "\033[31mred") != NULL;
    free(data);
    assert_true(ansi);
    assert_false(raw_escape_from_config);
    data = slurp("roots.sarif");
    /* With several roots the paths are the files as found, relative to the working folder. */
    bool as_found = strstr(data, "\"uri\":\"estate/cisco-ios.cfg\"") != NULL;
    free(data);
    assert_true(as_found);
    char cmd[8800];
    snprintf(cmd, sizeof(cmd),
             "mkdir -p '%s/roots' && mv '%s' '%s/roots/report.sarif' && python3 '%s' '%s/roots'",
             outdir, sarif, outdir, tu_src("tests/tools/report_validate.py"), outdir);
    assert_int_equal(system(cmd), 0);
    unlink(txt);

    /* A folder that does not exist: NULL after a diagnostic, nothing created. */
    for (int f = 0; f < REPORT_FORMAT_COUNT; f++)
        assert_null(report_open((enum report_format)f, "/nonexistent-dir/x/report.out", &run));
}

/* No devices and no compliance result: every format still writes a valid document. */
static void test_empty_estate(void **state)
{
    struct estate *es = *state;
    char dir[4300];
    snprintf(dir, sizeof(dir), "%s/empty", outdir);
    mkdir(dir, 0755);
    for (size_t i = 0; i < ARRAY_SIZE(outputs); i++) {
        char path[4400];
        snprintf(path, sizeof(path), "%s/%s", dir, outputs[i]);
        enum report_format f;
        assert_true(report_format_from_path(path, &f));
        struct report_writer *w = report_open(f, path, &es->run);
        assert_non_null(w);
        assert_int_equal(report_finish(w, NULL, 0, NULL, NULL), 0);
    }
    char cmd[8800];
    snprintf(cmd, sizeof(cmd), "python3 '%s' '%s' --require",
             tu_src("tests/tools/report_validate.py"), dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_names),
        cmocka_unit_test(test_no_secret_in_any_output),
        cmocka_unit_test(test_show_secrets_keeps_them),
        cmocka_unit_test(test_hostile_text_is_escaped),
        cmocka_unit_test(test_terminal_summary),
        cmocka_unit_test(test_abort_leaves_nothing),
        cmocka_unit_test(test_outputs_validate),
        cmocka_unit_test(test_empty_estate),
        cmocka_unit_test(test_run_variants),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
