/*
 * Compliance layer: the built-in catalogue (2022 measures, sections,
 * deadlines, the 2026 overlay) and --catalog override files with their
 * error messages.
 */
#include "testutil.h"

#include "compliance/compliance.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ------------------------------------------------- capturing diagnostics */

static FILE *cap_file;
static int cap_saved = -1;

static void capture_begin(void)
{
    fflush(stderr);
    cap_file = tmpfile();
    assert_non_null(cap_file);
    cap_saved = dup(fileno(stderr));
    dup2(fileno(cap_file), fileno(stderr));
}

/* Returns what was written to stderr since capture_begin() (caller frees). */
static char *capture_end(void)
{
    fflush(stderr);
    dup2(cap_saved, fileno(stderr));
    close(cap_saved);
    long n = ftell(cap_file);
    char *s = xcalloc(1, (size_t)(n > 0 ? n : 0) + 1);
    rewind(cap_file);
    if (n > 0 && fread(s, 1, (size_t)n, cap_file) != (size_t)n)
        fail_msg("short read of captured stderr");
    fclose(cap_file);
    return s;
}

static int32_t day(const char *s)
{
    int32_t d;
    if (!date_parse(s, &d))
        fail_msg("bad date %s", s);
    return d;
}

/* ------------------------------------------------------------ built-in */

static const int section_sizes[21] = {6, 6,  19, 8,  7,  5, 4, 16, 6, 54, 35,
                                      5, 28, 2,  13, 22, 1, 6, 7,  1, 7};

static void check_2022_shape(const struct catalog *c)
{
    assert_int_equal(catalog_count(c), 258);
    assert_int_equal(catalog_section_count(c), 21);
    for (size_t s = 0; s < 21; s++) {
        const struct catalog_section *sec = catalog_section(c, s);
        assert_int_equal(sec->number, (int)s + 1);
        assert_non_null(sec->title);
        assert_true(strlen(sec->title) > 3);
        assert_int_equal(sec->nmeasures, (size_t)section_sizes[s]);
    }
    int prev_sec = 0, prev_ser = 0;
    for (size_t i = 0; i < catalog_count(c); i++) {
        const struct measure *m = catalog_measure(c, i);
        int sec, ser;
        assert_true(measure_id_parse(m->id, &sec, &ser));
        assert_int_equal(sec, m->section);
        assert_int_equal(ser, m->serial);
        /* Sorted, unique and contiguous: M<s>.01, .02, ... in every section. */
        if (sec == prev_sec)
            assert_int_equal(ser, prev_ser + 1);
        else {
            assert_int_equal(sec, prev_sec + 1);
            assert_int_equal(ser, 1);
        }
        prev_sec = sec;
        prev_ser = ser;
        char want[16];
        snprintf(want, sizeof(want), "M%d.%02d", sec, ser);
        assert_string_equal(m->id, want);
        assert_ptr_equal(catalog_find(c, m->id), m);
        assert_int_equal(catalog_index(c, m), i);
        assert_non_null(m->title);
        assert_true(strlen(m->title) > 10);
        assert_non_null(m->section_title);
        assert_true(m->ntags > 0);
        assert_true(m->kind < MEASURE_KIND_COUNT);
        for (size_t r = 0; r < m->nregulations; r++) {
            int reg = regulation_number(m->regulations[r]);
            assert_true(reg >= 1 && reg <= 15);
        }
        /* A measure without a regulation mapping says why. */
        if (m->nregulations == 0)
            assert_non_null(m->mapping_note);
    }
    assert_int_equal(prev_sec, 21);
    assert_int_equal(prev_ser, 7);
    assert_null(catalog_find(c, "M22.01"));
    assert_null(catalog_find(c, "M1.07"));
    assert_null(catalog_find(c, "M1.1"));
}

static void test_2022_measures(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct catalog *c;
    assert_int_equal(catalog_load(&c, &a, "2022", NULL), 0);
    assert_string_equal(c->edition, "2022");
    assert_string_equal(c->version, "1.0");
    check_2022_shape(c);
    /* Regulation paragraphs as mapped, e.g. M2.04 supports 3(3)(e) and 8(4). */
    const struct measure *m = catalog_find(c, "M2.04");
    bool r3 = false, r8 = false;
    for (size_t i = 0; i < m->nregulations; i++) {
        r3 |= strcmp(m->regulations[i], "3(3)(e)") == 0;
        r8 |= strcmp(m->regulations[i], "8(4)") == 0;
    }
    assert_true(r3 && r8);
    /* The seven measures the mapping dataset leaves empty are flagged. */
    static const char *const gaps[] = {"M12.02", "M12.04", "M12.05", "M13.01",
                                       "M13.02", "M13.10", "M13.28"};
    for (size_t i = 0; i < ARRAY_SIZE(gaps); i++) {
        m = catalog_find(c, gaps[i]);
        assert_int_equal(m->nregulations, 0);
        assert_non_null(m->mapping_note);
    }
    assert_string_equal(catalog_find_section(c, 10)->title, "Third party supplier measures 3");
    assert_string_equal(catalog_find_section(c, 21)->title,
                        "Retaining national resilience and capability");
    arena_free(&a);
}

static void test_sourced_deadlines(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct catalog *c;
    assert_int_equal(catalog_load(&c, &a, "2022", NULL), 0);
    for (size_t i = 0; i < catalog_count(c); i++) {
        const struct measure *m = catalog_measure(c, i);
        const struct deadline *t1 = &m->deadlines[0], *t2 = &m->deadlines[1],
                              *t3 = &m->deadlines[2];
        /* Tier 3: guidance only, for every measure. */
        assert_false(t3->applies);
        assert_false(t3->known);
        assert_true(t1->applies && t2->applies);
        if (m->section <= 5) {
            assert_true(t1->known && t1->verified);
            assert_int_equal(t1->date, day("2024-03-31"));
            assert_true(t2->known && t2->verified);
            assert_int_equal(t2->date, day("2025-03-31"));
            assert_null(t1->trigger);
            assert_non_null(t1->source);
            assert_non_null(t2->note); /* the reported 2026 conflict is recorded */
        } else if (m->section == 10) {
            assert_string_equal(t1->trigger, "contract");
            assert_int_equal(t1->date, day("2024-03-31"));
            assert_int_equal(t2->date, day("2025-03-31"));
            assert_true(t1->all_known && t2->all_known);
            assert_int_equal(t1->date_all, day("2027-03-31"));
            assert_int_equal(t2->date_all, day("2027-03-31"));
            assert_true(t1->verified && t2->verified);
        } else {
            /* Not retrieved: unknown, and never claimed verified. */
            assert_false(t1->known);
            assert_false(t2->known);
            assert_false(t1->verified);
            assert_false(t2->verified);
        }
    }
    arena_free(&a);
}

static void test_2026_overlay(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct catalog *c;
    assert_int_equal(catalog_load(&c, &a, NULL, NULL), 0); /* newest */
    assert_string_equal(c->edition, "2026");
    assert_string_equal(c->version, "1.1");
    check_2022_shape(c); /* no invented measure ids */
    bool horizon = false, service = false;
    for (size_t i = 0; i < c->nnotes; i++) {
        const struct edition_note *n = &c->notes[i];
        assert_non_null(n->text);
        assert_string_equal(n->edition, "2026");
        if (n->topic && strcmp(n->topic, "deadline-horizon") == 0) {
            horizon = true;
            assert_true(n->verified);
            assert_non_null(strstr(n->when, "2028-03"));
            assert_non_null(strstr(n->when, "2028-12"));
            assert_non_null(strstr(n->when, "2029-12"));
        }
        if (n->topic && strcmp(n->topic, "service-accounts") == 0) {
            service = true;
            assert_false(n->verified);
            assert_non_null(strstr(n->when, "2029"));
        }
    }
    assert_true(horizon && service);
    /* Measure notes come from the overlay; deadlines carry over from 2022. */
    const struct measure *m = catalog_find(c, "M11.24");
    assert_true(m->nnotes >= 1);
    assert_string_equal(m->origin, "2026");
    assert_int_equal(catalog_find(c, "M1.01")->deadlines[0].date, day("2024-03-31"));
    assert_int_equal(catalog_find(c, "M1.01")->nnotes, 0);
    arena_free(&a);
}

static void test_unknown_edition(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct catalog *c = (struct catalog *)&a;
    capture_begin();
    int rc = catalog_load(&c, &a, "2019", NULL);
    char *err = capture_end();
    assert_int_equal(rc, -1);
    assert_null(c);
    assert_non_null(strstr(err, "unknown Code edition '2019'"));
    free(err);
    arena_free(&a);
}

static void test_ids_and_regulations(void **state)
{
    (void)state;
    int s, n;
    assert_true(measure_id_parse("M1.01", &s, &n));
    assert_int_equal(s, 1);
    assert_int_equal(n, 1);
    assert_true(measure_id_parse("M21.07", &s, &n));
    assert_false(measure_id_parse("M1.1", NULL, NULL));
    assert_false(measure_id_parse("M01.01", NULL, NULL));
    assert_false(measure_id_parse("M1.00", NULL, NULL));
    assert_false(measure_id_parse("M0.01", NULL, NULL));
    assert_false(measure_id_parse("M1.011", NULL, NULL));
    assert_false(measure_id_parse("m1.01", NULL, NULL));
    assert_false(measure_id_parse("M100.01", NULL, NULL));
    assert_false(measure_id_parse("", NULL, NULL));
    assert_int_equal(regulation_number("8(5)(e)"), 8);
    assert_int_equal(regulation_number("14"), 14);
    assert_int_equal(regulation_number("(a)"), 0);
}

/* ------------------------------------------------------------ overrides */

static char *fixture(const char *name, size_t *len)
{
    char rel[256];
    snprintf(rel, sizeof(rel), "tests/fixtures/compliance/%s", name);
    return tu_read(rel, len);
}

static void test_override_file(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct catalog *c;
    char path[4096];
    snprintf(path, sizeof(path), "%s", tu_src("tests/fixtures/compliance/override-good.yaml"));
    assert_int_equal(catalog_load(&c, &a, "2022", path), 0);
    /* A new section and a new measure in it. */
    assert_int_equal(catalog_count(c), 259);
    assert_int_equal(catalog_section_count(c), 22);
    const struct measure *m = catalog_find(c, "M22.01");
    assert_non_null(m);
    assert_string_equal(m->section_title, "Provider baseline");
    assert_int_equal(m->kind, MEASURE_ATTESTATION);
    assert_string_equal(m->origin, path);
    assert_true(m->deadlines[1].known);
    assert_int_equal(m->deadlines[1].date, day("2027-06-30"));
    assert_false(m->deadlines[1].verified);
    /* An existing measure: only the given fields change. */
    m = catalog_find(c, "M2.04");
    assert_string_equal(m->title, "Provider wording: unused management protocols are off.");
    assert_int_equal(m->kind, MEASURE_AUTOMATED);
    assert_true(m->nregulations > 0);
    /* A section's deadline replaced (section 11, tier 1), measures follow it... */
    m = catalog_find(c, "M11.01");
    assert_true(m->deadlines[0].known);
    assert_int_equal(m->deadlines[0].date, day("2025-03-31"));
    assert_true(m->deadlines[0].verified);
    assert_string_equal(m->deadlines[0].source, "Ofcom letter REF-123");
    assert_false(m->deadlines[1].known);
    /* ...except a measure that sets its own. */
    m = catalog_find(c, "M11.35");
    assert_int_equal(m->deadlines[0].date, day("2026-03-31"));
    assert_int_equal(m->nnotes, 1);
    arena_free(&a);
}

struct bad_case {
    const char *yaml;
    const char *expect; /* substring of stderr, after "<override>:" */
};

static void test_override_errors(void **state)
{
    (void)state;
    static const struct bad_case cases[] = {
        {"measures:\n  - id: M2.04\n    kind: manual\n",
         "<override>:3:11: error: field 'kind': expected automated, hybrid or attestation, "
         "found 'manual'\n"},
        {"measures:\n  - id: X1\n", "<override>:2:9: error: field 'id': 'X1' is not a measure id"},
        {"measures:\n  - id: M30.01\n    title: x\n    kind: hybrid\n",
         "<override>:2:5: error: field 'section': required for a new measure (M30.01)\n"},
        {"measures:\n  - id: M30.01\n    section: 30\n    kind: hybrid\n",
         "<override>:2:5: error: field 'title': required for a new measure (M30.01)\n"},
        {"measures:\n  - id: M2.04\n    section: 3\n",
         "<override>:3:14: error: field 'section': M2.04 belongs to section 2, not 3\n"},
        {"sections:\n  - number: 4\n    deadlines:\n      tier2: {date: 2025-02-30}\n",
         "<override>:4:21: error: field 'date': expected a date YYYY-MM-DD or 'unknown', found "
         "'2025-02-30'\n"},
        {"sections:\n  - number: 4\n    deadlines:\n      tier2: {date: unknown, verified: true}\n",
         "<override>:4:40: error: field 'verified': an unknown date cannot be verified\n"},
        {"sections:\n  - number: 4\n    deadlines:\n      tier9: {date: 2025-01-01}\n",
         "<override>:4:7: error: field 'tier9': expected tier1, tier2 or tier3\n"},
        {"sections:\n  - number: 4\n    deadlines:\n      tier1: {date: 2025-01-01, date_all: "
         "2026-01-01}\n",
         "<override>:4:43: error: field 'date_all': only contract-based deadlines"},
        {"measures:\n  - id: M2.04\n  - id: M2.04\n",
         "<override>:3:9: error: field 'id': M2.04 is listed twice (first at line 2)\n"},
        {"measures:\n  - id: M30.01\n    section: 30\n    title: t\n    kind: hybrid\n",
         "<override>:2:5: error: field 'section': M30.01 is in section 30, which the catalogue "
         "does not have (add it under sections)\n"},
        {"measures: {id: M2.04}\n", "<override>:1:11: error: field 'measures': expected a list"},
        {"measures:\n  - id: M2.04\n    tags: {a: b}\n",
         "<override>:3:11: error: field 'tags': expected a list, found a mapping\n"},
        {"measures:\n  - id: M2.04\n    title: [a\n", "<override>:"},
    };
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        struct arena a;
        arena_init(&a);
        struct catalog *c = NULL;
        diag_reset_counts();
        capture_begin();
        int rc = catalog_load_buffer(&c, &a, "2022", NULL, cases[i].yaml, strlen(cases[i].yaml));
        char *err = capture_end();
        if (rc != -1 || !strstr(err, cases[i].expect))
            fail_msg("case %zu: rc=%d, stderr:\n%s\nexpected:\n%s", i, rc, err, cases[i].expect);
        assert_true(diag_error_count() > 0);
        /* The rest of the catalogue still loaded. */
        assert_non_null(c);
        assert_true(catalog_count(c) >= 258);
        free(err);
        arena_free(&a);
    }
    diag_reset_counts();
}

static void test_override_warning_only(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct catalog *c;
    const char *y = "edition: \"2026\"\nmeasures:\n  - id: M2.04\n    colour: blue\n";
    diag_reset_counts();
    capture_begin();
    int rc = catalog_load_buffer(&c, &a, "2022", "prov.yaml", y, strlen(y));
    char *err = capture_end();
    assert_int_equal(rc, 0);
    assert_int_equal(diag_error_count(), 0);
    assert_non_null(strstr(err, "prov.yaml:4:5: warning: field 'colour': unknown field"));
    assert_non_null(strstr(err, "prov.yaml:1:10: warning: field 'edition': the file is for "
                                "edition 2026 but edition 2022 is being assessed"));
    free(err);
    arena_free(&a);
}

static void test_override_missing_file(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct catalog *c;
    capture_begin();
    int rc = catalog_load(&c, &a, "2022", "/nonexistent/catalog.yaml");
    char *err = capture_end();
    assert_int_equal(rc, -1);
    assert_non_null(strstr(err, "/nonexistent/catalog.yaml"));
    free(err);
    arena_free(&a);
}

static void test_fixture_errors_file(void **state)
{
    (void)state;
    size_t len;
    char *data = fixture("override-bad.yaml", &len);
    struct arena a;
    arena_init(&a);
    struct catalog *c;
    capture_begin();
    int rc = catalog_load_buffer(&c, &a, "2022", "override-bad.yaml", data, len);
    char *err = capture_end();
    assert_int_equal(rc, -1);
    /* Each bad entry is reported; the good entry in between still applies. */
    assert_non_null(strstr(err, "override-bad.yaml:6:11: error: field 'kind': expected "
                                "automated, hybrid or attestation, found 'sometimes'"));
    assert_non_null(strstr(err, "override-bad.yaml:13:21: error: field 'date': expected a date"));
    assert_string_equal(catalog_find(c, "M2.05")->title, "A good entry between two bad ones.");
    assert_string_not_equal(catalog_find(c, "M2.04")->title, "Bad kind below.");
    free(err);
    free(data);
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_2022_measures),         cmocka_unit_test(test_sourced_deadlines),
        cmocka_unit_test(test_2026_overlay),          cmocka_unit_test(test_unknown_edition),
        cmocka_unit_test(test_ids_and_regulations),   cmocka_unit_test(test_override_file),
        cmocka_unit_test(test_override_errors),       cmocka_unit_test(test_override_warning_only),
        cmocka_unit_test(test_override_missing_file), cmocka_unit_test(test_fixture_errors_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
