/*
 * githistory.c - `scan --git REPO`: the verdict history of every device in a
 * configuration repository (Oxidized and RANCID 3 commit each change to git).
 *
 * The repository is read with libgit2, not the git command. Commits are taken
 * oldest first along the first-parent line from HEAD (or --until); each
 * commit's changed files are audited once (the blob as committed), and every
 * check whose verdict differs from the device's previous version is recorded
 * in the history database with the commit's id, author, date and subject.
 * Memory stays flat: one verdict byte per check per device path, and one
 * device's arena at a time. `tsaudit since` reads what this records.
 */
#include "cli/githistory.h"

#include "assess/assess.h"
#include "store/store.h"

#include <git2.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ABSENT 0xff /* no verdict yet for this check on this device */

/* Device path -> verdicts, open addressing (paths live in the walk). */
struct device_state {
    char *path;
    uint8_t *verdicts; /* nchecks bytes */
};

struct walker {
    const struct git_walk_options *opt;
    git_repository *repo;
    struct store_walk *store;
    struct device_state *table;
    size_t cap, used, nchecks;
    size_t commits, versions;
    uint8_t *scratch; /* verdicts of the version being audited */
    int errors;
};

static uint64_t hash_path(const char *s)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 1099511628211ull;
    return h;
}

static void table_grow(struct walker *w);

static struct device_state *state_for(struct walker *w, const char *path, bool create)
{
    if (create && (w->used + 1) * 2 > w->cap)
        table_grow(w);
    if (!w->cap)
        return NULL;
    for (size_t i = hash_path(path) & (w->cap - 1);; i = (i + 1) & (w->cap - 1)) {
        struct device_state *e = &w->table[i];
        if (!e->path) {
            if (!create)
                return NULL;
            e->path = xstrdup(path);
            e->verdicts = xmalloc(w->nchecks ? w->nchecks : 1);
            memset(e->verdicts, ABSENT, w->nchecks);
            w->used++;
            return e;
        }
        if (strcmp(e->path, path) == 0)
            return e;
    }
}

static void table_grow(struct walker *w)
{
    struct device_state *old = w->table;
    size_t oldcap = w->cap;
    w->cap = w->cap ? w->cap * 2 : 1024;
    w->table = xcalloc(w->cap, sizeof(*w->table));
    for (size_t i = 0; i < oldcap; i++) {
        if (!old[i].path)
            continue;
        size_t k = hash_path(old[i].path) & (w->cap - 1);
        while (w->table[k].path)
            k = (k + 1) & (w->cap - 1);
        w->table[k] = old[i];
    }
    free(old);
}

static void table_free(struct walker *w)
{
    for (size_t i = 0; i < w->cap; i++) {
        free(w->table[i].path);
        free(w->table[i].verdicts);
    }
    free(w->table);
}

/* The file name alone, for the skip rules of a RANCID/Oxidized tree. */
static bool skipped_path(const char *path)
{
    for (const char *p = path, *seg = path;; p++) {
        if (*p == '/' || !*p) {
            char name[256];
            size_t n = (size_t)(p - seg);
            if (n >= sizeof(name))
                n = sizeof(name) - 1;
            memcpy(name, seg, n);
            name[n] = '\0';
            if (walk_skip_name(name, *p == '/'))
                return true;
            if (!*p)
                return false;
            seg = p + 1;
        }
    }
}

/*
 * Audit one version of a file into w->scratch. False when it is not an
 * audited device: binary, too large, no supported dialect, or excluded by
 * the profile.
 */
static bool audit(struct walker *w, const char *path, const void *data, size_t len)
{
    if (len > w->opt->max_file_size || memchr(data, '\0', len))
        return false;
    char *buf = xmalloc(len + 1);
    memcpy(buf, data, len);
    buf[len] = '\0';
    struct assess_options o = {.vendor = w->opt->vendor, .profile = w->opt->profile};
    struct device_assessment d;
    device_assess(&o, path, path, buf, len, &d);
    const struct device_result *r = &d.result;
    bool ok = !r->unreadable && !r->excluded && !r->not_audited;
    if (ok) {
        memset(w->scratch, VERDICT_NOT_APPLICABLE, w->nchecks);
        for (size_t i = 0; i < r->nresults && i < w->nchecks; i++)
            w->scratch[i] = (uint8_t)r->results[i].verdict;
    }
    device_assessment_free(&d);
    free(buf);
    return ok;
}

static int record(struct walker *w, const char *path, const uint8_t *now,
                  const struct store_commit *c)
{
    size_t n;
    const struct check_def *const *all = checks_all(&n);
    struct device_state *s = state_for(w, path, now != NULL);
    if (!s)
        return 0; /* removed, never audited */
    for (size_t i = 0; i < w->nchecks && i < n; i++) {
        uint8_t was = s->verdicts[i], is = now ? now[i] : ABSENT;
        if (was == is)
            continue;
        const char *prev = was == ABSENT ? NULL : verdict_name((enum verdict)was);
        const char *v = is == ABSENT ? "removed" : verdict_name((enum verdict)is);
        if (store_walk_change(w->store, path, all[i]->id, v, prev, c) != 0)
            return -1;
        s->verdicts[i] = is;
    }
    return 0;
}

/* Audit the blob at path as of commit c and record what changed. */
static int visit_blob(struct walker *w, const char *path, const git_oid *id,
                      const struct store_commit *c)
{
    if (skipped_path(path))
        return 0;
    git_blob *blob;
    if (git_blob_lookup(&blob, w->repo, id) != 0) {
        diag_report(DIAG_ERROR, w->opt->repo, 0, "%s at %.12s: cannot read the file: %s", path,
                    c->id, git_error_last() ? git_error_last()->message : "?");
        w->errors++;
        return 0;
    }
    w->versions++;
    bool ok = audit(w, path, git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob));
    git_blob_free(blob);
    return record(w, path, ok ? w->scratch : NULL, c);
}

struct commit_info {
    char id[GIT_OID_HEXSZ + 1];
    char when[32];
    char *author, *subject;
    struct store_commit c;
};

static void commit_info(git_commit *commit, struct commit_info *ci)
{
    git_oid_tostr(ci->id, sizeof(ci->id), git_commit_id(commit));
    const git_signature *a = git_commit_author(commit);
    time_t t = (time_t)a->when.time;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(ci->when, sizeof(ci->when), "%Y-%m-%dT%H:%M:%SZ", &tm);
    size_t n = strlen(a->name) + strlen(a->email) + 4;
    ci->author = xmalloc(n);
    snprintf(ci->author, n, "%s <%s>", a->name, a->email);
    const char *s = git_commit_summary(commit);
    ci->subject = xstrdup(s ? s : "");
    ci->c = (struct store_commit){ci->id, ci->author, ci->when, ci->subject};
}

static void commit_info_free(struct commit_info *ci)
{
    free(ci->author);
    free(ci->subject);
}

struct tree_visit {
    struct walker *w;
    const struct store_commit *c;
    int rc;
};

static int tree_cb(const char *root, const git_tree_entry *e, void *payload)
{
    struct tree_visit *v = payload;
    if (git_tree_entry_type(e) == GIT_OBJECT_TREE)
        return walk_skip_name(git_tree_entry_name(e), true) ? 1 : 0;
    if (git_tree_entry_type(e) != GIT_OBJECT_BLOB)
        return 0;
    char path[4096];
    snprintf(path, sizeof(path), "%s%s", root, git_tree_entry_name(e));
    if (visit_blob(v->w, path, git_tree_entry_id(e), v->c) != 0) {
        v->rc = -1;
        return -1;
    }
    return 0;
}

/* Every file of a commit's tree (the root commit, or the --since baseline). */
static int visit_tree(struct walker *w, git_commit *commit, const struct store_commit *c)
{
    git_tree *tree;
    if (git_commit_tree(&tree, commit) != 0)
        return -1;
    struct tree_visit v = {w, c, 0};
    git_tree_walk(tree, GIT_TREEWALK_PRE, tree_cb, &v);
    git_tree_free(tree);
    return v.rc;
}

/* The files a commit changed against its first parent. */
static int visit_changes(struct walker *w, git_commit *commit, const struct store_commit *c)
{
    git_commit *parent = NULL;
    git_tree *old = NULL, *now = NULL;
    git_diff *diff = NULL;
    int rc = -1;
    if (git_commit_parent(&parent, commit, 0) != 0 || git_commit_tree(&old, parent) != 0 ||
        git_commit_tree(&now, commit) != 0 ||
        git_diff_tree_to_tree(&diff, w->repo, old, now, NULL) != 0)
        goto out;
    rc = 0;
    for (size_t i = 0; rc == 0 && i < git_diff_num_deltas(diff); i++) {
        const git_diff_delta *d = git_diff_get_delta(diff, i);
        if (d->status == GIT_DELTA_DELETED)
            rc = skipped_path(d->old_file.path) ? 0 : record(w, d->old_file.path, NULL, c);
        else if (d->new_file.mode == GIT_FILEMODE_BLOB ||
                 d->new_file.mode == GIT_FILEMODE_BLOB_EXECUTABLE)
            rc = visit_blob(w, d->new_file.path, &d->new_file.id, c);
    }
out:
    git_diff_free(diff);
    git_tree_free(old);
    git_tree_free(now);
    git_commit_free(parent);
    return rc;
}

static int git_fail(const char *repo, const char *what)
{
    const git_error *e = git_error_last();
    diag_report(DIAG_ERROR, repo, 0, "%s: %s", what, e && e->message ? e->message : "failed");
    return -1;
}

/* --since: a revision, or a date (the newest commit before it). */
static int find_baseline(struct walker *w, const git_oid *head, git_oid *out, bool *found)
{
    *found = false;
    const char *since = w->opt->since;
    if (!since)
        return 0;
    int32_t day;
    if (!date_parse(since, &day)) {
        git_object *obj;
        if (git_revparse_single(&obj, w->repo, since) != 0)
            return git_fail(w->opt->repo, "--since: not a date (YYYY-MM-DD) or a revision");
        git_object *peeled;
        int rc = git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT);
        git_object_free(obj);
        if (rc != 0)
            return git_fail(w->opt->repo, "--since: not a commit");
        git_oid_cpy(out, git_object_id(peeled));
        git_object_free(peeled);
        *found = true;
        return 0;
    }
    git_revwalk *walk;
    if (git_revwalk_new(&walk, w->repo) != 0)
        return git_fail(w->opt->repo, "cannot walk the history");
    git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
    git_revwalk_simplify_first_parent(walk);
    git_revwalk_push(walk, head);
    git_oid id;
    int64_t limit = (int64_t)day * 86400;
    while (!*found && git_revwalk_next(&id, walk) == 0) {
        git_commit *c;
        if (git_commit_lookup(&c, w->repo, &id) != 0)
            continue;
        if ((int64_t)git_commit_time(c) < limit) {
            git_oid_cpy(out, &id);
            *found = true;
        }
        git_commit_free(c);
    }
    git_revwalk_free(walk);
    return 0;
}

static int resolve_head(struct walker *w, git_oid *head)
{
    git_object *obj;
    const char *until = w->opt->until ? w->opt->until : "HEAD";
    if (git_revparse_single(&obj, w->repo, until) != 0)
        return git_fail(w->opt->repo, w->opt->until ? "--until: no such revision"
                                                    : "the repository has no commits");
    git_object *peeled;
    int rc = git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT);
    git_object_free(obj);
    if (rc != 0)
        return git_fail(w->opt->repo, "not a commit");
    git_oid_cpy(head, git_object_id(peeled));
    git_object_free(peeled);
    return 0;
}

/* Visit one commit: the whole tree for the first one, else its changes. */
static int visit_commit(struct walker *w, const git_oid *id, bool whole_tree)
{
    git_commit *commit;
    if (git_commit_lookup(&commit, w->repo, id) != 0)
        return git_fail(w->opt->repo, "cannot read a commit");
    struct commit_info ci;
    commit_info(commit, &ci);
    int rc = whole_tree || git_commit_parentcount(commit) == 0 ? visit_tree(w, commit, &ci.c)
                                                               : visit_changes(w, commit, &ci.c);
    commit_info_free(&ci);
    git_commit_free(commit);
    w->commits++;
    return rc;
}

static int walk_commits(struct walker *w, const git_oid *head)
{
    git_oid base;
    bool have_base;
    if (find_baseline(w, head, &base, &have_base) != 0)
        return -1;
    git_revwalk *walk;
    if (git_revwalk_new(&walk, w->repo) != 0)
        return git_fail(w->opt->repo, "cannot walk the history");
    git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
    git_revwalk_simplify_first_parent(walk);
    int rc = git_revwalk_push(walk, head);
    if (rc == 0 && have_base) {
        git_revwalk_hide(walk, &base);
        rc = visit_commit(w, &base, true);
    }
    git_oid id;
    while (rc == 0 && git_revwalk_next(&id, walk) == 0)
        rc = visit_commit(w, &id, false);
    git_revwalk_free(walk);
    return rc;
}

int git_history_walk(const struct git_walk_options *opt, struct git_walk_result *res)
{
    memset(res, 0, sizeof(*res));
    git_libgit2_init();
    /* libgit2 keeps up to 256 MiB of decoded objects by default; a walk reads
     * each blob once, so a small cache keeps memory flat at no cost. */
    git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, (ssize_t)(16 << 20));
    /* Pack files are mapped in windows; by default up to gigabytes of them
     * stay mapped (and resident) once read. A walk reads each once. */
    git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, (size_t)(8 << 20));
    git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, (size_t)(64 << 20));
    struct walker w = {.opt = opt};
    checks_all(&w.nchecks);
    w.scratch = xmalloc(w.nchecks ? w.nchecks : 1);
    int rc = -1;
    git_oid head;
    if (git_repository_open_ext(&w.repo, opt->repo, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) != 0) {
        git_fail(opt->repo, "not a git repository");
        goto out;
    }
    if (resolve_head(&w, &head) != 0)
        goto out;
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof(hex), &head);
    w.store = store_walk_begin(opt->db_path, opt->repo, hex);
    if (!w.store)
        goto out;
    /* Old versions' parse diagnostics are history, not news: counted, not printed. */
    diag_set_quiet(true);
    rc = walk_commits(&w, &head);
    diag_set_quiet(false);
    if (rc == 0)
        rc = store_walk_finish(w.store, w.commits, w.versions);
    else
        store_walk_abort(w.store);
    res->commits = w.commits;
    res->versions = w.versions;
    res->devices = w.used;
    const char *wd = git_repository_workdir(w.repo);
    res->workdir = wd ? xstrdup(wd) : NULL;
out:
    if (w.errors)
        rc = -1;
    git_repository_free(w.repo);
    table_free(&w);
    free(w.scratch);
    git_libgit2_shutdown();
    return rc;
}
