/*
 * Ingest layer: the FortiOS parser (config/edit/set/next/end) on hand-written inputs.
 */
#include "testutil.h"
#include "tu_ingest.h"

#include "ingest/ingest.h"

#include <stdlib.h>
#include <string.h>

static void test_fortios_nesting_and_pem_value(void **state)
{
    (void)state;
    diag_set_quiet(true);
    struct tu_parsed p;
    tu_parse_fixture(&p, "ingest/fortios.cfg", DIALECT_FORTINET_FORTIOS);
    static const struct tu_expect e[] = {
        {4, 0, "config system global"},
        {5, 1, "set hostname \"fw-1\""},
        {6, 1, "set admin-sport 8443"},
        {8, 0, "config system admin"},
        {9, 1, "edit \"admin\""},
        {10, 2, "set accprofile \"super_admin\""},
        {11, 2, "unset trusthost1"},
        {14, 0, "config vpn certificate local"},
        {15, 1, "edit \"tls\""},
        {16, 2, "set private-key \"-----BEGIN ENCRYPTED PRIVATE KEY-----"},
        {19, 2, "set comments \"line \\\"quoted\\\"\""},
    };
    tu_check_nodes(&p.t, e, ARRAY_SIZE(e));
    const struct cfg_node *k = tu_node(&p.t, 9);
    assert_true(k->flags & CFG_BANNER);
    assert_int_equal(k->end_line, 18);
    assert_true(tu_body_is(k, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nTm90IGEgcmVhbCBrZXk=\n"
                              "-----END ENCRYPTED PRIVATE KEY-----"));
    assert_false(tu_node(&p.t, 10)->flags & CFG_BANNER); /* escaped quotes balance */
    /* the extra 'end' on line 22 */
    assert_int_equal(p.errors, 1);
    assert_int_equal(p.t.ndiags, 1);
    assert_int_equal(p.t.diags[0].line, 22);
    tu_parsed_release(&p);
    diag_set_quiet(false);
}

static void test_fortios_edit_without_next_and_unclosed_config(void **state)
{
    (void)state;
    diag_set_quiet(true);
    static const char text[] = "config firewall address\r\n"
                               "  edit \"a\"\r\n"
                               "    set subnet 192.0.2.0 255.255.255.0\r\n"
                               "end\r\n"
                               "config firewall policy\r\n"
                               "  edit 1\r\n"
                               "    set action accept\r\n"
                               "  next";
    struct tu_parsed p;
    tu_parse_text(&p, text, sizeof(text) - 1, DIALECT_FORTINET_FORTIOS);
    assert_int_equal(p.errors, 0);
    assert_int_equal(p.t.ndiags, 1); /* config firewall policy is not closed */
    assert_int_equal(p.t.diags[0].level, DIAG_WARNING);
    assert_int_equal(p.t.diags[0].line, 5);
    static const struct tu_expect e[] = {
        {1, 0, "config firewall address"},
        {2, 1, "edit \"a\""},
        {3, 2, "set subnet 192.0.2.0 255.255.255.0"},
        {5, 0, "config firewall policy"},
        {6, 1, "edit 1"},
        {7, 2, "set action accept"},
    };
    tu_check_nodes(&p.t, e, ARRAY_SIZE(e));
    tu_parsed_release(&p);
    diag_set_quiet(false);
}

static void test_fortios_continuation_and_unterminated_quote(void **state)
{
    (void)state;
    diag_set_quiet(true);
    static const char text[] = "config system replacemsg admin x\n"
                               "  set buffer 'it''s' \"two\n"
                               "lines\"\n"
                               "  set note \\\n"
                               "continued\n"
                               "end\n"
                               "config user local\n"
                               "  set comment \"open forever\n";
    struct tu_parsed p;
    tu_parse_text(&p, text, sizeof(text) - 1, DIALECT_FORTINET_FORTIOS);
    static const struct tu_expect e[] = {
        {1, 0, "config system replacemsg admin x"},
        {2, 1, "set buffer 'it''s' \"two"},
        {4, 1, "set note \\"},
        {7, 0, "config user local"},
        {8, 1, "set comment \"open forever"},
    };
    tu_check_nodes(&p.t, e, ARRAY_SIZE(e));
    assert_int_equal(tu_node(&p.t, 1)->end_line, 3);
    assert_true(tu_body_is(tu_node(&p.t, 1), "two\nlines"));
    assert_int_equal(tu_node(&p.t, 2)->end_line, 5);
    assert_int_equal(p.errors, 1);
    assert_int_equal(p.t.diags[0].line, 8);
    tu_parsed_release(&p);
    diag_set_quiet(false);
}

static void test_fortios_deep_nesting_is_capped(void **state)
{
    (void)state;
    diag_set_quiet(true);
    struct buf b;
    buf_init(&b, 0);
    for (unsigned i = 0; i < 10000; i++)
        buf_adds(&b, "config a\n set x 1\n");
    for (unsigned i = 0; i < 10000; i++)
        buf_adds(&b, "end\n");
    buf_adds(&b, "config after\nend\n");
    struct tu_parsed p;
    tu_parse_text(&p, b.data, b.len, DIALECT_FORTINET_FORTIOS);
    assert_true(p.errors > 0);
    assert_true(p.t.node_count <= 2u * cfg_default_limits.max_depth + 1);
    /* nesting is tracked past the limit: the last block is top level again */
    assert_true(sv_eq_cstr(cfg_text(p.t.last), "config after"));
    tu_parsed_release(&p);
    buf_free(&b);
    diag_set_quiet(false);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fortios_nesting_and_pem_value),
        cmocka_unit_test(test_fortios_edit_without_next_and_unclosed_config),
        cmocka_unit_test(test_fortios_continuation_and_unterminated_quote),
        cmocka_unit_test(test_fortios_deep_nesting_is_capped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
