/*
 * Core layer: arenas, string views, prefixes, hashing, dates, file walking.
 */
#include "testutil.h"

#include "core/ydoc.h"

#include <string.h>

static void test_arena(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    char *s = arena_printf(&a, "%s-%d", "vty", 4);
    assert_string_equal(s, "vty-4");
    void *big = arena_alloc(&a, 1 << 20);
    assert_non_null(big);
    assert_true(((uintptr_t)big & 15) == 0);
    arena_free(&a);
}

static void test_tokens(void **state)
{
    (void)state;
    struct sv s = SV_LIT("  set system login message \"Authorised { use } only\" ;");
    assert_int_equal(sv_token_count(s), 6);
    struct sv t = sv_token(s, 4);
    assert_int_equal(t.n, strlen("\"Authorised { use } only\""));
    assert_true(sv_eq_cstr(sv_unquote(t), "Authorised { use } only"));
    assert_true(sv_eq_cstr(sv_after_tokens(SV_LIT("transport input ssh telnet"), 2), "ssh telnet"));
    assert_true(sv_starts_with_word(SV_LIT("ip ssh version 2"), "ip ssh"));
    assert_false(sv_starts_with_word(SV_LIT("ip sshd"), "ip ssh"));
}

static void test_prefixes(void **state)
{
    (void)state;
    struct ip_prefix outer, inner, any;
    assert_true(ip_prefix_parse(SV_LIT("10.255.0.0/16"), &outer));
    assert_true(ip_prefix_from_mask(SV_LIT("10.255.10.0"), SV_LIT("0.0.0.255"), true, &inner));
    assert_int_equal(inner.len, 24);
    assert_true(ip_prefix_contains(&outer, &inner));
    assert_false(ip_prefix_contains(&inner, &outer));
    assert_true(ip_prefix_parse(SV_LIT("10.1.1.1 255.255.255.0"), &any));
    assert_int_equal(any.len, 24);
    assert_true(ip_prefix_parse(SV_LIT("0.0.0.0/0"), &any));
    assert_true(ip_prefix_is_any(&any));
    assert_true(ip_prefix_parse(SV_LIT("2001:db8::/32"), &outer));
    assert_true(ip_prefix_parse(SV_LIT("2001:db8:1::1"), &inner));
    assert_true(ip_prefix_contains(&outer, &inner));
    assert_false(ip_prefix_parse(SV_LIT("10.1.1.1/33"), &any));
    assert_false(ip_prefix_parse(SV_LIT("banana"), &any));
}

static void test_sha256(void **state)
{
    (void)state;
    char hex[65];
    sha256_hex("abc", 3, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    sha256_hex("", 0, hex);
    assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void test_dates(void **state)
{
    (void)state;
    int32_t d, e;
    char out[11];
    assert_true(date_parse("2024-03-31", &d));
    date_format(d, out);
    assert_string_equal(out, "2024-03-31");
    assert_true(date_parse("2024-04-01", &e));
    assert_int_equal(e - d, 1);
    assert_true(date_parse("2024-02-29", &d));
    assert_false(date_parse("2023-02-29", &d));
    assert_false(date_parse("2024-13-01", &d));
    assert_false(date_parse("24-03-31", &d));
}

static void test_buf_cap(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 8);
    assert_int_equal(buf_adds(&b, "1234"), 0);
    assert_int_equal(buf_adds(&b, "56789"), -1);
    assert_string_equal(buf_cstr(&b), "1234");
    buf_free(&b);
}

/* A YAML document of 1 MB whose list names a 1 MB string 100 times. */
static char *alias_bomb(size_t repeats)
{
    struct buf b;
    buf_init(&b, 0);
    buf_adds(&b, "big: &s ");
    for (int i = 0; i < (1 << 20); i++)
        buf_adds(&b, "x");
    buf_adds(&b, "\nlist: [");
    for (size_t i = 0; i < repeats; i++)
        buf_adds(&b, i ? ", *s" : "*s");
    buf_adds(&b, "]\n");
    char *s = xstrdup(buf_cstr(&b));
    buf_free(&b);
    return s;
}

static void test_ydoc_alias_limit(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct ydoc d;
    /* A few repeats are fine. */
    char *doc = alias_bomb(10);
    assert_int_equal(ydoc_load(&d, &a, "ok.yaml", doc, strlen(doc)), 0);
    size_t n;
    const char **v = ydoc_str_list(&d, ydoc_get(&d, ydoc_root(&d), "list"), "list", 1000, &n);
    assert_non_null(v);
    assert_int_equal(n, 10);
    assert_int_equal(d.errors, 0);
    ydoc_free(&d);
    free(doc);
    /* A hundred would copy 100 MB: stopped at the limit with one error. */
    doc = alias_bomb(100);
    assert_int_equal(ydoc_load(&d, &a, "bomb.yaml", doc, strlen(doc)), 0);
    diag_set_quiet(true);
    v = ydoc_str_list(&d, ydoc_get(&d, ydoc_root(&d), "list"), "list", 1000, &n);
    diag_set_quiet(false);
    assert_true(d.exhausted);
    assert_true(d.errors >= 1);
    assert_true(n * ((size_t)1 << 20) <= YDOC_MAX_EXPANDED);
    assert_null(ydoc_get(&d, ydoc_root(&d), "big")); /* nothing more is handed out */
    ydoc_free(&d);
    free(doc);
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena),
        cmocka_unit_test(test_tokens),
        cmocka_unit_test(test_prefixes),
        cmocka_unit_test(test_sha256),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_buf_cap),
        cmocka_unit_test(test_ydoc_alias_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
