/*
 * Report layer: the shared escaping (JSON strings, XML/HTML text and
 * attributes, CSV cells, URI paths) on the edge cases configs throw at it:
 * control characters, invalid UTF-8, markup, formula-looking cells.
 */
#include "testutil.h"

#include "report/report_int.h"

#include <stdlib.h>
#include <string.h>

static char *render(void (*fn)(FILE *, const char *, size_t), const char *s, size_t n)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    fn(f, s, n);
    fclose(f);
    return out;
}

static void xml_text(FILE *f, const char *s, size_t n)
{
    rpt_xml_str(f, s, n, false);
}

static void xml_attr(FILE *f, const char *s, size_t n)
{
    rpt_xml_str(f, s, n, true);
}

static void uri(FILE *f, const char *s, size_t n)
{
    (void)n;
    rpt_uri_path(f, s);
}

struct esc_case {
    const char *in;
    size_t n; /* 0 = strlen */
    const char *want;
};

static void run_cases(void (*fn)(FILE *, const char *, size_t), const struct esc_case *c, size_t nc)
{
    for (size_t i = 0; i < nc; i++) {
        size_t n = c[i].n ? c[i].n : strlen(c[i].in);
        char *got = render(fn, c[i].in, n);
        if (strcmp(got, c[i].want))
            fail_msg("case %zu: got [%s] want [%s]", i, got, c[i].want);
        free(got);
    }
}

static void test_json(void **state)
{
    (void)state;
    static const struct esc_case c[] = {
        {"plain", 0, "\"plain\""},
        {"q\"b\\s", 0, "\"q\\\"b\\\\s\""},
        {"a\nb\tc\rd", 0, "\"a\\nb\\tc\\rd\""},
        {"\x01\x1b\x7f", 0, "\"\\u0001\\u001b\\u007f\""},
        {"<script>&", 0, "\"\\u003cscript\\u003e\\u0026\""},
        {"\xff\xfe", 0, "\"\xef\xbf\xbd\xef\xbf\xbd\""}, /* invalid bytes -> U+FFFD */
        {"\xc0\xaf", 0, "\"\xef\xbf\xbd\xef\xbf\xbd\""}, /* overlong */
        {"\xed\xa0\x80", 0, "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\""}, /* surrogate */
        {"\xe2\x80\xa8", 0, "\"\\u2028\""},
        {"caf\xc3\xa9 \xf0\x9f\x94\x92", 0, "\"caf\xc3\xa9 \xf0\x9f\x94\x92\""},
        {"a\0b", 3, "\"a\\u0000b\""},
        {"\xe2\x82", 0, "\"\xef\xbf\xbd\xef\xbf\xbd\""}, /* truncated sequence */
    };
    run_cases(rpt_json_str, c, ARRAY_SIZE(c));
    char *out = NULL;
    size_t len;
    FILE *f = open_memstream(&out, &len);
    json_write_cstr(f, NULL);
    fputc(' ', f);
    json_write_cstr(f, "x<");
    fclose(f);
    assert_string_equal(out, "null \"x\\u003c\"");
    free(out);
}

static void test_xml(void **state)
{
    (void)state;
    static const struct esc_case text[] = {
        {"<b>&'\"", 0, "&lt;b&gt;&amp;&#39;&quot;"},
        {"a\nb\tc", 0, "a\nb\tc"},
        {"a\rb", 0, "a&#13;b"},
        {"\x01\x0b\x1b", 0, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"}, /* not allowed in XML 1.0 */
        {"\xef\xbf\xbe", 0, "\xef\xbf\xbd"},                         /* U+FFFE */
        {"\xc2\x85", 0, "\xef\xbf\xbd"},                             /* C1 control */
        {"\xff", 0, "\xef\xbf\xbd"},
        {"]]>", 0, "]]&gt;"},
        {"x\0y", 3, "x\xef\xbf\xbdy"},
    };
    run_cases(xml_text, text, ARRAY_SIZE(text));
    static const struct esc_case attr[] = {
        {"a\nb\tc\rd", 0, "a&#10;b&#9;c&#13;d"},
        {"</textarea><script>", 0, "&lt;/textarea&gt;&lt;script&gt;"},
    };
    run_cases(xml_attr, attr, ARRAY_SIZE(attr));
}

static void test_csv(void **state)
{
    (void)state;
    static const struct esc_case c[] = {
        {"plain", 0, "plain"},
        {"a,b", 0, "\"a,b\""},
        {"say \"hi\"", 0, "\"say \"\"hi\"\"\""},
        {"two\r\nlines", 0, "\"two\r\nlines\""},
        {"=cmd|' /C calc'!A0", 0, "\"'=cmd|' /C calc'!A0\""},
        {"+1", 0, "\"'+1\""},
        {"-2+3", 0, "\"'-2+3\""},
        {"@SUM(A1)", 0, "\"'@SUM(A1)\""},
        {"\t=1", 0, "\"'\t=1\""},
        {"\r=1", 0, "\"'\r=1\""},
        {"a=1", 0, "a=1"},
        {"", 0, ""},
        {"\xff", 0, "\xef\xbf\xbd"},
    };
    run_cases(rpt_csv_cell, c, ARRAY_SIZE(c));
}

static void test_uri(void **state)
{
    (void)state;
    static const struct esc_case c[] = {
        {"core/r1.cfg", 0, "core/r1.cfg"},
        {"sub dir/evil #1.cfg", 0, "sub%20dir/evil%20%231.cfg"},
        {"a?b&c%d", 0, "a%3Fb%26c%25d"},
        {"caf\xc3\xa9", 0, "caf%C3%A9"},
    };
    run_cases(uri, c, ARRAY_SIZE(c));
}

static void test_uuid_is_stable_and_v5(void **state)
{
    (void)state;
    struct report_run run;
    memset(&run, 0, sizeof(run));
    snprintf(run.run_id, sizeof(run.run_id), "run-1");
    char a[37], b[37], c[37];
    rpt_uuid(a, &run, "obs", "r1", "MGMT-TELNET");
    rpt_uuid(b, &run, "obs", "r1", "MGMT-TELNET");
    rpt_uuid(c, &run, "obs", "r2", "MGMT-TELNET");
    assert_string_equal(a, b);
    assert_string_not_equal(a, c);
    assert_int_equal(strlen(a), 36);
    assert_int_equal(a[14], '5');
    assert_non_null(strchr("89ab", a[19]));
    snprintf(run.run_id, sizeof(run.run_id), "run-2");
    rpt_uuid(b, &run, "obs", "r1", "MGMT-TELNET");
    assert_string_not_equal(a, b);
}

static void test_map(void **state)
{
    (void)state;
    struct rpt_map m;
    rpt_map_init(&m);
    assert_null(rpt_map_find(&m, "x"));
    char key[32];
    for (int i = 0; i < 1000; i++) {
        snprintf(key, sizeof(key), "dev-%d", i);
        *rpt_map_get(&m, key) = (size_t)i;
    }
    for (int i = 0; i < 1000; i++) {
        snprintf(key, sizeof(key), "dev-%d", i);
        size_t *v = rpt_map_find(&m, key);
        assert_non_null(v);
        assert_int_equal(*v, i);
    }
    assert_int_equal(m.n, 1000);
    rpt_map_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_xml),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_uri),
        cmocka_unit_test(test_uuid_is_stable_and_v5),
        cmocka_unit_test(test_map),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
