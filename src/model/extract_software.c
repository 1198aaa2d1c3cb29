/*
 * extract_software.c - software facts of every router dialect, read after
 * the family extractor (model_extract()): where in the file the release is
 * named, where the device archives its configuration on its own and when,
 * where it boots from, and the image and configuration protections it
 * turns on (checks.md SW-SUPPORTED-RELEASE, SW-CONFIG-BACKUP,
 * SW-IMAGE-INTEGRITY).
 *
 * The statements are few and spread over the families, so one small walk
 * per family lives here rather than in the big extractors: the Cisco family
 * and VRP by top-level statement and its children, Junos and SR OS by full
 * statement path. A URL's user and password are never kept, only its
 * scheme and server.
 */
#include "model/extract.h"

#include <ctype.h>
#include <string.h>

#define SW_RELEASE_SCAN (64u * 1024u) /* the release is named near the top */

/* ------------------------------------------------------------ locations */

struct sw_loc {
    const char *scheme;
    const char *host;
    struct ip_prefix addr;
    bool remote, encrypted;
};

static bool scheme_is(struct sv s, const char *const *names)
{
    for (size_t i = 0; names[i]; i++)
        if (model_sv_ieq(s, names[i]))
            return true;
    return false;
}

static const char *const remote_schemes[] = {"tftp", "ftp", "http", "https", "scp",
                                             "sftp", "rcp", "mop",  "ftps",  NULL};
static const char *const secure_schemes[] = {"scp", "sftp", "https", "ftps", NULL};

static const char *lower_dup(struct arena *a, struct sv s)
{
    char *d = (char *)model_strdup(a, s);
    for (char *p = d; p && *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return d;
}

/* The server of a URL whose authority starts at u.p[i]: after any user
 * information, up to the next '/', ':' or ';' ("[v6]" in brackets). */
static void url_host(struct arena *a, struct sv u, size_t i, struct sw_loc *out)
{
    size_t end = i;
    while (end < u.n && u.p[end] != '/')
        end++;
    size_t start = i;
    for (size_t k = i; k < end; k++)
        if (u.p[k] == '@')
            start = k + 1;
    size_t he = start;
    if (he < end && u.p[he] == '[') {
        start++;
        while (he < end && u.p[he] != ']')
            he++;
    } else {
        while (he < end && u.p[he] != ':' && u.p[he] != ';')
            he++;
    }
    if (he > start) {
        struct sv host = sv_make(u.p + start, he - start);
        out->host = model_strdup(a, host);
        out->addr = model_parse_addr(host);
    }
}

/*
 * "scp://user:pw@host:22;vrf/path", "tftp://10.0.0.1/x", "flash:archive",
 * "bootflash:/nxos.bin", "cf3:/timos/cpm.tim": the scheme before the first
 * ':', and for a remote scheme the server.
 */
static bool parse_location(struct arena *a, struct sv u, struct sw_loc *out)
{
    memset(out, 0, sizeof(*out));
    u = sv_unquote(u);
    const char *colon = memchr(u.p, ':', u.n);
    if (!u.n || !colon || colon == u.p)
        return false;
    struct sv scheme = sv_make(u.p, (size_t)(colon - u.p));
    out->scheme = lower_dup(a, scheme);
    out->remote = scheme_is(scheme, remote_schemes);
    out->encrypted = scheme_is(scheme, secure_schemes);
    size_t i = (size_t)(colon - u.p) + 1;
    if (out->remote && i + 2 <= u.n && u.p[i] == '/' && u.p[i + 1] == '/')
        url_host(a, u, i + 2, out);
    return true;
}

static struct config_archive *add_archive(struct arena *a, struct device_model *m,
                                          const struct sw_loc *l, const struct cfg_node *n)
{
    struct software_facts *s = &m->software;
    struct config_archive *ar = MODEL_PUSH(a, s->archives, s->narchives);
    ar->scheme = l->scheme;
    ar->host = l->host;
    ar->addr = l->addr;
    ar->remote = l->remote;
    ar->encrypted = l->encrypted;
    ar->node = n;
    return ar;
}

static void add_boot(struct arena *a, struct device_model *m, const char *scheme, bool remote,
                     const struct cfg_node *n)
{
    struct software_facts *s = &m->software;
    struct boot_image *b = MODEL_PUSH(a, s->boots, s->nboots);
    b->scheme = scheme;
    b->remote = remote;
    b->node = n;
}

/* The first token from `from` on that reads as a location, or an empty view. */
static struct sv first_location(struct sv s, size_t from)
{
    for (size_t i = from;; i++) {
        struct sv t = sv_token(s, i);
        if (!t.n)
            return t;
        if (memchr(t.p, ':', t.n))
            return t;
    }
}

/* ------------------------------------------------------------ release */

/* Does the text before a match on its line read as a release statement
 * ("version", "ASA Version", "IOS XR Configuration", "EOS-", "TiMOS")? */
static bool release_context(struct sv before)
{
    static const char *const words[] = {"version", "configuration", "eos-", "timos", NULL};
    for (size_t i = 0; words[i]; i++)
        if (model_sv_icontains(before, words[i]))
            return true;
    return before.n == 0;
}

/* The line of the file that names the release the extractor read: the
 * first occurrence in a release statement, else the first at all. */
static void release_line(const struct cfg_tree *t, struct device_model *m)
{
    if (!m->os_version || !*m->os_version)
        return;
    size_t vn = strlen(m->os_version);
    size_t len = t->len < SW_RELEASE_SCAN ? t->len : SW_RELEASE_SCAN;
    uint32_t line = 1, first = 0;
    size_t bol = 0;
    for (size_t i = 0; i + vn <= len; i++) {
        if (t->buf[i] == '\n') {
            line++;
            bol = i + 1;
        } else if (t->buf[i] == m->os_version[0] && memcmp(t->buf + i, m->os_version, vn) == 0) {
            if (release_context(sv_make(t->buf + bol, i - bol))) {
                m->software.release_line = line;
                return;
            }
            first = first ? first : line;
        }
    }
    m->software.release_line = first;
}

/* --------------------------------------------------------- Cisco family */

static bool node_starts(const struct cfg_node *n, const char *words)
{
    return sv_starts_with_word(cfg_text(n), words);
}

/* IOS `archive`: path, write-memory, time-period. */
static void cx_archive(struct arena *a, struct device_model *m, const struct cfg_node *n)
{
    const struct cfg_node *path = NULL, *trig = NULL;
    enum archive_trigger tr = ARCHIVE_MANUAL;
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (node_starts(c, "path"))
            path = c;
        else if (node_starts(c, "write-memory")) {
            tr = ARCHIVE_ON_CHANGE;
            trig = c;
        } else if (node_starts(c, "time-period") && tr != ARCHIVE_ON_CHANGE) {
            tr = ARCHIVE_PERIODIC;
            trig = c;
        }
    }
    struct sw_loc l;
    if (!path || !parse_location(a, sv_token(cfg_text(path), 1), &l))
        return;
    struct config_archive *ar = add_archive(a, m, &l, path);
    ar->trigger = tr;
    ar->trigger_node = trig;
}

/* IOS/ASA `boot system [flash|tftp|ftp|rcp|mop] LOCATION [HOST]`, NX-OS
 * `boot nxos|kickstart|system LOCATION`. */
static void cx_boot(struct arena *a, struct device_model *m, const struct cfg_node *n)
{
    struct sv s = cfg_text(n), kw = sv_token(s, 2);
    static const char *const words[] = {"tftp",  "ftp", "rcp",  "mop", "http",
                                        "https", "scp", "sftp", NULL};
    if (kw.n && !memchr(kw.p, ':', kw.n)) {
        if (scheme_is(kw, words))
            add_boot(a, m, lower_dup(a, kw), true, n);
        else if (model_sv_ieq(kw, "flash") || model_sv_ieq(kw, "rom"))
            add_boot(a, m, lower_dup(a, kw), false, n);
        else if (!model_sv_ieq(kw, "sup-1") && !model_sv_ieq(kw, "sup-2"))
            add_boot(a, m, "flash", false, n); /* a bare file name is on flash */
        return;
    }
    struct sw_loc l;
    if (parse_location(a, first_location(s, 2), &l))
        add_boot(a, m, l.scheme, l.remote, n);
}

/* NX-OS `scheduler job name X` with `copy running-config URL`; scheduled
 * when a `scheduler schedule` names the job and has a time. */
static bool nx_job_scheduled(const struct cfg_tree *t, struct sv job, const struct cfg_node **at)
{
    for (const struct cfg_node *n = t->first; n; n = n->next) {
        if (!node_starts(n, "scheduler schedule"))
            continue;
        bool names = false, timed = false;
        for (const struct cfg_node *c = n->child; c; c = c->next) {
            if (node_starts(c, "job name") && sv_eq(sv_token(cfg_text(c), 2), job))
                names = true;
            else if (node_starts(c, "time"))
                timed = true;
        }
        if (names && timed) {
            *at = n;
            return true;
        }
    }
    return false;
}

/* The `copy SOURCE DEST` commands of one job line (NX-OS prints a job's
 * commands on one line, joined by " ;"): a remote DEST is an archive. */
static void nx_job_line(const struct cfg_tree *t, struct device_model *m, const struct cfg_node *c,
                        const struct cfg_node *sched)
{
    struct sv s = cfg_text(c);
    while (s.n) {
        const char *semi = memchr(s.p, ';', s.n);
        struct sv cmd = sv_trim(sv_make(s.p, semi ? (size_t)(semi - s.p) : s.n));
        s = semi ? sv_make(semi + 1, s.n - (size_t)(semi + 1 - s.p)) : sv_make(NULL, 0);
        struct sw_loc l;
        if (!sv_starts_with_word(cmd, "copy") || !parse_location(t->arena, sv_token(cmd, 2), &l) ||
            !l.remote)
            continue;
        struct config_archive *ar = add_archive(t->arena, m, &l, c);
        ar->trigger = sched ? ARCHIVE_PERIODIC : ARCHIVE_MANUAL;
        ar->trigger_node = sched;
    }
}

/* `scheduler job name X`: its commands are the statements up to `end-job`
 * (children too, should a collector indent them). */
static const struct cfg_node *nx_job(const struct cfg_tree *t, struct device_model *m,
                                     const struct cfg_node *n)
{
    const struct cfg_node *sched = NULL;
    nx_job_scheduled(t, sv_token(cfg_text(n), 3), &sched);
    for (const struct cfg_node *c = n->child; c; c = c->next)
        nx_job_line(t, m, c, sched);
    const struct cfg_node *c = n->next;
    for (; c && !node_starts(c, "end-job") && !node_starts(c, "scheduler"); c = c->next)
        nx_job_line(t, m, c, sched);
    return c && node_starts(c, "end-job") ? c : n;
}

/* IOS XR `configuration commit auto-save` with `filename URL` on the line
 * or in its submode: a copy after every commit. */
static void xr_autosave(struct arena *a, struct device_model *m, const struct cfg_node *n)
{
    const struct cfg_node *src = NULL;
    struct sv s = cfg_text(n), u = {0};
    for (size_t i = 3; sv_token(s, i).n; i++)
        if (model_sv_ieq(sv_token(s, i), "filename")) {
            u = sv_token(s, i + 1);
            src = n;
        }
    for (const struct cfg_node *c = n->child; c && !src; c = c->next)
        if (node_starts(c, "filename")) {
            u = sv_token(cfg_text(c), 1);
            src = c;
        }
    struct sw_loc l;
    if (!src || !parse_location(a, u, &l))
        return;
    struct config_archive *ar = add_archive(a, m, &l, src);
    ar->trigger = ARCHIVE_ON_CHANGE;
    ar->trigger_node = n;
}

static void secure_boot(struct device_model *m, const struct cfg_node *n, bool neg)
{
    struct sv s = cfg_text(n);
    if (neg)
        s = sv_trim(sv_after_tokens(s, 1));
    enum fact_state st = neg ? FACT_OFF : FACT_ON;
    if (sv_starts_with_word(s, "secure boot-image"))
        fact_set(&m->software.image_protect, st, n);
    else if (sv_starts_with_word(s, "secure boot-config"))
        fact_set(&m->software.config_protect, st, n);
}

/* The statements one Cisco-family platform has alone; returns the last
 * statement it consumed (an NX-OS job runs to its end-job). */
static const struct cfg_node *cx_platform(const struct cfg_tree *t, struct device_model *m,
                                          const struct cfg_node *n)
{
    enum dialect d = t->dialect;
    bool neg = node_starts(n, "no");
    if (d == DIALECT_CISCO_IOS && node_starts(n, "archive"))
        cx_archive(t->arena, m, n);
    else if (d == DIALECT_CISCO_IOS &&
             (node_starts(n, "secure") || (neg && node_starts(n, "no secure"))))
        secure_boot(m, n, neg);
    else if (d == DIALECT_CISCO_NXOS && node_starts(n, "scheduler job name"))
        return nx_job(t, m, n);
    else if (d == DIALECT_CISCO_IOSXR && node_starts(n, "configuration commit auto-save"))
        xr_autosave(t->arena, m, n);
    return n;
}

static void sw_cisco(const struct cfg_tree *t, struct device_model *m)
{
    for (const struct cfg_node *n = t->first; n; n = n->next) {
        if (n->flags & CFG_INACTIVE)
            continue;
        if (node_starts(n, "boot system") || node_starts(n, "boot nxos") ||
            node_starts(n, "boot kickstart"))
            cx_boot(t->arena, m, n);
        else
            n = cx_platform(t, m, n);
    }
}

/* ------------------------------------------------------------------ VRP */

/*
 * `set save-configuration backup-to-server server X transport-type T ...`:
 * the copy is made when the automatic save runs, which a separate
 * `set save-configuration [interval N] [delay D]` turns on (and it saves
 * only when the configuration changed).
 */
static void sw_vrp(const struct cfg_tree *t, struct device_model *m)
{
    const struct cfg_node *autosave = NULL;
    size_t first = m->software.narchives;
    for (const struct cfg_node *n = t->first; n; n = n->next) {
        struct sv s = cfg_text(n);
        if (!sv_starts_with_word(s, "set save-configuration"))
            continue;
        if (!model_sv_ieq(sv_token(s, 2), "backup-to-server")) {
            autosave = n;
            continue;
        }
        struct sw_loc l = {.remote = true};
        struct sv host = {0}, tt = {0};
        for (size_t i = 3; sv_token(s, i).n; i++) {
            if (model_sv_ieq(sv_token(s, i), "server"))
                host = sv_token(s, i + 1);
            else if (model_sv_ieq(sv_token(s, i), "transport-type"))
                tt = sv_token(s, i + 1);
        }
        if (!host.n)
            continue;
        l.host = model_strdup(t->arena, host);
        l.addr = model_parse_addr(host);
        l.scheme = tt.n ? lower_dup(t->arena, tt) : NULL;
        l.encrypted = tt.n && scheme_is(tt, secure_schemes);
        add_archive(t->arena, m, &l, n);
    }
    for (size_t i = first; i < m->software.narchives; i++) {
        m->software.archives[i].trigger = autosave ? ARCHIVE_ON_CHANGE : ARCHIVE_MANUAL;
        m->software.archives[i].trigger_node = autosave;
    }
}

/* -------------------------------------------------------- Junos, SR OS */

struct sw_walk {
    const struct cfg_tree *t;
    struct device_model *m;
    size_t first;
    const struct cfg_node *on_commit, *interval;
};

bool model_brace_push(struct model_path *l, const struct cfg_node *nd)
{
    const char *p = nd->text, *end = nd->text + nd->len;
    bool inactive = false;
    struct sv t;
    while ((p = model_path_token(p, end, &t)) != NULL) {
        if (t.p[0] == '#' || (t.n >= 2 && t.p[0] == '/' && t.p[1] == '*'))
            break;
        if (l->n == 0 && t.n > 1 && t.p[0] == '/') /* MD-CLI "/configure" */
            t = sv_make(t.p + 1, t.n - 1);
        t = model_path_strip(t);
        if (t.n == 0)
            continue;
        if (sv_eq_cstr(t, "inactive:") || sv_eq_cstr(t, "deactivate")) {
            inactive = true;
            continue;
        }
        if (sv_eq_cstr(t, "protect:") || (l->n == 0 && sv_eq_cstr(t, "set")))
            continue;
        model_path_add(l, t, nd);
    }
    return inactive;
}

/* The index after "word" among the path's tokens, or 0. */
static size_t path_find(const struct model_path *l, const char *word)
{
    for (size_t i = 0; i < l->n; i++)
        if (sv_eq_cstr(l->tok[i], word))
            return i + 1;
    return 0;
}

static void junos_line(void *ctx, const struct model_path *l)
{
    struct sw_walk *w = ctx;
    size_t k;
    if (model_path_eq(l, 0, "groups") ||
        !model_path_match(l, 0, "system archival configuration", &k))
        return;
    if (model_path_eq(l, k, "transfer-on-commit"))
        w->on_commit = l->node;
    else if (model_path_eq(l, k, "transfer-interval"))
        w->interval = l->node;
    else if (model_path_eq(l, k, "archive-sites") && k + 1 < l->n) {
        struct sw_loc loc;
        if (parse_location(w->t->arena, model_path_tok(l, k + 1), &loc))
            add_archive(w->t->arena, w->m, &loc, l->node);
    }
}

static void sros_line(void *ctx, const struct model_path *l)
{
    struct sw_walk *w = ctx;
    size_t k = path_find(l, "rollback-location");
    struct sw_loc loc;
    if (k && k < l->n && path_find(l, "rollback") &&
        parse_location(w->t->arena, model_path_tok(l, k), &loc)) {
        struct config_archive *ar = add_archive(w->t->arena, w->m, &loc, l->node);
        ar->trigger = ARCHIVE_TRIGGER_UNKNOWN;
    }
    k = path_find(l, "primary-image");
    if (k && k < l->n && parse_location(w->t->arena, model_path_tok(l, k), &loc))
        add_boot(w->t->arena, w->m, loc.scheme, loc.remote, l->node);
}

static void sw_paths(const struct cfg_tree *t, struct device_model *m, bool junos)
{
    struct model_walk walk = {0};
    struct sw_walk w = {.t = t, .m = m, .first = m->software.narchives};
    model_path_walk(t->arena, &walk, t->first, true, model_brace_push,
                    junos ? junos_line : sros_line, &w);
    if (!junos)
        return;
    for (size_t i = w.first; i < m->software.narchives; i++) {
        struct config_archive *ar = &m->software.archives[i];
        ar->trigger = w.on_commit  ? ARCHIVE_ON_CHANGE
                      : w.interval ? ARCHIVE_PERIODIC
                                   : ARCHIVE_MANUAL;
        ar->trigger_node = w.on_commit ? w.on_commit : w.interval;
    }
}

/* ------------------------------------------------------------------ API */

void model_extract_software(const struct cfg_tree *t, struct device_model *m)
{
    release_line(t, m);
    switch (dialect_def(t->dialect)->family) {
    case FAMILY_CISCO:
        sw_cisco(t, m);
        break;
    case FAMILY_VRP:
        sw_vrp(t, m);
        break;
    case FAMILY_JUNOS:
        sw_paths(t, m, true);
        break;
    case FAMILY_SROS:
        sw_paths(t, m, false);
        break;
    default:
        break;
    }
}
