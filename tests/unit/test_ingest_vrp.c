/*
 * Ingest layer: the Huawei VRP parser on hand-written inputs.
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

static void test_vrp_views_separators_return(void **state)
{
    (void)state;
    struct parsed p;
    parse_fixture(&p, "vrp.cfg", DIALECT_HUAWEI_VRP);
    assert_int_equal(p.errors, 0);
    static const struct expect e[] = {
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
    check_nodes(&p, e, ARRAY_SIZE(e));
    const struct cfg_node *h = nth(&p, 10);
    assert_true(h->flags & CFG_BANNER);
    assert_true(body_is(h, "Authorised\naccess only"));
    assert_int_equal(h->end_line, 18);
    parsed_free(&p);
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
    struct parsed p;
    parse_mem(&p, text, sizeof(text) - 1, DIALECT_HUAWEI_VRP);
    assert_int_equal(p.errors, 0);
    static const struct expect e[] = {
        {4, 0, "bgp 65000"},
        {5, 1, "peer 192.0.2.2 as-number 65001"},
        {7, 0, "stray-indented"}, /* after '#', not a child of bgp */
    };
    check_nodes(&p, e, ARRAY_SIZE(e));
    parsed_free(&p);
}

static void test_vrp_unterminated_header(void **state)
{
    (void)state;
    diag_set_quiet(true);
    static const char text[] = "sysname A\nheader shell information \"never closed\ninterface X\n";
    struct parsed p;
    parse_mem(&p, text, sizeof(text) - 1, DIALECT_HUAWEI_VRP);
    assert_int_equal(p.errors, 1);
    assert_int_equal(p.tree.diags[0].line, 2);
    static const struct expect e[] = {
        {1, 0, "sysname A"},
        {2, 0, "header shell information \"never closed"},
        {3, 0, "interface X"},
    };
    check_nodes(&p, e, ARRAY_SIZE(e));
    parsed_free(&p);
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
