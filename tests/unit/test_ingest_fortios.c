/*
 * Ingest layer: the FortiOS parser (config/edit/set/next/end) on hand-written inputs.
 */
#include "testutil.h"

#include "ingest/ingest.h"

#include <stdlib.h>
#include <string.h>

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

static void test_fortios_nesting_and_pem_value(void **state)
{
    (void)state;
    diag_set_quiet(true);
    struct parsed p;
    parse_fixture(&p, "fortios.cfg", DIALECT_FORTINET_FORTIOS);
    static const struct expect e[] = {
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
    check_nodes(&p, e, ARRAY_SIZE(e));
    const struct cfg_node *k = nth(&p, 9);
    assert_true(k->flags & CFG_BANNER);
    assert_int_equal(k->end_line, 18);
    assert_true(body_is(k, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nTm90IGEgcmVhbCBrZXk=\n"
                           "-----END ENCRYPTED PRIVATE KEY-----"));
    assert_false(nth(&p, 10)->flags & CFG_BANNER); /* escaped quotes balance */
    /* the extra 'end' on line 22 */
    assert_int_equal(p.errors, 1);
    assert_int_equal(p.tree.ndiags, 1);
    assert_int_equal(p.tree.diags[0].line, 22);
    parsed_free(&p);
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
    struct parsed p;
    parse_mem(&p, text, sizeof(text) - 1, DIALECT_FORTINET_FORTIOS);
    assert_int_equal(p.errors, 0);
    assert_int_equal(p.tree.ndiags, 1); /* config firewall policy is not closed */
    assert_int_equal(p.tree.diags[0].level, DIAG_WARNING);
    assert_int_equal(p.tree.diags[0].line, 5);
    static const struct expect e[] = {
        {1, 0, "config firewall address"},
        {2, 1, "edit \"a\""},
        {3, 2, "set subnet 192.0.2.0 255.255.255.0"},
        {5, 0, "config firewall policy"},
        {6, 1, "edit 1"},
        {7, 2, "set action accept"},
    };
    check_nodes(&p, e, ARRAY_SIZE(e));
    parsed_free(&p);
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
    struct parsed p;
    parse_mem(&p, text, sizeof(text) - 1, DIALECT_FORTINET_FORTIOS);
    static const struct expect e[] = {
        {1, 0, "config system replacemsg admin x"},
        {2, 1, "set buffer 'it''s' \"two"},
        {4, 1, "set note \\"},
        {7, 0, "config user local"},
        {8, 1, "set comment \"open forever"},
    };
    check_nodes(&p, e, ARRAY_SIZE(e));
    assert_int_equal(nth(&p, 1)->end_line, 3);
    assert_true(body_is(nth(&p, 1), "two\nlines"));
    assert_int_equal(nth(&p, 2)->end_line, 5);
    assert_int_equal(p.errors, 1);
    assert_int_equal(p.tree.diags[0].line, 8);
    parsed_free(&p);
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
    struct parsed p;
    parse_mem(&p, b.data, b.len, DIALECT_FORTINET_FORTIOS);
    assert_true(p.errors > 0);
    assert_true(p.tree.node_count <= 2u * cfg_default_limits.max_depth + 1);
    /* nesting is tracked past the limit: the last block is top level again */
    assert_true(sv_eq_cstr(cfg_text(p.tree.last), "config after"));
    parsed_free(&p);
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
