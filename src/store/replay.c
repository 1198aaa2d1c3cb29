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

/* A statement whose one parameter is the run's id; NULL when the database
 * lacks what it reads (a schema from before it was recorded). */
static sqlite3_stmt *prepare_run(sqlite3 *db, const char *sql, int64_t run_id)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_int64(st, 1, run_id);
    return st;
}

/* The checks of a replayed run, in the order of its results. */
struct run_checks {
    const struct check_def **v;
    size_t n, cap;
    size_t cursor; /* where the next result's check most likely is */
};

static void checks_push(struct run_checks *rc, struct arena *a, const struct check_def *c)
{
    if (rc->n == rc->cap) {
        size_t nc = rc->cap ? rc->cap * 2 : 64;
        rc->v = arena_grow(a, rc->v, rc->n, nc, sizeof(*rc->v));
        rc->cap = nc;
    }
    rc->v[rc->n++] = c;
}

/* A check of the run by id: results come in check order, so try the next one first. */
static const struct check_def *checks_lookup(struct run_checks *rc, const char *id)
{
    for (size_t k = 0; id && k < rc->n; k++) {
        size_t i = (rc->cursor + k) % rc->n;
        if (!strcmp(rc->v[i]->id, id)) {
            rc->cursor = i + 1;
            return rc->v[i];
        }
    }
    return NULL;
}

/* The registered check with exactly this id, or NULL. */
static const struct check_def *registered(const char *id)
{
    const struct check_def *c = check_find(id);
    return c && !strcmp(c->id, id) ? c : NULL;
}

/* NULL-terminated list of the lines of s (NULL or empty: none). */
static const char *const *split_lines(struct arena *a, const char *s)
{
    size_t n = 0;
    for (const char *p = s; p && *p; p++)
        n += *p == '\n';
    const char **v = arena_alloc(a, (n + 2) * sizeof(*v));
    size_t k = 0;
    while (s && *s) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        v[k++] = arena_strndup(a, s, len);
        s = nl ? nl + 1 : s + len;
    }
    v[k] = NULL;
    return v;
}

/* A definition for a check this build does not have, from what the run recorded. */
static struct check_def *stand_in(struct arena *a, const char *id, const char *severity)
{
    struct check_def *c = arena_alloc(a, sizeof(*c));
    c->id = arena_strdup(a, id);
    c->title = arena_printf(a, "%s (not defined in this build)", id);
    c->category = "Recorded";
    c->rationale = "";
    c->measures = split_lines(a, NULL);
    c->source = "history";
    if (!severity || !severity_from_name(severity, &c->severity))
        c->severity = SEV_MEDIUM;
    return c;
}

static void load_remediation(sqlite3 *db, int64_t run_id, struct arena *a, struct run_checks *rc)
{
    sqlite3_stmt *st;
    if (!(st = prepare_run(db,
                           "SELECT check_id, dialect, text FROM run_check_remediation "
                           "WHERE run_id = ?",
                           run_id)))
        return;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const struct check_def *c = checks_lookup(rc, (const char *)sqlite3_column_text(st, 0));
        const char *dn = (const char *)sqlite3_column_text(st, 1);
        enum dialect d = DIALECT_UNKNOWN;
        if (!c || strcmp(c->source, "history") != 0 || !dn || (*dn && !dialect_from_name(dn, &d)))
            continue; /* only the stand-ins built here take recorded text */
        ((struct check_def *)c)->remediation[d] = col(a, st, 2);
    }
    sqlite3_finalize(st);
}

/*
 * The run's checks: the registry's definition where this build has the
 * check, else one rebuilt from the text the run recorded (run_checks). A
 * run recorded before that table existed gets stand-ins named after the ids
 * its results hold.
 */
static void load_checks(sqlite3 *db, int64_t run_id, struct arena *a, struct run_checks *rc)
{
    memset(rc, 0, sizeof(*rc));
    sqlite3_stmt *st;
    if ((st = prepare_run(db,
                          "SELECT check_id, severity, title, category, rationale, context, "
                          "measures, fleet FROM run_checks WHERE run_id = ? ORDER BY position",
                          run_id))) {
        while (sqlite3_step(st) == SQLITE_ROW) {
            const char *id = (const char *)sqlite3_column_text(st, 0);
            const struct check_def *reg = registered(id);
            if (reg || !id) {
                if (reg)
                    checks_push(rc, a, reg);
                continue;
            }
            struct check_def *c = stand_in(a, id, (const char *)sqlite3_column_text(st, 1));
            if (sqlite3_column_text(st, 2))
                c->title = col(a, st, 2);
            if (sqlite3_column_text(st, 3))
                c->category = col(a, st, 3);
            if (sqlite3_column_text(st, 4))
                c->rationale = col(a, st, 4);
            c->context = col(a, st, 5);
            c->measures = split_lines(a, (const char *)sqlite3_column_text(st, 6));
            c->scope = sqlite3_column_int(st, 7) ? CHECK_FLEET : CHECK_DEVICE;
            checks_push(rc, a, c);
        }
        sqlite3_finalize(st);
        load_remediation(db, run_id, a, rc);
    }
    if (rc->n)
        return;
    if (!(st = prepare_run(db,
                           "SELECT x.check_id, MIN(x.severity) FROM results x JOIN devices d ON "
                           "d.id = x.device_id WHERE d.run_id = ? GROUP BY x.check_id "
                           "ORDER BY MIN(x.id)",
                           run_id)))
        return;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(st, 0);
        const struct check_def *reg = registered(id);
        if (id)
            checks_push(rc, a,
                        reg ? reg : stand_in(a, id, (const char *)sqlite3_column_text(st, 1)));
    }
    sqlite3_finalize(st);
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
                          struct run_checks *checks,
                          int (*cb)(void *, const struct device_result *), void *ctx)
{
    sqlite3_stmt *dev, *res, *ev, *dg;
    /* not_audited came with schema 5; an older database read as it is lacks it. */
    if (!(dev = prepare_run(db,
                            "SELECT id, file, relpath, hostname, dialect, os_version, "
                            "content_hash, partial, excluded, unreadable, not_audited "
                            "FROM devices WHERE run_id = ? ORDER BY id",
                            run_id)) &&
        !(dev = prepare_run(db,
                            "SELECT id, file, relpath, hostname, dialect, os_version, "
                            "content_hash, partial, excluded, unreadable, NULL "
                            "FROM devices WHERE run_id = ? ORDER BY id",
                            run_id)))
        return -1;
    sqlite3_prepare_v2(db,
                       "SELECT id, check_id, verdict, severity, message, waiver FROM results "
                       "WHERE device_id = ? ORDER BY id",
                       -1, &res, NULL);
    sqlite3_prepare_v2(db, "SELECT line, text FROM evidence WHERE result_id = ? ORDER BY rowid", -1,
                       &ev, NULL);
    sqlite3_prepare_v2(db, "SELECT level, line, message FROM diagnostics WHERE device_id = ?", -1,
                       &dg, NULL);
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
        if (dn && strncmp(dn, "unsupported:", 12) == 0)
            platform_from_name(dn + 12, &d.platform);
        else if (dn)
            dialect_from_name(dn, &d.dialect);
        d.os_version = col(&a, dev, 5);
        const char *hash = (const char *)sqlite3_column_text(dev, 6);
        if (hash)
            snprintf(d.content_hash, sizeof(d.content_hash), "%s", hash);
        d.partial = sqlite3_column_int(dev, 7);
        d.excluded = sqlite3_column_int(dev, 8);
        d.unreadable = sqlite3_column_int(dev, 9);
        d.not_audited = col(&a, dev, 10);

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
            const char *id = (const char *)sqlite3_column_text(res, 1);
            const char *sev = (const char *)sqlite3_column_text(res, 3);
            r->check = checks_lookup(checks, id ? id : "");
            if (!r->check) /* not in the run's list: a damaged database */
                r->check = stand_in(run_arena, id ? id : "(none)", sev);
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

/* The framework a run was assessed against instead of the Code, or NULL. */
static const char *run_framework(sqlite3 *db, int64_t run_id, struct arena *a)
{
    const char *fw = NULL;
    sqlite3_stmt *st = prepare_run(db, "SELECT framework FROM runs WHERE id = ?", run_id);
    if (!st)
        return NULL; /* a database from before frameworks were recorded */
    if (sqlite3_step(st) == SQLITE_ROW)
        fw = col(a, st, 0);
    sqlite3_finalize(st);
    return fw;
}

/* A measure (or a framework's requirement) as the run recorded it. */
static const struct measure *recorded_measure(sqlite3_stmt *st, struct arena *a,
                                              struct run_checks *rc, struct measure_status *ms)
{
    struct measure *m = arena_alloc(a, sizeof(*m));
    m->id = col(a, st, 0);
    m->section = sqlite3_column_int(st, 5);
    m->section_title = col(a, st, 7);
    m->title = m->summary = sqlite3_column_text(st, 6) ? col(a, st, 6) : m->id;
    const char *kind = (const char *)sqlite3_column_text(st, 8);
    if (!kind || !measure_kind_from_name(kind, &m->kind))
        m->kind = MEASURE_AUTOMATED;
    for (int t = 0; t < COMPLIANCE_TIERS; t++)
        m->deadlines[t].applies = true;
    m->origin = "history";
    const char *const *ids = split_lines(a, (const char *)sqlite3_column_text(st, 9));
    size_t n = 0;
    while (ids[n])
        n++;
    ms->checks = arena_alloc(a, (n ? n : 1) * sizeof(*ms->checks));
    for (size_t i = 0; i < n; i++) {
        const struct check_def *c = checks_lookup(rc, ids[i]);
        if (c)
            ms->checks[ms->nchecks++] = c;
    }
    return m;
}

/* Section counts: the catalogue's sections, or those the measures name. */
static void replay_sections(const struct catalog *c, struct arena *a, struct compliance_result *cr)
{
    size_t cap = catalog_section_count(c) + cr->n + 1;
    cr->sections = arena_alloc(a, cap * sizeof(*cr->sections));
    for (size_t i = 0; i < catalog_section_count(c); i++) {
        const struct catalog_section *s = catalog_section(c, i);
        cr->sections[cr->nsections].section = s->number;
        cr->sections[cr->nsections++].title = s->title;
    }
    for (size_t i = 0; i < cr->n; i++) {
        const struct measure *m = cr->v[i].measure;
        size_t k = 0;
        while (k < cr->nsections && cr->sections[k].section != m->section)
            k++;
        if (k == cr->nsections) {
            cr->sections[k].section = m->section;
            cr->sections[k].title = m->section_title ? m->section_title : "";
            cr->nsections++;
        }
        cr->sections[k].counts.total++;
        cr->sections[k].counts.by_status[cr->v[i].status]++;
        cr->sections[k].counts.overdue += cr->v[i].overdue;
    }
}

/*
 * The measure statuses of the run, against the catalogue of its edition;
 * measures the catalogue does not have (or a framework's requirements) are
 * rebuilt from what the run recorded.
 */
static void replay_measures(sqlite3 *db, int64_t run_id, const struct catalog *c, struct arena *a,
                            const struct report_run *run, struct run_checks *rc,
                            struct compliance_result *cr)
{
    memset(cr, 0, sizeof(*cr));
    const char *framework = run_framework(db, run_id, a);
    cr->edition = framework ? framework : run->code_edition;
    cr->tier = run->tier;
    cr->as_of = run->as_of;
    if (framework)
        c = NULL;
    sqlite3_stmt *st = prepare_run(db,
                                   "SELECT measure_id, status, overdue, due, reason, section, "
                                   "title, section_title, kind, checks FROM measures "
                                   "WHERE run_id = ? ORDER BY section, rowid",
                                   run_id);
    if (!st)
        st = prepare_run(db,
                         "SELECT measure_id, status, overdue, due, reason, section, title, "
                         "NULL, NULL, NULL FROM measures WHERE run_id = ? ORDER BY section, rowid",
                         run_id);
    if (!st)
        return;
    size_t cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        enum measure_status_kind k;
        const char *id = (const char *)sqlite3_column_text(st, 0);
        const char *sv = (const char *)sqlite3_column_text(st, 1);
        if (!id || !sv || !measure_status_from_name(sv, &k))
            continue;
        if (cr->n == cap) {
            size_t nc = cap ? cap * 2 : 64;
            cr->v = arena_grow(a, cr->v, cr->n, nc, sizeof(*cr->v));
            cap = nc;
        }
        struct measure_status *ms = &cr->v[cr->n++];
        memset(ms, 0, sizeof(*ms));
        ms->measure = catalog_find(c, id);
        if (!ms->measure)
            ms->measure = recorded_measure(st, a, rc, ms);
        ms->status = ms->assessed = k;
        ms->overdue = sqlite3_column_int(st, 2);
        ms->due = col_date(st, 3, &ms->due_known);
        ms->reason = col(a, st, 4);
        ms->applies = k != MEASURE_NOT_APPLICABLE;
        ms->kind_used = ms->measure->kind;
        cr->totals.total++;
        cr->totals.by_status[k]++;
        cr->totals.overdue += ms->overdue;
    }
    sqlite3_finalize(st);
    replay_sections(c, a, cr);
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
    struct run_checks checks;
    load_checks(db, id, a, &checks);
    run->checks = checks.v;
    run->nchecks = checks.n;
    const struct catalog *c = NULL;
    int rc = open_cb(ctx, run, &c);
    if (rc == 0)
        rc = replay_devices(db, id, a, &checks, device_cb, ctx);
    if (rc == 0)
        replay_measures(db, id, c, a, run, &checks, cr);
    sqlite3_close(db);
    return rc ? -1 : 0;
}

/* Rendering a stored run with one writer: the callbacks of store_replay_run(). */
struct render_ctx {
    enum report_format format;
    const char *path;
    struct arena *arena;
    struct report_writer *w;
    struct report_totals totals;
};

static int render_open(void *ctx, const struct report_run *run, const struct catalog **c)
{
    struct render_ctx *r = ctx;
    struct catalog *cat = NULL;
    if (run->code_edition && catalog_load(&cat, r->arena, run->code_edition, NULL) == 0)
        *c = cat;
    r->w = report_open(r->format, r->path, run);
    return r->w ? 0 : -1;
}

static int render_device(void *ctx, const struct device_result *d)
{
    struct render_ctx *r = ctx;
    r->totals.devices++;
    r->totals.devices_unreadable += d->unreadable;
    r->totals.devices_partial += d->partial;
    r->totals.devices_excluded += d->excluded;
    for (size_t i = 0; i < d->nresults; i++) {
        enum verdict v = d->results[i].verdict;
        r->totals.by_verdict[v]++;
        if (v == VERDICT_FAIL && (unsigned)d->results[i].check->severity < SEV_COUNT)
            r->totals.fail_by_severity[d->results[i].check->severity]++;
    }
    return report_device(r->w, d);
}

int store_render_run(const char *db_path, const char *run_spec, enum report_format format,
                     const char *out_path)
{
    struct arena a;
    arena_init(&a);
    struct report_run run;
    struct compliance_result cr;
    memset(&cr, 0, sizeof(cr));
    struct render_ctx ctx = {.format = format, .path = out_path, .arena = &a};
    int rc = store_replay_run(db_path, run_spec, &a, &run, render_open, render_device, &ctx, &cr);
    if (rc == 0 && ctx.w) {
        rc = report_finish(ctx.w, NULL, 0, cr.n ? &cr : NULL, &ctx.totals);
        ctx.w = NULL;
    }
    if (ctx.w)
        report_abort(ctx.w);
    arena_free(&a);
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
