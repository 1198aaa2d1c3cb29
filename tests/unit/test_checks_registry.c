/*
 * test_checks_registry.c - the check registry's shape (stable ids, unique,
 * every row complete), names of verdicts and severities, user-rule
 * registration, the evidence helpers and the fleet check: fingerprints and
 * cross-device reuse over hand-built models.
 */
#include "testutil.h"

#include "checks/checks.h"

#include <stdlib.h>
#include <string.h>

static const char *const expected_ids[] = {
    "MGMT-TELNET",
    "MGMT-SSH-V2",
    "MGMT-ACCESS-ACL",
    "MGMT-PAW-SOURCES",
    "MGMT-OUTBOUND",
    "MGMT-IDLE-TIMEOUT",
    "MGMT-CONSOLE-AUX",
    "MGMT-WEB",
    "MGMT-SMART-INSTALL",
    "MGMT-ONBOX-SHELL",
    "MGMT-NONSTD-LISTENERS",
    "MGMT-API-TRANSPORT",
    "MGMT-EXTERNAL-EXPOSURE",
    "MGMT-DISCOVERY",
    "MGMT-FILE-XFER",
    "AAA-CENTRAL",
    "AAA-SERVERS-APPROVED",
    "AAA-BREAKGLASS",
    "AAA-ACCOUNTING",
    "AAA-DEFAULT-ACCOUNTS",
    "AAA-ROOT-REMOTE",
    "AAA-CMD-AUTHZ",
    "CRED-ENABLE",
    "CRED-LOCAL-HASH",
    "CRED-PLAINTEXT",
    "CRED-SECRET-ENCRYPTION",
    "CRED-UNIQUE-PER-DEVICE",
    "CRED-SSH-KEYS",
    "CRYPTO-SSH-CIPHERS",
    "CRYPTO-SSH-MACS",
    "CRYPTO-IPSEC",
    "SNMP-V1V2C",
    "SNMP-DEFAULT-COMMUNITY",
    "SNMP-WRITE",
    "SNMP-ACL",
    "SNMP-V3-AUTHPRIV",
    "TIME-NTP-SOURCES",
    "TIME-NTP-AUTH",
    "LOG-REMOTE-SYSLOG",
    "LOG-LOGIN-EVENTS",
    "LOG-CONFIG-CHANGES",
    "LOG-NOT-SUPPRESSED",
    "RTG-BGP-AUTH",
    "RTG-BGP-GTSM",
    "RTG-BGP-MAXPREFIX",
    "RTG-BGP-IN-POLICY",
    "RTG-BGP-OUT-POLICY",
    "RTG-IGP-AUTH",
    "DATA-URPF",
    "DATA-UNEXPECTED-TUNNELS",
    "DATA-UNEXPECTED-MIRRORING",
    "DATA-IP-LEGACY",
    "SVC-LEGACY",
    "SVC-ONBOX-SCRIPTS",
    "BANNER-LOGIN",
    "CPP-COPP",
};

static void test_registry_shape(void **state)
{
    (void)state;
    size_t n;
    const struct check_def *const *all = checks_all(&n);
    assert_true(n >= ARRAY_SIZE(expected_ids));
    for (size_t i = 0; i < ARRAY_SIZE(expected_ids); i++) {
        const struct check_def *c = check_find(expected_ids[i]);
        if (!c)
            fail_msg("missing check %s", expected_ids[i]);
        assert_int_equal(check_index(c), i); /* built-in order is stable */
        assert_ptr_equal(all[i], c);
    }
    for (size_t i = 0; i < n; i++) {
        const struct check_def *c = all[i];
        assert_non_null(c->title);
        assert_non_null(c->category);
        assert_non_null(c->rationale);
        assert_non_null(c->measures);
        assert_non_null(c->remediation[DIALECT_UNKNOWN]);
        assert_string_equal(c->source, "builtin");
        assert_true(c->severity >= SEV_LOW && c->severity <= SEV_HIGH);
        assert_non_null(c->eval);
        for (size_t j = i + 1; j < n; j++)
            assert_string_not_equal(c->id, all[j]->id);
        for (const char *const *m = c->measures; *m; m++)
            assert_true((*m)[0] == 'M' && strchr(*m, '.'));
        if (strcmp(c->id, "BANNER-LOGIN") != 0)
            assert_non_null(c->measures[0]);
    }
    assert_int_equal(check_find("CRED-UNIQUE-PER-DEVICE")->scope, CHECK_FLEET);
    assert_ptr_equal(check_find("mgmt-telnet"), check_find("MGMT-TELNET"));
    assert_null(check_find("NO-SUCH-CHECK"));
    assert_int_equal(check_find("BANNER-LOGIN")->severity, SEV_LOW);
    assert_int_equal(check_find("MGMT-OUTBOUND")->severity, SEV_MEDIUM);
}

static void test_names(void **state)
{
    (void)state;
    for (int v = 0; v < VERDICT_COUNT; v++) {
        enum verdict back;
        assert_true(verdict_from_name(verdict_name((enum verdict)v), &back));
        assert_int_equal(back, v);
    }
    assert_string_equal(verdict_name(VERDICT_NOT_APPLICABLE), "not_applicable");
    assert_string_equal(verdict_name(VERDICT_NEEDS_CONTEXT), "needs_context");
    for (int s = 0; s < SEV_COUNT; s++) {
        enum severity back;
        assert_true(severity_from_name(severity_name((enum severity)s), &back));
        assert_int_equal(back, s);
    }
    enum verdict v;
    assert_false(verdict_from_name("PASS", &v));
    assert_false(verdict_from_name(NULL, &v));
}

static void eval_user(const struct check_ctx *ctx, struct check_result *r)
{
    check_set(ctx, r, VERDICT_PASS, "user rule ran on %s", ctx->model->hostname);
}

static const struct check_def user_rule = {
    .id = "USER-TEST-RULE",
    .title = "test",
    .category = "test",
    .severity = SEV_LOW,
    .rationale = "test",
    .measures = (const char *const[]){NULL},
    .remediation = {[DIALECT_UNKNOWN] = "nothing"},
    .eval = eval_user,
    .source = "rules.yaml",
};

static const struct check_def dup_rule = {
    .id = "MGMT-TELNET",
    .title = "clash",
    .source = "rules.yaml",
};

/* A run on an empty model: every check yields a verdict with a message, and
 * the user rule comes after the built-ins. */
static void test_run_empty_model(void **state)
{
    (void)state;
    size_t before;
    checks_all(&before);
    checks_register(&user_rule);
    diag_set_quiet(true);
    diag_reset_counts();
    checks_register(&dup_rule); /* rejected with a diagnostic */
    diag_set_quiet(false);
    assert_int_equal(diag_error_count(), 1);
    size_t n;
    checks_all(&n);
    assert_int_equal(n, before + 1);
    assert_int_equal(check_index(&user_rule), before);

    struct arena a;
    arena_init(&a);
    struct device_model m;
    memset(&m, 0, sizeof(m));
    m.dialect = DIALECT_CISCO_IOS;
    m.hostname = "r1";
    m.ssh.port = -1;
    m.ssh.idle_timeout_seconds = -1;
    struct profile p;
    profile_init_empty(&p);
    struct check_ctx ctx = {.tree = NULL, .model = &m, .profile = &p, .arena = &a};
    struct device_result out;
    memset(&out, 0, sizeof(out));
    checks_run_device(&ctx, &out);
    assert_int_equal(out.nresults, n);
    for (size_t i = 0; i < n; i++) {
        const struct check_result *r = &out.results[i];
        assert_non_null(r->message);
        assert_true(r->verdict < VERDICT_WAIVED);
        if (r->verdict == VERDICT_FAIL)
            assert_non_null(r->remediation);
    }
    assert_string_equal(out.results[before].message, "user rule ran on r1");
    /* Profile-driven checks ask for their field by name. */
    const struct check_result *paw = &out.results[check_index(check_find("MGMT-PAW-SOURCES"))];
    assert_int_equal(paw->verdict, VERDICT_NEEDS_CONTEXT);
    assert_non_null(strstr(paw->message, "networks.paw"));
    /* Nothing is known about the model, so nothing may pass on a default. */
    const struct check_result *tel = &out.results[check_index(check_find("MGMT-TELNET"))];
    assert_int_equal(tel->verdict, VERDICT_UNKNOWN);
    arena_free(&a);
}

/* Evidence is kept in line order, without duplicates, from nodes or line numbers. */
static void test_evidence_helpers(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    const char *buf = "hostname r1\n  line two  \nthird\n";
    struct cfg_tree t;
    cfg_tree_init(&t, &a, "x.cfg", buf, strlen(buf), DIALECT_CISCO_IOS, FORM_DEFAULT);
    struct check_ctx ctx = {.tree = &t, .arena = &a};
    struct check_result r;
    memset(&r, 0, sizeof(r));
    struct cfg_node n3 = {.text = buf + 26, .len = 5, .line = 3};
    struct cfg_node n1 = {.text = buf, .len = 11, .line = 1};
    check_evidence_node(&ctx, &r, &n3);
    check_evidence_line(&ctx, &r, 2);
    check_evidence_node(&ctx, &r, &n1);
    check_evidence_node(&ctx, &r, &n3);
    check_evidence_line(&ctx, &r, 99);
    assert_int_equal(r.nevidence, 3);
    assert_int_equal(r.evidence[0].line, 1);
    assert_int_equal(r.evidence[1].line, 2);
    assert_int_equal(r.evidence[1].len, 8);
    assert_memory_equal(r.evidence[1].text, "line two", 8);
    assert_int_equal(r.evidence[2].line, 3);
    check_set(&ctx, &r, VERDICT_FAIL, "x=%d", 5);
    assert_string_equal(r.message, "x=5");
    arena_free(&a);
}

/* ------------------------------------------------------------------ fleet */

struct fake_dev {
    struct device_model m;
    struct account acct[2];
    struct snmp_community comm[1];
};

static void fake_init(struct fake_dev *d, const char *host, const char *pw, const char *comm,
                      enum secret_type pwtype, const struct cfg_node *n)
{
    memset(d, 0, sizeof(*d));
    d->m.hostname = host;
    d->m.dialect = DIALECT_CISCO_IOS;
    d->acct[0].name = "emergency";
    d->acct[0].secret.type = pwtype;
    d->acct[0].secret.value = sv_from_cstr(pw);
    d->acct[0].secret.node = n;
    d->m.accounts = d->acct;
    d->m.naccounts = 1;
    if (comm) {
        d->comm[0].name.type = SECRET_PLAINTEXT;
        d->comm[0].name.value = sv_from_cstr(comm);
        d->comm[0].node = n;
        d->m.snmp.communities = d->comm;
        d->m.snmp.ncommunities = 1;
    }
}

static void test_fleet(void **state)
{
    (void)state;
    struct cfg_node l7 = {.line = 7}, l9 = {.line = 9}, l3 = {.line = 3};
    struct fake_dev d[4];
    fake_init(&d[0], "r1", "$9$samehash", "s3cret-a", SECRET_CISCO9, &l7);
    fake_init(&d[1], "r2", "$9$samehash", "s3cret-b", SECRET_CISCO9, &l9);
    fake_init(&d[2], "r3", "$9$otherhash", NULL, SECRET_CISCO9, &l3);
    fake_init(&d[3], "r4", "<removed>", NULL, SECRET_REDACTED, &l3);

    size_t nall;
    checks_all(&nall);
    size_t ci = check_index(check_find("CRED-UNIQUE-PER-DEVICE"));
    struct device_summary s[4];
    memset(s, 0, sizeof(s));
    for (int i = 0; i < 4; i++) {
        s[i].hostname = (char *)d[i].m.hostname;
        s[i].verdicts = xcalloc(nall, 1);
        s[i].nverdicts = nall;
        checks_device_fingerprints(&d[i].m, "salt-1", &s[i]);
    }
    assert_int_equal(s[0].nfps, 2);
    assert_int_equal(s[3].nfps, 0);
    assert_int_equal(s[3].nredacted, 1);
    /* The salt changes the fingerprint; the value never appears in it. */
    struct device_summary other = {0};
    checks_device_fingerprints(&d[0].m, "salt-2", &other);
    assert_true(memcmp(other.fps[0].fp, s[0].fps[0].fp, sizeof(s[0].fps[0].fp)) != 0);
    free(other.fps);

    struct fleet_finding *f;
    size_t nf = checks_fleet_evaluate(s, 4, &f);
    assert_int_equal(nf, 1);
    assert_int_equal(f[0].verdict, VERDICT_FAIL);
    assert_int_equal(f[0].ndevices, 2);
    assert_string_equal(f[0].devices[0], "r1");
    assert_int_equal(f[0].lines[0], 7);
    assert_string_equal(f[0].devices[1], "r2");
    assert_int_equal(f[0].lines[1], 9);
    assert_non_null(strstr(f[0].message, "local-user-secret"));
    assert_null(strstr(f[0].message, "samehash"));
    assert_int_equal(s[0].verdicts[ci], VERDICT_FAIL);
    assert_int_equal(s[1].verdicts[ci], VERDICT_FAIL);
    assert_int_equal(s[2].verdicts[ci], VERDICT_PASS);
    assert_int_equal(s[3].verdicts[ci], VERDICT_UNKNOWN);
    fleet_findings_free(f, nf);

    /* An excluded device does not take part. */
    s[1].excluded = true;
    nf = checks_fleet_evaluate(s, 4, &f);
    assert_int_equal(nf, 0);
    assert_int_equal(s[0].verdicts[ci], VERDICT_PASS);
    fleet_findings_free(f, nf);
    for (int i = 0; i < 4; i++) {
        free(s[i].verdicts);
        free(s[i].fps);
    }
}

/* Type 7 encodings of one password with different offsets, and the same
 * password in clear, are one secret; a different password is not. */
static void test_fleet_type7(void **state)
{
    (void)state;
    struct cfg_node l1 = {.line = 11}, l2 = {.line = 22}, l3 = {.line = 33}, l4 = {.line = 44};
    struct fake_dev d[4];
    fake_init(&d[0], "a1", "02200D431F131D24017D0118171216", NULL, SECRET_CISCO7, &l1);
    fake_init(&d[1], "a2", "112F101D03071909491923253A3631", NULL, SECRET_CISCO7, &l2);
    fake_init(&d[2], "a3", "Fixture-Shared", NULL, SECRET_PLAINTEXT, &l3);
    fake_init(&d[3], "a4", "02200D431F131D24017D0118171217", NULL, SECRET_CISCO7, &l4);
    struct device_summary s[4];
    memset(s, 0, sizeof(s));
    for (int i = 0; i < 4; i++) {
        s[i].hostname = (char *)d[i].m.hostname;
        checks_device_fingerprints(&d[i].m, "salt", &s[i]);
        assert_int_equal(s[i].nfps, 1);
    }
    struct fleet_finding *f;
    size_t nf = checks_fleet_evaluate(s, 4, &f);
    /* One finding per pair of the three devices holding the password. */
    assert_int_equal(nf, 3);
    assert_int_equal(f[0].ndevices, 2);
    assert_string_equal(f[0].devices[0], "a1");
    assert_string_equal(f[0].devices[1], "a2");
    assert_string_equal(f[1].devices[1], "a3");
    assert_int_equal(f[1].lines[1], 33);
    assert_string_equal(f[2].devices[0], "a2");
    assert_int_equal(f[2].dev_index[1], 2);
    assert_string_equal(f[0].kind, "local-user-secret");
    /* Each pair its own fingerprint, the same under another salt. */
    assert_string_not_equal(f[0].fingerprint, f[1].fingerprint);
    char first[33];
    memcpy(first, f[0].fingerprint, sizeof(first));
    fleet_findings_free(f, nf);
    for (int i = 0; i < 4; i++) {
        free(s[i].fps);
        s[i].fps = NULL;
        checks_device_fingerprints(&d[i].m, "another-salt", &s[i]);
    }
    nf = checks_fleet_evaluate(s, 4, &f);
    assert_int_equal(nf, 3);
    assert_string_equal(f[0].fingerprint, first);
    fleet_findings_free(f, nf);
    for (int i = 0; i < 4; i++)
        free(s[i].fps);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_registry_shape),  cmocka_unit_test(test_names),
        cmocka_unit_test(test_run_empty_model), cmocka_unit_test(test_evidence_helpers),
        cmocka_unit_test(test_fleet),           cmocka_unit_test(test_fleet_type7),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
