/*
 * test_checks_anchors.c - where a missing setting belongs: the anchor table
 * names only registered checks and well-formed paths, and check_anchor()
 * finds the nearest enclosing section a configuration has, falls back level
 * by level, anchors at line 1 when the setting belongs at top level, and
 * leaves results with evidence alone.
 */
#include "testutil.h"

#include "checks/checks_int.h"

#include <string.h>

/* Every row names a registered check, router dialects, and non-empty paths. */
static void test_table_rows(void **state)
{
    (void)state;
    uint32_t mask;
    const char *sections, *id;
    size_t i = 0;
    for (; (id = check_anchor_row(i, &mask, &sections)); i++) {
        if (!check_find(id))
            fail_msg("anchor row %zu names no check: %s", i, id);
        assert_true(mask != 0);
        for (int d = 0; d < DIALECT_COUNT; d++)
            if (mask & (1u << d))
                assert_false(d == DIALECT_UNKNOWN || dialect_is_cloud((enum dialect)d));
        assert_true(sections[0] && sections[0] != '|' && sections[0] != '/');
        assert_null(strstr(sections, "||"));
        assert_null(strstr(sections, "//"));
        assert_null(strstr(sections, "|/"));
        size_t n = strlen(sections);
        assert_true(sections[n - 1] != '|' && sections[n - 1] != '/');
    }
    assert_true(i > 50);
}

struct anchored {
    uint32_t line;
    const char *section;
    uint32_t nevidence;
};

/* Fail check id on text (parsed as dialect d), with evidence on line ev (0: none). */
static struct anchored run_anchor(const char *text, enum dialect d, const char *id, uint32_t ev)
{
    struct arena a;
    arena_init(&a);
    struct cfg_tree t;
    cfg_parse_buffer(&t, &a, "t.cfg", text, strlen(text), d);
    struct check_ctx ctx = {.tree = &t, .arena = &a};
    struct check_result r;
    memset(&r, 0, sizeof(r));
    r.check = check_find(id);
    assert_non_null(r.check);
    check_set(&ctx, &r, VERDICT_FAIL, "missing");
    if (ev)
        check_evidence_line(&ctx, &r, ev);
    check_anchor(&ctx, &r);
    static char section[128];
    struct anchored out = {r.anchor_line, NULL, r.nevidence};
    if (r.anchor_section) {
        snprintf(section, sizeof(section), "%s", r.anchor_section);
        out.section = section;
    }
    arena_free(&a);
    return out;
}

static const char junos_brace[] = "system {\n"
                                  "    host-name r1;\n"
                                  "    services {\n"
                                  "        ssh;\n"
                                  "    }\n"
                                  "}\n";

static void test_junos(void **state)
{
    (void)state;
    struct anchored x = run_anchor(junos_brace, DIALECT_JUNIPER_JUNOS, "AAA-ROOT-REMOTE", 0);
    assert_int_equal(x.line, 4);
    assert_string_equal(x.section, "system services ssh");
    /* system login is absent: back to system. */
    x = run_anchor(junos_brace, DIALECT_JUNIPER_JUNOS, "AAA-LOCKOUT", 0);
    assert_int_equal(x.line, 1);
    assert_string_equal(x.section, "system");
    /* The set form: containers take the line of their first statement. */
    x = run_anchor("set system host-name r1\nset system services ssh root-login allow\n",
                   DIALECT_JUNIPER_JUNOS, "MGMT-SESSION-LIMIT", 0);
    assert_int_equal(x.line, 2);
    assert_string_equal(x.section, "system services ssh");
    /* No system at all: top level. */
    x = run_anchor("interfaces {\n    ge-0/0/0;\n}\n", DIALECT_JUNIPER_JUNOS, "AAA-CENTRAL", 0);
    assert_int_equal(x.line, 1);
    assert_null(x.section);
}

static void test_other_dialects(void **state)
{
    (void)state;
    struct anchored x = run_anchor("hostname r1\n!\nline con 0\nline vty 0 4\n login\n",
                                   DIALECT_CISCO_IOS, "MGMT-IDLE-TIMEOUT", 0);
    assert_int_equal(x.line, 4);
    assert_string_equal(x.section, "line vty");
    /* A global statement: top level, line 1. */
    x = run_anchor("hostname r1\nline vty 0 4\n", DIALECT_CISCO_IOS, "AAA-CENTRAL", 0);
    assert_int_equal(x.line, 1);
    assert_null(x.section);
    x = run_anchor("config system global\n    set hostname fw1\nend\n", DIALECT_FORTINET_FORTIOS,
                   "AAA-LOCKOUT", 0);
    assert_int_equal(x.line, 1);
    assert_string_equal(x.section, "config system global");
    x = run_anchor("#\nsysname a1\n#\nuser-interface vty 0 4\n authentication-mode aaa\n#\n",
                   DIALECT_HUAWEI_VRP, "MGMT-IDLE-TIMEOUT", 0);
    assert_int_equal(x.line, 4);
    assert_string_equal(x.section, "user-interface vty");
}

/* Evidence wins: a result that cites lines gets no anchor. */
static void test_evidence_no_anchor(void **state)
{
    (void)state;
    struct anchored x = run_anchor(junos_brace, DIALECT_JUNIPER_JUNOS, "AAA-ROOT-REMOTE", 4);
    assert_int_equal(x.nevidence, 1);
    assert_int_equal(x.line, 0);
    assert_null(x.section);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_rows),
        cmocka_unit_test(test_junos),
        cmocka_unit_test(test_other_dialects),
        cmocka_unit_test(test_evidence_no_anchor),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
