/*
 * Ingest layer: the Huawei VRP parser on hand-written inputs.
 */
#include "testutil.h"
#include "tu_ingest.h"

#include "ingest/ingest.h"

#include <stdlib.h>
#include <string.h>

static void test_vrp_views_separators_return(void **state)
{
    (void)state;
    struct tu_parsed p;
    tu_parse_fixture(&p, "ingest/vrp.cfg", DIALECT_HUAWEI_VRP);
    assert_int_equal(p.errors, 0);
    static const struct tu_expect e[] = {
        {3, 0, "sysname PE-1"},
        {5, 0, "aaa"},
        {6, 1, "local-user admin password irreversible-cipher $1c$REMOVED$"},
        {7, 1, "local-user admin service-type ssh"},
        {9, 0, "interface GigabitEthernet0/0/1"},
        {10, 1, "undo shutdown"},
        {11, 1, "ip address 192.0.2.1 255.255.255.0"},
        {13, 0, "user-interface vty 0 4"},
        {14, 1, "authentication-mode aaa"},
        {15, 1, "protocol inbound ssh"},
        {17, 0, "header login information \"Authorised"},
    };
    tu_check_nodes(&p.t, e, ARRAY_SIZE(e));
    const struct cfg_node *h = tu_node(&p.t, 10);
    assert_true(h->flags & CFG_BANNER);
    assert_true(tu_body_is(h, "Authorised\naccess only"));
    assert_int_equal(h->end_line, 18);
    tu_parsed_release(&p);
}

static void test_vrp_prompts_and_separator_close_views(void **state)
{
    (void)state;
    static const char text[] = "<PE-1>display current-configuration\r\n"
                               "==========\r\n"
                               "#\r\n"
                               "bgp 65000\r\n"
                               " peer 192.0.2.2 as-number 65001\r\n"
                               "#\r\n"
                               " stray-indented\r\n"
                               "[~PE-1]\r\n"
                               "return";
    struct tu_parsed p;
    tu_parse_text(&p, text, sizeof(text) - 1, DIALECT_HUAWEI_VRP);
    assert_int_equal(p.errors, 0);
    static const struct tu_expect e[] = {
        {4, 0, "bgp 65000"},
        {5, 1, "peer 192.0.2.2 as-number 65001"},
        {7, 0, "stray-indented"}, /* after '#', not a child of bgp */
    };
    tu_check_nodes(&p.t, e, ARRAY_SIZE(e));
    tu_parsed_release(&p);
}

static void test_vrp_unterminated_header(void **state)
{
    (void)state;
    diag_set_quiet(true);
    static const char text[] = "sysname A\nheader shell information \"never closed\ninterface X\n";
    struct tu_parsed p;
    tu_parse_text(&p, text, sizeof(text) - 1, DIALECT_HUAWEI_VRP);
    assert_int_equal(p.errors, 1);
    assert_int_equal(p.t.diags[0].line, 2);
    static const struct tu_expect e[] = {
        {1, 0, "sysname A"},
        {2, 0, "header shell information \"never closed"},
        {3, 0, "interface X"},
    };
    tu_check_nodes(&p.t, e, ARRAY_SIZE(e));
    tu_parsed_release(&p);
    diag_set_quiet(false);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vrp_views_separators_return),
        cmocka_unit_test(test_vrp_prompts_and_separator_close_views),
        cmocka_unit_test(test_vrp_unterminated_header),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
