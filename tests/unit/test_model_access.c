/*
 * Access facts (struct access_facts, mgmt_vrf from extract_access*.c): how
 * several statements combine (the stricter lockout, the lowest session cap,
 * the longest minimum length), what a disabled FortiOS policy leaves, Junos
 * settings inherited from an applied group, the IOS vty count and the
 * documented defaults.
 */
#include "testutil.h"
#include "tu_model.h"

#include <string.h>

#include "model/model.h"

static void test_ios_lockout_and_lines(void **state)
{
    (void)state;
    struct tu_dev *d = tu_model_load_text("hostname r1\n"
                                          "ip ssh authentication-retries 2\n"
                                          "aaa local authentication attempts max-fail 5\n"
                                          "login block-for 600 attempts 3 within 60\n"
                                          "security passwords min-length 10\n"
                                          "aaa common-criteria policy P\n"
                                          " min-length 16\n"
                                          "line vty 0 4\n"
                                          " transport input ssh\n"
                                          "line vty 5 15\n"
                                          " transport input none\n",
                                          DIALECT_CISCO_IOS);
    const struct access_facts *a = &d->m.access;
    /* the block (3 tries, 600 s) is stricter than max-fail 5; a lock wins
     * over the retries that only cut the session */
    assert_int_equal(a->lockout_attempts.value, 3);
    assert_int_equal(a->lockout_seconds.value, 600);
    assert_int_equal(a->lockout_attempts.node->line, tu_line_of(d, "login block-for"));
    assert_int_equal(a->pwd_min_length.value, 16);
    assert_int_equal(a->max_sessions.value, 5);
    assert_true(a->max_sessions_from_lines);
    assert_int_equal(a->ztp.state, FACT_OFF);
    assert_true(a->ztp.is_default);
    tu_model_unload(d);
}

static void test_nxos_defaults(void **state)
{
    (void)state;
    struct tu_dev *d =
        tu_model_load_text("hostname n1\nline vty\n  session-limit 4\n", DIALECT_CISCO_NXOS);
    const struct access_facts *a = &d->m.access;
    assert_int_equal(a->lockout_attempts.value, 3);
    assert_true(a->lockout_attempts.is_default);
    assert_int_equal(a->lockout_seconds.value, ACCESS_DISCONNECT_ONLY);
    assert_int_equal(a->pwd_min_length.value, 8);
    assert_true(a->pwd_min_length.is_default);
    assert_int_equal(a->max_sessions.value, 4);
    assert_false(a->max_sessions_from_lines);
    tu_model_unload(d);
}

static void test_fortios_disabled_policy(void **state)
{
    (void)state;
    struct tu_dev *d = tu_model_load_text("config system global\n"
                                          "    set admin-lockout-threshold 2\n"
                                          "end\n"
                                          "config system password-policy\n"
                                          "    set status disable\n"
                                          "    set minimum-length 20\n"
                                          "end\n",
                                          DIALECT_FORTINET_FORTIOS);
    const struct access_facts *a = &d->m.access;
    assert_int_equal(a->lockout_attempts.value, 2);
    assert_int_equal(a->lockout_seconds.value, 60); /* the documented default */
    assert_true(a->lockout_seconds.is_default);
    assert_int_equal(a->pwd_min_length.value, -1); /* a disabled policy enforces nothing */
    assert_int_equal(d->m.legacy.password_policy.state, FACT_OFF);
    assert_int_equal(a->max_sessions.value, 100);
    tu_model_unload(d);
}

static void test_junos_group_and_class(void **state)
{
    (void)state;
    struct tu_dev *d =
        tu_model_load_text("set groups base system login retry-options tries-before-disconnect 3\n"
                           "set groups base system login retry-options lockout-period 20\n"
                           "set apply-groups base\n"
                           "set system login class OPS permissions all\n"
                           "set system login class VIEW permissions view\n"
                           "set system login user a class OPS\n"
                           "set system login user b class VIEW\n"
                           "set system services ssh connection-limit 10\n"
                           "set system services ssh rate-limit 4\n"
                           "set system autoinstallation interfaces ge-0/0/0 bootp\n",
                           DIALECT_JUNIPER_JUNOS);
    const struct device_model *m = &d->m;
    assert_int_equal(m->access.lockout_attempts.value, 3);
    assert_int_equal(m->access.lockout_seconds.value, 20 * 60);
    assert_int_equal(m->access.max_sessions.value, 10);
    assert_int_equal(m->access.session_rate.value, 4);
    assert_int_equal(m->access.ztp.state, FACT_ON);
    assert_int_equal(tu_find_account(m, "a")->privilege, 15);
    assert_int_equal(tu_find_account(m, "b")->privilege, 5);
    tu_model_unload(d);
}

static void test_oob_nxos_and_ios(void **state)
{
    (void)state;
    struct tu_dev *d = tu_model_load_text("ntp server 10.0.0.1 use-vrf management\n"
                                          "logging server 10.0.0.2 6 use-vrf management\n",
                                          DIALECT_CISCO_NXOS);
    assert_int_equal(d->m.mgmt_vrf.state, FACT_ON);
    tu_model_unload(d);
    d = tu_model_load_text("interface Gi0\n vrf forwarding MGMT\n"
                           "control-plane host\n management-interface Gi0 allow ssh\n"
                           "ntp server 10.0.0.1\n",
                           DIALECT_CISCO_IOS);
    /* bound by MPP, but NTP still leaves through the global table */
    assert_int_equal(d->m.mgmt_vrf.state, FACT_OFF);
    assert_true(tu_has_line(&d->m.mgmt_vrf.ev, tu_line_of(d, "ntp server")));
    tu_model_unload(d);
}

int main(void)
{
    void (*volatile keep[])(const struct cfg_tree *, struct device_model *) = {
        model_extract_cisco, model_extract_junos, model_extract_fortios};
    (void)keep;
    diag_set_quiet(true);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ios_lockout_and_lines),
        cmocka_unit_test(test_nxos_defaults),
        cmocka_unit_test(test_fortios_disabled_policy),
        cmocka_unit_test(test_junos_group_and_class),
        cmocka_unit_test(test_oob_nxos_and_ios),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
