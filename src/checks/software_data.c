/*
 * software_data.c - the release-support table of SW-SUPPORTED-RELEASE: the
 * built-in rows (data/releases/releases.yaml, embedded at build) and the
 * provider's own file of the same shape (profile software.releases).
 *
 * Reading a table is not check logic: this file only turns YAML into rows
 * and answers "which row covers this release". A bad row is reported with
 * its position and skipped; the rest of the table loads.
 */
#include "checks/checks.h"
#include "checks_assets.h"
#include "core/ydoc.h"

#include <fnmatch.h>
#include <pthread.h>
#include <string.h>

#define RELEASE_MAX_ROWS 100000u

static const char *const row_keys[] = {
    "platform", "train", "end_of_maintenance", "ended_by", "milestone", "source", NULL};

/* A required string member of a row (diagnostic naming it when absent). */
static const char *row_str(struct ydoc *y, const yaml_node_t *row, const char *key,
                           const char *field)
{
    yaml_node_t *v = ydoc_get(y, row, key);
    char f[128];
    snprintf(f, sizeof(f), "%s.%s", field, key);
    if (!v) {
        ydoc_diag(y, DIAG_ERROR, row, field, "a release row needs '%s'", key);
        return NULL;
    }
    const char *s = ydoc_str(y, v, f);
    if (s && !*s) {
        ydoc_diag(y, DIAG_ERROR, v, f, "empty value");
        return NULL;
    }
    return s;
}

static bool load_row(struct ydoc *y, const yaml_node_t *row, const char *field,
                     struct release_row *out)
{
    if (row->type != YAML_MAPPING_NODE) {
        ydoc_diag(y, DIAG_ERROR, row, field, "expected a mapping, found %s", ydoc_type_name(row));
        return false;
    }
    ydoc_check_keys(y, row, field, row_keys);
    const char *platform = row_str(y, row, "platform", field);
    const char *train = row_str(y, row, "train", field);
    /* The vendor's date, or (ended_by) a day by which the train had
     * certainly ended when the vendor gives no date: the day a vendor list
     * of ended trains was read, or a bound from the vendor's policy. */
    bool listed = ydoc_get(y, row, "ended_by") != NULL;
    const char *date_key = listed ? "ended_by" : "end_of_maintenance";
    if (listed && ydoc_get(y, row, "end_of_maintenance")) {
        ydoc_diag(y, DIAG_ERROR, row, field,
                  "a release row has end_of_maintenance or ended_by, not both");
        return false;
    }
    const char *end = row_str(y, row, date_key, field);
    const char *source = row_str(y, row, "source", field);
    yaml_node_t *mv = ydoc_get(y, row, "milestone");
    memset(out, 0, sizeof(*out));
    out->end_bound = listed;
    if (platform && !dialect_from_name(platform, &out->dialect)) {
        ydoc_diag(y, DIAG_ERROR, ydoc_get(y, row, "platform"), field, "'%s' is not a dialect (%s)",
                  platform, dialect_name_list());
        return false;
    }
    if (end && !date_parse(end, &out->end)) {
        ydoc_diag(y, DIAG_ERROR, ydoc_get(y, row, date_key), field, "not a date (YYYY-MM-DD)");
        return false;
    }
    if (!platform || !train || !end || !source)
        return false;
    out->train = train;
    out->source = source;
    out->milestone = mv ? ydoc_str(y, mv, field) : NULL;
    out->line = (uint32_t)row->start_mark.line + 1;
    return true;
}

int release_table_load(struct release_table *t, struct arena *arena, const char *path,
                       const char *data, size_t len)
{
    struct ydoc y;
    memset(t, 0, sizeof(*t));
    if (ydoc_load(&y, arena, path, data, len) != 0)
        return 1;
    yaml_node_t *root = ydoc_root(&y);
    yaml_node_t *list =
        root && root->type == YAML_MAPPING_NODE ? ydoc_get(&y, root, "releases") : root;
    if (!list || list->type != YAML_SEQUENCE_NODE) {
        ydoc_diag(&y, DIAG_ERROR, list ? list : root, "releases", "expected a list of rows");
        ydoc_free(&y);
        return y.errors ? y.errors : 1;
    }
    size_t k = (size_t)(list->data.sequence.items.top - list->data.sequence.items.start);
    if (k > RELEASE_MAX_ROWS) {
        ydoc_diag(&y, DIAG_ERROR, list, "releases", "%zu rows; only the first %u are read", k,
                  RELEASE_MAX_ROWS);
        k = RELEASE_MAX_ROWS;
    }
    t->v = k ? arena_alloc(arena, k * sizeof(*t->v)) : NULL;
    const char *file = arena_strdup(arena, path);
    for (size_t i = 0; i < k; i++) {
        char field[48];
        snprintf(field, sizeof(field), "releases[%zu]", i);
        yaml_node_t *row = ydoc_node(&y, list->data.sequence.items.start[i]);
        if (row && load_row(&y, row, field, &t->v[t->n])) {
            t->v[t->n].file = file;
            t->n++;
        }
    }
    ydoc_free(&y);
    return y.errors;
}

/* ------------------------------------------------------------- built-in */

static struct arena builtin_arena;
static struct release_table builtin;
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

static void builtin_load(void)
{
    arena_init(&builtin_arena);
    if (release_table_load(&builtin, &builtin_arena, "data/releases/releases.yaml",
                           asset_releases_yaml, strlen(asset_releases_yaml)) != 0)
        BUG("the built-in release table does not load");
    for (size_t i = 0; i < builtin.n; i++)
        builtin.v[i].file = "built-in";
}

const struct release_table *release_table_builtin(void)
{
    pthread_once(&builtin_once, builtin_load);
    return &builtin;
}

/* ---------------------------------------------------------------- look-up */

bool release_in_train(const char *release, const char *train)
{
    if (!release || !train)
        return false;
    if (strpbrk(train, "*?["))
        return fnmatch(train, release, 0) == 0;
    size_t n = strlen(train);
    if (strncmp(release, train, n) != 0)
        return false;
    /* "4.26" covers 4.26.1F but not 4.260; "11.2" covers 11.2(26). */
    char next = release[n];
    return !(next >= '0' && next <= '9');
}

static const struct release_row *find(const struct release_table *t, enum dialect d,
                                      const char *release)
{
    for (size_t i = 0; t && i < t->n; i++)
        if (t->v[i].dialect == d && release_in_train(release, t->v[i].train))
            return &t->v[i];
    return NULL;
}

const struct release_row *release_lookup(const struct release_table *provider, enum dialect d,
                                         const char *release)
{
    const struct release_row *r = find(provider, d, release);
    return r ? r : find(release_table_builtin(), d, release);
}
