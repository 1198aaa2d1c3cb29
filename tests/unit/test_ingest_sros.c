/*
 * SR OS parser: MD-CLI braces, flat /configure lines (the same tree as the
 * braces, alone or mixed), classic CLI with exit/exit all/echo (hand-written
 * fixture, tests/fixtures/sros/pe1-classic.cfg), malformed input and
 * limits, and the shared corpus when it is present.
 */
#include "testutil.h"
#include "tu_ingest.h"

#include <stdlib.h>
#include <string.h>

#include "ingest/parsers.h"

/* ------------------------------------------------ structural comparison */

/* Each node as "a | b | c" (texts from the top, double quotes dropped),
 * sorted and de-duplicated; equal sets = the same configuration. */
static void tree_paths(const struct cfg_tree *t, struct tu_paths *ps)
{
    for (struct cfg_node *n = t->first; n; n = cfg_next_preorder(t, n)) {
        const struct cfg_node *chain[300];
        size_t k = 0;
        for (const struct cfg_node *a = n; a && k < 300; a = a->parent)
            chain[k++] = a;
        char buf[8192];
        size_t o = 0;
        buf[0] = 0;
        while (k--) {
            struct sv s = cfg_text(chain[k]);
            for (size_t i = 0; i < s.n && o + 4 < sizeof(buf); i++)
                if (s.p[i] != '"')
                    buf[o++] = s.p[i];
            if (k && o + 4 < sizeof(buf)) {
                memcpy(buf + o, " | ", 3);
                o += 3;
            }
            buf[o] = 0;
        }
        tu_paths_add(ps, buf);
    }
    tu_paths_sort_unique(ps);
}

static void check_same(const struct cfg_tree *x, const struct cfg_tree *y, const char *skip_in_y,
                       bool exact, const char *what)
{
    struct tu_paths px = {0}, py = {0};
    tree_paths(x, &px);
    tree_paths(y, &py);
    assert_true(px.n > 0);
    size_t m1 = tu_paths_missing(&px, &py, NULL, what);
    size_t m2 = exact ? tu_paths_missing(&py, &px, skip_in_y, what) : 0;
    tu_paths_free(&px);
    tu_paths_free(&py);
    if (m1 || m2)
        fail_msg("%s: trees differ (%zu, %zu paths)", what, m1, m2);
}

/* ------------------------------------------------------------ MD-CLI braces */

static void test_mdcli_basics(void **state)
{
    (void)state;
    const char *cfg = "# TiMOS-B-23.10.R2 both/x86_64 Nokia 7750 SR-1\r\n"
                      "# Generated 2026-03-04T10:00:00.0+00:00 by admin\r\n"
                      "\r\n"
                      "[ex:/configure]\r\n"
                      "A:admin@pe2# info\r\n"
                      "configure {\r\n"
                      "    router \"Base\" {\r\n"
                      "        interface \"odd { name }\" {\r\n"
                      "            description \"a } b\"\r\n"
                      "        }\r\n"
                      "        bgp {\r\n"
                      "            group \"g\" {\r\n"
                      "                import {\r\n"
                      "                    policy [\"a\" \"b\"]\r\n"
                      "                }\r\n"
                      "            }\r\n"
                      "        }\r\n"
                      "    }\r\n"
                      "    policy-options {\r\n"
                      "        prefix-list \"p\" {\r\n"
                      "            prefix 10.0.0.0/8 type longer { }\r\n"
                      "        }\r\n"
                      "        community \"c\" {\r\n"
                      "            member [\r\n"
                      "                \"64500:1\"\r\n"
                      "                \"64500:2\"\r\n"
                      "            ]\r\n"
                      "        }\r\n"
                      "    }\r\n"
                      "}";
    struct tu_parsed *p = tu_parse_str(DIALECT_NOKIA_SROS, cfg);
    const struct cfg_tree *t = &p->t;
    assert_int_equal(t->ndiags, 0);
    tu_assert_node(tu_nth(t, 0), "configure", 6, 0);
    tu_assert_node(tu_nth(t, 1), "router \"Base\"", 7, 1);
    tu_assert_node(tu_nth(t, 2), "interface \"odd { name }\"", 8, 2);
    tu_assert_node(tu_nth(t, 3), "description \"a } b\"", 9, 3);
    tu_assert_node(tu_nth(t, 4), "bgp", 11, 2);
    tu_assert_node(tu_nth(t, 7), "policy [\"a\" \"b\"]", 14, 5);
    tu_assert_node(tu_nth(t, 8), "policy-options", 19, 1);
    struct cfg_node *pfx = tu_nth(t, 10);
    tu_assert_node(pfx, "prefix 10.0.0.0/8 type longer", 21, 3);
    assert_int_equal(pfx->nchildren, 0);
    tu_assert_node(tu_nth(t, 11), "community \"c\"", 23, 2);
    struct cfg_node *member = tu_nth(t, 12);
    tu_assert_node(member,
                   "member [\r\n                \"64500:1\"\r\n                \"64500:2\"\r\n"
                   "            ]",
                   24, 3);
    assert_int_equal(member->end_line, 27);
    assert_null(tu_nth(t, 13));
    tu_parsed_free(p);
}

static void test_mdcli_flat_equivalence(void **state)
{
    (void)state;
    char b[4096], f[4096];
    snprintf(b, sizeof(b), "%s", tu_src("tests/fixtures/sros/pe2-mdcli.cfg"));
    snprintf(f, sizeof(f), "%s", tu_src("tests/fixtures/sros/pe2-mdcli.flat"));
    struct tu_parsed *pb = tu_parse_path(DIALECT_NOKIA_SROS, b, FORM_DEFAULT);
    struct tu_parsed *pf = tu_parse_path(DIALECT_NOKIA_SROS, f, FORM_DEFAULT);
    assert_int_equal(cfg_error_count(&pb->t), 0);
    assert_int_equal(cfg_error_count(&pf->t), 0);
    check_same(&pb->t, &pf->t, NULL, true, "pe2-mdcli");
    /* Flat: one node without CFG_IMPLIED per /configure line, on that line. */
    unsigned per_line[64] = {0};
    for (struct cfg_node *n = pf->t.first; n; n = cfg_next_preorder(&pf->t, n))
        if (!(n->flags & CFG_IMPLIED) && n->line < 64)
            per_line[n->line]++;
    for (unsigned l = 3; l <= 32; l++)
        assert_int_equal(per_line[l], 1);
    assert_int_equal(per_line[1] + per_line[2], 0);
    assert_true(tu_nth(&pf->t, 0)->flags & CFG_IMPLIED); /* configure */
    tu_parsed_free(pb);
    tu_parsed_free(pf);
}

static void test_flat_details(void **state)
{
    (void)state;
    const char *cfg = "configure {\n"
                      "    router \"Base\" {\n"
                      "        interface \"a\" {\n"
                      "            port 1/1/1\n"
                      "        }\n"
                      "        interface \"b\" {\n"
                      "            port 1/1/2\n"
                      "        }\n"
                      "    }\n"
                      "}\n"
                      "/configure router \"Base\" interface \"a\" description \"uplink\"\n"
                      "/configure { router \"Base\" mpls interface \"a\" }\n"
                      "/configure router \"Base\" delete interface \"b\"\n"
                      "/configure card 1 card-type iom-1 level he\n"
                      "/configure router \"Base\" bgp group \"g\" authentication-key \"x\" hash2\n"
                      "/configure filter ip-filter \"f\" entry 10 action accept\n"
                      "/configure system security aaa local-profiles profile \"p\" entry 10 action "
                      "permit\n";
    struct tu_parsed *p = tu_parse_str(DIALECT_NOKIA_SROS, cfg);
    const struct cfg_tree *t = &p->t;
    assert_int_equal(cfg_error_count(t), 0);
    /* Mixed: the flat line lands in the block the braces opened. */
    struct cfg_node *desc = tu_find(t, "description \"uplink\"");
    assert_non_null(desc);
    assert_int_equal(desc->line, 11);
    tu_assert_node(desc->parent, "interface \"a\"", 3, 2);
    /* `{ path }` creates the path; its last element is the line's node. */
    struct cfg_node *mpls_if = tu_find(t, "mpls");
    assert_non_null(mpls_if);
    assert_true(mpls_if->flags & CFG_IMPLIED);
    tu_assert_node(mpls_if->child, "interface \"a\"", 12, 3);
    assert_false(mpls_if->child->flags & CFG_IMPLIED);
    /* delete removed interface "b" and its port. */
    assert_null(tu_find(t, "interface \"b\""));
    assert_null(tu_find(t, "port 1/1/2"));
    /* ... and recorded the lines of both (the block and its statement). */
    assert_int_equal(t->nremoved, 2);
    assert_int_equal(t->removed_lines[0], 6);
    assert_int_equal(t->removed_lines[1], 7);
    /* Several leaves on one line, an encrypted leaf, a container of empty leaves. */
    tu_assert_parent(t, "card-type iom-1", "card 1");
    tu_assert_parent(t, "level he", "card 1");
    assert_int_equal(tu_find(t, "level he")->line, 14);
    tu_assert_parent(t, "authentication-key \"x\" hash2", "group \"g\"");
    tu_assert_parent(t, "accept", "action");
    tu_assert_parent(t, "action", "entry 10");
    tu_assert_parent(t, "action permit", "entry 10");
    tu_parsed_free(p);
}

/* ------------------------------------------------------------ classic CLI */

static void test_classic(void **state)
{
    (void)state;
    char path[4096];
    snprintf(path, sizeof(path), "%s", tu_src("tests/fixtures/sros/pe1-classic.cfg"));
    for (int forced = 0; forced < 2; forced++) {
        struct tu_parsed *p =
            tu_parse_path(DIALECT_NOKIA_SROS, path, forced ? FORM_SROS_CLASSIC : FORM_DEFAULT);
        const struct cfg_tree *t = &p->t;
        assert_int_equal(t->ndiags, 0);
        assert_int_equal(t->ntop, 1);
        tu_assert_node(tu_nth(t, 0), "configure", 9, 0);
        tu_assert_node(tu_nth(t, 1), "system", 13, 1);
        tu_assert_node(tu_nth(t, 2), "name \"pe1-lon\"", 14, 2);
        tu_assert_parent(t, "shutdown", "snmp");
        tu_assert_parent(t, "inbound-max-sessions 0", "telnet");
        tu_assert_parent(t, "pre-login-message \"Authorised access only\" name", "login-control");
        tu_assert_parent(t, "zone UTC", "time");
        /* The echo/#---- lines between sections do not close blocks. */
        tu_assert_parent(t, "security", "system");
        tu_assert_parent(t, "no telnet-server", "security");
        tu_assert_parent(t, "member \"administrative\"", "console");
        tu_assert_parent(t, "preserve-key", "ssh");
        tu_assert_parent(t, "port 1/1/1", "configure");
        tu_assert_parent(t, "description \"to p1 {core}\"", "port 1/1/1");
        tu_assert_parent(t, "mode network", "ethernet");
        tu_assert_parent(t, "router Base", "configure");
        tu_assert_parent(t, "address 10.1.1.1/31", "interface \"to-p1\"");
        tu_assert_parent(t, "bgp", "router Base");
        tu_assert_parent(t, "neighbor 10.255.1.2", "group \"ibgp\"");
        struct cfg_node *bgp = tu_find(t, "bgp");
        tu_assert_node(bgp->last, "no shutdown", 90, 3);
        tu_assert_node(tu_find(t, "autonomous-system 64500"), "autonomous-system 64500", 79, 2);
        /* Statement lines only: no echo, exit, comment or blank line gives a node. */
        for (struct cfg_node *n = t->first; n; n = cfg_next_preorder(t, n)) {
            struct sv s = cfg_text(n);
            assert_false(sv_starts_with_word(s, "exit") || sv_starts_with_word(s, "echo") ||
                         s.p[0] == '#');
            assert_false(n->flags & CFG_IMPLIED);
        }
        assert_int_equal(t->node_count, 49);
        tu_parsed_free(p);
    }
}

static void test_classic_exit_all_and_info(void **state)
{
    (void)state;
    /* `info` output starting mid-tree, then a fresh configure after exit all. */
    const char *cfg = "        interface \"x\"\n"
                      "            shutdown\n"
                      "        exit\n"
                      "        interface \"y\"\n"
                      "        exit\n"
                      "exit all\n"
                      "configure\n"
                      "    system\n"
                      "        name \"r\"\n"
                      "    exit\n"
                      "exit all\n"
                      "exit\n";
    struct tu_parsed *p = tu_parse(DIALECT_NOKIA_SROS, cfg, strlen(cfg), FORM_SROS_CLASSIC, NULL);
    const struct cfg_tree *t = &p->t;
    assert_int_equal(t->ntop, 3);
    tu_assert_node(tu_nth(t, 0), "interface \"x\"", 1, 0);
    tu_assert_node(tu_nth(t, 1), "shutdown", 2, 1);
    tu_assert_node(tu_nth(t, 2), "interface \"y\"", 4, 0);
    tu_assert_node(tu_nth(t, 3), "configure", 7, 0);
    tu_assert_node(tu_nth(t, 5), "name \"r\"", 9, 2);
    assert_true(tu_has_diag_at(t, DIAG_WARNING, 12)); /* exit with nothing open */
    tu_parsed_free(p);
}

/* ------------------------------------------------------- malformed input */

static void test_malformed(void **state)
{
    (void)state;
    struct tu_parsed *p = tu_parse_str(
        DIALECT_NOKIA_SROS, "configure {\n    system {\n        name \"a\"\n    }\n    }\n}\n"
                            "router {\n}\n");
    assert_true(tu_has_diag_at(&p->t, DIAG_ERROR, 6));
    tu_assert_node(tu_nth(&p->t, 3), "router", 7, 0);
    tu_parsed_free(p);

    p = tu_parse_str(DIALECT_NOKIA_SROS, "configure {\n    system {\n        name \"a\"\n");
    assert_true(tu_has_diag_at(&p->t, DIAG_ERROR, 1));
    assert_true(p->t.partial);
    tu_parsed_free(p);

    p = tu_parse_str(DIALECT_NOKIA_SROS,
                     "configure {\n    system {\n        name \"never closed\n    }\n}\n");
    assert_true(tu_has_diag_at(&p->t, DIAG_ERROR, 3));
    assert_true(p->t.partial);
    tu_parsed_free(p);

    p = tu_parse_str(DIALECT_NOKIA_SROS, "configure {\n    policy [\"a\"\n}\n");
    assert_true(tu_has_diag_at(&p->t, DIAG_ERROR, 2));
    tu_parsed_free(p);
}

/* A list never closed ends with its line; a `/` with no path is a warning. */
static void test_unclosed_list_and_empty_flat(void **state)
{
    (void)state;
    const char *cfg = "configure {\n"
                      "    p [\"a\"\n"
                      "}\n"
                      "/\n"
                      "/configure system name \"n\"\n";
    struct tu_parsed *p = tu_parse_str(DIALECT_NOKIA_SROS, cfg);
    const struct cfg_tree *t = &p->t;
    assert_true(tu_has_diag_at(t, DIAG_ERROR, 2));
    struct cfg_node *list = tu_find(t, "p [\"a\"");
    assert_non_null(list);
    assert_int_equal(list->end_line, 2);
    /* The `}` on line 3 closed `configure`: no unclosed-block error. */
    assert_int_equal(cfg_error_count(t), 1);
    assert_true(tu_has_diag_at(t, DIAG_WARNING, 4));
    tu_assert_node(tu_find(t, "name \"n\""), "name \"n\"", 5, 2);
    tu_parsed_free(p);
}

static void test_limits(void **state)
{
    (void)state;
    /* 100,000 nested blocks: iterative, one depth diagnostic, partial tree. */
    size_t depth = 100000;
    char *cfg = malloc(depth * 4 + 16);
    assert_non_null(cfg);
    size_t o = 0;
    for (size_t i = 0; i < depth; i++) {
        memcpy(cfg + o, "a {\n", 4);
        o += 4;
    }
    struct tu_parsed *p = tu_parse(DIALECT_NOKIA_SROS, cfg, o, FORM_DEFAULT, NULL);
    assert_true(p->t.partial);
    assert_int_equal(p->t.node_count, cfg_default_limits.max_depth);
    assert_int_equal(p->t.ndiags, 2);
    tu_parsed_free(p);

    /* Classic indentation deeper than the limit. */
    o = 0;
    for (size_t i = 0; i < 300; i++) {
        memset(cfg + o, ' ', i);
        o += i;
        memcpy(cfg + o, "b\n", 2);
        o += 2;
    }
    p = tu_parse(DIALECT_NOKIA_SROS, cfg, o, FORM_SROS_CLASSIC, NULL);
    assert_true(p->t.partial);
    assert_int_equal(p->t.node_count, cfg_default_limits.max_depth);
    tu_parsed_free(p);
    free(cfg);

    struct cfg_limits lim = cfg_default_limits;
    lim.max_line_len = 32;
    const char *text = "configure {\n    description \"this line is longer than the limit\"\n"
                       "    name \"ok\"\n}\n";
    p = tu_parse(DIALECT_NOKIA_SROS, text, strlen(text), FORM_DEFAULT, &lim);
    assert_true(tu_has_diag_at(&p->t, DIAG_ERROR, 2));
    tu_assert_node(tu_nth(&p->t, 1), "name \"ok\"", 3, 1);
    tu_parsed_free(p);
}

/* ------------------------------------------------------------------ corpus */

static void test_corpus_equivalence(void **state)
{
    (void)state;
    const char *corpus = tu_corpus_dir();
    if (!corpus) {
        print_message("shared corpus not found; skipped\n");
        return;
    }
    char a[4096], b[4096];
    /* batfish's equivalence trio: braces, flat, and half of each. */
    snprintf(a, sizeof(a), "%s/nokia-sros/bf__sros__equivalence_brace.txt", corpus);
    struct tu_parsed *brace = tu_parse_path(DIALECT_NOKIA_SROS, a, FORM_DEFAULT);
    static const char *const others[] = {"flat", "mixed"};
    for (size_t i = 0; i < ARRAY_SIZE(others); i++) {
        snprintf(b, sizeof(b), "%s/nokia-sros/bf__sros__equivalence_%s.txt", corpus, others[i]);
        struct tu_parsed *o = tu_parse_path(DIALECT_NOKIA_SROS, b, FORM_DEFAULT);
        check_same(&brace->t, &o->t, NULL, true, b);
        tu_parsed_free(o);
    }
    tu_parsed_free(brace);
    /*
     * lab-validation: the authored flat source of each device and the brace
     * configuration it printed. Every flat path is in the capture; the
     * capture adds only the device's persistent-indices block.
     */
    static const char *const devs[] = {"p1", "p2", "pe1", "pe2", "pe3", "pe4"};
    for (size_t i = 0; i < ARRAY_SIZE(devs); i++) {
        snprintf(a, sizeof(a), "%s/nokia-sros/lv__sros_services__source__%s.cfg", corpus, devs[i]);
        snprintf(b, sizeof(b), "%s/nokia-sros/lv__sros_services__%s__%s.cfg", corpus, devs[i],
                 devs[i]);
        struct tu_parsed *flat = tu_parse_path(DIALECT_NOKIA_SROS, a, FORM_DEFAULT);
        struct tu_parsed *cap = tu_parse_path(DIALECT_NOKIA_SROS, b, FORM_DEFAULT);
        assert_int_equal(cfg_error_count(&flat->t), 0);
        check_same(&flat->t, &cap->t, "persistent-indices", true, a);
        tu_parsed_free(flat);
        tu_parsed_free(cap);
    }
}

/*
 * Every MD-CLI brace file of the corpus, rewritten as flat lines (one per
 * leaf, `/` followed by the path of its ancestors), must parse back to the
 * same tree: this checks the flat splitting against every hierarchy the
 * corpus prints.
 */
static void test_corpus_brace_as_flat(void **state)
{
    (void)state;
    size_t nfiles;
    char **paths = tu_corpus_files("nokia-sros", &nfiles);
    if (!paths)
        return;
    size_t files = 0, bad = 0;
    for (size_t i = 0; i < nfiles; i++) {
        const char *path = paths[i], *name = tu_base_name(path);
        struct tu_parsed *b = tu_parse_path(DIALECT_NOKIA_SROS, path, FORM_DEFAULT);
        if (!tu_brace_only(&b->t)) { /* flat or mixed */
            tu_parsed_free(b);
            continue;
        }
        struct buf text;
        buf_init(&text, 0);
        for (struct cfg_node *n = b->t.first; n; n = cfg_next_preorder(&b->t, n)) {
            if (n->child)
                continue;
            buf_addc(&text, '/');
            tu_append_path(&text, n);
            buf_addc(&text, '\n');
        }
        struct tu_parsed *f = tu_parse(DIALECT_NOKIA_SROS, text.data, text.len, FORM_DEFAULT, NULL);
        struct tu_paths pb = {0}, pf = {0};
        tree_paths(&b->t, &pb);
        tree_paths(&f->t, &pf);
        size_t m = tu_paths_missing(&pb, &pf, NULL, name) + tu_paths_missing(&pf, &pb, NULL, name);
        bad += m != 0;
        files++;
        tu_paths_free(&pb);
        tu_paths_free(&pf);
        buf_free(&text);
        tu_parsed_free(f);
        tu_parsed_free(b);
    }
    tu_corpus_files_free(paths, nfiles);
    assert_true(files >= 50);
    assert_int_equal(bad, 0);
}

/* Every SR OS corpus file: statement lines and non-implied nodes coincide. */
static bool is_statement_line(struct sv s)
{
    s = sv_trim(s);
    if (!s.n || s.p[0] == '#')
        return false;
    bool only_close = true;
    for (size_t i = 0; i < s.n; i++)
        if (s.p[i] != '}' && s.p[i] != ' ')
            only_close = false;
    if (only_close)
        return false;
    if (s.p[0] == '[' && s.p[s.n - 1] == ']')
        return false;
    for (size_t i = 0; s.p[0] == '/' && i + 8 <= s.n; i++)
        if (memcmp(s.p + i, " delete ", 8) == 0)
            return false;
    if (sv_eq_cstr(s, "exit") || sv_eq_cstr(s, "exit all") || sv_starts_with_word(s, "echo"))
        return false;
    return true;
}

static void test_corpus_line_invariant(void **state)
{
    (void)state;
    size_t nfiles;
    char **paths = tu_corpus_files("nokia-sros", &nfiles);
    if (!paths)
        return;
    size_t files = 0, bad = 0;
    for (size_t fi = 0; fi < nfiles; fi++) {
        const char *name = tu_base_name(paths[fi]);
        struct tu_parsed *p = tu_parse_path(DIALECT_NOKIA_SROS, paths[fi], FORM_DEFAULT);
        uint32_t nlines = 1;
        for (size_t i = 0; i < p->t.len; i++)
            nlines += p->buf[i] == '\n';
        unsigned *got = calloc(nlines + 2, sizeof(*got));
        assert_non_null(got);
        for (struct cfg_node *n = p->t.first; n; n = cfg_next_preorder(&p->t, n))
            if (!(n->flags & CFG_IMPLIED) && n->line <= nlines)
                got[n->line]++;
        /* A flat `delete` line gives no node and the statements it removed
         * are gone; both kinds of line are accounted for (one node each). */
        for (uint32_t i = 0; i < p->t.nremoved; i++)
            if (p->t.removed_lines[i] <= nlines)
                got[p->t.removed_lines[i]]++;
        const char *s = p->buf, *end = p->buf + p->t.len;
        bool ok = true;
        for (uint32_t l = 1; l <= nlines && s <= end; l++) {
            const char *nl = memchr(s, '\n', (size_t)(end - s));
            const char *le = nl ? nl : end;
            bool want = is_statement_line(sv_make(s, (size_t)(le - s)));
            if (want != (got[l] > 0)) {
                if (ok)
                    print_message("%s:%u: line invariant broken\n", name, l);
                ok = false;
            }
            s = le + 1;
        }
        bad += !ok;
        files++;
        free(got);
        tu_parsed_free(p);
    }
    tu_corpus_files_free(paths, nfiles);
    assert_true(files > 50);
    assert_int_equal(bad, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mdcli_basics),
        cmocka_unit_test(test_mdcli_flat_equivalence),
        cmocka_unit_test(test_flat_details),
        cmocka_unit_test(test_classic),
        cmocka_unit_test(test_classic_exit_all_and_info),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_unclosed_list_and_empty_flat),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_corpus_equivalence),
        cmocka_unit_test(test_corpus_brace_as_flat),
        cmocka_unit_test(test_corpus_line_invariant),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
