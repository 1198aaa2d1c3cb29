/*
 * The history database: a round trip, diffs of hand-made pairs of runs, a
 * writer killed half-way, two writers at once, and migration from the
 * first schema version.
 */
#include "testutil.h"

#include "store/store_int.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *const measures_x[] = {"M1.01", NULL};
static struct check_def check_x = {.id = "T-CHECK-X",
                                   .title = "x",
                                   .category = "test",
                                   .severity = SEV_HIGH,
                                   .measures = measures_x,
                                   .source = "test"};
static struct check_def check_y = {
    .id = "T-CHECK-Y", .title = "y", .category = "test", .severity = SEV_LOW, .source = "test"};

static char dbpath[256];

static void fresh_db(void)
{
    snprintf(dbpath, sizeof(dbpath), "/tmp/tsaudit-store-test-%ld.db", (long)getpid());
    unlink(dbpath);
    char side[300];
    snprintf(side, sizeof(side), "%s-wal", dbpath);
    unlink(side);
    snprintf(side, sizeof(side), "%s-shm", dbpath);
    unlink(side);
}

static struct report_run make_run(const char *id)
{
    struct report_run r;
    memset(&r, 0, sizeof(r));
    snprintf(r.run_id, sizeof(r.run_id), "%s", id);
    r.tool_version = "test";
    r.started = "2026-11-29T10:00:00Z";
    r.finished = "2026-11-29T10:01:00Z";
    date_parse("2026-11-29", &r.as_of);
    r.tier = 2;
    r.code_edition = "2026";
    return r;
}

/* A device with verdicts for T-CHECK-X and T-CHECK-Y and one evidence line. */
struct fake_device {
    struct device_result d;
    struct check_result r[2];
    struct evidence ev;
    struct sv secret;
};

static void fake(struct fake_device *f, const char *path, const char *host, enum verdict x,
                 enum verdict y)
{
    memset(f, 0, sizeof(*f));
    f->d.file = path;
    f->d.relpath = path;
    f->d.hostname = host;
    f->d.dialect = DIALECT_CISCO_IOS;
    f->ev = (struct evidence){.line = 7,
                              .text = "snmp-server community S3cr3tCommunity RW",
                              .len = (uint32_t)strlen("snmp-server community S3cr3tCommunity RW")};
    f->secret = SV_LIT("S3cr3tCommunity");
    f->d.secrets = &f->secret;
    f->d.nsecrets = 1;
    f->r[0] = (struct check_result){.check = &check_x, .verdict = x, .message = "x says so"};
    if (x == VERDICT_FAIL) {
        f->r[0].evidence = &f->ev;
        f->r[0].nevidence = 1;
    }
    f->r[1] = (struct check_result){.check = &check_y, .verdict = y, .message = "y says so"};
    f->d.results = f->r;
    f->d.nresults = 2;
}

static struct measure measure_m1 = {.id = "M1.01", .section = 1, .title = "a measure"};

static int record(const char *id, struct fake_device *devs, size_t n, enum measure_status_kind m)
{
    struct report_run run = make_run(id);
    struct store_run *s = store_run_begin(dbpath, &run, NULL);
    if (!s)
        return -1;
    struct report_totals t = {0};
    for (size_t i = 0; i < n; i++) {
        if (store_run_device(s, &devs[i].d) != 0)
            return -1;
        t.devices++;
        for (size_t k = 0; k < 2; k++)
            if (devs[i].r[k].verdict == VERDICT_FAIL) {
                t.by_verdict[VERDICT_FAIL]++;
                t.fail_by_severity[devs[i].r[k].check->severity]++;
            }
    }
    struct measure_status ms = {.measure = &measure_m1, .status = m, .reason = "test"};
    struct compliance_result cr = {.v = &ms, .n = 1};
    return store_run_finish(s, NULL, 0, &cr, &t);
}

static void setup_checks(void)
{
    static bool done;
    if (done)
        return;
    checks_register(&check_x);
    checks_register(&check_y);
    done = true;
}

static void test_round_trip(void **state)
{
    (void)state;
    setup_checks();
    fresh_db();
    struct fake_device d[2];
    fake(&d[0], "core/r1.cfg", "r1", VERDICT_FAIL, VERDICT_PASS);
    fake(&d[1], "core/r2.cfg", "r2", VERDICT_PASS, VERDICT_NOT_APPLICABLE);
    assert_int_equal(record("run-1", d, 2, MEASURE_NOT_MET), 0);

    struct store_run_row *rows;
    size_t n;
    assert_int_equal(store_list_runs(dbpath, &rows, &n), 0);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].uuid, "run-1");
    assert_int_equal(rows[0].devices, 2);
    assert_int_equal(rows[0].fails, 1);
    assert_int_equal(rows[0].fails_by_severity[1], 1); /* high */
    assert_int_equal(rows[0].tier, 2);
    store_run_rows_free(rows, n);

    /* Evidence is stored redacted: the community never reaches the file. */
    sqlite3 *db = store_open(dbpath, false, 0);
    assert_non_null(db);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT text FROM evidence", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    const char *text = (const char *)sqlite3_column_text(st, 0);
    assert_null(strstr(text, "S3cr3tCommunity"));
    assert_non_null(strstr(text, "<redacted"));
    sqlite3_finalize(st);
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
    sqlite3_finalize(st);
    sqlite3_close(db);
}

static const struct store_change *find_change(const struct store_change *v, size_t n,
                                              const char *device, const char *item)
{
    for (size_t i = 0; i < n; i++)
        if ((!device || (v[i].device && !strcmp(v[i].device, device))) && !strcmp(v[i].item, item))
            return &v[i];
    return NULL;
}

static void test_diff_pairs(void **state)
{
    (void)state;
    setup_checks();
    fresh_db();
    /* Run A: r1 fails X, r2 passes X, r3 exists, still fails Y on r5. */
    struct fake_device a[4];
    fake(&a[0], "r1.cfg", "r1", VERDICT_FAIL, VERDICT_PASS);
    fake(&a[1], "r2.cfg", "r2", VERDICT_PASS, VERDICT_PASS);
    fake(&a[2], "r3.cfg", "r3", VERDICT_PASS, VERDICT_PASS);
    fake(&a[3], "r5.cfg", "r5", VERDICT_PASS, VERDICT_FAIL);
    assert_int_equal(record("run-a", a, 4, MEASURE_MET), 0);
    /* Run B: r1 fixed, r2 broken, r3 removed, r4 added, r5 still failing. */
    struct fake_device b[4];
    fake(&b[0], "r1.cfg", "r1", VERDICT_PASS, VERDICT_PASS);
    fake(&b[1], "r2.cfg", "r2", VERDICT_FAIL, VERDICT_PASS);
    fake(&b[2], "r4.cfg", "r4", VERDICT_PASS, VERDICT_PASS);
    fake(&b[3], "r5.cfg", "r5", VERDICT_PASS, VERDICT_FAIL);
    assert_int_equal(record("run-b", b, 4, MEASURE_NOT_MET), 0);

    struct store_diff d;
    assert_int_equal(store_diff_runs(dbpath, NULL, NULL, &d), 0);
    assert_string_equal(d.a.uuid, "run-a");
    assert_string_equal(d.b.uuid, "run-b");
    assert_int_equal(d.nadded, 1);
    assert_string_equal(d.added[0].device, "r4.cfg");
    assert_int_equal(d.nremoved, 1);
    assert_string_equal(d.removed[0].device, "r3.cfg");
    assert_int_equal(d.nnew_fail, 1);
    const struct store_change *c = find_change(d.new_fail, d.nnew_fail, "r2.cfg", "T-CHECK-X");
    assert_non_null(c);
    assert_string_equal(c->from, "pass");
    assert_string_equal(c->severity, "high");
    assert_int_equal(d.nfixed, 1);
    c = find_change(d.fixed, d.nfixed, "r1.cfg", "T-CHECK-X");
    assert_non_null(c);
    assert_string_equal(c->to, "pass");
    assert_int_equal(d.nstill_failing, 1);
    assert_non_null(find_change(d.still_failing, d.nstill_failing, "r5.cfg", "T-CHECK-Y"));
    assert_int_equal(d.nmeasures, 1);
    assert_string_equal(d.measures[0].item, "M1.01");
    assert_string_equal(d.measures[0].from, "met");
    assert_string_equal(d.measures[0].to, "not_met");
    store_diff_free(&d);

    /* By id, in either order; an unknown run is a clean error. */
    assert_int_equal(store_diff_runs(dbpath, "2", "1", &d), 0);
    assert_int_equal(d.nfixed, 1);
    assert_non_null(find_change(d.fixed, d.nfixed, "r2.cfg", "T-CHECK-X"));
    store_diff_free(&d);
    diag_set_quiet(true);
    assert_int_equal(store_diff_runs(dbpath, "99", NULL, &d), -1);
    diag_set_quiet(false);
}

static void test_killed_writer(void **state)
{
    (void)state;
    setup_checks();
    fresh_db();
    struct fake_device a[1];
    fake(&a[0], "r1.cfg", "r1", VERDICT_FAIL, VERDICT_PASS);
    assert_int_equal(record("complete-run", a, 1, MEASURE_MET), 0);

    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        /* A scan that dies with SIGKILL half-way through its devices:
         * one batch committed, the next one in an open transaction. */
        struct report_run run = make_run("killed-run");
        struct store_run *s = store_run_begin(dbpath, &run, NULL);
        if (!s)
            _exit(3);
        struct fake_device f;
        fake(&f, "big.cfg", "big", VERDICT_FAIL, VERDICT_FAIL);
        for (int i = 0; i < 400; i++)
            store_run_device(s, &f.d);
        raise(SIGKILL);
        _exit(4);
    }
    int status;
    waitpid(pid, &status, 0);
    assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

    sqlite3 *db = store_open(dbpath, false, 0);
    assert_non_null(db);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
    sqlite3_finalize(st);
    /* The killed run is there, but not complete. */
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT complete FROM runs WHERE uuid = 'killed-run'",
                                        -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 0);
    sqlite3_finalize(st);
    sqlite3_close(db);

    struct store_run_row *rows;
    size_t n;
    assert_int_equal(store_list_runs(dbpath, &rows, &n), 0);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].uuid, "complete-run");
    assert_int_equal(rows[0].devices, 1);
    store_run_rows_free(rows, n);

    /* The next writer removes the killed run (its process is gone) and says so. */
    assert_int_equal(record("after-kill", a, 1, MEASURE_MET), 0);
    db = store_open(dbpath, false, 0);
    assert_non_null(db);
    assert_int_equal(
        sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM runs WHERE complete = 0", -1, &st, NULL),
        SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 0);
    sqlite3_finalize(st);
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT COUNT(*) FROM devices WHERE run_id NOT IN "
                                        "(SELECT id FROM runs)",
                                        -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 0); /* its devices went with it */
    sqlite3_finalize(st);
    sqlite3_close(db);
}

/* A run still being written by a live process is left alone. */
static void test_live_writer_kept(void **state)
{
    (void)state;
    setup_checks();
    fresh_db();
    int go[2], ready[2];
    assert_int_equal(pipe(go), 0);
    assert_int_equal(pipe(ready), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        /* One committed batch of devices, then wait with the run incomplete. */
        struct report_run run = make_run("in-progress");
        struct store_run *s = store_run_begin(dbpath, &run, NULL);
        struct fake_device f;
        fake(&f, "r1.cfg", "r1", VERDICT_PASS, VERDICT_PASS);
        for (int i = 0; s && i < 256; i++)
            store_run_device(s, &f.d);
        char c = s ? 'y' : 'n';
        if (write(ready[1], &c, 1) != 1 || read(go[0], &c, 1) != 1)
            _exit(3);
        struct report_totals t = {.devices = 256};
        _exit(s && store_run_finish(s, NULL, 0, NULL, &t) == 0 ? 0 : 1);
    }
    char c;
    assert_int_equal(read(ready[0], &c, 1), 1);
    assert_int_equal(c, 'y');
    /* Another writer starts meanwhile: the live run is not removed. */
    struct fake_device a[1];
    fake(&a[0], "r2.cfg", "r2", VERDICT_PASS, VERDICT_PASS);
    assert_int_equal(record("other", a, 1, MEASURE_MET), 0);
    assert_int_equal(write(go[1], "g", 1), 1);
    int status;
    waitpid(pid, &status, 0);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    struct store_run_row *rows;
    size_t n;
    assert_int_equal(store_list_runs(dbpath, &rows, &n), 0);
    assert_int_equal(n, 2);
    store_run_rows_free(rows, n);
    for (int i = 0; i < 2; i++) {
        close(go[i]);
        close(ready[i]);
    }
}

static void test_two_writers(void **state)
{
    (void)state;
    setup_checks();
    fresh_db();
    /* Create the schema first so both children only write runs. */
    sqlite3 *db = store_open(dbpath, true, 0);
    assert_non_null(db);
    sqlite3_close(db);
    pid_t kids[2];
    for (int k = 0; k < 2; k++) {
        kids[k] = fork();
        assert_true(kids[k] >= 0);
        if (kids[k] == 0) {
            struct fake_device *devs = calloc(600, sizeof(*devs));
            char(*names)[32] = calloc(600, 32);
            for (int i = 0; i < 600; i++) {
                snprintf(names[i], 32, "w%d/r%d.cfg", k, i);
                fake(&devs[i], names[i], names[i], i % 3 ? VERDICT_PASS : VERDICT_FAIL,
                     VERDICT_PASS);
            }
            int rc = record(k ? "writer-1" : "writer-0", devs, 600, MEASURE_MET);
            _exit(rc == 0 ? 0 : 1);
        }
    }
    for (int k = 0; k < 2; k++) {
        int status;
        waitpid(kids[k], &status, 0);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
    }
    struct store_run_row *rows;
    size_t n;
    assert_int_equal(store_list_runs(dbpath, &rows, &n), 0);
    assert_int_equal(n, 2);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(rows[i].devices, 600);
        assert_int_equal(rows[i].fails, 200);
    }
    store_run_rows_free(rows, n);
}

static void test_migration_from_v1(void **state)
{
    (void)state;
    setup_checks();
    fresh_db();
    /* A database as the first schema version left it, with one run. */
    sqlite3 *db = store_open(dbpath, true, 1);
    assert_non_null(db);
    assert_int_equal(sqlite3_exec(db,
                                  "INSERT INTO runs (uuid, started, finished, as_of, tier, "
                                  "edition, tool_version, complete, devices, fails) VALUES "
                                  "('old-run', '2025-01-01T00:00:00Z', '2025-01-01T00:01:00Z', "
                                  "'2025-01-01', 1, '2022', '0.0.1', 1, 5, 3)",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_stmt *st;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
    sqlite3_step(st);
    assert_int_equal(sqlite3_column_int(st, 0), 1);
    sqlite3_finalize(st);
    sqlite3_close(db);

    /* Reading migrates it forward; the old run survives. */
    struct store_run_row *rows;
    size_t n;
    assert_int_equal(store_list_runs(dbpath, &rows, &n), 0);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].uuid, "old-run");
    assert_int_equal(rows[0].fails, 3);
    assert_int_equal(rows[0].measures_total, 0);
    store_run_rows_free(rows, n);
    db = store_open(dbpath, false, 0);
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
    sqlite3_step(st);
    assert_int_equal(sqlite3_column_int(st, 0), store_schema_version());
    sqlite3_finalize(st);
    sqlite3_close(db);

    /* And a new run records beside it. */
    struct fake_device d[1];
    fake(&d[0], "r1.cfg", "r1", VERDICT_PASS, VERDICT_PASS);
    assert_int_equal(record("new-run", d, 1, MEASURE_MET), 0);
    assert_int_equal(store_list_runs(dbpath, &rows, &n), 0);
    assert_int_equal(n, 2);
    store_run_rows_free(rows, n);
}

/* A user rule the replaying process never loads, mapped to a framework requirement. */
static const char *const measures_rule[] = {"FW-1", NULL};
static struct check_def check_rule = {
    .id = "T-RULE-UNLOADED",
    .title = "An unloaded rule",
    .category = "User rules",
    .severity = SEV_CRITICAL,
    .rationale = "rules are not loaded by serve",
    .measures = measures_rule,
    .remediation =
        {[DIALECT_UNKNOWN] = "do the generic thing", [DIALECT_CISCO_IOS] = "no ip http server"},
    .source = "rules.yaml"};

struct replay_out {
    const char *path;
    struct report_writer *w;
    size_t devices;
};

static int replay_open_json(void *ctx, const struct report_run *run, const struct catalog **c)
{
    struct replay_out *o = ctx;
    *c = NULL;
    o->w = report_open(REPORT_JSON, o->path, run);
    return o->w ? 0 : -1;
}

static int replay_one(void *ctx, const struct device_result *d)
{
    struct replay_out *o = ctx;
    o->devices++;
    return report_device(o->w, d);
}

/*
 * A run recorded with a rule and a framework replays in a process that has
 * neither: the rule's text comes from the run, the requirements too, and the
 * writers render it (this used to stop the process at check_index()).
 */
static void test_replay_unregistered(void **state)
{
    (void)state;
    setup_checks();
    fresh_db();
    struct fake_device f;
    fake(&f, "edge/r9.cfg", "r9", VERDICT_FAIL, VERDICT_PASS);
    f.r[1] = (struct check_result){
        .check = &check_rule, .verdict = VERDICT_FAIL, .message = "rule says so"};
    struct report_run run = make_run("run-rule");
    struct store_run *s = store_run_begin(dbpath, &run, NULL);
    assert_non_null(s);
    assert_int_equal(store_run_device(s, &f.d), 0);
    struct measure req = {.id = "FW-1",
                          .section = 1,
                          .section_title = "Framework section",
                          .title = "A requirement",
                          .kind = MEASURE_AUTOMATED};
    const struct check_def *req_checks[] = {&check_rule};
    struct measure_status ms = {.measure = &req,
                                .status = MEASURE_NOT_MET,
                                .reason = "failed",
                                .checks = req_checks,
                                .nchecks = 1};
    struct compliance_result cr = {.edition = "FW-TEST", .v = &ms, .n = 1};
    struct report_totals t = {.devices = 1};
    assert_int_equal(store_run_finish(s, NULL, 0, &cr, &t), 0);

    char out[300];
    snprintf(out, sizeof(out), "%s.json", dbpath);
    struct arena a;
    arena_init(&a);
    struct report_run back;
    struct compliance_result rcr;
    struct replay_out o = {.path = out};
    assert_int_equal(
        store_replay_run(dbpath, "run-rule", &a, &back, replay_open_json, replay_one, &o, &rcr), 0);
    assert_int_equal(o.devices, 1);
    assert_int_equal(back.nchecks, 2);
    assert_string_equal(back.checks[1]->title, "An unloaded rule");
    assert_int_equal(back.checks[1]->severity, SEV_CRITICAL);
    assert_string_equal(back.checks[1]->measures[0], "FW-1");
    assert_ptr_equal(back.checks[0], &check_x); /* registered: the build's own definition */
    assert_string_equal(rcr.edition, "FW-TEST");
    assert_int_equal(rcr.n, 1);
    assert_string_equal(rcr.v[0].measure->title, "A requirement");
    assert_string_equal(rcr.v[0].measure->section_title, "Framework section");
    assert_int_equal(rcr.v[0].nchecks, 1);
    assert_int_equal(rcr.nsections, 1);
    assert_int_equal(report_finish(o.w, NULL, 0, &rcr, NULL), 0);

    char *body;
    size_t len;
    assert_int_equal(file_read_all(out, 0, false, &body, &len), 0);
    assert_non_null(strstr(body, "\"T-RULE-UNLOADED\""));
    assert_non_null(strstr(body, "An unloaded rule"));
    assert_non_null(strstr(body, "no ip http server")); /* the IOS remediation of the rule */
    assert_non_null(strstr(body, "\"FW-1\""));
    free(body);
    unlink(out);
    arena_free(&a);
}

/* Another program's database is refused, never changed. */
static void test_foreign_database(void **state)
{
    (void)state;
    fresh_db();
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(dbpath, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, "CREATE TABLE customers (id, name)", NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(raw);
    struct report_run run = make_run("x");
    diag_set_quiet(true);
    assert_null(store_run_begin(dbpath, &run, NULL));
    struct store_run_row *rows;
    size_t n;
    assert_int_equal(store_list_runs(dbpath, &rows, &n), -1);
    diag_set_quiet(false);
    assert_int_equal(sqlite3_open(dbpath, &raw), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(raw,
                                        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'",
                                        -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 1); /* customers only */
    sqlite3_finalize(st);
    sqlite3_close(raw);
}

static void test_bad_database(void **state)
{
    (void)state;
    fresh_db();
    FILE *f = fopen(dbpath, "w");
    fputs("this is not a database, just text that happens to be here\n", f);
    fclose(f);
    struct store_run_row *rows;
    size_t n;
    diag_set_quiet(true);
    assert_int_equal(store_list_runs(dbpath, &rows, &n), -1);
    struct report_run run = make_run("x");
    assert_null(store_run_begin(dbpath, &run, NULL));
    assert_null(store_run_begin("/nonexistent-dir/x.db", &run, NULL));
    diag_set_quiet(false);
    unlink(dbpath);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),          cmocka_unit_test(test_diff_pairs),
        cmocka_unit_test(test_killed_writer),       cmocka_unit_test(test_two_writers),
        cmocka_unit_test(test_migration_from_v1),   cmocka_unit_test(test_bad_database),
        cmocka_unit_test(test_replay_unregistered), cmocka_unit_test(test_live_writer_kept),
        cmocka_unit_test(test_foreign_database),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    fresh_db();
    return rc;
}
