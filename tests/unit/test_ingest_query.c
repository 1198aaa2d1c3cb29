/*
 * Ingest layer: the query API (regex find, parent/child searches, word-prefix
 * lookups, token paths) over parsed and hand-built trees.
 */
#include "testutil.h"
#include "tu_ingest.h"

#include "ingest/ingest.h"

#include <pthread.h>
#include <string.h>

static const char ios[] = "hostname r1\n"
                          "interface GigabitEthernet0/1\n"
                          " description uplink\n"
                          " ip address 192.0.2.1 255.255.255.0\n"
                          " shutdown\n"
                          "interface GigabitEthernet0/2\n"
                          " description spare \xff\n"
                          "interface Loopback0\n"
                          " ip address 198.51.100.1 255.255.255.255\n"
                          "line vty 0 4\n"
                          " transport  input ssh\n"
                          "line vty 5 15\n"
                          " transport input telnet\n";

static void setup_ios(struct tu_parsed *f)
{
    tu_parse_into(f, "q.cfg", ios, sizeof(ios) - 1, DIALECT_CISCO_IOS, FORM_DEFAULT, NULL);
    assert_int_equal(f->errors, 0);
}

static struct cfg_regex *re(const char *pattern)
{
    char err[128];
    struct cfg_regex *r = cfg_regex_compile(pattern, err, sizeof(err));
    if (!r)
        fail_msg("pattern %s: %s", pattern, err);
    return r;
}

static void test_regex_compile_and_captures(void **state)
{
    (void)state;
    char err[128] = "";
    assert_null(cfg_regex_compile("ip (address", err, sizeof(err)));
    assert_true(strncmp(err, "offset ", 7) == 0);
    struct cfg_regex *r = re("^ip address (\\S+) (\\S+)$");
    struct sv caps[3];
    assert_true(cfg_regex_match(r, SV_LIT("ip address 192.0.2.1 255.255.255.0"), caps, 3));
    assert_true(sv_eq_cstr(caps[1], "192.0.2.1"));
    assert_true(sv_eq_cstr(caps[2], "255.255.255.0"));
    assert_false(cfg_regex_match(r, SV_LIT("ip address dhcp"), NULL, 0));
    cfg_regex_free(r);
    /* bytes, not UTF-8: invalid sequences match like any other byte */
    r = re("spare \\xff$");
    assert_true(cfg_regex_match(r, SV_LIT("description spare \xff"), NULL, 0));
    cfg_regex_free(r);
    cfg_regex_free(NULL);
}

static void test_find_scoped_and_any_depth(void **state)
{
    (void)state;
    struct tu_parsed f;
    setup_ios(&f);
    struct cfg_regex *intf = re("^interface ");
    size_t n = 0;
    struct cfg_node **v = cfg_find(&f.t, NULL, intf, 0, &n);
    assert_int_equal(n, 3);
    assert_int_equal(v[2]->line, 8);
    struct cfg_regex *addr = re("^ip address ");
    cfg_find(&f.t, NULL, addr, 0, &n);
    assert_int_equal(n, 0); /* top level only */
    v = cfg_find(&f.t, NULL, addr, CFG_Q_ANY_DEPTH, &n);
    assert_int_equal(n, 2);
    assert_int_equal(v[0]->line, 4);
    assert_int_equal(v[1]->line, 9);
    struct cfg_node *gi1 = cfg_find(&f.t, NULL, intf, 0, &n)[0];
    v = cfg_find(&f.t, gi1, addr, 0, &n);
    assert_int_equal(n, 1);
    assert_ptr_equal(v[0]->parent, gi1);
    cfg_regex_free(intf);
    cfg_regex_free(addr);
    tu_parsed_release(&f);
}

static void test_find_parents_with_and_without_child(void **state)
{
    (void)state;
    struct tu_parsed f;
    setup_ios(&f);
    struct cfg_regex *intf = re("^interface ");
    struct cfg_regex *shut = re("^shutdown$");
    size_t n = 0;
    struct cfg_node **v = cfg_find_parents(&f.t, intf, shut, true, 0, &n);
    assert_int_equal(n, 1);
    assert_int_equal(v[0]->line, 2);
    v = cfg_find_parents(&f.t, intf, shut, false, 0, &n);
    assert_int_equal(n, 2);
    assert_int_equal(v[0]->line, 6);
    assert_int_equal(v[1]->line, 8);
    cfg_regex_free(intf);
    cfg_regex_free(shut);
    tu_parsed_release(&f);
}

static void test_child_word_prefix(void **state)
{
    (void)state;
    struct tu_parsed f;
    setup_ios(&f);
    struct cfg_node *vty = cfg_child(&f.t, NULL, "line vty");
    assert_non_null(vty);
    assert_int_equal(vty->line, 10);
    assert_null(cfg_child(&f.t, NULL, "line vt")); /* whole words only */
    /* runs of blanks in the text or the prefix do not matter */
    struct cfg_node *ti = cfg_child(&f.t, vty, "transport input");
    assert_non_null(ti);
    assert_int_equal(ti->line, 11);
    size_t n = 0;
    struct cfg_node **v = cfg_children(&f.t, NULL, "interface", &n);
    assert_int_equal(n, 3);
    assert_int_equal(v[1]->line, 6);
    cfg_children(&f.t, NULL, "router", &n);
    assert_int_equal(n, 0);
    tu_parsed_release(&f);
}

static void test_path_tokens(void **state)
{
    (void)state;
    struct tu_parsed f;
    setup_ios(&f);
    struct cfg_node *n = cfg_path(&f.t, NULL, "interface GigabitEthernet0/1 description");
    assert_non_null(n);
    assert_int_equal(n->line, 3);
    /* the path may end inside a node: "line vty" reaches "line vty 0 4" first */
    n = cfg_path(&f.t, NULL, "line vty");
    assert_non_null(n);
    assert_int_equal(n->line, 10);
    size_t k = 0;
    struct cfg_node **v = cfg_path_all(&f.t, NULL, "line vty", &k);
    assert_int_equal(k, 2);
    assert_int_equal(v[0]->line, 10);
    assert_int_equal(v[1]->line, 12);
    /* to descend, a node's tokens must all be consumed */
    assert_null(cfg_path(&f.t, NULL, "line vty transport input"));
    n = cfg_path(&f.t, NULL, "line vty 5 15 transport input");
    assert_non_null(n);
    assert_int_equal(n->line, 13);
    assert_null(cfg_path(&f.t, NULL, "interface GigabitEthernet0/3"));
    assert_null(cfg_path(&f.t, NULL, ""));
    tu_parsed_release(&f);
}

/* A Junos-like tree built by hand: one node may hold several tokens, names are quoted. */
static void test_path_multi_token_quoted_and_inactive(void **state)
{
    (void)state;
    static const char text[] = "interfaces ge-0/0/0 unit 0 family inet \"mgmt vrf\" ssh telnet";
    struct arena a;
    arena_init(&a);
    struct cfg_tree t;
    cfg_tree_init(&t, &a, "h.cfg", text, sizeof(text) - 1, DIALECT_JUNIPER_JUNOS, FORM_JUNOS_BRACE);
#define AT(s) (strstr(text, s)), strlen(s)
    struct cfg_node *ifs = cfg_node_add(&t, NULL, AT("interfaces"), 1, 0);
    struct cfg_node *ge = cfg_node_add(&t, ifs, AT("ge-0/0/0"), 2, 0);
    struct cfg_node *unit = cfg_node_add(&t, ge, AT("unit 0"), 3, 0);
    struct cfg_node *fam = cfg_node_add(&t, unit, AT("family inet"), 4, 0);
    struct cfg_node *vrf = cfg_node_add(&t, fam, AT("\"mgmt vrf\""), 5, 0);
    struct cfg_node *ssh = cfg_node_add(&t, vrf, AT("ssh"), 6, 0);
    struct cfg_node *tel = cfg_node_add(&t, vrf, AT("telnet"), 7, CFG_INACTIVE);
#undef AT
    assert_true(sv_eq_cstr(cfg_text(unit), "unit 0"));
    assert_true(sv_eq_cstr(cfg_text(vrf), "\"mgmt vrf\""));
    assert_ptr_equal(cfg_path(&t, NULL, "interfaces ge-0/0/0 unit 0"), unit);
    assert_ptr_equal(cfg_path(&t, NULL, "interfaces ge-0/0/0 unit 0 family inet"), fam);
    assert_null(cfg_path(&t, NULL, "interfaces ge-0/0/0 unit 1"));
    /* a quoted node token matches the path's token, quoted or not */
    assert_ptr_equal(cfg_path(&t, ge, "unit 0 family inet \"mgmt vrf\" ssh"), ssh);
    assert_ptr_equal(cfg_path(&t, fam, "mgmt ssh"), NULL); /* one token, not two */
    /* inactive nodes are skipped by default, found on request */
    assert_null(cfg_path(&t, vrf, "telnet"));
    assert_null(cfg_child(&t, vrf, "telnet"));
    struct cfg_regex *r = re("^telnet$");
    size_t n = 0;
    cfg_find(&t, NULL, r, CFG_Q_ANY_DEPTH, &n);
    assert_int_equal(n, 0);
    struct cfg_node **v = cfg_find(&t, NULL, r, CFG_Q_ANY_DEPTH | CFG_Q_INACTIVE, &n);
    assert_int_equal(n, 1);
    assert_ptr_equal(v[0], tel);
    cfg_regex_free(r);
    arena_free(&a);
}

struct thread_arg {
    const struct cfg_regex *re;
    int hits;
};

static void *match_many(void *p)
{
    struct thread_arg *a = p;
    for (int i = 0; i < 20000; i++) {
        struct sv caps[2];
        if (cfg_regex_match(a->re, SV_LIT("transport input ssh telnet"), caps, 2) &&
            sv_eq_cstr(caps[1], "ssh telnet"))
            a->hits++;
    }
    return NULL;
}

static void test_path_quoted_names_fortios(void **state)
{
    (void)state;
    static const char text[] = "config system admin\n    edit \"admin\"\n        set trusthost1 "
                               "192.0.2.0 255.255.255.0\n    next\nend\n";
    struct arena a;
    arena_init(&a);
    struct cfg_tree t;
    assert_int_equal(
        cfg_parse_buffer(&t, &a, "f.cfg", text, sizeof(text) - 1, DIALECT_FORTINET_FORTIOS), 0);
    struct cfg_node *n = cfg_path(&t, NULL, "config system admin edit admin set trusthost1");
    assert_non_null(n);
    assert_int_equal(n->line, 3);
    assert_ptr_equal(cfg_path(&t, NULL, "config system admin edit \"admin\""), n->parent);
    arena_free(&a);
}

static void test_regex_shared_between_threads(void **state)
{
    (void)state;
    struct cfg_regex *r = re("^transport input (.*)$");
    pthread_t th[4];
    struct thread_arg args[4];
    for (int i = 0; i < 4; i++) {
        args[i].re = r;
        args[i].hits = 0;
        assert_int_equal(pthread_create(&th[i], NULL, match_many, &args[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        assert_int_equal(args[i].hits, 20000);
    }
    cfg_regex_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_regex_compile_and_captures),
        cmocka_unit_test(test_find_scoped_and_any_depth),
        cmocka_unit_test(test_find_parents_with_and_without_child),
        cmocka_unit_test(test_child_word_prefix),
        cmocka_unit_test(test_path_tokens),
        cmocka_unit_test(test_path_multi_token_quoted_and_inactive),
        cmocka_unit_test(test_path_quoted_names_fortios),
        cmocka_unit_test(test_regex_shared_between_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
