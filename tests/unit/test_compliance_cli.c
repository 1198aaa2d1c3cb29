/*
 * 'tsaudit measures' and 'tsaudit explain' end to end: runs the built binary
 * (TSAUDIT_BIN) and checks output, formats, filters and exit status.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

struct run {
    char *out, *err;
    int rc;
};

static char *slurp(FILE *f)
{
    struct buf b;
    buf_init(&b, 0);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        buf_add(&b, chunk, n);
    char *s = xstrdup(buf_cstr(&b));
    buf_free(&b);
    return s;
}

/* Run "tsaudit ARGS" from the source root; stdout and stderr kept apart. */
static struct run tsaudit(const char *args)
{
    const char *bin = getenv("TSAUDIT_BIN");
    if (!bin || access(bin, X_OK) != 0)
        fail_msg("TSAUDIT_BIN is not set to the built binary");
    char errpath[] = "/tmp/tsaudit-cli-XXXXXX";
    int fd = mkstemp(errpath);
    assert_true(fd >= 0);
    close(fd);
    struct buf cmd;
    buf_init(&cmd, 0);
    buf_printf(&cmd, "cd '%s' && '%s' %s 2>'%s'", tu_src("."), bin, args, errpath);
    FILE *p = popen(buf_cstr(&cmd), "r");
    buf_free(&cmd);
    assert_non_null(p);
    struct run r;
    r.out = slurp(p);
    int st = pclose(p);
    r.rc = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    FILE *e = fopen(errpath, "r");
    assert_non_null(e);
    r.err = slurp(e);
    fclose(e);
    unlink(errpath);
    return r;
}

static void run_free(struct run *r)
{
    free(r->out);
    free(r->err);
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void test_help(void **state)
{
    (void)state;
    struct run r = tsaudit("measures --help");
    assert_int_equal(r.rc, 0);
    assert_non_null(strstr(r.out, "No devices are scanned"));
    assert_non_null(strstr(r.out, "--unverified"));
    run_free(&r);
    r = tsaudit("explain --help");
    assert_int_equal(r.rc, 0);
    assert_non_null(strstr(r.out, "M11.14"));
    run_free(&r);
}

static void test_measures_json(void **state)
{
    (void)state;
    /* Tier 2, the day before its first deadline: sections 1-5 (46) and the
     * contract-based section 10 (54) are not yet due. */
    struct run r = tsaudit("measures --code 2022 --tier 2 --as-of 2025-03-30 --format json");
    assert_int_equal(r.rc, 0);
    assert_int_equal(count(r.out, "\"id\":\"M"), 258);
    assert_non_null(strstr(r.out, "\"not_yet_due\":100,"));
    assert_non_null(strstr(r.out, "\"overdue\":0,"));
    assert_non_null(strstr(r.out, "\"due_next\":[{\"date\":\"2025-03-31\",\"measures\":100"));
    assert_non_null(strstr(r.out, "\"edition\":\"2022\""));
    run_free(&r);
    /* On the deadline they are due and, without attestations, overdue. */
    r = tsaudit("measures --code 2022 --tier 2 --as-of 2025-03-31 --format json --section 2");
    assert_int_equal(r.rc, 0);
    assert_int_equal(count(r.out, "\"id\":\"M2."), 6);
    assert_int_equal(count(r.out, "\"overdue\":true"), 6);
    run_free(&r);
}

static void test_measures_filters_csv(void **state)
{
    (void)state;
    struct run r = tsaudit("measures --profile examples/profile.yaml --attest "
                           "examples/attestations.yaml --status met --format csv");
    assert_int_equal(r.rc, 0);
    assert_non_null(strstr(r.out, "id,section,title,kind,status,"));
    assert_non_null(strstr(r.out, "\nM5.01,5,"));
    size_t lines = count(r.out, "\n");
    assert_true(lines > 1);
    assert_int_equal(count(r.out, ",met,"), lines - 1);
    run_free(&r);
    /* Unverified: none of sections 1-5 or 10 (their dates are sourced). */
    r = tsaudit("measures --tier 1 --unverified --format csv");
    assert_int_equal(r.rc, 0);
    assert_null(strstr(r.out, "\nM1.01,"));
    assert_null(strstr(r.out, "\nM10.01,"));
    assert_non_null(strstr(r.out, "\nM11.14,"));
    assert_int_equal(count(r.out, "\n") - 1, 258 - 46 - 54);
    run_free(&r);
    /* Tier 3: guidance only. */
    r = tsaudit("measures --tier 3 --format json");
    assert_int_equal(r.rc, 0);
    assert_non_null(strstr(r.out, "\"not_applicable\":258,"));
    run_free(&r);
}

static void test_measures_bad_input(void **state)
{
    (void)state;
    struct run r = tsaudit("measures --tier 4");
    assert_int_equal(r.rc, 2);
    assert_non_null(strstr(r.err, "--tier must be 1, 2 or 3"));
    run_free(&r);
    r = tsaudit("measures --code 2019");
    assert_int_equal(r.rc, 2);
    run_free(&r);
    r = tsaudit("measures --status done");
    assert_int_equal(r.rc, 2);
    run_free(&r);
    r = tsaudit("measures --catalog tests/fixtures/compliance/override-bad.yaml --format csv");
    assert_int_equal(r.rc, 2);
    assert_non_null(strstr(r.err, "tests/fixtures/compliance/override-bad.yaml:6:11: error: "
                                  "field 'kind': expected automated, hybrid or attestation, "
                                  "found 'sometimes'"));
    run_free(&r);
    r = tsaudit("measures --attest tests/fixtures/compliance/attest-bad.yaml --format csv");
    assert_int_equal(r.rc, 2);
    assert_non_null(strstr(r.err, "attest-bad.yaml:4:13: error: field 'status'"));
    run_free(&r);
}

static void test_explain(void **state)
{
    (void)state;
    struct run r = tsaudit("explain M2.04");
    assert_int_equal(r.rc, 0);
    assert_non_null(strstr(r.out, "section 2: Management plane 1"));
    assert_non_null(strstr(r.out, "tier 1: 2024-03-31 [verified]"));
    assert_non_null(strstr(r.out, "tier 2: 2025-03-31 [verified]"));
    assert_non_null(strstr(r.out, "tier 3: does not apply"));
    assert_non_null(strstr(r.out, "8(4)"));
    run_free(&r);
    r = tsaudit("explain M11.14");
    assert_int_equal(r.rc, 0);
    assert_non_null(strstr(r.out, "tier 1: unknown [unverified]"));
    run_free(&r);
    r = tsaudit("explain --code 2022 M10.22");
    assert_int_equal(r.rc, 0);
    assert_non_null(strstr(r.out, "new contracts from 2024-03-31, all contracts from 2027-03-31"));
    run_free(&r);
    r = tsaudit("explain M1.07");
    assert_int_equal(r.rc, 2);
    assert_non_null(strstr(r.err, "not a measure of edition"));
    run_free(&r);
    r = tsaudit("explain NO-SUCH-CHECK");
    assert_int_equal(r.rc, 2);
    run_free(&r);
    r = tsaudit("explain");
    assert_int_equal(r.rc, 2);
    run_free(&r);
}

static void test_explain_check(void **state)
{
    (void)state;
    /* Any registered check explains itself with the catalogue's titles. */
    struct run list = tsaudit("explain M2.04");
    const char *p = strstr(list.out, "Checks evidencing it:\n  ");
    if (!p) {
        run_free(&list);
        skip(); /* no built-in check maps M2.04 yet */
    }
    p += strlen("Checks evidencing it:\n  ");
    char id[64];
    size_t n = strcspn(p, " \n");
    assert_true(n > 0 && n < sizeof(id));
    memcpy(id, p, n);
    id[n] = '\0';
    run_free(&list);
    char args[128];
    snprintf(args, sizeof(args), "explain %s", id);
    struct run r = tsaudit(args);
    assert_int_equal(r.rc, 0);
    assert_non_null(strstr(r.out, "Severity: "));
    assert_non_null(strstr(r.out, "M2.04   Switch off every management protocol"));
    run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_help),
        cmocka_unit_test(test_measures_json),
        cmocka_unit_test(test_measures_filters_csv),
        cmocka_unit_test(test_measures_bad_input),
        cmocka_unit_test(test_explain),
        cmocka_unit_test(test_explain_check),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
