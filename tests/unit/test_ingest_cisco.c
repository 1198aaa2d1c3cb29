/*
 * Ingest layer: the Cisco-family indentation parser (IOS, NX-OS, IOS-XR, ASA,
 * EOS) on hand-written inputs covering each quirk it promises to handle.
 */
#include "testutil.h"

#include "ingest/ingest.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

struct parsed {
    struct arena arena;
    struct cfg_tree tree;
    char *data;
    int errors;
};

static void parse_mem(struct parsed *p, const char *text, size_t len, enum dialect d)
{
    arena_init(&p->arena);
    p->data = NULL;
    p->errors = cfg_parse_buffer(&p->tree, &p->arena, "test.cfg", text, len, d);
}

static void parse_fixture(struct parsed *p, const char *name, enum dialect d)
{
    char rel[256];
    size_t len = 0;
    snprintf(rel, sizeof(rel), "tests/fixtures/ingest/%s", name);
    char *data = tu_read(rel, &len);
    arena_init(&p->arena);
    p->data = data;
    p->errors = cfg_parse_buffer(&p->tree, &p->arena, name, data, len, d);
}

static void parsed_free(struct parsed *p)
{
    arena_free(&p->arena);
    free(p->data);
}

/* The i-th node in pre-order (fails the test when there are fewer). */
static const struct cfg_node *nth(const struct parsed *p, unsigned i)
{
    const struct cfg_node *n = p->tree.first;
    for (unsigned k = 0; n && k < i; k++)
        n = cfg_next_preorder(&p->tree, n);
    if (!n)
        fail_msg("no node #%u", i);
    return n;
}

static unsigned count_nodes(const struct parsed *p)
{
    unsigned k = 0;
    for (const struct cfg_node *n = p->tree.first; n; n = cfg_next_preorder(&p->tree, n))
        k++;
    return k;
}

struct expect {
    uint32_t line;
    uint16_t depth;
    const char *text;
};

static void check_nodes(const struct parsed *p, const struct expect *e, size_t n)
{
    assert_int_equal(count_nodes(p), n);
    for (size_t i = 0; i < n; i++) {
        const struct cfg_node *node = nth(p, (unsigned)i);
        if (!sv_eq_cstr(cfg_text(node), e[i].text))
            fail_msg("node %zu: text '%.*s', expected '%s'", i, (int)node->len, node->text,
                     e[i].text);
        assert_int_equal(node->line, e[i].line);
        assert_int_equal(node->depth, e[i].depth);
        if (node->depth == 0)
            assert_null(node->parent);
        else
            assert_int_equal(node->parent->depth + 1, node->depth);
    }
}

static bool body_is(const struct cfg_node *n, const char *s)
{
    return n->body && n->body_len == strlen(s) && memcmp(n->body, s, n->body_len) == 0;
}

static void test_ios_crlf_preamble_no_final_newline(void **state)
{
    (void)state;
    struct parsed p;
    parse_fixture(&p, "ios_crlf.cfg", DIALECT_CISCO_IOS);
    assert_int_equal(p.errors, 0);
    static const struct expect e[] = {
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
    check_nodes(&p, e, ARRAY_SIZE(e));
    const struct cfg_node *b = nth(&p, 7);
    assert_true(b->flags & CFG_BANNER);
    assert_int_equal(b->end_line, 17);
    assert_true(body_is(b, "\r\nAuthorised users only.\r\nDisconnect now if you are not.\r\n"));
    /* "no ip proxy-arp" (indent 1) goes back to the interface, not under "no shutdown" */
    assert_ptr_equal(nth(&p, 6)->parent, nth(&p, 2));
    assert_int_equal(p.tree.line_count, 20);
    parsed_free(&p);
}

static void test_ios_banner_delimiters_and_certificate(void **state)
{
    (void)state;
    struct parsed p;
    parse_fixture(&p, "ios_banners.cfg", DIALECT_CISCO_IOS);
    assert_int_equal(p.errors, 0);
    static const struct expect e[] = {
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
    check_nodes(&p, e, ARRAY_SIZE(e));
    assert_true(body_is(nth(&p, 1), "\nProperty of Example Ltd\n")); /* raw ETX delimiter */
    assert_int_equal(nth(&p, 1)->end_line, 5);
    assert_true(body_is(nth(&p, 2), "Welcome")); /* single line */
    assert_int_equal(nth(&p, 2)->end_line, 6);
    assert_true(body_is(nth(&p, 3), "\nNo dial-in.\n")); /* ^CC opener, ^C closer */
    assert_int_equal(nth(&p, 3)->end_line, 9);
    parsed_free(&p);
}

static void test_iosxr_rpl_blocks(void **state)
{
    (void)state;
    struct parsed p;
    parse_fixture(&p, "iosxr_rpl.cfg", DIALECT_CISCO_IOSXR);
    assert_int_equal(p.errors, 0);
    assert_int_equal(p.tree.ndiags, 0);
    static const struct expect e[] = {
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
    check_nodes(&p, e, ARRAY_SIZE(e));
    assert_true(body_is(nth(&p, 1), "\nAuthorised access only\n"));
    assert_int_equal(nth(&p, 1)->end_line, 7);
    assert_ptr_equal(nth(&p, 6)->parent, nth(&p, 4));
    parsed_free(&p);
}

static void test_eos_banner_eof_and_exit(void **state)
{
    (void)state;
    struct parsed p;
    parse_fixture(&p, "eos_banner.cfg", DIALECT_ARISTA_EOS);
    assert_int_equal(p.errors, 0);
    static const struct expect e[] = {
        {4, 0, "hostname leaf-1"},       {6, 0, "banner login"},
        {11, 0, "management ssh"},       {12, 1, "idle-timeout 10"},
        {15, 0, "interface Ethernet1"},  {16, 1, "description to spine"},
        {17, 1, "no switchport"},
    };
    check_nodes(&p, e, ARRAY_SIZE(e));
    const struct cfg_node *b = nth(&p, 1);
    assert_true(b->flags & CFG_BANNER);
    assert_true(body_is(b, "Authorised access only\n  indented line kept"));
    assert_int_equal(b->end_line, 9);
    parsed_free(&p);
}

static void test_asa_banner_lines_are_statements(void **state)
{
    (void)state;
    struct parsed p;
    parse_fixture(&p, "asa_banner.cfg", DIALECT_CISCO_ASA);
    assert_int_equal(p.errors, 0);
    static const struct expect e[] = {
        {3, 0, "ASA Version 9.8(2)"},
        {5, 0, "hostname fw-1"},
        {6, 0, "banner login Authorised users only"},
        {7, 0, "banner login Disconnect now"},
        {8, 0, "banner motd"},
        {9, 0, "interface GigabitEthernet0/0"},
        {10, 1, "nameif outside"},
        {11, 1, "security-level 0"},
    };
    check_nodes(&p, e, ARRAY_SIZE(e));
    for (unsigned i = 2; i <= 4; i++)
        assert_false(nth(&p, i)->flags & CFG_BANNER);
    parsed_free(&p);
}

static void test_nxos_headers(void **state)
{
    (void)state;
    struct parsed p;
    parse_fixture(&p, "nxos.cfg", DIALECT_CISCO_NXOS);
    static const struct expect e[] = {
        {4, 0, "version 9.2(3) Bios:version"}, {5, 0, "hostname nx-1"},
        {6, 0, "feature ssh"},                 {7, 0, "feature bgp"},
        {9, 0, "interface mgmt0"},             {10, 1, "vrf member management"},
        {11, 1, "ip address 192.0.2.10/24"},
    };
    check_nodes(&p, e, ARRAY_SIZE(e));
    parsed_free(&p);
}

static void test_unterminated_banner_continues(void **state)
{
    (void)state;
    diag_set_quiet(true);
    static const char text[] = "hostname r1\nbanner motd #\nWelcome\ninterface Loopback0\n"
                               " ip address 192.0.2.9 255.255.255.255\n";
    struct parsed p;
    parse_mem(&p, text, sizeof(text) - 1, DIALECT_CISCO_IOS);
    assert_int_equal(p.errors, 1);
    assert_true(p.tree.partial);
    assert_int_equal(p.tree.ndiags, 1);
    assert_int_equal(p.tree.diags[0].level, DIAG_ERROR);
    assert_int_equal(p.tree.diags[0].line, 2);
    assert_non_null(strstr(p.tree.diags[0].msg, "unterminated banner"));
    static const struct expect e[] = {
        {1, 0, "hostname r1"},
        {2, 0, "banner motd #"},
        {3, 0, "Welcome"},
        {4, 0, "interface Loopback0"},
        {5, 1, "ip address 192.0.2.9 255.255.255.255"},
    };
    check_nodes(&p, e, ARRAY_SIZE(e));
    parsed_free(&p);

    static const char eos[] = "banner login\nno end marker\n";
    parse_mem(&p, eos, sizeof(eos) - 1, DIALECT_ARISTA_EOS);
    assert_int_equal(p.errors, 1);
    assert_int_equal(p.tree.diags[0].line, 1);
    parsed_free(&p);
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
    struct parsed p;
    clock_t t0 = clock();
    parse_mem(&p, b.data, b.len, DIALECT_CISCO_IOS);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(secs < 5.0);
    assert_true(p.errors > 0);
    assert_true(p.tree.partial);
    assert_int_equal(p.tree.node_count, cfg_default_limits.max_depth);
    assert_true(p.tree.ndiags <= cfg_default_limits.max_diags);
    parsed_free(&p);
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
    struct parsed p;
    clock_t t0 = clock();
    parse_mem(&p, b.data, b.len, DIALECT_ARISTA_EOS);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(secs < 5.0);
    assert_int_equal(p.tree.node_count, 50000);
    assert_int_equal((int)cfg_error_count(&p.tree), 50000);
    parsed_free(&p);
    /* A delimiter closes at its next occurrence, even in another banner line. */
    buf_reset(&b);
    for (unsigned i = 0; i < 1000; i++)
        buf_adds(&b, "banner motd %\n");
    parse_mem(&p, b.data, b.len, DIALECT_CISCO_IOS);
    assert_int_equal(p.tree.node_count, 500);
    assert_int_equal(p.errors, 0);
    assert_int_equal(p.tree.first->end_line, 2);
    parsed_free(&p);
    buf_free(&b);
    diag_set_quiet(false);
}

static void test_invalid_utf8_and_trailing_blanks(void **state)
{
    (void)state;
    static const char text[] = "hostname caf\xc3\xa9 \t\n"
                               "interface Gi1\n description bad \xff\xfe bytes   \n";
    struct parsed p;
    parse_mem(&p, text, sizeof(text) - 1, DIALECT_CISCO_IOS);
    assert_int_equal(p.errors, 0);
    static const struct expect e[] = {
        {1, 0, "hostname caf\xc3\xa9"},
        {2, 0, "interface Gi1"},
        {3, 1, "description bad \xff\xfe bytes"},
    };
    check_nodes(&p, e, ARRAY_SIZE(e));
    /* zero-copy: the text points into the caller's buffer */
    assert_true(nth(&p, 2)->text > text && nth(&p, 2)->text < text + sizeof(text));
    parsed_free(&p);
}

static void test_stray_end_policy_warns(void **state)
{
    (void)state;
    diag_set_quiet(true);
    static const char text[] = "hostname r\nend-policy\nroute-policy OPEN\n  pass\n";
    struct parsed p;
    parse_mem(&p, text, sizeof(text) - 1, DIALECT_CISCO_IOSXR);
    assert_int_equal(p.errors, 0);
    assert_int_equal(p.tree.ndiags, 2); /* the stray closer and the block left open */
    assert_int_equal(p.tree.diags[0].line, 2);
    assert_int_equal(p.tree.diags[1].line, 3);
    static const struct expect e[] = {
        {1, 0, "hostname r"},
        {3, 0, "route-policy OPEN"},
        {4, 1, "pass"},
    };
    check_nodes(&p, e, ARRAY_SIZE(e));
    parsed_free(&p);
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
    struct parsed p;
    parse_mem(&p, text, sizeof(text) - 1, DIALECT_CISCO_IOS);
    char *txt = print_to_string(&p.tree, false);
    assert_string_equal(txt, "1\thostname \"r1\"\\x\n"
                             "2\tbanner motd \\x03 [banner]\n"
                             "3\t  | Hi\tthere\n"
                             "5\tinterface Gi1\n"
                             "6\t  description caf\xc3\xa9 \xff\xc0\x80 \\x01\n");
    free(txt);
    char *js = print_to_string(&p.tree, true);
    assert_non_null(strstr(js, "\"text\":\"hostname \\\"r1\\\"\\\\x\""));
    assert_non_null(strstr(js, "\"text\":\"banner motd \\u0003\",\"flags\":[\"banner\"],"
                               "\"end_line\":4,\"body\":\"\\nHi\\tthere\\n\""));
    /* valid UTF-8 kept, invalid bytes (incl. an overlong form) as U+FFFD */
    assert_non_null(strstr(js, "\"description caf\xc3\xa9 \\ufffd\\ufffd\\ufffd \\u0001\""));
    assert_non_null(strstr(js, "\"dialect\":\"cisco-ios\""));
    assert_non_null(strstr(js, "\"children\":[{\"line\":6,"));
    free(js);
    parsed_free(&p);
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
