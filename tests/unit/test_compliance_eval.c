/*
 * Compliance layer: the status of a measure from device verdicts, fleet
 * findings, attestations and waivers, for each tier and around deadlines.
 * Uses its own small check table with compliance_evaluate_checks(), so the
 * rules are pinned independently of the built-in checks.
 */
#include "testutil.h"

#include "compliance/compliance.h"

#include <stdlib.h>
#include <string.h>

static int32_t day(const char *s)
{
    int32_t d;
    if (!date_parse(s, &d))
        fail_msg("bad date %s", s);
    return d;
}

static void eval_noop(const struct check_ctx *ctx, struct check_result *r)
{
    (void)ctx;
    (void)r;
}

/* M2.04 automated (section 2: tier 1 2024-03-31, tier 2 2025-03-31);
 * M11.14 hybrid with an unknown deadline; M5.03 hybrid, section 5;
 * M6.04 by a fleet check; M5.06 is attestation-only in the catalogue. */
static const char *const m_mgmt[] = {"M2.04", "M11.14", NULL};
static const char *const m_backup[] = {"M5.03", NULL};
static const char *const m_fleet[] = {"M6.04", NULL};
static const char *const m_odd[] = {"M5.06", NULL};
static const struct check_def c_mgmt = {
    .id = "T-MGMT", .title = "t", .measures = m_mgmt, .eval = eval_noop, .scope = CHECK_DEVICE};
static const struct check_def c_backup = {
    .id = "T-BACKUP", .title = "t", .measures = m_backup, .eval = eval_noop, .scope = CHECK_DEVICE};
static const struct check_def c_fleet = {
    .id = "T-FLEET", .title = "t", .measures = m_fleet, .eval = eval_noop, .scope = CHECK_FLEET};
static const struct check_def c_odd = {
    .id = "T-ODD", .title = "t", .measures = m_odd, .eval = eval_noop, .scope = CHECK_DEVICE};
static const struct check_def *const table[] = {&c_mgmt, &c_backup, &c_fleet, &c_odd};
enum { I_MGMT, I_BACKUP, I_FLEET, I_ODD, NCHECKS };

struct fixture {
    struct arena a;
    struct catalog *c;
    struct attestations at;
    struct device_summary devs[64];
    uint8_t verdicts[64][NCHECKS];
    size_t ndevs;
    struct compliance_result r;
};

static struct fixture *fx_new(void)
{
    struct fixture *f = xcalloc(1, sizeof(*f));
    arena_init(&f->a);
    assert_int_equal(catalog_load(&f->c, &f->a, "2022", NULL), 0);
    attest_init_empty(&f->at);
    return f;
}

static void fx_free(struct fixture *f)
{
    arena_free(&f->a);
    free(f);
}

/* A device whose verdicts default to not_applicable. */
static size_t fx_device(struct fixture *f, const char *host)
{
    size_t i = f->ndevs++;
    struct device_summary *d = &f->devs[i];
    memset(d, 0, sizeof(*d));
    d->hostname = (char *)host;
    d->file = (char *)host;
    d->verdicts = f->verdicts[i];
    d->nverdicts = NCHECKS;
    for (int j = 0; j < NCHECKS; j++)
        f->verdicts[i][j] = VERDICT_NOT_APPLICABLE;
    return i;
}

static void fx_attest(struct fixture *f, const char *yaml)
{
    assert_int_equal(attest_load_buffer(&f->at, &f->a, "t.yaml", yaml, strlen(yaml)), 0);
}

static const struct measure_status *fx_eval(struct fixture *f, int tier, const char *as_of,
                                            const struct fleet_finding *ff, size_t nff,
                                            const char *id)
{
    compliance_evaluate_checks(f->c, &f->at, tier, day(as_of), table, NCHECKS, f->devs, f->ndevs,
                               ff, nff, &f->a, &f->r);
    const struct measure *m = catalog_find(f->c, id);
    assert_non_null(m);
    return &f->r.v[catalog_index(f->c, m)];
}

static void test_automated_met_and_not_met(void **state)
{
    (void)state;
    struct fixture *f = fx_new();
    size_t r1 = fx_device(f, "r1"), r2 = fx_device(f, "r2");
    f->verdicts[r1][I_MGMT] = VERDICT_PASS;
    f->verdicts[r2][I_MGMT] = VERDICT_PASS;
    const struct measure_status *ms = fx_eval(f, 2, "2025-06-01", NULL, 0, "M2.04");
    assert_int_equal(ms->status, MEASURE_MET);
    assert_false(ms->overdue);
    assert_int_equal(ms->npass, 2);
    assert_int_equal(ms->ndevices, 2);
    assert_int_equal(ms->nchecks, 1);
    assert_ptr_equal(ms->checks[0], &c_mgmt);
    assert_int_equal(ms->kind_used, MEASURE_AUTOMATED);
    assert_true(ms->due_known && ms->deadline_verified);
    assert_int_equal(ms->due, day("2025-03-31"));

    /* One failing device: not met, overdue, and the pair is named. */
    f->verdicts[r2][I_MGMT] = VERDICT_FAIL;
    ms = fx_eval(f, 2, "2025-06-01", NULL, 0, "M2.04");
    assert_int_equal(ms->status, MEASURE_NOT_MET);
    assert_true(ms->overdue);
    assert_int_equal(ms->nfindings, 1);
    assert_int_equal(ms->total_findings, 1);
    assert_string_equal(ms->findings[0].device, "r2");
    assert_string_equal(ms->findings[0].check, "T-MGMT");
    assert_int_equal(ms->findings[0].verdict, VERDICT_FAIL);
    assert_non_null(strstr(ms->reason, "overdue since 2025-03-31"));
    fx_free(f);
}

static void test_partial_and_not_applicable(void **state)
{
    (void)state;
    struct fixture *f = fx_new();
    size_t r1 = fx_device(f, "r1"), r2 = fx_device(f, "r2");
    f->verdicts[r1][I_MGMT] = VERDICT_PASS;
    f->verdicts[r2][I_MGMT] = VERDICT_UNKNOWN;
    const struct measure_status *ms = fx_eval(f, 2, "2025-06-01", NULL, 0, "M2.04");
    assert_int_equal(ms->status, MEASURE_PARTIAL);
    assert_true(ms->overdue);
    f->verdicts[r2][I_MGMT] = VERDICT_NEEDS_CONTEXT;
    ms = fx_eval(f, 2, "2025-06-01", NULL, 0, "M2.04");
    assert_int_equal(ms->status, MEASURE_PARTIAL);
    assert_int_equal(ms->nneeds_context, 1);
    /* not_applicable verdicts do not count against a measure... */
    f->verdicts[r2][I_MGMT] = VERDICT_NOT_APPLICABLE;
    ms = fx_eval(f, 2, "2025-06-01", NULL, 0, "M2.04");
    assert_int_equal(ms->status, MEASURE_MET);
    /* ...and when nothing applies anywhere, neither does the measure. */
    f->verdicts[r1][I_MGMT] = VERDICT_NOT_APPLICABLE;
    ms = fx_eval(f, 2, "2025-06-01", NULL, 0, "M2.04");
    assert_int_equal(ms->status, MEASURE_NOT_APPLICABLE);
    assert_false(ms->overdue);
    /* A fail outweighs unknown. */
    f->verdicts[r1][I_MGMT] = VERDICT_FAIL;
    f->verdicts[r2][I_MGMT] = VERDICT_UNKNOWN;
    ms = fx_eval(f, 2, "2025-06-01", NULL, 0, "M2.04");
    assert_int_equal(ms->status, MEASURE_NOT_MET);
    assert_int_equal(ms->nfindings, 2);
    fx_free(f);
}

static void test_waived_counts_as_met(void **state)
{
    (void)state;
    struct fixture *f = fx_new();
    size_t r1 = fx_device(f, "r1"), r2 = fx_device(f, "r2");
    f->verdicts[r1][I_MGMT] = VERDICT_PASS;
    f->verdicts[r2][I_MGMT] = VERDICT_WAIVED;
    const struct measure_status *ms = fx_eval(f, 2, "2025-06-01", NULL, 0, "M2.04");
    assert_int_equal(ms->status, MEASURE_MET);
    assert_false(ms->overdue);
    assert_int_equal(ms->nwaived, 1);
    /* The waived pair stays visible. */
    assert_int_equal(ms->nfindings, 1);
    assert_int_equal(ms->findings[0].verdict, VERDICT_WAIVED);
    assert_non_null(strstr(ms->reason, "waived"));
    fx_free(f);
}

static void test_excluded_devices_skipped(void **state)
{
    (void)state;
    struct fixture *f = fx_new();
    size_t r1 = fx_device(f, "r1"), lab = fx_device(f, "lab"), bad = fx_device(f, "bad");
    f->verdicts[r1][I_MGMT] = VERDICT_PASS;
    f->verdicts[lab][I_MGMT] = VERDICT_FAIL;
    f->devs[lab].excluded = true;
    f->verdicts[bad][I_MGMT] = VERDICT_FAIL;
    f->devs[bad].unreadable = true;
    const struct measure_status *ms = fx_eval(f, 2, "2025-06-01", NULL, 0, "M2.04");
    assert_int_equal(ms->status, MEASURE_MET);
    assert_int_equal(f->r.ndevices, 1);
    fx_free(f);
}

static void test_deadline_edges(void **state)
{
    (void)state;
    struct fixture *f = fx_new();
    size_t r1 = fx_device(f, "r1");
    f->verdicts[r1][I_MGMT] = VERDICT_FAIL;
    /* Tier 2, the day before its deadline: not yet due, but says what it would be. */
    const struct measure_status *ms = fx_eval(f, 2, "2025-03-30", NULL, 0, "M2.04");
    assert_int_equal(ms->status, MEASURE_NOT_YET_DUE);
    assert_int_equal(ms->assessed, MEASURE_NOT_MET);
    assert_false(ms->overdue);
    assert_non_null(strstr(ms->reason, "would be not_met"));
    /* On the deadline: due, and overdue when not met. */
    ms = fx_eval(f, 2, "2025-03-31", NULL, 0, "M2.04");
    assert_int_equal(ms->status, MEASURE_NOT_MET);
    assert_true(ms->overdue);
    /* Tier 1 was due a year earlier. */
    ms = fx_eval(f, 1, "2025-03-30", NULL, 0, "M2.04");
    assert_int_equal(ms->status, MEASURE_NOT_MET);
    assert_true(ms->overdue);
    assert_int_equal(ms->due, day("2024-03-31"));
    ms = fx_eval(f, 1, "2024-03-30", NULL, 0, "M2.04");
    assert_int_equal(ms->status, MEASURE_NOT_YET_DUE);
    /* Tier 3: the Code is guidance only. */
    ms = fx_eval(f, 3, "2030-01-01", NULL, 0, "M2.04");
    assert_int_equal(ms->status, MEASURE_NOT_APPLICABLE);
    assert_int_equal(ms->assessed, MEASURE_NOT_MET);
    assert_false(ms->applies);
    assert_false(ms->overdue);
    assert_non_null(strstr(ms->reason, "guidance"));
    assert_int_equal(f->r.totals.overdue, 0);
    assert_int_equal(f->r.totals.by_status[MEASURE_NOT_APPLICABLE], 258);
    /* No tier: evaluated, never overdue. */
    ms = fx_eval(f, 0, "2030-01-01", NULL, 0, "M2.04");
    assert_int_equal(ms->status, MEASURE_NOT_MET);
    assert_false(ms->overdue);
    assert_false(ms->due_known);
    fx_free(f);
}

static void test_unknown_deadline_never_overdue(void **state)
{
    (void)state;
    struct fixture *f = fx_new();
    size_t r1 = fx_device(f, "r1");
    f->verdicts[r1][I_MGMT] = VERDICT_FAIL;
    fx_attest(f, "attestations:\n  - measure: M11.14\n    status: implemented\n");
    const struct measure_status *ms = fx_eval(f, 1, "2030-01-01", NULL, 0, "M11.14");
    assert_int_equal(ms->status, MEASURE_NOT_MET);
    assert_false(ms->due_known);
    assert_false(ms->deadline_verified);
    assert_false(ms->overdue);
    assert_non_null(strstr(ms->reason, "deadline for tier 1 unknown"));
    assert_true(f->r.unknown_deadlines > 100);
    fx_free(f);
}

static void test_attestation_measures(void **state)
{
    (void)state;
    struct fixture *f = fx_new();
    fx_attest(f,
              "attestations:\n"
              "  - {measure: M5.01, status: implemented, date: 2025-01-01, expires: 2025-12-31}\n"
              "  - {measure: M5.02, status: partial}\n"
              "  - {measure: M5.04, status: not_implemented}\n"
              "  - {measure: M4.01, status: not_applicable}\n");
    const struct measure_status *ms = fx_eval(f, 2, "2025-06-01", NULL, 0, "M5.01");
    assert_int_equal(ms->kind_used, MEASURE_ATTESTATION);
    assert_int_equal(ms->status, MEASURE_MET);
    assert_non_null(ms->attestation);
    assert_false(ms->overdue);
    /* On the expiry date it still counts; the day after it is reported expired. */
    ms = fx_eval(f, 2, "2025-12-31", NULL, 0, "M5.01");
    assert_int_equal(ms->status, MEASURE_MET);
    ms = fx_eval(f, 2, "2026-01-01", NULL, 0, "M5.01");
    assert_int_equal(ms->status, MEASURE_ATTESTATION_REQUIRED);
    assert_true(ms->overdue);
    assert_null(ms->attestation);
    assert_non_null(ms->expired_attestation);
    assert_non_null(strstr(ms->reason, "expired on 2025-12-31"));
    assert_int_equal(f->r.nexpired_attestations, 1);
    ms = fx_eval(f, 2, "2026-01-01", NULL, 0, "M5.02");
    assert_int_equal(ms->status, MEASURE_PARTIAL);
    assert_true(ms->overdue);
    ms = fx_eval(f, 2, "2026-01-01", NULL, 0, "M5.04");
    assert_int_equal(ms->status, MEASURE_NOT_MET);
    ms = fx_eval(f, 2, "2026-01-01", NULL, 0, "M4.01");
    assert_int_equal(ms->status, MEASURE_NOT_APPLICABLE);
    assert_false(ms->overdue);
    ms = fx_eval(f, 2, "2026-01-01", NULL, 0, "M5.05");
    assert_int_equal(ms->status, MEASURE_ATTESTATION_REQUIRED);
    assert_null(ms->expired_attestation);
    assert_non_null(strstr(ms->reason, "no current attestation"));
    fx_free(f);
}

static void test_hybrid_needs_both(void **state)
{
    (void)state;
    struct fixture *f = fx_new();
    size_t r1 = fx_device(f, "r1");
    f->verdicts[r1][I_BACKUP] = VERDICT_PASS;
    /* Checks pass, no attestation: still needs one. */
    const struct measure_status *ms = fx_eval(f, 2, "2026-01-01", NULL, 0, "M5.03");
    assert_int_equal(ms->kind_used, MEASURE_HYBRID);
    assert_int_equal(ms->status, MEASURE_ATTESTATION_REQUIRED);
    assert_true(ms->overdue);
    fx_attest(f, "attestations:\n  - {measure: M5.03, status: implemented}\n");
    ms = fx_eval(f, 2, "2026-01-01", NULL, 0, "M5.03");
    assert_int_equal(ms->status, MEASURE_MET);
    assert_false(ms->overdue);
    f->verdicts[r1][I_BACKUP] = VERDICT_UNKNOWN;
    ms = fx_eval(f, 2, "2026-01-01", NULL, 0, "M5.03");
    assert_int_equal(ms->status, MEASURE_PARTIAL);
    f->verdicts[r1][I_BACKUP] = VERDICT_FAIL;
    ms = fx_eval(f, 2, "2026-01-01", NULL, 0, "M5.03");
    assert_int_equal(ms->status, MEASURE_NOT_MET);
    /* A fail needs no attestation to be not met. */
    attest_init_empty(&f->at);
    ms = fx_eval(f, 2, "2026-01-01", NULL, 0, "M5.03");
    assert_int_equal(ms->status, MEASURE_NOT_MET);
    /* Checks pass, attestation partial: partial. */
    f->verdicts[r1][I_BACKUP] = VERDICT_PASS;
    fx_attest(f, "attestations:\n  - {measure: M5.03, status: partial}\n");
    ms = fx_eval(f, 2, "2026-01-01", NULL, 0, "M5.03");
    assert_int_equal(ms->status, MEASURE_PARTIAL);
    fx_free(f);
}

static void test_kind_follows_check_table(void **state)
{
    (void)state;
    struct fixture *f = fx_new();
    size_t r1 = fx_device(f, "r1");
    f->verdicts[r1][I_ODD] = VERDICT_FAIL;
    /* Catalogue says attestation, but a check evidences it: assessed as hybrid. */
    const struct measure_status *ms = fx_eval(f, 2, "2026-01-01", NULL, 0, "M5.06");
    assert_int_equal(ms->measure->kind, MEASURE_ATTESTATION);
    assert_int_equal(ms->kind_used, MEASURE_HYBRID);
    assert_int_equal(ms->status, MEASURE_NOT_MET);
    assert_non_null(strstr(ms->reason, "assessed as hybrid"));
    /* Catalogue says hybrid, but no check in this table evidences it. */
    ms = fx_eval(f, 2, "2026-01-01", NULL, 0, "M1.01");
    assert_int_equal(ms->kind_used, MEASURE_ATTESTATION);
    assert_int_equal(ms->status, MEASURE_ATTESTATION_REQUIRED);
    fx_free(f);
}

static void test_no_devices(void **state)
{
    (void)state;
    struct fixture *f = fx_new();
    /* Nothing scanned: an automated measure has no evidence yet. */
    const struct measure_status *ms = fx_eval(f, 2, "2026-01-01", NULL, 0, "M2.04");
    assert_int_equal(ms->status, MEASURE_ATTESTATION_REQUIRED);
    assert_non_null(strstr(ms->reason, "no device evidence"));
    fx_attest(f, "attestations:\n  - {measure: M2.04, status: implemented}\n");
    ms = fx_eval(f, 2, "2026-01-01", NULL, 0, "M2.04");
    assert_int_equal(ms->status, MEASURE_MET);
    fx_free(f);
}

static void test_fleet_findings(void **state)
{
    (void)state;
    struct fixture *f = fx_new();
    fx_device(f, "r1");
    fx_device(f, "r2");
    char *devices[] = {"r1", "r2"};
    uint32_t lines[] = {10, 12};
    struct fleet_finding ff = {.check = &c_fleet,
                               .verdict = VERDICT_FAIL,
                               .message = "shared local-user-hash",
                               .devices = devices,
                               .lines = lines,
                               .ndevices = 2};
    const struct measure_status *ms = fx_eval(f, 2, "2026-01-01", &ff, 1, "M6.04");
    assert_int_equal(ms->status, MEASURE_NOT_MET);
    assert_int_equal(ms->nfail, 2);
    assert_int_equal(ms->nfindings, 2);
    assert_true(ms->findings[0].fleet);
    assert_string_equal(ms->findings[1].device, "r2");
    assert_false(ms->overdue); /* section 6: deadline unknown */
    /* A current waiver covering those devices turns them into waived. */
    fx_attest(f, "waivers:\n  - {check: T-FLEET, devices: \"r*\", reason: r, expires: "
                 "2026-06-30}\n");
    ms = fx_eval(f, 2, "2026-01-01", &ff, 1, "M6.04");
    assert_int_equal(ms->status, MEASURE_MET);
    assert_int_equal(ms->nwaived, 2);
    /* Expired: fails again, and the waiver is listed as expired. */
    ms = fx_eval(f, 2, "2026-07-01", &ff, 1, "M6.04");
    assert_int_equal(ms->status, MEASURE_NOT_MET);
    assert_int_equal(f->r.nexpired_waivers, 1);
    fx_free(f);
}

static void test_fleet_verdicts_in_summaries(void **state)
{
    (void)state;
    struct fixture *f = fx_new();
    size_t r1 = fx_device(f, "r1"), r2 = fx_device(f, "r2"), r3 = fx_device(f, "r3");
    /* As the fleet stage writes them: pass where nothing is shared. */
    f->verdicts[r1][I_FLEET] = VERDICT_PASS;
    f->verdicts[r2][I_FLEET] = VERDICT_PASS;
    f->verdicts[r3][I_FLEET] = VERDICT_PASS;
    const struct measure_status *ms = fx_eval(f, 2, "2026-01-01", NULL, 0, "M6.04");
    assert_int_equal(ms->status, MEASURE_MET);
    assert_int_equal(ms->ndevices, 3);
    /* The summaries already say fail for the devices a finding names: no double count. */
    f->verdicts[r1][I_FLEET] = VERDICT_FAIL;
    f->verdicts[r2][I_FLEET] = VERDICT_FAIL;
    char *devices[] = {"r1", "r2", "gone"};
    uint32_t lines[] = {3, 4, 5};
    struct fleet_finding ff = {.check = &c_fleet,
                               .verdict = VERDICT_FAIL,
                               .message = "m",
                               .devices = devices,
                               .lines = lines,
                               .ndevices = 2};
    ms = fx_eval(f, 2, "2026-01-01", &ff, 1, "M6.04");
    assert_int_equal(ms->status, MEASURE_NOT_MET);
    assert_int_equal(ms->nfail, 2);
    assert_int_equal(ms->npass, 1);
    /* A named device the summaries lack still counts as a fail. */
    ff.ndevices = 3;
    ms = fx_eval(f, 2, "2026-01-01", &ff, 1, "M6.04");
    assert_int_equal(ms->nfail, 3);
    assert_string_equal(ms->findings[ms->nfindings - 1].device, "r2");
    bool gone = false;
    for (size_t i = 0; i < ms->nfindings; i++)
        gone |= strcmp(ms->findings[i].device, "gone") == 0 && ms->findings[i].fleet;
    assert_true(gone);
    /* A finding overrides a summary that had not been updated. */
    f->verdicts[r1][I_FLEET] = VERDICT_PASS;
    ff.ndevices = 1;
    ms = fx_eval(f, 2, "2026-01-01", &ff, 1, "M6.04");
    assert_int_equal(ms->nfail, 2); /* r1 from the finding, r2 from its summary */
    fx_free(f);
}

static void test_findings_cap(void **state)
{
    (void)state;
    struct fixture *f = fx_new();
    static char names[60][8];
    for (int i = 0; i < 60; i++) {
        snprintf(names[i], sizeof(names[i]), "d%d", i);
        size_t k = fx_device(f, names[i]);
        f->verdicts[k][I_MGMT] = VERDICT_FAIL;
    }
    const struct measure_status *ms = fx_eval(f, 2, "2026-01-01", NULL, 0, "M2.04");
    assert_int_equal(ms->nfindings, COMPLIANCE_MAX_FINDINGS);
    assert_int_equal(ms->total_findings, 60);
    assert_int_equal(ms->nfail, 60);
    fx_free(f);
}

static void test_counts_and_due_next(void **state)
{
    (void)state;
    struct fixture *f = fx_new();
    size_t r1 = fx_device(f, "r1");
    f->verdicts[r1][I_MGMT] = VERDICT_PASS;
    fx_eval(f, 2, "2025-01-01", NULL, 0, "M2.04");
    const struct compliance_result *r = &f->r;
    assert_int_equal(r->n, 258);
    assert_int_equal(r->totals.total, 258);
    size_t sum = 0;
    for (int s = 0; s < MEASURE_STATUS_COUNT; s++)
        sum += r->totals.by_status[s];
    assert_int_equal(sum, 258);
    sum = 0;
    for (size_t s = 0; s < r->nsections; s++)
        sum += r->sections[s].counts.total;
    assert_int_equal(sum, 258);
    assert_int_equal(r->nsections, 21);
    assert_int_equal(r->sections[1].section, 2);
    assert_int_equal(r->sections[1].counts.total, 6);
    /* Before the tier 2 dates: sections 1-5 and section 10 (new contracts) not yet due. */
    assert_int_equal(r->totals.by_status[MEASURE_NOT_YET_DUE], 46 + 54);
    assert_int_equal(r->totals.overdue, 0);
    assert_true(r->ndue_next >= 2);
    assert_int_equal(r->due_next[0].date, day("2025-03-31"));
    assert_int_equal(r->due_next[0].nmeasures, 100);
    assert_true(r->due_next[0].verified);
    assert_int_equal(r->due_next[1].date, day("2027-03-31"));
    assert_int_equal(r->due_next[1].nmeasures, 54);
    /* Regulation 8 has measures, among them M2.04 (met here). */
    bool reg8 = false;
    for (size_t i = 0; i < r->nregulations; i++) {
        assert_true(r->regulations[i].regulation >= 1 && r->regulations[i].regulation <= 15);
        if (r->regulations[i].regulation == 8) {
            reg8 = true;
            assert_true(r->regulations[i].counts.total > 50);
        }
    }
    assert_true(reg8);
    /* Contract-based: due for new contracts, all contracts later. */
    const struct measure_status *ms = &r->v[catalog_index(f->c, catalog_find(f->c, "M10.01"))];
    assert_string_equal(ms->deadline_trigger, "contract");
    assert_true(ms->due_all_known);
    assert_int_equal(ms->due_all, day("2027-03-31"));
    fx_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_automated_met_and_not_met),
        cmocka_unit_test(test_partial_and_not_applicable),
        cmocka_unit_test(test_waived_counts_as_met),
        cmocka_unit_test(test_excluded_devices_skipped),
        cmocka_unit_test(test_deadline_edges),
        cmocka_unit_test(test_unknown_deadline_never_overdue),
        cmocka_unit_test(test_attestation_measures),
        cmocka_unit_test(test_hybrid_needs_both),
        cmocka_unit_test(test_kind_follows_check_table),
        cmocka_unit_test(test_no_devices),
        cmocka_unit_test(test_fleet_findings),
        cmocka_unit_test(test_fleet_verdicts_in_summaries),
        cmocka_unit_test(test_findings_cap),
        cmocka_unit_test(test_counts_and_due_next),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
