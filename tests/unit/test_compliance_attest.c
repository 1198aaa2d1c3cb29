/*
 * Compliance layer: loading attestations and waivers (and their errors),
 * which attestation counts on a date, and waivers applied to device results.
 */
#include "testutil.h"

#include "compliance/compliance.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static FILE *cap_file;
static int cap_saved = -1;

static void capture_begin(void)
{
    fflush(stderr);
    cap_file = tmpfile();
    assert_non_null(cap_file);
    cap_saved = dup(fileno(stderr));
    dup2(fileno(cap_file), fileno(stderr));
}

static char *capture_end(void)
{
    fflush(stderr);
    dup2(cap_saved, fileno(stderr));
    close(cap_saved);
    long n = ftell(cap_file);
    char *s = xcalloc(1, (size_t)(n > 0 ? n : 0) + 1);
    rewind(cap_file);
    if (n > 0 && fread(s, 1, (size_t)n, cap_file) != (size_t)n)
        fail_msg("short read of captured stderr");
    fclose(cap_file);
    return s;
}

static int32_t day(const char *s)
{
    int32_t d;
    if (!date_parse(s, &d))
        fail_msg("bad date %s", s);
    return d;
}

static void load_fixture(struct attestations *at, struct arena *a, const char *name, int want_rc)
{
    char rel[256];
    size_t len;
    snprintf(rel, sizeof(rel), "tests/fixtures/compliance/%s", name);
    char *data = tu_read(rel, &len);
    assert_int_equal(attest_load_buffer(at, a, name, data, len), want_rc);
    free(data);
}

static void test_load_example(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct attestations at;
    diag_reset_counts();
    /* The example estate's file (examples/attestations.yaml) must load cleanly. */
    assert_int_equal(attest_load(&at, &a, tu_src("examples/attestations.yaml")), 0);
    assert_int_equal(diag_error_count(), 0);
    assert_true(at.n > 10);
    assert_true(at.nwaivers >= 1);
    for (size_t i = 0; i < at.n; i++) {
        assert_true(measure_id_parse(at.v[i].measure, NULL, NULL));
        assert_true(at.v[i].line > 0);
    }
    for (size_t i = 0; i < at.nwaivers; i++) {
        assert_non_null(at.waivers[i].check);
        assert_non_null(at.waivers[i].devices);
        assert_non_null(at.waivers[i].reason);
        assert_int_equal(strlen(at.waivers[i].expires_text), 10);
    }
    arena_free(&a);
}

static void test_load_fields(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct attestations at;
    load_fixture(&at, &a, "attest-good.yaml", 0);
    assert_int_equal(at.n, 4);
    assert_int_equal(at.nwaivers, 3);
    assert_string_equal(at.v[0].measure, "M5.01");
    assert_int_equal(at.v[0].status, ATTEST_IMPLEMENTED);
    assert_string_equal(at.v[0].evidence, "policy POL-1");
    assert_string_equal(at.v[0].owner, "ciso@example.net");
    assert_true(at.v[0].has_date && at.v[0].has_expires);
    assert_int_equal(at.v[0].date, day("2026-01-10"));
    assert_int_equal(at.v[0].expires, day("2027-01-10"));
    assert_int_equal(at.v[0].line, 3);
    assert_false(at.v[3].has_expires); /* an attestation without expiry does not lapse */
    assert_int_equal(at.v[3].status, ATTEST_NOT_APPLICABLE);
    assert_string_equal(at.waivers[0].check, "T-MGMT");
    assert_string_equal(at.waivers[0].devices, "cpe-*");
    assert_string_equal(at.waivers[0].expires_text, "2026-12-31");
    arena_free(&a);
}

static void test_load_errors(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct attestations at;
    diag_reset_counts();
    capture_begin();
    load_fixture(&at, &a, "attest-bad.yaml", -1);
    char *err = capture_end();
    static const char *const want[] = {
        "attest-bad.yaml:4:13: error: field 'status': expected implemented, partial, "
        "not_implemented or not_applicable, found 'done'\n",
        "attest-bad.yaml:5:14: error: field 'measure': '5.01' is not a measure id",
        "attest-bad.yaml:10:14: error: field 'expires': is before the attestation's date\n",
        "attest-bad.yaml:11:5: error: field 'measure': an attestation needs a measure\n",
        "attest-bad.yaml:14:11: error: field 'date': expected a date YYYY-MM-DD, found "
        "'2026-13-01'\n",
        "attest-bad.yaml:16:5: error: field 'expires': a waiver needs an expiry date\n",
        "attest-bad.yaml:19:5: error: field 'devices': a waiver needs a devices glob",
    };
    for (size_t i = 0; i < ARRAY_SIZE(want); i++)
        if (!strstr(err, want[i]))
            fail_msg("missing diagnostic:\n%s\nin:\n%s", want[i], err);
    assert_int_equal(diag_error_count(), ARRAY_SIZE(want));
    /* Bad entries are skipped, good ones kept. */
    assert_int_equal(at.n, 0);
    assert_int_equal(at.nwaivers, 1);
    free(err);
    diag_reset_counts();
    arena_free(&a);
}

static void test_malformed_yaml(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct attestations at;
    const char *y = "attestations:\n  - measure: M5.01\n    status: [implemented\n";
    capture_begin();
    int rc = attest_load_buffer(&at, &a, "x.yaml", y, strlen(y));
    char *err = capture_end();
    assert_int_equal(rc, -1);
    assert_non_null(strstr(err, "x.yaml:"));
    assert_non_null(strstr(err, "error:"));
    free(err);
    /* A list where a mapping belongs. */
    y = "attestations: {measure: M5.01}\n";
    capture_begin();
    rc = attest_load_buffer(&at, &a, "x.yaml", y, strlen(y));
    err = capture_end();
    assert_int_equal(rc, -1);
    assert_non_null(strstr(err, "x.yaml:1:15: error: field 'attestations': expected a list"));
    free(err);
    /* Empty file: nothing, no error. */
    assert_int_equal(attest_load_buffer(&at, &a, "x.yaml", "", 0), 0);
    assert_int_equal(at.n + at.nwaivers, 0);
    arena_free(&a);
}

static void test_current_and_expiry(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct attestations at;
    load_fixture(&at, &a, "attest-good.yaml", 0);
    const struct attestation *exp, *cur;
    /* Counts through its expiry date, not the day after. */
    cur = attest_current(&at, "M5.01", day("2027-01-10"), &exp);
    assert_non_null(cur);
    assert_null(exp);
    cur = attest_current(&at, "M5.01", day("2027-01-11"), &exp);
    assert_null(cur);
    assert_non_null(exp);
    assert_int_equal(exp->expires, day("2027-01-10"));
    /* Dated after the assessment date: did not exist yet. */
    cur = attest_current(&at, "M5.01", day("2026-01-09"), &exp);
    assert_null(cur);
    assert_null(exp);
    /* Two for one measure: the current one on each date. */
    cur = attest_current(&at, "M5.02", day("2025-06-01"), &exp);
    assert_int_equal(cur->status, ATTEST_IMPLEMENTED);
    cur = attest_current(&at, "M5.02", day("2026-03-01"), &exp);
    assert_int_equal(cur->status, ATTEST_PARTIAL);
    cur = attest_current(&at, "M5.02", day("2026-07-01"), &exp);
    assert_null(cur);
    assert_int_equal(exp->status, ATTEST_PARTIAL); /* the latest to lapse */
    /* No expiry: counts on any later date. */
    assert_non_null(attest_current(&at, "M4.01", day("2099-01-01"), NULL));
    assert_null(attest_current(&at, "M9.01", day("2026-01-01"), &exp));
    assert_null(exp);
    assert_null(attest_current(NULL, "M5.01", day("2026-06-01"), NULL));
    arena_free(&a);
}

static void eval_noop(const struct check_ctx *ctx, struct check_result *r)
{
    (void)ctx;
    (void)r;
}

static const char *const mgmt_measures[] = {"M2.04", NULL};
static const struct check_def t_mgmt = {.id = "T-MGMT",
                                        .title = "test",
                                        .measures = mgmt_measures,
                                        .eval = eval_noop,
                                        .source = "test"};
static const struct check_def t_log = {
    .id = "T-LOG", .title = "test", .measures = mgmt_measures, .eval = eval_noop, .source = "test"};

static void make_device(struct device_result *d, struct check_result *r, const char *host,
                        const char *file, const char *rel)
{
    memset(d, 0, sizeof(*d));
    memset(r, 0, 3 * sizeof(*r));
    d->hostname = host;
    d->file = file;
    d->relpath = rel;
    d->results = r;
    d->nresults = 3;
    r[0] = (struct check_result){.check = &t_mgmt, .verdict = VERDICT_FAIL};
    r[1] = (struct check_result){.check = &t_log, .verdict = VERDICT_FAIL};
    r[2] = (struct check_result){.check = &t_mgmt, .verdict = VERDICT_PASS};
}

static void test_waivers_apply(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct attestations at;
    load_fixture(&at, &a, "attest-good.yaml", 0);
    struct device_result d;
    struct check_result r[3];

    /* Match on hostname glob: the fail becomes waived, reason and expiry set. */
    make_device(&d, r, "cpe-7", "/cfg/cpe-7", "cpe-7");
    waivers_apply(&at, day("2026-06-01"), &d);
    assert_int_equal(r[0].verdict, VERDICT_WAIVED);
    assert_string_equal(r[0].waiver, "vendor CPE needs it (RISK-1)");
    assert_string_equal(r[0].waiver_expires, "2026-12-31");
    assert_int_equal(r[1].verdict, VERDICT_FAIL); /* other check: no waiver */
    assert_null(r[1].waiver);
    assert_int_equal(r[2].verdict, VERDICT_PASS); /* only fails are waived */
    assert_null(r[2].waiver);

    /* On the expiry date it still applies; the day after it does not. */
    make_device(&d, r, "cpe-7", "/cfg/cpe-7", NULL);
    waivers_apply(&at, day("2026-12-31"), &d);
    assert_int_equal(r[0].verdict, VERDICT_WAIVED);
    make_device(&d, r, "cpe-7", "/cfg/cpe-7", NULL);
    waivers_apply(&at, day("2027-01-01"), &d);
    assert_int_equal(r[0].verdict, VERDICT_FAIL);
    assert_null(r[0].waiver);

    /* Expired waiver: no effect. */
    make_device(&d, r, "old-1", "/cfg/old-1", NULL);
    waivers_apply(&at, day("2026-06-01"), &d);
    assert_int_equal(r[0].verdict, VERDICT_FAIL);

    /* No match. */
    make_device(&d, r, "core-1", "/cfg/core-1", NULL);
    waivers_apply(&at, day("2026-06-01"), &d);
    assert_int_equal(r[0].verdict, VERDICT_FAIL);
    assert_int_equal(r[1].verdict, VERDICT_FAIL);

    /* Match on the file name when the hostname does not match. */
    make_device(&d, r, "unnamed", "/backup/cpe-9", NULL);
    waivers_apply(&at, day("2026-06-01"), &d);
    assert_int_equal(r[0].verdict, VERDICT_WAIVED);

    /* Match on the path relative to the scan root. */
    make_device(&d, r, "r1", "/data/site-a/r1.cfg", "site-a/r1.cfg");
    waivers_apply(&at, day("2026-06-01"), &d);
    assert_int_equal(r[1].verdict, VERDICT_WAIVED);
    assert_string_equal(r[1].waiver, "by path");

    /* Excluded devices and a NULL set are left alone. */
    make_device(&d, r, "cpe-7", "/cfg/cpe-7", NULL);
    d.excluded = true;
    waivers_apply(&at, day("2026-06-01"), &d);
    assert_int_equal(r[0].verdict, VERDICT_FAIL);
    d.excluded = false;
    waivers_apply(NULL, day("2026-06-01"), &d);
    assert_int_equal(r[0].verdict, VERDICT_FAIL);

    assert_non_null(waiver_find(&at, "T-MGMT", "cpe-1", NULL, day("2026-06-01")));
    assert_null(waiver_find(&at, "T-MGMT", "old-1", NULL, day("2026-06-01")));
    assert_true(waiver_current(&at.waivers[1], day("2026-01-31")));
    assert_false(waiver_current(&at.waivers[1], day("2026-02-01")));
    arena_free(&a);
}

static void test_names(void **state)
{
    (void)state;
    static const char *const want[] = {
        "met", "not_met", "partial", "attestation_required", "not_yet_due", "not_applicable"};
    for (int i = 0; i < MEASURE_STATUS_COUNT; i++) {
        enum measure_status_kind k;
        assert_string_equal(measure_status_name((enum measure_status_kind)i), want[i]);
        assert_true(measure_status_from_name(want[i], &k));
        assert_int_equal(k, i);
    }
    enum attest_status s;
    assert_true(attest_status_from_name("not_implemented", &s));
    assert_int_equal(s, ATTEST_NOT_IMPLEMENTED);
    assert_false(attest_status_from_name("done", &s));
    enum measure_kind k;
    assert_true(measure_kind_from_name("hybrid", &k));
    assert_int_equal(k, MEASURE_HYBRID);
    assert_string_equal(measure_kind_name(MEASURE_ATTESTATION), "attestation");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_example),
        cmocka_unit_test(test_load_fields),
        cmocka_unit_test(test_load_errors),
        cmocka_unit_test(test_malformed_yaml),
        cmocka_unit_test(test_current_and_expiry),
        cmocka_unit_test(test_waivers_apply),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
