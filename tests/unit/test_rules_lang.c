/*
 * The user rule language: each construct on several dialects, verdicts and
 * evidence lines, load errors with file:line:column and field, frameworks.
 */
#include "testutil.h"

#include "rules/rules.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct arena run_arena;

/* Load rules from text (registering them); returns the error count. */
static int load(const char *yaml)
{
    return rules_load_buffer(&run_arena, "rules.yaml", yaml, strlen(yaml), true, NULL);
}

struct outcome {
    enum verdict verdict;
    uint32_t lines[8];
    size_t nlines;
    char message[256];
};

/* Evaluate rule `id` on a config of dialect d with profile p (may be NULL). */
static struct outcome run(const char *id, const char *config, enum dialect d,
                          const struct profile *p)
{
    struct outcome o = {0};
    struct arena a;
    arena_init(&a);
    struct cfg_tree t;
    cfg_parse_buffer(&t, &a, "device.cfg", config, strlen(config), d);
    struct profile empty;
    profile_init_empty(&empty);
    struct check_ctx ctx = {.tree = &t, .profile = p ? p : &empty, .arena = &a};
    const struct check_def *def = check_find(id);
    assert_non_null(def);
    struct check_result r = {.check = def};
    def->eval(&ctx, &r);
    o.verdict = r.verdict;
    for (uint32_t i = 0; i < r.nevidence && i < 8; i++)
        o.lines[o.nlines++] = r.evidence[i].line;
    snprintf(o.message, sizeof(o.message), "%s", r.message ? r.message : "");
    arena_free(&a);
    return o;
}

static const char *const ios_vty = "hostname r1\n"
                                   "!\n"
                                   "line vty 0 4\n"
                                   " exec-timeout 5 0\n"
                                   " transport input ssh\n"
                                   "line vty 5 15\n"
                                   " exec-timeout 30 0\n"
                                   " transport input telnet ssh\n"
                                   "!\n"
                                   "access-list 10 permit 10.255.10.0 0.0.0.255\n"
                                   "access-list 11 permit 172.16.4.1\n"
                                   "ntp server 10.255.1.1\n"
                                   "end\n";

static void test_every_require(void **state)
{
    (void)state;
    assert_int_equal(load("rules:\n"
                          "  - id: T-VTY-SSH\n"
                          "    title: vty ssh only\n"
                          "    severity: high\n"
                          "    dialects: [cisco-ios, arista-eos]\n"
                          "    condition:\n"
                          "      every: {match: '^line vty', require: '^transport input ssh$'}\n"),
                     0);
    struct outcome o = run("T-VTY-SSH", ios_vty, DIALECT_CISCO_IOS, NULL);
    assert_int_equal(o.verdict, VERDICT_FAIL);
    assert_int_equal(o.nlines, 1);
    assert_int_equal(o.lines[0], 6);
    assert_non_null(strstr(o.message, "1 of 2"));

    const char *eos = "hostname leaf1\n"
                      "line vty\n"
                      "   transport input ssh\n";
    assert_int_equal(run("T-VTY-SSH", eos, DIALECT_ARISTA_EOS, NULL).verdict, VERDICT_PASS);
    /* Not a dialect the rule covers. */
    assert_int_equal(
        run("T-VTY-SSH", "set system host-name x\n", DIALECT_JUNIPER_JUNOS, NULL).verdict,
        VERDICT_NOT_APPLICABLE);
    /* Nothing selected: not applicable rather than a silent pass. */
    assert_int_equal(run("T-VTY-SSH", "hostname r2\n", DIALECT_CISCO_IOS, NULL).verdict,
                     VERDICT_NOT_APPLICABLE);
}

static void test_every_children(void **state)
{
    (void)state;
    assert_int_equal(
        load("rules:\n"
             "  - id: T-ACL-SHAPE\n"
             "    title: acl entries are permit/deny/remark\n"
             "    condition:\n"
             "      every: {match: '^ip access-list', children: '^(permit|deny|remark) '}\n"),
        0);
    const char *cfg = "ip access-list extended MGMT\n"
                      " permit tcp 10.0.0.0 0.0.0.255 any eq 22\n"
                      " evaluate OTHER\n"
                      " deny ip any any log\n";
    struct outcome o = run("T-ACL-SHAPE", cfg, DIALECT_CISCO_IOS, NULL);
    assert_int_equal(o.verdict, VERDICT_FAIL);
    assert_int_equal(o.nlines, 2);
    /* The block and its offending child, in whatever order the registry keeps. */
    assert_int_equal(o.lines[0] + o.lines[1], 1 + 3);
    assert_true(o.lines[0] == 1 || o.lines[0] == 3);
}

static const char *const junos_brace = "system {\n"
                                       "    host-name pe1;\n"
                                       "    services {\n"
                                       "        ssh {\n"
                                       "            root-login deny;\n"
                                       "        }\n"
                                       "        telnet;\n"
                                       "    }\n"
                                       "    syslog {\n"
                                       "        host 10.255.2.1 {\n"
                                       "            any notice;\n"
                                       "        }\n"
                                       "    }\n"
                                       "}\n";

static const char *const junos_set = "set system host-name pe1\n"
                                     "set system services ssh root-login deny\n"
                                     "set system services telnet\n"
                                     "set system syslog host 10.255.2.1 any notice\n";

static void test_path_absent_exists_junos(void **state)
{
    (void)state;
    assert_int_equal(load("rules:\n"
                          "  - id: T-NO-TELNET\n"
                          "    title: no telnet\n"
                          "    dialects: [juniper-junos]\n"
                          "    condition:\n"
                          "      absent: {path: 'system services telnet'}\n"
                          "  - id: T-ROOT\n"
                          "    title: root login denied\n"
                          "    applies_if: {exists: {path: 'system services ssh'}}\n"
                          "    condition:\n"
                          "      exists: {path: 'system services ssh root-login deny'}\n"
                          "  - id: T-SYSLOG\n"
                          "    title: remote syslog\n"
                          "    condition:\n"
                          "      exists: {path: 'system syslog', match: '^host '}\n"),
                     0);
    struct outcome b = run("T-NO-TELNET", junos_brace, DIALECT_JUNIPER_JUNOS, NULL);
    struct outcome s = run("T-NO-TELNET", junos_set, DIALECT_JUNIPER_JUNOS, NULL);
    assert_int_equal(b.verdict, VERDICT_FAIL);
    assert_int_equal(b.lines[0], 7);
    assert_int_equal(s.verdict, VERDICT_FAIL);
    assert_int_equal(s.lines[0], 3);
    assert_int_equal(run("T-ROOT", junos_brace, DIALECT_JUNIPER_JUNOS, NULL).verdict, VERDICT_PASS);
    assert_int_equal(run("T-ROOT", junos_set, DIALECT_JUNIPER_JUNOS, NULL).verdict, VERDICT_PASS);
    assert_int_equal(run("T-SYSLOG", junos_set, DIALECT_JUNIPER_JUNOS, NULL).verdict, VERDICT_PASS);
    /* An inactive telnet statement counts as absent. */
    const char *inactive = "system {\n    services {\n        inactive: telnet;\n    }\n}\n";
    assert_int_equal(run("T-NO-TELNET", inactive, DIALECT_JUNIPER_JUNOS, NULL).verdict,
                     VERDICT_PASS);
    /* applies_if false: not applicable. */
    assert_int_equal(run("T-ROOT", "set system host-name x\n", DIALECT_JUNIPER_JUNOS, NULL).verdict,
                     VERDICT_NOT_APPLICABLE);
}

static void test_count(void **state)
{
    (void)state;
    assert_int_equal(load("rules:\n"
                          "  - id: T-NTP2\n"
                          "    title: two ntp servers\n"
                          "    condition:\n"
                          "      count: {match: '^ntp server ', ge: 2}\n"),
                     0);
    struct outcome o = run("T-NTP2", ios_vty, DIALECT_CISCO_IOS, NULL);
    assert_int_equal(o.verdict, VERDICT_FAIL);
    assert_int_equal(o.lines[0], 12);
    const char *vrp = "#\nsysname ce1\n#\nntp-service unicast-server 10.255.1.1\n"
                      "ntp-service unicast-server 10.255.1.2\n#\nreturn\n";
    assert_int_equal(load("rules:\n"
                          "  - id: T-VRP-NTP2\n"
                          "    title: two ntp servers\n"
                          "    condition:\n"
                          "      count: {match: '^ntp-service unicast-server ', ge: 2}\n"),
                     0);
    assert_int_equal(run("T-VRP-NTP2", vrp, DIALECT_HUAWEI_VRP, NULL).verdict, VERDICT_PASS);
}

static void test_value_against_profile(void **state)
{
    (void)state;
    assert_int_equal(load("rules:\n"
                          "  - id: T-TIMEOUT\n"
                          "    title: timeout within policy\n"
                          "    condition:\n"
                          "      value:\n"
                          "        match: '^exec-timeout (\\d+)'\n"
                          "        within: '^line vty'\n"
                          "        le: profile.policy.idle_timeout_minutes\n"
                          "  - id: T-TIMEOUT-LIT\n"
                          "    title: timeout within 40\n"
                          "    condition:\n"
                          "      value: {match: '^exec-timeout (\\d+)', le: 40}\n"),
                     0);
    struct profile p;
    profile_init_empty(&p);
    /* No policy in the profile: needs context, naming the field. */
    struct outcome o = run("T-TIMEOUT", ios_vty, DIALECT_CISCO_IOS, &p);
    assert_int_equal(o.verdict, VERDICT_NEEDS_CONTEXT);
    assert_non_null(strstr(o.message, "policy.idle_timeout_minutes"));
    p.has_idle_timeout = true;
    p.idle_timeout_minutes = 10;
    o = run("T-TIMEOUT", ios_vty, DIALECT_CISCO_IOS, &p);
    assert_int_equal(o.verdict, VERDICT_FAIL);
    assert_int_equal(o.nlines, 1);
    assert_int_equal(o.lines[0], 7);
    assert_int_equal(run("T-TIMEOUT-LIT", ios_vty, DIALECT_CISCO_IOS, NULL).verdict, VERDICT_PASS);
}

static void test_in_ranges(void **state)
{
    (void)state;
    assert_int_equal(load("rules:\n"
                          "  - id: T-ACL-PAW\n"
                          "    title: acl sources in paw\n"
                          "    condition:\n"
                          "      in_ranges:\n"
                          "        match: '^access-list \\d+ permit (?:host )?(\\S+)'\n"
                          "        profile: networks.paw\n"
                          "  - id: T-NOT-CORP\n"
                          "    title: acl sources not corporate\n"
                          "    condition:\n"
                          "      in_ranges:\n"
                          "        match: '^access-list \\d+ permit (?:host )?(\\S+)'\n"
                          "        profile: networks.corporate\n"
                          "        outside: true\n"),
                     0);
    struct profile p;
    profile_init_empty(&p);
    assert_int_equal(run("T-ACL-PAW", ios_vty, DIALECT_CISCO_IOS, &p).verdict,
                     VERDICT_NEEDS_CONTEXT);
    struct ip_prefix paw[1], corp[1];
    assert_true(ip_prefix_parse(SV_LIT("10.255.10.0/24"), &paw[0]));
    assert_true(ip_prefix_parse(SV_LIT("172.16.0.0/12"), &corp[0]));
    p.paw = (struct prefix_set){.v = paw, .n = 1, .present = true};
    p.corporate = (struct prefix_set){.v = corp, .n = 1, .present = true};
    struct outcome o = run("T-ACL-PAW", ios_vty, DIALECT_CISCO_IOS, &p);
    assert_int_equal(o.verdict, VERDICT_FAIL);
    assert_int_equal(o.nlines, 1);
    assert_int_equal(o.lines[0], 11);
    o = run("T-NOT-CORP", ios_vty, DIALECT_CISCO_IOS, &p);
    assert_int_equal(o.verdict, VERDICT_FAIL);
    assert_int_equal(o.lines[0], 11);
    const char *good = "access-list 10 permit 10.255.10.7\n";
    assert_int_equal(run("T-ACL-PAW", good, DIALECT_CISCO_IOS, &p).verdict, VERDICT_PASS);
    const char *any = "access-list 10 permit any\n";
    assert_int_equal(run("T-ACL-PAW", any, DIALECT_CISCO_IOS, &p).verdict, VERDICT_FAIL);
}

static void test_combinations(void **state)
{
    (void)state;
    assert_int_equal(load("rules:\n"
                          "  - id: T-COMBO\n"
                          "    title: combination\n"
                          "    condition:\n"
                          "      all:\n"
                          "        - any:\n"
                          "            - exists: {match: '^ntp server 10\\.255\\.1\\.1$'}\n"
                          "            - exists: {match: '^ntp server 10\\.255\\.1\\.2$'}\n"
                          "        - none:\n"
                          "            - exists: {match: '^ip http server$'}\n"
                          "            - exists: {match: '^service pad$'}\n"),
                     0);
    assert_int_equal(run("T-COMBO", ios_vty, DIALECT_CISCO_IOS, NULL).verdict, VERDICT_PASS);
    const char *bad = "ntp server 10.255.1.2\nservice pad\n";
    struct outcome o = run("T-COMBO", bad, DIALECT_CISCO_IOS, NULL);
    assert_int_equal(o.verdict, VERDICT_FAIL);
    const char *worse = "ip http server\n";
    assert_int_equal(run("T-COMBO", worse, DIALECT_CISCO_IOS, NULL).verdict, VERDICT_FAIL);
}

/* Run a load with stderr captured; returns what was printed. */
static char *load_capture(const char *name, const char *yaml, int *errors)
{
    char tmpl[] = "/tmp/tsaudit-rules-XXXXXX";
    int fd = mkstemp(tmpl);
    assert_true(fd >= 0);
    fflush(stderr);
    int saved = dup(2);
    dup2(fd, 2);
    *errors = rules_load_buffer(&run_arena, name, yaml, strlen(yaml), false, NULL);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    close(fd);
    size_t len;
    char *out = NULL;
    assert_int_equal(file_read_all(tmpl, 0, false, &out, &len), 0);
    unlink(tmpl);
    return out;
}

static void test_load_errors(void **state)
{
    (void)state;
    int errors;
    char *out = load_capture("bad.yaml",
                             "rules:\n"
                             "  - id: B-1\n"
                             "    title: bad regex\n"
                             "    condition:\n"
                             "      exists: {match: '^line (vty'}\n",
                             &errors);
    assert_int_equal(errors, 1);
    assert_non_null(strstr(out, "bad.yaml:5:"));
    assert_non_null(strstr(out, "error: field 'rules[0].condition.exists.match': bad regular"));
    free(out);

    out = load_capture("bad2.yaml",
                       "rules:\n"
                       "  - title: no id\n"
                       "    severity: urgent\n"
                       "    condition:\n"
                       "      sometimes: {match: x}\n",
                       &errors);
    assert_int_equal(errors, 3);
    assert_non_null(strstr(out, "field 'rules[0].id': missing"));
    assert_non_null(strstr(out, "bad2.yaml:3:15: error: field 'rules[0].severity'"));
    assert_non_null(strstr(out, "unknown condition 'sometimes'"));
    free(out);

    out = load_capture("bad3.yaml",
                       "rules:\n"
                       "  - id: B-3\n"
                       "    title: wrong types\n"
                       "    condition:\n"
                       "      value: {match: 'x (\\d+)', le: profile.nope}\n",
                       &errors);
    assert_int_equal(errors, 1);
    assert_non_null(strstr(out, "unknown profile number 'nope'"));
    free(out);

    out = load_capture("bad4.yaml", "rules: [ {id: x, title: [unclosed\n", &errors);
    assert_true(errors >= 1);
    assert_non_null(strstr(out, "bad4.yaml:"));
    assert_non_null(strstr(out, "malformed YAML"));
    free(out);

    /* A good rule beside a bad one still loads. */
    size_t loaded = 0;
    diag_set_quiet(true);
    errors =
        rules_load_buffer(&run_arena, "mixed.yaml",
                          "rules:\n"
                          "  - {id: OK-1, title: fine, condition: {exists: {match: x}}}\n"
                          "  - {id: BAD-1, title: broken, condition: {exists: {}}}\n",
                          strlen("rules:\n"
                                 "  - {id: OK-1, title: fine, condition: {exists: {match: x}}}\n"
                                 "  - {id: BAD-1, title: broken, condition: {exists: {}}}\n"),
                          false, &loaded);
    diag_set_quiet(false);
    assert_int_equal(errors, 1);
    assert_int_equal(loaded, 1);
}

static void test_framework(void **state)
{
    (void)state;
    struct framework fw;
    const char *yaml = "framework: {id: FW, title: Test framework}\n"
                       "requirements:\n"
                       "  - {id: R1, section: Access, title: ssh only, checks: [T-VTY-SSH]}\n"
                       "  - {id: R2, section: Time, checks: [T-NTP2]}\n"
                       "  - {id: R3, title: governance, checks: []}\n";
    assert_int_equal(framework_load_buffer(&fw, &run_arena, "fw.yaml", yaml, strlen(yaml)), 0);
    assert_int_equal(fw.nreqs, 3);
    assert_string_equal(fw.reqs[1].id, "R2");
    assert_int_equal(fw.reqs[0].nchecks, 1);

    diag_set_quiet(true);
    const char *bad = "framework: {id: FW}\nrequirements:\n  - {id: R1, checks: [NO-SUCH]}\n";
    assert_int_equal(framework_load_buffer(&fw, &run_arena, "fw2.yaml", bad, strlen(bad)), -1);
    diag_set_quiet(false);
}

int main(void)
{
    arena_init(&run_arena);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_require),
        cmocka_unit_test(test_every_children),
        cmocka_unit_test(test_path_absent_exists_junos),
        cmocka_unit_test(test_count),
        cmocka_unit_test(test_value_against_profile),
        cmocka_unit_test(test_in_ranges),
        cmocka_unit_test(test_combinations),
        cmocka_unit_test(test_load_errors),
        cmocka_unit_test(test_framework),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    arena_free(&run_arena);
    return rc;
}
