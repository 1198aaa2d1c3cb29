/*
 * since_attach.c - when each failure the history knows of began, per
 * (device, check), for the reports (report_run.since). The repository
 * history of `scan --git` is read first: per check, the change that started
 * the latest run of "fail" verdicts names the commit. A device the walk does
 * not hold falls back to the recorded runs.
 */
#include "cli/since_attach.h"

#include "store/store.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct since_list {
    struct report_since *v;
    size_t n, cap;
    struct arena *a;
};

static void since_add(struct since_list *l, const char *device, const char *check, const char *when,
                      const char *commit)
{
    if (!when)
        return;
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
    }
    l->v[l->n++] = (struct report_since){
        .device = arena_strdup(l->a, device),
        .check = arena_strdup(l->a, check),
        .when = arena_strdup(l->a, when),
        .commit = commit ? arena_strdup(l->a, commit) : NULL,
    };
}

/* Repository history: rows oldest first. For each check, the change that
 * began its current series of failures (none when it does not fail at the
 * newest change). */
static void from_changes(struct since_list *l, const char *device,
                         const struct store_change_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        bool newest = true;
        for (size_t k = i + 1; k < n && newest; k++)
            newest = strcmp(rows[k].check, rows[i].check) != 0;
        if (!newest || strcmp(rows[i].verdict, "fail") != 0)
            continue;
        const struct store_change_row *start = &rows[i];
        for (size_t k = i; k-- > 0;) {
            if (strcmp(rows[k].check, rows[i].check) != 0)
                continue;
            if (strcmp(rows[k].verdict, "fail") != 0)
                break;
            start = &rows[k];
        }
        since_add(l, device, rows[i].check, start->when, start->commit);
    }
}

/* "A, B, C" holds id as one of its items. */
static bool in_list(const char *list, const char *id)
{
    size_t len = strlen(id);
    for (const char *p = list; p && *p;) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n == len && memcmp(p, id, len) == 0)
            return true;
        if (!end)
            break;
        p = end + 1;
        while (*p == ' ')
            p++;
    }
    return false;
}

/* Recorded runs, oldest first: for each check failing in the newest, the
 * first run of the unbroken series of runs it failed in. */
static void from_runs(struct since_list *l, const char *device, const struct store_device_row *rows,
                      size_t n)
{
    if (!n || !rows[n - 1].failing)
        return;
    const char *list = rows[n - 1].failing;
    for (const char *p = list; *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char id[128];
        snprintf(id, sizeof(id), "%.*s", (int)len, p);
        size_t first = n - 1;
        while (first > 0 && in_list(rows[first - 1].failing, id))
            first--;
        since_add(l, device, id, rows[first].started, NULL);
        if (!end)
            break;
        p = end + 1;
        while (*p == ' ')
            p++;
    }
}

static int cmp_since(const void *a, const void *b)
{
    const struct report_since *x = a, *y = b;
    int c = strcmp(x->device, y->device);
    return c ? c : strcmp(x->check, y->check);
}

static void since_device(struct since_list *l, const char *db, const char *device)
{
    struct store_change_row *changes;
    size_t n;
    char *repo = NULL;
    if (store_device_changes(db, device, NULL, &repo, &changes, &n) == 0 && n) {
        from_changes(l, device, changes, n);
        store_change_rows_free(changes, n);
        free(repo);
        return;
    }
    free(repo);
    struct store_device_row *runs;
    if (store_device_history(db, device, &runs, &n) == 0) {
        from_runs(l, device, runs, n);
        store_device_rows_free(runs, n);
    }
}

void since_attach(struct report_run *run, const char *db, const struct walk_list *files,
                  struct arena *a)
{
    if (!db || access(db, R_OK) != 0)
        return;
    struct since_list l = {.a = a};
    for (size_t i = 0; i < files->n; i++) {
        const struct walk_entry *e = &files->items[i];
        since_device(&l, db, e->relpath && e->relpath[0] ? e->relpath : e->path);
    }
    if (l.n > 1)
        qsort(l.v, l.n, sizeof(*l.v), cmp_since);
    if (l.n) {
        struct report_since *v = arena_alloc(a, l.n * sizeof(*v));
        memcpy(v, l.v, l.n * sizeof(*v));
        run->since = v;
        run->nsince = l.n;
    }
    free(l.v);
}
