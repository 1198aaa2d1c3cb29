/*
 * test_checks_software.c - the readers behind the software checks: CSAF
 * 2.0 and YAML advisories (advisory.c) and release-support tables
 * (software_data.c), well-formed and malformed, and the profile's software
 * section that names them.
 */
#include "testutil.h"

#include "checks/checks.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* What a reader printed on stderr, and its return value. */
struct captured {
    char *err;
    int rc;
};

enum reader { ADVISORIES, RELEASES };

static struct captured run_reader(enum reader which, void *out, struct arena *a, const char *name,
                                  const char *text)
{
    char tmpl[] = "/tmp/tsaudit-sw-XXXXXX";
    int fd = mkstemp(tmpl);
    assert_true(fd >= 0);
    fflush(stderr);
    int saved = dup(2);
    dup2(fd, 2);
    struct captured c;
    if (which == ADVISORIES)
        c.rc = advisory_load(out, a, name, text, strlen(text));
    else
        c.rc = release_table_load(out, a, name, text, strlen(text));
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    close(fd);
    size_t n;
    c.err = NULL;
    if (file_read_all(tmpl, 0, false, &c.err, &n) != 0)
        c.err = xstrdup("");
    unlink(tmpl);
    return c;
}

static const char csaf_two_platforms[] =
    "{\"document\": {\"csaf_version\": \"2.0\", \"title\": \"Web UI\",\n"
    "  \"tracking\": {\"id\": \"ex-sa-webui\"}},\n"
    " \"product_tree\": {\"branches\": [{\"category\": \"vendor\", \"name\": \"Cisco\",\n"
    "   \"branches\": [{\"category\": \"product_name\", \"name\": \"Cisco IOS XE Software\",\n"
    "     \"branches\": [\n"
    "       {\"category\": \"product_version\", \"name\": \"17.9.1\",\n"
    "        \"product\": {\"product_id\": \"XE-1791\", \"name\": \"IOS XE 17.9.1\"}},\n"
    "       {\"category\": \"product_version\", \"name\": \"17.9.4a\",\n"
    "        \"product\": {\"product_id\": \"XE-1794a\", \"name\": \"IOS XE 17.9.4a\"}}]},\n"
    "    {\"category\": \"product_name\", \"name\": \"Cisco IOS XR Software\",\n"
    "     \"branches\": [{\"category\": \"product_version\", \"name\": \"7.9.2\",\n"
    "        \"product\": {\"product_id\": \"XR-792\", \"name\": \"IOS XR 7.9.2\"}}]}]}],\n"
    "  \"full_product_names\": [{\"product_id\": \"JUN-1\", \"name\": \"Juniper Junos OS "
    "22.4R3\"}]},\n"
    " \"vulnerabilities\": [\n"
    "  {\"cve\": \"CVE-2099-1000\",\n"
    "   \"notes\": [{\"category\": \"other\", \"title\": \"tsaudit feature\",\n"
    "               \"text\": \"^ip http server$\\n^ip http secure-server$\"}],\n"
    "   \"product_status\": {\"known_affected\": [\"XE-1791\", \"XR-792\", \"JUN-1\"],\n"
    "                        \"fixed\": [\"XE-1794a\"]}}]}\n";

static void test_csaf(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct advisory_set s = {0};
    struct captured c = run_reader(ADVISORIES, &s, &a, "webui.json", csaf_two_platforms);
    assert_int_equal(c.rc, 0);
    assert_string_equal(c.err, "");
    assert_true(s.present);
    assert_int_equal(s.n, 3); /* one per platform: IOS XE, IOS XR, Junos */
    const struct advisory *xe = NULL;
    for (size_t i = 0; i < s.n; i++) {
        assert_string_equal(s.v[i].id, "ex-sa-webui");
        assert_string_equal(s.v[i].cve, "CVE-2099-1000");
        assert_int_equal(s.v[i].nfeatures, 2);
        if (s.v[i].dialect == DIALECT_CISCO_IOS)
            xe = &s.v[i];
    }
    assert_non_null(xe);
    assert_int_equal(xe->naffected, 1);
    assert_string_equal(xe->affected[0], "17.9.1");
    assert_int_equal(xe->nfixed, 1);
    assert_string_equal(xe->fixed[0], "17.9.4a");
    assert_true(cfg_regex_match(xe->feature[0], sv_from_cstr("ip http server"), NULL, 0));
    assert_false(cfg_regex_match(xe->feature[0], sv_from_cstr("no ip http server"), NULL, 0));
    free(c.err);
    arena_free(&a);
}

/* Each malformed CSAF document is one "file:line: error:" line; nothing loads. */
static void test_csaf_malformed(void **state)
{
    (void)state;
    static const struct {
        const char *text, *expect;
    } cases[] = {
        {"{\"document\": {\"csaf_version\": \"2.0\"},\n \"vulnerabilities\": [",
         "bad.json:2: error: not a CSAF document"},
        {"{\"document\": {\"csaf_version\": \"1.2\"}, \"vulnerabilities\": []}",
         "bad.json:1: error: not a CSAF 2.x document"},
        {"{\"document\": {\"csaf_version\": \"2.0\"}, \"vulnerabilities\": {}}",
         "bad.json:1: error: a CSAF advisory needs a list of vulnerabilities"},
        {"{\"document\": {\"csaf_version\": \"2.0\"}, \"vulnerabilities\": [{\"cve\": \"x\","
         " \"product_status\": {\"known_affected\": [\"nope\"]}}]}",
         "bad.json:1: error: no vulnerability names an affected product"},
        {"{\"foo\": 1}", "bad.json:1: error: not a CSAF 2.x document"},
    };
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        struct arena a;
        arena_init(&a);
        struct advisory_set s = {0};
        struct captured c = run_reader(ADVISORIES, &s, &a, "bad.json", cases[i].text);
        if (!strstr(c.err, cases[i].expect))
            fail_msg("case %zu: expected '%s' in '%s'", i, cases[i].expect, c.err);
        assert_true(c.rc > 0);
        assert_int_equal(s.n, 0);
        assert_ptr_equal(strchr(c.err, '\n'), c.err + strlen(c.err) - 1); /* one line */
        free(c.err);
        arena_free(&a);
    }
}

/* A bad statement in a CSAF note is reported; the advisory loads without it. */
static void test_csaf_bad_feature(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct advisory_set s = {0};
    char *text = xstrdup(csaf_two_platforms);
    char *p = strstr(text, "^ip http server$");
    memcpy(p, "^ip (http server", 16);
    struct captured c = run_reader(ADVISORIES, &s, &a, "webui.json", text);
    assert_non_null(
        strstr(c.err, "webui.json:1: error: feature '^ip (http server' is not a valid"));
    assert_int_equal(s.n, 3);
    assert_int_equal(s.v[0].nfeatures, 1);
    free(c.err);
    free(text);
    arena_free(&a);
}

static const char yaml_ok[] = "advisories:\n"
                              "  - id: EX-1\n"
                              "    cve: CVE-2099-2000\n"
                              "    platform: cisco-ios\n"
                              "    affected: [\"17.9\", \"16.12\"]\n"
                              "    fixed: [\"17.9.5\"]\n"
                              "    feature: \"^ip http server$\"\n"
                              "  - cve: CVE-2099-1000\n"
                              "    feature: [\"^webui\"]\n";

static void test_yaml(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct advisory_set s = {0};
    struct captured c = run_reader(ADVISORIES, &s, &a, "adv.yaml", yaml_ok);
    assert_int_equal(c.rc, 0);
    assert_string_equal(c.err, "");
    assert_int_equal(s.n, 2);
    assert_int_equal(s.v[0].dialect, DIALECT_CISCO_IOS);
    assert_int_equal(s.v[0].naffected, 2);
    assert_int_equal(s.v[0].nfixed, 1);
    assert_int_equal(s.v[0].nfeatures, 1);
    assert_int_equal(s.v[0].line, 2);
    /* statements only: adds to the CSAF advisory of that CVE */
    assert_int_equal(s.v[1].naffected, 0);
    assert_int_equal(s.v[1].dialect, DIALECT_UNKNOWN);
    assert_int_equal(s.v[1].nfeatures, 1);
    free(c.err);
    arena_free(&a);
}

/* Bad entries are reported with their position and skipped; good ones load. */
static void test_yaml_malformed(void **state)
{
    (void)state;
    static const struct {
        const char *entry, *expect;
    } cases[] = {
        {"  - id: X\n    affected: [\"1\"]\n    feature: a\n", "adv.yaml:2:5: error:"},
        {"  - id: X\n    platform: cisco-ios\n    affected: [\"1\"]\n    feature: \"(\"\n",
         "is not a valid regular expression"},
        {"  - id: X\n    platform: vendor-os\n    affected: [\"1\"]\n",
         "'vendor-os' is not a dialect"},
        {"  - platform: cisco-ios\n    affected: [\"1\"]\n", "needs 'id' or 'cve'"},
        {"  - just a string\n", "expected a mapping"},
        {"  - cve: CVE-1\n", "adds 'feature' only"},
    };
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        char text[512];
        snprintf(text, sizeof(text),
                 "advisories:\n%s  - id: GOOD\n    platform: juniper-junos\n    affected: "
                 "[\"22.4\"]\n",
                 cases[i].entry);
        struct arena a;
        arena_init(&a);
        struct advisory_set s = {0};
        struct captured c = run_reader(ADVISORIES, &s, &a, "adv.yaml", text);
        if (!strstr(c.err, cases[i].expect) || !strstr(c.err, "adv.yaml:"))
            fail_msg("case %zu: expected '%s' in '%s'", i, cases[i].expect, c.err);
        assert_true(c.rc > 0);
        assert_int_equal(s.n, 1);
        assert_string_equal(s.v[0].id, "GOOD");
        free(c.err);
        arena_free(&a);
    }
    /* not YAML at all, and not a list */
    static const char *const broken[] = {"advisories: [unclosed\n", "advisories: 3\n"};
    for (size_t i = 0; i < ARRAY_SIZE(broken); i++) {
        struct arena a;
        arena_init(&a);
        struct advisory_set s = {0};
        struct captured c = run_reader(ADVISORIES, &s, &a, "adv.yaml", broken[i]);
        assert_non_null(strstr(c.err, "adv.yaml:"));
        assert_non_null(strstr(c.err, "error:"));
        assert_int_equal(s.n, 0);
        free(c.err);
        arena_free(&a);
    }
}

static void test_release_table(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct release_table t;
    struct captured c =
        run_reader(RELEASES, &t, &a, "rel.yaml",
                   "releases:\n"
                   "  - {platform: cisco-ios, train: \"17.9\", end_of_maintenance: 2027-06-30, "
                   "source: doc}\n"
                   "  - {platform: cisco-ios, train: \"17.6\", end_of_maintenance: 2027-13-01, "
                   "source: doc}\n"
                   "  - {platform: os-x, train: \"1\", end_of_maintenance: 2027-01-01, source: "
                   "doc}\n"
                   "  - {platform: cisco-ios, train: \"15.2\", end_of_maintenance: 2020-01-01}\n"
                   "  - {platform: huawei-vrp, train: \"V800R021*\", end_of_maintenance: "
                   "2027-01-01, source: doc}\n");
    assert_int_equal(c.rc, 3);
    assert_non_null(strstr(c.err, "rel.yaml:3:"));
    assert_non_null(strstr(c.err, "not a date"));
    assert_non_null(strstr(c.err, "'os-x' is not a dialect"));
    assert_non_null(strstr(c.err, "needs 'source'"));
    assert_int_equal(t.n, 2);
    assert_ptr_equal(release_lookup(&t, DIALECT_CISCO_IOS, "17.9"), &t.v[0]);
    assert_ptr_equal(release_lookup(&t, DIALECT_HUAWEI_VRP, "V800R021C10SPC600"), &t.v[1]);
    assert_null(release_lookup(&t, DIALECT_CISCO_IOS, "17.6"));
    /* the built-in table answers after the provider's */
    const struct release_row *eos = release_lookup(&t, DIALECT_ARISTA_EOS, "4.26.4M");
    assert_non_null(eos);
    assert_string_equal(eos->file, "built-in");
    assert_null(release_lookup(&t, DIALECT_ARISTA_EOS, "4.260.1F"));
    free(c.err);
    arena_free(&a);
}

/* A row from a vendor list without dates: ended_by instead of
 * end_of_maintenance, never both. */
static void test_release_listed(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct release_table t;
    struct captured c =
        run_reader(RELEASES, &t, &a, "listed.yaml",
                   "releases:\n"
                   "  - {platform: juniper-junos, train: \"18.2R*\", ended_by: 2026-12-08, "
                   "source: doc}\n"
                   "  - {platform: juniper-junos, train: \"18.3R*\", ended_by: 2026-12-08, "
                   "end_of_maintenance: 2024-01-01, source: doc}\n"
                   "  - {platform: juniper-junos, train: \"18.4R*\", ended_by: soon, "
                   "source: doc}\n");
    assert_int_equal(c.rc, 2);
    assert_non_null(strstr(c.err, "not both"));
    assert_non_null(strstr(c.err, "not a date"));
    assert_int_equal(t.n, 1);
    const struct release_row *r = release_lookup(&t, DIALECT_JUNIPER_JUNOS, "18.2R3-S6.5");
    assert_ptr_equal(r, &t.v[0]);
    assert_true(r->end_bound);
    /* the built-in Junos mainline rows leave the X trains alone */
    assert_null(release_lookup(NULL, DIALECT_JUNIPER_JUNOS, "15.1X49-D15.4"));
    assert_non_null(release_lookup(NULL, DIALECT_JUNIPER_JUNOS, "15.1R7-S6.4"));
    free(c.err);
    arena_free(&a);
}

static void test_release_in_train(void **state)
{
    (void)state;
    assert_true(release_in_train("4.26.4M", "4.26"));
    assert_true(release_in_train("11.2(26)", "11.2"));
    assert_true(release_in_train("17.9", "17.9"));
    assert_false(release_in_train("4.260", "4.26"));
    assert_false(release_in_train("17.1", "17.12"));
    assert_true(release_in_train("V800R021C10SPC600", "V800R021*"));
    assert_false(release_in_train(NULL, "1"));
}

/* The fixtures' profile names a release table and two advisory files
 * (YAML and CSAF) relative to itself; all load, the profile is clean. */
static void test_profile_software(void **state)
{
    (void)state;
    struct arena a;
    struct profile p;
    arena_init(&a);
    diag_reset_counts();
    assert_int_equal(profile_load(&p, &a, tu_src("tests/fixtures/checks/profile-sw.yaml")), 0);
    assert_int_equal(diag_error_count(), 0);
    assert_true(p.has_releases);
    assert_true(p.releases.n > 10);
    assert_true(p.approved_releases.present);
    assert_true(p.advisories.present);
    size_t csaf = 0;
    for (size_t i = 0; i < p.advisories.n; i++)
        csaf += p.advisories.v[i].id && !strcmp(p.advisories.v[i].id, "FIXTURE-NXOS-NXAPI");
    assert_int_equal(csaf, 1);
    arena_free(&a);
}

/* golden: rules with a template, patterns, and the errors a rule can have. */
static void test_profile_golden(void **state)
{
    (void)state;
    static const char yaml[] = "golden:\n"
                               "  - match: \"edge-*\"\n"
                               "    require: [\"^hostname \", \"^logging host\"]\n"
                               "    forbid: \"^ip http server$\"\n"
                               "  - template: t.cfg\n"
                               "  - match: core-*\n"
                               "  - match: lab-*\n"
                               "    forbid: \"(\"\n"
                               "  - match: \"*\"\n"
                               "    template: /nonexistent/golden.cfg\n";
    char tmpl[] = "/tmp/tsaudit-golden-XXXXXX";
    int fd = mkstemp(tmpl);
    assert_true(fd >= 0);
    fflush(stderr);
    int saved = dup(2);
    dup2(fd, 2);
    struct arena a;
    struct profile p;
    arena_init(&a);
    int rc = profile_load_buffer(&p, &a, "golden.yaml", yaml, strlen(yaml));
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    close(fd);
    char *err = NULL;
    size_t n;
    assert_int_equal(file_read_all(tmpl, 0, false, &err, &n), 0);
    unlink(tmpl);
    assert_int_equal(rc, -1);
    assert_non_null(strstr(err, "golden.yaml:5:5: error: field 'golden[1]': a golden rule needs "
                                "'match'"));
    assert_non_null(strstr(err, "golden.yaml:6:5: error: field 'golden[2]': a golden rule needs "
                                "'template', 'require' or 'forbid'"));
    assert_non_null(strstr(err, "field 'golden[3].forbid': not a valid regular expression"));
    assert_non_null(strstr(err, "/nonexistent/golden.cfg"));
    assert_true(p.has_golden);
    assert_int_equal(p.ngolden, 2); /* edge-* and *: lab-* is left with no valid pattern */
    const struct golden_rule *g = profile_golden_rule(&p, "edge-1", NULL);
    assert_non_null(g);
    assert_int_equal(g->nrequire, 2);
    assert_int_equal(g->nforbid, 1);
    g = profile_golden_rule(&p, NULL, "configs/core-2.cfg");
    assert_non_null(g);
    assert_string_equal(g->match, "*");
    assert_null(g->template_text); /* unreadable: the check says unknown */
    free(err);
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csaf),
        cmocka_unit_test(test_csaf_malformed),
        cmocka_unit_test(test_csaf_bad_feature),
        cmocka_unit_test(test_yaml),
        cmocka_unit_test(test_yaml_malformed),
        cmocka_unit_test(test_release_table),
        cmocka_unit_test(test_release_listed),
        cmocka_unit_test(test_release_in_train),
        cmocka_unit_test(test_profile_software),
        cmocka_unit_test(test_profile_golden),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
