/*
 * test_checks_profile.c - the provider profile loader: every field of the
 * example profile, typed errors with file:line:column and the field path,
 * unknown keys as warnings, malformed YAML, device rules and the digest.
 */
#include "testutil.h"

#include "checks/checks.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Run the loader with stderr captured; returns the captured text (malloc'd). */
static char *load_capture(struct profile *p, struct arena *a, const char *name, const char *yaml,
                          int *rc)
{
    char tmpl[] = "/tmp/tsaudit-profile-XXXXXX";
    int fd = mkstemp(tmpl);
    assert_true(fd >= 0);
    fflush(stderr);
    int saved = dup(2);
    dup2(fd, 2);
    *rc = profile_load_buffer(p, a, name, yaml, strlen(yaml));
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    close(fd);
    size_t n;
    char *out = NULL;
    if (file_read_all(tmpl, 0, false, &out, &n) != 0)
        out = xstrdup("");
    unlink(tmpl);
    return out;
}

static void test_example_profile(void **state)
{
    (void)state;
    struct arena a;
    struct profile p;
    arena_init(&a);
    diag_reset_counts();
    assert_int_equal(profile_load(&p, &a, tu_src("examples/profile.yaml")), 0);
    assert_int_equal(diag_error_count(), 0);
    assert_string_equal(p.provider_name, "Example Telecom Ltd");
    assert_int_equal(p.tier, 2);
    assert_true(p.has_as_of);
    int32_t d;
    assert_true(date_parse("2026-11-29", &d));
    assert_int_equal(p.as_of, d);
    assert_string_equal(p.code, "2026");
    assert_true(p.paw.present);
    assert_int_equal(p.paw.n, 2);
    assert_int_equal(p.management.n, 1);
    assert_int_equal(p.corporate.n, 1);
    assert_int_equal(p.ntp.n, 2);
    assert_int_equal(p.syslog.n, 2);
    assert_int_equal(p.aaa.n, 2);
    assert_int_equal(p.snmp_managers.n, 1);
    assert_true(p.tunnels.present);
    assert_int_equal(p.tunnels.n, 0);
    assert_true(p.has_mgmt_ports);
    assert_int_equal(p.nmgmt_ports, 2);
    assert_int_equal(p.mgmt_ports[1], 830);
    assert_int_equal(p.onbox_apps.n, 1);
    assert_string_equal(p.breakglass.v[0], "emergency");
    assert_string_equal(p.allowed_accounts.v[0], "svc-oss");
    assert_int_equal(p.own_prefixes.n, 1);
    assert_int_equal(p.nown_asns, 1);
    assert_int_equal(p.own_asns[0], 64500);
    assert_non_null(p.external_description);
    assert_true(cfg_regex_match(p.external_description, SV_LIT("PEER: LINX"), NULL, 0));
    assert_false(cfg_regex_match(p.external_description, SV_LIT("core link"), NULL, 0));
    assert_true(p.has_idle_timeout);
    assert_int_equal(p.idle_timeout_minutes, 10);
    assert_non_null(p.banner_regex);
    assert_true(cfg_regex_match(p.banner_regex, SV_LIT("AUTHORISED users only"), NULL, 0));
    assert_int_equal(p.ndevices, 1);
    assert_true(p.devices[0].exclude);
    assert_int_equal(strlen(p.digest), 64);

    /* The digest is the sha256 of the file. */
    size_t len;
    char *raw = tu_read("examples/profile.yaml", &len);
    char hex[65];
    sha256_hex(raw, len, hex);
    assert_string_equal(hex, p.digest);
    free(raw);

    /* Device rules: glob on hostname or file name, first match wins. */
    assert_non_null(profile_device_rule(&p, "lab-r1", "x/core1.cfg"));
    assert_non_null(profile_device_rule(&p, NULL, "estate/lab-sw2.cfg"));
    assert_null(profile_device_rule(&p, "core-r1", "estate/core-r1.cfg"));
    arena_free(&a);
}

static void test_typed_errors(void **state)
{
    (void)state;
    struct arena a;
    struct profile p;
    arena_init(&a);
    diag_reset_counts();
    const char *yaml = "networks:\n"
                       "  paw: [10.0.0.0/24, 10.0.1.0/24, not-a-prefix]\n"
                       "provider:\n"
                       "  tier: 7\n"
                       "policy:\n"
                       "  idle_timeout_minutes: ten\n"
                       "  banner_regex: \"(unclosed\"\n"
                       "approved:\n"
                       "  mgmt_ports: [22, 70000]\n"
                       "  ntp: 10.0.0.1\n";
    int rc;
    char *err = load_capture(&p, &a, "p.yaml", yaml, &rc);
    assert_int_equal(rc, -1);
    assert_int_equal(diag_error_count(), 6);
    assert_non_null(strstr(err, "p.yaml:2:35: error: field 'networks.paw[2]': not a CIDR prefix"));
    assert_non_null(strstr(err, "p.yaml:4:9: error: field 'provider.tier': 7 is out of range"));
    assert_non_null(
        strstr(err, "p.yaml:6:25: error: field 'policy.idle_timeout_minutes': not a whole number"));
    assert_non_null(strstr(err, "p.yaml:7:17: error: field 'policy.banner_regex': not a valid "
                                "regular expression"));
    assert_non_null(
        strstr(err, "p.yaml:9:20: error: field 'approved.mgmt_ports[1]': 70000 is out of range"));
    assert_non_null(strstr(err, "p.yaml:10:8: error: field 'approved.ntp': expected a list"));
    /* What did load is still usable. */
    assert_int_equal(p.paw.n, 2);
    assert_true(p.paw.present);
    assert_int_equal(p.tier, 0);
    assert_false(p.has_idle_timeout);
    assert_null(p.banner_regex);
    assert_int_equal(p.nmgmt_ports, 1);
    assert_false(p.ntp.present);
    free(err);
    arena_free(&a);
}

static void test_unknown_keys_warn(void **state)
{
    (void)state;
    struct arena a;
    struct profile p;
    arena_init(&a);
    diag_reset_counts();
    const char *yaml = "provider:\n"
                       "  name: X\n"
                       "  colour: blue\n"
                       "extras:\n"
                       "  a: 1\n"
                       "devices:\n"
                       "  - match: \"edge-*\"\n"
                       "    tier: 1\n"
                       "    owner: noc\n"
                       "  - exclude: true\n";
    int rc;
    char *err = load_capture(&p, &a, "w.yaml", yaml, &rc);
    assert_non_null(strstr(err, "w.yaml:3:3: warning: field 'provider.colour': unknown key"));
    assert_non_null(strstr(err, "w.yaml:4:1: warning: field 'extras': unknown section"));
    assert_non_null(strstr(err, "w.yaml:9:5: warning: field 'devices[0].owner': unknown key"));
    assert_non_null(strstr(err, "w.yaml:10:5: error: field 'devices[1]': a device rule needs "
                                "'match'"));
    assert_int_equal(rc, -1);
    assert_int_equal(diag_error_count(), 1);
    assert_string_equal(p.provider_name, "X");
    assert_int_equal(p.ndevices, 1);
    assert_int_equal(p.devices[0].tier, 1);
    const struct profile_device_rule *r = profile_device_rule(&p, "edge-7", NULL);
    assert_non_null(r);
    assert_false(r->exclude);
    free(err);
    arena_free(&a);
}

static void test_malformed_yaml(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "networks: [unclosed\n",
        "a: b: c\n",
        "- just\n- a list\n",
        "networks:\n  paw:\n    - [nested, list]\n",
        "networks: {paw: *undefined}\n",
        "provider:\n  name: [1, 2]\n",
        "devices: {match: x}\n",
        "\t\ttabs: are: bad\n",
        "%YAML 9.9\n---\na: 1\n",
    };
    for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
        struct arena a;
        struct profile p;
        arena_init(&a);
        diag_set_quiet(true);
        diag_reset_counts();
        int rc = profile_load_buffer(&p, &a, "bad.yaml", bad[i], strlen(bad[i]));
        diag_set_quiet(false);
        assert_int_equal(rc, -1);
        assert_true(diag_error_count() >= 1);
        arena_free(&a);
    }
}

static void test_empty_and_nulls(void **state)
{
    (void)state;
    struct arena a;
    struct profile p;
    arena_init(&a);
    diag_set_quiet(true);
    diag_reset_counts();
    assert_int_equal(profile_load_buffer(&p, &a, "e.yaml", "", 0), 0);
    assert_false(p.paw.present);
    const char *nul = "networks:\n  paw:\n";
    assert_int_equal(profile_load_buffer(&p, &a, "n.yaml", nul, strlen(nul)), 0);
    assert_false(p.paw.present); /* an empty value is "not set" (with a warning) */
    assert_int_equal(profile_load_buffer(&p, &a, "l.yaml", "networks:\n  paw: []\n", 20), 0);
    assert_true(p.paw.present);
    assert_int_equal(p.paw.n, 0);
    diag_set_quiet(false);
    assert_int_equal(diag_error_count(), 0);

    profile_init_empty(&p);
    assert_null(p.path);
    assert_string_equal(p.digest, "");
    assert_null(profile_device_rule(&p, "x", "y"));
    arena_free(&a);
}

/* The keys of the further checks: values, the catalogue's defaults until
 * set, and typed errors naming the field. */
static void test_policy_keys(void **state)
{
    (void)state;
    struct arena a;
    struct profile p;
    int rc;
    arena_init(&a);
    char *err = load_capture(&p, &a, "p.yaml", "networks: {infrastructure: [10.0.0.0/8]}\n", &rc);
    assert_int_equal(rc, 0);
    assert_true(p.infrastructure.present && !p.customer.present);
    assert_int_equal(p.lockout_attempts, 3);
    assert_int_equal(p.password_min_length, 15);
    assert_int_equal(p.log_severity_min, 6);
    assert_string_equal(p.tls_min, "1.2");
    assert_false(p.has_max_sessions || p.has_oob_required || p.has_key_lifetime_days);
    free(err);
    arena_free(&a);

    arena_init(&a);
    err = load_capture(&p, &a, "p.yaml",
                       "approved:\n  rpki_caches: [192.0.2.1]\n  bgp_bogons: [0.0.0.0/8]\n"
                       "interfaces:\n  management: \"^mgmt\"\n"
                       "policy:\n  max_sessions: 4\n  oob_required: true\n"
                       "  log_severity_min: notice\n  tls_min: \"1.3\"\n"
                       "  key_lifetime_days: 90\n",
                       &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(p.rpki_caches.n, 1);
    assert_int_equal(p.bgp_bogons.n, 1);
    assert_non_null(p.management_interfaces);
    assert_string_equal(p.management_interfaces_src, "^mgmt");
    assert_true(p.has_max_sessions && p.max_sessions == 4);
    assert_true(p.has_oob_required && p.oob_required);
    assert_true(p.has_log_severity_min && p.log_severity_min == 5);
    assert_string_equal(syslog_level_name(p.log_severity_min), "notifications");
    assert_true(p.has_tls_min && !strcmp(p.tls_min, "1.3"));
    assert_int_equal(p.key_lifetime_days, 90);
    free(err);
    arena_free(&a);

    arena_init(&a);
    err = load_capture(&p, &a, "p.yaml",
                       "policy:\n  tls_min: \"1.0\"\n  log_severity_min: loud\n"
                       "  password_min_length: 0\n",
                       &rc);
    assert_int_equal(rc, -1);
    assert_non_null(strstr(err, "p.yaml:2:12: error: field 'policy.tls_min'"));
    assert_non_null(strstr(err, "field 'policy.log_severity_min': not a syslog level"));
    assert_non_null(strstr(err, "field 'policy.password_min_length'"));
    assert_false(p.has_tls_min || p.has_log_severity_min || p.has_password_min_length);
    assert_int_equal(p.password_min_length, 15);
    free(err);
    arena_free(&a);
}

static void test_missing_file(void **state)
{
    (void)state;
    struct arena a;
    struct profile p;
    arena_init(&a);
    diag_set_quiet(true);
    diag_reset_counts();
    assert_int_equal(profile_load(&p, &a, "/nonexistent/profile.yaml"), -1);
    diag_set_quiet(false);
    assert_int_equal(diag_error_count(), 1);
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_example_profile),   cmocka_unit_test(test_typed_errors),
        cmocka_unit_test(test_unknown_keys_warn), cmocka_unit_test(test_malformed_yaml),
        cmocka_unit_test(test_empty_and_nulls),   cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_policy_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
