/*
 * Ingest layer: cloud exports (JSON) into the tree - paths and lines of
 * every member, several documents in one file, detection by shape, and the
 * diagnostics for malformed, truncated, duplicated, deep and huge input.
 */
#include "testutil.h"
#include "tu_ingest.h"

#include "ingest/ingest.h"

#include <stdlib.h>
#include <string.h>

static void test_json_paths_and_lines(void **state)
{
    (void)state;
    static const char text[] = "{\n"
                               "  \"SecurityGroups\": [\n"
                               "    {\n"
                               "      \"GroupId\": \"sg-1\",\n"
                               "      \"IpPermissions\": [ { \"FromPort\": 22,\n"
                               "          \"IpRanges\": [ {\"CidrIp\": \"0.0.0.0/0\"} ] } ],\n"
                               "      \"a.b\": \"q\\\"uote\"\n"
                               "    }\n"
                               "  ]\n"
                               "}\n"
                               "{\"Vpcs\": []}\n";
    struct tu_parsed p;
    tu_parse_text(&p, text, sizeof(text) - 1, DIALECT_AWS);
    assert_int_equal(p.errors, 0);
    static const struct tu_expect e[] = {
        {2, 0, "$.SecurityGroups"},
        {3, 1, "$.SecurityGroups[0]"},
        {4, 2, "$.SecurityGroups[0].GroupId = \"sg-1\""},
        {5, 2, "$.SecurityGroups[0].IpPermissions"},
        {5, 3, "$.SecurityGroups[0].IpPermissions[0]"},
        {5, 4, "$.SecurityGroups[0].IpPermissions[0].FromPort = 22"},
        {6, 4, "$.SecurityGroups[0].IpPermissions[0].IpRanges"},
        {6, 5, "$.SecurityGroups[0].IpPermissions[0].IpRanges[0]"},
        {6, 6, "$.SecurityGroups[0].IpPermissions[0].IpRanges[0].CidrIp = \"0.0.0.0/0\""},
        {7, 2, "$.SecurityGroups[0][\"a.b\"] = \"q\\\"uote\""},
        {11, 0, "$.Vpcs"},
    };
    tu_check_nodes(&p.t, e, ARRAY_SIZE(e));
    tu_parsed_release(&p);
}

static void test_json_detected_by_shape(void **state)
{
    (void)state;
    struct detect_result r;
    static const char aws[] = "\xEF\xBB\xBF {\n \"NetworkAcls\": []\n}";
    detect_dialect(aws, sizeof(aws) - 1, &r);
    assert_int_equal(r.dialect, DIALECT_AWS);
    assert_int_equal(r.line, 2);
    /* JSON of another kind is left to the other markers (and stays unknown). */
    static const char other[] = "{\"configuration\": {\"system\": {}}}";
    detect_dialect(other, sizeof(other) - 1, &r);
    assert_int_equal(r.dialect, DIALECT_UNKNOWN);
}

/* One error at line/column, the tree keeps the documents read before it. */
static void expect_error(const char *text, uint32_t line, const char *fragment)
{
    struct tu_parsed *p = tu_parse(DIALECT_AWS, text, strlen(text), FORM_DEFAULT, NULL);
    assert_int_equal(p->errors, 1);
    assert_true(p->t.partial);
    assert_int_equal(p->t.ndiags, 1);
    assert_int_equal(p->t.diags[0].line, line);
    if (!strstr(p->t.diags[0].msg, fragment))
        fail_msg("'%s' does not say '%s'", p->t.diags[0].msg, fragment);
    tu_parsed_free(p);
}

static void test_json_malformed_truncated_duplicate(void **state)
{
    (void)state;
    expect_error("{\"Vpcs\": [\n  {\"VpcId\": \"vpc-1\",, }\n]}", 2, "column 21");
    expect_error("{\"Vpcs\": []}\n{\"SecurityGroups\": [\n {\"GroupId\": \"sg", 3,
                 "looks truncated");
    expect_error("{\"Vpcs\": [], \"Vpcs\": []}", 1, "duplicate object key");
    expect_error("   \n\n", 1, "empty JSON export");
    /* The first document is kept when a later one is malformed. */
    struct tu_parsed *p = tu_parse_str(DIALECT_AWS, "{\"Vpcs\": []}\n{\"FlowLogs\": [}");
    assert_non_null(tu_find(&p->t, "$.Vpcs"));
    assert_int_equal(p->errors, 1);
    tu_parsed_free(p);
}

static void test_json_depth_and_node_limits(void **state)
{
    (void)state;
    /* Deeper than the tree's depth limit: one error, the shallow part kept. */
    struct buf b;
    buf_init(&b, 0);
    buf_adds(&b, "{\"Vpcs\": [{\"VpcId\": \"vpc-1\"}], \"deep\": ");
    for (int i = 0; i < 300; i++)
        buf_addc(&b, '[');
    for (int i = 0; i < 300; i++)
        buf_addc(&b, ']');
    buf_adds(&b, "}");
    struct tu_parsed *p = tu_parse(DIALECT_AWS, b.data, b.len, FORM_DEFAULT, NULL);
    assert_int_equal(p->errors, 1);
    assert_true(p->t.partial);
    assert_non_null(tu_find(&p->t, "$.Vpcs[0].VpcId = \"vpc-1\""));
    tu_parsed_free(p);
    buf_free(&b);

    /* A huge export stops at the node limit with one error. */
    struct cfg_limits lim = cfg_default_limits;
    lim.max_nodes = 50;
    buf_init(&b, 0);
    buf_adds(&b, "{\"Vpcs\": [");
    for (int i = 0; i < 200; i++)
        buf_printf(&b, "%s{\"VpcId\": \"vpc-%d\"}", i ? "," : "", i);
    buf_adds(&b, "]}");
    p = tu_parse(DIALECT_AWS, b.data, b.len, FORM_DEFAULT, &lim);
    assert_int_equal(p->errors, 1);
    assert_true(p->t.partial);
    assert_int_equal(tu_count_nodes(&p->t), 50);
    tu_parsed_free(p);
    buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_paths_and_lines),
        cmocka_unit_test(test_json_detected_by_shape),
        cmocka_unit_test(test_json_malformed_truncated_duplicate),
        cmocka_unit_test(test_json_depth_and_node_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
