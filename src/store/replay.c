/*
 * replay.c - reading a recorded run back into the shapes the writers take
 * (report_run, device_result, compliance_result), and one device's history
 * across runs. Everything returned lives in the caller's arena.
 */
#include "store/store_int.h"

#include <stdlib.h>
#include <string.h>

static const char *col(struct arena *a, sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? arena_strdup(a, (const char *)t) : NULL;
}

static int32_t col_date(sqlite3_stmt *st, int i, bool *ok)
{
    int32_t d = 0;
    const unsigned char *t = sqlite3_column_text(st, i);
    *ok = t && date_parse((const char *)t, &d);
    return d;
}

/* A definition for a check this build does not have (a rule not loaded now). */
static const struct check_def *stand_in(struct arena *a, const char *id, const char *severity)
{
    struct check_def *c = arena_alloc(a, sizeof(*c));
    c->id = id;
    c->title = arena_printf(a, "%s (not defined in this build)", id);
    c->category = "Recorded";
    c->rationale = "";
    static const char *const none[] = {NULL};
    c->measures = none;
    c->source = "history";
    if (!severity || !severity_from_name(severity, &c->severity))
        c->severity = SEV_MEDIUM;
    return c;
}

static bool load_run(sqlite3 *db, const char *spec, struct arena *a, struct report_run *run,
                     int64_t *id)
{
    sqlite3_stmt *st;
    const char *sql = "SELECT id, uuid, started, finished, as_of, tier, edition, provider, "
                      "profile_path, profile_digest, catalog_digest, tool_version FROM runs "
                      "WHERE complete = 1 AND (uuid = ?1 OR CAST(id AS TEXT) = ?1)";
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(st, 1, spec, -1, SQLITE_TRANSIENT);
    bool found = sqlite3_step(st) == SQLITE_ROW;
    if (found) {
        memset(run, 0, sizeof(*run));
        *id = sqlite3_column_int64(st, 0);
        snprintf(run->run_id, sizeof(run->run_id), "%s", (const char *)sqlite3_column_text(st, 1));
        run->started = col(a, st, 2);
        run->finished = col(a, st, 3);
        bool ok;
        run->as_of = col_date(st, 4, &ok);
        run->tier = sqlite3_column_int(st, 5);
        run->code_edition = col(a, st, 6);
        run->provider_name = col(a, st, 7);
        run->profile_path = col(a, st, 8);
        run->profile_digest = col(a, st, 9);
        run->catalog_digest = col(a, st, 10);
        run->tool_version = col(a, st, 11);
        run->fail_on = SEV_HIGH;
    }
    sqlite3_finalize(st);
    return found;
}

/* Rebuild and hand over each device of the run. */
static int replay_devices(sqlite3 *db, int64_t run_id, struct arena *run_arena,
                          int (*cb)(void *, const struct device_result *), void *ctx)
{
    sqlite3_stmt *dev, *res, *ev, *dg;
    if (sqlite3_prepare_v2(db,
                           "SELECT id, file, relpath, hostname, dialect, os_version, "
                           "content_hash, partial, excluded, unreadable FROM devices "
                           "WHERE run_id = ? ORDER BY id",
                           -1, &dev, NULL) != SQLITE_OK)
        return -1;
    sqlite3_prepare_v2(db,
                       "SELECT id, check_id, verdict, severity, message, waiver FROM results "
                       "WHERE device_id = ? ORDER BY id",
                       -1, &res, NULL);
    sqlite3_prepare_v2(db, "SELECT line, text FROM evidence WHERE result_id = ? ORDER BY rowid", -1,
                       &ev, NULL);
    sqlite3_prepare_v2(db, "SELECT level, line, message FROM diagnostics WHERE device_id = ?", -1,
                       &dg, NULL);
    sqlite3_bind_int64(dev, 1, run_id);
    int rc = 0;
    while (rc == 0 && sqlite3_step(dev) == SQLITE_ROW) {
        struct arena a;
        arena_init(&a);
        struct device_result d;
        memset(&d, 0, sizeof(d));
        int64_t device_id = sqlite3_column_int64(dev, 0);
        d.file = col(&a, dev, 1);
        d.relpath = col(&a, dev, 2);
        d.hostname = col(&a, dev, 3);
        const char *dn = (const char *)sqlite3_column_text(dev, 4);
        if (dn)
            dialect_from_name(dn, &d.dialect);
        d.os_version = col(&a, dev, 5);
        const char *hash = (const char *)sqlite3_column_text(dev, 6);
        if (hash)
            snprintf(d.content_hash, sizeof(d.content_hash), "%s", hash);
        d.partial = sqlite3_column_int(dev, 7);
        d.excluded = sqlite3_column_int(dev, 8);
        d.unreadable = sqlite3_column_int(dev, 9);

        size_t ndiag = 0, capd = 0;
        struct cfg_diag *diags = NULL;
        sqlite3_bind_int64(dg, 1, device_id);
        while (sqlite3_step(dg) == SQLITE_ROW) {
            if (ndiag == capd) {
                size_t nc = capd ? capd * 2 : 8;
                diags = arena_grow(&a, diags, ndiag, nc, sizeof(*diags));
                capd = nc;
            }
            const char *lv = (const char *)sqlite3_column_text(dg, 0);
            diags[ndiag].level = lv && !strcmp(lv, "error")     ? DIAG_ERROR
                                 : lv && !strcmp(lv, "warning") ? DIAG_WARNING
                                                                : DIAG_NOTE;
            diags[ndiag].line = (uint32_t)sqlite3_column_int(dg, 1);
            diags[ndiag].msg = col(&a, dg, 2);
            ndiag++;
        }
        sqlite3_reset(dg);
        d.diags = diags;
        d.ndiags = (uint32_t)ndiag;

        size_t nres = 0, capr = 0;
        struct check_result *results = NULL;
        sqlite3_bind_int64(res, 1, device_id);
        while (sqlite3_step(res) == SQLITE_ROW) {
            if (nres == capr) {
                size_t nc = capr ? capr * 2 : 64;
                results = arena_grow(&a, results, nres, nc, sizeof(*results));
                capr = nc;
            }
            struct check_result *r = &results[nres++];
            memset(r, 0, sizeof(*r));
            const char *id = col(&a, res, 1);
            const char *sev = (const char *)sqlite3_column_text(res, 3);
            r->check = check_find(id);
            if (!r->check)
                r->check = stand_in(run_arena, arena_strdup(run_arena, id), sev);
            const char *v = (const char *)sqlite3_column_text(res, 2);
            if (!v || !verdict_from_name(v, &r->verdict))
                r->verdict = VERDICT_UNKNOWN;
            r->message = col(&a, res, 4);
            r->waiver = col(&a, res, 5);
            r->remediation = r->check->remediation[d.dialect] ? r->check->remediation[d.dialect]
                                                              : r->check->remediation[0];
            size_t nev = 0, cape = 0;
            sqlite3_bind_int64(ev, 1, sqlite3_column_int64(res, 0));
            while (sqlite3_step(ev) == SQLITE_ROW) {
                if (nev == cape) {
                    size_t nc = cape ? cape * 2 : 4;
                    r->evidence = arena_grow(&a, r->evidence, nev, nc, sizeof(*r->evidence));
                    cape = nc;
                }
                r->evidence[nev].line = (uint32_t)sqlite3_column_int(ev, 0);
                r->evidence[nev].text = col(&a, ev, 1);
                r->evidence[nev].len = (uint32_t)strlen(r->evidence[nev].text);
                nev++;
            }
            sqlite3_reset(ev);
            r->nevidence = (uint32_t)nev;
        }
        sqlite3_reset(res);
        d.results = results;
        d.nresults = nres;
        rc = cb(ctx, &d);
        arena_free(&a);
    }
    sqlite3_finalize(dev);
    sqlite3_finalize(res);
    sqlite3_finalize(ev);
    sqlite3_finalize(dg);
    return rc;
}

static void replay_measures(sqlite3 *db, int64_t run_id, const struct catalog *c, struct arena *a,
                            const struct report_run *run, struct compliance_result *cr)
{
    memset(cr, 0, sizeof(*cr));
    cr->edition = run->code_edition;
    cr->tier = run->tier;
    cr->as_of = run->as_of;
    if (!c)
        return;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db,
                           "SELECT measure_id, status, overdue, due, reason FROM measures WHERE "
                           "run_id = ? ORDER BY section, measure_id",
                           -1, &st, NULL) != SQLITE_OK)
        return;
    sqlite3_bind_int64(st, 1, run_id);
    size_t cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const struct measure *m = catalog_find(c, (const char *)sqlite3_column_text(st, 0));
        enum measure_status_kind k;
        const char *sv = (const char *)sqlite3_column_text(st, 1);
        if (!m || !sv || !measure_status_from_name(sv, &k))
            continue;
        if (cr->n == cap) {
            size_t nc = cap ? cap * 2 : 64;
            cr->v = arena_grow(a, cr->v, cr->n, nc, sizeof(*cr->v));
            cap = nc;
        }
        struct measure_status *ms = &cr->v[cr->n++];
        memset(ms, 0, sizeof(*ms));
        ms->measure = m;
        ms->status = ms->assessed = k;
        ms->overdue = sqlite3_column_int(st, 2);
        ms->due = col_date(st, 3, &ms->due_known);
        ms->reason = col(a, st, 4);
        ms->applies = k != MEASURE_NOT_APPLICABLE;
        ms->kind_used = m->kind;
        cr->totals.total++;
        cr->totals.by_status[k]++;
        cr->totals.overdue += ms->overdue;
    }
    sqlite3_finalize(st);
    /* Section counts, in catalogue order. */
    cr->nsections = catalog_section_count(c);
    cr->sections = arena_alloc(a, (cr->nsections ? cr->nsections : 1) * sizeof(*cr->sections));
    for (size_t i = 0; i < cr->nsections; i++) {
        const struct catalog_section *s = catalog_section(c, i);
        cr->sections[i].section = s->number;
        cr->sections[i].title = s->title;
    }
    for (size_t i = 0; i < cr->n; i++)
        for (size_t k = 0; k < cr->nsections; k++)
            if (cr->sections[k].section == cr->v[i].measure->section) {
                cr->sections[k].counts.total++;
                cr->sections[k].counts.by_status[cr->v[i].status]++;
                cr->sections[k].counts.overdue += cr->v[i].overdue;
            }
}

int store_replay_run(const char *db_path, const char *run_spec, struct arena *a,
                     struct report_run *run,
                     int (*open_cb)(void *ctx, const struct report_run *run,
                                    const struct catalog **catalog),
                     int (*device_cb)(void *ctx, const struct device_result *d), void *ctx,
                     struct compliance_result *cr)
{
    sqlite3 *db = store_open(db_path, false, 0);
    if (!db)
        return -1;
    int64_t id;
    if (!load_run(db, run_spec, a, run, &id)) {
        diag_report(DIAG_ERROR, db_path, 0, "no complete run '%s'", run_spec);
        sqlite3_close(db);
        return -1;
    }
    const struct catalog *c = NULL;
    int rc = open_cb(ctx, run, &c);
    if (rc == 0)
        rc = replay_devices(db, id, a, device_cb, ctx);
    if (rc == 0)
        replay_measures(db, id, c, a, run, cr);
    sqlite3_close(db);
    return rc ? -1 : 0;
}

int store_device_history(const char *db_path, const char *device, struct store_device_row **rows,
                         size_t *n)
{
    *rows = NULL;
    *n = 0;
    sqlite3 *db = store_open(db_path, false, 0);
    if (!db)
        return -1;
    sqlite3_stmt *st;
    const char *sql =
        "SELECT r.id, r.started, d.hostname, "
        " (SELECT COUNT(*) FROM results x WHERE x.device_id = d.id AND x.verdict = 'fail'), "
        " (SELECT COUNT(*) FROM results x WHERE x.device_id = d.id AND x.verdict = 'pass'), "
        " (SELECT COUNT(*) FROM results x WHERE x.device_id = d.id AND x.verdict IN "
        "   ('unknown', 'needs_context')), "
        " (SELECT group_concat(check_id, ', ') FROM (SELECT check_id FROM results x "
        "   WHERE x.device_id = d.id AND x.verdict = 'fail' ORDER BY check_id)) "
        "FROM devices d JOIN runs r ON r.id = d.run_id "
        "WHERE r.complete = 1 AND COALESCE(d.relpath, d.file) = ? ORDER BY r.id";
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        store_db_error(db, db_path, "cannot read device history");
        sqlite3_close(db);
        return -1;
    }
    sqlite3_bind_text(st, 1, device, -1, SQLITE_TRANSIENT);
    size_t cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            *rows = xrealloc(*rows, cap * sizeof(**rows));
        }
        struct store_device_row *r = &(*rows)[(*n)++];
        r->run_id = sqlite3_column_int64(st, 0);
        const unsigned char *t;
        r->started = (t = sqlite3_column_text(st, 1)) ? xstrdup((const char *)t) : NULL;
        r->hostname = (t = sqlite3_column_text(st, 2)) ? xstrdup((const char *)t) : NULL;
        r->fails = sqlite3_column_int64(st, 3);
        r->passes = sqlite3_column_int64(st, 4);
        r->unknowns = sqlite3_column_int64(st, 5);
        r->failing = (t = sqlite3_column_text(st, 6)) ? xstrdup((const char *)t) : NULL;
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return 0;
}

void store_device_rows_free(struct store_device_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(rows[i].started);
        free(rows[i].hostname);
        free(rows[i].failing);
    }
    free(rows);
}

int store_latest_devices(const char *db_path, struct store_device_ref **rows, size_t *n)
{
    *rows = NULL;
    *n = 0;
    sqlite3 *db = store_open(db_path, false, 0);
    if (!db)
        return -1;
    sqlite3_stmt *st;
    const char *sql =
        "SELECT COALESCE(d.relpath, d.file), d.hostname, "
        " (SELECT COUNT(*) FROM results x WHERE x.device_id = d.id AND x.verdict = 'fail') AS f "
        "FROM devices d WHERE d.run_id = (SELECT MAX(id) FROM runs WHERE complete = 1) "
        "ORDER BY f DESC, 1 LIMIT 5000";
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        store_db_error(db, db_path, "cannot read devices");
        sqlite3_close(db);
        return -1;
    }
    size_t cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 32;
            *rows = xrealloc(*rows, cap * sizeof(**rows));
        }
        struct store_device_ref *r = &(*rows)[(*n)++];
        const unsigned char *t;
        r->path = (t = sqlite3_column_text(st, 0)) ? xstrdup((const char *)t) : xstrdup("");
        r->hostname = (t = sqlite3_column_text(st, 1)) ? xstrdup((const char *)t) : NULL;
        r->fails = sqlite3_column_int64(st, 2);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return 0;
}

void store_device_refs_free(struct store_device_ref *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(rows[i].path);
        free(rows[i].hostname);
    }
    free(rows);
}
