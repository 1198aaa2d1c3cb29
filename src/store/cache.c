/*
 * cache.c - results of earlier scans, so that a re-scan re-parses only the
 * configurations that changed (scan --cache DIR).
 *
 * One SQLite file, DIR/results.sqlite. A row is keyed by the configuration's
 * content hash and by the run key: the digest of everything else that shapes
 * a device's results (tool version, check set, profile, rules, forced
 * dialect), so a change to any of them misses rather than returns stale
 * results. The value is a small binary record of the device's result as the
 * writers take it: evidence text is stored cleaned (secrets redacted and
 * scrubbed, as every report has it), never raw, and the cache is not used
 * with --show-secrets. Secret fingerprints are kept keyed by the cache's own
 * random salt, which a run using the cache adopts, so fleet checks compare
 * cached and fresh devices alike. A record that does not decode is a miss
 * (said once); a file that is not a cache is ignored with a note.
 */
#include "store/store_int.h"

#include "assess/assess.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define CACHE_MAGIC "TSC5"
#define CACHE_BUSY_MS 60000

struct result_cache {
    sqlite3 *db;
    char *path;
    char key[65];
    pthread_mutex_t lock;
    sqlite3_stmt *get, *get_summary, *put, *put_summary;
    struct buf clean, rec, sum;
    bool said_corrupt, in_txn;
};

/* ------------------------------------------------------------ encoding */

static void put_u32(struct buf *b, uint32_t v)
{
    uint8_t x[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v};
    buf_add(b, x, 4);
}

static void put_str(struct buf *b, const char *s, size_t n)
{
    if (!s) {
        put_u32(b, UINT32_MAX);
        return;
    }
    put_u32(b, (uint32_t)n);
    buf_add(b, s, n);
}

static void put_cstr(struct buf *b, const char *s)
{
    put_str(b, s, s ? strlen(s) : 0);
}

struct reader {
    const uint8_t *p, *end;
    bool bad;
};

static uint32_t get_u32(struct reader *r)
{
    if (r->end - r->p < 4) {
        r->bad = true;
        return 0;
    }
    uint32_t v =
        (uint32_t)r->p[0] << 24 | (uint32_t)r->p[1] << 16 | (uint32_t)r->p[2] << 8 | r->p[3];
    r->p += 4;
    return v;
}

static uint8_t get_u8(struct reader *r)
{
    if (r->p >= r->end) {
        r->bad = true;
        return 0;
    }
    return *r->p++;
}

/* A string copied into the arena (NULL stays NULL). */
static const char *get_str(struct reader *r, struct arena *a, uint32_t *len)
{
    uint32_t n = get_u32(r);
    if (len)
        *len = 0;
    if (n == UINT32_MAX || r->bad)
        return NULL;
    if ((size_t)(r->end - r->p) < n) {
        r->bad = true;
        return NULL;
    }
    char *s = arena_strndup(a, (const char *)r->p, n);
    r->p += n;
    if (len)
        *len = n;
    return s;
}

static int level_of(const char *s, size_t n, enum diag_level *out)
{
    static const struct {
        const char *name;
        enum diag_level level;
    } levels[] = {{"error", DIAG_ERROR}, {"warning", DIAG_WARNING}, {"note", DIAG_NOTE}};
    for (size_t i = 0; i < ARRAY_SIZE(levels); i++) {
        size_t k = strlen(levels[i].name);
        if (n > k + 2 && !memcmp(s, levels[i].name, k) && s[k] == ':' && s[k + 1] == ' ') {
            *out = levels[i].level;
            return (int)k + 2;
        }
    }
    return -1;
}

/*
 * The diagnostics the device's assessment printed (its captured stderr), as
 * (level, line, message) for the lines that name the device, so a run that
 * takes the result from the cache says the same under the device's current
 * path. Lines that name another file are kept whole with their level.
 */
static void encode_stderr(struct buf *b, const char *path, const char *text, size_t len)
{
    size_t plen = path ? strlen(path) : 0, count = 0;
    struct buf lines;
    buf_init(&lines, 0);
    for (const char *p = text, *end = text + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        const char *q = p, *qe = p + n;
        bool own = plen && n > plen && !memcmp(p, path, plen) && p[plen] == ':';
        uint32_t line = 0;
        if (own) {
            q += plen + 1;
            while (q < qe && *q >= '0' && *q <= '9')
                line = line * 10 + (uint32_t)(*q++ - '0');
            if (line && q < qe && *q == ':')
                q++;
            if (q < qe && *q == ' ')
                q++;
        }
        enum diag_level level = DIAG_NOTE;
        int k = own ? level_of(q, (size_t)(qe - q), &level) : -1;
        if (k < 0) { /* another file's line, or one we do not parse: whole */
            own = false;
            q = p;
            const char *e = strstr(p, ": error: ");
            level = e && e < qe ? DIAG_ERROR : DIAG_NOTE;
        } else {
            q += k;
        }
        uint8_t head[2] = {own, (uint8_t)level};
        buf_add(&lines, head, 2);
        put_u32(&lines, line);
        put_str(&lines, q, (size_t)(qe - q));
        count++;
        p += n + (nl != NULL);
    }
    put_u32(b, (uint32_t)count);
    buf_add(b, lines.data, lines.len);
    buf_free(&lines);
}

/* Text as the writers print it: with patterns (configuration lines:
 * report_clean) or with the device's secret values scrubbed only (messages,
 * names: report_scrub). Cleaning it again leaves it as it is, so a cached
 * result prints exactly as a fresh one without the secrets being kept. */
static void put_clean(struct result_cache *c, const struct report_run *run,
                      const struct device_result *d, const char *s, bool patterns)
{
    if (s)
        s = patterns ? report_clean(run, d, s, strlen(s), &c->clean)
                     : report_scrub(run, d, s, strlen(s), &c->clean);
    put_cstr(&c->rec, s);
}

/* Line n (1-based) of the file's bytes, trimmed; NULL past the end. */
static const char *line_text(const char *data, size_t len, uint32_t n, size_t *out)
{
    if (!data || !n)
        return NULL;
    const char *p = data, *end = data + len;
    for (uint32_t l = 1; l < n && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return NULL;
        p = nl + 1;
    }
    if (p >= end)
        return NULL;
    const char *e = memchr(p, '\n', (size_t)(end - p));
    e = e ? e : end;
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        e--;
    *out = (size_t)(e - p);
    return p;
}

/* The fingerprints and the redaction count, as decode_summary() reads them. */
static void encode_summary(struct buf *b, const struct device_summary *sum)
{
    put_u32(b, sum->nfps);
    for (uint32_t i = 0; i < sum->nfps; i++) {
        put_u32(b, sum->fps[i].line);
        buf_add(b, &sum->fps[i].kind, 1);
        buf_add(b, sum->fps[i].fp, sizeof(sum->fps[i].fp));
    }
    put_u32(b, sum->nredacted);
}

static void encode(struct result_cache *c, const struct report_run *run,
                   const struct device_result *d, const struct device_summary *sum,
                   const struct cache_input *in)
{
    struct buf *b = &c->rec;
    buf_reset(b);
    buf_add(b, CACHE_MAGIC, 4);
    uint8_t head[4] = {(uint8_t)d->dialect, (uint8_t)d->form,
                       (uint8_t)(d->partial | d->excluded << 1), 0};
    buf_add(b, head, 4);
    put_cstr(b, d->content_hash);
    put_clean(c, run, d, d->hostname, false);
    put_clean(c, run, d, d->os_version, false);
    put_cstr(b, d->detect_signal);
    put_cstr(b, d->detect_source);
    put_u32(b, d->statements);
    put_u32(b, d->understood);
    put_u32(b, d->ndiags);
    for (uint32_t i = 0; i < d->ndiags; i++) {
        put_u32(b, (uint32_t)d->diags[i].level);
        put_u32(b, d->diags[i].line);
        put_clean(c, run, d, d->diags[i].msg, true);
    }
    put_u32(b, (uint32_t)d->nresults);
    for (size_t i = 0; i < d->nresults; i++) {
        const struct check_result *r = &d->results[i];
        put_cstr(b, r->check ? r->check->id : NULL);
        /* Waivers are applied afresh on every run (the attestations are not
         * part of the key): keep the verdict they waived. */
        put_u32(b, (uint32_t)(r->verdict == VERDICT_WAIVED ? VERDICT_FAIL : r->verdict));
        put_clean(c, run, d, r->message, false);
        /* The registry's remediation for the dialect, or the result's own
         * (the cloud checks name the provider's command). */
        bool own = r->check && r->remediation != check_remediation(r->check, d->dialect);
        uint8_t flag = own;
        buf_add(b, &flag, 1);
        if (own)
            put_cstr(b, r->remediation);
        put_u32(b, r->nevidence);
        for (uint32_t k = 0; k < r->nevidence; k++) {
            const struct evidence *e = &r->evidence[k];
            put_u32(b, e->line);
            const char *t = e->text ? report_clean(run, d, e->text, e->len, &c->clean) : NULL;
            put_cstr(b, t);
        }
        put_u32(b, r->anchor_line);
        put_cstr(b, r->anchor_section);
    }
    encode_summary(b, sum);
    /* The lines of its secrets, cleaned: the evidence of a reuse finding
     * when another device shares one (never the raw line). */
    for (uint32_t i = 0; i < sum->nfps; i++) {
        size_t n = 0;
        const char *t = line_text(in->data, in->len, sum->fps[i].line, &n);
        put_cstr(b, t ? report_clean(run, d, t, n, &c->clean) : NULL);
    }
    encode_stderr(b, d->file, in->err, in->errlen);
}

static bool decode_results(struct reader *rd, struct arena *a, struct device_result *d)
{
    size_t nchecks;
    const struct check_def *const *all = checks_all(&nchecks);
    uint32_t n = get_u32(rd);
    if (rd->bad || n != nchecks)
        return false;
    d->results = arena_alloc(a, (n ? n : 1) * sizeof(*d->results));
    d->nresults = n;
    for (uint32_t i = 0; i < n && !rd->bad; i++) {
        struct check_result *r = &d->results[i];
        const char *id = get_str(rd, a, NULL);
        if (!id || strcmp(id, all[i]->id) != 0)
            return false;
        r->check = all[i];
        r->verdict = (enum verdict)get_u32(rd);
        if ((unsigned)r->verdict >= VERDICT_COUNT)
            return false;
        r->message = get_str(rd, a, NULL);
        r->remediation =
            get_u8(rd) ? get_str(rd, a, NULL) : check_remediation(r->check, d->dialect);
        r->nevidence = get_u32(rd);
        if (rd->bad || r->nevidence > (size_t)(rd->end - rd->p) / 8)
            return false;
        r->evidence = arena_alloc(a, (r->nevidence ? r->nevidence : 1) * sizeof(*r->evidence));
        for (uint32_t k = 0; k < r->nevidence; k++) {
            r->evidence[k].line = get_u32(rd);
            r->evidence[k].text = get_str(rd, a, &r->evidence[k].len);
        }
        r->anchor_line = get_u32(rd);
        r->anchor_section = get_str(rd, a, NULL);
    }
    return !rd->bad;
}

/* A tree that holds only the secrets' lines (cleaned), at their numbers:
 * what a reuse finding cites when the device is restored from the cache. */
struct secret_line {
    uint32_t line, len;
    const char *text;
};

static int cmp_secret_line(const void *a, const void *b)
{
    uint32_t x = ((const struct secret_line *)a)->line, y = ((const struct secret_line *)b)->line;
    return x < y ? -1 : x > y;
}

static bool decode_secret_lines(struct reader *rd, struct arena *a, struct device_assessment *da)
{
    const struct device_summary *sum = &da->summary;
    struct secret_line *sl = arena_alloc(a, (sum->nfps ? sum->nfps : 1) * sizeof(*sl));
    size_t n = 0;
    for (uint32_t i = 0; i < sum->nfps && !rd->bad; i++) {
        uint32_t len;
        const char *t = get_str(rd, a, &len);
        if (t && sum->fps[i].line)
            sl[n++] = (struct secret_line){sum->fps[i].line, len, t};
    }
    if (n > 1)
        qsort(sl, n, sizeof(*sl), cmp_secret_line);
    struct buf text;
    buf_init(&text, 0);
    uint32_t at = 1;
    for (size_t i = 0; i < n; i++) {
        if (sl[i].line < at || sl[i].line - at > (1u << 20))
            continue; /* the same line twice, or absurdly far */
        for (; at < sl[i].line; at++)
            buf_addc(&text, '\n');
        buf_add(&text, sl[i].text, sl[i].len);
        buf_addc(&text, '\n');
        at++;
    }
    struct cfg_tree *tree = arena_alloc(a, sizeof(*tree));
    memset(tree, 0, sizeof(*tree));
    tree->path = da->result.file;
    tree->buf = arena_strndup(a, text.data ? text.data : "", text.len);
    tree->len = text.len;
    da->tree = tree;
    buf_free(&text);
    return !rd->bad;
}

static bool decode_summary(struct reader *rd, struct device_summary *sum)
{
    uint32_t n = get_u32(rd);
    if (rd->bad || n > (size_t)(rd->end - rd->p) / 16)
        return false;
    sum->fps = n ? xcalloc(n, sizeof(*sum->fps)) : NULL;
    sum->nfps = n;
    for (uint32_t i = 0; i < n; i++) {
        sum->fps[i].line = get_u32(rd);
        sum->fps[i].kind = get_u8(rd);
        for (size_t k = 0; k < sizeof(sum->fps[i].fp); k++)
            sum->fps[i].fp[k] = get_u8(rd);
    }
    sum->nredacted = get_u32(rd);
    return !rd->bad;
}

/* Say again what the device's assessment said (see encode_stderr). */
static bool replay_stderr(struct reader *rd, struct arena *a, const char *path)
{
    uint32_t n = get_u32(rd);
    if (rd->bad || n > (size_t)(rd->end - rd->p) / 10)
        return false;
    for (uint32_t i = 0; i < n && !rd->bad; i++) {
        uint8_t own = get_u8(rd), level = get_u8(rd);
        uint32_t line = get_u32(rd);
        const char *msg = get_str(rd, a, NULL);
        if (rd->bad || !msg || level > DIAG_ERROR)
            return false;
        if (own)
            diag_report((enum diag_level)level, path, line, "%s", msg);
        else if (level == DIAG_ERROR)
            diag_report(DIAG_ERROR, NULL, 0, "%s", msg);
        else
            diag_report(DIAG_NOTE, NULL, 0, "%s", msg);
    }
    return !rd->bad && rd->p == rd->end;
}

static bool decode(const void *blob, size_t len, struct device_assessment *da)
{
    struct arena *a = &da->arena;
    struct device_result *d = &da->result;
    struct device_summary *sum = &da->summary;
    struct reader rd = {blob, (const uint8_t *)blob + len, false};
    if (len < 8 || memcmp(blob, CACHE_MAGIC, 4) != 0)
        return false;
    rd.p += 4;
    d->dialect = (enum dialect)get_u8(&rd);
    d->form = (enum dialect_form)get_u8(&rd);
    uint8_t flags = get_u8(&rd);
    get_u8(&rd);
    if ((unsigned)d->dialect >= DIALECT_COUNT)
        return false;
    d->partial = flags & 1;
    d->excluded = flags >> 1 & 1;
    const char *hash = get_str(&rd, a, NULL);
    if (!hash || strlen(hash) != 64)
        return false;
    memcpy(d->content_hash, hash, 65);
    d->hostname = get_str(&rd, a, NULL);
    d->os_version = get_str(&rd, a, NULL);
    d->detect_signal = get_str(&rd, a, NULL);
    d->detect_source = get_str(&rd, a, NULL);
    d->statements = get_u32(&rd);
    d->understood = get_u32(&rd);
    uint32_t nd = get_u32(&rd);
    if (rd.bad || nd > (size_t)(rd.end - rd.p) / 12)
        return false;
    struct cfg_diag *diags = arena_alloc(a, (nd ? nd : 1) * sizeof(*diags));
    for (uint32_t i = 0; i < nd; i++) {
        diags[i].level = (enum diag_level)get_u32(&rd);
        diags[i].line = get_u32(&rd);
        diags[i].msg = get_str(&rd, a, NULL);
    }
    d->diags = diags;
    d->ndiags = nd;
    return decode_results(&rd, a, d) && decode_summary(&rd, sum) &&
           decode_secret_lines(&rd, a, da) && replay_stderr(&rd, a, d->file);
}

/* ---------------------------------------------------------------- file */

/* The summaries (secret fingerprints) have a table of their own: small rows
 * in a small tree, which the first pass over an estate reads without
 * touching the records. The records (kilobytes each) live in a rowid table:
 * its key index holds only the keys, so a lookup's binary search compares
 * short cells instead of copying every overflowing record it passes (as a
 * WITHOUT ROWID tree does). cache_results and cache_entries held records of
 * earlier layouts. */
static const char *schema =
    "CREATE TABLE IF NOT EXISTS cache_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
    "DROP TABLE IF EXISTS cache_results;\n"
    "DROP TABLE IF EXISTS cache_entries;\n"
    "CREATE TABLE IF NOT EXISTS cache_records (\n"
    "  run_key TEXT NOT NULL,\n"
    "  device_key TEXT NOT NULL,\n"
    "  record BLOB NOT NULL,\n"
    "  PRIMARY KEY (run_key, device_key)\n"
    ");\n"
    "CREATE TABLE IF NOT EXISTS cache_summaries (\n"
    "  run_key TEXT NOT NULL,\n"
    "  device_key TEXT NOT NULL,\n"
    "  summary BLOB NOT NULL,\n"
    "  PRIMARY KEY (run_key, device_key)\n"
    ") WITHOUT ROWID;\n";

/* The cache's fingerprint salt: made once, random, kept in the file. */
static bool cache_salt(sqlite3 *db, char out[65])
{
    sqlite3_stmt *st;
    bool ok = false;
    if (sqlite3_prepare_v2(db, "SELECT value FROM cache_meta WHERE name = 'salt'", -1, &st, NULL) ==
        SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_bytes(st, 0) == 64) {
            memcpy(out, sqlite3_column_text(st, 0), 64);
            out[64] = '\0';
            ok = true;
        }
        sqlite3_finalize(st);
    }
    if (ok)
        return true;
    uint8_t rnd[32];
    sqlite3_randomness(sizeof(rnd), rnd);
    sha256_hex(rnd, sizeof(rnd), out);
    char sql[160];
    snprintf(sql, sizeof(sql), "INSERT OR REPLACE INTO cache_meta VALUES ('salt', '%s')", out);
    return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

static void cache_free(struct result_cache *c)
{
    sqlite3_finalize(c->get);
    sqlite3_finalize(c->get_summary);
    sqlite3_finalize(c->put);
    sqlite3_finalize(c->put_summary);
    sqlite3_close(c->db);
    pthread_mutex_destroy(&c->lock);
    buf_free(&c->clean);
    buf_free(&c->rec);
    buf_free(&c->sum);
    free(c->path);
    free(c);
}

struct result_cache *result_cache_open(const char *dir, const char *run_key, char salt[65])
{
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
        diag_report(DIAG_WARNING, dir, 0,
                    "cannot create the cache folder (%s): scanning without it", strerror(errno));
        return NULL;
    }
    struct result_cache *c = xcalloc(1, sizeof(*c));
    size_t n = strlen(dir) + 32;
    c->path = xmalloc(n);
    snprintf(c->path, n, "%s/results.sqlite", dir);
    snprintf(c->key, sizeof(c->key), "%s", run_key);
    pthread_mutex_init(&c->lock, NULL);
    buf_init(&c->clean, 0);
    buf_init(&c->rec, 0);
    buf_init(&c->sum, 0);
    if (sqlite3_open_v2(c->path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) ||
        /* A page cache that holds a run's lookups (SQLite's default is 2 MiB). */
        sqlite3_exec(c->db,
                     "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                     "PRAGMA cache_size = -32768; PRAGMA mmap_size = 1073741824",
                     NULL, NULL, NULL) ||
        sqlite3_exec(c->db, schema, NULL, NULL, NULL) || !cache_salt(c->db, salt) ||
        sqlite3_prepare_v2(c->db,
                           "SELECT record FROM cache_records WHERE run_key = ?1 AND "
                           "device_key = ?2",
                           -1, &c->get, NULL) ||
        sqlite3_prepare_v2(c->db,
                           "SELECT summary FROM cache_summaries WHERE run_key = ?1 AND "
                           "device_key = ?2",
                           -1, &c->get_summary, NULL) ||
        sqlite3_prepare_v2(c->db, "INSERT OR REPLACE INTO cache_records VALUES (?1, ?2, ?3)", -1,
                           &c->put, NULL) ||
        sqlite3_prepare_v2(c->db, "INSERT OR REPLACE INTO cache_summaries VALUES (?1, ?2, ?3)", -1,
                           &c->put_summary, NULL)) {
        diag_report(DIAG_NOTE, c->path, 0, "not a usable result cache (%s): scanning without it",
                    c->db ? sqlite3_errmsg(c->db) : "cannot open");
        cache_free(c);
        return NULL;
    }
    sqlite3_busy_timeout(c->db, CACHE_BUSY_MS);
    /* Results made under another key can never be read again. */
    static const char *const drop[] = {"DELETE FROM cache_records WHERE run_key != ?1",
                                       "DELETE FROM cache_summaries WHERE run_key != ?1"};
    for (size_t i = 0; i < ARRAY_SIZE(drop); i++) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(c->db, drop[i], -1, &st, NULL) != SQLITE_OK)
            continue;
        sqlite3_bind_text(st, 1, c->key, -1, SQLITE_STATIC);
        sqlite3_step(st);
        sqlite3_finalize(st);
    }
    c->in_txn = sqlite3_exec(c->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
    return c;
}

/* A row of cache_summaries. */
static bool decode_summary_blob(const void *blob, size_t len, struct device_assessment *da)
{
    struct reader rd = {blob, (const uint8_t *)blob + len, false};
    return decode_summary(&rd, &da->summary) && rd.p == rd.end;
}

static bool cache_lookup(struct result_cache *c, sqlite3_stmt *st, const char *key,
                         struct device_assessment *da,
                         bool (*dec)(const void *, size_t, struct device_assessment *))
{
    if (!c || !key || !*key)
        return false;
    struct device_summary *sum = &da->summary;
    /* The shared connection is stepped under the lock; the record is copied
     * out and decoded after it, so the workers do not queue on decoding. */
    pthread_mutex_lock(&c->lock);
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, c->key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
    void *blob = NULL;
    size_t n = 0;
    bool found = sqlite3_step(st) == SQLITE_ROW;
    if (found) {
        n = (size_t)sqlite3_column_bytes(st, 0);
        blob = xmalloc(n ? n : 1);
        if (n)
            memcpy(blob, sqlite3_column_blob(st, 0), n);
    }
    sqlite3_reset(st);
    pthread_mutex_unlock(&c->lock);
    if (!found)
        return false;
    bool hit = dec(blob, n, da);
    free(blob);
    if (!hit) {
        free(sum->fps);
        sum->fps = NULL;
        sum->nfps = 0;
        pthread_mutex_lock(&c->lock);
        if (!c->said_corrupt)
            diag_report(DIAG_NOTE, c->path, 0,
                        "a cached result does not decode: ignored, the device is re-audited");
        c->said_corrupt = true;
        pthread_mutex_unlock(&c->lock);
    }
    return hit;
}

bool result_cache_get(struct result_cache *c, const char *key, struct device_assessment *da)
{
    return c && cache_lookup(c, c->get, key, da, decode);
}

bool result_cache_get_summary(struct result_cache *c, const char *key, struct device_assessment *da)
{
    return c && cache_lookup(c, c->get_summary, key, da, decode_summary_blob);
}

static void put_row(struct result_cache *c, sqlite3_stmt *st, const char *key, const struct buf *b)
{
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, c->key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_blob(st, 3, b->data, (int)b->len, SQLITE_STATIC);
    sqlite3_step(st);
    sqlite3_reset(st);
}

void result_cache_put(struct result_cache *c, const struct report_run *run, const char *key,
                      const struct device_result *d, const struct device_summary *sum,
                      const struct cache_input *in)
{
    /* Only audited devices: the others cost next to nothing to redo. */
    if (!c || !key || d->unreadable || d->excluded || d->not_audited || run->show_secrets)
        return;
    pthread_mutex_lock(&c->lock);
    encode(c, run, d, sum, in);
    buf_reset(&c->sum);
    encode_summary(&c->sum, sum);
    put_row(c, c->put, key, &c->rec);
    put_row(c, c->put_summary, key, &c->sum);
    pthread_mutex_unlock(&c->lock);
}

void result_cache_close(struct result_cache *c)
{
    if (!c)
        return;
    if (c->in_txn && sqlite3_exec(c->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        diag_report(DIAG_WARNING, c->path, 0, "cannot save the result cache: %s",
                    sqlite3_errmsg(c->db));
    cache_free(c);
}
