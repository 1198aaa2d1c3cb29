/*
 * store.c - recording a scan in the SQLite history as it streams.
 *
 * The run row is inserted with complete = 0, devices are written in batches
 * of STORE_BATCH per transaction, and store_run_finish() writes the
 * estate-wide parts and sets complete = 1 in the last transaction. Readers
 * only see complete runs, so a scan killed half-way leaves an incomplete run
 * that no listing shows, and earlier runs are untouched. WAL mode and a busy
 * timeout let two scans record into the same database at once.
 */
#include "store/store_int.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define STORE_BATCH 256
#define STORE_STALE_S (2 * 24 * 3600) /* an incomplete run this old has no live writer */

struct store_run {
    sqlite3 *db;
    char *path;
    const struct report_run *run;
    int64_t run_id;
    size_t in_batch;
    bool in_txn;
    bool failed;
    sqlite3_stmt *ins_device, *ins_result, *ins_evidence, *ins_diag, *ins_check, *ins_rem;
    struct buf clean;
    /* Checks whose text is recorded (run_checks), as an open-addressed set. */
    const struct check_def **seen;
    size_t nseen, seen_cap;
};

static bool exec(struct store_run *s, const char *sql)
{
    if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
        store_db_error(s->db, s->path, "cannot record the run");
        s->failed = true;
        return false;
    }
    return true;
}

static bool prepare(struct store_run *s, sqlite3_stmt **st, const char *sql)
{
    if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK) {
        store_db_error(s->db, s->path, "cannot prepare a statement");
        s->failed = true;
        return false;
    }
    return true;
}

static bool step_done(struct store_run *s, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE) {
        if (!s->failed)
            store_db_error(s->db, s->path, "cannot record the run");
        s->failed = true;
        return false;
    }
    return true;
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

static void free_run(struct store_run *s)
{
    sqlite3_finalize(s->ins_device);
    sqlite3_finalize(s->ins_result);
    sqlite3_finalize(s->ins_evidence);
    sqlite3_finalize(s->ins_diag);
    sqlite3_finalize(s->ins_check);
    sqlite3_finalize(s->ins_rem);
    sqlite3_close(s->db);
    free(s->seen);
    buf_free(&s->clean);
    free(s->path);
    free(s);
}

/* Whether an incomplete run's writer is gone: a process of this host that
 * no longer exists, or (another host, or a run from before writers were
 * recorded) one that started writing more than STORE_STALE_S ago. */
static bool writer_gone(sqlite3_stmt *st, const char *host, time_t now)
{
    const char *h = (const char *)sqlite3_column_text(st, 1);
    if (h && !strcmp(h, host) && sqlite3_column_type(st, 2) == SQLITE_INTEGER) {
        pid_t pid = (pid_t)sqlite3_column_int64(st, 2);
        return pid > 0 && pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH;
    }
    if (sqlite3_column_type(st, 3) == SQLITE_INTEGER)
        return now - (time_t)sqlite3_column_int64(st, 3) > STORE_STALE_S;
    char cutoff[32];
    time_t t = now - STORE_STALE_S;
    struct tm tm;
    strftime(cutoff, sizeof(cutoff), "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
    const char *started = (const char *)sqlite3_column_text(st, 4);
    return started && strcmp(started, cutoff) < 0;
}

/*
 * Remove the runs that scans killed half-way left behind (never shown, but
 * they kept their rows for ever), and say so. Inside the caller's
 * transaction.
 */
static bool remove_dead_runs(struct store_run *s, const char *host)
{
    sqlite3_stmt *st, *del;
    if (!prepare(s, &st,
                 "SELECT id, writer_host, writer_pid, writer_time, started FROM runs "
                 "WHERE complete = 0") ||
        !prepare(s, &del, "DELETE FROM runs WHERE id = ?"))
        return false;
    time_t now = time(NULL);
    struct buf ids;
    buf_init(&ids, 200);
    size_t n = 0;
    bool ok = true;
    while (ok && sqlite3_step(st) == SQLITE_ROW) {
        if (!writer_gone(st, host, now))
            continue;
        sqlite3_int64 id = sqlite3_column_int64(st, 0);
        sqlite3_bind_int64(del, 1, id);
        ok = step_done(s, del);
        buf_printf(&ids, "%s%lld", n++ ? ", " : "", (long long)id);
    }
    sqlite3_finalize(st);
    sqlite3_finalize(del);
    if (ok && n)
        diag_report(DIAG_NOTE, s->path, 0,
                    "removed %zu incomplete run%s left by scans that were interrupted (id %s)", n,
                    n == 1 ? "" : "s", buf_cstr(&ids));
    buf_free(&ids);
    return ok;
}

struct store_run *store_run_begin(const char *db_path, const struct report_run *run,
                                  const struct profile *profile)
{
    (void)profile;
    sqlite3 *db = store_open(db_path, true, 0);
    if (!db)
        return NULL;
    struct store_run *s = xcalloc(1, sizeof(*s));
    s->db = db;
    s->path = xstrdup(db_path);
    s->run = run;
    buf_init(&s->clean, 0);
    char as_of[11];
    date_format(run->as_of, as_of);
    sqlite3_stmt *st;
    char host[256] = "";
    gethostname(host, sizeof(host) - 1);
    if (!exec(s, "BEGIN IMMEDIATE") || !remove_dead_runs(s, host) ||
        !prepare(s, &st,
                 "INSERT INTO runs (uuid, started, as_of, tier, edition, provider, "
                 "profile_path, profile_digest, catalog_digest, tool_version, writer_host, "
                 "writer_pid, writer_time) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
        free_run(s);
        return NULL;
    }
    bind_text(st, 11, host);
    sqlite3_bind_int64(st, 12, (int64_t)getpid());
    sqlite3_bind_int64(st, 13, (int64_t)time(NULL));
    bind_text(st, 1, run->run_id);
    bind_text(st, 2, run->started);
    bind_text(st, 3, as_of);
    if (run->tier)
        sqlite3_bind_int(st, 4, run->tier);
    bind_text(st, 5, run->code_edition);
    bind_text(st, 6, run->provider_name);
    bind_text(st, 7, run->profile_path);
    bind_text(st, 8, run->profile_digest && *run->profile_digest ? run->profile_digest : NULL);
    bind_text(st, 9, run->catalog_digest);
    bind_text(st, 10, run->tool_version);
    bool ok = step_done(s, st);
    sqlite3_finalize(st);
    s->run_id = sqlite3_last_insert_rowid(db);
    if (!ok || !exec(s, "COMMIT") ||
        !prepare(s, &s->ins_device,
                 "INSERT INTO devices (run_id, file, relpath, hostname, dialect, os_version, "
                 "content_hash, partial, excluded, unreadable, not_audited) "
                 "VALUES (?,?,?,?,?,?,?,?,?,?,?)") ||
        !prepare(s, &s->ins_result,
                 "INSERT INTO results (device_id, check_id, verdict, severity, message, waiver) "
                 "VALUES (?,?,?,?,?,?)") ||
        !prepare(s, &s->ins_evidence,
                 "INSERT INTO evidence (result_id, line, text) VALUES (?,?,?)") ||
        !prepare(s, &s->ins_diag,
                 "INSERT INTO diagnostics (device_id, level, line, message) VALUES (?,?,?,?)") ||
        !prepare(s, &s->ins_check,
                 "INSERT INTO run_checks (run_id, position, check_id, title, category, severity, "
                 "rationale, context, measures, source, fleet) VALUES (?,?,?,?,?,?,?,?,?,?,?)") ||
        !prepare(s, &s->ins_rem,
                 "INSERT INTO run_check_remediation (run_id, check_id, dialect, text) "
                 "VALUES (?,?,?,?)")) {
        free_run(s);
        return NULL;
    }
    return s;
}

/* Add c to the set of recorded checks; false when it was there already. */
static bool seen_add(struct store_run *s, const struct check_def *c)
{
    if (2 * (s->nseen + 1) > s->seen_cap) {
        size_t cap = s->seen_cap ? 2 * s->seen_cap : 256;
        const struct check_def **old = s->seen;
        size_t oldcap = s->seen_cap;
        s->seen = xcalloc(cap, sizeof(*s->seen));
        s->seen_cap = cap;
        s->nseen = 0;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i])
                seen_add(s, old[i]);
        free(old);
    }
    size_t i = (size_t)(((uintptr_t)c >> 4) * 0x9E3779B97F4A7C15ull) & (s->seen_cap - 1);
    while (s->seen[i]) {
        if (s->seen[i] == c)
            return false;
        i = (i + 1) & (s->seen_cap - 1);
    }
    s->seen[i] = c;
    s->nseen++;
    return true;
}

/* The remediation texts of a check that is not built in, one row per dialect. */
static bool record_remediation(struct store_run *s, const struct check_def *c)
{
    for (int d = 0; d < DIALECT_COUNT; d++) {
        if (!c->remediation[d])
            continue;
        sqlite3_stmt *st = s->ins_rem;
        sqlite3_bind_int64(st, 1, s->run_id);
        bind_text(st, 2, c->id);
        bind_text(st, 3, d == DIALECT_UNKNOWN ? "" : dialect_name((enum dialect)d));
        bind_text(st, 4, c->remediation[d]);
        if (!step_done(s, st))
            return false;
    }
    return true;
}

/*
 * Record what a replay needs to render a check this build may not have: its
 * text, in the order checks first appear (the order of the run's results).
 * Built-in checks keep only their headline text (the build has the rest);
 * rules keep everything, remediation included.
 */
static bool record_check(struct store_run *s, const struct check_def *c)
{
    if (!c || !seen_add(s, c))
        return true;
    bool builtin = !c->source || !strcmp(c->source, "builtin");
    struct buf ms;
    buf_init(&ms, 0);
    for (size_t i = 0; !builtin && c->measures && c->measures[i]; i++) {
        buf_adds(&ms, i ? "\n" : "");
        buf_adds(&ms, c->measures[i]);
    }
    sqlite3_stmt *st = s->ins_check;
    sqlite3_bind_int64(st, 1, s->run_id);
    sqlite3_bind_int64(st, 2, (int64_t)s->nseen);
    bind_text(st, 3, c->id);
    bind_text(st, 4, c->title);
    bind_text(st, 5, c->category);
    bind_text(st, 6, severity_name(c->severity));
    bind_text(st, 7, builtin ? NULL : c->rationale);
    bind_text(st, 8, builtin ? NULL : c->context);
    bind_text(st, 9, builtin ? NULL : buf_cstr(&ms));
    bind_text(st, 10, c->source);
    sqlite3_bind_int(st, 11, c->scope == CHECK_FLEET);
    bool ok = step_done(s, st) && (builtin || record_remediation(s, c));
    buf_free(&ms);
    return ok;
}

static const char *clean(struct store_run *s, const struct device_result *d, const char *text,
                         size_t len)
{
    return report_clean(s->run, d, text, len, &s->clean);
}

int store_run_device(struct store_run *s, const struct device_result *d)
{
    if (s->failed)
        return -1;
    if (!s->in_txn) {
        if (!exec(s, "BEGIN IMMEDIATE"))
            return -1;
        s->in_txn = true;
    }
    sqlite3_stmt *st = s->ins_device;
    sqlite3_bind_int64(st, 1, s->run_id);
    bind_text(st, 2, d->file);
    bind_text(st, 3, d->relpath);
    if (d->hostname)
        bind_text(st, 4, clean(s, d, d->hostname, strlen(d->hostname)));
    char label[DIALECT_LABEL_MAX];
    bind_text(st, 5, dialect_label(d->dialect, d->platform, label, sizeof(label)));
    bind_text(st, 6, d->os_version);
    bind_text(st, 7, d->content_hash[0] ? d->content_hash : NULL);
    sqlite3_bind_int(st, 8, d->partial);
    sqlite3_bind_int(st, 9, d->excluded);
    sqlite3_bind_int(st, 10, d->unreadable);
    bind_text(st, 11, d->not_audited ? clean(s, d, d->not_audited, strlen(d->not_audited)) : NULL);
    if (!step_done(s, st))
        return -1;
    int64_t device_id = sqlite3_last_insert_rowid(s->db);
    for (uint32_t i = 0; i < d->ndiags; i++) {
        st = s->ins_diag;
        sqlite3_bind_int64(st, 1, device_id);
        bind_text(st, 2,
                  d->diags[i].level == DIAG_ERROR     ? "error"
                  : d->diags[i].level == DIAG_WARNING ? "warning"
                                                      : "note");
        sqlite3_bind_int(st, 3, (int)d->diags[i].line);
        bind_text(st, 4, clean(s, d, d->diags[i].msg, strlen(d->diags[i].msg)));
        if (!step_done(s, st))
            return -1;
    }
    for (size_t i = 0; i < d->nresults; i++) {
        const struct check_result *r = &d->results[i];
        if (!record_check(s, r->check))
            return -1;
        st = s->ins_result;
        sqlite3_bind_int64(st, 1, device_id);
        bind_text(st, 2, r->check->id);
        bind_text(st, 3, verdict_name(r->verdict));
        bind_text(st, 4, severity_name(r->check->severity));
        if (r->message)
            bind_text(st, 5, clean(s, d, r->message, strlen(r->message)));
        bind_text(st, 6, r->waiver);
        if (!step_done(s, st))
            return -1;
        if (r->verdict != VERDICT_FAIL && r->verdict != VERDICT_WAIVED)
            continue; /* evidence is kept for what needs fixing */
        int64_t result_id = sqlite3_last_insert_rowid(s->db);
        for (uint32_t k = 0; k < r->nevidence; k++) {
            st = s->ins_evidence;
            sqlite3_bind_int64(st, 1, result_id);
            sqlite3_bind_int(st, 2, (int)r->evidence[k].line);
            bind_text(st, 3, clean(s, d, r->evidence[k].text, r->evidence[k].len));
            if (!step_done(s, st))
                return -1;
        }
    }
    if (++s->in_batch >= STORE_BATCH) {
        s->in_batch = 0;
        s->in_txn = false;
        if (!exec(s, "COMMIT"))
            return -1;
    }
    return 0;
}

static bool record_estate(struct store_run *s, const struct fleet_finding *ff, size_t nff,
                          const struct compliance_result *cr, const struct report_totals *t)
{
    sqlite3_stmt *st;
    if (!prepare(s, &st,
                 "INSERT INTO fleet (run_id, check_id, verdict, message, devices) "
                 "VALUES (?,?,?,?,?)"))
        return false;
    bool ok = true;
    for (size_t i = 0; i < nff && ok; i++)
        ok = record_check(s, ff[i].check);
    for (size_t i = 0; i < nff && ok; i++) {
        struct buf names;
        buf_init(&names, 0);
        for (size_t k = 0; k < ff[i].ndevices; k++) {
            buf_adds(&names, k ? "\n" : "");
            buf_adds(&names, ff[i].devices[k]);
        }
        sqlite3_bind_int64(st, 1, s->run_id);
        bind_text(st, 2, ff[i].check->id);
        bind_text(st, 3, verdict_name(ff[i].verdict));
        bind_text(st, 4, ff[i].message);
        bind_text(st, 5, buf_cstr(&names));
        ok = step_done(s, st);
        buf_free(&names);
    }
    sqlite3_finalize(st);
    if (!ok)
        return false;

    size_t met = 0;
    if (cr) {
        sqlite3_stmt *am;
        if (!prepare(s, &st,
                     "INSERT INTO measures (run_id, measure_id, section, title, status, "
                     "overdue, due, reason, section_title, kind, checks) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?,?)"))
            return false;
        if (!prepare(s, &am,
                     "INSERT INTO attestations (run_id, measure_id, status, evidence, "
                     "owner, date, expires, expired) VALUES (?,?,?,?,?,?,?,?)")) {
            sqlite3_finalize(st);
            return false;
        }
        for (size_t i = 0; i < cr->n && ok; i++) {
            const struct measure_status *m = &cr->v[i];
            char due[11];
            met += m->status == MEASURE_MET;
            sqlite3_bind_int64(st, 1, s->run_id);
            bind_text(st, 2, m->measure->id);
            sqlite3_bind_int(st, 3, m->measure->section);
            bind_text(st, 4, m->measure->title);
            bind_text(st, 5, measure_status_name(m->status));
            sqlite3_bind_int(st, 6, m->overdue);
            if (m->due_known) {
                date_format(m->due, due);
                bind_text(st, 7, due);
            }
            bind_text(st, 8, m->reason);
            bind_text(st, 9, m->measure->section_title);
            bind_text(st, 10, measure_kind_name(m->kind_used));
            struct buf ids;
            buf_init(&ids, 0);
            for (size_t k = 0; k < m->nchecks; k++) {
                buf_adds(&ids, k ? "\n" : "");
                buf_adds(&ids, m->checks[k]->id);
            }
            bind_text(st, 11, buf_cstr(&ids));
            ok = step_done(s, st);
            buf_free(&ids);
            const struct attestation *at = m->attestation ? m->attestation : m->expired_attestation;
            if (ok && at) {
                char d1[11], d2[11];
                sqlite3_bind_int64(am, 1, s->run_id);
                bind_text(am, 2, m->measure->id);
                bind_text(am, 3, attest_status_name(at->status));
                bind_text(am, 4, at->evidence);
                bind_text(am, 5, at->owner);
                if (at->has_date) {
                    date_format(at->date, d1);
                    bind_text(am, 6, d1);
                }
                if (at->has_expires) {
                    date_format(at->expires, d2);
                    bind_text(am, 7, d2);
                }
                sqlite3_bind_int(am, 8, m->attestation == NULL);
                ok = step_done(s, am);
            }
        }
        sqlite3_finalize(st);
        sqlite3_finalize(am);
        if (!ok)
            return false;
    }

    if (!prepare(s, &st,
                 "UPDATE runs SET finished = ?, complete = 1, devices = ?, fails = ?, "
                 "fails_critical = ?, fails_high = ?, fails_medium = ?, fails_low = ?, "
                 "measures_met = ?, measures_total = ?, framework = ? WHERE id = ?"))
        return false;
    bind_text(st, 1, s->run->finished);
    sqlite3_bind_int64(st, 2, t ? (int64_t)t->devices : 0);
    sqlite3_bind_int64(st, 3, t ? (int64_t)t->by_verdict[VERDICT_FAIL] : 0);
    sqlite3_bind_int64(st, 4, t ? (int64_t)t->fail_by_severity[SEV_CRITICAL] : 0);
    sqlite3_bind_int64(st, 5, t ? (int64_t)t->fail_by_severity[SEV_HIGH] : 0);
    sqlite3_bind_int64(st, 6, t ? (int64_t)t->fail_by_severity[SEV_MEDIUM] : 0);
    sqlite3_bind_int64(
        st, 7, t ? (int64_t)(t->fail_by_severity[SEV_LOW] + t->fail_by_severity[SEV_INFO]) : 0);
    sqlite3_bind_int64(st, 8, (int64_t)met);
    sqlite3_bind_int64(st, 9, cr ? (int64_t)cr->n : 0);
    /* A framework's requirements stand in for the Code's measures. */
    bool framework = cr && cr->edition &&
                     (!s->run->code_edition || strcmp(cr->edition, s->run->code_edition) != 0);
    bind_text(st, 10, framework ? cr->edition : NULL);
    sqlite3_bind_int64(st, 11, s->run_id);
    ok = step_done(s, st);
    sqlite3_finalize(st);
    return ok;
}

int store_run_finish(struct store_run *s, const struct fleet_finding *ff, size_t nff,
                     const struct compliance_result *cr, const struct report_totals *totals)
{
    bool ok = !s->failed;
    if (ok && !s->in_txn) {
        ok = exec(s, "BEGIN IMMEDIATE");
        s->in_txn = ok;
    }
    ok = ok && record_estate(s, ff, nff, cr, totals) && exec(s, "COMMIT");
    if (!ok && s->in_txn)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    free_run(s);
    return ok ? 0 : -1;
}

void store_run_abort(struct store_run *s)
{
    if (s->in_txn)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    free_run(s);
}
