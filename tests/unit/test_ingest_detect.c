/*
 * Ingest layer: dialect and form detection on hand-written snippets, the
 * RANCID/Oxidized headers, and platforms tsaudit does not audit (which must
 * come out unknown, never as a wrong supported dialect).
 */
#include "testutil.h"

#include "ingest/ingest.h"

#include <string.h>

static enum dialect detect_str(const char *s, struct detect_result *r)
{
    detect_dialect(s, strlen(s), r);
    assert_non_null(r->signal);
    return r->dialect;
}

struct sample {
    const char *text;
    enum dialect want;
};

static void check_samples(const struct sample *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct detect_result r;
        enum dialect got = detect_str(s[i].text, &r);
        if (got != s[i].want)
            fail_msg("sample %zu: got %s (%s), expected %s", i, dialect_name(got), r.signal,
                     dialect_name(s[i].want));
    }
}

static void test_strong_markers(void **state)
{
    (void)state;
    static const struct sample s[] = {
        {"Building configuration...\n!! IOS XR Configuration 7.3.2\nhostname xr\n",
         DIALECT_CISCO_IOSXR},
        {"!Command: show running-config\n!Time: Mon\nversion 9.3(5)\nfeature bgp\nfeature ssh\n",
         DIALECT_CISCO_NXOS},
        {"! Command: show running-config\n! device: leaf1 (cEOSLab, EOS-4.26.0F)\n!\nhostname l\n",
         DIALECT_ARISTA_EOS},
        {"! device: sw1 (DCS-7050TX-64, EOS-4.20.1F)\nhostname sw1\n", DIALECT_ARISTA_EOS},
        {"ASA Version 9.12(4)\n!\nhostname fw\ninterface Gi0/0\n nameif outside\n",
         DIALECT_CISCO_ASA},
        {"Building configuration...\n\nCurrent configuration : 1200 bytes\n!\nversion 15.2\n"
         "service timestamps debug datetime msec\nboot-start-marker\nboot-end-marker\n",
         DIALECT_CISCO_IOS},
        {"set version 20.4R1\nset system host-name r1\nset interfaces ge-0/0/0 unit 0\n",
         DIALECT_JUNIPER_JUNOS},
        {"## Last commit: 2021-01-01 by admin\nversion 20.4R1;\nsystem {\n    host-name r1;\n}\n",
         DIALECT_JUNIPER_JUNOS},
        {"# TiMOS-B-21.10.R1 both/x86_64 Nokia 7750 SR\nconfigure {\n    system {\n",
         DIALECT_NOKIA_SROS},
        {"/configure system name \"pe1\"\n/configure router \"Base\" autonomous-system 65000\n",
         DIALECT_NOKIA_SROS},
        {"# TiMOS-C-16.0.R1\nexit all\nconfigure\n    system\n        name \"pe\"\n    exit\n",
         DIALECT_NOKIA_SROS},
        {"!Software Version V800R012C00SPC300\n#\nsysname PE1\n#\nreturn\n", DIALECT_HUAWEI_VRP},
        {"#\nsysname SW1\n#\nvlan batch 10 20\n#\ninterface Vlanif10\n#\nreturn\n",
         DIALECT_HUAWEI_VRP},
        {"#config-version=FGT60F-7.0.5-FW-build0304\nconfig system global\n    set hostname "
         "x\nend\n",
         DIALECT_FORTINET_FORTIOS},
        {"config system global\n    set hostname \"x\"\nend\n", DIALECT_FORTINET_FORTIOS},
    };
    check_samples(s, ARRAY_SIZE(s));
    struct detect_result r;
    detect_str(s[0].text, &r);
    assert_int_equal(r.line, 2);
    assert_non_null(strstr(r.signal, "IOS XR"));
}

static void test_rancid_and_oxidized_headers(void **state)
{
    (void)state;
    static const struct sample s[] = {
        {"!RANCID-CONTENT-TYPE: cisco-xr\nhostname a\n", DIALECT_CISCO_IOSXR},
        {"!RANCID-CONTENT-TYPE: cisco-nx\nhostname a\n", DIALECT_CISCO_NXOS},
        {"!RANCID-CONTENT-TYPE: arista\nhostname a\n", DIALECT_ARISTA_EOS},
        {"!RANCID-CONTENT-TYPE: cisco\nhostname a\n", DIALECT_CISCO_IOS},
        {"!RANCID-CONTENT-TYPE: cisco\nASA Version 9.8\nhostname a\n", DIALECT_CISCO_ASA},
        {"# RANCID-CONTENT-TYPE: juniper\nsystem {\n}\n", DIALECT_JUNIPER_JUNOS},
        {"#RANCID-CONTENT-TYPE: fortigate\nconfig system global\nend\n", DIALECT_FORTINET_FORTIOS},
        /* a known type naming an unsupported platform */
        {"!RANCID-CONTENT-TYPE: paloalto\nset system host-name x\n", DIALECT_UNKNOWN},
        {"!RANCID-CONTENT-TYPE: force10\nhostname a\ninterface x\n!\n!\n", DIALECT_UNKNOWN},
        /* an unknown type falls back to the content */
        {"!RANCID-CONTENT-TYPE: something-new\n!! IOS XR Configuration 6.6.2\n",
         DIALECT_CISCO_IOSXR},
        /* Oxidized metadata comments */
        {"! Cisco IOS XR Software, Version 7.3.2\n!\nhostname a\n", DIALECT_CISCO_IOSXR},
        {"!Image: Cisco IOS Software, C2960 Software\nhostname a\n", DIALECT_CISCO_IOS},
        {"# Chassis: JUNOS 20.4R1 on MX204\nsystem {\n", DIALECT_JUNIPER_JUNOS},
    };
    check_samples(s, ARRAY_SIZE(s));
    struct detect_result r;
    detect_str(s[0].text, &r);
    assert_string_equal(r.signal, "RANCID-CONTENT-TYPE header");
    assert_int_equal(r.line, 1);
}

static void test_unsupported_platforms_are_unknown(void **state)
{
    (void)state;
    static const struct sample s[] = {
        /* PAN-OS set and brace forms */
        {"set deviceconfig system hostname fw\nset network interface ethernet ethernet1/1\n"
         "set system setting x\n",
         DIALECT_UNKNOWN},
        {"config {\n  devices {\n    localhost.localdomain {\n      deviceconfig {\n",
         DIALECT_UNKNOWN},
        /* F5 BIG-IP */
        {"#TMSH-VERSION: 13.1.1\n\nsys global-settings {\n    hostname f5\n}\n", DIALECT_UNKNOWN},
        /* Cumulus NCLU and FRR */
        {"net del all\n#\nnet add hostname leaf\n#\nnet commit\n", DIALECT_UNKNOWN},
        {"frr version 7.5\nfrr defaults datacenter\nhostname leaf\n!\ninterface swp1\n!\n",
         DIALECT_UNKNOWN},
        /* Check Point Gaia clish */
        {"#\n# Configuration of gw\n# Language version: 13.4v1\n#\nset hostname gw\n"
         "set interface eth0 state on\n",
         DIALECT_UNKNOWN},
        /* H3C / HP Comware: the VRP skeleton with Comware markers */
        {"#\n version 5.20, Release 1513P81\n#\n sysname SW\n#\ninterface "
         "Vlan-interface1\n#\nreturn\n",
         DIALECT_UNKNOWN},
        /* Fragments with no distinctive marker */
        {"ip route 0.0.0.0 0.0.0.0 192.0.2.1\n", DIALECT_UNKNOWN},
        {"", DIALECT_UNKNOWN},
        {"\x01\x02\x03 binary-ish \xff\xfe\n", DIALECT_UNKNOWN},
    };
    check_samples(s, ARRAY_SIZE(s));
}

static void test_ios_needs_a_marker_of_its_own(void **state)
{
    (void)state;
    struct detect_result r;
    /* hostname, interfaces and '!' lines are shared by a dozen IOS-like
     * platforms: not IOS without a marker only IOS has */
    assert_int_equal(detect_str("!\nhostname r1\n!\ninterface Loopback0\n ip address 192.0.2.1 "
                                "255.255.255.255\n!\nline vty 0 4\n!\n",
                                &r),
                     DIALECT_UNKNOWN);
    assert_int_equal(r.platform, PLATFORM_NONE);
    /* the same skeleton with an IOS-only statement is IOS */
    assert_int_equal(detect_str("!\nversion 15.2\nhostname r1\n!\ninterface Loopback0\n!\n", &r),
                     DIALECT_CISCO_IOS);
    /* the same skeleton with EOS-only statements is EOS */
    assert_int_equal(detect_str("!\nhostname r1\n!\nmanagement ssh\n   idle-timeout 5\n!\n"
                                "interface Ethernet1\n!\n",
                                &r),
                     DIALECT_ARISTA_EOS);
    /* free text naming other platforms changes nothing */
    assert_int_equal(detect_str("version 15.2\nhostname r\ninterface Gi0/1\n description to "
                                "interface ethernet-1/1 on srl_nokia leaf, vlan 5 by port\n",
                                &r),
                     DIALECT_CISCO_IOS);
    /* and with FRR markers it is a platform not audited */
    assert_int_equal(detect_str("frr version 8.1\n!\nhostname r1\n!\ninterface eth0\n!\n", &r),
                     DIALECT_UNKNOWN);
    assert_int_equal(r.platform, PLATFORM_FRR);
}

static void test_competing_readings_are_unknown_with_candidates(void **state)
{
    (void)state;
    struct detect_result r;
    /* one NX-OS and one EOS statement of the same weight: neither wins */
    assert_int_equal(detect_str("hostname x\nvdc x id 1\nmanagement ssh\n", &r), DIALECT_UNKNOWN);
    assert_true(r.ambiguous);
    assert_true(r.nreadings >= 2);
    assert_int_equal(r.readings[0].dialect + r.readings[1].dialect,
                     DIALECT_CISCO_NXOS + DIALECT_ARISTA_EOS);
}

static void test_vrp_and_comware_share_their_layout(void **state)
{
    (void)state;
    struct detect_result r;
    char why[512];
    /* only what both write: unknown, with both as candidates */
    assert_int_equal(detect_str("#\n sysname SW\n#\ninterface LoopBack0\n undo shutdown\n#\n"
                                "ip route-static 0.0.0.0 0 10.0.0.1\n#\nreturn\n",
                                &r),
                     DIALECT_UNKNOWN);
    assert_true(r.ambiguous);
    assert_non_null(strstr(detect_reason(&r, why, sizeof(why)), "unsupported:h3c-comware"));
    /* a VRP statement without the frame decides VRP */
    assert_int_equal(detect_str(" sysname SW\n stelnet server enable\nuser-interface vty 0 4\n"
                                " authentication-mode aaa\n",
                                &r),
                     DIALECT_HUAWEI_VRP);
    /* a Comware statement decides Comware */
    assert_int_equal(detect_str("#\n sysname SW\n#\nline vty 0 63\n authentication-mode scheme\n"
                                " user-role network-operator\n#\nreturn\n",
                                &r),
                     DIALECT_UNKNOWN);
    assert_int_equal(r.platform, PLATFORM_H3C_COMWARE);
}

static void test_rancid_types_and_named_results(void **state)
{
    (void)state;
    enum dialect d;
    enum platform p;
    assert_true(detect_rancid_type("cisco-xr", 8, &d, &p));
    assert_int_equal(d, DIALECT_CISCO_IOSXR);
    assert_true(detect_rancid_type("FOUNDRY", 7, &d, &p));
    assert_int_equal(d, DIALECT_UNKNOWN);
    assert_int_equal(p, PLATFORM_RUCKUS_FASTIRON);
    assert_false(detect_rancid_type("no-such-type", 12, &d, &p));
    struct detect_result r;
    char label[DIALECT_LABEL_MAX];
    detect_named(DIALECT_UNKNOWN, PLATFORM_EXTREME_EXOS, "x", 1, "inventory", "router.db", &r);
    assert_string_equal(detect_label(&r, label, sizeof(label)), "unsupported:extreme-exos");
    detect_named(DIALECT_JUNIPER_JUNOS, PLATFORM_NONE, "set system host-name a\n", 23, "--vendor",
                 "forced", &r);
    assert_int_equal(r.form, FORM_JUNOS_SET);
}

static void test_forms(void **state)
{
    (void)state;
    static const char set_form[] = "set system host-name r1\nset interfaces lo0 unit 0\n";
    static const char brace_form[] = "system {\n    host-name r1;\n}\ninterfaces {\n}\n";
    assert_int_equal(detect_form(DIALECT_JUNIPER_JUNOS, set_form, strlen(set_form)),
                     FORM_JUNOS_SET);
    assert_int_equal(detect_form(DIALECT_JUNIPER_JUNOS, brace_form, strlen(brace_form)),
                     FORM_JUNOS_BRACE);
    static const char md[] = "# TiMOS\nconfigure {\n    system {\n        name \"a\"\n    }\n}\n";
    static const char flat[] =
        "/configure system name \"a\"\n/configure port 1/1/1 admin-state enable\n";
    static const char classic[] =
        "exit all\nconfigure\n    system\n        name \"a\"\n    exit\nexit all\n";
    assert_int_equal(detect_form(DIALECT_NOKIA_SROS, md, strlen(md)), FORM_SROS_MDCLI);
    assert_int_equal(detect_form(DIALECT_NOKIA_SROS, flat, strlen(flat)), FORM_SROS_MDCLI_FLAT);
    assert_int_equal(detect_form(DIALECT_NOKIA_SROS, classic, strlen(classic)), FORM_SROS_CLASSIC);
    assert_int_equal(detect_form(DIALECT_CISCO_IOS, md, strlen(md)), FORM_DEFAULT);
    struct detect_result r;
    detect_str(flat, &r);
    assert_int_equal(r.dialect, DIALECT_NOKIA_SROS);
    assert_int_equal(r.form, FORM_SROS_MDCLI_FLAT);
}

static void test_crlf_and_names(void **state)
{
    (void)state;
    struct detect_result r;
    assert_int_equal(detect_str("!\r\nASA Version 9.1\r\n!\r\nhostname x\r\n", &r),
                     DIALECT_CISCO_ASA);
    enum dialect d;
    assert_true(dialect_from_name("huawei-vrp", &d));
    assert_int_equal(d, DIALECT_HUAWEI_VRP);
    assert_false(dialect_from_name("paloalto", &d));
    assert_string_equal(dialect_name(DIALECT_UNKNOWN), "unknown");
}

/* The sorted index gives the entry the walk in file order gives, for exact
 * names, names with a domain, case, scopes and repeated names. */
static void test_inventory_index_matches_walk(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct inventory walk, indexed;
    static const char db[] = "core1;juniper;up\nCore1.lab;cisco;up\nedge9;cisco;up\n"
                             "edge9;juniper;up\nr1.example;arista;up\nr1;cisco;up\n";
    static const char scoped[] = "edge9;arista;up\nzz;cisco;up\n";
    struct inventory *invs[] = {&walk, &indexed};
    for (int k = 0; k < 2; k++) {
        inventory_init(invs[k], &a);
        assert_int_equal(inventory_load_buffer(invs[k], "router.db", db, strlen(db), NULL), 0);
        assert_int_equal(
            inventory_load_buffer(invs[k], "g/router.db", scoped, strlen(scoped), "/t/g"), 0);
    }
    inventory_index(&indexed);
    static const char *const paths[] = {
        "/t/core1",      "/t/CORE1",       "/t/core1.lab", "/t/core1.lab.example", "/t/edge9",
        "/t/g/edge9",    "/t/g/zz",        "/t/zz",        "/t/r1.example.com",    "/t/r1",
        "/t/r1.example", "/t/r1x.example", "/t/nothing",   "/t/g/core1",
    };
    for (size_t i = 0; i < ARRAY_SIZE(paths); i++) {
        const struct inventory_entry *x = inventory_find(&walk, paths[i]);
        const struct inventory_entry *y = inventory_find(&indexed, paths[i]);
        assert_int_equal(x ? x - walk.items : -1, y ? y - indexed.items : -1);
    }
    assert_non_null(inventory_find(&indexed, "/t/g/edge9"));
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strong_markers),
        cmocka_unit_test(test_rancid_and_oxidized_headers),
        cmocka_unit_test(test_unsupported_platforms_are_unknown),
        cmocka_unit_test(test_ios_needs_a_marker_of_its_own),
        cmocka_unit_test(test_competing_readings_are_unknown_with_candidates),
        cmocka_unit_test(test_vrp_and_comware_share_their_layout),
        cmocka_unit_test(test_rancid_types_and_named_results),
        cmocka_unit_test(test_forms),
        cmocka_unit_test(test_crlf_and_names),
        cmocka_unit_test(test_inventory_index_matches_walk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
