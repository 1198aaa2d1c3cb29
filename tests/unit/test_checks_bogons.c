/*
 * test_checks_bogons.c - the built-in bogon table (data/bogons.txt): every
 * row of the file is read, each names its RFC, and the ranges checks.md
 * RTG-BGP-BOGONS lists are in it.
 */
#include "testutil.h"

#include "checks/checks_int.h"

#include <string.h>

/* Rows in the data file: lines that are neither blank nor comments. */
static size_t file_rows(void)
{
    char *text = NULL;
    size_t n = 0, rows = 0;
    assert_int_equal(file_read_all("data/bogons.txt", 0, false, &text, &n), 0);
    for (char *p = text; p && *p;) {
        char *eol = strchr(p, '\n');
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p && *p != '\n' && *p != '#')
            rows++;
        p = eol ? eol + 1 : NULL;
    }
    free(text);
    return rows;
}

static bool has(const struct bogon *b, size_t n, const char *cidr)
{
    struct ip_prefix want;
    assert_true(ip_prefix_parse(sv_from_cstr(cidr), &want));
    for (size_t i = 0; i < n; i++)
        if (b[i].prefix.af == want.af && b[i].prefix.len == want.len &&
            ip_prefix_contains(&b[i].prefix, &want))
            return true;
    return false;
}

static void test_every_row_read(void **state)
{
    (void)state;
    size_t n;
    const struct bogon *b = bogons_builtin(&n);
    assert_int_equal(n, file_rows());
    for (size_t i = 0; i < n; i++) {
        assert_true(b[i].prefix.af == 4 || b[i].prefix.af == 6);
        assert_true(strncmp(b[i].source, "RFC ", 4) == 0);
        assert_true(b[i].what[0] != '\0');
    }
}

static void test_checks_md_ranges(void **state)
{
    (void)state;
    size_t n;
    const struct bogon *b = bogons_builtin(&n);
    static const char *const want[] = {
        "10.0.0.0/8",   "172.16.0.0/12",   "192.168.0.0/16", "100.64.0.0/10",
        "127.0.0.0/8",  "169.254.0.0/16",  "224.0.0.0/4",    "240.0.0.0/4",
        "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "0.0.0.0/8",
        "fc00::/7",     "fe80::/10",       "ff00::/8",       "2001:db8::/32",
    };
    for (size_t i = 0; i < ARRAY_SIZE(want); i++)
        if (!has(b, n, want[i]))
            fail_msg("%s is not in the bogon table", want[i]);
    assert_false(has(b, n, "2000::/3"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_row_read),
        cmocka_unit_test(test_checks_md_ranges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
