/*
 * Junos parser: brace-form details (comments, quotes, lists, annotations,
 * CRLF), malformed input and limits, set-form splitting and path actions,
 * and equivalence of brace and set forms on hand-written pairs
 * (tests/fixtures/junos/<name>.conf/.set) and on the lab-validation pairs
 * of the shared corpus when it is present.
 */
#include "testutil.h"
#include "tu_ingest.h"

#include <stdlib.h>
#include <string.h>

#include "ingest/parsers.h"

/* ------------------------------------------------ structural comparison */

/*
 * Two trees hold the same configuration when their path sets are equal.
 * A path is the texts from the top joined by " | " ("!" first when the
 * node is inactive), without double quotes (the forms quote differently).
 * Two display differences between the forms are normalised: a container
 * Junos may print on one line with its only statement (`then accept;`,
 * `community C members M;`, `route P next-hop H;`) is split back into
 * container and statement, and a `[ a b ]` list becomes one path per item
 * (set form writes one line per item). Line numbers and CFG_IMPLIED are
 * ignored by construction.
 */
static void append_unquoted(char *out, size_t cap, struct sv s)
{
    size_t o = strlen(out);
    for (size_t i = 0; i < s.n && o + 1 < cap; i++)
        if (s.p[i] != '"')
            out[o++] = s.p[i];
    out[o] = 0;
}

static void append_cstr(char *out, size_t cap, const char *s)
{
    size_t o = strlen(out);
    snprintf(out + o, cap - o, "%s", s);
}

static size_t foldable_prefix(const struct cfg_node *n)
{
    if (n->child || !n->parent)
        return 0;
    struct sv t = cfg_text(n), pt = cfg_text(n->parent);
    struct sv kw = sv_token(t, 0);
    size_t ntok = sv_token_count(t);
    if ((sv_eq_cstr(kw, "then") || sv_eq_cstr(kw, "from") || sv_eq_cstr(kw, "to") ||
         sv_eq_cstr(kw, "vrf-target") || sv_eq_cstr(kw, "multipath")) &&
        ntok > 1)
        return 1;
    if (sv_eq_cstr(kw, "community") && sv_eq_cstr(pt, "policy-options") && ntok > 2)
        return 2;
    if (sv_eq_cstr(kw, "route") &&
        (sv_eq_cstr(pt, "static") || sv_eq_cstr(pt, "aggregate") || sv_eq_cstr(pt, "generate")) &&
        ntok > 2)
        return 2;
    return 0;
}

static void emit_leaf(struct tu_paths *ps, const char *prefix, struct sv last)
{
    char buf[8192];
    const char *lb = memchr(last.p, '[', last.n);
    if (lb && last.n && last.p[last.n - 1] == ']') {
        struct sv head = sv_trim(sv_make(last.p, (size_t)(lb - last.p)));
        struct sv items = sv_trim(sv_make(lb + 1, (size_t)(last.p + last.n - 1 - (lb + 1))));
        for (size_t i = 0; i < sv_token_count(items); i++) {
            snprintf(buf, sizeof(buf), "%s", prefix);
            append_unquoted(buf, sizeof(buf), head);
            append_cstr(buf, sizeof(buf), " ");
            append_unquoted(buf, sizeof(buf), sv_token(items, i));
            tu_paths_add(ps, buf);
        }
        return;
    }
    snprintf(buf, sizeof(buf), "%s", prefix);
    append_unquoted(buf, sizeof(buf), last);
    tu_paths_add(ps, buf);
}

static void tree_paths(const struct cfg_tree *t, struct tu_paths *ps)
{
    for (struct cfg_node *n = t->first; n; n = cfg_next_preorder(t, n)) {
        const struct cfg_node *chain[300];
        size_t k = 0;
        for (const struct cfg_node *a = n->parent; a && k < 300; a = a->parent)
            chain[k++] = a;
        char prefix[8192];
        snprintf(prefix, sizeof(prefix), "%s", (n->flags & CFG_INACTIVE) ? "!" : "");
        while (k--) {
            append_unquoted(prefix, sizeof(prefix), cfg_text(chain[k]));
            append_cstr(prefix, sizeof(prefix), " | ");
        }
        struct sv text = cfg_text(n);
        size_t fold = foldable_prefix(n);
        if (fold) {
            struct sv rest = sv_after_tokens(text, fold);
            struct sv head = sv_trim(sv_make(text.p, (size_t)(rest.p - text.p)));
            char cont[8192];
            snprintf(cont, sizeof(cont), "%s", prefix);
            append_unquoted(cont, sizeof(cont), head);
            tu_paths_add(ps, cont);
            append_cstr(cont, sizeof(cont), " | ");
            emit_leaf(ps, cont, rest);
        } else {
            emit_leaf(ps, prefix, text);
        }
    }
    tu_paths_sort_unique(ps);
}

/* ------------------------------------------------------------ brace form */

static void test_brace_basics(void **state)
{
    (void)state;
    const char *cfg = "## Last changed: 2026-01-05 09:00:00 UTC\r\n"
                      "version 17.3R1;\r\n"
                      "system {\r\n"
                      "\thost-name r1;\r\n"
                      "    /* management\r\n"
                      "       access */\r\n"
                      "    login {\r\n"
                      "        message \"no entry { really }; go away\";\r\n"
                      "    }\r\n"
                      "    name-server [ 192.0.2.1 192.0.2.2 ];\r\n"
                      "}\r\n"
                      "# trailing comment\r\n"
                      "protocols { lldp { interface all; } }\r\n"
                      "snmp { location x; contact y; }\r\n"
                      "routing-options { router-id 10.0.0.1; }";
    struct tu_parsed *p = tu_parse_str(DIALECT_JUNIPER_JUNOS, cfg);
    const struct cfg_tree *t = &p->t;
    assert_int_equal(t->ndiags, 0);
    assert_false(t->partial);
    tu_assert_node(tu_nth(t, 0), "version 17.3R1", 2, 0);
    tu_assert_node(tu_nth(t, 1), "system", 3, 0);
    tu_assert_node(tu_nth(t, 2), "host-name r1", 4, 1);
    tu_assert_node(tu_nth(t, 3), "login", 7, 1);
    tu_assert_node(tu_nth(t, 4), "message \"no entry { really }; go away\"", 8, 2);
    tu_assert_node(tu_nth(t, 5), "name-server [ 192.0.2.1 192.0.2.2 ]", 10, 1);
    /* Several statements on one line: one node each, all with that line. */
    tu_assert_node(tu_nth(t, 6), "protocols", 13, 0);
    tu_assert_node(tu_nth(t, 7), "lldp", 13, 1);
    tu_assert_node(tu_nth(t, 8), "interface all", 13, 2);
    tu_assert_node(tu_nth(t, 9), "snmp", 14, 0);
    tu_assert_node(tu_nth(t, 10), "location x", 14, 1);
    tu_assert_node(tu_nth(t, 11), "contact y", 14, 1);
    /* No final newline. */
    tu_assert_node(tu_nth(t, 13), "router-id 10.0.0.1", 15, 1);
    assert_null(tu_nth(t, 14));
    assert_int_equal(t->ntop, 5);
    assert_int_equal(t->node_count, 14);
    tu_parsed_free(p);
}

static void test_brace_annotations(void **state)
{
    (void)state;
    const char *cfg = "protect: system {\n"
                      "    inactive: services {\n"
                      "        telnet;\n"
                      "    }\n"
                      "    replace: syslog {\n"
                      "        inactive: host 192.0.2.9 { any any; }\n"
                      "    }\n"
                      "}\n"
                      "{master:0}\n"
                      "interfaces { inactive: protect: ge-0/0/0 { disable; } }\n";
    struct tu_parsed *p = tu_parse_str(DIALECT_JUNIPER_JUNOS, cfg);
    const struct cfg_tree *t = &p->t;
    assert_int_equal(t->ndiags, 0);
    struct cfg_node *sys = tu_nth(t, 0);
    tu_assert_node(sys, "system", 1, 0);
    assert_true(sys->flags & CFG_PROTECT);
    assert_false(sys->flags & CFG_INACTIVE);
    struct cfg_node *svc = tu_nth(t, 1);
    tu_assert_node(svc, "services", 2, 1);
    assert_true(svc->flags & CFG_INACTIVE);
    tu_assert_node(tu_nth(t, 2), "telnet", 3, 2);
    assert_true(tu_nth(t, 2)->flags & CFG_INACTIVE); /* inherited */
    tu_assert_node(tu_nth(t, 3), "syslog", 5, 1);
    assert_false(tu_nth(t, 3)->flags & CFG_INACTIVE);
    tu_assert_node(tu_nth(t, 4), "host 192.0.2.9", 6, 2);
    assert_true(tu_nth(t, 4)->flags & CFG_INACTIVE);
    assert_true(tu_nth(t, 5)->flags & CFG_INACTIVE);
    /* The prompt marker is not a statement. */
    tu_assert_node(tu_nth(t, 6), "interfaces", 10, 0);
    struct cfg_node *ge = tu_nth(t, 7);
    tu_assert_node(ge, "ge-0/0/0", 10, 1);
    assert_true((ge->flags & (CFG_INACTIVE | CFG_PROTECT)) == (CFG_INACTIVE | CFG_PROTECT));
    tu_parsed_free(p);
}

static void test_brace_malformed(void **state)
{
    (void)state;
    /* A stray '}' is reported at its line; the rest still parses. */
    struct tu_parsed *p = tu_parse_str(
        DIALECT_JUNIPER_JUNOS, "system {\n    host-name a;\n}\n}\nsnmp {\n    contact b;\n}\n");
    assert_true(tu_has_diag_at(&p->t, DIAG_ERROR, 4));
    assert_true(p->t.partial);
    tu_assert_node(tu_nth(&p->t, 2), "snmp", 5, 0);
    tu_parsed_free(p);

    /* An unclosed block is reported at the line that opened it. */
    p = tu_parse_str(DIALECT_JUNIPER_JUNOS,
                     "system {\n    host-name a;\n}\nprotocols {\n    bgp {\n        group x;\n");
    assert_true(tu_has_diag_at(&p->t, DIAG_ERROR, 4));
    tu_assert_node(tu_nth(&p->t, 4), "group x", 6, 2);
    tu_parsed_free(p);

    /* Unterminated comment and quote: diagnostics at their opening lines. */
    p = tu_parse_str(DIALECT_JUNIPER_JUNOS,
                     "system {\n    host-name a;\n    /* never\n   closed\n");
    assert_true(tu_has_diag_at(&p->t, DIAG_ERROR, 3));
    tu_assert_node(tu_nth(&p->t, 1), "host-name a", 2, 1);
    tu_parsed_free(p);
    p = tu_parse_str(DIALECT_JUNIPER_JUNOS,
                     "system {\n    host-name a;\n    login { message \"open\n  forever;\n");
    assert_true(tu_has_diag_at(&p->t, DIAG_ERROR, 3));
    tu_parsed_free(p);

    /* A statement without ';' is kept, with a warning. */
    p = tu_parse_str(DIALECT_JUNIPER_JUNOS, "system {\n    host-name a\n    domain-name b;\n}\n");
    assert_true(tu_has_diag_at(&p->t, DIAG_WARNING, 2));
    tu_assert_node(tu_nth(&p->t, 1), "host-name a", 2, 1);
    tu_assert_node(tu_nth(&p->t, 2), "domain-name b", 3, 1);
    tu_parsed_free(p);

    /* A block without a name is reported and its contents ignored. */
    p = tu_parse_str(DIALECT_JUNIPER_JUNOS, "{\n a;\n}\nsystem { b; }\n");
    assert_true(tu_has_diag_at(&p->t, DIAG_ERROR, 1));
    tu_assert_node(tu_nth(&p->t, 0), "system", 4, 0);
    tu_parsed_free(p);
}

static void test_brace_deep_nesting(void **state)
{
    (void)state;
    /* 100,000 nested blocks: no recursion, one diagnostic, a partial tree. */
    size_t depth = 100000;
    size_t len = depth * 4 + depth + 16;
    char *cfg = malloc(len);
    assert_non_null(cfg);
    size_t o = 0;
    for (size_t i = 0; i < depth; i++) {
        memcpy(cfg + o, "a {\n", 4);
        o += 4;
    }
    memcpy(cfg + o, "leaf;\n", 6);
    o += 6;
    for (size_t i = 0; i < depth / 2; i++)
        cfg[o++] = '}';
    struct tu_parsed *p = tu_parse(DIALECT_JUNIPER_JUNOS, cfg, o, FORM_DEFAULT, NULL);
    assert_true(p->t.partial);
    assert_int_equal(p->t.node_count, cfg_default_limits.max_depth);
    assert_true(p->t.ndiags >= 2 && p->t.ndiags <= 3); /* depth + never closed */
    assert_true(tu_has_diag_at(&p->t, DIAG_ERROR, 1));
    tu_parsed_free(p);
    free(cfg);
}

static void test_limits(void **state)
{
    (void)state;
    struct cfg_limits lim = cfg_default_limits;
    lim.max_line_len = 40;
    lim.max_nodes = 5;
    const char *cfg = "system {\n"
                      "    host-name this-line-is-much-longer-than-forty-bytes;\n"
                      "    domain-name x;\n"
                      "}\n"
                      "set snmp location a\n"
                      "set snmp contact b\n"
                      "set snmp community c authorization read-only\n";
    struct tu_parsed *p = tu_parse(DIALECT_JUNIPER_JUNOS, cfg, strlen(cfg), FORM_DEFAULT, &lim);
    assert_true(tu_has_diag_at(&p->t, DIAG_ERROR, 2));
    tu_assert_node(tu_nth(&p->t, 1), "domain-name x", 3, 1);
    assert_true(p->t.partial);
    assert_true(p->t.node_count >= 5);
    tu_parsed_free(p);
}

/* -------------------------------------------------------------- set form */

static void test_set_split(void **state)
{
    (void)state;
    const char *cfg = "set interfaces ge-0/0/0 unit 0 family inet address 10.0.0.1/24\n"
                      "set interfaces ge-0/0/0 unit 0 family inet address 10.0.0.2/24 primary\n"
                      "set interfaces ge-0/0/0 description \"uplink { to core }\"\n"
                      "set interfaces ge-0/0/0 unit 0\n"
                      "set system services ssh\n";
    struct tu_parsed *p = tu_parse_str(DIALECT_JUNIPER_JUNOS, cfg);
    const struct cfg_tree *t = &p->t;
    assert_int_equal(t->ndiags, 0);
    const char *texts[] = {"interfaces",
                           "ge-0/0/0",
                           "unit 0",
                           "family inet",
                           "address 10.0.0.1/24",
                           "address 10.0.0.2/24",
                           "primary",
                           "description \"uplink { to core }\"",
                           "system",
                           "services",
                           "ssh"};
    const uint32_t lines[] = {1, 1, 4, 1, 1, 2, 2, 3, 5, 5, 5};
    const unsigned depths[] = {0, 1, 2, 3, 4, 4, 5, 2, 0, 1, 2};
    const bool implied[] = {true, true, false, true, false, true, false, false, true, true, false};
    for (size_t i = 0; i < ARRAY_SIZE(texts); i++) {
        struct cfg_node *n = tu_nth(t, i);
        tu_assert_node(n, texts[i], lines[i], depths[i]);
        if (((n->flags & CFG_IMPLIED) != 0) != implied[i])
            fail_msg("node %zu '%s': implied flag wrong", i, texts[i]);
        /* Zero-copy: a set-form node is a slice of its line in the buffer. */
        assert_true(n->text >= p->buf && n->text + n->len <= p->buf + t->len);
    }
    assert_null(tu_nth(t, ARRAY_SIZE(texts)));
    /* Each set line gives exactly one node without CFG_IMPLIED. */
    unsigned explicit_per_line[6] = {0};
    for (struct cfg_node *n = t->first; n; n = cfg_next_preorder(t, n))
        if (!(n->flags & CFG_IMPLIED))
            explicit_per_line[n->line]++;
    for (unsigned l = 1; l <= 5; l++)
        assert_int_equal(explicit_per_line[l], 1);
    tu_parsed_free(p);
}

static void test_set_actions(void **state)
{
    (void)state;
    const char *cfg = "protect system\n"
                      "set system host-name r1\n"
                      "set protocols bgp group EXT neighbor 192.0.2.1 peer-as 64496\n"
                      "set protocols bgp group EXT neighbor 192.0.2.2 peer-as 64497\n"
                      "deactivate protocols bgp group EXT\n"
                      "set protocols bgp group EXT type external\n"
                      "set protocols ospf area 0 interface ge-0/0/0.0\n"
                      "deactivate protocols ospf\n"
                      "activate protocols ospf\n"
                      "set snmp community old authorization read-write\n"
                      "delete snmp community old\n"
                      "set snmp community new authorization read-only\n"
                      "deactivate nothing here\n"
                      "annotate snmp \"reviewed 2026\"\n";
    struct tu_parsed *p = tu_parse_str(DIALECT_JUNIPER_JUNOS, cfg);
    const struct cfg_tree *t = &p->t;
    struct cfg_node *sys = tu_nth(t, 0);
    tu_assert_node(sys, "system", 2, 0);
    assert_true(sys->flags & CFG_PROTECT);
    struct cfg_node *group = tu_nth(t, 4);
    tu_assert_node(group, "group EXT", 3, 2);
    assert_true(group->flags & CFG_INACTIVE);
    /* Existing descendants became inactive, and so did a later addition. */
    size_t inactive = 0, in_group = 0;
    for (struct cfg_node *n = group->child; n; n = cfg_next_preorder(t, n)) {
        if (n->depth <= group->depth)
            break;
        in_group++;
        inactive += (n->flags & CFG_INACTIVE) != 0;
    }
    assert_int_equal(in_group, 5);
    assert_int_equal(inactive, 5);
    assert_false(tu_nth(t, 2)->flags & CFG_INACTIVE); /* protocols */
    /* activate undid deactivate for ospf and everything below. */
    for (struct cfg_node *n = tu_nth(t, 10); n; n = cfg_next_preorder(t, n)) {
        if (sv_starts_with(cfg_text(n), "snmp"))
            break;
        assert_false(n->flags & CFG_INACTIVE);
    }
    /* delete removed the community; the new one is there. */
    struct cfg_node *snmp = t->last;
    tu_assert_node(snmp, "snmp", 10, 0);
    assert_int_equal(snmp->nchildren, 1);
    tu_assert_node(snmp->child, "community new", 12, 1);
    /* The removed statement's line is recorded (the only line it had). */
    assert_int_equal(t->nremoved, 1);
    assert_int_equal(t->removed_lines[0], 10);
    /* An action on a path that never appears is a warning. */
    assert_true(tu_has_diag_at(t, DIAG_WARNING, 13));
    /* An annotation is a comment: no node, no diagnostic. */
    assert_false(tu_has_diag_at(t, DIAG_WARNING, 14));
    assert_int_equal(t->ntop, 3);
    tu_parsed_free(p);
}

static void test_set_tokens(void **state)
{
    (void)state;
    const char *cfg = "set system login message \"two words; and {braces}\"\n"
                      "set policy-options as-path PRIV \"^64[5-9][0-9][0-9]$\"\n"
                      "set policy-options policy-statement P term 1 then accept\n"
                      "set policy-options policy-statement P term 2 from protocol bgp\n"
                      "set policy-options policy-statement P term 2 from protocol static\n"
                      "set routing-options static route 0.0.0.0/0 next-hop 192.0.2.1\n"
                      "set routing-options static route 10.0.0.0/8 next-hop 192.0.2.1\n"
                      "set routing-options static route 10.0.0.0/8 preference 200\n";
    struct tu_parsed *p = tu_parse_str(DIALECT_JUNIPER_JUNOS, cfg);
    const struct cfg_tree *t = &p->t;
    tu_assert_node(tu_nth(t, 2), "message \"two words; and {braces}\"", 1, 2);
    tu_assert_node(tu_nth(t, 4), "as-path PRIV \"^64[5-9][0-9][0-9]$\"", 2, 1);
    /* One statement in a one-line container: printed as Junos prints it. */
    tu_assert_node(tu_nth(t, 7), "then accept", 3, 3);
    assert_int_equal(tu_nth(t, 7)->flags & CFG_IMPLIED, 0);
    tu_assert_node(tu_nth(t, 8), "term 2", 4, 2);
    tu_assert_node(tu_nth(t, 9), "from", 4, 3);
    tu_assert_node(tu_nth(t, 10), "protocol bgp", 4, 4);
    tu_assert_node(tu_nth(t, 11), "protocol static", 5, 4);
    tu_assert_node(tu_nth(t, 14), "route 0.0.0.0/0 next-hop 192.0.2.1", 6, 2);
    tu_assert_node(tu_nth(t, 15), "route 10.0.0.0/8", 7, 2);
    tu_assert_node(tu_nth(t, 16), "next-hop 192.0.2.1", 7, 3);
    tu_assert_node(tu_nth(t, 17), "preference 200", 8, 3);
    tu_parsed_free(p);
}

/* ------------------------------------------------------------ equivalence */

/* Set lines that are empty, hold a quote over two lines, or a quote never closed. */
static void test_set_quotes_and_empty(void **state)
{
    (void)state;
    const char *cfg = "set \n"
                      "set system login message \"two\nlines\"\n"
                      "set system host-name \"open\n"
                      "set system domain-name x\n";
    struct tu_parsed *p = tu_parse_str(DIALECT_JUNIPER_JUNOS, cfg);
    const struct cfg_tree *t = &p->t;
    /* An empty `set` is a warning and no statement. */
    assert_true(tu_has_diag_at(t, DIAG_WARNING, 1));
    /* A quote over two lines: one node ending on the second line. */
    struct cfg_node *msg = tu_find(t, "message \"two\nlines\"");
    assert_non_null(msg);
    assert_int_equal(msg->line, 2);
    assert_int_equal(msg->end_line, 3);
    /* A quote never closed is an error and runs to the end of its line only:
     * the next line is still a statement of its own. */
    assert_true(tu_has_diag_at(t, DIAG_ERROR, 4));
    struct cfg_node *loc = tu_find(t, "domain-name x");
    assert_non_null(loc);
    assert_int_equal(loc->line, 5);
    tu_parsed_free(p);
}

static void check_pair(const char *brace, const char *set, const char *skip, bool exact)
{
    struct tu_parsed *b = tu_parse_file(DIALECT_JUNIPER_JUNOS, brace);
    struct tu_parsed *s = tu_parse_file(DIALECT_JUNIPER_JUNOS, set);
    assert_int_equal(cfg_error_count(&b->t), 0);
    assert_int_equal(cfg_error_count(&s->t), 0);
    struct tu_paths pb = {0}, ps = {0};
    tree_paths(&b->t, &pb);
    tree_paths(&s->t, &ps);
    assert_true(pb.n > 0);
    size_t missing = tu_paths_missing(&pb, &ps, skip, brace);
    if (missing)
        fail_msg("%s: %zu paths of the brace form are not in the set form", brace, missing);
    if (exact) {
        size_t extra = tu_paths_missing(&ps, &pb, NULL, set);
        if (extra)
            fail_msg("%s: %zu paths of the set form are not in the brace form", set, extra);
    }
    tu_paths_free(&pb);
    tu_paths_free(&ps);
    tu_parsed_free(b);
    tu_parsed_free(s);
}

static void test_fixture_pairs(void **state)
{
    (void)state;
    static const char *const names[] = {"system", "snmp",     "interfaces", "protocols",
                                        "policy", "firewall", "instances"};
    for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
        char b[256], s[256];
        snprintf(b, sizeof(b), "tests/fixtures/junos/%s.conf", names[i]);
        snprintf(s, sizeof(s), "tests/fixtures/junos/%s.set", names[i]);
        char bp[4096], sp[4096];
        snprintf(bp, sizeof(bp), "%s", tu_src(b));
        snprintf(sp, sizeof(sp), "%s", tu_src(s));
        check_pair(bp, sp, NULL, true);
    }
}

static void test_comparison_can_fail(void **state)
{
    (void)state;
    /* The helper tells a wrong split from a right one. */
    struct tu_parsed *a = tu_parse_str(DIALECT_JUNIPER_JUNOS,
                                       "interfaces { ge-0/0/0 { unit 0 { family inet; } } }\n");
    struct tu_parsed *b =
        tu_parse_str(DIALECT_JUNIPER_JUNOS, "interfaces { ge-0/0/0 { unit 0 family inet; } }\n");
    struct tu_parsed *c =
        tu_parse_str(DIALECT_JUNIPER_JUNOS, "set interfaces ge-0/0/0 unit 0 family inet\n");
    struct tu_paths pa = {0}, pb = {0}, pc = {0};
    tree_paths(&a->t, &pa);
    tree_paths(&b->t, &pb);
    tree_paths(&c->t, &pc);
    assert_true(tu_paths_missing(&pa, &pb, NULL, "wrong split") > 0);
    assert_int_equal(tu_paths_missing(&pa, &pc, NULL, "set"), 0);
    assert_int_equal(tu_paths_missing(&pc, &pa, NULL, "set"), 0);
    tu_paths_free(&pa);
    tu_paths_free(&pb);
    tu_paths_free(&pc);
    tu_parsed_free(a);
    tu_parsed_free(b);
    tu_parsed_free(c);
}

/*
 * Lab-validation devices captured in both forms: the authored brace config
 * (`<lab>__source__<dev>.cfg`) and `show configuration | display set` of the
 * running device. Every brace path must be in the set capture (which adds
 * device defaults: root authentication, management instance, chassis). The
 * evpn_type5 devices run a newer release than their source says, so the
 * `version` statement differs; two other labs are left out because the
 * device itself rewrote the configuration (an unsupported cos-next-hop-map
 * dropped; `metric 200; metric add 50;` merged).
 */
static void test_corpus_pairs(void **state)
{
    (void)state;
    const char *corpus = tu_corpus_dir();
    if (!corpus) {
        print_message("shared corpus not found; corpus pairs skipped\n");
        return;
    }
    static const struct {
        const char *lab, *dev, *skip;
    } pairs[] = {
        {"junos_community_delete", "collector", NULL},
        {"junos_community_delete", "dut", NULL},
        {"junos_community_delete", "sender", NULL},
        {"junos_cross_term_match", "dut", NULL},
        {"junos_cross_term_match", "sender", NULL},
        {"junos_ext_community_literal", "receiver", NULL},
        {"junos_ext_community_literal", "sender", NULL},
        {"junos_l3vpn", "pe1", NULL},
        {"junos_l3vpn", "pe2", NULL},
        {"junos_policy_chain_visibility", "dut", NULL},
        {"junos_policy_chain_visibility", "sender", NULL},
        {"junos_rmw_localpref", "sender", NULL},
        {"junos_static_route_defaults", "r1", NULL},
        {"junos_then_action_conflicts", "collector", NULL},
        {"junos_then_action_conflicts", "sender", NULL},
        {"junos_evpn_type5", "edge1", "version "},
        {"junos_evpn_type5", "node1-1", "version "},
        {"junos_evpn_type5", "node1-2", "version "},
        {"junos_evpn_type5", "node2-1", "version "},
        {"junos_evpn_type5", "node2-2", "version "},
        {"junos_evpn_type5", "router1", "version "},
    };
    size_t checked = 0;
    for (size_t i = 0; i < ARRAY_SIZE(pairs); i++) {
        char b[4096], s[4096];
        snprintf(b, sizeof(b), "%s/juniper-junos/lv__%s__source__%s.cfg", corpus, pairs[i].lab,
                 pairs[i].dev);
        snprintf(s, sizeof(s), "%s/juniper-junos/lv__%s__%s__show_configuration___display_set.txt",
                 corpus, pairs[i].lab, pairs[i].dev);
        check_pair(b, s, pairs[i].skip, false);
        checked++;
    }
    assert_int_equal(checked, 21);
}

/*
 * Every brace-form Junos file of the corpus, rewritten as set lines (one per
 * leaf, with the path of its ancestors, plus a deactivate line for each
 * inactive subtree), must parse back to the same tree. This checks the
 * splitting table against every hierarchy the corpus writes in braces.
 */
static void test_corpus_brace_as_set(void **state)
{
    (void)state;
    size_t nfiles;
    char **paths = tu_corpus_files("juniper-junos", &nfiles);
    if (!paths)
        return;
    size_t files = 0, bad = 0;
    for (size_t i = 0; i < nfiles; i++) {
        const char *path = paths[i], *name = tu_base_name(path);
        /* Not Junos (diagnosed); and a test of an older tacplus-server { ADDRESS { } } layout. */
        if (strcmp(name, "ccp__sample_02.junos") == 0 ||
            strcmp(name, "bf__parsing-tests__unit-tests__junos__junos-snmp-gh-8812") == 0)
            continue;
        struct tu_parsed *b = tu_parse_file(DIALECT_JUNIPER_JUNOS, path);
        if (!tu_brace_only(&b->t)) { /* a set-form file */
            tu_parsed_free(b);
            continue;
        }
        struct buf text;
        buf_init(&text, 0);
        for (struct cfg_node *n = b->t.first; n; n = cfg_next_preorder(&b->t, n)) {
            if (!n->child) {
                buf_adds(&text, "set ");
                tu_append_path(&text, n);
                buf_addc(&text, '\n');
            }
        }
        for (struct cfg_node *n = b->t.first; n; n = cfg_next_preorder(&b->t, n)) {
            if ((n->flags & CFG_INACTIVE) && !(n->parent && (n->parent->flags & CFG_INACTIVE))) {
                buf_adds(&text, "deactivate ");
                tu_append_path(&text, n);
                buf_addc(&text, '\n');
            }
        }
        struct tu_parsed *s =
            tu_parse(DIALECT_JUNIPER_JUNOS, text.data, text.len, FORM_DEFAULT, NULL);
        struct tu_paths pb = {0}, ps = {0};
        tree_paths(&b->t, &pb);
        tree_paths(&s->t, &ps);
        size_t m = tu_paths_missing(&pb, &ps, NULL, name) + tu_paths_missing(&ps, &pb, NULL, name);
        bad += m != 0;
        files++;
        tu_paths_free(&pb);
        tu_paths_free(&ps);
        buf_free(&text);
        tu_parsed_free(s);
        tu_parsed_free(b);
    }
    tu_corpus_files_free(paths, nfiles);
    assert_true(files >= 30);
    assert_int_equal(bad, 0);
}

/*
 * The line invariant on every Junos file of the corpus: each statement line
 * (not blank, not a comment, not only '}', not a prompt marker or a
 * deactivate/delete/protect line) has at least one node without
 * CFG_IMPLIED, and every such node sits on a statement line.
 */
static bool is_statement_line(struct sv s, bool *in_comment)
{
    s = sv_trim(s);
    if (*in_comment) {
        for (size_t i = 0; i + 1 < s.n; i++)
            if (s.p[i] == '*' && s.p[i + 1] == '/')
                *in_comment = false;
        return false;
    }
    if (!s.n || s.p[0] == '#')
        return false;
    if (sv_starts_with(s, "/*")) {
        bool closed = false;
        for (size_t i = 2; i + 1 < s.n; i++)
            if (s.p[i] == '*' && s.p[i + 1] == '/')
                closed = true;
        *in_comment = !closed;
        return false;
    }
    bool only_close = true;
    for (size_t i = 0; i < s.n; i++)
        if (s.p[i] != '}' && s.p[i] != ' ' && s.p[i] != '\t')
            only_close = false;
    if (only_close)
        return false;
    if (s.p[0] == '{' && s.p[s.n - 1] == '}' && !memchr(s.p, ' ', s.n))
        return false; /* {master:0} */
    static const char *const verbs[] = {"deactivate", "activate", "delete", "protect", "unprotect"};
    for (size_t i = 0; i < ARRAY_SIZE(verbs); i++)
        if (sv_starts_with_word(s, verbs[i]))
            return false;
    return true;
}

static void test_corpus_line_invariant(void **state)
{
    (void)state;
    size_t nfiles;
    char **paths = tu_corpus_files("juniper-junos", &nfiles);
    if (!paths)
        return;
    size_t files = 0, bad_files = 0;
    for (size_t fi = 0; fi < nfiles; fi++) {
        const char *path = paths[fi], *name = tu_base_name(path);
        /* Not Junos: a Tcl-like snippet kept by ciscoconfparse (diagnosed). */
        if (strcmp(name, "ccp__sample_02.junos") == 0)
            continue;
        struct tu_parsed *p = tu_parse_file(DIALECT_JUNIPER_JUNOS, path);
        uint32_t nlines = 1;
        for (size_t i = 0; i < p->t.len; i++)
            nlines += p->buf[i] == '\n';
        unsigned char *want = calloc(nlines + 2, 1);
        unsigned *got = calloc(nlines + 2, sizeof(*got));
        assert_true(want && got);
        bool in_comment = false;
        const char *s = p->buf, *end = p->buf + p->t.len;
        for (uint32_t l = 1; s <= end && l <= nlines; l++) {
            const char *nl = memchr(s, '\n', (size_t)(end - s));
            const char *le = nl ? nl : end;
            want[l] = is_statement_line(sv_make(s, (size_t)(le - s)), &in_comment);
            s = le + 1;
        }
        for (struct cfg_node *n = p->t.first; n; n = cfg_next_preorder(&p->t, n))
            if (!(n->flags & CFG_IMPLIED) && n->line <= nlines)
                got[n->line]++;
        bool ok = true;
        for (uint32_t l = 1; l <= nlines; l++)
            if ((want[l] && !got[l]) || (!want[l] && got[l])) {
                if (ok)
                    print_message("%s:%u: line invariant broken\n", name, l);
                ok = false;
            }
        bad_files += !ok;
        files++;
        free(want);
        free(got);
        tu_parsed_free(p);
    }
    tu_corpus_files_free(paths, nfiles);
    assert_true(files > 100);
    assert_int_equal(bad_files, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_brace_basics),
        cmocka_unit_test(test_brace_annotations),
        cmocka_unit_test(test_brace_malformed),
        cmocka_unit_test(test_brace_deep_nesting),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_set_split),
        cmocka_unit_test(test_set_actions),
        cmocka_unit_test(test_set_tokens),
        cmocka_unit_test(test_set_quotes_and_empty),
        cmocka_unit_test(test_fixture_pairs),
        cmocka_unit_test(test_comparison_can_fail),
        cmocka_unit_test(test_corpus_pairs),
        cmocka_unit_test(test_corpus_brace_as_set),
        cmocka_unit_test(test_corpus_line_invariant),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
