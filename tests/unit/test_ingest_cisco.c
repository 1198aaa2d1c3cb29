/*
 * Ingest layer: the Cisco-family indentation parser (IOS, NX-OS, IOS-XR, ASA,
 * EOS) on hand-written inputs covering each quirk it promises to handle.
 */
#include "testutil.h"
#include "tu_ingest.h"

#include "ingest/ingest.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static void test_ios_crlf_preamble_no_final_newline(void **state)
{
    (void)state;
    struct tu_parsed p;
    tu_parse_fixture(&p, "ingest/ios_crlf.cfg", DIALECT_CISCO_IOS);
    assert_int_equal(p.errors, 0);
    static const struct tu_expect e[] = {
        {5, 0, "version 15.2"},
        {6, 0, "hostname edge-1"},
        {8, 0, "interface GigabitEthernet0/0"},
        {9, 1, "description uplink to core"},
        {10, 1, "ip address 192.0.2.1 255.255.255.0"},
        {11, 2, "no shutdown"}, /* irregular: deeper than its sibling */
        {12, 1, "no ip proxy-arp"},
        {14, 0, "banner motd ^C"},
        {18, 0, "line vty 0 4"},
        {19, 1, "transport input ssh"},
    };
    tu_check_nodes(&p.t, e, ARRAY_SIZE(e));
    const struct cfg_node *b = tu_node(&p.t, 7);
    assert_true(b->flags & CFG_BANNER);
    assert_int_equal(b->end_line, 17);
    assert_true(tu_body_is(b, "\r\nAuthorised users only.\r\nDisconnect now if you are not.\r\n"));
    /* "no ip proxy-arp" (indent 1) goes back to the interface, not under "no shutdown" */
    assert_ptr_equal(tu_node(&p.t, 6)->parent, tu_node(&p.t, 2));
    assert_int_equal(p.t.line_count, 20);
    tu_parsed_release(&p);
}

static void test_ios_banner_delimiters_and_certificate(void **state)
{
    (void)state;
    struct tu_parsed p;
    tu_parse_fixture(&p, "ingest/ios_banners.cfg", DIALECT_CISCO_IOS);
    assert_int_equal(p.errors, 0);
    static const struct tu_expect e[] = {
        {2, 0, "hostname edge-2"},
        {3, 0, "banner login \003"},
        {6, 0, "banner exec #Welcome#"},
        {7, 0, "banner incoming ^CC"},
        {11, 0, "crypto pki certificate chain TP-self-signed-1"},
        {12, 1, "certificate self-signed 01"},
        {13, 2, "3082024A 30820183 A0030201 02020101"},
        {14, 2, "300D0609 2A864886 F70D0101 05050030"},
        {16, 0, "line con 0"},
        {17, 1, "logging synchronous"}, /* tab-indented */
        {18, 1, "exec-timeout 5 0"},
    };
    tu_check_nodes(&p.t, e, ARRAY_SIZE(e));
    assert_true(
        tu_body_is(tu_node(&p.t, 1), "\nProperty of Example Ltd\n")); /* raw ETX delimiter */
    assert_int_equal(tu_node(&p.t, 1)->end_line, 5);
    assert_true(tu_body_is(tu_node(&p.t, 2), "Welcome")); /* single line */
    assert_int_equal(tu_node(&p.t, 2)->end_line, 6);
    assert_true(tu_body_is(tu_node(&p.t, 3), "\nNo dial-in.\n")); /* ^CC opener, ^C closer */
    assert_int_equal(tu_node(&p.t, 3)->end_line, 9);
    tu_parsed_release(&p);
}

static void test_iosxr_rpl_blocks(void **state)
{
    (void)state;
    struct tu_parsed p;
    tu_parse_fixture(&p, "ingest/iosxr_rpl.cfg", DIALECT_CISCO_IOSXR);
    assert_int_equal(p.errors, 0);
    assert_int_equal(p.t.ndiags, 0);
    static const struct tu_expect e[] = {
        {4, 0, "hostname xr-1"},
        {5, 0, "banner exec /"},
        {8, 0, "interface GigabitEthernet0/0/0/0"},
        {9, 1, "ipv4 address 192.0.2.5 255.255.255.252"},
        {12, 0, "prefix-set ALLOWED"},
        {13, 1, "192.0.2.0/24 le 32,"},
        {14, 1, "198.51.100.0/24"}, /* column 0, still inside the set */
        {17, 0, "route-policy FROM-PEER"},
        {18, 1, "if destination in ALLOWED then"},
        {19, 2, "pass"},
        {20, 1, "else"},
        {21, 2, "drop"},
        {25, 0, "router bgp 65000"},
        {26, 1, "neighbor 192.0.2.6"},
        {27, 2, "remote-as 65001"},
        {28, 2, "address-family ipv4 unicast"},
        {29, 3, "route-policy FROM-PEER in"}, /* not an RPL block: it is nested */
    };
    tu_check_nodes(&p.t, e, ARRAY_SIZE(e));
    assert_true(tu_body_is(tu_node(&p.t, 1), "\nAuthorised access only\n"));
    assert_int_equal(tu_node(&p.t, 1)->end_line, 7);
    assert_ptr_equal(tu_node(&p.t, 6)->parent, tu_node(&p.t, 4));
    tu_parsed_release(&p);
}

static void test_eos_banner_eof_and_exit(void **state)
{
    (void)state;
    struct tu_parsed p;
    tu_parse_fixture(&p, "ingest/eos_banner.cfg", DIALECT_ARISTA_EOS);
    assert_int_equal(p.errors, 0);
    static const struct tu_expect e[] = {
        {4, 0, "hostname leaf-1"},  {6, 0, "banner login"},         {11, 0, "management ssh"},
        {12, 1, "idle-timeout 10"}, {15, 0, "interface Ethernet1"}, {16, 1, "description to spine"},
        {17, 1, "no switchport"},
    };
    tu_check_nodes(&p.t, e, ARRAY_SIZE(e));
    const struct cfg_node *b = tu_node(&p.t, 1);
    assert_true(b->flags & CFG_BANNER);
    assert_true(tu_body_is(b, "Authorised access only\n  indented line kept"));
    assert_int_equal(b->end_line, 9);
    tu_parsed_release(&p);
}

static void test_asa_banner_lines_are_statements(void **state)
{
    (void)state;
    struct tu_parsed p;
    tu_parse_fixture(&p, "ingest/asa_banner.cfg", DIALECT_CISCO_ASA);
    assert_int_equal(p.errors, 0);
    static const struct tu_expect e[] = {
        {3, 0, "ASA Version 9.8(2)"},
        {5, 0, "hostname fw-1"},
        {6, 0, "banner login Authorised users only"},
        {7, 0, "banner login Disconnect now"},
        {8, 0, "banner motd"},
        {9, 0, "interface GigabitEthernet0/0"},
        {10, 1, "nameif outside"},
        {11, 1, "security-level 0"},
    };
    tu_check_nodes(&p.t, e, ARRAY_SIZE(e));
    for (unsigned i = 2; i <= 4; i++)
        assert_false(tu_node(&p.t, i)->flags & CFG_BANNER);
    tu_parsed_release(&p);
}

static void test_nxos_headers(void **state)
{
    (void)state;
    struct tu_parsed p;
    tu_parse_fixture(&p, "ingest/nxos.cfg", DIALECT_CISCO_NXOS);
    static const struct tu_expect e[] = {
        {4, 0, "version 9.2(3) Bios:version"},
        {5, 0, "hostname nx-1"},
        {6, 0, "feature ssh"},
        {7, 0, "feature bgp"},
        {9, 0, "interface mgmt0"},
        {10, 1, "vrf member management"},
        {11, 1, "ip address 192.0.2.10/24"},
    };
    tu_check_nodes(&p.t, e, ARRAY_SIZE(e));
    tu_parsed_release(&p);
}

static void test_unterminated_banner_continues(void **state)
{
    (void)state;
    diag_set_quiet(true);
    static const char text[] = "hostname r1\nbanner motd #\nWelcome\ninterface Loopback0\n"
                               " ip address 192.0.2.9 255.255.255.255\n";
    struct tu_parsed p;
    tu_parse_text(&p, text, sizeof(text) - 1, DIALECT_CISCO_IOS);
    assert_int_equal(p.errors, 1);
    assert_true(p.t.partial);
    assert_int_equal(p.t.ndiags, 1);
    assert_int_equal(p.t.diags[0].level, DIAG_ERROR);
    assert_int_equal(p.t.diags[0].line, 2);
    assert_non_null(strstr(p.t.diags[0].msg, "unterminated banner"));
    static const struct tu_expect e[] = {
        {1, 0, "hostname r1"},
        {2, 0, "banner motd #"},
        {3, 0, "Welcome"},
        {4, 0, "interface Loopback0"},
        {5, 1, "ip address 192.0.2.9 255.255.255.255"},
    };
    tu_check_nodes(&p.t, e, ARRAY_SIZE(e));
    tu_parsed_release(&p);

    static const char eos[] = "banner login\nno end marker\n";
    tu_parse_text(&p, eos, sizeof(eos) - 1, DIALECT_ARISTA_EOS);
    assert_int_equal(p.errors, 1);
    assert_int_equal(p.t.diags[0].line, 1);
    tu_parsed_release(&p);
    diag_set_quiet(false);
}

static void test_long_line_skipped(void **state)
{
    (void)state;
    diag_set_quiet(true);
    size_t big = 100000;
    char *text = xmalloc(big + 64);
    strcpy(text, "hostname r1\ndescription ");
    size_t off = strlen(text);
    memset(text + off, 'x', big);
    strcpy(text + off + big, "\nip cef\n");
    struct arena a;
    arena_init(&a);
    struct cfg_tree t;
    cfg_tree_init(&t, &a, "long.cfg", text, strlen(text), DIALECT_CISCO_IOS, FORM_DEFAULT);
    t.limits.max_line_len = 4096;
    assert_int_equal(cfg_parse(&t), 1);
    assert_int_equal(t.ndiags, 1);
    assert_int_equal(t.diags[0].line, 2);
    assert_int_equal(t.node_count, 2);
    assert_int_equal(t.first->next->line, 3);
    arena_free(&a);
    free(text);
    diag_set_quiet(false);
}

static void test_deep_indentation_is_capped(void **state)
{
    (void)state;
    diag_set_quiet(true);
    unsigned levels = 10000;
    struct buf b;
    buf_init(&b, 0);
    for (unsigned i = 0; i < levels; i++) {
        for (unsigned k = 0; k < i; k++)
            buf_addc(&b, ' ');
        buf_adds(&b, "x\n");
    }
    struct tu_parsed p;
    clock_t t0 = clock();
    tu_parse_text(&p, b.data, b.len, DIALECT_CISCO_IOS);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(secs < 5.0);
    assert_true(p.errors > 0);
    assert_true(p.t.partial);
    assert_int_equal(p.t.node_count, cfg_default_limits.max_depth);
    assert_true(p.t.ndiags <= cfg_default_limits.max_diags);
    tu_parsed_release(&p);
    buf_free(&b);
    diag_set_quiet(false);
}

static void test_many_unterminated_banners_stay_linear(void **state)
{
    (void)state;
    diag_set_quiet(true);
    struct buf b;
    buf_init(&b, 0);
    /* Every EOS banner searches for an "EOF" line that never comes. */
    for (unsigned i = 0; i < 50000; i++)
        buf_adds(&b, "banner login\n");
    struct tu_parsed p;
    clock_t t0 = clock();
    tu_parse_text(&p, b.data, b.len, DIALECT_ARISTA_EOS);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(secs < 5.0);
    assert_int_equal(p.t.node_count, 50000);
    assert_int_equal((int)cfg_error_count(&p.t), 50000);
    tu_parsed_release(&p);
    /* A delimiter closes at its next occurrence, even in another banner line. */
    buf_reset(&b);
    for (unsigned i = 0; i < 1000; i++)
        buf_adds(&b, "banner motd %\n");
    tu_parse_text(&p, b.data, b.len, DIALECT_CISCO_IOS);
    assert_int_equal(p.t.node_count, 500);
    assert_int_equal(p.errors, 0);
    assert_int_equal(p.t.first->end_line, 2);
    tu_parsed_release(&p);
    buf_free(&b);
    diag_set_quiet(false);
}

static void test_invalid_utf8_and_trailing_blanks(void **state)
{
    (void)state;
    static const char text[] = "hostname caf\xc3\xa9 \t\n"
                               "interface Gi1\n description bad \xff\xfe bytes   \n";
    struct tu_parsed p;
    tu_parse_text(&p, text, sizeof(text) - 1, DIALECT_CISCO_IOS);
    assert_int_equal(p.errors, 0);
    static const struct tu_expect e[] = {
        {1, 0, "hostname caf\xc3\xa9"},
        {2, 0, "interface Gi1"},
        {3, 1, "description bad \xff\xfe bytes"},
    };
    tu_check_nodes(&p.t, e, ARRAY_SIZE(e));
    /* zero-copy: the text points into the buffer that was parsed */
    const char *b = p.t.buf;
    assert_true(tu_node(&p.t, 2)->text > b && tu_node(&p.t, 2)->text < b + p.t.len);
    tu_parsed_release(&p);
}

static void test_stray_end_policy_warns(void **state)
{
    (void)state;
    diag_set_quiet(true);
    static const char text[] = "hostname r\nend-policy\nroute-policy OPEN\n  pass\n";
    struct tu_parsed p;
    tu_parse_text(&p, text, sizeof(text) - 1, DIALECT_CISCO_IOSXR);
    assert_int_equal(p.errors, 0);
    assert_int_equal(p.t.ndiags, 2); /* the stray closer and the block left open */
    assert_int_equal(p.t.diags[0].line, 2);
    assert_int_equal(p.t.diags[1].line, 3);
    static const struct tu_expect e[] = {
        {1, 0, "hostname r"},
        {3, 0, "route-policy OPEN"},
        {4, 1, "pass"},
    };
    tu_check_nodes(&p.t, e, ARRAY_SIZE(e));
    tu_parsed_release(&p);
    diag_set_quiet(false);
}

static char *print_to_string(const struct cfg_tree *t, bool json)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    if (json)
        cfg_tree_print_json(t, f);
    else
        cfg_tree_print_text(t, f);
    fclose(f);
    return out;
}

static void test_print_text_and_json_escaping(void **state)
{
    (void)state;
    static const char text[] = "hostname \"r1\"\\x\n"
                               "banner motd \003\nHi\tthere\n\003\n"
                               "interface Gi1\n description caf\xc3\xa9 \xff\xc0\x80 \x01\n";
    struct tu_parsed p;
    tu_parse_text(&p, text, sizeof(text) - 1, DIALECT_CISCO_IOS);
    char *txt = print_to_string(&p.t, false);
    assert_string_equal(txt, "1\thostname \"r1\"\\x\n"
                             "2\tbanner motd \\x03 [banner]\n"
                             "3\t  | Hi\tthere\n"
                             "5\tinterface Gi1\n"
                             /* invalid UTF-8 (an overlong form too) as U+FFFD */
                             "6\t  description caf\xc3\xa9 \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd "
                             "\\x01\n");
    free(txt);
    char *js = print_to_string(&p.t, true);
    assert_non_null(strstr(js, "\"text\":\"hostname \\\"r1\\\"\\\\x\""));
    assert_non_null(strstr(js, "\"text\":\"banner motd \\u0003\",\"flags\":[\"banner\"],"
                               "\"end_line\":4,\"body\":\"\\nHi\\tthere\\n\""));
    /* valid UTF-8 kept, invalid bytes (incl. an overlong form) as U+FFFD */
    assert_non_null(strstr(js, "\"description caf\xc3\xa9 \\ufffd\\ufffd\\ufffd \\u0001\""));
    assert_non_null(strstr(js, "\"dialect\":\"cisco-ios\""));
    assert_non_null(strstr(js, "\"children\":[{\"line\":6,"));
    free(js);
    tu_parsed_release(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ios_crlf_preamble_no_final_newline),
        cmocka_unit_test(test_ios_banner_delimiters_and_certificate),
        cmocka_unit_test(test_iosxr_rpl_blocks),
        cmocka_unit_test(test_eos_banner_eof_and_exit),
        cmocka_unit_test(test_asa_banner_lines_are_statements),
        cmocka_unit_test(test_nxos_headers),
        cmocka_unit_test(test_unterminated_banner_continues),
        cmocka_unit_test(test_long_line_skipped),
        cmocka_unit_test(test_deep_indentation_is_capped),
        cmocka_unit_test(test_many_unterminated_banners_stay_linear),
        cmocka_unit_test(test_invalid_utf8_and_trailing_blanks),
        cmocka_unit_test(test_stray_end_policy_warns),
        cmocka_unit_test(test_print_text_and_json_escaping),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
